//! Rendering without the page cache, over a large site: what a reader waits
//! for on a cache miss. `cargo bench -p pamir-web` seeds 100,000 items into a
//! fresh SQLite database (set `PAMIR_BENCH_ITEMS` for another size) and
//! prints the median and 99th percentile of each page, plus a cached hit.
//!
//! A benchmark, not a test: it asserts nothing and only reports figures.

use axum::body::Body;
use axum::http::Request;
use pamir_core::Core;
use pamir_domain::SystemClock;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower::ServiceExt;

const ROUNDS: usize = 300;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(run());
}

async fn run() {
    let items: usize = std::env::var("PAMIR_BENCH_ITEMS").ok().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let data = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", data.path().join("pamir.db").display());
    let db = pamir_db::connect(&url).await.expect("database");
    let site = pamir_db::sites::ensure_default(&db, chrono::Utc::now().timestamp()).await.expect("site");
    let core = Core {
        db,
        clock: Arc::new(SystemClock),
        events: Default::default(),
        mailer: None,
        media_dir: data.path().join("media"),
    };
    pamir_core::demo::load(&core, site).await.expect("demo");
    let started = Instant::now();
    pamir_core::seed::seed(&core, site, items).await.expect("seed");
    println!("seeded {items} items in {:.1} s", started.elapsed().as_secs_f64());

    let state = pamir_web::AppState::new(core, pamir_web::WebConfig::default()).await.expect("state");
    let app = pamir_web::app(state.clone());
    let pages = [
        ("front page", "/en/"),
        ("front page, page 5", "/en/?page=5"),
        ("category page", "/en/news/"),
        ("category page, page 200", "/en/news/?page=200"),
        ("item page", "/en/op-eds/remittances-keep-families-afloat"),
        ("seeded item page", "/en/news/seeded-0"),
        ("tag page", "/en/tags/remittances"),
    ];
    println!("{:<28} {:>10} {:>10}   (uncached: the page cache is emptied before each request)", "page", "p50", "p99");
    for (name, path) in pages {
        let timings = measure(&app, path, || state.cache.invalidate_all()).await;
        report(name, &timings);
    }
    let timings = measure(&app, "/en/", || {}).await;
    report("front page, cached", &timings);
}

async fn measure(app: &axum::Router, path: &str, before_each: impl Fn()) -> Vec<Duration> {
    let mut timings = Vec::with_capacity(ROUNDS);
    for _ in 0..ROUNDS {
        before_each();
        let request = Request::get(path).header("accept-encoding", "br, gzip").body(Body::empty()).expect("request");
        let started = Instant::now();
        let response = app.clone().oneshot(request).await.expect("response");
        let status = response.status();
        let _ = axum::body::to_bytes(response.into_body(), usize::MAX).await;
        timings.push(started.elapsed());
        assert!(status.is_success(), "{path} answered {status}");
    }
    timings.sort();
    timings
}

fn report(name: &str, sorted: &[Duration]) {
    let at = |q: f64| sorted[((sorted.len() as f64 - 1.0) * q) as usize];
    println!("{name:<28} {:>8.2}ms {:>8.2}ms", ms(at(0.5)), ms(at(0.99)));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
