//! An item page: title, byline, dateline, body, and the fields of its kind.

use crate::error::PageError;
use crate::public::Reader;
use crate::public::listing;
use crate::public::reader::Frame;
use crate::respond::Page;
use crate::state::AppState;
use crate::view::item::LinkView;
use crate::view::{ItemCard, ItemView, Meta, urls};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pamir_domain::Item;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Serialize)]
struct ItemPage {
    item: ItemView,
    /// The teaser above the text as a standfirst, unless the text begins with it already.
    standfirst: bool,
    /// Other items of the same category, newest first.
    related: Vec<ItemCard>,
    /// Links that share the page, needing no script of the networks'.
    share: Vec<LinkView>,
    /// The page's absolute address, printed under a printed article.
    address: String,
}

/// How many related items close an item page.
const RELATED: usize = 3;

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

/// The current address of each linked item, in its own language's tree.
fn addresses(reader: &Reader, linked: &[Item]) -> HashMap<i64, String> {
    linked
        .iter()
        .filter_map(|item| {
            let tree = reader.tree_for(&item.lang)?;
            tree.get(item.category_id)?;
            Some((item.id, urls::item(item.lang.as_str(), tree, item.category_id, &item.slug)))
        })
        .collect()
}

/// `GET /items/{id}`: the stable address of an item, which the editor's
/// links between items use: 301 to where the item is now.
pub async fn by_id(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::NotFound)?;
    let site = crate::public::reader::site_of(&state, &headers)?;
    let now = state.core.clock.now();
    let Some(item) = pamir_core::reading::visible_by_id(&state.core, site, id, now).await? else {
        return Err(PageError::NotFound);
    };
    let tree = state.sites.tree(site, &item.lang).await?;
    if tree.get(item.category_id).is_none() {
        return Err(PageError::NotFound);
    }
    let location = urls::item(item.lang.as_str(), &tree, item.category_id, &item.slug);
    let location = HeaderValue::from_str(&location).map_err(|e| PageError::Internal(e.to_string()))?;
    Ok((StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, location)]).into_response())
}

/// The page of `item`, whatever its state: readers get only visible ones
/// (above); the admin's "preview as reader" shows drafts through this too.
pub async fn render_item(state: &AppState, reader: &Reader, item: &Item) -> Result<Page, PageError> {
    let default_lang = &reader.settings.default_lang;
    let shown = pamir_core::reading::shown(&state.core, item.clone(), &reader.lang, default_lang, reader.now).await?;
    let view = ItemView::new(&shown, &reader.tree, reader.time(), &addresses(reader, &shown.linked));
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
    let category = [item.category_id];
    let related = listing::first(state, reader, pamir_db::items::Listing::Categories(&category), RELATED as u32 + 1)
        .await?
        .into_iter()
        .filter(|card| card.url != canonical)
        .take(RELATED)
        .collect();
    let address = format!("{}{canonical}", reader.origin);
    let share = share_links(&address, &item.title, reader.code());
    let standfirst = !item.teaser_above_body && !item.teaser_html.trim().is_empty();
    let page = reader.page(
        state,
        "item.html",
        ItemPage { item: view, standfirst, related, share, address },
        Frame { canonical: &canonical, current_category: Some(item.category_id), alternates: &alternates, meta },
    )?;
    Ok(page)
}

/// Share links of the networks readers in the region use, and e-mail: plain
/// addresses, so no network's script runs on the page or learns of the visit
/// before the reader clicks.
fn share_links(address: &str, title: &str, lang: &str) -> Vec<LinkView> {
    let encode =
        |text: &str| percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string();
    let (url, text) = (encode(address), encode(title));
    [
        ("Facebook", format!("https://www.facebook.com/sharer/sharer.php?u={url}")),
        ("Telegram", format!("https://t.me/share/url?url={url}&text={text}")),
        ("WhatsApp", format!("https://wa.me/?text={text}%20{url}")),
        ("X", format!("https://x.com/intent/post?url={url}&text={text}")),
        ("", format!("mailto:?subject={text}&body={url}")),
    ]
    .into_iter()
    .map(|(name, url)| LinkView {
        name: if name.is_empty() { crate::i18n::text(lang, "share-email", &[]) } else { name.to_owned() },
        url,
    })
    .collect()
}
