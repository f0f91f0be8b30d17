//! Old addresses: how they are written down, so that the address a reader
//! asks for and the one an importer stored compare equal.

/// `/path?query` with `/index.php` folded into `/` (old CMSs served both),
/// a trailing slash dropped (but for the root) and query parameters sorted,
/// without empty ones: `/index.php?id=3&option=com_content` and
/// `/?option=com_content&id=3` are the same old address.
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
}
