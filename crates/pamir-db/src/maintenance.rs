//! Keeping the query planner's statistics fresh. Without them SQLite picks
//! a poor index for category listings once a site holds many items (tens of
//! milliseconds instead of well under one).

use crate::{Db, DbError, on_pool};

/// What SQLite recommends for long-lived connections: analyse the tables
/// whose statistics are missing or stale, with a bounded amount of work.
/// PostgreSQL's autovacuum does this by itself.
pub async fn optimize_on_open(db: &Db) -> Result<(), DbError> {
    if let Db::Sqlite(pool) = db {
        sqlx::query("PRAGMA optimize=0x10002").execute(pool).await?;
    }
    Ok(())
}

/// Full statistics, after a bulk load (seeding, an import).
pub async fn analyze(db: &Db) -> Result<(), DbError> {
    on_pool!(db, pool => sqlx::query("ANALYZE").execute(pool).await.map(|_| ()))?;
    Ok(())
}
