//! `pamir seed --articles N`: synthetic content for benchmarks.

use crate::config::Config;
use std::time::Instant;

pub async fn run(articles: usize, config: Config) -> anyhow::Result<()> {
    let (core, site) = super::open(&config).await?;
    pamir_core::demo::load(&core, site).await?;
    let started = Instant::now();
    let created = pamir_core::seed::seed(&core, site, articles).await?;
    let seconds = started.elapsed().as_secs_f64();
    println!("Seeded {created} articles in {seconds:.1} s ({:.0} per second).", created as f64 / seconds.max(1e-9));
    core.db.close().await;
    Ok(())
}
