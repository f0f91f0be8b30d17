//! Imported HTML handed to pamir's Markdown step unchanged in meaning.
//!
//! Items are written in Markdown, which passes raw HTML through; but an
//! HTML block ends at a blank line, after which an indented line becomes a
//! code block and `*` becomes emphasis. Old systems' HTML has both (a poem
//! in a `<pre>` after a heading, say). So the HTML is given without blank
//! lines and without indentation, and the line breaks inside `<pre>` are
//! written as `&#10;`, which the browser shows the same.

/// `html` as Markdown source that renders to the same HTML.
pub fn for_markdown(html: &str) -> String {
    if !html.trim_start().starts_with('<') {
        // Plain text (rare in these systems): Markdown paragraphs are right for it.
        return html.trim().to_owned();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let lower = rest.to_ascii_lowercase();
        let Some(open) = find_tag(&lower, "<pre") else {
            push_lines(&mut out, rest);
            break;
        };
        push_lines(&mut out, &rest[..open]);
        let close = lower[open..].find("</pre>").map(|at| open + at + "</pre>".len()).unwrap_or(rest.len());
        let block = rest[open..close].replace("\r\n", "\n").replace('\n', "&#10;");
        out.push_str(&block);
        rest = &rest[close..];
    }
    out.trim().to_owned()
}

/// Where `<pre` opens a `<pre>` element (not `<prefix>`).
fn find_tag(lower: &str, tag: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = lower[from..].find(tag) {
        let at = from + at;
        if lower[at + tag.len()..].starts_with(['>', ' ', '\t', '\n', '\r', '/']) {
            return Some(at);
        }
        from = at + tag.len();
    }
    None
}

/// Non-blank lines, without their indentation.
fn push_lines(out: &mut String, text: &str) {
    let mut first = true;
    for line in text.split('\n') {
        let line = line.trim_start().trim_end_matches('\r');
        if !first && !line.is_empty() && !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        if !line.is_empty() {
            out.push_str(line);
        }
        first = false;
    }
}

#[cfg(test)]
mod tests {
    use super::for_markdown;

    #[test]
    fn a_poem_in_pre_after_a_heading_stays_one_pre() {
        let html = "<h2>The Road</h2>\n<pre>\n<cite>Frost</cite>\n\n\n\tTwo roads diverged\n\n\tAnd sorry\n</pre>\n<p>After</p>";
        let markdown = for_markdown(html);
        let rendered = pamir_content::render_safe(&markdown);
        assert_eq!(rendered.matches("<pre").count(), 1, "{rendered}");
        assert!(!rendered.contains("<code>"), "no code block made from indentation: {rendered}");
        assert!(rendered.contains("\tTwo roads diverged\n\n\tAnd sorry"), "{rendered}");
        assert!(rendered.contains("<p>After</p>"));
    }

    #[test]
    fn blank_lines_and_indentation_cannot_change_the_html() {
        let html = "<div>\n\n    <p>One *not emphasis*</p>\n\n    <p>Two</p>\n</div>";
        let rendered = pamir_content::render_safe(&for_markdown(html));
        assert!(!rendered.contains("<code>") && !rendered.contains("<em>"), "{rendered}");
        assert!(rendered.contains("<p>One *not emphasis*</p>") && rendered.contains("<p>Two</p>"), "{rendered}");
    }

    #[test]
    fn plain_text_stays_markdown() {
        assert_eq!(for_markdown("  Hello\n\nworld  "), "Hello\n\nworld");
    }
}
