//! What a page will weigh on a phone, estimated before it is published:
//! its text, the theme's stylesheet and scripts, and each picture in the
//! rendition a phone will fetch. The editor's checks warn when it is over
//! the budget a slow mobile connection loads in about ten seconds.

/// About ten seconds on a 3G link that delivers 400 kbit/s.
pub const PHONE_BUDGET_BYTES: u64 = 500_000;

/// A phone 375 CSS pixels wide at twice the density: pictures shown full
/// width are fetched in the first rendition at least this wide.
const PHONE_PIXELS: i64 = 750;

/// The theme's stylesheet and scripts as sent (gzip), about.
const THEME_BYTES: u64 = 12_000;

/// HTML shrinks to about a third when sent compressed.
const HTML_COMPRESSION: u64 = 3;

/// A picture as the library knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub width: i64,
    pub height: i64,
    pub bytes: i64,
    /// Its renditions' sizes in pixels (width, height).
    pub renditions: Vec<(i64, i64)>,
}

impl Picture {
    /// The bytes a phone fetches for it: the narrowest rendition at least
    /// as wide as the phone's screen, else the original; a rendition's
    /// bytes are taken in proportion to its pixels.
    pub fn on_a_phone(&self) -> u64 {
        let original_pixels = (self.width * self.height).max(1);
        let fetched = self
            .renditions
            .iter()
            .filter(|(width, _)| *width >= PHONE_PIXELS && *width < self.width)
            .min_by_key(|(width, _)| *width);
        let bytes = match fetched {
            Some((width, height)) => self.bytes.saturating_mul(width * height) / original_pixels,
            None => self.bytes,
        };
        bytes.max(0) as u64
    }
}

/// The page's estimated weight on a phone, in bytes.
pub fn on_a_phone(html_bytes: usize, pictures: &[Picture]) -> u64 {
    THEME_BYTES + html_bytes as u64 / HTML_COMPRESSION + pictures.iter().map(Picture::on_a_phone).sum::<u64>()
}

/// "1.2 MB", "480 KB": a weight as an editor reads it.
pub fn readable(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(bytes: i64) -> Picture {
        Picture { width: 4000, height: 3000, bytes, renditions: vec![(480, 360), (960, 720), (1600, 1200)] }
    }

    #[test]
    fn a_phone_fetches_the_narrowest_rendition_as_wide_as_its_screen() {
        // 960 × 720 is 5.76 % of the pixels of 4000 × 3000.
        assert_eq!(photo(4_000_000).on_a_phone(), 230_400);
    }

    #[test]
    fn a_picture_without_renditions_is_fetched_whole() {
        let drawing = Picture { width: 300, height: 100, bytes: 4_000, renditions: vec![] };
        assert_eq!(drawing.on_a_phone(), 4_000);
    }

    #[test]
    fn a_photo_story_of_large_pictures_is_over_the_budget_and_a_short_article_is_not() {
        let story: Vec<Picture> = (0..4).map(|_| photo(4_000_000)).collect();
        assert!(on_a_phone(20_000, &story) > PHONE_BUDGET_BYTES);
        assert!(on_a_phone(20_000, &[photo(4_000_000)]) < PHONE_BUDGET_BYTES);
    }

    #[test]
    fn weights_read_as_editors_say_them() {
        assert_eq!(readable(1_234_567), "1.2 MB");
        assert_eq!(readable(480_001), "481 KB");
    }
}
