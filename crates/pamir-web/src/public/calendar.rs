//! Events as iCalendar (RFC 5545): `/{lang}/events.ics` for every upcoming
//! event, and `{event address}.ics` for one ("Add to calendar").

use crate::error::PageError;
use crate::public::Reader;
use crate::state::AppState;
use crate::view::urls;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use pamir_domain::{Item, ItemKind};

/// More upcoming events than any mission announces at once.
const CALENDAR_SIZE: u32 = 200;

pub async fn upcoming(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Result<Response, PageError> {
    let reader = Reader::new(&state, &headers, &uri).await?;
    let events =
        pamir_db::items::upcoming_events(&state.core.db, reader.site, &reader.lang, reader.now, CALENDAR_SIZE).await?;
    Ok(respond(calendar(&reader, &events)))
}

/// One event's calendar, for its "Add to calendar" link; `None` if the item is not an event.
pub fn single(reader: &Reader, item: &Item) -> Option<Response> {
    (item.kind == ItemKind::Event && item.event.is_some())
        .then(|| respond(calendar(reader, std::slice::from_ref(item))))
}

fn respond(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/calendar; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300")),
        ],
        body,
    )
        .into_response()
}

fn calendar(reader: &Reader, events: &[Item]) -> String {
    let site_name = reader.settings.name.get(&reader.lang, &reader.settings.default_lang);
    let host = reader.origin.split("://").nth(1).unwrap_or("localhost");
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!("PRODID:-//pamir//{}//{}", escape(site_name), reader.code().to_uppercase()),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!("X-WR-CALNAME:{}", escape(site_name)),
        // Times below are UTC instants, which every calendar converts; this
        // tells calendars that show one zone which one the site lives in.
        format!("X-WR-TIMEZONE:{}", reader.settings.time_zone.name()),
    ];
    for item in events {
        let Some(event) = &item.event else { continue };
        let url = format!("{}{}", reader.origin, urls::item(reader.code(), &reader.tree, item.category_id, &item.slug));
        lines.push("BEGIN:VEVENT".to_owned());
        lines.push(format!("UID:item-{}@{}", item.id, host));
        lines.push(format!("DTSTAMP:{}", utc(item.updated_at)));
        lines.push(format!("DTSTART:{}", utc(event.starts_at)));
        if let Some(ends) = event.ends_at {
            lines.push(format!("DTEND:{}", utc(ends)));
        }
        lines.push(format!("SUMMARY:{}", escape(&item.title)));
        let mut description = pamir_content::plain_text(&item.teaser_markdown);
        if let Some(deadline) = event.entries_deadline {
            description.push_str(&format!(
                "\n\n{}: {}",
                crate::i18n::text(reader.code(), "event-deadline", &[]),
                crate::view::DateView::with_time(reader.code(), reader.time(), deadline).text
            ));
        }
        lines.push(format!("DESCRIPTION:{}", escape(&description)));
        if let Some(venue) = &event.venue {
            lines.push(format!("LOCATION:{}", escape(venue)));
        }
        lines.push(format!("URL:{url}"));
        lines.push("END:VEVENT".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|line| fold(line)).collect::<Vec<_>>().join("")
}

fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// TEXT value escaping (RFC 5545 3.3.11).
pub fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace(['\n', '\r'], "\\n")
}

/// A content line folded at 75 octets, never inside a UTF-8 character, ended by CRLF (RFC 5545 3.1).
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut octets = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        // Continuation lines start with a space, which counts towards their 75.
        if octets + width > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += width;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_values() {
        assert_eq!(
            escape("Hall 2; Dushanbe, Tajikistan\nback\\slash"),
            "Hall 2\\; Dushanbe\\, Tajikistan\\nback\\\\slash"
        );
    }

    #[test]
    fn folds_long_lines_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "Фестивали филм ".repeat(10));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        for physical in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(physical.len() <= 75, "{} octets: {physical}", physical.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(fold("SHORT:x"), "SHORT:x\r\n");
    }
}
