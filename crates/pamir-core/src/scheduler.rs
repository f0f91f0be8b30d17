//! Keeps this process's caches right when nothing in it made a change:
//! - when the clock reaches a scheduled publish-up, publish-down or
//!   featured-until, it announces `ScheduleReached`, so pages change on time
//!   without a reader or editor doing anything;
//! - when another process or node changed the site (its content version
//!   moved), it announces `Site`, so every node drops its stale pages.

use crate::Core;
use crate::events::ContentChanged;
use pamir_domain::SiteId;
use std::time::Duration;

/// How often the content version is looked at: how stale another node's
/// change may be here, at the cost of one tiny query.
pub const WATCH_INTERVAL: Duration = Duration::from_secs(2);

/// Runs until the process ends.
pub async fn run(core: Core, site: SiteId) {
    let mut seen = pamir_db::sites::content_version(&core.db, site).await.unwrap_or_default();
    loop {
        let now = core.clock.now();
        let next = match pamir_db::items::next_transition(&core.db, site, now).await {
            Ok(next) => next,
            Err(error) => {
                tracing::warn!(%error, "scheduler could not read the schedule");
                None
            }
        };
        let wait = next.map_or(WATCH_INTERVAL, |at| (at - now).to_std().unwrap_or_default().min(WATCH_INTERVAL));
        tokio::time::sleep(wait).await;
        if next.is_some_and(|at| at <= core.clock.now()) {
            core.events.publish(ContentChanged::ScheduleReached(site));
        }
        match pamir_db::sites::content_version(&core.db, site).await {
            Ok(version) if version != seen => {
                seen = version;
                core.events.publish(ContentChanged::Site(site));
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "scheduler could not read the content version"),
        }
    }
}
