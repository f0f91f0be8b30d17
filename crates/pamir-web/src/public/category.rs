//! A category page: its items and those of its subcategories, newest first.

use crate::error::PageError;
use crate::public::reader::{Frame, page_number};
use crate::public::{Reader, listing};
use crate::respond::Page;
use crate::state::AppState;
use crate::view::{ItemCard, Meta, Pagination, urls};
use axum::http::Uri;
use pamir_db::items::Listing;
use serde::Serialize;

#[derive(Serialize)]
struct CategoryPage {
    name: String,
    description: String,
    breadcrumbs: Vec<Crumb>,
    subcategories: Vec<Crumb>,
    cards: Vec<ItemCard>,
    pagination: Pagination,
}

#[derive(Serialize)]
struct Crumb {
    name: String,
    url: String,
}

pub async fn render(state: &AppState, reader: &Reader, category_id: i64, uri: &Uri) -> Result<Page, PageError> {
    let page = page_number(uri)?;
    let tree = &reader.tree;
    let lang = reader.code();
    let base = urls::category(lang, tree, category_id);
    let ids = tree.subtree_ids(category_id);
    let listing = listing::load(state, reader, Listing::Categories(&ids), page, &base).await?;
    let category = tree.get(category_id).ok_or(PageError::NotFound)?;
    let crumb = |id: i64, name: &str| Crumb { name: name.to_owned(), url: urls::category(lang, tree, id) };
    let alternates = alternates(reader, category_id);
    let canonical = if page.get() == 1 { base.clone() } else { format!("{base}?page={}", page.get()) };
    let page = reader.page(
        state,
        "category.html",
        CategoryPage {
            name: category.name.clone(),
            description: category.description.clone(),
            breadcrumbs: tree.ancestry(category_id).iter().map(|c| crumb(c.id, &c.name)).collect(),
            subcategories: tree.children(category_id).map(|c| crumb(c.id, &c.name)).collect(),
            cards: listing.cards,
            pagination: listing.pagination,
        },
        Frame {
            canonical: &canonical,
            current_category: Some(category_id),
            alternates: &alternates,
            meta: Meta::website(&category.description),
        },
    )?;
    Ok(page)
}

/// The same category in the site's other languages, where it has words there.
fn alternates(reader: &Reader, category_id: i64) -> Vec<(String, String)> {
    reader
        .settings
        .languages
        .iter()
        .filter_map(|lang| {
            let tree = reader.tree_for(lang)?;
            tree.get(category_id).map(|_| (lang.to_string(), urls::category(lang.as_str(), tree, category_id)))
        })
        .collect()
}
