//! An old address, however it was written (percent-encoded in either case,
//! with tracking parameters, Joomla's navigation parameters, odd bytes),
//! normalises to one form, and normalising that form again changes nothing:
//! the key a redirect is stored under is the key it is looked up by.

use pamir_core::redirects::normalise;
use proptest::prelude::*;

/// What a path is made of once the request line is split: no raw `?` or
/// `#`, but their escapes, and every other kind of piece.
const PATH_PIECES: &[&str] = &[
    "/",
    "index.php",
    "/component/content/article/",
    "24-joomla",
    "%D0%BD%D0%BE",
    "%d0%bd%d0%be",
    "новость",
    "%2F",
    "%25",
    "%",
    "%3F",
    "%23",
    "..",
    "//",
    "&",
    "=",
    "+",
    " ",
    "%20",
    "A",
    "z",
    "-",
    "\u{0}",
    "\r\n",
];

/// What a query is made of.
const QUERY_PIECES: &[&str] = &[
    "&",
    "=",
    "utm_source=x",
    "fbclid=1",
    "Itemid=5",
    "id=3:alias",
    "option=com_content",
    "view=article",
    "p=16",
    "page_id=2",
    "%20",
    "+",
    "?",
    "#",
];

fn piece(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![prop::sample::select(pieces).prop_map(str::to_owned), "[a-z0-9%]{0,4}"]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn normalising_an_old_address_twice_is_normalising_it_once(
        path in prop::collection::vec(piece(PATH_PIECES), 0..12).prop_map(|p| format!("/{}", p.concat())),
        query in prop::option::of(prop::collection::vec(piece(QUERY_PIECES), 0..8).prop_map(|p| p.concat())),
    ) {
        let once = normalise(&path, query.as_deref());
        let (again_path, again_query) = match once.split_once('?') {
            Some((path, query)) => (path.to_owned(), Some(query.to_owned())),
            None => (once.clone(), None),
        };
        prop_assert_eq!(normalise(&again_path, again_query.as_deref()), once);
    }
}

/// Found by the fuzzer (bench/fuzz.sh, target old_address).
#[test]
fn a_joomla_id_whose_alias_leaves_it_empty_normalises_once() {
    let once = normalise("/index.php", Some("option=com_con/intentcle&id=2=:cld"));
    let (path, query) = once.split_once('?').expect("a query");
    assert_eq!(normalise(path, Some(query)), once);
}
