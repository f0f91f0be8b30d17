//! The old site's addresses, each a 301 to its new page: every post's
//! permalink and its `?p=` / `?page_id=` form (and the address under
//! `--permalinks`), category and tag archives with their feeds, the site's
//! feeds, and the files below `wp-content/uploads/` that were brought in.

use super::Load;
use super::items::{NewPost, Stored};
use super::terms::Terms;
use crate::localise::Files;
use crate::names::{percent_decode, slug_for};
use chrono::NaiveDateTime;
use pamir_core::CoreError;
use pamir_core::imports;
use pamir_core::redirects::normalise;
use pamir_domain::taxonomy::CategoryTree;

use super::super::model::{Post, PostType};

/// A post's address under a WordPress permalink structure. The tags are
/// WordPress's; dates are the post's local date, as WordPress used them.
pub fn permalink(structure: &str, post: &Post, category: Option<&str>) -> Option<String> {
    let date = NaiveDateTime::parse_from_str(&post.date, "%Y-%m-%d %H:%M:%S").ok()?;
    let slug = percent_decode(&post.slug);
    let mut path = structure.to_owned();
    for (tag, value) in [
        ("%year%", date.format("%Y").to_string()),
        ("%monthnum%", date.format("%m").to_string()),
        ("%day%", date.format("%d").to_string()),
        ("%hour%", date.format("%H").to_string()),
        ("%minute%", date.format("%M").to_string()),
        ("%second%", date.format("%S").to_string()),
        ("%post_id%", post.id.to_string()),
        ("%postname%", slug),
        ("%category%", category.unwrap_or("uncategorized").to_owned()),
        ("%author%", post.author_login.clone()),
    ] {
        path = path.replace(tag, &value);
    }
    (path.starts_with('/') && !path.contains('%')).then_some(path)
}

/// The path of an absolute address (`https://x.org/2011/01/post/` → `/2011/01/post/`).
pub(super) fn path_of(link: &str) -> Option<String> {
    let rest = link.split_once("://").map(|(_, rest)| rest)?;
    let path = rest.find('/').map(|at| &rest[at..]).unwrap_or("/");
    Some(path.to_owned())
}

/// The site's feeds as WordPress served them, and which of ours each is.
const FEEDS: &[(&str, Option<&str>, &str)] = &[
    ("/feed", None, "feed.rss"),
    ("/feed/rss2", None, "feed.rss"),
    ("/feed/rss", None, "feed.rss"),
    ("/feed/atom", None, "feed.atom"),
    ("/", Some("feed=rss2"), "feed.rss"),
    ("/", Some("feed=rss"), "feed.rss"),
    ("/", Some("feed=atom"), "feed.atom"),
];

impl Load<'_> {
    /// The path the blog's addresses start with (`/blog` for a blog at
    /// `https://x.org/blog`), empty at the root.
    fn blog_prefix(&self) -> String {
        let blog = if self.export.blog_url.is_empty() { &self.export.base_url } else { &self.export.blog_url };
        path_of(blog).unwrap_or_default().trim_end_matches('/').to_owned()
    }

    /// Every old address of a post.
    fn post_addresses(&mut self, post: &Post) -> Vec<String> {
        let query = match post.post_type {
            PostType::Post => format!("/?p={}", post.id),
            PostType::Page => format!("/?page_id={}", post.id),
        };
        let mut olds = vec![query];
        if let Some(path) = path_of(&post.link) {
            olds.push(normalise(&path, None));
        }
        if let (Some(structure), PostType::Post) = (&self.options.permalinks, post.post_type) {
            match permalink(structure, post, post.categories.first().map(String::as_str)) {
                Some(path) => olds.push(normalise(&path, None)),
                None => self.report.warn(
                    &format!("post {}", post.id),
                    "no address under the permalink structure (unknown tag or date)",
                ),
            }
        }
        olds.sort_unstable();
        olds.dedup();
        olds
    }

    /// A post's old addresses, without the permalink structure's warnings.
    pub(super) fn post_addresses_quietly(&self, post: &Post) -> Vec<String> {
        let query = match post.post_type {
            PostType::Post => format!("/?p={}", post.id),
            PostType::Page => format!("/?page_id={}", post.id),
        };
        let mut olds = vec![query];
        olds.extend(path_of(&post.link).map(|path| normalise(&path, None)));
        olds
    }

    /// `/category/parent/child` for a category nicename, as WordPress made it.
    fn category_path(&self, nicename: &str) -> String {
        let mut chain = vec![nicename.to_owned()];
        let mut at = nicename.to_owned();
        for _ in 0..64 {
            let parent = self.export.categories.iter().find(|c| c.nicename == at).and_then(|c| c.parent.clone());
            match parent.filter(|p| !p.is_empty()) {
                Some(parent) => {
                    chain.insert(0, parent.clone());
                    at = parent;
                }
                None => break,
            }
        }
        format!("/category/{}", chain.join("/"))
    }

    /// (old address, its page's path below the language) of the archives.
    fn archive_addresses(&self, terms: &Terms, tree: &CategoryTree) -> Vec<(String, String)> {
        let prefix = self.blog_prefix();
        let mut all = Vec::new();
        for category in &self.export.categories {
            let Some(id) = terms.categories.get(&category.nicename) else { continue };
            let page = if *id < 0 { String::new() } else { format!("{}/", tree.path(*id)) };
            let nested = self.category_path(&category.nicename);
            let flat = format!("/category/{}", category.nicename);
            for old in [nested, flat] {
                all.push((normalise(&format!("{prefix}{old}"), None), page.clone()));
                all.push((normalise(&format!("{prefix}{old}/feed"), None), format!("{page}feed.atom")));
            }
            all.push((normalise("/", Some(&format!("cat={}", category.term_id.unwrap_or(-1)))), page.clone()));
        }
        for tag in &self.export.tags {
            if !terms.tags.contains_key(&tag.slug) {
                continue;
            }
            let slug = slug_for(&tag.slug, &tag.name, &format!("tag-{}", tag.term_id.unwrap_or(0)));
            all.push((normalise(&format!("{prefix}/tag/{}", tag.slug), None), format!("tags/{slug}")));
        }
        for (path, query, feed) in FEEDS {
            let path = if *path == "/" { format!("{prefix}/") } else { format!("{prefix}{path}") };
            all.push((normalise(&path, *query), (*feed).to_owned()));
        }
        all.retain(|(old, _)| !old.contains("cat=-1"));
        all.sort_unstable();
        all.dedup_by(|a, b| a.0 == b.0);
        all
    }

    /// How many redirects a run would add (for a dry run).
    pub(super) fn count_addresses(&mut self, posts: &[NewPost<'_>], terms: &Terms) -> usize {
        let for_posts: usize = posts.iter().map(|new| self.post_addresses(new.post).len()).sum();
        for_posts + self.archive_addresses(terms, &CategoryTree::new(Vec::new())).len()
    }

    /// Stores the 301s of the posts just added, the archives and feeds,
    /// and the files brought in.
    pub(super) async fn redirects(
        &mut self,
        created: &[Stored<'_>],
        terms: &Terms,
        files: &Files<'_>,
    ) -> Result<(), CoreError> {
        let mut trees: std::collections::HashMap<String, CategoryTree> = Default::default();
        let mut redirects: Vec<(String, String)> = Vec::new();
        for stored in created {
            let lang = stored.item.lang.to_string();
            if !trees.contains_key(&lang) {
                let tree = CategoryTree::new(imports::categories(self.core, self.site, &stored.item.lang).await?);
                trees.insert(lang.clone(), tree);
            }
            let target = format!("/{lang}/{}/{}", trees[&lang].path(stored.item.category_id), stored.item.slug);
            redirects.extend(self.post_addresses(stored.post).into_iter().map(|old| (old, target.clone())));
        }
        let lang = self.options.lang.clone();
        let tree = CategoryTree::new(imports::categories(self.core, self.site, &lang).await?);
        for (old, page) in self.archive_addresses(terms, &tree) {
            redirects.push((old, format!("/{lang}/{page}")));
        }
        let prefix = self.blog_prefix();
        for (relative, address) in files.brought() {
            redirects.push((normalise(&format!("{prefix}/wp-content/uploads/{relative}"), None), address.to_owned()));
        }
        // Stored once: a second run finds them there and adds nothing.
        let added = imports::add_redirects(self.core, self.site, &redirects, "wordpress").await?;
        for _ in 0..added {
            self.report.added("redirect");
        }
        Ok(())
    }
}
