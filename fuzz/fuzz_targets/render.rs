//! Any text an editor or an importer sends: rendering never panics, and
//! what it gives is clean already (sanitising it again changes nothing).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let html = pamir_content::render_safe(text);
    assert_eq!(pamir_content::sanitize::clean(&html), html, "the rendered page is not a fixed point");
    let _ = pamir_content::plain_text(text);
    let slug = pamir_content::slug::slugify(text);
    assert!(slug.is_empty() || pamir_content::slug::is_valid_slug(&slug), "{slug:?}");
});
