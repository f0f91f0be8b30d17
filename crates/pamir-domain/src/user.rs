//! People who work in the admin, their roles, and what each role may do.
//!
//! [`Role::may`] is the one place permissions are decided: every use case
//! asks it before acting, and a test walks the whole matrix.

use serde::Serialize;

/// What a user is trusted with. Ordered from most to least trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, including users and site settings.
    Administrator,
    /// All content: writes, edits anyone's items, publishes.
    Editor,
    /// Own items only; submits them for review, cannot publish.
    Author,
    /// Like an author, but also edits the translations of anyone's items.
    Translator,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Administrator, Role::Editor, Role::Author, Role::Translator];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Editor => "editor",
            Role::Author => "author",
            Role::Translator => "translator",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.as_str() == text)
    }

    /// Whether this role may do `action`. Ownership (an author's own item)
    /// is part of the action, so the caller states it rather than this
    /// function looking anything up.
    pub fn may(self, action: Action) -> bool {
        use Action::*;
        match self {
            Role::Administrator => true,
            Role::Editor => !matches!(action, ManageUsers | ManageSettings | ViewAudit),
            Role::Author => matches!(
                action,
                UseAdmin
                    | CreateItem
                    | EditOwnItem
                    | SubmitForReview
                    | TrashOwnItem
                    | PreviewItem
                    | UploadMedia
                    | ManageOwnAccount
            ),
            Role::Translator => matches!(
                action,
                UseAdmin
                    | CreateItem
                    | EditOwnItem
                    | TranslateItem
                    | SubmitForReview
                    | TrashOwnItem
                    | PreviewItem
                    | UploadMedia
                    | ManageOwnAccount
            ),
        }
    }
}

/// Everything the admin, the API and the CLI can do on a user's behalf.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Action {
    /// Open the admin at all.
    UseAdmin,
    CreateItem,
    /// Edit an item one created oneself.
    EditOwnItem,
    /// Edit anyone's item.
    EditAnyItem,
    /// Create or edit another language's version of anyone's item.
    TranslateItem,
    SubmitForReview,
    /// Publish, unpublish, archive and schedule.
    PublishItem,
    TrashOwnItem,
    TrashAnyItem,
    PreviewItem,
    /// See an item's revisions and restore one.
    RestoreRevision,
    UploadMedia,
    /// Edit or delete media others uploaded.
    ManageMedia,
    /// Categories and tags.
    ManageTaxonomy,
    ManageSettings,
    ManageUsers,
    ViewAudit,
    /// Change one's own password and second factor.
    ManageOwnAccount,
}

impl Action {
    pub const ALL: [Action; 18] = [
        Action::UseAdmin,
        Action::CreateItem,
        Action::EditOwnItem,
        Action::EditAnyItem,
        Action::TranslateItem,
        Action::SubmitForReview,
        Action::PublishItem,
        Action::TrashOwnItem,
        Action::TrashAnyItem,
        Action::PreviewItem,
        Action::RestoreRevision,
        Action::UploadMedia,
        Action::ManageMedia,
        Action::ManageTaxonomy,
        Action::ManageSettings,
        Action::ManageUsers,
        Action::ViewAudit,
        Action::ManageOwnAccount,
    ];
}

/// A user as the admin knows them (never with the password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub disabled: bool,
    /// Whether a second factor (TOTP) is set up.
    pub mfa_enabled: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_administrators_manage_users_settings_and_read_the_audit_log() {
        for role in Role::ALL {
            for action in [Action::ManageUsers, Action::ManageSettings, Action::ViewAudit] {
                assert_eq!(role.may(action), role == Role::Administrator, "{role:?} {action:?}");
            }
        }
    }

    #[test]
    fn authors_and_translators_cannot_publish_or_touch_others_work() {
        for role in [Role::Author, Role::Translator] {
            for action in [Action::PublishItem, Action::EditAnyItem, Action::TrashAnyItem, Action::ManageMedia] {
                assert!(!role.may(action), "{role:?} {action:?}");
            }
            assert!(role.may(Action::SubmitForReview));
        }
        assert!(Role::Translator.may(Action::TranslateItem));
        assert!(!Role::Author.may(Action::TranslateItem));
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
