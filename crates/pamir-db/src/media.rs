//! Media files and their per-language descriptions.

use crate::{Db, DbError, on_pool};
use pamir_domain::media::Media;
use pamir_domain::{Lang, SiteId};

pub struct NewMedia<'a> {
    pub path: &'a str,
    pub mime_type: &'a str,
    pub width: i64,
    pub height: i64,
    pub byte_size: i64,
    pub credit: &'a str,
    /// (lang, alt, caption)
    pub texts: Vec<(&'a str, &'a str, &'a str)>,
}

pub async fn insert(db: &Db, site: SiteId, media: &NewMedia<'_>, now: i64) -> Result<i64, DbError> {
    let id = on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO media (site_id, path, mime_type, width, height, byte_size, credit, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(site)
        .bind(media.path)
        .bind(media.mime_type)
        .bind(media.width)
        .bind(media.height)
        .bind(media.byte_size)
        .bind(media.credit)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(DbError::conflict_as("a media file at this path"))?;
        for (lang, alt, caption) in &media.texts {
            sqlx::query("INSERT INTO media_texts (media_id, lang, alt, caption) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(*lang)
                .bind(*alt)
                .bind(*caption)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
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
    alt: Option<String>,
    caption: Option<String>,
}

/// The media with these ids, described in `lang` (else in `fallback`).
pub async fn get_many(db: &Db, ids: &[i64], lang: &Lang, fallback: &Lang) -> Result<Vec<Media>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT m.id, m.path, m.mime_type, m.width, m.height, m.credit, m.byte_size,
                COALESCE(t.alt, f.alt) AS alt, COALESCE(t.caption, f.caption) AS caption
         FROM media m
         LEFT JOIN media_texts t ON t.media_id = m.id AND t.lang = $1
         LEFT JOIN media_texts f ON f.media_id = m.id AND f.lang = $2
         WHERE m.id IN ({})",
        crate::items::placeholders(3, ids.len())
    );
    let rows: Vec<MediaRow> = on_pool!(db, pool => {
        let mut query = sqlx::query_as(crate::assembled(&sql)).bind(lang.as_str()).bind(fallback.as_str());
        for id in ids {
            query = query.bind(*id);
        }
        query.fetch_all(pool).await
    })?;
    Ok(rows
        .into_iter()
        .map(|row| Media {
            id: row.id,
            path: row.path,
            mime_type: row.mime_type,
            width: row.width,
            height: row.height,
            alt: row.alt.unwrap_or_default(),
            caption: row.caption.unwrap_or_default(),
            credit: row.credit,
            byte_size: row.byte_size,
        })
        .collect())
}

/// Whether `path` is a stored media file of this site (media is served only then).
pub async fn exists(db: &Db, site: SiteId, path: &str) -> Result<Option<String>, DbError> {
    let mime = on_pool!(db, pool => {
        sqlx::query_scalar("SELECT mime_type FROM media WHERE site_id = $1 AND path = $2")
            .bind(site)
            .bind(path)
            .fetch_optional(pool)
            .await
    })?;
    Ok(mime)
}
