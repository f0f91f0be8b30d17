//! Items as listings and item pages show them.

use crate::view::{DateView, SiteTime, urls};
use pamir_core::reading::ShownItem;
use pamir_domain::media::Media;
use pamir_domain::taxonomy::CategoryTree;
use pamir_domain::{Item, ItemKind};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Serialize)]
pub struct ImageView {
    pub src: String,
    pub width: i64,
    pub height: i64,
    pub alt: String,
    pub caption: String,
    pub credit: String,
    /// `srcset` of the resized renditions in the original format, with the
    /// full size; empty for images that have none (the browser then takes `src`).
    pub srcset: String,
    /// The same in WebP where that was the smaller file, for a `<source>`.
    pub webp_srcset: String,
}

/// `url 480w, url 960w, ...` of renditions of one type, narrowest first.
fn srcset<'a>(renditions: impl Iterator<Item = (&'a str, i64)>) -> String {
    let mut list: Vec<(&str, i64)> = renditions.collect();
    list.sort_by_key(|(_, width)| *width);
    list.iter().map(|(path, width)| format!("{} {width}w", urls::media(path))).collect::<Vec<_>>().join(", ")
}

impl From<&Media> for ImageView {
    fn from(media: &Media) -> Self {
        let (srcset, webp_srcset) = if media.variants.is_empty() {
            (String::new(), String::new())
        } else {
            let same =
                media.variants.iter().filter(|v| v.mime_type == media.mime_type).map(|v| (v.path.as_str(), v.width));
            let webp =
                media.variants.iter().filter(|v| v.mime_type == "image/webp").map(|v| (v.path.as_str(), v.width));
            (srcset(same.chain(std::iter::once((media.path.as_str(), media.width)))), srcset(webp))
        };
        Self {
            srcset,
            webp_srcset,
            src: urls::media(&media.path),
            width: media.width,
            height: media.height,
            alt: media.alt.clone(),
            caption: media.caption.clone(),
            credit: media.credit.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub name: String,
    pub url: String,
}

/// An item in a listing: title, teaser, image, "Read more".
#[derive(Debug, Clone, Serialize)]
pub struct ItemCard {
    pub title: String,
    pub url: String,
    pub kind: ItemKind,
    pub kind_key: String,
    pub category: Option<LinkView>,
    pub published: DateView,
    pub teaser_html: String,
    pub byline: Option<String>,
    pub image: Option<ImageView>,
    /// Set when the card stands in for a missing translation: the item's
    /// own language (its code, and its name in itself).
    pub fallback: Option<(String, String)>,
    /// Where an op-ed or a story was written ("Dushanbe").
    pub dateline: Option<String>,
    /// A facts item's source, cited on its card and page.
    pub source: Option<SourceView>,
    /// A facts item's number, set large.
    pub key_figure: Option<pamir_domain::item::KeyFigure>,
    /// An event's dates, venue and deadline, on its card and page.
    pub event: Option<EventView>,
    /// On the front page now (featured, and not past its "featured until").
    pub featured: bool,
}

impl ItemCard {
    pub fn new(item: &Item, tree: &CategoryTree, images: &[Media], time: SiteTime) -> Self {
        let lang = item.lang.as_str();
        Self {
            title: item.title.clone(),
            url: urls::item(lang, tree, item.category_id, &item.slug),
            kind: item.kind,
            kind_key: format!("kind-{}", item.kind.as_str()),
            category: tree
                .get(item.category_id)
                .map(|c| LinkView { name: c.name.clone(), url: urls::category(lang, tree, c.id) }),
            published: DateView::new(lang, time, item.published_at),
            teaser_html: item.teaser_html.clone(),
            byline: item.byline.clone(),
            image: item.image_id.and_then(|id| images.iter().find(|m| m.id == id)).map(ImageView::from),
            fallback: None,
            dateline: item.dateline.clone(),
            source: item.source.as_ref().map(|source| SourceView {
                title: source.title.clone(),
                publisher: source.publisher.clone(),
                url: source.url.clone().filter(|url| url.starts_with("https://") || url.starts_with("http://")),
                date: source.date.clone(),
            }),
            key_figure: item.key_figure.clone(),
            event: item.event.as_ref().map(|event| EventView::new(lang, time, event)),
            featured: item.featured && item.featured_until.is_none_or(|until| until > time.now),
        }
    }

    /// Marks the card as shown in place of a translation into `reader_lang`.
    pub fn as_fallback_for(mut self, item: &Item, reader_lang: &str) -> Self {
        if item.lang.as_str() != reader_lang {
            let name = crate::i18n::text(item.lang.as_str(), "language-name", &[]);
            self.fallback = Some((item.lang.to_string(), name));
        }
        self
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    pub starts: DateView,
    pub ends: Option<DateView>,
    /// The end's time of day alone ("22:00") where it ends on the day it
    /// starts, so the block reads "10 December 2026, 18:00–22:00".
    pub ends_same_day: Option<String>,
    pub venue: Option<String>,
    pub deadline: Option<DeadlineView>,
    pub registration_url: Option<String>,
}

/// A call for entries' closing time and how long is left.
#[derive(Debug, Clone, Serialize)]
pub struct DeadlineView {
    #[serde(flatten)]
    pub date: DateView,
    /// "5 days left", "closes today", "closed", in the reader's language.
    pub left: String,
    pub closed: bool,
}

impl DeadlineView {
    pub fn new(lang: &str, time: SiteTime, at: chrono::DateTime<chrono::Utc>) -> Self {
        let closed = at <= time.now;
        let days = (time.local(at).date_naive() - time.local(time.now).date_naive()).num_days();
        let left = if closed {
            crate::i18n::text(lang, "event-deadline-closed", &[])
        } else {
            crate::i18n::text(lang, "event-deadline-days-left", &[("days", days.into())])
        };
        Self { date: DateView::with_time(lang, time, at), left, closed }
    }
}

impl EventView {
    pub fn new(lang: &str, time: SiteTime, event: &pamir_domain::EventDetails) -> Self {
        let same_day =
            event.ends_at.filter(|ends| time.local(*ends).date_naive() == time.local(event.starts_at).date_naive());
        Self {
            starts: DateView::with_time(lang, time, event.starts_at),
            ends: event.ends_at.map(|at| DateView::with_time(lang, time, at)),
            ends_same_day: same_day.map(|ends| time.local(ends).format("%H:%M").to_string()),
            venue: event.venue.clone(),
            deadline: event.entries_deadline.map(|at| DeadlineView::new(lang, time, at)),
            registration_url: event
                .registration_url
                .clone()
                .filter(|url| url.starts_with("https://") || url.starts_with("http://")),
        }
    }
}

/// Everything an item page shows.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    #[serde(flatten)]
    pub card: ItemCard,
    pub body_html: String,
    pub tags: Vec<LinkView>,
    pub breadcrumbs: Vec<LinkView>,
    pub gallery: Vec<ImageView>,
}

impl ItemView {
    /// `addresses`: the current address of each item the text links to by
    /// its stable address (those missing stay stable and answer a 301).
    pub fn new(shown: &ShownItem, tree: &CategoryTree, time: SiteTime, addresses: &HashMap<i64, String>) -> Self {
        let ShownItem { item, media, tags, gallery, inline, .. } = shown;
        let lang = item.lang.as_str();
        let linked = pamir_content::item_links::with_addresses(&item.article_html(), |id| addresses.get(&id).cloned());
        let article = pamir_content::images::with_renditions(&linked, |path| {
            inline.iter().find(|m| m.path == path).map(|m| {
                let view = ImageView::from(m);
                let credit = if m.credit.is_empty() {
                    String::new()
                } else {
                    crate::i18n::text(lang, "photo-credit", &[("credit", m.credit.clone().into())])
                };
                pamir_content::images::Renditions { srcset: view.srcset, width: m.width, height: m.height, credit }
            })
        });
        Self {
            card: ItemCard::new(item, tree, media, time),
            body_html: with_notes_heading(&with_dateline(&article, item.dateline.as_deref()), lang),
            tags: tags.iter().map(|tag| LinkView { name: tag.name.clone(), url: urls::tag(lang, &tag.slug) }).collect(),
            breadcrumbs: tree
                .ancestry(item.category_id)
                .into_iter()
                .map(|c| LinkView { name: c.name.clone(), url: urls::category(lang, tree, c.id) })
                .collect(),
            gallery: gallery.iter().filter_map(|id| media.iter().find(|m| m.id == *id)).map(ImageView::from).collect(),
        }
    }
}

/// Gives the footnotes' section its heading ("Notes"), as every section has one.
fn with_notes_heading(body_html: &str, lang: &str) -> String {
    let section = "<section class=\"footnotes\">";
    if !body_html.contains(section) {
        return body_html.to_owned();
    }
    let heading = crate::markup::escape(&crate::i18n::text(lang, "footnotes", &[]));
    body_html.replacen(section, &format!("{section}<h2 class=\"footnotes-title\">{heading}</h2>"), 1)
}

/// Puts the dateline ("Geneva — ") at the start of the body's first paragraph,
/// where newspapers print it.
fn with_dateline(body_html: &str, dateline: Option<&str>) -> String {
    let Some(place) = dateline else {
        return body_html.to_owned();
    };
    let mark = format!("<span class=\"dateline\">{} — </span>", crate::markup::escape(place));
    match body_html.strip_prefix("<p>") {
        Some(rest) => format!("<p>{mark}{rest}"),
        None => format!("<p>{mark}</p>\n{body_html}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dateline_opens_the_first_paragraph_escaped() {
        assert_eq!(
            super::with_dateline("<p>Text.</p>", Some("Geneva")),
            "<p><span class=\"dateline\">Geneva — </span>Text.</p>"
        );
        assert!(
            super::with_dateline("<ul></ul>", Some("<b>"))
                .starts_with("<p><span class=\"dateline\">&lt;b&gt; — </span></p>")
        );
        assert_eq!(super::with_dateline("<p>x</p>", None), "<p>x</p>");
    }
}
