//! Importing a large Joomla site: 10,000 generated articles (two languages,
//! half of them linked as translations, nested categories, tags, authors)
//! written as a mysqldump would write them, then read and loaded into a
//! fresh SQLite database on disk (and a fresh PostgreSQL database when
//! PAMIR_TEST_DATABASE_URL names a server). Prints the time of each step.
//!
//!     cargo bench -p pamir-import --bench joomla_import [-- ARTICLES]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

use pamir_core::Core;
use pamir_domain::{Lang, ManualClock};
use pamir_import::joomla::{Options, Site, load, read_dump};
use pamir_import::progress::Quiet;
use std::fmt::Write;
use std::sync::Arc;
use std::time::Instant;

const PARAGRAPH: &str = "<p>The mission\\'s water programme reached another 12,000 households in the \
    Khatlon region this year, with new pipes, pumps and training for local water committees. \
    Officials from the district and the community joined the opening.</p>";

/// A mysqldump-style file of a Joomla 3 site with `articles` articles.
fn generated_dump(articles: usize) -> String {
    let mut sql = String::with_capacity(articles * 2_500);
    sql.push_str("-- MariaDB dump 10.19\n");
    sql.push_str(
        "CREATE TABLE `jos_categories` (`id` int NOT NULL, `parent_id` int, `lft` int, `path` varchar(400), \
         `extension` varchar(50), `title` varchar(255), `alias` varchar(400), `description` text, \
         `published` tinyint, `language` char(7), PRIMARY KEY (`id`)) ENGINE=InnoDB;\n",
    );
    sql.push_str("INSERT INTO `jos_categories` VALUES (1,0,0,'','system','ROOT','root','',1,'*')");
    for n in 0..50 {
        let id = 100 + n;
        let (parent, path) =
            if n < 10 { (1, format!("section-{n}")) } else { (100 + n % 10, format!("section-{}/topic-{n}", n % 10)) };
        let alias = path.rsplit('/').next().unwrap_or("");
        write!(sql, ",({id},{parent},{id},'{path}','com_content','Topic {n}','{alias}','',1,'*')").ok();
    }
    sql.push_str(";\n");
    sql.push_str(
        "CREATE TABLE `jos_content` (`id` int NOT NULL, `title` varchar(255), `alias` varchar(400), \
         `introtext` mediumtext, `fulltext` mediumtext, `state` tinyint, `catid` int, `created` datetime, \
         `created_by` int, `created_by_alias` varchar(255), `modified` datetime, `publish_up` datetime, \
         `publish_down` datetime, `images` text, `featured` tinyint, `hits` int, `language` char(7), \
         PRIMARY KEY (`id`)) ENGINE=InnoDB;\n",
    );
    for chunk in (1..=articles).collect::<Vec<_>>().chunks(200) {
        sql.push_str("INSERT INTO `jos_content` VALUES ");
        for (i, id) in chunk.iter().enumerate() {
            let language = if id % 2 == 0 { "ru-RU" } else { "en-GB" };
            let full =
                if id % 3 == 0 { format!("{PARAGRAPH}{PARAGRAPH}{{loadposition footer}}") } else { String::new() };
            write!(
                sql,
                "{}({id},'Water reaches Khatlon villages, part {id}','water-reaches-khatlon-{id}','{PARAGRAPH}\\r\\n{PARAGRAPH}',\
                 '{full}',1,{},'2020-01-01 10:00:00',{},'','2020-02-01 10:00:00','2020-01-01 10:00:00',\
                 '0000-00-00 00:00:00','{{}}',{},{},'{language}')",
                if i == 0 { "" } else { "," },
                100 + id % 50,
                1 + id % 5,
                i64::from(id % 97 == 0),
                id * 7 % 1000,
            )
            .ok();
        }
        sql.push_str(";\n");
    }
    sql.push_str("CREATE TABLE `jos_users` (`id` int, `name` varchar(400), `username` varchar(150), `email` varchar(100), `password` varchar(100), `block` tinyint);\n");
    sql.push_str("INSERT INTO `jos_users` VALUES ");
    for id in 1..=5 {
        write!(
            sql,
            "{}({id},'Author {id}','author{id}','author{id}@example.org','$2y$10$abcdefghijklmnopqrstuv',0)",
            if id == 1 { "" } else { "," }
        )
        .ok();
    }
    sql.push_str(";\nCREATE TABLE `jos_user_usergroup_map` (`user_id` int, `group_id` int);\n");
    sql.push_str("INSERT INTO `jos_user_usergroup_map` VALUES (1,8),(2,3),(3,3),(4,4),(5,3);\n");
    sql.push_str("CREATE TABLE `jos_languages` (`lang_code` char(7), `sef` varchar(50));\n");
    sql.push_str("INSERT INTO `jos_languages` VALUES ('en-GB','en'),('ru-RU','ru');\n");
    sql.push_str("CREATE TABLE `jos_associations` (`id` int, `context` varchar(50), `key` char(32));\n");
    let pairs: Vec<usize> = (1..articles).step_by(4).collect();
    for chunk in pairs.chunks(500) {
        sql.push_str("INSERT INTO `jos_associations` VALUES ");
        for (i, id) in chunk.iter().enumerate() {
            let sep = if i == 0 { "" } else { "," };
            write!(sql, "{sep}({id},'com_content.item','k{id:031}'),({},'com_content.item','k{id:031}')", id + 1).ok();
        }
        sql.push_str(";\n");
    }
    sql.push_str("-- Dump completed on 2026-11-29\n");
    sql
}

fn main() {
    let articles: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(10_000);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    let dump = generated_dump(articles);
    println!("joomla import: {articles} articles, a {:.1} MB dump", dump.len() as f64 / 1e6);

    let started = Instant::now();
    let tables = read_dump(&dump, None).expect("the dump reads");
    let joomla = Site::from_tables(&tables);
    let read = started.elapsed();
    println!("  read and parse the dump: {:>8.2} s", read.as_secs_f64());

    runtime.block_on(async {
        for database in pamir_core::testing::TestDatabase::all().await {
            let media = tempfile::tempdir().expect("dir");
            let clock = Arc::new(ManualClock::new(chrono::DateTime::from_timestamp(1_795_000_000, 0).expect("time")));
            let (core, site) = Core::open(&database.url, clock, media.path().to_owned()).await.expect("database");
            let options = Options::new(Lang::parse("en").expect("en"));
            let started = Instant::now();
            let report = load(&core, site, &joomla, &tables.prefix, &options, &Quiet).await.expect("import");
            let loaded = started.elapsed();
            println!("  {}:", database.backend);
            println!("    load:                  {:>8.2} s", loaded.as_secs_f64());
            println!("    read and load:         {:>8.2} s", (read + loaded).as_secs_f64());
            println!(
                "    added: {} articles, {} categories, {} redirects",
                report.added.get("article").copied().unwrap_or(0),
                report.added.get("category").copied().unwrap_or(0),
                report.added.get("redirect").copied().unwrap_or(0)
            );
            let started = Instant::now();
            let again = load(&core, site, &joomla, &tables.prefix, &options, &Quiet).await.expect("again");
            println!(
                "    second run (nothing new: {}): {:.2} s",
                again.changed_nothing(),
                started.elapsed().as_secs_f64()
            );
            core.db.close().await;
        }
    });
}
