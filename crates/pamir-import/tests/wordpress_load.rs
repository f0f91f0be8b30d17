//! Loading WordPress's theme unit test export into a real database: counts,
//! the category tree, what content becomes, 301s from the old addresses,
//! and a second import that adds nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

use pamir_core::Core;
use pamir_db::testing::TestDatabase;
use pamir_domain::{ItemState, Lang, ManualClock};
use pamir_import::progress::Quiet;
use pamir_import::wordpress::load::{Options, load};
use std::sync::Arc;

const EXPORT: &str = "wordpress/themeunittestdata.wordpress.xml";

async fn core_for(database: &TestDatabase) -> (Core, i64) {
    let db = pamir_db::connect(&database.url).await.expect("database");
    let site = pamir_db::sites::ensure_default(&db, 1_795_000_000).await.expect("site");
    let clock = Arc::new(ManualClock::new(chrono::DateTime::from_timestamp(1_795_000_000, 0).expect("time")));
    (Core { db, clock, events: Default::default(), mailer: None, media_dir: std::env::temp_dir() }, site)
}

#[tokio::test]
async fn the_theme_unit_test_export_loads_completely_and_only_once() {
    let Some(bytes) = pamir_corpora::bytes(EXPORT) else { return };
    let export = pamir_import::read_wxr(&bytes).expect("a WordPress export");
    let en = Lang::parse("en").expect("en");
    for database in TestDatabase::all().await {
        let (core, site) = core_for(&database).await;

        let dry = load(
            &core,
            site,
            &export,
            &Options { lang: en.clone(), dry_run: true, files: None, permalinks: None, users: false },
            &Quiet,
        )
        .await
        .expect("dry run");
        assert_eq!(dry.added.get("post"), Some(&58), "{}", database.backend);
        assert_eq!(pamir_db::items::count_all(&core.db, site).await.expect("count"), 0, "a dry run writes nothing");

        let report = load(
            &core,
            site,
            &export,
            &Options { lang: en.clone(), dry_run: false, files: None, permalinks: None, users: false },
            &Quiet,
        )
        .await
        .expect("import");
        assert_eq!(report.added.get("post"), Some(&58));
        assert_eq!(report.added.get("page"), Some(&21));
        assert_eq!(report.added.get("category"), Some(&68));
        assert_eq!(report.added.get("tag"), Some(&114));
        assert_eq!(report.comments_ignored, 30);
        assert!(
            report.skipped.iter().filter(|(kind, _, _)| kind == "attachment").count() == 37,
            "attachments reported"
        );
        assert_eq!(pamir_db::items::count_all(&core.db, site).await.expect("count"), 79);

        // The category tree survives: grandchild → child-category-03 → parent-category.
        let tree = pamir_domain::taxonomy::CategoryTree::new(
            pamir_db::categories::list(&core.db, site, &en).await.expect("tree"),
        );
        let grandchild = tree.find_by_path(&["parent-category", "child-category-03", "grandchild-category"]);
        assert!(grandchild.is_some(), "nested categories keep their parents");

        // What content became: no shortcode or block comment, nothing unsafe.
        let (rows, _) =
            pamir_db::items::admin_list(&core.db, site, &Default::default(), Default::default(), 200, 0, false)
                .await
                .expect("items");
        assert_eq!(rows.len(), 79 - rows.iter().filter(|r| r.state == "trashed").count());
        let (mut shifted_headings, mut kept_footers) = (0, 0);
        for row in &rows {
            let item = pamir_db::items::find_by_id(&core.db, site, row.id).await.expect("db").expect("item");
            let html = format!("{}{}", item.teaser_html, item.body_html);
            for raw in ["[caption", "[gallery", "[embed", "<!-- wp:", "<script", "onerror=", "javascript:"] {
                assert!(!html.contains(raw), "item {} {:?} shows {raw:?}", item.id, item.title);
            }
            assert!(!item.title.contains('<'), "titles are text: {:?}", item.title);
            // No skeleton of a block WordPress renders at view time, no empty figure.
            for empty in ["<h2></h2>", "<h3></h3>", "<figure></figure>", "<ul></ul>"] {
                assert!(!html.contains(empty), "item {} {:?} shows {empty}", item.id, item.title);
            }
            shifted_headings +=
                html.matches("<h2>Header one</h2>").count() + html.matches("<h2>H1 Heading</h2>").count();
            kept_footers += html.matches("<tfoot>").count();
        }
        assert!(shifted_headings > 0, "an <h1> in a post becomes an <h2>, not plain text");
        let footers_in_export = bytes.windows(7).filter(|w| w == b"<tfoot>").count();
        assert!(kept_footers > 0 || footers_in_export == 0, "tables keep their footer");
        let sticky = rows.iter().find(|r| r.title == "Template: Sticky").expect("the sticky post");
        let sticky = pamir_db::items::find_by_id(&core.db, site, sticky.id).await.expect("db").expect("item");
        assert!(sticky.featured, "sticky becomes featured");
        let protected = rows.iter().find(|r| r.title.contains("Password Protected")).expect("the protected post");
        assert_eq!(protected.state, ItemState::Draft.as_str(), "password-protected posts are not published");

        // Old addresses lead to the new pages.
        let target = pamir_db::redirects::follow(&core.db, site, "/?p=1241").await.expect("db").expect("a redirect");
        assert!(target.starts_with("/en/") && target.ends_with("/template-sticky"), "{target}");
        assert!(
            pamir_db::redirects::follow(&core.db, site, "/2013/01/11/markup-html-tags-and-formatting")
                .await
                .expect("db")
                .is_some()
        );

        let again = load(
            &core,
            site,
            &export,
            &Options { lang: en.clone(), dry_run: false, files: None, permalinks: None, users: false },
            &Quiet,
        )
        .await
        .expect("again");
        assert!(again.changed_nothing(), "{again}");
        assert_eq!(again.unchanged.get("post"), Some(&58));
        assert!(again.to_string().contains("nothing new: everything in it was imported before"));
        assert_eq!(pamir_db::items::count_all(&core.db, site).await.expect("count"), 79);
    }
}

#[tokio::test]
async fn attachments_come_from_the_files_folder_into_the_media_library() {
    let Some(bytes) = pamir_corpora::bytes(EXPORT) else { return };
    let export = pamir_import::read_wxr(&bytes).expect("a WordPress export");
    // A copy of the uploads folder: a real image at each attachment's path, but one
    // file missing and one that is an SVG drawing without a size (refused, with the reason).
    let files = tempfile::tempdir().expect("dir");
    let mut written = 0;
    let mut not_an_image = String::new();
    for (n, attachment) in export.attachments.iter().enumerate() {
        let path = attachment
            .url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split_once('/'))
            .map(|(_, p)| p.to_owned())
            .expect("path");
        let target = files.path().join(&path);
        std::fs::create_dir_all(target.parent().expect("parent")).expect("dir");
        match n {
            0 => continue,
            1 => {
                std::fs::write(&target, b"<svg xmlns='http://www.w3.org/2000/svg'/>").expect("write");
                not_an_image = path.clone();
            }
            _ => {
                let image =
                    image::RgbImage::from_fn(600, 400, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, n as u8]));
                image.save_with_format(&target, image::ImageFormat::Png).expect("png");
                written += 1;
            }
        }
    }
    let en = Lang::parse("en").expect("en");
    let database = pamir_db::testing::TestDatabase::sqlite();
    let (mut core, site) = core_for(&database).await;
    let media_dir = tempfile::tempdir().expect("dir");
    core.media_dir = media_dir.path().to_path_buf();
    let options = Options {
        lang: en.clone(),
        dry_run: false,
        files: Some(files.path().to_path_buf()),
        permalinks: Some("/%year%/%monthnum%/%postname%/".into()),
        users: true,
    };
    let report = load(&core, site, &export, &options, &Quiet).await.expect("import");
    // Authors as users: each with an e-mail address, as an author, no password yet.
    let with_email = export.authors.iter().filter(|a| a.email.contains('@')).count();
    assert!(with_email > 0);
    assert_eq!(report.added.get("user"), Some(&with_email), "{report}");
    let users = pamir_db::users::list(&core.db).await.expect("users");
    assert!(users.iter().all(|u| u.role == pamir_domain::Role::Author));
    let first = pamir_db::users::find_by_email(&core.db, &users[0].email).await.expect("db").expect("user");
    assert!(first.password_hash.is_none(), "WordPress exports carry no passwords");
    let posts =
        pamir_db::import_sources::known(&core.db, site, "wordpress:https://wpthemetestdata.wordpress.com", "post")
            .await
            .expect("db");
    let mut authored = 0;
    for id in posts.values() {
        let item = pamir_db::items::find_by_id(&core.db, site, *id).await.expect("db").expect("item");
        authored += usize::from(item.created_by.is_some());
    }
    assert!(authored > 50, "posts name their author as a user ({authored} of {})", posts.len());
    assert_eq!(report.added.get("attachment"), Some(&written), "{report}");
    let skipped: Vec<&String> =
        report.skipped.iter().filter(|(kind, _, _)| kind == "attachment").map(|(_, _, why)| why).collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped.iter().any(|why| why.contains("is not in the files folder")));
    assert!(skipped.iter().any(|why| why.contains("SVG file does not say how large it is")), "{skipped:?}");

    // The gallery post shows its images, through the media library.
    let with_gallery = export.posts.iter().find(|p| p.id == 1031).expect("post 1031");
    let known =
        pamir_db::import_sources::known(&core.db, site, "wordpress:https://wpthemetestdata.wordpress.com", "post")
            .await
            .expect("sources");
    let item_id = known.get(&with_gallery.id.to_string()).copied().expect("post 1031 was imported");
    let gallery = pamir_db::items::gallery(&core.db, item_id).await.expect("gallery");
    assert!(!gallery.is_empty(), "post 1031's gallery has its images");
    let media = pamir_db::media::get_many(&core.db, &gallery, &en, &en).await.expect("media");
    assert_eq!(media.len(), gallery.len(), "every gallery image is in the media library");
    assert!(media.iter().all(|m| !m.variants.is_empty() && !m.alt.is_empty()), "rendered and described");

    // No post points at a file of the old site that the folder holds: each
    // became an address in the media library (size variants included).
    let mut localised = 0;
    for id in posts.values() {
        let item = pamir_db::items::find_by_id(&core.db, site, *id).await.expect("db").expect("item");
        let html = format!("{}{}", item.teaser_html, item.body_html);
        localised += html.matches("\"/media/").count();
        for (at, _) in html.match_indices("wpthemetestdata.files.wordpress.com/") {
            let rest = &html[at + "wpthemetestdata.files.wordpress.com/".len()..];
            let path = rest.split(['"', '\'', ' ', '?', ')']).next().unwrap_or("");
            let original = pamir_import::localise::original_of(path).unwrap_or_else(|| path.to_owned());
            if path == not_an_image {
                // Refused by the media library, and said so with the post.
                let record = format!("post {}", item.id);
                assert!(report.warnings.iter().any(|(_, why)| why.contains(path)), "{record}: {report}");
                continue;
            }
            assert!(
                !files.path().join(path).is_file() && !files.path().join(&original).is_file(),
                "item {} {:?} still points at the old site for {path}, which the folder holds",
                item.id,
                item.title
            );
        }
    }
    assert!(localised > 0, "posts' images point at the media library");

    let structured = pamir_db::redirects::follow(&core.db, site, "/2012/01/template-sticky").await.expect("db");
    assert!(
        structured.is_some_and(|target| target.ends_with("/template-sticky")),
        "the --permalinks address leads there too"
    );

    // The check compares every post's page with the post.
    let fidelity = report.fidelity.as_ref().expect("the import checks what it kept");
    eprintln!("theme unit test export, with its files:\n{fidelity}");
    assert_eq!(fidelity.coverage.len(), 79, "every imported post and page");
    assert!(fidelity.median().unwrap_or(0.0) >= 0.99, "{fidelity}");

    let again = load(&core, site, &export, &options, &Quiet).await.expect("again");
    assert!(again.changed_nothing(), "{again}");
    assert_eq!(again.unchanged.get("attachment"), Some(&written));
}

#[test]
fn permalink_structures_give_the_old_addresses() {
    let post = pamir_import::Post {
        id: 1241,
        post_type: pamir_import::PostType::Post,
        title: "Template: Sticky".into(),
        slug: "template-sticky".into(),
        link: String::new(),
        author_login: "themedemos".into(),
        date_gmt: None,
        date: "2012-01-07 07:07:21".into(),
        modified_gmt: None,
        status: pamir_import::Status::Publish,
        password: String::new(),
        sticky: true,
        menu_order: 0,
        parent_id: 0,
        content: String::new(),
        excerpt: String::new(),
        categories: vec![],
        tags: vec![],
        comment_count: 0,
        thumbnail_id: None,
        language: None,
        translation_group: None,
        footnotes: vec![],
    };
    use pamir_import::wordpress::load::permalink;
    assert_eq!(permalink("/%year%/%monthnum%/%postname%/", &post, None).as_deref(), Some("/2012/01/template-sticky/"));
    assert_eq!(permalink("/%category%/%post_id%", &post, Some("classic")).as_deref(), Some("/classic/1241"));
    assert_eq!(permalink("/archives/%unknown%", &post, None), None, "an unknown tag gives no address");
}
