//! Rendered pages kept in memory with their compressed forms.
//!
//! A site's pages are dropped together when a change notice arrives, and also
//! when the clock reaches the site's next scheduled transition (an item's
//! publish-up, publish-down or featured-until), so a scheduled item appears on
//! time even before the scheduler's notice arrives.
//!
//! A page rendered while an invalidation happened must not be stored: every
//! fill takes a [`Ticket`] (the cache's generation) before rendering, and the
//! store is refused if the generation moved meanwhile.

use crate::compress::Precompressed;
use axum::http::HeaderValue;
use pamir_domain::{Clock, SiteId};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

/// Above this many bytes held, a site's pages are dropped to make room.
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
    bytes: usize,
}

#[derive(Default)]
struct Inner {
    sites: HashMap<SiteId, SiteCache>,
    bytes: usize,
}

/// Taken before rendering a page that may be stored.
#[derive(Debug, Clone, Copy)]
pub struct Ticket(u64);

pub struct PageCache {
    clock: Arc<dyn Clock>,
    inner: RwLock<Inner>,
    generation: AtomicU64,
}

impl PageCache {
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        Self { clock, inner: RwLock::default(), generation: AtomicU64::new(0) }
    }

    pub fn get(&self, site: SiteId, key: &str) -> Option<Arc<CachedPage>> {
        {
            let inner = self.inner.read().unwrap_or_else(|p| p.into_inner());
            let cache = inner.sites.get(&site)?;
            match cache.valid_until {
                Some(until) if self.clock.now().timestamp() >= until => {}
                _ => return cache.pages.get(key).cloned(),
            }
        }
        self.invalidate_site(site);
        None
    }

    /// Whether the site's schedule horizon is known (it is from the first
    /// fill after an invalidation on).
    pub fn knows_schedule(&self, site: SiteId) -> bool {
        self.inner.read().unwrap_or_else(|p| p.into_inner()).sites.contains_key(&site)
    }

    pub fn ticket(&self) -> Ticket {
        Ticket(self.generation.load(Ordering::Acquire))
    }

    /// Stores a page rendered under `ticket`. `valid_until` is the site's next
    /// scheduled transition as seen before rendering; it is needed when the
    /// cache does not know the horizon yet.
    pub fn insert(
        &self,
        site: SiteId,
        key: String,
        page: CachedPage,
        ticket: Ticket,
        valid_until: Option<Option<i64>>,
    ) {
        let size = page.body.size() + key.len();
        let mut inner = self.inner.write().unwrap_or_else(|p| p.into_inner());
        if self.generation.load(Ordering::Acquire) != ticket.0 {
            return; // Content changed while this page was rendered: it may be stale.
        }
        if inner.bytes + size > MAX_BYTES
            && let Some(dropped) = inner.sites.remove(&site)
        {
            inner.bytes -= dropped.bytes;
        }
        let cache = match (inner.sites.contains_key(&site), valid_until) {
            (true, _) => inner.sites.get_mut(&site),
            (false, Some(until)) => {
                Some(inner.sites.entry(site).or_insert(SiteCache { valid_until: until, ..Default::default() }))
            }
            // The horizon is unknown: caching would risk missing a scheduled change.
            (false, None) => None,
        };
        let Some(cache) = cache else { return };
        let replaced = cache.pages.insert(key.clone(), Arc::new(page)).map_or(0, |old| old.body.size() + key.len());
        cache.bytes = cache.bytes + size - replaced;
        inner.bytes = inner.bytes + size - replaced;
    }

    pub fn invalidate_site(&self, site: SiteId) {
        let mut inner = self.inner.write().unwrap_or_else(|p| p.into_inner());
        self.generation.fetch_add(1, Ordering::AcqRel);
        if let Some(dropped) = inner.sites.remove(&site) {
            inner.bytes -= dropped.bytes;
        }
    }

    pub fn invalidate_all(&self) {
        let mut inner = self.inner.write().unwrap_or_else(|p| p.into_inner());
        self.generation.fetch_add(1, Ordering::AcqRel);
        *inner = Inner::default();
    }

    pub fn len(&self) -> usize {
        self.inner.read().unwrap_or_else(|p| p.into_inner()).sites.values().map(|s| s.pages.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
