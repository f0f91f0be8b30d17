//! Old addresses that answer with a 301 (imported or added by editors), and
//! the unknown addresses readers ask for, counted for an editor to map.

use crate::{Db, DbError, Tx, assembled, on_pool, on_tx, values};
use pamir_domain::SiteId;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Redirect {
    pub id: i64,
    pub old_path: String,
    pub target: String,
    pub origin: String,
    pub hits: i64,
}

/// Adds a redirect unless that old address already has one; true when added.
pub async fn insert(
    tx: &mut Tx,
    site: SiteId,
    old_path: &str,
    target: &str,
    origin: &str,
    now: i64,
) -> Result<bool, DbError> {
    let added = insert_many(tx, site, &[(old_path.to_owned(), target.to_owned())], origin, now).await?;
    Ok(added == 1)
}

/// Adds many (old address, target) redirects in one transaction, as an
/// import makes them; old addresses that have one already keep it. Returns
/// how many were added.
pub async fn insert_many(
    tx: &mut Tx,
    site: SiteId,
    redirects: &[(String, String)],
    origin: &str,
    now: i64,
) -> Result<usize, DbError> {
    let sqlite = tx.is_sqlite();
    let added = on_tx!(tx, conn => {
        let mut added = 0;
        // Many rows per statement: an import stores a hundred thousand of them.
        for chunk in redirects.chunks(500) {
            let sql = format!(
                "INSERT INTO redirects (site_id, old_path, target, origin, created_at) VALUES {}
                 ON CONFLICT (site_id, old_path) DO NOTHING",
                values(sqlite, chunk.len(), 5)
            );
            let mut insert = sqlx::query(assembled(&sql));
            for (old_path, target) in chunk {
                insert = insert.bind(site).bind(old_path).bind(target).bind(origin).bind(now);
            }
            added += insert.execute(&mut *conn).await?.rows_affected();
        }
        Ok::<u64, DbError>(added)
    })?;
    Ok(added as usize)
}

/// Where an old address now lives, counting the use.
pub async fn follow(db: &Db, site: SiteId, old_path: &str) -> Result<Option<String>, DbError> {
    let target = on_pool!(db, pool => {
        sqlx::query_scalar("UPDATE redirects SET hits = hits + 1 WHERE site_id = $1 AND old_path = $2 RETURNING target")
            .bind(site).bind(old_path).fetch_optional(pool).await
    })?;
    Ok(target)
}

/// Redirects in order of their old address; with `containing`, only those
/// whose old or new address contains it (any case). An import leaves tens
/// of thousands, so editors find one by a part of it.
pub async fn list(db: &Db, site: SiteId, containing: &str, limit: u32, offset: i64) -> Result<Vec<Redirect>, DbError> {
    let rows = on_pool!(db, pool => {
        sqlx::query_as(
            "SELECT id, old_path, target, origin, hits FROM redirects
             WHERE site_id = $1 AND (LOWER(old_path) LIKE $2 ESCAPE '\\' OR LOWER(target) LIKE $2 ESCAPE '\\')
             ORDER BY old_path LIMIT $3 OFFSET $4",
        )
        .bind(site).bind(like_pattern(containing)).bind(i64::from(limit)).bind(offset).fetch_all(pool).await
    })?;
    Ok(rows)
}

/// How many redirects [`list`] would give without a limit.
pub async fn count(db: &Db, site: SiteId, containing: &str) -> Result<i64, DbError> {
    let count = on_pool!(db, pool => {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM redirects
             WHERE site_id = $1 AND (LOWER(old_path) LIKE $2 ESCAPE '\\' OR LOWER(target) LIKE $2 ESCAPE '\\')",
        )
        .bind(site).bind(like_pattern(containing)).fetch_one(pool).await
    })?;
    Ok(count)
}

/// `%text%` for LIKE, with LIKE's own characters in the text taken literally.
fn like_pattern(text: &str) -> String {
    let escaped = text.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

pub async fn update(tx: &mut Tx, site: SiteId, id: i64, target: &str) -> Result<bool, DbError> {
    let done = on_tx!(tx, conn => {
        sqlx::query("UPDATE redirects SET target = $3 WHERE site_id = $1 AND id = $2")
            .bind(site).bind(id).bind(target).execute(&mut *conn).await.map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}

pub async fn delete(tx: &mut Tx, site: SiteId, id: i64) -> Result<bool, DbError> {
    let done = on_tx!(tx, conn => {
        sqlx::query("DELETE FROM redirects WHERE site_id = $1 AND id = $2")
            .bind(site).bind(id).execute(&mut *conn).await.map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}

/// Counts a reader's request for an address that does not exist.
pub async fn record_not_found(db: &Db, site: SiteId, path: &str, now: i64) -> Result<(), DbError> {
    on_pool!(db, pool => {
        sqlx::query(
            "INSERT INTO not_found (site_id, path, hits, first_at, last_at) VALUES ($1, $2, 1, $3, $3)
             ON CONFLICT (site_id, path) DO UPDATE SET hits = not_found.hits + 1, last_at = excluded.last_at",
        )
        .bind(site).bind(path).bind(now).execute(pool).await.map(|_| ())
    })?;
    Ok(())
}

/// The most requested unknown addresses: (path, hits, last seen).
pub async fn not_found(db: &Db, site: SiteId, limit: u32) -> Result<Vec<(String, i64, i64)>, DbError> {
    let rows = on_pool!(db, pool => {
        sqlx::query_as("SELECT path, hits, last_at FROM not_found WHERE site_id = $1 ORDER BY hits DESC, path LIMIT $2")
            .bind(site).bind(i64::from(limit)).fetch_all(pool).await
    })?;
    Ok(rows)
}

/// Forgets an unknown address (an editor mapped it).
pub async fn forget_not_found(tx: &mut Tx, site: SiteId, path: &str) -> Result<(), DbError> {
    on_tx!(tx, conn => {
        sqlx::query("DELETE FROM not_found WHERE site_id = $1 AND path = $2").bind(site).bind(path).execute(&mut *conn).await.map(|_| ())
    })?;
    Ok(())
}
