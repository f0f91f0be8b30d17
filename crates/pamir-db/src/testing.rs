//! Fresh databases for tests: SQLite in a temporary folder always, and
//! PostgreSQL when `PAMIR_TEST_DATABASE_URL` names a server the tests may
//! create databases on. Each PostgreSQL database is dropped when its guard
//! goes out of scope.

use sqlx::Connection;
use std::sync::atomic::{AtomicU32, Ordering};

/// A database URL for one test, and what removes it afterwards.
pub struct TestDatabase {
    pub backend: &'static str,
    pub url: String,
    _cleanup: Cleanup,
}

enum Cleanup {
    Folder(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl TestDatabase {
    pub fn sqlite() -> Self {
        let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary folder: {e}"));
        let url = format!("sqlite://{}", folder.path().join("pamir.db").display());
        Self { backend: "sqlite", url, _cleanup: Cleanup::Folder(folder) }
    }

    /// `None`, with a note on stderr, when PostgreSQL is not configured.
    pub async fn postgres() -> Option<Self> {
        let Ok(admin_url) = std::env::var("PAMIR_TEST_DATABASE_URL") else {
            // Once per test program, past the harness's capture, so that
            // `cargo test` says it even when every test passes.
            static SAID: std::sync::Once = std::sync::Once::new();
            SAID.call_once(|| {
                use std::io::Write;
                let _ = writeln!(
                    std::io::stderr(),
                    "SKIPPED: the PostgreSQL runs of these tests (set PAMIR_TEST_DATABASE_URL to include them)"
                );
            });
            return None;
        };
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        let name = format!("pamir_t_{}_{}_{}", std::process::id(), nanos, COUNTER.fetch_add(1, Ordering::Relaxed));
        let mut admin = sqlx::PgConnection::connect(&admin_url)
            .await
            .unwrap_or_else(|e| panic!("PAMIR_TEST_DATABASE_URL does not connect: {e}"));
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .unwrap_or_else(|e| panic!("creating test database {name}: {e}"));
        let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(base, _)| base);
        let url = format!("{base}/{name}");
        Some(Self { backend: "postgres", url, _cleanup: Cleanup::Postgres { admin_url, name } })
    }

    /// SQLite, plus PostgreSQL when configured.
    pub async fn all() -> Vec<Self> {
        let mut all = vec![Self::sqlite()];
        all.extend(Self::postgres().await);
        all
    }
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        let Cleanup::Postgres { admin_url, name } = self else { return };
        let (admin_url, name) = (admin_url.clone(), name.clone());
        // Drop may run inside an async runtime; a thread with its own may block.
        let _ = std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
            runtime.block_on(async {
                if let Ok(mut admin) = sqlx::PgConnection::connect(&admin_url).await {
                    let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                    let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(sql)).execute(&mut admin).await;
                }
            });
        })
        .join();
    }
}
