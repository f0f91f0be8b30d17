//! Signed-in browsers, stored in the database so any node can serve them,
//! and the failed sign-ins that throttle guessing.

use crate::{Db, DbError, Tx, on_pool, on_tx};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Session {
    pub user_id: i64,
    pub csrf_token: String,
    pub mfa_pending: bool,
    pub created_at: i64,
    pub last_seen_at: i64,
}

pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub user_id: i64,
    pub csrf_token: &'a str,
    pub mfa_pending: bool,
    pub ip: &'a str,
    pub user_agent: &'a str,
}

pub async fn insert(db: &Db, session: &NewSession<'_>, now: i64) -> Result<(), DbError> {
    on_pool!(db, pool => {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, mfa_pending, created_at, last_seen_at, ip, user_agent)
             VALUES ($1, $2, $3, $4, $5, $5, $6, $7)",
        )
        .bind(session.token_hash)
        .bind(session.user_id)
        .bind(session.csrf_token)
        .bind(session.mfa_pending)
        .bind(now)
        .bind(session.ip)
        .bind(session.user_agent)
        .execute(pool)
        .await.map(|_| ())
    })?;
    Ok(())
}

pub async fn find(db: &Db, token_hash: &str) -> Result<Option<Session>, DbError> {
    let row = on_pool!(db, pool => {
        sqlx::query_as(
            "SELECT user_id, csrf_token, mfa_pending, created_at, last_seen_at FROM sessions WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row)
}

/// Marks the session as used now (callers do it at most once a minute).
pub async fn touch(db: &Db, token_hash: &str, now: i64) -> Result<(), DbError> {
    on_pool!(db, pool => {
        sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1")
            .bind(token_hash).bind(now).execute(pool).await.map(|_| ())
    })?;
    Ok(())
}

pub async fn delete(db: &Db, token_hash: &str) -> Result<(), DbError> {
    on_pool!(db, pool => {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(pool).await.map(|_| ())
    })?;
    Ok(())
}

/// Signs a user out everywhere (password changed, account disabled).
pub async fn delete_for_user(tx: &mut Tx, user_id: i64) -> Result<(), DbError> {
    on_tx!(tx, conn => {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *conn).await.map(|_| ())
    })?;
    Ok(())
}

/// Removes sessions idle since before `cutoff`.
pub async fn delete_idle(db: &Db, cutoff: i64) -> Result<u64, DbError> {
    let done = on_pool!(db, pool => {
        sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1").bind(cutoff).execute(pool).await.map(|r| r.rows_affected())
    })?;
    Ok(done)
}

/// Records one failed sign-in under each key (the account and the address).
pub async fn record_failure(db: &Db, keys: &[&str], now: i64) -> Result<(), DbError> {
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        for key in keys {
            sqlx::query("INSERT INTO login_failures (key, at) VALUES ($1, $2)").bind(*key).bind(now).execute(&mut *tx).await?;
        }
        tx.commit().await
    })?;
    Ok(())
}

/// Failed sign-ins under `key` since `since`, and the oldest of them (the
/// window reopens when it ages out).
pub async fn failures_since(db: &Db, key: &str, since: i64) -> Result<(i64, Option<i64>), DbError> {
    let row: (i64, Option<i64>) = on_pool!(db, pool => {
        sqlx::query_as("SELECT COUNT(*), MIN(at) FROM login_failures WHERE key = $1 AND at >= $2")
            .bind(key).bind(since).fetch_one(pool).await
    })?;
    Ok(row)
}

/// Forgets an account's failures after it signs in successfully, and
/// everyone's once they are older than `cutoff`.
pub async fn clear_failures(db: &Db, key: &str, cutoff: i64) -> Result<(), DbError> {
    on_pool!(db, pool => {
        sqlx::query("DELETE FROM login_failures WHERE key = $1 OR at < $2").bind(key).bind(cutoff).execute(pool).await.map(|_| ())
    })?;
    Ok(())
}
