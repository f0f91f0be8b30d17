//! Small builders shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used)]

use pamir_search::{Document, Query, SearchIndex};

pub fn doc(item_id: i64, lang: &str, title: &str, body: &str) -> Document {
    Document {
        item_id,
        group_id: item_id,
        lang: lang.to_owned(),
        kind: "article".to_owned(),
        category_id: 1,
        published_at: 1_700_000_000 + item_id,
        title: title.to_owned(),
        body_text: body.to_owned(),
    }
}

pub fn index_with(docs: &[Document]) -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    index.upsert(docs).unwrap();
    index
}

/// The item ids found for `text` in `lang`, best first.
pub fn ids(index: &SearchIndex, lang: &str, text: &str) -> Vec<i64> {
    ids_for(index, &Query::new(lang, text))
}

pub fn ids_for(index: &SearchIndex, query: &Query) -> Vec<i64> {
    index.search(query).unwrap().hits.iter().map(|hit| hit.item_id).collect()
}
