//! Gutenberg block delimiters (`<!-- wp:name {json} -->`, `<!-- /wp:name -->`, `<!-- wp:name /-->`).
//!
//! The block editor saves plain HTML between comment delimiters; the comments only carry
//! editor state, so removing them leaves the HTML WordPress would show. Self-closing
//! ("dynamic") blocks are the exception: WordPress renders them at view time (latest
//! posts, site title...), so their output cannot be recovered and each one is reported.

pub(crate) struct Stripped {
    pub html: String,
    /// Whether any block delimiter was found: block content is never run through wpautop,
    /// exactly as WordPress skips it for posts with blocks.
    pub had_blocks: bool,
    /// Names of self-closing blocks that were dropped, in order, without repeats.
    pub dynamic: Vec<String>,
}

/// Blocks whose saved HTML is only a skeleton: WordPress fills them in at
/// view time (latest posts, a query loop, menus, archives…). Their whole
/// content goes, with the wrapper, rather than leaving empty headings.
const RENDERED_AT_VIEW_TIME: &[&str] = &[
    "archives",
    "avatar",
    "calendar",
    "categories",
    "comments",
    "comment-template",
    "latest-comments",
    "latest-posts",
    "loginout",
    "navigation",
    "page-list",
    "post-author",
    "post-comments-form",
    "post-content",
    "post-date",
    "post-excerpt",
    "post-featured-image",
    "post-navigation-link",
    "post-template",
    "post-terms",
    "post-title",
    "query",
    "query-pagination",
    "read-more",
    "rss",
    "search",
    "site-logo",
    "site-tagline",
    "site-title",
    "social-links",
    "tag-cloud",
    "template-part",
];

fn rendered_at_view_time(name: &str) -> bool {
    let bare = name.strip_prefix("core/").unwrap_or(name);
    RENDERED_AT_VIEW_TIME.contains(&bare)
}

pub(crate) fn strip_block_comments(content: &str) -> Stripped {
    let mut html = String::with_capacity(content.len());
    let mut had_blocks = false;
    let mut dynamic: Vec<String> = Vec::new();
    // Inside a block rendered at view time: how deep, counting the blocks in it.
    let mut skipping = 0usize;
    let mut rest = content;
    while let Some(open) = rest.find("<!--") {
        if skipping == 0 {
            html.push_str(&rest[..open]);
        }
        let after = &rest[open + 4..];
        let Some(close) = after.find("-->") else {
            // An unterminated comment is left for the HTML sanitiser to deal with.
            if skipping == 0 {
                html.push_str(&rest[open..]);
            }
            return Stripped { html, had_blocks, dynamic };
        };
        let body = &after[..close];
        let mut next = &after[close + 3..];
        match block_delimiter(body) {
            Some(delimiter) => {
                had_blocks = true;
                let name = format!("wp:{}", delimiter.name);
                if delimiter.void {
                    if skipping == 0 && !dynamic.contains(&name) {
                        dynamic.push(name);
                    }
                } else if delimiter.closer {
                    skipping = skipping.saturating_sub(1);
                } else if skipping > 0 {
                    skipping += 1;
                } else if rendered_at_view_time(&delimiter.name) {
                    skipping = 1;
                    if !dynamic.contains(&name) {
                        dynamic.push(name);
                    }
                }
                // A delimiter alone on its line would otherwise leave an empty line behind.
                if let Some(stripped) = next.strip_prefix('\n') {
                    next = stripped;
                }
            }
            None if skipping == 0 => html.push_str(&rest[open..open + 4 + close + 3]),
            None => {}
        }
        rest = next;
    }
    if skipping == 0 {
        html.push_str(rest);
    }
    Stripped { html, had_blocks, dynamic }
}

struct Delimiter {
    /// The block's name, `ns/name` for other namespaces than core.
    name: String,
    /// `<!-- /wp:name -->`.
    closer: bool,
    /// Self-closing: `<!-- wp:name /-->`.
    void: bool,
}

/// Recognises the inside of a comment as a block delimiter, following the block parser:
/// optional whitespace, an optional `/`, `wp:`, a name (`ns/name` allowed), optional JSON.
fn block_delimiter(body: &str) -> Option<Delimiter> {
    let inner = body.trim_start();
    let (closer, inner) = match inner.strip_prefix('/') {
        Some(i) => (true, i),
        None => (false, inner),
    };
    let inner = inner.strip_prefix("wp:")?;
    let name_len = inner
        .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-' | '/')))
        .unwrap_or(inner.len());
    let name = &inner[..name_len];
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    let void = !closer && body.trim_end().ends_with('/');
    Some(Delimiter { name: name.trim_end_matches('/').to_owned(), closer, void })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_go_and_inner_html_stays() {
        let s = strip_block_comments("<!-- wp:paragraph -->\n<p>Hi</p>\n<!-- /wp:paragraph -->\n");
        assert_eq!(s.html, "<p>Hi</p>\n");
        assert!(s.had_blocks);
        assert!(s.dynamic.is_empty());
    }

    #[test]
    fn self_closing_blocks_are_removed_and_named() {
        let s = strip_block_comments("a<!-- wp:latest-posts {\"a\":1} /-->b<!-- wp:jetpack/map /-->");
        assert_eq!(s.html, "ab");
        assert_eq!(s.dynamic, ["wp:latest-posts", "wp:jetpack/map"]);
    }

    #[test]
    fn blocks_rendered_at_view_time_go_whole_with_their_skeleton() {
        let content = "<p>Before</p>\n<!-- wp:query {\"queryId\":1} -->\n<div class=\"wp-block-query\"><!-- wp:post-template -->\n<!-- wp:post-title /-->\n<h2></h2>\n<!-- /wp:post-template --></div>\n<!-- /wp:query -->\n<!-- wp:paragraph -->\n<p>After</p>\n<!-- /wp:paragraph -->";
        let s = strip_block_comments(content);
        assert_eq!(s.html, "<p>Before</p>\n<p>After</p>\n");
        assert_eq!(s.dynamic, ["wp:query"]);
    }

    #[test]
    fn other_comments_are_kept() {
        let s = strip_block_comments("a<!--more-->b<!-- note --><!-- wpx -->");
        assert_eq!(s.html, "a<!--more-->b<!-- note --><!-- wpx -->");
        assert!(!s.had_blocks);
    }
}
