//! `/api/v1/categories` and `/api/v1/tags`: the site's structure in one language.

use super::cached;
use super::error::ApiError;
use super::items::language;
use super::views::{ApiCategory, ApiTag};
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// Language code; the site's default when absent.
    lang: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/categories", tag = "site", params(LangQuery),
    responses((status = 200, description = "Every category named in the language, in tree order", body = [ApiCategory])))]
pub async fn categories(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<LangQuery>,
) -> Result<Response, ApiError> {
    let (_, lang, tree) = language(&state, &headers, query.lang.as_deref()).await?;
    let categories: Vec<ApiCategory> = crate::view::category_options(&tree)
        .into_iter()
        .filter_map(|(id, _)| tree.get(id))
        .map(|c| ApiCategory {
            id: c.id,
            parent_id: c.parent_id,
            name: c.name.clone(),
            slug: c.slug.clone(),
            url: crate::view::urls::category(lang.as_str(), &tree, c.id),
        })
        .collect();
    Ok(cached::json(&headers, &categories))
}

#[utoipa::path(get, path = "/api/v1/tags", tag = "site", params(LangQuery),
    responses((status = 200, description = "Every tag named in the language", body = [ApiTag])))]
pub async fn tags(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<LangQuery>,
) -> Result<Response, ApiError> {
    let (site, lang, _) = language(&state, &headers, query.lang.as_deref()).await?;
    let tags: Vec<ApiTag> = pamir_db::tags::list(&state.core.db, site, &lang).await?.iter().map(ApiTag::from).collect();
    Ok(cached::json(&headers, &tags))
}
