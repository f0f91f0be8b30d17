//! API errors as RFC 9457 problem documents (`application/problem+json`):
//! a stable `type` per kind of problem, the status, a `detail` in words a
//! developer can act on, and for broken rules each `field` with its
//! translation `key`. An internal failure says only its `error_id`, which
//! the log holds with the cause. Also the JSON body extractor that turns
//! malformed, unknown-field and oversized bodies into such problems.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pamir_core::CoreError;
use pamir_domain::Violations;
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::ToSchema;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    /// The broken rules, when the body broke the domain's rules.
    pub rules: Option<Violations>,
}

/// The body of every error answer (RFC 9457).
#[derive(Serialize, ToSchema)]
pub struct Problem {
    /// Names the kind of problem, stable across versions: `/api/v1/problems/{name}`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The status's own words.
    pub title: String,
    /// The HTTP status, repeated for clients that only see the body.
    pub status: u16,
    /// What went wrong, in words a developer can act on.
    pub detail: String,
    /// Each broken rule of the body, by field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
    /// For internal failures: the id under which the log holds the cause.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_id: Option<String>,
}

/// One broken rule of one field.
#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    /// The field as the body names it (`event.ends_at`).
    pub field: String,
    /// The rule's translation key, the same in the admin, the API and the importers.
    pub key: String,
    /// The rule in English.
    pub detail: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self { status, message: message.into(), rules: None }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, format!("{what} not found"))
    }
}

/// The stable name of a kind of problem, by status (and rules).
fn kind(status: StatusCode, rules: bool) -> &'static str {
    match status {
        _ if rules => "rules",
        StatusCode::BAD_REQUEST => "bad-request",
        StatusCode::UNAUTHORIZED => "unauthorized",
        StatusCode::FORBIDDEN => "forbidden",
        StatusCode::NOT_FOUND => "not-found",
        StatusCode::METHOD_NOT_ALLOWED => "method-not-allowed",
        StatusCode::CONFLICT => "conflict",
        StatusCode::PAYLOAD_TOO_LARGE => "too-large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported-media-type",
        StatusCode::UNPROCESSABLE_ENTITY => "invalid",
        StatusCode::TOO_MANY_REQUESTS => "too-many-requests",
        _ if status.is_server_error() => "internal",
        _ => "other",
    }
}

fn respond(problem: Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, Json(problem)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A problem answer with this status and detail. Server errors keep the
/// detail in the log and answer with its id.
pub fn problem(status: StatusCode, detail: &str) -> Response {
    problem_with(status, detail, None)
}

fn problem_with(status: StatusCode, detail: &str, rules: Option<&Violations>) -> Response {
    let (detail, error_id) = if status.is_server_error() {
        let id = crate::error::log_internal(detail);
        (format!("the server could not answer; the log holds the cause under {id}"), Some(id))
    } else {
        (detail.to_owned(), None)
    };
    let errors = rules
        .map(|rules| {
            rules
                .0
                .iter()
                .map(|rule| FieldProblem {
                    field: rule.field.to_owned(),
                    key: rule.message.key.to_owned(),
                    detail: crate::i18n::message("en", &rule.message),
                })
                .collect()
        })
        .unwrap_or_default();
    respond(Problem {
        kind: format!("/api/v1/problems/{}", kind(status, rules.is_some())),
        title: status.canonical_reason().unwrap_or("Error").to_owned(),
        status: status.as_u16(),
        detail,
        errors,
        error_id,
    })
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        problem_with(self.status, &self.message, self.rules.as_ref())
    }
}

impl From<CoreError> for ApiError {
    fn from(error: CoreError) -> Self {
        if error.is_internal() {
            return Self::new(StatusCode::INTERNAL_SERVER_ERROR, error.to_string());
        }
        match error {
            CoreError::Forbidden(why) => Self::new(StatusCode::FORBIDDEN, why),
            CoreError::NotFound(what) => Self::new(StatusCode::NOT_FOUND, format!("{what} not found")),
            CoreError::Invalid(why) => Self::new(StatusCode::UNPROCESSABLE_ENTITY, why),
            CoreError::Rules(rules) => Self {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                message: crate::i18n::rules("en", &rules).join(" "),
                rules: Some(rules),
            },
            other => Self::new(StatusCode::UNPROCESSABLE_ENTITY, other.to_string()),
        }
    }
}

impl From<pamir_db::DbError> for ApiError {
    fn from(error: pamir_db::DbError) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, error.to_string())
    }
}

/// `Json<T>` whose rejections are API errors: bad JSON is 400, a body that
/// does not fit the schema (an unknown field, a wrong type) 422, a wrong
/// content type 415, a body over the limit 413.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(match &rejection {
                JsonRejection::JsonSyntaxError(_) => {
                    ApiError::bad_request(format!("the body is not valid JSON: {}", rejection.body_text()))
                }
                JsonRejection::JsonDataError(_) => {
                    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, rejection.body_text())
                }
                JsonRejection::MissingJsonContentType(_) => {
                    ApiError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "send the body as Content-Type: application/json")
                }
                _ if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "the body is larger than this endpoint accepts")
                }
                _ => ApiError::new(rejection.status(), rejection.body_text()),
            }),
        }
    }
}

/// `Path<T>` whose rejection is a problem document that says which part of
/// the address is wrong (`/api/v1/items/abc`: not a number).
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(ApiPath(value)),
            Err(rejection) => Err(ApiError::bad_request(format!("the address is wrong: {}", rejection.body_text()))),
        }
    }
}
