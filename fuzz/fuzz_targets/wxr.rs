//! Any file handed to `pamir import wxr`: read as an export or refused
//! with an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(export) = pamir_import::read_wxr(bytes) {
        for post in &export.posts {
            let _ = pamir_import::markdown::from_html(&post.content);
        }
    }
});
