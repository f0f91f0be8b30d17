//! `/media/{path}`: stored media files. Only files the database knows are
//! served, with the type recorded at upload, never guessed from the name.

use crate::error::PageError;
use crate::public::reader::site_of;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
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
    let file = state.core.media_dir.join(path.as_ref());
    let total = match tokio::fs::metadata(&file).await {
        Ok(meta) => meta.len(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Err(PageError::NotFound),
        Err(error) => return Err(PageError::Internal(format!("reading media {path}: {error}"))),
    };
    let range = headers.get(header::RANGE).and_then(|v| v.to_str().ok()).map(|v| byte_range(v, total));
    let (status, body, content_range) = match range {
        Some(Some((start, end))) => {
            let bytes = read_range(&file, start, end - start + 1)
                .await
                .map_err(|e| PageError::Internal(format!("reading media {path}: {e}")))?;
            (StatusCode::PARTIAL_CONTENT, bytes, Some(format!("bytes {start}-{end}/{total}")))
        }
        Some(None) => {
            let mut response = StatusCode::RANGE_NOT_SATISFIABLE.into_response();
            if let Ok(value) = HeaderValue::from_str(&format!("bytes */{total}")) {
                response.headers_mut().insert(header::CONTENT_RANGE, value);
            }
            return Ok(response);
        }
        None => {
            let bytes =
                tokio::fs::read(&file).await.map_err(|e| PageError::Internal(format!("reading media {path}: {e}")))?;
            (StatusCode::OK, bytes, None)
        }
    };
    let content_type = HeaderValue::from_str(&mime).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let mut response = (
        status,
        [(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, HeaderValue::from_static(MEDIA_CACHE_CONTROL))],
        Body::from(body),
    )
        .into_response();
    let response_headers = response.headers_mut();
    // Players ask for parts of audio and video files, to start quickly and to seek.
    response_headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    if let Some(content_range) = content_range.and_then(|v| HeaderValue::from_str(&v).ok()) {
        response_headers.insert(header::CONTENT_RANGE, content_range);
    }
    // A document is downloaded under its name rather than opened in the site's origin.
    let media_like = ["image/", "audio/", "video/"].iter().any(|prefix| mime.starts_with(prefix));
    if !media_like {
        let name = path.rsplit('/').next().unwrap_or("file");
        if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
            response_headers.insert(header::CONTENT_DISPOSITION, value);
        }
    }
    // Whatever a stored file is, opened on its own it must not run anything on this origin.
    response_headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; sandbox"),
    );
    Ok(response)
}

/// The most one ranged response carries: players ask again for the rest.
const MAX_RANGE: u64 = 4 * 1024 * 1024;

/// The byte range (first, last, inclusive) a `Range` header asks for in a
/// file of `total` bytes; `None` when it cannot be satisfied. Only single
/// ranges are answered as such; a list is read as its first range.
fn byte_range(header: &str, total: u64) -> Option<(u64, u64)> {
    let spec = header.trim().strip_prefix("bytes=")?.split(',').next()?.trim();
    let (start, end) = spec.split_once('-')?;
    let (start, end) = match (start.trim(), end.trim()) {
        ("", suffix) => {
            let suffix: u64 = suffix.parse().ok()?;
            (total.checked_sub(suffix.min(total))?, total.checked_sub(1)?)
        }
        (start, "") => (start.parse().ok()?, total.checked_sub(1)?),
        (start, end) => (start.parse().ok()?, end.parse::<u64>().ok()?.min(total.checked_sub(1)?)),
    };
    (start <= end && start < total).then_some((start, end.min(start + MAX_RANGE - 1)))
}

async fn read_range(file: &std::path::Path, start: u64, length: u64) -> std::io::Result<Vec<u8>> {
    use tokio::io::{AsyncReadExt, AsyncSeekExt};
    let mut file = tokio::fs::File::open(file).await?;
    file.seek(std::io::SeekFrom::Start(start)).await?;
    let mut bytes = vec![0; usize::try_from(length).unwrap_or(usize::MAX)];
    file.read_exact(&mut bytes).await?;
    Ok(bytes)
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
    fn byte_ranges_as_players_ask_for_them() {
        use super::byte_range;
        assert_eq!(byte_range("bytes=0-", 1000), Some((0, 999)));
        assert_eq!(byte_range("bytes=100-199", 1000), Some((100, 199)));
        assert_eq!(byte_range("bytes=-100", 1000), Some((900, 999)));
        assert_eq!(byte_range("bytes=900-5000", 1000), Some((900, 999)));
        assert_eq!(byte_range("bytes=1000-", 1000), None, "past the end");
        assert_eq!(byte_range("bytes=5-2", 1000), None);
        assert_eq!(byte_range("items=0-1", 1000), None);
        assert_eq!(byte_range("bytes=0-", 10_000_000_000), Some((0, 4 * 1024 * 1024 - 1)), "one part at a time");
    }

    #[test]
    fn refuses_paths_that_leave_the_media_folder() {
        assert!(super::is_safe("demo/pamir-road.svg"));
        assert!(super::is_safe("2026/11/a_b.webp"));
        for bad in ["", "../etc/passwd", "demo/../x", "/etc/passwd", ".hidden", "a//b", "a\\b", "a b"] {
            assert!(!super::is_safe(bad), "{bad}");
        }
    }
}
