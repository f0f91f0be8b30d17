//! An article's HTML as Joomla stored it, made ready for pamir: Joomla's
//! plugin tags taken out (they would show as raw braces), links to Joomla's
//! own addresses made absolute so the 301s catch them, and the images it
//! shows listed so they can be brought into the media library.

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
/// placed where, and makes it safe to read as Markdown (see [`crate::html`]).
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
    Cleaned { html: crate::html::for_markdown(&out), warnings }
}

/// The images a text shows from Joomla's `images/` folder, in order, as
/// (site-relative path, alternative text): `<img src="/images/a.jpg" alt="…">`.
pub fn image_sources(html: &str) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<img") {
        rest = &rest[at + 4..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        let Some(source) = attribute(tag, "src") else { continue };
        let source = source.trim_start_matches('/');
        if source.starts_with("images/") && !found.iter().any(|(f, _)| f == source) {
            found.push((source.to_owned(), attribute(tag, "alt").unwrap_or("").trim().to_owned()));
        }
    }
    found
}

/// A double-quoted attribute's value in a tag's text, as editors' HTML has them.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let pattern = format!(" {name}=\"");
    let start = tag.find(&pattern)? + pattern.len();
    let end = tag[start..].find('"')?;
    Some(&tag[start..start + end])
}

/// Points the text's images at their new addresses: `images/a.jpg` → `/media/…`.
pub fn replace_image_sources(html: &str, new: &std::collections::HashMap<String, String>) -> String {
    let mut html = html.to_owned();
    for (old, target) in new {
        html = html.replace(&format!("src=\"/{old}\""), &format!("src=\"{target}\""));
        html = html.replace(&format!("src=\"{old}\""), &format!("src=\"{target}\""));
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plugin_tags_are_taken_out_and_named() {
        let cleaned = clean(
            "<p>{emailcloak=off}Write to a@b.org</p>\n<p>{loadposition user1}</p>\n{loadmodule articles_latest,Latest News}\n<p>{loadmoduleid 17}</p>",
        );
        assert_eq!(cleaned.html, "<p>Write to a@b.org</p>\n<p></p>\n<p></p>");
        assert_eq!(cleaned.warnings.len(), 3);
        assert!(cleaned.warnings[1].contains("articles_latest,Latest News"), "{:?}", cleaned.warnings);
    }

    #[test]
    fn other_braces_are_text() {
        let text = "<p>Sets {a, b} and {loadpositionx} and {loadmodule</p>";
        assert_eq!(clean(text).html, text);
    }

    #[test]
    fn images_are_found_and_pointed_elsewhere() {
        let html = r#"<img src="images/a.jpg" alt="A lake"><img class="x" src="/images/b/c.png"><img src="https://x.org/d.png"><img src="images/a.jpg">"#;
        let found = image_sources(html);
        assert_eq!(
            found,
            [("images/a.jpg".to_owned(), "A lake".to_owned()), ("images/b/c.png".to_owned(), String::new())]
        );
        let new = [("images/b/c.png".to_owned(), "/media/2026/c.png".to_owned())].into();
        assert!(replace_image_sources(html, &new).contains(r#"<img class="x" src="/media/2026/c.png">"#));
    }

    #[test]
    fn links_to_joomla_addresses_become_absolute() {
        let html = clean(r#"<a href="index.php?option=com_content&amp;view=article&amp;id=5">x</a>"#).html;
        assert!(html.contains(r#"href="/index.php?option"#));
    }
}
