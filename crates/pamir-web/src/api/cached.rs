//! Read answers are cacheable: a weak ETag from the body's hash (a reader
//! that has it gets 304) and a minute of freshness, like pages.

use axum::Json;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sha2::{Digest, Sha256};

pub fn json<T: Serialize>(request: &HeaderMap, value: &T) -> Response {
    let body = match serde_json::to_vec(value) {
        Ok(body) => body,
        Err(error) => return super::error::problem(StatusCode::INTERNAL_SERVER_ERROR, &error.to_string()),
    };
    let digest = Sha256::digest(&body);
    let tag = format!("W/\"{}\"", data_encoding::HEXLOWER.encode(&digest[..12]));
    let Ok(etag) = HeaderValue::from_str(&tag) else {
        return super::error::problem(StatusCode::INTERNAL_SERVER_ERROR, "etag");
    };
    let matches = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|list| list.split(',').any(|candidate| candidate.trim() == tag || candidate.trim() == "*"));
    let mut response = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response()
    };
    let headers = response.headers_mut();
    headers.insert(header::ETAG, etag);
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=60"));
    response
}

/// A write's answer: never cached.
pub fn created<T: Serialize>(status: StatusCode, value: &T) -> Response {
    let mut response = (status, Json(value)).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
