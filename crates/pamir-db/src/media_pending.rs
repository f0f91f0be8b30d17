//! Uploads under way: the store keys an upload writes before its media row
//! commits (see migration 0007). What is left here after a crash names the
//! files that belong to no row.

use crate::{Db, DbError, Tx, on_pool, on_tx};
use pamir_domain::SiteId;

/// Records that an upload is about to write `paths`; committed on its own,
/// before the first file is written.
pub async fn begin(db: &Db, site: SiteId, paths: &[String], now: i64) -> Result<i64, DbError> {
    let paths = serde_json::to_string(paths).map_err(|e| DbError::Corrupt(e.to_string()))?;
    let id = on_pool!(db, pool => {
        sqlx::query_scalar("INSERT INTO media_pending (site_id, paths, started_at) VALUES ($1, $2, $3) RETURNING id")
            .bind(site)
            .bind(&paths)
            .bind(now)
            .fetch_one(pool)
            .await
    })?;
    Ok(id)
}

/// The upload is done (its row is in `tx`) or abandoned (its files removed).
pub async fn finish(tx: &mut Tx, id: i64) -> Result<(), DbError> {
    on_tx!(tx, conn => {
        sqlx::query("DELETE FROM media_pending WHERE id = $1").bind(id).execute(&mut *conn).await.map(|_| ())
    })?;
    Ok(())
}

/// Uploads begun at `before` (a Unix time) or earlier that never finished: their
/// ids and the keys they were writing.
pub async fn stale(db: &Db, before: i64) -> Result<Vec<(i64, Vec<String>)>, DbError> {
    let rows: Vec<(i64, String)> = on_pool!(db, pool => {
        sqlx::query_as("SELECT id, paths FROM media_pending WHERE started_at <= $1 ORDER BY id")
            .bind(before)
            .fetch_all(pool)
            .await
    })?;
    rows.into_iter()
        .map(|(id, paths)| {
            let paths =
                serde_json::from_str(&paths).map_err(|e| DbError::Corrupt(format!("media_pending {id}: {e}")))?;
            Ok((id, paths))
        })
        .collect()
}
