//! `/sitemap.xml` and `/robots.txt`: every public page for crawlers, with
//! its other languages as `xhtml:link` alternates. Over 50,000 addresses the
//! sitemap becomes an index of `/sitemaps/N.xml` files, as sitemaps.org asks.

use crate::error::PageError;
use crate::markup::escape;
use crate::public::reader::{origin, segments, site_of};
use crate::state::AppState;
use crate::view::urls;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use chrono::DateTime;
use std::collections::HashMap;
use std::fmt::Write as _;

/// The most addresses one sitemap file may list (sitemaps.org).
pub const URLS_PER_FILE: usize = 50_000;

/// One address and its versions in other languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub loc: String,
    pub lastmod: Option<String>,
    /// (language, absolute URL), this page's own language included; empty when it has no other.
    pub alternates: Vec<(String, String)>,
    /// The version for readers whose language the site does not offer: the default language's.
    pub x_default: Option<String>,
}

impl Entry {
    fn new(loc: String, lastmod: Option<String>, alternates: Vec<(String, String)>, default_lang: &str) -> Self {
        let x_default = alternates.iter().find(|(lang, _)| lang == default_lang).map(|(_, url)| url.clone());
        Self { loc, lastmod, alternates, x_default }
    }
}

pub async fn robots(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let body = format!(
        "User-agent: *\nDisallow: /admin/\nDisallow: /api/\n\nSitemap: {}/sitemap.xml\n",
        origin(&state, &headers)
    );
    text("text/plain; charset=utf-8", body)
}

pub async fn index(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, PageError> {
    let origin = origin(&state, &headers);
    let entries = entries(&state, &headers, &origin).await?;
    if entries.len() <= URLS_PER_FILE {
        return Ok(text("application/xml; charset=utf-8", urlset(&entries)));
    }
    let files = entries.len().div_ceil(URLS_PER_FILE);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 1..=files {
        let _ = writeln!(xml, "<sitemap><loc>{}</loc></sitemap>", escape(&format!("{origin}/sitemaps/{n}.xml")));
    }
    xml.push_str("</sitemapindex>\n");
    Ok(text("application/xml; charset=utf-8", xml))
}

/// `/sitemaps/N.xml`: the Nth file of a large site's sitemap.
pub async fn part(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Result<Response, PageError> {
    let segments = segments(&uri)?;
    let number: usize = segments
        .get(1)
        .and_then(|name| name.strip_suffix(".xml"))
        .and_then(|n| n.parse().ok())
        .filter(|n| *n >= 1)
        .ok_or(PageError::NotFound)?;
    let origin = origin(&state, &headers);
    let entries = entries(&state, &headers, &origin).await?;
    let chunk = entries.chunks(URLS_PER_FILE).nth(number - 1).ok_or(PageError::NotFound)?;
    Ok(text("application/xml; charset=utf-8", urlset(chunk)))
}

fn text(content_type: &'static str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
        ],
        body,
    )
        .into_response()
}

/// Front pages, category pages and items of every language.
async fn entries(state: &AppState, headers: &HeaderMap, origin: &str) -> Result<Vec<Entry>, PageError> {
    let site = site_of(state, headers)?;
    let settings = state.sites.settings(site).await?;
    let mut trees = HashMap::new();
    for lang in &settings.languages {
        trees.insert(lang.to_string(), state.sites.tree(site, lang).await?);
    }
    let absolute = |path: String| format!("{origin}{path}");
    let mut entries = Vec::new();

    let fronts: Vec<(String, String)> =
        settings.languages.iter().map(|l| (l.to_string(), absolute(urls::front(l.as_str())))).collect();
    for (_, loc) in &fronts {
        entries.push(Entry::new(loc.clone(), None, fronts.clone(), settings.default_lang.as_str()));
    }

    let category_ids: Vec<i64> =
        trees.values().flat_map(|tree| tree.ids()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    for id in category_ids {
        let versions: Vec<(String, String)> = settings
            .languages
            .iter()
            .filter_map(|lang| {
                let tree = trees.get(lang.as_str())?;
                tree.get(id).map(|_| (lang.to_string(), absolute(urls::category(lang.as_str(), tree, id))))
            })
            .collect();
        for (_, loc) in &versions {
            entries.push(Entry::new(loc.clone(), None, versions.clone(), settings.default_lang.as_str()));
        }
    }

    let items = pamir_db::items::visible_index(&state.core.db, site, state.core.clock.now()).await?;
    let mut groups: HashMap<i64, Vec<(String, String)>> = HashMap::new();
    let mut located = Vec::with_capacity(items.len());
    for item in &items {
        let Some(tree) = trees.get(&item.lang) else { continue };
        if tree.get(item.category_id).is_none() {
            continue;
        }
        let loc = absolute(urls::item(&item.lang, tree, item.category_id, &item.slug));
        groups.entry(item.group_id).or_default().push((item.lang.clone(), loc.clone()));
        located.push((item, loc));
    }
    for (item, loc) in located {
        let alternates = groups.get(&item.group_id).filter(|versions| versions.len() > 1).cloned().unwrap_or_default();
        let lastmod =
            DateTime::from_timestamp(item.updated_at, 0).map(|at| at.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        entries.push(Entry::new(loc, lastmod, alternates, settings.default_lang.as_str()));
    }
    Ok(entries)
}

/// A `<urlset>` with hreflang alternates (and `x-default` for the default language's version).
pub fn urlset(entries: &[Entry]) -> String {
    let mut xml = String::with_capacity(entries.len() * 200 + 200);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for entry in entries {
        let _ = write!(xml, "<url><loc>{}</loc>", escape(&entry.loc));
        if let Some(lastmod) = &entry.lastmod {
            let _ = write!(xml, "<lastmod>{lastmod}</lastmod>");
        }
        if entry.alternates.len() > 1 {
            for (lang, href) in &entry.alternates {
                let _ = write!(xml, "<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\"/>", escape(href));
            }
            if let Some(href) = &entry.x_default {
                let _ = write!(xml, "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>", escape(href));
            }
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urlset_escapes_and_lists_alternates() {
        let versions = vec![
            ("en".to_owned(), "https://x.org/en/a?b&c".to_owned()),
            ("ru".to_owned(), "https://x.org/ru/a".to_owned()),
        ];
        let xml = urlset(&[Entry::new(versions[0].1.clone(), Some("2026-11-28T00:00:00Z".into()), versions, "en")]);
        assert!(xml.contains("<loc>https://x.org/en/a?b&amp;c</loc>"));
        assert!(xml.contains("<lastmod>2026-11-28T00:00:00Z</lastmod>"));
        assert!(xml.contains("<xhtml:link rel=\"alternate\" hreflang=\"ru\" href=\"https://x.org/ru/a\"/>"));
        assert!(
            xml.contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://x.org/en/a?b&amp;c\"/>")
        );
    }
}
