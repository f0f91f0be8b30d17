//! The media library: uploads checked and re-encoded into resized
//! renditions (never kept as sent), described per language, and deleted
//! only when no item shows them any more.

use crate::audit::Actor;
use crate::auth::sessions::Origin;
use crate::{Core, CoreError};
use pamir_db::media::NewMedia;
use pamir_domain::media::MediaVariant;
use pamir_domain::{Action, SiteId};
use pamir_media::{BlobStore, Limits, LocalFolder, UploadError};
use std::sync::Arc;

/// What an editor sends with a file.
pub struct Upload {
    pub site: SiteId,
    pub bytes: Vec<u8>,
    /// The file's name on the editor's computer, only to name the stored files.
    pub file_name: String,
    /// (lang, alt, caption) per language.
    pub texts: Vec<(String, String, String)>,
    pub credit: String,
    /// Ticked when the image adds nothing a screen reader should say.
    pub decorative: bool,
}

/// Why an upload was refused: the file itself, or the words around it.
#[derive(Debug, thiserror::Error)]
pub enum UploadRefused {
    #[error(transparent)]
    File(#[from] UploadError),
    #[error("{0}")]
    Core(#[from] CoreError),
}

impl Core {
    /// Where media files are kept. A local folder now; object storage is
    /// another [`BlobStore`] behind this same call.
    pub fn blob_store(&self) -> Arc<dyn BlobStore> {
        Arc::new(LocalFolder::new(self.media_dir.clone()))
    }
}

/// The stored name's stem: date folders, a random part (names never clash
/// and cannot be guessed), and a slug of the original name for people.
fn stem(file_name: &str, now: chrono::DateTime<chrono::Utc>) -> Result<String, CoreError> {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or("");
    let base = base.rsplit_once('.').map(|(stem, _)| stem).unwrap_or(base);
    let mut slug = pamir_content::slug::slugify(base);
    slug.truncate(60);
    let slug = slug.trim_end_matches('-').to_owned();
    let random = crate::auth::random_hex(4)?;
    let name = if slug.is_empty() { random } else { format!("{random}-{slug}") };
    Ok(format!("{}/{name}", now.format("%Y/%m")))
}

/// What a link to a document pamir keeps as a file tells its reader:
/// "PDF, 1.2 MB"; `None` for pictures, audio and video, which pages show.
pub fn document_label(bytes: &[u8], file_name: &str) -> Option<String> {
    if pamir_media::Format::sniff(bytes).is_some() {
        return None;
    }
    let kind = pamir_media::sniff_attachment(bytes, file_name)?;
    (kind.kind == pamir_media::AttachmentKind::Document).then(|| pamir_media::describe(&kind, bytes.len()))
}

/// An editor's upload.
pub async fn upload(core: &Core, actor: &Actor, upload: Upload) -> Result<i64, UploadRefused> {
    actor.require(Action::UploadMedia)?;
    let by =
        Uploader { user_id: Some(actor.user.id), origin: actor.origin.clone(), action: "media.upload", record: None };
    Ok(store(core, upload, by).await?.0)
}

/// An importer's file, checked and stored like an upload, by nobody in
/// particular; the note of which record of the old site it was commits
/// with its row.
pub async fn import(
    core: &Core,
    upload: Upload,
    record: crate::imports::Record<'_>,
) -> Result<(i64, String), UploadRefused> {
    let origin = Origin { ip: "console".into(), user_agent: String::new() };
    store(core, upload, Uploader { user_id: None, origin, action: "media.import", record: Some(record) }).await
}

/// Who stores a file, for its row and its audit entry.
struct Uploader<'a> {
    user_id: Option<i64>,
    origin: Origin,
    action: &'static str,
    /// The old site's record, for an import.
    record: Option<crate::imports::Record<'a>>,
}

/// Checks, renders and stores an upload; returns its id and path. The files
/// go to the store first and the row commits after them, with its audit
/// entry: a row never points at a missing file. Before the first file is
/// written the upload is noted as under way, and the note goes with the
/// row's commit, so files left by a crash in between are known and
/// [`sweep_unfinished`] removes them.
async fn store(core: &Core, mut upload: Upload, by: Uploader<'_>) -> Result<(i64, String), UploadRefused> {
    if pamir_media::svg::looks_like_svg(&upload.bytes) {
        return store_svg(core, upload, by).await;
    }
    if pamir_media::Format::sniff(&upload.bytes).is_none()
        && let Some(kind) = pamir_media::sniff_attachment(&upload.bytes, &upload.file_name)
    {
        return store_attachment(core, upload, kind, by).await;
    }
    let created_by = by.user_id;
    require_alt(&upload)?;
    let now = core.clock.now();
    let stem = stem(&upload.file_name, now)?;
    let bytes = std::mem::take(&mut upload.bytes);
    // Decoding and resizing take a CPU for a while: off the async threads.
    let (format, renditions) = tokio::task::spawn_blocking(move || -> Result<_, UploadRefused> {
        let checked = pamir_media::inspect(&bytes, &Limits::default())?;
        Ok((checked.format, keep_smaller_webp(pamir_media::render(&checked)?)))
    })
    .await
    .map_err(|e| CoreError::Internal(format!("the upload was interrupted: {e}")))??;
    let files: Vec<(String, &str, u32, u32, Vec<u8>)> =
        renditions.into_iter().map(|r| (r.file_name(&stem), r.format.mime(), r.width, r.height, r.bytes)).collect();
    // The first file is the full size in the upload's own format; the rest are variants.
    let Some((path, mime, width, height, size)) = files
        .iter()
        .find(|(_, mime, ..)| *mime == format.mime())
        .map(|(key, mime, width, height, bytes)| (key.clone(), *mime, *width, *height, bytes.len()))
    else {
        return Err(CoreError::Internal("no full-size rendition was made".into()).into());
    };
    let variants: Vec<MediaVariant> = files
        .iter()
        .filter(|(key, ..)| *key != path)
        .map(|(key, mime, width, height, _)| MediaVariant {
            path: key.clone(),
            mime_type: (*mime).to_owned(),
            width: i64::from(*width),
            height: i64::from(*height),
        })
        .collect();
    let pending =
        put_files(core, upload.site, files.into_iter().map(|(key, _, _, _, bytes)| (key, bytes)).collect()).await?;
    let texts = picture_texts(&upload);
    let new = NewMedia {
        path: &path,
        mime_type: mime,
        width: i64::from(width),
        height: i64::from(height),
        byte_size: size as i64,
        credit: upload.credit.trim(),
        variants: &variants,
        decorative: upload.decorative,
        created_by,
        texts,
    };
    let id = record_row(core, upload.site, &new, by, now, pending).await?;
    Ok((id, path))
}

/// A picture needs words for those who cannot see it, unless it is marked decorative.
fn require_alt(upload: &Upload) -> Result<(), CoreError> {
    let described = upload.texts.iter().any(|(_, alt, _)| !alt.trim().is_empty());
    if !upload.decorative && !described {
        return Err(CoreError::rule("alt", pamir_domain::Message::new("rule-image-alt")));
    }
    Ok(())
}

/// A picture's (language, alt, caption) for its row; a decorative one has no alt.
fn picture_texts(upload: &Upload) -> Vec<(&str, &str, &str)> {
    upload
        .texts
        .iter()
        .map(|(lang, alt, caption)| (lang.as_str(), if upload.decorative { "" } else { alt.trim() }, caption.trim()))
        .collect()
}

/// Stores an SVG drawing (a logo, a diagram) as pamir wrote it again from
/// the shapes it allows (see `pamir_media::svg`); it needs no renditions,
/// since it is sharp at every size, but its alternative text like any picture.
async fn store_svg(core: &Core, upload: Upload, by: Uploader<'_>) -> Result<(i64, String), UploadRefused> {
    require_alt(&upload)?;
    let drawing = pamir_media::svg::clean(&upload.bytes).map_err(UploadError::from)?;
    let now = core.clock.now();
    let path = format!("{}.svg", stem(&upload.file_name, now)?);
    let size = drawing.bytes.len();
    let pending = put_files(core, upload.site, vec![(path.clone(), drawing.bytes)]).await?;
    let texts = picture_texts(&upload);
    let new = NewMedia {
        path: &path,
        mime_type: "image/svg+xml",
        width: i64::from(drawing.width),
        height: i64::from(drawing.height),
        byte_size: size as i64,
        credit: upload.credit.trim(),
        variants: &[],
        decorative: upload.decorative,
        created_by: by.user_id,
        texts,
    };
    let id = record_row(core, upload.site, &new, by, now, pending).await?;
    Ok((id, path))
}

/// Stores an audio, video or document file as it was sent (there is
/// nothing to re-encode it into), under a name of pamir's with the
/// extension of its type; the row commits after the file, as for images.
async fn store_attachment(
    core: &Core,
    upload: Upload,
    kind: pamir_media::AttachmentType,
    by: Uploader<'_>,
) -> Result<(i64, String), UploadRefused> {
    let size = upload.bytes.len();
    if size > pamir_media::MAX_ATTACHMENT_BYTES {
        return Err(UploadError::FileTooBig { size, max: pamir_media::MAX_ATTACHMENT_BYTES }.into());
    }
    let now = core.clock.now();
    let path = format!("{}.{}", stem(&upload.file_name, now)?, kind.extension);
    let pending = put_files(core, upload.site, vec![(path.clone(), upload.bytes)]).await?;
    // Its words are a title for the link or player, not a picture's description.
    let texts = upload.texts.iter().map(|(lang, alt, caption)| (lang.as_str(), alt.trim(), caption.trim())).collect();
    let new = NewMedia {
        path: &path,
        mime_type: kind.mime,
        width: 0,
        height: 0,
        byte_size: size as i64,
        credit: upload.credit.trim(),
        variants: &[],
        decorative: false,
        created_by: by.user_id,
        texts,
    };
    let id = record_row(core, upload.site, &new, by, now, pending).await?;
    Ok((id, path))
}

/// An upload's files on their way to the store, noted as under way first.
struct Pending {
    id: i64,
    keys: Vec<String>,
}

/// Notes the upload as under way, then writes its files. When a file
/// cannot be written, those written are removed and the note with them.
async fn put_files(core: &Core, site: SiteId, files: Vec<(String, Vec<u8>)>) -> Result<Pending, CoreError> {
    let keys: Vec<String> = files.iter().map(|(key, _)| key.clone()).collect();
    let id = pamir_db::media_pending::begin(&core.db, site, &keys, core.clock.now().timestamp()).await?;
    let pending = Pending { id, keys };
    let store = core.blob_store();
    let written = tokio::task::spawn_blocking(move || {
        files.iter().try_for_each(|(key, bytes)| store.put(key, bytes)).map_err(|e| e.to_string())
    })
    .await
    .unwrap_or_else(|e| Err(format!("interrupted: {e}")));
    match written {
        Ok(()) => Ok(pending),
        Err(error) => {
            abandon(core, pending).await;
            Err(CoreError::Internal(format!("cannot store the file: {error}")))
        }
    }
}

/// Writes a stored file's row with its audit entry (and, for an import,
/// the old site's record) in one transaction, which also ends the note
/// that the upload is under way; when that fails, the files are removed
/// again, so that nothing is left without a row.
async fn record_row(
    core: &Core,
    site: SiteId,
    new: &NewMedia<'_>,
    by: Uploader<'_>,
    now: chrono::DateTime<chrono::Utc>,
    pending: Pending,
) -> Result<i64, CoreError> {
    let recorded = async {
        let mut change = core.begin().await?;
        let id = pamir_db::media::insert(&mut change.tx, site, new, now.timestamp()).await?;
        let subject = format!("media {id} {}", new.path);
        change.audit_as(Some(site), by.user_id, &by.origin, by.action, &subject, "").await?;
        if let Some(record) = by.record {
            crate::imports::remember_in(&mut change, site, record, id).await?;
        }
        pamir_db::media_pending::finish(&mut change.tx, pending.id).await?;
        change.commit().await?;
        Ok::<i64, CoreError>(id)
    };
    match recorded.await {
        Ok(id) => Ok(id),
        Err(error) => {
            abandon(core, pending).await;
            Err(error)
        }
    }
}

/// Removes the files of an upload that will not get its row, then the note
/// that it was under way. If the process dies first, the note stays and
/// [`sweep_unfinished`] does it later.
async fn abandon(core: &Core, pending: Pending) {
    remove_files(core, pending.keys).await;
    let forgotten = async {
        let mut change = core.begin().await?;
        pamir_db::media_pending::finish(&mut change.tx, pending.id).await?;
        change.commit().await
    };
    if let Err(error) = forgotten.await {
        tracing::warn!(%error, pending = pending.id, "unfinished upload left for the next sweep");
    }
}

/// Removes the files of uploads that began more than `older_than` ago and
/// never got their row: the process storing them was killed or lost its
/// database. Returns how many uploads it cleaned up. `older_than` must be
/// longer than any upload takes, since another node may be storing one.
pub async fn sweep_unfinished(core: &Core, older_than: std::time::Duration) -> Result<usize, CoreError> {
    let age = i64::try_from(older_than.as_secs()).unwrap_or(i64::MAX);
    let before = core.clock.now().timestamp().saturating_sub(age);
    let stale = pamir_db::media_pending::stale(&core.db, before).await?;
    let count = stale.len();
    for (id, keys) in stale {
        tracing::info!(pending = id, files = keys.len(), "removing the files of an upload that never finished");
        abandon(core, Pending { id, keys }).await;
    }
    Ok(count)
}

/// An upload takes seconds; one begun this long ago is not going to finish.
pub const UNFINISHED_AFTER: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Sweeps unfinished uploads every few minutes, until the process ends, so
/// that files a killed node left behind go without anyone's help.
pub async fn keep_swept(core: Core) {
    loop {
        match sweep_unfinished(&core, UNFINISHED_AFTER).await {
            Ok(0) => {}
            Ok(uploads) => tracing::info!(uploads, "files of unfinished uploads removed"),
            Err(error) => tracing::warn!(%error, "unfinished uploads could not be swept"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(10 * 60)).await;
    }
}

/// Removes stored files, logging (not failing on) any that stay.
async fn remove_files(core: &Core, keys: Vec<String>) {
    let store = core.blob_store();
    let removed = tokio::task::spawn_blocking(move || {
        for key in keys {
            if let Err(error) = store.delete(&key) {
                tracing::warn!(%key, %error, "media file could not be removed");
            }
        }
    });
    if let Err(error) = removed.await {
        tracing::warn!(%error, "removing media files was interrupted");
    }
}

/// Our WebP encoder is lossless: for photos its files are several times
/// larger than the JPEG beside them, which would make pages heavier, not
/// lighter. A WebP rendition is kept only where it is the smaller file.
fn keep_smaller_webp(renditions: Vec<pamir_media::Rendition>) -> Vec<pamir_media::Rendition> {
    let size_of_original_format = |suffix: &str| {
        renditions
            .iter()
            .find(|r| r.name_suffix == suffix && r.format != pamir_media::Format::WebP)
            .map(|r| r.bytes.len())
    };
    let keep: Vec<bool> = renditions
        .iter()
        .map(|r| {
            r.format != pamir_media::Format::WebP
                || size_of_original_format(&r.name_suffix).is_none_or(|other| r.bytes.len() < other)
        })
        .collect();
    renditions.into_iter().zip(keep).filter_map(|(r, keep)| keep.then_some(r)).collect()
}

/// The file an upload just stored, with its texts in `lang`.
pub async fn uploaded(core: &Core, media_id: i64, lang: &str) -> Result<pamir_domain::media::Media, CoreError> {
    let lang = pamir_domain::Lang::parse(lang).map_err(|e| CoreError::Internal(e.to_string()))?;
    match pamir_db::media::get_many(&core.db, &[media_id], &lang, &lang).await?.pop() {
        Some(media) => Ok(media),
        None => Err(CoreError::NotFound(format!("media {media_id}"))),
    }
}

/// Deletes a media file and its renditions, unless an item still shows it:
/// then the error lists those items.
pub async fn delete(core: &Core, actor: &Actor, site: SiteId, media_id: i64) -> Result<(), CoreError> {
    actor.require(Action::ManageMedia)?;
    let users = pamir_db::media::usage(&core.db, site, media_id).await?;
    if !users.is_empty() {
        let list: Vec<String> = users.iter().map(|(id, lang, title)| format!("{title} ({lang}, item {id})")).collect();
        return Err(CoreError::rule(
            "media",
            pamir_domain::Message::new("rule-media-in-use").with("items", list.join("; ")),
        ));
    }
    let lang = pamir_domain::Lang::parse("en").map_err(|e| CoreError::Internal(e.to_string()))?;
    let Some(media) = pamir_db::media::get_many(&core.db, &[media_id], &lang, &lang).await?.pop() else {
        return Err(CoreError::NotFound(format!("media {media_id}")));
    };
    // The row goes first, with its audit entry; the files after it commits,
    // so a failure never leaves a row whose files are gone.
    let mut change = core.begin().await?;
    pamir_db::media::delete(&mut change.tx, site, media_id).await?;
    change.audit(Some(site), actor, "media.delete", &format!("media {media_id} {}", media.path), "").await?;
    change.content_changed(site);
    change.commit().await?;
    let keys = std::iter::once(media.path.clone()).chain(media.variants.iter().map(|v| v.path.clone())).collect();
    remove_files(core, keys).await;
    Ok(())
}
