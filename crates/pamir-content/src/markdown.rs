//! Markdown to HTML with comrak: CommonMark plus the GFM extensions editors expect.
//!
//! Raw HTML in the Markdown is passed through here on purpose: imported content is
//! HTML, and safety is the job of [`crate::sanitize`], which always runs next.

use comrak::Options;

fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.footnotes = true;
    options.extension.strikethrough = true;
    options.render.r#unsafe = true;
    options
}

/// The Markdown step alone, before sanitising.
pub fn to_html(markdown: &str) -> String {
    comrak::markdown_to_html(markdown, &options())
}

/// Plain CommonMark with raw HTML passed through: what the specification's
/// examples are written against.
pub fn to_html_commonmark(markdown: &str) -> String {
    let mut options = Options::default();
    options.render.r#unsafe = true;
    comrak::markdown_to_html(markdown, &options)
}
