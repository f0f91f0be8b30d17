//! `/media/{path}`: stored media files. Only files the database knows are
//! served, with the type recorded at upload, never guessed from the name.

use crate::error::PageError;
use crate::public::reader::site_of;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};

/// Media never changes under its path (a new upload gets a new path).
const MEDIA_CACHE_CONTROL: &str = "public, max-age=2592000";

pub async fn get(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Result<Response, PageError> {
    let path = uri.path().strip_prefix("/media/").ok_or(PageError::NotFound)?;
    let path = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .map_err(|_| PageError::BadRequest("the address is not valid UTF-8".into()))?;
    if !is_safe(&path) {
        return Err(PageError::NotFound);
    }
    let site = site_of(&state, &headers)?;
    let mime = pamir_db::media::exists(&state.core.db, site, &path).await?.ok_or(PageError::NotFound)?;
    let bytes = match tokio::fs::read(state.core.media_dir.join(path.as_ref())).await {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(PageError::NotFound);
        }
        Err(error) => {
            return Err(PageError::Internal(format!("reading media {path}: {error}")));
        }
    };
    let content_type = HeaderValue::from_str(&mime).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let mut response = (
        [(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, HeaderValue::from_static(MEDIA_CACHE_CONTROL))],
        Body::from(bytes),
    )
        .into_response();
    // Whatever a stored file is, opened on its own it must not run anything on this origin.
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; sandbox"),
    );
    Ok(response)
}

/// Relative, no `..`, no hidden files, only ordinary file-name characters.
fn is_safe(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 300
        && path.split('/').all(|part| {
            !part.is_empty()
                && !part.starts_with('.')
                && part.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn refuses_paths_that_leave_the_media_folder() {
        assert!(super::is_safe("demo/pamir-road.svg"));
        assert!(super::is_safe("2026/11/a_b.webp"));
        for bad in ["", "../etc/passwd", "demo/../x", "/etc/passwd", ".hidden", "a//b", "a\\b", "a b"] {
            assert!(!super::is_safe(bad), "{bad}");
        }
    }
}
