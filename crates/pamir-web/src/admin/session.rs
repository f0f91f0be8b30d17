//! The signed-in editor behind an admin request: the session cookie, the
//! CSRF token that every form must send back, and the actor use cases
//! check permissions against.

use crate::public::reader::site_of;
use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequestParts, OriginalUri};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use pamir_core::audit::Actor;
use pamir_core::auth::constant_time_eq;
use pamir_core::auth::sessions::{self, Origin};
use pamir_domain::SiteId;
use pamir_domain::site::SiteSettings;
use std::net::SocketAddr;
use std::sync::Arc;

pub const COOKIE: &str = "pamir_session";

/// A request from a signed-in user who has passed every sign-in step.
pub struct Editor {
    pub actor: Actor,
    pub site: SiteId,
    pub settings: Arc<SiteSettings>,
    pub csrf_token: String,
    /// The admin's language for this user.
    pub lang: String,
}

impl Editor {
    /// Refuses a form whose CSRF token is not this session's.
    pub fn check_csrf(&self, sent: &str) -> Result<(), super::AdminError> {
        if constant_time_eq(sent.as_bytes(), self.csrf_token.as_bytes()) {
            Ok(())
        } else {
            Err(super::AdminError::Csrf)
        }
    }
}

/// The cookie's token, if the request carries one.
pub fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_owned())
        .filter(|token| token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `Set-Cookie` for a new session: HttpOnly (no script reads it), SameSite
/// Lax (other sites' forms do not carry it), Secure over HTTPS, and no
/// Max-Age, so closing the browser ends it too.
pub fn set_cookie(state: &AppState, headers: &HeaderMap, token: &str) -> HeaderValue {
    let secure = if state.config.over_https(headers) { "; Secure" } else { "" };
    HeaderValue::from_str(&format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{secure}"))
        .unwrap_or_else(|_| HeaderValue::from_static("pamir_session=; Path=/"))
}

pub fn clear_cookie() -> HeaderValue {
    HeaderValue::from_static("pamir_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
}

pub fn origin_of(state: &AppState, parts_headers: &HeaderMap, peer: Option<SocketAddr>) -> Origin {
    Origin {
        ip: crate::client_address::sender(state.config.trust_forwarded_for, parts_headers, peer),
        user_agent: parts_headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned(),
    }
}

pub fn peer(parts: &Parts) -> Option<SocketAddr> {
    parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(addr)| *addr)
}

/// Where to go back to after signing in: only paths inside the admin.
pub fn safe_next(next: &str) -> &str {
    if next.starts_with("/admin/") && !next.starts_with("//") && !next.contains('\\') { next } else { "/admin/" }
}

impl FromRequestParts<AppState> for Editor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let path = parts
            .extensions
            .get::<OriginalUri>()
            .map(|OriginalUri(uri)| uri.path().to_owned())
            .unwrap_or_else(|| parts.uri.path().to_owned());
        let to_login = || {
            let next: String =
                percent_encoding::utf8_percent_encode(&path, percent_encoding::NON_ALPHANUMERIC).collect();
            Redirect::to(&format!("/admin/login?next={next}")).into_response()
        };
        let site = site_of(state, &parts.headers).map_err(IntoResponse::into_response)?;
        let Some(token) = cookie_token(&parts.headers) else { return Err(to_login()) };
        let active =
            sessions::resolve(&state.core, &token).await.map_err(|e| super::AdminError::from(e).into_response())?;
        let Some(active) = active else { return Err(to_login()) };
        if active.mfa_pending {
            return Err(Redirect::to("/admin/login/code").into_response());
        }
        let settings = state.sites.settings(site).await.map_err(|e| super::AdminError::from(e).into_response())?;
        // With a second factor required, a user without one may only set it up (or leave).
        if settings.mfa_required && !active.user.mfa_enabled && !path.starts_with("/admin/account") {
            return Err(Redirect::to("/admin/account/mfa").into_response());
        }
        let origin = origin_of(state, &parts.headers, peer(parts));
        let lang = active.ui_lang.clone();
        super::page_language::remember(&lang);
        Ok(Editor { actor: Actor { user: active.user, origin }, site, settings, csrf_token: active.csrf_token, lang })
    }
}
