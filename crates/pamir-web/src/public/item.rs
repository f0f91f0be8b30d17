//! An item page: title, byline, dateline, body, and the fields of its kind.

use crate::error::PageError;
use crate::public::Reader;
use crate::public::reader::Frame;
use crate::respond::Page;
use crate::state::AppState;
use crate::view::{ItemView, Meta, urls};
use pamir_domain::Item;
use serde::Serialize;

#[derive(Serialize)]
struct ItemPage {
    item: ItemView,
}

/// The page of the visible item at `slug` in `category_id`, or `None`.
pub async fn render(
    state: &AppState,
    reader: &Reader,
    category_id: i64,
    slug: &str,
) -> Result<Option<Page>, PageError> {
    let db = &state.core.db;
    let Some(item) =
        pamir_db::items::find_visible(db, reader.site, &reader.lang, category_id, slug, reader.now).await?
    else {
        return Ok(None);
    };
    render_item(state, reader, &item).await.map(Some)
}

/// The page of `item`, whatever its state: readers get only visible ones
/// (above); the admin's "preview as reader" shows drafts through this too.
pub async fn render_item(state: &AppState, reader: &Reader, item: &Item) -> Result<Page, PageError> {
    let default_lang = &reader.settings.default_lang;
    let shown = pamir_core::reading::shown(&state.core, item.clone(), &reader.lang, default_lang, reader.now).await?;
    let view =
        ItemView::new(item, &reader.tree, &shown.media, &shown.tags, &shown.gallery, &shown.inline, reader.time());
    let canonical = view.card.url.clone();

    let mut alternates = Vec::new();
    for (lang, translation) in shown.translations_in() {
        let Some(tree) = reader.tree_for(&lang) else {
            continue; // A language the site no longer offers.
        };
        if tree.get(translation.category_id).is_some() {
            let url = urls::item(&translation.lang, tree, translation.category_id, &translation.slug);
            alternates.push((translation.lang.clone(), url));
        }
    }
    let description = pamir_content::plain_text(&item.teaser_markdown);
    let meta = Meta::item(&view, &description, &reader.origin, &reader.settings, reader.code());
    let page = reader.page(
        state,
        "item.html",
        ItemPage { item: view },
        Frame { canonical: &canonical, current_category: Some(item.category_id), alternates: &alternates, meta },
    )?;
    Ok(page)
}
