//! Turns WordPress post content (blocks, shortcodes, `<!--nextpage-->`, bare paragraphs)
//! into plain HTML, ready for pamir's sanitiser.
//!
//! Which `[name ...]` is a shortcode: WordPress only expands names a plugin registered,
//! which an export does not record. Here a lowercase name (`[a-z_][a-z0-9_-]*`) counts when
//! it is in [`KNOWN_SHORTCODES`] (core, Jetpack/WordPress.com and common plugins) or when a
//! matching `[/name]` follows. So prose like "[sic]" or "[1]" is left alone, while an
//! unknown enclosing shortcode is still removed (keeping its text) rather than leaking.

use std::collections::HashSet;

use super::autop::{autop, raw_depth_after};
use super::blocks::strip_block_comments;

/// Shortcodes that are recognised even without a closing tag.
pub const KNOWN_SHORTCODES: &[&str] = &[
    // WordPress core.
    "audio",
    "caption",
    "embed",
    "gallery",
    "playlist",
    "video",
    "wp_caption",
    // Jetpack and WordPress.com.
    "archives",
    "bandcamp",
    "code",
    "contact-field",
    "contact-form",
    "crowdsignal",
    "dailymotion",
    "flickr",
    "gist",
    "googlemaps",
    "instagram",
    "latex",
    "polldaddy",
    "portfolio",
    "recipe",
    "scribd",
    "sitemap",
    "slideshare",
    "slideshow",
    "soundcloud",
    "sourcecode",
    "spotify",
    "ted",
    "testimonials",
    "tweet",
    "twitter-timeline",
    "vimeo",
    "wpvideo",
    "youtube",
    // Common plugins.
    "contact-form-7",
    "gravityform",
    "ninja_form",
    "wpforms",
];

/// The result of [`convert`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Converted {
    pub html: String,
    /// What could not be carried over (removed shortcodes, dynamic blocks), without repeats.
    pub warnings: Vec<String>,
    /// Attachment ids named by `[gallery ids="..."]`, in order; each gallery became a
    /// `<ul class="gallery">` placeholder with one `<li data-wp-attachment="ID">` per id.
    pub gallery_ids: Vec<i64>,
    /// A `[gallery]` without ids shows the post's attached images (see
    /// `Export::attachments_of`); it became `<ul class="gallery" data-wp-gallery="attached">`.
    pub attached_gallery: bool,
}

/// Converts raw `content:encoded` to HTML: block delimiters removed, shortcodes expanded or
/// removed, a URL alone on its line linked, `<!--more-->` kept on its own line,
/// `<!--nextpage-->` turned into a paragraph break, and paragraphs added by [`autop`]
/// unless the post was written with blocks.
pub fn convert(content: &str) -> Converted {
    let stripped = strip_block_comments(content);
    let mut cx = Converted::default();
    for name in &stripped.dynamic {
        cx.warn(format!("block {name} removed with its contents: WordPress renders it at view time"));
    }
    let html = link_bare_urls(&cx.expand(&stripped.html));
    // Pages are merged into one; the page break becomes a paragraph break.
    let html = html.replace("<!--nextpage-->", "\n\n");
    // pamir splits teaser from body on the marker, so it must not land inside a <p>.
    let html = html.replace("<!--more", "\n\n<!--more");
    let html = surround_more(&html);
    cx.html = if stripped.had_blocks { html.trim().to_owned() } else { autop(&html) };
    cx
}

/// Adds a paragraph break after each `<!--more...-->` marker.
fn surround_more(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<!--more") {
        let end = rest[i..].find("-->").map_or(rest.len(), |e| i + e + 3);
        out.push_str(&rest[..end]);
        out.push_str("\n\n");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// WordPress turns a URL alone on its line into an oEmbed player (YouTube, tweets...), both
/// in classic posts and in embed blocks; without oEmbed, a link keeps the target reachable.
fn link_bare_urls(html: &str) -> String {
    let mut out = Vec::new();
    let mut raw_depth = 0;
    for line in html.split('\n') {
        let t = line.trim();
        let is_url = (t.starts_with("http://") || t.starts_with("https://"))
            && t.len() > "https://".len()
            && !t.contains(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'));
        if raw_depth == 0 && is_url {
            let url = escape_attr(t);
            out.push(format!("<a href=\"{url}\">{url}</a>"));
        } else {
            out.push(line.to_owned());
        }
        raw_depth = raw_depth_after(raw_depth, line);
    }
    out.join("\n")
}

/// A shortcode found in the text.
struct Found<'t> {
    name: &'t str,
    attrs: &'t str,
    inner: Option<&'t str>,
    /// Byte index just past the shortcode (past the closing tag when enclosing).
    end: usize,
}

impl Converted {
    fn warn(&mut self, message: String) {
        if !self.warnings.contains(&message) {
            self.warnings.push(message);
        }
    }

    /// Expands every shortcode in `text`; enclosed content is expanded recursively.
    fn expand(&mut self, text: &str) -> String {
        let mut unclosed = HashSet::new();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while let Some(rel) = text[i..].find('[') {
            let start = i + rel;
            out.push_str(&text[i..start]);
            i = match self.at(text, start, &mut out, &mut unclosed) {
                Some(end) => end,
                None => {
                    out.push('[');
                    start + 1
                }
            };
        }
        out.push_str(&text[i..]);
        out
    }

    /// Handles a `[` at `start`: returns where to continue, or `None` if it is plain text.
    fn at<'t>(
        &mut self,
        text: &'t str,
        start: usize,
        out: &mut String,
        unclosed: &mut HashSet<&'t str>,
    ) -> Option<usize> {
        let rest = &text[start + 1..];
        if rest.starts_with('[') {
            // `[[name]]` is WordPress's escape for a literal `[name]`. Brackets are written
            // as `&#91;` so the literal is never taken for a shortcode again. Without the
            // closing `]`, the first `[` is plain text and the shortcode is read next.
            let found = find(text, start + 1, unclosed)?;
            if !text[found.end..].starts_with(']') {
                return None;
            }
            out.push_str(&text[start + 1..found.end].replace('[', "&#91;"));
            return Some(found.end + 1);
        }
        if let Some(closer) = rest.strip_prefix('/') {
            // A stray `[/caption]` with no opening tag: WordPress would print it; drop it.
            let name_len = name_len(closer);
            let name = &closer[..name_len];
            if name_len > 0 && closer[name_len..].starts_with(']') && KNOWN_SHORTCODES.contains(&name) {
                self.warn(format!("stray closing shortcode [/{name}] removed"));
                return Some(start + 2 + name_len + 1);
            }
            return None;
        }
        let found = find(text, start, unclosed)?;
        out.push_str(&self.render(&found));
        Some(found.end)
    }

    fn render(&mut self, f: &Found<'_>) -> String {
        let attrs = parse_attrs(f.attrs);
        match f.name {
            "caption" | "wp_caption" => self.caption(&attrs, f.inner),
            "gallery" => self.gallery(&attrs),
            "embed" => {
                let url = f.inner.map(str::trim).unwrap_or_default();
                self.link(f.name, url, f.inner)
            }
            "audio" | "video" => {
                let url = media_url(&attrs).or_else(|| f.inner.map(str::trim)).unwrap_or_default();
                if url.starts_with("http://") || url.starts_with("https://") || url.starts_with("//") {
                    let url = escape_attr(url);
                    // A player, as WordPress showed; the link is for browsers without one.
                    format!("\n\n<figure><{0} controls src=\"{url}\"></{0}></figure>\n\n", f.name)
                } else {
                    self.link(f.name, url, None)
                }
            }
            name => {
                self.warn(format!("shortcode [{name}] removed"));
                f.inner.map(|inner| self.expand(inner)).unwrap_or_default()
            }
        }
    }

    fn caption(&mut self, attrs: &[(Option<String>, String)], inner: Option<&str>) -> String {
        let Some(inner) = inner else {
            self.warn("[caption] without content removed".to_owned());
            return String::new();
        };
        let inner = self.expand(inner);
        let Some((before, media, after)) = split_media(&inner) else {
            self.warn("[caption] without an image kept as a figure".to_owned());
            return format!("\n\n<figure>{}</figure>\n\n", inner.trim());
        };
        let text = match attr(attrs, "caption") {
            Some(c) if !c.trim().is_empty() => c.trim().to_owned(),
            _ => format!("{} {}", before.trim(), after.trim()).trim().to_owned(),
        };
        let caption = if text.is_empty() { String::new() } else { format!("<figcaption>{text}</figcaption>") };
        format!("\n\n<figure>{media}{caption}</figure>\n\n")
    }

    fn gallery(&mut self, attrs: &[(Option<String>, String)]) -> String {
        let Some(list) = attr(attrs, "ids").or_else(|| attr(attrs, "include")) else {
            self.attached_gallery = true;
            return "\n\n<ul class=\"gallery\" data-wp-gallery=\"attached\"></ul>\n\n".to_owned();
        };
        let mut items = String::new();
        for raw in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match raw.parse::<i64>() {
                Ok(id) => {
                    self.gallery_ids.push(id);
                    items.push_str(&format!("<li data-wp-attachment=\"{id}\">attachment {id}</li>"));
                }
                Err(_) => self.warn(format!("[gallery] id {raw:?} is not a number and was dropped")),
            }
        }
        format!("\n\n<ul class=\"gallery\">{items}</ul>\n\n")
    }

    /// Media shortcodes become a plain link; the player is the theme's business.
    fn link(&mut self, name: &str, url: &str, fallback: Option<&str>) -> String {
        if url.starts_with("http://") || url.starts_with("https://") || url.starts_with("//") {
            let url = escape_attr(url);
            return format!("<a href=\"{url}\">{url}</a>");
        }
        self.warn(format!("[{name}] without a usable URL removed"));
        fallback.map(|inner| self.expand(inner)).unwrap_or_default()
    }
}

/// Finds the shortcode whose `[` is at `start`, following WordPress's grammar: name,
/// attributes up to `]` (no `[` inside), `/]` for self-closing, else content up to the
/// first `[/name]` if there is one. `unclosed` remembers names with no closing tag further
/// on, so text full of brackets is not searched to its end again and again.
fn find<'t>(text: &'t str, start: usize, unclosed: &mut HashSet<&'t str>) -> Option<Found<'t>> {
    let after = &text[start + 1..];
    let len = name_len(after);
    if len == 0 || !after.starts_with(|c: char| c.is_ascii_lowercase() || c == '_') {
        return None;
    }
    let name = &after[..len];
    if !matches!(after[len..].chars().next(), Some(']' | '/' | ' ' | '\t' | '\n' | '\r' | '\u{a0}')) {
        return None;
    }
    let attrs_start = start + 1 + len;
    let close = text[attrs_start..].find(']')? + attrs_start;
    let attrs = &text[attrs_start..close];
    if attrs.contains('[') {
        return None;
    }
    let open_end = close + 1;
    let self_closing = attrs.trim_end().ends_with('/');
    let closing_tag = format!("[/{name}]");
    let enclosed = if self_closing || unclosed.contains(name) { None } else { text[open_end..].find(&closing_tag) };
    if enclosed.is_none() && !self_closing {
        unclosed.insert(name);
    }
    if enclosed.is_none() && !KNOWN_SHORTCODES.contains(&name) {
        return None;
    }
    let attrs = attrs.trim_end().trim_end_matches('/');
    Some(match enclosed {
        Some(rel) => {
            let inner_end = open_end + rel;
            Found { name, attrs, inner: Some(&text[open_end..inner_end]), end: inner_end + closing_tag.len() }
        }
        None => Found { name, attrs, inner: None, end: open_end },
    })
}

fn name_len(s: &str) -> usize {
    s.find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')).unwrap_or(s.len())
}

/// Parses shortcode attributes like WordPress's `shortcode_parse_atts`: `k="v"`, `k='v'`,
/// `k=v`, and positional values (`[audio https://...]`). Keys are lowercased.
fn parse_attrs(raw: &str) -> Vec<(Option<String>, String)> {
    // The visual editor sometimes stores quotes and spaces as entities or no-break spaces.
    let raw = raw.replace("&quot;", "\"").replace(['\u{a0}', '\u{200b}'], " ");
    let mut out = Vec::new();
    let mut s = raw.trim_start();
    while !s.is_empty() {
        let key_len = s.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')).unwrap_or(s.len());
        let after_key = s[key_len..].trim_start();
        let (key, value_src) = match after_key.strip_prefix('=') {
            Some(v) if key_len > 0 => (Some(s[..key_len].to_ascii_lowercase()), v.trim_start()),
            _ => (None, s),
        };
        let (value, rest) = match value_src.chars().next() {
            Some(q @ ('"' | '\'')) => match value_src[1..].find(q) {
                Some(e) => (&value_src[1..1 + e], &value_src[2 + e..]),
                None => (&value_src[1..], ""),
            },
            _ => {
                let e = value_src.find(char::is_whitespace).unwrap_or(value_src.len());
                (&value_src[..e], &value_src[e..])
            }
        };
        out.push((key, value.to_owned()));
        s = rest.trim_start();
    }
    out
}

fn attr<'a>(attrs: &'a [(Option<String>, String)], key: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k.as_deref() == Some(key)).map(|(_, v)| v.as_str())
}

/// The media URL of `[audio]`/`[video]`: `src`, a per-format key, or the first positional.
fn media_url(attrs: &[(Option<String>, String)]) -> Option<&str> {
    const KEYS: &[&str] =
        &["src", "url", "mp3", "m4a", "ogg", "oga", "wav", "wma", "flac", "mp4", "m4v", "webm", "ogv", "wmv", "flv"];
    KEYS.iter()
        .find_map(|k| attr(attrs, k))
        .or_else(|| attrs.iter().find(|(k, _)| k.is_none()).map(|(_, v)| v.as_str()))
        .filter(|u| !u.trim().is_empty())
}

/// Splits caption content into (text before, `<img>` optionally wrapped in `<a>`, text after),
/// like WordPress's caption shortcode, which takes the first image as the figure.
fn split_media(inner: &str) -> Option<(&str, &str, &str)> {
    let img = inner.find("<img")?;
    let img_end = img + inner[img..].find('>')? + 1;
    let (mut start, mut end) = (img, img_end);
    // Include a link wrapping the image: `<a ...>` right before and `</a>` right after.
    let before = inner[..img].trim_end();
    if let Some(a) = before.rfind("<a ")
        && before.ends_with('>')
        && !before[a..].contains("</a>")
        && let Some(close) = inner[img_end..].trim_start().strip_prefix("</a>")
    {
        start = a;
        end = inner.len() - close.len();
    }
    Some((&inner[..start], &inner[start..end], &inner[end..]))
}

fn escape_attr(url: &str) -> String {
    // Editor-stored URLs often hold `&amp;` already; decode first so it is not doubled.
    url.replace("&amp;", "&").replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
#[path = "shortcodes_tests.rs"]
mod tests;
