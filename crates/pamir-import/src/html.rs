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

/// Whether `html` has a `<tag` element (not `<tagfoo`).
fn has_tag(lower: &str, tag: &str) -> bool {
    find_tag(lower, tag).is_some()
}

/// The old site's headings moved below the page's title when the text
/// has an `<h1>` (the page has one already, its title, and the sanitiser
/// drops others): `<h1>` becomes `<h2>`, `<h2>` `<h3>`, and so on, to `<h6>`.
pub fn below_the_title(html: &str) -> String {
    if has_h1(html) { shift_headings(html) } else { html.to_owned() }
}

/// Whether the text has an `<h1>` of its own.
pub fn has_h1(html: &str) -> bool {
    has_tag(&html.to_ascii_lowercase(), "<h1")
}

/// Every heading one level lower, to `<h6>` (for texts in two parts, such
/// as Joomla's intro and full text, shifted alike when either has an `<h1>`).
pub fn shift_headings(html: &str) -> String {
    let mut out = html.to_owned();
    for level in (1..=5).rev() {
        for (from, to) in
            [(format!("<h{level}"), format!("<h{}", level + 1)), (format!("</h{level}>"), format!("</h{}>", level + 1))]
        {
            for spelled in [from.clone(), from.to_ascii_uppercase()] {
                let mut shifted = String::with_capacity(out.len());
                let mut rest = out.as_str();
                while let Some(at) = rest.find(&spelled) {
                    let after = &rest[at + spelled.len()..];
                    shifted.push_str(&rest[..at]);
                    if spelled.ends_with('>') || after.starts_with(['>', ' ', '\t', '\n', '\r', '/']) {
                        shifted.push_str(&to);
                    } else {
                        shifted.push_str(&spelled);
                    }
                    rest = after;
                }
                shifted.push_str(rest);
                out = shifted;
            }
        }
    }
    out
}

/// A space before WordPress's file-block "Download" button, which would
/// otherwise run into the file's name once the block's styles are gone.
pub fn file_buttons_apart(html: &str) -> String {
    if !html.contains("wp-block-file__button") {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + 16);
    let mut rest = html;
    while let Some(at) = rest.find("<a ") {
        let tag_end = rest[at..].find('>').map_or(rest.len(), |end| at + end);
        out.push_str(&rest[..at]);
        if rest[at..tag_end].contains("wp-block-file__button") && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str("<a ");
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    out
}

/// Each `<audio>` and `<video>` with a `src` and nothing inside given a
/// plain link to its file, which a browser without the player shows instead.
pub fn players_with_fallback(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let lower = rest.to_ascii_lowercase();
        let next = ["<audio", "<video"].iter().filter_map(|tag| find_tag(&lower, tag).map(|at| (at, &tag[1..]))).min();
        let Some((at, name)) = next else { break };
        let Some(tag_end) = rest[at..].find('>').map(|end| at + end + 1) else { break };
        let tag = &rest[at..tag_end];
        out.push_str(&rest[..tag_end]);
        rest = &rest[tag_end..];
        let closing = format!("</{name}>");
        if rest.to_ascii_lowercase().starts_with(&closing)
            && let Some(src) = attribute_value(tag, "src")
        {
            let file = src.split(['?', '#']).next().unwrap_or("").rsplit('/').next().unwrap_or("");
            let file = crate::names::percent_decode(file);
            let file = file.replace('&', "&amp;").replace('<', "&lt;");
            out.push_str(&format!("<a href=\"{src}\">{file}</a>"));
        }
    }
    out.push_str(rest);
    out
}

/// A double-quoted attribute's value in a tag, as written.
fn attribute_value<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
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
    fn headings_move_below_the_title_only_when_the_text_has_an_h1() {
        let html = "<h1>Part</h1><h2 class=\"x\">Sub</h2><H3>Low</H3><header>h</header><h6>Six</h6>";
        assert_eq!(
            super::below_the_title(html),
            "<h2>Part</h2><h3 class=\"x\">Sub</h3><h4>Low</h4><header>h</header><h6>Six</h6>"
        );
        assert_eq!(super::below_the_title("<h2>Sub</h2>"), "<h2>Sub</h2>");
    }

    #[test]
    fn the_download_button_does_not_run_into_the_name() {
        let html = r#"<div class="wp-block-file"><a href="/r.pdf">Report</a><a href="/r.pdf" class="wp-block-file__button" download>Download</a></div>"#;
        let text = pamir_content::plain_text(&super::file_buttons_apart(html));
        assert_eq!(text, "Report Download");
    }

    #[test]
    fn players_get_a_link_for_browsers_without_them() {
        let html = r#"<figure><audio controls src="/media/a%20b.mp3"></audio></figure><video controls src="/v.mp4"><a href="/v.mp4">v</a></video>"#;
        assert_eq!(
            super::players_with_fallback(html),
            r#"<figure><audio controls src="/media/a%20b.mp3"><a href="/media/a%20b.mp3">a b.mp3</a></audio></figure><video controls src="/v.mp4"><a href="/v.mp4">v</a></video>"#
        );
    }

    #[test]
    fn plain_text_stays_markdown() {
        assert_eq!(for_markdown("  Hello\n\nworld  "), "Hello\n\nworld");
    }
}
