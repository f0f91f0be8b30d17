//! Media files (images) and the words that describe them.

use serde::Serialize;

/// An image as described in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Media {
    pub id: i64,
    /// Path below `/media/`, e.g. `2026/11/pamir-road.svg`.
    pub path: String,
    pub mime_type: String,
    pub width: i64,
    pub height: i64,
    pub byte_size: i64,
    /// Empty when the image is decorative.
    pub alt: String,
    pub caption: String,
    pub credit: String,
}
