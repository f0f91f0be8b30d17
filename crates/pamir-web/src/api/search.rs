//! `/api/v1/search`: the site search as JSON, paged with cursors.

use super::cached;
use super::error::ApiError;
use super::items::{Filters, filters, language};
use super::views::{self, ApiItemSummary};
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use data_encoding::BASE64URL_NOPAD;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// The words to look for.
    q: String,
    /// Language code; the site's default when absent.
    lang: Option<String>,
    #[param(pattern = "^(article|op-ed|facts|event|photo-story)?$")]
    kind: Option<String>,
    #[param(minimum = 1)]
    category: Option<i64>,
    /// 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
    cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SearchResults {
    /// How many items match in all.
    pub total: usize,
    pub items: Vec<SearchHit>,
    pub next_cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SearchHit {
    pub item: ApiItemSummary,
    /// Escaped text with the matched words in `<mark>`.
    pub snippet_html: String,
}

/// Search results are ranked, so the cursor is a position in that ranking.
fn decode(cursor: &str) -> Option<usize> {
    let text = String::from_utf8(BASE64URL_NOPAD.decode(cursor.as_bytes()).ok()?).ok()?;
    text.strip_prefix("s1:")?.parse().ok()
}

#[utoipa::path(get, path = "/api/v1/search", tag = "items", params(SearchQuery),
    responses((status = 200, description = "Published items matching the words, best first", body = SearchResults),
              (status = 400, description = "A malformed filter or cursor", body = super::error::Problem)))]
pub async fn search(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<SearchQuery>,
) -> Result<Response, ApiError> {
    let (site, lang, tree) = language(&state, &headers, query.lang.as_deref()).await?;
    let Filters { limit, kind, category_ids } = filters(&tree, query.limit, query.kind.as_deref(), query.category)?;
    let offset = match query.cursor.as_deref().filter(|cursor| !cursor.is_empty()) {
        None => 0,
        Some(cursor) => {
            decode(cursor).ok_or_else(|| ApiError::bad_request("the cursor is not one this API gave out"))?
        }
    };
    let index = state.search.get(site)?;
    let request = pamir_core::search::Query {
        lang: lang.to_string(),
        text: query.q.chars().take(200).collect(),
        kind: kind.map(|k| k.as_str().to_owned()),
        category_ids,
        limit: limit as usize,
        offset,
    };
    let results = index.search(&state.core, request).await?;
    let now = state.core.clock.now();
    let ids: Vec<i64> = results.hits.iter().map(|hit| hit.item_id).collect();
    let visible = pamir_db::items::visible_by_ids(&state.core.db, site, &ids, now).await?;
    let items = results
        .hits
        .iter()
        .filter_map(|hit| {
            let item = visible.iter().find(|item| item.id == hit.item_id)?;
            Some(SearchHit { item: views::summary(item, &tree, now), snippet_html: hit.snippet_html.clone() })
        })
        .collect();
    let next = offset + limit as usize;
    let next_cursor = (next < results.total).then(|| BASE64URL_NOPAD.encode(format!("s1:{next}").as_bytes()));
    Ok(cached::json(&headers, &SearchResults { total: results.total, items, next_cursor }))
}
