//! The JSON API as a client meets it: every route documented in the
//! OpenAPI document, cursor paging, ETags, JSON errors for every mistake,
//! and token-scoped writes that follow the admin's permissions.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use pamir_domain::Role;
use serde_json::{Value, json};
use support::{Response, TestSite};

fn body(response: &Response) -> Value {
    serde_json::from_str(&response.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", response.body))
}

async fn call(site: &TestSite, method: &str, path: &str, token: Option<&str>, json_body: Option<String>) -> Response {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let request = match json_body {
        Some(text) => request.header(header::CONTENT_TYPE, "application/json").body(Body::from(text)),
        None => request.body(Body::empty()),
    };
    site.request(request.expect("request")).await
}

async fn token_for(site: &TestSite, role: Role) -> String {
    let email = support::admin::add_user(site, role, &format!("api-{}", role.as_str())).await;
    pamir_core::tokens::create(&site.core, &email, "tests").await.expect("token").1
}

fn assert_problem(response: &Response, status: StatusCode, contains: &str) {
    assert_eq!(response.status, status, "{}", response.body);
    assert_eq!(response.header("content-type"), "application/problem+json");
    let problem = body(response);
    assert_eq!(problem["status"], status.as_u16());
    assert!(problem["type"].as_str().unwrap_or("").starts_with("/api/v1/problems/"), "{problem}");
    let message = problem["detail"].as_str().unwrap_or("");
    assert!(message.contains(contains), "{message:?} should say {contains:?}");
}

#[tokio::test]
async fn every_route_is_in_the_openapi_document_and_answers() {
    let site = TestSite::sqlite().await;
    let doc = body(&site.get("/api/v1/openapi.json").await);
    assert_eq!(doc["openapi"].as_str().map(|v| v.starts_with("3.")), Some(true));
    for (path, methods) in pamir_web::api::ENDPOINTS {
        for method in *methods {
            assert!(doc["paths"][path][method].is_object(), "{method} {path} is not documented");
            let concrete = path.replace("{id}", "1");
            let response = call(&site, &method.to_uppercase(), &concrete, None, None).await;
            // A handler may say its item 1 is not there; the router's fallback says the address is not.
            let unrouted = match response.status {
                StatusCode::METHOD_NOT_ALLOWED => true,
                StatusCode::NOT_FOUND => body(&response)["detail"] == "no such API address; see /api/v1/openapi.json",
                _ => false,
            };
            assert!(!unrouted, "{method} {path} is not routed: {} {}", response.status, response.body);
        }
    }
    let documented: usize = doc["paths"]
        .as_object()
        .map(|paths| paths.values().map(|p| p.as_object().map_or(0, |m| m.len())).sum())
        .unwrap_or(0);
    let listed: usize = pamir_web::api::ENDPOINTS.iter().map(|(_, methods)| methods.len()).sum();
    assert_eq!(documented, listed, "the document has exactly the listed operations");
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

#[tokio::test]
async fn items_are_paged_with_cursors_and_cacheable() {
    for site in TestSite::all().await {
        let mut seen = Vec::new();
        let mut path = "/api/v1/items?lang=en&limit=5".to_owned();
        loop {
            let page = site.get(&path).await;
            assert_eq!(page.status, StatusCode::OK, "{}: {}", site.backend, page.body);
            let json = body(&page);
            let items = json["items"].as_array().expect("items");
            assert!(items.len() <= 5);
            seen.extend(items.iter().map(|i| i["id"].as_i64().expect("id")));
            match json["next_cursor"].as_str() {
                Some(cursor) => path = format!("/api/v1/items?lang=en&limit=5&cursor={cursor}"),
                None => break,
            }
        }
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), seen.len(), "no item twice");
        assert_eq!(seen.len(), 19, "{}: every visible English item of the demo", site.backend);

        let first = site.get("/api/v1/items?lang=en").await;
        let etag = first.header("etag").to_owned();
        assert!(etag.starts_with("W/\""), "{etag}");
        assert!(first.header("cache-control").contains("max-age=60"));
        let again = site.get_with("/api/v1/items?lang=en", &[("if-none-match", &etag)]).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED);

        let events = body(&site.get("/api/v1/items?lang=en&kind=event").await);
        let events = events["items"].as_array().expect("items");
        assert_eq!(events.len(), 3, "{}: the demo's English events", site.backend);
        assert!(events.iter().all(|i| i["kind"] == "event"));
    }
}

#[tokio::test]
async fn reads_refuse_bad_input_in_json() {
    let site = TestSite::sqlite().await;
    assert_problem(
        &site.get("/api/v1/items?limit=0").await,
        StatusCode::BAD_REQUEST,
        "limit must be between 1 and 100",
    );
    assert_problem(&site.get("/api/v1/items?limit=100000").await, StatusCode::BAD_REQUEST, "limit");
    assert_problem(&site.get("/api/v1/items?cursor=abc").await, StatusCode::BAD_REQUEST, "cursor");
    assert_problem(&site.get("/api/v1/items?lang=xx").await, StatusCode::NOT_FOUND, "no language");
    assert_problem(&site.get("/api/v1/items?category=999999").await, StatusCode::NOT_FOUND, "no category 999999");
    assert_problem(&site.get("/api/v1/items?tag=0").await, StatusCode::BAD_REQUEST, "positive");
    assert_eq!(site.get("/api/v1/items?kind=&cursor=").await.status, StatusCode::OK, "empty filters are no filters");
    // Every error is documented, as the problem document it is.
    let doc = body(&site.get("/api/v1/openapi.json").await);
    for (path, method, status) in
        [("/api/v1/items/{id}", "get", "404"), ("/api/v1/items", "post", "422"), ("/api/v1/items", "get", "414")]
    {
        let content = &doc["paths"][path][method]["responses"][status]["content"];
        assert!(content["application/problem+json"].is_object(), "{method} {path} {status}: {content}");
    }
    assert_problem(&site.get("/api/v1/items?kind=poem").await, StatusCode::BAD_REQUEST, "unknown kind");
    assert_problem(&site.get("/api/v1/items/999999").await, StatusCode::NOT_FOUND, "item 999999 not found");
    assert_problem(&site.get("/api/v1/items/abc").await, StatusCode::BAD_REQUEST, "Cannot parse `abc` to a `i64`");
    assert_problem(&site.get("/api/v1/nothing-here").await, StatusCode::NOT_FOUND, "openapi.json");
    assert_problem(&site.get("/api/v1/settings").await, StatusCode::NOT_FOUND, "no such API address");
    let delete = call(&site, "DELETE", "/api/v1/items", None, None).await;
    assert_problem(&delete, StatusCode::METHOD_NOT_ALLOWED, "method");
}

#[tokio::test]
async fn an_item_comes_with_its_translations_both_ways() {
    let site = TestSite::sqlite().await;
    let list = body(&site.get("/api/v1/items?lang=en&kind=op-ed").await);
    let translated = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["title"].as_str().is_some_and(|t| t.starts_with("Remittances keep families afloat")));
    let id = translated.expect("the demo's translated op-ed")["id"].as_i64().expect("id");
    let item = body(&site.get(&format!("/api/v1/items/{id}")).await);
    let translations = item["translations"].as_array().expect("translations");
    assert!(!translations.is_empty(), "the demo's op-ed is translated");
    for translation in translations {
        let other = body(&site.get(&format!("/api/v1/items/{}", translation["id"])).await);
        let back: Vec<i64> =
            other["translations"].as_array().expect("translations").iter().filter_map(|t| t["id"].as_i64()).collect();
        assert!(back.contains(&id), "{} points back to {id}", translation["lang"]);
    }
    assert!(item["body_html"].as_str().is_some_and(|html| html.contains("<p>")));
    let tags = body(&site.get("/api/v1/tags?lang=ru").await);
    assert!(tags.as_array().is_some_and(|t| !t.is_empty()));
    let categories = body(&site.get("/api/v1/categories?lang=tg").await);
    let categories = categories.as_array().expect("categories");
    assert_eq!(categories.len(), 7, "the demo's categories: {categories:?}");
    assert!(categories.iter().all(|c| c["url"].as_str().is_some_and(|u| u.starts_with("/tg/"))), "{categories:?}");
}

#[tokio::test]
async fn writes_need_a_token_and_follow_the_tokens_role() {
    for site in TestSite::all().await {
        let categories = body(&site.get("/api/v1/categories?lang=en").await);
        let news =
            categories.as_array().expect("list").iter().find(|c| c["slug"] == "news").expect("news")["id"].clone();
        let draft = json!({"lang": "en", "kind": "article", "category_id": news, "title": "Written through the API", "body_markdown": "Hello **API**."}).to_string();

        assert_problem(
            &call(&site, "POST", "/api/v1/items", None, Some(draft.clone())).await,
            StatusCode::UNAUTHORIZED,
            "Bearer",
        );
        assert_problem(
            &call(&site, "POST", "/api/v1/items", Some("pamir_0000"), Some(draft.clone())).await,
            StatusCode::UNAUTHORIZED,
            "unknown",
        );

        let author = token_for(&site, Role::Author).await;
        let created = call(&site, "POST", "/api/v1/items", Some(&author), Some(draft.clone())).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}: {}", site.backend, created.body);
        let item = body(&created);
        assert_eq!(item["state"], "draft");
        assert!(item["url"].is_null(), "a draft has no public page");
        let id = item["id"].as_i64().expect("id");
        let publish = call(
            &site,
            "POST",
            &format!("/api/v1/items/{id}/publish"),
            Some(&author),
            Some(json!({"version": 1}).to_string()),
        )
        .await;
        assert_problem(&publish, StatusCode::FORBIDDEN, "may not");

        let editor = token_for(&site, Role::Editor).await;
        let published = call(
            &site,
            "POST",
            &format!("/api/v1/items/{id}/publish"),
            Some(&editor),
            Some(json!({"version": 1}).to_string()),
        )
        .await;
        assert_eq!(published.status, StatusCode::OK, "{}", published.body);
        let url = body(&published)["url"].as_str().expect("now public").to_owned();
        assert_eq!(site.get(&url).await.status, StatusCode::OK);

        let stale = json!({"kind": "article", "category_id": news, "title": "Stale edit", "version": 1}).to_string();
        assert_problem(
            &call(&site, "PUT", &format!("/api/v1/items/{id}"), Some(&editor), Some(stale)).await,
            StatusCode::CONFLICT,
            "version 2",
        );
        let fresh = json!({"kind": "article", "category_id": news, "title": "Written and edited through the API", "version": 2}).to_string();
        let updated = call(&site, "PUT", &format!("/api/v1/items/{id}"), Some(&editor), Some(fresh)).await;
        assert_eq!(updated.status, StatusCode::OK, "{}", updated.body);
        assert_eq!(body(&updated)["version"], 3);

        let revoked_id = pamir_db::tokens::list(
            site.db(),
            pamir_db::users::find_by_email(site.db(), "api-editor@example.org")
                .await
                .expect("db")
                .expect("user")
                .user
                .id,
        )
        .await
        .expect("tokens")[0]
            .id;
        pamir_core::tokens::revoke(&site.core, revoked_id).await.expect("revoked");
        assert_problem(
            &call(&site, "POST", "/api/v1/items", Some(&editor), Some(draft)).await,
            StatusCode::UNAUTHORIZED,
            "revoked",
        );
    }
}

#[tokio::test]
async fn bad_bodies_are_refused_with_the_reason() {
    let site = TestSite::sqlite().await;
    let editor = token_for(&site, Role::Editor).await;
    let cases = [
        ("{not json", StatusCode::BAD_REQUEST, "not valid JSON"),
        (
            r#"{"kind": "article", "category_id": 1, "title": "x", "colour": "red"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown field `colour`",
        ),
        (r#"{"kind": "article", "category_id": "one", "title": "x"}"#, StatusCode::UNPROCESSABLE_ENTITY, "category_id"),
        (r#"{"kind": "poem", "category_id": 1, "title": "x"}"#, StatusCode::UNPROCESSABLE_ENTITY, "unknown kind"),
        (
            r#"{"kind": "article", "category_id": 1, "title": "x", "publish_up": "tomorrow"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "RFC 3339",
        ),
        (
            r#"{"kind": "article", "category_id": 1, "title": ""}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "The title is empty.",
        ),
        (
            r#"{"kind": "article", "category_id": 999999, "title": "x"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "Choose one of the site's categories.",
        ),
    ];
    for (text, status, reason) in cases {
        let response = call(&site, "POST", "/api/v1/items", Some(&editor), Some(text.to_owned())).await;
        assert_problem(&response, status, reason);
    }
    let huge = json!({"kind": "article", "category_id": 1, "title": "x", "body_markdown": "a".repeat(3 * 1024 * 1024)})
        .to_string();
    assert_problem(
        &call(&site, "POST", "/api/v1/items", Some(&editor), Some(huge)).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "larger",
    );
    let plain = Request::post("/api/v1/items")
        .header(header::AUTHORIZATION, format!("Bearer {editor}"))
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("{}"))
        .expect("request");
    assert_problem(&site.request(plain).await, StatusCode::UNSUPPORTED_MEDIA_TYPE, "application/json");
}

#[tokio::test]
async fn media_uploads_and_search_through_the_api() {
    let site = TestSite::sqlite().await;
    let editor = token_for(&site, Role::Editor).await;
    let image = image::RgbImage::from_fn(1000, 600, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 10]));
    let mut png = std::io::Cursor::new(Vec::new());
    image.write_to(&mut png, image::ImageFormat::Png).expect("png");
    let upload = |bytes: Vec<u8>, query: &str| {
        let request = Request::post(format!("/api/v1/media?{query}"))
            .header(header::AUTHORIZATION, format!("Bearer {editor}"))
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .body(Body::from(bytes))
            .expect("request");
        site.request(request)
    };
    let created = upload(png.into_inner(), "name=river.png&alt_en=The+Vakhsh+river&credit=NAMD").await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let media = body(&created);
    assert_eq!(media["alt"], "The Vakhsh river");
    assert!(media["variants"].as_array().is_some_and(|v| v.iter().any(|v| v["width"] == 480)));
    let fetched = body(&site.get(&format!("/api/v1/media/{}", media["id"])).await);
    assert_eq!(fetched["url"], media["url"]);
    assert_problem(
        &upload(b"<svg></svg>".to_vec(), "alt_en=x").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "SVG file does not say how large it is",
    );

    let results = body(&site.get("/api/v1/search?lang=en&q=remittances&limit=2").await);
    assert!(results["total"].as_u64().is_some_and(|t| t >= 3), "{results}");
    assert_eq!(results["items"].as_array().map(Vec::len), Some(2));
    assert!(results["items"][0]["snippet_html"].as_str().is_some_and(|s| s.contains("<mark>")));
    let cursor = results["next_cursor"].as_str().expect("more");
    let next = body(&site.get(&format!("/api/v1/search?lang=en&q=remittances&limit=2&cursor={cursor}")).await);
    assert_ne!(next["items"][0]["item"]["id"], results["items"][0]["item"]["id"]);
}

#[tokio::test]
async fn a_facts_items_key_figure_is_written_read_and_shown_large() {
    for site in TestSite::all().await {
        let categories = body(&site.get("/api/v1/categories?lang=en").await);
        let facts = categories
            .as_array()
            .expect("list")
            .iter()
            .find(|c| c["slug"] == "facts-and-figures")
            .expect("facts")["id"]
            .clone();
        let editor = token_for(&site, Role::Editor).await;
        let figure = json!({"value": "1,150", "label": "returnees interviewed"});
        let new = json!({"lang": "en", "kind": "facts", "category_id": facts, "title": "Returnees in numbers", "key_figure": figure})
            .to_string();
        let created = call(&site, "POST", "/api/v1/items", Some(&editor), Some(new)).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}: {}", site.backend, created.body);
        assert_eq!(body(&created)["key_figure"], figure, "as created: {}", created.body);
        let id = body(&created)["id"].as_i64().expect("id");
        let publish = call(
            &site,
            "POST",
            &format!("/api/v1/items/{id}/publish"),
            Some(&editor),
            Some(json!({"version": 1}).to_string()),
        )
        .await;
        assert_eq!(publish.status, StatusCode::OK, "{}", publish.body);
        let read = body(&site.get(&format!("/api/v1/items/{id}")).await);
        assert_eq!(read["key_figure"], figure, "read back from the database ({})", site.backend);
        let page = site.get("/en/facts-and-figures/returnees-in-numbers").await;
        assert!(
            page.body.contains("<p class=\"key-figure\"><span class=\"key-figure-value\">1,150</span> <span class=\"key-figure-label\">returnees interviewed</span></p>"),
            "{}",
            page.body
        );

        let label_alone = json!({"lang": "en", "kind": "facts", "category_id": facts, "title": "No number", "key_figure": {"value": " ", "label": "people"}}).to_string();
        assert_problem(
            &call(&site, "POST", "/api/v1/items", Some(&editor), Some(label_alone)).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "The key figure needs a number",
        );
    }
}
