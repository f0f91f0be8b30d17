//! Rendering admin pages: the admin frame around every page, never cached,
//! and errors as admin pages with a message the editor can act on.

use super::session::Editor;
use crate::state::AppState;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use pamir_core::CoreError;
use serde::Serialize;

/// What every admin template gets besides its page.
#[derive(Serialize)]
struct Frame<'a, T: Serialize> {
    lang: &'a str,
    user: Option<&'a pamir_domain::User>,
    csrf: &'a str,
    /// Which navigation entry is current.
    section: &'a str,
    site_name: String,
    /// What the user's role allows, for showing only usable links.
    can: Can,
    page: T,
    /// A one-line confirmation from the previous step ("Saved.").
    notice: Option<&'a str>,
}

#[derive(Serialize, Default)]
struct Can {
    publish: bool,
    manage_users: bool,
    manage_settings: bool,
    manage_taxonomy: bool,
    view_audit: bool,
}

/// An admin page for a signed-in editor.
pub fn page<T: Serialize>(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    template: &str,
    section: &str,
    page: T,
    notice: Option<&str>,
) -> Response {
    use pamir_domain::Action;
    let role = editor.actor.user.role;
    let can = Can {
        publish: role.may(Action::PublishItem),
        manage_users: role.may(Action::ManageUsers),
        manage_settings: role.may(Action::ManageSettings),
        manage_taxonomy: role.may(Action::ManageTaxonomy),
        view_audit: role.may(Action::ViewAudit),
    };
    let frame = Frame {
        lang: &editor.lang,
        user: Some(&editor.actor.user),
        csrf: &editor.csrf_token,
        section,
        site_name: editor.settings.name.get(&editor.settings.default_lang, &editor.settings.default_lang).to_owned(),
        can,
        page,
        notice,
    };
    finish(state, status, template, &frame)
}

/// A page before sign-in (the sign-in forms).
pub fn public_page<T: Serialize>(
    state: &AppState,
    lang: &str,
    status: StatusCode,
    template: &str,
    page: T,
) -> Response {
    let frame = Frame {
        lang,
        user: None,
        csrf: "",
        section: "signin",
        site_name: String::new(),
        can: Can::default(),
        page,
        notice: None,
    };
    finish(state, status, template, &frame)
}

fn finish<T: Serialize>(state: &AppState, status: StatusCode, template: &str, frame: &T) -> Response {
    match state.theme.render(template, minijinja::Value::from(minijinja::value::Serde(frame))) {
        Ok(html) => {
            let mut response = (status, axum::response::Html(html)).into_response();
            no_store(&mut response);
            response
        }
        Err(error) => AdminError::Internal(format!("template {template}: {error:#}")).into_response(),
    }
}

/// Admin pages hold private drafts: never kept by browsers or proxies.
pub fn no_store(response: &mut Response) {
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

/// A JSON answer for the admin's own scripts, never stored either.
pub fn private_json(value: impl serde::Serialize) -> Response {
    let mut response = axum::Json(value).into_response();
    no_store(&mut response);
    response
}

pub async fn to_dashboard() -> Redirect {
    Redirect::permanent("/admin/")
}

/// What went wrong in the admin, as the editor sees it.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    /// The form's CSRF token is missing or not this session's.
    #[error("the form has expired")]
    Csrf,
    /// An unsafe request sent from another site's page (see `same_origin`).
    #[error("sent from another site")]
    CrossSite,
    #[error("{0}")]
    BadRequest(String),
    /// A body over the route's limit (an upload too big to read).
    #[error("{0}")]
    TooLarge(String),
    #[error("{0}")]
    Internal(String),
}

impl From<CoreError> for AdminError {
    fn from(error: CoreError) -> Self {
        match error {
            CoreError::Forbidden(why) => AdminError::Forbidden(why),
            CoreError::NotFound(what) => AdminError::NotFound(what),
            CoreError::Invalid(why) => AdminError::BadRequest(why),
            CoreError::Rules(rules) => {
                AdminError::BadRequest(crate::i18n::rules(&super::page_language::current(), &rules).join(" "))
            }
            other => AdminError::Internal(other.to_string()),
        }
    }
}

impl From<pamir_db::DbError> for AdminError {
    fn from(error: pamir_db::DbError) -> Self {
        AdminError::Internal(error.to_string())
    }
}

impl IntoResponse for AdminError {
    fn into_response(self) -> Response {
        let (status, key) = match &self {
            AdminError::Forbidden(_) => (StatusCode::FORBIDDEN, "admin-error-forbidden"),
            AdminError::NotFound(_) => (StatusCode::NOT_FOUND, "admin-error-not-found"),
            AdminError::Csrf => (StatusCode::FORBIDDEN, "admin-error-csrf"),
            AdminError::CrossSite => (StatusCode::FORBIDDEN, "admin-error-cross-site"),
            AdminError::BadRequest(_) => (StatusCode::UNPROCESSABLE_ENTITY, "admin-error-invalid"),
            AdminError::TooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "admin-error-invalid"),
            AdminError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "admin-error-internal"),
        };
        let lang = super::page_language::current();
        // Internal details stay in the log under an id the editor can quote;
        // the rest is the editor's own input.
        let detail = match &self {
            AdminError::Internal(detail) => {
                let id = crate::error::log_internal(detail);
                crate::i18n::text(&lang, "admin-error-internal-id", &[("id", id.into())])
            }
            // The title says it in the editor's language; the core's reason
            // (which role, which record) is for the log, in English.
            AdminError::Forbidden(why) | AdminError::NotFound(why) => {
                tracing::info!(reason = %why, "admin request refused");
                String::new()
            }
            AdminError::Csrf | AdminError::CrossSite => String::new(),
            other => other.to_string(),
        };
        let html = format!(
            "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head>\
             <body><main><h1>{title}</h1><p>{detail}</p><p><a href=\"/admin/\">{back}</a></p></main></body></html>",
            title = crate::markup::escape(&crate::i18n::text(&lang, key, &[])),
            detail = crate::markup::escape(&detail),
            back = crate::markup::escape(&crate::i18n::text(&lang, "admin-back-to-dashboard", &[])),
        );
        let mut response = (status, axum::response::Html(html)).into_response();
        no_store(&mut response);
        response
    }
}

/// What to tell the editor, in their language, when the core refused their
/// input; any other failure goes on as an error page.
pub fn refusal(lang: &str, error: CoreError) -> Result<String, AdminError> {
    match error {
        CoreError::Invalid(problem) => Ok(problem),
        CoreError::Rules(rules) => Ok(crate::i18n::rules(lang, &rules).join(" ")),
        other => Err(other.into()),
    }
}
