//! Links from one item to another that survive a change of address. The
//! editor writes them as `/items/{id}`; a page shows each at the linked
//! item's address of the moment, and anything that meets the stable form
//! itself (a feed reader, the API) gets a 301 from `/items/{id}`. Works on
//! the sanitiser's output, whose attributes are always double-quoted.

/// The stable address of item `id`, as the editor writes it.
pub fn stable_address(id: i64) -> String {
    format!("/items/{id}")
}

const HREF: &str = "href=\"/items/";

/// Each stable link in `html`: (start of the address, end of the id, id).
fn links(html: &str) -> Vec<(usize, usize, i64)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find(HREF).map(|at| from + at) {
        let start = at + "href=\"".len();
        let digits = start + "/items/".len();
        let end = digits + html[digits..].bytes().take_while(u8::is_ascii_digit).count();
        // Only the whole address, or one with a #fragment: `/items/12/x` is something else.
        let whole = matches!(html.as_bytes().get(end), Some(b'"' | b'#'));
        if let (true, Ok(id)) = (whole, html[digits..end].parse::<i64>()) {
            found.push((start, end, id));
        }
        from = end.max(at + 1);
    }
    found
}

/// The items `html` links to by their stable address, each once.
pub fn linked_ids(html: &str) -> Vec<i64> {
    let mut ids: Vec<i64> = links(html).into_iter().map(|(_, _, id)| id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// `html` with each stable link at the address `address_of` gives; links
/// it knows no address for stay stable (and answer 301 or 404 themselves).
pub fn with_addresses(html: &str, address_of: impl Fn(i64) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (start, end, id) in links(html) {
        if let Some(address) = address_of(id) {
            out.push_str(&html[at..start]);
            out.push_str(&address);
            at = end;
        }
    }
    out.push_str(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HTML: &str = r#"<p>See <a href="/items/12">the winners</a>, <a href="/items/12#list">the list</a>, <a href="/items/7">the call</a>, <a href="/items/9/x">x</a> and <a href="/media/items/3">y</a>.</p>"#;

    #[test]
    fn stable_links_are_found_once_each() {
        assert_eq!(linked_ids(HTML), vec![7, 12]);
        assert_eq!(stable_address(12), "/items/12");
    }

    #[test]
    fn stable_links_take_the_current_address_and_unknown_ones_stay() {
        let out = with_addresses(HTML, |id| (id == 12).then(|| "/en/news/winners-2026".to_owned()));
        assert_eq!(
            out,
            r#"<p>See <a href="/en/news/winners-2026">the winners</a>, <a href="/en/news/winners-2026#list">the list</a>, <a href="/items/7">the call</a>, <a href="/items/9/x">x</a> and <a href="/media/items/3">y</a>.</p>"#
        );
    }
}
