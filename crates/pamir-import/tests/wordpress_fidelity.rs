//! What a reader saw on the old WordPress site survives the move: a post's
//! opening before `<!--more-->`, its images (size variants and WordPress.com
//! hosts included) brought from the files folder, missing files named per
//! post, exports without `wp:post_id`, Cyrillic addresses and two posts with
//! one slug. A small export of this repository's own, for the cases the
//! corpora lack.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

use pamir_core::Core;
use pamir_db::testing::TestDatabase;
use pamir_domain::{Item, ItemState, Lang, ManualClock};
use pamir_import::progress::Quiet;
use pamir_import::report::Report;
use pamir_import::wordpress::load::{Options, load};
use std::sync::Arc;

const SOURCE: &str = "wordpress:https://old.example.org";

/// Audio, video and file blocks, and a table with a footer, as the block editor saves them.
const MEDIA: &str = r#"<!-- wp:audio {"id":60} --><figure class="wp-block-audio"><audio controls src="https://old.example.org/wp-content/uploads/2024/05/talk.mp3"></audio></figure><!-- /wp:audio -->
<!-- wp:video {"id":61} --><figure class="wp-block-video"><video controls src="https://old.example.org/wp-content/uploads/2024/05/clip.mp4"></video><figcaption>The clip</figcaption></figure><!-- /wp:video -->
<!-- wp:file {"id":62} --><div class="wp-block-file"><a id="wp-block-file--media-62" href="https://old.example.org/wp-content/uploads/2024/05/report.pdf">Annual report</a><a href="https://old.example.org/wp-content/uploads/2024/05/report.pdf" class="wp-block-file__button" download aria-describedby="wp-block-file--media-62">Download</a></div><!-- /wp:file -->
<!-- wp:table --><figure class="wp-block-table"><table><tbody><tr><td>Dushanbe</td><td>12</td></tr></tbody><tfoot><tr><td>Total</td><td>12</td></tr></tfoot></table></figure><!-- /wp:table -->
<!-- wp:latest-posts {"postsToShow":3} --><ul class="wp-block-latest-posts"><li><h3></h3></li></ul><!-- /wp:latest-posts -->"#;

fn export() -> String {
    let post = |id: i64, slug: &str, content: &str, excerpt: &str| {
        format!(
            "<item><title>Post {id}</title><link>https://old.example.org/{slug}/</link><dc:creator>ann</dc:creator>\
             <content:encoded><![CDATA[{content}]]></content:encoded><excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>\
             <wp:post_id>{id}</wp:post_id><wp:post_date>2024-05-01 10:00:00</wp:post_date>\
             <wp:post_date_gmt>2024-05-01 05:00:00</wp:post_date_gmt><wp:post_name>{slug}</wp:post_name>\
             <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>\
             <category domain=\"category\" nicename=\"news\"><![CDATA[News]]></category></item>"
        )
    };
    let images = r#"<!-- wp:image {"id":50} --><figure class="wp-block-image"><a href="https://old.example.org/wp-content/uploads/2024/05/lake.jpg"><img src="https://www.old.example.org/wp-content/uploads/2024/05/lake-300x200.jpg" srcset="https://old.example.org/wp-content/uploads/2024/05/lake-300x200.jpg 300w, https://old.example.org/wp-content/uploads/2024/05/lake.jpg 600w" sizes="(max-width: 300px) 100vw, 300px" alt="The lake" class="wp-image-50"></a></figure><!-- /wp:image -->
<!-- wp:paragraph --><p>A river: <img src="https://oldexample.files.wordpress.com/2024/05/river.png?w=640" alt="The river"></p><!-- /wp:paragraph -->
<!-- wp:paragraph --><p>Gone: <img src="https://old.example.org/wp-content/uploads/2024/05/missing.jpg" alt="Gone"></p><!-- /wp:paragraph -->
<!-- wp:paragraph --><p>Elsewhere: <img src="https://elsewhere.example/a.jpg" alt="Not ours"></p><!-- /wp:paragraph -->"#;
    let items = [
        post(10, "opening", "<p>First paragraph.</p>\n<!--more-->\n<p>Second paragraph.</p>", ""),
        post(11, "summarised", "<p>Opening words.</p>\n<!--more-->\n<p>The rest.</p>", "A summary of its own."),
        post(12, "pictures", images, ""),
        post(13, "media", MEDIA, ""),
        post(20, "same", "<p>One.</p>", ""),
        post(21, "same", "<p>Two.</p>", ""),
        post(30, "%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d1%8c", "<p>Новость.</p>", ""),
        // WordPress 6.3+ footnotes: marks in the text, the notes in the meta.
        "<item><title>Post 40</title><link>https://old.example.org/noted/</link><dc:creator>ann</dc:creator>\
         <content:encoded><![CDATA[<p>Water<sup data-fn=\"f1\" class=\"fn\"><a href=\"#f1\" id=\"f1-link\">1</a></sup>.</p>\n<!-- wp:footnotes /-->]]></content:encoded>\
         <wp:post_id>40</wp:post_id><wp:post_date>2024-05-01 10:00:00</wp:post_date><wp:post_name>noted</wp:post_name>\
         <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>\
         <wp:postmeta><wp:meta_key>footnotes</wp:meta_key><wp:meta_value><![CDATA[[{\"content\":\"UN Water, 2024.\",\"id\":\"f1\"}]]]></wp:meta_value></wp:postmeta></item>"
            .to_owned(),
        // Trimmed by hand or written by an older tool: no wp: fields at all.
        "<item><title>An older post</title><link>https://old.example.org/?p=77</link>\
         <guid isPermaLink=\"false\">https://old.example.org/?p=77</guid>\
         <pubDate>Wed, 01 May 2024 10:00:00 +0000</pubDate><dc:creator>ann</dc:creator>\
         <content:encoded><![CDATA[<p>Still here.</p>]]></content:encoded>\
         <category domain=\"category\" nicename=\"news\"><![CDATA[News]]></category></item>"
            .to_owned(),
        "<item><title>lake.jpg</title><wp:post_id>50</wp:post_id><wp:post_type>attachment</wp:post_type>\
         <wp:status>inherit</wp:status><wp:post_parent>12</wp:post_parent>\
         <wp:attachment_url>https://old.example.org/wp-content/uploads/2024/05/lake.jpg</wp:attachment_url>\
         <wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2024/05/lake.jpg</wp:meta_value></wp:postmeta>\
         <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>The lake</wp:meta_value></wp:postmeta></item>"
            .to_owned(),
    ]
    .concat();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Old office</title>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example.org</wp:base_site_url>
<wp:base_blog_url>https://old.example.org</wp:base_blog_url>
<wp:author><wp:author_id>7</wp:author_id><wp:author_login><![CDATA[ann]]></wp:author_login><wp:author_display_name><![CDATA[Ann]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[News]]></wp:cat_name></wp:category>
{items}
</channel>
</rss>"#
    )
}

/// The old site's uploads folder: the lake and a size variant of it, and
/// the river, which WordPress.com served from its files host.
fn uploads() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    let folder = dir.path().join("2024/05");
    std::fs::create_dir_all(&folder).expect("dir");
    let picture = |width, height, shade: u8| {
        image::RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, shade]))
    };
    picture(600, 400, 1).save_with_format(folder.join("lake.jpg"), image::ImageFormat::Png).expect("png");
    picture(300, 200, 1).save_with_format(folder.join("lake-300x200.jpg"), image::ImageFormat::Png).expect("png");
    picture(640, 480, 2).save_with_format(folder.join("river.png"), image::ImageFormat::Png).expect("png");
    std::fs::write(folder.join("talk.mp3"), b"ID3\x04\0\0\0\0\0\0 an interview").expect("mp3");
    std::fs::write(folder.join("clip.mp4"), b"\0\0\0\x18ftypisom\0\0\0\0isommp41 a clip").expect("mp4");
    std::fs::write(folder.join("report.pdf"), b"%PDF-1.7\n% the annual report\n%%EOF\n").expect("pdf");
    dir
}

async fn import(database: &TestDatabase, files: &std::path::Path, media: &std::path::Path) -> (Core, i64, Report) {
    let db = pamir_db::connect(&database.url).await.expect("database");
    let site = pamir_db::sites::ensure_default(&db, 1_795_000_000).await.expect("site");
    let clock = Arc::new(ManualClock::new(chrono::DateTime::from_timestamp(1_795_000_000, 0).expect("time")));
    let core = Core { db, clock, events: Default::default(), mailer: None, media_dir: media.to_path_buf() };
    let export = pamir_import::read_wxr(export().as_bytes()).expect("the export reads");
    let options = Options {
        lang: Lang::parse("en").expect("en"),
        dry_run: false,
        files: Some(files.to_path_buf()),
        permalinks: None,
        users: false,
    };
    let report = load(&core, site, &export, &options, &Quiet).await.expect("import");
    (core, site, report)
}

async fn item(core: &Core, site: i64, post: i64) -> Item {
    let known = pamir_db::import_sources::known(&core.db, site, SOURCE, "post").await.expect("db");
    let id = *known.get(&post.to_string()).unwrap_or_else(|| panic!("post {post} was not imported: {known:?}"));
    pamir_db::items::find_by_id(&core.db, site, id).await.expect("db").expect("item")
}

#[tokio::test]
async fn a_posts_page_shows_everything_its_old_page_showed_once() {
    let (files, media) = (uploads(), tempfile::tempdir().expect("dir"));
    for database in TestDatabase::all().await {
        let (core, site, report) = import(&database, files.path(), media.path()).await;

        // Without an excerpt, the part before <!--more--> is the listings'
        // teaser and the page's opening.
        let opening = item(&core, site, 10).await;
        assert!(opening.teaser_above_body, "{}", database.backend);
        assert!(opening.teaser_html.contains("First paragraph.") && !opening.teaser_html.contains("Second"));
        let page = opening.article_html();
        assert_eq!(page.matches("First paragraph.").count(), 1, "{page}");
        assert!(page.find("First paragraph.") < page.find("Second paragraph."), "{page}");

        // With an excerpt of its own, the excerpt is only the summary and
        // the page shows the whole post, its opening included.
        let summarised = item(&core, site, 11).await;
        assert!(!summarised.teaser_above_body);
        assert!(summarised.teaser_html.contains("A summary of its own."));
        let page = summarised.article_html();
        assert!(page.contains("Opening words.") && page.contains("The rest.") && !page.contains("summary"), "{page}");

        // An export without wp:post_id still imports, from its RSS fields.
        let older = item(&core, site, 77).await;
        assert_eq!(older.state, ItemState::Published);
        assert_eq!(older.published_at.timestamp(), 1_714_557_600, "the date from <pubDate>");
        assert!(older.body_html.contains("Still here."));

        // Footnotes keep their text, linked both ways.
        let noted = item(&core, site, 40).await;
        assert!(
            noted.body_html.contains(r##"<sup class="footnote-ref"><a href="#fn-f1" id="fnref-f1""##),
            "{}",
            noted.body_html
        );
        assert!(noted.body_html.contains(r#"<li id="fn-f1"><p>UN Water, 2024."#), "{}", noted.body_html);
        assert!(noted.body_html.contains(r##"href="#fnref-f1""##), "{}", noted.body_html);
        assert!(!report.warnings.iter().any(|(record, _)| record == "post 40"), "nothing lost: {report}");

        // Two posts at one address: the second moves, and the report says so.
        let (first, second) = (item(&core, site, 20).await, item(&core, site, 21).await);
        assert_eq!((first.slug.as_str(), second.slug.as_str()), ("same", "same-21"));
        assert!(
            report.warnings.iter().any(|(record, why)| record == "post 21" && why.contains("\"same-21\"")),
            "{report}"
        );

        // A Cyrillic address, as the export spells it and as a browser may.
        let cyrillic = pamir_core::redirects::normalise("/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D1%8C/", None);
        let target = pamir_db::redirects::follow(&core.db, site, &cyrillic).await.expect("db");
        assert_eq!(target.as_deref(), Some("/en/news/novost"), "{}: transliterated", database.backend);
    }
}

#[tokio::test]
async fn images_on_the_old_hosts_come_into_the_media_library() {
    let (files, media) = (uploads(), tempfile::tempdir().expect("dir"));
    let database = TestDatabase::sqlite();
    let (core, site, report) = import(&database, files.path(), media.path()).await;
    let pictures = item(&core, site, 12).await;
    let html = &pictures.body_html;
    // Only the file the folder lacks still points at the old site.
    assert_eq!(html.matches("old.example.org").count(), 1, "{html}");
    assert!(html.contains("https://old.example.org/wp-content/uploads/2024/05/missing.jpg"), "{html}");
    assert!(!html.contains("files.wordpress.com"), "{html}");
    assert!(!html.contains("srcset") && !html.contains("sizes="), "the old site's sizes go: {html}");
    assert!(html.contains("https://elsewhere.example/a.jpg"), "other sites' images stay: {html}");
    assert!(html.contains("alt=\"The lake\""), "{html}");

    // The variant and the link lead to the one original, the attachment.
    let attachment = pamir_db::import_sources::known(&core.db, site, SOURCE, "attachment").await.expect("db");
    let lake = *attachment.get("50").expect("the attachment was imported");
    let lake = pamir_db::media::get_many(&core.db, &[lake], &pictures.lang, &pictures.lang).await.expect("db");
    let lake_address = format!("/media/{}", lake[0].path);
    assert_eq!(html.matches(&lake_address).count(), 2, "<a href> and <img src>: {html}");

    // The river was not an attachment: imported as a file of its own.
    let files_known = pamir_db::import_sources::known(&core.db, site, SOURCE, "file").await.expect("db");
    assert!(files_known.contains_key("2024/05/river.png"), "{files_known:?}");
    assert_eq!(report.added.get("file"), Some(&4), "the river, the talk, the clip, the report: {report}");

    // Audio, video and documents come in as files of the library, shown as
    // players with a link for browsers without one, and a link with its size.
    let media_post = item(&core, site, 13).await;
    let html = &media_post.body_html;
    assert!(!html.contains("old.example.org"), "{html}");
    let player = html.split("<audio").nth(1).expect("an audio player").split("</audio>").next().unwrap_or("");
    assert!(
        player.contains("controls") && player.contains("src=\"/media/") && player.contains(">talk.mp3</a>"),
        "{html}"
    );
    let video = html.split("<video").nth(1).expect("a video player").split("</video>").next().unwrap_or("");
    assert!(video.contains("src=\"/media/") && video.contains(".mp4\""), "{html}");
    assert!(html.contains("<figcaption>The clip</figcaption>"), "{html}");
    let text = pamir_content::plain_text(&media_post.body_markdown);
    assert!(text.contains("Annual report (PDF, 1 KB) Download"), "name, size, then the button: {text}");
    assert!(html.contains("<tfoot>"), "{html}");
    assert!(!html.contains("<h3></h3>") && !html.contains("<ul></ul>"), "no skeleton of latest posts: {html}");
    assert!(
        report.warnings.iter().any(|(record, why)| record == "post 13" && why.contains("wp:latest-posts")),
        "the removed block is named with its post: {report}"
    );

    // The missing one is named, with its post.
    assert!(
        report
            .warnings
            .iter()
            .any(|(record, why)| record == "post 12" && why.contains("2024/05/missing.jpg is not in the files folder")),
        "{report}"
    );
}

/// Runs `sql` on the test database, whichever it is.
async fn execute(db: &pamir_db::Db, sql: &'static str) {
    match db {
        pamir_db::Db::Sqlite(pool) => sqlx::raw_sql(sql).execute(pool).await.map(|_| ()),
        pamir_db::Db::Postgres(pool) => sqlx::raw_sql(sql).execute(pool).await.map(|_| ()),
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

#[tokio::test]
async fn items_imported_before_the_teaser_could_show_on_the_page_show_it_after_the_upgrade() {
    let (files, media) = (uploads(), tempfile::tempdir().expect("dir"));
    for database in TestDatabase::all().await {
        let (core, site, _) = import(&database, files.path(), media.path()).await;
        let imported = item(&core, site, 10).await;
        let category = imported.category_id;
        let mut own = pamir_core::items::ItemInput::article(site, Lang::parse("en").expect("en"), category, "Our own");
        own.teaser_markdown = "A summary for listings.".into();
        own.body_markdown = "The article.".into();
        let own = pamir_core::items::create(&core, own).await.expect("own item");

        // The database as an earlier pamir left it: no such column, and
        // the imported openings shown in listings only.
        execute(&core.db, "ALTER TABLE items DROP COLUMN teaser_above_body").await;
        execute(&core.db, "DELETE FROM schema_migrations WHERE version = 6").await;
        pamir_db::migrate::run(&core.db).await.expect("the upgrade");

        let upgraded = item(&core, site, 10).await;
        assert!(upgraded.teaser_above_body, "{}: the imported opening shows on its page again", database.backend);
        assert!(upgraded.article_html().contains("First paragraph.") && upgraded.article_html().contains("Second"));
        let own = pamir_db::items::find_by_id(&core.db, site, own.id).await.expect("db").expect("item");
        assert!(!own.teaser_above_body, "{}: a teaser written here stays a summary", database.backend);
        let without_teaser = item(&core, site, 20).await;
        assert!(!without_teaser.teaser_above_body, "nothing to show above an empty teaser");
    }
}
