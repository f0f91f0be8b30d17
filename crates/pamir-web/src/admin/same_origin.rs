//! The admin's first wall against forged requests: an unsafe request
//! (POST, PUT, PATCH, DELETE) whose browser says it comes from another site
//! is refused before any handler runs, sign-in and sign-out included (a
//! forged sign-in would put a victim into the attacker's account). The
//! form's CSRF token stays the second wall.
//!
//! The browser's word is, in order: `Origin`; without it `Sec-Fetch-Site`;
//! without both, `Referer`. A request with none of them comes from no
//! browser page (curl, a script), so nothing was forged and it passes on to
//! the CSRF token check.

use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// What the request's headers say about where it was sent from.
#[derive(Debug, PartialEq, Eq)]
pub enum Sender {
    /// A page of this site, or the reader typing the address.
    ThisSite,
    /// No browser page: no `Origin`, `Sec-Fetch-Site` or `Referer`.
    Unknown,
    /// Another site, or an opaque (`null`) origin; the header that said so.
    Elsewhere(String),
}

pub async fn refuse_other_sites(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method().is_safe() {
        return next.run(request).await;
    }
    match sender(&state, request.headers()) {
        Sender::ThisSite | Sender::Unknown => next.run(request).await,
        Sender::Elsewhere(said) => {
            tracing::warn!(method = %request.method(), path = request.uri().path(), sender = %said,
                "refused an admin request sent from another site");
            super::AdminError::CrossSite.into_response()
        }
    }
}

/// Where the request was sent from, judged against the site's own host names.
pub fn sender(state: &AppState, headers: &HeaderMap) -> Sender {
    let own = own_hosts(state, headers);
    let is_own = |url: &str| authority(url).is_some_and(|host| own.iter().any(|own| own.eq_ignore_ascii_case(host)));
    let text = |name: header::HeaderName| headers.get(name).and_then(|value| value.to_str().ok());
    if let Some(origin) = text(header::ORIGIN) {
        return if is_own(origin) { Sender::ThisSite } else { Sender::Elsewhere(format!("Origin: {origin}")) };
    }
    if let Some(fetch_site) = headers.get("sec-fetch-site").and_then(|value| value.to_str().ok()) {
        // "none" is the reader's own action: a bookmark or a typed address.
        return match fetch_site {
            "same-origin" | "none" => Sender::ThisSite,
            other => Sender::Elsewhere(format!("Sec-Fetch-Site: {other}")),
        };
    }
    match text(header::REFERER) {
        Some(referer) if is_own(referer) => Sender::ThisSite,
        Some(referer) => Sender::Elsewhere(format!("Referer: {referer}")),
        None => Sender::Unknown,
    }
}

/// The host names (with port) this site answers as: the configured public
/// address, and the Host the request was sent to (which a page of another
/// site cannot choose), or the proxy's forwarded host when it is trusted.
fn own_hosts<'a>(state: &'a AppState, headers: &'a HeaderMap) -> Vec<&'a str> {
    let mut hosts: Vec<&str> = state.config.base_url.as_deref().and_then(authority).into_iter().collect();
    let forwarded = if state.config.trust_forwarded_for { headers.get("x-forwarded-host") } else { None }.into_iter();
    hosts.extend(
        headers.get(header::HOST).into_iter().chain(forwarded).filter_map(|value| value.to_str().ok()).map(str::trim),
    );
    hosts
}

/// `host[:port]` of an absolute http(s) URL; `None` for `null` and anything else.
fn authority(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    // user:password@host is no browser's Origin; its host is after the @.
    let host = host.rsplit('@').next().unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::authority;

    #[test]
    fn the_authority_is_host_and_port_of_http_urls_only() {
        assert_eq!(authority("https://example.org"), Some("example.org"));
        assert_eq!(authority("http://127.0.0.1:8080/admin/login?x=1"), Some("127.0.0.1:8080"));
        assert_eq!(authority("http://user@evil.example/"), Some("evil.example"));
        assert_eq!(authority("null"), None);
        assert_eq!(authority("file:///etc/passwd"), None);
        assert_eq!(authority("https://"), None);
    }
}
