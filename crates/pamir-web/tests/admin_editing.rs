//! Editing in the admin as editors meet it: drafts, publishing on a
//! schedule, revisions compared and restored, two editors on one item,
//! refused saves that keep what was typed, preview, the audit log.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::http::StatusCode;
use pamir_domain::Role;
use support::TestSite;
use support::admin::{self, Browser, pairs, saved_item_id, signed_in};

async fn create(browser: &Browser<'_>, title: &str, extra: &[(&str, &str)]) -> i64 {
    let mut fields = admin::article_fields(browser.site, title).await;
    fields.extend(extra.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
    let response = browser.post("/admin/items/new", &pairs(&fields)).await;
    saved_item_id(&response)
}

/// The form's fields as the edit page shows them, with some replaced.
async fn edit_fields(browser: &Browser<'_>, id: i64, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let page = browser.get(&format!("/admin/items/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let value = |name: &str| -> String {
        let input = page.body.split(&format!("name=\"{name}\"")).nth(1).unwrap_or("");
        if name == "teaser" || name == "body" {
            let text = input.split('>').skip(1).collect::<Vec<_>>().join(">");
            html_unescape(text.split("</textarea>").next().unwrap_or(""))
        } else if name == "category" || name == "kind" {
            let select = input.split("</select>").next().unwrap_or("");
            select
                .split("<option value=\"")
                .filter(|o| o.contains("selected"))
                .filter_map(|o| o.split('"').next())
                .next()
                .unwrap_or("")
                .to_owned()
        } else {
            html_unescape(input.split("value=\"").nth(1).and_then(|v| v.split('"').next()).unwrap_or(""))
        }
    };
    let mut fields: Vec<(String, String)> =
        ["version", "lang", "group", "kind", "category", "title", "slug", "teaser", "body"]
            .iter()
            .map(|name| ((*name).to_owned(), value(name)))
            .collect();
    for (name, new) in changes {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = (*new).to_owned(),
            None => fields.push(((*name).to_owned(), (*new).to_owned())),
        }
    }
    fields
}

fn html_unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

#[tokio::test]
async fn a_draft_stays_private_until_published_and_then_readers_see_it() {
    for site in TestSite::all().await {
        let editor = signed_in(&site, Role::Editor).await;
        let id = create(&editor, "Border crossing reopens", &[("action", "save")]).await;
        assert_eq!(
            site.get("/en/news/border-crossing-reopens").await.status,
            StatusCode::NOT_FOUND,
            "{}",
            site.backend
        );
        let preview = editor.get(&format!("/admin/items/{id}/preview")).await;
        assert_eq!(preview.status, StatusCode::OK);
        assert!(
            preview.body.contains("<h1>Border crossing reopens</h1>")
                || preview.body.contains(">Border crossing reopens</h1>")
        );
        assert_eq!(preview.header("x-robots-tag"), "noindex");
        assert_eq!(preview.header("cache-control"), "no-store");

        let fields =
            edit_fields(&editor, id, &[("action", "publish"), ("featured", "on"), ("featured_order", "0")]).await;
        let published = editor.post(&format!("/admin/items/{id}"), &pairs(&fields)).await;
        assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", published.body);
        let page = site.get("/en/news/border-crossing-reopens").await;
        assert_eq!(page.status, StatusCode::OK, "{}", site.backend);
        assert!(page.body.contains("Body of <strong>Border crossing reopens</strong>."));
        assert!(site.get("/en/").await.body.contains("Border crossing reopens"), "featured: on the front page at once");
    }
}

#[tokio::test]
async fn a_scheduled_item_appears_and_disappears_on_time_without_anyone_visiting() {
    for site in TestSite::all().await {
        let editor = signed_in(&site, Role::Editor).await;
        // The demo day is 2026-11-28 12:00 UTC, 17:00 on the demo site's clock (Dushanbe, UTC+5).
        let id = create(
            &editor,
            "Call for entries opens",
            &[
                ("action", "publish"),
                ("featured", "on"),
                ("featured_order", "0"),
                ("publish_up", "2026-11-28T19:00"),
                ("publish_down", "2026-11-29T14:30"),
            ],
        )
        .await;
        let list = editor.get("/admin/items?state=published&q=call+for+entries").await;
        assert!(list.body.contains("from 2026-11-28 19:00"), "the list shows when it will appear");
        assert!(!site.get("/en/").await.body.contains("Call for entries opens"), "{}: not yet", site.backend);
        site.clock.advance(chrono::Duration::hours(2));
        // The page cache expires at the site's next transition; nothing was edited.
        assert!(site.get("/en/").await.body.contains("Call for entries opens"), "{}: appeared at 19:00", site.backend);
        assert_eq!(site.get("/en/news/call-for-entries-opens").await.status, StatusCode::OK);
        site.clock.advance(chrono::Duration::hours(20));
        assert!(!site.get("/en/").await.body.contains("Call for entries opens"), "gone at 14:30 the next day");
        assert_eq!(site.get("/en/news/call-for-entries-opens").await.status, StatusCode::NOT_FOUND);
        let item = pamir_db::items::find_by_id(site.db(), site.site, id).await.expect("db").expect("item");
        assert_eq!(item.state, pamir_domain::ItemState::Published, "the state never changed: time did");
    }
}

#[tokio::test]
async fn every_save_is_a_revision_that_can_be_compared_and_restored() {
    for site in TestSite::all().await {
        let editor = signed_in(&site, Role::Editor).await;
        let id = create(&editor, "Water report", &[("action", "save")]).await;
        let second = edit_fields(&editor, id, &[("action", "save"), ("body", "Wells in Khatlon were tested.")]).await;
        assert_eq!(editor.post(&format!("/admin/items/{id}"), &pairs(&second)).await.status, StatusCode::SEE_OTHER);
        let third = edit_fields(
            &editor,
            id,
            &[("action", "save"), ("title", "Water report 2026"), ("body", "Wells in Sughd were tested.")],
        )
        .await;
        assert_eq!(editor.post(&format!("/admin/items/{id}"), &pairs(&third)).await.status, StatusCode::SEE_OTHER);

        let list = editor.get(&format!("/admin/items/{id}/revisions")).await;
        let ids: Vec<i64> =
            list.body.split("name=\"to\" value=\"").skip(1).filter_map(|r| r.split('"').next()?.parse().ok()).collect();
        assert_eq!(ids.len(), 3, "{}: three saves, three revisions", site.backend);
        let (newest, oldest) = (ids[0], ids[2]);
        let middle = ids[1];
        let compare = editor.get(&format!("/admin/items/{id}/revisions/compare?from={middle}&to={newest}")).await;
        assert_eq!(compare.status, StatusCode::OK);
        assert!(compare.body.contains("<del>Khatlon</del>"), "{}", compare.body);
        assert!(compare.body.contains("<ins>Sughd</ins>"));
        assert!(compare.body.contains("<ins>2026</ins>"));

        let restored = editor.post(&format!("/admin/items/{id}/revisions/{oldest}/restore"), &[("version", "3")]).await;
        assert_eq!(restored.status, StatusCode::SEE_OTHER, "{}", restored.body);
        let item = pamir_db::items::find_by_id(site.db(), site.site, id).await.expect("db").expect("item");
        assert_eq!(item.title, "Water report");
        assert_eq!(item.body_markdown, "Body of **Water report**.");
        assert_eq!(item.version, 4, "a restore is a new save");
        let after = editor.get(&format!("/admin/items/{id}/revisions")).await;
        assert_eq!(after.body.matches("name=\"to\"").count(), 4, "and can itself be undone");
    }
}

#[tokio::test]
async fn the_second_of_two_editors_is_told_and_loses_nothing() {
    for site in TestSite::all().await {
        let ana = signed_in(&site, Role::Editor).await;
        let email = admin::add_user(&site, Role::Editor, "bahrom").await;
        let bahrom = admin::sign_in_as(&site, &email).await;
        let id = create(&ana, "Shared item", &[("action", "save")]).await;
        // Both open version 1.
        let ana_fields = edit_fields(&ana, id, &[("action", "save"), ("body", "Ana's paragraph.")]).await;
        let bahrom_fields = edit_fields(&bahrom, id, &[("action", "save"), ("body", "Bahrom's paragraph.")]).await;
        assert_eq!(ana.post(&format!("/admin/items/{id}"), &pairs(&ana_fields)).await.status, StatusCode::SEE_OTHER);
        let refused = bahrom.post(&format!("/admin/items/{id}"), &pairs(&bahrom_fields)).await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "{}", site.backend);
        assert!(refused.body.contains("Someone else saved this item while you were editing it."));
        let theirs = refused
            .body
            .split("class=\"conflict\"")
            .nth(1)
            .and_then(|r| r.split("</section>").next())
            .expect("conflict");
        assert!(theirs.contains("Ana&#39;s paragraph."), "their version is shown");
        let form = refused.body.split("<form method=\"post\" class=\"item-form\"").nth(1).expect("form");
        assert!(form.contains("Bahrom&#39;s paragraph."), "his text is kept in the form");
        let stored = pamir_db::items::find_by_id(site.db(), site.site, id).await.expect("db").expect("item");
        assert_eq!(stored.body_markdown, "Ana's paragraph.", "the first save stands");
        // Having seen it, saving again is a deliberate overwrite.
        let resend: Vec<(String, String)> = {
            let version = refused
                .body
                .split("name=\"version\" value=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .expect("version")
                .to_owned();
            bahrom_fields
                .iter()
                .map(|(k, v)| if k == "version" { (k.clone(), version.clone()) } else { (k.clone(), v.clone()) })
                .collect()
        };
        assert_eq!(bahrom.post(&format!("/admin/items/{id}"), &pairs(&resend)).await.status, StatusCode::SEE_OTHER);
    }
}

#[tokio::test]
async fn a_save_over_another_takes_in_their_changes_where_they_do_not_touch() {
    for site in TestSite::all().await {
        let ana = signed_in(&site, Role::Editor).await;
        let email = admin::add_user(&site, Role::Editor, "bahrom").await;
        let bahrom = admin::sign_in_as(&site, &email).await;
        let first = "Four schools planted gardens.\n\nThe harvest fed 300 pupils.\n";
        let id = create(&ana, "Water report", &[("action", "save"), ("body", first)]).await;
        let item = format!("/admin/items/{id}");
        // Both open version 1: Ana retitles it and changes the second paragraph ...
        let hers = edit_fields(
            &ana,
            id,
            &[
                ("title", "Water report 2026"),
                ("body", "Four schools planted gardens.\n\nThe harvest fed 320 pupils.\n"),
            ],
        )
        .await;
        // ... and Bahrom the first paragraph and the byline, saving second.
        let his = edit_fields(
            &bahrom,
            id,
            &[("byline", "Bahrom Saidov"), ("body", "Five schools planted gardens.\n\nThe harvest fed 300 pupils.\n")],
        )
        .await;
        let mut hers = hers;
        admin::set(&mut hers, "action", "save");
        assert_eq!(ana.post(&item, &pairs(&hers)).await.status, StatusCode::SEE_OTHER);
        let mut his = his;
        admin::set(&mut his, "action", "save");
        let met = bahrom.post(&item, &pairs(&his)).await;
        assert_eq!(met.status, StatusCode::CONFLICT, "nothing is saved unseen on {}", site.backend);
        let conflict = met.body.split("class=\"conflict\"").nth(1).and_then(|r| r.split("</section>").next()).unwrap();
        assert!(conflict.contains("Taken from their version, which you had not changed: Title."), "{conflict}");
        assert!(conflict.contains("both changes are now in your form: Text."), "{conflict}");
        assert!(conflict.contains("Nothing collided"), "{conflict}");

        // His form holds both; saving it keeps everyone's words.
        let mut merged = admin::form_fields(&met.body, "item-form");
        admin::set(&mut merged, "action", "save");
        assert_eq!(bahrom.post(&item, &pairs(&merged)).await.status, StatusCode::SEE_OTHER, "{}", site.backend);
        let stored = pamir_db::items::find_by_id(site.db(), site.site, id).await.unwrap().unwrap();
        assert_eq!(stored.title, "Water report 2026");
        assert_eq!(stored.byline.as_deref(), Some("Bahrom Saidov"));
        assert_eq!(stored.body_markdown, "Five schools planted gardens.\n\nThe harvest fed 320 pupils.\n");
    }
}

/// `count` photographs of `bytes` each (4000 × 3000, with the usual
/// renditions) written straight into the library, oldest first.
async fn library_pictures(site: &TestSite, count: i64, bytes: i64) -> Vec<i64> {
    let rendition = |n: i64, width: i64| pamir_domain::media::MediaVariant {
        path: format!("2026/12/picture-{n}-{width}.webp"),
        mime_type: "image/webp".into(),
        width,
        height: width * 3 / 4,
    };
    let mut tx = site.db().begin().await.unwrap();
    let mut ids = Vec::new();
    for n in 0..count {
        let variants = [rendition(n, 480), rendition(n, 960), rendition(n, 1600)];
        let path = format!("2026/12/picture-{n}.jpg");
        let media = pamir_db::media::NewMedia {
            path: &path,
            mime_type: "image/jpeg",
            width: 4000,
            height: 3000,
            byte_size: bytes,
            credit: "",
            variants: &variants,
            decorative: false,
            created_by: None,
            texts: vec![("en", "A picture", "")],
        };
        ids.push(pamir_db::media::insert(&mut tx, site.site, &media, 1_790_000_000 + n).await.unwrap());
    }
    tx.commit().await.unwrap();
    ids
}

#[tokio::test]
async fn the_checks_warn_of_a_page_too_heavy_for_a_phone() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Editor).await;
    let ids: Vec<String> = library_pictures(&site, 4, 4_000_000).await.iter().map(i64::to_string).collect();
    let warning = "On a phone this page weighs about";
    let panel = |body: &str| body.split("<section class=\"checks\"").nth(1).unwrap_or("").to_owned();

    // One large photograph: a phone fetches its 960-pixel rendition, about 230 KB.
    let light = create(&editor, "One photograph", &[("action", "save"), ("image", &ids[0])]).await;
    assert!(!panel(&editor.get(&format!("/admin/items/{light}")).await.body).contains(warning));

    // A gallery of four: over the budget, said with the weight and how many pictures.
    let gallery: Vec<(&str, &str)> = ids.iter().map(|id| ("gallery", id.as_str())).collect();
    let heavy = create(&editor, "Four photographs", &[&[("action", "save")][..], &gallery].concat()).await;
    let checks = panel(&editor.get(&format!("/admin/items/{heavy}")).await.body);
    assert!(checks.contains("On a phone this page weighs about 934 KB with its 4 pictures"), "{checks}");
    assert!(checks.contains("href=\"#gallery\""), "the warning links to the gallery: {checks}");
}

#[tokio::test]
async fn a_gallery_of_older_pictures_keeps_every_picture_and_its_order_when_saved() {
    for site in TestSite::all().await {
        let editor = signed_in(&site, Role::Editor).await;
        // Three pictures, then 250 newer ones: the three are past the form's newest 200.
        let ids = library_pictures(&site, 253, 60_000).await;
        let gallery = [ids[2], ids[0], ids[1]];
        let (two, zero, one) = (gallery[0].to_string(), gallery[1].to_string(), gallery[2].to_string());
        let id = create(
            &editor,
            "A photo story",
            &[("action", "save"), ("image", &one), ("gallery", &two), ("gallery", &zero), ("gallery", &one)],
        )
        .await;
        assert_eq!(pamir_db::items::gallery(site.db(), id).await.unwrap(), gallery, "stored in the order sent");

        // Saved again as the page shows it: nothing is dropped, nothing reordered.
        let page = editor.get(&format!("/admin/items/{id}")).await;
        let mut fields = admin::form_fields(&page.body, "item-form");
        admin::set(&mut fields, "action", "save");
        assert_eq!(editor.post(&format!("/admin/items/{id}"), &pairs(&fields)).await.status, StatusCode::SEE_OTHER);
        let stored = pamir_db::items::find_by_id(site.db(), site.site, id).await.unwrap().unwrap();
        assert_eq!(stored.image_id, Some(gallery[2]), "the cover is kept on {}", site.backend);
        assert_eq!(pamir_db::items::gallery(site.db(), id).await.unwrap(), gallery, "and the gallery, in order");
    }
}

#[tokio::test]
async fn a_refused_save_says_why_and_shows_everything_typed() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Editor).await;
    let mut fields = admin::article_fields(&site, "").await;
    fields.push(("body".into(), "A long text nobody wants to type twice.".into()));
    fields.push(("publish_up".into(), "tomorrow".into()));
    fields.push(("action".into(), "save".into()));
    let response = editor.post("/admin/items/new", &pairs(&fields)).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response.body.contains("Publish from&quot; needs a date and time such as 2026-11-28T14:30."),
        "{}",
        response.body
    );
    assert!(response.body.contains("A long text nobody wants to type twice."));
    let fields: Vec<(String, String)> =
        fields.into_iter().map(|(k, v)| if k == "publish_up" { (k, String::new()) } else { (k, v) }).collect();
    let response = editor.post("/admin/items/new", &pairs(&fields)).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.body.contains("The title is empty."), "{}", response.body);
    assert!(response.body.contains("role=\"alert\""));
}

#[tokio::test]
async fn authors_submit_for_review_and_editors_publish_from_the_queue() {
    let site = TestSite::sqlite().await;
    let author = signed_in(&site, Role::Author).await;
    let id = create(&author, "Story by an author", &[("action", "submit")]).await;
    let item = pamir_db::items::find_by_id(site.db(), site.site, id).await.expect("db").expect("item");
    assert_eq!(item.state, pamir_domain::ItemState::Review);
    let author_form = author.get(&format!("/admin/items/{id}")).await;
    assert_eq!(author_form.status, StatusCode::OK);
    assert!(
        author_form.body.contains("Story by an author") && author_form.body.contains("value=\"save\""),
        "the author's own form, with its buttons: {}",
        author_form.body
    );
    assert!(!author_form.body.contains("value=\"publish\""), "no publish button for authors");
    let editor = signed_in(&site, Role::Editor).await;
    let dashboard = editor.get("/admin/").await;
    let queue = dashboard.body.split("Waiting for review").nth(1).expect("the review queue");
    assert!(queue.contains("Story by an author"), "the submitted item is in the queue");
    let fields = edit_fields(&editor, id, &[("action", "publish")]).await;
    assert_eq!(editor.post(&format!("/admin/items/{id}"), &pairs(&fields)).await.status, StatusCode::SEE_OTHER);
    assert_eq!(site.get("/en/news/story-by-an-author").await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_bin_hides_items_and_gives_them_back() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Editor).await;
    let id = create(&editor, "Binned news", &[("action", "publish")]).await;
    assert_eq!(site.get("/en/news/binned-news").await.status, StatusCode::OK);
    assert_eq!(
        editor.post(&format!("/admin/items/{id}"), &[("action", "trash"), ("version", "1")]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(site.get("/en/news/binned-news").await.status, StatusCode::NOT_FOUND);
    assert!(!editor.get("/admin/items?q=binned").await.body.contains("Binned news"), "not in the normal list");
    assert!(editor.get("/admin/items?q=binned&state=trashed").await.body.contains("Binned news"));
    assert_eq!(
        editor.post(&format!("/admin/items/{id}"), &[("action", "restore"), ("version", "2")]).await.status,
        StatusCode::SEE_OTHER
    );
    let item = pamir_db::items::find_by_id(site.db(), site.site, id).await.expect("db").expect("item");
    assert_eq!(item.state, pamir_domain::ItemState::Draft, "restored as a draft");
}

#[tokio::test]
async fn the_list_filters_and_pages() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Editor).await;
    let all = editor.get("/admin/items").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.body.contains(">31 items</p>"), "the demo's 31 items: {}", all.body);
    for (query, count) in
        [("lang=tg", ">6 items</p>"), ("kind=event&lang=en", ">3 items</p>"), ("author=mine", ">0 items</p>")]
    {
        let listed = editor.get(&format!("/admin/items?{query}")).await;
        assert_eq!(listed.status, StatusCode::OK, "{query}");
        assert!(listed.body.contains(count), "{query}: {count}: {}", listed.body);
    }
    assert_eq!(editor.get("/admin/items?kind=poem").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(editor.get("/admin/items?page=0").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(editor.get("/admin/items?sort=title").await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_audit_log_records_who_did_what_from_where_and_filters() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Editor).await;
    create(&editor, "Audited item", &[("action", "publish")]).await;
    site.post_form("/admin/login", &[("email", "editor@example.org"), ("password", "nope")], "192.0.2.77").await;
    let administrator = signed_in(&site, Role::Administrator).await;
    let log = administrator.get("/admin/audit").await;
    assert_eq!(log.status, StatusCode::OK);
    for expected in ["item.create", "user.signin", "user.signin-failed", "192.0.2.77", "203.0.113.7", "Audited item"] {
        assert!(log.body.contains(expected), "{expected} in the log");
    }
    let filtered = administrator.get("/admin/audit?action=user.signin-failed").await;
    assert!(filtered.body.contains("192.0.2.77"));
    assert!(!filtered.body.contains("Audited item"));
}

#[tokio::test]
async fn the_live_preview_uses_the_public_pipeline() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Author).await;
    let response = editor
        .post("/admin/items/preview", &[("markdown", "## Hi\n\n<script>alert(1)</script>\n\nSome **bold** text.")])
        .await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(response.body.contains("<strong>bold</strong>"));
    assert!(!response.body.contains("<script>"));
}

#[tokio::test]
async fn categories_and_tags_are_added_and_renamed_and_the_site_follows() {
    for site in TestSite::all().await {
        let editor = signed_in(&site, Role::Editor).await;
        let added = editor
            .post("/admin/categories", &[("name_en", "Health"), ("name_ru", "Здоровье"), ("name_tg", "Тандурустӣ")])
            .await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{}: {}", site.backend, added.body);
        assert_eq!(site.get("/en/health/").await.status, StatusCode::OK);
        assert_eq!(site.get("/ru/zdorove/").await.status, StatusCode::OK, "Russian slug transliterated");
        assert_eq!(site.get("/tg/tandurusti/").await.status, StatusCode::OK, "Tajik slug transliterated");
        let list = editor.get("/admin/categories").await;
        let id = list
            .body
            .split("<a href=\"/admin/categories/")
            .filter_map(|r| r.split('"').next())
            .last()
            .expect("an edit link")
            .to_owned();
        let same = editor.post("/admin/categories", &[("name_en", "Health")]).await;
        assert_eq!(same.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(same.body.contains("already exists"), "{}", same.body);

        let renamed = editor
            .post(
                &format!("/admin/categories/{id}"),
                &[("position", "0"), ("name_en", "Health and care"), ("slug_en", "health-care")],
            )
            .await;
        assert_eq!(renamed.status, StatusCode::SEE_OTHER, "{}", renamed.body);
        assert_eq!(site.get("/en/health/").await.status, StatusCode::NOT_FOUND);
        assert!(site.get("/en/health-care/").await.body.contains("Health and care"));
        let bad = editor.post(&format!("/admin/categories/{id}"), &[("position", "first"), ("name_en", "X")]).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("Position&quot; needs a number.") && bad.body.contains("value=\"X\""));

        assert_eq!(editor.post("/admin/tags", &[("name_en", "Clean water")]).await.status, StatusCode::SEE_OTHER);
        let tags = editor.get("/admin/tags").await;
        let tag = tags
            .body
            .split("<a href=\"/admin/tags/")
            .filter(|r| r.contains("Clean water"))
            .filter_map(|r| r.split('"').next())
            .next()
            .expect("tag")
            .to_owned();
        let renamed =
            editor.post(&format!("/admin/tags/{tag}"), &[("name_en", "Safe water"), ("slug_en", "safe-water")]).await;
        assert_eq!(renamed.status, StatusCode::SEE_OTHER);
        assert!(editor.get("/admin/tags").await.body.contains("Safe water"));
    }
}

#[tokio::test]
async fn an_imported_item_shows_how_often_it_was_read_on_the_old_site() {
    for site in TestSite::all().await {
        let en = pamir_domain::Lang::parse("en").expect("en");
        let categories = pamir_db::categories::list(site.db(), site.site, &en).await.expect("categories");
        let news = categories.iter().find(|c| c.slug == "news").expect("news").id;
        let mut input = pamir_core::items::ItemInput::article(site.site, en, news, "Moved from Joomla");
        input.body_markdown = "<p>Read often.</p>".into();
        input.imported = Some(pamir_core::items::ImportedFrom {
            source: "joomla:jos_".into(),
            kind: "article".into(),
            source_id: "24".into(),
            hits: 321,
            created_at: None,
        });
        let item = pamir_core::items::create(&site.core, input).await.expect("created");
        let editor = signed_in(&site, Role::Editor).await;
        let page = editor.get(&format!("/admin/items/{}", item.id)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", site.backend);
        assert!(page.body.contains("read 321 times on the old site"), "{}", page.body);
        let known = pamir_db::import_sources::known(site.db(), site.site, "joomla:jos_", "article").await.expect("db");
        assert_eq!(known.get("24"), Some(&item.id), "the source is stored with the item");
    }
}

#[tokio::test]
async fn an_editor_decides_whether_the_teaser_opens_the_page() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Editor).await;
    let opening = "The opening paragraph, also the summary.";
    let id = create(
        &editor,
        "Teaser on the page",
        &[("action", "publish"), ("teaser", opening), ("teaser_above_body", "on")],
    )
    .await;
    let body_of = |page: &str| -> String {
        let body = page.split("<div class=\"body\">").nth(1).expect("the body");
        body.split("</div>").next().unwrap_or("").to_owned()
    };
    let page = site.get("/en/news/teaser-on-the-page").await;
    assert_eq!(page.status, StatusCode::OK);
    let body = body_of(&page.body);
    let body = body.as_str();
    assert_eq!(support::count(body, opening), 1, "once, above the body: {body}");
    assert!(body.find(opening) < body.find("Body of"), "{body}");
    let edit = editor.get(&format!("/admin/items/{id}")).await;
    assert!(edit.body.contains(r#"name="teaser_above_body" value="on" checked"#), "the box shows its state");
    let api = site.get(&format!("/api/v1/items/{id}")).await;
    assert!(api.body.contains(r#""teaser_above_body":true"#), "{}", api.body);

    // Unticked, the teaser is only the listings' summary.
    let fields = edit_fields(&editor, id, &[("action", "publish")]).await;
    assert_eq!(editor.post(&format!("/admin/items/{id}"), &pairs(&fields)).await.status, StatusCode::SEE_OTHER);
    let page = site.get("/en/news/teaser-on-the-page").await;
    assert_eq!(support::count(&body_of(&page.body), opening), 0, "not above the body");
    assert!(body_of(&page.body).contains("Body of"));
    assert!(site.get("/en/news/").await.body.contains(opening), "still in the listing");
}

#[tokio::test]
async fn the_editor_lists_what_would_make_the_page_harder_to_use_and_still_publishes() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Editor).await;
    let body = "#### Too deep\n\n![](/media/demo/glacier.svg)\n\nFor the report [click here](https://example.org/r).";
    let id = create(&editor, "A page with problems", &[("action", "publish"), ("body", body)]).await;
    let page = editor.get(&format!("/admin/items/{id}")).await;
    let panel =
        page.body.split("<section class=\"checks\"").nth(1).expect("the panel").split("</section>").next().unwrap();
    // A skipped heading, a picture without words, a vague link, and two languages without a version.
    assert!(panel.contains("5 things would make this page harder to use. You can still publish."), "{panel}");
    assert!(panel.contains("href=\"#body\">The heading &quot;Too deep&quot; skips a level"), "{panel}");
    assert!(panel.contains("A picture (/media/demo/glacier.svg) has no alternative text"));
    assert!(panel.contains("The link text &quot;click here&quot; does not say where it goes"));
    assert!(panel.contains("There is no Russian version yet.") && panel.contains("There is no Tajik version yet."));
    assert_eq!(site.get("/en/news/a-page-with-problems").await.status, StatusCode::OK, "published all the same");

    let fine = create(
        &editor,
        "A clean page",
        &[("action", "save"), ("body", "## Why\n\nSee [the report](https://example.org/r).")],
    )
    .await;
    let page = editor.get(&format!("/admin/items/{fine}")).await;
    let panel = page.body.split("<section class=\"checks\"").nth(1).unwrap().split("</section>").next().unwrap();
    assert!(!panel.contains("skips a level") && !panel.contains("link text"), "{panel}");

    // What the checks found is kept with the revision, and the list filters by it.
    let revisions = pamir_db::revisions::list(site.db(), id).await.unwrap();
    let latest = pamir_core::editing::Snapshot::from_json(&revisions[0].snapshot).unwrap();
    assert_eq!(latest.checks, ["check-heading-skipped", "check-image-alt", "check-link-vague"]);
    let listed = |query: &'static str| {
        let editor = &editor;
        async move {
            let list = editor.get(&format!("/admin/items?{query}")).await;
            assert_eq!(list.status, StatusCode::OK, "{query}");
            (list.body.contains("A page with problems"), list.body.contains("A clean page"))
        }
    };
    assert_eq!(listed("check=any").await, (true, false));
    assert_eq!(listed("check=check-image-alt").await, (true, false));
    assert_eq!(listed("check=check-table-header").await, (false, false));
    assert_eq!(listed("q=page").await, (true, true), "without the filter, both");
    assert_eq!(editor.get("/admin/items?check=nonsense").await.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_editor_opens_a_text_as_its_blocks_each_with_its_markdown_and_html() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Author).await;
    let text = "## Water\n\nThree *villages*.\n\n<div class=\"old\"><script>x()</script>Kept</div>\n\n[r]: https://example.org\n";
    let answer = editor.post("/admin/items/outline", &[("markdown", text)]).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let outline: serde_json::Value = serde_json::from_str(&answer.body).expect("JSON");
    let blocks = outline["blocks"].as_array().expect("blocks");
    let gaps = outline["gaps"].as_array().expect("gaps");
    assert_eq!(blocks.len(), 3);
    assert_eq!(gaps.len(), 4);
    let mut again = String::new();
    for (gap, block) in gaps.iter().zip(blocks) {
        again.push_str(gap.as_str().unwrap());
        again.push_str(block["markdown"].as_str().unwrap());
    }
    again.push_str(gaps[3].as_str().unwrap());
    assert_eq!(again, text, "the blocks and gaps are the text, byte for byte");
    assert_eq!(blocks[1]["html"], "<p>Three <em>villages</em>.</p>\n");
    assert_eq!(blocks[1]["editable"], true);
    assert_eq!(blocks[2]["editable"], false, "raw HTML is kept, not edited");
    assert!(!blocks[2]["html"].as_str().unwrap().contains("script"), "and shown sanitised");

    let forged = editor.post_raw("/admin/items/outline", &[("markdown", text), ("csrf", "wrong")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn what_is_typed_is_kept_on_the_server_until_saved_and_others_see_who_is_at_work() {
    for site in TestSite::all().await {
        let ana = signed_in(&site, Role::Editor).await;
        let email = admin::add_user(&site, Role::Editor, "bahrom").await;
        let bahrom = admin::sign_in_as(&site, &email).await;
        let id = create(&ana, "Water report", &[("action", "save")]).await;
        let item = format!("/admin/items/{id}");
        let draft = format!("/admin/items/{id}/draft");

        // Ana types; the page keeps it on the server, nobody else is at work yet.
        let typed = edit_fields(&ana, id, &[("body", "A paragraph Ana has not saved.")]).await;
        let kept = ana.post(&draft, &pairs(&typed)).await;
        assert_eq!(kept.status, StatusCode::OK, "{} on {}", kept.body, site.backend);
        let kept: serde_json::Value = serde_json::from_str(&kept.body).expect("JSON");
        assert!(kept["said"].as_str().unwrap().starts_with("Kept on the server at "), "{kept}");
        assert_eq!(kept["others_said"], "", "alone on the item");
        let stored = pamir_db::items::find_by_id(site.db(), site.site, id).await.unwrap().unwrap();
        assert_eq!(stored.version, 1, "a draft is not a save");

        // Her tab closes. Opening the item again offers the draft back; it
        // opens in the form on request, without any script.
        let page = ana.get(&item).await;
        assert!(page.body.contains("were kept on the server at"), "offered on {}", site.backend);
        assert!(!page.body.contains("A paragraph Ana has not saved."), "the form holds what is stored");
        let restored = ana.get(&format!("{item}?draft=mine")).await;
        assert_eq!(restored.status, StatusCode::OK);
        assert!(restored.body.contains("A paragraph Ana has not saved."), "the draft fills the form");
        assert!(restored.body.contains("Your unsaved changes are back in the form"));

        // Bahrom opens the item and types too: each hears of the other.
        let his = edit_fields(&bahrom, id, &[("title", "Water report 2026")]).await;
        let heard: serde_json::Value =
            serde_json::from_str(&bahrom.post(&draft, &pairs(&his)).await.body).expect("JSON");
        assert_eq!(heard["others"][0]["name"], "editor", "{heard}");
        assert!(heard["others_said"].as_str().unwrap().contains("is also at work on this item"), "{heard}");
        assert!(ana.get(&item).await.body.contains("bahrom ("), "Ana's page names Bahrom");

        // Ana saves from the restored draft: her draft ends with the save, his stays his.
        let mut resend = admin::form_fields(&restored.body, "item-form");
        admin::set(&mut resend, "action", "save");
        assert_eq!(ana.post(&item, &pairs(&resend)).await.status, StatusCode::SEE_OTHER, "{}", site.backend);
        let stored = pamir_db::items::find_by_id(site.db(), site.site, id).await.unwrap().unwrap();
        assert_eq!(stored.body_markdown, "A paragraph Ana has not saved.");
        assert!(!ana.get(&item).await.body.contains("were kept on the server at"), "saved: nothing to offer");
        assert!(bahrom.get(&item).await.body.contains("were kept on the server at"), "his draft is his");

        // His draft started from version 1: restored and saved, it meets Ana's save.
        let his_restored = bahrom.get(&format!("{item}?draft=mine")).await;
        let mut his_resend = admin::form_fields(&his_restored.body, "item-form");
        admin::set(&mut his_resend, "action", "save");
        let refused = bahrom.post(&item, &pairs(&his_resend)).await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "a stale draft is a conflict on {}", site.backend);

        // Discarding leaves the item as stored.
        let discarded = bahrom.post(&format!("{draft}/discard"), &[]).await;
        assert_eq!(discarded.status, StatusCode::SEE_OTHER);
        assert!(!bahrom.get(&item).await.body.contains("were kept on the server at"));

        // A draft without the form's version is refused with the reason; an author keeps no draft of another's item.
        let refused = ana.post(&draft, &[("title", "No version")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("reload it"), "{}", refused.body);
        let author = signed_in(&site, Role::Author).await;
        assert_eq!(author.post(&draft, &pairs(&typed)).await.status, StatusCode::FORBIDDEN);
    }
}
