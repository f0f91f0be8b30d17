//! `/admin/items/{id}/draft`: the editor's page keeps what is typed on the
//! server a few seconds after each change (the script in `admin.js`), and
//! hears back who else is at work on the item. `…/draft/discard` throws a
//! kept draft away; restoring one is `GET /admin/items/{id}?draft=mine`,
//! so both work without JavaScript from the offer at the top of the editor.

use crate::admin::render::{AdminError, private_json};
use crate::admin::session::Editor;
use crate::state::AppState;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use pamir_core::drafts;
use serde::Serialize;

/// Another editor at work on the item, as the page shows them.
#[derive(Serialize)]
pub struct PresentView {
    pub name: String,
    /// Their last change, on the site's clock.
    pub at: String,
}

impl PresentView {
    pub fn of(editor: &Editor, present: drafts::Present) -> Self {
        Self { name: present.name, at: crate::admin::clock::minutes(editor.settings.time_zone, present.at) }
    }
}

/// What the script hears after keeping a draft.
#[derive(Serialize)]
struct Kept {
    /// "Kept on the server at …", in the editor's language.
    said: String,
    /// The others at work on the item, and the sentence that names them (empty for nobody).
    others: Vec<PresentView>,
    others_said: String,
}

/// The sentence that names the other editors at work on an item.
pub fn others_said(editor: &Editor, others: &[PresentView]) -> String {
    if others.is_empty() {
        return String::new();
    }
    let names: Vec<String> = others.iter().map(|o| format!("{} ({})", o.name, o.at)).collect();
    crate::i18n::text(
        &editor.lang,
        "admin-draft-others",
        &[("names", names.join(", ").into()), ("count", (others.len() as i64).into())],
    )
}

/// `POST /admin/items/{id}/draft`: the item form's fields as typed.
pub async fn keep(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AdminError> {
    let field = |name: &str| pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str()).unwrap_or("");
    editor.check_csrf(field("csrf"))?;
    let base_version = field("version").parse().ok();
    let others = drafts::keep(&state.core, &editor.actor, editor.site, id, base_version, pairs).await?;
    let now = state.core.clock.now().timestamp();
    let saved_at = crate::admin::clock::time_of_day(editor.settings.time_zone, now);
    let others: Vec<PresentView> = others.into_iter().map(|o| PresentView::of(&editor, o)).collect();
    let kept = Kept {
        said: crate::i18n::text(&editor.lang, "admin-draft-kept", &[("at", saved_at.into())]),
        others_said: others_said(&editor, &others),
        others,
    };
    Ok(private_json(kept))
}

#[derive(serde::Deserialize)]
pub struct DiscardForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /admin/items/{id}/draft/discard`: back to the item as it is stored.
pub async fn discard(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    Form(form): Form<DiscardForm>,
) -> Result<Response, AdminError> {
    editor.check_csrf(&form.csrf)?;
    drafts::discard(&state.core, &editor.actor, editor.site, id).await?;
    Ok(Redirect::to(&format!("/admin/items/{id}")).into_response())
}
