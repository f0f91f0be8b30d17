//! What the admin needs of items: any state, by id; saving with a version
//! check (optimistic locking) and a revision in the same transaction; and
//! the filtered list editors work from.

use super::row::{CONTENT_COLUMN_COUNT, ITEM_COLUMNS, ItemRow, bind_content, content_assignments};
use crate::time::to_db;
use crate::{Db, DbError, Tx, assembled, on_pool, on_tx};
use pamir_domain::{Item, ItemKind, ItemState, SiteId};

/// An item in any state, as the admin sees it.
pub async fn find_by_id(db: &Db, site: SiteId, id: i64) -> Result<Option<Item>, DbError> {
    let sql = format!("SELECT {ITEM_COLUMNS} FROM items i WHERE i.site_id = $1 AND i.id = $2");
    let row: Option<ItemRow> =
        on_pool!(db, pool => sqlx::query_as(assembled(&sql)).bind(site).bind(id).fetch_optional(pool).await)?;
    row.map(ItemRow::into_item).transpose()
}

/// The items with these ids, in any state and no order (in chunks, so a
/// list of any length stays within the databases' limits on parameters).
pub async fn find_by_ids(db: &Db, site: SiteId, ids: &[i64]) -> Result<Vec<Item>, DbError> {
    let mut found = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let sql = format!(
            "SELECT {ITEM_COLUMNS} FROM items i WHERE i.site_id = $1 AND i.id IN ({})",
            crate::items::placeholders(2, chunk.len())
        );
        let rows: Vec<ItemRow> = on_pool!(db, pool => {
            let mut query = sqlx::query_as(assembled(&sql)).bind(site);
            for id in chunk {
                query = query.bind(*id);
            }
            query.fetch_all(pool).await
        })?;
        for row in rows {
            found.push(row.into_item()?);
        }
    }
    Ok(found)
}

/// The other languages of an item's group, in any state: (id, lang, title, state).
/// (`+site_id` keeps SQLite on the group's index, as in `translations`.)
pub async fn group_members(
    db: &Db,
    site: SiteId,
    group_id: i64,
) -> Result<Vec<(i64, String, String, String)>, DbError> {
    let rows = on_pool!(db, pool => {
        sqlx::query_as("SELECT id, lang, title, state FROM items WHERE +site_id = $1 AND group_id = $2 ORDER BY id")
            .bind(site).bind(group_id).fetch_all(pool).await
    })?;
    Ok(rows)
}

/// The tag ids of an item.
pub async fn tag_ids(db: &Db, item_id: i64) -> Result<Vec<i64>, DbError> {
    let ids = on_pool!(db, pool => {
        sqlx::query_scalar("SELECT tag_id FROM item_tags WHERE item_id = $1 ORDER BY tag_id")
            .bind(item_id).fetch_all(pool).await
    })?;
    Ok(ids)
}

/// A save: the item as it should become, with its tags, gallery and the
/// revision snapshot to keep.
pub struct Save<'a> {
    pub item: &'a Item,
    /// The version the editor started from; the save fails if it moved on.
    pub expected_version: i64,
    pub tag_ids: &'a [i64],
    pub gallery: &'a [i64],
    pub snapshot: &'a str,
}

/// Stores a save and its revision in one transaction. Returns the new
/// version, or `None` when the item is not at `expected_version` any more
/// (someone else saved first) or does not exist.
pub async fn save(tx: &mut Tx, save: &Save<'_>) -> Result<Option<i64>, DbError> {
    let item = save.item;
    let new_version = save.expected_version + 1;
    let sql = format!(
        "UPDATE items SET {}, version = ${} WHERE site_id = $1 AND id = $2 AND version = $3",
        content_assignments(4),
        4 + CONTENT_COLUMN_COUNT
    );
    let stored = on_tx!(tx, tx => {
        let updated = bind_content!(
            sqlx::query(assembled(&sql)).bind(item.site_id).bind(item.id).bind(save.expected_version),
            item
        )
        .bind(new_version)
        .execute(&mut *tx)
        .await
        .map_err(DbError::conflict_as("an item with this slug in this category and language"))?;
        if updated.rows_affected() == 0 {
            return Ok(None);
        }
        sqlx::query("DELETE FROM item_tags WHERE item_id = $1").bind(item.id).execute(&mut *tx).await?;
        for tag in save.tag_ids {
            sqlx::query("INSERT INTO item_tags (item_id, tag_id) VALUES ($1, $2)")
                .bind(item.id).bind(*tag).execute(&mut *tx).await?;
        }
        sqlx::query("DELETE FROM item_gallery WHERE item_id = $1").bind(item.id).execute(&mut *tx).await?;
        for (position, media) in save.gallery.iter().enumerate() {
            sqlx::query("INSERT INTO item_gallery (item_id, position, media_id) VALUES ($1, $2, $3)")
                .bind(item.id).bind(position as i64).bind(*media).execute(&mut *tx).await?;
        }
        sqlx::query(
            "INSERT INTO revisions (item_id, version, snapshot, created_at, created_by) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(item.id)
        .bind(new_version)
        .bind(save.snapshot)
        .bind(to_db(item.updated_at))
        .bind(item.updated_by)
        .execute(&mut *tx)
        .await?;
        Ok::<_, DbError>(Some(new_version))
    })?;
    Ok(stored)
}

/// How the admin list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AdminSort {
    /// Most recently changed first.
    #[default]
    Updated,
    /// Most recently published first.
    Published,
    Title,
}

/// The admin list's filters; `None` does not filter. Without a state, the
/// list shows everything but the bin.
#[derive(Debug, Clone, Default)]
pub struct AdminFilter {
    pub kind: Option<ItemKind>,
    pub lang: Option<String>,
    pub category_id: Option<i64>,
    pub state: Option<ItemState>,
    pub author_id: Option<i64>,
    /// Words in the title.
    pub text: Option<String>,
    /// Items whose text the checks found something in: `Any`thing, or one key.
    pub check: Option<CheckFilter>,
}

#[derive(Debug, Clone)]
pub enum CheckFilter {
    Any,
    Key(String),
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AdminRow {
    pub id: i64,
    pub group_id: i64,
    pub lang: String,
    pub kind: String,
    pub category_id: i64,
    pub title: String,
    pub state: String,
    pub updated_at: i64,
    pub published_at: i64,
    pub publish_up: Option<i64>,
    pub author_name: Option<String>,
}

/// One page of the admin list, and how many items match (when `counted`;
/// the dashboard's short lists skip the count).
///
/// Only the filters in use become conditions, so each query can walk the
/// index of its order instead of testing every row ("$n IS NULL OR ..."
/// would hide the indexes from SQLite's planner).
pub async fn admin_list(
    db: &Db,
    site: SiteId,
    filter: &AdminFilter,
    sort: AdminSort,
    limit: u32,
    offset: i64,
    counted: bool,
) -> Result<(Vec<AdminRow>, Option<i64>), DbError> {
    let order = match sort {
        AdminSort::Updated => "i.updated_at DESC, i.id DESC",
        AdminSort::Published => "i.published_at DESC, i.id DESC",
        AdminSort::Title => "i.title, i.id",
    };
    let text = filter
        .text
        .as_deref()
        .map(|t| format!("%{}%", crate::audit::escape_like(&t.trim().to_lowercase())))
        .filter(|t| t != "%%");
    // (condition with `?` for its value, value) pairs; numbered below.
    enum Value<'a> {
        Text(&'a str),
        Number(i64),
    }
    let mut conditions: Vec<(&str, Value)> = vec![("i.site_id = ?", Value::Number(site))];
    if let Some(kind) = filter.kind {
        conditions.push(("i.kind = ?", Value::Text(kind.as_str())));
    }
    if let Some(lang) = filter.lang.as_deref() {
        conditions.push(("i.lang = ?", Value::Text(lang)));
    }
    if let Some(category) = filter.category_id {
        conditions.push(("i.category_id = ?", Value::Number(category)));
    }
    match filter.state {
        Some(state) => conditions.push(("i.state = ?", Value::Text(state.as_str()))),
        None => conditions.push(("i.state <> ?", Value::Text(ItemState::Trashed.as_str()))),
    }
    if let Some(author) = filter.author_id {
        conditions.push(("i.created_by = ?", Value::Number(author)));
    }
    if let Some(text) = text.as_deref() {
        conditions.push(("LOWER(i.title) LIKE ?", Value::Text(text)));
    }
    // Keys are space-separated: one is found with a space on each side.
    let key_pattern = match &filter.check {
        Some(CheckFilter::Key(key)) => format!("% {} %", crate::audit::escape_like(key)),
        _ => String::new(),
    };
    match &filter.check {
        Some(CheckFilter::Any) => conditions.push(("i.checks <> ?", Value::Text(""))),
        Some(CheckFilter::Key(_)) => conditions.push(("(' ' || i.checks || ' ') LIKE ?", Value::Text(&key_pattern))),
        None => {}
    }
    let mut number = 0;
    let mut next = || {
        number += 1;
        format!("${number}")
    };
    let condition = conditions.iter().map(|(sql, _)| sql.replace('?', &next())).collect::<Vec<_>>().join(" AND ");
    let page_sql = format!(
        "SELECT i.id, i.group_id, i.lang, i.kind, i.category_id, i.title, i.state, i.updated_at, i.published_at,
                i.publish_up, u.display_name AS author_name
         FROM items i LEFT JOIN users u ON u.id = i.created_by
         WHERE {condition} ORDER BY {order} LIMIT {} OFFSET {}",
        next(),
        next()
    );
    let count_sql = format!("SELECT COUNT(*) FROM items i WHERE {condition}");
    macro_rules! bind_filter {
        ($query:expr) => {{
            let mut query = $query;
            for (_, value) in &conditions {
                query = match value {
                    Value::Text(text) => query.bind(*text),
                    Value::Number(number) => query.bind(*number),
                };
            }
            query
        }};
    }
    let (rows, total) = on_pool!(db, pool => {
        let rows: Vec<AdminRow> = bind_filter!(sqlx::query_as(assembled(&page_sql)))
            .bind(i64::from(limit))
            .bind(offset)
            .fetch_all(pool)
            .await?;
        let total: Option<i64> = match counted {
            true => Some(bind_filter!(sqlx::query_scalar(assembled(&count_sql))).fetch_one(pool).await?),
            false => None,
        };
        Ok::<_, sqlx::Error>((rows, total))
    })?;
    Ok((rows, total))
}

/// Items whose checks were never stored (saved before the checks were
/// kept): (id, teaser Markdown, body Markdown), `limit` at a time.
pub async fn unchecked(db: &Db, limit: i64) -> Result<Vec<(i64, String, String)>, DbError> {
    let sql = "SELECT id, teaser_markdown, body_markdown FROM items WHERE checks IS NULL ORDER BY id LIMIT $1";
    let rows = on_pool!(db, pool => sqlx::query_as(assembled(sql)).bind(limit).fetch_all(pool).await)?;
    Ok(rows)
}

/// Stores what the checks found in item `id`'s text (keys, space-separated).
pub async fn set_checks(tx: &mut Tx, id: i64, checks: &str) -> Result<(), DbError> {
    on_tx!(tx, tx => {
        sqlx::query("UPDATE items SET checks = $1 WHERE id = $2").bind(checks).bind(id).execute(&mut *tx).await.map(|_| ())
    })?;
    Ok(())
}
