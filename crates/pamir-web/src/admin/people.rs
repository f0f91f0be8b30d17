//! `/admin/users` and `/admin/audit` (administrators only): accounts and
//! roles, and the log of who did what, filterable.

use super::render::refusal;
use super::render::{AdminError, page};
use super::session::Editor;
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pamir_core::users::NewAccount;
use pamir_domain::{Action, Role, User};
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct UsersPage {
    users: Vec<User>,
    roles: Vec<&'static str>,
    error: Option<String>,
    /// Shown once after adding a user without a password.
    created: Option<(String, String)>,
}

async fn users_view(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    error: Option<String>,
    created: Option<(String, String)>,
) -> Result<Response, AdminError> {
    editor.actor.require(Action::ManageUsers)?;
    let users = pamir_db::users::list(&state.core.db).await?;
    let view = UsersPage { users, roles: Role::ALL.iter().map(|r| r.as_str()).collect(), error, created };
    Ok(page(state, editor, status, "admin/users.html", "users", view, None))
}

pub async fn users(State(state): State<AppState>, editor: Editor) -> Result<Response, AdminError> {
    users_view(&state, &editor, StatusCode::OK, None, None).await
}

#[derive(Deserialize)]
pub struct AddForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
}

pub async fn add_user(
    State(state): State<AppState>,
    editor: Editor,
    Form(form): Form<AddForm>,
) -> Result<Response, AdminError> {
    editor.check_csrf(&form.csrf)?;
    let Some(role) = Role::parse(&form.role) else {
        return users_view(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some("choose a role".into()), None).await;
    };
    let account = NewAccount { email: form.email.clone(), display_name: form.name.clone(), role, password: None };
    match pamir_core::users::add(&state.core, Some(&editor.actor), account).await {
        Ok(created) => {
            let shown = created.generated_password.map(|password| (created.user.email.clone(), password));
            users_view(&state, &editor, StatusCode::OK, None, shown).await
        }
        Err(error) => {
            let problem = refusal(&editor.lang, error)?;
            users_view(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some(problem), None).await
        }
    }
}

#[derive(Deserialize)]
pub struct UpdateForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    disabled: Option<String>,
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

/// Signs a user out everywhere.
pub async fn end_sessions(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    form: Result<Form<CsrfOnly>, FormRejection>,
) -> Result<Response, AdminError> {
    editor.actor.require(Action::ManageUsers)?;
    let Form(form) = form.map_err(|rejection| AdminError::BadRequest(rejection.body_text()))?;
    editor.check_csrf(&form.csrf)?;
    pamir_core::users::end_sessions(&state.core, &editor.actor, id).await?;
    // Ending one's own sessions ends this one too: the admin asks to sign in again.
    Ok(Redirect::to("/admin/users").into_response())
}

pub async fn update_user(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    form: Result<Form<UpdateForm>, FormRejection>,
) -> Result<Response, AdminError> {
    // Who asks comes before what they sent: someone who may not manage
    // users hears that, not what their form lacked.
    editor.actor.require(Action::ManageUsers)?;
    let Form(form) = form.map_err(|rejection| AdminError::BadRequest(rejection.body_text()))?;
    editor.check_csrf(&form.csrf)?;
    let role = Role::parse(&form.role).ok_or_else(|| AdminError::BadRequest("choose a role".into()))?;
    let changes = pamir_db::users::UserChanges { display_name: &form.name, role, disabled: form.disabled.is_some() };
    match pamir_core::users::update(&state.core, &editor.actor, id, changes).await {
        Ok(()) => Ok(Redirect::to("/admin/users").into_response()),
        Err(error) => {
            let problem = refusal(&editor.lang, error)?;
            users_view(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some(problem), None).await
        }
    }
}

#[derive(Deserialize, Serialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    user: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    page: String,
}

#[derive(Serialize)]
struct AuditRow {
    at: String,
    user: String,
    action: String,
    subject: String,
    detail: String,
    ip: String,
}

#[derive(Serialize)]
struct AuditPage {
    rows: Vec<AuditRow>,
    query: AuditQuery,
    users: Vec<User>,
    page: i64,
    has_more: bool,
    base: String,
}

const AUDIT_PAGE_SIZE: u32 = 100;

pub async fn audit(
    State(state): State<AppState>,
    editor: Editor,
    Query(query): Query<AuditQuery>,
) -> Result<Response, AdminError> {
    editor.actor.require(Action::ViewAudit)?;
    let page_number: i64 = match query.page.as_str() {
        "" => 1,
        n => n.parse().ok().filter(|n| *n >= 1).ok_or_else(|| AdminError::BadRequest("unknown page".into()))?,
    };
    let filter = pamir_db::audit::Filter {
        user_id: match query.user.as_str() {
            "" => None,
            id => Some(id.parse().map_err(|_| AdminError::BadRequest("unknown user in the filter".into()))?),
        },
        action: Some(query.action.trim().to_owned()).filter(|a| !a.is_empty()),
        subject: Some(query.subject.trim().to_owned()).filter(|s| !s.is_empty()),
    };
    let mut entries = pamir_db::audit::list(
        &state.core.db,
        editor.site,
        &filter,
        AUDIT_PAGE_SIZE,
        (page_number - 1) * i64::from(AUDIT_PAGE_SIZE),
    )
    .await?;
    let has_more = entries.len() > AUDIT_PAGE_SIZE as usize;
    entries.truncate(AUDIT_PAGE_SIZE as usize);
    let rows = entries
        .into_iter()
        .map(|e| AuditRow {
            at: crate::admin::clock::seconds(editor.settings.time_zone, e.at),
            user: e.user_name.unwrap_or_default(),
            action: e.action,
            subject: e.subject,
            detail: e.detail,
            ip: e.ip,
        })
        .collect();
    let encode = |v: &str| percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC).to_string();
    let base =
        format!("user={}&action={}&subject={}", encode(&query.user), encode(&query.action), encode(&query.subject));
    let users = pamir_db::users::list(&state.core.db).await?;
    let view = AuditPage { rows, query, users, page: page_number, has_more, base };
    Ok(page(&state, &editor, StatusCode::OK, "admin/audit.html", "audit", view, None))
}
