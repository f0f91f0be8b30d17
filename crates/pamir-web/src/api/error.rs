//! API errors as JSON (`{"error": {"status": 404, "message": "..."}}`), and
//! the JSON body extractor that turns malformed, unknown-field and
//! oversized bodies into such errors instead of plain-text rejections.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pamir_core::CoreError;
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::ToSchema;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

/// The body of every error answer.
#[derive(Serialize, ToSchema)]
pub struct Problem {
    pub error: ProblemDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ProblemDetail {
    /// The HTTP status, repeated for clients that only see the body.
    pub status: u16,
    /// What went wrong, in words a developer can act on.
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self { status, message: message.into() }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, format!("{what} not found"))
    }
}

/// A JSON error answer with this status and message.
pub fn problem(status: StatusCode, message: &str) -> Response {
    let body = Problem { error: ProblemDetail { status: status.as_u16(), message: message.to_owned() } };
    let mut response = (status, Json(body)).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(detail = %self.message, "API request failed");
            return problem(self.status, "the server could not answer; try again later");
        }
        problem(self.status, &self.message)
    }
}

impl From<CoreError> for ApiError {
    fn from(error: CoreError) -> Self {
        match error {
            CoreError::Forbidden(why) => Self::new(StatusCode::FORBIDDEN, why),
            CoreError::NotFound(what) => Self::new(StatusCode::NOT_FOUND, format!("{what} not found")),
            CoreError::Invalid(why) => Self::new(StatusCode::UNPROCESSABLE_ENTITY, why),
            other => Self::new(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
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
