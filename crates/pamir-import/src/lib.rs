//! Readers of other publishing systems' exports, turned into plain Rust records.
//!
//! The readers touch no database: `wordpress::read_wxr` turns a file into records. The
//! loaders (`wordpress::load`) turn records into pamir content through `pamir-core`,
//! remembering each record's source id so a second import adds nothing.

pub mod fidelity;
pub mod html;
pub mod joomla;
pub mod ledger;
pub mod localise;
pub mod markdown;
pub mod names;
pub mod progress;
pub mod report;
pub mod wordpress;

pub use wordpress::{
    Attachment, Author, Category, Converted, Export, Post, PostType, Skipped, Status, Tag, WxrError, autop, convert,
    read_wxr,
};
