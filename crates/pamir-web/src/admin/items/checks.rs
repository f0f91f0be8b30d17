//! The "Before you publish" panel of the item editor: what the checks
//! find in the text as it stands in the form, the site's languages the
//! item has no version in yet, and a page too heavy for a phone, each in
//! the editor's language with the field to fix.

use super::form::ItemForm;
use crate::admin::render::AdminError;
use crate::admin::session::Editor;
use crate::state::AppState;
use pamir_domain::Lang;
use serde::Serialize;

/// One finding of the checks, said in the editor's language, with the field to fix.
#[derive(Serialize)]
pub struct CheckView {
    message: String,
    /// The form field's id, for the link to it.
    field: &'static str,
}

/// The checks of the text as it stands in the form, and the languages the
/// site publishes that the item has no version in yet.
pub fn of_text(editor: &Editor, form: &ItemForm, missing: &[String], saved: bool) -> Vec<CheckView> {
    use pamir_content::checks::Field;
    let say = |key: &str, about: String| crate::i18n::text(&editor.lang, key, &[("about", about.into())]);
    let mut views: Vec<CheckView> = pamir_content::checks::check(&form.teaser, &form.body)
        .into_iter()
        .map(|finding| CheckView {
            message: say(finding.key, finding.about),
            field: match finding.field {
                Field::Teaser => "teaser",
                Field::Body => "body",
            },
        })
        .collect();
    if saved {
        views.extend(missing.iter().map(|lang| CheckView {
            message: say(
                "check-translation-missing",
                crate::i18n::text(&editor.lang, &format!("language-name-{lang}"), &[]),
            ),
            field: "translations-title",
        }));
    }
    views
}

/// The page's estimated weight on a phone, when it is over the budget: its
/// text and every picture it shows, in the renditions a phone fetches.
pub async fn page_weight(
    state: &AppState,
    editor: &Editor,
    lang: &Lang,
    form: &ItemForm,
) -> Result<Option<CheckView>, AdminError> {
    use pamir_content::weight::{PHONE_BUDGET_BYTES, Picture, on_a_phone, readable};
    let db = &state.core.db;
    let html = pamir_content::render_safe(&format!("{}\n\n{}", form.teaser, form.body));
    let paths = pamir_content::images::library_paths(&html);
    let mut ids = pamir_db::media::ids_at(db, editor.site, &paths).await?;
    ids.extend(form.image.parse::<i64>().ok());
    ids.extend(&form.gallery);
    ids.sort_unstable();
    ids.dedup();
    let media = pamir_db::media::get_many_of_site(db, editor.site, &ids, lang, &editor.settings.default_lang).await?;
    let pictures: Vec<Picture> = media
        .iter()
        .filter(|m| m.mime_type.starts_with("image/"))
        .map(|m| Picture {
            width: m.width,
            height: m.height,
            bytes: m.byte_size,
            renditions: m.variants.iter().map(|v| (v.width, v.height)).collect(),
        })
        .collect();
    let weight = on_a_phone(html.len(), &pictures);
    if weight <= PHONE_BUDGET_BYTES {
        return Ok(None);
    }
    let message = crate::i18n::text(
        &editor.lang,
        "check-page-weight",
        &[
            ("about", readable(weight).into()),
            ("budget", readable(PHONE_BUDGET_BYTES).into()),
            ("count", (pictures.len() as i64).into()),
        ],
    );
    Ok(Some(CheckView { message, field: if form.gallery.is_empty() { "body" } else { "gallery" } }))
}
