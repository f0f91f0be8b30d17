//! A use case is one transaction: when its last write fails, its first
//! ones are undone. The fault is real: a trigger makes the database refuse
//! the audit entry, the write every item change makes after its row and its
//! revision. Through the admin and the API, creating and saving then leave
//! no item, no revision, no moved content version and no stale page; the
//! answer is a 500 that names an error id, and the log holds that id with
//! the database's reason.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use pamir_db::Db;
use pamir_domain::{Lang, Role};
use serde_json::{Value, json};
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};
use support::admin::{self, pairs, signed_in};
use support::{Response, TestSite};

/// Everything this test binary logs, as text.
fn captured_log() -> Arc<Mutex<Vec<u8>>> {
    static LOG: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOG.get_or_init(|| {
        let log = Arc::new(Mutex::new(Vec::new()));
        let sink = log.clone();
        let writer = move || LogWriter(sink.clone());
        tracing_subscriber::fmt().with_writer(writer).with_ansi(false).init();
        log
    })
    .clone()
}

struct LogWriter(Arc<Mutex<Vec<u8>>>);

impl Write for LogWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().map_err(|_| std::io::Error::other("log poisoned"))?.extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn log_text() -> String {
    String::from_utf8_lossy(&captured_log().lock().expect("log")).into_owned()
}

/// Makes every insert into the audit log fail, as a full disk or a lost
/// connection would at that moment.
async fn break_the_audit_log(db: &Db) {
    match db {
        Db::Sqlite(pool) => {
            sqlx::query(
                "CREATE TRIGGER injected_fault BEFORE INSERT ON audit_log \
                 BEGIN SELECT RAISE(ABORT, 'injected fault'); END",
            )
            .execute(pool)
            .await
            .expect("trigger");
        }
        Db::Postgres(pool) => {
            sqlx::query(
                "CREATE FUNCTION injected_fault() RETURNS trigger LANGUAGE plpgsql AS \
                 $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$",
            )
            .execute(pool)
            .await
            .expect("function");
            sqlx::query(
                "CREATE TRIGGER injected_fault BEFORE INSERT ON audit_log \
                 FOR EACH ROW EXECUTE FUNCTION injected_fault()",
            )
            .execute(pool)
            .await
            .expect("trigger");
        }
    }
}

async fn mend_the_audit_log(db: &Db) {
    let sql = "DROP TRIGGER injected_fault ON audit_log";
    match db {
        Db::Sqlite(pool) => sqlx::query("DROP TRIGGER injected_fault").execute(pool).await.map(drop),
        Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(drop),
    }
    .expect("dropped");
}

async fn revision_count(db: &Db) -> i64 {
    let sql = "SELECT COUNT(*) FROM revisions";
    match db {
        Db::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
        Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
    }
    .expect("count")
}

/// What a failed write must not have changed.
#[derive(Debug, PartialEq)]
struct Stored {
    items: i64,
    revisions: i64,
    content_version: i64,
    title: String,
}

async fn stored(site: &TestSite, id: i64) -> Stored {
    let item = pamir_db::items::find_by_id(site.db(), site.site, id).await.expect("read").expect("item");
    Stored {
        items: pamir_db::items::count_all(site.db(), site.site).await.expect("count"),
        revisions: revision_count(site.db()).await,
        content_version: pamir_db::sites::content_version(site.db(), site.site).await.expect("version"),
        title: item.content.title,
    }
}

/// The id an admin error page gives the editor.
fn id_on_admin_page(response: &Response) -> String {
    let after = response.body.split("error id: ").nth(1).unwrap_or_else(|| panic!("no error id: {}", response.body));
    after.chars().filter(char::is_ascii_hexdigit).take(12).collect()
}

fn id_in_problem(response: &Response) -> String {
    assert_eq!(response.header("content-type"), "application/problem+json");
    let problem: Value = serde_json::from_str(&response.body).expect("JSON");
    assert!(!response.body.contains("injected fault"), "the cause stays in the log: {}", response.body);
    problem["error_id"].as_str().unwrap_or_else(|| panic!("no error id: {problem}")).to_owned()
}

fn assert_logged(id: &str, writer: &str) {
    assert_eq!(id.len(), 12, "{writer}: {id:?}");
    let log = log_text();
    let line = log.lines().find(|line| line.contains(id)).unwrap_or_else(|| panic!("{writer}: {id} not in the log"));
    assert!(line.contains("injected fault"), "{writer}: the log line gives the cause: {line}");
}

fn api(method: &str, path: &str, token: &str, body: Value) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .expect("request")
}

#[tokio::test]
async fn a_write_whose_audit_entry_fails_leaves_nothing_behind() {
    captured_log();
    for site in TestSite::all().await {
        let backend = site.backend;
        let editor = signed_in(&site, Role::Editor).await;
        let email = admin::add_user(&site, Role::Editor, "api-editor").await;
        let token = pamir_core::tokens::create(&site.core, &email, "tests").await.expect("token").1;
        let fields = admin::article_fields(&site, "Before the fault").await;
        let mut create = fields.clone();
        create.push(("action".into(), "publish".into()));
        let created = editor.post("/admin/items/new", &pairs(&create)).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{backend}: {}", created.body);
        let id = admin::saved_item_id(&created);
        let page = site.get("/en/news/").await;
        assert!(page.body.contains("Before the fault"), "{backend}: published and cached");
        let news = fields.iter().find(|(name, _)| name == "category").map(|(_, v)| v.clone()).expect("category");
        let before = stored(&site, id).await;

        break_the_audit_log(site.db()).await;

        let mut new = admin::article_fields(&site, "Never stored").await;
        new.push(("action".into(), "publish".into()));
        let response = editor.post("/admin/items/new", &pairs(&new)).await;
        assert_eq!(response.status, StatusCode::INTERNAL_SERVER_ERROR, "{backend}, admin create: {}", response.body);
        assert_logged(&id_on_admin_page(&response), "admin create");

        let mut edit = admin::article_fields(&site, "Edit never stored").await;
        edit.extend([("version".into(), "1".into()), ("action".into(), "save".into())]);
        let response = editor.post(&format!("/admin/items/{id}"), &pairs(&edit)).await;
        assert_eq!(response.status, StatusCode::INTERNAL_SERVER_ERROR, "{backend}, admin save: {}", response.body);
        assert_logged(&id_on_admin_page(&response), "admin save");

        let body = json!({"kind": "article", "category_id": news.parse::<i64>().expect("id"), "title": "Never stored"});
        let response = site.request(api("POST", "/api/v1/items", &token, body)).await;
        assert_eq!(response.status, StatusCode::INTERNAL_SERVER_ERROR, "{backend}, API create: {}", response.body);
        assert_logged(&id_in_problem(&response), "API create");

        let body = json!({"kind": "article", "category_id": news.parse::<i64>().expect("id"), "title": "Edit never stored", "version": 1});
        let response = site.request(api("PUT", &format!("/api/v1/items/{id}"), &token, body)).await;
        assert_eq!(response.status, StatusCode::INTERNAL_SERVER_ERROR, "{backend}, API save: {}", response.body);
        assert_logged(&id_in_problem(&response), "API save");

        assert_eq!(stored(&site, id).await, before, "{backend}: no row, revision or version moved");
        let page = site.get("/en/news/").await;
        assert!(!page.body.contains("Never stored") && !page.body.contains("Edit never stored"), "{backend}");

        // Mended, the same requests succeed: nothing was left locked or half-written.
        mend_the_audit_log(site.db()).await;
        let response = editor.post(&format!("/admin/items/{id}"), &pairs(&edit)).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{backend}, after mending: {}", response.body);
        let after = stored(&site, id).await;
        assert_eq!(after.title, "Edit never stored", "{backend}");
        assert_eq!(after.revisions, before.revisions + 1, "{backend}");
        assert!(after.content_version > before.content_version, "{backend}");
        let en = Lang::parse("en").expect("en");
        assert!(
            pamir_db::items::find_by_id(site.db(), site.site, id).await.expect("read").is_some_and(|i| i.lang == en)
        );
    }
}
