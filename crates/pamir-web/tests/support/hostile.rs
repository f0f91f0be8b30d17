//! The hostile-input corpus and the checks every answer to it passes:
//! shared by the tests that send it through each kind of input.

use crate::support::Response;
use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use serde_json::Value;

/// The corpus, shared with the browser tests (which paste it into the
/// editor): `tests/fixtures/hostile-inputs.json`. `{{7*191}}` is 1337 if a
/// template evaluates it; no page has that number otherwise.
const CORPUS: &str = include_str!("../../../../tests/fixtures/hostile-inputs.json");

/// Every payload, the oversized one last.
pub fn payloads() -> Vec<String> {
    let mut payloads: Vec<String> =
        serde_json::from_str(CORPUS).expect("tests/fixtures/hostile-inputs.json is a list of strings");
    payloads.push(oversized());
    payloads
}

/// A payload as a failure names it: its first 40 characters.
pub fn short(payload: &str) -> String {
    payload.chars().take(40).collect()
}

fn oversized() -> String {
    "Душанбе ".repeat(40_000)
}

/// What a browser would find active in `html` that pamir did not write:
/// script elements other than the site's own files, event handlers,
/// `javascript:`/`data:` addresses, frames.
pub fn active_markup(html: &str) -> Vec<String> {
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).from_utf8().one(html.as_bytes());
    let mut found = Vec::new();
    walk(&dom.document, &mut found);
    found
}

fn walk(node: &Handle, found: &mut Vec<String>) {
    if let NodeData::Element { name, attrs, .. } = &node.data {
        let tag = name.local.to_string();
        let attrs = attrs.borrow();
        let value_of = |key: &str| attrs.iter().find(|a| &*a.name.local == key).map(|a| a.value.to_string());
        // pamir's own: its scripts from /assets/, and its structured data
        // (JSON-LD, not run), whose text a payload cannot end early
        // without making a script element of its own, which this catches.
        let own_script = value_of("src").is_some_and(|src| src.starts_with("/assets/"))
            || value_of("type").is_some_and(|kind| kind == "application/ld+json");
        if tag == "script" && !own_script {
            found.push(format!("<script> {:?}", value_of("src")));
        }
        if matches!(tag.as_str(), "iframe" | "object" | "embed" | "frame") {
            found.push(format!("<{tag}>"));
        }
        for attribute in attrs.iter() {
            let key = attribute.name.local.to_string();
            let value = attribute.value.trim().to_ascii_lowercase();
            if key.starts_with("on") {
                found.push(format!("<{tag} {key}=…>"));
            }
            let address = matches!(key.as_str(), "href" | "src" | "action" | "formaction" | "poster" | "srcset");
            // pamir's own empty icon (`<link rel="icon" href="data:,">`) saves a request, and the
            // admin's MFA page draws its QR code inline (an image, which runs no script).
            let own_icon = tag == "link" && value == "data:,";
            let own_qr = tag == "img"
                && value_of("class").as_deref() == Some("qr")
                && value.starts_with("data:image/svg+xml;base64,");
            if address && !own_icon && !own_qr && (value.starts_with("javascript:") || value.starts_with("data:")) {
                found.push(format!("<{tag} {key}={value:?}>"));
            }
        }
    }
    for child in node.children.borrow().iter() {
        walk(child, found);
    }
}

/// The checks every answer passes, with what was sent where.
pub fn check(response: &Response, what: &str, problems: &mut Vec<String>) {
    if response.status.is_server_error() {
        let said: String = response.body.chars().take(200).collect();
        problems.push(format!("{what}: {} {said:?}", response.status));
    }
    if response.headers.contains_key("x-injected") {
        problems.push(format!("{what}: a header was split"));
    }
    if response.body.contains("1337") {
        problems.push(format!("{what}: a template expression was evaluated"));
    }
    let content_type = response.header("content-type");
    if content_type.starts_with("text/html") {
        for active in active_markup(&response.body) {
            let active: String = active.chars().take(120).collect();
            problems.push(format!("{what}: {active}"));
        }
    }
    if content_type.contains("json") {
        // The API hands text back as text; a client that shows it escapes it.
        if serde_json::from_str::<Value>(&response.body).is_err() {
            problems.push(format!("{what}: the answer is not JSON"));
        }
    }
    if content_type.contains("xml") {
        // A feed reader parses the feed as XML: it must stay well-formed.
        let mut reader = quick_xml::Reader::from_str(&response.body);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Err(error) => {
                    problems.push(format!("{what}: the feed is not XML: {error}"));
                    break;
                }
                _ => {}
            }
        }
    }
}
