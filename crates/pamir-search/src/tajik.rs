//! The Tajik analyser's own step: folding letters to their Russian-keyboard spelling, then
//! stripping the commonest inflections, so "муҳоҷирони", "муҳоҷирон" and a query typed as
//! "мухочир" all become the term "мухочир".
//!
//! There is no Snowball stemmer for Tajik. This is a deliberately small, predictable one:
//! what matters for search is that a word and its inflected forms reach the *same* term, not
//! that the term is the linguist's stem ("давлат" "state" becomes "давл", and so does
//! "давлати", "давлатҳо"; nobody sees the term).

/// Folds one lower-case letter to the spelling a Russian keyboard gives it.
///
/// Tajik has six letters a Russian layout lacks; people without a Tajik layout type the
/// nearest Russian letter (ҳ as х, ҷ as ч, …), and so does some older web text. Folding both
/// the index and the query to that spelling lets either find the other. It merges a few
/// forms that differ only in those letters (the adjective тоҷикӣ "Tajik" and the izofat
/// form тоҷики both become "точики"); search can live with that.
///
/// ё folds to е because Russian-keyboard typists drop its dots ("дарё" typed "даре"). The
/// look-alikes from other Cyrillic alphabets (һ Kazakh shha, ҡ Bashkir qa, ѓ Macedonian gje,
/// ҹ Azerbaijani che) fold too: a keyboard layout may give them for the Tajik letter.
fn fold(c: char) -> char {
    match c {
        'ҳ' | 'һ' => 'х',
        'қ' | 'ҡ' => 'к',
        'ғ' | 'ѓ' => 'г',
        'ҷ' | 'ҹ' => 'ч',
        'ӯ' => 'у',
        'ӣ' => 'и',
        'ё' => 'е',
        other => other,
    }
}

/// A stem keeps at least this many letters, so short words are left alone: "одам" "person"
/// does not lose "-ам" (which would read as "my"), "маро" "me" does not lose "-ро".
const MIN_STEM: usize = 3;

/// What must come before a suffix for it to be stripped.
#[derive(Clone, Copy)]
enum After {
    Anything,
    /// The vowel-form of a suffix (-ям, -ён, -йи) only follows a vowel.
    Vowel,
    /// -гон follows a stem ending in -а: бача → бачагон.
    Letter(char),
    /// Not after this ending: "-он" after "ст" is the place-name "-истон", not a plural.
    Not(&'static str),
}

struct Suffix {
    /// Spelt as after [`fold`]: "-ҳо" is "хо", "-ён" is "ен".
    text: &'static str,
    after: After,
}

const fn suffix(text: &'static str, after: After) -> Suffix {
    Suffix { text, after }
}

/// The inflections we strip, each with an example and its gloss. Order does not matter: at
/// each step the longest suffix that may be stripped is, so "-амон" wins over "-он".
const SUFFIXES: &[Suffix] = &[
    // Plural, any noun: китобҳо "books" (китоб "book").
    suffix("хо", After::Anything),
    // Plural of people, animals and pairs: муҳоҷирон "migrants" (муҳоҷир "migrant").
    // Not after "ст", so Тоҷикистон "Tajikistan" keeps its ending.
    suffix("он", After::Not("ст")),
    // Plural after a vowel, -ён: донишҷӯён "students" (донишҷӯ "student").
    suffix("ен", After::Vowel),
    // Plural of nouns in -а, which keep the а: бачагон "children" (бача "child").
    suffix("гон", After::Letter('а')),
    // Izofat, joining a noun to what qualifies it: мактаби миёна "secondary school"
    // (мактаб "school"). Also the -ӣ of adjectives once folded: тоҷикӣ "Tajik" → тоҷик.
    suffix("и", After::Anything),
    // Izofat after a vowel, -йи: ҳавойи Душанбе "the weather of Dushanbe" (ҳаво "weather").
    suffix("йи", After::Vowel),
    // Possessives "my, your, his/her": китобам "my book", китобат "your book",
    // китобаш "his book" (китоб); also хонаам "my house" (хона "house").
    suffix("ам", After::Anything),
    suffix("ат", After::Anything),
    suffix("аш", After::Anything),
    // The same after a vowel: китобҳоям "my books", бобоят "your grandfather", бобояш "his
    // grandfather" (бобо "grandfather").
    suffix("ям", After::Vowel),
    suffix("ят", After::Vowel),
    suffix("яш", After::Vowel),
    // Possessives "our, your (plural), their": китобамон "our book", китобатон "your book",
    // китобашон "their book".
    suffix("амон", After::Anything),
    suffix("атон", After::Anything),
    suffix("ашон", After::Anything),
    // The same after a vowel: бобоямон "our grandfather", бобоятон, бобояшон.
    suffix("ямон", After::Vowel),
    suffix("ятон", After::Vowel),
    suffix("яшон", After::Vowel),
    // Object marker: китобро хондам "I read the book".
    suffix("ро", After::Anything),
    // Not stripped: the indefinite article -е (китобе "a book"). With ё folded to е it would
    // turn дарё "river" into дар "in", a word in every text.
    // Verb endings of the present: мекунад "(s)he does", мекунем "we do", мекунед "you do",
    // мекунанд "they do" (stem мекун-). "-ам" "I do" and "-ӣ" "you do" are already above.
    suffix("ад", After::Anything),
    suffix("ем", After::Anything),
    suffix("ед", After::Anything),
    suffix("анд", After::Anything),
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'а' | 'е' | 'и' | 'о' | 'у' | 'э' | 'ю' | 'я')
}

impl Suffix {
    /// The stem left by stripping this suffix from `word`, if it may be stripped.
    fn strip<'w>(&self, word: &'w str) -> Option<&'w str> {
        let stem = word.strip_suffix(self.text)?;
        if stem.chars().count() < MIN_STEM {
            return None;
        }
        let last = stem.chars().next_back()?;
        let allowed = match self.after {
            After::Anything => true,
            After::Vowel => is_vowel(last),
            After::Letter(letter) => last == letter,
            After::Not(ending) => !stem.ends_with(ending),
        };
        allowed.then_some(stem)
    }
}

/// Strips suffixes from the end, longest first, until none applies.
///
/// Repeating until nothing applies (rather than one pass in a fixed order) is what makes a
/// form and its base meet: "муҳоҷирони" loses "-и" then "-он", exactly the path of
/// "муҳоҷирон"; and a stem typed as a query is already a fixed point.
fn strip_suffixes(word: &mut String) {
    while let Some(stem_len) = SUFFIXES.iter().filter_map(|suffix| suffix.strip(word)).map(str::len).min() {
        word.truncate(stem_len);
    }
}

/// The Tajik rewrite for [`crate::filter::MapFilter`]: folds a lower-cased word, then stems it.
pub fn normalise(word: &str, out: &mut String) {
    out.extend(word.chars().map(fold));
    strip_suffixes(out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(word: &str) -> String {
        let mut out = String::new();
        normalise(word, &mut out);
        out
    }

    #[track_caller]
    fn same_stem(forms: &[&str], expected: &str) {
        for form in forms {
            assert_eq!(stem(form), expected, "stem of {form:?}");
        }
    }

    #[test]
    fn folds_tajik_letters_to_their_russian_keyboard_spelling() {
        assert_eq!(stem("ҳқғӯӣҷ"), "хкгуич");
        assert_eq!(stem("ёр"), "ер");
        // Look-alikes from other Cyrillic alphabets.
        assert_eq!(stem("һҡѓҹ"), "хкгч");
    }

    #[test]
    fn a_russian_keyboard_spelling_meets_the_tajik_one() {
        same_stem(&["муҳоҷирон", "муҳоҷир", "мухочир", "мухочирон"], "мухочир");
        same_stem(&["китобҳо", "китобхо", "китоб"], "китоб");
    }

    #[test]
    fn plural_ho() {
        same_stem(&["китобҳо", "китоб"], "китоб");
    }

    #[test]
    fn plural_on_but_not_the_place_name_ending_iston() {
        same_stem(&["муҳоҷирон", "муҳоҷир"], "мухочир");
        same_stem(&["тоҷикистон", "тоҷикистони", "тоҷикистонро"], "точикистон");
    }

    #[test]
    fn plural_yon_after_a_vowel() {
        same_stem(&["донишҷӯён", "донишҷӯ"], "донишчу");
    }

    #[test]
    fn plural_gon_after_a() {
        same_stem(&["бачагон", "бача"], "бача");
        // -гон after a consonant is -он on a stem ending in г: бузургон "elders" (бузург "great").
        same_stem(&["бузургон", "бузург"], "бузург");
    }

    #[test]
    fn izofat_i_and_yi() {
        same_stem(&["мактаби", "мактаб"], "мактаб");
        same_stem(&["муҳоҷирони", "муҳоҷирон"], "мухочир");
        same_stem(&["ҳавойи", "ҳаво"], "хаво");
    }

    #[test]
    fn adjectives_in_i_meet_their_noun() {
        same_stem(&["тоҷикӣ", "тоҷик", "тоҷикон"], "точик");
    }

    #[test]
    fn possessives() {
        same_stem(&["китобам", "китобат", "китобаш", "китобамон", "китобатон", "китобашон"], "китоб");
        same_stem(&["хонаам", "хонаамон", "хона"], "хона");
        same_stem(&["бобоям", "бобоят", "бобояш", "бобоямон", "бобоятон", "бобояшон", "бобо"], "бобо");
        same_stem(&["китобҳоям", "китобҳоятон"], "китоб");
    }

    #[test]
    fn object_marker() {
        same_stem(&["китобро", "китобҳоро", "китобамро"], "китоб");
    }

    #[test]
    fn present_tense_endings() {
        same_stem(&["мекунад", "мекунем", "мекунед", "мекунанд", "мекунам"], "мекун");
    }

    #[test]
    fn short_words_keep_their_endings() {
        assert_eq!(stem("одам"), "одам");
        assert_eq!(stem("одамон"), "одам");
        assert_eq!(stem("маро"), "маро");
        assert_eq!(stem("ки"), "ки");
    }

    #[test]
    fn a_stem_is_its_own_stem() {
        for word in ["муҳоҷирони", "китобҳоямро", "давлатҳо", "донишҷӯён", "бачагон", "тоҷикистони"]
        {
            let once = stem(word);
            assert_eq!(stem(&once), once, "{word:?}");
        }
    }

    #[test]
    fn words_ending_like_a_suffix_still_meet_their_forms() {
        same_stem(&["давлат", "давлати", "давлатҳо", "давлатро"], "давл");
    }

    #[test]
    fn dare_river_is_not_dar_in() {
        same_stem(&["дарё", "дарёҳо", "дарёро"], "даре");
        assert_eq!(stem("дар"), "дар");
    }

    #[test]
    fn latin_and_digits_pass_through() {
        assert_eq!(stem("covid"), "covid");
        assert_eq!(stem("2024"), "2024");
    }
}
