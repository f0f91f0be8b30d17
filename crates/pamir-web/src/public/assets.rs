//! `/assets/{name}.{hash}.{ext}`: the theme's static files, fingerprinted,
//! precompressed and cached by browsers for a year.

use crate::error::PageError;
use crate::respond::{IMMUTABLE, precompressed};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> Result<Response, PageError> {
    let asset = state.theme.asset(&name).ok_or(PageError::NotFound)?;
    Ok(precompressed(&headers, &asset.body, &asset.content_type, IMMUTABLE))
}
