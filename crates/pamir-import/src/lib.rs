//! Readers of other publishing systems' exports, turned into plain Rust records.
//!
//! Nothing here touches a database or pamir's core: an importer built on top decides what
//! the records become. Today there is one source, WordPress (its WXR export file).

pub mod wordpress;

pub use wordpress::{
    Attachment, Author, Category, Converted, Export, Post, PostType, Skipped, Status, Tag, WxrError, autop, convert,
    read_wxr,
};
