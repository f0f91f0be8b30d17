//! The language of the editor a request is for, where a page must be
//! written without the `Editor` at hand: the admin's error pages (403, 404,
//! 500) are made by `AdminError::into_response`, which sees only the error.
//! A layer gives each admin request a slot; the `Editor` extractor fills it
//! once it knows who is signed in. Before that (sign-in, a refused
//! cross-site request) the pages are in English.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use std::cell::RefCell;

tokio::task_local! {
    static EDITOR_LANGUAGE: RefCell<Option<String>>;
}

/// Runs the request with an empty slot for the editor's language.
pub async fn slot(request: Request, next: Next) -> Response {
    EDITOR_LANGUAGE.scope(RefCell::new(None), next.run(request)).await
}

/// Notes the signed-in editor's language for this request.
pub fn remember(lang: &str) {
    let _ = EDITOR_LANGUAGE.try_with(|slot| *slot.borrow_mut() = Some(lang.to_owned()));
}

/// The editor's language, or English before anyone is known.
pub fn current() -> String {
    EDITOR_LANGUAGE.try_with(|slot| slot.borrow().clone()).ok().flatten().unwrap_or_else(|| "en".to_owned())
}
