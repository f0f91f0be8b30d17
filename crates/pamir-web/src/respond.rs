//! Building responses: pages handlers render, and bytes served from the cache
//! with the right encoding, validator and caching headers.

use crate::compress::{Encoding, Precompressed, negotiate};
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Pages may be reused by browsers for a minute, then revalidated with their ETag.
pub const PAGE_CACHE_CONTROL: &str = "public, max-age=60";
/// Fingerprinted assets never change under their name.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

pub const HTML: &str = "text/html; charset=utf-8";

/// Marks a response whose body is the same for every reader; it may be
/// cached under its canonical address (path, plus `?page=N` after the first).
#[derive(Debug, Clone)]
pub struct Cacheable {
    pub canonical: String,
}

/// A rendered public page and its canonical address.
pub struct Page {
    pub html: String,
    pub canonical: String,
}

impl Page {
    pub fn new(html: String, canonical: &str) -> Self {
        Self { html, canonical: canonical.to_owned() }
    }
}

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        let mut response = html(StatusCode::OK, self.html);
        response.extensions_mut().insert(Cacheable { canonical: self.canonical });
        response
    }
}

/// An HTML response that is not cached (a form with errors, for instance).
pub fn html(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, HeaderValue::from_static(HTML))], body).into_response()
}

/// Serves `body` in the encoding the request accepts, or `304 Not Modified`
/// when the request already holds this version.
pub fn precompressed(
    request: &HeaderMap,
    body: &Precompressed,
    content_type: &HeaderValue,
    cache_control: &'static str,
) -> Response {
    let mut response = if holds_current(request, &body.etag) {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::NOT_MODIFIED;
        response
    } else {
        let (bytes, encoding) = body.pick(negotiate(request.get(header::ACCEPT_ENCODING)));
        let mut response = Response::new(Body::from(bytes));
        if let Some(value) = encoding.header_value() {
            response.headers_mut().insert(header::CONTENT_ENCODING, value);
        }
        response.headers_mut().insert(header::CONTENT_TYPE, content_type.clone());
        response
    };
    let headers = response.headers_mut();
    headers.insert(header::ETAG, body.etag.clone());
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache_control));
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    response
}

/// Whether `If-None-Match` names this version (weak comparison, as RFC 9110 asks for it).
fn holds_current(request: &HeaderMap, etag: &HeaderValue) -> bool {
    let Some(wanted) = request.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let ours = etag.to_str().unwrap_or("").trim_start_matches("W/");
    wanted.split(',').map(|tag| tag.trim()).any(|tag| tag == "*" || tag.trim_start_matches("W/") == ours)
}

/// The encoding a response will be served in, for per-request compression of
/// pages that are not cached.
pub fn encoding_for(request: &HeaderMap) -> Encoding {
    negotiate(request.get(header::ACCEPT_ENCODING))
}
