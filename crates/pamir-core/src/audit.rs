//! Who acts, whether they may, and the audit log entry every change leaves.

use crate::auth::sessions::Origin;
use crate::{Core, CoreError};
use pamir_domain::{Action, SiteId, User};

/// A signed-in user acting through the admin, the API or the CLI.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user: User,
    pub origin: Origin,
}

impl Actor {
    /// Refuses the action unless the user's role allows it.
    pub fn require(&self, action: Action) -> Result<(), CoreError> {
        if self.user.role.may(action) {
            Ok(())
        } else {
            Err(CoreError::Forbidden(format!("a {} may not do this ({action:?})", self.user.role.as_str())))
        }
    }

    /// Refuses unless the role allows `any`, or allows `own` and the thing
    /// was created by this user.
    pub fn require_on(&self, any: Action, own: Action, created_by: Option<i64>) -> Result<(), CoreError> {
        if self.user.role.may(any) || (self.user.role.may(own) && created_by == Some(self.user.id)) {
            Ok(())
        } else {
            Err(CoreError::Forbidden(format!(
                "a {} may not do this to others' work ({any:?})",
                self.user.role.as_str()
            )))
        }
    }

    /// The CLI: the machine's operator acts as this user, from the console.
    pub fn console(user: User) -> Self {
        Self { user, origin: Origin { ip: "console".into(), user_agent: String::new() } }
    }
}

/// Records what a user did, as a change of its own (the sign-in steps); a
/// use case that writes more records it in its `Change`, with the rest.
pub async fn record_user(
    core: &Core,
    site: Option<SiteId>,
    user_id: i64,
    action: &str,
    subject: &str,
    detail: &str,
    origin: &Origin,
) -> Result<(), CoreError> {
    let mut change = core.begin().await?;
    change.audit_as(site, Some(user_id), origin, action, subject, detail).await?;
    change.commit().await
}

/// Records an attempt by someone not signed in (a failed sign-in).
pub async fn record_anonymous(core: &Core, action: &str, subject: &str, origin: &Origin) -> Result<(), CoreError> {
    let mut change = core.begin().await?;
    change.audit_as(None, None, origin, action, subject, "").await?;
    change.commit().await
}
