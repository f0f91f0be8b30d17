//! What every handler shares: the core, the theme, the page cache, the sites.

use crate::cache::PageCache;
use crate::middleware::metrics::Metrics;
use crate::sites::Sites;
use crate::theme::Theme;
use pamir_core::Core;
use pamir_core::events::ContentChanged;
use std::path::PathBuf;
use std::sync::Arc;

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
}

#[derive(Clone)]
pub struct AppState {
    pub core: Core,
    pub theme: Arc<Theme>,
    pub cache: Arc<PageCache>,
    pub sites: Arc<Sites>,
    pub metrics: Arc<Metrics>,
    pub config: Arc<WebConfig>,
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
            config: Arc::new(config),
        };
        state.listen_for_changes();
        Ok(state)
    }

    /// Drops cached pages, settings and category trees the moment a change
    /// is announced (synchronously, before the publishing use case returns).
    fn listen_for_changes(&self) {
        let cache = self.cache.clone();
        let sites = self.sites.clone();
        self.core.events.on_change(move |event: ContentChanged| {
            cache.invalidate_site(event.site());
            sites.forget(event.site());
        });
    }
}
