//! Every error a reader can meet, themed: the site's chrome, the reader's
//! language (from the address, else the site's default), a plain explanation
//! and a way back. Covers handler errors, framework rejections (405, 413,
//! bad forms), unknown addresses and panics alike.

use crate::error::ErrorPage;
use crate::state::AppState;
use crate::view::chrome;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use pamir_domain::Lang;

pub async fn theme(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let first_segment = request.uri().path().trim_start_matches('/').split('/').next().unwrap_or("").to_owned();
    if first_segment == "api" {
        return api_errors(next.run(request).await);
    }
    let host = request.headers().get(header::HOST).cloned();
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let marker = response.extensions().get::<ErrorPage>().copied();
    let content_type = response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let already_html = content_type.starts_with("text/html");
    // The admin's scripts (the editor's image upload) get their refusals as
    // JSON, which they show in place.
    let admin_json = first_segment == "admin" && content_type.starts_with("application/json");
    if marker.is_none() && (already_html || admin_json) {
        return response;
    }
    let page = marker.unwrap_or(ErrorPage::new(status));
    let body = match render(&state, host.as_ref(), &first_segment, page).await {
        Ok(html) => html,
        Err(error) => {
            tracing::error!(%error, "error page could not be themed");
            format!(
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{0}</title></head>\
                 <body><main><h1>{0}</h1></main></body></html>",
                status
            )
        }
    };
    let mut themed =
        (status, [(header::CONTENT_TYPE, HeaderValue::from_static(crate::respond::HTML))], body).into_response();
    // Keep what the framework said that matters to clients.
    for name in [header::ALLOW, header::RETRY_AFTER] {
        if let Some(value) = response.headers().get(&name) {
            themed.headers_mut().insert(name, value.clone());
        }
    }
    themed.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    themed
}

async fn render(
    state: &AppState,
    host: Option<&HeaderValue>,
    first_segment: &str,
    page: ErrorPage,
) -> Result<String, Box<dyn std::error::Error>> {
    let site = state.sites.resolve(host.and_then(|h| h.to_str().ok())).ok_or("no site answers this host")?;
    let settings = state.sites.settings(site).await?;
    let lang = Lang::parse(first_segment).ok().filter(|l| settings.offers(l)).unwrap_or(settings.default_lang.clone());
    let tree = state.sites.tree(site, &lang).await?;
    let now = state.core.clock.now();
    let logo = crate::public::reader::logo(state, &settings, &lang).await?;
    let status = page.status;
    let (title_key, body_key) = page.text.map(|(t, b)| (t.to_owned(), b.to_owned())).unwrap_or_else(|| {
        let code = match status.as_u16() {
            code @ (400 | 404 | 405 | 413 | 414 | 429 | 500 | 503) => code,
            code if code >= 500 => 500,
            _ => 400,
        };
        (format!("error-{code}-title"), format!("error-{code}-body"))
    });
    let context = minijinja::context! {
        lang => lang.as_str(),
        chrome => minijinja::value::Serde(
            chrome(&settings, &lang, &tree, None, &[], &[], now)
                .with_look(state.theme.stylesheet(settings.identity.brand_colour), logo),
        ),
        canonical => "",
        origin => "",
        meta => minijinja::value::Serde(crate::view::Meta::default()),
        status => status.as_u16(),
        title_key => title_key,
        body_key => body_key,
    };
    Ok(state.theme.render("error.html", context)?)
}

/// What a panic becomes: a 500 that the middleware above themes.
pub fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    let mut response = StatusCode::INTERNAL_SERVER_ERROR.into_response();
    response.extensions_mut().insert(ErrorPage::new(StatusCode::INTERNAL_SERVER_ERROR));
    response
}

/// Addresses no route knows.
pub async fn not_found() -> Response {
    crate::error::PageError::NotFound.into_response()
}

/// The API answers every error in JSON: its own errors already are; the
/// framework's (unknown address, wrong method, body too large, a panic) are
/// turned into the same shape here.
fn api_errors(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json") || v.starts_with("application/problem+json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let message = match status {
        StatusCode::NOT_FOUND => "no such API address; see /api/v1/openapi.json",
        StatusCode::METHOD_NOT_ALLOWED => "this address does not take that method; see /api/v1/openapi.json",
        StatusCode::PAYLOAD_TOO_LARGE => "the body is larger than this endpoint accepts",
        _ => status.canonical_reason().unwrap_or("error"),
    };
    let mut json = crate::api::error::problem(status, message);
    if let Some(allow) = response.headers().get(header::ALLOW) {
        json.headers_mut().insert(header::ALLOW, allow.clone());
    }
    json
}
