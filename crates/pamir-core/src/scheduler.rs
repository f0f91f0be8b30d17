//! Wakes up when the clock reaches a scheduled publish-up, publish-down or
//! featured-until, and announces it, so cached pages change on time without
//! a reader or editor doing anything.

use crate::Core;
use crate::events::ContentChanged;
use pamir_domain::SiteId;
use std::time::Duration;

/// Checks at least this often, so edits made by other nodes are picked up.
const MAX_SLEEP: Duration = Duration::from_secs(60);

/// Runs until the process ends.
pub async fn run(core: Core, site: SiteId) {
    let mut changes = core.events.subscribe();
    loop {
        let now = core.clock.now();
        let next = match pamir_db::items::next_transition(&core.db, site, now).await {
            Ok(next) => next,
            Err(error) => {
                tracing::warn!(%error, "scheduler could not read the schedule");
                None
            }
        };
        let wait = next.map_or(MAX_SLEEP, |at| (at - now).to_std().unwrap_or_default().min(MAX_SLEEP));
        tokio::select! {
            () = tokio::time::sleep(wait) => {
                if next.is_some_and(|at| at <= core.clock.now()) {
                    core.events.publish(ContentChanged::ScheduleReached(site));
                }
            }
            // An edit may have moved the schedule: look again.
            _ = changes.recv() => {}
        }
    }
}
