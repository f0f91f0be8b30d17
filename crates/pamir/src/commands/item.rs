//! `pamir item add`: an item written from the console, through the same
//! use case, rules and transaction as the admin and the API. The file is
//! the API's JSON body, so a script that can call one can call the other.

use crate::cli::ItemCommand;
use crate::config::Config;
use anyhow::{Context, anyhow, bail};
use pamir_core::audit::Actor;
use std::io::Read;

pub async fn run(command: ItemCommand, config: Config) -> anyhow::Result<()> {
    let (core, site) = super::open(&config).await?;
    match command {
        ItemCommand::Add { user, file } => {
            let json = if file.as_os_str() == "-" {
                let mut text = String::new();
                std::io::stdin().read_to_string(&mut text).context("cannot read standard input")?;
                text
            } else {
                std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?
            };
            let Some(account) = pamir_db::users::find_by_email(&core.db, &user).await? else {
                bail!("no user has the address {user}");
            };
            if account.user.disabled {
                bail!("the user {user} is disabled");
            }
            let settings = pamir_db::settings::load(&core.db, site).await?;
            let (input, transition) =
                pamir_web::api::items::new_item_from_json(&json, site, &settings).map_err(|e| anyhow!(e.message))?;
            let item = pamir_core::editing::create(&core, &Actor::console(account.user), input, transition).await?;
            println!("Item {} stored: {} ({}, {})", item.id, item.title, item.lang, item.state.as_str());
        }
    }
    core.db.close().await;
    Ok(())
}
