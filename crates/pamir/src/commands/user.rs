//! `pamir user add`: an admin account from the console, for the first
//! administrator of a new site and for scripts.

use crate::cli::UserCommand;
use crate::config::Config;
use anyhow::{Context, bail};
use pamir_core::users::NewAccount;
use pamir_domain::Role;
use std::io::BufRead;

pub async fn run(command: UserCommand, config: Config) -> anyhow::Result<()> {
    match command {
        UserCommand::Add { email, role, name, password_stdin } => {
            let Some(role) = Role::parse(&role) else {
                bail!("unknown role {role:?}: choose administrator, editor, author or translator");
            };
            let password = if password_stdin {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line).context("cannot read the password from standard input")?;
                let line = line.trim_end_matches(['\r', '\n']).to_owned();
                if line.is_empty() {
                    bail!("no password on standard input");
                }
                Some(line)
            } else {
                None
            };
            let (core, _site) = super::open(&config).await?;
            let account = NewAccount { email, display_name: name, role, password };
            let created = pamir_core::users::add(&core, None, account).await?;
            println!("Added {} ({}).", created.user.email, created.user.role.as_str());
            if let Some(password) = created.generated_password {
                println!("Password (shown only now): {password}");
            }
            core.db.close().await;
            Ok(())
        }
    }
}
