//! The editors' admin at `/admin/`: server-rendered forms that work without
//! JavaScript, behind a session, with a CSRF token on every form. Handlers
//! parse, call one `pamir-core` use case (which checks permissions and
//! writes the audit log), and render.
//!
//! - [`session`]: the signed-in editor, cookies, CSRF
//! - [`render`]: admin pages and their errors
//! - [`signin`]: sign in, second factor, sign out
//! - [`items`]: the item list, the editor, preview, revisions
//! - [`account`]: one's own password and second factor
//! - [`people`]: users and the audit log (administrators)
//! - [`site`]: categories, tags and site settings
//! - [`redirects`]: old addresses, and unknown ones readers asked for
//! - [`media`]: uploads and the media library

pub mod account;
pub mod items;
pub mod media;
pub mod people;
pub mod redirects;
pub mod render;
pub mod session;
pub mod signin;
pub mod site;

pub use render::AdminError;
pub use session::Editor;

use crate::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

/// Articles are text; two megabytes is a book.
const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

pub fn routes() -> Router<AppState> {
    let forms = Router::new()
        .route("/admin", get(render::to_dashboard))
        .route("/admin/", get(items::list::dashboard))
        .route("/admin/login", get(signin::form).post(signin::submit))
        .route("/admin/login/code", get(signin::code_form).post(signin::code_submit))
        .route("/admin/logout", post(signin::logout))
        .route("/admin/items", get(items::list::get))
        .route("/admin/items/new", get(items::edit::new_form).post(items::edit::create))
        .route("/admin/items/preview", post(items::preview::markdown))
        .route("/admin/items/{id}", get(items::edit::form).post(items::edit::save))
        .route("/admin/items/{id}/preview", get(items::preview::as_reader))
        .route("/admin/items/{id}/revisions", get(items::revisions::list))
        .route("/admin/items/{id}/revisions/compare", get(items::revisions::compare))
        .route("/admin/items/{id}/revisions/{revision}/restore", post(items::revisions::restore))
        .route("/admin/account", get(account::show).post(account::change_password))
        .route("/admin/account/language", post(account::language))
        .route("/admin/account/mfa", get(account::mfa_page).post(account::mfa_enable))
        .route("/admin/account/mfa/disable", post(account::mfa_disable))
        .route("/admin/users", get(people::users).post(people::add_user))
        .route("/admin/users/{id}", post(people::update_user))
        .route("/admin/audit", get(people::audit))
        .route("/admin/categories", get(site::categories).post(site::add_category))
        .route("/admin/categories/{id}", get(site::category_form).post(site::update_category))
        .route("/admin/tags", get(site::tags).post(site::add_tag))
        .route("/admin/tags/{id}", get(site::tag_form).post(site::update_tag))
        .route("/admin/settings", get(site::settings).post(site::save_settings))
        .route("/admin/redirects", get(redirects::list).post(redirects::add))
        .route("/admin/redirects/{id}", post(redirects::edit))
        .route("/admin/media", get(media::library))
        .route("/admin/media/{id}/delete", post(media::delete))
        .layer(DefaultBodyLimit::max(MAX_FORM_BYTES));
    let uploads = Router::new()
        .route("/admin/media/upload", post(media::upload))
        .layer(DefaultBodyLimit::max(media::MAX_UPLOAD_BYTES));
    forms.merge(uploads)
}
