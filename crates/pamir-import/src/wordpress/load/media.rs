//! The attachments (WordPress's media library) brought from the files
//! folder into pamir's, by their WordPress id for lead images and
//! galleries, and handed to [`Files`] so that the posts' references to the
//! same files find them.

use super::super::Attachment;
use super::Load;
use super::addresses::path_of;
use crate::localise::Files;
use crate::names::{percent_decode, plain_title};
use crate::progress::Progress;
use pamir_core::CoreError;
use std::collections::HashMap;

/// Where an attachment's file sits below the uploads folder: WordPress's
/// record of it, else the part of its address after `wp-content/uploads/`
/// (or, on WordPress.com, the whole path).
pub(super) fn relative_file(attachment: &Attachment) -> Option<String> {
    if let Some(file) = attachment.file.as_deref().filter(|f| !f.is_empty()) {
        return Some(file.to_owned());
    }
    let path = path_of(&attachment.url)?;
    let path = path.split(['?', '#']).next().unwrap_or("");
    let relative = match path.find("/wp-content/uploads/") {
        Some(at) => &path[at + "/wp-content/uploads/".len()..],
        None => path.trim_start_matches('/'),
    };
    let relative = percent_decode(relative);
    // Never outside the folder given.
    (!relative.is_empty() && !relative.split('/').any(|part| part == ".." || part.is_empty())).then_some(relative)
}

impl Load<'_> {
    /// Imports the attachments' files from `--files`: WordPress id → media id.
    pub(super) async fn attachments(
        &mut self,
        files: &mut Files<'_>,
        progress: &dyn Progress,
    ) -> Result<HashMap<i64, i64>, CoreError> {
        let known = self.ledger.known("attachment").await?.clone();
        let mut media = HashMap::new();
        let mut known_files = HashMap::new();
        for attachment in &self.export.attachments {
            progress.advance(1);
            if let Some(id) = known.get(&attachment.id.to_string()) {
                media.insert(attachment.id, *id);
                if let Some(relative) = relative_file(attachment) {
                    files.know_file_page(&attachment.page, &relative);
                    known_files.insert(relative, *id);
                }
                self.report.unchanged("attachment");
                continue;
            }
            let Some(folder) = &self.options.files else {
                self.report.skip(
                    "attachment",
                    attachment.id,
                    "no files folder given (--files); nothing is fetched from the internet",
                );
                continue;
            };
            let Some(relative) = relative_file(attachment) else {
                self.report.skip("attachment", attachment.id, "its address names no file");
                continue;
            };
            files.know_file_page(&attachment.page, &relative);
            let Ok(bytes) = std::fs::read(folder.join(&relative)) else {
                self.report.skip("attachment", attachment.id, &format!("{relative} is not in the files folder"));
                continue;
            };
            if self.options.dry_run {
                files.adopt(&relative, 0, format!("/media/{relative}"));
                self.report.added("attachment");
                continue;
            }
            // WordPress often has no alternative text; its caption or title is
            // the best description there is, flagged for an editor to review.
            let alt = [&attachment.alt, &attachment.caption, &attachment.title]
                .into_iter()
                .map(|text| plain_title(text))
                .find(|text| !text.is_empty())
                .unwrap_or_default();
            if attachment.alt.trim().is_empty() {
                self.report.warn(
                    &format!("attachment {}", attachment.id),
                    "no alternative text in WordPress: its caption or title was used; review it",
                );
            }
            let upload = pamir_core::media::Upload {
                site: self.site,
                bytes,
                file_name: relative.rsplit('/').next().unwrap_or("").to_owned(),
                texts: vec![(self.options.lang.to_string(), alt.clone(), plain_title(&attachment.caption))],
                credit: String::new(),
                decorative: alt.is_empty(),
            };
            let source_id = attachment.id.to_string();
            let record = self.ledger.record("attachment", &source_id);
            match pamir_core::media::import(self.core, upload, record).await {
                Ok((id, stored)) => {
                    files.adopt(&relative, id, format!("/media/{stored}"));
                    self.ledger.noted("attachment", &source_id, id);
                    media.insert(attachment.id, id);
                    self.report.added("attachment");
                }
                Err(pamir_core::media::UploadRefused::File(problem)) => {
                    self.report.skip("attachment", attachment.id, &format!("{relative}: {problem}"));
                }
                Err(pamir_core::media::UploadRefused::Core(error)) => return Err(error),
            }
        }
        files.adopt_known(known_files).await?;
        Ok(media)
    }
}
