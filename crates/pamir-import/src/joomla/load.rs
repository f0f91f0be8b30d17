//! Loading a read Joomla site into pamir: users with their roles, the
//! category tree, tags, images, articles (translations linked), the office
//! contact and a 301 from every old address.
//!
//! Each record's Joomla id is remembered with what it became, so a second
//! import adds nothing and an interrupted one resumes where it stopped:
//! articles land in batches, each batch with its source records in one
//! transaction.

use super::addresses::Addresses;
use super::model::{Article, Category, Site};
use super::text;
use crate::names::{plain_title, slug_for};
use crate::progress::Progress;
use crate::report::Report;
use pamir_core::imports::{self, ImportedUser, Naming, Record};
use pamir_core::items::{ImportedFrom, ItemInput};
use pamir_core::{Core, CoreError};
use pamir_domain::taxonomy::CategoryTree;
use pamir_domain::{ItemState, Lang, SiteId};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// How the site is to be loaded.
pub struct Options {
    /// The language of content Joomla marked "All languages" (`*`).
    pub lang: Lang,
    /// Count and check everything, write nothing.
    pub dry_run: bool,
    /// The Joomla site's `images/` folder (or a copy); without it the
    /// articles' images are skipped and reported.
    pub files: Option<PathBuf>,
}

/// Articles per transaction.
const BATCH: usize = 500;

/// A title pamir accepts (at most this many characters).
const TITLE_MAX: usize = pamir_core::items::TITLE_MAX;

struct Loader<'a> {
    core: &'a Core,
    site_id: SiteId,
    joomla: &'a Site,
    options: &'a Options,
    source: String,
    report: Report,
    now: i64,
    /// The languages the articles are written in, the site's own first.
    content_langs: Vec<Lang>,
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
        source: format!("joomla:{prefix}"),
        report: Report::new("Joomla", options.dry_run),
        now: core.clock.now().timestamp(),
        content_langs: vec![options.lang.clone()],
    };
    loader.languages().await?;
    let users = loader.users(progress).await?;
    let categories = loader.categories(progress).await?;
    let tags = loader.tags().await?;
    let images = loader.images(progress).await?;
    let created = loader.articles(&users, &categories, &tags, &images, progress).await?;
    loader.contacts().await?;
    loader.redirects(&categories, &created, progress).await?;
    if !options.dry_run {
        loader.report.fidelity = Some(check(core, site, joomla, prefix).await?);
    }
    progress.finish();
    Ok(loader.report)
}

/// Compares the page of every article of `joomla` the site has with the
/// text Joomla's article page showed (see [`crate::fidelity`]).
pub async fn check(
    core: &Core,
    site: SiteId,
    joomla: &Site,
    prefix: &str,
) -> Result<crate::fidelity::Fidelity, CoreError> {
    let known = imports::known(core, site, &format!("joomla:{prefix}"), "article").await?;
    let old = crate::localise::OldSite::joomla(&[]);
    let mut fidelity = crate::fidelity::Fidelity::default();
    for article in &joomla.articles {
        let Some(id) = known.get(&article.id.to_string()) else { continue };
        let Some(item) = imports::item(core, site, *id).await? else { continue };
        let intro =
            if article.show_intro || article.fulltext.trim().is_empty() { article.introtext.as_str() } else { "" };
        let source = format!("{intro}\n{}", article.fulltext);
        fidelity.compare(&format!("article {}", article.id), &source, &item.article_html(), &old);
    }
    Ok(fidelity)
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
    async fn known(&self, kind: &str) -> Result<HashMap<String, i64>, CoreError> {
        imports::known(self.core, self.site_id, &self.source, kind).await
    }

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

    /// Joomla users who could write or manage content become pamir users
    /// with their old password; site visitors' accounts do not.
    async fn users(&mut self, progress: &dyn Progress) -> Result<HashMap<i64, i64>, CoreError> {
        progress.stage("users", self.joomla.users.len());
        let mut known = self.known("user").await?;
        let mut map = HashMap::new();
        for user in &self.joomla.users {
            progress.advance(1);
            if let Some(id) = known.get(&user.id.to_string()) {
                map.insert(user.id, *id);
                self.report.unchanged("user");
                continue;
            }
            let Some(role) = user.role else {
                self.report.skip("user", user.id, "a site visitor's account (no group that may write): not imported");
                continue;
            };
            if !pamir_domain::contact::looks_like_email(&user.email) {
                self.report.skip("user", user.id, "no usable e-mail address");
                continue;
            }
            if let Some(existing) = imports::find_user(self.core, &user.email).await? {
                self.report.warn(
                    &format!("user {}", user.id),
                    "a pamir user has this e-mail address already: that user is its author now",
                );
                if !self.options.dry_run {
                    let id = user.id.to_string();
                    let record = Record { source: &self.source, kind: "user", id: &id };
                    imports::remember(self.core, self.site_id, record, existing).await?;
                }
                map.insert(user.id, existing);
                self.report.unchanged("user");
                continue;
            }
            let hash = usable_hash(&user.password).then_some(user.password.as_str());
            if hash.is_none() {
                self.report.warn(
                    &format!("user {}", user.id),
                    "its password hash is not one pamir can check: an administrator must set a new password",
                );
            }
            if self.options.dry_run {
                map.insert(user.id, -user.id);
                self.report.added("user");
                continue;
            }
            let name = Some(user.name.trim()).filter(|n| !n.is_empty()).unwrap_or(&user.username);
            let new = ImportedUser {
                email: &user.email,
                display_name: name,
                role,
                password_hash: hash,
                disabled: user.blocked,
            };
            let source_id = user.id.to_string();
            let record = Record { source: &self.source, kind: "user", id: &source_id };
            let id = imports::add_user(self.core, self.site_id, new, record).await?;
            if user.blocked {
                self.report.warn(&format!("user {}", user.id), "blocked in Joomla: imported as disabled");
            }
            known.insert(user.id.to_string(), id);
            map.insert(user.id, id);
            self.report.added("user");
        }
        Ok(map)
    }

    /// The category tree, parents first. Categories Joomla linked as
    /// translations of each other become one pamir category named in each
    /// language.
    async fn categories(&mut self, progress: &dyn Progress) -> Result<HashMap<i64, i64>, CoreError> {
        progress.stage("categories", self.joomla.categories.len());
        let known = self.known("category").await?;
        let mut map: HashMap<i64, i64> = HashMap::new();
        let mut by_association: HashMap<&str, i64> = HashMap::new();
        for category in &self.joomla.categories {
            progress.advance(1);
            let association = self.joomla.category_associations.get(&category.id).map(String::as_str);
            if let Some(id) = known.get(&category.id.to_string()) {
                map.insert(category.id, *id);
                if let Some(key) = association {
                    by_association.entry(key).or_insert(*id);
                }
                self.report.unchanged("category");
                continue;
            }
            if category.published == -2 {
                self.report.skip("category", category.id, "in Joomla's trash");
                continue;
            }
            let lang = self.lang(&category.language, &format!("category {}", category.id));
            let name = Some(plain_title(&category.title)).filter(|n| !n.is_empty()).unwrap_or(category.alias.clone());
            let slug = slug_for(&category.alias, &name, &format!("category-{}", category.id));
            if self.options.dry_run {
                map.insert(category.id, -category.id);
                self.report.added("category");
                continue;
            }
            let translation_of = association.and_then(|key| by_association.get(key).copied());
            // "All languages": named alike in each language the articles are written in.
            let langs = if category.language == "*" { self.content_langs.clone() } else { vec![lang] };
            let id = match translation_of {
                Some(id) => self.add_category_language(id, &langs[0], &name, &slug).await?,
                None => {
                    let parent = map.get(&category.parent_id).copied();
                    self.insert_category(parent, &langs, &name, &slug, category.id).await?
                }
            };
            if let Some(key) = association {
                by_association.entry(key).or_insert(id);
            }
            if translation_of.is_some() {
                let source_id = category.id.to_string();
                let record = Record { source: &self.source, kind: "category", id: &source_id };
                imports::remember(self.core, self.site_id, record, id).await?;
            }
            map.insert(category.id, id);
            self.report.added("category");
        }
        Ok(map)
    }

    async fn insert_category(
        &mut self,
        parent: Option<i64>,
        langs: &[Lang],
        name: &str,
        slug: &str,
        joomla_id: i64,
    ) -> Result<i64, CoreError> {
        // Joomla's own id names the record; the categories pamir adds
        // itself (0) are named by their slug.
        let source_id = if joomla_id == 0 { slug.to_owned() } else { joomla_id.to_string() };
        let kind = if joomla_id == 0 { "category-added" } else { "category" };
        let record = Record { source: &self.source, kind, id: &source_id };
        if let Some(id) =
            imports::add_category(self.core, self.site_id, parent, &names(langs, name, slug), record).await?
        {
            return Ok(id);
        }
        // The site has a category of this name here already: keep both, the new one told apart.
        let slug = format!("{slug}-{source_id}");
        self.report.warn(&format!("category {source_id}"), &format!("its address was taken: it is {slug} now"));
        imports::add_category(self.core, self.site_id, parent, &names(langs, name, &slug), record)
            .await?
            .ok_or_else(|| CoreError::Invalid(format!("category {source_id}: the address {slug} is taken too")))
    }

    async fn add_category_language(&mut self, id: i64, lang: &Lang, name: &str, slug: &str) -> Result<i64, CoreError> {
        let naming = Naming { lang: lang.as_str(), name, slug };
        imports::add_category_language(self.core, self.site_id, id, naming).await?;
        Ok(id)
    }

    async fn tags(&mut self) -> Result<HashMap<i64, i64>, CoreError> {
        let known = self.known("tag").await?;
        let mut map = HashMap::new();
        for tag in &self.joomla.tags {
            if let Some(id) = known.get(&tag.id.to_string()) {
                map.insert(tag.id, *id);
                self.report.unchanged("tag");
                continue;
            }
            if tag.published == -2 {
                self.report.skip("tag", tag.id, "in Joomla's trash");
                continue;
            }
            let lang = self.lang(&tag.language, &format!("tag {}", tag.id));
            let name = Some(plain_title(&tag.title)).filter(|n| !n.is_empty()).unwrap_or(tag.alias.clone());
            let slug = slug_for(&tag.alias, &name, &format!("tag-{}", tag.id));
            if self.options.dry_run {
                map.insert(tag.id, -tag.id);
                self.report.added("tag");
                continue;
            }
            // "All languages": named alike in each language the articles are written in.
            let langs = if tag.language == "*" { self.content_langs.clone() } else { vec![lang] };
            let source_id = tag.id.to_string();
            let record = Record { source: &self.source, kind: "tag", id: &source_id };
            let id = match imports::add_tag(self.core, self.site_id, &names(&langs, &name, &slug), record).await? {
                Some(id) => id,
                None => {
                    let slug = format!("{slug}-{}", tag.id);
                    imports::add_tag(self.core, self.site_id, &names(&langs, &name, &slug), record)
                        .await?
                        .ok_or_else(|| CoreError::Invalid(format!("tag {}: the address {slug} is taken too", tag.id)))?
                }
            };
            map.insert(tag.id, id);
            self.report.added("tag");
        }
        Ok(map)
    }

    /// The images the articles show, from the `images/` folder given, into
    /// the media library: Joomla path → (media id, new address).
    async fn images(&mut self, progress: &dyn Progress) -> Result<HashMap<String, (i64, String)>, CoreError> {
        let images = super::images::wanted(self.joomla);
        progress.stage("images", images.len());
        super::images::import(self.core, self.site_id, &self.source, &images, self.options, &mut self.report, progress)
            .await
    }

    async fn articles(
        &mut self,
        users: &HashMap<i64, i64>,
        categories: &HashMap<i64, i64>,
        tags: &HashMap<i64, i64>,
        images: &HashMap<String, (i64, String)>,
        progress: &dyn Progress,
    ) -> Result<Vec<(i64, i64)>, CoreError> {
        progress.stage("articles", self.joomla.articles.len());
        let known = self.known("article").await?;
        let names: HashMap<i64, &str> = self.joomla.users.iter().map(|u| (u.id, u.name.as_str())).collect();
        let fallback_category = self.fallback_category(categories).await?;
        let new_addresses: HashMap<String, String> =
            images.iter().map(|(path, (_, address))| (path.clone(), address.clone())).collect();
        // Translations share a group: the group of a member imported before, else a new one.
        let mut groups: HashMap<&str, i64> = HashMap::new();
        for article in &self.joomla.articles {
            let (Some(key), Some(item_id)) =
                (self.joomla.article_associations.get(&article.id), known.get(&article.id.to_string()))
            else {
                continue;
            };
            if let Some(group) = imports::item_group(self.core, self.site_id, *item_id).await? {
                groups.insert(key, group);
            }
        }
        let mut new_keys: Vec<&str> = self
            .joomla
            .articles
            .iter()
            .filter(|article| !known.contains_key(&article.id.to_string()))
            .filter_map(|article| self.joomla.article_associations.get(&article.id).map(String::as_str))
            .filter(|key| !groups.contains_key(key))
            .collect();
        new_keys.sort_unstable();
        new_keys.dedup();
        if !self.options.dry_run && !new_keys.is_empty() {
            let created = pamir_core::items::create_groups(self.core, self.site_id, new_keys.len()).await?;
            groups.extend(new_keys.into_iter().zip(created));
        }

        let hidden_categories = self.hidden_categories();
        let mut created = Vec::new();
        let mut used_slugs: HashSet<(i64, String, String)> = HashSet::new();
        let mut batch: Vec<ItemInput> = Vec::with_capacity(BATCH);
        for article in &self.joomla.articles {
            if let Some(item_id) = known.get(&article.id.to_string()) {
                self.report.unchanged("article");
                created.push((article.id, *item_id));
                progress.advance(1);
                continue;
            }
            let record = format!("article {}", article.id);
            let category = match categories.get(&article.catid) {
                Some(id) => *id,
                None => {
                    self.report.warn(&record, "its category was not imported: placed in Uncategorised");
                    fallback_category
                }
            };
            let lang = self.lang(&article.language, &record);
            let mut input = ItemInput::article(self.site_id, lang.clone(), category, "");
            input.title = title_of(&article.title, article.id, &mut self.report);
            let mut slug = slug_for(&article.alias, &input.title, &format!("article-{}", article.id));
            if !used_slugs.insert((category, lang.to_string(), slug.clone())) {
                let moved = format!("{slug}-{}", article.id);
                let taken = std::mem::replace(&mut slug, moved);
                self.report.warn(
                    &record,
                    &format!("another article in its category has the alias {taken:?}: this one is at {slug:?}"),
                );
                used_slugs.insert((category, lang.to_string(), slug.clone()));
            }
            input.slug = slug;
            self.fill_text(&mut input, article, &new_addresses, &record);
            input.state = self.state_of(article, &record);
            if input.state == ItemState::Published {
                input.state = self.visibility(article, &hidden_categories, &record);
            }
            input.byline = Some(article.created_by_alias.clone())
                .filter(|alias| !alias.is_empty())
                .or_else(|| names.get(&article.created_by).map(|name| (*name).to_owned()))
                .filter(|name| !name.trim().is_empty());
            input.author_id = users.get(&article.created_by).copied().filter(|id| *id > 0);
            input.featured = article.featured;
            input.featured_order = article.featured.then_some(article.featured_order).flatten();
            input.featured_until = article.featured_down;
            input.published_at = article.publish_up.or(article.created);
            input.publish_up = article.publish_up.filter(|up| up.timestamp() > self.now);
            input.publish_down = article.publish_down;
            if let (Some(down), Some(up)) = (input.publish_down, input.publish_up.or(input.published_at))
                && down <= up
            {
                self.report.warn(&record, "its publish-down date came before publish-up: dropped");
                input.publish_down = None;
            }
            input.tag_ids = article.tag_ids.iter().filter_map(|tag| tags.get(tag).copied()).collect();
            let lead = article.images.full.as_ref().or(article.images.intro.as_ref());
            input.image_id = lead.and_then(|(path, _)| images.get(path.trim_start_matches('/'))).map(|(id, _)| *id);
            input.imported = Some(ImportedFrom {
                source: self.source.clone(),
                kind: "article".into(),
                source_id: article.id.to_string(),
                hits: article.hits,
                created_at: article.created,
            });
            if let Some(key) = self.joomla.article_associations.get(&article.id) {
                // Made above for every set of translations (none in a dry run).
                input.group_id = Some(groups.get(key.as_str()).copied().unwrap_or(0));
            }
            batch.push(input);
            if batch.len() == BATCH {
                created.extend(self.store(std::mem::take(&mut batch), progress).await?);
            }
        }
        created.extend(self.store(batch, progress).await?);
        Ok(created)
    }

    /// Stores one batch of articles in one transaction: (Joomla id, item id) of each.
    async fn store(&mut self, batch: Vec<ItemInput>, progress: &dyn Progress) -> Result<Vec<(i64, i64)>, CoreError> {
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        let count = batch.len();
        let joomla_ids: Vec<i64> =
            batch.iter().filter_map(|i| i.imported.as_ref().and_then(|from| from.source_id.parse().ok())).collect();
        for _ in 0..count {
            self.report.added("article");
        }
        if self.options.dry_run {
            progress.advance(count);
            return Ok(Vec::new());
        }
        let (first, last) = (joomla_ids.first().copied().unwrap_or(0), joomla_ids.last().copied().unwrap_or(0));
        let items = pamir_core::items::create_many(self.core, batch)
            .await
            .map_err(|e| CoreError::Invalid(format!("articles {first}..{last}: {e}")))?;
        progress.advance(count);
        Ok(joomla_ids.into_iter().zip(items.into_iter().map(|item| item.id)).collect())
    }

    fn fill_text(&mut self, input: &mut ItemInput, article: &Article, images: &HashMap<String, String>, record: &str) {
        let intro = text::clean(&article.introtext);
        let full = text::clean(&article.fulltext);
        for warning in intro.warnings.iter().chain(&full.warnings) {
            self.report.warn(record, warning);
        }
        let (teaser, body) = if full.html.trim().is_empty() {
            // No "Read more": the intro text is the whole article.
            (String::new(), intro.html)
        } else {
            (intro.html, full.html)
        };
        let (teaser, body) = if crate::html::has_h1(&teaser) || crate::html::has_h1(&body) {
            (crate::html::shift_headings(&teaser), crate::html::shift_headings(&body))
        } else {
            (teaser, body)
        };
        // Joomla's article page shows the intro text above the full text
        // unless the article says otherwise; listings show the intro alone.
        input.teaser_above_body = !teaser.is_empty() && article.show_intro;
        input.teaser_markdown = text::replace_image_sources(&teaser, images);
        input.body_markdown = text::replace_image_sources(&body, images);
    }

    /// Categories whose articles Joomla did not show: unpublished, or below an unpublished one.
    fn hidden_categories(&self) -> HashSet<i64> {
        let parents: HashMap<i64, (i64, i64)> =
            self.joomla.categories.iter().map(|c| (c.id, (c.parent_id, c.published))).collect();
        let mut hidden = HashSet::new();
        for category in &self.joomla.categories {
            let mut at = category.id;
            for _ in 0..64 {
                match parents.get(&at) {
                    Some((_, published)) if *published == 0 => {
                        hidden.insert(category.id);
                        break;
                    }
                    Some((parent, _)) => at = *parent,
                    None => break,
                }
            }
        }
        hidden
    }

    /// A published article everyone could read stays published; one Joomla
    /// showed only to signed-in users, or kept in an unpublished category,
    /// becomes a draft: pamir has no reader accounts, and it must not
    /// become public by moving.
    fn visibility(&mut self, article: &Article, hidden_categories: &HashSet<i64>, record: &str) -> ItemState {
        if !matches!(article.access, 0 | 1 | 5) {
            self.report.warn(
                record,
                &format!(
                    "only signed-in users could read it in Joomla (access level {}): imported as a draft",
                    article.access
                ),
            );
            return ItemState::Draft;
        }
        if let Some(down) = article.publish_down.filter(|down| down.timestamp() <= self.now) {
            // Joomla hides it from then on, whatever its other dates say.
            self.report.warn(
                record,
                &format!(
                    "its publish-down date ({}) had passed, so Joomla hid it: imported as a draft",
                    down.date_naive()
                ),
            );
            return ItemState::Draft;
        }
        if hidden_categories.contains(&article.catid) {
            self.report.warn(record, "its category was unpublished in Joomla: imported as a draft");
            return ItemState::Draft;
        }
        ItemState::Published
    }

    fn state_of(&mut self, article: &Article, record: &str) -> ItemState {
        match article.state {
            1 => ItemState::Published,
            0 => ItemState::Draft,
            2 => ItemState::Archived,
            -2 => ItemState::Trashed,
            other => {
                self.report.warn(record, &format!("unknown Joomla state {other}: imported as a draft"));
                ItemState::Draft
            }
        }
    }

    /// Where articles whose category is missing go: Joomla's own
    /// "Uncategorised" when it was imported, else a new one.
    async fn fallback_category(&mut self, categories: &HashMap<i64, i64>) -> Result<i64, CoreError> {
        if let Some(id) =
            self.joomla.categories.iter().find(|c| c.alias == "uncategorised").and_then(|c| categories.get(&c.id))
        {
            return Ok(*id);
        }
        if self.options.dry_run || self.joomla.articles.iter().all(|a| categories.contains_key(&a.catid)) {
            return Ok(-1);
        }
        let tree = CategoryTree::new(imports::categories(self.core, self.site_id, &self.options.lang).await?);
        if let Some(existing) = tree.find_by_path(&["uncategorised"]) {
            return Ok(existing.id);
        }
        let langs = self.content_langs.clone();
        self.insert_category(None, &langs, "Uncategorised", "uncategorised", 0).await
    }

    /// The published contact Joomla showed first becomes the site's office
    /// contact, unless the site has one already; when there are more, all
    /// of them are kept on a "Contacts" page. Old contact addresses lead to
    /// the contact page, or to that page.
    async fn contacts(&mut self) -> Result<(), CoreError> {
        let published: Vec<&super::model::Contact> = self.joomla.contacts.iter().filter(|c| c.published == 1).collect();
        let Some(office) = published.first() else { return Ok(()) };
        self.office_contact(office).await?;
        let target = if published.len() == 1 {
            format!("/{}/contact", self.options.lang)
        } else {
            match self.contacts_page(&published).await? {
                Some(address) => address,
                None => return Ok(()),
            }
        };
        if self.options.dry_run {
            return Ok(());
        }
        let mut redirects = Vec::new();
        let normalise = pamir_core::redirects::normalise;
        for view in ["featured", "categories"] {
            redirects.push((normalise("/", Some(&format!("option=com_contact&view={view}"))), target.clone()));
        }
        for contact in &published {
            let (id, alias) = (contact.id, &contact.alias);
            for old in [
                normalise("/", Some(&format!("option=com_contact&view=contact&id={id}"))),
                normalise(&format!("/component/contact/contact/{id}-{alias}"), None),
                normalise(&format!("/component/contact/contact/{alias}"), None),
            ] {
                redirects.push((old, target.clone()));
            }
        }
        self.flush(&mut redirects, 0).await
    }

    async fn office_contact(&mut self, office: &super::model::Contact) -> Result<(), CoreError> {
        let mut settings = imports::settings(self.core, self.site_id).await?;
        let contact = &settings.contact;
        let empty = contact.address.0.values().all(|a| a.trim().is_empty())
            && contact.phones.is_empty()
            && contact.email.is_none();
        if !empty {
            self.report.unchanged("office contact");
            return Ok(());
        }
        let lang = lang_of(&office.language, &self.options.lang).unwrap_or_else(|| self.options.lang.clone());
        let mut address = office.address_lines.clone();
        if !office.name.trim().is_empty() {
            address.insert(0, office.name.trim().to_owned());
        }
        settings.contact.address.0.insert(lang.to_string(), address.join("\n"));
        settings.contact.phones =
            [&office.telephone, &office.mobile].into_iter().filter(|p| !p.is_empty()).cloned().collect();
        settings.contact.fax = Some(office.fax.clone()).filter(|f| !f.is_empty());
        settings.contact.email = Some(office.email.clone()).filter(|e| pamir_domain::contact::looks_like_email(e));
        self.report.added("office contact");
        if !self.options.dry_run {
            imports::save_settings(self.core, self.site_id, &settings).await?;
        }
        Ok(())
    }

    /// The "Contacts" page (in a top-level "Contacts" category) listing
    /// every published contact; its address, or None in a dry run.
    async fn contacts_page(&mut self, contacts: &[&super::model::Contact]) -> Result<Option<String>, CoreError> {
        let lang = self.options.lang.clone();
        let known = self.known("contacts-page").await?;
        if self.options.dry_run {
            if !known.contains_key("directory") {
                self.report.added("contacts page");
            }
            return Ok(None);
        }
        let tree = CategoryTree::new(imports::categories(self.core, self.site_id, &lang).await?);
        if let Some(item_id) = known.get("directory") {
            self.report.unchanged("contacts page");
            let found = imports::item_addresses(self.core, self.site_id, &[*item_id]).await?;
            return Ok(found
                .first()
                .map(|(_, lang, category, slug)| format!("/{lang}/{}/{slug}", tree.path(*category))));
        }
        let category = match tree.find_by_path(&["contacts"]) {
            Some(existing) => existing.id,
            None => {
                let langs = self.content_langs.clone();
                self.insert_category(None, &langs, "Contacts", "contacts", 0).await?
            }
        };
        let mut input = ItemInput::article(self.site_id, lang.clone(), category, "Contacts");
        input.slug = "directory".into();
        input.body_markdown = crate::html::for_markdown(&super::contacts::directory_html(contacts));
        input.imported = Some(ImportedFrom {
            source: self.source.clone(),
            kind: "contacts-page".into(),
            source_id: "directory".into(),
            ..ImportedFrom::default()
        });
        let item = pamir_core::items::create(self.core, input).await?;
        self.report.added("contacts page");
        let tree = CategoryTree::new(imports::categories(self.core, self.site_id, &lang).await?);
        Ok(Some(format!("/{lang}/{}/{}", tree.path(item.category_id), item.slug)))
    }

    /// A 301 from every address the old site gave its articles, categories
    /// and front page (for articles imported earlier too, so a resumed
    /// import misses none; addresses stored before stay as they are).
    async fn redirects(
        &mut self,
        categories: &HashMap<i64, i64>,
        created: &[(i64, i64)],
        progress: &dyn Progress,
    ) -> Result<(), CoreError> {
        if self.options.dry_run {
            return Ok(());
        }
        progress.stage("old addresses", created.len() + self.joomla.categories.len());
        let core = self.core;
        let addresses = Addresses::new(self.joomla);
        let mut trees: HashMap<String, CategoryTree> = HashMap::new();
        let mut redirects: Vec<(String, String)> = Vec::new();

        for category in &self.joomla.categories {
            let Some(id) = categories.get(&category.id) else { continue };
            let lang = lang_of(&category.language, &self.options.lang).unwrap_or_else(|| self.options.lang.clone());
            let tree = tree_for(&mut trees, core, self.site_id, &lang).await?;
            // The category page's own address, trailing slash included, so
            // that an old address reaches it in one 301.
            let target = format!("/{lang}/{}/", tree.path(*id));
            redirects.extend(addresses.category(category).into_iter().map(|old| (old, target.clone())));
        }
        for (old, language) in addresses.front_page() {
            let lang = language
                .and_then(|code| lang_of(&code, &self.options.lang))
                .unwrap_or_else(|| self.options.lang.clone());
            redirects.push((old, format!("/{lang}/")));
        }
        self.flush(&mut redirects, 0).await?;
        progress.advance(self.joomla.categories.len());

        let articles: HashMap<i64, &Article> = self.joomla.articles.iter().map(|a| (a.id, a)).collect();
        let category_of: HashMap<i64, &Category> = self.joomla.categories.iter().map(|c| (c.id, c)).collect();
        for chunk in created.chunks(BATCH) {
            let ids: Vec<i64> = chunk.iter().map(|(_, item)| *item).collect();
            let items: HashMap<i64, (String, i64, String)> = imports::item_addresses(core, self.site_id, &ids)
                .await?
                .into_iter()
                .map(|(id, lang, category, slug)| (id, (lang, category, slug)))
                .collect();
            for (joomla_id, item_id) in chunk {
                let (Some(article), Some((lang, category_id, slug))) = (articles.get(joomla_id), items.get(item_id))
                else {
                    continue;
                };
                let Ok(lang) = Lang::parse(lang) else { continue };
                let tree = tree_for(&mut trees, core, self.site_id, &lang).await?;
                let target = format!("/{lang}/{}/{slug}", tree.path(*category_id));
                let category = category_of.get(&article.catid).copied();
                redirects.extend(addresses.article(article, category).into_iter().map(|old| (old, target.clone())));
            }
            self.flush(&mut redirects, 5_000).await?;
            progress.advance(chunk.len());
        }
        self.flush(&mut redirects, 0).await
    }

    /// Stores the redirects gathered once there are more than `above`.
    async fn flush(&mut self, redirects: &mut Vec<(String, String)>, above: usize) -> Result<(), CoreError> {
        if redirects.len() <= above || redirects.is_empty() {
            return Ok(());
        }
        let added = imports::add_redirects(self.core, self.site_id, redirects, "joomla").await?;
        for _ in 0..added {
            self.report.added("redirect");
        }
        redirects.clear();
        Ok(())
    }
}

/// A category's or tag's name and slug, alike in each of these languages.
fn names<'a>(langs: &'a [Lang], name: &'a str, slug: &'a str) -> Vec<Naming<'a>> {
    langs.iter().map(|lang| Naming { lang: lang.as_str(), name, slug }).collect()
}

async fn tree_for<'t>(
    trees: &'t mut HashMap<String, CategoryTree>,
    core: &Core,
    site: SiteId,
    lang: &Lang,
) -> Result<&'t CategoryTree, CoreError> {
    if !trees.contains_key(lang.as_str()) {
        let tree = CategoryTree::new(imports::categories(core, site, lang).await?);
        trees.insert(lang.to_string(), tree);
    }
    Ok(&trees[lang.as_str()])
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
