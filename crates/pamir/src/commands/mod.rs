//! One module per command; each opens what it needs and does one job.

mod import;
mod item;
mod media;
mod reindex;
mod seed;
mod serve;
mod token;
mod user;

use crate::cli::Command;
use crate::config::Config;
use anyhow::Context;
use pamir_core::Core;
use pamir_domain::SystemClock;
use std::sync::Arc;

pub async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    match command {
        Command::Serve(args) => serve::run(args, config).await,
        Command::Seed { articles } => seed::run(articles, config).await,
        Command::User(command) => user::run(command, config).await,
        Command::Reindex => reindex::run(config).await,
        Command::Import(command) => import::run(command, config).await,
        Command::Token(command) => token::run(command, config).await,
        Command::Item(command) => item::run(command, config).await,
        Command::Media(command) => media::run(command, config).await,
    }
}

/// Opens the data folder and the database (running migrations) and makes sure the site exists.
async fn open(config: &Config) -> anyhow::Result<(Core, pamir_domain::SiteId)> {
    std::fs::create_dir_all(&config.data)
        .with_context(|| format!("cannot create the data folder {}", config.data.display()))?;
    let (mut core, site) = Core::open(&config.database, Arc::new(SystemClock), config.data.join("media")).await?;
    if let Some(url) = &config.smtp_url {
        core.mailer = Some(pamir_core::mailer::Mailer::new(url, &config.smtp_from)?);
    }
    Ok((core, site))
}
