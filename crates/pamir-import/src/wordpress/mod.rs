//! WordPress: read a WXR export (`read_wxr`) and turn post content into plain HTML (`convert`).
//!
//! The two halves are independent on purpose: reading keeps every field raw, exactly as
//! WordPress stored it, so an importer can decide later how much to convert and sanitise.

mod autop;
mod blocks;
mod error;
mod footnotes;
mod item;
pub mod load;
mod model;
pub mod shortcodes;
mod wxr;

pub use autop::autop;
pub use error::WxrError;
pub use model::{Attachment, Author, Category, Export, Post, PostType, Skipped, Status, Tag};
pub use shortcodes::{Converted, convert};
pub use wxr::read_wxr;
