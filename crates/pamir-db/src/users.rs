//! People who write and manage content: accounts, password hashes and
//! second factors. Users belong to the install, not to one site.

use crate::{Db, DbError, Tx, on_pool, on_tx};
use pamir_domain::{Role, User};

pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: &'a str,
    pub password_hash: Option<&'a str>,
}

pub async fn insert(tx: &mut Tx, user: &NewUser<'_>, now: i64) -> Result<i64, DbError> {
    let id = on_tx!(tx, conn => {
        sqlx::query_scalar(
            "INSERT INTO users (email, display_name, password_hash, role, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
        )
        .bind(normalise_email(user.email))
        .bind(user.display_name)
        .bind(user.password_hash)
        .bind(user.role)
        .bind(now)
        .fetch_one(&mut *conn)
        .await
        .map_err(DbError::conflict_as("a user with this e-mail address"))
    })?;
    Ok(id)
}

pub async fn find_id_by_email(db: &Db, email: &str) -> Result<Option<i64>, DbError> {
    let id = on_pool!(db, pool => {
        sqlx::query_scalar("SELECT id FROM users WHERE email = $1").bind(normalise_email(email)).fetch_optional(pool).await
    })?;
    Ok(id)
}

/// A user with what signing in needs. Only the sign-in use case reads this.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub user: User,
    pub password_hash: Option<String>,
    pub totp_secret: Option<String>,
    pub totp_last_step: Option<i64>,
    /// SHA-256 hashes (hex) of the unused recovery codes.
    pub recovery_codes: Vec<String>,
    pub ui_lang: String,
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    email: String,
    display_name: String,
    role: String,
    disabled: bool,
    password_hash: Option<String>,
    totp_secret: Option<String>,
    totp_last_step: Option<i64>,
    recovery_codes: String,
    ui_lang: String,
}

const USER_COLUMNS: &str =
    "id, email, display_name, role, disabled, password_hash, totp_secret, totp_last_step, recovery_codes, ui_lang";

impl UserRow {
    fn into_credentials(self) -> Result<Credentials, DbError> {
        let role = Role::parse(&self.role)
            .ok_or_else(|| DbError::Corrupt(format!("user {}: role {:?}", self.id, self.role)))?;
        let recovery_codes = serde_json::from_str(&self.recovery_codes)
            .map_err(|e| DbError::Corrupt(format!("user {}: recovery codes: {e}", self.id)))?;
        Ok(Credentials {
            user: User {
                id: self.id,
                email: self.email,
                display_name: self.display_name,
                role,
                disabled: self.disabled,
                mfa_enabled: self.totp_secret.is_some(),
            },
            password_hash: self.password_hash,
            totp_secret: self.totp_secret,
            totp_last_step: self.totp_last_step,
            recovery_codes,
            ui_lang: self.ui_lang,
        })
    }
}

/// E-mail addresses are compared case-insensitively: stored lower-cased.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub async fn find_by_email(db: &Db, email: &str) -> Result<Option<Credentials>, DbError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1");
    let row: Option<UserRow> = on_pool!(db, pool => {
        sqlx::query_as(crate::assembled(&sql)).bind(normalise_email(email)).fetch_optional(pool).await
    })?;
    row.map(UserRow::into_credentials).transpose()
}

pub async fn find(db: &Db, id: i64) -> Result<Option<Credentials>, DbError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
    let row: Option<UserRow> =
        on_pool!(db, pool => sqlx::query_as(crate::assembled(&sql)).bind(id).fetch_optional(pool).await)?;
    row.map(UserRow::into_credentials).transpose()
}

/// Every user, by name.
pub async fn list(db: &Db) -> Result<Vec<User>, DbError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY display_name, id");
    let rows: Vec<UserRow> = on_pool!(db, pool => sqlx::query_as(crate::assembled(&sql)).fetch_all(pool).await)?;
    rows.into_iter().map(|row| row.into_credentials().map(|c| c.user)).collect()
}

/// What an administrator may change about a user.
pub struct UserChanges<'a> {
    pub display_name: &'a str,
    pub role: Role,
    pub disabled: bool,
}

pub async fn update(tx: &mut Tx, id: i64, changes: &UserChanges<'_>, now: i64) -> Result<(), DbError> {
    let done = on_tx!(tx, conn => {
        sqlx::query("UPDATE users SET display_name = $2, role = $3, disabled = $4, updated_at = $5 WHERE id = $1")
            .bind(id)
            .bind(changes.display_name)
            .bind(changes.role.as_str())
            .bind(changes.disabled)
            .bind(now)
            .execute(&mut *conn).await.map(|r| r.rows_affected())
    })?;
    found(done, id)
}

pub async fn set_password_hash(tx: &mut Tx, id: i64, hash: &str, now: i64) -> Result<(), DbError> {
    let done = on_tx!(tx, conn => {
        sqlx::query("UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1")
            .bind(id).bind(hash).bind(now).execute(&mut *conn).await.map(|r| r.rows_affected())
    })?;
    found(done, id)
}

/// Sets (or with `None`, removes) the TOTP secret and the recovery codes.
pub async fn set_second_factor(
    tx: &mut Tx,
    id: i64,
    secret: Option<&str>,
    recovery_code_hashes: &[String],
    now: i64,
) -> Result<(), DbError> {
    let codes = serde_json::to_string(recovery_code_hashes).map_err(|e| DbError::Corrupt(e.to_string()))?;
    let done = on_tx!(tx, conn => {
        sqlx::query(
            "UPDATE users SET totp_secret = $2, recovery_codes = $3, totp_last_step = NULL, updated_at = $4 WHERE id = $1",
        )
        .bind(id).bind(secret).bind(codes).bind(now).execute(&mut *conn).await.map(|r| r.rows_affected())
    })?;
    found(done, id)
}

/// Records the TOTP step just accepted, unless a later or equal one was
/// already used: false means the code was replayed (or raced).
pub async fn accept_totp_step(tx: &mut Tx, id: i64, step: i64) -> Result<bool, DbError> {
    let done = on_tx!(tx, conn => {
        sqlx::query("UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)")
            .bind(id).bind(step).execute(&mut *conn).await.map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}

/// Replaces the list of unused recovery codes (one was just used).
pub async fn set_recovery_codes(db: &Db, id: i64, hashes: &[String]) -> Result<(), DbError> {
    let codes = serde_json::to_string(hashes).map_err(|e| DbError::Corrupt(e.to_string()))?;
    let done = on_pool!(db, pool => {
        sqlx::query("UPDATE users SET recovery_codes = $2 WHERE id = $1").bind(id).bind(codes).execute(pool).await.map(|r| r.rows_affected())
    })?;
    found(done, id)
}

pub async fn record_login(db: &Db, id: i64, now: i64) -> Result<(), DbError> {
    on_pool!(db, pool => {
        sqlx::query("UPDATE users SET last_login_at = $2 WHERE id = $1").bind(id).bind(now).execute(pool).await.map(|_| ())
    })?;
    Ok(())
}

pub async fn set_ui_lang(db: &Db, id: i64, lang: &str) -> Result<(), DbError> {
    on_pool!(db, pool => {
        sqlx::query("UPDATE users SET ui_lang = $2 WHERE id = $1").bind(id).bind(lang).execute(pool).await.map(|_| ())
    })?;
    Ok(())
}

/// How many active administrators there are (the last one cannot be demoted).
pub async fn count_active_administrators(db: &Db) -> Result<i64, DbError> {
    let count = on_pool!(db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = 'administrator' AND disabled = $1")
            .bind(false).fetch_one(pool).await
    })?;
    Ok(count)
}

fn found(rows: u64, id: i64) -> Result<(), DbError> {
    if rows == 0 { Err(DbError::NotFound(format!("user {id}"))) } else { Ok(()) }
}
