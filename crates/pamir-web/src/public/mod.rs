//! The reader-facing pages, one file per page, and what they share.

pub mod assets;
pub mod calendar;
pub mod category;
pub mod contact;
pub mod feed;
pub mod front;
pub mod health;
pub mod item;
pub mod listing;
pub mod media;
pub mod path;
pub mod root;
pub mod search;
pub mod sitemap;
pub mod tag;

pub mod reader;

pub use reader::Reader;
