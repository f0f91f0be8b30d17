//! Sessions: a random token in an HttpOnly cookie, its hash in the database.
//! A session ends after [`IDLE_SECONDS`] without use or [`MAX_AGE_SECONDS`]
//! in all, at sign-out, and when its user is disabled.

use crate::{Core, CoreError};
use pamir_db::sessions::NewSession;
use pamir_domain::User;

/// Two hours without a request ends a session: long enough to write an
/// article, short enough for a shared office computer.
pub const IDLE_SECONDS: i64 = 2 * 3600;
/// Signing in again once a working day at most.
pub const MAX_AGE_SECONDS: i64 = 12 * 3600;
/// Use is recorded at most this often, so reading pages does not mean writing rows.
const TOUCH_EVERY_SECONDS: i64 = 60;

/// Where a request comes from, for sessions and the audit log.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub ip: String,
    pub user_agent: String,
}

/// A session that is valid now.
#[derive(Debug, Clone)]
pub struct Active {
    pub user: User,
    pub csrf_token: String,
    /// The password was right; the second factor is still to be given.
    pub mfa_pending: bool,
    pub ui_lang: String,
}

/// A new session's cookie token (shown once, never stored).
pub struct Started {
    pub token: String,
    pub csrf_token: String,
}

pub async fn start(core: &Core, user_id: i64, mfa_pending: bool, origin: &Origin) -> Result<Started, CoreError> {
    let token = super::random_hex(32)?;
    let csrf_token = super::random_hex(32)?;
    let user_agent: String = origin.user_agent.chars().take(300).collect();
    let session = NewSession {
        token_hash: &super::token_hash(&token),
        user_id,
        csrf_token: &csrf_token,
        mfa_pending,
        ip: &origin.ip,
        user_agent: &user_agent,
    };
    pamir_db::sessions::insert(&core.db, &session, core.clock.now().timestamp()).await?;
    Ok(Started { token, csrf_token })
}

/// The session a cookie token belongs to, if it is still valid.
pub async fn resolve(core: &Core, token: &str) -> Result<Option<Active>, CoreError> {
    let hash = super::token_hash(token);
    let Some(session) = pamir_db::sessions::find(&core.db, &hash).await? else {
        return Ok(None);
    };
    let now = core.clock.now().timestamp();
    let expired = now - session.last_seen_at > IDLE_SECONDS || now - session.created_at > MAX_AGE_SECONDS;
    let credentials = match expired {
        true => None,
        false => pamir_db::users::find(&core.db, session.user_id).await?.filter(|c| !c.user.disabled),
    };
    let Some(credentials) = credentials else {
        pamir_db::sessions::delete(&core.db, &hash).await?;
        return Ok(None);
    };
    if now - session.last_seen_at >= TOUCH_EVERY_SECONDS {
        pamir_db::sessions::touch(&core.db, &hash, now).await?;
    }
    Ok(Some(Active {
        user: credentials.user,
        csrf_token: session.csrf_token,
        mfa_pending: session.mfa_pending,
        ui_lang: credentials.ui_lang,
    }))
}

/// Signs a browser out.
pub async fn end(core: &Core, token: &str) -> Result<(), CoreError> {
    pamir_db::sessions::delete(&core.db, &super::token_hash(token)).await?;
    // Sessions nobody ended are swept here too, so the table never grows unbounded.
    pamir_db::sessions::delete_idle(&core.db, core.clock.now().timestamp() - IDLE_SECONDS).await?;
    Ok(())
}
