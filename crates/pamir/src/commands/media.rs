//! `pamir media clean-up`: the files of uploads that never got their row.

use crate::cli::MediaCommand;
use crate::config::Config;
use std::time::Duration;

pub async fn run(command: MediaCommand, config: Config) -> anyhow::Result<()> {
    match command {
        MediaCommand::CleanUp { older_than } => {
            let (core, _) = super::open(&config).await?;
            let uploads = pamir_core::media::sweep_unfinished(&core, Duration::from_secs(older_than * 60)).await?;
            println!("Removed the files of {uploads} unfinished uploads.");
            core.db.close().await;
            Ok(())
        }
    }
}
