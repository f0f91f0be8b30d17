//! The item editor's form: fields as sent (`name=value` pairs, so repeated
//! fields like tags work without JavaScript), turned into an item input,
//! and back into what the form shows, keeping whatever was typed; and the
//! choices it offers (categories, the library's pictures).

use crate::admin::render::AdminError;
use crate::admin::session::Editor;
use crate::state::AppState;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use pamir_core::items::ItemInput;
use pamir_domain::{EventDetails, Item, ItemKind, ItemState, Lang, SiteId, SourceCitation};
use serde::{Deserialize, Serialize};

/// The form exactly as typed, so a refused save shows it all again.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ItemForm {
    pub version: String,
    pub action: String,
    pub lang: String,
    pub group: String,
    pub kind: String,
    pub category: String,
    pub title: String,
    pub slug: String,
    pub teaser: String,
    pub teaser_above_body: bool,
    pub body: String,
    pub byline: String,
    pub dateline: String,
    pub source_title: String,
    pub source_publisher: String,
    pub key_figure_value: String,
    pub key_figure_label: String,
    pub source_url: String,
    pub source_date: String,
    pub event_starts_at: String,
    pub event_ends_at: String,
    pub event_venue: String,
    pub event_entries_deadline: String,
    pub event_registration_url: String,
    pub image: String,
    pub featured: bool,
    pub featured_order: String,
    pub featured_until: String,
    pub publish_up: String,
    pub publish_down: String,
    pub tags: Vec<i64>,
    pub gallery: Vec<i64>,
    pub csrf: String,
}

impl ItemForm {
    pub fn parse(pairs: Vec<(String, String)>) -> Self {
        let mut form = ItemForm::default();
        for (name, value) in pairs {
            let field = match name.as_str() {
                "version" => &mut form.version,
                "action" => &mut form.action,
                "lang" => &mut form.lang,
                "group" => &mut form.group,
                "kind" => &mut form.kind,
                "category" => &mut form.category,
                "title" => &mut form.title,
                "slug" => &mut form.slug,
                "teaser" => &mut form.teaser,
                "body" => &mut form.body,
                "byline" => &mut form.byline,
                "dateline" => &mut form.dateline,
                "source_title" => &mut form.source_title,
                "source_publisher" => &mut form.source_publisher,
                "key_figure_value" => &mut form.key_figure_value,
                "key_figure_label" => &mut form.key_figure_label,
                "source_url" => &mut form.source_url,
                "source_date" => &mut form.source_date,
                "event_starts_at" => &mut form.event_starts_at,
                "event_ends_at" => &mut form.event_ends_at,
                "event_venue" => &mut form.event_venue,
                "event_entries_deadline" => &mut form.event_entries_deadline,
                "event_registration_url" => &mut form.event_registration_url,
                "image" => &mut form.image,
                "featured_order" => &mut form.featured_order,
                "featured_until" => &mut form.featured_until,
                "publish_up" => &mut form.publish_up,
                "publish_down" => &mut form.publish_down,
                "csrf" => &mut form.csrf,
                "featured" => {
                    form.featured = true;
                    continue;
                }
                "teaser_above_body" => {
                    form.teaser_above_body = true;
                    continue;
                }
                "tag" => {
                    form.tags.extend(value.parse::<i64>().ok());
                    continue;
                }
                "gallery" => {
                    form.gallery.extend(value.parse::<i64>().ok());
                    continue;
                }
                _ => continue,
            };
            // Browsers send CRLF line ends from textareas; store plain newlines.
            *field = value.replace("\r\n", "\n");
        }
        form
    }

    /// The form showing a stored item.
    /// Its times are shown on the site's clock, `zone`.
    pub fn of(item: &Item, tags: Vec<i64>, gallery: Vec<i64>, zone: Tz) -> Self {
        let time = |at: Option<DateTime<Utc>>| {
            at.map(|at| at.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string()).unwrap_or_default()
        };
        let text = |t: &Option<String>| t.clone().unwrap_or_default();
        let source = item.source.clone().unwrap_or_default();
        let event = item.event.as_ref();
        ItemForm {
            version: item.version.to_string(),
            action: String::new(),
            lang: item.lang.to_string(),
            group: item.group_id.to_string(),
            kind: item.kind.as_str().to_owned(),
            category: item.category_id.to_string(),
            title: item.title.clone(),
            slug: item.slug.clone(),
            teaser: item.teaser_markdown.clone(),
            teaser_above_body: item.teaser_above_body,
            body: item.body_markdown.clone(),
            byline: text(&item.byline),
            dateline: text(&item.dateline),
            source_title: source.title,
            source_publisher: text(&source.publisher),
            key_figure_value: item.key_figure.as_ref().map(|f| f.value.clone()).unwrap_or_default(),
            key_figure_label: item.key_figure.as_ref().map(|f| f.label.clone()).unwrap_or_default(),
            source_url: text(&source.url),
            source_date: text(&source.date),
            event_starts_at: time(event.map(|e| e.starts_at)),
            event_ends_at: time(event.and_then(|e| e.ends_at)),
            event_venue: event.and_then(|e| e.venue.clone()).unwrap_or_default(),
            event_entries_deadline: time(event.and_then(|e| e.entries_deadline)),
            event_registration_url: event.and_then(|e| e.registration_url.clone()).unwrap_or_default(),
            image: item.image_id.map(|id| id.to_string()).unwrap_or_default(),
            featured: item.featured,
            featured_order: item.featured_order.map(|o| o.to_string()).unwrap_or_default(),
            featured_until: time(item.featured_until),
            publish_up: time(item.publish_up),
            publish_down: time(item.publish_down),
            tags,
            gallery,
            csrf: String::new(),
        }
    }

    /// The input for a use case, or the first field that is not what it
    /// says (a date that is not a date), told in `ui` (the editor's
    /// language). The item's rules are the domain's, asked by the use case,
    /// so the admin and the API refuse alike.
    /// Its times are read on the site's clock, `zone`.
    pub fn to_input(&self, site: SiteId, lang: Lang, ui: &str, zone: Tz) -> Result<ItemInput, String> {
        let say = |key: &str, label: &str| {
            let field = crate::i18n::text(ui, label, &[]);
            crate::i18n::text(ui, key, &[("field", field.into())])
        };
        let optional_number =
            |text: &str, label: &str| optional_number(text).map_err(|()| say("admin-form-not-a-number", label));
        let date_time =
            |text: &str, label: &str| date_time(text, zone).map_err(|()| say("admin-form-not-a-date", label));
        let kind = ItemKind::parse(&self.kind).ok_or_else(|| say("admin-form-choose", "admin-field-kind"))?;
        let category_id = self.category.parse().map_err(|_| say("admin-form-choose", "admin-field-category"))?;
        let mut input = ItemInput::article(site, lang, category_id, &self.title);
        input.kind = kind;
        input.group_id = optional_number(&self.group, "admin-field-translation-group")?;
        input.slug = self.slug.trim().to_owned();
        input.teaser_markdown = self.teaser.clone();
        input.body_markdown = self.body.clone();
        input.byline = Some(self.byline.clone());
        input.dateline = Some(self.dateline.clone());
        // A source with any of its fields is kept, so that an address typed
        // without a title is refused with the reason rather than dropped.
        let source_fields = [&self.source_title, &self.source_publisher, &self.source_url, &self.source_date];
        input.source = source_fields.iter().any(|field| !field.trim().is_empty()).then(|| SourceCitation {
            title: self.source_title.trim().to_owned(),
            publisher: non_empty(&self.source_publisher),
            url: non_empty(&self.source_url),
            date: non_empty(&self.source_date),
        });
        // A label without a number is kept, so the core can say what is missing.
        let (figure, figure_label) = (self.key_figure_value.trim(), self.key_figure_label.trim());
        input.key_figure = (!figure.is_empty() || !figure_label.is_empty())
            .then(|| pamir_domain::item::KeyFigure { value: figure.to_owned(), label: figure_label.to_owned() });
        input.event = match date_time(&self.event_starts_at, "admin-field-event-starts")? {
            Some(starts_at) => Some(EventDetails {
                starts_at,
                ends_at: date_time(&self.event_ends_at, "admin-field-event-ends")?,
                venue: non_empty(&self.event_venue),
                entries_deadline: date_time(&self.event_entries_deadline, "admin-field-event-deadline")?,
                registration_url: non_empty(&self.event_registration_url),
            }),
            None => None,
        };
        input.image_id = optional_number(&self.image, "admin-field-image")?;
        input.featured = self.featured;
        input.teaser_above_body = self.teaser_above_body;
        input.featured_order = optional_number(&self.featured_order, "admin-field-featured-order")?;
        input.featured_until = date_time(&self.featured_until, "admin-field-featured-until")?;
        input.publish_up = date_time(&self.publish_up, "admin-field-publish-up")?;
        input.publish_down = date_time(&self.publish_down, "admin-field-publish-down")?;
        input.tag_ids = self.tags.clone();
        input.gallery = self.gallery.clone();
        input.state = ItemState::Draft;
        Ok(input)
    }
}

fn non_empty(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

fn optional_number(text: &str) -> Result<Option<i64>, ()> {
    match text.trim() {
        "" => Ok(None),
        number => number.parse().map(Some).map_err(|_| ()),
    }
}

/// `datetime-local` values (`2026-11-28T14:30`), read on the site's clock. A
/// time the clock skips (when summer time starts) is refused; one it shows
/// twice (when it ends) is the first.
fn date_time(text: &str, zone: Tz) -> Result<Option<DateTime<Utc>>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .and_then(|naive| zone.from_local_datetime(&naive).earliest())
        .map(|local| Some(local.with_timezone(&Utc)))
        .ok_or(())
}

pub use crate::view::category_options;

/// A picture of the library, as the cover and gallery fields offer it.
#[derive(Serialize)]
pub struct MediaOption {
    id: i64,
    label: String,
    /// Its smallest rendition, for the gallery's thumbnails.
    thumb: String,
}

/// The newest pictures of the library, and any the item uses that are
/// older: a choice the form does not offer would be dropped on save.
/// The item's gallery comes first, in its order, so the form sends it so.
pub async fn media_options(
    state: &AppState,
    editor: &Editor,
    lang: &Lang,
    form: &ItemForm,
) -> Result<Vec<MediaOption>, AdminError> {
    let db = &state.core.db;
    let fallback = &editor.settings.default_lang;
    let mut library = pamir_db::media::list(db, editor.site, lang, fallback, "", 200, 0).await?;
    let used: Vec<i64> = form.image.parse().ok().into_iter().chain(form.gallery.iter().copied()).collect();
    let missing: Vec<i64> = used.into_iter().filter(|id| !library.iter().any(|m| m.id == *id)).collect();
    library.extend(pamir_db::media::get_many_of_site(db, editor.site, &missing, lang, fallback).await?);
    let place = |id: i64| form.gallery.iter().position(|g| *g == id).unwrap_or(usize::MAX);
    library.sort_by_key(|m| place(m.id));
    Ok(library
        .into_iter()
        .map(|m| MediaOption {
            id: m.id,
            label: format!("{} — {}", m.path, if m.alt.is_empty() { "(decorative)" } else { &m.alt }),
            thumb: format!("/media/{}", m.variants.first().map(|v| v.path.as_str()).unwrap_or(&m.path)),
        })
        .collect())
}
