//! The excerpt under each result: the body's best-matching passage, escaped, with the matched
//! words in `<mark>`.

use tantivy::snippet::SnippetGenerator;

/// About two lines of a result list.
pub(crate) const SNIPPET_CHARS: usize = 200;

/// The snippet for `body`, cut around the query's matches; or, when the body has none (the
/// title matched), its opening.
pub(crate) fn html(generator: &SnippetGenerator, body: &str) -> String {
    let mut snippet = generator.snippet(body);
    if snippet.is_empty() {
        return opening(body);
    }
    // `to_html` escapes the text between and inside the tags.
    snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
    // An ellipsis says words were left out, not a full stop.
    let range = snippet.fragment_range();
    let has_words = |text: &str| text.contains(char::is_alphanumeric);
    let mut html = String::with_capacity(SNIPPET_CHARS * 2);
    if has_words(&body[..range.start]) {
        html.push_str("… ");
    }
    html.push_str(&snippet.to_html());
    if has_words(&body[range.end..]) {
        html.push_str(" …");
    }
    html
}

/// The body's first [`SNIPPET_CHARS`] characters, cut at a space, escaped.
fn opening(body: &str) -> String {
    let body = body.trim();
    let Some((cut, _)) = body.char_indices().nth(SNIPPET_CHARS) else {
        return escape(body);
    };
    let head = &body[..cut];
    let head = head.rfind(char::is_whitespace).map_or(head, |space| &head[..space]);
    let mut html = escape(head.trim_end());
    html.push_str(" …");
    html
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opening_is_escaped_and_cut_at_a_space() {
        assert_eq!(opening("<b>Tom & Jerry</b>"), "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;");
        let long = "слово ".repeat(100);
        let cut = opening(&long);
        assert!(cut.ends_with("слово …"), "{cut}");
        assert!(cut.chars().count() <= SNIPPET_CHARS + 2);
    }
}
