//! Problems as the reader sees them: a status and a themed page in the
//! site's language. Handlers return [`PageError`]; the error-page middleware
//! renders it with the site around it.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::sync::atomic::{AtomicU64, Ordering};

/// Logs an internal failure under a new id and returns the id: the person
/// who met the failure sees only the id, the operator finds the cause
/// under it in the log.
pub fn log_internal(detail: &str) -> String {
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let id = format!("{:08x}{:04x}", (nanos as u64) & 0xffff_ffff, COUNT.fetch_add(1, Ordering::Relaxed) & 0xffff);
    tracing::error!(error_id = %id, %detail, "internal failure");
    id
}

/// Attached to an error response; the error-page middleware renders it,
/// with the status's own words unless others are given.
#[derive(Debug, Clone, Copy)]
pub struct ErrorPage {
    pub status: StatusCode,
    /// Translation keys of the title and explanation.
    pub text: Option<(&'static str, &'static str)>,
}

impl ErrorPage {
    pub fn new(status: StatusCode) -> Self {
        Self { status, text: None }
    }

    pub fn with_text(status: StatusCode, title: &'static str, body: &'static str) -> Self {
        Self { status, text: Some((title, body)) }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("not found")]
    NotFound,
    #[error("uri too long")]
    UriTooLong,
    #[error("body too large")]
    PayloadTooLarge,
    #[error("too many requests")]
    TooManyRequests,
    #[error("internal error: {0}")]
    Internal(String),
}

impl PageError {
    pub fn status(&self) -> StatusCode {
        match self {
            PageError::BadRequest(_) => StatusCode::BAD_REQUEST,
            PageError::NotFound => StatusCode::NOT_FOUND,
            PageError::UriTooLong => StatusCode::URI_TOO_LONG,
            PageError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            PageError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            PageError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match &self {
            PageError::Internal(detail) => {
                log_internal(detail);
            }
            PageError::BadRequest(detail) => tracing::debug!(%detail, "bad request"),
            _ => {}
        }
        let status = self.status();
        let mut response = status.into_response();
        response.extensions_mut().insert(ErrorPage::new(status));
        response
    }
}

impl From<pamir_db::DbError> for PageError {
    fn from(error: pamir_db::DbError) -> Self {
        PageError::Internal(error.to_string())
    }
}

impl From<pamir_core::CoreError> for PageError {
    fn from(error: pamir_core::CoreError) -> Self {
        PageError::Internal(error.to_string())
    }
}

impl From<minijinja::Error> for PageError {
    fn from(error: minijinja::Error) -> Self {
        PageError::Internal(format!("template: {error:#}"))
    }
}

/// Why the web layer could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Db(#[from] pamir_db::DbError),
    #[error("theme: {0}")]
    Theme(String),
}
