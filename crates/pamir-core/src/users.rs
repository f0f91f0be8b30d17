//! Admin accounts: adding users (the CLI, the demo, administrators),
//! changing their role or password, and setting up a second factor.

use crate::audit::Actor;
use crate::auth::{password, totp};
use crate::{Core, CoreError};
use pamir_db::users::{NewUser, UserChanges};
use pamir_domain::{Action, Message, Role, User};

pub struct NewAccount {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// `None` generates one, returned once to be shown.
    pub password: Option<String>,
}

/// A created user, and the generated password if one was made.
pub struct Created {
    pub user: User,
    pub generated_password: Option<String>,
}

fn check_email(email: &str) -> Result<String, CoreError> {
    let email = pamir_db::users::normalise_email(email);
    let valid = email.len() <= 254
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
        })
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        Ok(email)
    } else {
        Err(CoreError::rule("email", Message::new("rule-email-invalid").with("email", email)))
    }
}

/// Adds a user. `by` is the administrator doing it; `None` is the machine's
/// operator at the console (`pamir user add`, `serve --demo`).
pub async fn add(core: &Core, by: Option<&Actor>, account: NewAccount) -> Result<Created, CoreError> {
    if let Some(actor) = by {
        actor.require(Action::ManageUsers)?;
    }
    let email = check_email(&account.email)?;
    let (plain, generated) = match account.password {
        Some(given) => (given, false),
        None => (password::generate()?, true),
    };
    password::check_new(&plain)?;
    let hash = password::hash(&plain)?;
    let display_name = match account.display_name.trim() {
        "" => email.split('@').next().unwrap_or(&email).to_owned(),
        name => name.to_owned(),
    };
    let now = core.clock.now().timestamp();
    let new =
        NewUser { email: &email, display_name: &display_name, role: account.role.as_str(), password_hash: Some(&hash) };
    let mut change = core.begin().await?;
    let id = pamir_db::users::insert(&mut change.tx, &new, now).await.map_err(|error| match error {
        pamir_db::DbError::Conflict(_) => {
            CoreError::rule("email", Message::new("rule-email-taken").with("email", &email))
        }
        other => CoreError::Db(other),
    })?;
    let user = User { id, email, display_name, role: account.role, disabled: false, mfa_enabled: false };
    let subject = format!("user {}", user.email);
    match by {
        Some(actor) => change.audit(None, actor, "user.create", &subject, account.role.as_str()).await?,
        None => {
            let origin = crate::auth::sessions::Origin { ip: "console".into(), user_agent: String::new() };
            change.audit_as(None, Some(id), &origin, "user.create", &subject, account.role.as_str()).await?
        }
    }
    change.commit().await?;
    Ok(Created { user, generated_password: generated.then_some(plain) })
}

/// An administrator changes someone's name, role or access. The last
/// active administrator cannot be demoted or disabled: someone must be
/// able to manage users.
pub async fn update(core: &Core, actor: &Actor, id: i64, changes: UserChanges<'_>) -> Result<(), CoreError> {
    actor.require(Action::ManageUsers)?;
    let current =
        pamir_db::users::find(&core.db, id).await?.ok_or_else(|| CoreError::NotFound(format!("user {id}")))?;
    let loses_admin = current.user.role == Role::Administrator
        && !current.user.disabled
        && (changes.role != Role::Administrator || changes.disabled);
    if loses_admin && pamir_db::users::count_active_administrators(&core.db).await? <= 1 {
        return Err(CoreError::rule("role", Message::new("rule-last-administrator")));
    }
    if changes.display_name.trim().is_empty() {
        return Err(CoreError::rule("display_name", Message::new("rule-user-name-empty")));
    }
    let mut change = core.begin().await?;
    pamir_db::users::update(&mut change.tx, id, &changes, core.clock.now().timestamp()).await?;
    // Disabled, or given another role: what they were signed in with was
    // granted to the account as it was, so those sessions end.
    if changes.disabled || changes.role != current.user.role {
        pamir_db::sessions::delete_for_user(&mut change.tx, id).await?;
    }
    let detail = format!("role {}, {}", changes.role.as_str(), if changes.disabled { "disabled" } else { "active" });
    change.audit(None, actor, "user.update", &format!("user {}", current.user.email), &detail).await?;
    change.commit().await
}

/// An administrator signs someone out everywhere (a lost phone, a shared
/// computer, someone leaving): every session of theirs ends at once.
pub async fn end_sessions(core: &Core, actor: &Actor, id: i64) -> Result<(), CoreError> {
    actor.require(Action::ManageUsers)?;
    let user = pamir_db::users::find(&core.db, id).await?.ok_or_else(|| CoreError::NotFound(format!("user {id}")))?;
    let mut change = core.begin().await?;
    pamir_db::sessions::delete_for_user(&mut change.tx, id).await?;
    change.audit(None, actor, "user.sessions-ended", &format!("user {}", user.user.email), "").await?;
    change.commit().await
}

/// A user changes their own password, proving they know the current one.
/// Every other session of theirs ends.
pub async fn change_password(core: &Core, actor: &Actor, current: &str, new: &str) -> Result<(), CoreError> {
    actor.require(Action::ManageOwnAccount)?;
    let credentials = pamir_db::users::find(&core.db, actor.user.id)
        .await?
        .ok_or_else(|| CoreError::NotFound("your account".into()))?;
    if !credentials.password_hash.as_deref().is_some_and(|stored| password::verify(stored, current)) {
        return Err(CoreError::rule("current", Message::new("rule-password-wrong")));
    }
    password::check_new(new)?;
    let hash = password::hash(new)?;
    let mut change = core.begin().await?;
    pamir_db::users::set_password_hash(&mut change.tx, actor.user.id, &hash, core.clock.now().timestamp()).await?;
    pamir_db::sessions::delete_for_user(&mut change.tx, actor.user.id).await?;
    change.audit(None, actor, "user.password", &format!("user {}", actor.user.email), "").await?;
    change.commit().await
}

/// Turns on the second factor once the user proves their app has the
/// secret, by typing a current code. Returns the recovery codes to show once.
pub async fn enable_totp(core: &Core, actor: &Actor, secret: &str, code: &str) -> Result<Vec<String>, CoreError> {
    actor.require(Action::ManageOwnAccount)?;
    let now = core.clock.now().timestamp();
    let Some(step) = totp::matching_step(secret, code, now) else {
        return Err(CoreError::rule("code", Message::new("rule-totp-mismatch")));
    };
    let (codes, hashes) = totp::new_recovery_codes()?;
    let mut change = core.begin().await?;
    pamir_db::users::set_second_factor(&mut change.tx, actor.user.id, Some(secret), &hashes, now).await?;
    pamir_db::users::accept_totp_step(&mut change.tx, actor.user.id, step).await?;
    change.audit(None, actor, "user.mfa-enable", &format!("user {}", actor.user.email), "").await?;
    change.commit().await?;
    Ok(codes)
}

pub async fn disable_totp(core: &Core, actor: &Actor, password_now: &str) -> Result<(), CoreError> {
    actor.require(Action::ManageOwnAccount)?;
    let credentials = pamir_db::users::find(&core.db, actor.user.id)
        .await?
        .ok_or_else(|| CoreError::NotFound("your account".into()))?;
    if !credentials.password_hash.as_deref().is_some_and(|stored| password::verify(stored, password_now)) {
        return Err(CoreError::rule("password", Message::new("rule-password-wrong")));
    }
    let mut change = core.begin().await?;
    pamir_db::users::set_second_factor(&mut change.tx, actor.user.id, None, &[], core.clock.now().timestamp()).await?;
    change.audit(None, actor, "user.mfa-disable", &format!("user {}", actor.user.email), "").await?;
    change.commit().await
}
