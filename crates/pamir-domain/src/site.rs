//! A site and its settings: languages, names, contact details.

use crate::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A text given per language code, e.g. the site's name in en, ru and tg.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalizedText(pub BTreeMap<String, String>);

impl LocalizedText {
    /// The text in `lang`, else in `fallback`, else any text there is.
    pub fn get<'a>(&'a self, lang: &Lang, fallback: &Lang) -> &'a str {
        self.0
            .get(lang.as_str())
            .or_else(|| self.0.get(fallback.as_str()))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// How readers reach the office.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDetails {
    pub address: LocalizedText,
    pub hours: LocalizedText,
    pub phones: Vec<String>,
    pub fax: Option<String>,
    /// Never written into HTML as such: pages cloak it.
    pub email: Option<String>,
}

/// Everything an administrator sets for a site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteSettings {
    pub name: LocalizedText,
    pub tagline: LocalizedText,
    /// Offered languages in the order the language switcher shows them.
    pub languages: Vec<Lang>,
    pub default_lang: Lang,
    pub front_page_size: u32,
    pub contact: ContactDetails,
    /// Feeds carry whole texts (else their teasers only).
    #[serde(default)]
    pub feed_full_text: bool,
    /// Every admin user must sign in with a second factor.
    #[serde(default)]
    pub mfa_required: bool,
    /// Languages to fill a listing from, in order, where an item has no
    /// version in the reader's language yet: `tg` → `[ru, en]`. Empty: none.
    #[serde(default)]
    pub fallbacks: std::collections::BTreeMap<String, Vec<Lang>>,
    /// The zone every date and time is shown in (`Asia/Dushanbe`), and the
    /// one the admin's date inputs are read in. Stored instants stay UTC.
    #[serde(default = "utc")]
    pub time_zone: chrono_tz::Tz,
}

fn utc() -> chrono_tz::Tz {
    chrono_tz::Tz::UTC
}

impl SiteSettings {
    /// `at` on the site's clock.
    pub fn local(&self, at: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono_tz::Tz> {
        at.with_timezone(&self.time_zone)
    }

    pub fn offers(&self, lang: &Lang) -> bool {
        self.languages.contains(lang)
    }

    /// The languages that stand in for `lang`'s missing translations (only
    /// ones the site offers).
    pub fn fallbacks_for(&self, lang: &Lang) -> Vec<Lang> {
        let chain = self.fallbacks.get(lang.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        chain.iter().filter(|l| *l != lang && self.offers(l)).cloned().collect()
    }

    /// Settings for a site nobody has configured yet.
    pub fn initial() -> Self {
        let en = Lang::parse("en").unwrap_or_else(|_| unreachable!("\"en\" is well-formed"));
        Self {
            name: LocalizedText([("en".to_owned(), "pamir".to_owned())].into()),
            tagline: LocalizedText::default(),
            languages: vec![en.clone()],
            default_lang: en,
            front_page_size: 10,
            contact: ContactDetails::default(),
            feed_full_text: false,
            mfa_required: false,
            fallbacks: Default::default(),
            time_zone: utc(),
        }
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Lang::parse(&code).map_err(serde::de::Error::custom)
    }
}
