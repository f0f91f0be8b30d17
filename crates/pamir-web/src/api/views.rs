//! What the API sends: items, media, categories and tags as JSON, built
//! from domain values. Dates are RFC 3339 strings in UTC.

use crate::view::urls;
use chrono::{DateTime, Utc};
use pamir_domain::Item;
use pamir_domain::media::Media;
use pamir_domain::taxonomy::{CategoryTree, Tag};
use serde::Serialize;
use utoipa::ToSchema;

pub fn time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[derive(Serialize, ToSchema)]
pub struct ApiVariant {
    pub url: String,
    pub mime_type: String,
    pub width: i64,
    pub height: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ApiMedia {
    pub id: i64,
    pub url: String,
    pub mime_type: String,
    pub width: i64,
    pub height: i64,
    /// Empty when the image is decorative.
    pub alt: String,
    pub caption: String,
    pub credit: String,
    pub decorative: bool,
    /// Resized renditions, for `srcset`.
    pub variants: Vec<ApiVariant>,
}

impl From<&Media> for ApiMedia {
    fn from(media: &Media) -> Self {
        Self {
            id: media.id,
            url: urls::media(&media.path),
            mime_type: media.mime_type.clone(),
            width: media.width,
            height: media.height,
            alt: media.alt.clone(),
            caption: media.caption.clone(),
            credit: media.credit.clone(),
            decorative: media.decorative,
            variants: media
                .variants
                .iter()
                .map(|v| ApiVariant {
                    url: urls::media(&v.path),
                    mime_type: v.mime_type.clone(),
                    width: v.width,
                    height: v.height,
                })
                .collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ApiTag {
    pub id: i64,
    pub name: String,
    pub slug: String,
}

impl From<&Tag> for ApiTag {
    fn from(tag: &Tag) -> Self {
        Self { id: tag.id, name: tag.name.clone(), slug: tag.slug.clone() }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ApiCategory {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub name: String,
    pub slug: String,
    /// The category's page, e.g. `/en/news/press-releases/`.
    pub url: String,
}

#[derive(Serialize, ToSchema)]
pub struct ApiSource {
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
}

/// A facts item's key figure, read and written alike.
#[derive(Serialize, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApiKeyFigure {
    /// "USD 4.6 billion"
    pub value: String,
    /// What it counts: "sent home by migrants in 2025".
    #[serde(default)]
    pub label: String,
}

#[derive(Serialize, ToSchema)]
pub struct ApiEvent {
    pub starts_at: String,
    pub ends_at: Option<String>,
    pub venue: Option<String>,
    pub entries_deadline: Option<String>,
    pub registration_url: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiTranslation {
    pub lang: String,
    pub id: i64,
    pub url: String,
}

/// An item in a listing.
#[derive(Serialize, ToSchema)]
pub struct ApiItemSummary {
    pub id: i64,
    pub lang: String,
    /// article, op-ed, facts, event or photo-story.
    pub kind: String,
    pub title: String,
    /// Its page; absent when the item is not visible to readers.
    pub url: Option<String>,
    pub teaser_html: String,
    pub byline: Option<String>,
    pub published_at: String,
    pub category_id: i64,
}

/// An item with everything it shows.
#[derive(Serialize, ToSchema)]
pub struct ApiItem {
    pub id: i64,
    pub group_id: i64,
    pub lang: String,
    pub kind: String,
    /// draft, review, published, archived or trashed.
    pub state: String,
    pub category_id: i64,
    pub slug: String,
    pub url: Option<String>,
    pub title: String,
    pub teaser_markdown: String,
    pub body_markdown: String,
    /// Rendered and sanitised from the Markdown.
    pub teaser_html: String,
    pub body_html: String,
    /// The item's page shows the teaser above the body.
    pub teaser_above_body: bool,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub source: Option<ApiSource>,
    pub key_figure: Option<ApiKeyFigure>,
    pub event: Option<ApiEvent>,
    pub image: Option<ApiMedia>,
    pub gallery: Vec<ApiMedia>,
    pub tags: Vec<ApiTag>,
    pub featured: bool,
    pub publish_up: Option<String>,
    pub publish_down: Option<String>,
    pub published_at: String,
    pub updated_at: String,
    /// Send it back with an update; a stale one is refused (409).
    pub version: i64,
    /// The item in the site's other languages (published ones).
    pub translations: Vec<ApiTranslation>,
}

/// The public page of an item, when readers can see it.
pub fn item_url(item: &Item, tree: &CategoryTree, now: DateTime<Utc>) -> Option<String> {
    (item.is_visible_at(now) && tree.get(item.category_id).is_some())
        .then(|| urls::item(item.lang.as_str(), tree, item.category_id, &item.slug))
}

pub fn summary(item: &Item, tree: &CategoryTree, now: DateTime<Utc>) -> ApiItemSummary {
    ApiItemSummary {
        id: item.id,
        lang: item.lang.to_string(),
        kind: item.kind.as_str().to_owned(),
        title: item.title.clone(),
        url: item_url(item, tree, now),
        teaser_html: item.teaser_html.clone(),
        byline: item.byline.clone(),
        published_at: time(item.published_at),
        category_id: item.category_id,
    }
}

/// What an item needs besides itself to become an [`ApiItem`].
pub struct Extras<'a> {
    pub tree: &'a CategoryTree,
    pub media: &'a [Media],
    pub gallery: &'a [i64],
    pub tags: Vec<ApiTag>,
    pub translations: Vec<ApiTranslation>,
    pub now: DateTime<Utc>,
}

pub fn item(item: &Item, extras: Extras<'_>) -> ApiItem {
    let media = |id: i64| extras.media.iter().find(|m| m.id == id).map(ApiMedia::from);
    ApiItem {
        id: item.id,
        group_id: item.group_id,
        lang: item.lang.to_string(),
        kind: item.kind.as_str().to_owned(),
        state: item.state.as_str().to_owned(),
        category_id: item.category_id,
        slug: item.slug.clone(),
        url: item_url(item, extras.tree, extras.now),
        title: item.title.clone(),
        teaser_markdown: item.teaser_markdown.clone(),
        body_markdown: item.body_markdown.clone(),
        teaser_html: item.teaser_html.clone(),
        body_html: item.body_html.clone(),
        teaser_above_body: item.teaser_above_body,
        byline: item.byline.clone(),
        dateline: item.dateline.clone(),
        source: item.source.as_ref().map(|s| ApiSource {
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            url: s.url.clone(),
            date: s.date.clone(),
        }),
        key_figure: item.key_figure.as_ref().map(|f| ApiKeyFigure { value: f.value.clone(), label: f.label.clone() }),
        event: item.event.as_ref().map(|e| ApiEvent {
            starts_at: time(e.starts_at),
            ends_at: e.ends_at.map(time),
            venue: e.venue.clone(),
            entries_deadline: e.entries_deadline.map(time),
            registration_url: e.registration_url.clone(),
        }),
        image: item.image_id.and_then(media),
        gallery: extras.gallery.iter().filter_map(|id| media(*id)).collect(),
        tags: extras.tags,
        featured: item.featured,
        publish_up: item.publish_up.map(time),
        publish_down: item.publish_down.map(time),
        published_at: time(item.published_at),
        updated_at: time(item.updated_at),
        version: item.version,
        translations: extras.translations,
    }
}
