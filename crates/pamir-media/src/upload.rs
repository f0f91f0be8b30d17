//! Checks an uploaded file before pamir keeps it: an accepted format, no hidden web page, a safe size, decodable.

use std::io::Cursor;

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageError, ImageReader};

use crate::format::{Format, end_of_image};

/// How much an upload may weigh, in bytes and in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Size of the uploaded file.
    pub max_bytes: usize,
    /// Width times height. The decoded image takes up to 8 bytes a pixel, so this bounds memory, not the file size.
    pub max_pixels: u64,
    /// Longest allowed side, so a 1 x 50,000,000 strip cannot pass the pixel limit.
    pub max_side: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 20 * 1024 * 1024, max_pixels: 50_000_000, max_side: 12_000 }
    }
}

/// An upload that passed every check, decoded and turned upright.
#[derive(Debug, Clone)]
pub struct Checked {
    pub format: Format,
    /// Size after the EXIF orientation has been applied, i.e. as the picture is seen.
    pub width: u32,
    pub height: u32,
    pub image: DynamicImage,
    /// The colour profile, kept so wide-gamut phone photos (Display P3) keep their colours once re-encoded.
    /// It describes the screen, not the person; everything else (EXIF, GPS, XMP, comments) is dropped.
    pub icc_profile: Option<Vec<u8>>,
}

/// Why an upload was refused. The messages are shown to editors as they are.
#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error(
        "This file is not one pamir accepts: an image (JPEG, PNG, WebP or GIF), audio, video, or a document \
         (PDF, Word, Excel, PowerPoint, OpenDocument) whose contents match its name."
    )]
    UnsupportedFormat,
    #[error(
        "This file hides web-page code alongside the picture, so pamir refused it. \
         Export the picture again from an image editor and upload the new file."
    )]
    Polyglot,
    #[error("This file is {}; pamir accepts files up to {}.", megabytes(*size), megabytes(*max))]
    FileTooBig { size: usize, max: usize },
    #[error(
        "This image is {width} × {height} pixels, too large to process safely: the limit is {max_side} pixels \
         on the longest side and {} megapixels in all. Scale it down and upload it again.",
        megapixels(*max_pixels)
    )]
    TooLarge { width: u32, height: u32, max_side: u32, max_pixels: u64 },
    #[error("This image could not be read; the file may be damaged or incomplete ({0}). Try exporting it again.")]
    Corrupt(String),
    #[error("pamir could not save a copy of this image ({0}).")]
    Encode(String),
    #[error(transparent)]
    Svg(#[from] crate::svg::SvgError),
}

impl UploadError {
    /// The Fluent message id the web layer translates this error with.
    pub fn fluent_key(&self) -> &'static str {
        match self {
            UploadError::UnsupportedFormat => "media-error-format",
            UploadError::Polyglot => "media-error-polyglot",
            UploadError::FileTooBig { .. } => "media-error-file-too-big",
            UploadError::TooLarge { .. } => "media-error-too-large",
            UploadError::Corrupt(_) => "media-error-corrupt",
            UploadError::Encode(_) => "media-error-encode",
            UploadError::Svg(_) => "media-error-svg",
        }
    }
}

fn megabytes(bytes: usize) -> String {
    // Precision loss is irrelevant for a size shown to a person.
    let mb = bytes as f64 / (1024.0 * 1024.0);
    format!("{mb:.1} MB")
}

fn megapixels(pixels: u64) -> String {
    let mp = format!("{:.1}", pixels as f64 / 1_000_000.0);
    mp.strip_suffix(".0").map(str::to_owned).unwrap_or(mp)
}

/// Checks an uploaded file and decodes it. Cheap checks come first, so a hostile file costs little:
/// size, format, hidden markup, then the dimensions from the header, and only then the full decode.
pub fn inspect(bytes: &[u8], limits: &Limits) -> Result<Checked, UploadError> {
    if bytes.len() > limits.max_bytes {
        return Err(UploadError::FileTooBig { size: bytes.len(), max: limits.max_bytes });
    }
    let format = Format::sniff(bytes).ok_or(UploadError::UnsupportedFormat)?;
    let end = end_of_image(format, bytes);
    if hides_markup(bytes, end) {
        return Err(UploadError::Polyglot);
    }

    // Decompression bombs: a few hundred bytes can declare 60000 x 60000 pixels. The header alone tells us.
    let too_large = |width, height| UploadError::TooLarge {
        width,
        height,
        max_side: limits.max_side,
        max_pixels: limits.max_pixels,
    };
    let (width, height) = reader(bytes, format, &header_limits()).into_dimensions().map_err(corrupt)?;
    if width > limits.max_side || height > limits.max_side || u64::from(width) * u64::from(height) > limits.max_pixels {
        return Err(too_large(width, height));
    }
    // A cut-off upload may still decode (image 0.25 decodes half a JPEG without complaint), so insist on the end
    // marker. GIF is spared: encoders that forget its trailer are common, and browsers show those files anyway.
    if end.is_none() && format != Format::Gif {
        return Err(UploadError::Corrupt("the file ends before the image does".into()));
    }

    let decoder_limits = decoder_limits(limits);
    let max_alloc = decoder_limits.max_alloc;
    let mut decoder = reader(bytes, format, &decoder_limits).into_decoder().map_err(|e| match e {
        ImageError::Limits(_) => too_large(width, height),
        e => corrupt(e),
    })?;
    if max_alloc.is_some_and(|max| decoder.total_bytes() > max) {
        return Err(too_large(width, height));
    }
    // Metadata is dropped on re-encoding, so the rotation phones record in EXIF must be applied to the pixels.
    // A broken EXIF block is no reason to refuse a photo: it is then shown as stored.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let icc_profile = decoder.icc_profile().ok().flatten().filter(|icc| icc.len() <= 1024 * 1024 && !has_markup(icc));
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        ImageError::Limits(_) => too_large(width, height),
        e => corrupt(e),
    })?;
    image.apply_orientation(orientation);

    Ok(Checked { format, width: image.width(), height: image.height(), image, icc_profile })
}

fn corrupt(error: ImageError) -> UploadError {
    UploadError::Corrupt(error.to_string())
}

fn reader<'a>(bytes: &'a [u8], format: Format, limits: &image::Limits) -> ImageReader<Cursor<&'a [u8]>> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    reader.limits(limits.clone());
    reader
}

/// For reading the header only: no side limit, so the decoder reports the real size and we can refuse it
/// with a message that names it.
fn header_limits() -> image::Limits {
    let mut header = image::Limits::default();
    // Headers with their metadata chunks are small; a file claiming otherwise is refused as damaged.
    header.max_alloc = Some(64 * 1024 * 1024);
    header
}

/// Belt and braces for the full decode, in case a decoder finds a larger frame than the header declared.
fn decoder_limits(limits: &Limits) -> image::Limits {
    let mut decoder = image::Limits::default();
    decoder.max_image_width = Some(limits.max_side);
    decoder.max_image_height = Some(limits.max_side);
    // 8 bytes a pixel covers the widest format we decode (16-bit RGBA), plus room for decoder scratch.
    decoder.max_alloc = Some(limits.max_pixels.saturating_mul(8).saturating_add(64 * 1024 * 1024));
    decoder
}

/// Tags that make a browser sniff a file as HTML or SVG and run script in it. Matched case-insensitively.
const MARKUP: &[&[u8]] = &[b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<iframe", b"<svg", b"<?php"];

/// Polyglot files are valid images that are also web pages. We look where such pages hide: the first KiB,
/// which browsers sniff, and anything appended after the image's end marker. Compressed pixel data in
/// between is not scanned: a short tag like `<svg` turns up there by chance in a few photos in a thousand.
/// This check is a courtesy that gives a clear message; the real protection is that pamir never serves
/// the uploaded bytes, only files re-encoded from the pixels.
fn hides_markup(bytes: &[u8], end: Option<usize>) -> bool {
    has_markup(&bytes[..bytes.len().min(1024)]) || end.is_some_and(|end| has_markup(&bytes[end..]))
}

fn has_markup(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().filter(|&(_, &b)| b == b'<').any(|(at, _)| {
        MARKUP.iter().any(|tag| bytes.get(at..at + tag.len()).is_some_and(|window| window.eq_ignore_ascii_case(tag)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_found_in_any_letter_case() {
        assert!(has_markup(b"\x00\x01<ScRiPt>"));
        assert!(has_markup(b"<?PHP echo 1;"));
        assert!(!has_markup(b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>"));
        assert!(!has_markup(b"<scrip"));
    }

    #[test]
    fn every_error_has_its_own_fluent_key() {
        let errors = [
            UploadError::UnsupportedFormat,
            UploadError::Polyglot,
            UploadError::FileTooBig { size: 2, max: 1 },
            UploadError::TooLarge { width: 1, height: 1, max_side: 1, max_pixels: 1 },
            UploadError::Corrupt(String::new()),
            UploadError::Encode(String::new()),
        ];
        let mut keys: Vec<_> = errors.iter().map(UploadError::fluent_key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), errors.len());
        assert!(keys.iter().all(|key| key.starts_with("media-error-")));
    }

    #[test]
    fn sizes_are_shown_in_megabytes() {
        let message = UploadError::FileTooBig { size: 25 * 1024 * 1024, max: 20 * 1024 * 1024 }.to_string();
        assert_eq!(message, "This file is 25.0 MB; pamir accepts files up to 20.0 MB.");
    }
}
