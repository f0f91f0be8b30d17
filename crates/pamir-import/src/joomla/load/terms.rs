//! The category tree and the tags. Categories Joomla linked as
//! translations become one pamir category named in each language; one
//! marked "All languages" is named alike in each language the articles are
//! written in.

use super::{Loader, names};
use crate::names::{plain_title, slug_for};
use crate::progress::Progress;
use pamir_core::CoreError;
use pamir_core::imports::{self, Naming};
use pamir_domain::Lang;
use pamir_domain::taxonomy::CategoryTree;
use std::collections::HashMap;

impl Loader<'_> {
    /// The category tree, parents first. Categories Joomla linked as
    /// translations of each other become one pamir category named in each
    /// language.
    pub(super) async fn categories(&mut self, progress: &dyn Progress) -> Result<HashMap<i64, i64>, CoreError> {
        progress.stage("categories", self.joomla.categories.len());
        let known = self.ledger.known("category").await?.clone();
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
                self.ledger.remember("category", &category.id.to_string(), id).await?;
            }
            map.insert(category.id, id);
            self.report.added("category");
        }
        Ok(map)
    }

    pub(super) async fn insert_category(
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
        let record = self.ledger.record(kind, &source_id);
        let id = match imports::add_category(self.core, self.site_id, parent, &names(langs, name, slug), record).await?
        {
            Some(id) => id,
            None => {
                // The site has a category of this name here already: keep both, the new one told apart.
                let mut added = None;
                for other in other_slugs(slug, &source_id) {
                    let naming = names(langs, name, &other);
                    if let Some(id) = imports::add_category(self.core, self.site_id, parent, &naming, record).await? {
                        let why = format!("its address was taken: it is {other} now");
                        self.report.warn(&format!("category {source_id}"), &why);
                        added = Some(id);
                        break;
                    }
                }
                added.ok_or_else(|| {
                    CoreError::Invalid(format!("category {source_id}: every address for {slug} is taken"))
                })?
            }
        };
        self.ledger.noted(kind, &source_id, id);
        Ok(id)
    }

    async fn add_category_language(&mut self, id: i64, lang: &Lang, name: &str, slug: &str) -> Result<i64, CoreError> {
        let naming = Naming { lang: lang.as_str(), name, slug };
        imports::add_category_language(self.core, self.site_id, id, naming).await?;
        Ok(id)
    }

    pub(super) async fn tags(&mut self) -> Result<HashMap<i64, i64>, CoreError> {
        let known = self.ledger.known("tag").await?.clone();
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
            let record = self.ledger.record("tag", &source_id);
            let id = match imports::add_tag(self.core, self.site_id, &names(&langs, &name, &slug), record).await? {
                Some(id) => id,
                None => {
                    let mut added = None;
                    for other in other_slugs(&slug, &source_id) {
                        if let Some(id) =
                            imports::add_tag(self.core, self.site_id, &names(&langs, &name, &other), record).await?
                        {
                            added = Some(id);
                            break;
                        }
                    }
                    added.ok_or_else(|| {
                        CoreError::Invalid(format!("tag {}: every address for {slug} is taken", tag.id))
                    })?
                }
            };
            self.ledger.noted("tag", &source_id, id);
            map.insert(tag.id, id);
            self.report.added("tag");
        }
        Ok(map)
    }

    /// Where articles whose category is missing go: Joomla's own
    /// "Uncategorised" when it was imported, else a new one.
    pub(super) async fn fallback_category(&mut self, categories: &HashMap<i64, i64>) -> Result<i64, CoreError> {
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
}

/// Addresses to try, in order, for a category or tag whose own is taken by
/// one already on the site (another import, or the editors'): told apart by
/// its old id, then by a number as well.
fn other_slugs<'a>(slug: &'a str, source_id: &'a str) -> impl Iterator<Item = String> + 'a {
    std::iter::once(format!("{slug}-{source_id}")).chain((2..=50).map(move |n| format!("{slug}-{source_id}-{n}")))
}
