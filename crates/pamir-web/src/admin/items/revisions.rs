//! `/admin/items/{id}/revisions`: every save of an item; two of them side
//! by side with the changed words marked; restoring one as a new save.

use crate::admin::render::{AdminError, page};
use crate::admin::session::Editor;
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pamir_core::editing::{self, Saved, Snapshot};
use pamir_domain::Action;
use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

#[derive(Serialize)]
struct RevisionRow {
    id: i64,
    version: i64,
    at: String,
    author: String,
    title: String,
}

#[derive(Serialize)]
struct ListPage {
    item_id: i64,
    item_title: String,
    version: i64,
    revisions: Vec<RevisionRow>,
}

pub async fn list(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>) -> Result<Response, AdminError> {
    let (item, revisions) = editing::revisions(&state.core, &editor.actor, editor.site, id).await?;
    let revisions = revisions
        .into_iter()
        .map(|r| RevisionRow {
            title: Snapshot::from_json(&r.snapshot).map(|s| s.content.title).unwrap_or_default(),
            id: r.id,
            version: r.version,
            at: crate::admin::clock::minutes(editor.settings.time_zone, r.created_at),
            author: r.author_name.unwrap_or_default(),
        })
        .collect();
    let view = ListPage { item_id: item.id, item_title: item.content.title, version: item.version, revisions };
    Ok(page(&state, &editor, StatusCode::OK, "admin/revisions.html", "items", view, None))
}

#[derive(Deserialize)]
pub struct CompareQuery {
    from: i64,
    to: i64,
}

/// One field of two revisions, split into runs that are equal, removed or added.
#[derive(Serialize)]
struct FieldDiff {
    field: &'static str,
    changed: bool,
    old: Vec<(String, String)>,
    new: Vec<(String, String)>,
}

/// Word-level differences, so a changed comma in a long paragraph is visible.
fn diff(field: &'static str, old: &str, new: &str) -> FieldDiff {
    let text_diff = TextDiff::from_words(old, new);
    let (mut old_runs, mut new_runs) = (Vec::new(), Vec::new());
    for change in text_diff.iter_all_changes() {
        let text = change.value().to_owned();
        match change.tag() {
            ChangeTag::Equal => {
                old_runs.push(("same".to_owned(), text.clone()));
                new_runs.push(("same".to_owned(), text));
            }
            ChangeTag::Delete => old_runs.push(("removed".to_owned(), text)),
            ChangeTag::Insert => new_runs.push(("added".to_owned(), text)),
        }
    }
    FieldDiff { field, changed: old != new, old: old_runs, new: new_runs }
}

#[derive(Serialize)]
struct ComparePage {
    item_id: i64,
    version: i64,
    from: RevisionRow,
    to: RevisionRow,
    fields: Vec<FieldDiff>,
}

fn fields(s: &Snapshot) -> Vec<(&'static str, String)> {
    let opt = |t: &Option<String>| t.clone().unwrap_or_default();
    let time = |t: Option<chrono::DateTime<chrono::Utc>>| t.map(|t| t.to_rfc3339()).unwrap_or_default();
    vec![
        ("title", s.title.clone()),
        ("slug", s.slug.clone()),
        ("teaser", s.teaser_markdown.clone()),
        ("body", s.body_markdown.clone()),
        ("byline", opt(&s.byline)),
        ("dateline", opt(&s.dateline)),
        ("kind", s.kind.as_str().to_owned()),
        ("category", s.category_id.to_string()),
        ("state", s.state.as_str().to_owned()),
        ("publish_up", time(s.publish_up)),
        ("publish_down", time(s.publish_down)),
        ("featured", s.featured.to_string()),
        ("image", s.image_id.map(|i| i.to_string()).unwrap_or_default()),
        ("tags", format!("{:?}", s.tag_ids)),
        ("gallery", format!("{:?}", s.gallery)),
    ]
}

pub async fn compare(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    Query(query): Query<CompareQuery>,
) -> Result<Response, AdminError> {
    let (item, revisions) = editing::revisions(&state.core, &editor.actor, editor.site, id).await?;
    let find = |rid: i64| {
        revisions.iter().find(|r| r.id == rid).ok_or_else(|| AdminError::NotFound(format!("revision {rid}")))
    };
    let (from, to) = (find(query.from)?, find(query.to)?);
    let (old, new) = (Snapshot::from_json(&from.snapshot)?, Snapshot::from_json(&to.snapshot)?);
    let fields = fields(&old).into_iter().zip(fields(&new)).map(|((name, a), (_, b))| diff(name, &a, &b)).collect();
    let row = |r: &pamir_db::revisions::Revision, s: &Snapshot| RevisionRow {
        id: r.id,
        version: r.version,
        at: crate::admin::clock::minutes(editor.settings.time_zone, r.created_at),
        author: r.author_name.clone().unwrap_or_default(),
        title: s.title.clone(),
    };
    let view =
        ComparePage { item_id: item.id, version: item.version, from: row(from, &old), to: row(to, &new), fields };
    Ok(page(&state, &editor, StatusCode::OK, "admin/compare.html", "items", view, None))
}

#[derive(Deserialize)]
pub struct RestoreForm {
    #[serde(default)]
    csrf: String,
    version: i64,
}

pub async fn restore(
    State(state): State<AppState>,
    editor: Editor,
    Path((id, revision)): Path<(i64, i64)>,
    form: Result<Form<RestoreForm>, FormRejection>,
) -> Result<Response, AdminError> {
    // Who asks comes before what they sent (see `people::update_user`).
    let item = editing::load(&state.core, &editor.actor, editor.site, id).await?;
    editor.actor.require_on(Action::EditAnyItem, Action::EditOwnItem, item.created_by)?;
    let Form(form) = form.map_err(|rejection| AdminError::BadRequest(rejection.body_text()))?;
    editor.check_csrf(&form.csrf)?;
    match editing::restore(&state.core, &editor.actor, editor.site, id, revision, form.version).await? {
        Saved::Stored(item) => Ok(Redirect::to(&format!("/admin/items/{}?saved=1", item.id)).into_response()),
        Saved::Conflict(_) => Err(AdminError::BadRequest(
            "the item was saved by someone else meanwhile; open its revisions again and choose".into(),
        )),
    }
}
