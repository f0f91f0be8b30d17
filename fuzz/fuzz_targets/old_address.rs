//! Any old address a reader's browser sends: normalised without a panic,
//! to a form that normalising again leaves as it is.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|address: &str| {
    // What a request line gives: the path up to `?`, the query after it.
    let (path, query) = match address.split_once('?') {
        Some((path, query)) => (path.split('#').next().unwrap_or(""), Some(query)),
        None => (address.split('#').next().unwrap_or(""), None),
    };
    let path = format!("/{}", path.trim_start_matches('/'));
    let once = pamir_core::redirects::normalise(&path, query);
    let (again_path, again_query) = match once.split_once('?') {
        Some((path, query)) => (path.to_owned(), Some(query.to_owned())),
        None => (once.clone(), None),
    };
    assert_eq!(pamir_core::redirects::normalise(&again_path, again_query.as_deref()), once);
});
