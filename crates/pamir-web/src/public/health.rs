//! `/healthz`: whether this node can serve (its database answers).

use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

pub async fn get(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    match state.core.db.ping().await {
        Ok(()) => (StatusCode::OK, Json(json!({ "status": "ok", "database": state.core.db.backend_name() }))),
        Err(error) => {
            tracing::error!(%error, "health check: database unavailable");
            (StatusCode::SERVICE_UNAVAILABLE, Json(json!({ "status": "unavailable" })))
        }
    }
}
