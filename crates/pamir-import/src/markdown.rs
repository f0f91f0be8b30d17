//! Imported HTML as the Markdown an editor would have written: paragraphs,
//! headings, lists, quotes, links, emphasis and tables become Markdown, so
//! that the editor shows a text rather than WordPress's or Joomla's markup
//! (block classes, inline styles, `&#8217;`). A block is converted only when
//! the Markdown renders to the very page the HTML did; what Markdown cannot
//! say (a figure with its caption, a player, a definition list) stays a
//! small HTML block. The whole text is checked once more at the end, so an
//! import never changes what a reader sees.

use htmd::HtmlToMarkdown;
use htmd::options::{BulletListMarker, CodeBlockStyle, HeadingStyle, Options, TranslationMode};

/// Elements that stand as blocks of their own at the top of a text.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "audio",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "iframe",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "video",
];

/// Elements without content or end tag.
const VOID_TAGS: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// The text as Markdown where that renders alike, block by block; else as
/// the HTML it was (see [`crate::html::for_markdown`]).
pub fn from_html(html: &str) -> String {
    let as_html = crate::html::for_markdown(html);
    if !html.trim_start().starts_with('<') {
        return as_html;
    }
    let blocks: Vec<String> = top_level_blocks(html)
        .into_iter()
        .filter(|b| !b.trim().is_empty() && !is_empty_paragraph(b))
        .map(block_markdown)
        .collect();
    let markdown = blocks.join("\n\n");
    if renders_alike(&markdown, &as_html) { markdown } else { as_html }
}

/// How many blocks of an editor's text are Markdown and how many are HTML
/// blocks, counted at blank lines outside fenced code.
pub fn blocks(markdown: &str) -> (usize, usize) {
    let (mut as_markdown, mut as_html) = (0, 0);
    let mut in_fence = false;
    let mut in_block = false;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if !in_block && !trimmed.is_empty() {
            in_block = true;
            if trimmed.starts_with('<') { as_html += 1 } else { as_markdown += 1 }
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
        }
        if trimmed.is_empty() && !in_fence {
            in_block = false;
        }
    }
    (as_markdown, as_html)
}

thread_local! {
    static PURE: HtmlToMarkdown = converter(TranslationMode::Pure);
    static FAITHFUL: HtmlToMarkdown = converter(TranslationMode::Faithful);
}

fn converter(translation_mode: TranslationMode) -> HtmlToMarkdown {
    HtmlToMarkdown::builder()
        .options(Options {
            heading_style: HeadingStyle::Atx,
            bullet_list_marker: BulletListMarker::Dash,
            code_block_style: CodeBlockStyle::Fenced,
            ul_bullet_spacing: 1,
            ol_number_spacing: 1,
            translation_mode,
            ..Options::default()
        })
        .build()
}

/// One block as Markdown: plainly where the page stays the same, keeping
/// some HTML where that is needed, or as it was.
fn block_markdown(block: &str) -> String {
    let as_html = crate::html::for_markdown(block);
    for converter in [&PURE, &FAITHFUL] {
        let markdown = converter.with(|c| c.convert(block)).unwrap_or_default();
        if !markdown.trim().is_empty() && renders_alike(&markdown, &as_html) {
            return markdown;
        }
    }
    as_html
}

/// `<p> </p>`, `<p>&nbsp;</p>`: space an editor made with empty
/// paragraphs, which shows as nothing between the blocks around it.
fn is_empty_paragraph(block: &str) -> bool {
    let block = block.trim();
    let Some(inner) = block.strip_prefix("<p").and_then(|rest| rest.strip_suffix("</p>")) else { return false };
    let Some(close) = inner.find('>') else { return false };
    let (attributes, text) = (&inner[..close], &inner[close + 1..]);
    (attributes.is_empty() || attributes.starts_with([' ', '\n']))
        && text
            .replace("&nbsp;", " ")
            .replace("&#160;", " ")
            .replace("<br>", " ")
            .replace("<br />", " ")
            .trim()
            .is_empty()
        && !text.contains('<')
}

/// Whether two texts give a reader the same page.
pub fn renders_alike(a: &str, b: &str) -> bool {
    let (a, b) = (pamir_content::render_safe(a), pamir_content::render_safe(b));
    a == b || without_empty_paragraphs(&normalised(&a)) == without_empty_paragraphs(&normalised(&b))
}

/// Rendered HTML with the white space a browser shows as nothing taken
/// out: runs of it are one space, and none is next to a block's tag.
fn normalised(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_pre = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        let (text, tag, after) = match rest.find('<') {
            Some(open) => {
                let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
                (&rest[..open], &rest[open..close], &rest[close..])
            }
            None => (rest, "", ""),
        };
        if in_pre > 0 {
            out.push_str(text);
        } else {
            let collapsed: String = collapse(text);
            let before_block = is_block_tag(tag);
            let after_block = out.ends_with('>') && last_tag_is_block(&out);
            let mut piece = collapsed.as_str();
            if after_block {
                piece = piece.trim_start();
            }
            if before_block {
                piece = piece.trim_end();
            }
            out.push_str(piece);
        }
        let name = tag_name(tag);
        if name == "pre" {
            if tag.starts_with("</") {
                in_pre = in_pre.saturating_sub(1);
            } else {
                in_pre += 1;
            }
        }
        out.push_str(tag);
        rest = after;
    }
    out
}

/// Normalised HTML without the paragraphs that show nothing.
fn without_empty_paragraphs(html: &str) -> String {
    ["<p></p>", "<p>&nbsp;</p>", "<p>&#160;</p>", "<p>\u{a0}</p>", "<p> </p>"]
        .iter()
        .fold(html.to_owned(), |html, empty| html.replace(empty, ""))
}

fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// `p` for `<p class="x">` and `</p>`; empty for anything not a tag.
fn tag_name(tag: &str) -> String {
    let inner = tag.trim_start_matches('<').trim_start_matches('/');
    inner.split(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').next().unwrap_or("").to_ascii_lowercase()
}

fn is_block_tag(tag: &str) -> bool {
    let name = tag_name(tag);
    !name.is_empty()
        && (BLOCK_TAGS.contains(&name.as_str())
            || matches!(
                name.as_str(),
                "li" | "dt"
                    | "dd"
                    | "thead"
                    | "tbody"
                    | "tfoot"
                    | "tr"
                    | "td"
                    | "th"
                    | "caption"
                    | "figcaption"
                    | "summary"
                    | "br"
                    | "source"
                    | "track"
                    | "img"
            ))
}

fn last_tag_is_block(out: &str) -> bool {
    out.rfind('<').is_some_and(|open| is_block_tag(&out[open..]))
}

/// The text cut where one top-level block ends and the next begins; text
/// and inline elements between blocks stay together as one.
fn top_level_blocks(html: &str) -> Vec<&str> {
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut start = 0usize;
    let mut at = 0usize;
    let bytes = html.as_bytes();
    while let Some(open) = html[at..].find('<').map(|o| at + o) {
        if html[open..].starts_with("<!--") {
            at = html[open..].find("-->").map_or(html.len(), |c| open + c + 3);
            continue;
        }
        let Some(close) = html[open..].find('>').map(|c| open + c + 1) else { break };
        let tag = &html[open..close];
        let name = tag_name(tag);
        at = close;
        if name.is_empty() || !bytes.get(open + 1).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/') {
            continue;
        }
        let closing = tag.starts_with("</");
        let void = VOID_TAGS.contains(&name.as_str()) || tag.ends_with("/>");
        let block = BLOCK_TAGS.contains(&name.as_str());
        if closing {
            depth = depth.saturating_sub(1);
            if depth == 0 && block {
                blocks.push(&html[start..close]);
                start = close;
            }
        } else if depth == 0 && block {
            // Inline text before a block is a block of its own.
            if !html[start..open].trim().is_empty() {
                blocks.push(&html[start..open]);
            }
            start = open;
            if void {
                blocks.push(&html[start..close]);
                start = close;
            } else {
                depth = 1;
            }
        } else if !void {
            depth += 1;
        }
        // Raw text elements: their content holds no tags.
        if !closing && matches!(name.as_str(), "pre" | "script" | "style" | "textarea") {
            let end = format!("</{name}");
            if let Some(found) = html[at..].to_ascii_lowercase().find(&end) {
                at += found;
            }
        }
    }
    if start < html.len() {
        blocks.push(&html[start..]);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wordpress_paragraphs_lists_and_headings_become_markdown() {
        let html = "<h2 class=\"wp-block-heading\">What we do</h2>\n<p style=\"color:red\">It&#8217;s <strong>our</strong> \
                    <a href=\"https://example.org/a\">work</a>.</p>\n<ul class=\"wp-block-list\"><li>One</li><li>Two</li></ul>";
        let markdown = from_html(html);
        assert_eq!(markdown, "## What we do\n\nIt’s **our** [work](https://example.org/a).\n\n- One\n- Two");
        assert!(renders_alike(&markdown, &crate::html::for_markdown(html)));
    }

    #[test]
    fn a_figure_with_its_caption_stays_html_and_the_rest_is_markdown() {
        let html = "<p>Before.</p>\n<figure class=\"wp-block-image\"><img src=\"/media/a.jpg\" alt=\"A lake\"/>\
                    <figcaption>The lake</figcaption></figure>\n<p>After.</p>";
        let markdown = from_html(html);
        assert!(markdown.starts_with("Before.\n\n"), "{markdown}");
        assert!(markdown.ends_with("\n\nAfter."), "{markdown}");
        assert!(markdown.contains("<figcaption>The lake</figcaption>"), "{markdown}");
        assert!(renders_alike(&markdown, &crate::html::for_markdown(html)));
    }

    #[test]
    fn markdown_characters_in_the_text_stay_text() {
        let html = "<p>1. Not a list, *not* emphasis, [not] a link, # not a heading</p>";
        let markdown = from_html(html);
        assert_eq!(
            pamir_content::render_safe(&markdown),
            pamir_content::render_safe(&crate::html::for_markdown(html)),
            "{markdown}"
        );
    }

    #[test]
    fn a_poem_in_pre_keeps_its_lines() {
        let html = "<p>A poem:</p>\n<pre>Two roads\n\n  diverged</pre>";
        let markdown = from_html(html);
        assert!(pamir_content::render_safe(&markdown).contains("Two roads\n\n  diverged"), "{markdown}");
    }

    #[test]
    fn empty_paragraphs_made_for_space_go() {
        let html = "<p>One.</p>\n<p> </p>\n<p>&nbsp;</p>\n<p>Two.</p>";
        assert_eq!(from_html(html), "One.\n\nTwo.");
        assert_eq!(from_html("<p> </p><p> </p>"), "");
    }

    #[test]
    fn blocks_are_counted_as_markdown_or_html() {
        assert_eq!(blocks("# A\n\ntext\nmore\n\n<figure>\n</figure>\n\n```\ncode\n\n<b>\n```\n"), (3, 1));
        assert_eq!(blocks(""), (0, 0));
    }

    #[test]
    fn the_top_level_blocks_of_a_text_are_found() {
        let html = "Loose <em>text</em><p>One <b>b</b></p><hr><div><div>Nested</div></div><pre><p>not a tag</pre>tail";
        assert_eq!(
            top_level_blocks(html),
            vec![
                "Loose <em>text</em>",
                "<p>One <b>b</b></p>",
                "<hr>",
                "<div><div>Nested</div></div>",
                "<pre><p>not a tag</pre>",
                "tail"
            ]
        );
    }

    #[test]
    fn white_space_next_to_blocks_counts_for_nothing_but_between_words_it_does() {
        assert_eq!(normalised("<p>\n  a  b\n</p>\n<ul>\n<li>c</li>\n</ul>"), "<p>a b</p><ul><li>c</li></ul>");
        assert_ne!(normalised("<p><em>a</em> <b>b</b></p>"), normalised("<p><em>a</em><b>b</b></p>"));
    }
}
