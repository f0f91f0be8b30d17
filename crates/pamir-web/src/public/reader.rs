//! What every public page needs to know about its request: the site, its
//! settings, the language, the category tree, the time. Also the strict
//! parsing of paths and `?page=N`.

use crate::error::PageError;
use crate::respond::Page;
use crate::state::AppState;
use crate::view::{Chrome, Meta, chrome};
use axum::http::{HeaderMap, Uri, header};
use chrono::{DateTime, Utc};
use pamir_domain::site::SiteSettings;
use pamir_domain::taxonomy::CategoryTree;
use pamir_domain::{Lang, PageNumber, SiteId};
use serde::Serialize;
use std::sync::Arc;

pub struct Reader {
    pub site: SiteId,
    pub settings: Arc<SiteSettings>,
    pub lang: Lang,
    pub tree: Arc<CategoryTree>,
    /// The category trees of the site's other languages, for the language switcher.
    pub other_trees: Vec<(Lang, Arc<CategoryTree>)>,
    pub now: DateTime<Utc>,
    /// `https://example.org`: for absolute links in metadata.
    pub origin: String,
    /// The site's logo in this language (its alt text), if it has one.
    pub logo: Option<crate::view::ImageView>,
}

impl Reader {
    /// The site's clock for this page.
    pub fn time(&self) -> crate::view::SiteTime {
        crate::view::SiteTime { zone: self.settings.time_zone, now: self.now }
    }

    /// The reader of a page whose path starts with `/{lang}/`. An unknown or
    /// malformed language is "not found": no such part of the site exists.
    pub async fn new(state: &AppState, headers: &HeaderMap, uri: &Uri) -> Result<Self, PageError> {
        let segments = segments(uri)?;
        let code = segments.first().map(String::as_str).unwrap_or("");
        let site = site_of(state, headers)?;
        let settings = state.sites.settings(site).await?;
        let lang = Lang::parse(code).ok().filter(|lang| settings.offers(lang)).ok_or(PageError::NotFound)?;
        let tree = state.sites.tree(site, &lang).await?;
        let mut other_trees = Vec::new();
        for other in settings.languages.iter().filter(|other| **other != lang) {
            other_trees.push((other.clone(), state.sites.tree(site, other).await?));
        }
        let (now, origin) = (state.core.clock.now(), origin(state, headers));
        let logo = logo(state, &settings, &lang).await?;
        Ok(Self { site, settings, lang, tree, other_trees, now, origin, logo })
    }

    /// The category tree of `lang`, if the site offers it (already loaded: no query).
    pub fn tree_for(&self, lang: &Lang) -> Option<&CategoryTree> {
        if *lang == self.lang {
            return Some(&self.tree);
        }
        self.other_trees.iter().find(|(other, _)| other == lang).map(|(_, tree)| tree.as_ref())
    }

    pub fn code(&self) -> &str {
        self.lang.as_str()
    }

    pub fn chrome(&self, state: &AppState, current_category: Option<i64>, alternates: &[(String, String)]) -> Chrome {
        // Without a translation, the same category in that language is the nearest page.
        let nearest: Vec<(String, String)> = match current_category {
            Some(id) => self
                .other_trees
                .iter()
                .filter(|(_, tree)| tree.get(id).is_some())
                .map(|(lang, tree)| (lang.to_string(), crate::view::urls::category(lang.as_str(), tree, id)))
                .collect(),
            None => Vec::new(),
        };
        chrome(&self.settings, &self.lang, &self.tree, current_category, alternates, &nearest, self.now)
            .with_look(state.theme.stylesheet(self.settings.identity.brand_colour), self.logo.clone())
    }

    /// Renders `template` as a page cacheable under its canonical address.
    pub fn page(
        &self,
        state: &AppState,
        template: &str,
        page: impl Serialize,
        frame: Frame<'_>,
    ) -> Result<Page, PageError> {
        let html = self.render(state, template, page, &frame)?;
        Ok(Page::new(html, frame.canonical))
    }

    /// Renders `template` with the page's own values plus `lang`, `origin`,
    /// `chrome`, `canonical` and `meta`.
    pub fn render(
        &self,
        state: &AppState,
        template: &str,
        page: impl Serialize,
        frame: &Frame<'_>,
    ) -> Result<String, PageError> {
        let context = minijinja::context! {
            lang => self.code(),
            origin => &self.origin,
            chrome => minijinja::value::Serde(self.chrome(state, frame.current_category, frame.alternates)),
            canonical => frame.canonical,
            meta => minijinja::value::Serde(&frame.meta),
            ..minijinja::Value::from(minijinja::value::Serde(&page))
        };
        Ok(state.theme.render(template, context)?)
    }
}

/// The logo of the site's settings in `lang`, if it is set and still in the
/// media library.
pub async fn logo(
    state: &AppState,
    settings: &SiteSettings,
    lang: &Lang,
) -> Result<Option<crate::view::ImageView>, pamir_db::DbError> {
    let Some(id) = settings.identity.logo_media_id else { return Ok(None) };
    let found = pamir_db::media::get_many(&state.core.db, &[id], lang, &settings.default_lang).await?;
    Ok(found.first().map(crate::view::ImageView::from))
}

/// What surrounds a page's own content: its address, its place in the
/// navigation, its other languages and what it says about itself.
pub struct Frame<'a> {
    pub canonical: &'a str,
    pub current_category: Option<i64>,
    /// The same page in other languages: (language, path).
    pub alternates: &'a [(String, String)],
    pub meta: Meta,
}

/// Where the site is reached, for absolute links (`https://example.org`):
/// the configured base URL, else the request's scheme and Host. A Host
/// header with anything but host-name characters is not trusted.
pub fn origin(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(base) = &state.config.base_url {
        return base.clone();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| !h.is_empty() && h.len() < 256)
        .filter(|h| h.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']')))
        .unwrap_or("localhost");
    let https = state.config.over_https(headers);
    format!("{}://{host}", if https { "https" } else { "http" })
}

pub fn site_of(state: &AppState, headers: &HeaderMap) -> Result<SiteId, PageError> {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    state.sites.resolve(host).ok_or(PageError::NotFound)
}

/// The path's segments, percent-decoded; invalid UTF-8 is a bad request.
/// A trailing slash gives a last empty segment.
pub fn segments(uri: &Uri) -> Result<Vec<String>, PageError> {
    uri.path()
        .trim_start_matches('/')
        .split('/')
        .map(|raw| {
            percent_encoding::percent_decode_str(raw)
                .decode_utf8()
                .map(|s| s.into_owned())
                .map_err(|_| PageError::BadRequest("the address is not valid UTF-8".into()))
        })
        .collect()
}

/// `?page=N`: absent means the first page; anything but a sane number is a bad request.
pub fn page_number(uri: &Uri) -> Result<PageNumber, PageError> {
    match query_value(uri, "page") {
        None => Ok(PageNumber::FIRST),
        Some(value) => PageNumber::parse(&value).map_err(|e| PageError::BadRequest(e.to_string())),
    }
}

/// One parameter of the query string, percent-decoded.
pub fn query_value(uri: &Uri, name: &str) -> Option<String> {
    uri.query()?.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name)
            .then(|| percent_encoding::percent_decode_str(&value.replace('+', " ")).decode_utf8_lossy().into_owned())
    })
}
