//! `pamir import wxr FILE`: a WordPress export moved into the site. The
//! file is read and checked whole before anything is written, so a broken
//! file leaves the site untouched; a second run of the same file adds nothing.

use crate::cli::ImportCommand;
use crate::config::Config;
use anyhow::{Context, bail};
use pamir_domain::Lang;
use pamir_import::wordpress::load::{Options, load};

pub async fn run(command: ImportCommand, config: Config) -> anyhow::Result<()> {
    match command {
        ImportCommand::Wxr { file, lang, files, permalinks, dry_run } => {
            if let Some(folder) = files.as_ref().filter(|folder| !folder.is_dir()) {
                bail!("the files folder {} does not exist", folder.display());
            }
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
            let settings = pamir_db::settings::load(&core.db, site).await?;
            let lang = match lang {
                None => settings.default_lang.clone(),
                Some(code) => match Lang::parse(&code).ok().filter(|l| settings.offers(l)) {
                    Some(lang) => lang,
                    None => bail!("the site has no language {code:?}; its languages are {:?}", settings.languages),
                },
            };
            let report = load(&core, site, &export, &Options { lang, dry_run, files, permalinks }).await?;
            print!("{report}");
            core.db.close().await;
            Ok(())
        }
    }
}
