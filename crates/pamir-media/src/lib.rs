//! pamir's media: checks an upload ([`inspect`]), renders the files served for it ([`render`]), stores them ([`BlobStore`]).
//! Audio, video and documents ([`sniff_attachment`]) are kept as sent, once their bytes match their name.
//!
//! An upload is never served as sent: it is decoded, checked and re-encoded from its pixels, which drops
//! metadata (EXIF, GPS) and whatever a crafted file hid beside the picture.

mod attachment;
mod format;
mod store;
pub mod svg;
mod upload;
mod variants;

pub use attachment::{AttachmentKind, AttachmentType, MAX_ATTACHMENT_BYTES, describe, sniff_attachment};
pub use format::Format;
pub use store::{BlobStore, LocalFolder, MemoryStore, StoreError};
pub use upload::{Checked, Limits, UploadError, inspect};
pub use variants::{Rendition, WIDTHS, render};
