//! WordPress 6.3+ footnotes: the block editor keeps their texts in the
//! post's `footnotes` meta and marks each reference in the content with
//! `<sup data-fn="ID" class="fn"><a href="#ID" id="ID-link">1</a></sup>`;
//! its `wp:footnotes` block, which lists them, is rendered at view time.
//! Here the list is written out, in the shape pamir's own Markdown
//! footnotes take (so the sanitiser keeps their ids and both directions of
//! links work), at the end of the post.

/// `html` with its footnote references pointed at a numbered list of
/// `notes` appended; unchanged when there are none.
pub fn append(html: &str, notes: &[(String, String)]) -> String {
    if notes.is_empty() {
        return html.to_owned();
    }
    let mut out = html.to_owned();
    let mut list = String::from("<section class=\"footnotes\"><ol>");
    for (n, (id, text)) in notes.iter().enumerate() {
        let id: String = id.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).collect();
        if id.is_empty() {
            continue;
        }
        out = out
            .replace(&format!("href=\"#{id}\""), &format!("href=\"#fn-{id}\""))
            .replace(&format!("id=\"{id}-link\""), &format!("id=\"fnref-{id}\""))
            .replace(&format!("data-fn=\"{id}\" class=\"fn\""), "class=\"footnote-ref\"");
        let number = n + 1;
        list.push_str(&format!(
            "<li id=\"fn-{id}\"><p>{text} <a href=\"#fnref-{id}\" class=\"footnote-backref\" \
             aria-label=\"Back to reference {number}\">↩</a></p></li>"
        ));
    }
    list.push_str("</ol></section>");
    format!("{}\n{list}", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::append;

    #[test]
    fn references_and_notes_point_at_each_other() {
        let id = "6a1b2c3d-0000-4000-8000-000000000001";
        let html =
            format!(r##"<p>Water<sup data-fn="{id}" class="fn"><a href="#{id}" id="{id}-link">1</a></sup>.</p>"##);
        let notes = vec![(id.to_owned(), "UN Water, 2024.".to_owned())];
        let out = append(&html, &notes);
        assert!(
            out.contains(&format!(r##"<sup class="footnote-ref"><a href="#fn-{id}" id="fnref-{id}">1</a></sup>"##))
        );
        assert!(out.contains(&format!(r##"<li id="fn-{id}"><p>UN Water, 2024. <a href="#fnref-{id}""##)), "{out}");
        let clean = pamir_content::sanitize::clean(&out);
        assert!(clean.contains(&format!("id=\"fn-{id}\"")) && clean.contains(&format!("id=\"fnref-{id}\"")), "{clean}");
        assert_eq!(append("<p>x</p>", &[]), "<p>x</p>");
    }
}
