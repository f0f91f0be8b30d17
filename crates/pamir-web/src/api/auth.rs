//! `Authorization: Bearer TOKEN` for the API's write endpoints: the token's
//! user becomes the actor, with that user's role and nothing more.

use super::error::ApiError;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use pamir_core::audit::Actor;
use pamir_domain::SiteId;

/// A request carrying a live token.
pub struct TokenUser {
    pub actor: Actor,
    pub site: SiteId,
}

impl FromRequestParts<AppState> for TokenUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let unauthorised = |why: &str| ApiError::new(StatusCode::UNAUTHORIZED, why);
        let header = parts.headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
        let Some(header) = header else {
            return Err(unauthorised("this endpoint needs Authorization: Bearer TOKEN (see `pamir token create`)"));
        };
        let Some(token) = header.strip_prefix("Bearer ").map(str::trim) else {
            return Err(unauthorised("the Authorization header must be Bearer TOKEN"));
        };
        let site = crate::public::reader::site_of(state, &parts.headers)
            .map_err(|_| ApiError::not_found("site for this host"))?;
        let origin = crate::admin::session::origin_of(state, &parts.headers, crate::admin::session::peer(parts));
        match pamir_core::tokens::actor(&state.core, token, origin).await? {
            Some(actor) => Ok(TokenUser { actor, site }),
            None => Err(unauthorised("the token is unknown, revoked, or its user disabled")),
        }
    }
}
