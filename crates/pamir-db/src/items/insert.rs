//! Storing new items in bulk: many rows per statement, one transaction per
//! batch. Statements are the cost that matters here (each is a round trip
//! to the database), so a batch of 2,000 items takes a few dozen of them
//! rather than thousands.

use super::row::{CONTENT_COLUMN_COUNT, bind_content, content_columns};
use crate::time::to_db;
use crate::{DbError, Tx, assembled, on_tx, values};
use pamir_domain::{Item, SiteId};
use std::collections::HashMap;

/// An item to store, with what hangs off it.
pub struct NewItem<'a> {
    pub item: &'a Item,
    pub tag_ids: &'a [i64],
    pub gallery: &'a [i64],
    /// Where an imported item came from: recorded in the same transaction,
    /// so an import stopped midway resumes exactly after its last batch.
    pub imported: Option<Imported<'a>>,
}

/// An imported item's source record (see `import_sources`) and its read count there.
#[derive(Debug, Clone, Copy)]
pub struct Imported<'a> {
    pub source: &'a str,
    pub kind: &'a str,
    pub source_id: &'a str,
    pub hits: i64,
}

const COLUMNS: &str = concat!("site_id, group_id, lang, ", content_columns!(), ", created_at, created_by");
const COLUMN_COUNT: usize = 3 + CONTENT_COLUMN_COUNT + 2;

/// Rows per INSERT: 3,400 bound values, well under both databases' limits.
const ROWS_PER_STATEMENT: usize = 100;

/// Binds one item's columns in the order of [`COLUMNS`].
macro_rules! bind_item {
    ($query:expr, $item:expr) => {{
        let item = $item;
        let query = $query.bind(item.site_id).bind(item.group_id).bind(item.lang.as_str());
        bind_content!(query, item).bind(to_db(item.created_at)).bind(item.created_by)
    }};
}

/// Stores items with their tags and galleries in the caller's transaction,
/// so a batch lands whole or not at all. Returns the new ids in the batch's order.
pub async fn insert_batch(tx: &mut Tx, batch: &[NewItem<'_>]) -> Result<Vec<i64>, DbError> {
    let mut ids = Vec::with_capacity(batch.len());
    let sqlite = tx.is_sqlite();
    on_tx!(tx, tx => {
        for chunk in batch.chunks(ROWS_PER_STATEMENT) {
            let sql = format!("INSERT INTO items ({COLUMNS}) VALUES {}", values(sqlite, chunk.len(), COLUMN_COUNT));
            let mut insert = sqlx::query(assembled(&sql));
            for new in chunk {
                insert = bind_item!(insert, new.item);
            }
            insert
                .execute(&mut *tx)
                .await
                .map_err(DbError::conflict_as("an item with this slug in this category and language"))?;

            // Multi-row RETURNING has no promised order; (group, language) is unique, so ask by it.
            let sql = format!(
                "SELECT id, group_id, lang FROM items WHERE group_id IN {}",
                values(sqlite, 1, chunk.len())
            );
            let mut lookup = sqlx::query_as(assembled(&sql));
            for new in chunk {
                lookup = lookup.bind(new.item.group_id);
            }
            let rows: Vec<(i64, i64, String)> = lookup.fetch_all(&mut *tx).await?;
            let by_key: HashMap<(i64, &str), i64> =
                rows.iter().map(|(id, group, lang)| ((*group, lang.as_str()), *id)).collect();
            let chunk_ids = chunk
                .iter()
                .map(|new| {
                    by_key.get(&(new.item.group_id, new.item.lang.as_str())).copied().ok_or_else(|| {
                        DbError::Corrupt(format!("item {:?} was not stored", new.item.slug))
                    })
                })
                .collect::<Result<Vec<i64>, DbError>>()?;

            let tags: Vec<(i64, i64)> = chunk
                .iter()
                .zip(&chunk_ids)
                .flat_map(|(new, id)| new.tag_ids.iter().map(move |tag| (*id, *tag)))
                .collect();
            for rows in tags.chunks(ROWS_PER_STATEMENT * 4) {
                let sql = format!("INSERT INTO item_tags (item_id, tag_id) VALUES {}", values(sqlite, rows.len(), 2));
                let mut insert = sqlx::query(assembled(&sql));
                for (item, tag) in rows {
                    insert = insert.bind(*item).bind(*tag);
                }
                insert.execute(&mut *tx).await?;
            }

            let gallery: Vec<(i64, i64, i64)> = chunk
                .iter()
                .zip(&chunk_ids)
                .flat_map(|(new, id)| {
                    new.gallery.iter().enumerate().map(move |(position, media)| (*id, position as i64, *media))
                })
                .collect();
            for rows in gallery.chunks(ROWS_PER_STATEMENT * 4) {
                let sql = format!(
                    "INSERT INTO item_gallery (item_id, position, media_id) VALUES {}",
                    values(sqlite, rows.len(), 3)
                );
                let mut insert = sqlx::query(assembled(&sql));
                for (item, position, media) in rows {
                    insert = insert.bind(*item).bind(*position).bind(*media);
                }
                insert.execute(&mut *tx).await?;
            }
            // (source record, site, item id, when) of the chunk's imported items.
            let imported: Vec<(Imported<'_>, SiteId, i64, i64)> = chunk
                .iter()
                .zip(&chunk_ids)
                .filter_map(|(new, id)| {
                    new.imported.map(|from| (from, new.item.site_id, *id, to_db(new.item.updated_at)))
                })
                .collect();
            if !imported.is_empty() {
                let sql = format!(
                    "INSERT INTO import_sources (site_id, source, kind, source_id, target_id, imported_at) VALUES {}",
                    values(sqlite, imported.len(), 6)
                );
                let mut insert = sqlx::query(assembled(&sql));
                for (from, site, id, at) in &imported {
                    insert = insert
                        .bind(*site)
                        .bind(from.source)
                        .bind(from.kind)
                        .bind(from.source_id)
                        .bind(*id)
                        .bind(*at);
                }
                insert.execute(&mut *tx).await?;
            }
            let read: Vec<(i64, i64)> =
                imported.iter().filter(|(from, ..)| from.hits > 0).map(|(from, _, id, _)| (*id, from.hits)).collect();
            if !read.is_empty() {
                // One statement for the chunk: hits = CASE id WHEN … THEN … END.
                let (cases, ids) = if sqlite {
                    ("WHEN ? THEN ? ".repeat(read.len()), vec!["?"; read.len()].join(", "))
                } else {
                    let cases: String =
                        (0..read.len()).map(|n| format!("WHEN ${} THEN ${} ", 2 * n + 1, 2 * n + 2)).collect();
                    let start = 2 * read.len() + 1;
                    (cases, super::placeholders(start, read.len()))
                };
                let sql = format!("UPDATE items SET hits = CASE id {cases}END WHERE id IN ({ids})");
                let mut update = sqlx::query(assembled(&sql));
                for (id, hits) in &read {
                    update = update.bind(*id).bind(*hits);
                }
                for (id, _) in &read {
                    update = update.bind(*id);
                }
                update.execute(&mut *tx).await?;
            }
            ids.extend(chunk_ids);
        }
        Ok::<(), DbError>(())
    })?;
    Ok(ids)
}
