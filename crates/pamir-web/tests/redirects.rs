//! Old addresses keep working: stored redirects answer 301 (query-string
//! addresses too), and unknown addresses readers ask for are counted for an
//! editor to map in the admin.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::http::StatusCode;
use pamir_domain::Role;
use support::TestSite;
use support::admin::signed_in;

#[tokio::test]
async fn stored_redirects_answer_301_however_the_old_address_is_spelt() {
    for site in TestSite::all().await {
        pamir_core::imports::add_redirects(
            &site.core,
            site.site,
            &[("/?p=12".to_string(), "/en/news/".to_string())],
            "wordpress",
        )
        .await
        .expect("stored");
        pamir_core::imports::add_redirects(
            &site.core,
            site.site,
            &[("/2011/01/hello-world".to_string(), "/en/stories/".to_string())],
            "wordpress",
        )
        .await
        .expect("stored");
        for old in ["/?p=12", "/index.php?p=12", "/?p=12&utm_source="] {
            let response = site.get(old).await;
            assert!(
                response.status == StatusCode::MOVED_PERMANENTLY || response.status == StatusCode::PERMANENT_REDIRECT,
                "{}: {old}: {}",
                site.backend,
                response.status
            );
            assert_eq!(response.header("location"), "/en/news/", "{old}");
        }
        let permalink = site.get("/2011/01/hello-world/").await;
        assert_eq!(permalink.header("location"), "/en/stories/");
        assert_eq!(site.get("/en/").await.status, StatusCode::OK, "real pages are untouched");
    }
}

#[tokio::test]
async fn tracking_parameters_and_encoded_cyrillic_reach_the_same_page() {
    for site in TestSite::all().await {
        let stored = [
            ("/some-post".to_string(), "/en/news/some-post".to_string()),
            ("/?p=16".to_string(), "/en/news/post-16".to_string()),
            // As an import stores a Cyrillic alias now: decoded.
            (
                pamir_core::redirects::normalise("/%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d1%8c/", None),
                "/ru/news/".into(),
            ),
            // As an earlier import stored one: encoded, in lower case.
            ("/%d0%b4%d0%b0".to_string(), "/ru/".to_string()),
            ("/old-ru".to_string(), "/ru/news/новость".to_string()),
        ];
        pamir_core::imports::add_redirects(&site.core, site.site, &stored, "wordpress").await.expect("stored");
        for (old, new) in [
            ("/some-post/?utm_source=newsletter&utm_medium=email", "/en/news/some-post"),
            ("/some-post?fbclid=IwAR0abc", "/en/news/some-post"),
            ("/?p=16&utm_source=x", "/en/news/post-16"),
            ("/?gclid=1&p=16&mc_cid=2&mc_eid=3", "/en/news/post-16"),
            ("/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D1%8C/", "/ru/news/"),
            ("/%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d1%8c", "/ru/news/"),
            ("/%D0%B4%D0%B0", "/ru/"),
            ("/old-ru", "/ru/news/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D1%8C"),
        ] {
            let response = site.get(old).await;
            assert_eq!(response.status, StatusCode::MOVED_PERMANENTLY, "{}: {old}", site.backend);
            assert_eq!(response.header("location"), new, "{old}");
        }
    }
}

#[tokio::test]
async fn joomla_links_reach_their_article_whatever_menu_they_came_through() {
    for site in TestSite::all().await {
        // As the Joomla importer stores them.
        let article = pamir_core::redirects::normalise("/", Some("option=com_content&view=article&id=24"));
        pamir_core::imports::add_redirects(
            &site.core,
            site.site,
            &[(article.clone(), "/en/news/water".to_string())],
            "joomla",
        )
        .await
        .expect("stored");
        let sef = "/component/content/article/24-water";
        pamir_core::imports::add_redirects(
            &site.core,
            site.site,
            &[(sef.to_string(), "/en/news/water".to_string())],
            "joomla",
        )
        .await
        .expect("stored");
        for old in [
            "/index.php?option=com_content&view=article&id=24",
            "/index.php?option=com_content&view=article&id=24:water&catid=9&Itemid=435",
            "/index.php?Itemid=101&id=24&view=article&option=com_content",
            "/index.php/component/content/article/24-water?catid=9&Itemid=101",
            "/component/content/article/24-water",
        ] {
            let response = site.get(old).await;
            assert_eq!(response.status, StatusCode::MOVED_PERMANENTLY, "{}: {old}", site.backend);
            assert_eq!(response.header("location"), "/en/news/water", "{old}");
        }
        let other = site.get("/index.php?option=com_content&view=article&id=25&Itemid=435").await;
        assert_eq!(other.status, StatusCode::NOT_FOUND, "{}: another article is not this one", site.backend);
    }
}

#[tokio::test]
async fn editors_find_one_redirect_among_thousands() {
    for site in TestSite::all().await {
        let many: Vec<(String, String)> =
            (1..=450).map(|n| (format!("/component/content/article/{n}"), format!("/en/news/story-{n}"))).collect();
        pamir_core::imports::add_redirects(&site.core, site.site, &many, "joomla").await.expect("stored");
        let editor = signed_in(&site, Role::Editor).await;
        let first = editor.get("/admin/redirects").await;
        assert_eq!(first.status, StatusCode::OK, "{}", first.body);
        assert!(first.body.contains("450 redirects"), "{}: {}", site.backend, first.body);
        assert!(first.body.contains("Page 1 of 3") && first.body.contains("rel=\"next\""), "a page at a time");
        let last = editor.get("/admin/redirects?q=&page=3").await;
        assert!(last.body.contains("Page 3 of 3") && !last.body.contains("rel=\"next\""));

        let found = editor.get("/admin/redirects?q=STORY-417").await;
        assert!(found.body.contains(">1 redirect</p>"), "{}", found.body);
        assert!(
            found.body.contains("<code>/component/content/article/417</code>"),
            "found by its new address, any case"
        );
        let literal = editor.get("/admin/redirects?q=%25").await;
        assert_eq!(literal.status, StatusCode::OK);
        assert!(literal.body.contains(">0 redirects</p>"), "LIKE's wildcards are taken literally: {}", literal.body);
    }
}

#[tokio::test]
async fn unknown_addresses_are_listed_for_editors_to_map() {
    let site = TestSite::sqlite().await;
    for _ in 0..3 {
        assert_eq!(site.get("/old-site/about-us.html").await.status, StatusCode::NOT_FOUND);
    }
    site.get("/admin/nothing").await;
    site.get("/api/v1/nothing").await;
    let editor = signed_in(&site, Role::Editor).await;
    let page = editor.get("/admin/redirects").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<code>/old-site/about-us.html</code></td><td>3</td>"), "{}", page.body);
    assert!(
        !page.body.contains("/admin/nothing") && !page.body.contains("/api/v1/nothing"),
        "only reader pages are counted"
    );

    let refused =
        editor.post("/admin/redirects", &[("old", "/old-site/about-us.html"), ("target", "javascript:alert(1)")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mapped =
        editor.post("/admin/redirects", &[("old", "/old-site/about-us.html"), ("target", "/en/contact")]).await;
    assert_eq!(mapped.status, StatusCode::SEE_OTHER, "{}", mapped.body);
    let followed = site.get("/old-site/about-us.html").await;
    assert_eq!(followed.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(followed.header("location"), "/en/contact");
    let after = editor.get("/admin/redirects").await;
    assert!(!after.body.contains("<code>/old-site/about-us.html</code></td><td>3</td>"), "mapped: no longer unknown");
    assert!(after.body.contains("value=\"/en/contact\""));
    let author = signed_in(&site, Role::Author).await;
    assert_eq!(author.get("/admin/redirects").await.status, StatusCode::FORBIDDEN);
}
