//! `/{lang}/`: the front page, featured items newest-first after their order.

use crate::error::PageError;
use crate::public::reader::{Frame, page_number};
use crate::public::{Reader, listing};
use crate::respond::Page;
use crate::state::AppState;
use crate::view::{ItemCard, Meta, Pagination, urls};
use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::Redirect;
use pamir_db::items::Listing;
use serde::Serialize;

#[derive(Serialize)]
struct FrontPage {
    cards: Vec<ItemCard>,
    pagination: Pagination,
}

pub async fn get(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Result<Page, PageError> {
    let reader = Reader::new(&state, &headers, &uri).await?;
    let page = page_number(&uri)?;
    let base = urls::front(reader.code());
    let listing = listing::load(&state, &reader, Listing::Featured, page, &base).await?;
    let alternates: Vec<(String, String)> =
        reader.settings.languages.iter().map(|l| (l.to_string(), urls::front(l.as_str()))).collect();
    let canonical = if page.get() == 1 { base.clone() } else { format!("{base}?page={}", page.get()) };
    let page = reader.page(
        &state,
        "front.html",
        FrontPage { cards: listing.cards, pagination: listing.pagination },
        Frame {
            canonical: &canonical,
            current_category: None,
            alternates: &alternates,
            meta: Meta::website(reader.settings.tagline.get(&reader.lang, &reader.settings.default_lang)),
        },
    )?;
    Ok(page)
}

/// `/{lang}` without the slash.
pub async fn redirect(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Result<Redirect, PageError> {
    let reader = Reader::new(&state, &headers, &uri).await?;
    Ok(Redirect::permanent(&urls::front(reader.code())))
}
