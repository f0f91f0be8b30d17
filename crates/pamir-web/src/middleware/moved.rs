//! Old addresses from the system a site moved from answer with a 301 to
//! their new place; addresses nobody knows are counted, for an editor to
//! map in the admin. Only reader pages are looked at: never the admin, the
//! API or assets.

use crate::public::reader::site_of;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Addresses that are never an old site's.
fn ours(path: &str) -> bool {
    ["/admin", "/api/", "/assets/", "/media/", "/healthz", "/metrics", "/favicon.ico"]
        .iter()
        .any(|p| path.starts_with(p))
}

pub async fn redirect_unknown(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET || ours(request.uri().path()) {
        return next.run(request).await;
    }
    let Ok(site) = site_of(&state, request.headers()) else { return next.run(request).await };
    let spellings = pamir_core::redirects::spellings(request.uri().path(), request.uri().query());
    let old = spellings[0].clone();
    // Old query-string addresses (`/?p=12`, `/index.php?option=...`) land on
    // pages that exist, so they are looked up before the page answers.
    let query_address =
        request.uri().query().is_some() && (old.starts_with("/?") || request.uri().path().starts_with("/index.php"));
    if query_address && let Ok(Some(target)) = follow(&state, site, &spellings).await {
        return moved_permanently(&target);
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::NOT_FOUND {
        return response;
    }
    match follow(&state, site, &spellings).await {
        Ok(Some(target)) => moved_permanently(&target),
        Ok(None) => {
            let now = state.core.clock.now().timestamp();
            let path: String = old.chars().take(500).collect();
            if let Err(error) = pamir_db::redirects::record_not_found(&state.core.db, site, &path, now).await {
                tracing::warn!(%error, "unknown address not recorded");
            }
            response
        }
        Err(error) => {
            tracing::warn!(%error, "redirects not looked up");
            response
        }
    }
}

/// The first redirect stored under any spelling of the old address.
async fn follow(
    state: &AppState,
    site: pamir_domain::SiteId,
    spellings: &[String],
) -> Result<Option<String>, pamir_db::DbError> {
    for old in spellings {
        if let Some(target) = pamir_db::redirects::follow(&state.core.db, site, old).await? {
            return Ok(Some(target));
        }
    }
    Ok(None)
}

/// A 301, which every crawler and old browser understands as "moved for good".
/// Non-ASCII targets (Cyrillic slugs) are sent percent-encoded, as a
/// header must be.
fn moved_permanently(target: &str) -> Response {
    let mut encoded = String::with_capacity(target.len());
    for byte in target.bytes() {
        if byte.is_ascii_graphic() {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    match HeaderValue::from_str(&encoded) {
        Ok(location) => (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, location)]).into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}
