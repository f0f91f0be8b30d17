//! What every handler shares: the core, the theme, the page cache, the sites,
//! the search indexes.

use crate::cache::PageCache;
use crate::middleware::metrics::Metrics;
use crate::sites::Sites;
use crate::theme::Theme;
use pamir_core::Core;
use pamir_core::events::ContentChanged;
use pamir_core::search::SiteSearch;
use pamir_domain::SiteId;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// How the web layer is set up.
#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// Folder whose `templates/` and `static/` override the built-in theme.
    pub theme_dir: Option<PathBuf>,
    /// Take the reader's address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_forwarded_for: bool,
    /// The site's public address (`https://example.org`); without it, links
    /// are made absolute from the request's Host header.
    pub base_url: Option<String>,
    /// Folder of the search indexes (one per site); `None` keeps them in memory.
    pub search_dir: Option<PathBuf>,
}

impl WebConfig {
    /// Whether this request reached the site over HTTPS: its address says
    /// so, or the trusted proxy in front does (`X-Forwarded-Proto`).
    pub fn over_https(&self, headers: &axum::http::HeaderMap) -> bool {
        let configured = self.base_url.as_deref().is_some_and(|url| url.starts_with("https://"));
        let proxied = self.trust_forwarded_for
            && headers.get("x-forwarded-proto").is_some_and(|proto| proto.as_bytes().eq_ignore_ascii_case(b"https"));
        configured || proxied
    }
}

#[derive(Clone)]
pub struct AppState {
    pub core: Core,
    pub theme: Arc<Theme>,
    pub cache: Arc<PageCache>,
    pub sites: Arc<Sites>,
    pub metrics: Arc<Metrics>,
    pub config: Arc<WebConfig>,
    pub search: Arc<Searches>,
    /// Public pages rendered at once (cache misses, searches): bounded, so
    /// that someone asking for uncached pages as fast as they can takes a
    /// few cores' worth of work at most and cached pages stay fast.
    pub renders: Arc<tokio::sync::Semaphore>,
}

/// Two renders per core: enough to keep the cores busy while others wait
/// on the database, few enough that a flood cannot queue without limit.
fn render_slots() -> usize {
    std::thread::available_parallelism().map_or(2, |cores| cores.get()) * 2
}

/// Each site's search index, opened on first use.
#[derive(Default)]
pub struct Searches {
    dir: Option<PathBuf>,
    open: Mutex<HashMap<SiteId, Arc<SiteSearch>>>,
}

impl Searches {
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self { dir, open: Mutex::default() }
    }

    pub fn get(&self, site: SiteId) -> Result<Arc<SiteSearch>, pamir_core::CoreError> {
        let mut open = self.open.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(search) = open.get(&site) {
            return Ok(search.clone());
        }
        let dir = self.dir.as_ref().map(|dir| dir.join(format!("site-{site}")));
        let search = Arc::new(SiteSearch::open(site, dir.as_deref())?);
        open.insert(site, search.clone());
        Ok(search)
    }

    fn mark_stale(&self, site: SiteId) {
        let open = self.open.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(search) = open.get(&site) {
            search.mark_stale();
        }
    }
}

impl AppState {
    /// Loads the theme and the sites, and starts listening for content
    /// changes so cached pages and settings never outlive an edit.
    pub async fn new(core: Core, config: WebConfig) -> Result<Self, crate::error::StartError> {
        let theme = Theme::load(config.theme_dir.as_deref())?;
        let sites = Sites::load(&core.db).await?;
        let state = Self {
            cache: Arc::new(PageCache::new(core.clock.clone())),
            core,
            theme: Arc::new(theme),
            sites: Arc::new(sites),
            metrics: Arc::new(Metrics::default()),
            search: Arc::new(Searches::new(config.search_dir.clone())),
            config: Arc::new(config),
            renders: Arc::new(tokio::sync::Semaphore::new(render_slots())),
        };
        state.listen_for_changes();
        Ok(state)
    }

    /// Drops cached pages, settings and category trees the moment a change
    /// is announced (synchronously, before the publishing use case returns).
    fn listen_for_changes(&self) {
        let cache = self.cache.clone();
        let sites = self.sites.clone();
        let search = self.search.clone();
        self.core.events.on_change(move |event: ContentChanged| {
            cache.invalidate_site(event.site());
            sites.forget(event.site());
            search.mark_stale(event.site());
        });
    }
}
