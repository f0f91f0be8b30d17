//! `pamir import wxr FILE` and `pamir import joomla`: another system's site
//! moved into this one. The source is read and checked whole before
//! anything is written, so a broken file or database leaves the site
//! untouched; a second run of the same source adds nothing.

use crate::cli::ImportCommand;
use crate::config::Config;
use anyhow::{Context, bail};
use pamir_core::Core;
use pamir_domain::{Lang, SiteId};
use pamir_import::progress::Progress;

/// Said when an import fails while writing: nothing is half-done in secret.
const STOPPED: &str = "the import stopped: what it imported so far is kept (each batch whole), \
                       and the same command again continues where it stopped";

pub async fn run(command: ImportCommand, config: Config) -> anyhow::Result<()> {
    match command {
        ImportCommand::Wxr { file, lang, files, permalinks, users, dry_run, check } => {
            check_folder(files.as_deref())?;
            let bytes = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let export = pamir_import::read_wxr(&bytes)
                .with_context(|| format!("{} is not a usable WordPress export", file.display()))?;
            println!(
                "Read {}: {} posts and pages, {} categories, {} tags, {} attachments.",
                file.display(),
                export.posts.len(),
                export.categories.len(),
                export.tags.len(),
                export.attachments.len()
            );
            let (core, site) = super::open(&config).await?;
            if check {
                let fidelity = pamir_import::wordpress::load::check(&core, site, &export).await?;
                print!("{fidelity}");
                core.db.close().await;
                return Ok(());
            }
            let lang = language(&core, site, lang).await?;
            let options = pamir_import::wordpress::load::Options { lang, dry_run, files, permalinks, users };
            let progress = Shown::new();
            let report = pamir_import::wordpress::load::load(&core, site, &export, &options, &progress).await;
            progress.finish();
            let report = report.context(STOPPED)?;
            print!("{report}");
            core.db.close().await;
            Ok(())
        }
        ImportCommand::Joomla { mysql, sql_dump, prefix, lang, files, old_urls, dry_run, check } => {
            check_folder(files.as_deref())?;
            check_old_urls(&old_urls)?;
            let tables = match (mysql, sql_dump) {
                (Some(url), _) => pamir_import::joomla::read_database(&url, prefix.as_deref()).await?,
                (None, Some(file)) => {
                    let sql = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
                    let sql = String::from_utf8_lossy(&sql);
                    pamir_import::joomla::read_dump(&sql, prefix.as_deref())
                        .with_context(|| format!("{} is not a usable Joomla dump", file.display()))?
                }
                (None, None) => bail!("say where the Joomla site is: --mysql URL or --sql-dump FILE"),
            };
            let joomla = pamir_import::joomla::Site::from_tables(&tables);
            println!(
                "Read Joomla tables {}*: {} articles, {} categories, {} tags, {} users, {} contacts.",
                tables.prefix,
                joomla.articles.len(),
                joomla.categories.len(),
                joomla.tags.len(),
                joomla.users.len(),
                joomla.contacts.len()
            );
            let (core, site) = super::open(&config).await?;
            if check {
                let urls: Vec<&str> = old_urls.iter().map(String::as_str).collect();
                let old = pamir_import::localise::OldSite::joomla(&urls);
                let fidelity = pamir_import::joomla::check(&core, site, &joomla, &tables.prefix, &old).await?;
                print!("{fidelity}");
                core.db.close().await;
                return Ok(());
            }
            let lang = language(&core, site, lang).await?;
            let options = pamir_import::joomla::Options { lang, dry_run, files, old_urls };
            let progress = Shown::new();
            let report = pamir_import::joomla::load(&core, site, &joomla, &tables.prefix, &options, &progress).await;
            progress.finish();
            let report = report.context(STOPPED)?;
            print!("{report}");
            core.db.close().await;
            Ok(())
        }
    }
}

/// Each old address is an http(s) address with a host.
fn check_old_urls(urls: &[String]) -> anyhow::Result<()> {
    for url in urls {
        let host = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).unwrap_or("");
        if host.split(['/', '?', '#']).next().unwrap_or("").is_empty() {
            bail!("--old-url {url:?} is not an address such as https://www.example.org");
        }
    }
    Ok(())
}

fn check_folder(folder: Option<&std::path::Path>) -> anyhow::Result<()> {
    match folder {
        Some(folder) if !folder.is_dir() => bail!("the files folder {} does not exist", folder.display()),
        _ => Ok(()),
    }
}

/// The language asked for, if the site offers it, else the site's own.
async fn language(core: &Core, site: SiteId, asked: Option<String>) -> anyhow::Result<Lang> {
    let settings = pamir_db::settings::load(&core.db, site).await?;
    match asked {
        None => Ok(settings.default_lang.clone()),
        Some(code) => match Lang::parse(&code).ok().filter(|l| settings.offers(l)) {
            Some(lang) => Ok(lang),
            None => bail!("the site has no language {code:?}; its languages are {:?}", settings.languages),
        },
    }
}

/// A progress bar on a terminal; plain lines (a few per stage) when the
/// output goes to a file or a CI log.
struct Shown {
    bar: Option<indicatif::ProgressBar>,
    plain: std::sync::Mutex<(String, usize, usize)>,
}

impl Shown {
    fn new() -> Self {
        use std::io::IsTerminal;
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(0);
            let style = indicatif::ProgressStyle::with_template("{msg:>14} [{bar:40}] {pos}/{len} {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            bar.set_style(style.progress_chars("=> "));
            bar
        });
        Self { bar, plain: std::sync::Mutex::new((String::new(), 0, 0)) }
    }
}

impl Progress for Shown {
    fn stage(&self, name: &str, total: usize) {
        if let Some(bar) = &self.bar {
            bar.set_message(name.to_owned());
            bar.set_length(total as u64);
            bar.set_position(0);
            return;
        }
        if let Ok(mut plain) = self.plain.lock() {
            *plain = (name.to_owned(), 0, total);
        }
        eprintln!("{name}: 0/{total}");
    }

    fn advance(&self, count: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(count as u64);
            return;
        }
        let Ok(mut plain) = self.plain.lock() else { return };
        let (name, done, total) = &mut *plain;
        let step = (*total / 10).max(50);
        let before = *done / step;
        *done += count;
        if *done / step > before || *done == *total {
            eprintln!("{name}: {done}/{total}");
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
