//! Whether a move kept what readers saw: for every imported item, how much
//! of the visible text of its source is on its new page (as words, counted
//! with their repeats), and which references to the old site remain in it.
//! Run after every import (its figures end the report) and on its own
//! (`pamir import … --check`), on a site imported before.

use crate::localise::OldSite;
use std::collections::HashMap;
use std::fmt;

/// Below this share of its words, an item is listed for an editor to look at.
pub const ENOUGH: f64 = 0.99;

/// The words a reader sees in `html`: tags, comments and shortcode-style
/// brackets left out, entities read, letters and digits of any script,
/// in lower case.
pub fn visible_words(html: &str) -> Vec<String> {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(['<', '[', '{']) {
        text.push_str(&rest[..at]);
        let (close, skip) = match rest.as_bytes()[at] {
            b'<' if rest[at..].starts_with("<!--") => ("-->", true),
            b'<' if rest[at..].to_ascii_lowercase().starts_with("<script") => ("</script>", true),
            b'<' if rest[at..].to_ascii_lowercase().starts_with("<style") => ("</style>", true),
            b'<' => (">", true),
            // `[gallery ids="1,2"]`, `[/caption]`, Joomla's `{loadposition x}`: markup, not text.
            b'[' | b'{' if looks_like_a_tag(&rest[at + 1..]) => {
                (if rest.as_bytes()[at] == b'[' { "]" } else { "}" }, true)
            }
            _ => ("", false),
        };
        if !skip {
            text.push_str(&rest[at..at + 1]);
            rest = &rest[at + 1..];
            continue;
        }
        text.push(' ');
        rest = match rest[at..].find(close) {
            Some(end) => &rest[at + end + close.len()..],
            None => "",
        };
    }
    text.push_str(rest);
    let text = decode_entities(&text);
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// `[name attr…]`, `[/name]`, `[gallery]` or `{plugin …}`; not `[sic]` or `[1]`.
fn looks_like_a_tag(after: &str) -> bool {
    let closing = after.starts_with('/');
    let name = after.trim_start_matches('/');
    let word: String = name.chars().take_while(|c| c.is_ascii_lowercase() || matches!(c, '_' | '-')).collect();
    let next = &name[word.len()..];
    !word.is_empty()
        && (next.starts_with([' ', '='])
            || ((closing || crate::wordpress::shortcodes::KNOWN_SHORTCODES.contains(&word.as_str()))
                && next.starts_with([']', '}', '/'])))
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail.find(';').filter(|end| *end <= 10);
        let decoded = end.and_then(|end| {
            let name = &tail[1..end];
            let code = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                    .and_then(char::from_u32),
            };
            code.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, length)) => {
                out.push(c);
                rest = &tail[length..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The share of the source's words (with their repeats) found on the page.
pub fn coverage(source_html: &str, page_html: &str) -> f64 {
    let source = visible_words(source_html);
    if source.is_empty() {
        return 1.0;
    }
    let mut on_page: HashMap<String, usize> = HashMap::new();
    for word in visible_words(page_html) {
        *on_page.entry(word).or_default() += 1;
    }
    let mut found = 0usize;
    for word in &source {
        if let Some(left) = on_page.get_mut(word).filter(|left| **left > 0) {
            *left -= 1;
            found += 1;
        }
    }
    found as f64 / source.len() as f64
}

/// What the check found, item by item.
#[derive(Debug, Default, Clone)]
pub struct Fidelity {
    /// (record, share of its source's words on its page).
    pub coverage: Vec<(String, f64)>,
    /// (record, address) of every reference to the old site left in a page.
    pub old_references: Vec<(String, String)>,
    /// Blocks of the imported texts as the editor shows them: (as Markdown, kept as HTML).
    pub editor_blocks: (usize, usize),
}

impl Fidelity {
    /// Compares one item's page with its source.
    pub fn compare(&mut self, record: &str, source_html: &str, page_html: &str, old: &OldSite) {
        self.coverage.push((record.to_owned(), coverage(source_html, page_html)));
        for address in old.addresses_in(page_html) {
            self.old_references.push((record.to_owned(), address));
        }
    }

    /// Counts the blocks of an imported text as the editor shows it.
    pub fn editor_text(&mut self, markdown: &str) {
        let (as_markdown, as_html) = crate::markdown::blocks(markdown);
        self.editor_blocks.0 += as_markdown;
        self.editor_blocks.1 += as_html;
    }

    fn sorted(&self) -> Vec<f64> {
        let mut shares: Vec<f64> = self.coverage.iter().map(|(_, share)| *share).collect();
        shares.sort_by(f64::total_cmp);
        shares
    }

    pub fn min(&self) -> Option<f64> {
        self.sorted().first().copied()
    }

    pub fn median(&self) -> Option<f64> {
        let shares = self.sorted();
        shares.get(shares.len() / 2).copied()
    }

    /// The items below [`ENOUGH`], least kept first.
    pub fn below(&self) -> Vec<&(String, f64)> {
        let mut low: Vec<&(String, f64)> = self.coverage.iter().filter(|(_, share)| *share < ENOUGH).collect();
        low.sort_by(|a, b| a.1.total_cmp(&b.1));
        low
    }
}

impl fmt::Display for Fidelity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (Some(min), Some(median)) = (self.min(), self.median()) else {
            return writeln!(f, "  check: no imported items to compare");
        };
        writeln!(
            f,
            "  check: {} items compared with their source; text kept: lowest {:.1}%, median {:.1}%",
            self.coverage.len(),
            min * 100.0,
            median * 100.0
        )?;
        let (markdown, html) = self.editor_blocks;
        if markdown + html > 0 {
            writeln!(
                f,
                "  check: the editor shows {markdown} of {} blocks as Markdown ({:.0}%), the rest as HTML it cannot say otherwise",
                markdown + html,
                markdown as f64 * 100.0 / (markdown + html) as f64
            )?;
        }
        for (record, share) in self.below() {
            writeln!(f, "  check: {record} keeps {:.1}% of its text: compare it with the old page", share * 100.0)?;
        }
        if self.old_references.is_empty() {
            writeln!(f, "  check: no page refers to the old site")?;
        }
        for (record, address) in &self.old_references {
            writeln!(f, "  check: {record} still refers to the old site: {address}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_words_are_what_a_reader_reads() {
        let html = "<!-- wp:paragraph --><p>Water &amp; <b>roads</b>&nbsp;in Душанбе [gallery ids=\"1,2\"]</p>{loadposition x}<script>var x</script> [sic]";
        assert_eq!(visible_words(html), ["water", "roads", "in", "душанбе", "sic"]);
    }

    #[test]
    fn coverage_counts_words_with_their_repeats() {
        assert_eq!(coverage("<p>one two two three</p>", "<p>Three, two and one.</p>"), 0.75);
        assert_eq!(coverage("<p>a b</p>", "<h2>a</h2><p>b</p>"), 1.0);
        assert_eq!(coverage("", "<p>x</p>"), 1.0, "nothing to keep");
    }

    #[test]
    fn the_summary_names_what_to_look_at() {
        let old = OldSite::wordpress(&["https://old.example.org"]);
        let mut fidelity = Fidelity::default();
        fidelity.compare("post 1", "<p>a b c d</p>", "<p>a b c d</p>", &old);
        fidelity.compare("post 2", "<p>a b c d</p>", "<p>a b <a href=\"https://old.example.org/x/\">c</a></p>", &old);
        fidelity.editor_text("a b c d\n\n<figure></figure>\n\nmore");
        let text = fidelity.to_string();
        assert!(text.contains("2 items compared") && text.contains("lowest 75.0%"), "{text}");
        assert!(text.contains("2 of 3 blocks as Markdown (67%)"), "{text}");
        assert!(text.contains("post 2 keeps 75.0%") && !text.contains("post 1 keeps"), "{text}");
        assert!(text.contains("post 2 still refers to the old site: https://old.example.org/x/"), "{text}");
    }
}
