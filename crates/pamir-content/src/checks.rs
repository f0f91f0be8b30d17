//! What in a text makes its page harder to use: a picture without words
//! for those who cannot see it, a heading level skipped, a link that says
//! "click here" or nothing, a table without a header row, a paragraph in
//! capitals, a teaser too long for a card.
//!
//! Each finding is a Fluent key with what it is about, so the editor's
//! panel says it in the editor's language and names the place to fix. The
//! checks read the Markdown's syntax tree (raw HTML from imports, lightly):
//! what readers get is rendered from that.

use comrak::nodes::{AstNode, NodeValue};

/// A teaser longer than this (in characters) is cut or crowds a card.
pub const TEASER_MAX: usize = 300;

/// Where a finding is, so the panel can link to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Teaser,
    Body,
}

/// One thing to look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The Fluent message: `check-image-alt`, `check-heading-skipped`…
    pub key: &'static str,
    pub field: Field,
    /// What it is about, quoted in the message: the picture's address, the
    /// heading's or link's words.
    pub about: String,
}

/// Link words that say nothing out of context, in the site's languages.
const VAGUE_LINKS: &[&str] = &[
    "click here",
    "here",
    "read more",
    "more",
    "link",
    "this",
    "this link",
    "learn more",
    "details",
    "click",
    "здесь",
    "тут",
    "подробнее",
    "далее",
    "читать далее",
    "ссылка",
    "по ссылке",
    "ин ҷо",
    "бештар",
    "муфассалтар",
    "пайванд",
    "инҷо",
];

/// Every key [`check`] may give.
pub const KEYS: &[&str] = &[
    "check-all-caps",
    "check-heading-skipped",
    "check-image-alt",
    "check-image-alt-html",
    "check-link-empty",
    "check-link-vague",
    "check-table-header",
    "check-teaser-long",
];

/// The keys of what [`check`] finds, each once, in order: what an item
/// stores with each save, for the admin's list to filter by.
pub fn keys(teaser_markdown: &str, body_markdown: &str) -> Vec<String> {
    let mut keys: Vec<String> = check(teaser_markdown, body_markdown).into_iter().map(|f| f.key.to_owned()).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Everything worth a look in an item's teaser and body.
pub fn check(teaser_markdown: &str, body_markdown: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    let teaser = crate::plain_text(teaser_markdown);
    if teaser.chars().count() > TEASER_MAX {
        findings.push(Finding {
            key: "check-teaser-long",
            field: Field::Teaser,
            about: teaser.chars().count().to_string(),
        });
    }
    check_text(teaser_markdown, Field::Teaser, false, &mut findings);
    check_text(body_markdown, Field::Body, true, &mut findings);
    findings
}

fn check_text(markdown: &str, field: Field, headings: bool, findings: &mut Vec<Finding>) {
    let arena = comrak::Arena::new();
    let options = crate::markdown::options();
    let root = comrak::parse_document(&arena, markdown, &options);
    // As the renderer does: a text using `#` has every heading moved one level down.
    let shift =
        u8::from(root.descendants().any(|n| matches!(&n.data.borrow().value, NodeValue::Heading(h) if h.level == 1)));
    // The page's title is the one h1.
    let mut previous_level = 1;
    let mut found = |key: &'static str, about: String| findings.push(Finding { key, field, about });
    for node in root.descendants() {
        let value = node.data.borrow().value.clone();
        match value {
            NodeValue::Heading(heading) if headings => {
                let level = heading.level + shift;
                if level > previous_level + 1 {
                    found("check-heading-skipped", text_of(node));
                }
                previous_level = level;
            }
            NodeValue::Image(image) if text_of(node).trim().is_empty() => found("check-image-alt", image.url.clone()),
            NodeValue::Link(_) => {
                let words = text_of(node);
                let has_picture = node.descendants().any(|n| matches!(n.data.borrow().value, NodeValue::Image(_)));
                if words.trim().is_empty() && !has_picture {
                    found("check-link-empty", String::new());
                } else if is_vague(&words) {
                    found("check-link-vague", words.trim().to_owned());
                }
            }
            NodeValue::Table(_) => {
                let header = node.children().find(|row| matches!(row.data.borrow().value, NodeValue::TableRow(true)));
                if header.is_none_or(|row| text_of(row).trim().is_empty()) {
                    found("check-table-header", String::new());
                }
            }
            NodeValue::HtmlBlock(block) => {
                let html = block.literal.to_ascii_lowercase();
                if html.contains("<table") && !html.contains("<th") {
                    found("check-table-header", String::new());
                }
                if html.contains("<img") && !html.contains("alt=") {
                    found("check-image-alt-html", String::new());
                }
            }
            NodeValue::Paragraph => {
                let words = text_of(node);
                if shouts(&words) {
                    found("check-all-caps", words.chars().take(60).collect());
                }
            }
            _ => {}
        }
    }
}

/// The words inside `node`, as a reader or a screen reader meets them.
fn text_of<'a>(node: &'a AstNode<'a>) -> String {
    let mut text = String::new();
    for inner in node.descendants() {
        match &inner.data.borrow().value {
            NodeValue::Text(t) => text.push_str(t),
            NodeValue::Code(code) => text.push_str(&code.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

fn is_vague(words: &str) -> bool {
    let words = words.trim().trim_end_matches(['.', '…', '!', ':', '»', '›', '→']).trim().to_lowercase();
    VAGUE_LINKS.contains(&words.as_str())
}

/// Four words or more, and every letter a capital: hard to read, and read
/// letter by letter by some screen readers.
fn shouts(words: &str) -> bool {
    let letters: Vec<char> = words.chars().filter(|c| c.is_alphabetic()).collect();
    words.split_whitespace().count() >= 4
        && letters.len() >= 12
        && letters.iter().all(|c| c.is_uppercase() || !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(teaser: &str, body: &str) -> Vec<&'static str> {
        check(teaser, body).into_iter().map(|f| f.key).collect()
    }

    #[test]
    fn a_clean_text_has_nothing_to_say() {
        let body = "## Why\n\nSee the [Migration Profile](https://example.org/p).\n\n### Who\n\n![Pupils in a garden](/media/a.jpg)\n\n| Year | Sum |\n|---|---|\n| 2025 | 4.6 |";
        assert!(check("A short teaser.", body).is_empty(), "{:?}", check("A short teaser.", body));
    }

    #[test]
    fn each_problem_is_found_with_where_it_is() {
        let body = "#### Too deep\n\n![](/media/x.jpg)\n\nFor the report [click here](https://e.org). [](https://e.org) [Подробнее…](https://e.org)\n\n| | |\n|---|---|\n| a | b |\n\nTHE OFFICE WILL BE CLOSED ON MONDAY\n\n<table><tr><td>1</td></tr></table>";
        let findings = check(&"word ".repeat(70), body);
        let keys: Vec<_> = findings.iter().map(|f| (f.key, f.field)).collect();
        assert!(keys.contains(&("check-teaser-long", Field::Teaser)), "{keys:?}");
        assert!(keys.contains(&("check-heading-skipped", Field::Body)));
        assert!(findings.iter().any(|f| f.key == "check-image-alt" && f.about == "/media/x.jpg"));
        assert!(findings.iter().any(|f| f.key == "check-link-vague" && f.about == "click here"));
        assert!(findings.iter().any(|f| f.key == "check-link-vague" && f.about == "Подробнее…"), "Russian too");
        assert!(keys.contains(&("check-link-empty", Field::Body)));
        assert_eq!(findings.iter().filter(|f| f.key == "check-table-header").count(), 2, "Markdown and HTML tables");
        assert!(keys.contains(&("check-all-caps", Field::Body)));
    }

    #[test]
    fn headings_count_from_the_title_as_the_page_renders_them() {
        assert!(keys("", "# Part one\n\n## Details").is_empty(), "# becomes h2, ## h3");
        assert_eq!(keys("", "## One\n\n#### Three"), ["check-heading-skipped"]);
        assert!(keys("", "## One\n\n### Two\n\n## Back").is_empty(), "going back up is fine");
        assert!(keys("", "NATO AND UN").is_empty(), "short capitals are acronyms");
    }
}
