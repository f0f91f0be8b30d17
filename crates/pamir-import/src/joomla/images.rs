//! The images Joomla articles show (their intro and full-text images, and
//! the ones in their text), brought from a copy of the site's `images/`
//! folder into the media library. Nothing is fetched from the internet.

use super::model::Site;
use super::text::image_sources;
use crate::progress::Progress;
use crate::report::Report;
use pamir_core::{Core, CoreError};
use pamir_domain::SiteId;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// An image an article shows: its path below the Joomla site
/// (`images/news/lake.jpg`), the best description the site had, and the
/// article, for the report.
pub struct Wanted {
    pub path: String,
    pub alt: String,
    /// Whether Joomla had alternative text for it (else `alt` is the article's title).
    pub described: bool,
    pub article: i64,
}

/// Every image the articles show, each once.
pub fn wanted(site: &Site) -> Vec<Wanted> {
    let mut seen = std::collections::HashSet::new();
    let mut wanted = Vec::new();
    for article in &site.articles {
        let fields = [&article.images.intro, &article.images.full];
        let mut found: Vec<(String, String)> = fields.into_iter().flatten().cloned().collect();
        found.extend(image_sources(&article.introtext));
        found.extend(image_sources(&article.fulltext));
        for (path, alt) in found {
            let path = path.trim_start_matches('/').to_owned();
            if path.starts_with("images/") && seen.insert(path.clone()) {
                let described = !alt.is_empty();
                let alt = if described { alt } else { article.title.clone() };
                wanted.push(Wanted { path, alt, described, article: article.id });
            }
        }
    }
    wanted
}

/// The file of `images/a/b.jpg` in the folder given: the `images/` folder
/// itself (`DIR/a/b.jpg`) or the Joomla site's root (`DIR/images/a/b.jpg`).
/// Never a file outside it.
fn file_of(folder: &Path, path: &str) -> Option<PathBuf> {
    let decoded = crate::names::percent_decode(path);
    if decoded.split('/').any(|part| part == ".." || part.is_empty()) {
        return None;
    }
    let below_images = decoded.strip_prefix("images/")?;
    [folder.join(below_images), folder.join(&decoded)].into_iter().find(|file| file.is_file())
}

/// Imports the images: Joomla path → (media id, its address on the site).
pub async fn import(
    core: &Core,
    site: SiteId,
    source: &str,
    wanted: &[Wanted],
    options: &super::load::Options,
    report: &mut Report,
    progress: &dyn Progress,
) -> Result<HashMap<String, (i64, String)>, CoreError> {
    let known = pamir_core::imports::known(core, site, source, "image").await?;
    let mut imported = HashMap::new();
    if !known.is_empty() {
        let ids: Vec<i64> = known.values().copied().collect();
        let paths = pamir_core::imports::media_paths(core, &ids, &options.lang).await?;
        for (path, id) in &known {
            if let Some(stored) = paths.get(id) {
                imported.insert(path.clone(), (*id, format!("/media/{stored}")));
            }
        }
    }
    for image in wanted {
        progress.advance(1);
        if imported.contains_key(&image.path) {
            report.unchanged("image");
            continue;
        }
        let Some(folder) = &options.files else {
            report.skip(
                "image",
                image.article,
                "no images folder given (--files); nothing is fetched from the internet",
            );
            continue;
        };
        let Some(file) = file_of(folder, &image.path) else {
            report.skip("image", image.article, &format!("{} is not in the images folder", image.path));
            continue;
        };
        let bytes = match std::fs::read(&file) {
            Ok(bytes) => bytes,
            Err(error) => {
                report.skip("image", image.article, &format!("{}: {error}", image.path));
                continue;
            }
        };
        if options.dry_run {
            report.added("image");
            continue;
        }
        let upload = pamir_core::media::Upload {
            site,
            bytes,
            file_name: image.path.rsplit('/').next().unwrap_or("").to_owned(),
            texts: vec![(options.lang.to_string(), crate::names::plain_title(&image.alt), String::new())],
            credit: String::new(),
            decorative: false,
        };
        let record = pamir_core::imports::Record { source, kind: "image", id: &image.path };
        match pamir_core::media::import(core, upload, record).await {
            Ok((id, stored)) => {
                if !image.described {
                    report.warn(
                        &format!("image {}", image.path),
                        "no alternative text in Joomla: its article's title was used; review it",
                    );
                }
                imported.insert(image.path.clone(), (id, format!("/media/{stored}")));
                report.added("image");
            }
            Err(pamir_core::media::UploadRefused::File(problem)) => {
                report.skip("image", image.article, &format!("{}: {problem}", image.path));
            }
            Err(pamir_core::media::UploadRefused::Core(error)) => return Err(error),
        }
    }
    Ok(imported)
}
