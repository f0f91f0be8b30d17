//! The schema history, embedded in the binary and applied at start.
//!
//! SQLite and PostgreSQL each have their own folder of migrations with the
//! same numbers and names (a test checks it). On PostgreSQL an advisory lock
//! lets many nodes start at once without applying a migration twice.

use crate::{Db, DbError};
use sqlx::Connection;

/// One step of the schema history: (number, name, SQLite SQL, PostgreSQL SQL).
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

macro_rules! migration {
    ($version:expr, $name:literal) => {
        Migration {
            version: $version,
            name: $name,
            sqlite: include_str!(concat!("../migrations/sqlite/", $name, ".sql")),
            postgres: include_str!(concat!("../migrations/postgres/", $name, ".sql")),
        }
    };
}

pub const MIGRATIONS: &[Migration] = &[
    migration!(1, "0001_initial"),
    migration!(2, "0002_admin"),
    migration!(3, "0003_api_tokens"),
    migration!(4, "0004_imports"),
    migration!(5, "0005_item_hits"),
    migration!(6, "0006_teaser_above_body"),
    migration!(7, "0007_media_pending"),
    migration!(8, "0008_key_figure"),
    migration!(9, "0009_checks"),
    migration!(10, "0010_item_drafts"),
];

/// Arbitrary but fixed: identifies pamir's migration lock among other users of the server.
const PG_LOCK_KEY: i64 = 0x0070_616d_6972;

const CREATE_HISTORY: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at BIGINT NOT NULL
)";

/// Applies each migration not yet recorded, one transaction each, using the
/// SQL of the given dialect. A macro because the two connection types share
/// no trait that covers transactions and raw SQL alike.
macro_rules! apply_pending {
    ($conn:ident, $dialect:ident) => {{
        let now = chrono::Utc::now().timestamp();
        sqlx::query(CREATE_HISTORY).execute(&mut *$conn).await?;
        for migration in MIGRATIONS {
            let mut tx = $conn.begin().await?;
            let done: Option<i64> = sqlx::query_scalar("SELECT version FROM schema_migrations WHERE version = $1")
                .bind(migration.version)
                .fetch_optional(&mut *tx)
                .await?;
            if done.is_none() {
                tracing::info!(migration = migration.name, "applying migration");
                sqlx::raw_sql(migration.$dialect).execute(&mut *tx).await?;
                sqlx::query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)")
                    .bind(migration.version)
                    .bind(migration.name)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        }
        Ok(())
    }};
}

pub async fn run(db: &Db) -> Result<(), DbError> {
    match db {
        Db::Sqlite(pool) => {
            let mut conn = pool.acquire().await?;
            apply_pending!(conn, sqlite)
        }
        Db::Postgres(pool) => {
            let mut conn = pool.acquire().await?;
            sqlx::query("SELECT pg_advisory_lock($1)").bind(PG_LOCK_KEY).execute(&mut *conn).await?;
            let result: Result<(), DbError> = async { apply_pending!(conn, postgres) }.await;
            sqlx::query("SELECT pg_advisory_unlock($1)").bind(PG_LOCK_KEY).execute(&mut *conn).await?;
            result
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MIGRATIONS;
    use std::collections::BTreeSet;

    fn names_in(folder: &str) -> BTreeSet<String> {
        let dir = format!("{}/migrations/{folder}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter_map(|name| name.strip_suffix(".sql").map(str::to_owned))
            .collect()
    }

    #[test]
    fn both_databases_have_the_same_migrations_and_all_are_embedded() {
        let sqlite = names_in("sqlite");
        let postgres = names_in("postgres");
        assert_eq!(sqlite, postgres, "migrations/sqlite and migrations/postgres must match");
        let embedded: BTreeSet<String> = MIGRATIONS.iter().map(|m| m.name.to_owned()).collect();
        assert_eq!(embedded, sqlite, "every migration file must be listed in MIGRATIONS");
        for (index, migration) in MIGRATIONS.iter().enumerate() {
            assert_eq!(migration.version, index as i64 + 1);
            assert!(migration.name.starts_with(&format!("{:04}_", migration.version)));
        }
    }
}
