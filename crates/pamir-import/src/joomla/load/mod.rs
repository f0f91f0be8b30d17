//! Loading a read Joomla site into pamir, one step of the move per file:
//! the users with their roles ([`users`]), the category tree and tags
//! ([`terms`]), the old site's files ([`media`]), the articles ([`items`],
//! what an anonymous reader could not see coming in as drafts:
//! [`visibility`]), the office contact ([`office`]), a 301 from every old
//! address ([`redirects`]) and the check of what was kept ([`check`]).
//!
//! Each record's Joomla id is remembered in the [`Ledger`] with what it
//! became, so a second import adds nothing and an interrupted one resumes
//! where it stopped: articles land in batches, each batch with its source
//! records in one transaction.

mod check;
mod items;
mod media;
mod office;
mod redirects;
mod terms;
mod users;
mod visibility;

pub use check::check;

use super::model::Site;
use crate::ledger::Ledger;
use crate::names::plain_title;
use crate::progress::Progress;
use crate::report::Report;
use pamir_core::imports::{self, Naming};
use pamir_core::{Core, CoreError};
use pamir_domain::{Lang, SiteId};
use std::path::PathBuf;

/// How the site is to be loaded.
#[derive(Debug, Clone)]
pub struct Options {
    /// The language of content Joomla marked "All languages" (`*`).
    pub lang: Lang,
    /// Count and check everything, write nothing.
    pub dry_run: bool,
    /// The Joomla site's `images/` folder, or the site's root folder (a
    /// copy of either); without it the articles' files stay behind and are
    /// reported. Nothing is ever fetched from the internet.
    pub files: Option<PathBuf>,
    /// The addresses the old site answered on (`https://www.example.org`),
    /// so that absolute links to its files and pages are recognised.
    pub old_urls: Vec<String>,
}

impl Options {
    pub fn new(lang: Lang) -> Self {
        Self { lang, dry_run: false, files: None, old_urls: Vec::new() }
    }
}

/// Articles per transaction.
const BATCH: usize = 500;

/// A title pamir accepts (at most this many characters).
const TITLE_MAX: usize = pamir_core::items::TITLE_MAX;

/// One run of the import: what every step reads and adds to.
struct Loader<'a> {
    core: &'a Core,
    site_id: SiteId,
    joomla: &'a Site,
    options: &'a Options,
    /// What each record of this Joomla site became here.
    ledger: Ledger<'a>,
    report: Report,
    now: i64,
    /// The languages the articles are written in, the site's own first.
    content_langs: Vec<Lang>,
}

/// The ledger's name for a Joomla site, by its table prefix.
fn source_key(prefix: &str) -> String {
    format!("joomla:{prefix}")
}

pub async fn load(
    core: &Core,
    site: SiteId,
    joomla: &Site,
    prefix: &str,
    options: &Options,
    progress: &dyn Progress,
) -> Result<Report, CoreError> {
    let mut loader = Loader {
        core,
        site_id: site,
        joomla,
        options,
        ledger: Ledger::new(core, site, source_key(prefix), options.dry_run),
        report: Report::new("Joomla", options.dry_run),
        now: core.clock.now().timestamp(),
        content_langs: vec![options.lang.clone()],
    };
    loader.languages().await?;
    let users = loader.users(progress).await?;
    let categories = loader.categories(progress).await?;
    let tags = loader.tags().await?;
    let old = loader.old_site();
    let mut files = loader.files(old.clone()).await?;
    let created = loader.articles(&users, &categories, &tags, &mut files, progress).await?;
    loader.contacts().await?;
    loader.redirects(&categories, &created, &files, progress).await?;
    if !options.dry_run {
        loader.report.fidelity = Some(check(core, site, joomla, prefix, &old).await?);
    }
    progress.finish();
    Ok(loader.report)
}

/// Joomla's language tag (`ru-RU`) as pamir's (`ru`); `*` is the site's own.
fn lang_of(code: &str, default: &Lang) -> Option<Lang> {
    if code.is_empty() || code == "*" {
        return Some(default.clone());
    }
    let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    Lang::parse(&primary).ok()
}

/// A password hash pamir can check at sign-in (and then replace).
fn usable_hash(hash: &str) -> bool {
    let md5_salted = hash.split_once(':').is_some_and(|(md5, _)| md5.len() == 32)
        || (hash.len() == 32 && hash.bytes().all(|b| b.is_ascii_hexdigit()));
    ["$2y$", "$2a$", "$2b$", "$P$", "$H$", "$argon2i$", "$argon2id$"].iter().any(|p| hash.starts_with(p)) || md5_salted
}

/// A title pamir accepts: text, not empty, not too long.
fn title_of(title: &str, id: i64, report: &mut Report) -> String {
    let title = plain_title(title);
    if title.is_empty() {
        report.warn(&format!("article {id}"), "no title in Joomla: titled \"Untitled {id}\"");
        return format!("Untitled {id}");
    }
    if title.chars().count() > TITLE_MAX {
        report.warn(&format!("article {id}"), &format!("title longer than {TITLE_MAX} characters: shortened"));
        return title.chars().take(TITLE_MAX).collect();
    }
    title
}

impl Loader<'_> {
    fn lang(&mut self, code: &str, record: &str) -> Lang {
        lang_of(code, &self.options.lang).unwrap_or_else(|| {
            self.report.warn(record, &format!("language {code:?} is not one pamir knows: imported in the site's own"));
            self.options.lang.clone()
        })
    }

    /// The site offers every language the articles are written in.
    async fn languages(&mut self) -> Result<(), CoreError> {
        let mut settings = imports::settings(self.core, self.site_id).await?;
        let mut added = Vec::new();
        for article in &self.joomla.articles {
            if let Some(lang) = lang_of(&article.language, &self.options.lang) {
                if !self.content_langs.contains(&lang) {
                    self.content_langs.push(lang.clone());
                }
                if !settings.offers(&lang) && !added.contains(&lang) {
                    added.push(lang);
                }
            }
        }
        if added.is_empty() {
            return Ok(());
        }
        let names: Vec<&str> = added.iter().map(Lang::as_str).collect();
        self.report.warn("site", &format!("now also offers {} (its articles are written in them)", names.join(", ")));
        if !self.options.dry_run {
            settings.languages.extend(added);
            imports::save_settings(self.core, self.site_id, &settings).await?;
        }
        Ok(())
    }
}

/// A category's or tag's name and slug, alike in each of these languages.
fn names<'a>(langs: &'a [Lang], name: &'a str, slug: &'a str) -> Vec<Naming<'a>> {
    langs.iter().map(|lang| Naming { lang: lang.as_str(), name, slug }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joomla_languages_and_hashes_read_as_pamir_ones() {
        let en = Lang::parse("en").unwrap();
        assert_eq!(lang_of("ru-RU", &en).unwrap().as_str(), "ru");
        assert_eq!(lang_of("tg-TJ", &en).unwrap().as_str(), "tg");
        assert_eq!(lang_of("*", &en).unwrap().as_str(), "en");
        assert!(usable_hash("$2y$10$abcdefghijklmnopqrstuv"));
        assert!(usable_hash("0123456789abcdef0123456789abcdef:salt"));
        assert!(usable_hash("$P$Babcdefgh"));
        assert!(!usable_hash(""));
        assert!(!usable_hash("plain-text"));
    }
}
