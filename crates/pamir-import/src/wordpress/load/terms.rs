//! Categories (with their tree) and tags. A term imported before is found
//! again through the ledger; one whose address the site has already (its
//! own "events", say) is that category, reused and reported. A category is
//! given words in every language its posts are in, so that no item lands
//! where it has no address: a site exported once per language (the usual
//! way with WPML and Polylang) shares its categories across the runs.

use super::Load;
use crate::names::{plain_title, slug_for};
use pamir_core::CoreError;
use pamir_core::imports::{self, Naming};
use pamir_domain::Lang;
use pamir_domain::taxonomy::CategoryTree;
use std::collections::HashMap;

/// Where the posts' terms are on the site.
pub(super) struct Terms {
    /// Category nicename → category; also `uncategorized` and `pages`.
    pub categories: HashMap<String, i64>,
    /// Tag slug → tag.
    pub tags: HashMap<String, i64>,
    /// The site's categories in each language asked about, read once.
    trees: HashMap<String, CategoryTree>,
}

impl Load<'_> {
    pub(super) async fn terms(&mut self) -> Result<Terms, CoreError> {
        let mut terms = Terms { categories: HashMap::new(), tags: HashMap::new(), trees: HashMap::new() };
        self.categories(&mut terms).await?;
        self.tags(&mut terms).await?;
        // Where posts without a category, and pages, go.
        for (key, name) in [("uncategorized", "Uncategorized"), ("pages", "Pages")] {
            if !terms.categories.contains_key(key) {
                let id = if self.options.dry_run { -1 } else { self.top_category(&mut terms, key, name).await? };
                terms.categories.insert(key.to_owned(), id);
            }
        }
        Ok(terms)
    }

    async fn tree<'t>(&self, terms: &'t mut Terms, lang: &Lang) -> Result<&'t CategoryTree, CoreError> {
        if !terms.trees.contains_key(lang.as_str()) {
            let tree = CategoryTree::new(imports::categories(self.core, self.site, lang).await?);
            terms.trees.insert(lang.to_string(), tree);
        }
        Ok(&terms.trees[lang.as_str()])
    }

    /// The export's categories, parents first.
    async fn categories(&mut self, terms: &mut Terms) -> Result<(), CoreError> {
        let lang = self.options.lang.clone();
        let known = self.ledger.known("category").await?.clone();
        let mut pending: Vec<&super::super::Category> = self.export.categories.iter().collect();
        let mut rounds = 0;
        while !pending.is_empty() && rounds < 64 {
            rounds += 1;
            let mut next = Vec::new();
            for category in pending {
                let slug = slug_for(
                    &category.nicename,
                    &category.name,
                    &format!("category-{}", category.term_id.unwrap_or(0)),
                );
                let name = plain_title(&category.name);
                if let Some(id) = known.get(&category.nicename) {
                    self.report.unchanged("category");
                    terms.categories.insert(category.nicename.clone(), *id);
                    // Imported before from this site in another language.
                    self.name_in(terms, *id, &lang, &name, &slug).await?;
                    continue;
                }
                let parent = match &category.parent {
                    Some(parent) if !parent.is_empty() => match terms.categories.get(parent) {
                        Some(id) => Some(*id),
                        None if self.export.categories.iter().any(|c| &c.nicename == parent) => {
                            next.push(category);
                            continue;
                        }
                        None => {
                            self.report.warn(
                                &format!("category {}", category.nicename),
                                "its parent is not in the export; placed at the top",
                            );
                            None
                        }
                    },
                    _ => None,
                };
                let id = if self.options.dry_run {
                    -(terms.categories.len() as i64) - 1
                } else {
                    self.add_category(terms, parent, &category.nicename, &name, &slug).await?
                };
                terms.categories.insert(category.nicename.clone(), id);
            }
            pending = next;
        }
        Ok(())
    }

    /// Adds a category below `parent`, or, when the site has one at that
    /// address in this language, takes that one (and says so).
    async fn add_category(
        &mut self,
        terms: &mut Terms,
        parent: Option<i64>,
        nicename: &str,
        name: &str,
        slug: &str,
    ) -> Result<i64, CoreError> {
        let lang = self.options.lang.clone();
        let naming = Naming { lang: lang.as_str(), name, slug };
        let record = self.ledger.record("category", nicename);
        if let Some(id) = imports::add_category(self.core, self.site, parent, &[naming], record).await? {
            self.ledger.noted("category", nicename, id);
            terms.trees.remove(lang.as_str());
            self.report.added("category");
            return Ok(id);
        }
        terms.trees.remove(lang.as_str());
        let tree = self.tree(terms, &lang).await?;
        let mut path: Vec<String> = match parent {
            Some(parent) => tree.ancestry(parent).iter().map(|c| c.slug.clone()).collect(),
            None => Vec::new(),
        };
        path.push(slug.to_owned());
        let Some(existing) = tree.find_by_path(&path).map(|c| c.id) else {
            return Err(CoreError::Invalid(format!("category {nicename:?}: its address {slug} is taken")));
        };
        self.ledger.remember("category", nicename, existing).await?;
        self.report.unchanged("category");
        self.report.warn(
            &format!("category {nicename}"),
            &format!("the site has a category at /{lang}/{}/ already: its posts go there", path.join("/")),
        );
        Ok(existing)
    }

    /// Makes sure `id` (and the categories above it) have words in `lang`,
    /// taking `name` and `slug` for it where it has none yet.
    pub(super) async fn name_in(
        &mut self,
        terms: &mut Terms,
        id: i64,
        lang: &Lang,
        name: &str,
        slug: &str,
    ) -> Result<(), CoreError> {
        if self.options.dry_run || id < 0 || self.tree(terms, lang).await?.get(id).is_some() {
            return Ok(());
        }
        // The words it has in the import's language, for its parents.
        let main = self.options.lang.clone();
        let ancestry: Vec<(i64, String, String)> = self
            .tree(terms, &main)
            .await?
            .ancestry(id)
            .iter()
            .map(|c| (c.id, c.name.clone(), c.slug.clone()))
            .collect();
        let above = ancestry.iter().filter(|(above, _, _)| *above != id);
        let chain: Vec<(i64, String, String)> =
            above.cloned().chain(std::iter::once((id, name.to_owned(), slug.to_owned()))).collect();
        let named = self.tree(terms, lang).await?;
        let missing: Vec<(i64, String, String)> =
            chain.into_iter().filter(|(category, _, _)| named.get(*category).is_none()).collect();
        for (category, name, slug) in missing {
            let naming = Naming { lang: lang.as_str(), name: &name, slug: &slug };
            imports::add_category_language(self.core, self.site, category, naming).await?;
            self.report.warn(
                &format!("category {slug}"),
                &format!("had no name in {lang}: named {name:?} there, as in this export"),
            );
        }
        terms.trees.remove(lang.as_str());
        Ok(())
    }

    async fn tags(&mut self, terms: &mut Terms) -> Result<(), CoreError> {
        let known = self.ledger.known("tag").await?.clone();
        let lang = self.options.lang.clone();
        for tag in &self.export.tags {
            if let Some(id) = known.get(&tag.slug) {
                terms.tags.insert(tag.slug.clone(), *id);
                self.report.unchanged("tag");
                continue;
            }
            let slug = slug_for(&tag.slug, &tag.name, &format!("tag-{}", tag.term_id.unwrap_or(0)));
            let name = plain_title(&tag.name);
            let id = if self.options.dry_run {
                -(terms.tags.len() as i64) - 1
            } else {
                let naming = Naming { lang: lang.as_str(), name: &name, slug: &slug };
                let record = self.ledger.record("tag", &tag.slug);
                let id = imports::add_tag(self.core, self.site, &[naming], record).await?.ok_or_else(|| {
                    CoreError::Invalid(format!("tag {:?}: the site has a tag at {slug} already", tag.slug))
                })?;
                self.ledger.noted("tag", &tag.slug, id);
                id
            };
            terms.tags.insert(tag.slug.clone(), id);
            self.report.added("tag");
        }
        Ok(())
    }

    /// A top-level category of this slug: the site's own if it has one, else a new one.
    async fn top_category(&mut self, terms: &mut Terms, slug: &str, name: &str) -> Result<i64, CoreError> {
        let lang = self.options.lang.clone();
        let existing = self.tree(terms, &lang).await?.find_by_path(&[slug]).map(|c| c.id);
        if let Some(existing) = existing {
            self.ledger.remember("category", slug, existing).await?;
            return Ok(existing);
        }
        let naming = Naming { lang: lang.as_str(), name, slug };
        let record = self.ledger.record("category", slug);
        let id = imports::add_category(self.core, self.site, None, &[naming], record).await?.ok_or_else(|| {
            CoreError::Invalid(format!("the category {slug} could not be added: its address is taken"))
        })?;
        self.ledger.noted("category", slug, id);
        terms.trees.remove(lang.as_str());
        Ok(id)
    }
}
