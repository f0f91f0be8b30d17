//! Interface strings from the Fluent files in `locales/`, compiled in.
//! Content is translated in the database; this is only the words around it.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "en",
        // Bidi isolation marks would show up in titles and attributes; our languages are all left-to-right.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn language(lang: &str) -> LanguageIdentifier {
    lang.parse().unwrap_or_else(|_| fluent_templates::langid!("en"))
}

/// The string `key` in `lang` (falling back to English), with arguments.
pub fn text(lang: &str, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let id = language(lang);
    if args.is_empty() {
        return LOCALES.try_lookup(&id, key).unwrap_or_else(|| key.to_owned());
    }
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> =
        args.iter().map(|(name, value)| (Cow::Owned((*name).to_owned()), value.clone())).collect();
    LOCALES.try_lookup_with_args(&id, key, &args).unwrap_or_else(|| key.to_owned())
}

/// A message of the domain or the core (a key and its arguments) in `lang`.
pub fn message(lang: &str, message: &pamir_domain::Message) -> String {
    let args: Vec<(&str, FluentValue<'static>)> =
        message.args.iter().map(|(name, value)| (*name, FluentValue::from(value.clone()))).collect();
    text(lang, message.key, &args)
}

/// Every broken rule in `lang`, one sentence each.
pub fn rules(lang: &str, rules: &pamir_domain::Violations) -> Vec<String> {
    rules.0.iter().map(|rule| message(lang, &rule.message)).collect()
}

/// A date as readers of `lang` write it, e.g. "14 October 2026", "14 октября
/// 2026 г.": CLDR's pattern where it has the language, else the Fluent files'.
pub fn date(lang: &str, date: chrono::NaiveDate) -> String {
    if let Some(text) = crate::dates::long_date(lang, date) {
        return text;
    }
    use chrono::Datelike;
    let month = text(lang, &format!("month-{}", date.month()), &[]);
    text(
        lang,
        "date-format",
        &[
            ("day", FluentValue::from(date.day().to_string())),
            ("month", FluentValue::from(month)),
            ("year", FluentValue::from(date.year().to_string())),
        ],
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// The keys of every Fluent file of a language (`main.ftl`, `admin.ftl`).
    fn keys(lang: &str) -> BTreeSet<String> {
        let mut text = String::new();
        for file in ["main.ftl", "admin.ftl", "rules.ftl"] {
            let path = format!("{}/../../locales/{lang}/{file}", env!("CARGO_MANIFEST_DIR"));
            text += &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
        text.lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|line| line.split_once(" =").map(|(key, _)| key.trim().to_owned()))
            .collect()
    }

    #[test]
    fn every_language_has_every_key() {
        let english = keys("en");
        assert!(english.len() > 50, "English strings failed to parse");
        for lang in ["ru", "tg"] {
            let other = keys(lang);
            let missing: Vec<_> = english.difference(&other).collect();
            let extra: Vec<_> = other.difference(&english).collect();
            assert!(missing.is_empty(), "{lang} is missing {missing:?}");
            assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
        }
    }

    #[test]
    fn strings_resolve_with_arguments_and_dates() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 10, 14).unwrap_or_default();
        assert_eq!(super::date("en", day), "14 October 2026");
        assert_eq!(
            super::date("ru", day),
            "14 октября 2026\u{202f}г.",
            "CLDR keeps the year and its abbreviation together"
        );
        assert_eq!(super::text("en", "by-author", &[("author", "Aziz Karimov".to_owned().into())]), "By Aziz Karimov");
        assert_eq!(super::text("tg", "no-such-key", &[]), "no-such-key");
    }
}
