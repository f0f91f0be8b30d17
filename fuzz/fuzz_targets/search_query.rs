//! Any words a reader types into the search box, in each language: analysed
//! and searched without a panic or an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn index() -> &'static pamir_search::SearchIndex {
    static INDEX: OnceLock<pamir_search::SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| pamir_search::SearchIndex::in_memory().expect("an index in memory"))
}

fuzz_target!(|text: &str| {
    for lang in ["en", "ru", "tg"] {
        let _ = pamir_search::analyse(lang, text);
        index().search(&pamir_search::Query::new(lang, text)).expect("a search never fails on its words");
    }
});
