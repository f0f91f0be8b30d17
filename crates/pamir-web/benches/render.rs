//! Rendering without the page cache, over a large site: what a reader waits
//! for on a cache miss. `cargo bench -p pamir-web` seeds 100,000 items into a
//! fresh SQLite database (set `PAMIR_BENCH_ITEMS` for another size) and
//! prints the median and 99th percentile of each page, plus a cached hit.
//!
//! A benchmark, not a test: it asserts nothing and only reports figures.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod common;

use axum::body::Body;
use axum::http::Request;
use common::{measure, ms, report, seeded_site};
use pamir_core::Core;
use std::time::Instant;
use tower::ServiceExt;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(run());
}

async fn run() {
    let (core, site, _data) = seeded_site(100_000).await;

    if std::env::var("PAMIR_BENCH_STEPS").is_ok() {
        steps(&core, site).await;
    }
    let state = pamir_web::AppState::new(core, pamir_web::WebConfig::default()).await.expect("state");
    let app = pamir_web::app(state.clone());
    let pages = [
        ("front page", "/en/"),
        ("front page, page 5", "/en/?page=5"),
        ("category page", "/en/news/"),
        ("category page, page 200", "/en/news/?page=200"),
        ("item page", "/en/op-eds/remittances-keep-families-afloat"),
        ("tag page", "/en/tags/remittances"),
    ];
    println!("{:<28} {:>10} {:>10}   (uncached: the page cache is emptied before each request)", "page", "p50", "p99");
    // PAMIR_BENCH_ONLY=item measures only the pages whose name contains "item" (for profiling).
    let only = std::env::var("PAMIR_BENCH_ONLY").unwrap_or_default();
    for (name, path) in pages.into_iter().filter(|(name, _)| name.contains(only.as_str())) {
        let timings = measure(&app, path, &[], || state.cache.invalidate_all()).await;
        report(name, &timings);
    }
    let timings = measure(&app, "/en/", &[], || {}).await;
    report("front page, cached", &timings);
    let page = app.clone().oneshot(Request::get("/en/").body(Body::empty()).expect("request")).await.expect("page");
    compression(&axum::body::to_bytes(page.into_body(), usize::MAX).await.expect("body"));
}

/// How long storing a page costs: compressing it once, per encoding.
fn compression(html: &[u8]) {
    let time = |label: &str, f: &dyn Fn() -> usize| {
        let started = Instant::now();
        let mut size = 0;
        for _ in 0..50 {
            size = f();
        }
        println!("{label:<28} {:>8.2}ms {size:>7} bytes (of {})", ms(started.elapsed()) / 50.0, html.len());
    };
    time("gzip (best)", &|| pamir_web::compress::gzip(html).len());
    for quality in [4, 5, 6, 9] {
        time(&format!("brotli {quality}"), &|| pamir_web::compress::brotli(html, quality).len());
    }
}

/// Times each database call an item page makes (set PAMIR_BENCH_STEPS=1).
async fn steps(core: &Core, site: i64) {
    let en = pamir_domain::Lang::parse("en").expect("en");
    let now = chrono::Utc::now();
    let db = &core.db;
    let tree =
        pamir_domain::taxonomy::CategoryTree::new(pamir_db::categories::list(db, site, &en).await.expect("tree"));
    let op_eds = tree.find_by_path(&["op-eds"]).expect("op-eds").id;
    let item = pamir_db::items::find_visible(db, site, &en, op_eds, "remittances-keep-families-afloat", now)
        .await
        .expect("find")
        .expect("item");
    macro_rules! time {
        ($label:expr, $e:expr) => {{
            let started = Instant::now();
            for _ in 0..100 {
                let _ = $e;
            }
            println!("{:<20} {:.3}ms", $label, ms(started.elapsed()) / 100.0);
        }};
    }
    time!(
        "find_visible",
        pamir_db::items::find_visible(db, site, &en, op_eds, "remittances-keep-families-afloat", now).await
    );
    time!("gallery", pamir_db::items::gallery(db, item.id).await);
    time!("media", pamir_db::media::get_many(db, &[item.image_id.unwrap_or(1)], &en, &en).await);
    time!("tags", pamir_db::tags::for_items(db, &[item.id], &en).await);
    time!("translations", pamir_db::items::translations(db, site, item.group_id, now).await);
    time!("next_transition", pamir_db::items::next_transition(db, site, now).await);
    time!("settings", pamir_db::settings::load(db, site).await);
    time!("featured list", pamir_db::items::list(db, site, &en, &pamir_db::items::Listing::Featured, now, 6, 0).await);
    time!("plain_text", pamir_content::plain_text(&item.teaser_markdown));
}
