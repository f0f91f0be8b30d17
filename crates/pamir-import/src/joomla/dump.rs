//! Reading a `mysqldump` (or `mariadb-dump`) file of a Joomla database.
//!
//! The file is cut into statements by sqlparser's MySQL tokenizer, so a `;`
//! or a quote inside an article's text never splits a statement. Each
//! `INSERT` is parsed by sqlparser into its rows; `CREATE TABLE` gives the
//! column order that mysqldump's column-less `INSERT`s rely on. Everything
//! else (`SET`, `LOCK TABLES`, `DROP`, comments) is passed over.

use super::tables::{Table, Tables, Value, WANTED, find_prefix};
use sqlparser::ast::{Expr, SetExpr, Statement, UnaryOperator};
use sqlparser::dialect::MySqlDialect;
use sqlparser::keywords::Keyword;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer};
use std::collections::HashMap;

#[derive(Debug, thiserror::Error)]
pub enum DumpError {
    #[error("the dump is not SQL that MySQL would read, at line {line}: {message}")]
    Syntax { line: u64, message: String },
    #[error("the dump is cut short: {0}. Make the dump again and import the whole file")]
    Truncated(String),
    #[error("{0}")]
    NotJoomla(String),
}

/// Reads the Joomla tables out of a dump. `prefix` is the site's table
/// prefix (`jos_`), found from the tables' names when not given.
pub fn read_dump(sql: &str, prefix: Option<&str>) -> Result<Tables, DumpError> {
    check_complete(sql)?;
    let dialect = MySqlDialect {};
    let tokens = Tokenizer::new(&dialect, sql)
        .tokenize_with_location()
        .map_err(|e| DumpError::Syntax { line: e.location.line, message: e.message })?;

    let mut schemas: HashMap<String, Vec<String>> = HashMap::new();
    let mut data: HashMap<String, Table> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut statement: Vec<TokenWithSpan> = Vec::new();
    for token in tokens {
        match token.token {
            Token::SemiColon => {
                read_statement(std::mem::take(&mut statement), &mut schemas, &mut data, &mut names)?;
            }
            Token::Whitespace(_) => {}
            Token::EOF => break,
            _ => statement.push(token),
        }
    }
    if let Some(first) = statement.first() {
        return Err(DumpError::Truncated(format!(
            "the statement that starts at line {} has no end",
            first.span.start.line
        )));
    }

    let prefix = find_prefix(names.iter().map(String::as_str), prefix).map_err(DumpError::NotJoomla)?;
    let mut tables = Tables { prefix: prefix.clone(), tables: HashMap::new() };
    for wanted in WANTED {
        let name = format!("{prefix}{wanted}");
        let table = match data.remove(&name) {
            Some(table) => table,
            // A table the dump creates but fills with nothing.
            None => match schemas.remove(&name) {
                Some(columns) => Table::new(columns),
                None => continue,
            },
        };
        tables.tables.insert((*wanted).to_owned(), table);
    }
    Ok(tables)
}

/// mysqldump and mariadb-dump begin with a header and end with a "Dump
/// completed" line; a file with the one and not the other was cut off.
fn check_complete(sql: &str) -> Result<(), DumpError> {
    let head: String = sql.lines().take(5).collect::<Vec<_>>().join("\n");
    let from_dump_tool = head.contains("-- MySQL dump") || head.contains("-- MariaDB dump");
    let tail_start = sql.len().saturating_sub(512);
    let tail_start = (tail_start..sql.len()).find(|i| sql.is_char_boundary(*i)).unwrap_or(sql.len());
    if from_dump_tool && !sql[tail_start..].contains("-- Dump completed") {
        return Err(DumpError::Truncated("its last line is not mysqldump's \"Dump completed\"".into()));
    }
    Ok(())
}

fn keyword(token: &TokenWithSpan) -> Option<Keyword> {
    match &token.token {
        Token::Word(word) if word.quote_style.is_none() => Some(word.keyword),
        _ => None,
    }
}

fn read_statement(
    tokens: Vec<TokenWithSpan>,
    schemas: &mut HashMap<String, Vec<String>>,
    data: &mut HashMap<String, Table>,
    names: &mut Vec<String>,
) -> Result<(), DumpError> {
    match tokens.first().and_then(keyword) {
        Some(Keyword::CREATE) if tokens.get(1).and_then(keyword) == Some(Keyword::TABLE) => {
            if let Some((name, columns)) = create_table_columns(&tokens) {
                names.push(name.clone());
                schemas.insert(name, columns);
            }
            Ok(())
        }
        Some(Keyword::INSERT | Keyword::REPLACE) => insert_rows(tokens, schemas, data, names),
        // A script that empties a table before filling it (as Joomla's
        // sample data does) means its rows from then on.
        Some(Keyword::TRUNCATE | Keyword::DROP) => {
            let mut emptied = tokens.iter().skip(1).filter_map(|t| match &t.token {
                Token::Word(word) if word.quote_style.is_some() || word.keyword == Keyword::NoKeyword => {
                    Some(word.value.as_str())
                }
                _ => None,
            });
            if let Some(table) = emptied.next_back() {
                data.remove(table);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The table's name and its columns' names, in order, from the tokens of a
/// `CREATE TABLE`: the first word of each element of the outer parentheses
/// that is not an index or a constraint.
fn create_table_columns(tokens: &[TokenWithSpan]) -> Option<(String, Vec<String>)> {
    let open = tokens.iter().position(|t| t.token == Token::LParen)?;
    let name = tokens[2..open]
        .iter()
        .filter_map(|t| match &t.token {
            Token::Word(word) if !matches!(keyword(t), Some(Keyword::IF | Keyword::NOT | Keyword::EXISTS)) => {
                Some(word.value.clone())
            }
            _ => None,
        })
        .next_back()?;
    let mut columns = Vec::new();
    let mut depth = 0;
    let mut element_start = true;
    for token in &tokens[open + 1..] {
        match &token.token {
            Token::LParen => depth += 1,
            Token::RParen if depth == 0 => break,
            Token::RParen => depth -= 1,
            Token::Comma if depth == 0 => {
                element_start = true;
                continue;
            }
            Token::Word(word) if element_start && depth == 0 => {
                let is_index = matches!(
                    keyword(token),
                    Some(
                        Keyword::PRIMARY
                            | Keyword::KEY
                            | Keyword::UNIQUE
                            | Keyword::INDEX
                            | Keyword::FULLTEXT
                            | Keyword::SPATIAL
                            | Keyword::CONSTRAINT
                            | Keyword::FOREIGN
                            | Keyword::CHECK
                    )
                );
                if !is_index {
                    columns.push(word.value.clone());
                }
            }
            _ => {}
        }
        element_start = false;
    }
    Some((name, columns))
}

/// Whether rows of this table are worth keeping: only the tables the
/// importer reads (whatever the prefix), so a large site's logs and
/// sessions are never held in memory.
fn wanted(table: &str) -> bool {
    WANTED.iter().any(|wanted| table.ends_with(wanted))
}

fn insert_rows(
    tokens: Vec<TokenWithSpan>,
    schemas: &HashMap<String, Vec<String>>,
    data: &mut HashMap<String, Table>,
    names: &mut Vec<String>,
) -> Result<(), DumpError> {
    let line = tokens.first().map(|t| t.span.start.line).unwrap_or(0);
    let dialect = MySqlDialect {};
    let statement = Parser::new(&dialect)
        .with_tokens_with_locations(tokens)
        .parse_statement()
        .map_err(|e| DumpError::Syntax { line, message: e.to_string() })?;
    let Statement::Insert(insert) = statement else { return Ok(()) };
    let table = insert.table.to_string();
    let table = table.rsplit('.').next().unwrap_or(&table).trim_matches('`').to_owned();
    if !names.contains(&table) {
        names.push(table.clone());
    }
    if !wanted(&table) {
        return Ok(());
    }
    let columns: Vec<String> = if insert.columns.is_empty() {
        schemas.get(&table).cloned().ok_or_else(|| DumpError::Syntax {
            line,
            message: format!("rows for {table} name no columns and the dump does not create the table"),
        })?
    } else {
        insert.columns.iter().map(|c| c.to_string().trim_matches('`').to_owned()).collect()
    };
    let Some(source) = insert.source else { return Ok(()) };
    let SetExpr::Values(values) = *source.body else {
        return Err(DumpError::Syntax { line, message: format!("rows for {table} are not a VALUES list") });
    };
    let target = data.entry(table.clone()).or_insert_with(|| Table::new(columns.clone()));
    if target.columns != columns {
        // Statements naming their columns in another order: put them in the first one's.
        let order: Vec<Option<usize>> = target.columns.iter().map(|c| columns.iter().position(|d| d == c)).collect();
        for row in values.rows {
            let cells: Vec<Value> = row.content.into_iter().map(cell).collect();
            target
                .rows
                .push(order.iter().map(|i| i.and_then(|i| cells.get(i).cloned()).unwrap_or(Value::Null)).collect());
        }
        return Ok(());
    }
    for row in values.rows {
        if row.content.len() != columns.len() {
            return Err(DumpError::Syntax {
                line,
                message: format!("a row for {table} has {} values for {} columns", row.content.len(), columns.len()),
            });
        }
        target.rows.push(row.content.into_iter().map(cell).collect());
    }
    Ok(())
}

/// One value of a row. Numbers Joomla keeps as integers read as such; any
/// other literal (decimal, hex) keeps its text.
fn cell(expr: Expr) -> Value {
    use sqlparser::ast::Value as Sql;
    match expr {
        Expr::Value(value) => match value.value {
            Sql::Null => Value::Null,
            Sql::Number(number, _) => number.parse().map(Value::Int).unwrap_or(Value::Text(number)),
            Sql::Boolean(b) => Value::Int(i64::from(b)),
            other => match other.clone().into_string() {
                Some(text) => Value::Text(text),
                None => Value::Text(other.to_string()),
            },
        },
        Expr::UnaryOp { op: UnaryOperator::Minus, expr } => match cell(*expr) {
            Value::Int(n) => Value::Int(-n),
            Value::Text(text) => Value::Text(format!("-{text}")),
            Value::Null => Value::Null,
        },
        other => Value::Text(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMA: &str = "CREATE TABLE `t_content` (\n `id` int NOT NULL,\n `title` varchar(255) NOT NULL DEFAULT '',\n \
                          `state` tinyint NOT NULL,\n PRIMARY KEY (`id`),\n KEY `idx_t` (`title`(191))\n) ENGINE=InnoDB;\n\
                          CREATE TABLE IF NOT EXISTS `t_categories` (`id` int, `title` text);\n";

    #[test]
    fn column_less_inserts_take_the_created_tables_columns() {
        let sql = format!(
            "{SCHEMA}/*!40000 ALTER TABLE `t_content` DISABLE KEYS */;\nINSERT INTO `t_content` VALUES \
             (1,'It\\'s; a \\\"title\\\"\\nnext',-2),(2,'Two',1);\nINSERT INTO `t_categories` (`title`,`id`) VALUES ('A',5);"
        );
        let tables = read_dump(&sql, None).unwrap();
        assert_eq!(tables.prefix, "t_");
        let content = &tables.tables["content"];
        assert_eq!(content.columns, ["id", "title", "state"]);
        assert_eq!(content.rows[0], [Value::Int(1), Value::Text("It's; a \"title\"\nnext".into()), Value::Int(-2)]);
        let category = tables.records("categories").next().unwrap();
        assert_eq!((category.int("id"), category.text("title")), (5, "A"));
    }

    #[test]
    fn a_dump_cut_short_is_refused() {
        let cut = format!("{SCHEMA}INSERT INTO `t_content` VALUES (1,'One',1),(2,'Tw");
        assert!(
            matches!(read_dump(&cut, None), Err(DumpError::Syntax { .. } | DumpError::Truncated(_))),
            "{:?}",
            read_dump(&cut, None)
        );
        let unended = format!("{SCHEMA}INSERT INTO `t_content` VALUES (1,'One',1)");
        assert!(matches!(read_dump(&unended, None), Err(DumpError::Truncated(_))));
        let headed = format!("-- MariaDB dump 10.19\n{SCHEMA}");
        assert!(matches!(read_dump(&headed, None), Err(DumpError::Truncated(_))));
        assert!(read_dump(&format!("{headed}\n-- Dump completed on 2026-11-29\n"), None).is_ok());
    }

    #[test]
    fn a_dump_of_another_system_is_refused() {
        let sql = "CREATE TABLE wp_posts (ID int); INSERT INTO wp_posts VALUES (1);";
        let error = read_dump(sql, None).unwrap_err();
        assert!(error.to_string().contains("not a Joomla database"), "{error}");
    }
}
