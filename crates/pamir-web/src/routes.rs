//! The route table: every address the site answers, and the middleware
//! around them.

use crate::middleware::{error_pages, limits, metrics, moved, page_cache, security_headers};
use crate::public::{assets, calendar, contact, feed, front, health, item, media, path, root, search, sitemap, tag};
use crate::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::get;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;

/// No page takes this long unless something is wrong; the reader gets a themed 503.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Forms are small; anything larger is refused before it is read.
const MAX_BODY_BYTES: usize = 64 * 1024;

pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/", get(root::get))
        .route("/healthz", get(health::get))
        .route("/robots.txt", get(sitemap::robots))
        .route("/sitemap.xml", get(sitemap::index))
        .route("/sitemaps/{file}", get(sitemap::part))
        .route("/metrics", get(metrics::get))
        .route("/assets/{file}", get(assets::get))
        .route("/media/{*path}", get(media::get))
        .merge(crate::admin::routes(&state))
        .merge(crate::api::routes())
        .route("/items/{id}", get(item::by_id))
        .route("/{lang}", get(front::redirect))
        .route("/{lang}/", get(front::get))
        .route("/{lang}/events.ics", get(calendar::upcoming))
        .route("/{lang}/feed.atom", get(feed::atom))
        .route("/{lang}/feed.rss", get(feed::rss))
        .route("/{lang}/contact", get(contact::get).post(contact::post))
        .route("/{lang}/contact/thanks", get(contact::thanks))
        .route("/{lang}/tags/{tag}", get(tag::get))
        .route("/{lang}/search", get(search::get))
        .route("/{lang}/{*path}", get(path::get))
        .fallback(error_pages::not_found)
        // Innermost first: each layer wraps everything above it.
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, REQUEST_TIMEOUT))
        .layer(CatchPanicLayer::custom(error_pages::panic_response))
        .layer(from_fn(limits::uri_length))
        .layer(from_fn(limits::declared_length))
        .layer(from_fn_with_state(state.clone(), moved::redirect_unknown))
        .layer(from_fn_with_state(state.clone(), error_pages::theme))
        .layer(from_fn_with_state(state.clone(), page_cache::serve))
        .layer(from_fn_with_state(state.clone(), metrics::observe))
        .layer(from_fn_with_state(state.clone(), security_headers::add))
        .with_state(state)
}
