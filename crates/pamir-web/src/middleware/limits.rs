//! Refusing requests no reader sends: overlong addresses and queries.

use crate::error::PageError;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Longer than any real page address or query.
pub const MAX_URI_BYTES: usize = 2048;
pub const MAX_QUERY_BYTES: usize = 1024;

pub async fn uri_length(request: Request, next: Next) -> Response {
    let uri = request.uri();
    let too_long = uri.path().len() > MAX_URI_BYTES || uri.query().is_some_and(|q| q.len() > MAX_QUERY_BYTES);
    if too_long {
        return PageError::UriTooLong.into_response();
    }
    next.run(request).await
}
