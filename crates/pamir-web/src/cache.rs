//! Rendered pages kept in memory with their compressed forms.
//!
//! A site's pages are dropped together when a change notice arrives, and also
//! when the clock reaches the site's next scheduled transition (an item's
//! publish-up, publish-down or featured-until), so a scheduled item appears on
//! time even before the scheduler's notice arrives.

use crate::compress::Precompressed;
use axum::http::HeaderValue;
use pamir_domain::{Clock, SiteId};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// Above this many bytes held, the cache starts again from empty.
const MAX_BYTES: usize = 256 * 1024 * 1024;

pub struct CachedPage {
    pub body: Precompressed,
    pub content_type: HeaderValue,
}

#[derive(Default)]
struct SiteCache {
    pages: HashMap<String, Arc<CachedPage>>,
    /// When these pages stop being right by the schedule (`None`: no transition ahead).
    valid_until: Option<i64>,
}

pub struct PageCache {
    clock: Arc<dyn Clock>,
    sites: RwLock<HashMap<SiteId, SiteCache>>,
    bytes: std::sync::atomic::AtomicUsize,
}

impl PageCache {
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        Self {
            clock,
            sites: RwLock::new(HashMap::new()),
            bytes: Default::default(),
        }
    }

    pub fn get(&self, site: SiteId, key: &str) -> Option<Arc<CachedPage>> {
        let expired = {
            let sites = self.sites.read().unwrap_or_else(|p| p.into_inner());
            let cache = sites.get(&site)?;
            match cache.valid_until {
                Some(until) if self.clock.now().timestamp() >= until => true,
                _ => return cache.pages.get(key).cloned(),
            }
        };
        if expired {
            self.invalidate_site(site);
        }
        None
    }

    /// Whether the site's schedule horizon is known (it is after every invalidation's first fill).
    pub fn knows_schedule(&self, site: SiteId) -> bool {
        self.sites
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .contains_key(&site)
    }

    /// Stores a page; `valid_until` is the site's next scheduled transition,
    /// needed only when the cache does not know it yet.
    pub fn insert(
        &self,
        site: SiteId,
        key: String,
        page: CachedPage,
        valid_until: Option<Option<i64>>,
    ) {
        use std::sync::atomic::Ordering;
        let size = page.body.size() + key.len();
        if self.bytes.fetch_add(size, Ordering::Relaxed) + size > MAX_BYTES {
            self.invalidate_all();
            self.bytes.store(size, Ordering::Relaxed);
        }
        let mut sites = self.sites.write().unwrap_or_else(|p| p.into_inner());
        let cache = match (sites.get_mut(&site), valid_until) {
            (Some(cache), _) => cache,
            (None, Some(until)) => sites.entry(site).or_insert(SiteCache {
                pages: HashMap::new(),
                valid_until: until,
            }),
            // The horizon is unknown: caching would risk missing a scheduled change.
            (None, None) => return,
        };
        cache.pages.insert(key, Arc::new(page));
    }

    pub fn invalidate_site(&self, site: SiteId) {
        self.sites
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&site);
    }

    pub fn invalidate_all(&self) {
        self.sites
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
        self.bytes.store(0, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn len(&self) -> usize {
        self.sites
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .values()
            .map(|s| s.pages.len())
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
