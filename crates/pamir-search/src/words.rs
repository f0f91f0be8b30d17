//! The word tokenizer shared by the Cyrillic analysers: splits text into words and lower-cases them.
//!
//! Tantivy's `SimpleTokenizer` ends a word at any character that is not alphanumeric, and a
//! combining mark is not: "и" + U+0304 (a decomposed "ӣ", as some Tajik keyboards and PDF
//! exports produce) would become the word "и" plus a stray rest. Here combining marks stay in
//! the word and are composed into the precomposed letter Cyrillic has for them, or dropped
//! (stress marks in Russian teaching texts: "мигра́нты" is "мигранты").

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Splits on anything that is neither a letter, a digit nor a combining mark; lower-cases.
#[derive(Clone, Default)]
pub struct Words {
    token: Token,
}

impl Tokenizer for Words {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream { text, next: 0, token: &mut self.token }
    }
}

pub struct WordStream<'a> {
    text: &'a str,
    /// Byte offset where the search for the next word starts.
    next: usize,
    token: &'a mut Token,
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        let rest = &self.text[self.next..];
        // A word starts with a letter or digit: a combining mark with nothing to combine with is noise.
        let Some(start) = rest.find(char::is_alphanumeric) else {
            self.next = self.text.len();
            return false;
        };
        let word = &rest[start..];
        let len = word.find(|c: char| !is_word_char(c)).unwrap_or(word.len());
        let from = self.next + start;
        self.next = from + len;

        self.token.offset_from = from;
        self.token.offset_to = from + len;
        self.token.position = self.token.position.wrapping_add(1);
        normalise(&word[..len], &mut self.token.text);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The "Combining Diacritical Marks" block: the only marks Cyrillic text carries in practice.
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// Writes `word` lower-cased into `out`, composing or dropping combining marks.
fn normalise(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if is_combining_mark(c) {
            if let Some(base) = out.pop() {
                out.push(compose(base, c).unwrap_or(base));
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The precomposed letter for a lower-case base letter and a combining mark, where one exists.
fn compose(base: char, mark: char) -> Option<char> {
    match (base, mark) {
        ('и', '\u{306}') => Some('й'),
        ('е', '\u{308}') => Some('ё'),
        ('и', '\u{304}') => Some('ӣ'),
        ('у', '\u{304}') => Some('ӯ'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, usize, usize)> {
        let mut tokenizer = Words::default();
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push((token.text.clone(), token.offset_from, token.offset_to));
        }
        out
    }

    #[test]
    fn splits_on_spaces_and_punctuation_and_lower_cases() {
        let got = words("Мигранты, возвращаются — ДОМОЙ!");
        let texts: Vec<&str> = got.iter().map(|(t, _, _)| t.as_str()).collect();
        assert_eq!(texts, ["мигранты", "возвращаются", "домой"]);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "«Ҳукумати Тоҷикистон»";
        let got = words(text);
        // Byte offsets: the guillemet and every Cyrillic letter take two bytes.
        assert_eq!(got, [("ҳукумати".to_owned(), 2, 18), ("тоҷикистон".to_owned(), 19, 39)]);
        for (word, from, to) in got {
            assert_eq!(text[from..to].to_lowercase(), word);
        }
    }

    #[test]
    fn positions_count_words() {
        let mut tokenizer = Words::default();
        let mut stream = tokenizer.token_stream("як ду се");
        let mut positions = Vec::new();
        while let Some(token) = stream.next() {
            positions.push(token.position);
        }
        assert_eq!(positions, [0, 1, 2]);
    }

    #[test]
    fn composes_decomposed_letters_and_drops_stress_marks() {
        let got = words("Тоҷики\u{304} мигра\u{301}нты е\u{308}лка мои\u{306}");
        let texts: Vec<&str> = got.iter().map(|(t, _, _)| t.as_str()).collect();
        assert_eq!(texts, ["тоҷикӣ", "мигранты", "ёлка", "мой"]);
    }

    #[test]
    fn a_lone_combining_mark_is_not_a_word() {
        assert!(words("\u{301} \u{304}").is_empty());
    }
}
