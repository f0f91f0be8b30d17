//! What an editor sees when uploading: accepted images pass, anything else is refused with a reason.
// A failing `expect` is how a test reports a broken step.
#![allow(clippy::expect_used)]

mod common;

use common::{contains, encode, jpeg_with_exif, picture, png_claiming};
use image::ImageFormat;
use pamir_media::{Format, Limits, UploadError, inspect};

fn refused(bytes: &[u8]) -> UploadError {
    match inspect(bytes, &Limits::default()) {
        Ok(checked) => panic!("accepted a file that should be refused ({:?})", checked.format),
        Err(error) => error,
    }
}

#[test]
fn jpeg_png_webp_and_gif_are_accepted_at_their_true_size() {
    let image = picture(2000, 1200);
    for (format, expected) in [
        (ImageFormat::Jpeg, Format::Jpeg),
        (ImageFormat::Png, Format::Png),
        (ImageFormat::WebP, Format::WebP),
        (ImageFormat::Gif, Format::Gif),
    ] {
        let checked = inspect(&encode(&image, format), &Limits::default()).expect("accepted");
        assert_eq!(checked.format, expected);
        assert_eq!((checked.width, checked.height), (2000, 1200), "{format:?}");
        assert_eq!((checked.image.width(), checked.image.height()), (2000, 1200), "{format:?}");
    }
}

#[test]
fn format_comes_with_its_mime_type_and_extension() {
    let table = [Format::Jpeg, Format::Png, Format::WebP, Format::Gif].map(|f| (f.mime(), f.extension()));
    assert_eq!(table, [("image/jpeg", "jpg"), ("image/png", "png"), ("image/webp", "webp"), ("image/gif", "gif")]);
}

#[test]
fn files_that_are_not_accepted_images_are_refused_by_their_bytes() {
    let samples: [(&str, &[u8]); 9] = [
        ("svg", b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
        ("pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n"),
        ("html", b"<!DOCTYPE html><html><body>hello</body></html>"),
        ("empty", b""),
        ("bmp", b"BM\x46\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00\x02\x00\x00\x00"),
        ("tiff", b"II*\x00\x08\x00\x00\x00"),
        ("zip", b"PK\x03\x04\x14\x00\x00\x00"),
        ("text", b"just some notes.jpg"),
        ("truncated magic", b"\x89PN"),
    ];
    for (name, bytes) in samples {
        let error = refused(bytes);
        assert!(matches!(error, UploadError::UnsupportedFormat), "{name}: {error:?}");
        assert_eq!(error.fluent_key(), "media-error-format");
        assert!(error.to_string().starts_with("This file is not one pamir accepts: an image (JPEG, PNG, WebP or GIF)"));
    }
}

#[test]
fn script_appended_after_a_png_is_refused() {
    let mut png = encode(&picture(64, 48), ImageFormat::Png);
    png.extend_from_slice(b"<script>alert(1)</script>");
    let error = refused(&png);
    assert!(matches!(error, UploadError::Polyglot), "{error:?}");
    assert_eq!(error.fluent_key(), "media-error-polyglot");
}

#[test]
fn markup_appended_after_jpeg_gif_or_webp_is_refused() {
    for (format, markup) in [
        (ImageFormat::Jpeg, &b"<HTML><body onload=alert(1)>"[..]),
        (ImageFormat::Gif, b"\n<svg onload=alert(1)>"),
        (ImageFormat::WebP, b"<?php system($_GET['c']); ?>"),
    ] {
        let mut bytes = encode(&picture(64, 48), format);
        bytes.extend_from_slice(markup);
        assert!(matches!(refused(&bytes), UploadError::Polyglot), "{format:?}");
    }
}

#[test]
fn markup_in_the_first_kilobyte_is_refused() {
    // A JPEG comment segment right after SOI, where browsers sniffing for HTML would find it.
    let jpeg = encode(&picture(64, 48), ImageFormat::Jpeg);
    let comment = b"<ScRiPt src=//evil.example></script>";
    let mut bytes = jpeg[..2].to_vec();
    bytes.extend_from_slice(&[0xFF, 0xFE, 0x00, u8::try_from(comment.len() + 2).expect("short")]);
    bytes.extend_from_slice(comment);
    bytes.extend_from_slice(&jpeg[2..]);
    assert!(inspect(&jpeg, &Limits::default()).is_ok(), "the same JPEG without the comment is fine");
    assert!(matches!(refused(&bytes), UploadError::Polyglot));
}

#[test]
fn harmless_trailing_data_and_appended_phone_images_are_accepted() {
    // Phones append a second JPEG (depth or gain map) after the photo; some tools pad with zeros.
    let mut jpeg = encode(&picture(200, 100), ImageFormat::Jpeg);
    let gain_map = encode(&picture(50, 25), ImageFormat::Jpeg);
    jpeg.extend_from_slice(&gain_map);
    jpeg.extend_from_slice(&[0; 16]);
    let checked = inspect(&jpeg, &Limits::default()).expect("accepted");
    assert_eq!((checked.width, checked.height), (200, 100));
}

#[test]
fn a_jpeg_cut_off_halfway_is_reported_as_damaged() {
    let jpeg = encode(&picture(400, 300), ImageFormat::Jpeg);
    let error = refused(&jpeg[..jpeg.len() / 2]);
    assert!(matches!(error, UploadError::Corrupt(_)), "{error:?}");
    assert_eq!(error.fluent_key(), "media-error-corrupt");
    assert!(error.to_string().starts_with("This image could not be read"), "{error}");
}

#[test]
fn a_png_cut_off_or_with_damaged_pixels_is_reported_as_damaged() {
    let png = encode(&picture(400, 300), ImageFormat::Png);
    assert!(matches!(refused(&png[..png.len() / 2]), UploadError::Corrupt(_)));

    // Structure intact (every chunk has a valid CRC), compressed data garbage: the decoder must say so.
    let error = refused(&png_claiming(400, 300));
    assert!(matches!(error, UploadError::Corrupt(ref reason) if !reason.is_empty()), "{error:?}");
}

#[test]
fn a_header_claiming_60000_by_60000_pixels_is_refused_before_decoding() {
    // The file has no real pixel data: reaching the decoder would give `Corrupt` (as the test above shows),
    // so `TooLarge` proves the refusal came from the header alone, without allocating 10 GB.
    let error = refused(&png_claiming(60_000, 60_000));
    match error {
        UploadError::TooLarge { width: 60_000, height: 60_000, max_side: 12_000, max_pixels: 50_000_000 } => {}
        ref other => panic!("expected TooLarge, got {other:?}"),
    }
    assert_eq!(error.fluent_key(), "media-error-too-large");
    assert_eq!(
        error.to_string(),
        "This image is 60000 × 60000 pixels, too large to process safely: the limit is 12000 pixels on the longest \
         side and 50 megapixels in all. Scale it down and upload it again."
    );
}

#[test]
fn a_very_long_strip_is_refused_by_the_side_limit() {
    let error = refused(&png_claiming(20_000, 10));
    assert!(matches!(error, UploadError::TooLarge { width: 20_000, height: 10, .. }), "{error:?}");
}

#[test]
fn the_pixel_limit_can_be_lowered() {
    let jpeg = encode(&picture(2000, 1200), ImageFormat::Jpeg);
    let limits = Limits { max_pixels: 2_000_000, ..Limits::default() };
    let error = inspect(&jpeg, &limits).expect_err("2.4 megapixels is over 2");
    assert!(matches!(error, UploadError::TooLarge { width: 2000, height: 1200, .. }), "{error:?}");
    assert!(error.to_string().contains("2 megapixels"), "{error}");
}

#[test]
fn a_file_over_the_byte_limit_is_refused_before_anything_else() {
    let png = encode(&picture(200, 100), ImageFormat::Png);
    let limits = Limits { max_bytes: png.len() - 1, ..Limits::default() };
    let error = inspect(&png, &limits).expect_err("one byte too many");
    assert!(matches!(error, UploadError::FileTooBig { size, max } if size == png.len() && max == png.len() - 1));
    assert_eq!(error.fluent_key(), "media-error-file-too-big");
    assert!(inspect(&png, &Limits { max_bytes: png.len(), ..Limits::default() }).is_ok());

    let big = vec![0u8; 21 * 1024 * 1024];
    let error = refused(&big);
    assert_eq!(error.to_string(), "This file is 21.0 MB; pamir accepts files up to 20.0 MB.");
}

#[test]
fn default_limits_are_20_mib_50_megapixels_and_12000_pixels_a_side() {
    assert_eq!(Limits::default(), Limits { max_bytes: 20 * 1024 * 1024, max_pixels: 50_000_000, max_side: 12_000 });
}

#[test]
fn a_phone_photo_taken_sideways_is_turned_upright() {
    // EXIF orientation 6: the sensor stored 2000 x 1200, the viewer must rotate it to 1200 x 2000.
    let jpeg = jpeg_with_exif(&picture(2000, 1200));
    assert!(contains(&jpeg, b"Exif\0\0"));
    let checked = inspect(&jpeg, &Limits::default()).expect("accepted");
    assert_eq!((checked.width, checked.height), (1200, 2000));
    assert_eq!((checked.image.width(), checked.image.height()), (1200, 2000));
}
