//! Messages readers sent through the contact form.

use crate::{Db, DbError, on_pool};
use pamir_domain::SiteId;
use pamir_domain::contact::ContactMessage;

pub async fn insert(
    db: &Db,
    site: SiteId,
    lang: &str,
    message: &ContactMessage,
    sender_key: &str,
    now: i64,
) -> Result<i64, DbError> {
    let id = on_pool!(db, pool => {
        sqlx::query_scalar(
            "INSERT INTO contact_messages (site_id, lang, name, email, message, sender_key, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(site)
        .bind(lang)
        .bind(&message.name)
        .bind(&message.email)
        .bind(&message.message)
        .bind(sender_key)
        .bind(now)
        .fetch_one(pool)
        .await
    })?;
    Ok(id)
}

/// How many messages this sender sent since `since`: the rate limit counts
/// in the database, so it holds across every node serving the site.
pub async fn count_since(db: &Db, site: SiteId, sender_key: &str, since: i64) -> Result<i64, DbError> {
    let count = on_pool!(db, pool => {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM contact_messages WHERE site_id = $1 AND sender_key = $2 AND created_at >= $3",
        )
        .bind(site)
        .bind(sender_key)
        .bind(since)
        .fetch_one(pool)
        .await
    })?;
    Ok(count)
}

/// Removes a message (one that went over the rate limit after all).
pub async fn delete(db: &Db, id: i64) -> Result<(), DbError> {
    on_pool!(db, pool => {
        sqlx::query("DELETE FROM contact_messages WHERE id = $1").bind(id).execute(pool).await.map(|_| ())
    })?;
    Ok(())
}

/// Records the outcome of delivering message `id` by e-mail.
pub async fn record_delivery(db: &Db, id: i64, outcome: Result<i64, String>) -> Result<(), DbError> {
    let (delivered_at, error) = match outcome {
        Ok(at) => (Some(at), None),
        Err(error) => (None, Some(error)),
    };
    on_pool!(db, pool => {
        sqlx::query("UPDATE contact_messages SET delivered_at = $1, delivery_error = $2 WHERE id = $3")
            .bind(delivered_at)
            .bind(error)
            .bind(id)
            .execute(pool)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
pub struct StoredMessage {
    pub id: i64,
    pub lang: String,
    pub name: String,
    pub email: String,
    pub message: String,
    pub created_at: i64,
    pub delivered_at: Option<i64>,
    pub delivery_error: Option<String>,
}

/// The newest messages first.
pub async fn recent(db: &Db, site: SiteId, limit: i64) -> Result<Vec<StoredMessage>, DbError> {
    let rows = on_pool!(db, pool => {
        sqlx::query_as(
            "SELECT id, lang, name, email, message, created_at, delivered_at, delivery_error
             FROM contact_messages WHERE site_id = $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(site)
        .bind(limit)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows)
}
