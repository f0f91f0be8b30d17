//! The public JSON API at `/api/v1/`: reads of published content for
//! anyone, paginated with cursors and cacheable (ETag); writes with a
//! bearer token, through the same use cases, permissions and audit log as
//! the admin. Its OpenAPI document is generated from this code.
//!
//! - [`items`]: items, listed, read, created, updated, published
//! - [`taxonomy`]: categories and tags
//! - [`media`]: media files and uploads
//! - [`search`]: the site search
//! - [`views`]: what the API sends; [`error`]: JSON errors and bodies;
//!   [`auth`]: bearer tokens; [`cursor`], [`cached`]: paging and ETags

pub mod auth;
pub mod cached;
pub mod cursor;
pub mod error;
pub mod items;
pub mod media;
pub mod search;
pub mod taxonomy;
pub mod views;

use crate::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use utoipa::OpenApi;

/// Item bodies are text; two megabytes is a book.
const MAX_JSON_BYTES: usize = 2 * 1024 * 1024;

/// Every API address with its methods. The OpenAPI test walks this list,
/// and `routes` is written from it, so neither can miss one.
pub const ENDPOINTS: &[(&str, &[&str])] = &[
    ("/api/v1/items", &["get", "post"]),
    ("/api/v1/items/{id}", &["get", "put"]),
    ("/api/v1/items/{id}/publish", &["post"]),
    ("/api/v1/items/{id}/unpublish", &["post"]),
    ("/api/v1/categories", &["get"]),
    ("/api/v1/tags", &["get"]),
    ("/api/v1/media", &["post"]),
    ("/api/v1/media/{id}", &["get"]),
    ("/api/v1/search", &["get"]),
    ("/api/v1/openapi.json", &["get"]),
];

pub fn routes() -> Router<AppState> {
    let json = Router::new()
        .route(ENDPOINTS[0].0, get(items::list).post(items::create))
        .route(ENDPOINTS[1].0, get(items::get).put(items::update))
        .route(ENDPOINTS[2].0, post(items::publish))
        .route(ENDPOINTS[3].0, post(items::unpublish))
        .route(ENDPOINTS[4].0, get(taxonomy::categories))
        .route(ENDPOINTS[5].0, get(taxonomy::tags))
        .route(ENDPOINTS[7].0, get(media::get))
        .route(ENDPOINTS[8].0, get(search::search))
        .route(ENDPOINTS[9].0, get(openapi))
        .layer(DefaultBodyLimit::max(MAX_JSON_BYTES));
    let uploads = Router::new()
        .route(ENDPOINTS[6].0, post(media::upload))
        .layer(DefaultBodyLimit::max(crate::admin::media::MAX_UPLOAD_BYTES));
    json.merge(uploads)
}

#[derive(OpenApi)]
#[openapi(
    info(title = "pamir API", version = "1", description = "Published content of a pamir site; writes with a bearer token from `pamir token create`."),
    paths(
        items::list, items::get, items::create, items::update, items::publish, items::unpublish,
        taxonomy::categories, taxonomy::tags, media::get, media::upload, search::search, openapi
    ),
    components(schemas(
        error::Problem, error::FieldProblem, items::ItemList, items::ItemWrite, items::SourceWrite,
        items::EventWrite, items::VersionBody, views::ApiItem, views::ApiItemSummary, views::ApiMedia,
        views::ApiVariant, views::ApiTag, views::ApiCategory, views::ApiSource, views::ApiEvent,
        views::ApiTranslation, search::SearchResults, search::SearchHit
    )),
    modifiers(&BearerTokens)
)]
pub struct ApiDoc;

/// Declares the `bearer` security scheme the write endpoints name.
struct BearerTokens;

impl utoipa::Modify for BearerTokens {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A token from `pamir token create`"))
                    .build(),
            ),
        );
    }
}

#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "This document", content_type = "application/json")))]
pub async fn openapi() -> Response {
    match ApiDoc::openapi().to_json() {
        Ok(json) => ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], json).into_response(),
        Err(error) => error::problem(axum::http::StatusCode::INTERNAL_SERVER_ERROR, &error.to_string()),
    }
}
