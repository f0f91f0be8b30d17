//! A real pamir site for tests: the demo content in a fresh database
//! (SQLite in a temporary folder; PostgreSQL too when
//! `PAMIR_TEST_DATABASE_URL` is set), the real router, a clock the test
//! moves. Requests go through the router in-process, without a socket.

#![allow(dead_code)]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use chrono::{DateTime, TimeZone, Utc};
use pamir_core::Core;
use pamir_db::Db;
use pamir_db::testing::TestDatabase;
use pamir_domain::{ManualClock, SiteId};
use std::io::Read;
use std::sync::Arc;
use tower::ServiceExt;

pub mod admin;

/// The demo was written for this day; tests run at noon on it.
pub fn demo_day() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).single().unwrap_or_default()
}

pub struct TestSite {
    pub backend: &'static str,
    pub core: Core,
    pub site: SiteId,
    pub clock: Arc<ManualClock>,
    pub router: Router,
    pub state: pamir_web::AppState,
    pub data: tempfile::TempDir,
    _database: TestDatabase,
}

pub struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// Decompressed, as a browser sees it.
    pub body: String,
    pub raw_len: usize,
}

impl Response {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

impl TestSite {
    /// One site per available backend: SQLite always, PostgreSQL when configured.
    pub async fn all() -> Vec<TestSite> {
        let mut sites = Vec::new();
        for database in TestDatabase::all().await {
            sites.push(Self::build(database, |_| {}).await);
        }
        sites
    }

    pub async fn sqlite() -> TestSite {
        Self::build(TestDatabase::sqlite(), |_| {}).await
    }

    /// A SQLite site with something prepared in its data folder before start
    /// (e.g. a theme override).
    pub async fn sqlite_with(prepare: impl FnOnce(&std::path::Path)) -> TestSite {
        Self::build(TestDatabase::sqlite(), prepare).await
    }

    async fn build(database: TestDatabase, prepare: impl FnOnce(&std::path::Path)) -> TestSite {
        let data = tempfile::tempdir().expect("temp dir");
        prepare(data.path());
        let backend = database.backend;
        let db = pamir_db::connect(&database.url).await.unwrap_or_else(|e| panic!("{backend}: {e}"));
        let clock = Arc::new(ManualClock::new(demo_day()));
        let site = pamir_db::sites::ensure_default(&db, demo_day().timestamp()).await.expect("site");
        let core = Core {
            db,
            clock: clock.clone(),
            events: Default::default(),
            mailer: None,
            media_dir: data.path().join("media"),
        };
        pamir_core::demo::load(&core, site).await.expect("demo loads");
        Self::start(backend, core, site, clock, data, database).await
    }

    async fn start(
        backend: &'static str,
        core: Core,
        site: SiteId,
        clock: Arc<ManualClock>,
        data: tempfile::TempDir,
        database: TestDatabase,
    ) -> TestSite {
        let config = pamir_web::WebConfig {
            theme_dir: Some(data.path().join("themes")),
            trust_forwarded_for: true,
            base_url: None,
            search_dir: None,
        };
        let state = pamir_web::AppState::new(core.clone(), config).await.expect("app state");
        let router = pamir_web::app(state.clone());
        TestSite { backend, core, site, clock, router, state, data, _database: database }
    }

    /// The same site with a mailer (the SMTP URL given) in its core.
    pub async fn with_mailer(mut self, smtp_url: &str) -> TestSite {
        self.core.mailer =
            Some(pamir_core::mailer::Mailer::new(smtp_url, "pamir <noreply@example.org>").expect("mailer"));
        let config = pamir_web::WebConfig { theme_dir: None, trust_forwarded_for: true, ..Default::default() };
        self.state = pamir_web::AppState::new(self.core.clone(), config).await.expect("app state");
        self.router = pamir_web::app(self.state.clone());
        self
    }

    pub fn db(&self) -> &Db {
        &self.core.db
    }

    /// The database's URL, for a `pamir` command run against this site.
    pub fn database_url(&self) -> &str {
        &self._database.url
    }

    pub async fn get(&self, path: &str) -> Response {
        self.request(Request::get(path).body(Body::empty()).expect("request")).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        let mut builder = Request::get(path);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        self.request(builder.body(Body::empty()).expect("request")).await
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)], from: &str) -> Response {
        let body: String =
            fields.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&");
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("x-forwarded-for", from)
            .body(Body::from(body))
            .expect("request");
        self.request(request).await
    }

    pub async fn request(&self, request: Request<Body>) -> Response {
        let response = self.router.clone().oneshot(request).await.expect("router answers");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), 64 * 1024 * 1024).await.expect("body");
        let raw_len = bytes.len();
        let body = match headers.get(header::CONTENT_ENCODING).and_then(|v| v.to_str().ok()) {
            Some("gzip") => {
                let mut text = String::new();
                flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut text).expect("gzip");
                text
            }
            Some("br") => {
                let mut out = Vec::new();
                brotli::BrotliDecompress(&mut &bytes[..], &mut out).expect("brotli");
                String::from_utf8(out).expect("utf-8")
            }
            _ => String::from_utf8_lossy(&bytes).into_owned(),
        };
        Response { status, headers, body, raw_len }
    }
}

fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// How many times `needle` occurs in `haystack`.
pub fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The `href`s of links with this class, in page order.
pub fn links_with_class(html: &str, class: &str) -> Vec<String> {
    let marker = format!("class=\"{class}\" href=\"");
    html.match_indices(&marker)
        .filter_map(|(at, _)| {
            let rest = &html[at + marker.len()..];
            rest.split('"').next().map(str::to_owned)
        })
        .collect()
}

/// The items a front page shows, in the order a reader meets them (the lead
/// story, the featured row, then the sections), each once.
pub fn front_links(html: &str) -> Vec<String> {
    let main = html.split("<main").nth(1).and_then(|rest| rest.split("</main>").next()).unwrap_or("");
    // Titles link with a bare `<a href`; "more" and "read more" links have a class.
    let marker = "<a href=\"";
    let mut links: Vec<String> = Vec::new();
    for (at, _) in main.match_indices(marker) {
        let url = main[at + marker.len()..].split('"').next().unwrap_or("").to_owned();
        if url.starts_with('/') && !links.contains(&url) {
            links.push(url);
        }
    }
    links
}

/// The page's `<main>`, where its own content is (the header and footer are the same on every page).
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").unwrap_or(0);
    let end = html.find("</main>").map_or(html.len(), |end| end + "</main>".len());
    &html[start..end.max(start)]
}
