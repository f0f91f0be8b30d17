//! Site search: keeping each site's index in step with the database, and
//! asking it.
//!
//! The index holds every published item, whatever its publishing window;
//! whether a hit may be shown is decided at query time from the database,
//! so scheduled items appear in results exactly when they appear on pages.
//! Catching up is incremental: items changed since the last sync (by
//! `updated_at`, which every save moves) are re-indexed or removed. A
//! content-change notice (this process's or, through the scheduler,
//! another node's) marks the index stale; the next search catches up first.

use crate::{Core, CoreError};
use pamir_domain::SiteId;
use pamir_search::{Document, SearchError, SearchIndex};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

pub use pamir_search::{Hit, Query, Results};

/// Rows read from the database per step of a sync.
const BATCH: u32 = 2_000;
/// The file beside the index that remembers how far it has caught up.
const WATERMARK_FILE: &str = "pamir-synced-until";

/// One site's search index.
pub struct SiteSearch {
    site: SiteId,
    index: Arc<SearchIndex>,
    /// Where the index lives; `None` in memory.
    dir: Option<PathBuf>,
    stale: AtomicBool,
    /// One sync at a time; a search arriving meanwhile waits for it.
    syncing: tokio::sync::Mutex<(i64, i64)>,
}

fn failed(error: SearchError) -> CoreError {
    CoreError::Internal(format!("search index: {error}"))
}

impl SiteSearch {
    /// Opens the site's index in `dir` (created if missing, rebuilt from
    /// scratch if it was written by an incompatible version), or in memory.
    pub fn open(site: SiteId, dir: Option<&Path>) -> Result<Self, CoreError> {
        let (index, watermark) = match dir {
            None => (SearchIndex::in_memory().map_err(failed)?, (0, 0)),
            Some(dir) => match SearchIndex::open_or_create(dir) {
                Ok(index) => (index, read_watermark(dir)),
                Err(SearchError::Incompatible(why)) => {
                    tracing::warn!(%why, dir = %dir.display(), "search index from another version: rebuilding it");
                    (SearchIndex::recreate(dir).map_err(failed)?, (0, 0))
                }
                Err(SearchError::Locked(_)) => {
                    return Err(CoreError::Invalid(format!(
                        "the search index in {} is in use by another pamir process",
                        dir.display()
                    )));
                }
                Err(other) => return Err(failed(other)),
            },
        };
        Ok(Self {
            site,
            index: Arc::new(index),
            dir: dir.map(Path::to_path_buf),
            stale: AtomicBool::new(true),
            syncing: tokio::sync::Mutex::new(watermark),
        })
    }

    /// Marks the index as behind the database (a content change happened).
    pub fn mark_stale(&self) {
        self.stale.store(true, Ordering::Release);
    }

    /// Catches up with every change since the last sync; returns how many
    /// items were looked at.
    pub async fn sync(&self, core: &Core) -> Result<usize, CoreError> {
        let mut watermark = self.syncing.lock().await;
        // Cleared before reading, so a change landing during the sync marks it stale again.
        self.stale.store(false, Ordering::Release);
        let mut seen = 0;
        loop {
            let (since, after_id) = *watermark;
            let rows = pamir_db::items::changed_since(&core.db, self.site, since, after_id, BATCH).await?;
            let Some(last) = rows.last() else { break };
            *watermark = (last.updated_at, last.id);
            seen += rows.len();
            let (published, gone): (Vec<_>, Vec<_>) = rows.into_iter().partition(|row| row.state == "published");
            let documents: Vec<Document> = published.into_iter().map(document).collect();
            let removed: Vec<i64> = gone.iter().map(|row| row.id).collect();
            let index = self.index.clone();
            tokio::task::spawn_blocking(move || {
                index.remove(&removed)?;
                index.upsert(&documents)
            })
            .await
            .map_err(|e| CoreError::Internal(format!("search indexing stopped: {e}")))?
            .map_err(failed)?;
        }
        // A save later in the second of the last change could carry a smaller
        // id than the watermark's; if that second is not over yet, the next
        // sync reads all of it again (re-indexing is idempotent).
        if watermark.0 >= core.clock.now().timestamp() {
            watermark.1 = 0;
        }
        if let Some(dir) = &self.dir {
            write_watermark(dir, *watermark)?;
        }
        Ok(seen)
    }

    /// Forgets everything and indexes the site again from the database.
    pub async fn rebuild(&self, core: &Core) -> Result<usize, CoreError> {
        {
            let mut watermark = self.syncing.lock().await;
            *watermark = (0, 0);
            let index = self.index.clone();
            tokio::task::spawn_blocking(move || index.rebuild(Vec::new()))
                .await
                .map_err(|e| CoreError::Internal(format!("search indexing stopped: {e}")))?
                .map_err(failed)?;
        }
        self.sync(core).await
    }

    /// Searches, catching up first if the site changed since the last sync.
    pub async fn search(&self, core: &Core, query: Query) -> Result<Results, CoreError> {
        if self.stale.load(Ordering::Acquire) {
            self.sync(core).await?;
        }
        let index = self.index.clone();
        tokio::task::spawn_blocking(move || index.search(&query))
            .await
            .map_err(|e| CoreError::Internal(format!("search stopped: {e}")))?
            .map_err(failed)
    }

    pub fn documents(&self) -> u64 {
        self.index.num_docs()
    }
}

fn document(row: pamir_db::items::SearchRow) -> Document {
    let text = format!("{}\n\n{}", row.teaser_markdown, row.body_markdown);
    Document {
        item_id: row.id,
        group_id: row.group_id,
        lang: row.lang,
        kind: row.kind,
        category_id: row.category_id,
        published_at: row.published_at,
        title: row.title,
        body_text: pamir_content::plain_text(&text),
    }
}

fn read_watermark(dir: &Path) -> (i64, i64) {
    let text = std::fs::read_to_string(dir.join(WATERMARK_FILE)).unwrap_or_default();
    let mut parts = text.trim().split(' ').map(|part| part.parse::<i64>().ok());
    match (parts.next().flatten(), parts.next().flatten()) {
        (Some(since), Some(id)) => (since, id),
        _ => (0, 0),
    }
}

fn write_watermark(dir: &Path, (since, id): (i64, i64)) -> Result<(), CoreError> {
    std::fs::write(dir.join(WATERMARK_FILE), format!("{since} {id}\n"))?;
    Ok(())
}
