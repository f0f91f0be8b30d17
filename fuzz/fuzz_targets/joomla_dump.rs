//! Any file handed to `pamir import joomla --sql-dump`: read as Joomla's
//! tables or refused with an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|sql: &str| {
    if let Ok(tables) = pamir_import::joomla::read_dump(sql, None) {
        let _ = pamir_import::joomla::Site::from_tables(&tables);
    }
});
