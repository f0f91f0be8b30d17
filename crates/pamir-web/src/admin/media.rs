//! `/admin/media`: the library (browse, search, delete when unused) and
//! uploads. An upload needs alternative text unless marked decorative;
//! a refused file is explained and the words typed are kept.

use super::render::refusal;
use super::render::{AdminError, page};
use super::session::Editor;
use crate::state::AppState;
use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pamir_core::media::{Upload, UploadRefused};
use pamir_domain::Action;
use pamir_domain::media::Media;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The largest file accepted, plus room for the form's other fields.
pub const MAX_UPLOAD_BYTES: usize = 21 * 1024 * 1024;
const PAGE_SIZE: u32 = 48;

#[derive(Deserialize, Default)]
pub struct LibraryQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: String,
}

#[derive(Serialize)]
struct LibraryPage {
    media: Vec<Media>,
    q: String,
    page: i64,
    has_more: bool,
    languages: Vec<String>,
    error: Option<String>,
    typed: BTreeMap<String, String>,
}

async fn library_view(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    query: LibraryQuery,
    error: Option<String>,
    typed: BTreeMap<String, String>,
) -> Result<Response, AdminError> {
    editor.actor.require(Action::UseAdmin)?;
    let page_number: i64 = match query.page.as_str() {
        "" => 1,
        n => n.parse().ok().filter(|n| *n >= 1).ok_or_else(|| AdminError::BadRequest("unknown page".into()))?,
    };
    let lang = &editor.settings.default_lang;
    let offset = (page_number - 1) * i64::from(PAGE_SIZE);
    let mut media =
        pamir_db::media::list(&state.core.db, editor.site, lang, lang, &query.q, PAGE_SIZE + 1, offset).await?;
    let has_more = media.len() > PAGE_SIZE as usize;
    media.truncate(PAGE_SIZE as usize);
    let languages = editor.settings.languages.iter().map(|l| l.to_string()).collect();
    let view = LibraryPage { media, q: query.q, page: page_number, has_more, languages, error, typed };
    Ok(page(state, editor, status, "admin/media.html", "media", view, None))
}

pub async fn library(
    State(state): State<AppState>,
    editor: Editor,
    Query(query): Query<LibraryQuery>,
) -> Result<Response, AdminError> {
    library_view(&state, &editor, StatusCode::OK, query, None, BTreeMap::new()).await
}

#[derive(Deserialize, Default)]
pub struct FindQuery {
    #[serde(default)]
    q: String,
    /// `audio` or `video`.
    #[serde(default)]
    kind: String,
}

/// A sound or film of the library, as the editor's dialog offers it.
#[derive(Serialize)]
struct Found {
    id: i64,
    url: String,
    /// Its file and its description, to choose by.
    name: String,
    caption: String,
}

/// `GET /admin/media/find?kind=audio|video&q=`: the twenty newest sounds or
/// films whose name or words match, as JSON: the editor's "sound or film".
pub async fn find(
    State(state): State<AppState>,
    editor: Editor,
    Query(query): Query<FindQuery>,
) -> Result<Response, AdminError> {
    editor.actor.require(Action::UseAdmin)?;
    let prefix = match query.kind.as_str() {
        "audio" => "audio/",
        "video" => "video/",
        _ => return Err(AdminError::BadRequest("kind: audio or video".into())),
    };
    let lang = &editor.settings.default_lang;
    let media = pamir_db::media::list_of_type(&state.core.db, editor.site, lang, lang, &query.q, prefix, 20).await?;
    let found: Vec<Found> = media
        .into_iter()
        .map(|m| Found {
            id: m.id,
            url: format!("/media/{}", m.path),
            name: if m.alt.is_empty() { m.path.clone() } else { format!("{} — {}", m.path, m.alt) },
            caption: m.caption,
        })
        .collect();
    Ok(crate::admin::render::private_json(found))
}

/// `POST /admin/media/upload`: the library's form, or the editor's image
/// dialog, which asks for JSON (`Accept: application/json`) and gets the
/// image's address or the reason it was refused.
pub async fn upload(
    State(state): State<AppState>,
    editor: Editor,
    headers: axum::http::HeaderMap,
    mut multipart: Multipart,
) -> Result<Response, AdminError> {
    let wants_json = headers
        .get(axum::http::header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.contains("application/json"));
    let mut fields = BTreeMap::new();
    let mut file: Option<(String, Vec<u8>)> = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => return Err(unreadable(error)),
        };
        let name = field.name().unwrap_or("").to_owned();
        if name == "file" {
            let file_name = field.file_name().unwrap_or("").to_owned();
            let bytes = field
                .bytes()
                .await
                .map_err(|e| AdminError::BadRequest(format!("the file did not arrive whole: {e}")))?;
            file = Some((file_name, bytes.to_vec()));
        } else {
            let text =
                field.text().await.map_err(|e| AdminError::BadRequest(format!("a field did not arrive whole: {e}")))?;
            fields.insert(name, text);
        }
    }
    let get = |name: &str| fields.get(name).cloned().unwrap_or_default();
    editor.check_csrf(&get("csrf"))?;
    let (state, editor) = (&state, &editor);
    let refuse = |problem: String, fields: BTreeMap<String, String>| async move {
        if wants_json {
            let answer = serde_json::json!({ "error": problem });
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, axum::Json(answer)).into_response());
        }
        library_view(state, editor, StatusCode::UNPROCESSABLE_ENTITY, LibraryQuery::default(), Some(problem), fields)
            .await
    };
    let Some((file_name, bytes)) = file.filter(|(_, bytes)| !bytes.is_empty()) else {
        return refuse(crate::i18n::text(&editor.lang, "admin-media-no-file", &[]), fields).await;
    };
    let texts = editor
        .settings
        .languages
        .iter()
        .map(|l| (l.to_string(), get(&format!("alt_{l}")), get(&format!("caption_{l}"))))
        .collect();
    let upload = Upload {
        site: editor.site,
        bytes,
        file_name,
        texts,
        credit: get("credit"),
        decorative: fields.contains_key("decorative"),
    };
    match pamir_core::media::upload(&state.core, &editor.actor, upload).await {
        Ok(id) if wants_json => {
            let media = pamir_core::media::uploaded(&state.core, id, &editor.lang).await.map_err(AdminError::from)?;
            let answer = serde_json::json!({ "id": id, "url": format!("/media/{}", media.path), "alt": media.alt });
            Ok(axum::Json(answer).into_response())
        }
        Ok(_) => Ok(Redirect::to("/admin/media").into_response()),
        Err(UploadRefused::File(problem)) => {
            let message = crate::i18n::text(&editor.lang, problem.fluent_key(), &[]);
            refuse(format!("{message} {problem}"), fields).await
        }
        Err(UploadRefused::Core(error)) => refuse(refusal(&editor.lang, error)?, fields).await,
    }
}

/// A form that could not be read: too big, or cut off on the way.
fn unreadable(error: axum::extract::multipart::MultipartError) -> AdminError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AdminError::TooLarge("the file is bigger than 20 MB; scale the image down and upload it again".into())
    } else {
        AdminError::BadRequest(format!("the upload did not arrive whole ({error}); try again"))
    }
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    csrf: String,
}

pub async fn delete(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    Form(form): Form<DeleteForm>,
) -> Result<Response, AdminError> {
    editor.check_csrf(&form.csrf)?;
    match pamir_core::media::delete(&state.core, &editor.actor, editor.site, id).await {
        Ok(()) => Ok(Redirect::to("/admin/media").into_response()),
        Err(error) => {
            let problem = refusal(&editor.lang, error)?;
            library_view(&state, &editor, StatusCode::CONFLICT, LibraryQuery::default(), Some(problem), BTreeMap::new())
                .await
        }
    }
}
