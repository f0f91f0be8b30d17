//! Atom and RSS feeds, read by a real client: Python's feedparser (the
//! tests say `SKIPPED` where it is not installed; CI installs it, and there
//! its absence fails them).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::http::StatusCode;
use serde_json::Value;
use support::TestSite;

/// Parses `xml` with feedparser and returns what it understood, or `None` when feedparser is missing.
fn feedparser(xml: &str) -> Option<Value> {
    const SCRIPT: &str = r#"
import json, sys, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({
    "bozo": d.bozo, "problem": str(d.get("bozo_exception", "")), "version": d.version,
    "title": d.feed.get("title"), "language": d.feed.get("language"),
    "entries": [{"title": e.get("title"), "link": e.get("link"), "author": e.get("author"),
                 "published": e.get("published_parsed") is not None, "summary": e.get("summary", ""),
                 "content": (e.get("content") or [{}])[0].get("value", ""),
                 "enclosures": [x.get("href") for x in e.get("enclosures", [])]} for e in d.entries],
}))
"#;
    use std::io::Write;
    let Ok(mut child) = std::process::Command::new("python3")
        .args(["-c", SCRIPT])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        return skipped("python3 is not installed");
    };
    let mut stdin = child.stdin.take().expect("python3's stdin");
    // Without feedparser, python3 exits before reading it all: its stderr says why.
    let sent = stdin.write_all(xml.as_bytes());
    drop(stdin);
    let output = child.wait_with_output().expect("python3 ran");
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        if stderr.contains("No module named") {
            return skipped("Python's feedparser is not installed");
        }
        panic!("feedparser failed: {stderr}");
    }
    sent.expect("the feed was given to feedparser");
    Some(serde_json::from_slice(&output.stdout).expect("feedparser's report"))
}

/// Says feeds were not parsed, and why, except under CI, which installs feedparser: there
/// that fails the test.
fn skipped(missing: &str) -> Option<Value> {
    assert!(std::env::var_os("CI").is_none(), "CI must parse the feeds with feedparser, but {missing}");
    // Straight to stderr, past the test harness's capture, so the skip shows.
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED: feed parsing: {missing} (pip install feedparser)");
    None
}

#[tokio::test]
async fn language_feeds_parse_cleanly_in_atom_and_rss() {
    let site = TestSite::sqlite().await;
    for (path, content_type, version) in
        [("/en/feed.atom", "application/atom+xml", "atom10"), ("/en/feed.rss", "application/rss+xml", "rss20")]
    {
        let response = site.get_with(path, &[("host", "tj.example.org")]).await;
        assert_eq!(response.status, StatusCode::OK, "{path}");
        assert!(response.header("content-type").starts_with(content_type));
        let Some(feed) = feedparser(&response.body) else { continue };
        assert_eq!(feed["bozo"], false, "{path}: {}", feed["problem"]);
        assert_eq!(feed["version"], version);
        assert_eq!(feed["language"], "en");
        let entries = feed["entries"].as_array().expect("entries");
        assert_eq!(entries.len(), 19, "{path}: every English demo item (fewer than 20)");
        assert!(entries.iter().all(|e| e["published"] == true
            && e["link"].as_str().is_some_and(|l| l.starts_with("http://tj.example.org/en/"))));
        let op_ed = entries
            .iter()
            .find(|e| e["title"] == "Remittances keep families afloat. They could also build the future")
            .expect("op-ed");
        assert_eq!(op_ed["author"], "Nodira Karimova, Chief of Mission");
        assert!(op_ed["summary"].as_str().is_some_and(|s| s.contains("Money sent home")));
        assert!(
            op_ed["content"].as_str().is_some_and(|c| c.contains("Walk through any market")),
            "the demo's feeds carry full text"
        );
        assert!(
            op_ed["enclosures"][0].as_str().is_some_and(|href| href.starts_with("http://tj.example.org/media/demo/"))
        );
    }
}

#[tokio::test]
async fn category_feeds_carry_the_category_and_its_subcategories() {
    for site in TestSite::all().await {
        let response = site.get("/en/news/feed.atom").await;
        assert_eq!(response.status, StatusCode::OK, "{}", site.backend);
        let russian = site.get("/ru/novosti/feed.rss").await;
        assert_eq!(russian.status, StatusCode::OK);
        if let Some(feed) = feedparser(&response.body) {
            assert_eq!(feed["bozo"], false, "{}", feed["problem"]);
            let links: Vec<&str> =
                feed["entries"].as_array().expect("entries").iter().filter_map(|e| e["link"].as_str()).collect();
            assert!(links.iter().all(|l| l.contains("/en/news/")), "{links:?}");
            assert!(links.iter().any(|l| l.contains("/en/news/press-releases/")), "subcategory items included");
        }
        if let Some(feed) = feedparser(&russian.body) {
            assert_eq!(feed["bozo"], false, "{}", feed["problem"]);
            assert_eq!(feed["language"], "ru");
        }
    }
}

#[tokio::test]
async fn feeds_of_unknown_places_are_404() {
    let site = TestSite::sqlite().await;
    for path in ["/xx/feed.atom", "/en/no-such-category/feed.rss", "/en/news/feed.json"] {
        assert_eq!(site.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
}
