//! `/robots.txt` and `/sitemap.xml` as crawlers read them.

mod support;

use axum::http::StatusCode;
use pamir_core::items::ItemInput;
use support::TestSite;

/// Checks well-formedness with xmllint when the machine has it (CI does).
fn assert_well_formed(xml: &str) {
    let Ok(mut child) = std::process::Command::new("xmllint")
        .args(["--noout", "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("skipped: xmllint not found, XML well-formedness not checked");
        return;
    };
    use std::io::Write;
    child.stdin.take().expect("stdin").write_all(xml.as_bytes()).expect("write");
    let output = child.wait_with_output().expect("xmllint runs");
    assert!(output.status.success(), "xmllint: {}", String::from_utf8_lossy(&output.stderr));
}

#[tokio::test]
async fn robots_txt_points_to_the_sitemap() {
    let site = TestSite::sqlite().await;
    let robots = site.get_with("/robots.txt", &[("host", "tj.example.org")]).await;
    assert_eq!(robots.status, StatusCode::OK);
    assert!(robots.header("content-type").starts_with("text/plain"));
    assert!(robots.body.contains("Sitemap: http://tj.example.org/sitemap.xml"), "{}", robots.body);
    assert!(robots.body.contains("Disallow: /admin/"));
}

#[tokio::test]
async fn the_sitemap_lists_every_public_page_with_its_languages() {
    for site in TestSite::all().await {
        let en = pamir_domain::Lang::parse("en").expect("en");
        let news = pamir_db::categories::list(site.db(), site.site, &en).await.expect("categories");
        let news = news.iter().find(|c| c.slug == "news").expect("news").id;
        let mut draft = ItemInput::article(site.site, en.clone(), news, "Not yet public");
        draft.state = pamir_domain::ItemState::Draft;
        pamir_core::items::create(&site.core, draft).await.expect("draft");
        let mut later = ItemInput::article(site.site, en, news, "Scheduled for tomorrow");
        later.publish_up = Some(support::demo_day() + chrono::Duration::days(1));
        pamir_core::items::create(&site.core, later).await.expect("scheduled");

        let sitemap = site.get_with("/sitemap.xml", &[("host", "tj.example.org")]).await;
        assert_eq!(sitemap.status, StatusCode::OK, "{}", site.backend);
        assert!(sitemap.header("content-type").starts_with("application/xml"));
        let xml = &sitemap.body;
        assert_well_formed(xml);
        assert!(xml.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"));
        for loc in [
            "http://tj.example.org/en/",
            "http://tj.example.org/tg/",
            "http://tj.example.org/en/news/press-releases/",
            "http://tj.example.org/en/op-eds/remittances-keep-families-afloat",
        ] {
            assert!(xml.contains(&format!("<loc>{loc}</loc>")), "{loc} listed");
        }
        assert!(!xml.contains("not-yet-public") && !xml.contains("scheduled-for-tomorrow"), "only visible items");
        // 31 demo items + 3 front pages + category pages in three languages.
        let urls = xml.matches("<url>").count();
        assert!(urls >= 31 + 3 + 7, "{urls} addresses");

        // The op-ed's entry names its Russian version, and the Russian entry names it back.
        let entry = |loc: &str| -> String {
            let start = xml.find(&format!("<loc>{loc}</loc>")).expect("entry");
            xml[start..].split("</url>").next().expect("url").to_owned()
        };
        let english = entry("http://tj.example.org/en/op-eds/remittances-keep-families-afloat");
        assert!(english.contains("<lastmod>"));
        let ru_href =
            english.split("hreflang=\"ru\" href=\"").nth(1).and_then(|r| r.split('"').next()).expect("ru alternate");
        let russian = entry(ru_href);
        assert!(
            russian
                .contains("hreflang=\"en\" href=\"http://tj.example.org/en/op-eds/remittances-keep-families-afloat\"")
        );
    }
}

#[tokio::test]
async fn sitemap_parts_that_do_not_exist_are_404() {
    let site = TestSite::sqlite().await;
    for path in ["/sitemaps/2.xml", "/sitemaps/0.xml", "/sitemaps/x.xml"] {
        assert_eq!(site.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(site.get("/sitemaps/1.xml").await.status, StatusCode::OK);
}
