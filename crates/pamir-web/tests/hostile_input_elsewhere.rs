//! The hostile-input corpus (`support/hostile.rs`) through the inputs that
//! `hostile_input.rs` does not reach: every text field of the admin's item
//! form for each kind, the site settings, user names and addresses, uploaded
//! files' names and words (admin and API), the query string of every route,
//! and WordPress and Joomla import files. Each answer, and each page that
//! then shows what was written, passes the same checks: no script, event
//! handler or `javascript:`/`data:` address that pamir did not write, no
//! evaluated template, no split header, no 500. A failure names the input
//! and the payload.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

#[path = "support/hostile.rs"]
mod hostile;
mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use hostile::{check, payloads, short};
use pamir_domain::{Lang, Role};
use pamir_import::progress::Quiet;
use serde_json::Value;
use support::admin::{Browser, article_fields, form_fields_at, pairs, saved_item_id, signed_in};
use support::{Response, TestSite};

fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// The public page of item `id`, found through the API.
async fn public_page(site: &TestSite, id: i64) -> Option<Response> {
    let item: Value = serde_json::from_str(&site.get(&format!("/api/v1/items/{id}")).await.body).ok()?;
    let url = item["url"].as_str()?.to_owned();
    Some(site.get(&url).await)
}

/// An item's pages as the editor and the reader see them.
async fn check_item(site: &TestSite, editor: &Browser<'_>, id: i64, what: &str, problems: &mut Vec<String>) {
    for path in [format!("/admin/items/{id}"), format!("/admin/items/{id}/preview"), format!("/api/v1/items/{id}")] {
        check(&editor.get(&path).await, &format!("{what}, at {path}"), problems);
    }
    if let Some(page) = public_page(site, id).await {
        check(&page, &format!("{what}, on item {id}'s page"), problems);
    }
}

fn report(test: &str, tried: usize, problems: &[String]) {
    eprintln!("hostile input, {test}: {} payloads × inputs = {tried} writes, every answer parsed", payloads().len());
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// Fields a kind needs besides the article's, as (name, value).
type Needs = &'static [(&'static str, &'static str)];

/// (kind, field, fields the kind needs besides the article's).
const ITEM_FORM_FIELDS: &[(&str, &str, Needs)] = &[
    ("article", "title", &[]),
    ("article", "slug", &[]),
    ("article", "teaser", &[]),
    ("article", "body", &[]),
    ("article", "byline", &[]),
    ("article", "dateline", &[]),
    ("event", "event_venue", &[("event_starts_at", "2026-12-20T10:00")]),
    ("event", "event_registration_url", &[("event_starts_at", "2026-12-20T10:00")]),
    ("facts", "source_title", &[]),
    ("facts", "source_publisher", &[("source_title", "A report")]),
    ("facts", "source_url", &[("source_title", "A report")]),
];

#[tokio::test]
async fn hostile_input_through_the_admin_item_form_and_settings_never_becomes_active_markup() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Administrator).await;
    let mut problems = Vec::new();
    let mut tried = 0;

    for (kind, field, needs) in ITEM_FORM_FIELDS {
        for payload in payloads() {
            tried += 1;
            let what = format!("item form, {kind} {field} = {:?}", short(&payload));
            let mut fields = article_fields(&site, "A plain title").await;
            fields.retain(|(name, _)| name != "kind" && name != field);
            fields.push(("kind".into(), (*kind).into()));
            fields.extend(needs.iter().map(|(name, value)| ((*name).to_owned(), (*value).to_owned())));
            fields.push(((*field).into(), payload.clone()));
            fields.push(("action".into(), "publish".into()));
            let saved = editor.post("/admin/items/new", &pairs(&fields)).await;
            check(&saved, &what, &mut problems);
            match saved.status {
                StatusCode::SEE_OTHER => check_item(&site, &editor, saved_item_id(&saved), &what, &mut problems).await,
                // Refused, and the form shown again with what was typed in it.
                status => assert!(status.is_client_error(), "{what}: {status}"),
            }
        }
    }
    for path in ["/en/", "/en/feed.atom", "/en/events.ics", "/sitemap.xml", "/admin/items"] {
        check(&editor.get(path).await, &format!("{path} after every item form"), &mut problems);
    }

    // The site settings: every text field, each shown on the public pages.
    let original = form_fields_at(&editor.get("/admin/settings").await.body, "/admin/settings");
    for field in ["name_en", "tagline_en", "address_en", "hours_en", "email", "phones", "fax"] {
        for payload in payloads() {
            tried += 1;
            let what = format!("settings {field} = {:?}", short(&payload));
            let mut fields = original.clone();
            fields.retain(|(name, _)| name != "csrf" && name != field);
            fields.push((field.into(), payload.clone()));
            let saved = editor.post("/admin/settings", &pairs(&fields)).await;
            check(&saved, &what, &mut problems);
            for path in ["/en/", "/en/contact", "/en/feed.atom", "/admin/settings"] {
                check(&editor.get(path).await, &format!("{what}, at {path}"), &mut problems);
            }
        }
    }
    report("admin item form and settings", tried, &problems);
}

/// A small photograph, for uploads.
fn png() -> Vec<u8> {
    let image = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([(x * 4) as u8, (y * 5) as u8, 90]));
    let mut bytes = Vec::new();
    image.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).expect("png");
    bytes
}

#[tokio::test]
async fn hostile_input_through_user_names_and_uploads_never_becomes_active_markup() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Administrator).await;
    let email = support::admin::add_user(&site, Role::Editor, "uploader").await;
    let token = pamir_core::tokens::create(&site.core, &email, "uploads").await.expect("token").1;
    let photo = png();
    let mut problems = Vec::new();
    let mut tried = 0;

    for (n, payload) in payloads().iter().enumerate() {
        tried += 2;
        let what = format!("user name {:?}", short(payload));
        let address = format!("hostile-{n}@example.org");
        let added = editor.post("/admin/users", &[("email", &address), ("name", payload), ("role", "author")]).await;
        check(&added, &what, &mut problems);
        let what = format!("user address {:?}", short(payload));
        let added = editor.post("/admin/users", &[("email", payload), ("name", "A name"), ("role", "author")]).await;
        check(&added, &what, &mut problems);
    }
    for path in ["/admin/users", "/admin/audit"] {
        check(&editor.get(path).await, &format!("{path} after every user"), &mut problems);
    }

    for payload in payloads() {
        // A browser sends a file's name with quotes and line breaks escaped.
        let file_name = format!("{}.png", payload.replace('"', "%22").replace('\r', "%0D").replace('\n', "%0A"));
        let what = format!("admin upload, file name and words {:?}", short(&payload));
        tried += 1;
        let texts = [("alt_en", payload.as_str()), ("caption_en", &payload), ("credit", &payload)];
        check(&editor.upload(&texts, &file_name, &photo).await, &what, &mut problems);

        tried += 1;
        let what = format!("API upload, file name and words {:?}", short(&payload));
        // An address has a length limit of its own (414 before any handler).
        let words = encode(&payload.chars().take(300).collect::<String>());
        let path = format!("/api/v1/media?name={words}.png&alt_en={words}&caption_en={words}&credit={words}");
        let request = Request::post(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .body(Body::from(photo.clone()))
            .expect("request");
        let uploaded = site.request(request).await;
        check(&uploaded, &what, &mut problems);
        if uploaded.status == StatusCode::CREATED {
            let id = serde_json::from_str::<Value>(&uploaded.body).expect("JSON")["id"].as_i64().expect("id");
            check(&site.get(&format!("/api/v1/media/{id}")).await, &what, &mut problems);
        }
    }
    check(&editor.get("/admin/media").await, "/admin/media after every upload", &mut problems);
    report("user names and uploads", tried, &problems);
}

/// Every query parameter a page or endpoint reads, and some it does not.
const PARAMETERS: &[&str] = &[
    "q",
    "page",
    "kind",
    "lang",
    "tag",
    "category",
    "cursor",
    "state",
    "saved",
    "error",
    "a",
    "b",
    "from",
    "to",
    "author",
    "sort",
    "limit",
    "sent",
    "next",
    "utm_source",
];

/// Readers' pages, beside the routes of the admin and the API.
const PUBLIC_PATHS: &[&str] = &[
    "/",
    "/en",
    "/en/",
    "/ru/",
    "/en/news/",
    "/en/events.ics",
    "/en/feed.atom",
    "/en/feed.rss",
    "/en/contact",
    "/en/contact/thanks",
    "/en/search",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
];

#[tokio::test]
async fn hostile_query_strings_on_every_route_never_become_active_markup() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Administrator).await;
    let item: Value = serde_json::from_str(&site.get("/api/v1/items?lang=en").await.body).expect("JSON");
    let item_url = item["items"][0]["url"].as_str().expect("an item").to_owned();
    // Every GET route of the admin and the API, with the demo's first of each thing for {id}.
    let mut routes: Vec<(String, bool)> = pamir_web::admin::ROUTES
        .iter()
        .chain(pamir_web::api::ENDPOINTS)
        .filter(|(_, methods)| methods.contains(&"get"))
        .map(|(path, _)| (path.replace("{id}", "1").replace("{revision}", "1"), path.starts_with("/admin")))
        .collect();
    routes.extend(PUBLIC_PATHS.iter().map(|path| ((*path).to_owned(), false)));
    routes.push((item_url, false));
    let mut problems = Vec::new();
    let mut tried = 0;
    for (path, admin) in &routes {
        for payload in payloads() {
            tried += 1;
            let value = encode(&payload.chars().take(200).collect::<String>());
            let mut query: Vec<String> = PARAMETERS.iter().map(|name| format!("{name}={value}")).collect();
            query.push(format!("{value}=1"));
            let address = format!("{path}?{}", query.join("&"));
            let answer = if *admin { editor.get(&address).await } else { site.get(&address).await };
            check(&answer, &format!("query string of {path}: {:?}", short(&payload)), &mut problems);
        }
    }
    eprintln!("hostile query strings: {} routes", routes.len());
    report("query strings", tried, &problems);
}

/// Text as it stands in an XML element.
fn xml_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// An export whose posts each carry `payload` in one of their fields.
fn export_with(payload: &str, n: usize) -> String {
    let text = xml_text(payload);
    let posts = [
        ("title", format!("<title>{text}</title>")),
        ("content", format!("<content:encoded><![CDATA[<p>{payload}</p>]]></content:encoded>")),
        ("excerpt", format!("<excerpt:encoded><![CDATA[{payload}]]></excerpt:encoded>")),
        ("slug", format!("<wp:post_name>{text}</wp:post_name>")),
        ("category", format!("<category domain=\"category\" nicename=\"c{n}\"><![CDATA[{payload}]]></category>")),
        ("tag", format!("<category domain=\"post_tag\" nicename=\"t{n}\"><![CDATA[{payload}]]></category>")),
        ("author", format!("<dc:creator>{text}</dc:creator>")),
    ];
    let mut wxr = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old office</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example.org</wp:base_site_url><wp:base_blog_url>https://old.example.org</wp:base_blog_url>
"#,
    );
    for (k, (field, element)) in posts.iter().enumerate() {
        let id = n * 10 + k;
        let title = if *field == "title" { String::new() } else { format!("<title>Post {id}</title>") };
        let slug = if *field == "slug" { String::new() } else { format!("<wp:post_name>post-{id}</wp:post_name>") };
        wxr.push_str(&format!(
            "<item>{title}{slug}{element}<wp:post_id>{id}</wp:post_id><wp:post_date>2024-05-01 10:00:00</wp:post_date>\
             <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>\n"
        ));
    }
    wxr.push_str("</channel></rss>\n");
    wxr
}

/// What an import wrote, checked where editors and readers see it.
async fn check_imported(
    site: &TestSite,
    editor: &Browser<'_>,
    source: &str,
    kind: &str,
    what: &str,
    problems: &mut Vec<String>,
) -> usize {
    let imported = pamir_db::import_sources::known(site.db(), site.site, source, kind).await.expect("ledger");
    for id in imported.values() {
        check_item(site, editor, *id, what, problems).await;
    }
    imported.len()
}

#[tokio::test]
async fn hostile_import_files_never_become_active_markup() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Administrator).await;
    let en = Lang::parse("en").expect("en");
    let mut problems = Vec::new();
    let (mut tried, mut items) = (0, 0);

    for (n, payload) in payloads().iter().enumerate() {
        tried += 7;
        let what =
            format!("WordPress export {:?} (title, content, excerpt, slug, category, tag, author)", short(payload));
        match pamir_import::read_wxr(export_with(payload, n + 1).as_bytes()) {
            Ok(export) => {
                let options = pamir_import::wordpress::load::Options {
                    lang: en.clone(),
                    dry_run: false,
                    files: None,
                    permalinks: None,
                    users: true,
                };
                if let Err(error) =
                    pamir_import::wordpress::load::load(&site.core, site.site, &export, &options, &Quiet).await
                {
                    eprintln!("{what}: refused: {error}");
                }
            }
            // A file that is not XML (NUL is not allowed in XML) is refused with a reason.
            Err(error) => eprintln!("{what}: refused: {error}"),
        }
    }
    items +=
        check_imported(&site, &editor, "wordpress:https://old.example.org", "post", "WordPress", &mut problems).await;

    let fixture = include_str!("../../pamir-import/tests/fixtures/joomla5_site.sql");
    for (n, payload) in payloads().iter().enumerate() {
        tried += 7;
        let what = format!("Joomla site {:?}", short(payload));
        let prefix = format!("j{n}_");
        let tables = pamir_import::joomla::read_dump(&fixture.replace("#__", &prefix), None).expect("fixture reads");
        let mut joomla = pamir_import::joomla::Site::from_tables(&tables);
        joomla.contacts.clear();
        let template = joomla.articles.iter().find(|a| a.id == 1).expect("article 1").clone();
        if let Some(category) = joomla.categories.iter_mut().find(|c| c.id == template.catid) {
            category.title = payload.clone();
        }
        joomla.articles = (1..=6)
            .map(|id| {
                let mut article = template.clone();
                article.id = id;
                article.alias = format!("article-{id}");
                article.title = format!("Article {id}");
                match id {
                    1 => article.title = payload.clone(),
                    2 => article.alias = payload.clone(),
                    3 => article.introtext = payload.clone(),
                    4 => article.fulltext = format!("<p>{payload}</p>"),
                    5 => article.created_by_alias = payload.clone(),
                    _ => article.metadesc = payload.clone(),
                }
                article
            })
            .collect();
        let options = pamir_import::joomla::Options::new(en.clone());
        if let Err(error) = pamir_import::joomla::load(&site.core, site.site, &joomla, &prefix, &options, &Quiet).await
        {
            eprintln!("{what}: refused: {error}");
        }
        items += check_imported(&site, &editor, &format!("joomla:{prefix}"), "article", &what, &mut problems).await;
    }
    for path in ["/en/", "/en/feed.atom", "/sitemap.xml", "/api/v1/items", "/admin/items", "/admin/categories"] {
        check(&editor.get(path).await, &format!("{path} after the imports"), &mut problems);
    }
    eprintln!("hostile import files: {items} items imported and checked");
    assert!(items > payloads().len() * 10, "most imported items are written, so their pages are checked");
    report("import files", tried, &problems);
}
