//! The 652 examples of the CommonMark specification, run through pamir's
//! Markdown step (before sanitising).
//!
//! Each example is rendered twice:
//! - in plain CommonMark mode, where every example must pass;
//! - with the GFM extensions pamir enables for editors (tables, autolinks,
//!   footnotes, strikethrough), where the only differences allowed are the
//!   examples listed in `GFM_EXCEPTIONS`, each with its reason.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

use serde::Deserialize;

#[derive(Deserialize)]
struct Example {
    markdown: String,
    html: String,
    example: u32,
    section: String,
}

/// The spec's examples, or `None` (the test is skipped) without the corpora.
fn examples() -> Option<Vec<Example>> {
    let text = pamir_corpora::text("commonmark/spec.json")?;
    Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("parsing the CommonMark spec: {e}")))
}

/// Examples whose output differs once the GFM extensions are on, by design.
const GFM_EXCEPTIONS: &[(u32, &str)] = &[
    (602, "GFM autolinks: a bare URL inside invalid angle brackets becomes a link"),
    (608, "GFM autolinks: a bare URL inside spaced angle brackets becomes a link"),
    (611, "GFM autolinks: a bare https:// URL becomes a link, which is the point of the extension"),
    (612, "GFM autolinks: a bare e-mail address becomes a mailto: link"),
];

#[test]
fn every_commonmark_example_passes() {
    let Some(examples) = examples() else { return };
    assert_eq!(examples.len(), 652);
    let failures: Vec<u32> = examples
        .iter()
        .filter(|ex| pamir_content::markdown::to_html_commonmark(&ex.markdown) != ex.html)
        .map(|ex| ex.example)
        .collect();
    assert!(failures.is_empty(), "failing examples: {failures:?}");
}

#[test]
fn with_gfm_extensions_only_listed_examples_differ() {
    let Some(examples) = examples() else { return };
    let failures: Vec<(u32, String)> = examples
        .iter()
        .filter(|ex| pamir_content::markdown::to_html_unshifted(&ex.markdown) != ex.html)
        .map(|ex| (ex.example, ex.section.clone()))
        .collect();
    let listed: Vec<u32> = GFM_EXCEPTIONS.iter().map(|(n, _)| *n).collect();
    let unlisted: Vec<_> = failures.iter().filter(|(n, _)| !listed.contains(n)).collect();
    assert!(unlisted.is_empty(), "examples that differ and are not listed: {unlisted:?}");
    let stale: Vec<_> = listed.iter().filter(|n| !failures.iter().any(|(f, _)| f == *n)).collect();
    assert!(stale.is_empty(), "listed exceptions that now pass (remove them): {stale:?}");
}
