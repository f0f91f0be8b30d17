//! Tags, with a name and slug per language.

use crate::{Db, DbError, Tx, on_pool, on_tx};
use pamir_domain::taxonomy::Tag;
use pamir_domain::{Lang, SiteId};

pub struct TagText<'a> {
    pub lang: &'a str,
    pub name: &'a str,
    pub slug: &'a str,
}

pub async fn insert(tx: &mut Tx, site: SiteId, texts: &[TagText<'_>], now: i64) -> Result<i64, DbError> {
    let id = on_tx!(tx, conn => {
        let id: i64 = sqlx::query_scalar("INSERT INTO tags (site_id, created_at) VALUES ($1, $2) RETURNING id")
            .bind(site)
            .bind(now)
            .fetch_one(&mut *conn)
            .await?;
        for text in texts {
            sqlx::query("INSERT INTO tag_texts (tag_id, site_id, lang, name, slug) VALUES ($1, $2, $3, $4, $5)")
                .bind(id)
                .bind(site)
                .bind(text.lang)
                .bind(text.name)
                .bind(text.slug)
                .execute(&mut *conn)
                .await
                .map_err(DbError::conflict_as("a tag with this slug"))?;
        }
        Ok::<i64, DbError>(id)
    })?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct TagRow {
    item_id: i64,
    id: i64,
    name: String,
    slug: String,
}

/// The tags of each of `item_ids`, in `lang`, as (item id, tag) pairs.
pub async fn for_items(db: &Db, item_ids: &[i64], lang: &Lang) -> Result<Vec<(i64, Tag)>, DbError> {
    if item_ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT it.item_id, t.tag_id AS id, t.name, t.slug
         FROM item_tags it JOIN tag_texts t ON t.tag_id = it.tag_id AND t.lang = $1
         WHERE it.item_id IN ({})",
        crate::items::placeholders(2, item_ids.len())
    );
    let rows: Vec<TagRow> = on_pool!(db, pool => {
        let mut query = sqlx::query_as(crate::assembled(&sql)).bind(lang.as_str());
        for id in item_ids {
            query = query.bind(*id);
        }
        query.fetch_all(pool).await
    })?;
    let mut tags: Vec<(i64, Tag)> = rows
        .into_iter()
        .map(|row| (row.item_id, Tag { id: row.id, lang: lang.clone(), name: row.name, slug: row.slug }))
        .collect();
    // Sorted here, not in SQL: the databases' collations order Cyrillic and case differently.
    tags.sort_by_cached_key(|(_, tag)| tag.name.to_lowercase());
    Ok(tags)
}

pub async fn find_by_slug(db: &Db, site: SiteId, lang: &Lang, slug: &str) -> Result<Option<Tag>, DbError> {
    let row: Option<(i64, String, String)> = on_pool!(db, pool => {
        sqlx::query_as("SELECT tag_id, name, slug FROM tag_texts WHERE site_id = $1 AND lang = $2 AND slug = $3")
            .bind(site)
            .bind(lang.as_str())
            .bind(slug)
            .fetch_optional(pool)
            .await
    })?;
    Ok(row.map(|(id, name, slug)| Tag { id, lang: lang.clone(), name, slug }))
}

/// The slug of a tag in every language it has one, for the language switcher.
pub async fn slugs(db: &Db, tag_id: i64) -> Result<Vec<(String, String)>, DbError> {
    let rows = on_pool!(db, pool => {
        sqlx::query_as("SELECT lang, slug FROM tag_texts WHERE tag_id = $1").bind(tag_id).fetch_all(pool).await
    })?;
    Ok(rows)
}

pub async fn ids(db: &Db, site: SiteId) -> Result<Vec<i64>, DbError> {
    let ids = on_pool!(db, pool => {
        sqlx::query_scalar("SELECT id FROM tags WHERE site_id = $1 ORDER BY id").bind(site).fetch_all(pool).await
    })?;
    Ok(ids)
}

/// Every tag of the site named in `lang`, by name.
pub async fn list(db: &Db, site: SiteId, lang: &Lang) -> Result<Vec<Tag>, DbError> {
    let rows: Vec<(i64, String, String)> = on_pool!(db, pool => {
        sqlx::query_as("SELECT tag_id, name, slug FROM tag_texts WHERE site_id = $1 AND lang = $2 ORDER BY name, tag_id")
            .bind(site).bind(lang.as_str()).fetch_all(pool).await
    })?;
    Ok(rows.into_iter().map(|(id, name, slug)| Tag { id, lang: lang.clone(), name, slug }).collect())
}

/// A tag's (lang, name, slug) in every language it has.
pub async fn texts(db: &Db, site: SiteId, id: i64) -> Result<Vec<(String, String, String)>, DbError> {
    let rows = on_pool!(db, pool => {
        sqlx::query_as("SELECT lang, name, slug FROM tag_texts WHERE site_id = $1 AND tag_id = $2 ORDER BY lang")
            .bind(site).bind(id).fetch_all(pool).await
    })?;
    Ok(rows)
}

/// Renames a tag, adding languages it lacked.
pub async fn update(tx: &mut Tx, site: SiteId, id: i64, texts: &[TagText<'_>]) -> Result<(), DbError> {
    on_tx!(tx, conn => {
        for text in texts {
            sqlx::query(
                "INSERT INTO tag_texts (tag_id, site_id, lang, name, slug) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (tag_id, lang) DO UPDATE SET name = excluded.name, slug = excluded.slug",
            )
            .bind(id).bind(site).bind(text.lang).bind(text.name).bind(text.slug)
            .execute(&mut *conn)
            .await
            .map_err(DbError::conflict_as("a tag with this slug"))?;
        }
        Ok::<(), DbError>(())
    })
}
