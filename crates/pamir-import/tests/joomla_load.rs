//! Loading Joomla 3.10's own sample site (its installation schema with the
//! "Learn Joomla" sample data, plus users, a translation and tags written
//! the way Joomla writes them) into a real database: the category tree,
//! what articles become, users who sign in with their old passwords, the
//! office contact, 301s from the old addresses, and a second import that
//! adds nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

use pamir_core::Core;
use pamir_db::testing::TestDatabase;
use pamir_domain::{ItemState, Lang, ManualClock, Role};
use pamir_import::joomla::{Options, Site, load, read_dump};
use pamir_import::progress::Quiet;
use std::path::Path;
use std::sync::Arc;

fn corpus(file: &str) -> Option<String> {
    pamir_corpora::text(&format!("joomla3/{file}"))
}

/// The sample site as a SQL script with the prefix `jml_`, or None when the corpus is not here.
fn sample_site() -> Option<String> {
    let fixture = include_str!("fixtures/joomla_people_and_translations.sql");
    Some(format!("{}\n{}\n{fixture}", corpus("joomla.sql")?, corpus("sample_learn.sql")?).replace("#__", "jml_"))
}

async fn core_for(database: &TestDatabase, media: &Path) -> (Core, i64) {
    let db = pamir_db::connect(&database.url).await.expect("database");
    let site = pamir_db::sites::ensure_default(&db, 1_795_000_000).await.expect("site");
    let clock = Arc::new(ManualClock::new(chrono::DateTime::from_timestamp(1_795_000_000, 0).expect("time")));
    (Core { db, clock, events: Default::default(), mailer: None, media_dir: media.to_owned() }, site)
}

/// A copy of the site's files with the one image the fixture's article shows.
fn images_folder() -> tempfile::TempDir {
    let root = tempfile::tempdir().expect("dir");
    std::fs::create_dir_all(root.path().join("images")).expect("dir");
    let image = image::RgbImage::from_fn(450, 100, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
    image.save_with_format(root.path().join("images/joomla_black.png"), image::ImageFormat::Png).expect("png");
    root
}

async fn follow(core: &Core, site: i64, old: &str) -> String {
    pamir_db::redirects::follow(&core.db, site, old).await.expect("db").unwrap_or_else(|| panic!("no 301 for {old}"))
}

#[tokio::test]
async fn the_sample_site_loads_completely_and_only_once() {
    let Some(sql) = sample_site() else {
        return;
    };
    let tables = read_dump(&sql, None).expect("the sample site reads");
    let joomla = Site::from_tables(&tables);
    let en = Lang::parse("en").expect("en");
    let files = images_folder();
    for database in TestDatabase::all().await {
        let media = tempfile::tempdir().expect("media dir");
        let (core, site) = core_for(&database, media.path()).await;
        let options = |dry_run| Options { dry_run, files: Some(files.path().to_owned()), ..Options::new(en.clone()) };

        let dry = load(&core, site, &joomla, "jml_", &options(true), &Quiet).await.expect("dry run");
        assert_eq!(dry.added.get("article"), Some(&72), "{}: {dry}", database.backend);
        let would_map = dry.added.get("redirect").copied().unwrap_or(0);
        assert!(would_map > 72, "a dry run counts the old addresses it would map: {dry}");
        assert_eq!(pamir_db::items::count_all(&core.db, site).await.expect("count"), 0, "a dry run writes nothing");
        assert!(pamir_db::users::list(&core.db).await.expect("users").is_empty(), "a dry run writes nothing");

        let report = load(&core, site, &joomla, "jml_", &options(false), &Quiet).await.expect("import");
        let fidelity = report.fidelity.as_ref().expect("the import checks what it kept");
        eprintln!("Joomla 3 sample site:\n{fidelity}");
        assert!(fidelity.median().unwrap_or(0.0) >= 0.99, "{fidelity}");
        assert_eq!(report.added.get("article"), Some(&72), "{report}");
        assert_eq!(report.added.get("category"), Some(&26), "{report}");
        assert_eq!(report.added.get("user"), Some(&3), "{report}");
        assert_eq!(report.added.get("tag"), Some(&1), "{report}");
        assert_eq!(report.added.get("file"), Some(&1), "{report}");
        assert!(
            report.skipped.iter().any(|(kind, id, _)| kind == "user" && *id == 125),
            "a reader's account is not imported"
        );
        assert_eq!(
            pamir_db::items::count_all(&core.db, site).await.expect("count"),
            73,
            "72 articles and the contacts page"
        );

        // The tree: Components sits under Extensions, under Joomla!, under Sample Data-Articles.
        let tree = pamir_domain::taxonomy::CategoryTree::new(
            pamir_db::categories::list(&core.db, site, &en).await.expect("tree"),
        );
        let components = tree
            .find_by_path(&["sample-data-articles", "joomla", "extensions", "components"])
            .expect("nested categories keep their parents");

        // What articles became.
        let imported = pamir_db::import_sources::known(&core.db, site, "joomla:jml_", "article").await.expect("db");
        assert_eq!(imported.len(), 72, "each article's Joomla id is remembered");
        let mut items = Vec::new();
        for id in imported.values() {
            items.push(pamir_db::items::find_by_id(&core.db, site, *id).await.expect("db").expect("item"));
        }
        for item in &items {
            let html = format!("{}{}", item.teaser_html, item.body_html);
            for raw in ["{loadmodule", "{loadposition", "{emailcloak", "<script", "<pre><code>&lt;"] {
                assert!(!html.contains(raw), "item {} {:?} shows {raw:?}", item.id, item.title);
            }
        }
        let by_title = |title: &str| items.iter().find(|i| i.title == title).unwrap_or_else(|| panic!("{title}"));
        let joomla_article = by_title("Joomla!");
        assert!(joomla_article.featured);
        assert_eq!(joomla_article.featured_order, Some(1));
        assert_eq!(joomla_article.byline.as_deref(), Some("Joomla"), "created-by alias is the byline");
        assert_eq!(by_title("Professionals").featured_order, Some(4));
        assert_eq!(by_title("What's New in 1.5?").state, ItemState::Archived);
        let in_components = items.iter().filter(|i| i.category_id == components.id).count();
        assert_eq!(in_components, 6, "articles stay in their categories");
        let blog_post = by_title("First Blog Post");
        assert!(
            blog_post.teaser_html.contains("<p>") && blog_post.body_html.len() > blog_post.teaser_html.len(),
            "Read more splits it into teaser and body"
        );

        // The Russian translation: linked, scheduled to go, with its image in the media library.
        let russian = by_title("Вода — это жизнь");
        assert_eq!(russian.lang.as_str(), "ru");
        assert_eq!(russian.group_id, joomla_article.group_id, "associated articles are one text's translations");
        assert_eq!(russian.byline.as_deref(), Some("Malika Rahimova"), "else the author's name");
        assert_eq!(russian.publish_down.map(|d| d.timestamp()), Some(1_893_456_000));
        assert_eq!(russian.published_at.timestamp(), 1_399_360_089);
        assert_eq!(russian.created_at.timestamp(), 1_399_360_089);
        assert!(russian.image_id.is_some(), "the intro image is its lead image");
        assert!(russian.body_html.contains("src=\"/media/"), "{}", russian.body_html);
        assert!(russian.teaser_html.contains("Вступление") && !russian.teaser_html.contains('{'));
        let hits: i64 = pamir_db::items::hits(&core.db, russian.id).await.expect("hits");
        assert_eq!(hits, 321);
        let settings = pamir_db::settings::load(&core.db, site).await.expect("settings");
        assert!(settings.languages.iter().any(|l| l.as_str() == "ru"), "the site offers the articles' languages");
        assert_eq!(pamir_db::tags::for_items(&core.db, &[russian.id], &en).await.expect("tags").len(), 1);
        let ru = Lang::parse("ru").expect("ru");
        assert_eq!(
            pamir_db::tags::for_items(&core.db, &[russian.id], &ru).await.expect("tags").len(),
            1,
            "an all-languages tag is named in each language"
        );
        assert!(fidelity.old_references.is_empty(), "the files given are all here: {fidelity}");
        let planned = by_title("Planned");
        assert_eq!(planned.state, ItemState::Published);
        assert_eq!(planned.publish_up.map(|d| d.timestamp()), Some(4_070_908_800), "scheduled, not shown yet");
        assert_eq!(by_title("Binned").state, ItemState::Trashed, "Joomla's trash is pamir's");
        assert_eq!(by_title("Members only").state, ItemState::Draft, "registered-only articles do not become public");

        // Categories linked as translations are one category, named in each language.
        let news = by_title("Members only").category_id;
        assert_eq!(by_title("Новость").category_id, news);
        let (_, names) = pamir_db::categories::texts(&core.db, site, news).await.expect("db").expect("category");
        let names: Vec<(&str, &str)> = names.iter().map(|(lang, name, _)| (lang.as_str(), name.as_str())).collect();
        assert_eq!(names, [("en", "News"), ("ru", "Новости")]);
        assert_eq!(follow(&core, site, "/ru/novosti/1004-novost").await, "/ru/novosti/novost");

        // People: roles from their groups, old passwords still work, blocked stays blocked.
        let users = pamir_db::users::list(&core.db).await.expect("users");
        let user = |email: &str| users.iter().find(|u| u.email == email).unwrap_or_else(|| panic!("{email}"));
        assert_eq!(user("admin@example.org").role, Role::Administrator);
        assert_eq!(user("malika@example.org").role, Role::Author);
        assert_eq!(user("former@example.org").role, Role::Editor);
        assert!(user("former@example.org").disabled);
        assert_eq!(russian.created_by, Some(user("malika@example.org").id));
        let stored = |email: &str| {
            let db = core.db.clone();
            let email = email.to_owned();
            async move { pamir_db::users::find_by_email(&db, &email).await.expect("db").expect("user").password_hash }
        };
        let admin_hash = stored("admin@example.org").await.expect("a hash");
        assert!(pamir_core::auth::password::verify(&admin_hash, "old joomla password"), "bcrypt from Joomla 3");
        let md5_hash = stored("malika@example.org").await.expect("a hash");
        assert!(pamir_core::auth::password::verify(&md5_hash, "md5 era password"), "salted MD5 from Joomla 1.5");
        assert!(!pamir_core::auth::password::verify(&md5_hash, "wrong"));

        // The office contact.
        assert!(
            settings.contact.address.0.get("en").is_some_and(|a| a.contains("Street Address")),
            "{:?}",
            settings.contact
        );

        // Every kind of old address leads to the new page.
        let target = follow(&core, site, "/?id=24&option=com_content&view=article").await;
        assert_eq!(target, "/en/sample-data-articles/joomla/joomla");
        for old in [
            "/component/content/article/24-joomla",
            "/sample-data-articles/joomla/24-joomla",
            "/en/sample-data-articles/joomla/24-joomla",
        ] {
            assert_eq!(follow(&core, site, old).await, target, "{old}");
        }
        assert_eq!(
            follow(&core, site, "/ru/sample-data-articles/joomla/1000-voda").await,
            "/ru/sample-data-articles/joomla/voda"
        );
        assert_eq!(
            follow(&core, site, "/?id=19&option=com_content&view=category").await,
            "/en/sample-data-articles/joomla/",
            "the category page's own address, so one 301 reaches it"
        );
        assert_eq!(follow(&core, site, "/?option=com_content&view=featured").await, "/en/");

        let again = load(&core, site, &joomla, "jml_", &options(false), &Quiet).await.expect("again");
        assert!(again.changed_nothing(), "{again}");
        assert_eq!(again.unchanged.get("article"), Some(&72));
        assert_eq!(
            pamir_db::items::count_all(&core.db, site).await.expect("count"),
            73,
            "72 articles and the contacts page"
        );
    }
}

#[tokio::test]
async fn an_import_stopped_midway_resumes_after_its_last_batch() {
    let Some(sql) = sample_site() else {
        return;
    };
    let mut joomla = Site::from_tables(&read_dump(&sql, None).expect("reads"));
    let en = Lang::parse("en").expect("en");
    let database = TestDatabase::sqlite();
    let media = tempfile::tempdir().expect("media dir");
    let (core, site) = core_for(&database, media.path()).await;
    let options = Options::new(en);

    // The first run gets through 30 articles and stops.
    let all = joomla.articles.clone();
    joomla.articles.truncate(30);
    load(&core, site, &joomla, "jml_", &options, &Quiet).await.expect("first part");
    joomla.articles = all;
    let rest = load(&core, site, &joomla, "jml_", &options, &Quiet).await.expect("the rest");
    assert_eq!(rest.unchanged.get("article"), Some(&30));
    assert_eq!(rest.added.get("article"), Some(&42));
    assert_eq!(
        pamir_db::items::count_all(&core.db, site).await.expect("count"),
        73,
        "72 articles and the contacts page"
    );
}

#[tokio::test]
async fn a_joomla_5_site_loads_like_a_joomla_3_one() {
    let sql = include_str!("fixtures/joomla5_site.sql").replace("#__", "j5x_");
    let tables = read_dump(&sql, None).expect("Joomla 5's tables read");
    let joomla = Site::from_tables(&tables);
    let draft = joomla.articles.iter().find(|a| a.id == 2).expect("the draft");
    assert_eq!((draft.publish_up, draft.publish_down), (None, None), "NULL dates are no dates");
    for database in TestDatabase::all().await {
        let media = tempfile::tempdir().expect("media dir");
        let (core, site) = core_for(&database, media.path()).await;
        let options = Options::new(Lang::parse("en").expect("en"));
        let report = load(&core, site, &joomla, "j5x_", &options, &Quiet).await.expect("import");
        assert_eq!(report.added.get("article"), Some(&2), "{report}");
        let imported = pamir_db::import_sources::known(&core.db, site, "joomla:j5x_", "article").await.expect("db");
        let office = pamir_db::items::find_by_id(&core.db, site, imported["1"]).await.expect("db").expect("item");
        assert!(office.featured);
        assert_eq!(office.featured_until.map(|d| d.timestamp()), Some(1_767_225_599), "featured_down is kept");
        assert_eq!(office.byline.as_deref(), Some("Dilnoza Karimova"));
        let draft = pamir_db::items::find_by_id(&core.db, site, imported["2"]).await.expect("db").expect("item");
        assert_eq!(draft.state, ItemState::Draft);
        let users = pamir_db::users::list(&core.db).await.expect("users");
        assert_eq!(users.len(), 1);
        assert_eq!(users[0].role, Role::Editor, "a site's own group inherits from the core group above it");
        assert_eq!(
            follow(&core, site, "/press-releases/new-office-in-khujand").await,
            "/en/press-releases/new-office-in-khujand",
            "Joomla 4's addresses without ids"
        );
        assert_eq!(
            follow(&core, site, "/press-releases/1-new-office-in-khujand").await,
            "/en/press-releases/new-office-in-khujand"
        );
    }
}

/// A files folder as a Joomla site's root holds it: an image and a report.
fn site_folder() -> tempfile::TempDir {
    let root = tempfile::tempdir().expect("dir");
    std::fs::create_dir_all(root.path().join("images/news")).expect("dir");
    std::fs::create_dir_all(root.path().join("images/docs")).expect("dir");
    let image = image::RgbImage::from_fn(640, 360, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 40]));
    image.save_with_format(root.path().join("images/news/lake.png"), image::ImageFormat::Png).expect("png");
    std::fs::write(root.path().join("images/docs/report.pdf"), b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
        .expect("pdf");
    root
}

/// Joomla 5's fixture with texts that name the old site's files and pages
/// the ways real articles do: absolute on the old host, relative, as the
/// lead image, and one file the folder does not hold.
fn site_with_files() -> Site {
    let sql = include_str!("fixtures/joomla5_site.sql").replace("#__", "j5x_");
    let mut joomla = Site::from_tables(&read_dump(&sql, None).expect("Joomla 5's tables read"));
    let office = joomla.articles.iter_mut().find(|a| a.id == 1).expect("article 1");
    office.fulltext = "<p><img src=\"https://www.old-office.example.org/images/news/lake.png\" alt=\"The lake\" \
                       srcset=\"https://www.old-office.example.org/images/news/lake.png 640w\"></p>\
                       <p>Read <a href=\"images/docs/report.pdf\">the report</a>.</p>\
                       <p><img src=\"/images/news/gone.jpg\" alt=\"Gone\"></p>\
                       <p>See <a href=\"https://old-office.example.org/press-releases/new-office-in-khujand\">our office</a>.</p>"
        .into();
    let draft = joomla.articles.iter_mut().find(|a| a.id == 2).expect("article 2");
    draft.images.full = Some(("https://old-office.example.org/images/news/lake.png".into(), "The lake".into()));
    joomla
}

#[tokio::test]
async fn files_the_articles_name_on_the_old_host_or_relative_come_into_the_media_library() {
    let joomla = site_with_files();
    let folder = site_folder();
    for database in TestDatabase::all().await {
        let media = tempfile::tempdir().expect("media dir");
        let (core, site) = core_for(&database, media.path()).await;
        let options = Options {
            files: Some(folder.path().to_owned()),
            old_urls: vec!["https://www.old-office.example.org".into()],
            ..Options::new(Lang::parse("en").expect("en"))
        };
        let report = load(&core, site, &joomla, "j5x_", &options, &Quiet).await.expect("import");
        assert_eq!(report.added.get("file"), Some(&2), "the image once, and the report: {report}");
        let imported = pamir_db::import_sources::known(&core.db, site, "joomla:j5x_", "article").await.expect("db");
        let office = pamir_db::items::find_by_id(&core.db, site, imported["1"]).await.expect("db").expect("item");
        let html = &office.body_html;
        assert!(!html.contains("old-office.example.org"), "nothing points at the old host: {html}");
        assert_eq!(html.matches("src=\"/media/").count(), 1, "{html}");
        assert!(html.contains("PDF"), "a link to a document says what it is: {html}");
        assert!(
            html.contains("href=\"/press-releases/new-office-in-khujand\""),
            "an old page's link goes through its 301: {html}"
        );
        assert!(html.contains("/images/news/gone.jpg"), "a missing file keeps its reference: {html}");
        assert!(
            report.warnings.iter().any(|(record, why)| record == "article 1"
                && why.contains("images/news/gone.jpg is not in the files folder")),
            "a missing file is reported with its article, by name: {report}"
        );
        let draft = pamir_db::items::find_by_id(&core.db, site, imported["2"]).await.expect("db").expect("item");
        assert!(draft.image_id.is_some(), "the full-text image is the lead image");
        let lake = html.split("src=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("the lake's address");
        assert_eq!(follow(&core, site, "/images/news/lake.png").await, lake, "the file's old address leads to it");
        let fidelity = report.fidelity.as_ref().expect("checked");
        let left: Vec<&str> = fidelity.old_references.iter().map(|(_, address)| address.as_str()).collect();
        assert_eq!(left, ["/images/news/gone.jpg"], "only the missing file is left: {fidelity}");

        let again = load(&core, site, &joomla, "j5x_", &options, &Quiet).await.expect("again");
        assert!(again.changed_nothing(), "{again}");
    }
}

#[tokio::test]
async fn the_old_host_is_found_from_links_to_files_the_folder_holds() {
    let joomla = site_with_files();
    let folder = site_folder();
    let database = TestDatabase::sqlite();
    let media = tempfile::tempdir().expect("media dir");
    let (core, site) = core_for(&database, media.path()).await;
    let options = Options { files: Some(folder.path().to_owned()), ..Options::new(Lang::parse("en").expect("en")) };
    let report = load(&core, site, &joomla, "j5x_", &options, &Quiet).await.expect("import");
    assert!(
        report.warnings.iter().any(|(record, why)| record == "site"
            && why.contains("took https://www.old-office.example.org to be the old site")),
        "the guess is said: {report}"
    );
    let imported = pamir_db::import_sources::known(&core.db, site, "joomla:j5x_", "article").await.expect("db");
    let office = pamir_db::items::find_by_id(&core.db, site, imported["1"]).await.expect("db").expect("item");
    assert!(!office.body_html.contains("www.old-office.example.org"), "{}", office.body_html);
}
