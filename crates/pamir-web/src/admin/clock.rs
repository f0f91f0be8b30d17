//! Times in the admin, on the site's clock: "2026-12-04 17:30". Stored
//! instants are UTC seconds; editors think in their office's time.

use chrono_tz::Tz;

/// `seconds` since 1970 as the site's wall clock shows them, with "UTC"
/// only where that is the site's zone.
pub fn minutes(zone: Tz, seconds: i64) -> String {
    format(zone, seconds, "%Y-%m-%d %H:%M")
}

/// As [`minutes`], to the second (the audit log).
pub fn seconds(zone: Tz, seconds: i64) -> String {
    format(zone, seconds, "%Y-%m-%d %H:%M:%S")
}

/// The time of day alone, "17:30": for what happened moments ago.
pub fn time_of_day(zone: Tz, seconds: i64) -> String {
    format(zone, seconds, "%H:%M")
}

/// The day alone.
pub fn day(zone: Tz, seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|at| at.with_timezone(&zone).format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn format(zone: Tz, seconds: i64, pattern: &str) -> String {
    let Some(at) = chrono::DateTime::from_timestamp(seconds, 0) else { return String::new() };
    let text = at.with_timezone(&zone).format(pattern).to_string();
    if zone == Tz::UTC { format!("{text} UTC") } else { text }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shows_the_site_clock_and_names_utc_only_when_it_is_the_zone() {
        let noon_utc = 1_796_212_800; // 2026-12-02 12:00 UTC
        assert_eq!(super::minutes(chrono_tz::Asia::Dushanbe, noon_utc), "2026-12-02 17:00");
        assert_eq!(super::minutes(chrono_tz::Tz::UTC, noon_utc), "2026-12-02 12:00 UTC");
        assert_eq!(super::day(chrono_tz::Pacific::Auckland, noon_utc), "2026-12-03");
        assert_eq!(super::time_of_day(chrono_tz::Asia::Dushanbe, noon_utc), "17:00");
    }
}
