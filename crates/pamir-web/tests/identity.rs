//! The site looks like its organisation: name, logo, brand colour and the
//! footer's links come from the settings, and a colour that would make text
//! unreadable is refused, naming the pair that fails.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::http::StatusCode;
use pamir_domain::Role;
use support::TestSite;
use support::admin::{self, pairs, set, signed_in};

#[tokio::test]
async fn the_demo_wears_its_organisations_name_logo_and_colour() {
    let site = TestSite::sqlite().await;
    let page = site.get("/en/").await;
    let header = page.body.split("<header").nth(1).unwrap().split("</header>").next().unwrap();
    assert!(header.contains("Northbridge Agency for Migration and Development"), "organisation above the site name");
    assert!(header.contains("<span class=\"site-name\">NAMD Mission in Tajikistan</span>"));
    assert!(
        header
            .contains("<img class=\"logo\" src=\"/media/demo/namd-logo.svg\" width=\"48\" height=\"48\" alt=\"NAMD\">"),
        "{header}"
    );
    assert!(header.contains("role=\"search\""), "a search form in the header");

    let stylesheet = page.body.split("<link rel=\"stylesheet\" href=\"").nth(1).unwrap().split('"').next().unwrap();
    assert!(stylesheet.ends_with(".0e4a5c.css"), "the stylesheet in the brand's palette: {stylesheet}");
    let css = site.get(stylesheet).await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.body.starts_with(":root{--brand:#0e4a5c;"), "{}", &css.body[..80]);
    assert!(css.header("cache-control").contains("immutable"));

    let footer = page.body.split("<footer").nth(1).unwrap().split("</footer>").next().unwrap();
    assert!(footer.contains("48 Sadriddin Aini Street"), "the address");
    assert!(footer.contains("href=\"tel:+992372214560\""), "the phone");
    assert!(footer.contains("+992 37 221 45 61"), "the fax");
    assert!(!footer.contains("mission.tajikistan@namd.example"), "the e-mail only cloaked");
    assert!(footer.contains("data-e=\""), "the e-mail, for the script to put together");
    assert!(footer.contains("href=\"https://telegram.example/namd_tj\" rel=\"me\">Telegram</a>"), "social accounts");
    assert!(footer.contains("href=\"/en/facts-and-figures\">Facts and figures</a>"), "key pages");
    let russian = site.get("/ru/").await;
    assert!(russian.body.contains("href=\"/ru/contact\">Контакты</a>"), "key pages in the reader's language");
}

#[tokio::test]
async fn a_pale_brand_colour_is_refused_naming_the_pair_and_a_dark_one_taken() {
    let site = TestSite::sqlite().await;
    let administrator = signed_in(&site, Role::Administrator).await;
    let page = administrator.get("/admin/settings").await;
    let mut fields = admin::form_fields_at(&page.body, "/admin/settings");
    assert!(fields.iter().any(|(n, v)| n == "brand_colour" && v == "#0e4a5c"), "the demo's colour is shown");

    set(&mut fields, "brand_colour", "#f5e663");
    let refused = administrator.post("/admin/settings", &pairs(&fields)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("White text on the brand colour (the header, buttons) has a contrast of 1."),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("value=\"#f5e663\""), "what was typed stays in the form");
    assert!(site.get("/en/").await.body.contains(".0e4a5c.css"), "the site keeps its colour");

    set(&mut fields, "brand_colour", "not a colour");
    let unreadable = administrator.post("/admin/settings", &pairs(&fields)).await;
    assert_eq!(unreadable.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unreadable.body.contains("is not a colour"), "{}", unreadable.body);

    set(&mut fields, "brand_colour", "#7a1f2b");
    set(&mut fields, "social", "Mastodon | javascript:alert(1)");
    let bad_link = administrator.post("/admin/settings", &pairs(&fields)).await;
    assert_eq!(bad_link.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_link.body.contains("Each social account is a web address"), "{}", bad_link.body);

    set(&mut fields, "social", "Mastodon | https://mastodon.example/@namd");
    set(&mut fields, "section_opinion", "0");
    let saved = administrator.post("/admin/settings", &pairs(&fields)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let front = site.get("/en/").await;
    assert!(front.body.contains(".7a1f2b.css"), "the new colour");
    assert!(front.body.contains("https://mastodon.example/@namd"));
    assert!(!front.body.contains("id=\"front-opinion-title\""), "a section set to 0 is hidden");
    assert!(front.body.contains("id=\"front-events-title\""));
}

#[tokio::test]
async fn the_front_page_has_a_lead_story_and_sections_with_something_to_show() {
    let site = TestSite::sqlite().await;
    let page = site.get("/en/").await;
    let main = support::main_of(&page.body);
    let lead = main.find("class=\"lead-story\"").expect("lead story");
    let row = main.find("class=\"featured-row\"").expect("featured row");
    let news = main.find("id=\"front-news-title\"").expect("news");
    let events = main.find("id=\"front-events-title\"").expect("upcoming events");
    assert!(lead < row && row < news && news < events, "lead, featured row, then the sections in order");
    let events_section = &main[events..main[events..].find("</section>").unwrap() + events];
    assert!(events_section.contains("Safe Migration and Jobs Fair in Khujand"), "the next event");
    assert!(events_section.contains("(closed)"), "its call for entries has closed");
    let facts = main.find("id=\"front-facts-title\"").expect("facts and figures");
    assert!(main[facts..].contains("<cite>"), "facts cite their source");
    assert!(main[facts..].contains("<span class=\"key-figure-value\">71%</span>"), "and lead with their figure");
    // A site whose items are all of one kind shows no empty sections.
    assert!(!main.contains("<div class=\"cards\"></div>") && !main.contains("<ul class=\"event-list\"></ul>"));
}

#[tokio::test]
async fn an_svg_logo_from_the_media_library_is_written_again_and_shown_with_its_alt_text() {
    let site = TestSite::sqlite().await;
    let administrator = signed_in(&site, Role::Administrator).await;
    let drawing = br##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="120" height="60" viewBox="0 0 120 60">
<metadata>exported</metadata>
<rect width="120" height="60" rx="8" fill="#7a1f2b" inkscape:label="band"/>
<text x="60" y="38" font-size="24" text-anchor="middle" fill="#fff">KGZ</text>
</svg>"##;
    let uploaded = administrator.upload(&[("alt_en", "Mission in Kyrgyzstan")], "logo.svg", drawing).await;
    assert_eq!(uploaded.status, StatusCode::SEE_OTHER, "{}", uploaded.body);
    let en = pamir_domain::Lang::parse("en").unwrap();
    let found = pamir_db::media::list(site.db(), site.site, &en, &en, "kyrgyzstan", 5, 0).await.unwrap();
    let logo = found.first().expect("the drawing is in the library");
    assert_eq!((logo.mime_type.as_str(), logo.width, logo.height), ("image/svg+xml", 120, 60));
    let served = site.get(&format!("/media/{}", logo.path)).await;
    assert_eq!(served.status, StatusCode::OK);
    assert!(served.header("content-security-policy").contains("sandbox"));
    assert!(
        served.body.contains(">KGZ</text>") && !served.body.contains("inkscape") && !served.body.contains("exported"),
        "{}",
        served.body
    );

    let hostile = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect onclick="alert(1)"/></svg>"#;
    let refused = administrator.upload(&[("alt_en", "Trap")], "trap.svg", hostile).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("an event handler (onclick)"), "{}", refused.body);

    let page = administrator.get("/admin/settings").await;
    let mut fields = admin::form_fields_at(&page.body, "/admin/settings");
    set(&mut fields, "logo", &logo.id.to_string());
    assert_eq!(administrator.post("/admin/settings", &pairs(&fields)).await.status, StatusCode::SEE_OTHER);
    let front = site.get("/en/").await;
    let expected = format!(
        "<img class=\"logo\" src=\"/media/{}\" width=\"96\" height=\"48\" alt=\"Mission in Kyrgyzstan\">",
        logo.path
    );
    assert!(front.body.contains(&expected), "{}", front.body);
}
