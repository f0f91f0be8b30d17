//! `pamir token create | list | revoke`: keys for the JSON API's write
//! endpoints. A token acts with its user's role; only its hash is stored.

use crate::cli::TokenCommand;
use crate::config::Config;
use anyhow::bail;

pub async fn run(command: TokenCommand, config: Config) -> anyhow::Result<()> {
    let (core, _site) = super::open(&config).await?;
    match command {
        TokenCommand::Create { email, name } => {
            let (id, token) = pamir_core::tokens::create(&core, &email, &name).await?;
            println!("Token {id} for {email} (shown only now; send it as Authorization: Bearer TOKEN):");
            println!("{token}");
        }
        TokenCommand::List { email } => {
            let Some(user) = pamir_db::users::find_by_email(&core.db, &email).await? else {
                bail!("no user has the address {email}");
            };
            let tokens = pamir_db::tokens::list(&core.db, user.user.id).await?;
            if tokens.is_empty() {
                println!("{email} has no tokens.");
            }
            let when = |at: Option<i64>| {
                at.and_then(|s| chrono::DateTime::from_timestamp(s, 0))
                    .map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string())
                    .unwrap_or_else(|| "never".into())
            };
            for token in tokens {
                let status = if token.revoked_at.is_some() { "revoked" } else { "live" };
                println!(
                    "{}\t{status}\tcreated {}\tlast used {}\t{}",
                    token.id,
                    when(Some(token.created_at)),
                    when(token.last_used_at),
                    token.name
                );
            }
        }
        TokenCommand::Revoke { id } => {
            pamir_core::tokens::revoke(&core, id).await?;
            println!("Token {id} revoked.");
        }
    }
    core.db.close().await;
    Ok(())
}
