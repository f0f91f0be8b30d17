//! pamir's use cases: the only place content is written, so every rule
//! (validation, rendering, cache invalidation) lives in one place.
//!
//! - [`Core`]: the database, clock, mailer and event bus a use case needs
//! - [`change`]: one use case, one transaction; notices after commit
//! - [`checks`]: the editor's checks stored with items saved before they were kept
//! - [`drafts`]: what an editor typed and has not saved, kept on the server
//! - [`events`]: "content changed" notices that caches listen to
//! - [`items`]: creating items (Markdown rendered once, on save)
//! - [`auth`]: signing in: passwords, second factors, sessions, throttling
//! - [`audit`]: who acts, whether they may, and the audit log
//! - [`site_admin`]: categories, tags and settings from the admin
//! - [`tokens`]: API tokens for the JSON API's write endpoints
//! - [`users`]: adding and managing admin accounts
//! - [`editing`]: the admin's item workflow, revisions and restore
//! - [`contact`]: a reader's message: checks, rate limit, storage, delivery
//! - [`media`]: uploads, renditions, the media library
//! - [`mailer`]: sending e-mail over SMTP
//! - [`scheduler`]: waking up when a scheduled item appears or disappears
//! - [`demo`]: the demo mission site
//! - [`redirects`]: old addresses, written down one way
//! - [`search`]: each site's search index, kept in step with the database
//! - [`seed`]: synthetic content for benchmarks

pub mod audit;
pub mod auth;
pub mod change;
pub mod checks;
pub mod contact;
pub mod demo;
pub mod drafts;
pub mod editing;
pub mod events;
pub mod imports;
pub mod items;
pub mod mailer;
pub mod media;
pub mod reading;
pub mod redirects;
pub mod scheduler;
pub mod search;
pub mod seed;
pub mod site_admin;
pub mod tokens;
pub mod users;

/// Scratch databases for tests and benchmarks of the crates above the core
/// (SQLite in a temporary folder, PostgreSQL when `PAMIR_TEST_DATABASE_URL`
/// is set), so they need not reach past it.
#[cfg(feature = "testing")]
pub mod testing {
    pub use pamir_db::testing::TestDatabase;
}

use pamir_db::Db;
use pamir_domain::Clock;
use std::path::PathBuf;
use std::sync::Arc;

/// What every use case works with. Cheap to clone.
#[derive(Clone)]
pub struct Core {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub events: events::ContentEvents,
    pub mailer: Option<mailer::Mailer>,
    /// Where uploaded media files live on disk.
    pub media_dir: PathBuf,
}

impl Core {
    /// Opens the database at `url` (running its migrations), makes sure the
    /// default site exists, and returns a core on it with no mailer.
    pub async fn open(
        url: &str,
        clock: Arc<dyn Clock>,
        media_dir: PathBuf,
    ) -> Result<(Core, pamir_domain::SiteId), CoreError> {
        let db = pamir_db::connect(url).await?;
        let site = pamir_db::sites::ensure_default(&db, clock.now().timestamp()).await?;
        Ok((Core { db, clock, events: Default::default(), mailer: None, media_dir }, site))
    }

    /// Announces a change of the site's content: to this process's caches at
    /// once, and (through the site's content version) to every other process
    /// or node serving it, whose scheduler notices within seconds.
    pub async fn changed(&self, site: pamir_domain::SiteId) -> Result<(), CoreError> {
        let mut change = self.begin().await?;
        change.content_changed(site);
        change.commit().await
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error(transparent)]
    Db(#[from] pamir_db::DbError),
    /// The input breaks a rule; the message says which, for the person who typed it.
    #[error("{0}")]
    Invalid(String),
    /// The input breaks rules of the domain: every one, with its field and
    /// a translation key, so each interface says it in its reader's language.
    #[error("{}", describe(.0))]
    Rules(pamir_domain::Violations),
    /// The actor's role does not allow this.
    #[error("not allowed: {0}")]
    Forbidden(String),
    #[error("not found: {0}")]
    NotFound(String),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    /// Something failed that the user could not have caused (no randomness,
    /// a search index that cannot be written, a worker that died): a 500,
    /// whose message only the log sees.
    #[error("internal failure: {0}")]
    Internal(String),
}

/// Broken rules in plain keys and fields, for logs and tests.
fn describe(rules: &pamir_domain::Violations) -> String {
    let each: Vec<String> = rules.0.iter().map(|rule| format!("{}: {}", rule.field, rule.message.key)).collect();
    each.join("; ")
}

impl CoreError {
    /// One broken rule of one field.
    pub fn rule(field: &'static str, message: pamir_domain::Message) -> Self {
        CoreError::Rules(pamir_domain::Violations(vec![pamir_domain::Violation { field, message }]))
    }

    /// Whether the fault is the server's (the database, the disk), not the input's.
    pub fn is_internal(&self) -> bool {
        use pamir_db::DbError;
        matches!(
            self,
            CoreError::Db(DbError::Sqlx(_) | DbError::Corrupt(_) | DbError::Config(_))
                | CoreError::Io(_)
                | CoreError::Internal(_)
        )
    }
}
