//! Reading a live Joomla database on MySQL or MariaDB.
//!
//! Every cell is asked for as text (`CAST(… AS CHAR)`): Joomla 3 keeps
//! "no date" as `0000-00-00 00:00:00`, which no date type decodes, and the
//! rows are read by [`super::tables::Record`] the same way a dump's are.

use super::tables::{Table, Tables, Value, WANTED, find_prefix};
use sqlx::mysql::{MySqlConnectOptions, MySqlConnection};
use sqlx::{ConnectOptions, Connection, Row};
use std::str::FromStr;

#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    #[error("{0} is not a MySQL address: write it as mysql://user:password@host:3306/database")]
    Address(String),
    #[error("cannot read the Joomla database at {address}: {message}")]
    Database { address: String, message: String },
    #[error("{0}")]
    NotJoomla(String),
}

/// The address without its password, to show in messages.
fn shown(url: &str) -> String {
    match url.split_once("://").and_then(|(scheme, rest)| rest.split_once('@').map(|(user, host)| (scheme, user, host)))
    {
        Some((scheme, user, host)) => format!("{scheme}://{}@{host}", user.split(':').next().unwrap_or("")),
        None => url.to_owned(),
    }
}

pub async fn read_database(url: &str, prefix: Option<&str>) -> Result<Tables, LiveError> {
    let address = shown(url);
    let options = MySqlConnectOptions::from_str(url).map_err(|_| LiveError::Address(address.clone()))?;
    let database_error = |e: sqlx::Error| LiveError::Database { address: address.clone(), message: e.to_string() };
    let mut connection: MySqlConnection = options.connect().await.map_err(database_error)?;

    let names: Vec<String> = sqlx::query_scalar(
        "SELECT CAST(table_name AS CHAR) FROM information_schema.tables WHERE table_schema = DATABASE()",
    )
    .fetch_all(&mut connection)
    .await
    .map_err(database_error)?;
    let prefix = find_prefix(names.iter().map(String::as_str), prefix).map_err(LiveError::NotJoomla)?;

    let mut tables = Tables { prefix: prefix.clone(), tables: Default::default() };
    for wanted in WANTED {
        let name = format!("{prefix}{wanted}");
        if !names.contains(&name) {
            continue;
        }
        let columns: Vec<String> = sqlx::query_scalar(
            "SELECT CAST(column_name AS CHAR) FROM information_schema.columns
             WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position",
        )
        .bind(&name)
        .fetch_all(&mut connection)
        .await
        .map_err(database_error)?;
        // The names come from the server's own catalogue; quoted all the same.
        let quote = |name: &str| format!("`{}`", name.replace('`', "``"));
        let select = columns.iter().map(|c| format!("CAST({} AS CHAR)", quote(c))).collect::<Vec<_>>().join(", ");
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {select} FROM {}", quote(&name))))
            .fetch_all(&mut connection)
            .await
            .map_err(database_error)?;
        let mut table = Table::new(columns);
        for row in rows {
            let mut cells = Vec::with_capacity(table.columns.len());
            for i in 0..table.columns.len() {
                let text: Option<String> = row.try_get(i).map_err(database_error)?;
                cells.push(text.map(Value::Text).unwrap_or(Value::Null));
            }
            table.rows.push(cells);
        }
        tables.tables.insert((*wanted).to_owned(), table);
    }
    connection.close().await.map_err(database_error)?;
    Ok(tables)
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_never_show_in_messages() {
        assert_eq!(super::shown("mysql://joomla:secret@db:3306/site"), "mysql://joomla@db:3306/site");
        assert_eq!(super::shown("mysql://root@127.0.0.1/site"), "mysql://root@127.0.0.1/site");
    }
}
