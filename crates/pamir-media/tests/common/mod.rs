//! Real images made in memory for the tests, and hand-made byte structures (EXIF, PNG chunks).
#![allow(dead_code)]

use std::io::Cursor;

use image::codecs::gif::GifEncoder;
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageEncoder, ImageFormat, Rgb, RgbImage};

/// A photo-like picture: smooth gradients with a diagonal pattern, so encoders have real work to do.
pub fn picture(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| {
        let stripe = if (x + y) / 40 % 2 == 0 { 40 } else { 0 };
        Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 100 + stripe])
    }))
}

pub fn encode(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut bytes = Vec::new();
    match format {
        // The fastest palette search: the test is about pamir, not about GIF quantisation.
        ImageFormat::Gif => {
            image.write_with_encoder(GifEncoder::new_with_speed(&mut bytes, 30)).expect("encode GIF");
        }
        _ => image.write_to(&mut Cursor::new(&mut bytes), format).expect("encode test image"),
    }
    bytes
}

pub fn jpeg_with_icc(image: &DynamicImage, icc: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut bytes, 90);
    encoder.set_icc_profile(icc.to_vec()).expect("JPEG takes an ICC profile");
    image.write_with_encoder(encoder).expect("encode JPEG");
    bytes
}

/// The text planted in the fake GPS data, to look for in the output.
pub const GPS_TEXT: &[u8] = b"GPS 38.5598N 68.7870E Dushanbe";

/// A JPEG whose APP1 Exif segment (inserted by hand right after SOI) says "rotate 90° clockwise to view"
/// (orientation 6) and carries a GPS IFD plus the planted [`GPS_TEXT`].
pub fn jpeg_with_exif(image: &DynamicImage) -> Vec<u8> {
    let plain = encode(image, ImageFormat::Jpeg);
    let mut tiff: Vec<u8> = b"MM\x00\x2A\x00\x00\x00\x08".to_vec();
    // IFD0 at 8: two entries, then the offset of the next IFD (none).
    tiff.extend_from_slice(&[0x00, 0x02]);
    tiff.extend_from_slice(&[0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00]);
    tiff.extend_from_slice(&[0x88, 0x25, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 38]);
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    assert_eq!(tiff.len(), 38);
    // GPS IFD: GPSLatitudeRef = "N".
    tiff.extend_from_slice(&[0x00, 0x01, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, b'N', 0, 0, 0]);
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    tiff.extend_from_slice(GPS_TEXT);

    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(&tiff);
    let length = u16::try_from(payload.len() + 2).expect("small segment");
    let mut jpeg = plain[..2].to_vec();
    jpeg.extend_from_slice(&[0xFF, 0xE1]);
    jpeg.extend_from_slice(&length.to_be_bytes());
    jpeg.extend_from_slice(&payload);
    jpeg.extend_from_slice(&plain[2..]);
    jpeg
}

pub fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut chunk = u32::try_from(data.len()).expect("small chunk").to_be_bytes().to_vec();
    chunk.extend_from_slice(kind);
    chunk.extend_from_slice(data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    chunk.extend_from_slice(&crc.finalize().to_be_bytes());
    chunk
}

/// A PNG whose header declares `width` x `height` RGB pixels, followed by a few bytes of garbage where the
/// compressed pixels should be: a decoder reaching them fails, so only a check made before decoding can give
/// a size error rather than a decoding one.
pub fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&png_chunk(b"IHDR", &ihdr));
    png.extend_from_slice(&png_chunk(b"IDAT", &[0xAB; 64]));
    png.extend_from_slice(&png_chunk(b"IEND", &[]));
    png
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}
