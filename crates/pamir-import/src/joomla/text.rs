//! An article's HTML as Joomla stored it, made ready for pamir: Joomla's
//! plugin tags taken out (they would show as raw braces), links to Joomla's
//! own addresses made absolute so the 301s catch them.

/// Plugin tags of Joomla's core content plugins. `{emailcloak=off}` only
/// switched a plugin off; `{loadposition …}` and `{loadmodule …}` placed a
/// module (a menu, a list of latest articles) that pamir's pages make in
/// their own way.
const PLUGIN_TAGS: &[&str] = &["emailcloak", "loadposition", "loadmoduleid", "loadmodule"];

#[derive(Debug, Default, PartialEq)]
pub struct Cleaned {
    pub html: String,
    pub warnings: Vec<String>,
}

/// Takes Joomla's plugin tags out of a text, saying which modules were
/// placed where; the text stays HTML until the importer has put the images
/// in place and turns it into Markdown (see [`crate::markdown`]).
pub fn clean(html: &str) -> Cleaned {
    let mut warnings = Vec::new();
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let tag = PLUGIN_TAGS
            .iter()
            .find(|tag| after.starts_with(**tag) && after[tag.len()..].starts_with(['}', '=', ' ', '\u{a0}']));
        match (tag, after.find('}')) {
            (Some(tag), Some(close)) if !after[..close].contains(['{', '<', '\n']) => {
                let argument = after[tag.len()..close].trim_matches([' ', '=', '\u{a0}']);
                if *tag != "emailcloak" {
                    warnings.push(format!("{{{tag} {argument}}} placed a Joomla module here; it was taken out"));
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let out = out.replace("href=\"index.php", "href=\"/index.php");
    Cleaned { html: out, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plugin_tags_are_taken_out_and_named() {
        let cleaned = clean(
            "<p>{emailcloak=off}Write to a@b.org</p>\n<p>{loadposition user1}</p>\n{loadmodule articles_latest,Latest News}\n<p>{loadmoduleid 17}</p>",
        );
        assert_eq!(cleaned.html, "<p>Write to a@b.org</p>\n<p></p>\n\n<p></p>");
        assert_eq!(cleaned.warnings.len(), 3);
        assert!(cleaned.warnings[1].contains("articles_latest,Latest News"), "{:?}", cleaned.warnings);
    }

    #[test]
    fn other_braces_are_text() {
        let text = "<p>Sets {a, b} and {loadpositionx} and {loadmodule</p>";
        assert_eq!(clean(text).html, text);
    }

    #[test]
    fn links_to_joomla_addresses_become_absolute() {
        let html = clean(r#"<a href="index.php?option=com_content&amp;view=article&amp;id=5">x</a>"#).html;
        assert!(html.contains(r#"href="/index.php?option"#));
    }
}
