//! Revisions: a snapshot of an item's editable fields at every save, so
//! any two can be compared and any one restored. Never pruned.

use crate::{Db, DbError, Tx, on_pool, on_tx};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Revision {
    pub id: i64,
    pub item_id: i64,
    pub version: i64,
    /// JSON written and read by `pamir-core`.
    pub snapshot: String,
    pub created_at: i64,
    pub created_by: Option<i64>,
    pub author_name: Option<String>,
}

pub async fn insert(
    tx: &mut Tx,
    item_id: i64,
    version: i64,
    snapshot: &str,
    by: Option<i64>,
    now: i64,
) -> Result<i64, DbError> {
    let id = on_tx!(tx, conn => {
        sqlx::query_scalar(
            "INSERT INTO revisions (item_id, version, snapshot, created_at, created_by) VALUES ($1, $2, $3, $4, $5)
             RETURNING id",
        )
        .bind(item_id).bind(version).bind(snapshot).bind(now).bind(by)
        .fetch_one(conn)
        .await
    })?;
    Ok(id)
}

const COLUMNS: &str =
    "r.id, r.item_id, r.version, r.snapshot, r.created_at, r.created_by, u.display_name AS author_name
    FROM revisions r LEFT JOIN users u ON u.id = r.created_by";

/// Every revision of an item, newest first.
pub async fn list(db: &Db, item_id: i64) -> Result<Vec<Revision>, DbError> {
    let sql = format!("SELECT {COLUMNS} WHERE r.item_id = $1 ORDER BY r.version DESC");
    let rows = on_pool!(db, pool => sqlx::query_as(crate::assembled(&sql)).bind(item_id).fetch_all(pool).await)?;
    Ok(rows)
}

pub async fn find(db: &Db, item_id: i64, revision_id: i64) -> Result<Option<Revision>, DbError> {
    let sql = format!("SELECT {COLUMNS} WHERE r.item_id = $1 AND r.id = $2");
    let row = on_pool!(db, pool => {
        sqlx::query_as(crate::assembled(&sql)).bind(item_id).bind(revision_id).fetch_optional(pool).await
    })?;
    Ok(row)
}
