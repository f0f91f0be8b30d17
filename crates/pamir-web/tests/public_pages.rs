//! What a reader gets: the front page, items, categories, tags, languages.
//! Every test runs on SQLite, and on PostgreSQL when it is configured.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::http::StatusCode;
use support::{TestSite, count, links_with_class};

#[tokio::test]
async fn root_redirects_to_the_readers_language() {
    for site in TestSite::all().await {
        let cases = [("ru-RU,ru;q=0.9,en;q=0.8", "/ru/"), ("tg", "/tg/"), ("de-DE,fr;q=0.5", "/en/"), ("", "/en/")];
        for (accept, expected) in cases {
            let response = site.get_with("/", &[("accept-language", accept)]).await;
            assert_eq!(response.status, StatusCode::FOUND, "{}", site.backend);
            assert_eq!(response.header("location"), expected, "Accept-Language {accept:?} on {}", site.backend);
            assert!(response.header("vary").contains("Accept-Language"));
        }
    }
}

#[tokio::test]
async fn every_language_front_page_has_the_right_html_lang() {
    for site in TestSite::all().await {
        for lang in ["en", "ru", "tg"] {
            let page = site.get(&format!("/{lang}/")).await;
            assert_eq!(page.status, StatusCode::OK, "/{lang}/ on {}", site.backend);
            assert!(page.body.contains(&format!("<html lang=\"{lang}\">")), "/{lang}/ on {}", site.backend);
        }
        assert!(site.get("/ru/").await.body.contains("Подробнее"));
        assert!(site.get("/tg/").await.body.contains("Муфассалтар"), "Tajik 'Read more'");
        let bare = site.get("/en").await;
        assert_eq!(bare.status, StatusCode::PERMANENT_REDIRECT);
        assert_eq!(bare.header("location"), "/en/");
    }
}

#[tokio::test]
async fn front_page_leads_with_the_featured_items_in_featured_order() {
    for site in TestSite::all().await {
        let page = site.get("/en/").await;
        let links = support::front_links(&page.body);
        // The demo's featured order starts with the film festival, then the contest results.
        assert_eq!(links[0], "/en/events/roads-and-roots-film-festival-2026", "the lead story ({})", site.backend);
        let lead = page.body.split("<article class=\"lead-story\"").nth(1).expect("a lead story");
        assert!(lead.split("</article>").next().unwrap().contains("Roads and Roots Film Festival 2026"));
        let row = page.body.split("<section class=\"featured-row\"").nth(1).expect("featured row");
        let row = support::front_links(&format!("<main{}</main>", row.split("</section>").next().unwrap()));
        assert_eq!(row.len(), 3, "three featured cards under the lead: {row:?}");
        assert_eq!(row[0], "/en/news/winners-of-my-road-home-photo-contest");
        assert!(page.body.contains("class=\"teaser\""));
        assert!(page.body.contains("<img class=\"card-image\""));
        assert!(page.body.contains("<img class=\"lead-story-image\""));
        assert!(page.body.contains("href=\"/en/?page=2\""), "older items are a link away");

        let second = site.get("/en/?page=2").await;
        assert_eq!(second.status, StatusCode::OK);
        let second_links = links_with_class(&second.body, "read-more");
        assert!(
            !second_links.is_empty() && second_links.iter().all(|l| !links[..4].contains(l)),
            "page 2 continues after the lead and featured row"
        );
        assert!(second.body.contains("rel=\"prev\" href=\"/en/\""));
        assert_eq!(site.get("/en/?page=99").await.status, StatusCode::NOT_FOUND, "past the last page");
    }
}

#[tokio::test]
async fn after_the_featured_items_the_front_page_lists_the_newest() {
    let site = TestSite::sqlite().await;
    let en = pamir_domain::Lang::parse("en").expect("en");
    let news = pamir_db::categories::list(site.db(), site.site, &en).await.expect("categories");
    let news = news.iter().find(|c| c.slug == "news").expect("news").id;
    let mut input = pamir_core::items::ItemInput::article(site.site, en, news, "Not featured but newest");
    input.published_at = Some(support::demo_day() + chrono::Duration::minutes(1));
    pamir_core::items::create(&site.core, input).await.expect("created");
    // Pages after the first list the front page's items in order, as cards.
    let mut links = Vec::new();
    for page in 2..=20 {
        let response = site.get(&format!("/en/?page={page}")).await;
        if response.status == StatusCode::NOT_FOUND {
            break;
        }
        links.extend(links_with_class(&response.body, "read-more"));
    }
    let newest = links.iter().position(|l| l == "/en/news/not-featured-but-newest").expect("listed");
    let featured = pamir_db::items::list(
        site.db(),
        site.site,
        &pamir_domain::Lang::parse("en").expect("en"),
        &pamir_db::items::Listing::Featured,
        support::demo_day(),
        100,
        0,
    )
    .await
    .expect("list");
    let featured_count = featured.items.iter().filter(|i| i.featured).count();
    assert!(featured_count > 0);
    let first_page = 6; // the demo's front page size
    assert_eq!(newest + first_page, featured_count, "first after the {featured_count} featured items: {links:?}");
}

#[tokio::test]
async fn malformed_page_numbers_are_a_clear_bad_request() {
    let site = TestSite::sqlite().await;
    for bad in ["abc", "0", "-1", "1.5", "99999999999", ""] {
        let page = site.get(&format!("/en/?page={bad}")).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "?page={bad}");
        assert!(page.body.contains("<h1>Bad request</h1>"), "themed: {}", page.body);
    }
    let page = site.get("/en/news/?page=x").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_op_ed_shows_title_byline_dateline_date_category_and_tags() {
    for site in TestSite::all().await {
        let page = site.get("/en/op-eds/remittances-keep-families-afloat").await;
        assert_eq!(page.status, StatusCode::OK, "{}", site.backend);
        let html = &page.body;
        assert_eq!(count(html, "<h1"), 1, "the title is the only h1");
        assert!(html.contains("<h1>Remittances keep families afloat. They could also build the future</h1>"));
        assert!(html.contains("By Nodira Karimova, Chief of Mission"));
        let dateline = html.find("<span class=\"dateline\">Dushanbe — </span>").expect("dateline");
        let body = html.find("<div class=\"body\">").expect("body");
        assert!(
            body < dateline && html[dateline..].starts_with("<span class=\"dateline\">Dushanbe — </span>Walk through")
        );
        assert!(
            html.contains("<time datetime=\"2026-07-14\">Published 14 July 2026</time>"),
            "{}",
            &html[html.find("<time").unwrap_or(0)..][..120]
        );
        assert!(html.contains("<a href=\"/en/op-eds/\">Op-eds</a>"));
        let tags = &html[html.find("class=\"tags\"").expect("tags")..];
        assert!(tags.contains("href=\"/en/tags/"));
        assert!(html.contains("<blockquote>"), "Markdown rendered");
        assert!(html.contains("class=\"footnotes\""), "footnotes rendered");
    }
}

#[tokio::test]
async fn typed_items_show_their_fields() {
    for site in TestSite::all().await {
        let facts = site.get("/en/facts-and-figures/remittances-to-tajikistan-2025").await;
        assert_eq!(facts.status, StatusCode::OK);
        assert!(facts.body.contains("<h2 id=\"source-title\">Source</h2>"));
        assert!(facts.body.contains("<cite>"));
        assert!(facts.body.contains("<table tabindex=\"0\">"), "GFM table rendered");

        let event = site.get("/en/events/roads-and-roots-film-festival-2026").await;
        assert_eq!(event.status, StatusCode::OK);
        let html = &event.body;
        assert!(html.contains("Event details") && html.contains("Venue"));
        assert!(html.contains("<time datetime=\"2026-12-10T"), "start date");
        assert!(html.contains("<time datetime=\"2026-12-14T"), "end date");
        assert!(html.contains("Call for entries closes"));
        assert!(
            html.contains("<time datetime=\"2026-11-30T23:59:00+05:00\">30 November 2026, 23:59</time>"),
            "the deadline on the site's clock, as the text says: 23:59 Dushanbe time"
        );

        let story = site.get("/en/photo-stories/my-road-home-exhibition").await;
        assert_eq!(story.status, StatusCode::OK, "photo story page");
        let gallery = &story.body[story.body.find("class=\"gallery\"").expect("gallery")..];
        assert!(count(gallery, "<figure>") >= 3);
        assert!(count(gallery, "loading=\"lazy\"") >= 3);
        assert!(gallery.contains("<figcaption>") && gallery.contains("class=\"credit\">Photo: NAMD / Illustration"));
        assert!(!gallery.contains("alt=\"\""), "every gallery image has alt text");
    }
}

#[tokio::test]
async fn nested_categories_and_their_pages() {
    for site in TestSite::all().await {
        let releases = site.get("/en/news/press-releases/").await;
        assert_eq!(releases.status, StatusCode::OK, "{}", site.backend);
        assert!(releases.body.contains("<h1>Press releases</h1>"));
        let release_links = links_with_class(&releases.body, "read-more");
        assert_eq!(release_links.len(), 2);
        assert!(release_links.iter().all(|l| l.starts_with("/en/news/press-releases/")));
        assert!(releases.body.contains("<a href=\"/en/news/\">News</a>"), "breadcrumb to the parent");

        let news = site.get("/en/news/").await;
        let news_links = links_with_class(&news.body, "read-more");
        assert!(release_links.iter().all(|l| news_links.contains(l)), "a category lists its subcategories' items");
        assert!(news.body.contains("href=\"/en/news/press-releases/\""), "subcategory linked");

        let without_slash = site.get("/en/news/press-releases").await;
        assert_eq!(without_slash.status, StatusCode::PERMANENT_REDIRECT);
        assert_eq!(without_slash.header("location"), "/en/news/press-releases/");

        let russian = site.get("/ru/novosti/").await;
        assert_eq!(russian.status, StatusCode::OK, "Russian category slug");
        assert_eq!(site.get("/en/no-such-category/").await.status, StatusCode::NOT_FOUND);
        assert_eq!(site.get("/en/news/no-such-item").await.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn tag_pages_list_tagged_items() {
    for site in TestSite::all().await {
        let item = site.get("/en/op-eds/remittances-keep-families-afloat").await;
        let tags = &item.body[item.body.find("class=\"tags\"").expect("tags")..];
        let start = tags.find("href=\"/en/tags/").expect("tag link") + 6;
        let href = tags[start..].split('"').next().expect("href").to_owned();
        let page = site.get(&href).await;
        assert_eq!(page.status, StatusCode::OK, "{href}");
        let mut listed = links_with_class(&page.body, "read-more");
        if page.body.contains("rel=\"next\"") {
            listed.extend(links_with_class(&site.get(&format!("{href}?page=2")).await.body, "read-more"));
        }
        assert!(listed.contains(&"/en/op-eds/remittances-keep-families-afloat".to_owned()), "{listed:?}");
        assert_eq!(site.get("/en/tags/no-such-tag").await.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn translations_point_at_each_other() {
    for site in TestSite::all().await {
        let english = site.get("/en/op-eds/remittances-keep-families-afloat").await;
        let ru_link = english
            .body
            .split("<link rel=\"alternate\" hreflang=\"ru\" href=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("Russian alternate")
            .to_owned();
        // Absolute, from the Host the request came with (no base URL is configured here).
        let ru_path = ru_link.strip_prefix("http://localhost").expect("absolute alternate").to_owned();
        assert!(ru_path.starts_with("/ru/"), "{ru_link}");
        let russian = site.get(&ru_path).await;
        assert_eq!(russian.status, StatusCode::OK);
        assert!(russian.body.contains("<html lang=\"ru\">"));
        let english_url = "http://localhost/en/op-eds/remittances-keep-families-afloat";
        let back = format!("<link rel=\"alternate\" hreflang=\"en\" href=\"{english_url}\">");
        assert!(russian.body.contains(&back), "and back");
        let x_default = format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{english_url}\">");
        assert!(russian.body.contains(&x_default), "x-default is the default language's version");
        // An item without translations offers the other languages' front pages in the switcher.
        let press = site.get("/en/news/press-releases/").await;
        assert!(press.body.contains("hreflang=\"ru\" lang=\"ru\">Русский</a>"));
    }
}

#[tokio::test]
async fn unknown_languages_and_addresses_get_a_themed_404_in_the_sites_language() {
    let site = TestSite::sqlite().await;
    let english = site.get("/en/nothing/here").await;
    assert_eq!(english.status, StatusCode::NOT_FOUND);
    assert!(english.body.contains("<h1>Page not found</h1>") && english.body.contains("<html lang=\"en\">"));
    let russian = site.get("/ru/nothing").await;
    assert!(russian.body.contains("<html lang=\"ru\">") && russian.body.contains("Страница не найдена"));
    let tajik = site.get("/tg/nothing").await;
    assert!(tajik.body.contains("<html lang=\"tg\">"));
    for path in ["/fr/", "/xx/news/", "/EN/", "/e/", "/../etc/passwd", "/no/such/deep/path"] {
        let page = site.get(path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(page.body.contains("<html lang=\"en\">"), "{path} falls back to the default language");
    }
}

#[tokio::test]
async fn bad_addresses_are_4xx_never_5xx() {
    let site = TestSite::sqlite().await;
    let invalid_utf8 = site.get("/en/news/%FF%FE").await;
    assert_eq!(invalid_utf8.status, StatusCode::BAD_REQUEST);
    assert!(invalid_utf8.body.contains("<h1>Bad request</h1>"));
    let long = format!("/en/{}", "a".repeat(5000));
    assert_eq!(site.get(&long).await.status, StatusCode::URI_TOO_LONG);
    let long_query = format!("/en/?page=1&x={}", "b".repeat(3000));
    let response = site.get(&long_query).await;
    assert_eq!(response.status, StatusCode::URI_TOO_LONG);
    assert!(response.body.contains("Address too long"));
    let post = site.request(axum::http::Request::post("/en/").body(axum::body::Body::empty()).expect("req")).await;
    assert_eq!(post.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(post.body.contains("<h1>Not allowed</h1>"), "405 is themed too");
    assert_eq!(site.get("/media/../pamir.db").await.status, StatusCode::NOT_FOUND);
    assert_eq!(site.get("/media/demo/not-there.svg").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn without_a_translation_the_switcher_leads_to_the_nearest_page() {
    let site = TestSite::sqlite().await;
    let releases = site.get("/en/news/press-releases/").await;
    let release = links_with_class(&releases.body, "read-more").into_iter().next().expect("a press release");
    let page = site.get(&release).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("hreflang=\"ru\" href="), "no Russian alternate is claimed for an untranslated item");
    let switcher = &page.body[page.body.find("class=\"languages\"").expect("switcher")..];
    let ru = switcher.split("<a href=\"").find(|part| part.contains("hreflang=\"ru\"")).expect("Russian link");
    let ru_url = ru.split('"').next().expect("url");
    assert!(ru_url.starts_with("/ru/novosti/") && ru_url.ends_with('/'), "the same category in Russian: {ru_url}");
    assert!(ru.contains("title=\"This page has no translation yet"), "and marked as such");
    assert_eq!(site.get(ru_url).await.status, StatusCode::OK);
}
