//! Old addresses: how they are written down, so that the address a reader
//! asks for and the one an importer stored compare equal.

/// Query parameters that only told Joomla which menu item, list layout or
/// page of a list a reader came through, never which text: links to one
/// article carry many of them, and all lead to the same new place.
const JOOMLA_NOISE: &[&str] = &["Itemid", "catid", "layout", "limitstart"];

/// Query parameters that newsletters, social networks and ad platforms add
/// to links: they say where a reader came from, never which page.
const TRACKING: &[&str] = &[
    "fbclid",
    "gclid",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "igshid",
    "twclid",
    "ttclid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "_hsenc",
    "_hsmi",
    "mkt_tok",
    "oly_anon_id",
    "oly_enc_id",
    "vero_id",
    "rb_clickid",
];

fn is_tracking(name: &str) -> bool {
    name.starts_with("utm_") || TRACKING.contains(&name)
}

/// `/path?query` with `/index.php` folded into `/` (old CMSs served both),
/// a trailing slash dropped (but for the root), the path percent-decoded
/// (browsers send Cyrillic aliases encoded, in either hex case; exports
/// have them either way) and query parameters sorted, without empty and
/// tracking ones: `/index.php?id=3&option=com_content&utm_source=x` and
/// `/?option=com_content&id=3` are the same old address. Joomla's
/// navigation parameters are dropped and its `id=3:alias` read as `id=3`.
pub fn normalise(path: &str, query: Option<&str>) -> String {
    // Until it stands still: a literal `%` before decoded hex digits
    // (`%0%30`) spells a new escape.
    let mut path = decoded(path);
    loop {
        let again = decoded(&path);
        if again == path {
            break;
        }
        path = again;
    }
    normalise_spelled(&path, query)
}

/// Every way [`normalise`] may have written this address before it decoded
/// paths: the decoded form first, then the encoded one in either hex case,
/// so that redirects stored by earlier imports keep answering.
pub fn spellings(path: &str, query: Option<&str>) -> Vec<String> {
    let mut all = vec![normalise(path, query)];
    for spelled in [path.to_owned(), hex_case(path, false), hex_case(path, true)] {
        let old = normalise_spelled(&spelled, query);
        if !all.contains(&old) {
            all.push(old);
        }
    }
    all
}

fn normalise_spelled(path: &str, query: Option<&str>) -> String {
    let mut path = path.to_owned();
    while path == "/index.php" || path.starts_with("/index.php/") {
        path = path.replacen("/index.php", "", 1);
    }
    while path.len() > 1 && path.ends_with('/') {
        path.pop();
    }
    if path.is_empty() {
        path.push('/');
    }
    let mut pairs: Vec<&str> = query
        .unwrap_or("")
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.ends_with('='))
        .filter(|pair| !is_tracking(pair.split('=').next().unwrap_or("")))
        .collect();
    let joomla = pairs.iter().any(|pair| pair.starts_with("option=com_")) || path.starts_with("/component/");
    if joomla {
        pairs.retain(|pair| !JOOMLA_NOISE.iter().any(|noise| pair.split('=').next() == Some(noise)));
        for pair in &mut pairs {
            if let Some(id) = pair.strip_prefix("id=") {
                *pair = &pair[..3 + id.find(':').unwrap_or(id.len())];
            }
        }
        // `id=2=:alias` reads as `id=2=`, which has no value of its own.
        pairs.retain(|pair| !pair.ends_with('='));
    }
    pairs.sort_unstable();
    if pairs.is_empty() { path } else { format!("{path}?{}", pairs.join("&")) }
}

/// The path with its `%XX` escapes decoded, when that gives UTF-8 text;
/// else as it was. The escapes of `/`, `?`, `#` and `%` stay: decoded,
/// they would change where the path ends or be decoded again.
fn decoded(path: &str) -> String {
    if !path.contains('%') {
        return path.to_owned();
    }
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let escape = (bytes[at] == b'%')
            .then(|| path.get(at + 1..at + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            .filter(|byte| !matches!(byte, b'/' | b'?' | b'#' | b'%'));
        match escape {
            Some(byte) => {
                out.push(byte);
                at += 3;
            }
            None => {
                out.push(bytes[at]);
                at += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| path.to_owned())
}

/// The path with the hex digits of its escapes in one case.
fn hex_case(path: &str, upper: bool) -> String {
    let mut out = String::with_capacity(path.len());
    let mut rest = 0;
    for (at, _) in path.match_indices('%') {
        if at < rest {
            continue;
        }
        out.push_str(&path[rest..at]);
        let escape = path.get(at..at + 3).unwrap_or(&path[at..]);
        out.push_str(&if upper { escape.to_ascii_uppercase() } else { escape.to_ascii_lowercase() });
        rest = at + escape.len();
    }
    out.push_str(&path[rest..]);
    out
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

    #[test]
    fn tracking_parameters_are_not_part_of_an_address() {
        assert_eq!(normalise("/some-post/", Some("utm_source=newsletter&utm_medium=email")), "/some-post");
        assert_eq!(normalise("/", Some("p=16&utm_source=x&fbclid=abc")), "/?p=16");
        assert_eq!(normalise("/", Some("gclid=1&page_id=4&mc_cid=2&mc_eid=3")), "/?page_id=4");
        assert_eq!(normalise("/", Some("p=16&utm")), "/?p=16&utm", "only whole names count");
    }

    #[test]
    fn encoded_paths_compare_decoded_in_either_hex_case() {
        let lower = normalise("/%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8/", None);
        assert_eq!(lower, "/новости");
        assert_eq!(normalise("/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8", None), lower);
        assert_eq!(normalise("/новости/", None), lower);
        assert_eq!(normalise("/a%2Fb", None), "/a%2Fb", "an encoded slash is not a separator");
        assert_eq!(normalise("/%ff%fe", None), "/%ff%fe", "not UTF-8: kept as sent");
        assert_eq!(normalise("/100%", None), "/100%");
    }

    #[test]
    fn addresses_stored_encoded_before_are_still_found() {
        let spellings = super::spellings("/%D0%BD%D0%B0", None);
        assert_eq!(spellings[0], "/на");
        assert!(spellings.contains(&"/%d0%bd%d0%b0".to_owned()));
        assert!(spellings.contains(&"/%D0%BD%D0%B0".to_owned()));
        assert_eq!(super::spellings("/plain", None), vec!["/plain".to_owned()]);
    }
}
