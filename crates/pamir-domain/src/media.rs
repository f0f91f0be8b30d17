//! Media files (images) and the words that describe them.

use serde::{Deserialize, Serialize};

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
    /// Resized renditions of an uploaded image, smallest first (empty for
    /// files that need none, such as the demo's SVG drawings).
    pub variants: Vec<MediaVariant>,
    /// Adds nothing a screen reader should say: shown with `alt=""`.
    pub decorative: bool,
}

/// One resized rendition of an image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaVariant {
    pub path: String,
    pub mime_type: String,
    pub width: i64,
    pub height: i64,
}
