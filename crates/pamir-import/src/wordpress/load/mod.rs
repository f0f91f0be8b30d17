//! Loading a read WordPress export into a pamir site, one step of the move
//! per file: the categories and tags ([`terms`]), the attachments and the
//! files the posts show ([`media`]), the authors ([`users`]), the posts and
//! pages ([`items`]) and the old addresses ([`addresses`]). Every record's
//! source id is remembered (per language where that matters), so importing
//! the same export again adds nothing and says so. Everything is written
//! through `pamir-core`'s import use cases; items in one transaction per
//! batch, rendered and sanitised like any other.

mod addresses;
mod check;
mod items;
mod media;
mod terms;
mod users;

pub use addresses::permalink;
pub use check::check;

use super::model::Export;
use crate::ledger::Ledger;
use crate::localise::{Files, OldSite};
use crate::progress::Progress;
use crate::report::Report;
use pamir_core::{Core, CoreError};
use pamir_domain::{Lang, SiteId};

/// How the export is to be loaded.
pub struct Options {
    /// The language the WordPress site was written in (a post's own
    /// language, where a multilingual plugin recorded one, comes first).
    pub lang: Lang,
    /// Count and check everything, write nothing.
    pub dry_run: bool,
    /// The site's `wp-content/uploads` folder (or a copy of it), where the
    /// attachments' files are; without it they are skipped. Nothing is
    /// ever fetched from the internet.
    pub files: Option<std::path::PathBuf>,
    /// The site's permalink structure, e.g. `/%year%/%monthnum%/%postname%/`,
    /// when old links used another than the export's `<link>` addresses.
    pub permalinks: Option<String>,
    /// Also make the export's authors pamir users (role Author, no password
    /// until an administrator sets one), as the authors of their posts.
    pub users: bool,
}

/// One run of the import: what every step reads and adds to.
struct Load<'a> {
    core: &'a Core,
    site: SiteId,
    /// What each record of this WordPress site became here.
    ledger: Ledger<'a>,
    export: &'a Export,
    options: &'a Options,
    report: Report,
}

fn source_key(export: &Export) -> String {
    let url = if export.blog_url.is_empty() { &export.base_url } else { &export.blog_url };
    format!("wordpress:{}", url.trim_end_matches('/'))
}

pub async fn load(
    core: &Core,
    site: SiteId,
    export: &Export,
    options: &Options,
    progress: &dyn Progress,
) -> Result<Report, CoreError> {
    let mut run = Load {
        core,
        site,
        ledger: Ledger::new(core, site, source_key(export), options.dry_run),
        export,
        options,
        report: Report::new("WordPress", options.dry_run),
    };
    let mut terms = run.terms().await?;

    progress.stage("attachments", export.attachments.len());
    let source = run.ledger.source().to_owned();
    let folder = options.files.as_deref();
    let mut files = Files::new(core, site, &source, folder, old_site(export), &options.lang, options.dry_run).await?;
    files.know_pages(export.posts.iter().flat_map(|post| run.post_addresses_quietly(post)));
    let media = run.attachments(&mut files, progress).await?;
    let users = run.users().await?;

    let posts = run.posts(&mut terms, &media, &users, &mut files).await?;
    for skipped in &export.skipped {
        run.report.skip(&skipped.kind, skipped.id.unwrap_or(0), &skipped.reason);
    }
    if options.dry_run {
        for post in &posts {
            run.report.added(items::kind_name(post.post));
        }
        let would_add = run.count_addresses(&posts, &terms);
        for _ in 0..would_add {
            run.report.added("redirect");
        }
        return Ok(run.report);
    }
    let created = run.store(posts, progress).await?;
    run.redirects(&created, &terms, &files).await?;
    run.report.fidelity = Some(check(core, site, export).await?);
    Ok(run.report)
}

/// The old site's hosts: its own, and where its uploads were served from.
fn old_site(export: &Export) -> OldSite {
    let mut hosts: Vec<&str> = vec![&export.base_url, &export.blog_url];
    hosts.extend(export.attachments.iter().map(|a| a.url.as_str()));
    hosts.extend(export.posts.iter().map(|p| p.link.as_str()));
    OldSite::wordpress(&hosts)
}
