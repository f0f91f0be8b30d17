//! Markdown to HTML with comrak: CommonMark plus the GFM extensions editors expect.
//!
//! Raw HTML in the Markdown is passed through here on purpose: imported content is
//! HTML, and safety is the job of [`crate::sanitize`], which always runs next.

use comrak::Options;

/// The options every text is parsed with.
pub(crate) fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.footnotes = true;
    options.extension.strikethrough = true;
    options.render.r#unsafe = true;
    options
}

/// The Markdown step alone, before sanitising: as CommonMark says, except
/// that a text using `#` headings has all its headings moved one level down
/// (`#` gives `<h2>`, `##` gives `<h3>`), because the page around the text
/// already has its title as the one `<h1>`. Texts that start at `##`, as
/// most do, are left alone, so no heading level is ever skipped.
pub fn to_html(markdown: &str) -> String {
    use comrak::nodes::NodeValue;
    let options = options();
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, markdown, &options);
    let has_top_level = root
        .descendants()
        .any(|node| matches!(&node.data.borrow().value, NodeValue::Heading(heading) if heading.level == 1));
    if has_top_level {
        for node in root.descendants() {
            if let NodeValue::Heading(heading) = &mut node.data.borrow_mut().value {
                heading.level = (heading.level + 1).min(6);
            }
        }
    }
    let mut html = String::new();
    // Writing to a String cannot fail.
    let _ = comrak::format_html(root, &options, &mut html);
    html
}

/// The Markdown step exactly as CommonMark specifies, with the extensions
/// editors get: what the specification's examples are checked against.
pub fn to_html_unshifted(markdown: &str) -> String {
    comrak::markdown_to_html(markdown, &options())
}

/// Plain CommonMark with raw HTML passed through: what the specification's
/// examples are written against.
pub fn to_html_commonmark(markdown: &str) -> String {
    let mut options = Options::default();
    options.render.r#unsafe = true;
    comrak::markdown_to_html(markdown, &options)
}

#[cfg(test)]
mod tests {
    #[test]
    fn headings_move_one_level_down_only_when_the_text_uses_level_one() {
        assert_eq!(super::to_html("# Title\n\n## Two\n\n###### Six"), "<h2>Title</h2>\n<h3>Two</h3>\n<h6>Six</h6>\n");
        assert_eq!(super::to_html("## Two\n\n### Three"), "<h2>Two</h2>\n<h3>Three</h3>\n");
    }
}
