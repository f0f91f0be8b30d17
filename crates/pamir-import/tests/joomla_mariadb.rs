//! A live Joomla database on MariaDB (or MySQL), and a mysqldump of it:
//! Joomla 3.10's schema and its blog sample site are loaded into a fresh
//! database, read both ways, and the two readings must agree.
//!
//! Runs when PAMIR_TEST_MYSQL_URL names a server (`mysql://root@127.0.0.1:3306`);
//! each run creates its own databases and drops them.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

use pamir_import::joomla::{LiveError, Tables, read_database, read_dump};
use sqlx::Connection;
use sqlx::mysql::MySqlConnection;
use std::io::Write;

fn corpus(file: &str) -> Option<String> {
    pamir_corpora::text(&format!("joomla3/{file}"))
}

fn server() -> Option<String> {
    let url = std::env::var("PAMIR_TEST_MYSQL_URL").ok().filter(|u| !u.is_empty());
    if url.is_none() {
        // Past the harness's capture, so that `cargo test` says it.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: set PAMIR_TEST_MYSQL_URL (e.g. mysql://root@127.0.0.1:3306) to test live Joomla databases"
        );
    }
    url.map(|u| u.trim_end_matches('/').to_owned())
}

/// A database of its own on the server, dropped when the test is done.
struct Scratch {
    server: String,
    name: String,
}

impl Scratch {
    async fn create(server: &str, purpose: &str) -> Self {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos());
        let name = format!("pamir_{purpose}_{}_{}", std::process::id(), nanos.unwrap_or(0));
        let mut admin = MySqlConnection::connect(server).await.expect("the MySQL server answers");
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name} CHARACTER SET utf8mb4")))
            .execute(&mut admin)
            .await
            .expect("create database");
        Self { server: server.to_owned(), name }
    }

    fn url(&self) -> String {
        format!("{}/{}", self.server, self.name)
    }

    async fn drop_database(self) {
        let mut admin = MySqlConnection::connect(&self.server).await.expect("the MySQL server answers");
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {}", self.name)))
            .execute(&mut admin)
            .await
            .expect("drop database");
    }
}

/// What both readings must agree on: each table's rows, cell by cell, as text.
fn summary(tables: &Tables, table: &str, columns: &[&str]) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = tables
        .records(table)
        .map(|r| {
            columns
                .iter()
                .map(|c| match r.text(c) {
                    "" => r.int(c).to_string(),
                    text => text.to_owned(),
                })
                .collect()
        })
        .collect();
    rows.sort();
    rows
}

/// mysqldump's connection options for a `mysql://user[:password]@host[:port]` address.
fn dump_arguments(server: &str, database: &str) -> Vec<String> {
    let rest = server.split_once("://").map(|(_, r)| r).unwrap_or(server);
    let (credentials, address) = rest.rsplit_once('@').unwrap_or(("root", rest));
    let (user, password) = credentials.split_once(':').unwrap_or((credentials, ""));
    let (host, port) = address.split_once(':').unwrap_or((address, "3306"));
    let mut arguments = vec![format!("--host={host}"), format!("--port={port}"), format!("--user={user}")];
    if !password.is_empty() {
        arguments.push(format!("--password={password}"));
    }
    arguments.push(database.to_owned());
    arguments
}

#[tokio::test]
async fn a_live_database_and_its_dump_read_alike() {
    let Some(server) = server() else { return };
    let (Some(schema), Some(sample)) = (corpus("joomla.sql"), corpus("sample_blog.sql")) else {
        return;
    };
    let sql = format!("{schema}\n{sample}").replace("#__", "blog_");
    let scratch = Scratch::create(&server, "joomla").await;
    let mut site = MySqlConnection::connect(&scratch.url()).await.expect("connect");
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.clone())).execute(&mut site).await.expect("Joomla's SQL loads");
    site.close().await.expect("close");

    let live = read_database(&scratch.url(), None).await.expect("the live database reads");
    assert_eq!(live.prefix, "blog_");
    let script = read_dump(&sql, None).expect("the script reads");
    let articles =
        ["id", "title", "alias", "introtext", "fulltext", "state", "catid", "created", "publish_up", "language"];
    let categories = ["id", "parent_id", "path", "title", "alias", "extension", "published", "language"];
    assert!(!summary(&live, "content", &articles).is_empty());
    assert_eq!(summary(&live, "content", &articles), summary(&script, "content", &articles));
    assert_eq!(summary(&live, "categories", &categories), summary(&script, "categories", &categories));
    let article = live.records("content").next().expect("an article");
    assert!(article.date("created").is_some(), "dates read from the live database");

    // The same database through mysqldump (or mariadb-dump), as an operator would move it.
    let tool = ["mysqldump", "mariadb-dump"]
        .into_iter()
        .find(|tool| std::process::Command::new(tool).arg("--version").output().is_ok());
    match tool {
        None => {
            let _ =
                writeln!(std::io::stderr(), "SKIPPED the dump half: neither mysqldump nor mariadb-dump is installed");
        }
        Some(tool) => {
            let output = std::process::Command::new(tool)
                .args(dump_arguments(&server, &scratch.name))
                .output()
                .expect("the dump tool runs");
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            let dump = String::from_utf8(output.stdout).expect("utf-8");
            let dumped = read_dump(&dump, None).expect("the dump reads");
            assert_eq!(summary(&dumped, "content", &articles), summary(&live, "content", &articles));
            assert_eq!(summary(&dumped, "categories", &categories), summary(&live, "categories", &categories));

            let cut = &dump[..dump.len() * 2 / 3];
            let refused = read_dump(cut, None).expect_err("a dump cut short is refused");
            assert!(refused.to_string().contains("cut short") || refused.to_string().contains("line"), "{refused}");
        }
    }
    scratch.drop_database().await;
}

#[tokio::test]
async fn a_database_that_is_not_joomlas_is_refused_clearly() {
    let Some(server) = server() else { return };
    let scratch = Scratch::create(&server, "other").await;
    let mut site = MySqlConnection::connect(&scratch.url()).await.expect("connect");
    sqlx::raw_sql("CREATE TABLE wp_posts (ID INT PRIMARY KEY); CREATE TABLE wp_users (ID INT PRIMARY KEY);")
        .execute(&mut site)
        .await
        .expect("tables");
    site.close().await.expect("close");
    let error = read_database(&scratch.url(), None).await.expect_err("not Joomla");
    assert!(matches!(error, LiveError::NotJoomla(_)), "{error}");
    assert!(error.to_string().contains("not a Joomla database"), "{error}");
    scratch.drop_database().await;

    let unreachable = read_database("mysql://nobody:secret@127.0.0.1:1/none", None).await.expect_err("no server");
    assert!(!unreachable.to_string().contains("secret"), "passwords never show: {unreachable}");
}

#[tokio::test]
async fn a_live_joomla_5_database_reads_with_its_null_dates() {
    let Some(server) = server() else { return };
    let sql = include_str!("fixtures/joomla5_site.sql").replace("#__", "j5_");
    let scratch = Scratch::create(&server, "joomla5").await;
    let mut site = MySqlConnection::connect(&scratch.url()).await.expect("connect");
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql)).execute(&mut site).await.expect("Joomla 5's tables load");
    site.close().await.expect("close");
    let live = read_database(&scratch.url(), Some("j5_")).await.expect("reads");
    let joomla = pamir_import::joomla::Site::from_tables(&live);
    let draft = joomla.articles.iter().find(|a| a.id == 2).expect("the draft");
    assert_eq!(draft.publish_up, None);
    let office = joomla.articles.iter().find(|a| a.id == 1).expect("the office article");
    assert_eq!(office.featured_down.map(|d| d.timestamp()), Some(1_767_225_599));
    assert_eq!(office.hits, 57);
    scratch.drop_database().await;
}
