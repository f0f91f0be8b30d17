//! Hostile input through every field a writer reaches: each payload below
//! (script and markup injection, `javascript:` and `data:` addresses,
//! template expressions, path traversal, SQL metacharacters, CRLF, NUL,
//! overlong UTF-8 as text, right-to-left overrides, homoglyphs, an
//! oversized value) is sent through every text field of an item written
//! with the API, category and tag names, the contact form and search.
//! Every page, feed and API answer that shows it is parsed as a browser
//! would (html5ever) and must hold no script, event handler or
//! `javascript:`/`data:` address pamir did not write itself, no evaluated
//! template, no split header and no 500. A failure names the field and the
//! payload.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use pamir_domain::{Lang, Role};
use serde_json::{Value, json};
use support::admin::signed_in;
use support::{Response, TestSite};

/// `{{7*191}}` is 1337 if a template evaluates it; no page has that number otherwise.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<svg onload=alert(1)>",
    "\"><img src=x onerror=alert(1)>",
    "'><a href=javascript:alert(1)>x</a>",
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "JaVaScRiPt:alert(1)",
    "{{7*191}} {% raw %}${7*191}",
    "../../etc/passwd",
    "'; DROP TABLE items; --",
    "\" OR 1=1 --",
    "line\r\nX-Injected: yes",
    "nul\u{0}byte",
    "\u{c0}\u{af} overlong as text",
    "\u{202e}txt.exe",
    "Рaypal — Cyrillic Р in a Latin word",
    "<iframe src=//evil.example></iframe>",
    "<a href=\"&#106;avascript:alert(1)\">entity</a>",
    "[x](javascript:alert(1)) ![y](data:image/svg+xml,<svg onload=alert(1)>)",
];

fn oversized() -> String {
    "Душанбе ".repeat(40_000)
}

/// What a browser would find active in `html` that pamir did not write:
/// script elements other than the site's own files, event handlers,
/// `javascript:`/`data:` addresses, frames.
fn active_markup(html: &str) -> Vec<String> {
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
            // pamir's own empty icon (`<link rel="icon" href="data:,">`) saves a request.
            let own_icon = tag == "link" && value == "data:,";
            if address && !own_icon && (value.starts_with("javascript:") || value.starts_with("data:")) {
                found.push(format!("<{tag} {key}={value:?}>"));
            }
        }
    }
    for child in node.children.borrow().iter() {
        walk(child, found);
    }
}

/// The checks every answer passes, with what was sent where.
fn check(response: &Response, what: &str, problems: &mut Vec<String>) {
    if response.status.is_server_error() {
        problems.push(format!("{what}: {}", response.status));
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

async fn api(site: &TestSite, method: &str, path: &str, token: &str, body: Value) -> Response {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .expect("request");
    site.request(request).await
}

/// An item with `payload` in the one field `field`, the rest plain.
fn item_with(field: &str, payload: &str, category: i64, n: usize) -> Value {
    let mut item = json!({
        "lang": "en", "kind": "event", "category_id": category, "title": format!("Plain title {n}"),
        "teaser_markdown": "Plain teaser.", "body_markdown": "Plain body.", "state": "published",
        "event": {"starts_at": "2026-12-20T10:00:00+05:00", "venue": "Dushanbe"},
    });
    match field {
        "venue" | "registration_url" => item["event"][field] = json!(payload),
        "source_title" | "source_publisher" | "source_url" => {
            item["kind"] = json!("facts");
            item["event"] = Value::Null;
            item["source"] = json!({"title": "A report"});
            item["source"][field.trim_start_matches("source_")] = json!(payload);
        }
        other => item[other] = json!(payload),
    }
    item
}

const ITEM_FIELDS: &[&str] = &[
    "title",
    "slug",
    "teaser_markdown",
    "body_markdown",
    "byline",
    "dateline",
    "venue",
    "registration_url",
    "source_title",
    "source_publisher",
    "source_url",
];

#[tokio::test]
async fn hostile_input_through_every_field_never_becomes_active_markup() {
    let site = TestSite::sqlite().await;
    let email = support::admin::add_user(&site, Role::Editor, "hostile").await;
    let token = pamir_core::tokens::create(&site.core, &email, "hostile").await.expect("token").1;
    let editor = signed_in(&site, Role::Administrator).await;
    let en = Lang::parse("en").expect("en");
    let category = pamir_db::categories::list(site.db(), site.site, &en).await.expect("categories")[0].id;
    let mut payloads: Vec<String> = PAYLOADS.iter().map(|p| (*p).to_owned()).collect();
    payloads.push(oversized());
    let mut problems = Vec::new();
    let mut tried = 0;
    let mut n = 0;
    let mut stored = 0;

    // Items, through the API: every text field, every payload.
    for field in ITEM_FIELDS {
        for payload in &payloads {
            n += 1;
            tried += 1;
            let what = format!("item {field} = {:?}", payload.chars().take(40).collect::<String>());
            let created = api(&site, "POST", "/api/v1/items", &token, item_with(field, payload, category, n)).await;
            check(&created, &what, &mut problems);
            if created.status != StatusCode::CREATED {
                // Refused, with a reason: nothing stored, nothing to show.
                assert!(created.status.is_client_error(), "{what}: {}", created.status);
                continue;
            }
            stored += 1;
            let item: Value = serde_json::from_str(&created.body).expect("JSON");
            let id = item["id"].as_i64().expect("id");
            let mut answers = vec![
                site.get(&format!("/api/v1/items/{id}")).await,
                editor.get(&format!("/admin/items/{id}")).await,
                editor.get(&format!("/admin/items/{id}/preview")).await,
            ];
            if let Some(url) = item["url"].as_str() {
                answers.push(site.get(url).await);
            }
            for answer in &answers {
                check(answer, &what, &mut problems);
            }
        }
    }
    // Where every item shows: listings, feeds, the calendar, the sitemap, the admin's list.
    for path in ["/en/", "/en/feed.atom", "/en/feed.rss", "/en/events.ics", "/sitemap.xml", "/api/v1/items"] {
        check(&site.get(path).await, &format!("{path} after every item"), &mut problems);
    }
    check(&editor.get("/admin/items").await, "/admin/items after every item", &mut problems);

    // Category and tag names, in the admin.
    for payload in &payloads {
        tried += 2;
        let what = format!("category name {:?}", payload.chars().take(40).collect::<String>());
        let added = editor.post("/admin/categories", &[("name_en", payload), ("slug_en", "")]).await;
        check(&added, &what, &mut problems);
        let what = format!("tag name {:?}", payload.chars().take(40).collect::<String>());
        let added = editor.post("/admin/tags", &[("name_en", payload)]).await;
        check(&added, &what, &mut problems);
    }
    for path in ["/admin/categories", "/admin/tags", "/en/"] {
        check(&editor.get(path).await, &format!("{path} after every name"), &mut problems);
    }

    // Search and the contact form, as any reader.
    for payload in &payloads {
        tried += 2;
        // An address has a length limit of its own (414 before any handler): a long query is cut.
        let short: String = payload.chars().take(300).collect();
        let query = percent_encoding::utf8_percent_encode(&short, percent_encoding::NON_ALPHANUMERIC).to_string();
        let what = format!("search {:?}", payload.chars().take(40).collect::<String>());
        check(&site.get(&format!("/en/search?q={query}")).await, &what, &mut problems);
        check(&site.get(&format!("/api/v1/search?q={query}")).await, &what, &mut problems);
        let what = format!("contact form {:?}", payload.chars().take(40).collect::<String>());
        let form =
            [("name", payload.as_str()), ("email", payload.as_str()), ("subject", payload), ("message", payload)];
        check(&site.post_form("/en/contact", &form, "198.51.100.7").await, &what, &mut problems);
    }
    eprintln!(
        "hostile input: {} payloads, {tried} field writes ({stored} items stored, the rest refused), every answer parsed",
        payloads.len()
    );
    assert!(stored * 2 > ITEM_FIELDS.len() * payloads.len(), "most items are stored, so their pages are checked");
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}
