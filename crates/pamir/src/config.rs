//! Configuration: one typed struct from command-line options, `PAMIR_*`
//! variables and an optional TOML file (in that order of precedence),
//! checked once at start so a typo stops pamir with a clear message.

use crate::cli::GlobalOptions;
use crate::logging::LogFormat;
use anyhow::{Context, bail};
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::PathBuf;

/// What a `--config` file may hold. Unknown keys are refused: a misspelt
/// setting must not be silently ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    data: Option<PathBuf>,
    database: Option<String>,
    listen: Option<String>,
    smtp_url: Option<String>,
    smtp_from: Option<String>,
    trust_forwarded_for: Option<bool>,
    base_url: Option<String>,
    log: Option<String>,
    log_format: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub data: PathBuf,
    pub database: String,
    /// From the file; `serve --listen` and `PAMIR_LISTEN` override it.
    pub listen: Option<String>,
    pub smtp_url: Option<String>,
    pub smtp_from: String,
    pub trust_forwarded_for: bool,
    /// The public address of the site (`https://example.org`), for absolute links.
    pub base_url: Option<String>,
    pub log: String,
    pub log_format: LogFormat,
}

impl Config {
    pub fn resolve(options: &GlobalOptions) -> anyhow::Result<Self> {
        let file = match &options.config {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read the configuration file {}", path.display()))?;
                toml::from_str::<FileConfig>(&text)
                    .with_context(|| format!("configuration file {} is not valid", path.display()))?
            }
            None => FileConfig::default(),
        };
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let data = options.data.clone().or(file.data).unwrap_or_else(|| PathBuf::from("pamir-data"));
        let database = match options.database.clone().or(file.database) {
            Some(url) => url,
            None => format!("sqlite://{}", data.join("pamir.db").display()),
        };
        if !(database.starts_with("sqlite:")
            || database.starts_with("postgres://")
            || database.starts_with("postgresql://"))
        {
            bail!("--database must be sqlite://PATH or postgres://USER@HOST/DB, not {database:?}");
        }
        let trust_forwarded_for = match env("PAMIR_TRUST_FORWARDED_FOR") {
            Some(value) => parse_bool("PAMIR_TRUST_FORWARDED_FOR", &value)?,
            None => file.trust_forwarded_for.unwrap_or(false),
        };
        let base_url = env("PAMIR_BASE_URL").or(file.base_url).map(|url| url.trim_end_matches('/').to_owned());
        if let Some(url) = &base_url {
            let valid = (url.starts_with("https://") || url.starts_with("http://"))
                && url
                    .split("://")
                    .nth(1)
                    .is_some_and(|rest| !rest.is_empty() && !rest.contains(['/', ' ', '"', '<', '>']));
            if !valid {
                bail!("base_url must be the site's address such as https://example.org, not {url:?}");
            }
        }
        let log_format = match env("PAMIR_LOG_FORMAT").or(file.log_format) {
            None => LogFormat::Text,
            Some(text) => {
                LogFormat::parse(&text).with_context(|| format!("log_format must be text or json, not {text:?}"))?
            }
        };
        Ok(Self {
            log_format,
            base_url,
            data,
            database,
            listen: file.listen,
            smtp_url: env("PAMIR_SMTP_URL").or(file.smtp_url),
            smtp_from: env("PAMIR_SMTP_FROM").or(file.smtp_from).unwrap_or_else(|| "pamir <noreply@localhost>".into()),
            trust_forwarded_for,
            log: env("PAMIR_LOG").or(env("RUST_LOG")).or(file.log).unwrap_or_else(|| "info".into()),
        })
    }

    pub fn listen_address(&self, from_cli: Option<&str>) -> anyhow::Result<SocketAddr> {
        let text = from_cli.or(self.listen.as_deref()).unwrap_or("127.0.0.1:8080");
        text.parse().with_context(|| format!("--listen must be an address such as 127.0.0.1:8080, not {text:?}"))
    }
}

fn parse_bool(name: &str, value: &str) -> anyhow::Result<bool> {
    match value {
        "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        _ => bail!("{name} must be true or false, not {value:?}"),
    }
}
