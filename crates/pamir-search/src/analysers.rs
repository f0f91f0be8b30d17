//! One analyser per language family, and how a language code picks its family.
//!
//! English and Russian use tantivy's Snowball stemmers; Tajik uses our own folding and
//! stemmer ([`crate::tajik`]); any other language gets a plain lower-casing analyser, so a
//! site that adds `uz` or `fr` in its settings has working (if unstemmed) search at once.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    TokenizerManager,
};

use crate::filter::MapFilter;
use crate::{tajik, words::Words};

/// Words longer than this (in UTF-8 bytes: 40 Cyrillic letters) are not indexed: they are
/// base64, URLs or hashes, not words.
const MAX_WORD_BYTES: usize = 80;

/// A language family: which analyser (and which pair of text fields) a language uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    En,
    Ru,
    Tg,
    Other,
}

impl Family {
    pub(crate) const ALL: [Family; 4] = [Family::En, Family::Ru, Family::Tg, Family::Other];

    pub(crate) fn of(lang: &str) -> Family {
        let is = |code: &str| lang.eq_ignore_ascii_case(code);
        if is("en") {
            Family::En
        } else if is("ru") {
            Family::Ru
        } else if is("tg") {
            Family::Tg
        } else {
            Family::Other
        }
    }

    /// The family's name in field names: `title_en`, `body_default`.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Family::En => "en",
            Family::Ru => "ru",
            Family::Tg => "tg",
            Family::Other => "default",
        }
    }

    /// The tokenizer's registered name. The number is the analyser's version: the schema names
    /// the tokenizer, so changing what an analyser does *and* its number makes an existing
    /// index read as incompatible and get rebuilt, instead of silently mixing two analyses.
    pub(crate) fn tokenizer(self) -> &'static str {
        match self {
            Family::En => "pamir-en-1",
            Family::Ru => "pamir-ru-1",
            Family::Tg => "pamir-tg-1",
            Family::Other => "pamir-default-1",
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    fn analyser(self) -> TextAnalyzer {
        let long = RemoveLongFilter::limit(MAX_WORD_BYTES);
        match self {
            // "Remittances" and "remittance" meet at "remitt"; "café" and "cafe" at "cafe".
            Family::En => TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(long)
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .filter(Stemmer::new(Language::English))
                .build(),
            // "мигрантов" and "мигранты" meet at "мигрант"; "ещё" and "еще" at "ещ".
            Family::Ru => TextAnalyzer::builder(Words::default())
                .filter(long)
                .filter(MapFilter(fold_yo))
                .filter(Stemmer::new(Language::Russian))
                .build(),
            Family::Tg => {
                TextAnalyzer::builder(Words::default()).filter(long).filter(MapFilter(tajik::normalise)).build()
            }
            Family::Other => TextAnalyzer::builder(SimpleTokenizer::default()).filter(long).filter(LowerCaser).build(),
        }
    }
}

/// Russian writes ё as е more often than not; the two spellings must be one word.
fn fold_yo(word: &str, out: &mut String) {
    out.extend(word.chars().map(|c| if c == 'ё' { 'е' } else { c }));
}

/// Registers every family's analyser under its [`Family::tokenizer`] name.
pub(crate) fn register(manager: &TokenizerManager) {
    for family in Family::ALL {
        manager.register(family.tokenizer(), family.analyser());
    }
}

/// The terms `text` becomes in language `lang`: what the index stores and a query looks for.
///
/// For explaining why a query does or does not find a text ("мигрантов" → `["мигрант"]`).
pub fn analyse(lang: &str, text: &str) -> Vec<String> {
    let mut analyser = Family::of(lang).analyser();
    let mut stream = analyser.token_stream(text);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_stems_plurals_and_folds_accents() {
        assert_eq!(analyse("en", "Remittances families Café"), analyse("en", "remittance family cafe"));
    }

    #[test]
    fn russian_stems_case_forms_and_folds_yo() {
        assert_eq!(analyse("ru", "мигрантов"), analyse("ru", "Мигранты"));
        assert_eq!(analyse("ru", "ещё"), analyse("ru", "еще"));
    }

    #[test]
    fn tajik_folds_and_strips() {
        assert_eq!(analyse("tg", "Муҳоҷирони меҳнатӣ"), ["мухочир", "мехн"]);
        assert_eq!(analyse("tg", "мухочир"), ["мухочир"]);
    }

    #[test]
    fn other_languages_are_only_lower_cased() {
        assert_eq!(analyse("uz", "Migrantlar Qaytmoqda"), ["migrantlar", "qaytmoqda"]);
        assert_eq!(analyse("fr", "Les Migrants"), ["les", "migrants"]);
    }

    #[test]
    fn language_codes_pick_their_family() {
        assert_eq!(Family::of("ru"), Family::Ru);
        assert_eq!(Family::of("TG"), Family::Tg);
        assert_eq!(Family::of("uz"), Family::Other);
        assert_eq!(Family::of(""), Family::Other);
    }

    #[test]
    fn very_long_tokens_are_dropped() {
        let junk = "a".repeat(MAX_WORD_BYTES + 1);
        assert_eq!(analyse("en", &format!("migrants {junk}")), ["migrant"]);
    }
}
