//! Renders the files pamir serves for an image: the re-encoded original and smaller copies for `srcset`.

use image::codecs::gif::GifEncoder;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::codecs::webp::WebPEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageEncoder};

use crate::format::Format;
use crate::upload::{Checked, UploadError};

/// Widths of the resized copies, chosen for phones, tablets and wide screens.
pub const WIDTHS: [u32; 3] = [480, 960, 1600];

/// Good quality for photos at about a tenth of the pixels' size; above 90 files grow fast for little gain.
const JPEG_QUALITY: u8 = 85;

/// One file to store and serve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendition {
    pub width: u32,
    pub height: u32,
    pub format: Format,
    pub bytes: Vec<u8>,
    /// What follows the caller's stem in the file name, before the extension: `""` for the full-size files,
    /// `"-480w"` for the copy 480 pixels wide.
    pub name_suffix: String,
}

impl Rendition {
    /// The file name for this rendition: `{stem}.jpg` and `{stem}.webp` at full size, `{stem}-480w.jpg` and
    /// `{stem}-480w.webp` for the copies.
    pub fn file_name(&self, stem: &str) -> String {
        format!("{stem}{}.{}", self.name_suffix, self.format.extension())
    }
}

/// Renders the full-size image and every width in [`WIDTHS`] narrower than it (never enlarged), each in the
/// upload's format and in WebP (once only when the upload is WebP). Full size comes first, then the copies
/// from widest to narrowest.
///
/// Every file is encoded from the decoded pixels, so no metadata of the upload (EXIF, GPS, XMP, comments)
/// and no bytes a polyglot hid survive; the colour profile is carried over deliberately.
pub fn render(checked: &Checked) -> Result<Vec<Rendition>, UploadError> {
    let mut renditions = Vec::new();
    let mut add = |image: &DynamicImage, name_suffix: String| -> Result<(), UploadError> {
        let mut formats = vec![checked.format];
        if checked.format != Format::WebP {
            formats.push(Format::WebP);
        }
        for format in formats {
            renditions.push(Rendition {
                width: image.width(),
                height: image.height(),
                format,
                bytes: encode(image, format, checked.icc_profile.as_deref())?,
                name_suffix: name_suffix.clone(),
            });
        }
        Ok(())
    };

    add(&checked.image, String::new())?;
    // Each copy is resized from the previous, larger one rather than from the original: a 12000-pixel upload
    // is then filtered once, not three times, and a downscale of at most 2x per step loses nothing visible.
    let mut source: Option<DynamicImage> = None;
    for &width in WIDTHS.iter().rev().filter(|&&width| width < checked.width) {
        let height = scaled_height(checked.width, checked.height, width);
        let resized = source.as_ref().unwrap_or(&checked.image).resize_exact(width, height, FilterType::Lanczos3);
        add(&resized, format!("-{width}w"))?;
        source = Some(resized);
    }
    Ok(renditions)
}

/// Keeps the aspect ratio, rounding to the nearest pixel but never to zero.
fn scaled_height(width: u32, height: u32, new_width: u32) -> u32 {
    let scaled = (u64::from(height) * u64::from(new_width) + u64::from(width) / 2) / u64::from(width.max(1));
    u32::try_from(scaled).unwrap_or(u32::MAX).max(1)
}

fn encode(image: &DynamicImage, format: Format, icc_profile: Option<&[u8]>) -> Result<Vec<u8>, UploadError> {
    let mut bytes = Vec::new();
    let written = match format {
        Format::Jpeg => write(image, JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY), icc_profile),
        Format::Png => write(image, PngEncoder::new(&mut bytes), icc_profile),
        // image's own WebP encoder is lossless only: exact, but larger than JPEG for photos. Lossy WebP
        // would need libwebp (the `webp` crate, C code), which we leave for later.
        Format::WebP => write(image, WebPEncoder::new_lossless(&mut bytes), icc_profile),
        // GIF keeps only the first frame of an animation (the decoder gives us that one), and a GIF carries
        // no colour profile. Speed 10 is the gif crate's recommended balance of palette quality and time.
        Format::Gif => {
            DynamicImage::ImageRgba8(image.to_rgba8()).write_with_encoder(GifEncoder::new_with_speed(&mut bytes, 10))
        }
    };
    written.map_err(|e| UploadError::Encode(e.to_string()))?;
    Ok(bytes)
}

fn write(image: &DynamicImage, mut encoder: impl ImageEncoder, icc_profile: Option<&[u8]>) -> image::ImageResult<()> {
    if let Some(icc) = icc_profile {
        // Every encoder used here accepts a profile; should one not, the image is still worth having without.
        let _ = encoder.set_icc_profile(icc.to_vec());
    }
    image.write_with_encoder(encoder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights_keep_the_aspect_ratio() {
        assert_eq!(scaled_height(2000, 1200, 480), 288);
        assert_eq!(scaled_height(3000, 1, 480), 1);
        assert_eq!(scaled_height(1000, 333, 480), 160);
    }
}
