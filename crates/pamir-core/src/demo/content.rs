//! The shape of `content.toml`.

use pamir_domain::site::LocalizedText;
use serde::Deserialize;

#[derive(Deserialize)]
pub(super) struct DemoContent {
    pub site: Site,
    pub identity: Identity,
    pub contact: Contact,
    #[serde(rename = "category")]
    pub categories: Vec<Category>,
    #[serde(rename = "tag")]
    pub tags: Vec<Tag>,
    #[serde(rename = "media")]
    pub media: Vec<Media>,
    #[serde(rename = "item")]
    pub items: Vec<Item>,
}

#[derive(Deserialize)]
pub(super) struct Site {
    pub default_lang: String,
    pub languages: Vec<String>,
    pub front_page_size: u32,
    pub name: LocalizedText,
    pub tagline: LocalizedText,
    pub time_zone: chrono_tz::Tz,
}

#[derive(Deserialize)]
pub(super) struct Identity {
    pub brand_colour: pamir_domain::colour::Colour,
    /// A media key.
    pub logo: String,
    pub organisation: LocalizedText,
    pub social: Vec<pamir_domain::site::Link>,
    pub key_pages: std::collections::BTreeMap<String, Vec<pamir_domain::site::Link>>,
}

#[derive(Deserialize)]
pub(super) struct Contact {
    pub phone_main: String,
    pub phone_mobile: String,
    pub fax: String,
    pub email: String,
    pub hours: LocalizedText,
    pub address: LocalizedText,
}

#[derive(Deserialize)]
pub(super) struct Category {
    pub key: String,
    pub parent: String,
    pub name: LocalizedText,
    pub slug: LocalizedText,
    pub description: LocalizedText,
}

#[derive(Deserialize)]
pub(super) struct Tag {
    pub key: String,
    pub name: LocalizedText,
    pub slug: LocalizedText,
}

#[derive(Deserialize)]
pub(super) struct Media {
    pub key: String,
    pub file: String,
    pub width: i64,
    pub height: i64,
    pub credit: String,
    pub alt: LocalizedText,
    pub caption: LocalizedText,
}

#[derive(Deserialize)]
pub(super) struct Item {
    pub group: String,
    pub lang: String,
    pub kind: String,
    pub category: String,
    pub slug: String,
    pub title: String,
    pub teaser: String,
    pub body: String,
    #[serde(default)]
    pub byline: String,
    #[serde(default)]
    pub dateline: String,
    pub published: String,
    #[serde(default)]
    pub featured: bool,
    pub featured_order: Option<i64>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub image: Option<String>,
    pub key_figure: Option<pamir_domain::item::KeyFigure>,
    pub source: Option<Source>,
    pub event: Option<Event>,
    #[serde(default)]
    pub gallery: Vec<String>,
}

#[derive(Deserialize)]
pub(super) struct Source {
    pub title: String,
    pub publisher: String,
    pub url: String,
    pub date: String,
}

#[derive(Deserialize)]
pub(super) struct Event {
    pub start: String,
    pub end: String,
    pub venue: String,
    pub deadline: Option<String>,
    pub registration_url: Option<String>,
}
