//! `/admin/redirects`: old addresses and where they lead now (imported or
//! added here), and the unknown addresses readers asked for, most asked
//! first, each with a form to map it.

use super::render::{AdminError, page};
use super::session::Editor;
use crate::state::AppState;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pamir_core::CoreError;
use pamir_core::site_admin;
use pamir_domain::Action;
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct RedirectsPage {
    redirects: Vec<(i64, String, String, String, i64)>,
    not_found: Vec<(String, i64, String)>,
    error: Option<String>,
}

async fn view(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, AdminError> {
    editor.actor.require(Action::ManageTaxonomy)?;
    let redirects = pamir_db::redirects::list(&state.core.db, editor.site, 500, 0)
        .await?
        .into_iter()
        .map(|r| (r.id, r.old_path, r.target, r.origin, r.hits))
        .collect();
    let when =
        |at: i64| chrono::DateTime::from_timestamp(at, 0).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    let not_found = pamir_db::redirects::not_found(&state.core.db, editor.site, 100)
        .await?
        .into_iter()
        .map(|(path, hits, last)| (path, hits, when(last)))
        .collect();
    Ok(page(
        state,
        editor,
        status,
        "admin/redirects.html",
        "redirects",
        RedirectsPage { redirects, not_found, error },
        None,
    ))
}

pub async fn list(State(state): State<AppState>, editor: Editor) -> Result<Response, AdminError> {
    view(&state, &editor, StatusCode::OK, None).await
}

#[derive(Deserialize)]
pub struct AddForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    old: String,
    #[serde(default)]
    target: String,
}

pub async fn add(
    State(state): State<AppState>,
    editor: Editor,
    Form(form): Form<AddForm>,
) -> Result<Response, AdminError> {
    editor.check_csrf(&form.csrf)?;
    match site_admin::add_redirect(&state.core, &editor.actor, editor.site, &form.old, &form.target).await {
        Ok(()) => Ok(Redirect::to("/admin/redirects").into_response()),
        Err(CoreError::Invalid(problem)) => {
            view(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some(problem)).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub struct EditForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    delete: Option<String>,
}

pub async fn edit(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    Form(form): Form<EditForm>,
) -> Result<Response, AdminError> {
    editor.check_csrf(&form.csrf)?;
    let result = match form.delete {
        Some(_) => site_admin::delete_redirect(&state.core, &editor.actor, editor.site, id).await,
        None => site_admin::update_redirect(&state.core, &editor.actor, editor.site, id, &form.target).await,
    };
    match result {
        Ok(()) => Ok(Redirect::to("/admin/redirects").into_response()),
        Err(CoreError::Invalid(problem)) => {
            view(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some(problem)).await
        }
        Err(other) => Err(other.into()),
    }
}
