//! The storage API behaves the same on SQLite and PostgreSQL. Each test runs
//! on every configured backend, in a database of its own.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

use chrono::{DateTime, TimeZone, Utc};
use pamir_db::categories::CategoryText;
use pamir_db::items::{Listing, NewItem};
use pamir_db::testing::TestDatabase;
use pamir_db::{Db, DbError};
use pamir_domain::site::SiteSettings;
use pamir_domain::{Item, ItemContent, ItemState, Lang};

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, hour, 0, 0).single().expect("valid time")
}

fn en() -> Lang {
    Lang::parse("en").expect("en")
}

async fn open(database: &TestDatabase) -> (Db, i64) {
    let db = pamir_db::connect(&database.url).await.unwrap_or_else(|e| panic!("{}: {e}", database.backend));
    let site = pamir_db::sites::ensure_default(&db, at(0).timestamp()).await.expect("site");
    (db, site)
}

async fn category(db: &Db, site: i64, parent: Option<i64>, slug: &str) -> i64 {
    let text = CategoryText { lang: "en", name: slug, slug, description: "" };
    let mut tx = db.begin().await.expect("begin");
    let id =
        pamir_db::categories::insert(&mut tx, site, parent, 0, &[text], at(0).timestamp()).await.expect("category");
    tx.commit().await.expect("commit");
    id
}

fn item(site: i64, group_id: i64, category_id: i64, slug: &str) -> Item {
    let mut content = ItemContent::article(category_id, slug);
    content.slug = slug.into();
    Item {
        id: 0,
        site_id: site,
        group_id,
        lang: en(),
        content,
        teaser_html: String::new(),
        checks: Vec::new(),
        body_html: pamir_content::render_safe("Body"),
        published_at: at(1),
        created_at: at(1),
        updated_at: at(1),
        created_by: None,
        updated_by: None,
        version: 1,
    }
}

#[tokio::test]
async fn migrations_run_once_and_reconnecting_is_harmless() {
    for database in TestDatabase::all().await {
        let (db, site) = open(&database).await;
        db.close().await;
        let (again, same_site) = open(&database).await;
        assert_eq!(site, same_site, "{}", database.backend);
        again.ping().await.expect("ping");
    }
}

#[tokio::test]
async fn settings_round_trip() {
    for database in TestDatabase::all().await {
        let (db, site) = open(&database).await;
        assert_eq!(pamir_db::settings::load(&db, site).await.expect("load"), SiteSettings::initial());
        let mut settings = SiteSettings::initial();
        settings.languages = vec![en(), Lang::parse("tg").expect("tg")];
        settings.front_page_size = 7;
        settings.contact.email = Some("office@example.org".into());
        settings.name.0.insert("tg".into(), "Намояндагӣ".into());
        let mut tx = db.begin().await.expect("begin");
        pamir_db::settings::save(&mut tx, site, &settings).await.expect("save");
        tx.commit().await.expect("commit");
        assert_eq!(pamir_db::settings::load(&db, site).await.expect("load"), settings, "{}", database.backend);
    }
}

#[tokio::test]
async fn items_round_trip_and_listings_honour_the_publishing_window() {
    for database in TestDatabase::all().await {
        let (db, site) = open(&database).await;
        let news = category(&db, site, None, "news").await;
        let releases = category(&db, site, Some(news), "releases").await;
        let mut tx = db.begin().await.expect("begin");
        let groups = pamir_db::items::create_groups(&mut tx, site, 4, at(0)).await.expect("groups");
        let water = pamir_db::tags::TagText { lang: "en", name: "Water", slug: "water" };
        let tag = pamir_db::tags::insert(&mut tx, site, &[water], at(0).timestamp()).await.expect("tag");

        let mut visible = item(site, groups[0], news, "visible");
        visible.featured = true;
        visible.featured_order = Some(2);
        visible.event = Some(pamir_domain::EventDetails {
            starts_at: at(20),
            ends_at: None,
            venue: Some("Hall".into()),
            entries_deadline: Some(at(15)),
            registration_url: None,
        });
        let mut later = item(site, groups[1], releases, "later");
        later.publish_up = Some(at(10));
        later.featured = true;
        later.featured_order = Some(1);
        let mut ended = item(site, groups[2], news, "ended");
        ended.publish_down = Some(at(5));
        let mut draft = item(site, groups[3], news, "draft");
        draft.state = ItemState::Draft;
        // Only `visible` has the tag.
        let tagged_ids = [tag];
        let batch: Vec<NewItem<'_>> = [&visible, &later, &ended, &draft]
            .into_iter()
            .map(|item| NewItem {
                item,
                tag_ids: if item.slug == "visible" { &tagged_ids } else { &[] },
                gallery: &[],
                imported: None,
            })
            .collect();
        let ids = pamir_db::items::insert_batch(&mut tx, &batch).await.expect("insert");
        tx.commit().await.expect("commit");
        assert_eq!(ids.len(), 4);

        let found = pamir_db::items::find_visible(&db, site, &en(), news, "visible", at(3))
            .await
            .expect("find")
            .expect("visible");
        assert_eq!(found.id, ids[0]);
        assert_eq!(found.event.as_ref().map(|e| e.starts_at), Some(at(20)), "{}", database.backend);
        assert_eq!(found.event.as_ref().and_then(|e| e.venue.clone()).as_deref(), Some("Hall"));
        assert!(found.featured);
        assert_eq!(found.body_html, "<p>Body</p>\n");

        let slugs = |items: Vec<Item>| items.into_iter().map(|i| i.content.slug).collect::<Vec<_>>();
        let subtree = [news, releases];
        // Same publish date: the newer row first.
        let at_three =
            pamir_db::items::list(&db, site, &en(), &Listing::Categories(&subtree), at(3), 10, 0).await.expect("list");
        assert_eq!((at_three.total, at_three.has_more), (Some(2), false));
        assert_eq!(slugs(at_three.items), vec!["ended".to_owned(), "visible".to_owned()], "{}", database.backend);
        let at_eleven =
            pamir_db::items::list(&db, site, &en(), &Listing::Categories(&subtree), at(11), 1, 0).await.expect("list");
        let shape = (at_eleven.items.len(), at_eleven.total, at_eleven.has_more);
        assert_eq!(shape, (1, Some(2), true), "later appeared, ended went; one a page");
        let front = pamir_db::items::list(&db, site, &en(), &Listing::Featured, at(11), 10, 0).await.expect("front");
        assert_eq!(slugs(front.items), vec!["later".to_owned(), "visible".to_owned()], "featured order first");
        let tagged = pamir_db::items::list(&db, site, &en(), &Listing::Tag(tag), at(11), 10, 0).await.expect("tag");
        assert_eq!((tagged.items.len(), tagged.total), (1, None), "{}: tag pages are not counted", database.backend);
        assert_eq!(tagged.items[0].id, ids[0], "the tagged item");

        assert_eq!(pamir_db::items::next_transition(&db, site, at(3)).await.expect("next"), Some(at(5)));
        assert_eq!(pamir_db::items::next_transition(&db, site, at(5)).await.expect("next"), Some(at(10)));
        assert_eq!(pamir_db::items::next_transition(&db, site, at(10)).await.expect("next"), None);
    }
}

#[tokio::test]
async fn a_taken_slug_is_a_conflict_not_a_crash() {
    for database in TestDatabase::all().await {
        let (db, site) = open(&database).await;
        let news = category(&db, site, None, "news").await;
        let mut tx = db.begin().await.expect("begin");
        let groups = pamir_db::items::create_groups(&mut tx, site, 2, at(0)).await.expect("groups");
        let first = item(site, groups[0], news, "same");
        let second = item(site, groups[1], news, "same");
        pamir_db::items::insert_batch(&mut tx, &[NewItem { item: &first, tag_ids: &[], gallery: &[], imported: None }])
            .await
            .expect("first");
        tx.commit().await.expect("commit");
        let mut tx = db.begin().await.expect("begin");
        let error = pamir_db::items::insert_batch(
            &mut tx,
            &[NewItem { item: &second, tag_ids: &[], gallery: &[], imported: None }],
        )
        .await;
        assert!(matches!(error, Err(DbError::Conflict(_))), "{}: {error:?}", database.backend);
        drop(tx); // rolled back: the failed write leaves nothing and holds no lock
        let duplicate = category(&db, site, None, "other").await;
        let text = CategoryText { lang: "en", name: "Other", slug: "other", description: "" };
        let mut tx = db.begin().await.expect("begin");
        let again = pamir_db::categories::insert(&mut tx, site, None, 1, &[text], 0).await;
        assert!(matches!(again, Err(DbError::Conflict(_))), "sibling categories need distinct slugs ({duplicate})");
    }
}

#[tokio::test]
async fn contact_messages_are_counted_per_sender_and_window() {
    for database in TestDatabase::all().await {
        let (db, site) = open(&database).await;
        let message = pamir_domain::contact::ContactMessage {
            name: "A".into(),
            email: "a@example.org".into(),
            message: "Hello there, a question.".into(),
        };
        for minute in [0, 10, 50] {
            pamir_db::contact::insert(&db, site, "en", &message, "sender-1", 1_000 + minute * 60)
                .await
                .expect("insert");
        }
        pamir_db::contact::insert(&db, site, "en", &message, "sender-2", 1_000).await.expect("insert");
        assert_eq!(pamir_db::contact::count_since(&db, site, "sender-1", 1_000).await.expect("count"), 3);
        assert_eq!(pamir_db::contact::count_since(&db, site, "sender-1", 1_000 + 600).await.expect("count"), 2);
        let id = pamir_db::contact::recent(&db, site, 1).await.expect("recent")[0].id;
        pamir_db::contact::record_delivery(&db, id, Err("smtp down".into())).await.expect("record");
        let stored = pamir_db::contact::recent(&db, site, 1).await.expect("recent");
        assert_eq!(stored[0].delivery_error.as_deref(), Some("smtp down"), "{}", database.backend);
    }
}
