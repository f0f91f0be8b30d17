//! pamir's full-text search: a tantivy index with an analyser per language.
//!
//! - [`SearchIndex`] (`index`): open or create the index; `upsert`, `remove`, `rebuild`
//! - `search`: [`SearchIndex::search`] answers a [`Query`] with [`Results`]
//! - `schema`: the fields, with a title and body pair per language family
//! - `analysers`: English and Russian stemming, our Tajik analyser, a plain fallback
//! - `tajik`: folding Tajik letters to their Russian-keyboard spelling, and the suffix stripper
//! - `words`: the tokenizer of the Cyrillic analysers
//! - `filter`: how our normalisations plug into tantivy
//! - `snippet`: the escaped, highlighted excerpt under each result
//!
//! One index holds one site; a second site gets a second directory.

mod analysers;
mod document;
mod error;
mod filter;
mod index;
mod query;
mod schema;
mod search;
mod snippet;
mod tajik;
mod words;

pub use analysers::analyse;
pub use document::Document;
pub use error::SearchError;
pub use index::SearchIndex;
pub use query::{Hit, Query, Results};
