//! The allow-list sanitiser every piece of HTML passes before a reader sees it.
//!
//! Only structural and text-level tags survive (not `<h1>`: a page has one,
//! its title); scripts, styles, event-handler
//! attributes, `javascript:` URLs and frames are dropped. Footnote anchors keep
//! their ids (only ids of the footnote shape, so content cannot hijack the
//! page's own ids such as `main`).

use ammonia::Builder;
use std::collections::HashSet;
use std::sync::OnceLock;

fn builder() -> &'static Builder<'static> {
    static BUILDER: OnceLock<Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut builder = Builder::default();
        builder
            .rm_tags(["h1", "map", "area", "font", "center", "bdo", "acronym", "big", "tt", "strike"])
            .add_tags(["section", "figure", "figcaption"])
            .add_tag_attributes("a", ["id", "aria-label"])
            .add_tag_attributes("sup", ["id"])
            .add_tag_attributes("li", ["id"])
            .add_tag_attributes("img", ["loading"])
            .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
            .attribute_filter(|_element, attribute, value| match attribute {
                "id" if is_footnote_id(value) => Some(value.into()),
                "id" => None,
                // Imported HTML has addresses with spaces (and `cite` notes
                // in words): written as valid URLs, or a validator rejects the page.
                "href" | "src" | "cite" if value.contains(' ') => Some(value.trim().replace(' ', "%20").into()),
                _ => Some(value.into()),
            });
        builder.add_allowed_classes("section", ["footnotes"]);
        builder.add_allowed_classes("sup", ["footnote-ref"]);
        builder.add_allowed_classes("a", ["footnote-backref"]);
        builder
    })
}

fn is_footnote_id(value: &str) -> bool {
    (value.starts_with("fn-") || value.starts_with("fnref-"))
        && value.len() < 80
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Keeps what the allow-list permits, drops everything else.
pub fn clean(html: &str) -> String {
    builder().clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_scripts_handlers_and_dangerous_urls() {
        let dirty = r#"<p onclick="x()">Hi<script>alert(1)</script><img src="a.png" onerror="alert(2)" alt="a">
            <a href="javascript:alert(3)">x</a><iframe src="https://evil.example"></iframe>
            <style>body{display:none}</style><svg onload="alert(4)"></svg></p>"#;
        let clean = clean(dirty);
        for banned in ["script", "onerror", "onclick", "javascript:", "iframe", "<style", "onload", "alert"] {
            assert!(!clean.contains(banned), "{banned} survived in {clean}");
        }
        assert!(clean.contains(r#"<img src="a.png" alt="a">"#), "{clean}");
    }

    #[test]
    fn addresses_with_spaces_become_valid_urls() {
        let clean = clean(r#"<p><a href="files/annual report.pdf">r</a><del cite="deleted it">x</del></p>"#);
        assert!(clean.contains(r#"href="files/annual%20report.pdf""#), "{clean}");
        assert!(clean.contains(r#"cite="deleted%20it""#), "{clean}");
    }

    #[test]
    fn keeps_footnote_ids_but_not_other_ids() {
        let html = r##"<p id="main">x<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup></p>"##;
        let clean = clean(html);
        assert!(clean.contains(r#"id="fnref-1""#), "{clean}");
        assert!(!clean.contains(r#"id="main""#), "{clean}");
    }
}
