//! Dates as each language writes them, from CLDR through ICU4X's compiled
//! data: "14 October 2026", "14 октября 2026 г.". A language CLDR has no
//! date patterns for falls back to the Fluent files' month names, so adding
//! a language never shows readers a bare "2026 M10 14".

use chrono::{Datelike, NaiveDate};
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_locale_core::Locale;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

type Formatter = FixedCalendarDateTimeFormatter<Gregorian, YMD>;

/// English as international organisations write it: day, month, year.
fn locale_for(lang: &str) -> &str {
    match lang {
        "en" => "en-GB",
        other => other,
    }
}

fn new_formatter(locale: &str) -> Option<Formatter> {
    let locale: Locale = locale.parse().ok()?;
    FixedCalendarDateTimeFormatter::try_new(locale.into(), YMD::long()).ok()
}

thread_local! {
    /// Formatters by language, made once per thread (ICU4X's are not `Sync`).
    static FORMATTERS: RefCell<HashMap<String, Option<Rc<Formatter>>>> = RefCell::default();
}

/// The language's formatter, or `None` when CLDR has no patterns for it
/// (its output would be the root locale's).
fn formatter(lang: &str) -> Option<Rc<Formatter>> {
    FORMATTERS.with(|cache| {
        cache
            .borrow_mut()
            .entry(lang.to_owned())
            .or_insert_with(|| {
                let formatter = new_formatter(locale_for(lang))?;
                let root = new_formatter("und")?;
                let probe = Date::try_new_gregorian(2026, 10, 14).ok()?;
                let has_data = formatter.format(&probe).to_string() != root.format(&probe).to_string();
                has_data.then(|| Rc::new(formatter))
            })
            .clone()
    })
}

/// Languages whose CLDR long date is not the one their writers use. Tajik's
/// names the month in the nominative and capitalised ("14 Октябр 2026");
/// Tajik text joins day and month with the izofa ("14 октябри 2026"), which
/// the Fluent file writes.
const WRITTEN_OTHERWISE: &[&str] = &["tg"];

/// The date in CLDR's long form for `lang`, if CLDR has the language.
pub fn long_date(lang: &str, at: NaiveDate) -> Option<String> {
    if WRITTEN_OTHERWISE.contains(&lang) {
        return None;
    }
    let formatter = formatter(lang)?;
    let date = Date::try_new_gregorian(at.year(), u8::try_from(at.month()).ok()?, u8::try_from(at.day()).ok()?).ok()?;
    Some(formatter.format(&date).to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn english_and_russian_dates_come_from_cldr_tajik_from_the_fluent_file() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 10, 14).unwrap_or_default();
        assert_eq!(super::long_date("en", day).as_deref(), Some("14 October 2026"));
        assert_eq!(super::long_date("ru", day).as_deref(), Some("14 октября 2026\u{202f}г."));
        assert_eq!(super::long_date("xx", day), None, "no CLDR data: the caller falls back");
        assert_eq!(super::long_date("tg", day), None, "CLDR's Tajik is nominative");
        assert_eq!(crate::i18n::date("tg", day), "14 октябри 2026");
        let december = chrono::NaiveDate::from_ymd_opt(2026, 12, 10).unwrap_or_default();
        assert_eq!(crate::i18n::date("tg", december), "10 декабри 2026");
        assert_eq!(crate::i18n::date("ru", december), "10 декабря 2026\u{202f}г.");
    }
}
