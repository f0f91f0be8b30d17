//! What the caller indexes: one item in one language, as plain text.

use tantivy::TantivyDocument;

use crate::analysers::Family;
use crate::schema::Fields;

/// One published item in one language. The caller strips Markdown: `body_text` is plain text,
/// and is what snippets are cut from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub item_id: i64,
    /// The item's translation group: its versions in other languages share it.
    pub group_id: i64,
    /// A language code such as `en`, `ru`, `tg`; any other code is indexed unstemmed.
    pub lang: String,
    /// The item kind as in URLs: `article`, `op-ed`, …
    pub kind: String,
    pub category_id: i64,
    /// Unix seconds.
    pub published_at: i64,
    pub title: String,
    pub body_text: String,
}

impl Document {
    pub(crate) fn to_tantivy(&self, fields: &Fields) -> TantivyDocument {
        let text = fields.text(Family::of(&self.lang));
        let mut doc = TantivyDocument::new();
        doc.add_i64(fields.item_id, self.item_id);
        doc.add_i64(fields.group_id, self.group_id);
        // Lower-cased here and in queries, so "RU" and "ru" are one language.
        doc.add_text(fields.lang, self.lang.to_ascii_lowercase());
        doc.add_text(fields.kind, &self.kind);
        doc.add_i64(fields.category_id, self.category_id);
        doc.add_i64(fields.published_at, self.published_at);
        doc.add_text(text.title, &self.title);
        doc.add_text(text.body, &self.body_text);
        doc
    }
}
