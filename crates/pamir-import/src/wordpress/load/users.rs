//! The export's authors as pamir users, when asked for (`--users`).

use super::Load;
use crate::names::plain_title;
use pamir_core::CoreError;
use pamir_core::imports::{self, ImportedUser};
use std::collections::HashMap;

impl Load<'_> {
    /// The export's authors as pamir users, by login: found by e-mail address
    /// when the site has them already, else added as authors without a
    /// password (WordPress exports carry none).
    /// Login → user id; empty unless the options ask for users.
    pub(super) async fn users(&mut self) -> Result<HashMap<String, i64>, CoreError> {
        if !self.options.users {
            return Ok(HashMap::new());
        }
        self.authors_as_users().await
    }

    async fn authors_as_users(&mut self) -> Result<HashMap<String, i64>, CoreError> {
        let known = self.ledger.known("user").await?.clone();
        let mut users = HashMap::new();
        for (n, author) in self.export.authors.iter().enumerate() {
            let record_id = author.id.unwrap_or(n as i64);
            if let Some(id) = known.get(&author.login) {
                users.insert(author.login.clone(), *id);
                self.report.unchanged("user");
                continue;
            }
            if !pamir_domain::contact::looks_like_email(&author.email) {
                self.report.skip("user", record_id, "no usable e-mail address in the export");
                continue;
            }
            let existing = imports::find_user(self.core, &author.email).await?;
            if self.options.dry_run {
                if existing.is_none() {
                    self.report.added("user");
                }
                continue;
            }
            let id = match existing {
                Some(id) => {
                    self.ledger.remember("user", &author.login, id).await?;
                    self.report.unchanged("user");
                    id
                }
                None => {
                    let name = Some(plain_title(&author.display_name))
                        .filter(|n| !n.is_empty())
                        .unwrap_or(author.login.clone());
                    let new = ImportedUser {
                        email: &author.email,
                        display_name: &name,
                        role: pamir_domain::Role::Author,
                        password_hash: None,
                        disabled: false,
                    };
                    let id =
                        imports::add_user(self.core, self.site, new, self.ledger.record("user", &author.login)).await?;
                    self.ledger.noted("user", &author.login, id);
                    self.report.added("user");
                    self.report.warn(
                        &format!("user {}", author.login),
                        "WordPress exports carry no passwords: an administrator sets one before they sign in",
                    );
                    id
                }
            };
            users.insert(author.login.clone(), id);
        }
        Ok(users)
    }
}
