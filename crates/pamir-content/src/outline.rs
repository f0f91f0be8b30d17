//! A text cut into its top-level blocks, each with its own Markdown and the
//! HTML it renders to: what the rich-text editor opens.
//!
//! The editor shows each block as formatted text and keeps the block's
//! Markdown beside it. On saving, a block nobody touched is written back as
//! the very Markdown it came from, and only edited blocks are written anew;
//! so a text opened and saved unchanged keeps every byte, and a revision's
//! diff shows only what the editor changed. Blocks the editor cannot edit as
//! formatted text (raw HTML, as imports bring, and footnote definitions) are
//! shown rendered and kept as their source.
//!
//! The cut is lossless by construction: `gaps[0] + blocks[0].markdown +
//! gaps[1] + ... + gaps[n]` is the text, byte for byte. Gaps hold blank lines
//! and what renders to nothing (link reference definitions).

use comrak::nodes::{AstNode, NodeValue};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outline {
    pub blocks: Vec<Block>,
    /// One more than `blocks`: before the first, between each two, after the last.
    pub gaps: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// The block's Markdown, as written.
    pub markdown: String,
    /// What it renders to, sanitised, with headings at the level written.
    pub html: String,
    /// False for raw HTML and footnote definitions: shown, kept, not edited as text.
    pub editable: bool,
}

impl Outline {
    /// The text again: the gaps and blocks in order.
    pub fn text(&self) -> String {
        let mut text = String::new();
        for (gap, block) in self.gaps.iter().zip(&self.blocks) {
            text.push_str(gap);
            text.push_str(&block.markdown);
        }
        if let Some(last) = self.gaps.last() {
            text.push_str(last);
        }
        text
    }
}

/// Cuts `markdown` into its top-level blocks.
pub fn outline(markdown: &str) -> Outline {
    let options = crate::markdown::options();
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, markdown, &options);
    let lines = line_starts(markdown);

    let mut spans: Vec<(usize, usize, &AstNode)> = root
        .children()
        .filter_map(|node| {
            let position = node.data.borrow().sourcepos;
            let start = offset(markdown, &lines, position.start.line, position.start.column)?;
            let end = offset(markdown, &lines, position.end.line, position.end.column)
                .map(|at| next_char_boundary(markdown, at + 1))?;
            (start < end).then_some((start, end, node))
        })
        .collect();
    // Footnote definitions are moved to the document's end by the parser;
    // their place in the text is where they were written.
    spans.sort_by_key(|(start, _, _)| *start);

    let mut blocks = Vec::with_capacity(spans.len());
    let mut gaps = Vec::with_capacity(spans.len() + 1);
    let mut at = 0;
    for (start, end, node) in spans {
        // A block that begins inside the previous one (which should not
        // happen) joins the previous block rather than repeat its bytes.
        if start < at {
            if let Some(previous) = blocks.last_mut() {
                let previous: &mut Block = previous;
                if end > at {
                    previous.markdown.push_str(&markdown[at..end]);
                    previous.editable = false;
                    at = end;
                }
            }
            continue;
        }
        gaps.push(markdown[at..start].to_owned());
        blocks.push(Block {
            markdown: markdown[start..end].to_owned(),
            html: block_html(node, &options),
            editable: is_editable(node),
        });
        at = end;
    }
    gaps.push(markdown[at..].to_owned());
    // The HTML of a block that was merged stays what its first part rendered;
    // being uneditable, it is only shown.
    Outline { blocks, gaps }
}

fn block_html<'a>(node: &'a AstNode<'a>, options: &comrak::Options) -> String {
    let mut html = String::new();
    // Writing to a String cannot fail.
    let _ = comrak::format_html(node, options, &mut html);
    crate::sanitize::clean_for_editor(&html)
}

/// Whether the editor's formatted text can hold everything in `node`.
fn is_editable<'a>(node: &'a AstNode<'a>) -> bool {
    node.descendants().all(|part| {
        !matches!(
            part.data.borrow().value,
            NodeValue::HtmlBlock(_)
                | NodeValue::HtmlInline(_)
                | NodeValue::FootnoteDefinition(_)
                | NodeValue::Raw(_)
                | NodeValue::FrontMatter(_)
        )
    })
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect()
}

/// The byte offset of a 1-based line and byte column, when it lies in the text.
fn offset(text: &str, lines: &[usize], line: usize, column: usize) -> Option<usize> {
    let start = *lines.get(line.checked_sub(1)?)?;
    let at = start + column.checked_sub(1)?;
    (at < text.len()).then_some(at)
}

fn next_char_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at.min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(outline: &Outline) -> Vec<(&str, bool)> {
        outline.blocks.iter().map(|b| (b.markdown.as_str(), b.editable)).collect()
    }

    #[test]
    fn blocks_and_gaps_give_back_the_text_byte_for_byte() {
        let texts = [
            "",
            "One paragraph",
            "# Title\n\nText with *emphasis*.\n\n- one\n- two\n\n> quote\n",
            "Setext\n======\n\n    indented code\n\n```rust\nfenced\n```\n\n\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            "A [link][ref] here.\n\n[ref]: https://example.org\n\nAfter.",
            "Note[^1].\n\n[^1]: The footnote.\n\nLast paragraph.\n",
            "<div class=\"x\">\n<p>raw</p>\n</div>\n\nТекст по-русски — и точка.\r\n\r\nМатн бо тоҷикӣ.",
            "1. one\n2. two\n\n   still two\n3. three\n\n---\n\nend  ",
        ];
        for text in texts {
            let outline = outline(text);
            assert_eq!(outline.gaps.len(), outline.blocks.len() + 1, "{text:?}");
            assert_eq!(outline.text(), text, "{text:?}");
        }
    }

    #[test]
    fn each_block_is_one_top_level_thing_with_its_html() {
        let outline = outline("## Heading\n\nSome **bold** text.\n\n- a\n- b\n\n<figure>x</figure>\n");
        assert_eq!(
            kinds(&outline),
            vec![
                ("## Heading", true),
                ("Some **bold** text.", true),
                ("- a\n- b", true),
                ("<figure>x</figure>", false)
            ]
        );
        assert_eq!(outline.blocks[0].html, "<h2>Heading</h2>\n");
        assert_eq!(outline.blocks[1].html, "<p>Some <strong>bold</strong> text.</p>\n");
        assert!(outline.blocks[2].html.starts_with("<ul>"), "{}", outline.blocks[2].html);
    }

    #[test]
    fn headings_keep_the_level_written_and_reference_definitions_stay_in_the_gaps() {
        let outline = outline("# One\n\nA [link][r].\n\n[r]: https://example.org/\n");
        assert_eq!(outline.blocks[0].html, "<h1>One</h1>\n");
        assert!(outline.blocks[1].html.contains("href=\"https://example.org/\""), "{}", outline.blocks[1].html);
        assert_eq!(outline.blocks.len(), 2);
        assert!(outline.gaps[2].contains("[r]: https://example.org/"), "{:?}", outline.gaps);
    }

    #[test]
    fn inline_html_and_footnote_definitions_are_kept_not_edited() {
        let outline = outline("Text with <abbr title=\"x\">X</abbr>.\n\nA note[^n].\n\n[^n]: Said here.\n");
        assert!(!kinds(&outline)[0].1, "inline HTML");
        assert!(kinds(&outline)[1].1, "a footnote reference");
        assert_eq!(kinds(&outline)[2], ("[^n]: Said here.", false));
    }

    #[test]
    fn scripts_in_raw_html_are_not_in_the_html_shown() {
        let outline = outline("<script>alert(1)</script>\n\n<p onclick=\"x()\">hi</p>\n");
        for block in &outline.blocks {
            assert!(!block.html.contains("script") && !block.html.contains("onclick"), "{}", block.html);
        }
        assert_eq!(outline.text(), "<script>alert(1)</script>\n\n<p onclick=\"x()\">hi</p>\n");
    }
}
