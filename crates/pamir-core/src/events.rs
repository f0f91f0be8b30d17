//! "Content changed" notices. Page caches subscribe and drop what they hold.
//!
//! In one process this is a broadcast channel; a second node will subscribe
//! to the same notices through the database (PostgreSQL LISTEN/NOTIFY), so
//! publishers never need to know how many nodes there are.

use pamir_domain::SiteId;
use tokio::sync::broadcast;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentChanged {
    /// Something on this site changed: items, categories, tags, media or settings.
    Site(SiteId),
    /// The clock passed a scheduled publish-up, publish-down or featured-until.
    ScheduleReached(SiteId),
}

#[derive(Clone, Debug)]
pub struct ContentEvents {
    sender: broadcast::Sender<ContentChanged>,
}

impl Default for ContentEvents {
    fn default() -> Self {
        // Listeners only need the latest state; a lagging one treats a gap as "everything changed".
        let (sender, _) = broadcast::channel(64);
        Self { sender }
    }
}

impl ContentEvents {
    pub fn publish(&self, event: ContentChanged) {
        // No listener (e.g. a CLI command) is fine: nothing is cached then.
        let _ = self.sender.send(event);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<ContentChanged> {
        self.sender.subscribe()
    }
}
