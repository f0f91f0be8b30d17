//! "Content changed" notices. Page caches subscribe and drop what they hold.
//!
//! Listeners registered with [`ContentEvents::on_change`] run synchronously
//! inside `publish`, so when a use case returns, no cache in this process
//! still holds the old page. Other processes and nodes learn of a change
//! through the site's content version in the database, which their
//! [`crate::scheduler`] watches and turns into the same notices here.

use pamir_domain::SiteId;
use std::sync::{Arc, RwLock};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentChanged {
    /// Something on this site changed: items, categories, tags, media or settings.
    Site(SiteId),
    /// The clock passed a scheduled publish-up, publish-down or featured-until.
    ScheduleReached(SiteId),
}

impl ContentChanged {
    pub fn site(self) -> SiteId {
        match self {
            ContentChanged::Site(site) | ContentChanged::ScheduleReached(site) => site,
        }
    }
}

type Listener = Box<dyn Fn(ContentChanged) + Send + Sync>;

#[derive(Clone, Default)]
pub struct ContentEvents {
    listeners: Arc<RwLock<Vec<Listener>>>,
}

impl ContentEvents {
    pub fn publish(&self, event: ContentChanged) {
        for listener in self.listeners.read().unwrap_or_else(|p| p.into_inner()).iter() {
            listener(event);
        }
    }

    /// Runs `listener` on every notice, before `publish` returns. Keep it quick: it runs in the publisher's task.
    pub fn on_change(&self, listener: impl Fn(ContentChanged) + Send + Sync + 'static) {
        self.listeners.write().unwrap_or_else(|p| p.into_inner()).push(Box::new(listener));
    }
}
