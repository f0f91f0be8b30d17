//! The corpora: real data from other projects (Joomla's sample sites,
//! WordPress's theme test export, the CommonMark spec examples) that tests
//! read to meet content nobody here wrote. They live beside a checkout, in
//! `../shared/corpora`, or wherever `PAMIR_CORPORA` points; they are not
//! in the repository.
//!
//! A fresh clone has no corpora, and its tests must still pass: a test
//! asks for a file here and, when it is missing, prints `SKIPPED` with the
//! reason and returns. Where the corpora must be there (CI sets
//! `PAMIR_REQUIRE_CORPORA=1`), a missing file fails the test instead, so a
//! moved corpus cannot quietly turn its tests into no-ops. The essential
//! cases do not depend on this: each has a small fixture of the
//! repository's own.

use std::io::Write;
use std::path::PathBuf;

/// Where the corpora are looked for: `PAMIR_CORPORA`, else `shared/corpora`
/// beside the checkout this test runs in. Found at run time from the
/// working folder (cargo runs tests in their crate's folder), not from a
/// path compiled in, so a build shared between two checkouts looks beside
/// the one it runs in.
pub fn dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PAMIR_CORPORA").filter(|dir| !dir.is_empty()) {
        return PathBuf::from(dir);
    }
    let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let checkout = here.ancestors().find(|dir| dir.join("Cargo.lock").is_file()).unwrap_or(&here);
    checkout.join("../shared/corpora")
}

/// True when a missing corpus must fail the test rather than skip it.
pub fn required() -> bool {
    std::env::var("PAMIR_REQUIRE_CORPORA").is_ok_and(|value| value == "1")
}

/// The path of a corpus file (`"joomla3/joomla.sql"`), or `None` after
/// saying the test is skipped.
///
/// # Panics
/// When the file is missing and `PAMIR_REQUIRE_CORPORA=1`.
pub fn path(relative: &str) -> Option<PathBuf> {
    let path = dir().join(relative);
    if path.exists() {
        return Some(path);
    }
    let reason = format!("the corpus file {relative} is not in {}", dir().display());
    if required() {
        panic!("{reason}, and PAMIR_REQUIRE_CORPORA=1 says it must be");
    }
    // Straight to stderr, past the test harness's capture: a skip is said
    // in the output of `cargo test` even when the test passes.
    let _ = writeln!(std::io::stderr(), "SKIPPED: {reason} (set PAMIR_CORPORA to where the corpora are)");
    None
}

/// A corpus file's text, or `None` after saying the test is skipped.
///
/// # Panics
/// When the file is missing and required, or cannot be read as text.
pub fn text(relative: &str) -> Option<String> {
    let path = path(relative)?;
    Some(std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {}: {error}", path.display())))
}

/// A corpus file's bytes, or `None` after saying the test is skipped.
///
/// # Panics
/// When the file is missing and required, or cannot be read.
pub fn bytes(relative: &str) -> Option<Vec<u8>> {
    let path = path(relative)?;
    Some(std::fs::read(&path).unwrap_or_else(|error| panic!("reading {}: {error}", path.display())))
}
