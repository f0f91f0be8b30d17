//! Refusing requests no reader sends: overlong addresses and queries, and
//! bodies declared larger than any route takes.

use crate::error::PageError;
use axum::extract::Request;
use axum::http::header;
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

/// The largest body any route takes: an upload with its form.
pub const MAX_DECLARED_BYTES: usize = crate::admin::media::MAX_UPLOAD_BYTES;

/// A body whose `Content-Length` is over every route's limit is refused
/// before a byte of it is read (else the connection would wait for it).
/// Each route's own, smaller, limit holds as its body arrives, declared or
/// not.
pub async fn declared_length(request: Request, next: Next) -> Response {
    let declared =
        request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok());
    if declared.is_some_and(|length| length > MAX_DECLARED_BYTES as u64) {
        return PageError::PayloadTooLarge.into_response();
    }
    next.run(request).await
}
