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
    BUILDER.get_or_init(allow_list)
}

/// The allow-list, configured.
fn allow_list() -> Builder<'static> {
    let mut builder = Builder::default();
    builder
        .rm_tags(["h1", "map", "area", "font", "center", "bdo", "acronym", "big", "tt", "strike"])
        .add_tags(["section", "figure", "figcaption", "tfoot", "audio", "video", "source", "track"])
        // What carries meaning: a list counted down or lettered, a
        // disclosure shown open, players with their controls.
        .add_tag_attributes("ol", ["reversed", "type"])
        .add_tag_attributes("ul", ["type"])
        .add_tag_attributes("details", ["open"])
        .add_tag_attributes("audio", ["src", "controls", "preload", "loop"])
        .add_tag_attributes("video", ["src", "controls", "preload", "poster", "width", "height", "loop", "playsinline"])
        .add_tag_attributes("source", ["src", "type"])
        .add_tag_attributes("track", ["src", "kind", "srclang", "label", "default"])
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
    // A table wider than a phone scrolls within itself (the theme's
    // CSS): focusable, so that a keyboard can scroll it too.
    builder.set_tag_attribute_value("table", "tabindex", "0");
    builder.add_allowed_classes("section", ["footnotes"]);
    builder.add_allowed_classes("sup", ["footnote-ref"]);
    builder.add_allowed_classes("a", ["footnote-backref"]);
    // Column alignment as the theme's classes (see `alignment_as_classes`).
    for cell in ["td", "th"] {
        builder.rm_tag_attributes(cell, ["align", "char", "charoff", "valign"]);
        builder.add_allowed_classes(cell, ALIGNMENTS.map(|(_, class)| class));
    }
    builder
}

/// `align` values and the classes the theme aligns cells with.
const ALIGNMENTS: [(&str, &str); 3] = [("left", "align-left"), ("center", "align-center"), ("right", "align-right")];

/// Table cells' obsolete `align="right"` (GFM tables, imported HTML) as
/// `class="align-right"`, which the theme's stylesheet aligns: HTML5 has no
/// `align`, and the CSP allows no inline `style`.
fn alignment_as_classes(html: &str) -> std::borrow::Cow<'_, str> {
    if !html.contains("align=") {
        return html.into();
    }
    let mut out = html.to_owned();
    for (value, class) in ALIGNMENTS {
        for quote in ['"', '\''] {
            out = out.replace(&format!(" align={quote}{value}{quote}"), &format!(" class=\"{class}\""));
        }
    }
    out.into()
}

fn is_footnote_id(value: &str) -> bool {
    (value.starts_with("fn-") || value.starts_with("fnref-"))
        && value.len() < 80
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Keeps what the allow-list permits, drops everything else; a figure
/// left with nothing to show (its player or picture gone) goes too.
///
/// The sanitiser's output is parsed again until it stands still: a tree
/// that no parser would build (a link inside a link, say, from hostile or
/// broken input) serialises to HTML that parses differently, which a
/// validator rejects and a second sanitising would change.
pub fn clean(html: &str) -> String {
    let mut out = once(html);
    for _ in 0..4 {
        let again = once(&out);
        if again == out {
            break;
        }
        out = again;
    }
    out
}

/// The same allow-list with `<h1>` kept: for the editor, which shows a
/// text's headings at the level they were written.
pub fn clean_for_editor(html: &str) -> String {
    static EDITOR: OnceLock<Builder<'static>> = OnceLock::new();
    let editor = EDITOR.get_or_init(|| {
        let mut editor = allow_list();
        editor.add_tags(["h1"]);
        editor
    });
    without_empty_figures(&editor.clean(&alignment_as_classes(html)).to_string())
}

fn once(html: &str) -> String {
    without_empty_figures(&builder().clean(&alignment_as_classes(html)).to_string())
}

/// `html` without `<figure>`s that hold nothing but white space and an
/// empty caption: a reader would see a gap, a screen reader an empty figure.
fn without_empty_figures(html: &str) -> String {
    if !html.contains("<figure") {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find("<figure>") {
        let inner_start = open + "<figure>".len();
        let Some(close) = rest[inner_start..].find("</figure>").map(|c| inner_start + c) else { break };
        let inner = &rest[inner_start..close];
        let empty = inner.replace("<figcaption>", "").replace("</figcaption>", "").trim().is_empty();
        if empty {
            out.push_str(&rest[..open]);
            rest = &rest[close + "</figure>".len()..];
        } else {
            out.push_str(&rest[..inner_start]);
            rest = &rest[inner_start..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn table_alignment_becomes_classes_the_theme_aligns() {
        let html = super::clean(&crate::markdown::to_html("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |"));
        assert!(!html.contains("align="), "{html}");
        assert!(html.contains("<th class=\"align-left\">a</th>"), "{html}");
        assert!(
            html.contains("<td class=\"align-center\">2</td>") && html.contains("<td class=\"align-right\">3</td>")
        );
        let imported =
            super::clean("<table><tr><td align='right' class=\"x\">1</td><td align=\"justify\">2</td></tr></table>");
        assert!(!imported.contains("align=") && !imported.contains("class=\"x\""), "{imported}");
        assert!(imported.contains("<td class=\"align-right\">1</td><td>2</td>"), "{imported}");
    }

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
    fn a_link_inside_a_link_comes_out_as_two_links() {
        let html = clean(r#"<details><a href="/a"><table><a href="/b">x</a></table></a></details>"#);
        assert_eq!(clean(&html), html, "stable");
        assert!(!html.contains(r#"<a href="/a" rel="noopener noreferrer"><a"#), "{html}");
    }

    #[test]
    fn addresses_with_spaces_become_valid_urls() {
        let clean = clean(r#"<p><a href="files/annual report.pdf">r</a><del cite="deleted it">x</del></p>"#);
        assert!(clean.contains(r#"href="files/annual%20report.pdf""#), "{clean}");
        assert!(clean.contains(r#"cite="deleted%20it""#), "{clean}");
    }

    #[test]
    fn keeps_what_carries_meaning() {
        let html = r#"<table><tbody><tr><td>1</td></tr></tbody><tfoot><tr><td>Total</td></tr></tfoot></table>
            <ol reversed start="3" type="a"><li>x</li></ol><details open><summary>s</summary>d</details>"#;
        let clean = clean(html);
        for kept in ["<tfoot>", "reversed", r#"start="3""#, r#"type="a""#, "<details open", r#"<table tabindex="0">"#] {
            assert!(clean.contains(kept), "{kept} lost: {clean}");
        }
    }

    #[test]
    fn players_keep_their_controls_but_not_scripts() {
        let html = r#"<figure><audio controls src="/media/a.mp3"></audio></figure>
            <video controls src="javascript:alert(1)" poster="/media/p.jpg" onplay="alert(2)"><source src="/media/v.mp4" type="video/mp4"></video>"#;
        let clean = clean(html);
        assert!(clean.contains(r#"<audio controls="" src="/media/a.mp3"></audio>"#), "{clean}");
        assert!(clean.contains(r#"<source src="/media/v.mp4" type="video/mp4">"#), "{clean}");
        assert!(!clean.contains("javascript") && !clean.contains("onplay"), "{clean}");
    }

    #[test]
    fn an_empty_figure_never_reaches_a_page() {
        let clean = clean(
            r#"<figure class="wp-block-embed"><iframe src="https://x"></iframe><figcaption></figcaption></figure><p>a</p><figure><img src="/a.png" alt="A"></figure>"#,
        );
        assert_eq!(clean, r#"<p>a</p><figure><img src="/a.png" alt="A"></figure>"#);
    }

    #[test]
    fn keeps_footnote_ids_but_not_other_ids() {
        let html = r##"<p id="main">x<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup></p>"##;
        let clean = clean(html);
        assert!(clean.contains(r#"id="fnref-1""#), "{clean}");
        assert!(!clean.contains(r#"id="main""#), "{clean}");
    }
}
