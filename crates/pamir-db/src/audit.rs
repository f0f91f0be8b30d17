//! The audit log: who changed what, when, and from where. Written by the
//! use cases in `pamir-core`, read by administrators.

use crate::{Db, DbError, Tx, on_pool, on_tx};

pub struct NewEntry<'a> {
    pub site_id: Option<i64>,
    pub user_id: Option<i64>,
    /// A stable name such as `item.publish` or `user.login-failed`.
    pub action: &'a str,
    /// What was acted on, such as `item 42` or `user ana@example.org`.
    pub subject: &'a str,
    pub detail: &'a str,
    pub ip: &'a str,
}

/// Records an entry in the transaction of the change it describes.
pub async fn insert(tx: &mut Tx, entry: &NewEntry<'_>, now: i64) -> Result<(), DbError> {
    on_tx!(tx, conn => {
        sqlx::query(
            "INSERT INTO audit_log (site_id, user_id, action, subject, detail, ip, at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(entry.site_id)
        .bind(entry.user_id)
        .bind(entry.action)
        .bind(entry.subject)
        .bind(entry.detail)
        .bind(entry.ip)
        .bind(now)
        .execute(conn)
        .await.map(|_| ())
    })?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Entry {
    pub id: i64,
    pub user_id: Option<i64>,
    pub user_name: Option<String>,
    pub action: String,
    pub subject: String,
    pub detail: String,
    pub ip: String,
    pub at: i64,
}

/// Which entries to show; empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub user_id: Option<i64>,
    /// Matches actions that start with it (`item` finds `item.publish`).
    pub action: Option<String>,
    /// Matches subjects containing it.
    pub subject: Option<String>,
}

/// Newest first; one more than `limit` is fetched to tell whether more exist.
pub async fn list(db: &Db, site: i64, filter: &Filter, limit: u32, offset: i64) -> Result<Vec<Entry>, DbError> {
    let sql = "SELECT a.id, a.user_id, u.display_name AS user_name, a.action, a.subject, a.detail, a.ip, a.at
         FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
         WHERE (a.site_id = $1 OR a.site_id IS NULL)
           AND ($2 IS NULL OR a.user_id = $2)
           AND ($3 IS NULL OR a.action LIKE $3)
           AND ($4 IS NULL OR a.subject LIKE $4)
         ORDER BY a.at DESC, a.id DESC LIMIT $5 OFFSET $6";
    let action = filter.action.as_deref().map(|a| format!("{}%", escape_like(a)));
    let subject = filter.subject.as_deref().map(|s| format!("%{}%", escape_like(s)));
    let rows = on_pool!(db, pool => {
        sqlx::query_as(sql)
            .bind(site)
            .bind(filter.user_id)
            .bind(action)
            .bind(subject)
            .bind(i64::from(limit) + 1)
            .bind(offset)
            .fetch_all(pool)
            .await
    })?;
    Ok(rows)
}

/// `LIKE` treats `%` and `_` as wildcards, which a person typing a search
/// does not mean. They are dropped rather than escaped because the two
/// databases disagree about the default escape character.
pub(crate) fn escape_like(text: &str) -> String {
    text.replace(['\\', '%', '_'], "")
}
