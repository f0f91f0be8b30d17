//! The sign-in steps: e-mail and password, then (if set up) a code from the
//! authenticator app or a recovery code. Failures are counted per account
//! and per address in the database, so every node throttles alike.

use super::sessions::{self, Origin, Started};
use super::{password, totp};
use crate::audit;
use crate::{Core, CoreError};
use pamir_db::users::Credentials;

/// Failed attempts allowed per account, and per address, within the window.
pub const MAX_ACCOUNT_FAILURES: i64 = 5;
pub const MAX_ADDRESS_FAILURES: i64 = 20;
pub const WINDOW_SECONDS: i64 = 15 * 60;

pub enum Outcome {
    /// Signed in; the session is ready.
    SignedIn(Started),
    /// The password was right; a second factor is needed on this session.
    NeedsSecondFactor(Started),
    /// Too many failures; try again after this many minutes.
    Throttled { minutes: i64 },
    /// Wrong address or password, or a disabled account (not said which).
    Refused,
}

fn account_key(email: &str) -> String {
    format!("account:{}", pamir_db::users::normalise_email(email))
}

fn address_key(ip: &str) -> String {
    format!("ip:{ip}")
}

/// Minutes until the window reopens, if `key` is over `limit` now.
async fn throttled(core: &Core, key: &str, limit: i64) -> Result<Option<i64>, CoreError> {
    let now = core.clock.now().timestamp();
    let (count, oldest) = pamir_db::sessions::failures_since(&core.db, key, now - WINDOW_SECONDS).await?;
    if count < limit {
        return Ok(None);
    }
    let reopens = oldest.unwrap_or(now) + WINDOW_SECONDS;
    Ok(Some(((reopens - now) as f64 / 60.0).ceil().max(1.0) as i64))
}

async fn check_throttle(core: &Core, email: &str, origin: &Origin) -> Result<Option<i64>, CoreError> {
    if let Some(minutes) = throttled(core, &account_key(email), MAX_ACCOUNT_FAILURES).await? {
        return Ok(Some(minutes));
    }
    throttled(core, &address_key(&origin.ip), MAX_ADDRESS_FAILURES).await
}

async fn fail(core: &Core, email: &str, origin: &Origin, action: &str) -> Result<(), CoreError> {
    let now = core.clock.now().timestamp();
    pamir_db::sessions::record_failure(&core.db, &[&account_key(email), &address_key(&origin.ip)], now).await?;
    audit::record_anonymous(core, action, &format!("user {}", pamir_db::users::normalise_email(email)), origin).await
}

/// Step one: the e-mail address and password.
pub async fn with_password(core: &Core, email: &str, password: &str, origin: &Origin) -> Result<Outcome, CoreError> {
    if let Some(minutes) = check_throttle(core, email, origin).await? {
        audit::record_anonymous(core, "user.signin-throttled", &format!("user {email}"), origin).await?;
        return Ok(Outcome::Throttled { minutes });
    }
    let found = pamir_db::users::find_by_email(&core.db, email).await?;
    let verified = match found.as_ref().and_then(|c| c.password_hash.as_deref()) {
        Some(stored) => password::verify(stored, password),
        None => {
            password::verify_nothing(password);
            false
        }
    };
    let Some(credentials) = found.filter(|c| verified && !c.user.disabled) else {
        fail(core, email, origin, "user.signin-failed").await?;
        return Ok(Outcome::Refused);
    };
    // An imported WordPress or Joomla hash has served its purpose: replace it.
    if credentials.password_hash.as_deref().is_some_and(password::needs_rehash) {
        let hash = password::hash(password)?;
        let now = core.clock.now().timestamp();
        let subject = format!("user {}", credentials.user.email);
        let mut change = core.begin().await?;
        pamir_db::users::set_password_hash(&mut change.tx, credentials.user.id, &hash, now).await?;
        change.audit_as(None, Some(credentials.user.id), origin, "user.password-rehashed", &subject, "").await?;
        change.commit().await?;
    }
    let needs_code = credentials.totp_secret.is_some();
    let started = sessions::start(core, credentials.user.id, needs_code, origin).await?;
    if needs_code {
        return Ok(Outcome::NeedsSecondFactor(started));
    }
    signed_in(core, &credentials, origin).await?;
    Ok(Outcome::SignedIn(started))
}

async fn signed_in(core: &Core, credentials: &Credentials, origin: &Origin) -> Result<(), CoreError> {
    let now = core.clock.now().timestamp();
    pamir_db::sessions::clear_failures(&core.db, &account_key(&credentials.user.email), now - 86_400).await?;
    pamir_db::users::record_login(&core.db, credentials.user.id, now).await?;
    audit::record_user(
        core,
        None,
        credentials.user.id,
        "user.signin",
        &format!("user {}", credentials.user.email),
        "",
        origin,
    )
    .await
}

/// Step two: a code from the app, or a recovery code. On success the
/// half-signed-in session is replaced by a new one (a new cookie), so a
/// token seen before the second factor is worth nothing after it.
pub async fn with_code(core: &Core, pending_token: &str, code: &str, origin: &Origin) -> Result<Outcome, CoreError> {
    let Some(active) = sessions::resolve(core, pending_token).await? else {
        return Ok(Outcome::Refused);
    };
    let email = active.user.email.clone();
    if let Some(minutes) = check_throttle(core, &email, origin).await? {
        return Ok(Outcome::Throttled { minutes });
    }
    let Some(credentials) = pamir_db::users::find(&core.db, active.user.id).await? else {
        return Ok(Outcome::Refused);
    };
    let Some(secret) = credentials.totp_secret.as_deref() else {
        return Ok(Outcome::Refused);
    };
    let now = core.clock.now().timestamp();
    let accepted = match totp::matching_step(secret, code, now) {
        Some(step) => {
            let mut change = core.begin().await?;
            let accepted = pamir_db::users::accept_totp_step(&mut change.tx, credentials.user.id, step).await?;
            change.commit().await?;
            accepted
        }
        None => use_recovery_code(core, &credentials, code).await?,
    };
    if !accepted {
        fail(core, &email, origin, "user.second-factor-failed").await?;
        return Ok(Outcome::Refused);
    }
    sessions::end(core, pending_token).await?;
    let started = sessions::start(core, credentials.user.id, false, origin).await?;
    signed_in(core, &credentials, origin).await?;
    Ok(Outcome::SignedIn(started))
}

async fn use_recovery_code(core: &Core, credentials: &Credentials, code: &str) -> Result<bool, CoreError> {
    let hash = totp::recovery_hash(code);
    let Some(position) = credentials.recovery_codes.iter().position(|stored| stored == &hash) else {
        return Ok(false);
    };
    let mut left = credentials.recovery_codes.clone();
    left.remove(position);
    pamir_db::users::set_recovery_codes(&core.db, credentials.user.id, &left).await?;
    Ok(true)
}
