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
    /// How the site looks like the organisation it speaks for.
    #[serde(default)]
    pub identity: Identity,
}

/// The organisation behind the site, as its pages show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Identity {
    /// "Northbridge Agency for Migration and Development", per language,
    /// shown with the site's name ("Mission in Tajikistan").
    #[serde(default)]
    pub organisation: LocalizedText,
    /// Header, buttons and links; `None`: the theme's own colour.
    #[serde(default)]
    pub brand_colour: Option<crate::colour::Colour>,
    /// A picture from the media library; its alt text is the logo's.
    #[serde(default)]
    pub logo_media_id: Option<i64>,
    /// The organisation's accounts elsewhere, in the footer.
    #[serde(default)]
    pub social: Vec<Link>,
    /// The footer's key pages (about, privacy…), per language.
    #[serde(default)]
    pub key_pages: BTreeMap<String, Vec<Link>>,
    /// The front page's sections below the lead stories, in order; a
    /// section left out is not shown.
    #[serde(default = "FrontSection::standard_order")]
    pub front_sections: Vec<FrontSection>,
}

/// A labelled link the administrator sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// A section of the front page below the lead story and featured row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FrontSection {
    News,
    Opinion,
    Facts,
    Events,
    PhotoStories,
    MoreNews,
}

impl FrontSection {
    pub const ALL: [FrontSection; 6] = [
        FrontSection::News,
        FrontSection::Opinion,
        FrontSection::Facts,
        FrontSection::Events,
        FrontSection::PhotoStories,
        FrontSection::MoreNews,
    ];

    pub fn standard_order() -> Vec<FrontSection> {
        Self::ALL.to_vec()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FrontSection::News => "news",
            FrontSection::Opinion => "opinion",
            FrontSection::Facts => "facts",
            FrontSection::Events => "events",
            FrontSection::PhotoStories => "photo-stories",
            FrontSection::MoreNews => "more-news",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|section| section.as_str() == text)
    }
}

impl Default for Identity {
    /// No logo, links or colour of its own; every front-page section.
    fn default() -> Self {
        Self {
            organisation: LocalizedText::default(),
            brand_colour: None,
            logo_media_id: None,
            social: Vec::new(),
            key_pages: BTreeMap::new(),
            front_sections: FrontSection::standard_order(),
        }
    }
}

impl Identity {
    /// The footer's key pages in `lang`, else in `fallback`.
    pub fn key_pages_in<'a>(&'a self, lang: &Lang, fallback: &Lang) -> &'a [Link] {
        self.key_pages
            .get(lang.as_str())
            .filter(|links| !links.is_empty())
            .or_else(|| self.key_pages.get(fallback.as_str()))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
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
            identity: Identity::default(),
        }
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Lang::parse(&code).map_err(serde::de::Error::custom)
    }
}
