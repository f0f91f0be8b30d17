//! One `<item>` as read, and how it becomes a post, an attachment or a skipped entry.

use super::error::WxrError;
use super::model::{Attachment, Category, Export, Post, PostType, Skipped, Status, Tag};
use super::wxr::{non_empty, parse_opt_i64};

/// The fields of an `<item>`, gathered before its post type (which comes late) is known.
#[derive(Default)]
pub(crate) struct RawItem {
    title: String,
    link: String,
    guid: String,
    /// RSS's `pubDate`, the only date some older or trimmed exports have.
    pub_date: String,
    creator: String,
    content: String,
    excerpt: String,
    id: Option<i64>,
    date: String,
    date_gmt: String,
    modified_gmt: String,
    slug: String,
    status: String,
    parent_id: i64,
    menu_order: i64,
    post_type: String,
    password: String,
    sticky: bool,
    attachment_url: String,
    categories: Vec<String>,
    tags: Vec<String>,
    comment_count: usize,
    meta: Vec<(String, String)>,
    /// Polylang's `language` and `post_translations` terms.
    language: Option<String>,
    translation_group: Option<String>,
    /// The `<category>` being read: its domain and nicename attributes.
    term: (Option<String>, Option<String>),
    /// (is a category, slug, name) of each term the item uses, to declare missing ones.
    used_terms: Vec<(bool, String, String)>,
    meta_key: String,
    meta_value: String,
    comment_approved: bool,
}

pub(crate) enum Record {
    /// Boxed: a post is several times larger than the other records.
    Post(Box<Post>),
    Attachment(Attachment),
    Skipped(Skipped),
}

/// Marks a category given by name only (WXR 1.0 has no `nicename`), resolved at the end.
const BY_NAME: &str = "\u{0}name:";

impl RawItem {
    pub(crate) fn open_term(&mut self, domain: Option<String>, nicename: Option<String>) {
        self.term = (domain, nicename);
    }

    pub(crate) fn open_meta(&mut self) {
        self.meta_key.clear();
        self.meta_value.clear();
    }

    pub(crate) fn open_comment(&mut self) {
        self.comment_approved = false;
    }

    pub(crate) fn field(&mut self, xml: &[u8], at: usize, name: &str, text: String) -> Result<(), WxrError> {
        let num = |v: &str| parse_opt_i64(xml, at, name, v);
        match name {
            "title" => self.title = text,
            "link" => self.link = text.trim().to_owned(),
            "guid" => self.guid = text.trim().to_owned(),
            "pubDate" => self.pub_date = text.trim().to_owned(),
            "dc:creator" => self.creator = clean_login(&text),
            "content:encoded" => self.content = text,
            "excerpt:encoded" => self.excerpt = text,
            "wp:post_id" => self.id = num(&text)?,
            "wp:post_date" => self.date = text.trim().to_owned(),
            "wp:post_date_gmt" => self.date_gmt = text.trim().to_owned(),
            "wp:post_modified_gmt" => self.modified_gmt = text.trim().to_owned(),
            "wp:post_name" => self.slug = text.trim().to_owned(),
            "wp:status" => self.status = text.trim().to_owned(),
            "wp:post_parent" => self.parent_id = num(&text)?.unwrap_or(0),
            "wp:menu_order" => self.menu_order = num(&text)?.unwrap_or(0),
            "wp:post_type" => self.post_type = text.trim().to_owned(),
            "wp:post_password" => self.password = text,
            "wp:is_sticky" => self.sticky = text.trim() == "1",
            "wp:attachment_url" => self.attachment_url = text.trim().to_owned(),
            "category" => self.close_term(text),
            "wp:postmeta" => {
                let pair = (std::mem::take(&mut self.meta_key), std::mem::take(&mut self.meta_value));
                self.meta.push(pair);
            }
            "wp:comment" if self.comment_approved => self.comment_count += 1,
            _ => {}
        }
        Ok(())
    }

    fn close_term(&mut self, text: String) {
        let (domain, nicename) = std::mem::take(&mut self.term);
        let slug = nicename.and_then(|n| non_empty(&n));
        let name = text.trim().to_owned();
        match (domain.as_deref(), slug) {
            (Some("category"), Some(slug)) => {
                self.used_terms.push((true, slug.clone(), name));
                self.categories.push(slug);
            }
            (Some("post_tag" | "tag"), Some(slug)) => {
                self.used_terms.push((false, slug.clone(), name));
                self.tags.push(slug);
            }
            (Some("language"), Some(code)) => self.language = Some(code),
            (Some("post_translations"), Some(group)) => self.translation_group = Some(group),
            // A term with a nicename but no domain is a category, as
            // WordPress's importer reads it.
            (None, Some(slug)) => {
                self.used_terms.push((true, slug.clone(), name));
                self.categories.push(slug);
            }
            // WXR 1.0 wrote bare `<category>Name</category>`: look the name up later.
            (None | Some("category"), None) if !text.trim().is_empty() => {
                self.categories.push(format!("{BY_NAME}{}", text.trim()));
            }
            // Post formats and custom taxonomies have no place in pamir.
            _ => {}
        }
    }

    pub(crate) fn meta_field(&mut self, name: &str, text: String) {
        match name {
            "wp:meta_key" => self.meta_key = text.trim().to_owned(),
            "wp:meta_value" => self.meta_value = text,
            _ => {}
        }
    }

    /// WordPress's own comment count covers approved comments only, pingbacks included.
    pub(crate) fn comment_field(&mut self, name: &str, text: &str) {
        if name == "wp:comment_approved" {
            self.comment_approved = text.trim() == "1";
        }
    }

    fn meta(&self, key: &str) -> Option<&str> {
        self.meta.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// The record, and the terms it uses (only meaningful for posts and pages).
    pub(crate) fn into_record(mut self) -> (Record, Vec<(bool, String, String)>) {
        let used = std::mem::take(&mut self.used_terms);
        (self.record(), used)
    }

    fn record(mut self) -> Record {
        let kind = if self.post_type.is_empty() { "post" } else { self.post_type.as_str() };
        // Exports trimmed by hand or written by older tools lack the wp:
        // fields; WordPress's importer takes them from the RSS ones, and so
        // does this: the id from `?p=N` in the guid or link, the date from
        // `pubDate`, and "published" for an item the feed showed.
        let id = self.id.or_else(|| id_in_address(&self.guid)).or_else(|| id_in_address(&self.link));
        if self.date_gmt.is_empty()
            && let Ok(date) = chrono::DateTime::parse_from_rfc2822(&self.pub_date)
        {
            self.date_gmt = date.naive_utc().format("%Y-%m-%d %H:%M:%S").to_string();
            if self.date.is_empty() {
                self.date = date.naive_local().format("%Y-%m-%d %H:%M:%S").to_string();
            }
        }
        if self.status.is_empty() && !self.pub_date.is_empty() {
            self.status = "publish".to_owned();
        }
        let Some(id) = id else {
            return Record::Skipped(Skipped {
                id: None,
                kind: kind.to_owned(),
                reason: format!("item {:?} has no wp:post_id", self.title),
            });
        };
        let post_type = match kind {
            "post" => PostType::Post,
            "page" => PostType::Page,
            "attachment" => return Record::Attachment(self.into_attachment(id)),
            other => return Record::Skipped(skipped(id, other)),
        };
        let thumbnail_id = self.meta("_thumbnail_id").and_then(|v| v.trim().parse().ok());
        let wpml = |key: &str| self.meta(key).map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        let language = self.language.clone().or_else(|| wpml("_wpml_import_language_code"));
        let translation_group = self.translation_group.clone().or_else(|| wpml("_wpml_import_translation_group"));
        let footnotes = self.meta("footnotes").map(read_footnotes).unwrap_or_default();
        Record::Post(Box::new(Post {
            id,
            post_type,
            title: self.title,
            slug: self.slug,
            link: self.link,
            author_login: self.creator,
            date_gmt: real_date(self.date_gmt),
            date: self.date,
            modified_gmt: real_date(self.modified_gmt),
            status: Status::parse(&self.status),
            password: self.password,
            sticky: self.sticky,
            menu_order: self.menu_order,
            parent_id: self.parent_id,
            content: self.content,
            excerpt: self.excerpt,
            categories: self.categories,
            tags: self.tags,
            comment_count: self.comment_count,
            thumbnail_id,
            language,
            translation_group,
            footnotes,
        }))
    }

    fn into_attachment(self, id: i64) -> Attachment {
        Attachment {
            id,
            parent_id: self.parent_id,
            file: self.meta("_wp_attached_file").and_then(non_empty),
            alt: self.meta("_wp_attachment_image_alt").unwrap_or_default().to_owned(),
            title: self.title,
            url: self.attachment_url,
            caption: self.excerpt,
            page: self.link,
        }
    }
}

/// The block editor's footnotes meta: a JSON list of `{"id": "...",
/// "content": "..."}`. Anything else reads as none.
fn read_footnotes(json: &str) -> Vec<(String, String)> {
    let Ok(serde_json::Value::Array(notes)) = serde_json::from_str::<serde_json::Value>(json) else {
        return Vec::new();
    };
    notes
        .iter()
        .filter_map(|note| {
            let id = note.get("id")?.as_str()?.to_owned();
            let content = note.get("content")?.as_str()?.to_owned();
            Some((id, content))
        })
        .collect()
}

/// The post id in a WordPress address: `https://x.org/?p=12`,
/// `?page_id=12` or `?attachment_id=12`.
fn id_in_address(address: &str) -> Option<i64> {
    let query = address.split_once('?')?.1.split('#').next()?;
    query.split('&').find_map(|pair| match pair.split_once('=') {
        Some(("p" | "page_id" | "attachment_id", value)) => value.parse().ok().filter(|id| *id > 0),
        _ => None,
    })
}

/// Logins as WordPress's importer sees them after `sanitize_user`: real exports contain
/// creators like `>themereviewteam`, which would otherwise not match any author.
pub(crate) fn clean_login(raw: &str) -> String {
    raw.trim().chars().filter(|c| !matches!(c, '<' | '>')).collect()
}

fn skipped(id: i64, kind: &str) -> Skipped {
    let reason = match kind {
        "nav_menu_item" => "navigation menu items are not imported: pamir builds its own navigation".to_owned(),
        "wp_block" => "reusable blocks are not imported: posts using them lose that part".to_owned(),
        "revision" => "revisions are not imported: only the current version is".to_owned(),
        k if k.starts_with("wp_") || k == "custom_css" || k == "customize_changeset" => {
            format!("'{k}' is WordPress theme or editor configuration, not content")
        }
        k => format!("custom post type '{k}' is not imported"),
    };
    Skipped { id: Some(id), kind: kind.to_owned(), reason }
}

/// Drafts carry `0000-00-00 00:00:00` as "no date yet".
fn real_date(raw: String) -> Option<String> {
    (!raw.is_empty() && !raw.starts_with("0000-00-00")).then_some(raw)
}

/// Turns categories given by name (WXR 1.0) into nicenames; unknown names are dropped,
/// since a post cannot point at a category the export does not define.
pub(crate) fn resolve_category_names(export: &mut Export) {
    let categories = &export.categories;
    for post in &mut export.posts {
        post.categories = std::mem::take(&mut post.categories)
            .into_iter()
            .filter_map(|c| match c.strip_prefix(BY_NAME) {
                None => Some(c),
                Some(name) => categories.iter().find(|k| k.name == name).map(|k| k.nicename.clone()),
            })
            .collect();
    }
}

/// Adds the categories and tags that posts use but the export does not declare (it
/// happens in real exports), named as the posts name them, as WordPress's importer does.
pub(crate) fn declare_used_terms(export: &mut Export, used: Vec<(bool, String, String)>) {
    for (is_category, slug, name) in used {
        if is_category {
            if !export.categories.iter().any(|c| c.nicename == slug) {
                let name = if name.is_empty() { slug.clone() } else { name };
                export.categories.push(Category { nicename: slug, name, ..Category::default() });
            }
        } else if !export.tags.iter().any(|t| t.slug == slug) {
            let name = if name.is_empty() { slug.clone() } else { name };
            export.tags.push(Tag { term_id: None, slug, name });
        }
    }
}
