//! A small wpautop: WordPress stores classic-editor posts without `<p>` tags and adds them
//! when showing the post, so an import has to add them once.
//!
//! What it does:
//! - blocks are separated by blank lines; a line starting with a block-level tag (opening
//!   or closing) or an HTML comment also starts a block, and a line ending with a
//!   block-level closing tag or `-->` ends one;
//! - a block that starts with a block-level tag or a comment is left as it is;
//! - any other block is wrapped in `<p>…</p>`, with its single newlines (outside tags)
//!   turned into `<br />`; block-level closing tags at its end stay outside the `<p>`;
//! - blank lines inside `<pre>`, `<script>`, `<style>` and `<textarea>` split nothing.
//!
//! What it does not do, unlike WordPress's own: it does not add `<p>` inside a block-level
//! element that starts a block (`<blockquote>text</blockquote>` keeps its bare text, newlines
//! in `<li>` stay newlines), does not split a paragraph at a block-level tag in the middle of
//! a line, and does not texturize quotes or dashes. The HTML sanitiser repairs any nesting
//! left invalid.

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "audio",
    "blockquote",
    "caption",
    "colgroup",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
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
    "hgroup",
    "hr",
    "iframe",
    "legend",
    "li",
    "main",
    "math",
    "menu",
    "nav",
    "noscript",
    "object",
    "ol",
    "p",
    "pre",
    "script",
    "section",
    "style",
    "summary",
    "svg",
    "table",
    "tbody",
    "td",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "video",
];

/// Elements whose content is kept verbatim: blank lines there are content, not breaks.
const RAW_TAGS: &[&str] = &["pre", "script", "style", "textarea"];

/// Wraps the paragraphs of classic-editor content in `<p>`; see the module docs.
pub fn autop(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out: Vec<String> = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let mut raw_depth = 0usize;
    for line in text.split('\n') {
        let t = line.trim();
        if raw_depth == 0 {
            if t.is_empty() {
                flush(&mut block, &mut out);
                continue;
            }
            if starts_block(t) {
                flush(&mut block, &mut out);
            }
        }
        block.push(line);
        raw_depth = raw_depth_after(raw_depth, line);
        if raw_depth == 0 && ends_block(t) {
            flush(&mut block, &mut out);
        }
    }
    flush(&mut block, &mut out);
    out.join("\n")
}

fn flush(block: &mut Vec<&str>, out: &mut Vec<String>) {
    let joined = block.join("\n");
    block.clear();
    let b = joined.trim();
    if b.is_empty() {
        return;
    }
    if starts_block(b) {
        out.push(b.to_owned());
        return;
    }
    let (inner, closers) = split_trailing_closers(b);
    out.push(format!("<p>{}</p>{closers}", line_breaks(inner.trim_end())));
}

/// Whether the text starts with `<tag`, `</tag` for a block-level tag, or a comment.
fn starts_block(t: &str) -> bool {
    if t.starts_with("<!--") {
        return true;
    }
    let Some(rest) = t.strip_prefix('<') else {
        return false;
    };
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name_len = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
    let after = rest[name_len..].chars().next();
    is_block(&rest[..name_len]) && matches!(after, None | Some('>' | '/' | ' ' | '\t' | '\n'))
}

fn ends_block(t: &str) -> bool {
    t.ends_with("-->") || closing_tag_at_end(t).is_some()
}

/// The byte index of a block-level closing tag that ends `t`, if any.
fn closing_tag_at_end(t: &str) -> Option<usize> {
    let body = t.strip_suffix('>')?.trim_end();
    let start = body.rfind("</")?;
    is_block(&body[start + 2..]).then_some(start)
}

fn split_trailing_closers(b: &str) -> (&str, &str) {
    let mut cut = b.len();
    while let Some(start) = closing_tag_at_end(b[..cut].trim_end()) {
        cut = start;
    }
    (&b[..cut], &b[cut..])
}

fn is_block(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    BLOCK_TAGS.contains(&lower.as_str())
}

/// Tracks how many raw elements (`<pre>`...) are open after this line.
pub(crate) fn raw_depth_after(mut depth: usize, line: &str) -> usize {
    let lower = line.to_ascii_lowercase();
    for tag in RAW_TAGS {
        depth += count_tag(&lower, &format!("<{tag}"));
        depth = depth.saturating_sub(lower.matches(&format!("</{tag}")).count());
    }
    depth
}

/// Counts `<tag` followed by `>` or whitespace, so `<pre` does not match `<prefix>`.
fn count_tag(lower: &str, open: &str) -> usize {
    lower
        .match_indices(open)
        .filter(|(i, _)| matches!(lower[i + open.len()..].chars().next(), Some('>' | ' ' | '\t' | '/')))
        .count()
}

/// Turns newlines outside tags into `<br />`, except right after an existing `<br>`.
fn line_breaks(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 16);
    let mut in_tag = false;
    for c in p.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            '\n' if !in_tag => {
                let before = out.trim_end().to_ascii_lowercase();
                if !(before.ends_with("<br>") || before.ends_with("<br/>") || before.ends_with("<br />")) {
                    out.push_str("<br />");
                }
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::autop;

    #[test]
    fn blank_lines_make_paragraphs_and_single_newlines_breaks() {
        assert_eq!(autop("One\ntwo\n\nThree\n"), "<p>One<br />\ntwo</p>\n<p>Three</p>");
    }

    #[test]
    fn block_level_blocks_are_left_alone() {
        let html = autop("Intro\n<ul>\n<li>a</li>\n</ul>\n\n<h2>Title</h2>\nAfter");
        assert_eq!(html, "<p>Intro</p>\n<ul>\n<li>a</li>\n</ul>\n<h2>Title</h2>\n<p>After</p>");
    }

    #[test]
    fn pre_keeps_its_blank_lines_and_newlines() {
        let html = autop("<pre>a\n\nb\n</pre>\n\ntext");
        assert_eq!(html, "<pre>a\n\nb\n</pre>\n<p>text</p>");
    }

    #[test]
    fn newlines_inside_tags_are_not_breaks_and_closers_stay_outside() {
        let html = autop("<a\nhref=\"x\">link</a> text</blockquote>");
        assert_eq!(html, "<p><a\nhref=\"x\">link</a> text</p></blockquote>");
    }

    #[test]
    fn comments_stand_alone() {
        assert_eq!(autop("Teaser\n<!--more-->\nBody"), "<p>Teaser</p>\n<!--more-->\n<p>Body</p>");
    }
}
