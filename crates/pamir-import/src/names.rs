//! Names and slugs from other systems made into ones pamir accepts.

use pamir_content::slug::{is_valid_slug, slugify};

/// A slug pamir accepts: the old system's own when it is one, else made from the name.
pub fn slug_for(old_slug: &str, name: &str, fallback: &str) -> String {
    let decoded = percent_decode(old_slug);
    if is_valid_slug(&decoded) {
        return decoded;
    }
    Some(slugify(&decoded))
        .filter(|s| !s.is_empty() && is_valid_slug(s))
        .or_else(|| Some(slugify(name)).filter(|s| !s.is_empty() && is_valid_slug(s)))
        .unwrap_or_else(|| fallback.to_owned())
}

/// WordPress stores non-ASCII slugs and file names percent-encoded.
pub fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// Titles may carry HTML (WordPress allows it, Joomla editors paste it); pamir titles are text.
pub fn plain_title(title: &str) -> String {
    let mut text = String::with_capacity(title.len());
    let mut in_tag = false;
    for c in title.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#039;", "'");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The addresses items take, per category and language (the site's and an
/// import's own, as it goes): a
/// second item on a taken slug gets its old id appended, and the caller
/// says so in the report.
#[derive(Debug, Default)]
pub struct UsedSlugs(std::collections::HashSet<(i64, String, String)>);

impl UsedSlugs {
    /// Starts from the addresses the site's items take already.
    pub fn taken(addresses: Vec<(i64, String, String)>) -> Self {
        UsedSlugs(addresses.into_iter().collect())
    }

    /// The slug the item gets, and the one it wanted when that was taken.
    pub fn claim(&mut self, category: i64, lang: &str, slug: String, old_id: i64) -> (String, Option<String>) {
        if self.0.insert((category, lang.to_owned(), slug.clone())) {
            return (slug, None);
        }
        let moved = format!("{slug}-{old_id}");
        self.0.insert((category, lang.to_owned(), moved.clone()));
        (moved, Some(slug))
    }
}
