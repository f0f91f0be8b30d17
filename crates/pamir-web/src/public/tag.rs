//! `/{lang}/tags/{tag}`: items with a tag, newest first.

use crate::error::PageError;
use crate::public::reader::{Frame, page_number, segments};
use crate::public::{Reader, listing};
use crate::respond::Page;
use crate::state::AppState;
use crate::view::{ItemCard, Meta, Pagination, urls};
use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use pamir_db::items::Listing;
use serde::Serialize;

#[derive(Serialize)]
struct TagPage {
    name: String,
    cards: Vec<ItemCard>,
    pagination: Pagination,
}

pub async fn get(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Result<Page, PageError> {
    let reader = Reader::new(&state, &headers, &uri).await?;
    let segments = segments(&uri)?;
    let slug = segments.get(2).ok_or(PageError::NotFound)?;
    let db = &state.core.db;
    let tag = pamir_db::tags::find_by_slug(db, reader.site, &reader.lang, slug).await?.ok_or(PageError::NotFound)?;
    let page = page_number(&uri)?;
    let base = urls::tag(reader.code(), &tag.slug);
    let listing = listing::load(&state, &reader, Listing::Tag(tag.id), page, &base).await?;
    let alternates: Vec<(String, String)> = pamir_db::tags::slugs(db, tag.id)
        .await?
        .into_iter()
        .map(|(lang, slug)| {
            let url = urls::tag(&lang, &slug);
            (lang, url)
        })
        .collect();
    let canonical = if page.get() == 1 { base.clone() } else { format!("{base}?page={}", page.get()) };
    let description = crate::i18n::text(reader.code(), "tag-page-title", &[("tag", tag.name.clone().into())]);
    let page = reader.page(
        &state,
        "tag.html",
        TagPage { name: tag.name, cards: listing.cards, pagination: listing.pagination },
        Frame {
            canonical: &canonical,
            current_category: None,
            alternates: &alternates,
            meta: Meta::website(&description),
        },
    )?;
    Ok(page)
}
