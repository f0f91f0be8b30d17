//! A Joomla database as plain rows: the few tables the importer reads,
//! keyed by their name without the site's table prefix, whichever way they
//! were read (a live database or a dump file).

use chrono::{DateTime, NaiveDateTime, Utc};
use std::collections::HashMap;

/// The tables the importer reads, without prefix. Every other table of the
/// site (sessions, extensions, logs…) is passed over unread.
pub const WANTED: &[&str] = &[
    "associations",
    "categories",
    "contact_details",
    "content",
    "content_frontpage",
    "contentitem_tag_map",
    "languages",
    "menu",
    "tags",
    "user_usergroup_map",
    "usergroups",
    "users",
];

/// The tables without which a database is not a Joomla site's.
pub const REQUIRED: &[&str] = &["content", "categories"];

/// One cell, as SQL gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
}

/// One table: its column names and its rows, each in column order.
#[derive(Debug, Default)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    pub fn new(columns: Vec<String>) -> Self {
        Self { columns, rows: Vec::new() }
    }

    /// Each row with its values reachable by column name.
    pub fn records(&self) -> impl Iterator<Item = Record<'_>> {
        let index: HashMap<&str, usize> = self.columns.iter().enumerate().map(|(i, c)| (c.as_str(), i)).collect();
        let index = std::rc::Rc::new(index);
        self.rows.iter().map(move |row| Record { index: index.clone(), row })
    }
}

/// A row whose cells are asked for by column name. A column this Joomla
/// version does not have reads as empty, so one reader serves 3.x, 4.x and
/// 5.x, whose schemas renamed, dropped and added columns.
pub struct Record<'a> {
    index: std::rc::Rc<HashMap<&'a str, usize>>,
    row: &'a [Value],
}

impl Record<'_> {
    fn value(&self, column: &str) -> &Value {
        self.index.get(column).and_then(|i| self.row.get(*i)).unwrap_or(&Value::Null)
    }

    pub fn text(&self, column: &str) -> &str {
        match self.value(column) {
            Value::Text(text) => text,
            _ => "",
        }
    }

    pub fn int(&self, column: &str) -> i64 {
        match self.value(column) {
            Value::Int(n) => *n,
            Value::Text(text) => text.trim().parse().unwrap_or(0),
            Value::Null => 0,
        }
    }

    /// A DATETIME column. Joomla 3 wrote "no date" as `0000-00-00 00:00:00`,
    /// Joomla 4 and 5 as NULL; both read as `None`. Joomla stores UTC.
    pub fn date(&self, column: &str) -> Option<DateTime<Utc>> {
        let text = self.text(column).trim();
        if text.is_empty() || text.starts_with("0000-00-00") {
            return None;
        }
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
            .ok()
            .filter(|date| date.and_utc().timestamp() > 0)
            .map(|date| date.and_utc())
    }
}

/// The Joomla tables that were read, by name without prefix.
#[derive(Debug, Default)]
pub struct Tables {
    pub prefix: String,
    pub tables: HashMap<String, Table>,
}

impl Tables {
    /// A table's rows; a table the site does not have has none.
    pub fn records(&self, name: &str) -> Box<dyn Iterator<Item = Record<'_>> + '_> {
        match self.tables.get(name) {
            Some(table) => Box::new(table.records()),
            None => Box::new(std::iter::empty()),
        }
    }

    pub fn has(&self, name: &str) -> bool {
        self.tables.contains_key(name)
    }
}

/// The table prefix of a Joomla site among these table names: the one given
/// if its tables are there, else the prefix every required table shares
/// (`jos_content`, `jos_categories` → `jos_`).
pub fn find_prefix<'a>(names: impl IntoIterator<Item = &'a str>, given: Option<&str>) -> Result<String, String> {
    let names: Vec<&str> = names.into_iter().collect();
    let complete = |prefix: &str| REQUIRED.iter().all(|table| names.contains(&format!("{prefix}{table}").as_str()));
    if let Some(prefix) = given {
        return if complete(prefix) {
            Ok(prefix.to_owned())
        } else {
            Err(format!(
                "no Joomla tables with the prefix {prefix:?}: looked for {}",
                REQUIRED.iter().map(|t| format!("{prefix}{t}")).collect::<Vec<_>>().join(", ")
            ))
        };
    }
    let mut candidates: Vec<&str> =
        names.iter().filter_map(|name| name.strip_suffix("content")).filter(|prefix| complete(prefix)).collect();
    candidates.sort_unstable();
    candidates.dedup();
    match candidates.as_slice() {
        [one] => Ok((*one).to_owned()),
        [] => Err(format!(
            "this is not a Joomla database: no tables named like jos_{} were found",
            REQUIRED.join(", jos_")
        )),
        many => Err(format!(
            "more than one Joomla site is here (table prefixes {}); choose one with --prefix",
            many.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefix_is_found_or_refused_with_the_reason() {
        let names = ["abc_content", "abc_categories", "abc_users", "other"];
        assert_eq!(find_prefix(names, None).as_deref(), Ok("abc_"));
        assert_eq!(find_prefix(names, Some("abc_")).as_deref(), Ok("abc_"));
        assert!(find_prefix(names, Some("jos_")).unwrap_err().contains("jos_content"));
        assert!(find_prefix(["wp_posts", "wp_users"], None).unwrap_err().contains("not a Joomla database"));
        let two = ["a_content", "a_categories", "b_content", "b_categories"];
        assert!(find_prefix(two, None).unwrap_err().contains("--prefix"));
    }

    #[test]
    fn dates_of_every_version_read_alike() {
        let table = Table {
            columns: vec!["a".into(), "b".into(), "c".into()],
            rows: vec![vec![
                Value::Text("0000-00-00 00:00:00".into()),
                Value::Null,
                Value::Text("2011-01-01 00:00:01".into()),
            ]],
        };
        let record = table.records().next().unwrap();
        assert_eq!(record.date("a"), None);
        assert_eq!(record.date("b"), None);
        assert_eq!(record.date("c").map(|d| d.timestamp()), Some(1_293_840_001));
        assert_eq!(record.date("missing"), None);
        assert_eq!(record.int("missing"), 0);
    }
}
