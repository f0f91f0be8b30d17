//! `pamir`: the command line. Parses options, reads configuration, and hands
//! over to one command; the work itself lives in the library crates.

mod cli;
mod commands;
mod config;
mod logging;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let config = match config::Config::resolve(&cli.global) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("pamir: {error:#}");
            return ExitCode::from(2);
        }
    };
    logging::init(&config.log, config.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("pamir: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(commands::run(cli.command, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("pamir: {}", described(&error));
            ExitCode::FAILURE
        }
    }
}

/// The error as the operator reads it: broken rules in English sentences
/// (the core names them by translation key), anything else as it is.
fn described(error: &anyhow::Error) -> String {
    let rules = error.chain().find_map(|cause| match cause.downcast_ref::<pamir_core::CoreError>() {
        Some(pamir_core::CoreError::Rules(rules)) => Some(rules),
        _ => None,
    });
    match rules {
        Some(rules) => pamir_web::i18n::rules("en", rules).join(" "),
        None => format!("{error:#}"),
    }
}
