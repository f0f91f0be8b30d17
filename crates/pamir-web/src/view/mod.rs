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

/// The site's clock: the zone dates are shown in, and the moment the page
/// is made (for "5 days left").
#[derive(Debug, Clone, Copy)]
pub struct SiteTime {
    pub zone: chrono_tz::Tz,
    pub now: chrono::DateTime<chrono::Utc>,
}

impl SiteTime {
    pub fn local(&self, at: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono_tz::Tz> {
        at.with_timezone(&self.zone)
    }
}

/// A date for `<time datetime>` and for reading, on the site's clock.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// ISO 8601: the day (`2026-12-10`), or the moment with the zone's
    /// offset (`2026-12-10T18:00:00+05:00`).
    pub iso: String,
    pub text: String,
}

impl DateView {
    /// The day `at` falls on in the site's zone.
    pub fn new(lang: &str, time: SiteTime, at: chrono::DateTime<chrono::Utc>) -> Self {
        let local = time.local(at);
        Self { iso: local.format("%Y-%m-%d").to_string(), text: crate::i18n::date(lang, local.date_naive()) }
    }

    /// With the time of day, for events: "10 December 2026, 18:00". The
    /// zone is named only where it is UTC: a reader of a Dushanbe office's
    /// site reads Dushanbe time without being told.
    pub fn with_time(lang: &str, time: SiteTime, at: chrono::DateTime<chrono::Utc>) -> Self {
        let local = time.local(at);
        let zone = if time.zone == chrono_tz::Tz::UTC { " UTC" } else { "" };
        Self {
            iso: local.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            text: format!("{}, {}{zone}", crate::i18n::date(lang, local.date_naive()), local.format("%H:%M")),
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
