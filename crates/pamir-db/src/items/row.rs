//! How an item row is read back into an [`Item`].

use crate::DbError;
use crate::time::{from_db, opt_from_db};
use pamir_domain::item::KeyFigure;
use pamir_domain::{EventDetails, Item, ItemContent, ItemKind, ItemState, Lang, SourceCitation};

/// The columns a writer sets, in the order [`bind_content!`] binds them:
/// one list for INSERT, UPDATE and SELECT. A new item field is a column
/// here, a bind in `bind_content!` and a field of [`ItemRow`].
macro_rules! content_columns {
    () => {
        "kind, category_id, slug, title, teaser_markdown, body_markdown, teaser_html, body_html, checks, teaser_above_body, \
         byline, dateline, \
         source_title, source_publisher, source_url, source_date, key_figure, key_figure_label, \
         event_starts_at, event_ends_at, event_venue, event_entries_deadline, event_registration_url, \
         image_id, featured, featured_order, featured_until, state, publish_up, publish_down, \
         published_at, updated_at, updated_by"
    };
}
pub(super) use content_columns;

/// How many columns [`content_columns!`] names.
pub(super) const CONTENT_COLUMN_COUNT: usize = 33;

/// Binds an item's content columns, in the order of [`content_columns!`].
macro_rules! bind_content {
    ($query:expr, $item:expr) => {{
        let item = $item;
        let source = item.source.as_ref();
        let event = item.event.as_ref();
        $query
            .bind(item.kind.as_str())
            .bind(item.category_id)
            .bind(&item.slug)
            .bind(&item.title)
            .bind(&item.teaser_markdown)
            .bind(&item.body_markdown)
            .bind(&item.teaser_html)
            .bind(&item.body_html)
            .bind(item.checks.join(" "))
            .bind(item.teaser_above_body)
            .bind(&item.byline)
            .bind(&item.dateline)
            .bind(source.map(|s| s.title.as_str()))
            .bind(source.and_then(|s| s.publisher.as_deref()))
            .bind(source.and_then(|s| s.url.as_deref()))
            .bind(source.and_then(|s| s.date.as_deref()))
            .bind(item.key_figure.as_ref().map(|f| f.value.as_str()))
            .bind(item.key_figure.as_ref().map(|f| f.label.as_str()))
            .bind(event.map(|e| $crate::time::to_db(e.starts_at)))
            .bind(event.and_then(|e| $crate::time::opt_to_db(e.ends_at)))
            .bind(event.and_then(|e| e.venue.as_deref()))
            .bind(event.and_then(|e| $crate::time::opt_to_db(e.entries_deadline)))
            .bind(event.and_then(|e| e.registration_url.as_deref()))
            .bind(item.image_id)
            .bind(item.featured)
            .bind(item.featured_order)
            .bind($crate::time::opt_to_db(item.featured_until))
            .bind(item.state.as_str())
            .bind($crate::time::opt_to_db(item.publish_up))
            .bind($crate::time::opt_to_db(item.publish_down))
            .bind($crate::time::to_db(item.published_at))
            .bind($crate::time::to_db(item.updated_at))
            .bind(item.updated_by)
    }};
}
pub(super) use bind_content;

/// Every column of an item row, for SELECTs from `items i` (no other table
/// in these queries has such columns, so they need no prefix).
pub(super) const ITEM_COLUMNS: &str =
    concat!("i.id, i.site_id, i.group_id, i.lang, ", content_columns!(), ", i.created_at, i.created_by, i.version");

/// `kind = $4, category_id = $5, ...`: the SET list of a save, numbered
/// from `first`.
pub(super) fn content_assignments(first: usize) -> String {
    content_columns!()
        .split(',')
        .enumerate()
        .map(|(n, column)| format!("{} = ${}", column.trim(), first + n))
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(sqlx::FromRow)]
pub(super) struct ItemRow {
    id: i64,
    site_id: i64,
    group_id: i64,
    lang: String,
    kind: String,
    category_id: i64,
    slug: String,
    title: String,
    teaser_markdown: String,
    body_markdown: String,
    teaser_html: String,
    body_html: String,
    checks: Option<String>,
    teaser_above_body: bool,
    byline: Option<String>,
    dateline: Option<String>,
    source_title: Option<String>,
    source_publisher: Option<String>,
    source_url: Option<String>,
    source_date: Option<String>,
    key_figure: Option<String>,
    key_figure_label: Option<String>,
    event_starts_at: Option<i64>,
    event_ends_at: Option<i64>,
    event_venue: Option<String>,
    event_entries_deadline: Option<i64>,
    event_registration_url: Option<String>,
    image_id: Option<i64>,
    featured: bool,
    featured_order: Option<i64>,
    featured_until: Option<i64>,
    state: String,
    publish_up: Option<i64>,
    publish_down: Option<i64>,
    published_at: i64,
    created_at: i64,
    updated_at: i64,
    created_by: Option<i64>,
    updated_by: Option<i64>,
    version: i64,
}

impl ItemRow {
    pub(super) fn into_item(self) -> Result<Item, DbError> {
        let corrupt = |what: &str, value: &str| DbError::Corrupt(format!("item {}: {what} {value:?}", self.id));
        let kind = ItemKind::parse(&self.kind).ok_or_else(|| corrupt("kind", &self.kind))?;
        let state = ItemState::parse(&self.state).ok_or_else(|| corrupt("state", &self.state))?;
        let lang = Lang::parse(&self.lang).map_err(|_| corrupt("lang", &self.lang))?;
        let source = self.source_title.map(|title| SourceCitation {
            title,
            publisher: self.source_publisher,
            url: self.source_url,
            date: self.source_date,
        });
        let event = match self.event_starts_at {
            Some(starts_at) => Some(EventDetails {
                starts_at: from_db(starts_at)?,
                ends_at: opt_from_db(self.event_ends_at)?,
                venue: self.event_venue,
                entries_deadline: opt_from_db(self.event_entries_deadline)?,
                registration_url: self.event_registration_url,
            }),
            None => None,
        };
        let content = ItemContent {
            kind,
            category_id: self.category_id,
            slug: self.slug,
            title: self.title,
            teaser_markdown: self.teaser_markdown,
            body_markdown: self.body_markdown,
            teaser_above_body: self.teaser_above_body,
            byline: self.byline,
            dateline: self.dateline,
            source,
            key_figure: self
                .key_figure
                .map(|value| KeyFigure { value, label: self.key_figure_label.unwrap_or_default() }),
            event,
            image_id: self.image_id,
            featured: self.featured,
            featured_order: self.featured_order,
            featured_until: opt_from_db(self.featured_until)?,
            state,
            publish_up: opt_from_db(self.publish_up)?,
            publish_down: opt_from_db(self.publish_down)?,
        };
        Ok(Item {
            id: self.id,
            site_id: self.site_id,
            group_id: self.group_id,
            lang,
            content,
            teaser_html: self.teaser_html,
            body_html: self.body_html,
            checks: self.checks.unwrap_or_default().split_whitespace().map(str::to_owned).collect(),
            published_at: from_db(self.published_at)?,
            created_at: from_db(self.created_at)?,
            updated_at: from_db(self.updated_at)?,
            created_by: self.created_by,
            updated_by: self.updated_by,
            version: self.version,
        })
    }
}
