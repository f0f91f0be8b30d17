//! Escaping text for HTML and XML, the one way every part of the site does it.

/// Escapes `&`, `<`, `>`, `"` and `'`: safe in text and in quoted attributes
/// of both HTML and XML (sitemaps, feeds). `/` is left alone: escaping it
/// protects nothing there and turns every URL into noise.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_characters_only() {
        assert_eq!(
            super::escape(r#"<a href="x">Tom & Jerry's</a> /path"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; /path"
        );
    }
}
