//! How an item row is read back into an [`Item`].

use crate::DbError;
use crate::time::{from_db, opt_from_db};
use pamir_domain::{EventDetails, Item, ItemKind, ItemState, Lang, SourceCitation};

pub(super) const ITEM_COLUMNS: &str = "i.id, i.site_id, i.group_id, i.lang, i.kind, i.category_id, i.slug, i.title,
    i.teaser_markdown, i.body_markdown, i.teaser_html, i.body_html, i.byline, i.dateline,
    i.source_title, i.source_publisher, i.source_url, i.source_date,
    i.event_starts_at, i.event_ends_at, i.event_venue, i.event_entries_deadline, i.event_registration_url,
    i.image_id, i.featured, i.featured_order, i.featured_until, i.state, i.publish_up, i.publish_down,
    i.published_at, i.created_at, i.updated_at, i.created_by, i.updated_by, i.version";

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
    byline: Option<String>,
    dateline: Option<String>,
    source_title: Option<String>,
    source_publisher: Option<String>,
    source_url: Option<String>,
    source_date: Option<String>,
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
        Ok(Item {
            id: self.id,
            site_id: self.site_id,
            group_id: self.group_id,
            lang,
            kind,
            category_id: self.category_id,
            slug: self.slug,
            title: self.title,
            teaser_markdown: self.teaser_markdown,
            body_markdown: self.body_markdown,
            teaser_html: self.teaser_html,
            body_html: self.body_html,
            byline: self.byline,
            dateline: self.dateline,
            source,
            event,
            image_id: self.image_id,
            featured: self.featured,
            featured_order: self.featured_order,
            featured_until: opt_from_db(self.featured_until)?,
            state,
            publish_up: opt_from_db(self.publish_up)?,
            publish_down: opt_from_db(self.publish_down)?,
            published_at: from_db(self.published_at)?,
            created_at: from_db(self.created_at)?,
            updated_at: from_db(self.updated_at)?,
            created_by: self.created_by,
            updated_by: self.updated_by,
            version: self.version,
        })
    }
}
