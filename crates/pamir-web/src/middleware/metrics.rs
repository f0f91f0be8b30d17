//! Request counts and latencies by route, served at `/metrics` in the
//! Prometheus text format, and one log line per request.

use crate::state::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5];
const STATUS_CLASSES: [&str; 5] = ["1xx", "2xx", "3xx", "4xx", "5xx"];

#[derive(Default)]
struct RouteStats {
    by_class: [AtomicU64; 5],
    buckets: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    micros: AtomicU64,
}

#[derive(Default)]
pub struct Metrics {
    routes: RwLock<HashMap<String, RouteStats>>,
}

impl Metrics {
    fn record(&self, route: &str, status: u16, seconds: f64) {
        let class = usize::from(status / 100).clamp(1, 5) - 1;
        let record = |stats: &RouteStats| {
            stats.by_class[class].fetch_add(1, Ordering::Relaxed);
            stats.count.fetch_add(1, Ordering::Relaxed);
            stats.micros.fetch_add((seconds * 1e6) as u64, Ordering::Relaxed);
            if let Some(bucket) = BUCKETS.iter().position(|bound| seconds <= *bound) {
                stats.buckets[bucket].fetch_add(1, Ordering::Relaxed);
            }
        };
        if let Some(stats) = self.routes.read().unwrap_or_else(|p| p.into_inner()).get(route) {
            record(stats);
            return;
        }
        let mut routes = self.routes.write().unwrap_or_else(|p| p.into_inner());
        record(routes.entry(route.to_owned()).or_default());
    }

    /// The Prometheus text exposition of everything recorded.
    pub fn render(&self, cached_pages: usize) -> String {
        let routes = self.routes.read().unwrap_or_else(|p| p.into_inner());
        let mut names: Vec<&String> = routes.keys().collect();
        names.sort();
        let mut out = String::new();
        out.push_str("# HELP pamir_http_requests_total HTTP requests answered, by route and status class.\n");
        out.push_str("# TYPE pamir_http_requests_total counter\n");
        for name in &names {
            let stats = &routes[*name];
            for (class, counter) in STATUS_CLASSES.iter().zip(&stats.by_class) {
                let n = counter.load(Ordering::Relaxed);
                if n > 0 {
                    let _ =
                        writeln!(out, "pamir_http_requests_total{{route=\"{}\",status=\"{class}\"}} {n}", escape(name));
                }
            }
        }
        out.push_str("# HELP pamir_http_request_duration_seconds Time to answer, by route.\n");
        out.push_str("# TYPE pamir_http_request_duration_seconds histogram\n");
        for name in &names {
            let stats = &routes[*name];
            let route = escape(name);
            let mut cumulative = 0;
            for (bound, counter) in BUCKETS.iter().zip(&stats.buckets) {
                cumulative += counter.load(Ordering::Relaxed);
                let _ = writeln!(
                    out,
                    "pamir_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {cumulative}"
                );
            }
            let count = stats.count.load(Ordering::Relaxed);
            let _ =
                writeln!(out, "pamir_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {count}");
            let sum = stats.micros.load(Ordering::Relaxed) as f64 / 1e6;
            let _ = writeln!(out, "pamir_http_request_duration_seconds_sum{{route=\"{route}\"}} {sum}");
            let _ = writeln!(out, "pamir_http_request_duration_seconds_count{{route=\"{route}\"}} {count}");
        }
        out.push_str("# HELP pamir_page_cache_entries Rendered pages held in memory.\n");
        out.push_str("# TYPE pamir_page_cache_entries gauge\n");
        let _ = writeln!(out, "pamir_page_cache_entries {cached_pages}");
        out
    }
}

fn escape(label: &str) -> String {
    label.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Times each request, counts it under its route pattern and logs it.
pub async fn observe(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned());
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    state.metrics.record(route.as_deref().unwrap_or("unmatched"), status, elapsed.as_secs_f64());
    tracing::info!(target: "pamir::request", %method, %path, status, micros = elapsed.as_micros() as u64);
    response
}

pub async fn get(State(state): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"))],
        state.metrics.render(state.cache.len()),
    )
        .into_response()
}
