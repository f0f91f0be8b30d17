//! `/admin/items/new` and `/admin/items/{id}`: the editor. A save that
//! breaks a rule shows the form again with everything typed and the
//! reason; a save over someone else's newer save is not stored, and comes
//! back merged with theirs where the two do not collide, with theirs
//! beside the editor's where they do (nothing is lost either way). The
//! form opens on the editor's kept draft on request.

use super::form::{ItemForm, category_options};
use crate::admin::render::{AdminError, page};
use crate::admin::session::Editor;
use crate::state::AppState;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pamir_core::CoreError;
use pamir_core::editing::{self, Saved, Transition};
use pamir_domain::{Action, Item, ItemKind, ItemState, Lang};
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct EditorPage {
    form: ItemForm,
    id: Option<i64>,
    state: String,
    error: Option<String>,
    conflict: Option<Conflict>,
    kinds: Vec<&'static str>,
    categories: Vec<(i64, String)>,
    tags: Vec<(i64, String)>,
    /// The library's pictures to choose from: the item's own gallery first, in its order.
    media: Vec<super::form::MediaOption>,
    /// The workflow buttons this user may press on this item now.
    actions: Vec<&'static str>,
    /// Other languages of this item: (id, lang, title, state).
    translations: Vec<(i64, String, String, String)>,
    /// Languages without a version yet, for "translate into".
    missing_languages: Vec<String>,
    public_url: Option<String>,
    /// How often it was read on the site it was imported from (0: not imported, or unread).
    old_site_hits: i64,
    /// The zone its times are typed in, such as "Asia/Dushanbe".
    time_zone: &'static str,
    /// What would make the page harder to use, for the panel above Publish.
    checks: Vec<super::checks::CheckView>,
    /// When this editor's unsaved draft was kept, if one differs from the item.
    draft_offer: Option<String>,
    /// Who else is at work on the item ("" for nobody).
    present_said: String,
}

/// The other editor's save, merged with ours: what was taken from it, and
/// the fields both changed, shown side by side.
#[derive(Serialize)]
struct Conflict {
    version: i64,
    updated_at: String,
    /// Labels of the fields whose value was taken from their save.
    taken: Vec<String>,
    /// Labels of the texts joined line by line.
    joined: Vec<String>,
    both: Vec<BothChanged>,
}

/// A field both saves changed: theirs beside this editor's, under its label.
#[derive(Serialize)]
struct BothChanged {
    label: String,
    #[serde(flatten)]
    values: super::merge::BothChanged,
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    group: String,
}

#[derive(Deserialize, Default)]
pub struct Notice {
    #[serde(default)]
    saved: String,
    /// `mine`: open the form on this editor's kept draft.
    #[serde(default)]
    draft: String,
}

fn actions_for(editor: &Editor, state: Option<ItemState>) -> Vec<&'static str> {
    let may = |action| editor.actor.user.role.may(action);
    let mut actions = vec!["save"];
    match state {
        None | Some(ItemState::Draft) => {
            if may(Action::PublishItem) {
                actions.push("publish");
            } else {
                actions.push("submit");
            }
        }
        Some(ItemState::Review) if may(Action::PublishItem) => actions.extend(["publish", "unpublish"]),
        Some(ItemState::Published) if may(Action::PublishItem) => actions.extend(["unpublish", "archive"]),
        Some(ItemState::Archived) if may(Action::PublishItem) => actions.extend(["publish", "unpublish"]),
        Some(ItemState::Trashed) => return vec!["restore"],
        _ => {}
    }
    // Authors cannot save over a published item; only its editors can.
    if state == Some(ItemState::Published) && !may(Action::PublishItem) {
        actions.retain(|a| *a != "save");
    }
    if state.is_some() {
        actions.push("trash");
    }
    actions
}

/// What the page says above the form, besides the form itself.
#[derive(Default)]
struct Said<'a> {
    error: Option<String>,
    /// The version someone else saved meanwhile, merged into the editor's form.
    conflict: Option<(&'a Item, super::merge::FormMerge)>,
    notice: Option<&'a str>,
    /// When a kept draft that differs from the form was saved (site's clock).
    draft_offer: Option<String>,
}

impl Said<'_> {
    fn error(problem: String) -> Self {
        Said { error: Some(problem), ..Said::default() }
    }
}

async fn render(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    item: Option<&Item>,
    form: ItemForm,
    said: Said<'_>,
) -> Result<Response, AdminError> {
    let Said { error, conflict, notice, draft_offer } = said;
    let lang = Lang::parse(&form.lang).unwrap_or_else(|_| editor.settings.default_lang.clone());
    let db = &state.core.db;
    let tree = state.sites.tree(editor.site, &lang).await?;
    let tags = pamir_db::tags::list(db, editor.site, &lang).await?.into_iter().map(|t| (t.id, t.name)).collect();
    let media = super::form::media_options(state, editor, &lang, &form).await?;
    let translations = match item {
        Some(item) => pamir_db::items::group_members(db, editor.site, item.group_id).await?,
        None => Vec::new(),
    };
    let missing_languages: Vec<String> = editor
        .settings
        .languages
        .iter()
        .map(|l| l.to_string())
        .filter(|l| !translations.iter().any(|(_, lang, _, _)| lang == l))
        .collect();
    let public_url = item.filter(|i| i.is_visible_at(state.core.clock.now())).and_then(|i| {
        let path = tree.path(i.category_id);
        (!path.is_empty()).then(|| format!("/{}/{path}/{}", i.lang, i.slug))
    });
    let old_site_hits = match item {
        Some(item) => pamir_db::items::hits(db, item.id).await?,
        None => 0,
    };
    let mut checks = super::checks::of_text(editor, &form, &missing_languages, item.is_some());
    checks.extend(super::checks::page_weight(state, editor, &lang, &form).await?);
    let present_said = match item {
        Some(item) => {
            let others = pamir_core::drafts::others(&state.core, &editor.actor, editor.site, item.id).await?;
            let others: Vec<_> = others.into_iter().map(|o| super::drafts::PresentView::of(editor, o)).collect();
            super::drafts::others_said(editor, &others)
        }
        None => String::new(),
    };
    let view = EditorPage {
        draft_offer,
        present_said,
        checks,
        old_site_hits,
        time_zone: editor.settings.time_zone.name(),
        id: item.map(|i| i.id),
        state: item.map(|i| i.state.as_str()).unwrap_or("new").to_owned(),
        actions: actions_for(editor, item.map(|i| i.state)),
        form,
        error,
        conflict: conflict.map(|(theirs, merged)| {
            let label = |field: &str| crate::i18n::text(&editor.lang, &super::merge::label_key(field), &[]);
            Conflict {
                version: theirs.version,
                updated_at: crate::admin::clock::minutes(editor.settings.time_zone, theirs.updated_at.timestamp()),
                taken: merged.taken.iter().map(|f| label(f)).collect(),
                joined: merged.joined.iter().map(|f| label(f)).collect(),
                both: merged
                    .both_changed
                    .into_iter()
                    .map(|values| BothChanged { label: label(&values.field), values })
                    .collect(),
            }
        }),
        kinds: ItemKind::ALL.iter().map(|k| k.as_str()).collect(),
        categories: category_options(&tree),
        tags,
        media,
        translations,
        missing_languages,
        public_url,
    };
    Ok(page(state, editor, status, "admin/item_edit.html", "items", view, notice))
}

pub async fn new_form(
    State(state): State<AppState>,
    editor: Editor,
    Query(query): Query<NewQuery>,
) -> Result<Response, AdminError> {
    editor.actor.require(Action::CreateItem)?;
    let lang = Lang::parse(&query.lang)
        .ok()
        .filter(|l| editor.settings.offers(l))
        .unwrap_or(editor.settings.default_lang.clone());
    let mut form = ItemForm { lang: lang.to_string(), kind: "article".into(), ..Default::default() };
    // A translation starts from the original's type and category.
    if let Ok(group) = query.group.parse::<i64>() {
        let members = pamir_db::items::group_members(&state.core.db, editor.site, group).await?;
        if let Some((id, ..)) = members.first() {
            let original = editing::load(&state.core, &editor.actor, editor.site, *id).await?;
            form.group = group.to_string();
            form.kind = original.kind.as_str().to_owned();
            form.image = original.image_id.map(|i| i.to_string()).unwrap_or_default();
            form.event_starts_at = ItemForm::of(&original, vec![], vec![], editor.settings.time_zone).event_starts_at;
        }
    }
    render(&state, &editor, StatusCode::OK, None, form, Said::default()).await
}

pub async fn create(
    State(state): State<AppState>,
    editor: Editor,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AdminError> {
    let form = ItemForm::parse(pairs);
    editor.check_csrf(&form.csrf)?;
    let transition = Transition::parse(&form.action).unwrap_or(Transition::Keep);
    let lang = match Lang::parse(&form.lang).ok().filter(|l| editor.settings.offers(l)) {
        Some(lang) => lang,
        None => return Err(AdminError::BadRequest("choose one of the site's languages".into())),
    };
    let input = match form.to_input(editor.site, lang, &editor.lang, editor.settings.time_zone) {
        Ok(input) => input,
        Err(problem) => {
            return render(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, None, form, Said::error(problem)).await;
        }
    };
    match editing::create(&state.core, &editor.actor, input, transition).await {
        Ok(item) => Ok(Redirect::to(&format!("/admin/items/{}?saved=1", item.id)).into_response()),
        Err(CoreError::Invalid(problem)) => {
            render(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, None, form, Said::error(problem)).await
        }
        Err(CoreError::Rules(rules)) => {
            let problem = crate::i18n::rules(&editor.lang, &rules).join(" ");
            render(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, None, form, Said::error(problem)).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn form(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    Query(notice): Query<Notice>,
) -> Result<Response, AdminError> {
    let item = editing::load(&state.core, &editor.actor, editor.site, id).await?;
    let tags = pamir_db::items::tag_ids(&state.core.db, id).await?;
    let gallery = pamir_db::items::gallery(&state.core.db, id).await?;
    let stored = ItemForm::of(&item, tags, gallery, editor.settings.time_zone);
    let saved = (!notice.saved.is_empty()).then_some("admin-notice-saved");
    let kept = pamir_core::drafts::mine(&state.core, &editor.actor, editor.site, id).await?;
    let (form, said) = match kept {
        // Opened on the draft: its fields, over the version it started from,
        // so that a save over someone's newer version is a conflict as always.
        Some(draft) if notice.draft == "mine" => {
            let mut form = draft_form(&draft, &item);
            form.csrf = stored.csrf.clone();
            (form, Said { notice: Some("admin-notice-draft-restored"), ..Said::default() })
        }
        Some(draft) if !same_fields(&draft_form(&draft, &item), &stored) => {
            let at = crate::admin::clock::minutes(editor.settings.time_zone, draft.saved_at);
            (stored, Said { notice: saved, draft_offer: Some(at), ..Said::default() })
        }
        _ => (stored, Said { notice: saved, ..Said::default() }),
    };
    render(&state, &editor, StatusCode::OK, Some(&item), form, said).await
}

/// The editor's form merged with `theirs`, the version stored now, against
/// the version the editor started from (`base_version`'s revision). Without
/// that revision every field both sides differ in counts as changed by both.
async fn merge_with(
    state: &AppState,
    editor: &Editor,
    theirs: &Item,
    base_version: i64,
    mine: &ItemForm,
) -> Result<super::merge::FormMerge, AdminError> {
    let db = &state.core.db;
    let zone = editor.settings.time_zone;
    let (tags, gallery) =
        (pamir_db::items::tag_ids(db, theirs.id).await?, pamir_db::items::gallery(db, theirs.id).await?);
    let their_form = ItemForm::of(theirs, tags, gallery, zone);
    let revisions = pamir_db::revisions::list(db, theirs.id).await?;
    let base = revisions.iter().find(|r| r.version == base_version).map(|r| editing::Snapshot::from_json(&r.snapshot));
    let base_form = match base {
        Some(Ok(snapshot)) => {
            let mut item = theirs.clone();
            item.content = snapshot.content.clone();
            Some(ItemForm::of(&item, snapshot.tag_ids.clone(), snapshot.gallery.clone(), zone))
        }
        _ => None,
    };
    let mut mine = mine.clone();
    mine.lang = theirs.lang.to_string();
    Ok(super::merge::merge(base_form.as_ref(), &mine, &their_form))
}

/// The form as a kept draft has it, at the version it was started from.
fn draft_form(draft: &pamir_core::drafts::Draft, item: &Item) -> ItemForm {
    let mut form = ItemForm::parse(draft.fields.clone());
    form.version = draft.base_version.to_string();
    form.lang = item.lang.to_string();
    form
}

/// Whether two forms hold the same fields, the version aside.
fn same_fields(a: &ItemForm, b: &ItemForm) -> bool {
    let fields = |form: &ItemForm| {
        let mut form = form.clone();
        (form.version, form.csrf, form.action) = (String::new(), String::new(), String::new());
        serde_json::to_value(form).ok()
    };
    fields(a) == fields(b)
}

pub async fn save(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AdminError> {
    let mut form = ItemForm::parse(pairs);
    editor.check_csrf(&form.csrf)?;
    let current = editing::load(&state.core, &editor.actor, editor.site, id).await?;
    // Whether this editor may change this item at all, before what the form says.
    editor.actor.require_on(Action::EditAnyItem, Action::EditOwnItem, current.created_by)?;
    form.lang = current.lang.to_string();
    let transition = Transition::parse(&form.action).ok_or_else(|| AdminError::BadRequest("unknown action".into()))?;
    let expected: i64 = form.version.parse().map_err(|_| AdminError::BadRequest("the form has no version".into()))?;
    let result = match transition {
        // Workflow buttons on the bin's restore need no fields.
        Transition::Restore | Transition::Trash => {
            editing::transition(&state.core, &editor.actor, editor.site, id, expected, transition).await
        }
        _ => match form.to_input(editor.site, current.lang.clone(), &editor.lang, editor.settings.time_zone) {
            Ok(input) => editing::save(&state.core, &editor.actor, editor.site, id, expected, input, transition).await,
            Err(problem) => Err(CoreError::Invalid(problem)),
        },
    };
    match result {
        Ok(Saved::Stored(item)) => Ok(Redirect::to(&format!("/admin/items/{}?saved=1", item.id)).into_response()),
        Ok(Saved::Conflict(theirs)) => {
            let problem = crate::i18n::text(&editor.lang, "admin-edit-conflict", &[]);
            let merged = merge_with(&state, &editor, &theirs, expected, &form).await?;
            let form = merged.form.clone();
            render(
                &state,
                &editor,
                StatusCode::CONFLICT,
                Some(&theirs),
                form,
                Said { error: Some(problem), conflict: Some((&theirs, merged)), ..Said::default() },
            )
            .await
        }
        Err(CoreError::Invalid(problem)) => {
            render(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some(&current), form, Said::error(problem)).await
        }
        Err(CoreError::Rules(rules)) => {
            let problem = crate::i18n::rules(&editor.lang, &rules).join(" ");
            render(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some(&current), form, Said::error(problem)).await
        }
        Err(other) => Err(other.into()),
    }
}
