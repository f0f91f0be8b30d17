//! A multilingual WordPress site, exported once per language (as WPML and
//! Polylang sites usually are) and imported with `--lang en`, then
//! `--lang ru`, into a site that has content of its own: categories are
//! shared and named in both languages, every item has an address, the
//! translations are linked, and the site's own "events" is reused, not a
//! reason to stop.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

use pamir_core::Core;
use pamir_core::imports::{Naming, Record};
use pamir_db::testing::TestDatabase;
use pamir_domain::taxonomy::CategoryTree;
use pamir_domain::{Lang, ManualClock};
use pamir_import::progress::Quiet;
use pamir_import::wordpress::load::{Options, load};
use std::sync::Arc;

const SOURCE: &str = "wordpress:https://office.example.org";

/// One language's export: its categories' names, and posts with their
/// Polylang language and translation terms (`pll_N` shared across exports).
fn export(lang: &str, names: (&str, &str), posts: &[(i64, &str, &str)]) -> String {
    let items: String = posts
        .iter()
        .map(|(id, category, group)| {
            format!(
                "<item><title>{lang} post {id}</title><link>https://office.example.org/{lang}/post-{id}/</link>\
                 <dc:creator>ann</dc:creator><content:encoded><![CDATA[<p>Text {id} ({lang}).</p>]]></content:encoded>\
                 <wp:post_id>{id}</wp:post_id><wp:post_date>2024-05-01 10:00:00</wp:post_date>\
                 <wp:post_date_gmt>2024-05-01 05:00:00</wp:post_date_gmt><wp:post_name>post-{id}</wp:post_name>\
                 <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>\
                 <category domain=\"category\" nicename=\"{category}\"><![CDATA[x]]></category>\
                 <category domain=\"language\" nicename=\"{lang}\"><![CDATA[{lang}]]></category>\
                 <category domain=\"post_translations\" nicename=\"{group}\"><![CDATA[{group}]]></category></item>"
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Office</title>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://office.example.org</wp:base_site_url>
<wp:base_blog_url>https://office.example.org</wp:base_blog_url>
<wp:author><wp:author_login><![CDATA[ann]]></wp:author_login></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>events</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[{}]]></wp:cat_name></wp:category>
<wp:category><wp:term_id>4</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[{}]]></wp:cat_name></wp:category>
{items}
</channel>
</rss>"#,
        names.0, names.1
    )
}

fn options(lang: &str, dry_run: bool) -> Options {
    Options { lang: Lang::parse(lang).expect("lang"), dry_run, files: None, permalinks: None, users: false }
}

#[tokio::test]
async fn a_site_exported_per_language_imports_into_a_site_with_content() {
    for database in TestDatabase::all().await {
        let db = pamir_db::connect(&database.url).await.expect("database");
        let site = pamir_db::sites::ensure_default(&db, 1_795_000_000).await.expect("site");
        let clock = Arc::new(ManualClock::new(chrono::DateTime::from_timestamp(1_795_000_000, 0).expect("time")));
        let core = Core { db, clock, events: Default::default(), mailer: None, media_dir: std::env::temp_dir() };
        // The site has an "events" category of its own already.
        let naming = Naming { lang: "en", name: "Events", slug: "events" };
        let own = Record { source: "editor", kind: "category", id: "events" };
        let events = pamir_core::imports::add_category(&core, site, None, &[naming], own).await.unwrap().unwrap();

        let english = pamir_import::read_wxr(
            export("en", ("Events", "News"), &[(100, "events", "pll_1"), (101, "news", "pll_2"), (102, "news", "")])
                .as_bytes(),
        )
        .expect("en");
        let russian = pamir_import::read_wxr(
            export("ru", ("События", "Новости"), &[(200, "events", "pll_1"), (201, "news", "pll_2")]).as_bytes(),
        )
        .expect("ru");

        let dry = load(&core, site, &english, &options("en", true), &Quiet).await.expect("dry run");
        assert!(dry.added.get("redirect").copied().unwrap_or(0) >= 6, "a dry run counts the redirects: {dry}");

        let first = load(&core, site, &english, &options("en", false), &Quiet).await.expect("the English run");
        assert!(
            first.warnings.iter().any(|(record, why)| record == "category events" && why.contains("already")),
            "the site's own category is reused, and said so: {first}"
        );
        let second = load(&core, site, &russian, &options("ru", false), &Quiet).await.expect("the Russian run");
        assert_eq!(second.added.get("post"), Some(&2), "{second}");

        // Every item sits where it has an address in its own language.
        let (rows, _) =
            pamir_db::items::admin_list(&core.db, site, &Default::default(), Default::default(), 50, 0, false)
                .await
                .expect("items");
        assert_eq!(rows.len(), 5);
        for row in &rows {
            let item = pamir_db::items::find_by_id(&core.db, site, row.id).await.expect("db").expect("item");
            let tree = CategoryTree::new(pamir_db::categories::list(&core.db, site, &item.lang).await.expect("tree"));
            assert!(tree.get(item.category_id).is_some(), "{} {:?} has no address", item.lang, item.title);
        }
        let ru = Lang::parse("ru").expect("ru");
        let tree = CategoryTree::new(pamir_db::categories::list(&core.db, site, &ru).await.expect("tree"));
        assert_eq!(tree.get(events).map(|c| c.name.as_str()), Some("События"), "named in Russian from its export");

        // Translations are linked across the two exports.
        let posts = pamir_db::import_sources::known(&core.db, site, SOURCE, "post").await.expect("db");
        let group = |post: &str| {
            let id = posts[post];
            let db = &core.db;
            async move { pamir_db::items::find_by_id(db, site, id).await.expect("db").expect("item").group_id }
        };
        assert_eq!(group("100").await, group("200").await, "{}", database.backend);
        assert_eq!(group("101").await, group("201").await);
        assert_ne!(group("100").await, group("101").await);

        // Old addresses lead to the page in the right language, in one hop.
        let target = pamir_db::redirects::follow(&core.db, site, "/?p=200").await.expect("db");
        assert_eq!(target.as_deref(), Some("/ru/events/post-200"));
        let archive = pamir_db::redirects::follow(&core.db, site, "/category/news").await.expect("db");
        assert_eq!(archive.as_deref(), Some("/en/news/"));
        let feed = pamir_db::redirects::follow(&core.db, site, "/feed").await.expect("db");
        assert_eq!(feed.as_deref(), Some("/en/feed.rss"));

        let again = load(&core, site, &russian, &options("ru", false), &Quiet).await.expect("again");
        assert!(again.changed_nothing(), "{again}");
    }
}
