//! The index's fields: ids and filters, then a title and body pair per language family.
//!
//! Each family has its own text fields because a field has exactly one analyser; a document
//! fills only its own family's pair. Titles and bodies are stored (as plain text) so results
//! can show the title and a snippet without asking the database.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::analysers::Family;

/// Handles to the schema's fields.
#[derive(Debug, Clone)]
pub(crate) struct Fields {
    pub item_id: Field,
    pub group_id: Field,
    pub lang: Field,
    pub kind: Field,
    pub category_id: Field,
    pub published_at: Field,
    /// Indexed by [`Family::index`].
    text: [TextFields; 4],
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct TextFields {
    pub title: Field,
    pub body: Field,
}

impl Fields {
    pub(crate) fn text(&self, family: Family) -> TextFields {
        self.text[family.index()]
    }
}

/// Builds the schema. The same code always builds the same schema, so an index on disk whose
/// schema differs was written by another version of pamir.
pub(crate) fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    // `item_id` is indexed so an update can delete the old copy by it.
    let item_id = builder.add_i64_field("item_id", INDEXED | STORED | FAST);
    let group_id = builder.add_i64_field("group_id", STORED);
    let lang = builder.add_text_field("lang", STRING | STORED);
    let kind = builder.add_text_field("kind", STRING | STORED);
    let category_id = builder.add_i64_field("category_id", INDEXED | STORED | FAST);
    // Fast for sorting by date later; stored for the result list.
    let published_at = builder.add_i64_field("published_at", STORED | FAST);
    let text = Family::ALL.map(|family| {
        // Positions make phrase queries ("labour migrants") and snippets possible.
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(family.tokenizer())
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let options = TextOptions::default().set_indexing_options(indexing).set_stored();
        let key = family.key();
        TextFields {
            title: builder.add_text_field(&format!("title_{key}"), options.clone()),
            body: builder.add_text_field(&format!("body_{key}"), options),
        }
    });
    let schema = builder.build();
    (schema, Fields { item_id, group_id, lang, kind, category_id, published_at, text })
}
