//! `/admin/redirects`: old addresses and where they lead now (imported or
//! added here: found by a part of either address, a page at a time), and
//! the unknown addresses readers asked for, most asked first, each with a
//! form to map it.

use super::render::refusal;
use super::render::{AdminError, page};
use super::session::Editor;
use crate::state::AppState;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pamir_core::site_admin;
use pamir_domain::Action;
use serde::{Deserialize, Serialize};

/// Redirects per page of the list.
const PAGE_SIZE: u32 = 200;

#[derive(Serialize)]
struct RedirectsPage {
    redirects: Vec<(i64, String, String, String, i64)>,
    not_found: Vec<(String, i64, String)>,
    error: Option<String>,
    q: String,
    /// `q=…` for the pages' links.
    base: String,
    total: i64,
    page: i64,
    pages: i64,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<String>,
}

async fn view(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    error: Option<String>,
    query: ListQuery,
) -> Result<Response, AdminError> {
    editor.actor.require(Action::ManageTaxonomy)?;
    let q: String = query.q.trim().chars().take(200).collect();
    let total = pamir_db::redirects::count(&state.core.db, editor.site, &q).await?;
    let pages = (total + i64::from(PAGE_SIZE) - 1) / i64::from(PAGE_SIZE);
    let page_number = query.page.and_then(|p| p.parse::<i64>().ok()).unwrap_or(1).clamp(1, pages.max(1));
    let offset = (page_number - 1) * i64::from(PAGE_SIZE);
    let redirects = pamir_db::redirects::list(&state.core.db, editor.site, &q, PAGE_SIZE, offset)
        .await?
        .into_iter()
        .map(|r| (r.id, r.old_path, r.target, r.origin, r.hits))
        .collect();
    let base = format!("q={}", percent_encoding::utf8_percent_encode(&q, percent_encoding::NON_ALPHANUMERIC));
    let when = |at: i64| crate::admin::clock::day(editor.settings.time_zone, at);
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
        RedirectsPage { redirects, not_found, error, q, base, total, page: page_number, pages },
        None,
    ))
}

pub async fn list(
    State(state): State<AppState>,
    editor: Editor,
    Query(query): Query<ListQuery>,
) -> Result<Response, AdminError> {
    view(&state, &editor, StatusCode::OK, None, query).await
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
        Err(error) => {
            let problem = refusal(&editor.lang, error)?;
            view(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some(problem), ListQuery::default()).await
        }
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
        Err(error) => {
            let problem = refusal(&editor.lang, error)?;
            view(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some(problem), ListQuery::default()).await
        }
    }
}
