//! Sites: which host names an install serves. A site with host `*` answers
//! every host, which is how a single-site install runs.

use crate::{Db, DbError, Tx, on_pool, on_tx};
use pamir_domain::SiteId;

/// The host of the site that answers requests for any host.
pub const ANY_HOST: &str = "*";

/// The catch-all site, created on first use.
pub async fn ensure_default(db: &Db, now: i64) -> Result<SiteId, DbError> {
    if let Some(id) = find_by_host(db, ANY_HOST).await? {
        return Ok(id);
    }
    let id: i64 = on_pool!(db, pool => {
        sqlx::query_scalar("INSERT INTO sites (host, created_at) VALUES ($1, $2) RETURNING id")
            .bind(ANY_HOST)
            .bind(now)
            .fetch_one(pool)
            .await
    })?;
    Ok(id)
}

pub async fn find_by_host(db: &Db, host: &str) -> Result<Option<SiteId>, DbError> {
    let id = on_pool!(db, pool => {
        sqlx::query_scalar("SELECT id FROM sites WHERE host = $1").bind(host).fetch_optional(pool).await
    })?;
    Ok(id)
}

/// Every site with its host, for the request router's host table.
pub async fn list(db: &Db) -> Result<Vec<(SiteId, String)>, DbError> {
    let rows = on_pool!(db, pool => {
        sqlx::query_as("SELECT id, host FROM sites ORDER BY id").fetch_all(pool).await
    })?;
    Ok(rows)
}

/// Records that the site's content changed, for every process watching it.
pub async fn bump_content_version(tx: &mut Tx, site: SiteId) -> Result<(), DbError> {
    on_tx!(tx, conn => {
        sqlx::query("UPDATE sites SET content_version = content_version + 1 WHERE id = $1")
            .bind(site)
            .execute(conn)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

/// How many changes the site's content has seen.
pub async fn content_version(db: &Db, site: SiteId) -> Result<i64, DbError> {
    let version = on_pool!(db, pool => {
        sqlx::query_scalar("SELECT content_version FROM sites WHERE id = $1").bind(site).fetch_one(pool).await
    })?;
    Ok(version)
}
