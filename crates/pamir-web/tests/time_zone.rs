//! Times on the site's clock: an editor in Dushanbe types the time of day
//! she means, and readers, calendars and search engines get the same moment.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::http::StatusCode;
use pamir_domain::Role;
use support::TestSite;
use support::admin::{self, pairs, saved_item_id, set, signed_in};

#[tokio::test]
async fn an_event_typed_at_ten_in_dushanbe_is_ten_in_dushanbe_everywhere() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Editor).await;
    let mut fields = admin::article_fields(&site, "Donors meeting on return and reintegration").await;
    fields.extend(
        [
            ("kind", "event"),
            ("event_starts_at", "2026-12-20T10:00"),
            ("event_ends_at", "2026-12-20T13:30"),
            ("event_venue", "NAMD Mission, Dushanbe"),
            ("event_entries_deadline", "2026-12-15T18:00"),
            ("action", "publish"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned())),
    );
    let id = saved_item_id(&editor.post("/admin/items/new", &pairs(&fields)).await);
    let stored = pamir_db::items::find_by_id(site.db(), site.site, id).await.unwrap().unwrap();
    let event = stored.event.clone().expect("event");
    assert_eq!(event.starts_at.to_rfc3339(), "2026-12-20T05:00:00+00:00", "10:00 in Dushanbe is 05:00 UTC");

    let form = editor.get(&format!("/admin/items/{id}")).await;
    assert!(form.body.contains("value=\"2026-12-20T10:00\""), "the form shows what was typed");
    assert!(form.body.contains("Asia/Dushanbe"), "the form names the zone");

    let path = format!("/en/news/{}", stored.slug);
    let page = site.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{path}");
    assert!(
        page.body.contains("<time datetime=\"2026-12-20T10:00:00+05:00\">20 December 2026, 10:00</time>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("–<time datetime=\"2026-12-20T13:30:00+05:00\">13:30</time>"), "ends the same day");
    assert!(page.body.contains("(17 days left)"), "the deadline counts days on the site's calendar");
    assert!(!page.body.contains("UTC"), "no UTC for readers in Dushanbe");
    assert!(page.body.contains("\"startDate\":\"2026-12-20T10:00:00+05:00\""), "JSON-LD with the offset");

    let calendar = site.get(&format!("{path}.ics")).await;
    assert!(calendar.body.contains("DTSTART:20261220T050000Z"), "{}", calendar.body);
    assert!(calendar.body.contains("X-WR-TIMEZONE:Asia/Dushanbe"));

    let russian = site.get("/ru/").await;
    assert_eq!(russian.status, StatusCode::OK);
}

#[tokio::test]
async fn the_site_time_zone_is_chosen_in_the_settings_and_an_unknown_one_refused() {
    let site = TestSite::sqlite().await;
    let admin = signed_in(&site, Role::Administrator).await;
    let page = admin.get("/admin/settings").await;
    assert!(page.body.contains("<option selected>Asia/Dushanbe</option>"), "the demo's zone is selected");
    let mut fields = admin::form_fields_at(&page.body, "/admin/settings");
    set(&mut fields, "time_zone", "Mars/Olympus_Mons");
    let refused = admin.post("/admin/settings", &pairs(&fields)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Mars/Olympus_Mons is not a time zone"), "{}", refused.body);

    set(&mut fields, "time_zone", "Europe/Moscow");
    let saved = admin.post("/admin/settings", &pairs(&fields)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body.split("role=\"alert\"").nth(1).unwrap_or(""));
    let festival = site.get("/en/events/roads-and-roots-film-festival-2026").await;
    assert!(festival.body.contains("10 December 2026, 16:00"), "13:00 UTC read in Moscow: {}", festival.body);
}
