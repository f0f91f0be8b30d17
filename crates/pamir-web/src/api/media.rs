//! `/api/v1/media`: one media file's description and renditions; uploads
//! with a token (the image as the raw body, its words as query parameters).

use super::auth::TokenUser;
use super::cached;
use super::error::{ApiError, ApiPath};
use super::views::ApiMedia;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use pamir_core::media::{Upload, UploadRefused};
use std::collections::BTreeMap;

#[utoipa::path(get, path = "/api/v1/media/{id}", tag = "media", params(("id" = i64, Path, description = "Media id"),
    ("lang" = Option<String>, Query, description = "Language of the alternative text and caption")),
    responses((status = 200, description = "The media file", body = ApiMedia),
              (status = 404, description = "No such media", body = super::error::Problem)))]
pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    Query(query): Query<BTreeMap<String, String>>,
) -> Result<Response, ApiError> {
    let (site, lang, _) = super::items::language(&state, &headers, query.get("lang").map(String::as_str)).await?;
    let settings = state.sites.settings(site).await?;
    let media = pamir_db::media::get_many(&state.core.db, &[id], &lang, &settings.default_lang).await?;
    let media = media.first().ok_or_else(|| ApiError::not_found(&format!("media {id}")))?;
    // Media of another site is as absent as media that does not exist.
    if pamir_db::media::exists(&state.core.db, site, &media.path).await?.is_none() {
        return Err(ApiError::not_found(&format!("media {id}")));
    }
    Ok(cached::json(&headers, &ApiMedia::from(media)))
}

#[utoipa::path(post, path = "/api/v1/media", tag = "media", security(("bearer" = [])),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The image file: JPEG, PNG, WebP or GIF"),
    params(("name" = Option<String>, Query, description = "The file's name, for the stored file's name"),
           ("alt_en" = Option<String>, Query, description = "Alternative text per language: alt_en, alt_ru, ..."),
           ("caption_en" = Option<String>, Query, description = "Caption per language: caption_en, ..."),
           ("credit" = Option<String>, Query, description = "Photographer or source"),
           ("decorative" = Option<bool>, Query, description = "true when the image needs no alternative text")),
    responses((status = 201, description = "Stored, with its renditions", body = ApiMedia),
              (status = 413, description = "Over 20 MB", body = super::error::Problem),
              (status = 422, description = "Not an accepted image, or no alternative text", body = super::error::Problem)))]
pub async fn upload(
    State(state): State<AppState>,
    user: TokenUser,
    Query(query): Query<BTreeMap<String, String>>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let settings = state.sites.settings(user.site).await?;
    let get = |name: &str| query.get(name).cloned().unwrap_or_default();
    let texts = settings
        .languages
        .iter()
        .map(|l| (l.to_string(), get(&format!("alt_{l}")), get(&format!("caption_{l}"))))
        .collect();
    let upload = Upload {
        site: user.site,
        bytes: body.to_vec(),
        file_name: get("name"),
        texts,
        credit: get("credit"),
        decorative: matches!(query.get("decorative").map(String::as_str), Some("true" | "1" | "on")),
    };
    let id = match pamir_core::media::upload(&state.core, &user.actor, upload).await {
        Ok(id) => id,
        Err(UploadRefused::File(problem)) => {
            return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, problem.to_string()));
        }
        Err(UploadRefused::Core(error)) => return Err(error.into()),
    };
    let media =
        pamir_db::media::get_many(&state.core.db, &[id], &settings.default_lang, &settings.default_lang).await?;
    let media = media.first().ok_or_else(|| ApiError::not_found("the stored media"))?;
    Ok(cached::created(StatusCode::CREATED, &ApiMedia::from(media)))
}
