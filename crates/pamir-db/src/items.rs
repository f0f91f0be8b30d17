//! Items: insert, look up, and the listings readers see.
//!
//! Every reader-facing query applies the publishing window at query time,
//! with `now` bound from the caller's clock: state is published, publish-up
//! has passed and publish-down has not.

mod edit;
mod insert;
mod row;

pub use edit::{
    AdminFilter, AdminRow, AdminSort, CheckFilter, Save, admin_list, find_by_id, find_by_ids, group_members, save,
    set_checks, tag_ids, unchecked,
};
pub use insert::{Imported, NewItem, insert_batch};

use crate::time::to_db;
use crate::{Db, DbError, Tx, on_pool, on_tx};
use chrono::{DateTime, Utc};
use pamir_domain::{Item, Lang, SiteId};
use row::{ITEM_COLUMNS, ItemRow};

/// `$start, $start+1, ...` for an `IN (...)` list of `count` values.
pub(crate) fn placeholders(start: usize, count: usize) -> String {
    (start..start + count).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ")
}

/// The condition that makes an item visible to readers; `$3` is now.
const VISIBLE: &str = "i.state = 'published'
    AND (i.publish_up IS NULL OR i.publish_up <= $3)
    AND (i.publish_down IS NULL OR i.publish_down > $3)";

pub async fn create_group(tx: &mut Tx, site: SiteId, now: DateTime<Utc>) -> Result<i64, DbError> {
    let id = on_tx!(tx, conn => {
        sqlx::query_scalar("INSERT INTO item_groups (site_id, created_at) VALUES ($1, $2) RETURNING id")
            .bind(site)
            .bind(to_db(now))
            .fetch_one(&mut *conn)
            .await
    })?;
    Ok(id)
}

/// Which items a listing shows.
#[derive(Debug, Clone)]
pub enum Listing<'a> {
    /// The front page: the featured items in their featured order, then
    /// every other visible item, newest first (an imported site often
    /// featured nothing, and its front page must not stand empty).
    Featured,
    /// A category page: items in any of these categories (a category and its subtree).
    Categories(&'a [i64]),
    /// A tag page.
    Tag(i64),
    /// Items of one kind (`op-ed`), newest first: a front-page section.
    Kind(&'a str),
}

impl Listing<'_> {
    /// The extra condition and ordering of this listing; its own binds start at `$4`.
    fn sql(&self) -> (String, &'static str) {
        match self {
            Listing::Featured => (
                String::new(),
                "CASE WHEN i.featured AND (i.featured_until IS NULL OR i.featured_until > $3) \
                 THEN COALESCE(i.featured_order, 2147483647) ELSE 2147483648 END, i.published_at DESC, i.id DESC",
            ),
            Listing::Categories(ids) => {
                (format!("AND i.category_id IN ({})", placeholders(4, ids.len())), "i.published_at DESC, i.id DESC")
            }
            Listing::Tag(_) => (
                "AND i.id IN (SELECT item_id FROM item_tags WHERE tag_id = $4)".to_owned(),
                "i.published_at DESC, i.id DESC",
            ),
            Listing::Kind(_) => ("AND i.kind = $4".to_owned(), "i.published_at DESC, i.id DESC"),
        }
    }
}

/// Binds a listing's own values after `$1..$3` (site, lang, now).
macro_rules! bind_listing {
    ($query:expr, $listing:expr) => {{
        let mut query = $query;
        match $listing {
            Listing::Featured => {}
            Listing::Categories(ids) => {
                for id in ids.iter() {
                    query = query.bind(*id);
                }
            }
            Listing::Tag(id) => query = query.bind(*id),
            Listing::Kind(kind) => query = query.bind(*kind),
        }
        query
    }};
}

/// One page of a listing.
pub async fn list(
    db: &Db,
    site: SiteId,
    lang: &Lang,
    listing: &Listing<'_>,
    now: DateTime<Utc>,
    limit: u32,
    offset: i64,
) -> Result<ListPage, DbError> {
    list_with_fallbacks(db, site, lang, &[], listing, now, limit, offset).await
}

/// The language condition of a listing in `$2`, with fallbacks bound from
/// `$first`: an item in a fallback language is listed when its group has no
/// visible item in `$2` nor in an earlier fallback ("not yet translated").
fn languages_condition(fallbacks: usize, first: usize) -> String {
    let mut alternatives = vec!["i.lang = $2".to_owned()];
    for n in 0..fallbacks {
        let preferred: Vec<String> =
            std::iter::once("$2".to_owned()).chain((0..n).map(|m| format!("${}", first + m))).collect();
        alternatives.push(format!(
            "(i.lang = ${} AND NOT EXISTS (SELECT 1 FROM items j WHERE j.group_id = i.group_id AND j.lang IN ({})
               AND j.state = 'published' AND (j.publish_up IS NULL OR j.publish_up <= $3)
               AND (j.publish_down IS NULL OR j.publish_down > $3)))",
            first + n,
            preferred.join(", ")
        ));
    }
    format!("({})", alternatives.join(" OR "))
}

/// One page of a listing in `lang`, filled in from `fallbacks` (in order)
/// where an item has no version in `lang` yet.
#[allow(clippy::too_many_arguments)]
pub async fn list_with_fallbacks(
    db: &Db,
    site: SiteId,
    lang: &Lang,
    fallbacks: &[Lang],
    listing: &Listing<'_>,
    now: DateTime<Utc>,
    limit: u32,
    offset: i64,
) -> Result<ListPage, DbError> {
    fetch(db, site, lang, fallbacks, listing, now, limit, offset, true).await
}

/// The first `limit` items of a listing, uncounted: a section or "related
/// items" needs no page count, and counting is a second query.
pub async fn first_with_fallbacks(
    db: &Db,
    site: SiteId,
    lang: &Lang,
    fallbacks: &[Lang],
    listing: &Listing<'_>,
    now: DateTime<Utc>,
    limit: u32,
) -> Result<Vec<Item>, DbError> {
    Ok(fetch(db, site, lang, fallbacks, listing, now, limit, 0, false).await?.items)
}

#[allow(clippy::too_many_arguments)]
async fn fetch(
    db: &Db,
    site: SiteId,
    lang: &Lang,
    fallbacks: &[Lang],
    listing: &Listing<'_>,
    now: DateTime<Utc>,
    limit: u32,
    offset: i64,
    count: bool,
) -> Result<ListPage, DbError> {
    if matches!(listing, Listing::Categories(ids) if ids.is_empty()) {
        return Ok(ListPage { items: Vec::new(), total: Some(0), has_more: false });
    }
    let (condition, order) = listing.sql();
    let after_listing = match listing {
        Listing::Featured => 4,
        Listing::Categories(ids) => 4 + ids.len(),
        Listing::Tag(_) | Listing::Kind(_) => 5,
    };
    let languages = languages_condition(fallbacks.len(), after_listing);
    let next = after_listing + fallbacks.len();
    let page_sql = format!(
        "SELECT {ITEM_COLUMNS} FROM items i
         WHERE i.site_id = $1 AND {languages} AND {VISIBLE} {condition}
         ORDER BY {order} LIMIT ${next} OFFSET ${}",
        next + 1
    );
    let count_sql =
        format!("SELECT COUNT(*) FROM items i WHERE i.site_id = $1 AND {languages} AND {VISIBLE} {condition}");
    let now = to_db(now);
    // Tag pages are not counted: counting means visiting every tagged item's
    // row (tens of milliseconds at 100,000 items); one row more tells whether
    // there is a next page.
    let counted = count && !matches!(listing, Listing::Tag(_) | Listing::Kind(_));
    let (mut rows, total): (Vec<ItemRow>, Option<i64>) = on_pool!(db, pool => {
        let mut page = bind_listing!(sqlx::query_as(crate::assembled(&page_sql)).bind(site).bind(lang.as_str()).bind(now), listing);
        for fallback in fallbacks {
            page = page.bind(fallback.as_str());
        }
        let page = page.bind(i64::from(limit) + 1).bind(offset).fetch_all(pool).await?;
        let total = if counted {
            let mut count = bind_listing!(sqlx::query_scalar(crate::assembled(&count_sql)).bind(site).bind(lang.as_str()).bind(now), listing);
            for fallback in fallbacks {
                count = count.bind(fallback.as_str());
            }
            Some(count.fetch_one(pool).await?)
        } else {
            None
        };
        Ok::<_, sqlx::Error>((page, total))
    })?;
    let has_more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let items = rows.into_iter().map(ItemRow::into_item).collect::<Result<_, _>>()?;
    Ok(ListPage { items, total, has_more })
}

/// One page of a listing.
pub struct ListPage {
    pub items: Vec<Item>,
    /// How many items the whole listing has, where it was counted.
    pub total: Option<i64>,
    /// Whether a next page exists.
    pub has_more: bool,
}

/// The visible item at `slug` in a category, if any.
pub async fn find_visible(
    db: &Db,
    site: SiteId,
    lang: &Lang,
    category_id: i64,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<Option<Item>, DbError> {
    let sql = format!(
        "SELECT {ITEM_COLUMNS} FROM items i
         WHERE i.site_id = $1 AND i.lang = $2 AND {VISIBLE} AND i.category_id = $4 AND i.slug = $5"
    );
    let row: Option<ItemRow> = on_pool!(db, pool => {
        sqlx::query_as(crate::assembled(&sql))
            .bind(site)
            .bind(lang.as_str())
            .bind(to_db(now))
            .bind(category_id)
            .bind(slug)
            .fetch_optional(pool)
            .await
    })?;
    row.map(ItemRow::into_item).transpose()
}

/// A visible translation of an item: where it lives in its language.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Translation {
    pub id: i64,
    pub lang: String,
    pub category_id: i64,
    pub slug: String,
    pub title: String,
}

/// The visible items of a translation group, one per language. (The unary
/// `+` keeps SQLite's planner on the group index: given the choice, it
/// walked every item of the site instead, 20 times slower at 30,000 items.)
pub async fn translations(
    db: &Db,
    site: SiteId,
    group_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<Translation>, DbError> {
    let sql = format!(
        "SELECT i.id, i.lang, i.category_id, i.slug, i.title FROM items i
         WHERE +i.site_id = $1 AND i.group_id = $2 AND {VISIBLE}"
    );
    let rows = on_pool!(db, pool => {
        sqlx::query_as(crate::assembled(&sql)).bind(site).bind(group_id).bind(to_db(now)).fetch_all(pool).await
    })?;
    Ok(rows)
}

/// The media ids of an item's gallery, in order.
pub async fn gallery(db: &Db, item_id: i64) -> Result<Vec<i64>, DbError> {
    let ids = on_pool!(db, pool => {
        sqlx::query_scalar("SELECT media_id FROM item_gallery WHERE item_id = $1 ORDER BY position")
            .bind(item_id)
            .fetch_all(pool)
            .await
    })?;
    Ok(ids)
}

/// The next instant after `now` at which some item appears, disappears or
/// stops being featured. Cached pages are valid until then, and the
/// scheduler wakes up then.
pub async fn next_transition(db: &Db, site: SiteId, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, DbError> {
    let sql = "SELECT MIN(t) FROM (
            SELECT MIN(publish_up) AS t FROM items WHERE site_id = $1 AND state = 'published' AND publish_up > $2
            UNION ALL
            SELECT MIN(publish_down) FROM items WHERE site_id = $1 AND state = 'published' AND publish_down > $2
            UNION ALL
            SELECT MIN(featured_until) FROM items WHERE site_id = $1 AND state = 'published' AND featured_until > $2
        ) AS transitions";
    let next: Option<i64> = on_pool!(db, pool => {
        sqlx::query_scalar(sql).bind(site).bind(to_db(now)).fetch_one(pool).await
    })?;
    crate::time::opt_from_db(next)
}

/// How many items the site holds in every state (for seeding and reports).
pub async fn count_all(db: &Db, site: SiteId) -> Result<i64, DbError> {
    let count = on_pool!(db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM items WHERE site_id = $1").bind(site).fetch_one(pool).await
    })?;
    Ok(count)
}

/// Creates `count` translation groups in one transaction (for bulk loads).
pub async fn create_groups(tx: &mut Tx, site: SiteId, count: usize, now: DateTime<Utc>) -> Result<Vec<i64>, DbError> {
    // Groups are alike, so the order RETURNING gives them in does not matter.
    const ROWS_PER_STATEMENT: usize = 500;
    let mut ids = Vec::with_capacity(count);
    on_tx!(tx, tx => {
        let mut left = count;
        while left > 0 {
            let rows = left.min(ROWS_PER_STATEMENT);
            let values = (0..rows).map(|_| "($1, $2)").collect::<Vec<_>>().join(", ");
            let sql = format!("INSERT INTO item_groups (site_id, created_at) VALUES {values} RETURNING id");
            let created: Vec<i64> =
                sqlx::query_scalar(crate::assembled(&sql)).bind(site).bind(to_db(now)).fetch_all(&mut *tx).await?;
            ids.extend(created);
            left -= rows;
        }
        Ok::<(), sqlx::Error>(())
    })?;
    Ok(ids)
}

/// Where a visible item lives and when it last changed: what a sitemap lists.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IndexEntry {
    pub group_id: i64,
    pub lang: String,
    pub category_id: i64,
    pub slug: String,
    pub updated_at: i64,
}

/// Every visible item of the site, oldest first.
pub async fn visible_index(db: &Db, site: SiteId, now: DateTime<Utc>) -> Result<Vec<IndexEntry>, DbError> {
    let sql = format!(
        "SELECT i.group_id, i.lang, i.category_id, i.slug, i.updated_at FROM items i
         WHERE i.site_id = $1 AND {} ORDER BY i.id",
        VISIBLE.replace("$3", "$2")
    );
    let rows = on_pool!(db, pool => {
        sqlx::query_as(crate::assembled(&sql)).bind(site).bind(to_db(now)).fetch_all(pool).await
    })?;
    Ok(rows)
}

/// Visible events in `lang` that have not ended by `now`, soonest first.
pub async fn upcoming_events(
    db: &Db,
    site: SiteId,
    lang: &Lang,
    now: DateTime<Utc>,
    limit: u32,
) -> Result<Vec<Item>, DbError> {
    let sql = format!(
        "SELECT {ITEM_COLUMNS} FROM items i
         WHERE i.site_id = $1 AND i.lang = $2 AND {VISIBLE} AND i.kind = 'event'
           AND COALESCE(i.event_ends_at, i.event_starts_at) >= $3
         ORDER BY i.event_starts_at, i.id LIMIT $4"
    );
    let rows: Vec<ItemRow> = on_pool!(db, pool => {
        sqlx::query_as(crate::assembled(&sql)).bind(site).bind(lang.as_str()).bind(to_db(now)).bind(i64::from(limit)).fetch_all(pool).await
    })?;
    rows.into_iter().map(ItemRow::into_item).collect()
}

/// An item as the search index needs it, in any state.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SearchRow {
    pub id: i64,
    pub group_id: i64,
    pub lang: String,
    pub kind: String,
    pub category_id: i64,
    pub state: String,
    pub published_at: i64,
    pub updated_at: i64,
    pub title: String,
    pub teaser_markdown: String,
    pub body_markdown: String,
}

/// Items changed at or after `since` (and after `after_id` within that
/// second), oldest change first: what the search index must catch up on.
pub async fn changed_since(
    db: &Db,
    site: SiteId,
    since: i64,
    after_id: i64,
    limit: u32,
) -> Result<Vec<SearchRow>, DbError> {
    let rows = on_pool!(db, pool => {
        sqlx::query_as(
            "SELECT id, group_id, lang, kind, category_id, state, published_at, updated_at, title,
                    teaser_markdown, body_markdown
             FROM items WHERE site_id = $1 AND (updated_at > $2 OR (updated_at = $2 AND id > $3))
             ORDER BY updated_at, id LIMIT $4",
        )
        .bind(site)
        .bind(since)
        .bind(after_id)
        .bind(i64::from(limit))
        .fetch_all(pool)
        .await
    })?;
    Ok(rows)
}

/// The items with these ids that readers may see at `now`, in no order.
pub async fn visible_by_ids(db: &Db, site: SiteId, ids: &[i64], now: DateTime<Utc>) -> Result<Vec<Item>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {ITEM_COLUMNS} FROM items i WHERE i.site_id = $1 AND i.id IN ({}) AND {}",
        placeholders(3, ids.len()),
        VISIBLE.replace("$3", "$2")
    );
    let rows: Vec<ItemRow> = on_pool!(db, pool => {
        let mut query = sqlx::query_as(crate::assembled(&sql)).bind(site).bind(to_db(now));
        for id in ids {
            query = query.bind(*id);
        }
        query.fetch_all(pool).await
    })?;
    rows.into_iter().map(ItemRow::into_item).collect()
}

/// How often an item was read on the site it was imported from.
pub async fn hits(db: &Db, id: i64) -> Result<i64, DbError> {
    let hits = on_pool!(db, pool => {
        sqlx::query_scalar("SELECT hits FROM items WHERE id = $1").bind(id).fetch_optional(pool).await
    })?;
    hits.ok_or_else(|| DbError::NotFound(format!("item {id}")))
}

/// Where these items live, whatever their state: (id, lang, category id,
/// slug) of each, for redirects to point at.
pub async fn addresses_by_ids(db: &Db, site: SiteId, ids: &[i64]) -> Result<Vec<(i64, String, i64, String)>, DbError> {
    let mut found = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let sql = format!(
            "SELECT id, lang, category_id, slug FROM items WHERE site_id = $1 AND id IN ({})",
            placeholders(2, chunk.len())
        );
        let rows: Vec<(i64, String, i64, String)> = on_pool!(db, pool => {
            let mut query = sqlx::query_as(crate::assembled(&sql)).bind(site);
            for id in chunk {
                query = query.bind(*id);
            }
            query.fetch_all(pool).await
        })?;
        found.extend(rows);
    }
    Ok(found)
}

/// Every address the site's items take: (category, language, slug).
pub async fn all_addresses(db: &Db, site: SiteId) -> Result<Vec<(i64, String, String)>, DbError> {
    let rows = on_pool!(db, pool => {
        sqlx::query_as("SELECT category_id, lang, slug FROM items WHERE site_id = $1").bind(site).fetch_all(pool).await
    })?;
    Ok(rows)
}

/// The API's item listing: visible items in `lang`, newest first, after a
/// cursor position (published_at, id), optionally of one kind, in some
/// categories, or with a tag. Keyset paging: as fast on the last page as on the first.
pub struct ApiFilter<'a> {
    pub lang: &'a Lang,
    pub kind: Option<&'a str>,
    pub category_ids: &'a [i64],
    pub tag_id: Option<i64>,
    pub after: Option<(i64, i64)>,
}

pub async fn api_page(
    db: &Db,
    site: SiteId,
    filter: &ApiFilter<'_>,
    now: DateTime<Utc>,
    limit: u32,
) -> Result<Vec<Item>, DbError> {
    let mut sql = format!("SELECT {ITEM_COLUMNS} FROM items i WHERE i.site_id = $1 AND i.lang = $2 AND {VISIBLE}");
    let mut next = 4;
    let mut take = |sql: &mut String, condition: &str| {
        let numbered = condition.replace('?', &format!("${next}"));
        next += 1;
        sql.push_str(" AND ");
        sql.push_str(&numbered);
    };
    if filter.kind.is_some() {
        take(&mut sql, "i.kind = ?");
    }
    if filter.tag_id.is_some() {
        take(&mut sql, "i.id IN (SELECT item_id FROM item_tags WHERE tag_id = ?)");
    }
    if filter.after.is_some() {
        // Row values: (published_at, id) < (cursor's), in both databases.
        sql.push_str(&format!(" AND (i.published_at, i.id) < (${}, ${})", next, next + 1));
        next += 2;
    }
    if !filter.category_ids.is_empty() {
        sql.push_str(&format!(" AND i.category_id IN ({})", placeholders(next, filter.category_ids.len())));
        next += filter.category_ids.len();
    }
    sql.push_str(&format!(" ORDER BY i.published_at DESC, i.id DESC LIMIT ${next}"));
    let rows: Vec<ItemRow> = on_pool!(db, pool => {
        let mut query = sqlx::query_as(crate::assembled(&sql)).bind(site).bind(filter.lang.as_str()).bind(to_db(now));
        if let Some(kind) = filter.kind {
            query = query.bind(kind);
        }
        if let Some(tag) = filter.tag_id {
            query = query.bind(tag);
        }
        if let Some((published_at, id)) = filter.after {
            query = query.bind(published_at).bind(id);
        }
        for id in filter.category_ids {
            query = query.bind(*id);
        }
        query.bind(i64::from(limit)).fetch_all(pool).await
    })?;
    rows.into_iter().map(ItemRow::into_item).collect()
}
