//! pamir's storage: one API over SQLite (the default) and PostgreSQL.
//!
//! [`Db`] holds a pool of either kind; each repository module owns one
//! aggregate and writes its SQL once with `$n` placeholders, which both
//! databases understand. Where the dialects differ, the fork stays inside
//! that module.
//!
//! - [`connect`]: opening a database from a URL, with the pragmas SQLite needs
//! - [`migrate`]: the embedded schema history, run at start
//! - [`maintenance`]: keeping the query planner's statistics fresh
//! - [`sites`], [`settings`], [`users`], [`categories`], [`tags`], [`media`],
//!   [`items`], [`drafts`], [`contact`], [`sessions`], [`revisions`], [`audit`], [`tokens`], [`redirects`], [`import_sources`]: one
//!   module per aggregate
//! - [`Tx`]: one transaction on either database, which use cases pass to every write
//! - [`testing`]: fresh databases for test suites

pub mod audit;
pub mod categories;
pub mod connect;
pub mod contact;
pub mod drafts;
pub mod import_sources;
pub mod items;
pub mod maintenance;
pub mod media;
pub mod media_pending;
pub mod migrate;
pub mod redirects;
pub mod revisions;
pub mod sessions;
pub mod settings;
pub mod sites;
pub mod tags;
#[cfg(feature = "testing")]
pub mod testing;
pub mod tokens;
mod tx;
pub mod users;

mod time;

pub use connect::connect;
pub use tx::Tx;

use sqlx::{PgPool, SqlitePool};

/// A pool of connections to the site's database.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Db {
    pub fn backend_name(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(pool) => pool.close().await,
            Db::Postgres(pool) => pool.close().await,
        }
    }

    /// Whether the database answers; used by `/healthz`.
    pub async fn ping(&self) -> Result<(), DbError> {
        on_pool!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))?;
        Ok(())
    }
}

/// Runs the same body against whichever pool `db` holds. The body is written
/// once and compiled for both drivers, so the SQL cannot drift apart.
#[macro_export]
macro_rules! on_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::Db::Sqlite($pool) => $body,
            $crate::Db::Postgres($pool) => $body,
        }
    };
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    /// A unique constraint refused the write, e.g. a slug already taken.
    #[error("already exists: {0}")]
    Conflict(String),
    #[error("not found: {0}")]
    NotFound(String),
    /// A row holds a value the code cannot read (a bug or a hand-edited database).
    #[error("unreadable stored value: {0}")]
    Corrupt(String),
    #[error("cannot open database: {0}")]
    Config(String),
}

impl DbError {
    /// Turns a unique-constraint violation into [`DbError::Conflict`] with a
    /// message a person can act on; other errors pass through.
    pub(crate) fn conflict_as(what: &str) -> impl Fn(sqlx::Error) -> DbError + '_ {
        move |error| match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => DbError::Conflict(what.to_owned()),
            _ => DbError::Sqlx(error),
        }
    }
}

/// `($1, ..., $34), ($35, ...)` for `rows` rows of `columns` values each:
/// the VALUES of a multi-row INSERT, which writes many rows in one round trip.
///
/// SQLite gets anonymous `?` placeholders here, because it finds a numbered `$n` by scanning all the
/// statement's names, which makes binding thousands of them quadratic.
pub(crate) fn values(sqlite: bool, rows: usize, columns: usize) -> String {
    let row = |start: usize| {
        if sqlite { vec!["?"; columns].join(", ") } else { items::placeholders(start, columns) }
    };
    (0..rows).map(|n| format!("({})", row(1 + n * columns))).collect::<Vec<_>>().join(", ")
}

/// Marks SQL that pamir assembled at run time as safe to send. Callers build
/// it only from constant fragments and numbered placeholders (`$4, $5, ...`
/// for an `IN` list); every value is bound, never spliced into the text.
pub(crate) fn assembled(sql: &str) -> sqlx::AssertSqlSafe<&str> {
    sqlx::AssertSqlSafe(sql)
}
