//! One page of items as cards, shared by the front, category and tag pages.

use crate::error::PageError;
use crate::public::Reader;
use crate::state::AppState;
use crate::view::{ItemCard, Pagination};
use pamir_db::items::Listing;
use pamir_domain::paging::page_count;
use pamir_domain::{Item, PageNumber};

pub struct ListingPage {
    pub cards: Vec<ItemCard>,
    pub pagination: Pagination,
}

/// The cards of page `page` of `listing`; a page past the end is "not found".
pub async fn load(
    state: &AppState,
    reader: &Reader,
    listing: Listing<'_>,
    page: PageNumber,
    base_url: &str,
) -> Result<ListingPage, PageError> {
    let size = reader.settings.front_page_size.clamp(1, 100);
    let db = &state.core.db;
    let fallbacks = reader.settings.fallbacks_for(&reader.lang);
    let pamir_db::items::ListPage { items, total, has_more } = pamir_db::items::list_with_fallbacks(
        db,
        reader.site,
        &reader.lang,
        &fallbacks,
        &listing,
        reader.now,
        size,
        page.offset(size),
    )
    .await?;
    let pages = total.map(|total| page_count(total, size));
    let past_the_end = match pages {
        Some(pages) => page.get() > pages,
        None => page.get() > 1 && items.is_empty(),
    };
    if past_the_end {
        return Err(PageError::NotFound);
    }
    let cards = cards(state, reader, &items).await?;
    Ok(ListingPage { cards, pagination: Pagination::new(base_url, page.get(), pages, has_more) })
}

/// The first `limit` cards of `listing` (no page count): a front-page section, related items.
pub async fn first(
    state: &AppState,
    reader: &Reader,
    listing: Listing<'_>,
    limit: u32,
) -> Result<Vec<ItemCard>, PageError> {
    let fallbacks = reader.settings.fallbacks_for(&reader.lang);
    let items = pamir_db::items::first_with_fallbacks(
        &state.core.db,
        reader.site,
        &reader.lang,
        &fallbacks,
        &listing,
        reader.now,
        limit,
    )
    .await?;
    cards(state, reader, &items).await
}

/// Items as cards, with their images. An item whose category has no name in
/// its language has no address in it either, and is left out; items standing
/// in for a missing translation link to their own language's page.
pub async fn cards(state: &AppState, reader: &Reader, items: &[Item]) -> Result<Vec<ItemCard>, PageError> {
    let image_ids: Vec<i64> = items.iter().filter_map(|item| item.image_id).collect();
    let images =
        pamir_db::media::get_many(&state.core.db, &image_ids, &reader.lang, &reader.settings.default_lang).await?;
    Ok(items
        .iter()
        .filter_map(|item| {
            let tree = reader.tree_for(&item.lang)?;
            tree.get(item.category_id)?;
            Some(ItemCard::new(item, tree, &images, reader.time()).as_fallback_for(item, reader.code()))
        })
        .collect())
}
