//! Media files and their per-language descriptions.

use crate::{Db, DbError, Tx, on_pool, on_tx};
use pamir_domain::media::{Media, MediaVariant};
use pamir_domain::{Lang, SiteId};

pub struct NewMedia<'a> {
    pub path: &'a str,
    pub mime_type: &'a str,
    pub width: i64,
    pub height: i64,
    pub byte_size: i64,
    pub credit: &'a str,
    pub variants: &'a [MediaVariant],
    pub decorative: bool,
    pub created_by: Option<i64>,
    /// (lang, alt, caption)
    pub texts: Vec<(&'a str, &'a str, &'a str)>,
}

pub async fn insert(tx: &mut Tx, site: SiteId, media: &NewMedia<'_>, now: i64) -> Result<i64, DbError> {
    let variants = serde_json::to_string(media.variants).map_err(|e| DbError::Corrupt(e.to_string()))?;
    let id = on_tx!(tx, conn => {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO media (site_id, path, mime_type, width, height, byte_size, credit, created_at,
                                variants, decorative, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(site)
        .bind(media.path)
        .bind(media.mime_type)
        .bind(media.width)
        .bind(media.height)
        .bind(media.byte_size)
        .bind(media.credit)
        .bind(now)
        .bind(&variants)
        .bind(media.decorative)
        .bind(media.created_by)
        .fetch_one(&mut *conn)
        .await
        .map_err(DbError::conflict_as("a media file at this path"))?;
        for variant in media.variants {
            sqlx::query("INSERT INTO media_renditions (site_id, path, media_id, mime_type) VALUES ($1, $2, $3, $4)")
                .bind(site)
                .bind(&variant.path)
                .bind(id)
                .bind(&variant.mime_type)
                .execute(&mut *conn)
                .await
                .map_err(DbError::conflict_as("a media file at this path"))?;
        }
        for (lang, alt, caption) in &media.texts {
            sqlx::query("INSERT INTO media_texts (media_id, lang, alt, caption) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(*lang)
                .bind(*alt)
                .bind(*caption)
                .execute(&mut *conn)
                .await?;
        }
        Ok::<i64, DbError>(id)
    })?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct MediaRow {
    id: i64,
    path: String,
    mime_type: String,
    width: i64,
    height: i64,
    credit: String,
    byte_size: i64,
    variants: String,
    decorative: bool,
    alt: Option<String>,
    caption: Option<String>,
}

/// The media with these ids, described in `lang` (else in `fallback`).
pub async fn get_many(db: &Db, ids: &[i64], lang: &Lang, fallback: &Lang) -> Result<Vec<Media>, DbError> {
    get_many_where(db, None, ids, lang, fallback).await
}

/// As [`get_many`], only those of `site`: for ids that came from a form.
pub async fn get_many_of_site(
    db: &Db,
    site: SiteId,
    ids: &[i64],
    lang: &Lang,
    fallback: &Lang,
) -> Result<Vec<Media>, DbError> {
    get_many_where(db, Some(site), ids, lang, fallback).await
}

async fn get_many_where(
    db: &Db,
    site: Option<SiteId>,
    ids: &[i64],
    lang: &Lang,
    fallback: &Lang,
) -> Result<Vec<Media>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT m.id, m.path, m.mime_type, m.width, m.height, m.credit, m.byte_size, m.variants, m.decorative,
                COALESCE(t.alt, f.alt) AS alt, COALESCE(t.caption, f.caption) AS caption
         FROM media m
         LEFT JOIN media_texts t ON t.media_id = m.id AND t.lang = $1
         LEFT JOIN media_texts f ON f.media_id = m.id AND f.lang = $2
         WHERE ($3 IS NULL OR m.site_id = $3) AND m.id IN ({})",
        crate::items::placeholders(4, ids.len())
    );
    let rows: Vec<MediaRow> = on_pool!(db, pool => {
        let mut query =
            sqlx::query_as(crate::assembled(&sql)).bind(lang.as_str()).bind(fallback.as_str()).bind(site);
        for id in ids {
            query = query.bind(*id);
        }
        query.fetch_all(pool).await
    })?;
    rows.into_iter().map(MediaRow::into_media).collect()
}

impl MediaRow {
    fn into_media(self) -> Result<Media, DbError> {
        let variants = serde_json::from_str(&self.variants)
            .map_err(|e| DbError::Corrupt(format!("media {} variants: {e}", self.id)))?;
        Ok(Media {
            id: self.id,
            path: self.path,
            mime_type: self.mime_type,
            width: self.width,
            height: self.height,
            alt: self.alt.unwrap_or_default(),
            caption: self.caption.unwrap_or_default(),
            credit: self.credit,
            byte_size: self.byte_size,
            variants,
            decorative: self.decorative,
        })
    }
}

/// The site's media, newest first, whose path, alt text or caption holds
/// `text` (any, when empty); described in `lang`, else `fallback`.
pub async fn list(
    db: &Db,
    site: SiteId,
    lang: &Lang,
    fallback: &Lang,
    text: &str,
    limit: u32,
    offset: i64,
) -> Result<Vec<Media>, DbError> {
    list_where(db, site, lang, fallback, text, "", limit, offset).await
}

/// As [`list`], only files whose type starts with `mime_prefix` (`audio/`, `video/`).
pub async fn list_of_type(
    db: &Db,
    site: SiteId,
    lang: &Lang,
    fallback: &Lang,
    text: &str,
    mime_prefix: &str,
    limit: u32,
) -> Result<Vec<Media>, DbError> {
    list_where(db, site, lang, fallback, text, mime_prefix, limit, 0).await
}

#[allow(clippy::too_many_arguments)] // the two lists' arguments, in one query
async fn list_where(
    db: &Db,
    site: SiteId,
    lang: &Lang,
    fallback: &Lang,
    text: &str,
    mime_prefix: &str,
    limit: u32,
    offset: i64,
) -> Result<Vec<Media>, DbError> {
    let pattern = format!("%{}%", crate::audit::escape_like(&text.trim().to_lowercase()));
    let mime_pattern = format!("{}%", crate::audit::escape_like(mime_prefix));
    let rows: Vec<MediaRow> = on_pool!(db, pool => {
        sqlx::query_as(
            "SELECT m.id, m.path, m.mime_type, m.width, m.height, m.credit, m.byte_size, m.variants, m.decorative,
                    COALESCE(t.alt, f.alt) AS alt, COALESCE(t.caption, f.caption) AS caption
             FROM media m
             LEFT JOIN media_texts t ON t.media_id = m.id AND t.lang = $2
             LEFT JOIN media_texts f ON f.media_id = m.id AND f.lang = $3
             WHERE m.site_id = $1
               AND ($4 = '%%' OR LOWER(m.path) LIKE $4 OR LOWER(COALESCE(t.alt, f.alt, '')) LIKE $4
                    OR LOWER(COALESCE(t.caption, f.caption, '')) LIKE $4)
               AND m.mime_type LIKE $7
             ORDER BY m.id DESC LIMIT $5 OFFSET $6",
        )
        .bind(site)
        .bind(lang.as_str())
        .bind(fallback.as_str())
        .bind(&pattern)
        .bind(i64::from(limit))
        .bind(offset)
        .bind(&mime_pattern)
        .fetch_all(pool)
        .await
    })?;
    rows.into_iter().map(MediaRow::into_media).collect()
}

/// The items that show a media file, as lead image or in a gallery: (id, lang, title).
pub async fn usage(db: &Db, site: SiteId, media_id: i64) -> Result<Vec<(i64, String, String)>, DbError> {
    let rows = on_pool!(db, pool => {
        sqlx::query_as(
            "SELECT i.id, i.lang, i.title FROM items i
             WHERE i.site_id = $1 AND (i.image_id = $2 OR i.id IN (SELECT item_id FROM item_gallery WHERE media_id = $2))
             ORDER BY i.id",
        )
        .bind(site)
        .bind(media_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows)
}

/// Deletes a media row (its files are the caller's); false when there was none.
pub async fn delete(tx: &mut Tx, site: SiteId, media_id: i64) -> Result<bool, DbError> {
    let deleted = on_tx!(tx, conn => {
        sqlx::query("DELETE FROM media WHERE site_id = $1 AND id = $2")
            .bind(site)
            .bind(media_id)
            .execute(&mut *conn)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(deleted == 1)
}

/// The ids of this site's media stored at these paths (originals only).
pub async fn ids_at(db: &Db, site: SiteId, paths: &[&str]) -> Result<Vec<i64>, DbError> {
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    let sql =
        format!("SELECT id FROM media WHERE site_id = $1 AND path IN ({})", crate::items::placeholders(2, paths.len()));
    let ids = on_pool!(db, pool => {
        let mut query = sqlx::query_scalar(crate::assembled(&sql)).bind(site);
        for path in paths {
            query = query.bind(*path);
        }
        query.fetch_all(pool).await
    })?;
    Ok(ids)
}

/// Whether `path` is a stored media file or rendition of this site (media is
/// served only then), and its type.
pub async fn exists(db: &Db, site: SiteId, path: &str) -> Result<Option<String>, DbError> {
    let mime = on_pool!(db, pool => {
        sqlx::query_scalar(
            "SELECT mime_type FROM media WHERE site_id = $1 AND path = $2
             UNION ALL SELECT mime_type FROM media_renditions WHERE site_id = $1 AND path = $2",
        )
            .bind(site)
            .bind(path)
            .fetch_optional(pool)
            .await
    })?;
    Ok(mime)
}
