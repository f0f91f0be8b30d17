//! What templates show, built from domain values: URLs made, dates
//! formatted, HTML already sanitised. Templates only lay it out.

pub mod chrome;
pub mod cloak;
pub mod item;
pub mod meta;
pub mod urls;

pub use chrome::{Chrome, chrome};
pub use item::{ImageView, ItemCard, ItemView};
pub use meta::Meta;

use serde::Serialize;

/// A date for `<time datetime>` and for reading.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    pub iso: String,
    pub text: String,
}

impl DateView {
    pub fn new(lang: &str, at: chrono::DateTime<chrono::Utc>) -> Self {
        Self { iso: at.format("%Y-%m-%d").to_string(), text: crate::i18n::date(lang, at) }
    }

    /// With the time of day, for events.
    pub fn with_time(lang: &str, at: chrono::DateTime<chrono::Utc>) -> Self {
        Self {
            iso: at.format("%Y-%m-%dT%H:%MZ").to_string(),
            text: format!("{}, {} UTC", crate::i18n::date(lang, at), at.format("%H:%M")),
        }
    }
}

/// Links to the neighbouring pages of a listing.
#[derive(Debug, Clone, Serialize)]
pub struct Pagination {
    pub page: u32,
    /// `None` where the listing was not counted (tag pages).
    pub pages: Option<u32>,
    pub previous: Option<String>,
    pub next: Option<String>,
}

impl Pagination {
    /// `base` is the listing's first page URL; later pages add `?page=N`.
    pub fn new(base: &str, page: u32, pages: Option<u32>, has_more: bool) -> Self {
        let url = |n: u32| if n == 1 { base.to_owned() } else { format!("{base}?page={n}") };
        Self { page, pages, previous: (page > 1).then(|| url(page - 1)), next: has_more.then(|| url(page + 1)) }
    }
}

/// The categories as `(id, indented name)` in tree order, for a `<select>`.
pub fn category_options(tree: &pamir_domain::taxonomy::CategoryTree) -> Vec<(i64, String)> {
    fn walk(tree: &pamir_domain::taxonomy::CategoryTree, id: i64, depth: usize, out: &mut Vec<(i64, String)>) {
        if let Some(category) = tree.get(id) {
            out.push((id, format!("{}{}", "— ".repeat(depth), category.name)));
            let children: Vec<i64> = tree.children(id).map(|c| c.id).collect();
            for child in children {
                walk(tree, child, depth + 1, out);
            }
        }
    }
    let mut out = Vec::new();
    let roots: Vec<i64> = tree.roots().map(|c| c.id).collect();
    for root in roots {
        walk(tree, root, 0, &mut out);
    }
    out
}
