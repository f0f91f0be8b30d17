//! Creating items. Markdown is rendered and sanitised here, once, on save.

use crate::change::Change;
use crate::{Core, CoreError};
use chrono::{DateTime, Utc};
use pamir_content::slug::{is_valid_slug, slugify};
use pamir_db::items::NewItem;
use pamir_domain::{Item, ItemContent, Lang, Message, SiteId, Violations};

pub use pamir_domain::item::TITLE_MAX;

/// What an editor, importer or generator provides for a new item: the
/// item's content (see [`ItemContent`]; reads and writes reach its fields
/// through `input.title` and the like) and where it goes.
#[derive(Debug, Clone)]
pub struct ItemInput {
    pub site: SiteId,
    /// The translation group to join; `None` starts a new one.
    pub group_id: Option<i64>,
    pub lang: Lang,
    /// An empty slug is made from the title.
    pub content: ItemContent,
    /// `None` means now.
    pub published_at: Option<DateTime<Utc>>,
    pub tag_ids: Vec<i64>,
    pub gallery: Vec<i64>,
    pub author_id: Option<i64>,
    /// Set by importers: the source record, stored with the item.
    pub imported: Option<ImportedFrom>,
}

impl std::ops::Deref for ItemInput {
    type Target = ItemContent;
    fn deref(&self) -> &ItemContent {
        &self.content
    }
}

impl std::ops::DerefMut for ItemInput {
    fn deref_mut(&mut self) -> &mut ItemContent {
        &mut self.content
    }
}

/// An imported item's origin: its record in the old system, how often it
/// was read there, and when it was written. (Its change date is the
/// import's: the search index and caches catch up by change dates.)
#[derive(Debug, Clone, Default)]
pub struct ImportedFrom {
    pub source: String,
    pub kind: String,
    pub source_id: String,
    pub hits: i64,
    pub created_at: Option<DateTime<Utc>>,
}

impl ItemInput {
    /// A published article with only the essentials set; callers fill in the rest.
    pub fn article(site: SiteId, lang: Lang, category_id: i64, title: &str) -> Self {
        Self {
            site,
            group_id: None,
            lang,
            content: ItemContent::article(category_id, title),
            published_at: None,
            tag_ids: Vec::new(),
            gallery: Vec::new(),
            author_id: None,
            imported: None,
        }
    }
}

/// Checks the input against every rule and turns it into a storable item
/// (id 0 until stored). A refusal names every broken rule with its field.
pub fn prepare(input: &ItemInput, group_id: i64, now: DateTime<Utc>) -> Result<Item, CoreError> {
    let title = input.title.trim();
    let mut broken = Violations::default();
    let slug = if input.slug.is_empty() {
        Some(slugify(title)).filter(|slug| !slug.is_empty()).unwrap_or_else(|| format!("item-{group_id}"))
    } else {
        let slug = &input.slug;
        broken.check(!is_valid_slug(slug), "slug", || Message::new("rule-slug-invalid").with("slug", slug));
        slug.clone()
    };
    let non_empty = |text: &Option<String>| text.as_ref().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
    let content = ItemContent {
        slug,
        title: title.to_owned(),
        byline: non_empty(&input.byline),
        dateline: non_empty(&input.dateline),
        ..input.content.clone()
    };
    let item = Item {
        id: 0,
        site_id: input.site,
        group_id,
        lang: input.lang.clone(),
        teaser_html: pamir_content::render_safe(&content.teaser_markdown),
        body_html: pamir_content::render_safe(&content.body_markdown),
        checks: pamir_content::checks::keys(&content.teaser_markdown, &content.body_markdown),
        content,
        published_at: input.published_at.or(input.publish_up).unwrap_or(now),
        created_at: input.imported.as_ref().and_then(|from| from.created_at).unwrap_or(now),
        updated_at: now,
        created_by: input.author_id,
        updated_by: input.author_id,
        version: 1,
    };
    if let Err(rules) = item.validate() {
        broken.0.extend(rules.0);
    }
    broken.into_result().map_err(CoreError::Rules)?;
    Ok(item)
}

/// Creates one item and announces the change.
pub async fn create(core: &Core, input: ItemInput) -> Result<Item, CoreError> {
    let mut created = create_many(core, vec![input]).await?;
    created.pop().ok_or_else(|| CoreError::Internal("nothing was created".into()))
}

/// Makes `count` new translation groups, for items that will be created in
/// several languages later in the same import (an item names its group).
pub async fn create_groups(core: &Core, site: SiteId, count: usize) -> Result<Vec<i64>, CoreError> {
    let mut change = core.begin().await?;
    let groups = pamir_db::items::create_groups(&mut change.tx, site, count, core.clock.now()).await?;
    change.commit().await?;
    Ok(groups)
}

/// Creates items in one transaction (all or none) and announces the change once.
pub async fn create_many(core: &Core, inputs: Vec<ItemInput>) -> Result<Vec<Item>, CoreError> {
    let mut change = core.begin().await?;
    let items = create_many_in(core, &mut change, inputs).await?;
    change.commit().await?;
    Ok(items)
}

/// Creates items as part of a larger change (its transaction, its notices).
pub async fn create_many_in(
    core: &Core,
    change: &mut Change<'_>,
    inputs: Vec<ItemInput>,
) -> Result<Vec<Item>, CoreError> {
    let now = core.clock.now();
    // Validate everything before writing anything, then make the new groups together.
    for input in &inputs {
        prepare(input, 0, now)?;
    }
    let mut new_groups: std::collections::HashMap<SiteId, Vec<i64>> = std::collections::HashMap::new();
    for input in inputs.iter().filter(|input| input.group_id.is_none()) {
        new_groups.entry(input.site).or_default().push(0);
    }
    for (site, groups) in &mut new_groups {
        *groups = pamir_db::items::create_groups(&mut change.tx, *site, groups.len(), now).await?;
    }
    let mut items = Vec::with_capacity(inputs.len());
    for input in &inputs {
        let group_id = match input.group_id {
            Some(group) => group,
            None => new_groups
                .get_mut(&input.site)
                .and_then(Vec::pop)
                .ok_or_else(|| CoreError::Internal("an item group was not created".into()))?,
        };
        items.push(prepare(input, group_id, now)?);
    }
    let batch: Vec<NewItem<'_>> = items
        .iter()
        .zip(&inputs)
        .map(|(item, input)| NewItem {
            item,
            tag_ids: &input.tag_ids,
            gallery: &input.gallery,
            imported: input.imported.as_ref().map(|from| pamir_db::items::Imported {
                source: &from.source,
                kind: &from.kind,
                source_id: &from.source_id,
                hits: from.hits,
            }),
        })
        .collect();
    let ids = pamir_db::items::insert_batch(&mut change.tx, &batch).await?;
    for (item, id) in items.iter_mut().zip(ids) {
        item.id = id;
    }
    for input in &inputs {
        change.content_changed(input.site);
    }
    Ok(items)
}
