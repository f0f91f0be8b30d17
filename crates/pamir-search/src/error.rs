//! What can go wrong with the search index, in words an operator can act on.

use std::io;
use std::path::PathBuf;

use tantivy::TantivyError;
use tantivy::directory::error::{Incompatibility, OpenDirectoryError};

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index on disk was written by another version of pamir (its schema or analysers
    /// differ, or tantivy's format changed). Nothing is lost: rebuild it from the database.
    #[error("the search index is from another version of pamir ({0}); rebuild it with `pamir reindex`")]
    Incompatible(String),

    /// Another writer holds the index: tantivy allows one per directory.
    #[error("the search index is in use by another process (only one pamir process may write to it)")]
    Locked(#[source] TantivyError),

    #[error("cannot prepare the search index directory {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error("cannot open the search index directory {path}")]
    Open {
        path: PathBuf,
        #[source]
        source: OpenDirectoryError,
    },

    /// [`crate::SearchIndex::recreate`] refuses to empty a directory that is not an index.
    #[error("{0} is not empty and holds no search index; refusing to delete its contents")]
    NotAnIndex(PathBuf),

    /// A stored document lacks a field every document is written with.
    #[error("the search index is damaged: a document has no {0}; rebuild it with `pamir reindex`")]
    MissingField(&'static str),

    #[error("search index error")]
    Tantivy(#[from] TantivyError),
}

impl SearchError {
    /// Sorts tantivy's errors into the ones a caller handles differently.
    pub(crate) fn from_open(err: TantivyError) -> SearchError {
        match err {
            TantivyError::IncompatibleIndex(why) => SearchError::Incompatible(describe(&why)),
            TantivyError::LockFailure(..) => SearchError::Locked(err),
            other => SearchError::Tantivy(other),
        }
    }
}

/// Tantivy's own wording advises changing tantivy's version; ours is to rebuild.
fn describe(why: &Incompatibility) -> String {
    match why {
        Incompatibility::IndexMismatch { library_version, index_version } => {
            format!("written by {index_version}, this build is {library_version}")
        }
        Incompatibility::CompressionMismatch { index_compression_format, .. } => {
            format!("stored text compressed with {index_compression_format}, which this build cannot read")
        }
    }
}
