//! The plain records a WXR export is read into: no IO, no conversion, values as WordPress stored them.

/// Everything read from one WXR file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Export {
    /// The channel's `<title>`.
    pub site_title: String,
    /// `<wp:base_site_url>`: the network's root (on WordPress.com, `https://wordpress.com/`).
    pub base_url: String,
    /// `<wp:base_blog_url>`: the blog's own root, the prefix of every post's `link`.
    pub blog_url: String,
    pub authors: Vec<Author>,
    /// Declared categories, then any that posts use without the export declaring them.
    pub categories: Vec<Category>,
    /// Declared tags, then any that posts use without the export declaring them.
    pub tags: Vec<Tag>,
    /// Posts and pages, in file order.
    pub posts: Vec<Post>,
    pub attachments: Vec<Attachment>,
    /// What was read but is not imported (menu items, custom post types, menus...), so an
    /// importer can tell the user what it left behind instead of dropping it silently.
    pub skipped: Vec<Skipped>,
}

impl Export {
    /// Attachments whose parent is `post_id`: what a `[gallery]` without `ids` shows.
    pub fn attachments_of(&self, post_id: i64) -> impl Iterator<Item = &Attachment> {
        self.attachments.iter().filter(move |a| a.parent_id == post_id)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Author {
    pub login: String,
    pub email: String,
    pub display_name: String,
    pub id: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Category {
    pub term_id: Option<i64>,
    /// The slug.
    pub nicename: String,
    /// The parent's nicename; `None` for a top-level category.
    pub parent: Option<String>,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tag {
    /// `None` for a tag posts use without the export declaring it (named as the posts name it).
    pub term_id: Option<i64>,
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostType {
    Post,
    Page,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Publish,
    Draft,
    Pending,
    Private,
    Future,
    Trash,
    /// Any other value, kept so nothing is guessed (e.g. `inherit`, plugin statuses).
    Other(String),
}

impl Status {
    pub fn parse(raw: &str) -> Self {
        match raw.trim() {
            "publish" => Self::Publish,
            "draft" | "auto-draft" => Self::Draft,
            "pending" => Self::Pending,
            "private" => Self::Private,
            "future" => Self::Future,
            "trash" => Self::Trash,
            other => Self::Other(other.to_owned()),
        }
    }
}

/// A post or a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub id: i64,
    pub post_type: PostType,
    /// Raw: may hold HTML and entities; the caller sanitises.
    pub title: String,
    /// `wp:post_name`, percent-encoded as WordPress stores non-ASCII slugs; may be empty (drafts).
    pub slug: String,
    pub link: String,
    /// `dc:creator`: an author's login.
    pub author_login: String,
    /// `YYYY-MM-DD HH:MM:SS` in UTC; `None` when WordPress wrote `0000-00-00 00:00:00` (drafts).
    pub date_gmt: Option<String>,
    /// `YYYY-MM-DD HH:MM:SS` in the site's local time.
    pub date: String,
    pub modified_gmt: Option<String>,
    pub status: Status,
    /// Empty when the post is not password-protected.
    pub password: String,
    pub sticky: bool,
    pub menu_order: i64,
    /// 0 when the post has no parent.
    pub parent_id: i64,
    /// `content:encoded`, raw: see `convert` for turning it into HTML.
    pub content: String,
    pub excerpt: String,
    /// Category nicenames.
    pub categories: Vec<String>,
    /// Tag slugs.
    pub tags: Vec<String>,
    /// Approved comments, pingbacks and trackbacks: what WordPress itself counts.
    pub comment_count: usize,
    /// The featured image's attachment id (postmeta `_thumbnail_id`).
    pub thumbnail_id: Option<i64>,
    /// The post's language where a multilingual plugin said (Polylang's
    /// `language` term, WPML's `_wpml_import_language_code`), e.g. `ru`.
    pub language: Option<String>,
    /// What the post's translations share (Polylang's `post_translations`
    /// term, WPML's `_wpml_import_translation_group`), across exports.
    pub translation_group: Option<String>,
    /// WordPress 6.3+ footnotes (the `footnotes` meta): (id, HTML) in order.
    pub footnotes: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attachment {
    pub id: i64,
    /// The post it was uploaded to; 0 when none.
    pub parent_id: i64,
    pub title: String,
    /// `wp:attachment_url`: where to fetch the file from.
    pub url: String,
    /// Postmeta `_wp_attached_file`, relative to the uploads folder (e.g. `2011/01/photo.jpg`).
    /// WordPress.com exports leave it out.
    pub file: Option<String>,
    /// Postmeta `_wp_attachment_image_alt`.
    pub alt: String,
    /// The attachment's excerpt, which is where WordPress keeps its caption.
    pub caption: String,
    /// The attachment's own page on the old site (`<link>`), which posts link to.
    pub page: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub id: Option<i64>,
    /// The post type (`nav_menu_item`, `wp_block`...) or `term:<taxonomy>` for a term.
    pub kind: String,
    pub reason: String,
}
