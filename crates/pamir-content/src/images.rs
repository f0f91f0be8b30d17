//! Images inside a text that come from the media library (`/media/...`):
//! finding them, and giving each the renditions the library made, so that a
//! phone downloads a small file rather than the original. Works on the
//! sanitiser's output, whose attributes are always double-quoted.

/// What a page adds to an image of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renditions {
    /// `url 480w, url 960w, ...`, the original included; empty when none.
    pub srcset: String,
    pub width: i64,
    pub height: i64,
}

/// The width the text column takes, for `sizes`: the whole screen on a
/// phone, the column on a wider one.
const SIZES: &str = "(min-width: 62rem) 60rem, 100vw";

/// Each `<img>` tag in `html`, as (start, end) byte offsets of `<img ... >`.
fn img_tags(html: &str) -> Vec<(usize, usize)> {
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find("<img").map(|at| from + at) {
        let Some(end) = html[at..].find('>').map(|end| at + end + 1) else { break };
        if html[at + 4..].starts_with([' ', '\n', '\t', '/', '>']) {
            tags.push((at, end));
        }
        from = end;
    }
    tags
}

fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

/// The library paths (below `/media/`) of the images `html` shows.
pub fn library_paths(html: &str) -> Vec<&str> {
    let mut paths: Vec<&str> = img_tags(html)
        .into_iter()
        .filter_map(|(start, end)| attribute(&html[start..end], "src"))
        .filter_map(|src| src.strip_prefix("/media/"))
        .filter(|path| !path.is_empty())
        .collect();
    paths.sort_unstable();
    paths.dedup();
    paths
}

/// `html` with each library image given its renditions (`srcset`,
/// `sizes`), its size (so the page does not jump as it loads) and lazy
/// loading, where it has none of these already.
pub fn with_renditions(html: &str, renditions: impl Fn(&str) -> Option<Renditions>) -> String {
    let tags = img_tags(html);
    if tags.is_empty() {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + tags.len() * 200);
    let mut at = 0;
    for (start, end) in tags {
        let tag = &html[start..end];
        let Some(found) = attribute(tag, "src").and_then(|src| src.strip_prefix("/media/")).and_then(&renditions)
        else {
            continue;
        };
        let mut added = String::new();
        if !found.srcset.is_empty() && attribute(tag, "srcset").is_none() {
            added.push_str(&format!(" srcset=\"{}\" sizes=\"{SIZES}\"", found.srcset));
        }
        if attribute(tag, "width").is_none() && attribute(tag, "height").is_none() && found.width > 0 {
            added.push_str(&format!(" width=\"{}\" height=\"{}\"", found.width, found.height));
        }
        if attribute(tag, "loading").is_none() {
            added.push_str(" loading=\"lazy\"");
        }
        if attribute(tag, "decoding").is_none() {
            added.push_str(" decoding=\"async\"");
        }
        let close = if tag.ends_with("/>") { end - 2 } else { end - 1 };
        out.push_str(&html[at..close]);
        out.push_str(&added);
        out.push_str(&html[close..end]);
        at = end;
    }
    out.push_str(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lake(path: &str) -> Option<Renditions> {
        (path == "2026/05/lake.jpg").then(|| Renditions {
            srcset: "/media/2026/05/lake-480.jpg 480w, /media/2026/05/lake.jpg 1200w".into(),
            width: 1200,
            height: 800,
        })
    }

    #[test]
    fn library_images_are_found_once_each() {
        let html = r#"<p><img src="/media/2026/05/lake.jpg" alt="a"><img src="https://x.org/a.png" alt="">
            <img src="/media/2026/05/lake.jpg" alt="b"></p><p>&lt;img src="/media/not/an/image.jpg"&gt;</p>"#;
        assert_eq!(library_paths(html), vec!["2026/05/lake.jpg"]);
    }

    #[test]
    fn library_images_get_their_renditions_and_others_stay() {
        let html = r#"<p><img src="/media/2026/05/lake.jpg" alt="A lake"> and <img src="/media/gone.jpg" alt="x"></p>"#;
        let out = with_renditions(html, lake);
        assert_eq!(
            out,
            r#"<p><img src="/media/2026/05/lake.jpg" alt="A lake" srcset="/media/2026/05/lake-480.jpg 480w, /media/2026/05/lake.jpg 1200w" sizes="(min-width: 62rem) 60rem, 100vw" width="1200" height="800" loading="lazy" decoding="async"> and <img src="/media/gone.jpg" alt="x"></p>"#
        );
    }

    #[test]
    fn what_the_text_says_already_is_kept() {
        let html = r#"<img src="/media/2026/05/lake.jpg" width="300" alt="" loading="eager">"#;
        let out = with_renditions(html, lake);
        assert!(!out.contains("height=") && out.contains(r#"width="300""#) && !out.contains("lazy"), "{out}");
        assert!(out.contains("srcset="), "{out}");
    }
}
