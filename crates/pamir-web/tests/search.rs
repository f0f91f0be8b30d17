//! Site search as readers use it: one language at a time, stemmed for
//! English and Russian, Tajik folded and stripped by our analyser, filtered,
//! paged, in step with every publish, unpublish and schedule.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::http::StatusCode;
use pamir_core::items::ItemInput;
use pamir_domain::{ItemKind, Lang};
use support::TestSite;

fn lang(code: &str) -> Lang {
    Lang::parse(code).expect("lang")
}

async fn category(site: &TestSite, code: &str, slug: &str) -> i64 {
    let categories = pamir_db::categories::list(site.db(), site.site, &lang(code)).await.expect("categories");
    categories.iter().find(|c| c.slug == slug).unwrap_or_else(|| panic!("{code}/{slug}")).id
}

fn titles(html: &str) -> Vec<String> {
    html.split("<h2><a href=\"")
        .skip(1)
        .filter_map(|r| r.split('>').nth(1)?.split('<').next().map(str::to_owned))
        .collect()
}

fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

#[tokio::test]
async fn each_language_is_searched_with_its_own_analyser() {
    for site in TestSite::all().await {
        let ru_news = category(&site, "ru", "novosti").await;
        // "Remittance" also matches the English search below, were it to look past English.
        let mut input = ItemInput::article(site.site, lang("ru"), ru_news, "Remittance: Мигранты возвращаются домой");
        input.body_markdown = "Весной домой вернулись тысячи семей.".into();
        pamir_core::items::create(&site.core, input).await.expect("created");

        let russian = site.get(&format!("/ru/search?q={}", encode("мигрантов"))).await;
        assert_eq!(russian.status, StatusCode::OK, "{}", site.backend);
        assert!(
            titles(&russian.body).contains(&"Remittance: Мигранты возвращаются домой".to_owned()),
            "{}: {:?}",
            site.backend,
            titles(&russian.body)
        );
        assert!(russian.body.contains("<meta name=\"robots\" content=\"noindex\">"));

        let english = site.get("/en/search?q=remittance").await;
        assert!(
            titles(&english.body).iter().any(|t| t.starts_with("Remittances keep families afloat")),
            "stemmed: remittance finds remittances"
        );
        assert!(!english.body.contains("Мигранты"), "one language at a time");
        assert!(english.body.contains("<img class=\"result-image\""), "a result shows its item's picture");
        let russian_remittance = site.get("/ru/search?q=remittance").await;
        assert!(
            titles(&russian_remittance.body).contains(&"Remittance: Мигранты возвращаются домой".to_owned()),
            "{}: the word that is kept out of English results is found in Russian: {:?}",
            site.backend,
            titles(&russian_remittance.body)
        );

        // Typed on a Russian keyboard: х for ҳ, ч for ҷ; the plural -он stripped.
        let tajik = site.get(&format!("/tg/search?q={}", encode("мухочир"))).await;
        assert!(
            tajik.body.contains("<mark>муҳоҷирон</mark>") || tajik.body.contains("<mark>Муҳоҷирон</mark>"),
            "{}",
            tajik.body
        );
        assert!(!titles(&tajik.body).is_empty());
    }
}

#[tokio::test]
async fn results_follow_publishing_unpublishing_and_the_schedule() {
    for site in TestSite::all().await {
        let news = category(&site, "en", "news").await;
        let mut input = ItemInput::article(site.site, lang("en"), news, "Glacier monitoring station opens");
        input.body_markdown = "A new station will measure the Fedchenko glacier.".into();
        let item = pamir_core::items::create(&site.core, input).await.expect("created");
        let search = || site.get("/en/search?q=fedchenko");
        assert_eq!(titles(&search().await.body), vec!["Glacier monitoring station opens"], "{}", site.backend);

        // Unpublished through the admin's use case: gone from results at once.
        let actor = pamir_core::audit::Actor::console(pamir_domain::User {
            id: pamir_core::users::add(
                &site.core,
                None,
                pamir_core::users::NewAccount {
                    email: "ed@example.org".into(),
                    display_name: "Ed".into(),
                    role: pamir_domain::Role::Editor,
                    password: Some("a long editor password".into()),
                },
            )
            .await
            .expect("user")
            .user
            .id,
            email: "ed@example.org".into(),
            display_name: "Ed".into(),
            role: pamir_domain::Role::Editor,
            disabled: false,
            mfa_enabled: false,
        });
        use pamir_core::editing::{Transition, transition};
        transition(&site.core, &actor, site.site, item.id, 1, Transition::Unpublish).await.expect("unpublished");
        assert!(titles(&search().await.body).is_empty(), "{}: unpublished items are not found", site.backend);
        transition(&site.core, &actor, site.site, item.id, 2, Transition::Publish).await.expect("published");
        assert_eq!(titles(&search().await.body).len(), 1);

        // Scheduled for later: found only from its time on.
        let mut later = ItemInput::article(site.site, lang("en"), news, "Avalanche season briefing");
        later.body_markdown = "Briefing on the avalanche season in the Rasht valley.".into();
        later.publish_up = Some(support::demo_day() + chrono::Duration::hours(3));
        pamir_core::items::create(&site.core, later).await.expect("created");
        assert!(titles(&site.get("/en/search?q=avalanche").await.body).is_empty());
        site.clock.advance(chrono::Duration::hours(4));
        assert_eq!(titles(&site.get("/en/search?q=avalanche").await.body), vec!["Avalanche season briefing"]);
    }
}

#[tokio::test]
async fn filters_pages_and_hostile_input() {
    let site = TestSite::sqlite().await;
    let news = category(&site, "en", "news").await;
    let mut inputs = Vec::new();
    for n in 1..=12 {
        let mut input = ItemInput::article(site.site, lang("en"), news, &format!("Apricot harvest report {n}"));
        // A code span: its markup is text, kept in the index as `<script>…`.
        input.body_markdown = format!("Apricot growers in Isfara, report {n}. `<script>alert({n})</script>`");
        inputs.push(input);
    }
    let mut event = ItemInput::article(site.site, lang("en"), category(&site, "en", "events").await, "Apricot fair");
    event.kind = ItemKind::Event;
    event.body_markdown = "A fair for the apricot growers of Isfara.".into();
    event.event = Some(pamir_domain::EventDetails {
        starts_at: support::demo_day() + chrono::Duration::days(10),
        ends_at: None,
        venue: Some("Isfara".into()),
        entries_deadline: None,
        registration_url: None,
    });
    inputs.push(event);
    pamir_core::items::create_many(&site.core, inputs).await.expect("created");

    let first = site.get("/en/search?q=apricot+isfara").await;
    assert!(first.body.contains("13 items found"), "{}", first.body);
    assert_eq!(titles(&first.body).len(), 10, "ten to a page");
    assert!(first.body.contains("href=\"/en/search?q=apricot%20isfara&amp;page=2\""), "a link to page 2");
    let second = site.get("/en/search?q=apricot+isfara&page=2").await;
    assert_eq!(titles(&second.body).len(), 3);
    assert_eq!(site.get("/en/search?q=apricot+isfara&page=9").await.status, StatusCode::NOT_FOUND);

    let events = site.get("/en/search?q=apricot&kind=event").await;
    assert_eq!(titles(&events.body), vec!["Apricot fair"]);
    let in_news = site.get(&format!("/en/search?q=apricot&category={news}")).await;
    assert!(in_news.body.contains("12 items found"));

    assert!(first.body.contains("&lt;script&gt;alert("), "the markup is shown as text: {}", first.body);
    assert!(!first.body.contains("<script>alert"), "snippets are escaped");
    assert_eq!(site.get("/en/search?q=apricot&kind=poem").await.status, StatusCode::BAD_REQUEST);
    assert_eq!(site.get("/en/search?q=apricot&category=99999").await.status, StatusCode::BAD_REQUEST);
    let odd = site.get(&format!("/en/search?q={}", encode("title:(( \" AND OR *"))).await;
    assert_eq!(odd.status, StatusCode::OK, "any input is a search, never an error");
    let empty = site.get("/en/search").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.body.contains("<form class=\"search-form\" method=\"get\""), "a plain form: no script needed");
}
