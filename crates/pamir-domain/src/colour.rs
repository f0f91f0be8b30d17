//! The brand colour and the palette the theme derives from it.
//!
//! An administrator picks one colour; pamir derives the few shades a page
//! needs and refuses a colour that would make any text on the page
//! unreadable, naming the pair of colours that fails (WCAG 2.1, 1.4.3:
//! 4.5:1 for body text).

use serde::{Deserialize, Serialize};

/// The contrast ratio body text needs against its background.
pub const MIN_CONTRAST: f64 = 4.5;

/// An sRGB colour, written `#0e4a5c`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

pub const WHITE: Colour = Colour { r: 255, g: 255, b: 255 };
/// The page's text colour in the light scheme.
pub const INK: Colour = Colour { r: 0x1c, g: 0x1f, b: 0x23 };
/// The page's background in the dark scheme.
pub const NIGHT: Colour = Colour { r: 0x15, g: 0x17, b: 0x1a };

impl Colour {
    /// `#0e4a5c` or `#0e4` (either case); `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize, len: usize| u8::from_str_radix(&hex[i * len..i * len + len], 16).ok();
        match hex.len() {
            6 => Some(Self { r: digit(0, 2)?, g: digit(1, 2)?, b: digit(2, 2)? }),
            3 => Some(Self { r: digit(0, 1)? * 17, g: digit(1, 1)? * 17, b: digit(2, 1)? * 17 }),
            _ => None,
        }
    }

    /// `#0e4a5c`, lower case.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// Relative luminance, 0 (black) to 1 (white), as WCAG defines it.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// The WCAG contrast ratio of two colours, 1 to 21.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (light, dark) = if a > b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }

    /// This colour moved `amount` (0 to 1) of the way towards `other`.
    pub fn mix(self, other: Colour, amount: f64) -> Colour {
        let step = |from: u8, to: u8| {
            let value = f64::from(from) + (f64::from(to) - f64::from(from)) * amount.clamp(0.0, 1.0);
            value.round().clamp(0.0, 255.0) as u8
        };
        Colour { r: step(self.r, other.r), g: step(self.g, other.g), b: step(self.b, other.b) }
    }
}

impl Serialize for Colour {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.hex())
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Colour::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not a colour like #0e4a5c")))
    }
}

/// The shades a page is drawn with, all derived from the brand colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Header band, buttons, links on white.
    pub brand: Colour,
    /// Hover and pressed states, and the footer band.
    pub brand_dark: Colour,
    /// The pale background of sections and text cards.
    pub tint: Colour,
    /// Links and accents on the dark scheme's background.
    pub brand_on_night: Colour,
    /// The dark scheme's section background.
    pub night_tint: Colour,
}

/// Two colours that must be told apart and cannot be, with their ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FailingPair {
    /// Which pair, as a key: `white-on-brand`, `brand-on-tint`.
    pub pair: &'static str,
    pub ratio: f64,
}

impl Palette {
    /// The palette of `brand`, or every pair of its colours that readers
    /// could not read.
    pub fn from_brand(brand: Colour) -> Result<Self, Vec<FailingPair>> {
        let tint = brand.mix(WHITE, 0.92);
        let brand_dark = brand.mix(Colour { r: 0, g: 0, b: 0 }, 0.3);
        let night_tint = NIGHT.mix(brand, 0.18);
        // On the dark background, the brand lightened just enough to read.
        let brand_on_night = (0..=20)
            .map(|step| brand.mix(WHITE, f64::from(step) * 0.05))
            .find(|shade| shade.contrast(night_tint) >= MIN_CONTRAST)
            .unwrap_or(WHITE);
        let pairs = [("white-on-brand", WHITE.contrast(brand)), ("brand-on-tint", brand.contrast(tint))];
        let failing: Vec<FailingPair> = pairs
            .into_iter()
            .filter(|(_, ratio)| *ratio < MIN_CONTRAST)
            .map(|(pair, ratio)| FailingPair { pair, ratio })
            .collect();
        if failing.is_empty() { Ok(Self { brand, brand_dark, tint, brand_on_night, night_tint }) } else { Err(failing) }
    }

    /// The palette as CSS custom properties, for the theme's stylesheet.
    pub fn css(&self) -> String {
        format!(
            ":root{{--brand:{};--brand-dark:{};--tint:{}}}\
             @media (prefers-color-scheme:dark){{:root{{--brand-text:{};--tint:{}}}}}",
            self.brand.hex(),
            self.brand_dark.hex(),
            self.tint.hex(),
            self.brand_on_night.hex(),
            self.night_tint.hex()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_read_as_css_writes_them() {
        assert_eq!(Colour::parse("#0E4A5C"), Some(Colour { r: 0x0e, g: 0x4a, b: 0x5c }));
        assert_eq!(Colour::parse("#fff"), Some(WHITE));
        assert_eq!(Colour::parse("0e4a5c"), None, "the # is part of it");
        assert_eq!(Colour::parse("#0e4a5"), None);
        assert_eq!(Colour::parse("#+e4a5c"), None);
        assert_eq!(Colour::parse("#ééé"), None);
        assert_eq!(WHITE.hex(), "#ffffff");
    }

    #[test]
    fn contrast_is_the_wcag_ratio() {
        let black = Colour { r: 0, g: 0, b: 0 };
        assert!((WHITE.contrast(black) - 21.0).abs() < 1e-9);
        assert!((WHITE.contrast(WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        let grey = Colour::parse("#767676").unwrap_or(WHITE);
        assert!((grey.contrast(WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn a_pale_yellow_is_refused_and_the_demo_teal_accepted() {
        let yellow = Colour::parse("#f5e663").unwrap_or(WHITE);
        let failing = Palette::from_brand(yellow).err().unwrap_or_default();
        assert!(failing.iter().any(|f| f.pair == "white-on-brand" && f.ratio < 2.0), "{failing:?}");
        let teal = Colour::parse("#0e4a5c").unwrap_or(WHITE);
        let palette = Palette::from_brand(teal);
        assert!(palette.is_ok(), "{palette:?}");
        let palette = palette.unwrap_or_else(|_| unreachable!());
        assert!(palette.brand_on_night.contrast(palette.night_tint) >= MIN_CONTRAST);
        assert!(palette.css().starts_with(":root{--brand:#0e4a5c;"));
    }
}
