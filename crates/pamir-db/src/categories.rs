//! Categories: a tree per site, with a name and slug per language.

use crate::{Db, DbError, Tx, on_pool, on_tx};
use pamir_domain::taxonomy::Category;
use pamir_domain::{Lang, SiteId};

/// A category's words in one language.
pub struct CategoryText<'a> {
    pub lang: &'a str,
    pub name: &'a str,
    pub slug: &'a str,
    pub description: &'a str,
}

pub async fn insert(
    tx: &mut Tx,
    site: SiteId,
    parent_id: Option<i64>,
    position: i64,
    texts: &[CategoryText<'_>],
    now: i64,
) -> Result<i64, DbError> {
    let id = on_tx!(tx, conn => {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO categories (site_id, parent_id, position, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $4) RETURNING id",
        )
        .bind(site)
        .bind(parent_id)
        .bind(position)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
        for text in texts {
            sqlx::query(
                "INSERT INTO category_texts (category_id, site_id, parent_key, lang, name, slug, description)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(id)
            .bind(site)
            .bind(parent_id.unwrap_or(0))
            .bind(text.lang)
            .bind(text.name)
            .bind(text.slug)
            .bind(text.description)
            .execute(&mut *conn)
            .await
            .map_err(DbError::conflict_as("a category with this slug at this level"))?;
        }
        Ok::<i64, DbError>(id)
    })?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct CategoryRow {
    id: i64,
    parent_id: Option<i64>,
    position: i64,
    lang: String,
    name: String,
    slug: String,
    description: String,
}

/// All categories of the site that have words in `lang`.
pub async fn list(db: &Db, site: SiteId, lang: &Lang) -> Result<Vec<Category>, DbError> {
    let rows: Vec<CategoryRow> = on_pool!(db, pool => {
        sqlx::query_as(
            "SELECT c.id, c.parent_id, c.position, t.lang, t.name, t.slug, t.description
             FROM categories c JOIN category_texts t ON t.category_id = c.id
             WHERE c.site_id = $1 AND t.lang = $2
             ORDER BY c.position, c.id",
        )
        .bind(site)
        .bind(lang.as_str())
        .fetch_all(pool)
        .await
    })?;
    rows.into_iter()
        .map(|row| {
            Ok(Category {
                id: row.id,
                parent_id: row.parent_id,
                position: row.position,
                lang: Lang::parse(&row.lang).map_err(|e| DbError::Corrupt(e.to_string()))?,
                name: row.name,
                slug: row.slug,
                description: row.description,
            })
        })
        .collect()
}

/// Every category id of the site, for generators that spread items across them.
pub async fn ids(db: &Db, site: SiteId) -> Result<Vec<i64>, DbError> {
    let ids = on_pool!(db, pool => {
        sqlx::query_scalar("SELECT id FROM categories WHERE site_id = $1 ORDER BY id").bind(site).fetch_all(pool).await
    })?;
    Ok(ids)
}

/// A category's position and its (lang, name, slug) in every language it has.
pub async fn texts(db: &Db, site: SiteId, id: i64) -> Result<Option<(i64, Vec<(String, String, String)>)>, DbError> {
    let position: Option<i64> = on_pool!(db, pool => {
        sqlx::query_scalar("SELECT position FROM categories WHERE site_id = $1 AND id = $2")
            .bind(site).bind(id).fetch_optional(pool).await
    })?;
    let Some(position) = position else { return Ok(None) };
    let texts = on_pool!(db, pool => {
        sqlx::query_as("SELECT lang, name, slug FROM category_texts WHERE category_id = $1 ORDER BY lang")
            .bind(id).fetch_all(pool).await
    })?;
    Ok(Some((position, texts)))
}

/// Renames a category (adding languages it lacked) and sets its position.
pub async fn update(
    tx: &mut Tx,
    site: SiteId,
    id: i64,
    position: i64,
    texts: &[CategoryText<'_>],
    now: i64,
) -> Result<(), DbError> {
    on_tx!(tx, conn => {
        let parent: Option<Option<i64>> = sqlx::query_scalar(
            "UPDATE categories SET position = $3, updated_at = $4 WHERE site_id = $1 AND id = $2 RETURNING parent_id",
        )
        .bind(site).bind(id).bind(position).bind(now)
        .fetch_optional(&mut *conn)
        .await?;
        let Some(parent) = parent else { return Err(DbError::NotFound(format!("category {id}"))) };
        for text in texts {
            sqlx::query(
                "INSERT INTO category_texts (category_id, site_id, parent_key, lang, name, slug, description)
                 VALUES ($1, $2, $3, $4, $5, $6, '')
                 ON CONFLICT (category_id, lang) DO UPDATE SET name = excluded.name, slug = excluded.slug",
            )
            .bind(id).bind(site).bind(parent.unwrap_or(0)).bind(text.lang).bind(text.name).bind(text.slug)
            .execute(&mut *conn)
            .await
            .map_err(DbError::conflict_as("a category with this slug at this level"))?;
        }
        Ok::<(), DbError>(())
    })
}
