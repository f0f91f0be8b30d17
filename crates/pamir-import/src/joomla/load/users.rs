//! Joomla's users: those who could write or manage content become pamir
//! users with their old password (pamir checks Joomla's hashes at sign-in
//! and replaces them); site visitors' accounts stay behind.

use super::{Loader, usable_hash};
use crate::progress::Progress;
use pamir_core::CoreError;
use pamir_core::imports::{self, ImportedUser};
use std::collections::HashMap;

impl Loader<'_> {
    /// Joomla users who could write or manage content become pamir users
    /// with their old password; site visitors' accounts do not.
    pub(super) async fn users(&mut self, progress: &dyn Progress) -> Result<HashMap<i64, i64>, CoreError> {
        progress.stage("users", self.joomla.users.len());
        let known = self.ledger.known("user").await?.clone();
        let mut map = HashMap::new();
        for user in &self.joomla.users {
            progress.advance(1);
            if let Some(id) = known.get(&user.id.to_string()) {
                map.insert(user.id, *id);
                self.report.unchanged("user");
                continue;
            }
            let Some(role) = user.role else {
                self.report.skip("user", user.id, "a site visitor's account (no group that may write): not imported");
                continue;
            };
            if !pamir_domain::contact::looks_like_email(&user.email) {
                self.report.skip("user", user.id, "no usable e-mail address");
                continue;
            }
            if let Some(existing) = imports::find_user(self.core, &user.email).await? {
                self.report.warn(
                    &format!("user {}", user.id),
                    "a pamir user has this e-mail address already: that user is its author now",
                );
                self.ledger.remember("user", &user.id.to_string(), existing).await?;
                map.insert(user.id, existing);
                self.report.unchanged("user");
                continue;
            }
            let hash = usable_hash(&user.password).then_some(user.password.as_str());
            if hash.is_none() {
                self.report.warn(
                    &format!("user {}", user.id),
                    "its password hash is not one pamir can check: an administrator must set a new password",
                );
            }
            if self.options.dry_run {
                map.insert(user.id, -user.id);
                self.report.added("user");
                continue;
            }
            let name = Some(user.name.trim()).filter(|n| !n.is_empty()).unwrap_or(&user.username);
            let new = ImportedUser {
                email: &user.email,
                display_name: name,
                role,
                password_hash: hash,
                disabled: user.blocked,
            };
            let source_id = user.id.to_string();
            let id = imports::add_user(self.core, self.site_id, new, self.ledger.record("user", &source_id)).await?;
            self.ledger.noted("user", &source_id, id);
            if user.blocked {
                self.report.warn(&format!("user {}", user.id), "blocked in Joomla: imported as disabled");
            }
            map.insert(user.id, id);
            self.report.added("user");
        }
        Ok(map)
    }
}
