//! `/admin/account`: one's own password, admin language and second factor.
//! Enrolling shows a QR code for an authenticator app and, once a code from
//! it is typed back, ten recovery codes shown this once only.

use super::render::refusal;
use super::render::{AdminError, page};
use super::session::Editor;
use crate::state::AppState;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pamir_core::auth::totp;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Default)]
struct AccountPage {
    error: Option<String>,
    languages: Vec<&'static str>,
}

pub async fn page_view(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    error: Option<String>,
    notice: Option<&str>,
) -> Response {
    let view = AccountPage { error, languages: vec!["en", "ru", "tg"] };
    page(state, editor, status, "admin/account.html", "account", view, notice)
}

pub async fn show(State(state): State<AppState>, editor: Editor) -> Response {
    page_view(&state, &editor, StatusCode::OK, None, None).await
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    repeat: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    editor: Editor,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AdminError> {
    editor.check_csrf(&form.csrf)?;
    if form.new != form.repeat {
        let error = crate::i18n::text(&editor.lang, "admin-password-mismatch", &[]);
        return Ok(page_view(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some(error), None).await);
    }
    match pamir_core::users::change_password(&state.core, &editor.actor, &form.current, &form.new).await {
        // Every session of the user ended, this one too: sign in with the new password.
        Ok(()) => Ok(Redirect::to("/admin/login").into_response()),
        Err(error) => {
            let problem = refusal(&editor.lang, error)?;
            Ok(page_view(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some(problem), None).await)
        }
    }
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    lang: String,
}

pub async fn language(
    State(state): State<AppState>,
    editor: Editor,
    Form(form): Form<LanguageForm>,
) -> Result<Response, AdminError> {
    editor.check_csrf(&form.csrf)?;
    if !["en", "ru", "tg"].contains(&form.lang.as_str()) {
        return Err(AdminError::BadRequest("choose English, Russian or Tajik".into()));
    }
    pamir_db::users::set_ui_lang(&state.core.db, editor.actor.user.id, &form.lang).await?;
    Ok(Redirect::to("/admin/account").into_response())
}

#[derive(Serialize)]
struct MfaPage {
    enabled: bool,
    required: bool,
    secret: String,
    qr_svg_base64: String,
    error: Option<String>,
    recovery_codes: Vec<String>,
}

async fn mfa_view(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    error: Option<String>,
    recovery_codes: Vec<String>,
) -> Result<Response, AdminError> {
    let enabled = editor.actor.user.mfa_enabled || !recovery_codes.is_empty();
    let (secret, qr) = if enabled {
        (String::new(), String::new())
    } else {
        let secret = totp::new_secret()?;
        let issuer = editor.settings.name.get(&editor.settings.default_lang, &editor.settings.default_lang);
        let uri = totp::provisioning_uri(&secret, issuer, &editor.actor.user.email);
        (secret, qr_code(&uri)?)
    };
    let view =
        MfaPage { enabled, required: editor.settings.mfa_required, secret, qr_svg_base64: qr, error, recovery_codes };
    Ok(page(state, editor, status, "admin/mfa.html", "account", view, None))
}

/// The QR code as an SVG image, base64 for a `data:` address.
fn qr_code(text: &str) -> Result<String, AdminError> {
    let code = qrcode::QrCode::new(text.as_bytes()).map_err(|e| AdminError::Internal(format!("QR code: {e}")))?;
    let svg = code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).build();
    Ok(data_encoding::BASE64.encode(svg.as_bytes()))
}

pub async fn mfa_page(State(state): State<AppState>, editor: Editor) -> Result<Response, AdminError> {
    mfa_view(&state, &editor, StatusCode::OK, None, Vec::new()).await
}

#[derive(Deserialize)]
pub struct EnableForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    secret: String,
    #[serde(default)]
    code: String,
}

pub async fn mfa_enable(
    State(state): State<AppState>,
    editor: Editor,
    Form(form): Form<EnableForm>,
) -> Result<Response, AdminError> {
    editor.check_csrf(&form.csrf)?;
    match pamir_core::users::enable_totp(&state.core, &editor.actor, &form.secret, &form.code).await {
        Ok(codes) => mfa_view(&state, &editor, StatusCode::OK, None, codes).await,
        Err(error) => {
            let problem = refusal(&editor.lang, error)?;
            mfa_view(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some(problem), Vec::new()).await
        }
    }
}

#[derive(Deserialize)]
pub struct DisableForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    password: String,
}

pub async fn mfa_disable(
    State(state): State<AppState>,
    editor: Editor,
    Form(form): Form<DisableForm>,
) -> Result<Response, AdminError> {
    editor.check_csrf(&form.csrf)?;
    if editor.settings.mfa_required {
        return Err(AdminError::Forbidden("this site requires a second factor for every editor".into()));
    }
    match pamir_core::users::disable_totp(&state.core, &editor.actor, &form.password).await {
        Ok(()) => Ok(Redirect::to("/admin/account/mfa").into_response()),
        Err(error) => {
            let problem = refusal(&editor.lang, error)?;
            mfa_view(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some(problem), Vec::new()).await
        }
    }
}
