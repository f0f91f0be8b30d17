//! The index itself: opening it, and keeping it in step with what is published.

use std::fs;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use tantivy::directory::MmapDirectory;
use tantivy::query::QueryParser;
use tantivy::schema::Schema;
use tantivy::{Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::analysers::{self, Family};
use crate::document::Document;
use crate::error::SearchError;
use crate::schema::{self, Fields};

/// Memory the writer buffers before it writes a segment; tantivy needs 15 MB per indexing
/// thread, so this gives two threads (a rebuild of the whole site uses both).
const WRITER_HEAP_BYTES: usize = 40_000_000;

/// Title words count double: a match in the title says more about the item than one in passing.
const TITLE_BOOST: f32 = 2.0;

/// A search index, safe to share between request handlers (`Arc<SearchIndex>`).
///
/// Writes are serialised by a lock and each ends with a commit and a reload, so a search
/// right after `upsert` sees the change. Searches never wait for writes.
pub struct SearchIndex {
    pub(crate) fields: Fields,
    writer: Mutex<IndexWriter>,
    pub(crate) reader: IndexReader,
    /// One parser per family, indexed by [`Family::index`], built once: it knows the fields,
    /// the analyser and the title boost.
    pub(crate) parsers: [QueryParser; 4],
}

impl SearchIndex {
    /// Opens the index in `dir`, creating the directory and an empty index if needed.
    ///
    /// An index written by another version of pamir gives [`SearchError::Incompatible`]: call
    /// [`SearchIndex::recreate`] and [`SearchIndex::rebuild`].
    pub fn open_or_create(dir: &Path) -> Result<SearchIndex, SearchError> {
        let directory = open_dir(dir)?;
        let (schema, fields) = schema::build();
        let index = if Index::exists(&directory).map_err(tantivy::TantivyError::from)? {
            let index = Index::open(directory).map_err(SearchError::from_open)?;
            if index.schema() != schema {
                return Err(SearchError::Incompatible("its fields or analysers differ".to_owned()));
            }
            index
        } else {
            Index::create(directory, schema, IndexSettings::default())?
        };
        SearchIndex::with_index(index, fields)
    }

    /// Empties `dir` and creates a new, empty index there; refuses a non-empty directory that
    /// does not hold an index, so a wrong path in the settings cannot delete anything else.
    pub fn recreate(dir: &Path) -> Result<SearchIndex, SearchError> {
        let holds_index = dir.join("meta.json").is_file();
        let is_empty = fs::read_dir(dir).map(|mut entries| entries.next().is_none()).unwrap_or(true);
        if !holds_index && !is_empty {
            return Err(SearchError::NotAnIndex(dir.to_owned()));
        }
        if holds_index {
            fs::remove_dir_all(dir).map_err(|source| SearchError::Io { path: dir.to_owned(), source })?;
        }
        SearchIndex::open_or_create(dir)
    }

    /// An index held in memory, for tests.
    pub fn in_memory() -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema::build();
        SearchIndex::with_index(Index::create_in_ram(schema), fields)
    }

    fn with_index(index: Index, fields: Fields) -> Result<SearchIndex, SearchError> {
        analysers::register(index.tokenizers());
        let writer = index.writer(WRITER_HEAP_BYTES).map_err(SearchError::from_open)?;
        // Reloaded by hand after each commit: no file watcher, and no window in which a
        // search misses a commit that has returned.
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let parsers = Family::ALL.map(|family| parser(&index, &index.schema(), &fields, family));
        Ok(SearchIndex { fields, writer: Mutex::new(writer), reader, parsers })
    }

    /// Adds the documents, replacing any indexed copy with the same `item_id`.
    pub fn upsert(&self, docs: &[Document]) -> Result<(), SearchError> {
        if docs.is_empty() {
            return Ok(());
        }
        self.write(|writer| {
            for doc in docs {
                writer.delete_term(self.item_term(doc.item_id));
                writer.add_document(doc.to_tantivy(&self.fields))?;
            }
            Ok(())
        })
    }

    /// Removes the documents with these item ids (unpublished or deleted items).
    pub fn remove(&self, item_ids: &[i64]) -> Result<(), SearchError> {
        if item_ids.is_empty() {
            return Ok(());
        }
        self.write(|writer| {
            for &id in item_ids {
                writer.delete_term(self.item_term(id));
            }
            Ok(())
        })
    }

    /// Replaces the whole index with `all`, in one commit: searches see the old index until
    /// the new one is complete. Returns how many documents were indexed.
    pub fn rebuild(&self, all: impl IntoIterator<Item = Document>) -> Result<usize, SearchError> {
        let mut count = 0;
        self.write(|writer| {
            writer.delete_all_documents()?;
            for doc in all {
                writer.add_document(doc.to_tantivy(&self.fields))?;
                count += 1;
            }
            Ok(())
        })?;
        Ok(count)
    }

    /// How many documents the index holds (as of the last write).
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    fn item_term(&self, item_id: i64) -> Term {
        Term::from_field_i64(self.fields.item_id, item_id)
    }

    /// Runs `ops` on the writer and commits; on failure rolls back, so the next commit does
    /// not publish half of this one (a delete without its add).
    fn write(&self, ops: impl FnOnce(&IndexWriter<TantivyDocument>) -> tantivy::Result<()>) -> Result<(), SearchError> {
        let mut writer = self.lock_writer();
        let result = ops(&writer).and_then(|()| writer.commit().map(drop));
        if let Err(err) = result {
            // The error to report is the first one; a failed rollback leaves a writer whose
            // next commit fails too, which reports itself.
            let _ = writer.rollback();
            return Err(err.into());
        }
        drop(writer);
        self.reader.reload()?;
        Ok(())
    }

    fn lock_writer(&self) -> MutexGuard<'_, IndexWriter> {
        self.writer.lock().unwrap_or_else(|poisoned| {
            // A panic mid-write may have left uncommitted operations: drop them and carry on,
            // rather than make every later publish fail.
            let mut writer = poisoned.into_inner();
            let _ = writer.rollback();
            self.writer.clear_poison();
            writer
        })
    }
}

fn open_dir(dir: &Path) -> Result<MmapDirectory, SearchError> {
    fs::create_dir_all(dir).map_err(|source| SearchError::Io { path: dir.to_owned(), source })?;
    MmapDirectory::open(dir).map_err(|source| SearchError::Open { path: dir.to_owned(), source })
}

/// The query parser for one family: searches its title and body, all words required (a site
/// search is expected to narrow as words are added), title matches boosted.
fn parser(index: &Index, schema: &Schema, fields: &Fields, family: Family) -> QueryParser {
    let text = fields.text(family);
    let mut parser = QueryParser::new(schema.clone(), vec![text.title, text.body], index.tokenizers().clone());
    parser.set_conjunction_by_default();
    parser.set_field_boost(text.title, TITLE_BOOST);
    parser
}
