//! Drafts: what an editor typed into an item and has not saved, one per item
//! and editor, replaced a few seconds after each change. A draft's time is
//! also how other editors of the item see that someone is at work on it.

use crate::{Db, DbError, Tx, on_pool, on_tx};
use pamir_domain::SiteId;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Draft {
    /// The form's fields, as a JSON list of [name, value] pairs (written and read by `pamir-core`).
    pub fields: String,
    pub base_version: i64,
    pub saved_at: i64,
}

/// Keeps `fields` as `user`'s draft of `item`, replacing the one before.
pub async fn keep(
    tx: &mut Tx,
    site: SiteId,
    item: i64,
    user: i64,
    fields: &str,
    base_version: i64,
    now: i64,
) -> Result<(), DbError> {
    on_tx!(tx, conn => {
        sqlx::query(
            "INSERT INTO item_drafts (site_id, item_id, user_id, fields, base_version, saved_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (item_id, user_id)
             DO UPDATE SET fields = excluded.fields, base_version = excluded.base_version, saved_at = excluded.saved_at",
        )
        .bind(site).bind(item).bind(user).bind(fields).bind(base_version).bind(now)
        .execute(conn)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

/// `user`'s draft of `item`, if there is one.
pub async fn mine(db: &Db, site: SiteId, item: i64, user: i64) -> Result<Option<Draft>, DbError> {
    let sql =
        "SELECT fields, base_version, saved_at FROM item_drafts WHERE site_id = $1 AND item_id = $2 AND user_id = $3";
    let draft = on_pool!(db, pool => {
        sqlx::query_as(crate::assembled(sql)).bind(site).bind(item).bind(user).fetch_optional(pool).await
    })?;
    Ok(draft)
}

/// The other editors with a draft of `item` kept since `since`: (name, when), latest first.
pub async fn others(db: &Db, site: SiteId, item: i64, user: i64, since: i64) -> Result<Vec<(String, i64)>, DbError> {
    let sql = "SELECT u.display_name, d.saved_at FROM item_drafts d JOIN users u ON u.id = d.user_id
               WHERE d.site_id = $1 AND d.item_id = $2 AND d.user_id <> $3 AND d.saved_at >= $4
               ORDER BY d.saved_at DESC";
    let rows = on_pool!(db, pool => {
        sqlx::query_as(crate::assembled(sql)).bind(site).bind(item).bind(user).bind(since).fetch_all(pool).await
    })?;
    Ok(rows)
}

/// Removes `user`'s draft of `item` (saved, or thrown away).
pub async fn discard(tx: &mut Tx, site: SiteId, item: i64, user: i64) -> Result<(), DbError> {
    on_tx!(tx, conn => {
        sqlx::query("DELETE FROM item_drafts WHERE site_id = $1 AND item_id = $2 AND user_id = $3")
            .bind(site).bind(item).bind(user)
            .execute(conn)
            .await
            .map(|_| ())
    })?;
    Ok(())
}
