//! Language codes as used in URLs and content: `en`, `ru`, `tg`.

use serde::Serialize;
use std::fmt;

/// A validated language code: two or three lowercase ASCII letters.
///
/// Which languages a site offers is a setting; this type only guarantees
/// the code is well-formed, so it can go into a URL or a `lang` attribute.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Lang(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a language code: {0:?} (expected two or three lowercase letters, such as \"en\")")]
pub struct InvalidLang(pub String);

impl Lang {
    pub fn parse(code: &str) -> Result<Self, InvalidLang> {
        let well_formed = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        if well_formed { Ok(Self(code.to_owned())) } else { Err(InvalidLang(code.chars().take(20).collect())) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_short_lowercase_codes_only() {
        assert!(Lang::parse("en").is_ok());
        assert!(Lang::parse("tg").is_ok());
        assert!(Lang::parse("fil").is_ok());
        assert!(Lang::parse("EN").is_err());
        assert!(Lang::parse("e").is_err());
        assert!(Lang::parse("english").is_err());
        assert!(Lang::parse("e1").is_err());
        assert!(Lang::parse("").is_err());
    }
}
