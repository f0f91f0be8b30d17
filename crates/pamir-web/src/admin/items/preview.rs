//! Previews: the editor's Markdown rendered by the public site's own
//! pipeline (for the live preview beside the text), a text's blocks for
//! the rich-text editor, and a whole item page as a reader would see it,
//! drafts included.

use crate::admin::render::{AdminError, no_store};
use crate::admin::session::Editor;
use crate::public::Reader;
use crate::state::AppState;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use pamir_core::editing;
use pamir_domain::Action;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct MarkdownForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    markdown: String,
}

/// `POST /admin/items/preview`: an HTML fragment of the Markdown.
pub async fn markdown(editor: Editor, Form(form): Form<MarkdownForm>) -> Result<Response, AdminError> {
    editor.check_csrf(&form.csrf)?;
    editor.actor.require(Action::PreviewItem)?;
    let mut response = Html(pamir_content::render_safe(&form.markdown)).into_response();
    no_store(&mut response);
    Ok(response)
}

/// `POST /admin/items/outline`: the Markdown's top-level blocks, each with
/// its Markdown and HTML, as JSON: what the rich-text editor opens.
pub async fn outline(editor: Editor, Form(form): Form<MarkdownForm>) -> Result<Response, AdminError> {
    editor.check_csrf(&form.csrf)?;
    editor.actor.require(Action::PreviewItem)?;
    Ok(crate::admin::render::private_json(pamir_content::outline::outline(&form.markdown)))
}

/// `GET /admin/items/{id}/preview`: the item's page, never cached, never indexed.
pub async fn as_reader(
    State(state): State<AppState>,
    editor: Editor,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Response, AdminError> {
    editor.actor.require(Action::PreviewItem)?;
    let item = editing::load(&state.core, &editor.actor, editor.site, id).await?;
    let uri: Uri = format!("/{}/", item.lang).parse().map_err(|_| AdminError::NotFound("language".into()))?;
    let reader = Reader::new(&state, &headers, &uri).await.map_err(|e| AdminError::Internal(e.to_string()))?;
    let page = crate::public::item::render_item(&state, &reader, &item)
        .await
        .map_err(|e| AdminError::Internal(e.to_string()))?;
    let mut response = (StatusCode::OK, Html(page.html)).into_response();
    no_store(&mut response);
    response.headers_mut().insert("x-robots-tag", HeaderValue::from_static("noindex"));
    Ok(response)
}
