//! Keeping the demo current without making its text wrong.
//!
//! The demo was written around one day ([`WRITTEN_ON`]). Shifting its dates
//! by the days since would keep events upcoming but leave the text saying
//! "10 to 14 December" above an event box that says 13–17. Moving it by
//! whole years keeps day and month as written, so the only thing to change
//! in the text is the year: every year written in it (dates, titles, slugs,
//! sources) moves by the same number.

use chrono::{DateTime, Datelike, Utc};

/// The day the demo's dates were written around.
pub const WRITTEN_ON: (i32, u32, u32) = (2026, 11, 28);

/// The whole years between the day the demo was written and `now`: 0 until
/// the first anniversary, then 1, and so on. Never negative.
pub fn years_since_written(now: DateTime<Utc>) -> i32 {
    let (year, month, day) = WRITTEN_ON;
    let mut years = now.year() - year;
    if (now.month(), now.day()) < (month, day) {
        years -= 1;
    }
    years.max(0)
}

/// `text` with every year from 2000 to 2099 (a run of exactly four digits)
/// moved forward by `years`.
pub fn move_years(text: &str, years: i32) -> String {
    if years == 0 {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        match digits.parse::<i32>() {
            Ok(year) if digits.len() == 4 && (2000..2100).contains(&year) => out.push_str(&(year + years).to_string()),
            _ => out.push_str(digits),
        }
        digits.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).single().unwrap_or_default()
    }

    #[test]
    fn whole_years_since_the_demo_was_written() {
        assert_eq!(years_since_written(at(2026, 1, 1)), 0, "before it was written");
        assert_eq!(years_since_written(at(2026, 11, 28)), 0);
        assert_eq!(years_since_written(at(2027, 11, 27)), 0);
        assert_eq!(years_since_written(at(2027, 11, 28)), 1);
        assert_eq!(years_since_written(at(2030, 3, 1)), 3);
    }

    #[test]
    fn years_move_and_other_numbers_stay() {
        assert_eq!(
            move_years("from 10 to 14 December 2026; slug festival-2026; at 2026-12-10T13:00:00Z", 2),
            "from 10 to 14 December 2028; slug festival-2028; at 2028-12-10T13:00:00Z"
        );
        assert_eq!(
            move_years("15,000 somoni, 1,150 people, 12026 and 1999", 2),
            "15,000 somoni, 1,150 people, 12026 and 1999"
        );
        assert_eq!(move_years("2025", 0), "2025");
    }
}
