//! Hostile input through every field a writer reaches: each payload of the
//! corpus in `support/hostile.rs` (script and markup injection, `javascript:` and `data:` addresses,
//! template expressions, path traversal, SQL metacharacters, CRLF, NUL,
//! overlong UTF-8 as text, right-to-left overrides, homoglyphs, an
//! oversized value) is sent through every text field of an item written
//! with the API, category and tag names, the contact form and search (the
//! admin's forms, uploads, query strings and import files are in
//! `hostile_input_elsewhere.rs`).
//! Every page, feed and API answer that shows it is parsed as a browser
//! would (html5ever) and must hold no script, event handler or
//! `javascript:`/`data:` address pamir did not write itself, no evaluated
//! template, no split header and no 500. A failure names the field and the
//! payload.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

#[path = "support/hostile.rs"]
mod hostile;
mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use hostile::{check, payloads, short};
use pamir_domain::{Lang, Role};
use serde_json::{Value, json};
use support::admin::signed_in;
use support::{Response, TestSite};

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
    let payloads = payloads();
    let mut problems = Vec::new();
    let mut tried = 0;
    let mut n = 0;
    let mut stored = 0;

    // Items, through the API: every text field, every payload.
    for field in ITEM_FIELDS {
        for payload in &payloads {
            n += 1;
            tried += 1;
            let what = format!("item {field} = {:?}", short(payload));
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
        let what = format!("category name {:?}", short(payload));
        let added = editor.post("/admin/categories", &[("name_en", payload), ("slug_en", "")]).await;
        check(&added, &what, &mut problems);
        let what = format!("tag name {:?}", short(payload));
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
        let cut: String = payload.chars().take(300).collect();
        let query = percent_encoding::utf8_percent_encode(&cut, percent_encoding::NON_ALPHANUMERIC).to_string();
        let what = format!("search {:?}", short(payload));
        check(&site.get(&format!("/en/search?q={query}")).await, &what, &mut problems);
        check(&site.get(&format!("/api/v1/search?q={query}")).await, &what, &mut problems);
        let what = format!("contact form {:?}", short(payload));
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
