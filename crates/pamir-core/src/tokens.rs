//! API tokens: `pamir token create` makes one for a user, the API trades it
//! for an actor with that user's role. Tokens are 256 random bits, shown
//! once, stored as SHA-256.

use crate::audit::Actor;
use crate::auth::{random_hex, sessions::Origin, token_hash};
use crate::{Core, CoreError};

/// Every token starts with this, so leaked ones are easy to find in logs and code.
pub const PREFIX: &str = "pamir_";

/// A new token for the user with this e-mail address: (id, token).
pub async fn create(core: &Core, email: &str, name: &str) -> Result<(i64, String), CoreError> {
    let Some(credentials) = pamir_db::users::find_by_email(&core.db, email).await? else {
        return Err(CoreError::NotFound(format!("no user has the address {email}")));
    };
    if credentials.user.disabled {
        return Err(CoreError::Invalid(format!("the user {email} is disabled")));
    }
    let token = format!("{PREFIX}{}", random_hex(32)?);
    let now = core.clock.now().timestamp();
    let origin = Origin { ip: "console".into(), user_agent: String::new() };
    let mut change = core.begin().await?;
    let id =
        pamir_db::tokens::insert(&mut change.tx, credentials.user.id, &token_hash(&token), name.trim(), now).await?;
    let subject = format!("token {id}");
    change.audit_as(None, Some(credentials.user.id), &origin, "token.create", &subject, name).await?;
    change.commit().await?;
    Ok((id, token))
}

/// The actor a bearer token stands for, if it is live and its user active.
pub async fn actor(core: &Core, token: &str, origin: Origin) -> Result<Option<Actor>, CoreError> {
    if !token.starts_with(PREFIX) || token.len() != PREFIX.len() + 64 {
        return Ok(None);
    }
    let now = core.clock.now().timestamp();
    let Some(user_id) = pamir_db::tokens::user_of(&core.db, &token_hash(token), now).await? else {
        return Ok(None);
    };
    let user = pamir_db::users::find(&core.db, user_id).await?.map(|c| c.user).filter(|u| !u.disabled);
    Ok(user.map(|user| Actor { user, origin }))
}

/// Revokes a token by its id (as `pamir token list` shows it).
pub async fn revoke(core: &Core, id: i64) -> Result<(), CoreError> {
    let mut change = core.begin().await?;
    if !pamir_db::tokens::revoke(&mut change.tx, id, core.clock.now().timestamp()).await? {
        return Err(CoreError::NotFound(format!("no live token has the id {id}")));
    }
    let origin = Origin { ip: "console".into(), user_agent: String::new() };
    change.audit_as(None, None, &origin, "token.revoke", &format!("token {id}"), "").await?;
    change.commit().await
}
