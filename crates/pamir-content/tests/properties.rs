//! What holds for any text an editor, an importer or an attacker sends:
//! rendering never panics, its output is already clean (sanitising it again
//! changes nothing), and a slug made from any title is a valid address.
//! Inputs are built from fragments of HTML, Markdown and hostile markup, so
//! that they reach the renderer's and the sanitiser's interesting paths.

use pamir_content::sanitize::clean;
use pamir_content::slug::{is_valid_slug, slugify};
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"x\">",
    "</div>",
    "<table>",
    "<tr><td>",
    "</td></tr>",
    "</table>",
    "<script>",
    "</script>",
    "<svg onload=alert(1)>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">",
    "</a>",
    "<a href=\"data:text/html,<script>x</script>\">",
    "<iframe src=//evil>",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&",
    "&amp;",
    "&#x3C;",
    "&#0;",
    "\"",
    "'",
    "`",
    "# ",
    "## ",
    "- ",
    "1. ",
    "> ",
    "```",
    "~~~",
    "|a|b|\n|-|-|\n",
    "[x](javascript:alert(1))",
    "[^1]",
    "[^1]: note",
    "*",
    "_",
    "**",
    "\n",
    "\n\n",
    "    ",
    "\t",
    "\u{202e}",
    "\u{0}",
    "\u{feff}",
    "Душанбе",
    "{{7*7}}",
    "${7*7}",
    "../../etc/passwd",
    "\r\n",
    "<details open>",
    "<summary>",
    "<video controls src=\"/a.mp4\">",
    "<figure>",
    "<figcaption>",
    "</figure>",
    "<h1>",
    "</h1>",
    "<sup id=\"fnref-1\">",
    "<math>",
    "<noscript>",
];

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![prop::sample::select(FRAGMENTS).prop_map(str::to_owned), any::<String>()], 0..40)
        .prop_map(|pieces| pieces.concat())
}

/// Whether no tag of `html` can run anything: no script or style
/// element, no event-handler attribute, no `javascript:` or `data:` URL.
/// (Text may say anything: `&lt;script&gt;` is words.)
fn no_active_markup(html: &str) -> bool {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open + 1..rest[open..].find('>').map_or(rest.len(), |close| open + close)];
        let lower = tag.to_ascii_lowercase();
        let name = lower.split([' ', '\n', '/']).next().unwrap_or("");
        if matches!(name, "script" | "style" | "iframe" | "object" | "embed" | "svg" | "math") {
            return false;
        }
        for attribute in lower.split([' ', '\n']).skip(1) {
            let (key, value) = attribute.split_once('=').unwrap_or((attribute, ""));
            let value = value.trim_matches('"');
            if key.starts_with("on") || value.starts_with("javascript:") || value.starts_with("data:") {
                return false;
            }
        }
        rest = &rest[open + 1..];
    }
    true
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn rendered_markdown_is_already_clean(text in hostile_text()) {
        let html = pamir_content::render_safe(&text);
        prop_assert_eq!(clean(&html), html.clone(), "sanitising the rendered page again changes it");
        prop_assert!(no_active_markup(&html), "{}", html);
    }

    #[test]
    fn sanitising_twice_is_sanitising_once(text in hostile_text()) {
        let once = clean(&text);
        prop_assert_eq!(clean(&once), once);
    }

    #[test]
    fn a_slug_from_any_title_is_a_valid_address(title in hostile_text()) {
        let slug = slugify(&title);
        prop_assert!(slug.is_empty() || is_valid_slug(&slug), "{:?} from {:?}", slug, title);
    }
}
