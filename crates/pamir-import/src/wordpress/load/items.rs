//! Posts and pages as items: their state as readers saw it, their text
//! (converted, its files brought in, its opening kept), language,
//! translations, category, tags and pictures; then stored in batches.

use super::Load;
use super::terms::Terms;
use crate::localise::Files;
use crate::names::{UsedSlugs, plain_title, slug_for};
use crate::progress::Progress;
use pamir_core::CoreError;
use pamir_core::imports;
use pamir_core::items::{ImportedFrom, ItemInput};
use pamir_domain::{Item, ItemKind, ItemState, Lang};
use std::collections::HashMap;

use super::super::model::{Post, PostType, Status};

/// Items per transaction.
const BATCH: usize = 200;

pub(super) fn kind_name(post: &Post) -> &'static str {
    match post.post_type {
        PostType::Post => "post",
        PostType::Page => "page",
    }
}

fn record_of(post: &Post) -> String {
    format!("{} {}", kind_name(post), post.id)
}

/// A post ready to be stored.
pub(super) struct NewPost<'e> {
    pub post: &'e Post,
    pub input: ItemInput,
}

/// A post stored as this item.
pub(super) struct Stored<'e> {
    pub post: &'e Post,
    pub item: Item,
}

fn gmt(text: &Option<String>) -> Option<chrono::DateTime<chrono::Utc>> {
    let text = text.as_deref()?;
    chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").ok().map(|naive| naive.and_utc())
}

/// A post's teaser, body and whether its page shows the teaser above the
/// body. WordPress's post page shows the whole post: with an excerpt of its
/// own, that excerpt is the listings' summary and the body is the whole
/// post; without one, the part before `<!--more-->` is both the summary and
/// the post's opening.
fn teaser_and_body(html: &str, excerpt: &str) -> (String, String, bool) {
    let split = pamir_content::teaser::split_at_read_more(html);
    if !excerpt.trim().is_empty() {
        let whole = match split {
            Some((before, after)) => format!("{before}\n{after}"),
            None => html.to_owned(),
        };
        return (super::super::autop(excerpt), whole, false);
    }
    match split {
        Some((before, after)) if !before.trim().is_empty() => (before.to_owned(), after.to_owned(), true),
        Some((_, after)) => (String::new(), after.to_owned(), false),
        None => (String::new(), html.to_owned(), false),
    }
}

/// The text without the `[gallery]` placeholders `convert` left: the
/// gallery's images are the item's gallery, which its page shows.
fn without_gallery_placeholders(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<ul class=\"gallery\"") {
        out.push_str(&rest[..at]);
        match rest[at..].find("</ul>") {
            Some(end) => rest = &rest[at + end + "</ul>".len()..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

impl<'e> Load<'e> {
    /// How readers saw the post: `None` when it is not imported at all.
    fn state_of(&mut self, post: &Post) -> Option<ItemState> {
        let state = match &post.status {
            Status::Publish | Status::Future => ItemState::Published,
            Status::Draft => ItemState::Draft,
            Status::Pending => ItemState::Review,
            Status::Private => {
                self.report.warn(&record_of(post), "private in WordPress: imported as a draft");
                ItemState::Draft
            }
            Status::Trash => {
                self.report.skip(kind_name(post), post.id, "in the WordPress bin");
                return None;
            }
            Status::Other(other) => {
                self.report.skip(kind_name(post), post.id, &format!("status {other:?}"));
                return None;
            }
        };
        if !post.password.is_empty() {
            self.report.warn(&record_of(post), "password-protected in WordPress: imported as a draft");
            return Some(ItemState::Draft);
        }
        Some(state)
    }

    /// The post's language: its own where a multilingual plugin recorded
    /// one the site has, else the import's.
    fn language_of(&mut self, post: &Post, site_languages: &[Lang]) -> Lang {
        let Some(code) = &post.language else { return self.options.lang.clone() };
        let short = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match Lang::parse(&short) {
            Ok(lang) if site_languages.contains(&lang) => lang,
            _ => {
                self.report.warn(
                    &record_of(post),
                    &format!("its language {code:?} is not one of the site's: imported in {}", self.options.lang),
                );
                self.options.lang.clone()
            }
        }
    }

    /// The translation group a post joins: the one its translations
    /// imported before (from this export or another) made, else a new one.
    async fn group_of(&mut self, post: &Post) -> Result<Option<i64>, CoreError> {
        let Some(key) = &post.translation_group else { return Ok(None) };
        if self.options.dry_run {
            return Ok(None);
        }
        if let Some(group) = self.ledger.seen("translation", key).await? {
            return Ok(Some(group));
        }
        let group = pamir_core::items::create_groups(self.core, self.site, 1).await?.pop();
        if let Some(group) = group {
            self.ledger.remember("translation", key, group).await?;
        }
        Ok(group)
    }

    /// Every post and page not imported before, as an item input.
    pub(super) async fn posts(
        &mut self,
        terms: &mut Terms,
        media: &HashMap<i64, i64>,
        users: &HashMap<String, i64>,
        files: &mut Files<'_>,
    ) -> Result<Vec<NewPost<'e>>, CoreError> {
        let export = self.export;
        let known = self.ledger.known("post").await?.clone();
        let site_languages = imports::settings(self.core, self.site).await?.languages;
        let authors: HashMap<&str, &str> =
            export.authors.iter().map(|a| (a.login.as_str(), a.display_name.as_str())).collect();
        let mut posts = Vec::new();
        let mut used_slugs = UsedSlugs::taken(imports::taken_addresses(self.core, self.site).await?);
        let mut translated_alone = 0;
        for post in &export.posts {
            if known.contains_key(&post.id.to_string()) {
                self.report.unchanged(kind_name(post));
                continue;
            }
            let Some(state) = self.state_of(post) else { continue };
            let record = record_of(post);
            let lang = self.language_of(post, &site_languages);
            let converted = super::super::convert(&post.content);
            for warning in &converted.warnings {
                // The footnotes block is written out below from the post's meta.
                if !warning.contains("wp:footnotes ") || post.footnotes.is_empty() {
                    self.report.warn(&record, warning);
                }
            }
            let category = match post.post_type {
                PostType::Page => terms.categories.get("pages").copied(),
                PostType::Post => post
                    .categories
                    .iter()
                    .find_map(|nicename| terms.categories.get(nicename).copied())
                    .or_else(|| terms.categories.get("uncategorized").copied()),
            }
            .unwrap_or(-1);
            if lang != self.options.lang {
                // Its category needs words in the post's language too.
                let named = export.categories.iter().find(|c| terms.categories.get(&c.nicename) == Some(&category));
                let (name, slug) = match named {
                    Some(c) => (plain_title(&c.name), slug_for(&c.nicename, &c.name, "category")),
                    None if post.post_type == PostType::Page => ("Pages".to_owned(), "pages".to_owned()),
                    None => ("Uncategorized".to_owned(), "uncategorized".to_owned()),
                };
                self.name_in(terms, category, &lang, &name, &slug).await?;
            }
            let title = Some(plain_title(&post.title))
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| format!("Untitled {}", post.id));
            let slug = slug_for(&post.slug, &title, &format!("post-{}", post.id));
            let (slug, taken) = used_slugs.claim(category, lang.as_str(), slug, post.id);
            if let Some(taken) = taken {
                self.report.warn(
                    &record,
                    &format!("another post in its category has the address {taken:?}: this one is at {slug:?}"),
                );
            }
            let text = without_gallery_placeholders(&converted.html);
            let with_notes = super::super::footnotes::append(&text, &post.footnotes);
            let with_notes = crate::html::below_the_title(&crate::html::file_buttons_apart(&with_notes));
            let with_notes = crate::html::players_with_fallback(&with_notes);
            let (teaser, body, teaser_above_body) = teaser_and_body(&with_notes, &post.excerpt);
            let teaser = files.localise(&teaser, &record, &mut self.report).await?.html;
            let body = files.localise(&body, &record, &mut self.report).await?.html;

            let mut input = ItemInput::article(self.site, lang, category, &title);
            input.kind = ItemKind::Article;
            input.slug = slug;
            input.teaser_markdown = crate::markdown::from_html(&teaser);
            input.body_markdown = crate::markdown::from_html(&body);
            input.teaser_above_body = teaser_above_body;
            input.byline = authors.get(post.author_login.as_str()).map(|name| (*name).to_owned());
            input.author_id = users.get(post.author_login.as_str()).copied();
            input.imported = Some(ImportedFrom {
                source: self.ledger.source().to_owned(),
                kind: "post".into(),
                source_id: post.id.to_string(),
                hits: 0,
                created_at: None,
            });
            input.group_id = self.group_of(post).await?;
            if post.translation_group.is_none() && post.language.is_some() {
                translated_alone += 1;
            }
            input.state = state;
            input.featured = post.sticky;
            let published = gmt(&post.date_gmt);
            input.published_at = published;
            if post.status == Status::Future {
                input.publish_up = published;
            }
            input.tag_ids = post.tags.iter().filter_map(|slug| terms.tags.get(slug).copied()).collect();
            input.tag_ids.sort_unstable();
            input.tag_ids.dedup();
            self.report.count_comments(post.comment_count);
            input.image_id = post.thumbnail_id.and_then(|id| media.get(&id).copied());
            let gallery: Vec<i64> = if converted.gallery_ids.is_empty() && converted.attached_gallery {
                export.attachments_of(post.id).map(|a| a.id).collect()
            } else {
                converted.gallery_ids.clone()
            };
            input.gallery = gallery.iter().filter_map(|id| media.get(id).copied()).collect();
            if input.gallery.len() < gallery.len() || (post.thumbnail_id.is_some() && input.image_id.is_none()) {
                self.report.warn(&record, "some of its images were not imported (see the attachments skipped)");
            }
            // One post that breaks a rule is left out with its reason, not its whole batch.
            if let Err(error) = pamir_core::items::prepare(&input, 0, self.core.clock.now()) {
                self.report.skip(kind_name(post), post.id, &format!("refused: {error}"));
                continue;
            }
            posts.push(NewPost { post, input });
        }
        if translated_alone > 0 {
            self.report.warn(
                "translations",
                &format!(
                    "{translated_alone} posts name their language but not their translations: \
                     link them to their translations in the admin"
                ),
            );
        }
        Ok(posts)
    }

    /// Stores the items in batches, one transaction each.
    pub(super) async fn store(
        &mut self,
        posts: Vec<NewPost<'e>>,
        progress: &dyn Progress,
    ) -> Result<Vec<Stored<'e>>, CoreError> {
        let mut stored = Vec::with_capacity(posts.len());
        progress.stage("posts and pages", posts.len());
        for batch in posts.chunks(BATCH) {
            let inputs = batch.iter().map(|new| new.input.clone()).collect();
            let (first, last) = (batch[0].post.id, batch[batch.len() - 1].post.id);
            let items = pamir_core::items::create_many(self.core, inputs)
                .await
                .map_err(|e| CoreError::Invalid(format!("posts {first}..{last}: {e}")))?;
            // Each post's source id was stored with it, in the batch's transaction.
            progress.advance(batch.len());
            for (new, item) in batch.iter().zip(items) {
                self.report.added(kind_name(new.post));
                stored.push(Stored { post: new.post, item });
            }
        }
        Ok(stored)
    }
}

#[cfg(test)]
mod tests {
    use super::teaser_and_body;

    #[test]
    fn the_opening_is_never_lost() {
        let html = "<p>Opening.</p>\n<!--more-->\n<p>Rest.</p>";
        let (teaser, body, above) = teaser_and_body(html, "");
        assert_eq!((teaser.as_str(), body.as_str(), above), ("<p>Opening.</p>", "<p>Rest.</p>", true));
        let (teaser, body, above) = teaser_and_body(html, "Summary.");
        assert!(teaser.contains("Summary.") && !above);
        assert!(body.contains("Opening.") && body.contains("Rest.") && !body.contains("more"), "{body}");
        let (teaser, body, above) = teaser_and_body("<p>All.</p>", "");
        assert_eq!((teaser.as_str(), body.as_str(), above), ("", "<p>All.</p>", false));
    }
}
