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
pub mod clock;
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
use axum::middleware::from_fn_with_state;
use axum::routing::MethodRouter;

pub mod page_language;
pub mod same_origin;

/// Articles are text; two megabytes is a book.
const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

/// Writes the admin's route table once, as the router and as [`ROUTES`]
/// (every address with its methods), so the tests that walk every route
/// (cross-site refusals, permissions) cannot miss one.
macro_rules! route_table {
    ($($path:literal => $($method:ident($handler:path)).+ $([limit $limit:expr])?;)*) => {
        /// Every admin address with its methods.
        pub const ROUTES: &[(&str, &[&str])] = &[$(($path, &[$(stringify!($method)),+])),*];

        fn table() -> Router<AppState> {
            Router::new()
                $(.route($path, MethodRouter::new()$(.$method($handler))+ $(.layer(DefaultBodyLimit::max($limit)))?))*
        }
    };
}

route_table! {
    "/admin" => get(render::to_dashboard);
    "/admin/" => get(items::list::dashboard);
    "/admin/login" => get(signin::form).post(signin::submit);
    "/admin/login/code" => get(signin::code_form).post(signin::code_submit);
    "/admin/logout" => post(signin::logout);
    "/admin/items" => get(items::list::get);
    "/admin/items/new" => get(items::edit::new_form).post(items::edit::create);
    "/admin/items/preview" => post(items::preview::markdown);
    "/admin/items/outline" => post(items::preview::outline);
    "/admin/items/find" => get(items::list::find);
    "/admin/items/{id}" => get(items::edit::form).post(items::edit::save);
    "/admin/items/{id}/draft" => post(items::drafts::keep);
    "/admin/items/{id}/draft/discard" => post(items::drafts::discard);
    "/admin/items/{id}/preview" => get(items::preview::as_reader);
    "/admin/items/{id}/revisions" => get(items::revisions::list);
    "/admin/items/{id}/revisions/compare" => get(items::revisions::compare);
    "/admin/items/{id}/revisions/{revision}/restore" => post(items::revisions::restore);
    "/admin/account" => get(account::show).post(account::change_password);
    "/admin/account/language" => post(account::language);
    "/admin/account/mfa" => get(account::mfa_page).post(account::mfa_enable);
    "/admin/account/mfa/disable" => post(account::mfa_disable);
    "/admin/users" => get(people::users).post(people::add_user);
    "/admin/users/{id}" => post(people::update_user);
    "/admin/users/{id}/sessions" => post(people::end_sessions);
    "/admin/audit" => get(people::audit);
    "/admin/categories" => get(site::categories).post(site::add_category);
    "/admin/categories/{id}" => get(site::category_form).post(site::update_category);
    "/admin/tags" => get(site::tags).post(site::add_tag);
    "/admin/tags/{id}" => get(site::tag_form).post(site::update_tag);
    "/admin/settings" => get(site::settings).post(site::save_settings);
    "/admin/redirects" => get(redirects::list).post(redirects::add);
    "/admin/redirects/{id}" => post(redirects::edit);
    "/admin/media" => get(media::library);
    "/admin/media/find" => get(media::find);
    "/admin/media/{id}/delete" => post(media::delete);
    "/admin/media/upload" => post(media::upload) [limit media::MAX_UPLOAD_BYTES];
}

/// The admin behind its cross-site wall. Forms are held to
/// [`MAX_FORM_BYTES`]; the upload route sets its own, larger, limit.
pub fn routes(state: &AppState) -> Router<AppState> {
    table()
        .layer(DefaultBodyLimit::max(MAX_FORM_BYTES))
        .layer(from_fn_with_state(state.clone(), same_origin::refuse_other_sites))
        .layer(axum::middleware::from_fn(page_language::slot))
}
