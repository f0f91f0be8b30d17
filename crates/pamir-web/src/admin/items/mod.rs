//! Items in the admin: the list, the editor, previews and revisions.
//!
//! - [`list`]: the dashboard and the filtered, paged list
//! - [`form`]: the editor's form: parsing what was sent, showing what is stored
//! - [`checks`]: the editor's "Before you publish" panel
//! - [`edit`]: new item, edit, save and workflow buttons
//! - [`drafts`]: what is typed, kept on the server until it is saved; who else is at work
//! - [`merge`]: a save over someone else's newer save, merged field by field
//! - [`preview`]: Markdown preview, and a draft shown as readers would see it
//! - [`revisions`]: every save, compared side by side, restorable

pub mod checks;
pub mod drafts;
pub mod edit;
pub mod form;
pub mod list;
pub mod merge;
pub mod preview;
pub mod revisions;
