//! How content reaches readers: sanitised on save, shown at once after a
//! change (the page cache is told), and on schedule (publish-up,
//! publish-down, featured-until honoured without anyone editing).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::http::StatusCode;
use pamir_core::items::ItemInput;
use pamir_domain::{ItemState, Lang};
use support::{TestSite, demo_day};

async fn news_category(site: &TestSite) -> i64 {
    let en = Lang::parse("en").expect("en");
    let categories = pamir_db::categories::list(site.db(), site.site, &en).await.expect("categories");
    categories.iter().find(|c| c.slug == "news").expect("news").id
}

fn english() -> Lang {
    Lang::parse("en").expect("en")
}

#[tokio::test]
async fn hostile_markdown_and_html_never_reach_a_reader() {
    for site in TestSite::all().await {
        let mut input = ItemInput::article(site.site, english(), news_category(&site).await, "Hostile content");
        input.teaser_markdown = "Teaser <img src=x onerror=alert(1)>".into();
        input.body_markdown = [
            "<script>alert('body')</script>",
            "<a href=\"javascript:alert(2)\">click</a>",
            "[link](javascript:alert(3))",
            "<p onclick=\"alert(4)\" style=\"color:red\">styled</p>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg><script>alert(5)</script></svg>",
            "<object data=\"x\"></object><embed src=\"y\">",
            "Plain **bold** survives.",
        ]
        .join("\n\n");
        pamir_core::items::create(&site.core, input).await.expect("created");
        let page = site.get("/en/news/hostile-content").await;
        assert_eq!(page.status, StatusCode::OK, "{}", site.backend);
        let body = support::main_of(&page.body);
        for banned in
            ["<script", "onerror", "onclick", "javascript:", "<iframe", "<object", "<embed", "style=\"color", "alert("]
        {
            assert!(!body.contains(banned), "{banned} reached the reader on {}", site.backend);
        }
        assert!(body.contains("<strong>bold</strong>"));
        let front = site.get("/en/news/").await;
        assert_eq!(front.status, StatusCode::OK);
        assert!(
            front.body.contains(">Hostile content</a>") && front.body.contains("<div class=\"teaser\"><p>Teaser <img"),
            "the item's card and its teaser are on the page: {}",
            front.body
        );
        assert!(!front.body.contains("onerror"), "teasers are sanitised too");
    }
}

#[tokio::test]
async fn a_new_item_shows_up_at_once_despite_the_page_cache() {
    for site in TestSite::all().await {
        let before = site.get("/en/news/").await;
        assert!(!before.body.contains("Fresh news"));
        assert!(!site.state.cache.is_empty(), "the page was cached");
        let mut input = ItemInput::article(site.site, english(), news_category(&site).await, "Fresh news from Khorog");
        input.published_at = Some(demo_day());
        pamir_core::items::create(&site.core, input).await.expect("created");
        // The cache is told before `create` returns: the very next request shows the item.
        let after = site.get("/en/news/").await;
        assert!(
            after.body.contains("Fresh news from Khorog"),
            "the category page shows the new item ({})",
            site.backend
        );
    }
}

#[tokio::test]
async fn scheduled_items_appear_and_disappear_on_time() {
    for site in TestSite::all().await {
        let now = demo_day();
        let mut input = ItemInput::article(site.site, english(), news_category(&site).await, "Scheduled announcement");
        input.featured = true;
        input.featured_order = Some(0);
        input.publish_up = Some(now + chrono::Duration::hours(2));
        input.publish_down = Some(now + chrono::Duration::hours(5));
        pamir_core::items::create(&site.core, input).await.expect("created");
        let url = "/en/news/scheduled-announcement";

        assert_eq!(site.get(url).await.status, StatusCode::NOT_FOUND, "not before publish-up");
        assert!(!support::front_links(&site.get("/en/").await.body).contains(&url.to_owned()));

        site.clock.advance(chrono::Duration::hours(2));
        assert_eq!(site.get(url).await.status, StatusCode::OK, "visible from publish-up ({})", site.backend);
        let front = support::front_links(&site.get("/en/").await.body);
        assert_eq!(front.first().map(String::as_str), Some(url), "featured first, with no edit in between");

        site.clock.advance(chrono::Duration::hours(3));
        assert_eq!(site.get(url).await.status, StatusCode::NOT_FOUND, "gone at publish-down");
        assert!(!support::front_links(&site.get("/en/").await.body).contains(&url.to_owned()));
    }
}

#[tokio::test]
async fn featured_until_takes_an_item_off_the_front_page_only() {
    let site = TestSite::sqlite().await;
    let mut input = ItemInput::article(site.site, english(), news_category(&site).await, "Briefly featured");
    input.featured = true;
    input.featured_order = Some(0);
    input.featured_until = Some(demo_day() + chrono::Duration::hours(1));
    input.published_at = Some(demo_day());
    pamir_core::items::create(&site.core, input).await.expect("created");
    let url = "/en/news/briefly-featured".to_owned();
    assert_eq!(support::front_links(&site.get("/en/").await.body).first(), Some(&url), "the lead story");
    site.clock.advance(chrono::Duration::hours(1));
    let front = support::front_links(&site.get("/en/").await.body);
    // Off the lead and the featured row; it may still be among the latest news.
    assert!(!front[..4].contains(&url), "{front:?}");
    assert_eq!(site.get(&url).await.status, StatusCode::OK, "still published");
}

#[tokio::test]
async fn drafts_and_archived_items_are_not_shown() {
    let site = TestSite::sqlite().await;
    for (title, state) in [("A draft", ItemState::Draft), ("An archived one", ItemState::Archived)] {
        let mut input = ItemInput::article(site.site, english(), news_category(&site).await, title);
        input.state = state;
        pamir_core::items::create(&site.core, input).await.expect("created");
    }
    assert_eq!(site.get("/en/news/a-draft").await.status, StatusCode::NOT_FOUND);
    assert_eq!(site.get("/en/news/an-archived-one").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_taken_slug_is_refused_with_a_clear_message() {
    let site = TestSite::sqlite().await;
    let category = news_category(&site).await;
    pamir_core::items::create(&site.core, ItemInput::article(site.site, english(), category, "Same title"))
        .await
        .expect("first");
    let error = pamir_core::items::create(&site.core, ItemInput::article(site.site, english(), category, "Same title"))
        .await
        .expect_err("second refused");
    assert!(error.to_string().contains("already exists"), "{error}");
    let mut bad_slug = ItemInput::article(site.site, english(), category, "Bad slug");
    bad_slug.slug = "Not A Slug".into();
    let error = pamir_core::items::create(&site.core, bad_slug).await.expect_err("refused");
    assert!(error.to_string().contains("slug"), "{error}");
}

#[tokio::test]
async fn a_change_made_by_another_node_reaches_this_nodes_cache() {
    for site in TestSite::all().await {
        tokio::spawn(pamir_core::scheduler::run(site.core.clone(), site.site));
        let before = site.get("/en/news/").await;
        assert!(!before.body.contains("Written elsewhere"));
        // Another node writes: straight to the database, without this process's change notices.
        let category = news_category(&site).await;
        let input = ItemInput::article(site.site, english(), category, "Written elsewhere");
        let mut tx = site.db().begin().await.expect("begin");
        let group = pamir_db::items::create_groups(&mut tx, site.site, 1, demo_day()).await.expect("group")[0];
        let mut item = pamir_core::items::prepare(&input, group, demo_day()).expect("item");
        item.published_at = demo_day();
        let new = pamir_db::items::NewItem { item: &item, tag_ids: &[], gallery: &[], imported: None };
        pamir_db::items::insert_batch(&mut tx, &[new]).await.expect("stored");
        tx.commit().await.expect("committed");
        assert!(!site.get("/en/news/").await.body.contains("Written elsewhere"), "still the cached page");
        let mut tx = site.db().begin().await.expect("begin");
        pamir_db::sites::bump_content_version(&mut tx, site.site).await.expect("bumped");
        tx.commit().await.expect("committed");
        let mut shown = false;
        for _ in 0..60 {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            if site.get("/en/news/").await.body.contains("Written elsewhere") {
                shown = true;
                break;
            }
        }
        assert!(shown, "within a few seconds of the other node's change ({})", site.backend);
    }
}

#[tokio::test]
async fn a_link_to_another_item_follows_it_to_its_new_address() {
    use support::admin::{form_fields, pairs, set, signed_in};
    let site = TestSite::sqlite().await;
    let category = news_category(&site).await;
    let winners = ItemInput::article(site.site, english(), category, "Contest winners");
    let winners = pamir_core::items::create(&site.core, winners).await.expect("created");
    let mut call = ItemInput::article(site.site, english(), category, "Call for entries");
    call.body_markdown = format!("Read about [last year's winners](/items/{}#list).", winners.id);
    pamir_core::items::create(&site.core, call).await.expect("created");

    let page = site.get("/en/news/call-for-entries").await;
    assert!(page.body.contains("href=\"/en/news/contest-winners#list\""), "shown at its address: {}", page.body);
    let stable = site.get(&format!("/items/{}", winners.id)).await;
    assert_eq!(stable.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(stable.headers["location"], "/en/news/contest-winners");

    // The editor renames the winners' page: the link follows.
    let editor = signed_in(&site, pamir_domain::Role::Editor).await;
    let form = editor.get(&format!("/admin/items/{}", winners.id)).await;
    let mut fields = form_fields(&form.body, "item-form");
    set(&mut fields, "slug", "winners-2026");
    set(&mut fields, "action", "save");
    let saved = editor.post(&format!("/admin/items/{}", winners.id), &pairs(&fields)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = site.get("/en/news/call-for-entries").await;
    assert!(page.body.contains("href=\"/en/news/winners-2026#list\""), "the new address: {}", page.body);
    assert_eq!(site.get(&format!("/items/{}", winners.id)).await.headers["location"], "/en/news/winners-2026");

    // Items readers cannot see, and ids that are none, are not found.
    assert_eq!(site.get("/items/999999").await.status, StatusCode::NOT_FOUND);
    assert_eq!(site.get("/items/not-a-number").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn items_saved_before_the_checks_were_kept_are_checked_at_start() {
    use pamir_db::Db;
    for site in TestSite::all().await {
        let mut older = ItemInput::article(site.site, english(), news_category(&site).await, "An older page");
        older.body_markdown = "#### Too deep\n\nText.".into();
        let older = pamir_core::items::create(&site.core, older).await.expect("created");
        // As a database from before the column holds it.
        let sql = "UPDATE items SET checks = NULL";
        match site.db() {
            Db::Sqlite(pool) => sqlx::query(sql).execute(pool).await.map(drop),
            Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(drop),
        }
        .expect("cleared");
        let editor = support::admin::signed_in(&site, pamir_domain::Role::Editor).await;
        let listed =
            || async { editor.get("/admin/items?check=check-heading-skipped").await.body.contains("An older page") };
        assert!(!listed().await, "not checked yet on {}", site.backend);
        let checked = pamir_core::checks::catch_up(&site.core).await.expect("checked");
        assert!(checked >= 1, "{checked} on {}", site.backend);
        assert!(listed().await, "found by the filter on {}", site.backend);
        assert_eq!(pamir_core::checks::catch_up(&site.core).await.expect("again"), 0, "each item once");
        let stored = pamir_db::items::find_by_id(site.db(), site.site, older.id).await.unwrap().unwrap();
        assert_eq!(stored.checks, ["check-heading-skipped"]);
    }
}
