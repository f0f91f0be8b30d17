//! Turning what editors write into what readers get, as pure functions.
//!
//! - [`markdown`]: Markdown (CommonMark + GFM tables, autolinks, footnotes) to HTML
//! - [`sanitize`]: the allow-list every piece of HTML passes before a reader sees it
//! - [`teaser`]: splitting a text at its "read more" mark
//! - [`slug`]: URL slugs from titles, with Russian and Tajik transliteration
//! - [`checks`]: what in a text makes its page harder to use, for the editor's panel
//! - [`weight`]: what a page will weigh on a phone, pictures included
//! - [`outline`]: a text cut into its top-level blocks, for the rich-text editor
//! - [`item_links`]: links between items by id, shown at their current address
//! - [`merge`]: two edits of one text joined line by line, where they do not touch

pub mod checks;
pub mod images;
pub mod item_links;
pub mod markdown;
pub mod merge;
pub mod outline;
pub mod sanitize;
pub mod slug;
pub mod teaser;
pub mod weight;

/// Markdown to HTML that is safe to put in a page: the one path every text takes,
/// whether an editor typed it or an importer brought it in.
pub fn render_safe(markdown: &str) -> String {
    sanitize::clean(&markdown::to_html(markdown))
}

/// Plain text of a Markdown snippet, for meta descriptions and feeds.
pub fn plain_text(markdown: &str) -> String {
    let html = markdown::to_html(markdown);
    let text = ammonia::Builder::empty().clean(&html).to_string();
    let decoded = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}
