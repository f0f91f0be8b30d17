//! The four image formats pamir accepts: recognised by their magic bytes, and walked to find where the image ends.

use image::ImageFormat;

/// An image format pamir accepts and serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Jpeg,
    Png,
    WebP,
    Gif,
}

impl Format {
    /// The MIME type to serve files of this format with.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::WebP => "image/webp",
            Format::Gif => "image/gif",
        }
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::WebP => "webp",
            Format::Gif => "gif",
        }
    }

    /// Recognises the format from the file's first bytes. The file name and the MIME type the browser sent
    /// are never consulted: both are chosen by the uploader, the bytes are what a decoder will actually see.
    pub fn sniff(bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Format::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Format::Png)
        } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
            Some(Format::WebP)
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            Some(Format::Gif)
        } else {
            None
        }
    }

    pub(crate) fn image_format(self) -> ImageFormat {
        match self {
            Format::Jpeg => ImageFormat::Jpeg,
            Format::Png => ImageFormat::Png,
            Format::WebP => ImageFormat::WebP,
            Format::Gif => ImageFormat::Gif,
        }
    }
}

/// Where the image data ends (the offset just past its end marker), found by walking the container's structure
/// rather than searching for the marker, which can also occur by chance inside compressed data.
/// `None` means the file ends before the image does (or its structure is broken).
pub(crate) fn end_of_image(format: Format, bytes: &[u8]) -> Option<usize> {
    match format {
        Format::Jpeg => jpeg_end(bytes, 0).map(|end| skip_appended_jpegs(bytes, end)),
        Format::Png => png_end(bytes),
        Format::WebP => webp_end(bytes),
        Format::Gif => gif_end(bytes),
    }
}

fn be16(bytes: &[u8], at: usize) -> Option<usize> {
    Some(usize::from(u16::from_be_bytes([*bytes.get(at)?, *bytes.get(at + 1)?])))
}

/// Walks JPEG segments from the SOI at `start` to the EOI marker (FFD9).
fn jpeg_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 2;
    loop {
        if *bytes.get(i)? != 0xFF {
            return None;
        }
        // Any number of 0xFF fill bytes may precede a marker code.
        while *bytes.get(i)? == 0xFF {
            i += 1;
        }
        let marker = bytes[i];
        i += 1;
        match marker {
            0xD9 => return Some(i),
            // Markers without a length field.
            0x01 | 0xD0..=0xD7 => continue,
            _ => {
                let length = be16(bytes, i)?;
                if length < 2 {
                    return None;
                }
                i = i.checked_add(length)?;
                if marker == 0xDA {
                    i = skip_entropy_coded(bytes, i)?;
                }
            }
        }
    }
}

/// Skips a scan's entropy-coded data: inside it 0xFF is followed by 0x00 (a stuffed byte) or a restart marker;
/// anything else is the next real marker.
fn skip_entropy_coded(bytes: &[u8], mut i: usize) -> Option<usize> {
    loop {
        i += bytes.get(i..)?.iter().position(|&b| b == 0xFF)?;
        match *bytes.get(i + 1)? {
            0x00 | 0xD0..=0xD7 => i += 2,
            _ => return Some(i),
        }
    }
}

/// Phones append further complete JPEGs after the main image (MPF depth maps, HDR gain maps); they are part of
/// the photo, not trailing junk, so the trailing-data check starts after the last of them.
fn skip_appended_jpegs(bytes: &[u8], mut end: usize) -> usize {
    loop {
        // Some writers pad between the images.
        let next = end + bytes[end..].iter().take_while(|&&b| b == 0).count();
        if !bytes[next..].starts_with(&[0xFF, 0xD8, 0xFF]) {
            return end;
        }
        match jpeg_end(bytes, next) {
            Some(after) => end = after,
            None => return end,
        }
    }
}

/// Walks PNG chunks (length, type, data, CRC) to the end of the IEND chunk.
fn png_end(bytes: &[u8]) -> Option<usize> {
    let mut i = 8;
    loop {
        let length = u32::from_be_bytes(bytes.get(i..i + 4)?.try_into().ok()?);
        let kind = bytes.get(i + 4..i + 8)?;
        i = i.checked_add(12)?.checked_add(usize::try_from(length).ok()?)?;
        if i > bytes.len() {
            return None;
        }
        if kind == b"IEND" {
            return Some(i);
        }
    }
}

/// A WebP file is one RIFF chunk whose header states its size (padded to an even length).
fn webp_end(bytes: &[u8]) -> Option<usize> {
    let size = usize::try_from(u32::from_le_bytes(bytes.get(4..8)?.try_into().ok()?)).ok()?;
    let end = 8usize.checked_add(size)?.checked_add(size & 1)?;
    (end <= bytes.len()).then_some(end)
}

/// Walks GIF blocks (extensions and image descriptors with their data sub-blocks) to the 0x3B trailer.
fn gif_end(bytes: &[u8]) -> Option<usize> {
    let colour_table = |flags: u8| if flags & 0x80 != 0 { 3usize << ((flags & 0x07) + 1) } else { 0 };
    let mut i = 13 + colour_table(*bytes.get(10)?);
    loop {
        match *bytes.get(i)? {
            0x3B => return Some(i + 1),
            0x21 => i = skip_sub_blocks(bytes, i + 2)?,
            // Image descriptor: 9 bytes, optional local colour table, LZW code size, then the data.
            0x2C => i = skip_sub_blocks(bytes, i + 10 + colour_table(*bytes.get(i + 9)?) + 1)?,
            _ => return None,
        }
    }
}

fn skip_sub_blocks(bytes: &[u8], mut i: usize) -> Option<usize> {
    loop {
        let size = usize::from(*bytes.get(i)?);
        i += 1 + size;
        if size == 0 {
            return Some(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_ignores_everything_but_the_magic_bytes() {
        assert_eq!(Format::sniff(b"\xFF\xD8\xFF\xE0rest"), Some(Format::Jpeg));
        assert_eq!(Format::sniff(b"RIFF\0\0\0\0WEBPVP8L"), Some(Format::WebP));
        assert_eq!(Format::sniff(b"RIFF\0\0\0\0WAVEfmt "), None);
        assert_eq!(Format::sniff(b"GIF89a"), Some(Format::Gif));
        assert_eq!(Format::sniff(b""), None);
    }

    #[test]
    fn jpeg_walk_skips_stuffed_bytes_and_restart_markers_in_scans() {
        // SOI, a tiny APP0, SOS with data containing FF00 and FFD0, then EOI and a trailer.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0xAA, 0xBB, 0xFF, 0xDA, 0x00, 0x02];
        jpeg.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9]);
        let end = jpeg.len();
        jpeg.extend_from_slice(b"<script>");
        assert_eq!(end_of_image(Format::Jpeg, &jpeg), Some(end));
        assert_eq!(end_of_image(Format::Jpeg, &jpeg[..end - 1]), None);
    }

    #[test]
    fn gif_walk_reaches_the_trailer() {
        // 1x1 GIF89a with a 2-colour global table, one image, trailer.
        let gif: &[u8] = &[
            b'G', b'I', b'F', b'8', b'9', b'a', 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255, 0x2C, 0, 0, 0, 0, 1, 0,
            1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3B,
        ];
        assert_eq!(end_of_image(Format::Gif, gif), Some(gif.len()));
        assert_eq!(end_of_image(Format::Gif, &gif[..gif.len() - 1]), None);
    }
}
