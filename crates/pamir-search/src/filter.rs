//! A token filter that rewrites each token's text with a plain function: how our own
//! normalisations (Russian ё, the Tajik folding and stemmer) plug into tantivy's analysers.

use std::mem;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The rewrite: reads a token's text and writes its replacement into the (cleared) buffer.
pub type Rewrite = fn(&str, &mut String);

/// Applies a [`Rewrite`] to every token; the buffer is reused, so a token costs no allocation.
#[derive(Clone, Copy)]
pub struct MapFilter(pub Rewrite);

impl TokenFilter for MapFilter {
    type Tokenizer<T: Tokenizer> = MapTokenizer<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> MapTokenizer<T> {
        MapTokenizer { inner, rewrite: self.0, buffer: String::new() }
    }
}

#[derive(Clone)]
pub struct MapTokenizer<T> {
    inner: T,
    rewrite: Rewrite,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for MapTokenizer<T> {
    type TokenStream<'a> = MapStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MapStream { tail: self.inner.token_stream(text), rewrite: self.rewrite, buffer: &mut self.buffer }
    }
}

pub struct MapStream<'a, S> {
    tail: S,
    rewrite: Rewrite,
    buffer: &'a mut String,
}

impl<S: TokenStream> TokenStream for MapStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        self.buffer.clear();
        (self.rewrite)(&token.text, self.buffer);
        mem::swap(&mut token.text, self.buffer);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
