//! A 301 from every address the old site gave its articles, categories,
//! front page and files to where they are now, in one hop.

use super::{BATCH, Loader, lang_of};
use crate::joomla::addresses::Addresses;
use crate::joomla::model::{Article, Category};
use crate::localise::Files;
use crate::progress::Progress;
use pamir_core::imports;
use pamir_core::{Core, CoreError};
use pamir_domain::taxonomy::CategoryTree;
use pamir_domain::{Lang, SiteId};
use std::collections::HashMap;

impl Loader<'_> {
    /// A 301 from every address the old site gave its articles, categories,
    /// front page and files (for articles imported earlier too, so a
    /// resumed import misses none; addresses stored before stay as they are).
    /// A dry run counts the addresses it would map.
    pub(super) async fn redirects(
        &mut self,
        categories: &HashMap<i64, i64>,
        created: &[(i64, i64)],
        files: &Files<'_>,
        progress: &dyn Progress,
    ) -> Result<(), CoreError> {
        if self.options.dry_run {
            for _ in 0..self.count_addresses(files) {
                self.report.added("redirect");
            }
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
        // The files' old addresses, below the site's `images/`.
        for (relative, address) in files.brought() {
            redirects.push((pamir_core::redirects::normalise(&format!("/{relative}"), None), address.to_owned()));
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

    /// The old addresses a real run would map: of every article and
    /// category read (but those in the trash), the front page and the files.
    fn count_addresses(&self, files: &Files<'_>) -> usize {
        let addresses = Addresses::new(self.joomla);
        let category_of: HashMap<i64, &Category> = self.joomla.categories.iter().map(|c| (c.id, c)).collect();
        let articles: usize = self
            .joomla
            .articles
            .iter()
            .map(|article| addresses.article(article, category_of.get(&article.catid).copied()).len())
            .sum();
        let categories: usize = self
            .joomla
            .categories
            .iter()
            .filter(|category| category.published != -2)
            .map(|category| addresses.category(category).len())
            .sum();
        articles + categories + addresses.front_page().len() + files.brought().count()
    }

    /// Stores the redirects gathered once there are more than `above`.
    pub(super) async fn flush(&mut self, redirects: &mut Vec<(String, String)>, above: usize) -> Result<(), CoreError> {
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
