//! `/admin/login`: e-mail and password, then the second factor when the
//! user has one; `/admin/logout`. Throttled sign-ins get a 429 that says
//! how long to wait.

use super::render::{AdminError, public_page};
use super::session::{self, Editor};
use crate::state::AppState;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use pamir_core::auth::signin::{self, Outcome};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;

#[derive(Deserialize, Default)]
pub struct Next {
    #[serde(default)]
    next: String,
}

#[derive(Deserialize)]
pub struct Credentials {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

#[derive(Deserialize)]
pub struct Code {
    #[serde(default)]
    code: String,
}

#[derive(Serialize, Default)]
struct SignInPage<'a> {
    email: &'a str,
    next: &'a str,
    /// Translation key of the problem, and minutes to wait when throttled.
    error: Option<&'static str>,
    minutes: i64,
}

/// The sign-in page is in the browser's preferred admin language.
fn ui_lang(headers: &HeaderMap) -> &'static str {
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    for tag in accept.split(',').map(|part| part.split(';').next().unwrap_or("").trim().to_ascii_lowercase()) {
        for lang in ["en", "ru", "tg"] {
            if tag == lang || tag.starts_with(&format!("{lang}-")) {
                return lang;
            }
        }
    }
    "en"
}

pub async fn form(State(state): State<AppState>, headers: HeaderMap, Query(next): Query<Next>) -> Response {
    let page = SignInPage { next: session::safe_next(&next.next), ..Default::default() };
    public_page(&state, ui_lang(&headers), StatusCode::OK, "admin/login.html", page)
}

pub async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    connection: Option<Extension<ConnectInfo<SocketAddr>>>,
    Form(form): Form<Credentials>,
) -> Result<Response, AdminError> {
    let origin = session::origin_of(&state, &headers, connection.map(|Extension(ConnectInfo(addr))| addr));
    let next = session::safe_next(&form.next);
    let outcome = signin::with_password(&state.core, &form.email, &form.password, &origin).await?;
    let refused = |status, error, minutes| {
        let page = SignInPage { email: &form.email, next, error: Some(error), minutes };
        public_page(&state, ui_lang(&headers), status, "admin/login.html", page)
    };
    Ok(match outcome {
        Outcome::SignedIn(started) => with_cookie(&state, &headers, &started.token, next),
        Outcome::NeedsSecondFactor(started) => with_cookie(&state, &headers, &started.token, "/admin/login/code"),
        Outcome::Throttled { minutes } => refused(StatusCode::TOO_MANY_REQUESTS, "admin-signin-throttled", minutes),
        Outcome::Refused => refused(StatusCode::UNAUTHORIZED, "admin-signin-refused", 0),
    })
}

fn with_cookie(state: &AppState, headers: &HeaderMap, token: &str, to: &str) -> Response {
    let mut response = Redirect::to(to).into_response();
    response.headers_mut().insert(header::SET_COOKIE, session::set_cookie(state, headers, token));
    response
}

pub async fn code_form(State(state): State<AppState>, headers: HeaderMap) -> Response {
    public_page(&state, ui_lang(&headers), StatusCode::OK, "admin/login_code.html", SignInPage::default())
}

pub async fn code_submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    connection: Option<Extension<ConnectInfo<SocketAddr>>>,
    Form(form): Form<Code>,
) -> Result<Response, AdminError> {
    let Some(token) = session::cookie_token(&headers) else {
        return Ok(Redirect::to("/admin/login").into_response());
    };
    let origin = session::origin_of(&state, &headers, connection.map(|Extension(ConnectInfo(addr))| addr));
    let outcome = signin::with_code(&state.core, &token, &form.code, &origin).await?;
    let refused = |status, error, minutes| {
        let page = SignInPage { error: Some(error), minutes, ..Default::default() };
        public_page(&state, ui_lang(&headers), status, "admin/login_code.html", page)
    };
    Ok(match outcome {
        Outcome::SignedIn(started) => with_cookie(&state, &headers, &started.token, "/admin/"),
        Outcome::NeedsSecondFactor(_) | Outcome::Refused => {
            refused(StatusCode::UNAUTHORIZED, "admin-signin-code-refused", 0)
        }
        Outcome::Throttled { minutes } => refused(StatusCode::TOO_MANY_REQUESTS, "admin-signin-throttled", minutes),
    })
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn logout(
    State(state): State<AppState>,
    editor: Editor,
    headers: HeaderMap,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, AdminError> {
    editor.check_csrf(&form.csrf)?;
    if let Some(token) = session::cookie_token(&headers) {
        pamir_core::auth::sessions::end(&state.core, &token).await?;
    }
    let mut response = Redirect::to("/admin/login").into_response();
    response.headers_mut().insert(header::SET_COOKIE, session::clear_cookie());
    Ok(response)
}
