//! A few CommonMark cases of our own, written for pamir: the ones an
//! editor meets every day. They run on every checkout; the full
//! specification (`commonmark_spec.rs`) needs the corpora.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    what: String,
    markdown: String,
    html: String,
}

#[test]
fn everyday_commonmark_renders_as_the_specification_says() {
    let cases: Vec<Case> = serde_json::from_str(include_str!("fixtures/commonmark_essentials.json")).expect("fixture");
    assert_eq!(cases.len(), 15);
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let html = pamir_content::markdown::to_html_commonmark(&case.markdown);
            (html != case.html).then(|| format!("{}: got {html:?}, want {:?}", case.what, case.html))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}
