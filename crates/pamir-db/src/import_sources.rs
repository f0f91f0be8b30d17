//! Where each imported record came from, so importing the same source again
//! finds what it made last time instead of making it twice.

use crate::{Db, DbError, Tx, on_pool, on_tx};
use pamir_domain::SiteId;
use std::collections::HashMap;

/// Every record of one source and kind imported so far: source id → pamir id.
pub async fn known(db: &Db, site: SiteId, source: &str, kind: &str) -> Result<HashMap<String, i64>, DbError> {
    let rows: Vec<(String, i64)> = on_pool!(db, pool => {
        sqlx::query_as("SELECT source_id, target_id FROM import_sources WHERE site_id = $1 AND source = $2 AND kind = $3")
            .bind(site).bind(source).bind(kind).fetch_all(pool).await
    })?;
    Ok(rows.into_iter().collect())
}

pub async fn remember(
    tx: &mut Tx,
    site: SiteId,
    source: &str,
    kind: &str,
    source_id: &str,
    target_id: i64,
    now: i64,
) -> Result<(), DbError> {
    on_tx!(tx, conn => {
        sqlx::query(
            "INSERT INTO import_sources (site_id, source, kind, source_id, target_id, imported_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (site_id, source, kind, source_id) DO NOTHING",
        )
        .bind(site).bind(source).bind(kind).bind(source_id).bind(target_id).bind(now)
        .execute(&mut *conn).await.map(|_| ())
    })?;
    Ok(())
}
