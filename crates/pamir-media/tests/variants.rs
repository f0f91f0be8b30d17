//! The files pamir serves for an upload: re-encoded, resized for `srcset`, never enlarged, free of metadata.
// A failing `expect` is how a test reports a broken step.
#![allow(clippy::expect_used)]

mod common;

use common::{GPS_TEXT, contains, encode, jpeg_with_exif, jpeg_with_icc, picture};
use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};
use pamir_media::{Format, Limits, Rendition, inspect, render};

fn renditions(bytes: &[u8]) -> Vec<Rendition> {
    render(&inspect(bytes, &Limits::default()).expect("accepted")).expect("rendered")
}

/// Each rendition is a real file of its stated format and size.
fn assert_decodes(rendition: &Rendition) {
    assert_eq!(Format::sniff(&rendition.bytes), Some(rendition.format), "{}", rendition.file_name("x"));
    let decoded = image::load_from_memory(&rendition.bytes).expect("rendition decodes");
    assert_eq!((decoded.width(), decoded.height()), (rendition.width, rendition.height));
}

fn summary(renditions: &[Rendition]) -> Vec<(String, u32, u32)> {
    renditions.iter().map(|r| (r.file_name("photo"), r.width, r.height)).collect()
}

fn expected(rows: &[(&str, u32, u32)]) -> Vec<(String, u32, u32)> {
    rows.iter().map(|&(name, width, height)| (name.to_owned(), width, height)).collect()
}

#[test]
fn a_jpeg_gets_every_width_in_jpeg_and_webp() {
    let all = renditions(&encode(&picture(2000, 1200), ImageFormat::Jpeg));
    assert_eq!(
        summary(&all),
        expected(&[
            ("photo.jpg", 2000, 1200),
            ("photo.webp", 2000, 1200),
            ("photo-1600w.jpg", 1600, 960),
            ("photo-1600w.webp", 1600, 960),
            ("photo-960w.jpg", 960, 576),
            ("photo-960w.webp", 960, 576),
            ("photo-480w.jpg", 480, 288),
            ("photo-480w.webp", 480, 288),
        ])
    );
    all.iter().for_each(assert_decodes);
    assert_eq!(all[2].name_suffix, "-1600w");
    assert_eq!(all[0].name_suffix, "");
}

#[test]
fn a_png_keeps_png_and_its_transparency() {
    let mut image = RgbaImage::from_pixel(1000, 500, Rgba([200, 30, 30, 255]));
    for x in 0..500 {
        for y in 0..500 {
            image.put_pixel(x, y, Rgba([0, 0, 0, 0]));
        }
    }
    let all = renditions(&encode(&DynamicImage::ImageRgba8(image), ImageFormat::Png));
    assert_eq!(
        summary(&all),
        expected(&[
            ("photo.png", 1000, 500),
            ("photo.webp", 1000, 500),
            ("photo-960w.png", 960, 480),
            ("photo-960w.webp", 960, 480),
            ("photo-480w.png", 480, 240),
            ("photo-480w.webp", 480, 240),
        ])
    );
    for rendition in &all {
        assert_decodes(rendition);
        let decoded = image::load_from_memory(&rendition.bytes).expect("decodes").to_rgba8();
        assert_eq!(decoded.get_pixel(10, 10)[3], 0, "{} lost its transparency", rendition.file_name("photo"));
        assert_eq!(decoded.get_pixel(rendition.width - 10, 10)[3], 255);
    }
}

#[test]
fn a_webp_is_rendered_once_per_width() {
    let all = renditions(&encode(&picture(1000, 600), ImageFormat::WebP));
    assert_eq!(
        summary(&all),
        expected(&[("photo.webp", 1000, 600), ("photo-960w.webp", 960, 576), ("photo-480w.webp", 480, 288)])
    );
    all.iter().for_each(assert_decodes);
}

#[test]
fn a_gif_keeps_gif_beside_webp() {
    let all = renditions(&encode(&picture(600, 300), ImageFormat::Gif));
    assert_eq!(
        summary(&all),
        expected(&[
            ("photo.gif", 600, 300),
            ("photo.webp", 600, 300),
            ("photo-480w.gif", 480, 240),
            ("photo-480w.webp", 480, 240)
        ])
    );
    all.iter().for_each(assert_decodes);
}

#[test]
fn a_small_image_is_never_enlarged() {
    let all = renditions(&encode(&picture(300, 200), ImageFormat::Jpeg));
    assert_eq!(summary(&all), expected(&[("photo.jpg", 300, 200), ("photo.webp", 300, 200)]));
    all.iter().for_each(assert_decodes);

    // Exactly 480 wide: the full-size file already is the 480 copy.
    let all = renditions(&encode(&picture(480, 200), ImageFormat::Jpeg));
    assert_eq!(summary(&all), expected(&[("photo.jpg", 480, 200), ("photo.webp", 480, 200)]));
    assert!(all.iter().all(|r| r.name_suffix.is_empty()), "{:?}", summary(&all));
}

#[test]
fn exif_and_gps_data_do_not_reach_the_served_files() {
    let jpeg = jpeg_with_exif(&picture(1000, 600));
    assert!(contains(&jpeg, b"Exif") && contains(&jpeg, GPS_TEXT), "the upload carries the metadata");

    let all = renditions(&jpeg);
    assert_eq!(all.len(), 4, "{:?}", summary(&all));
    for rendition in &all {
        let name = rendition.file_name("photo");
        assert!(!contains(&rendition.bytes, b"Exif"), "{name} has an Exif block");
        assert!(!contains(&rendition.bytes, GPS_TEXT), "{name} has the GPS text");
        // Orientation 6 was applied to the pixels, so the files are upright without EXIF.
        assert!(rendition.height > rendition.width, "{name} is {}x{}", rendition.width, rendition.height);
    }
    assert_eq!((all[0].width, all[0].height), (600, 1000));
}

#[test]
fn the_colour_profile_is_carried_over() {
    let icc = b"pamir-test-colour-profile".repeat(4);
    let checked = inspect(&jpeg_with_icc(&picture(600, 400), &icc), &Limits::default()).expect("accepted");
    assert_eq!(checked.icc_profile.as_deref(), Some(&icc[..]));
    let all = render(&checked).expect("rendered");
    assert_eq!(
        summary(&all),
        expected(&[
            ("photo.jpg", 600, 400),
            ("photo.webp", 600, 400),
            ("photo-480w.jpg", 480, 320),
            ("photo-480w.webp", 480, 320)
        ])
    );
    for rendition in &all {
        assert!(contains(&rendition.bytes, &icc), "{} lost the profile", rendition.file_name("photo"));
    }
}
