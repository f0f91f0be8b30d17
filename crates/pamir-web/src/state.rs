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

    fn listen_for_changes(&self) {
        let mut changes = self.core.events.subscribe();
        let cache = self.cache.clone();
        let sites = self.sites.clone();
        tokio::spawn(async move {
            loop {
                match changes.recv().await {
                    Ok(ContentChanged::Site(site) | ContentChanged::ScheduleReached(site)) => {
                        cache.invalidate_site(site);
                        sites.forget_settings(site);
                    }
                    // Missed notices: assume everything changed.
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                        cache.invalidate_all();
                        sites.forget_all_settings();
                    }
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
                }
            }
        });
    }
}
