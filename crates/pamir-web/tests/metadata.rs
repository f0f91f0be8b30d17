//! What pages tell search engines and link previews: description,
//! OpenGraph and Twitter tags, JSON-LD from the typed fields, absolute links.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use serde_json::Value;
use support::TestSite;

fn json_ld(html: &str) -> Value {
    let start = html.find("<script type=\"application/ld+json\">").expect("JSON-LD") + 35;
    let end = start + html[start..].find("</script>").expect("end of JSON-LD");
    serde_json::from_str(&html[start..end]).unwrap_or_else(|e| panic!("JSON-LD is not JSON: {e}"))
}

fn meta<'a>(html: &'a str, attribute: &str) -> &'a str {
    let marker = format!("{attribute}\" content=\"");
    let start = html.find(&marker).unwrap_or_else(|| panic!("no {attribute}")) + marker.len();
    html[start..].split('"').next().unwrap_or("")
}

#[tokio::test]
async fn an_op_ed_describes_itself_as_an_opinion_article() {
    let site = TestSite::sqlite().await;
    let page = site.get_with("/en/op-eds/remittances-keep-families-afloat", &[("host", "mission.example")]).await;
    let html = &page.body;
    assert!(meta(html, "name=\"description").starts_with("Money sent home by migrants"));
    assert_eq!(meta(html, "property=\"og:type"), "article");
    assert_eq!(meta(html, "property=\"og:title"), "Remittances keep families afloat. They could also build the future");
    assert_eq!(meta(html, "property=\"og:url"), "http://mission.example/en/op-eds/remittances-keep-families-afloat");
    assert!(meta(html, "property=\"og:image").starts_with("http://mission.example/media/demo/"));
    assert_eq!(meta(html, "name=\"twitter:card"), "summary_large_image");
    assert!(html.contains(
        "<link rel=\"canonical\" href=\"http://mission.example/en/op-eds/remittances-keep-families-afloat\">"
    ));
    let data = json_ld(html);
    let article = &data[0];
    assert_eq!(article["@type"], "OpinionNewsArticle");
    assert_eq!(article["author"]["name"], "Nodira Karimova, Chief of Mission");
    assert_eq!(article["dateline"], "Dushanbe");
    assert_eq!(article["inLanguage"], "en");
    let crumbs = &data[1];
    assert_eq!(crumbs["@type"], "BreadcrumbList");
    assert_eq!(crumbs["itemListElement"][1]["name"], "Op-eds");
}

#[tokio::test]
async fn events_galleries_and_facts_carry_their_typed_fields() {
    let site = TestSite::sqlite().await;
    let event = json_ld(&site.get("/en/events/roads-and-roots-film-festival-2026").await.body);
    assert_eq!(event[0]["@type"], "Event");
    assert!(event[0]["startDate"].as_str().is_some_and(|d| d.starts_with("2026-12-10")));
    assert!(event[0]["location"]["name"].is_string());
    let gallery = json_ld(&site.get("/en/photo-stories/my-road-home-exhibition").await.body);
    assert_eq!(gallery[0]["@type"], "ImageGallery");
    assert!(gallery[0]["image"].as_array().is_some_and(|images| images.len() >= 3));
    let facts = json_ld(&site.get("/en/facts-and-figures/remittances-to-tajikistan-2025").await.body);
    assert_eq!(facts[0]["@type"], "NewsArticle");
    assert!(facts[0]["citation"]["name"].is_string(), "the source report is cited");
}

#[tokio::test]
async fn the_contact_page_describes_the_organization_without_its_email() {
    let site = TestSite::sqlite().await;
    let page = site.get("/en/contact").await;
    let organization = json_ld(&page.body);
    assert_eq!(organization["@type"], "Organization");
    assert_eq!(organization["contactPoint"][0]["telephone"], "+992 37 221 45 60");
    assert!(organization["faxNumber"].is_string());
    assert!(!page.body.contains("namd.example"), "the address stays cloaked");
}

#[tokio::test]
async fn a_forged_host_header_cannot_inject_markup() {
    let site = TestSite::sqlite().await;
    let page = site.get_with("/en/", &[("host", "evil.example\"><script>")]).await;
    assert!(!page.body.contains("<script>"), "the Host is not trusted as it came");
    assert!(page.body.contains("href=\"http://localhost/en/\""));
}

#[tokio::test]
async fn pages_cached_for_one_host_are_not_served_to_another() {
    let site = TestSite::sqlite().await;
    let first = site.get_with("/en/", &[("host", "one.example")]).await;
    assert!(first.body.contains("href=\"http://one.example/en/\""));
    let second = site.get_with("/en/", &[("host", "two.example")]).await;
    assert!(second.body.contains("href=\"http://two.example/en/\""), "absolute links follow the host");
}
