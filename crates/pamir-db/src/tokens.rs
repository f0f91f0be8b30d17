//! API tokens: created for a user, stored as a hash, revocable.

use crate::{Db, DbError, Tx, on_pool, on_tx};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Token {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

pub async fn insert(tx: &mut Tx, user_id: i64, token_hash: &str, name: &str, now: i64) -> Result<i64, DbError> {
    let id = on_tx!(tx, conn => {
        sqlx::query_scalar(
            "INSERT INTO api_tokens (user_id, token_hash, name, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(user_id).bind(token_hash).bind(name).bind(now)
        .fetch_one(&mut *conn)
        .await
    })?;
    Ok(id)
}

/// The user of a token that has not been revoked, recording its use.
pub async fn user_of(db: &Db, token_hash: &str, now: i64) -> Result<Option<i64>, DbError> {
    let user: Option<i64> = on_pool!(db, pool => {
        sqlx::query_scalar(
            "UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL RETURNING user_id",
        )
        .bind(token_hash).bind(now)
        .fetch_optional(pool)
        .await
    })?;
    Ok(user)
}

/// A user's tokens, newest first (never the tokens themselves).
pub async fn list(db: &Db, user_id: i64) -> Result<Vec<Token>, DbError> {
    let rows = on_pool!(db, pool => {
        sqlx::query_as(
            "SELECT id, user_id, name, created_at, last_used_at, revoked_at FROM api_tokens
             WHERE user_id = $1 ORDER BY id DESC",
        )
        .bind(user_id).fetch_all(pool).await
    })?;
    Ok(rows)
}

/// Revokes a token; false when there was no such live token.
pub async fn revoke(tx: &mut Tx, id: i64, now: i64) -> Result<bool, DbError> {
    let done = on_tx!(tx, conn => {
        sqlx::query("UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
            .bind(id).bind(now).execute(&mut *conn).await.map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}
