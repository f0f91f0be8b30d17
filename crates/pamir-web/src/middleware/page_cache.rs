//! Render once, serve many: public GET pages are answered from memory with
//! their precompressed bytes. Pages not cached (forms with errors, error
//! pages, addresses that are not a page's canonical one) are compressed on
//! the way out instead.

use crate::cache::CachedPage;
use crate::compress::{Encoding, Precompressed};
use crate::public::reader::{query_value, site_of};
use crate::respond::{Cacheable, PAGE_CACHE_CONTROL, encoding_for, precompressed};
use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use pamir_domain::SiteId;
use std::time::Duration;

/// How long a page that is not cached waits for a render slot before the
/// reader is told to come back (503 with `Retry-After`).
const RENDER_WAIT: Duration = Duration::from_secs(2);

/// Largest page body we are willing to buffer for caching or compression.
const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;
/// Pages are compressed once at fill time, on the reader's time. Quality 4
/// takes a quarter of a millisecond for a page; from 5 up the encoder sets
/// up large tables that cost ten times more, for about 5% fewer bytes
/// (measured by `cargo bench -p pamir-web`).
const PAGE_BROTLI_QUALITY: u32 = 4;

pub async fn serve(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let cacheable_request = matches!(*request.method(), Method::GET | Method::HEAD);
    let site = site_of(&state, request.headers()).ok().filter(|_| cacheable_request);
    let address = page_address(&request);
    // Pages carry absolute links made from the origin, so it is part of the key.
    let key = format!("{}{address}", crate::public::reader::origin(&state, request.headers()));
    if let Some(site) = site
        && let Some(page) = state.cache.get(site, &key)
    {
        return precompressed(request.headers(), &page.body, &page.content_type, PAGE_CACHE_CONTROL);
    }
    // A public page to render: wait for a slot (the admin, the API, files
    // and health checks never queue behind readers).
    let _slot = if site.is_some() && is_public_page(request.uri().path()) {
        match tokio::time::timeout(RENDER_WAIT, state.renders.clone().acquire_owned()).await {
            Ok(Ok(slot)) => Some(slot),
            _ => return busy(),
        }
    } else {
        None
    };
    // Taken before rendering, so that neither a concurrent edit nor a
    // schedule transition during the render can leave a stale page behind.
    let ticket = state.cache.ticket();
    let horizon = match site {
        Some(site) => schedule_horizon(&state, site).await,
        None => None,
    };
    let request_headers = request.headers().clone();
    let response = next.run(request).await;
    let (parts, body) = response.into_parts();
    let is_html = parts.headers.get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if !is_html || parts.headers.contains_key(header::CONTENT_ENCODING) {
        return Response::from_parts(parts, body);
    }
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PAGE_BYTES).await else {
        return crate::error::PageError::Internal("page too large to send".into()).into_response();
    };
    let canonical = parts.extensions.get::<Cacheable>().map(|c| c.canonical.as_str());
    match site {
        // Only a page asked for by its canonical address is stored, so
        // variations of an address cannot fill the cache.
        Some(site) if parts.status.is_success() && canonical == Some(address.as_str()) => {
            let content_type = parts
                .headers
                .get(header::CONTENT_TYPE)
                .cloned()
                .unwrap_or(HeaderValue::from_static(crate::respond::HTML));
            let compressed = tokio::task::spawn_blocking(move || Precompressed::new(bytes, PAGE_BROTLI_QUALITY)).await;
            let Ok(body) = compressed else {
                return crate::error::PageError::Internal("compression failed".into()).into_response();
            };
            let page = CachedPage { body, content_type };
            let response = precompressed(&request_headers, &page.body, &page.content_type, PAGE_CACHE_CONTROL);
            state.cache.insert(site, key, page, ticket, horizon);
            response
        }
        _ => compress_once(&request_headers, parts, bytes),
    }
}

/// Whether the address is one of the readers' pages (not the admin, the
/// API, a file or a probe).
fn is_public_page(path: &str) -> bool {
    !["/admin", "/api/", "/media/", "/assets/", "/healthz", "/metrics"].iter().any(|prefix| path.starts_with(prefix))
}

/// All render slots taken for longer than a reader should wait.
fn busy() -> Response {
    let mut response =
        (StatusCode::SERVICE_UNAVAILABLE, "The site is busy; please try again in a few seconds.\n").into_response();
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The site's next scheduled transition, when the cache does not know it yet.
async fn schedule_horizon(state: &AppState, site: SiteId) -> Option<Option<i64>> {
    if state.cache.knows_schedule(site) {
        return None;
    }
    let now = state.core.clock.now();
    match pamir_db::items::next_transition(&state.core.db, site, now).await {
        Ok(next) => Some(next.map(|at| at.timestamp())),
        Err(error) => {
            tracing::warn!(%error, "schedule unknown; page not cached");
            None
        }
    }
}

/// The path plus the only query parameter pages read.
fn page_address(request: &Request) -> String {
    let path = request.uri().path();
    match query_value(request.uri(), "page") {
        Some(page) => format!("{path}?page={page}"),
        None => path.to_owned(),
    }
}

fn compress_once(request_headers: &HeaderMap, mut parts: axum::http::response::Parts, bytes: Bytes) -> Response {
    let encoding = encoding_for(request_headers);
    let body = match encoding {
        Encoding::Gzip if bytes.len() > 512 => Bytes::from(crate::compress::gzip(&bytes)),
        Encoding::Brotli if bytes.len() > 512 => Bytes::from(crate::compress::brotli(&bytes, PAGE_BROTLI_QUALITY)),
        _ => return Response::from_parts(parts, Body::from(bytes)),
    };
    if let Some(value) = encoding.header_value() {
        parts.headers.insert(header::CONTENT_ENCODING, value);
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    Response::from_parts(parts, Body::from(body))
}
