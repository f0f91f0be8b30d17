//! Items moved in from another system, as an editor meets them in the
//! admin: opened and saved without a change, each keeps its page byte for
//! byte (the teaser, the body, the teaser shown above the body). Run on the
//! WordPress theme test export and the Joomla 3 sample site when the
//! corpora are here, and always on a small export of this repository's own.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::http::StatusCode;
use pamir_domain::{Lang, Role};
use pamir_import::progress::Quiet;
use support::TestSite;
use support::admin::{Browser, form_fields, pairs, signed_in};

/// A post as the block editor saves it: an opening before `<!--more-->`,
/// a heading, a list, a quote, a table and a figure with its caption.
const POST: &str = r#"<!-- wp:paragraph --><p>The mission&#8217;s <strong>opening</strong> words.</p><!-- /wp:paragraph -->
<!--more-->
<!-- wp:heading --><h2 class="wp-block-heading">What was found</h2><!-- /wp:heading -->
<!-- wp:list --><ul class="wp-block-list"><li>Wells: <em>12</em></li><li>Pumps: 3</li></ul><!-- /wp:list -->
<!-- wp:quote --><blockquote class="wp-block-quote"><p>Water is life.</p></blockquote><!-- /wp:quote -->
<!-- wp:table --><figure class="wp-block-table"><table><thead><tr><th>Region</th><th>Wells</th></tr></thead><tbody><tr><td>Khatlon</td><td>12</td></tr></tbody></table></figure><!-- /wp:table -->
<!-- wp:image --><figure class="wp-block-image"><img src="https://elsewhere.example/lake.jpg" alt="The lake"/><figcaption>The lake at dawn</figcaption></figure><!-- /wp:image -->"#;

fn own_export() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old office</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example.org</wp:base_site_url><wp:base_blog_url>https://old.example.org</wp:base_blog_url>
<item><title>Wells of Khatlon</title><link>https://old.example.org/wells/</link><dc:creator>ann</dc:creator>
<content:encoded><![CDATA[{POST}]]></content:encoded><wp:post_id>5</wp:post_id><wp:post_date>2024-05-01 10:00:00</wp:post_date>
<wp:post_name>wells</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>"#
    )
}

async fn import_wxr(site: &TestSite, wxr: &[u8]) -> String {
    let export = pamir_import::read_wxr(wxr).expect("the export reads");
    let options = pamir_import::wordpress::load::Options {
        lang: Lang::parse("en").expect("en"),
        dry_run: false,
        files: None,
        permalinks: None,
        users: false,
    };
    pamir_import::wordpress::load::load(&site.core, site.site, &export, &options, &Quiet).await.expect("import");
    let url = if export.blog_url.is_empty() { &export.base_url } else { &export.blog_url };
    format!("wordpress:{}", url.trim_end_matches('/'))
}

/// Opens each item imported from `source` in the editor and saves it as it stands.
async fn save_each_unchanged(editor: &Browser<'_>, site: &TestSite, source: &str, kind: &str) -> usize {
    let known = pamir_db::import_sources::known(site.db(), site.site, source, kind).await.expect("db");
    assert!(!known.is_empty(), "nothing was imported from {source}");
    let mut saved = 0;
    for id in known.values() {
        let before = pamir_db::items::find_by_id(site.db(), site.site, *id).await.expect("db").expect("item");
        let page = editor.get(&format!("/admin/items/{id}")).await;
        assert_eq!(page.status, StatusCode::OK, "item {id}");
        let mut fields = form_fields(&page.body, "item-form");
        fields.retain(|(name, _)| name != "csrf" && name != "action");
        fields.push(("action".into(), "save".into()));
        let response = editor.post(&format!("/admin/items/{id}"), &pairs(&fields)).await;
        assert_eq!(
            response.status,
            StatusCode::SEE_OTHER,
            "{}: item {id} {:?}: {}",
            site.backend,
            before.title,
            response.body
        );
        let after = pamir_db::items::find_by_id(site.db(), site.site, *id).await.expect("db").expect("item");
        assert!(after.version > before.version, "item {id} was saved");
        let what = format!("{}: item {id} {:?} saved unchanged", site.backend, before.title);
        assert_eq!(after.teaser_markdown, before.teaser_markdown, "{what}");
        assert_eq!(after.body_markdown, before.body_markdown, "{what}");
        assert_eq!(after.teaser_html, before.teaser_html, "{what}");
        assert_eq!(after.body_html, before.body_html, "{what}");
        assert_eq!(after.teaser_above_body, before.teaser_above_body, "{what}");
        assert_eq!((after.state, after.category_id, &after.slug), (before.state, before.category_id, &before.slug));
        saved += 1;
    }
    saved
}

#[tokio::test]
async fn an_imported_post_saved_unchanged_keeps_its_page() {
    for site in TestSite::all().await {
        let source = import_wxr(&site, own_export().as_bytes()).await;
        let editor = signed_in(&site, Role::Editor).await;
        assert_eq!(save_each_unchanged(&editor, &site, &source, "post").await, 1);
        let known = pamir_db::import_sources::known(site.db(), site.site, &source, "post").await.expect("db");
        let item = pamir_db::items::find_by_id(site.db(), site.site, known["5"]).await.expect("db").expect("item");
        assert!(
            item.body_markdown.contains("## What was found\n"),
            "the editor shows Markdown: {}",
            item.body_markdown
        );
        assert!(item.body_markdown.contains("<figcaption>"), "a figure stays HTML: {}", item.body_markdown);
        assert!(!item.teaser_markdown.contains("&#8217;"), "entities read as text: {}", item.teaser_markdown);
    }
}

#[tokio::test]
async fn every_item_of_the_wordpress_theme_test_saved_unchanged_keeps_its_page() {
    let Some(wxr) = pamir_corpora::bytes("wordpress/themeunittestdata.wordpress.xml") else { return };
    for site in TestSite::all().await {
        let source = import_wxr(&site, &wxr).await;
        let editor = signed_in(&site, Role::Administrator).await;
        let saved = save_each_unchanged(&editor, &site, &source, "post").await;
        assert!(saved >= 70, "{saved}");
    }
}

#[tokio::test]
async fn every_article_of_the_joomla_sample_site_saved_unchanged_keeps_its_page() {
    let (Some(schema), Some(sample)) =
        (pamir_corpora::text("joomla3/joomla.sql"), pamir_corpora::text("joomla3/sample_learn.sql"))
    else {
        return;
    };
    let sql = format!("{schema}\n{sample}").replace("#__", "jml_");
    let tables = pamir_import::joomla::read_dump(&sql, None).expect("the sample site reads");
    let joomla = pamir_import::joomla::Site::from_tables(&tables);
    for site in TestSite::all().await {
        let options = pamir_import::joomla::Options::new(Lang::parse("en").expect("en"));
        pamir_import::joomla::load(&site.core, site.site, &joomla, "jml_", &options, &Quiet).await.expect("import");
        let editor = signed_in(&site, Role::Administrator).await;
        let saved = save_each_unchanged(&editor, &site, "joomla:jml_", "article").await;
        assert_eq!(saved, joomla.articles.len(), "every article");
    }
}
