//! `pamir reindex`: the search index rebuilt from the database. A running
//! server keeps its index up to date by itself; this is for a moved or
//! damaged index, or after restoring a database.

use crate::config::Config;
use pamir_core::search::SiteSearch;
use std::time::Instant;

pub async fn run(config: Config) -> anyhow::Result<()> {
    let (core, site) = super::open(&config).await?;
    let dir = config.data.join("search").join(format!("site-{site}"));
    let search = SiteSearch::open(site, Some(&dir))
        .map_err(|error| anyhow::anyhow!("{error} (stop `pamir serve` first: it keeps the index up to date itself)"))?;
    let started = Instant::now();
    let items = search.rebuild(&core).await?;
    println!(
        "Search index rebuilt: {} published of {items} items in {:.1} s ({}).",
        search.documents(),
        started.elapsed().as_secs_f64(),
        dir.display()
    );
    core.db.close().await;
    Ok(())
}
