//! `/admin/categories`, `/admin/tags` and `/admin/settings`: the site's
//! structure and settings, named in each of its languages.

use super::render::refusal;
use super::render::{AdminError, page};
use super::session::Editor;
use crate::state::AppState;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pamir_core::CoreError;
use pamir_core::site_admin::{self, Naming};
use pamir_domain::site::LocalizedText;
use pamir_domain::{Action, Lang};
use serde::Serialize;
use std::collections::BTreeMap;

/// Form fields by name (several forms here have one field per language).
fn fields(pairs: Vec<(String, String)>) -> BTreeMap<String, String> {
    pairs.into_iter().map(|(k, v)| (k, v.replace("\r\n", "\n"))).collect()
}

fn field<'a>(fields: &'a BTreeMap<String, String>, name: &str) -> &'a str {
    fields.get(name).map(String::as_str).unwrap_or("")
}

fn namings(editor: &Editor, fields: &BTreeMap<String, String>) -> Vec<Naming> {
    editor
        .settings
        .languages
        .iter()
        .map(|lang| Naming {
            lang: lang.to_string(),
            name: field(fields, &format!("name_{lang}")).to_owned(),
            slug: field(fields, &format!("slug_{lang}")).to_owned(),
        })
        .collect()
}

#[derive(Serialize)]
struct TaxonomyPage {
    languages: Vec<String>,
    /// For categories: (id, indented name) in tree order; for tags: (id, name).
    entries: Vec<(i64, String)>,
    error: Option<String>,
    typed: BTreeMap<String, String>,
}

async fn taxonomy_view(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    tags: bool,
    error: Option<String>,
    typed: BTreeMap<String, String>,
) -> Result<Response, AdminError> {
    editor.actor.require(Action::ManageTaxonomy)?;
    let lang = &editor.settings.default_lang;
    let entries = if tags {
        pamir_db::tags::list(&state.core.db, editor.site, lang).await?.into_iter().map(|t| (t.id, t.name)).collect()
    } else {
        super::items::form::category_options(&*state.sites.tree(editor.site, lang).await?)
    };
    let languages = editor.settings.languages.iter().map(|l| l.to_string()).collect();
    let view = TaxonomyPage { languages, entries, error, typed };
    let (template, section) = if tags { ("admin/tags.html", "tags") } else { ("admin/categories.html", "categories") };
    Ok(page(state, editor, status, template, section, view, None))
}

pub async fn categories(State(state): State<AppState>, editor: Editor) -> Result<Response, AdminError> {
    taxonomy_view(&state, &editor, StatusCode::OK, false, None, BTreeMap::new()).await
}

pub async fn tags(State(state): State<AppState>, editor: Editor) -> Result<Response, AdminError> {
    taxonomy_view(&state, &editor, StatusCode::OK, true, None, BTreeMap::new()).await
}

pub async fn add_category(
    State(state): State<AppState>,
    editor: Editor,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AdminError> {
    let fields = fields(pairs);
    editor.check_csrf(field(&fields, "csrf"))?;
    let parent = match field(&fields, "parent") {
        "" => None,
        id => Some(id.parse().map_err(|_| AdminError::BadRequest("unknown parent category".into()))?),
    };
    match site_admin::add_category(&state.core, &editor.actor, editor.site, parent, &namings(&editor, &fields)).await {
        Ok(_) => Ok(Redirect::to("/admin/categories").into_response()),
        Err(error) => {
            let problem = refusal(&editor.lang, error)?;
            taxonomy_view(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, false, Some(problem), fields).await
        }
    }
}

pub async fn add_tag(
    State(state): State<AppState>,
    editor: Editor,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AdminError> {
    let fields = fields(pairs);
    editor.check_csrf(field(&fields, "csrf"))?;
    match site_admin::add_tag(&state.core, &editor.actor, editor.site, &namings(&editor, &fields)).await {
        Ok(_) => Ok(Redirect::to("/admin/tags").into_response()),
        Err(error) => {
            let problem = refusal(&editor.lang, error)?;
            taxonomy_view(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, true, Some(problem), fields).await
        }
    }
}

#[derive(Serialize)]
struct TaxonomyEditPage {
    /// "categories" or "tags": where the form posts and the way back.
    kind: &'static str,
    id: i64,
    languages: Vec<String>,
    values: BTreeMap<String, String>,
    error: Option<String>,
}

async fn taxonomy_edit_view(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    kind: &'static str,
    id: i64,
    values: BTreeMap<String, String>,
    error: Option<String>,
) -> Result<Response, AdminError> {
    editor.actor.require(Action::ManageTaxonomy)?;
    let languages = editor.settings.languages.iter().map(|l| l.to_string()).collect();
    let view = TaxonomyEditPage { kind, id, languages, values, error };
    Ok(page(state, editor, status, "admin/taxonomy_edit.html", kind, view, None))
}

/// The form's values from stored (lang, name, slug) texts.
fn naming_values(texts: Vec<(String, String, String)>) -> BTreeMap<String, String> {
    let mut values = BTreeMap::new();
    for (lang, name, slug) in texts {
        values.insert(format!("name_{lang}"), name);
        values.insert(format!("slug_{lang}"), slug);
    }
    values
}

pub async fn category_form(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
) -> Result<Response, AdminError> {
    editor.actor.require(Action::ManageTaxonomy)?;
    let (position, texts) = pamir_db::categories::texts(&state.core.db, editor.site, id)
        .await?
        .ok_or_else(|| AdminError::NotFound(format!("category {id}")))?;
    let mut values = naming_values(texts);
    values.insert("position".into(), position.to_string());
    taxonomy_edit_view(&state, &editor, StatusCode::OK, "categories", id, values, None).await
}

pub async fn tag_form(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
) -> Result<Response, AdminError> {
    editor.actor.require(Action::ManageTaxonomy)?;
    let texts = pamir_db::tags::texts(&state.core.db, editor.site, id).await?;
    if texts.is_empty() {
        return Err(AdminError::NotFound(format!("tag {id}")));
    }
    taxonomy_edit_view(&state, &editor, StatusCode::OK, "tags", id, naming_values(texts), None).await
}

pub async fn update_category(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AdminError> {
    let fields = fields(pairs);
    editor.check_csrf(field(&fields, "csrf"))?;
    let result = match field(&fields, "position").trim().parse::<i64>() {
        Ok(position) => {
            site_admin::update_category(
                &state.core,
                &editor.actor,
                editor.site,
                id,
                position,
                &namings(&editor, &fields),
            )
            .await
        }
        Err(_) => {
            let field = crate::i18n::text(&editor.lang, "admin-category-position", &[]);
            Err(CoreError::Invalid(crate::i18n::text(
                &editor.lang,
                "admin-form-not-a-number",
                &[("field", field.into())],
            )))
        }
    };
    match result {
        Ok(()) => Ok(Redirect::to("/admin/categories").into_response()),
        Err(error) => {
            let problem = refusal(&editor.lang, error)?;
            taxonomy_edit_view(
                &state,
                &editor,
                StatusCode::UNPROCESSABLE_ENTITY,
                "categories",
                id,
                fields,
                Some(problem),
            )
            .await
        }
    }
}

pub async fn update_tag(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AdminError> {
    let fields = fields(pairs);
    editor.check_csrf(field(&fields, "csrf"))?;
    match site_admin::update_tag(&state.core, &editor.actor, editor.site, id, &namings(&editor, &fields)).await {
        Ok(()) => Ok(Redirect::to("/admin/tags").into_response()),
        Err(error) => {
            let problem = refusal(&editor.lang, error)?;
            taxonomy_edit_view(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, "tags", id, fields, Some(problem))
                .await
        }
    }
}

#[derive(Serialize)]
struct SettingsPage {
    languages: Vec<String>,
    /// Every zone of the tz database, for the time zone list.
    time_zones: Vec<&'static str>,
    /// The media library's pictures, for the logo: (id, label).
    pictures: Vec<(i64, String)>,
    /// The front page's sections, for their positions.
    sections: Vec<&'static str>,
    /// Field name to its current or typed value.
    values: BTreeMap<String, String>,
    mfa_required: bool,
    feed_full_text: bool,
    error: Option<String>,
}

fn settings_values(settings: &pamir_domain::site::SiteSettings) -> BTreeMap<String, String> {
    let mut values = BTreeMap::new();
    for lang in &settings.languages {
        let l = lang.as_str();
        values.insert(format!("name_{l}"), settings.name.0.get(l).cloned().unwrap_or_default());
        values.insert(format!("tagline_{l}"), settings.tagline.0.get(l).cloned().unwrap_or_default());
        values.insert(format!("address_{l}"), settings.contact.address.0.get(l).cloned().unwrap_or_default());
        values.insert(format!("hours_{l}"), settings.contact.hours.0.get(l).cloned().unwrap_or_default());
        let identity = &settings.identity;
        values.insert(format!("organisation_{l}"), identity.organisation.0.get(l).cloned().unwrap_or_default());
        values
            .insert(format!("key_pages_{l}"), link_lines(identity.key_pages.get(l).map(Vec::as_slice).unwrap_or(&[])));
    }
    let identity = &settings.identity;
    values.insert("brand_colour".into(), identity.brand_colour.map(|c| c.hex()).unwrap_or_default());
    values.insert("logo".into(), identity.logo_media_id.map(|id| id.to_string()).unwrap_or_default());
    values.insert("social".into(), link_lines(&identity.social));
    for section in pamir_domain::site::FrontSection::ALL {
        let position = identity.front_sections.iter().position(|s| *s == section).map(|at| (at + 1).to_string());
        values.insert(format!("section_{}", section.as_str()), position.unwrap_or_default());
    }
    let codes: Vec<&str> = settings.languages.iter().map(Lang::as_str).collect();
    values.insert("languages".into(), codes.join(", "));
    values.insert("default_lang".into(), settings.default_lang.to_string());
    values.insert("front_page_size".into(), settings.front_page_size.to_string());
    values.insert("time_zone".into(), settings.time_zone.name().to_owned());
    let fallbacks: Vec<String> = settings
        .fallbacks
        .iter()
        .map(|(lang, chain)| format!("{lang}: {}", chain.iter().map(Lang::as_str).collect::<Vec<_>>().join(" ")))
        .collect();
    values.insert("fallbacks".into(), fallbacks.join("; "));
    values.insert("phones".into(), settings.contact.phones.join("\n"));
    values.insert("fax".into(), settings.contact.fax.clone().unwrap_or_default());
    values.insert("email".into(), settings.contact.email.clone().unwrap_or_default());
    values
}

async fn settings_view(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    values: BTreeMap<String, String>,
    flags: (bool, bool),
    error: Option<String>,
) -> Result<Response, AdminError> {
    editor.actor.require(Action::ManageSettings)?;
    let languages = editor.settings.languages.iter().map(|l| l.to_string()).collect();
    let time_zones = chrono_tz::TZ_VARIANTS.iter().map(|zone| zone.name()).collect();
    let lang = &editor.settings.default_lang;
    let pictures = pamir_db::media::list(&state.core.db, editor.site, lang, lang, "", 500, 0)
        .await?
        .into_iter()
        .filter(|m| m.mime_type.starts_with("image/"))
        .map(|m| (m.id, if m.alt.is_empty() { m.path } else { format!("{} — {}", m.alt, m.path) }))
        .collect();
    let sections = pamir_domain::site::FrontSection::ALL.iter().map(|s| s.as_str()).collect();
    let view = SettingsPage {
        languages,
        time_zones,
        pictures,
        sections,
        values,
        mfa_required: flags.0,
        feed_full_text: flags.1,
        error,
    };
    Ok(page(state, editor, status, "admin/settings.html", "settings", view, None))
}

pub async fn settings(State(state): State<AppState>, editor: Editor) -> Result<Response, AdminError> {
    let s = &editor.settings;
    settings_view(&state, &editor, StatusCode::OK, settings_values(s), (s.mfa_required, s.feed_full_text), None).await
}

pub async fn save_settings(
    State(state): State<AppState>,
    editor: Editor,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AdminError> {
    let fields = fields(pairs);
    editor.check_csrf(field(&fields, "csrf"))?;
    let flags = (fields.contains_key("mfa_required"), fields.contains_key("feed_full_text"));
    let parsed = parse_settings(&editor, &fields, flags);
    let result = match parsed {
        Ok(settings) => site_admin::save_settings(&state.core, &editor.actor, editor.site, settings).await,
        Err(problem) => Err(CoreError::Invalid(problem)),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/admin/settings").into_response()),
        Err(error) => {
            let problem = refusal(&editor.lang, error)?;
            settings_view(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, fields, flags, Some(problem)).await
        }
    }
}

fn parse_settings(
    editor: &Editor,
    fields: &BTreeMap<String, String>,
    (mfa_required, feed_full_text): (bool, bool),
) -> Result<pamir_domain::site::SiteSettings, String> {
    let mut settings = (*editor.settings).clone();
    let languages = field(fields, "languages")
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|code| !code.is_empty())
        .map(|code| Lang::parse(code).map_err(|_| format!("{code:?} is not a language code like en, ru or tg")))
        .collect::<Result<Vec<Lang>, String>>()?;
    let per_language = |prefix: &str| {
        LocalizedText(
            editor
                .settings
                .languages
                .iter()
                .map(|l| (l.to_string(), field(fields, &format!("{prefix}_{l}")).trim().to_owned()))
                .filter(|(_, text)| !text.is_empty())
                .collect(),
        )
    };
    settings.name = per_language("name");
    settings.tagline = per_language("tagline");
    settings.contact.address = per_language("address");
    settings.contact.hours = per_language("hours");
    settings.languages = languages;
    settings.default_lang =
        Lang::parse(field(fields, "default_lang").trim()).map_err(|_| "choose the default language".to_owned())?;
    settings.front_page_size = field(fields, "front_page_size")
        .trim()
        .parse()
        .map_err(|_| "the front page size is not a number".to_owned())?;
    // A form without the field (an older page) keeps the zone as it was.
    if let Some(zone) = fields.get("time_zone").map(|zone| zone.trim()) {
        settings.time_zone = zone.parse().map_err(|_| {
            crate::i18n::text(&editor.lang, "admin-settings-time-zone-unknown", &[("zone", zone.to_owned().into())])
        })?;
    }
    settings.contact.phones =
        field(fields, "phones").lines().map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect();
    settings.contact.fax = Some(field(fields, "fax").trim().to_owned()).filter(|f| !f.is_empty());
    settings.contact.email = Some(field(fields, "email").trim().to_owned()).filter(|e| !e.is_empty());
    if settings.contact.email.as_deref().is_some_and(|e| !e.contains('@')) {
        return Err("the contact e-mail address is not an e-mail address".into());
    }
    settings.fallbacks = parse_fallbacks(field(fields, "fallbacks"), &settings.languages)?;
    parse_identity(editor, fields, &mut settings.identity)?;
    settings.mfa_required = mfa_required;
    settings.feed_full_text = feed_full_text;
    Ok(settings)
}

/// The organisation, colour, logo, links and front-page order of the form.
/// Rules on them (the colour's contrast, the links' addresses) are the
/// core's; this only reads what was typed.
fn parse_identity(
    editor: &Editor,
    fields: &BTreeMap<String, String>,
    identity: &mut pamir_domain::site::Identity,
) -> Result<(), String> {
    use pamir_domain::site::FrontSection;
    let say = |key: &str, args: &[(&str, String)]| {
        let args: Vec<(&str, fluent_templates::fluent_bundle::FluentValue)> =
            args.iter().map(|(name, value)| (*name, value.clone().into())).collect();
        crate::i18n::text(&editor.lang, key, &args)
    };
    // Forms from before these fields existed leave the identity as it was.
    if !fields.contains_key("brand_colour") {
        return Ok(());
    }
    let languages = &editor.settings.languages;
    identity.organisation = LocalizedText(
        languages
            .iter()
            .map(|l| (l.to_string(), field(fields, &format!("organisation_{l}")).trim().to_owned()))
            .filter(|(_, text)| !text.is_empty())
            .collect(),
    );
    let colour = field(fields, "brand_colour").trim();
    identity.brand_colour = if colour.is_empty() {
        None
    } else {
        Some(
            pamir_domain::colour::Colour::parse(colour)
                .ok_or_else(|| say("admin-settings-colour-unreadable", &[("colour", colour.to_owned())]))?,
        )
    };
    let logo = field(fields, "logo").trim();
    identity.logo_media_id =
        if logo.is_empty() { None } else { Some(logo.parse().map_err(|_| say("admin-settings-logo-unknown", &[]))?) };
    identity.social =
        parse_links(field(fields, "social")).map_err(|line| say("admin-settings-link-line", &[("line", line)]))?;
    identity.key_pages.clear();
    for lang in languages {
        let links = parse_links(field(fields, &format!("key_pages_{lang}")))
            .map_err(|line| say("admin-settings-link-line", &[("line", line)]))?;
        if !links.is_empty() {
            identity.key_pages.insert(lang.to_string(), links);
        }
    }
    let mut order = Vec::new();
    for section in FrontSection::ALL {
        let text = field(fields, &format!("section_{}", section.as_str())).trim();
        if text.is_empty() || text == "0" {
            continue;
        }
        let position: u32 = text.parse().map_err(|_| {
            say(
                "admin-settings-section-position",
                &[("section", say(&format!("front-section-{}", section.as_str()), &[]))],
            )
        })?;
        order.push((position, section));
    }
    order.sort_by_key(|(position, _)| *position);
    identity.front_sections = order.into_iter().map(|(_, section)| section).collect();
    Ok(())
}

/// One link per line, `Label | https://…`; the offending line if one has no `|`.
fn parse_links(text: &str) -> Result<Vec<pamir_domain::site::Link>, String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| match line.rsplit_once('|') {
            Some((label, url)) => {
                Ok(pamir_domain::site::Link { label: label.trim().to_owned(), url: url.trim().to_owned() })
            }
            None => Err(line.to_owned()),
        })
        .collect()
}

fn link_lines(links: &[pamir_domain::site::Link]) -> String {
    links.iter().map(|link| format!("{} | {}", link.label, link.url)).collect::<Vec<_>>().join("\n")
}

/// `tg: ru en; ru: en`: for each language, the languages that stand in for
/// its missing translations, in order.
fn parse_fallbacks(text: &str, languages: &[Lang]) -> Result<std::collections::BTreeMap<String, Vec<Lang>>, String> {
    let mut fallbacks = std::collections::BTreeMap::new();
    for rule in text.split(';').map(str::trim).filter(|rule| !rule.is_empty()) {
        let Some((lang, chain)) = rule.split_once(':') else {
            return Err(format!("write each fallback as \"tg: ru en\", not {rule:?}"));
        };
        let known = |code: &str| {
            Lang::parse(code)
                .ok()
                .filter(|l| languages.contains(l))
                .ok_or_else(|| format!("{code:?} in the fallbacks is not one of the site's languages"))
        };
        let lang = known(lang.trim())?;
        let chain = chain
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|code| !code.is_empty())
            .map(known)
            .collect::<Result<Vec<Lang>, String>>()?;
        fallbacks.insert(lang.to_string(), chain);
    }
    Ok(fallbacks)
}
