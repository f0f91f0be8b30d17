//! `/{lang}/search?q=`: full-text search of the visible items in one
//! language, with filters by type and category and pages of ten. A plain
//! GET form, so it works without JavaScript; never cached, never indexed.

use crate::error::PageError;
use crate::public::Reader;
use crate::public::reader::{Frame, page_number, query_value};
use crate::state::AppState;
use crate::view::{DateView, Meta, urls};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use pamir_core::search::Query;
use pamir_domain::ItemKind;
use serde::Serialize;

pub const PAGE_SIZE: usize = 10;
/// Longer queries are cut: nobody types more, and the index need not parse it.
const MAX_QUERY_CHARS: usize = 200;

#[derive(Serialize)]
struct SearchPage {
    q: String,
    kind: String,
    category: String,
    kinds: Vec<(&'static str, String)>,
    categories: Vec<(i64, String)>,
    searched: bool,
    total: usize,
    results: Vec<ResultView>,
    previous: Option<String>,
    next: Option<String>,
    page: usize,
}

#[derive(Serialize)]
struct ResultView {
    title: String,
    url: String,
    kind_key: String,
    published: DateView,
    snippet_html: String,
    /// The item's picture, small beside the result; none: a text-only result.
    image: Option<crate::view::ImageView>,
}

/// The filters as the address gives them; a malformed one is a 400.
struct Filters {
    q: String,
    kind: Option<ItemKind>,
    category: Option<i64>,
}

fn filters(uri: &Uri, reader: &Reader) -> Result<Filters, PageError> {
    let q: String = query_value(uri, "q").unwrap_or_default().trim().chars().take(MAX_QUERY_CHARS).collect();
    let kind = match query_value(uri, "kind").as_deref() {
        None | Some("") => None,
        Some(kind) => Some(ItemKind::parse(kind).ok_or_else(|| PageError::BadRequest(format!("type {kind:?}")))?),
    };
    let category = match query_value(uri, "category").as_deref() {
        None | Some("") => None,
        Some(id) => {
            let id: i64 = id.parse().map_err(|_| PageError::BadRequest(format!("category {id:?}")))?;
            reader.tree.get(id).ok_or_else(|| PageError::BadRequest(format!("category {id}")))?;
            Some(id)
        }
    };
    Ok(Filters { q, kind, category })
}

pub async fn get(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Result<Response, PageError> {
    let reader = Reader::new(&state, &headers, &uri).await?;
    let filters = filters(&uri, &reader)?;
    let page = page_number(&uri)?.get() as usize;
    let mut view = SearchPage {
        q: filters.q.clone(),
        kind: filters.kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
        category: filters.category.map(|c| c.to_string()).unwrap_or_default(),
        kinds: ItemKind::ALL.iter().map(|k| (k.as_str(), format!("kind-{}", k.as_str()))).collect(),
        categories: crate::view::category_options(&reader.tree),
        searched: !filters.q.is_empty(),
        total: 0,
        results: Vec::new(),
        previous: None,
        next: None,
        page,
    };
    if view.searched {
        let search = state.search.get(reader.site)?;
        let query = Query {
            lang: reader.code().to_owned(),
            text: filters.q.clone(),
            kind: filters.kind.map(|k| k.as_str().to_owned()),
            category_ids: filters.category.map(|id| reader.tree.subtree_ids(id)).unwrap_or_default(),
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
        };
        let results = search.search(&state.core, query).await?;
        let ids: Vec<i64> = results.hits.iter().map(|hit| hit.item_id).collect();
        // The index holds every published item; the database says which may be shown now.
        let visible = pamir_db::items::visible_by_ids(&state.core.db, reader.site, &ids, reader.now).await?;
        let image_ids: Vec<i64> = visible.iter().filter_map(|item| item.image_id).collect();
        let settings = &reader.settings;
        let images =
            pamir_db::media::get_many(&state.core.db, &image_ids, &reader.lang, &settings.default_lang).await?;
        view.results = results
            .hits
            .iter()
            .filter_map(|hit| {
                let item = visible.iter().find(|item| item.id == hit.item_id)?;
                reader.tree.get(item.category_id)?;
                Some(ResultView {
                    title: item.title.clone(),
                    url: urls::item(reader.code(), &reader.tree, item.category_id, &item.slug),
                    kind_key: format!("kind-{}", item.kind.as_str()),
                    published: DateView::new(reader.code(), reader.time(), item.published_at),
                    snippet_html: hit.snippet_html.clone(),
                    image: item
                        .image_id
                        .and_then(|id| images.iter().find(|m| m.id == id))
                        .map(crate::view::ImageView::from),
                })
            })
            .collect();
        view.total = results.total;
        let link = |n: usize| {
            let mut url = format!("{}?q={}", urls::search(reader.code()), encode(&view.q));
            if !view.kind.is_empty() {
                url += &format!("&kind={}", view.kind);
            }
            if !view.category.is_empty() {
                url += &format!("&category={}", view.category);
            }
            if n > 1 {
                url += &format!("&page={n}");
            }
            url
        };
        view.previous = (page > 1).then(|| link(page - 1));
        view.next = (page * PAGE_SIZE < results.total).then(|| link(page + 1));
        if page > 1 && results.hits.is_empty() {
            return Err(PageError::NotFound);
        }
    }
    let canonical = urls::search(reader.code());
    let alternates: Vec<(String, String)> =
        reader.settings.languages.iter().map(|l| (l.to_string(), urls::search(l.as_str()))).collect();
    let mut meta = Meta::website(&crate::i18n::text(reader.code(), "search-title", &[]));
    meta.noindex = true;
    let frame = Frame { canonical: &canonical, current_category: None, alternates: &alternates, meta };
    let html = reader.render(&state, "search.html", view, &frame)?;
    // Not a `Page`: results change with every edit, and each query would be its own cache entry.
    Ok(crate::respond::html(StatusCode::OK, html))
}

fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}
