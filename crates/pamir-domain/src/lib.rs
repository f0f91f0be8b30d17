//! pamir's plain types and rules: what a site holds, without any IO.
//!
//! - [`lang`]: language codes
//! - [`item`]: items (articles, op-eds, facts, events, photo stories) and their states
//! - [`taxonomy`]: categories and tags
//! - [`media`]: media files and their descriptions
//! - [`site`]: a site and its settings
//! - [`contact`]: messages sent through the contact form, and their validation
//! - [`user`]: admin users, roles and the permission matrix
//! - [`clock`]: where "now" comes from
//! - [`paging`]: page numbers
//! - [`rules`]: broken rules as values (translation keys, arguments, fields)

pub mod clock;
pub mod colour;
pub mod contact;
pub mod item;
pub mod lang;
pub mod media;
pub mod paging;
pub mod rules;
pub mod site;
pub mod taxonomy;
pub mod user;

pub use clock::{Clock, ManualClock, SystemClock};
pub use item::{EventDetails, Item, ItemContent, ItemKind, ItemState, SourceCitation};
pub use lang::Lang;
pub use paging::PageNumber;
pub use rules::{Message, Violation, Violations};
pub use user::{Action, Role, User};

/// Identifier of a site: every content row belongs to one.
pub type SiteId = i64;
