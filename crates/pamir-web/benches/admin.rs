//! The admin's item list over a large site: `cargo bench -p pamir-web --bench
//! admin` seeds 50,000 items (set `PAMIR_BENCH_ITEMS` for another size),
//! signs in, and prints the median and 99th percentile of each list view.
//!
//! A benchmark, not a test: it asserts nothing and only reports figures.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod common;

use axum::body::Body;
use axum::http::{Request, header};
use common::{measure, report, seeded_site};
use pamir_core::users::NewAccount;
use pamir_domain::Role;
use tower::ServiceExt;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(run());
}

async fn run() {
    let (core, site, _data) = seeded_site(50_000).await;
    if std::env::var("PAMIR_BENCH_STEPS").is_ok() {
        steps(&core, site).await;
    }
    let password = "a benchmark pass phrase";
    let account = NewAccount {
        email: "bench@example.org".into(),
        display_name: "Bench".into(),
        role: Role::Editor,
        password: Some(password.into()),
    };
    pamir_core::users::add(&core, None, account).await.expect("user");
    let state = pamir_web::AppState::new(core, pamir_web::WebConfig::default()).await.expect("state");
    let app = pamir_web::app(state);
    let sign_in = Request::post("/admin/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("email=bench%40example.org&password=a+benchmark+pass+phrase"))
        .expect("request");
    let response = app.clone().oneshot(sign_in).await.expect("sign-in");
    let cookie = response
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("session cookie")
        .to_owned();
    let views = [
        ("dashboard", "/admin/"),
        ("list, newest changes", "/admin/items"),
        ("list, page 500", "/admin/items?page=500"),
        ("list, by title", "/admin/items?sort=title"),
        ("list, English events", "/admin/items?kind=event&lang=en"),
        ("list, drafts", "/admin/items?state=draft"),
        ("list, words in the title", "/admin/items?q=water"),
        ("edit form", "/admin/items/1"),
        ("new item form", "/admin/items/new"),
        ("account page", "/admin/account"),
    ];
    println!("{:<32} {:>10} {:>10}", "admin view", "p50", "p99");
    for (name, path) in views {
        let timings = measure(&app, path, &[("cookie", &cookie)], || {}).await;
        report(name, &timings);
    }
}

/// Times each database call of the list and the editor (set PAMIR_BENCH_STEPS=1).
async fn steps(core: &pamir_core::Core, site: i64) {
    use pamir_db::items::{AdminFilter, AdminSort};
    let db = &core.db;
    let en = pamir_domain::Lang::parse("en").expect("en");
    macro_rules! time {
        ($label:expr, $e:expr) => {{
            let started = std::time::Instant::now();
            for _ in 0..50 {
                let _ = $e;
            }
            println!("{:<32} {:.3}ms", $label, common::ms(started.elapsed()) / 50.0);
        }};
    }
    let all = AdminFilter::default();
    let events =
        AdminFilter { kind: Some(pamir_domain::ItemKind::Event), lang: Some("en".into()), ..Default::default() };
    let words = AdminFilter { text: Some("water".into()), ..Default::default() };
    time!("page, uncounted", pamir_db::items::admin_list(db, site, &all, AdminSort::Updated, 50, 0, false).await);
    time!("page, counted", pamir_db::items::admin_list(db, site, &all, AdminSort::Updated, 50, 0, true).await);
    time!("events, counted", pamir_db::items::admin_list(db, site, &events, AdminSort::Updated, 50, 0, true).await);
    time!("events, uncounted", pamir_db::items::admin_list(db, site, &events, AdminSort::Updated, 50, 0, false).await);
    time!("words, counted", pamir_db::items::admin_list(db, site, &words, AdminSort::Updated, 50, 0, true).await);
    time!("find_by_id", pamir_db::items::find_by_id(db, site, 1).await);
    time!("group_members", pamir_db::items::group_members(db, site, 1).await);
    time!("tag_ids", pamir_db::items::tag_ids(db, 1).await);
    time!("tags list", pamir_db::tags::list(db, site, &en).await);
    time!("media list", pamir_db::media::list(db, site, &en, &en, "", 200, 0).await);
    time!("categories", pamir_db::categories::list(db, site, &en).await);
}
