//! Events as iCalendar, as calendar applications read them.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::http::StatusCode;
use support::TestSite;

/// The content lines of a calendar, unfolded, after checking the folding.
fn unfold(body: &str) -> Vec<String> {
    assert!(body.ends_with("\r\n"), "lines end with CRLF");
    for line in body.split("\r\n") {
        assert!(line.len() <= 75, "a line of {} octets: {line}", line.len());
    }
    body.trim_end_matches("\r\n").replace("\r\n ", "").split("\r\n").map(str::to_owned).collect()
}

#[tokio::test]
async fn upcoming_events_as_icalendar() {
    for site in TestSite::all().await {
        let response = site.get_with("/en/events.ics", &[("host", "tj.example.org")]).await;
        assert_eq!(response.status, StatusCode::OK, "{}", site.backend);
        assert!(response.header("content-type").starts_with("text/calendar"));
        let lines = unfold(&response.body);
        assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
        assert!(lines.contains(&"VERSION:2.0".to_owned()));
        let summaries: Vec<&String> = lines.iter().filter(|l| l.starts_with("SUMMARY:")).collect();
        assert!(summaries.iter().any(|s| s.contains("Roads and Roots Film Festival 2026")), "{summaries:?}");
        assert!(
            !summaries.iter().any(|s| s.contains("round table") || s.contains("Round table")),
            "past events are left out"
        );
        assert!(lines.iter().any(|l| l.starts_with("DTSTART:20261210T")), "UTC start");
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("URL:http://tj.example.org/en/events/roads-and-roots-film-festival-2026"))
        );
        assert!(lines.iter().filter(|l| l.starts_with("SUMMARY:")).all(|l| !l[8..].contains('\n')));
        assert_eq!(
            lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(),
            lines.iter().filter(|l| *l == "END:VEVENT").count()
        );
    }
}

#[tokio::test]
async fn each_event_offers_its_own_calendar_file() {
    let site = TestSite::sqlite().await;
    let page = site.get("/en/events/roads-and-roots-film-festival-2026").await;
    assert!(page.body.contains("href=\"/en/events/roads-and-roots-film-festival-2026.ics\""), "Add to calendar link");
    let file = site.get("/en/events/roads-and-roots-film-festival-2026.ics").await;
    assert_eq!(file.status, StatusCode::OK);
    let lines = unfold(&file.body);
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 1);
    assert!(lines.iter().any(|l| l.starts_with("DESCRIPTION:") && l.contains("Call for entries closes")));
    assert_eq!(
        site.get("/en/op-eds/remittances-keep-families-afloat.ics").await.status,
        StatusCode::NOT_FOUND,
        "not an event"
    );
    assert_eq!(site.get("/ru/events.ics").await.status, StatusCode::OK);
}
