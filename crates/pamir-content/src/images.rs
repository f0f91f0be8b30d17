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
    /// "Photo: …", said in the page's language; empty when the library has no credit.
    pub credit: String,
}

/// The width the text column takes, for `sizes`: the whole screen on a
/// phone, the column on a wider one.
const SIZES: &str = "(min-width: 62rem) 60rem, 100vw";

/// Each `<img>` tag in `html`, as (start, end) byte offsets of `<img ... >`.
/// A `>` inside a quoted attribute (a title may hold one) does not end it.
fn img_tags(html: &str) -> Vec<(usize, usize)> {
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find("<img").map(|at| from + at) {
        let Some(end) = tag_end(html, at) else { break };
        if html[at + 4..].starts_with([' ', '\n', '\t', '/', '>']) {
            tags.push((at, end));
        }
        from = end;
    }
    tags
}

/// Where the tag that starts at `at` ends, past its `>`.
fn tag_end(html: &str, at: usize) -> Option<usize> {
    let mut quoted = false;
    for (offset, byte) in html.as_bytes()[at..].iter().enumerate() {
        match byte {
            b'"' => quoted = !quoted,
            b'>' if !quoted => return Some(at + offset + 1),
            _ => {}
        }
    }
    None
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
/// loading, where it has none of these already. A library image alone in
/// its paragraph with a title (`![alt](/media/… "caption")`, which the
/// editor writes when a caption is given) becomes a figure, its title the
/// caption and the library's credit after it.
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
        let caption = attribute(tag, "title").filter(|title| !title.trim().is_empty());
        let alone = html[at..start].ends_with("<p>") && html[end..].starts_with("</p>");
        match caption {
            Some(caption) if alone => {
                out.push_str(&html[at..start - "<p>".len()]);
                out.push_str("<figure class=\"text-figure\">");
                out.push_str(&html[start..close]);
                out.push_str(&added);
                out.push_str(&html[close..end]);
                // An attribute's text as the sanitiser wrote it: `&` and `"`
                // are escaped, the angle brackets not, since they need not be there.
                out.push_str("<figcaption>");
                out.push_str(&caption.replace('<', "&lt;").replace('>', "&gt;"));
                if !found.credit.is_empty() {
                    out.push_str(" <span class=\"credit\">");
                    out.push_str(&escape_text(&found.credit));
                    out.push_str("</span>");
                }
                out.push_str("</figcaption></figure>");
                at = end + "</p>".len();
            }
            _ => {
                out.push_str(&html[at..close]);
                out.push_str(&added);
                out.push_str(&html[close..end]);
                at = end;
            }
        }
    }
    out.push_str(&html[at..]);
    out
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lake(path: &str) -> Option<Renditions> {
        (path == "2026/05/lake.jpg").then(|| Renditions {
            srcset: "/media/2026/05/lake-480.jpg 480w, /media/2026/05/lake.jpg 1200w".into(),
            width: 1200,
            height: 800,
            credit: "Photo: Nigora <Karimova>".into(),
        })
    }

    #[test]
    fn a_captioned_library_image_alone_in_its_paragraph_is_a_figure_with_its_credit() {
        let html = r#"<p>Before.</p><p><img src="/media/2026/05/lake.jpg" alt="A lake" title="Iskanderkul at &quot;dawn&quot; <b>"></p><p>After.</p>"#;
        let out = with_renditions(html, lake);
        assert!(
            out.starts_with(
                r#"<p>Before.</p><figure class="text-figure"><img src="/media/2026/05/lake.jpg" alt="A lake" title="#
            ),
            "{out}"
        );
        assert!(
            out.ends_with(r#"<figcaption>Iskanderkul at &quot;dawn&quot; &lt;b&gt; <span class="credit">Photo: Nigora &lt;Karimova&gt;</span></figcaption></figure><p>After.</p>"#),
            "{out}"
        );
        // Without a title, or with words beside it, it stays an image in its paragraph.
        let plain = with_renditions(r#"<p><img src="/media/2026/05/lake.jpg" alt="A lake"></p>"#, lake);
        assert!(plain.starts_with("<p><img") && !plain.contains("figure"), "{plain}");
        let inline = with_renditions(r#"<p>See <img src="/media/2026/05/lake.jpg" alt="" title="x"></p>"#, lake);
        assert!(!inline.contains("figure"), "{inline}");
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
