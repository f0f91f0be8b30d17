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
    modifiers(&BearerTokens, &Problems)
)]
pub struct ApiDoc;

/// Every error the API answers is a problem document (RFC 9457), and each
/// operation lists the errors any request to it can meet, so that a client
/// (and the conformance run in CI) finds every status it gets documented:
/// a malformed address, query or body (400), nothing with that id (404),
/// and for writes no token (401), a role that may not (403), too large a
/// body (413), one that is not JSON (415) and one that breaks a rule (422).
struct Problems;

impl utoipa::Modify for Problems {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response};
        for (path, item) in openapi.paths.paths.iter_mut() {
            let names_one = path.contains('{');
            let lang_param = path != "/api/v1/openapi.json";
            for operation in [&mut item.get, &mut item.put, &mut item.post, &mut item.delete].into_iter().flatten() {
                let writes = operation.security.as_ref().is_some_and(|security| !security.is_empty());
                let mut general: Vec<(&str, &str)> = Vec::new();
                general.push(("414", "The address is longer than the site takes"));
                if lang_param {
                    general.push(("400", "A malformed address, query or body"));
                    general.push(("404", "Nothing here has that id, or the site has no such language"));
                }
                if writes {
                    general.extend([
                        ("401", "No token, or one that is not valid"),
                        ("403", "The token's role may not do this"),
                        ("413", "The body is larger than the API takes"),
                        ("415", "The body is not of the type this operation takes"),
                        ("422", "The body breaks a rule: each broken rule with its field"),
                    ]);
                }
                if names_one && writes {
                    general.push(("409", "The version sent is not the item's current one"));
                }
                let responses = &mut operation.responses.responses;
                for (status, description) in general {
                    responses.entry(status.to_owned()).or_insert_with(|| RefOr::T(Response::new(description)));
                }
                for (status, response) in responses.iter_mut() {
                    if let RefOr::T(response) = response
                        && (status.starts_with('4') || status.starts_with('5'))
                    {
                        response.content.clear();
                        let problem = ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build();
                        response.content.insert("application/problem+json".to_owned(), problem);
                    }
                }
            }
        }
    }
}

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
