//! HTTP behaviour: compression, validators, caching headers, security
//! headers, assets, health and metrics, theme overrides.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::http::StatusCode;
use support::TestSite;

#[tokio::test]
async fn pages_are_served_compressed_with_brotli_or_gzip() {
    let site = TestSite::sqlite().await;
    let plain = site.get("/en/").await;
    assert_eq!(plain.header("content-encoding"), "");
    let gzip = site.get_with("/en/", &[("accept-encoding", "gzip")]).await;
    assert_eq!(gzip.header("content-encoding"), "gzip");
    assert_eq!(gzip.body, plain.body, "gzip decodes to the same page");
    assert!(gzip.raw_len * 3 < plain.raw_len, "compressed to less than a third");
    let brotli = site.get_with("/en/", &[("accept-encoding", "gzip, deflate, br")]).await;
    assert_eq!(brotli.header("content-encoding"), "br");
    assert_eq!(brotli.body, plain.body);
    assert!(brotli.header("vary").contains("Accept-Encoding"));
    // Pages that are not cached (a form with errors) are compressed too.
    let form = site
        .request(
            axum::http::Request::post("/en/contact")
                .header("content-type", "application/x-www-form-urlencoded")
                .header("accept-encoding", "gzip")
                .body(axum::body::Body::from("name=&email=&message="))
                .expect("request"),
        )
        .await;
    assert_eq!(form.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(form.header("content-encoding"), "gzip");
}

#[tokio::test]
async fn etags_give_304_and_pages_carry_cache_control() {
    for site in TestSite::all().await {
        for path in ["/en/", "/en/op-eds/remittances-keep-families-afloat", "/en/news/", "/en/contact"] {
            let first = site.get(path).await;
            let etag = first.header("etag").to_owned();
            assert!(etag.starts_with("W/\""), "{path} has an ETag");
            assert_eq!(first.header("cache-control"), "public, max-age=60");
            let again = site.get_with(path, &[("if-none-match", &etag)]).await;
            assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{path}");
            assert!(again.body.is_empty());
            assert_eq!(again.header("etag"), etag);
            let other = site.get_with(path, &[("if-none-match", "W/\"something-else\"")]).await;
            assert_eq!(other.status, StatusCode::OK);
        }
    }
}

/// One address of every kind of page and file the site sends.
async fn every_kind_of_response(site: &TestSite) -> Vec<String> {
    let front = site.get("/en/").await;
    let item = front.body.split("class=\"card-title\"><a href=\"").nth(1).and_then(|rest| rest.split('"').next());
    let mut paths: Vec<String> = [
        "/en/",
        "/en/news/",
        "/en/search?q=water",
        "/en/contact",
        "/en/feed.atom",
        "/en/feed.rss",
        "/en/events.ics",
        "/sitemap.xml",
        "/robots.txt",
        "/en/missing",
        "/healthz",
        "/admin/login",
        "/admin/",
        "/api/v1/items",
        "/api/v1/openapi.json",
        "/api/v1/items/999999",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    paths.extend(item.map(str::to_owned));
    let asset = front.body.split("href=\"/assets/").nth(1).and_then(|rest| rest.split('"').next());
    paths.extend(asset.map(|file| format!("/assets/{file}")));
    let media = front.body.split("src=\"/media/").nth(1).and_then(|rest| rest.split('"').next());
    paths.extend(media.map(|file| format!("/media/{file}")));
    paths
}

#[tokio::test]
async fn security_headers_are_on_every_kind_of_response() {
    let site = TestSite::sqlite().await;
    let paths = every_kind_of_response(&site).await;
    assert!(paths.len() >= 18, "an item, an asset and a media file were found: {paths:?}");
    for path in &paths {
        let response = site.get(path).await;
        let csp = response.header("content-security-policy");
        assert!(csp.contains("frame-ancestors 'none'") || csp.contains("sandbox"), "{path}: {csp}");
        // Scripts: only the site's own files (or, for a file shown alone,
        // none at all); never inline or evaluated.
        let directive = |name: &str| csp.split(';').map(str::trim).find(|d| d.starts_with(name)).map(str::to_owned);
        let scripts = directive("script-src ").or_else(|| directive("default-src ")).unwrap_or_default();
        assert!(scripts == "script-src 'self'" || scripts == "default-src 'none'", "{path}: {csp}");
        assert_eq!(response.header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(response.header("referrer-policy"), "strict-origin-when-cross-origin", "{path}");
        assert!(response.header("permissions-policy").contains("camera=()"), "{path}");
        assert_eq!(response.header("x-frame-options"), "DENY", "{path}");
        assert_eq!(response.header("strict-transport-security"), "", "{path}: no HSTS over plain HTTP");
        let over_tls = site.get_with(path, &[("x-forwarded-proto", "https")]).await;
        assert!(
            over_tls.header("strict-transport-security").starts_with("max-age=63072000"),
            "{path}: HSTS behind an HTTPS proxy"
        );
    }
}

#[tokio::test]
async fn assets_are_fingerprinted_and_immutable() {
    let site = TestSite::sqlite().await;
    let page = site.get("/en/contact").await;
    for asset in ["site", "contact"] {
        let marker = format!("/assets/{asset}.");
        let start = page.body.find(&marker).expect("asset referenced");
        let url = page.body[start..].split('"').next().expect("url");
        let response = site.get_with(url, &[("accept-encoding", "br")]).await;
        assert_eq!(response.status, StatusCode::OK, "{url}");
        assert_eq!(response.header("cache-control"), "public, max-age=31536000, immutable");
        assert!(!response.body.is_empty());
    }
    assert_eq!(site.get("/assets/site.0000000000.css").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn media_files_are_served_with_their_recorded_type() {
    let site = TestSite::sqlite().await;
    let page = site.get("/en/").await;
    let start = page.body.find("/media/demo/").expect("an image");
    let url = page.body[start..].split('"').next().expect("url");
    let image = site.get(url).await;
    assert_eq!(image.status, StatusCode::OK);
    assert_eq!(image.header("content-type"), "image/svg+xml");
    assert!(image.body.starts_with("<svg") || image.body.starts_with("<?xml"));
    assert!(image.header("content-security-policy").contains("sandbox"), "a stand-alone SVG cannot run anything");
}

#[tokio::test]
async fn health_and_metrics() {
    for site in TestSite::all().await {
        let health = site.get("/healthz").await;
        assert_eq!(health.status, StatusCode::OK);
        assert!(health.body.contains("\"status\":\"ok\""));
        site.get("/en/").await;
        site.get("/en/").await;
        site.get("/en/nowhere").await;
        let metrics = site.get("/metrics").await;
        assert_eq!(metrics.status, StatusCode::OK);
        assert!(metrics.header("content-type").starts_with("text/plain"));
        let body = &metrics.body;
        assert!(body.contains("pamir_http_requests_total{route=\"/{lang}/\",status=\"2xx\"} 2"), "{body}");
        assert!(body.contains("pamir_http_requests_total{route=\"/{lang}/{*path}\",status=\"4xx\"} 1"), "{body}");
        assert!(body.contains("pamir_http_request_duration_seconds_bucket{route=\"/{lang}/\",le=\"+Inf\"} 2"));
        assert!(body.contains("pamir_page_cache_entries"));
    }
}

#[tokio::test]
async fn a_template_in_the_data_folder_overrides_the_built_in_theme() {
    let site = TestSite::sqlite_with(|data| {
        let folder = data.join("themes/templates");
        std::fs::create_dir_all(&folder).expect("folder");
        let template = "{% extends \"base.html\" %}{% block main %}<h1>Our own front page</h1>{% endblock %}";
        std::fs::write(folder.join("front.html"), template).expect("write");
    })
    .await;
    let page = site.get("/en/").await;
    assert!(page.body.contains("<h1>Our own front page</h1>"));
    assert!(page.body.contains("class=\"site-nav\""), "other templates stay built in");
}

#[tokio::test]
async fn a_broken_override_template_stops_start_with_a_clear_message() {
    let data = tempfile::tempdir().expect("dir");
    let folder = data.path().join("templates");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(folder.join("front.html"), "{% block main %}unclosed").expect("write");
    let error = pamir_web::theme::Theme::load(Some(data.path())).err().expect("refused");
    let message = error.to_string();
    assert!(message.contains("front.html"), "{message}");
}

#[tokio::test]
async fn a_flood_of_uncached_pages_waits_for_render_slots_while_cached_pages_and_the_admin_answer() {
    let site = TestSite::sqlite().await;
    assert_eq!(site.get("/en/").await.status, StatusCode::OK, "the front page, now cached");
    // Someone keeps every render slot busy.
    let slots = site.state.renders.available_permits() as u32;
    let held = site.state.renders.clone().acquire_many_owned(slots).await.expect("slots");
    for cached in ["/en/", "/en/?utm_source=x&random=81f3", "/en/?x=1"] {
        assert_eq!(site.get(cached).await.status, StatusCode::OK, "{cached}: from the cache, whatever else it asks");
    }
    assert_eq!(site.get("/admin/login").await.status, StatusCode::OK, "the admin never queues behind readers");
    assert_eq!(site.get("/healthz").await.status, StatusCode::OK);
    let busy = site.get("/en/search?q=roads").await;
    assert_eq!(busy.status, StatusCode::SERVICE_UNAVAILABLE, "an uncached page waits, then is told to come back");
    assert_eq!(busy.header("retry-after"), "5");
    drop(held);
    assert_eq!(site.get("/en/search?q=roads").await.status, StatusCode::OK, "and renders once a slot is free");
}

#[tokio::test]
async fn only_canonical_addresses_fill_the_page_cache() {
    let site = TestSite::sqlite().await;
    site.state.cache.invalidate_all();
    for variant in ["/en/?page=01", "/en/%6Eews/", "/en/op-eds/remittances-keep-families-afloat?page=7"] {
        let response = site.get(variant).await;
        assert_eq!(response.status, StatusCode::OK, "{variant} still answers");
    }
    assert_eq!(site.state.cache.len(), 0, "variants of an address are not stored");
    site.get("/en/").await;
    site.get("/en/?page=2").await;
    site.get("/en/?utm_source=newsletter").await;
    assert_eq!(site.state.cache.len(), 2, "canonical pages are, and other parameters share their entry");
}

#[tokio::test]
async fn headings_in_an_item_body_never_compete_with_its_title() {
    let site = TestSite::sqlite().await;
    let en = pamir_domain::Lang::parse("en").expect("en");
    let news = pamir_db::categories::list(site.db(), site.site, &en).await.expect("categories");
    let news = news.iter().find(|c| c.slug == "news").expect("news").id;
    let mut input = pamir_core::items::ItemInput::article(site.site, en, news, "Headings");
    input.body_markdown = "# A big heading\n\n<h1>Raw HTML heading</h1>\n\nText.".into();
    pamir_core::items::create(&site.core, input).await.expect("created");
    let page = site.get("/en/news/headings").await;
    assert_eq!(page.body.matches("<h1").count(), 1, "only the title");
    assert!(page.body.contains("<h2>A big heading</h2>"));
}

#[tokio::test]
async fn a_failing_page_gets_a_themed_500_that_is_never_cached() {
    // A theme override that breaks at render time (a variable no page has).
    let site = TestSite::sqlite_with(|data| {
        let folder = data.join("themes/templates");
        std::fs::create_dir_all(&folder).expect("folder");
        std::fs::write(
            folder.join("item.html"),
            "{% extends \"base.html\" %}{% block main %}{{ no_such_value.field }}{% endblock %}",
        )
        .expect("write");
    })
    .await;
    let page = site.get("/en/op-eds/").await;
    assert_eq!(page.status, StatusCode::OK, "other pages are unaffected");
    let english = site.get("/en/op-eds/remittances-keep-families-afloat").await;
    assert_eq!(english.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(english.body.contains("<h1>Something went wrong</h1>"), "{}", english.body);
    assert!(english.body.contains("class=\"site-nav\""), "with the site around it");
    assert_eq!(english.header("cache-control"), "no-store");
    let again = site.get("/en/op-eds/remittances-keep-families-afloat").await;
    assert_eq!(again.status, StatusCode::INTERNAL_SERVER_ERROR, "errors are never cached");
}
