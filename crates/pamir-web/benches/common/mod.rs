//! What the benchmarks share: a seeded site in a fresh SQLite database, and
//! timing requests through the real router.

#![allow(dead_code)]

use axum::body::Body;
use axum::http::Request;
use pamir_core::Core;
use pamir_domain::SystemClock;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower::ServiceExt;

pub const ROUNDS: usize = 300;

/// The demo plus `PAMIR_BENCH_ITEMS` synthetic items (default `default_items`).
pub async fn seeded_site(default_items: usize) -> (Core, i64, tempfile::TempDir) {
    let items: usize = std::env::var("PAMIR_BENCH_ITEMS").ok().and_then(|n| n.parse().ok()).unwrap_or(default_items);
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
    (core, site, data)
}

/// Sorted timings of `ROUNDS` GETs of `path`, each after `before_each`.
pub async fn measure(
    app: &axum::Router,
    path: &str,
    headers: &[(&str, &str)],
    before_each: impl Fn(),
) -> Vec<Duration> {
    let mut timings = Vec::with_capacity(ROUNDS);
    for _ in 0..ROUNDS {
        before_each();
        let mut request = Request::get(path).header("accept-encoding", "br, gzip");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request.body(Body::empty()).expect("request");
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

pub fn report(name: &str, sorted: &[Duration]) {
    let at = |q: f64| sorted[((sorted.len() as f64 - 1.0) * q) as usize];
    println!("{name:<32} {:>8.2}ms {:>8.2}ms", ms(at(0.5)), ms(at(0.99)));
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
