//! What a page says about itself to search engines, link previews and
//! feed readers: description, OpenGraph and Twitter tags, and JSON-LD built
//! from the typed fields of what it shows.

use crate::view::{ImageView, ItemView};
use pamir_domain::ItemKind;
use pamir_domain::site::SiteSettings;
use serde::Serialize;
use serde_json::{Value, json};

#[derive(Debug, Clone, Serialize, Default)]
pub struct Meta {
    /// Plain text, at most 300 characters.
    pub description: String,
    /// `website` or `article`, for `og:type`.
    pub og_type: &'static str,
    /// Absolute URL of the preview image.
    pub image: Option<String>,
    pub image_alt: Option<String>,
    /// Ready to place in `<script type="application/ld+json">`.
    pub json_ld: Option<String>,
    /// Asks search engines not to index the page (search results).
    pub noindex: bool,
}

impl Meta {
    pub fn website(description: &str) -> Self {
        Self { description: shorten(description), og_type: "website", ..Self::default() }
    }

    /// An item page: its teaser, lead image, and structured data by kind.
    pub fn item(view: &ItemView, description: &str, origin: &str, settings: &SiteSettings, lang: &str) -> Self {
        let absolute = |path: &str| format!("{origin}{path}");
        let url = absolute(&view.card.url);
        let image = view.card.image.as_ref().map(|image| absolute(&image.src));
        let publisher = json!({
            "@type": "Organization",
            "name": settings.name.0.get(lang).or_else(|| settings.name.0.values().next()).cloned().unwrap_or_default(),
            "url": absolute(&format!("/{lang}/")),
        });
        let mut main = match view.card.kind {
            ItemKind::Event => {
                let event = view.card.event.as_ref();
                json!({
                    "@type": "Event",
                    "name": view.card.title,
                    "startDate": event.map(|e| e.starts.iso.clone()),
                    "endDate": event.and_then(|e| e.ends.as_ref().map(|d| d.iso.clone())),
                    "location": event.and_then(|e| e.venue.clone()).map(|venue| json!({"@type": "Place", "name": venue, "address": venue})),
                    "organizer": publisher,
                    "eventStatus": "https://schema.org/EventScheduled",
                    "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                })
            }
            ItemKind::PhotoStory => json!({
                "@type": "ImageGallery",
                "name": view.card.title,
                "image": view.gallery.iter().map(|image| image_object(image, origin)).collect::<Vec<_>>(),
                "publisher": publisher,
                "datePublished": view.card.published.iso,
            }),
            kind => json!({
                "@type": if kind == ItemKind::OpEd { "OpinionNewsArticle" } else { "NewsArticle" },
                "headline": view.card.title,
                "datePublished": view.card.published.iso,
                "author": view.card.byline.as_ref().map(|name| json!({"@type": "Person", "name": name})),
                "dateline": view.card.dateline,
                "publisher": publisher,
                "citation": view.card.source.as_ref().map(|s| json!({"@type": "CreativeWork", "name": s.title, "url": s.url, "publisher": s.publisher})),
            }),
        };
        if let Value::Object(fields) = &mut main {
            fields.insert("@context".into(), json!("https://schema.org"));
            fields.insert("url".into(), json!(url));
            fields.insert("inLanguage".into(), json!(lang));
            fields.insert("description".into(), json!(shorten(description)));
            if let Some(image) = &image {
                fields.entry("image").or_insert(json!(image));
            }
            fields.retain(|_, value| !value.is_null());
        }
        let mut crumbs: Vec<(String, String)> = vec![(settings_name(settings, lang), absolute(&format!("/{lang}/")))];
        crumbs.extend(view.breadcrumbs.iter().map(|c| (c.name.clone(), absolute(&c.url))));
        crumbs.push((view.card.title.clone(), url));
        Self {
            description: shorten(description),
            og_type: "article",
            image,
            image_alt: view.card.image.as_ref().map(|image| image.alt.clone()),
            json_ld: Some(script_json(&json!([main, breadcrumb_list(&crumbs)]))),
            noindex: false,
        }
    }

    /// The contact page: the organisation and how to reach it (never its
    /// e-mail address, which stays cloaked).
    pub fn organization(settings: &SiteSettings, lang: &str, origin: &str) -> Self {
        let contact = &settings.contact;
        let address =
            contact.address.0.get(lang).or_else(|| contact.address.0.values().next()).cloned().unwrap_or_default();
        let organization = json!({
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": settings_name(settings, lang),
            "url": format!("{origin}/{lang}/"),
            "address": address.replace('\n', ", "),
            "telephone": contact.phones.first(),
            "faxNumber": contact.fax,
            "contactPoint": contact.phones.iter().map(|phone| json!({
                "@type": "ContactPoint",
                "telephone": phone,
                "contactType": "customer support",
                "availableLanguage": settings.languages.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        Self { json_ld: Some(script_json(&organization)), ..Self::website(&address.replace('\n', ", ")) }
    }
}

fn settings_name(settings: &SiteSettings, lang: &str) -> String {
    settings.name.0.get(lang).or_else(|| settings.name.0.values().next()).cloned().unwrap_or_default()
}

fn image_object(image: &ImageView, origin: &str) -> Value {
    json!({
        "@type": "ImageObject",
        "contentUrl": format!("{origin}{}", image.src),
        "caption": image.caption,
        "creditText": image.credit,
        "width": image.width,
        "height": image.height,
    })
}

fn breadcrumb_list(crumbs: &[(String, String)]) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": crumbs.iter().enumerate().map(|(index, (name, url))| json!({
            "@type": "ListItem", "position": index + 1, "name": name, "item": url,
        })).collect::<Vec<_>>(),
    })
}

/// JSON that cannot end its `<script>` element early: `<` is written as `\u003c`.
fn script_json(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

fn shorten(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= 300 {
        return text;
    }
    let cut: String = text.chars().take(297).collect();
    format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head))
}

#[cfg(test)]
mod tests {
    #[test]
    fn script_json_cannot_close_the_script_element() {
        let json = super::script_json(&serde_json::json!({"name": "</script><script>alert(1)</script>"}));
        assert!(!json.contains("</"));
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    }

    #[test]
    fn descriptions_are_cut_at_a_word() {
        let long = "word ".repeat(100);
        let short = super::shorten(&long);
        assert!(short.chars().count() <= 300 && short.ends_with("word…"), "{short}");
    }
}
