//! One use case, one transaction. A use case begins a [`Change`], makes
//! every write through its transaction (the rows, the revision, the audit
//! entry), names the sites whose content it changed, and commits once: the
//! sites' content versions move in the same transaction, and the "content
//! changed" notices leave only after the commit, so no cache ever hears of
//! a change that did not happen, and none misses one that did. A change
//! dropped without committing (an error half-way) leaves nothing behind.

use crate::audit::Actor;
use crate::auth::sessions::Origin;
use crate::events::ContentChanged;
use crate::{Core, CoreError};
use pamir_db::Tx;
use pamir_db::audit::NewEntry;
use pamir_domain::SiteId;

pub struct Change<'a> {
    core: &'a Core,
    pub tx: Tx,
    changed: Vec<SiteId>,
}

impl Core {
    /// Begins a use case's transaction.
    pub async fn begin(&self) -> Result<Change<'_>, CoreError> {
        Ok(Change { core: self, tx: self.db.begin().await?, changed: Vec::new() })
    }
}

impl Change<'_> {
    /// The time the use case happens at (the core's clock).
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.core.clock.now()
    }

    /// Notes that the site's content changed; announced at commit.
    pub fn content_changed(&mut self, site: SiteId) {
        if !self.changed.contains(&site) {
            self.changed.push(site);
        }
    }

    /// Records what the actor did, in this change's transaction.
    pub async fn audit(
        &mut self,
        site: Option<SiteId>,
        actor: &Actor,
        action: &str,
        subject: &str,
        detail: &str,
    ) -> Result<(), CoreError> {
        self.audit_as(site, Some(actor.user.id), &actor.origin, action, subject, detail).await
    }

    /// Records what a user (or, with `None`, someone not signed in, or an
    /// import run from the console) did, from where.
    pub async fn audit_as(
        &mut self,
        site: Option<SiteId>,
        user_id: Option<i64>,
        origin: &Origin,
        action: &str,
        subject: &str,
        detail: &str,
    ) -> Result<(), CoreError> {
        let entry = NewEntry { site_id: site, user_id, action, subject, detail, ip: &origin.ip };
        pamir_db::audit::insert(&mut self.tx, &entry, self.core.clock.now().timestamp()).await?;
        Ok(())
    }

    /// Commits, then announces the changed sites: to this process at once,
    /// and to other nodes through the content versions committed with it.
    pub async fn commit(mut self) -> Result<(), CoreError> {
        for site in &self.changed {
            pamir_db::sites::bump_content_version(&mut self.tx, *site).await?;
        }
        self.tx.commit().await?;
        for site in self.changed {
            self.core.events.publish(ContentChanged::Site(site));
        }
        Ok(())
    }
}
