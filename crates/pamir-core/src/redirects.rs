//! Old addresses: how they are written down, so that the address a reader
//! asks for and the one an importer stored compare equal.

/// Query parameters that only told Joomla which menu item, list layout or
/// page of a list a reader came through, never which text: links to one
/// article carry many of them, and all lead to the same new place.
const JOOMLA_NOISE: &[&str] = &["Itemid", "catid", "layout", "limitstart"];

/// `/path?query` with `/index.php` folded into `/` (old CMSs served both),
/// a trailing slash dropped (but for the root) and query parameters sorted,
/// without empty ones: `/index.php?id=3&option=com_content` and
/// `/?option=com_content&id=3` are the same old address. Joomla's
/// navigation parameters are dropped and its `id=3:alias` read as `id=3`.
pub fn normalise(path: &str, query: Option<&str>) -> String {
    let mut path = path.to_owned();
    if path == "/index.php" || path.starts_with("/index.php/") {
        path = path.replacen("/index.php", "", 1);
    }
    if path.len() > 1 && path.ends_with('/') {
        path.pop();
    }
    if path.is_empty() {
        path.push('/');
    }
    let mut pairs: Vec<&str> =
        query.unwrap_or("").split('&').filter(|pair| !pair.is_empty() && !pair.ends_with('=')).collect();
    let joomla = pairs.iter().any(|pair| pair.starts_with("option=com_")) || path.starts_with("/component/");
    if joomla {
        pairs.retain(|pair| !JOOMLA_NOISE.iter().any(|noise| pair.split('=').next() == Some(noise)));
        for pair in &mut pairs {
            if let Some(id) = pair.strip_prefix("id=") {
                *pair = &pair[..3 + id.find(':').unwrap_or(id.len())];
            }
        }
    }
    pairs.sort_unstable();
    if pairs.is_empty() { path } else { format!("{path}?{}", pairs.join("&")) }
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn spellings_of_one_old_address_meet() {
        assert_eq!(normalise("/", Some("p=12")), "/?p=12");
        assert_eq!(normalise("/index.php", Some("p=12")), "/?p=12");
        assert_eq!(
            normalise("/index.php", Some("option=com_content&view=article&id=3")),
            normalise("/", Some("id=3&view=article&option=com_content"))
        );
        assert_eq!(normalise("/2011/01/hello-world/", None), "/2011/01/hello-world");
        assert_eq!(normalise("/index.php/component/content/article/7", None), "/component/content/article/7");
        assert_eq!(normalise("/", None), "/");
    }

    #[test]
    fn joomla_navigation_parameters_lead_to_the_same_article() {
        let plain = normalise("/index.php", Some("option=com_content&view=article&id=24"));
        assert_eq!(
            normalise("/index.php", Some("option=com_content&view=article&id=24:joomla&catid=9&Itemid=435")),
            plain
        );
        assert_eq!(normalise("/", Some("Itemid=1&option=com_content&view=article&id=24")), plain);
        assert_eq!(
            normalise("/index.php/component/content/article/24-joomla", Some("catid=9&Itemid=101")),
            "/component/content/article/24-joomla"
        );
        assert_eq!(
            normalise("/index.php", Some("option=com_content&view=category&layout=blog&id=9")),
            normalise("/", Some("option=com_content&view=category&id=9"))
        );
        assert_eq!(normalise("/", Some("p=12&catid=3")), "/?catid=3&p=12", "only Joomla's addresses lose them");
    }
}
