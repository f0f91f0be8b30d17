//! What a search asks for and what it returns.

/// A search in one language, as typed by a visitor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Only documents in this language are searched, with this language's analyser.
    pub lang: String,
    /// Words, all of which must match (in title or body); `"quoted phrases"`, `-exclusions`
    /// and `OR` work. Malformed syntax never fails: what cannot be parsed is ignored.
    pub text: String,
    /// Only this kind (`article`, `op-ed`, …), when set.
    pub kind: Option<String>,
    /// Only these categories (any of them); empty means all.
    pub category_ids: Vec<i64>,
    /// Hits per page, at most [`Query::MAX_LIMIT`]; 0 asks only for the total.
    pub limit: usize,
    /// Hits to skip. Past [`Query::MAX_WINDOW`] results, only the total is returned: deep
    /// pages cost memory in proportion to their depth, and nobody reads page 500.
    pub offset: usize,
}

impl Query {
    pub const MAX_LIMIT: usize = 100;
    pub const MAX_WINDOW: usize = 10_000;

    /// The first ten hits for `text` in `lang`, unfiltered.
    pub fn new(lang: impl Into<String>, text: impl Into<String>) -> Query {
        Query { lang: lang.into(), text: text.into(), kind: None, category_ids: Vec::new(), limit: 10, offset: 0 }
    }
}

/// One page of results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    /// How many documents match in all, for paging.
    pub total: usize,
    /// Best first.
    pub hits: Vec<Hit>,
}

/// One matching document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub item_id: i64,
    pub group_id: i64,
    pub kind: String,
    pub category_id: i64,
    /// Unix seconds.
    pub published_at: i64,
    pub title: String,
    /// An escaped excerpt of the body with the matched words in `<mark>`: safe to insert as HTML.
    pub snippet_html: String,
}
