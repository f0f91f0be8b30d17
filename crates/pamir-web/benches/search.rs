//! Search latency over a large site: `cargo bench -p pamir-web --bench
//! search` seeds 100,000 items (set `PAMIR_BENCH_ITEMS` for another size),
//! builds the index, and prints the median and 99th percentile of queries
//! straight to the index and of whole search pages.
//!
//! A benchmark, not a test: it asserts nothing and only reports figures.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod common;

use common::{measure, report, seeded_site};
use pamir_core::search::{Query, SiteSearch};
use std::time::{Duration, Instant};

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(run());
}

async fn run() {
    let (core, site, data) = seeded_site(100_000).await;
    let dir = data.path().join("search");
    let search = SiteSearch::open(site, Some(&dir)).expect("index");
    let started = Instant::now();
    let items = search.sync(&core).await.expect("indexed");
    println!("indexed {items} items ({} published) in {:.1} s", search.documents(), started.elapsed().as_secs_f64());

    let queries: [(&str, &str); 6] = [
        ("en", "remittances"),
        ("en", "water supply"),
        ("en", "migration health services"),
        ("ru", "мигрантов"),
        ("tg", "мухочир"),
        ("en", "zzyzx"),
    ];
    println!("{:<36} {:>10} {:>10}", "query (index only)", "p50", "p99");
    for (lang, text) in queries {
        let mut timings: Vec<Duration> = Vec::with_capacity(common::ROUNDS);
        for _ in 0..common::ROUNDS {
            let query =
                Query { lang: lang.into(), text: text.into(), kind: None, category_ids: vec![], limit: 10, offset: 0 };
            let started = Instant::now();
            let results = search.search(&core, query).await.expect("search");
            timings.push(started.elapsed());
            std::hint::black_box(results);
        }
        timings.sort();
        report(&format!("{lang}: {text}"), &timings);
    }
    drop(search);

    let config = pamir_web::WebConfig { search_dir: Some(data.path().join("search-web")), ..Default::default() };
    let state = pamir_web::AppState::new(core.clone(), config).await.expect("state");
    state.search.get(site).expect("index").sync(&core).await.expect("indexed");
    let app = pamir_web::app(state);
    println!("{:<36} {:>10} {:>10}", "search page (HTTP)", "p50", "p99");
    for path in [
        "/en/search?q=remittances",
        "/ru/search?q=%D0%BC%D0%B8%D0%B3%D1%80%D0%B0%D0%BD%D1%82%D0%BE%D0%B2",
        "/en/search?q=water&page=5",
    ] {
        let timings = measure(&app, path, &[], || {}).await;
        report(path, &timings);
    }
}
