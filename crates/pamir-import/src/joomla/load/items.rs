//! The articles, as items: their text (intro above the full text where
//! Joomla showed it so, the old site's files pointed at the media library,
//! Markdown where it renders alike), dates, featuring, tags, authors and
//! translation groups; stored in batches, each in one transaction.

use super::{BATCH, Loader, title_of};
use crate::joomla::model::Article;
use crate::joomla::text;
use crate::localise::Files;
use crate::names::{UsedSlugs, slug_for};
use crate::progress::Progress;
use pamir_core::CoreError;
use pamir_core::imports;
use pamir_core::items::{ImportedFrom, ItemInput};
use pamir_domain::ItemState;
use std::collections::HashMap;

impl Loader<'_> {
    pub(super) async fn articles(
        &mut self,
        users: &HashMap<i64, i64>,
        categories: &HashMap<i64, i64>,
        tags: &HashMap<i64, i64>,
        files: &mut Files<'_>,
        progress: &dyn Progress,
    ) -> Result<Vec<(i64, i64)>, CoreError> {
        progress.stage("articles", self.joomla.articles.len());
        let known = self.ledger.known("article").await?.clone();
        let names: HashMap<i64, &str> = self.joomla.users.iter().map(|u| (u.id, u.name.as_str())).collect();
        let fallback_category = self.fallback_category(categories).await?;
        // Translations share a group: the group of a member imported before, else a new one.
        let mut groups: HashMap<&str, i64> = HashMap::new();
        let associated: Vec<(&str, i64)> = self
            .joomla
            .articles
            .iter()
            .filter_map(|article| {
                let key = self.joomla.article_associations.get(&article.id)?;
                Some((key.as_str(), *known.get(&article.id.to_string())?))
            })
            .collect();
        let ids: Vec<i64> = associated.iter().map(|(_, id)| *id).collect();
        let imported = imports::items(self.core, self.site_id, &ids).await?;
        for (key, item_id) in associated {
            if let Some(item) = imported.get(&item_id) {
                groups.insert(key, item.group_id);
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
        let mut used_slugs = UsedSlugs::taken(imports::taken_addresses(self.core, self.site_id).await?);
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
            let slug = slug_for(&article.alias, &input.title, &format!("article-{}", article.id));
            let (slug, taken) = used_slugs.claim(category, lang.as_str(), slug, article.id);
            if let Some(taken) = taken {
                self.report.warn(
                    &record,
                    &format!("another article in its category has the alias {taken:?}: this one is at {slug:?}"),
                );
            }
            input.slug = slug;
            self.fill_text(&mut input, article, files, &record).await?;
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
            // The full-text image is the one the article's page showed.
            if let Some((path, alt)) = article.images.full.as_ref().or(article.images.intro.as_ref()) {
                let lead = files.bring_named(path, alt, &record, &mut self.report).await?;
                input.image_id = lead.map(|(id, _)| id).filter(|id| *id > 0);
            }
            input.imported = Some(ImportedFrom {
                source: self.ledger.source().to_owned(),
                kind: "article".into(),
                source_id: article.id.to_string(),
                hits: article.hits,
                created_at: article.created,
            });
            if let Some(key) = self.joomla.article_associations.get(&article.id) {
                // Made above for every set of translations (none in a dry run).
                input.group_id = Some(groups.get(key.as_str()).copied().unwrap_or(0));
            }
            // One article that breaks a rule is left out with its reason, not its whole batch.
            if let Err(error) = pamir_core::items::prepare(&input, 0, self.core.clock.now()) {
                self.report.skip("article", article.id, &format!("refused: {error}"));
                continue;
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

    /// The intro and full text as the article's page showed them, the old
    /// site's files brought in, as the editor's Markdown.
    async fn fill_text(
        &mut self,
        input: &mut ItemInput,
        article: &Article,
        files: &mut Files<'_>,
        record: &str,
    ) -> Result<(), CoreError> {
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
        let teaser = files.localise(&crate::html::players_with_fallback(&teaser), record, &mut self.report).await?.html;
        let body = files.localise(&crate::html::players_with_fallback(&body), record, &mut self.report).await?.html;
        input.teaser_markdown = crate::markdown::from_html(&teaser);
        input.body_markdown = crate::markdown::from_html(&body);
        Ok(())
    }
}
