//! What surrounds every page: site name, navigation, language switcher, footer.

use crate::view::urls;
use pamir_domain::Lang;
use pamir_domain::site::SiteSettings;
use pamir_domain::taxonomy::CategoryTree;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Chrome {
    pub site_name: String,
    pub tagline: String,
    pub home_url: String,
    pub contact_url: String,
    pub nav: Vec<NavLink>,
    /// One entry per site language, for the switcher and `hreflang` links.
    pub languages: Vec<LanguageLink>,
    pub year: i32,
    /// For the `x-default` alternate.
    pub default_lang: String,
    pub address: String,
    pub phones: Vec<Phone>,
    pub fax: Option<Phone>,
    /// The office's address for the footer, put together by a script.
    pub email: Option<crate::view::cloak::CloakedEmail>,
    /// "Northbridge Agency for Migration and Development"; may be empty.
    pub organisation: String,
    pub search_url: String,
    pub social: Vec<pamir_domain::site::Link>,
    pub key_pages: Vec<pamir_domain::site::Link>,
    /// The stylesheet in the site's colours, and its logo: set by [`Chrome::with_look`].
    pub stylesheet: String,
    pub logo: Option<crate::view::ImageView>,
}

impl Chrome {
    pub fn with_look(mut self, stylesheet: String, logo: Option<crate::view::ImageView>) -> Self {
        self.stylesheet = stylesheet;
        self.logo = logo;
        self
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct NavLink {
    pub name: String,
    pub url: String,
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageLink {
    pub code: String,
    /// The language's name in itself ("Русский"), as readers look for it.
    pub name: String,
    pub url: String,
    pub current: bool,
    /// Whether `url` is this very page in that language (else its front page).
    pub same_page: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Phone {
    pub display: String,
    /// For `tel:` links: digits and a leading plus only.
    pub dial: String,
}

pub fn phone(number: &str) -> Phone {
    let dial: String = number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    Phone { display: number.to_owned(), dial }
}

/// The chrome of a page in `lang`. `alternates` are this page's URLs in other
/// languages, where it has them; where it has none, a language links to the
/// `nearest` page it has (the same category), else to its front page.
pub fn chrome(
    settings: &SiteSettings,
    lang: &Lang,
    tree: &CategoryTree,
    current_category: Option<i64>,
    alternates: &[(String, String)],
    nearest: &[(String, String)],
    now: chrono::DateTime<chrono::Utc>,
) -> Chrome {
    use chrono::Datelike;
    let code = lang.as_str();
    let current_root = current_category.and_then(|id| tree.ancestry(id).first().map(|root| root.id));
    let languages = settings
        .languages
        .iter()
        .map(|other| {
            let find =
                |list: &[(String, String)]| list.iter().find(|(l, _)| l == other.as_str()).map(|(_, url)| url.clone());
            let alternate = find(alternates);
            LanguageLink {
                code: other.to_string(),
                name: crate::i18n::text(other.as_str(), "language-name", &[]),
                current: other == lang,
                same_page: alternate.is_some(),
                url: alternate.or_else(|| find(nearest)).unwrap_or_else(|| urls::front(other.as_str())),
            }
        })
        .collect();
    Chrome {
        site_name: settings.name.get(lang, &settings.default_lang).to_owned(),
        tagline: settings.tagline.get(lang, &settings.default_lang).to_owned(),
        home_url: urls::front(code),
        contact_url: urls::contact(code),
        nav: tree
            .roots()
            .map(|category| NavLink {
                name: category.name.clone(),
                url: urls::category(code, tree, category.id),
                current: current_root == Some(category.id),
            })
            .collect(),
        languages,
        year: now.year(),
        default_lang: settings.default_lang.to_string(),
        address: settings.contact.address.get(lang, &settings.default_lang).to_owned(),
        phones: settings.contact.phones.iter().map(|number| phone(number)).collect(),
        fax: settings.contact.fax.as_deref().filter(|fax| !fax.is_empty()).map(phone),
        // A key of its own per address, the same on every page, so cached pages agree.
        email: settings.contact.email.as_deref().filter(|e| !e.is_empty()).map(|address| {
            let key = address.bytes().fold(0x5a_u8, |key, byte| key.rotate_left(3) ^ byte);
            crate::view::cloak::cloak(address, key)
        }),
        organisation: settings.identity.organisation.get(lang, &settings.default_lang).to_owned(),
        search_url: urls::search(code),
        social: settings.identity.social.clone(),
        key_pages: settings.identity.key_pages_in(lang, &settings.default_lang).to_vec(),
        stylesheet: String::new(),
        logo: None,
    }
}
