//! Atom and RSS 2.0 feeds of the newest items: per language
//! (`/{lang}/feed.atom`, `/{lang}/feed.rss`) and per category
//! (`/{lang}/{category path}/feed.atom`). Summaries always, full text when
//! the site says so; the lead image as an enclosure.

use crate::error::PageError;
use crate::markup::escape;
use crate::public::Reader;
use crate::state::AppState;
use crate::view::urls;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use pamir_db::items::Listing;
use pamir_domain::Item;
use pamir_domain::media::Media;
use std::fmt::Write as _;

/// Newest items a feed carries.
const FEED_SIZE: u32 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Atom,
    Rss,
}

impl Format {
    /// `feed.atom` or `feed.rss`, as the last segment of an address.
    pub fn from_file_name(name: &str) -> Option<Self> {
        match name {
            "feed.atom" => Some(Format::Atom),
            "feed.rss" => Some(Format::Rss),
            _ => None,
        }
    }
}

pub async fn atom(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Result<Response, PageError> {
    let reader = Reader::new(&state, &headers, &uri).await?;
    render(&state, &reader, None, Format::Atom).await
}

pub async fn rss(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Result<Response, PageError> {
    let reader = Reader::new(&state, &headers, &uri).await?;
    render(&state, &reader, None, Format::Rss).await
}

/// The feed of the whole language (`category: None`) or of one category and its subcategories.
pub async fn render(
    state: &AppState,
    reader: &Reader,
    category: Option<i64>,
    format: Format,
) -> Result<Response, PageError> {
    let lang = reader.code();
    let ids: Vec<i64> = match category {
        Some(id) => reader.tree.subtree_ids(id),
        None => reader.tree.ids().collect(),
    };
    let db = &state.core.db;
    let page =
        pamir_db::items::list(db, reader.site, &reader.lang, &Listing::Categories(&ids), reader.now, FEED_SIZE, 0)
            .await?;
    let items: Vec<&Item> = page.items.iter().filter(|item| reader.tree.get(item.category_id).is_some()).collect();
    let image_ids: Vec<i64> = items.iter().filter_map(|item| item.image_id).collect();
    let images = pamir_db::media::get_many(db, &image_ids, &reader.lang, &reader.settings.default_lang).await?;

    let site_name = reader.settings.name.get(&reader.lang, &reader.settings.default_lang);
    let (title, page_path) = match category.and_then(|id| reader.tree.get(id)) {
        Some(c) => (format!("{} – {site_name}", c.name), urls::category(lang, &reader.tree, c.id)),
        None => (site_name.to_owned(), urls::front(lang)),
    };
    let file = if format == Format::Atom { "feed.atom" } else { "feed.rss" };
    let channel = Channel {
        title,
        subtitle: reader.settings.tagline.get(&reader.lang, &reader.settings.default_lang).to_owned(),
        origin: reader.origin.clone(),
        page_url: format!("{}{page_path}", reader.origin),
        self_url: format!("{}{page_path}{file}", reader.origin),
        lang: lang.to_owned(),
        site_name: site_name.to_owned(),
        full_text: reader.settings.feed_full_text,
        updated: items.iter().map(|item| item.updated_at).max().unwrap_or(reader.now),
    };
    let entries: Vec<Entry<'_>> = items
        .iter()
        .map(|item| Entry {
            item,
            url: format!("{}{}", reader.origin, urls::item(lang, &reader.tree, item.category_id, &item.slug)),
            category: reader.tree.get(item.category_id).map(|c| (c.slug.clone(), c.name.clone())),
            image: item.image_id.and_then(|id| images.iter().find(|m| m.id == id)),
        })
        .collect();
    let (content_type, body) = match format {
        Format::Atom => ("application/atom+xml; charset=utf-8", atom_xml(&channel, &entries)),
        Format::Rss => ("application/rss+xml; charset=utf-8", rss_xml(&channel, &entries)),
    };
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300")),
        ],
        body,
    )
        .into_response())
}

struct Channel {
    title: String,
    subtitle: String,
    origin: String,
    page_url: String,
    self_url: String,
    lang: String,
    site_name: String,
    full_text: bool,
    updated: DateTime<Utc>,
}

struct Entry<'a> {
    item: &'a Item,
    url: String,
    category: Option<(String, String)>,
    image: Option<&'a Media>,
}

fn atom_xml(channel: &Channel, entries: &[Entry<'_>]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\" xml:base=\"{}/\">",
        escape(&channel.lang),
        escape(&channel.origin)
    );
    let _ = writeln!(xml, "<title>{}</title>", escape(&channel.title));
    if !channel.subtitle.is_empty() {
        let _ = writeln!(xml, "<subtitle>{}</subtitle>", escape(&channel.subtitle));
    }
    let _ = writeln!(xml, "<id>{}</id>", escape(&channel.self_url));
    let _ = writeln!(xml, "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>", escape(&channel.self_url));
    let _ = writeln!(xml, "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>", escape(&channel.page_url));
    let _ = writeln!(xml, "<updated>{}</updated>", rfc3339(channel.updated));
    let _ = writeln!(xml, "<author><name>{}</name></author>", escape(&channel.site_name));
    xml.push_str("<generator>pamir</generator>\n");
    for entry in entries {
        let item = entry.item;
        xml.push_str("<entry>\n");
        let _ = writeln!(xml, "<title>{}</title>", escape(&item.title));
        let _ = writeln!(xml, "<id>{}</id>", escape(&entry.url));
        let _ = writeln!(xml, "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>", escape(&entry.url));
        let _ = writeln!(xml, "<published>{}</published>", rfc3339(item.published_at));
        let _ = writeln!(xml, "<updated>{}</updated>", rfc3339(item.updated_at.max(item.published_at)));
        let author = item.byline.as_deref().unwrap_or(&channel.site_name);
        let _ = writeln!(xml, "<author><name>{}</name></author>", escape(author));
        if let Some((term, label)) = &entry.category {
            let _ = writeln!(xml, "<category term=\"{}\" label=\"{}\"/>", escape(term), escape(label));
        }
        let _ = writeln!(xml, "<summary type=\"html\">{}</summary>", escape(&item.teaser_html));
        if channel.full_text {
            let _ = writeln!(xml, "<content type=\"html\">{}</content>", escape(&item.article_html()));
        }
        if let Some(image) = entry.image {
            let _ = writeln!(
                xml,
                "<link rel=\"enclosure\" type=\"{}\" length=\"{}\" href=\"{}/media/{}\"/>",
                escape(&image.mime_type),
                image.byte_size,
                escape(&channel.origin),
                escape(&image.path)
            );
        }
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

fn rss_xml(channel: &Channel, entries: &[Entry<'_>]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n");
    let _ = writeln!(xml, "<title>{}</title>", escape(&channel.title));
    let _ = writeln!(xml, "<link>{}</link>", escape(&channel.page_url));
    let description = if channel.subtitle.is_empty() { &channel.title } else { &channel.subtitle };
    let _ = writeln!(xml, "<description>{}</description>", escape(description));
    let _ = writeln!(xml, "<language>{}</language>", escape(&channel.lang));
    let _ =
        writeln!(xml, "<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>", escape(&channel.self_url));
    let _ = writeln!(xml, "<lastBuildDate>{}</lastBuildDate>", channel.updated.to_rfc2822());
    xml.push_str("<generator>pamir</generator>\n");
    for entry in entries {
        let item = entry.item;
        xml.push_str("<item>\n");
        let _ = writeln!(xml, "<title>{}</title>", escape(&item.title));
        let _ = writeln!(xml, "<link>{}</link>", escape(&entry.url));
        let _ = writeln!(xml, "<guid isPermaLink=\"true\">{}</guid>", escape(&entry.url));
        let _ = writeln!(xml, "<pubDate>{}</pubDate>", item.published_at.to_rfc2822());
        let _ =
            writeln!(xml, "<dc:creator>{}</dc:creator>", escape(item.byline.as_deref().unwrap_or(&channel.site_name)));
        if let Some((_, label)) = &entry.category {
            let _ = writeln!(xml, "<category>{}</category>", escape(label));
        }
        let _ = writeln!(xml, "<description>{}</description>", escape(&item.teaser_html));
        if channel.full_text {
            let _ = writeln!(xml, "<content:encoded>{}</content:encoded>", escape(&item.article_html()));
        }
        if let Some(image) = entry.image {
            let _ = writeln!(
                xml,
                "<enclosure url=\"{}/media/{}\" length=\"{}\" type=\"{}\"/>",
                escape(&channel.origin),
                escape(&image.path),
                image.byte_size,
                escape(&image.mime_type)
            );
        }
        xml.push_str("</item>\n");
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
