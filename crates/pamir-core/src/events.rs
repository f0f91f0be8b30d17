//! "Content changed" notices. Page caches subscribe and drop what they hold.
//!
//! Listeners registered with [`ContentEvents::on_change`] run synchronously
//! inside `publish`, so when a use case returns, no cache in this process
//! still holds the old page. Tasks that wait for changes (the scheduler)
//! subscribe to the broadcast channel instead. A second node will receive
//! the same notices through the database (PostgreSQL LISTEN/NOTIFY), so
//! publishers never need to know how many nodes there are.

use pamir_domain::SiteId;
use std::sync::{Arc, RwLock};
use tokio::sync::broadcast;

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

#[derive(Clone)]
pub struct ContentEvents {
    sender: broadcast::Sender<ContentChanged>,
    listeners: Arc<RwLock<Vec<Listener>>>,
}

impl Default for ContentEvents {
    fn default() -> Self {
        // Waiting tasks only need to know that something changed; a lagging one treats a gap as a change.
        let (sender, _) = broadcast::channel(64);
        Self { sender, listeners: Arc::default() }
    }
}

impl ContentEvents {
    pub fn publish(&self, event: ContentChanged) {
        for listener in self.listeners.read().unwrap_or_else(|p| p.into_inner()).iter() {
            listener(event);
        }
        // No waiting task (e.g. in a CLI command) is fine.
        let _ = self.sender.send(event);
    }

    /// Runs `listener` on every notice, before `publish` returns. Keep it quick: it runs in the publisher's task.
    pub fn on_change(&self, listener: impl Fn(ContentChanged) + Send + Sync + 'static) {
        self.listeners.write().unwrap_or_else(|p| p.into_inner()).push(Box::new(listener));
    }

    pub fn subscribe(&self) -> broadcast::Receiver<ContentChanged> {
        self.sender.subscribe()
    }
}
