//! The old site's files: the hosts it answered on (given with `--old-url`,
//! or told by the texts' own absolute links to files the folder holds), the
//! files brought in by an earlier run, and the old pages that redirect
//! here, so that the articles' images, their links to documents and their
//! lead images all land in the media library once, and no link is left
//! pointing at the host that goes away (see [`crate::localise`]).

use super::Loader;
use crate::joomla::addresses::Addresses;
use crate::localise::{Files, OldSite};
use pamir_core::CoreError;
use std::collections::HashMap;

impl<'a> Loader<'a> {
    /// The importer's view of the files folder, ready for the articles.
    pub(super) async fn files(&mut self, old: OldSite) -> Result<Files<'a>, CoreError> {
        let folder = self.options.files.as_deref();
        let (core, site, lang, dry_run) = (self.core, self.site_id, &self.options.lang, self.options.dry_run);
        let mut files = Files::new(core, site, self.ledger.source(), folder, old, lang, dry_run).await?;
        // Earlier versions remembered the articles' images as "image".
        files.adopt_known(self.ledger.known("image").await?.clone()).await?;
        let addresses = Addresses::new(self.joomla);
        let categories: HashMap<i64, _> = self.joomla.categories.iter().map(|c| (c.id, c)).collect();
        let articles = self.joomla.articles.iter();
        files.know_pages(articles.flat_map(|a| addresses.article(a, categories.get(&a.catid).copied())));
        files.know_pages(self.joomla.categories.iter().flat_map(|c| addresses.category(c)));
        Ok(files)
    }

    /// The hosts the old site answered on: those given, and those of
    /// absolute links in the texts to files below `images/` that the
    /// folder holds (said in the report, so a wrong guess shows).
    pub(super) fn old_site(&mut self) -> OldSite {
        let mut hosts: Vec<String> = self.options.old_urls.clone();
        if let Some(folder) = &self.options.files {
            let given = OldSite::joomla(&self.options.old_urls.iter().map(String::as_str).collect::<Vec<_>>());
            for host in hosts_of_files(self.joomla, folder) {
                if !given.answers_on(&host) {
                    self.report.warn(
                        "site",
                        &format!(
                            "took {host} to be the old site: its articles link there to files the folder holds \
                             (name every address it had with --old-url)"
                        ),
                    );
                    hosts.push(host);
                }
            }
        }
        OldSite::joomla(&hosts.iter().map(String::as_str).collect::<Vec<_>>())
    }
}

/// `scheme://host` of every absolute address in the articles that names a
/// file below `images/` which the folder holds. Each address is read as
/// if its host were the old site's, by the same rules as every other
/// reference ([`OldSite::file_of`]).
fn hosts_of_files(joomla: &crate::joomla::Site, folder: &std::path::Path) -> Vec<String> {
    let mut hosts: Vec<String> = Vec::new();
    let texts = joomla.articles.iter().flat_map(|a| [a.introtext.as_str(), a.fulltext.as_str()]);
    for text in texts {
        for address in text.split(['"', '\'', ' ', '(', ')']).filter(|t| t.starts_with("http")) {
            let Some((scheme, rest)) = address.split_once("://") else { continue };
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            let Some(relative) = OldSite::joomla(&[address]).file_of(address) else { continue };
            let below_images = relative.strip_prefix("images/").unwrap_or(&relative);
            let held = [folder.join(&relative), folder.join(below_images)].iter().any(|file| file.is_file());
            let origin = format!("{scheme}://{host}");
            if held && !hosts.contains(&origin) {
                hosts.push(origin);
            }
        }
    }
    hosts
}
