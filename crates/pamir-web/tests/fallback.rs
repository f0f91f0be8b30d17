//! Missing translations: with the fallback setting, a Tajik listing shows
//! what is not yet in Tajik in Russian, else English, once per item, marked
//! with a note; without it, only Tajik.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use pamir_domain::Lang;
use support::TestSite;

fn lang(code: &str) -> Lang {
    Lang::parse(code).expect("lang")
}

/// The items a front page shows, in order.
fn card_links(html: &str) -> Vec<String> {
    support::front_links(html)
}

#[tokio::test]
async fn untranslated_items_fill_in_from_the_fallback_languages_with_a_note() {
    for site in TestSite::all().await {
        let before = site.get("/tg/").await;
        assert!(!before.body.contains("fallback-note"), "{}: no fallback unless the setting asks", site.backend);
        let cards = card_links(&before.body);
        assert_eq!(cards.len(), 6, "{}: the demo's six Tajik items: {cards:?}", site.backend);
        assert!(cards.iter().all(|url| url.starts_with("/tg/")), "{cards:?}");

        let mut settings = pamir_db::settings::load(site.db(), site.site).await.expect("settings");
        settings.fallbacks = [("tg".to_owned(), vec![lang("ru"), lang("en")])].into();
        pamir_core::imports::save_settings(&site.core, site.site, &settings).await.expect("saved and announced");

        let mut links = Vec::new();
        let mut bodies = String::new();
        let mut page = 1;
        loop {
            let response = site.get(&if page == 1 { "/tg/".to_owned() } else { format!("/tg/?page={page}") }).await;
            if response.status != axum::http::StatusCode::OK {
                break;
            }
            links.extend(card_links(&response.body));
            bodies.push_str(&response.body);
            page += 1;
        }
        assert!(bodies.contains("Ҳоло ба забони тоҷикӣ дастрас нест"), "the note, in Tajik");
        assert!(bodies.contains(" lang=\"en\">\n<p class=\"fallback-note\""), "the card says its language");
        let tajik = links.iter().filter(|url| url.starts_with("/tg/")).count();
        let others = links.iter().filter(|url| !url.starts_with("/tg/")).count();
        assert!(tajik > 0 && others > 0, "{}: both Tajik and stand-in items: {links:?}", site.backend);

        // Each item in one language: a group with a Tajik version shows only that; a
        // stand-in's group has none. (The first page's sections may show an item the
        // later pages list again.)
        links.sort();
        links.dedup();
        let index = pamir_db::items::visible_index(site.db(), site.site, support::demo_day()).await.expect("index");
        let group_of = |url: &str| {
            let lang = &url[1..3];
            let slug = url.rsplit('/').next().unwrap_or("");
            index.iter().find(|e| e.lang == lang && e.slug == slug).map(|e| e.group_id).expect("a listed item")
        };
        let groups: Vec<i64> = links.iter().map(|url| group_of(url)).collect();
        let mut unique = groups.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), groups.len(), "{}: no item listed twice in two languages", site.backend);
        for url in links.iter().filter(|url| !url.starts_with("/tg/")) {
            let group = group_of(url);
            assert!(!index.iter().any(|e| e.group_id == group && e.lang == "tg"), "{url} has a Tajik version");
            if url.starts_with("/en/") {
                assert!(
                    !index.iter().any(|e| e.group_id == group && e.lang == "ru"),
                    "{url}: Russian comes before English"
                );
            }
        }
    }
}
