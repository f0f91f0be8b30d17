//! One set of rules for every writer: each invalid item is written through
//! the admin's form, the API, the use case the importers call and the
//! `pamir item add` command, and all four refuse it with the same
//! translation key for the same field (the command says its English
//! sentence). A Russian editor reads the reason in Russian.
//!
//! It lives beside the binary, which only this crate's tests can start,
//! and shares pamir-web's test site.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

#[path = "../../pamir-web/tests/support/mod.rs"]
mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use pamir_core::items::ItemInput;
use pamir_domain::{EventDetails, ItemKind, Lang, Role, SourceCitation};
use serde_json::{Value, json};
use support::TestSite;
use support::admin::{self, pairs, signed_in};

/// One broken rule: how each writer is given it, and what all must answer.
struct Case {
    name: &'static str,
    form: fn() -> Vec<(&'static str, String)>,
    json: fn() -> Value,
    input: fn(&mut ItemInput),
    field: &'static str,
    key: &'static str,
    /// The limit the sentence names, for the length rules (0 otherwise).
    max: usize,
}

/// Form fields from literal pairs.
fn fields(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    pairs.iter().map(|(name, value)| (*name, (*value).to_owned())).collect()
}

/// A text one character longer than `max`.
fn longer_than(max: usize) -> String {
    "д".repeat(max + 1)
}

fn at(text: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(text).expect("time").to_utc()
}

fn event(starts: &str, ends: Option<&str>, deadline: Option<&str>, registration: Option<&str>) -> EventDetails {
    EventDetails {
        starts_at: at(starts),
        ends_at: ends.map(at),
        venue: None,
        entries_deadline: deadline.map(at),
        registration_url: registration.map(str::to_owned),
    }
}

const CASES: &[Case] = &[
    Case {
        name: "a source address that runs a script",
        form: || fields(&[("kind", "facts"), ("source_title", "Report"), ("source_url", "javascript:alert(1)")]),
        json: || json!({"kind": "facts", "source": {"title": "Report", "url": "javascript:alert(1)"}}),
        input: |input| {
            input.kind = ItemKind::Facts;
            input.source = Some(SourceCitation {
                title: "Report".into(),
                url: Some("javascript:alert(1)".into()),
                ..Default::default()
            });
        },
        field: "source.url",
        key: "rule-web-address",
        max: 0,
    },
    Case {
        name: "an event that ends before it starts",
        form: || {
            fields(&[("kind", "event"), ("event_starts_at", "2026-12-10T18:00"), ("event_ends_at", "2026-12-09T18:00")])
        },
        json: || json!({"kind": "event", "event": {"starts_at": "2026-12-10T18:00:00Z", "ends_at": "2026-12-09T18:00:00Z"}}),
        input: |input| {
            input.kind = ItemKind::Event;
            input.event = Some(event("2026-12-10T18:00:00Z", Some("2026-12-09T18:00:00Z"), None, None));
        },
        field: "event.ends_at",
        key: "rule-event-ends-before-start",
        max: 0,
    },
    Case {
        name: "a deadline for entries after the event",
        form: || {
            fields(&[
                ("kind", "event"),
                ("event_starts_at", "2026-12-10T18:00"),
                ("event_entries_deadline", "2026-12-20T18:00"),
            ])
        },
        json: || json!({"kind": "event", "event": {"starts_at": "2026-12-10T18:00:00Z", "entries_deadline": "2026-12-20T18:00:00Z"}}),
        input: |input| {
            input.kind = ItemKind::Event;
            input.event = Some(event("2026-12-10T18:00:00Z", None, Some("2026-12-20T18:00:00Z"), None));
        },
        field: "event.entries_deadline",
        key: "rule-deadline-after-event",
        max: 0,
    },
    Case {
        name: "a registration address that is not http(s)",
        form: || {
            fields(&[
                ("kind", "event"),
                ("event_starts_at", "2026-12-10T18:00"),
                ("event_registration_url", "ftp://files.example.org/form"),
            ])
        },
        json: || json!({"kind": "event", "event": {"starts_at": "2026-12-10T18:00:00Z", "registration_url": "ftp://files.example.org/form"}}),
        input: |input| {
            input.kind = ItemKind::Event;
            input.event = Some(event("2026-12-10T18:00:00Z", None, None, Some("ftp://files.example.org/form")));
        },
        field: "event.registration_url",
        key: "rule-web-address",
        max: 0,
    },
    Case {
        name: "an event without its start",
        form: || fields(&[("kind", "event")]),
        json: || json!({"kind": "event"}),
        input: |input| input.kind = ItemKind::Event,
        field: "event.starts_at",
        key: "rule-event-start-missing",
        max: 0,
    },
    Case {
        name: "a publishing window that closes before it opens",
        form: || fields(&[("publish_up", "2026-12-10T18:00"), ("publish_down", "2026-12-01T18:00")]),
        json: || json!({"publish_up": "2026-12-10T18:00:00Z", "publish_down": "2026-12-01T18:00:00Z"}),
        input: |input| {
            input.publish_up = Some(at("2026-12-10T18:00:00Z"));
            input.publish_down = Some(at("2026-12-01T18:00:00Z"));
        },
        field: "publish_down",
        key: "rule-publish-down-before-up",
        max: 0,
    },
    Case {
        name: "a slug with capitals and spaces",
        form: || fields(&[("slug", "Not A Slug")]),
        json: || json!({"slug": "Not A Slug"}),
        input: |input| input.slug = "Not A Slug".into(),
        field: "slug",
        key: "rule-slug-invalid",
        max: 0,
    },
    Case {
        name: "an empty title",
        form: || fields(&[("title", "  ")]),
        json: || json!({"title": "  "}),
        input: |input| input.title = "  ".into(),
        field: "title",
        key: "rule-title-empty",
        max: 0,
    },
    Case {
        name: "a title longer than a card can carry",
        form: || vec![("title", longer_than(pamir_domain::item::TITLE_MAX))],
        json: || json!({"title": longer_than(pamir_domain::item::TITLE_MAX)}),
        input: |input| input.title = longer_than(pamir_domain::item::TITLE_MAX),
        field: "title",
        key: "rule-title-too-long",
        max: pamir_domain::item::TITLE_MAX,
    },
    Case {
        name: "a byline longer than a line",
        form: || vec![("byline", longer_than(pamir_domain::item::LINE_MAX))],
        json: || json!({"byline": longer_than(pamir_domain::item::LINE_MAX)}),
        input: |input| input.byline = Some(longer_than(pamir_domain::item::LINE_MAX)),
        field: "byline",
        key: "rule-too-long",
        max: pamir_domain::item::LINE_MAX,
    },
    Case {
        name: "a source's address without its title",
        form: || fields(&[("kind", "facts"), ("source_url", "https://stat.example.org/report")]),
        json: || json!({"kind": "facts", "source": {"title": "", "url": "https://stat.example.org/report"}}),
        input: |input| {
            input.kind = ItemKind::Facts;
            input.source =
                Some(SourceCitation { url: Some("https://stat.example.org/report".into()), ..Default::default() });
        },
        field: "source.title",
        key: "rule-source-title-empty",
        max: 0,
    },
    Case {
        name: "a key figure's label without its number",
        form: || fields(&[("kind", "facts"), ("key_figure_label", "sent home by migrants")]),
        json: || json!({"kind": "facts", "key_figure": {"value": "", "label": "sent home by migrants"}}),
        input: |input| {
            input.kind = ItemKind::Facts;
            input.key_figure =
                Some(pamir_domain::item::KeyFigure { value: String::new(), label: "sent home by migrants".into() });
        },
        field: "key_figure.value",
        key: "rule-key-figure-empty",
        max: 0,
    },
];

/// The rule's English sentence (the slug case names the slug typed).
fn english(case: &Case) -> String {
    let message = pamir_domain::Message::new(case.key).with("slug", "Not A Slug").with("max", case.max);
    pamir_web::i18n::message("en", &message)
}

async fn news(site: &TestSite) -> i64 {
    let en = Lang::parse("en").expect("en");
    let categories = pamir_db::categories::list(site.db(), site.site, &en).await.expect("categories");
    categories.iter().find(|c| c.slug == "news").expect("news").id
}

#[tokio::test]
async fn the_admin_the_api_the_importers_and_the_console_refuse_each_invalid_item_alike() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Editor).await;
    let email = admin::add_user(&site, Role::Editor, "api-editor").await;
    let token = pamir_core::tokens::create(&site.core, &email, "tests").await.expect("token").1;
    let category = news(&site).await;
    let before = pamir_db::items::count_all(site.db(), site.site).await.expect("count");

    for case in CASES {
        // The admin's form, as a browser sends it.
        let mut fields = admin::article_fields(&site, "Invalid on purpose").await;
        let form = (case.form)();
        fields.retain(|(name, _)| !form.iter().any(|(field, _)| field == name));
        fields.extend(form.into_iter().map(|(name, value)| (name.to_owned(), value)));
        fields.push(("action".into(), "save".into()));
        let response = editor.post("/admin/items/new", &pairs(&fields)).await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "admin, {}: {}", case.name, response.body);
        let sentence = english(case);
        let escaped = sentence.replace('"', "&quot;").replace('\'', "&#x27;");
        assert!(
            response.body.contains(&sentence) || response.body.contains(&escaped),
            "admin, {}: says {sentence:?}",
            case.name
        );

        // The API, as a client sends it.
        let mut body = json!({"kind": "article", "category_id": category, "title": "Invalid on purpose"});
        for (name, value) in (case.json)().as_object().expect("object") {
            body[name] = value.clone();
        }
        let request = Request::post("/api/v1/items")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .expect("request");
        let response = site.request(request).await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "API, {}: {}", case.name, response.body);
        assert_eq!(response.header("content-type"), "application/problem+json");
        let problem: Value = serde_json::from_str(&response.body).expect("JSON");
        assert_eq!(problem["type"], "/api/v1/problems/rules", "API, {}", case.name);
        let errors = problem["errors"].as_array().expect("errors");
        assert!(
            errors.iter().any(|e| e["field"] == case.field && e["key"] == case.key && e["detail"] == sentence),
            "API, {}: {problem}",
            case.name
        );

        // The console, with the API's body in a file.
        let file = site.data.path().join("item.json");
        std::fs::write(&file, body.to_string()).expect("write");
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_pamir"))
            .args(["item", "add", "--as", &email])
            .arg(&file)
            .args(["--database", site.database_url(), "--data"])
            .arg(site.data.path().join("console"))
            .env("PAMIR_LOG", "warn")
            .output()
            .expect("pamir runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "CLI, {}: stored", case.name);
        assert!(stderr.contains(&sentence), "CLI, {}: says {sentence:?} in {stderr}", case.name);

        // The use case every importer writes through (a batch of one).
        let mut input = ItemInput::article(site.site, Lang::parse("en").expect("en"), category, "Invalid on purpose");
        (case.input)(&mut input);
        match pamir_core::items::create_many(&site.core, vec![input]).await {
            Err(pamir_core::CoreError::Rules(rules)) => assert!(
                rules.0.iter().any(|rule| rule.field == case.field && rule.message.key == case.key),
                "importers, {}: {rules:?}",
                case.name
            ),
            other => panic!("importers, {}: {other:?}", case.name),
        }
    }
    let after = pamir_db::items::count_all(site.db(), site.site).await.expect("count");
    assert_eq!(after, before, "no writer stored an invalid item");
}

#[tokio::test]
async fn a_russian_editor_reads_why_an_event_was_refused_in_russian() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Editor).await;
    let switched = editor.post("/admin/account/language", &[("lang", "ru")]).await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    let mut fields = admin::article_fields(&site, "Кинофестиваль").await;
    fields.retain(|(name, _)| name != "kind");
    fields.extend([
        ("kind".into(), "event".into()),
        ("event_starts_at".into(), "2026-12-10T18:00".into()),
        ("event_ends_at".into(), "2026-12-09T18:00".into()),
        ("action".into(), "save".into()),
    ]);
    let response = editor.post("/admin/items/new", &pairs(&fields)).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response.body.contains("Мероприятие не может закончиться раньше, чем начнётся."),
        "the reason in Russian: {}",
        response.body
    );
    assert!(response.body.contains("Кинофестиваль"), "everything typed is kept");
}

#[tokio::test]
async fn running_the_site_refuses_in_the_editors_language() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Administrator).await;
    assert_eq!(editor.post("/admin/account/language", &[("lang", "ru")]).await.status, StatusCode::SEE_OTHER);
    let first = editor.post("/admin/categories", &[("name_en", "Reports")]).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    let again = editor.post("/admin/categories", &[("name_en", "Reports")]).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("У другой рубрики на этом уровне уже есть такой адрес."), "{}", again.body);
    assert!(!again.body.contains("already exists"), "not in English");

    assert_eq!(editor.post("/admin/account/language", &[("lang", "tg")]).await.status, StatusCode::SEE_OTHER);
    let refused =
        editor.post("/admin/redirects", &[("old", "/old-site/about.html"), ("target", "javascript:alert(1)")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Суроғаи нав роҳе мисли /tg/news/ ё суроғаи https:// аст."), "{}", refused.body);
}

#[tokio::test]
async fn the_admins_error_pages_are_in_the_editors_language() {
    let site = TestSite::sqlite().await;
    let author = signed_in(&site, Role::Author).await;
    assert_eq!(author.post("/admin/account/language", &[("lang", "ru")]).await.status, StatusCode::SEE_OTHER);
    let refused = author.get("/admin/users").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.body.contains("<html lang=\"ru\">"), "{}", refused.body);
    assert!(refused.body.contains("Ваша роль не позволяет это сделать"), "{}", refused.body);
    let missing = author.get("/admin/items/999999").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("<html lang=\"ru\">"), "{}", missing.body);
}
