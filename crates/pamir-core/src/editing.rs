//! Editing items in the admin: create, save with a version check, move
//! through the workflow (review, publish, archive, bin), keep a revision of
//! every save, compare two revisions and restore one. Every step checks the
//! actor's role and leaves an audit entry.

use crate::audit::Actor;
use crate::change::Change;
use crate::items::{ItemInput, prepare};
use crate::{Core, CoreError};
use pamir_db::DbError;
use pamir_domain::{Action, Item, ItemContent, ItemState, SiteId};
use serde::{Deserialize, Serialize};

/// What a save does to the item's state besides storing its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// Keep the state it has.
    Keep,
    SubmitForReview,
    Publish,
    /// Back to draft.
    Unpublish,
    Archive,
    Trash,
    /// Out of the bin, as a draft.
    Restore,
}

impl Transition {
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "save" => Transition::Keep,
            "submit" => Transition::SubmitForReview,
            "publish" => Transition::Publish,
            "unpublish" => Transition::Unpublish,
            "archive" => Transition::Archive,
            "trash" => Transition::Trash,
            "restore" => Transition::Restore,
            _ => return None,
        })
    }

    fn target(self, current: ItemState) -> ItemState {
        match self {
            Transition::Keep => current,
            Transition::SubmitForReview => ItemState::Review,
            Transition::Publish => ItemState::Published,
            Transition::Unpublish | Transition::Restore => ItemState::Draft,
            Transition::Archive => ItemState::Archived,
            Transition::Trash => ItemState::Trashed,
        }
    }

    fn audit_name(self) -> &'static str {
        match self {
            Transition::Keep => "item.save",
            Transition::SubmitForReview => "item.submit",
            Transition::Publish => "item.publish",
            Transition::Unpublish => "item.unpublish",
            Transition::Archive => "item.archive",
            Transition::Trash => "item.trash",
            Transition::Restore => "item.restore",
        }
    }
}

/// An item's content as a revision keeps it, with its tags and gallery.
/// (Flattened, so revisions stored before `ItemContent` read the same.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    #[serde(flatten)]
    pub content: ItemContent,
    pub tag_ids: Vec<i64>,
    pub gallery: Vec<i64>,
    /// What the checks found in this version's text (empty in revisions
    /// stored before the checks were kept).
    #[serde(default)]
    pub checks: Vec<String>,
}

impl std::ops::Deref for Snapshot {
    type Target = ItemContent;
    fn deref(&self) -> &ItemContent {
        &self.content
    }
}

impl Snapshot {
    pub fn of(item: &Item, tag_ids: &[i64], gallery: &[i64]) -> Self {
        Self {
            content: item.content.clone(),
            tag_ids: tag_ids.to_vec(),
            gallery: gallery.to_vec(),
            checks: item.checks.clone(),
        }
    }

    fn to_json(&self) -> Result<String, CoreError> {
        serde_json::to_string(self).map_err(|e| CoreError::Internal(format!("revision: {e}")))
    }

    pub fn from_json(text: &str) -> Result<Self, CoreError> {
        serde_json::from_str(text).map_err(|e| CoreError::Db(DbError::Corrupt(format!("revision: {e}"))))
    }

    /// The snapshot as an edit of `item` (its site, language and group stay).
    pub fn into_input(self, item: &Item) -> ItemInput {
        ItemInput {
            site: item.site_id,
            group_id: Some(item.group_id),
            lang: item.lang.clone(),
            content: self.content,
            published_at: Some(item.published_at),
            tag_ids: self.tag_ids,
            gallery: self.gallery,
            author_id: item.created_by,
            imported: None,
        }
    }
}

/// The result of a save.
#[derive(Debug)]
pub enum Saved {
    Stored(Box<Item>),
    /// Someone saved since the editor opened the item: nothing was stored,
    /// and this is the item as it is now, to show beside the editor's text.
    Conflict(Box<Item>),
}

/// Loads an item for editing, checking the actor may see it in the admin:
/// editors any item, translators any (they translate from it), authors
/// their own; a draft of someone else's is not an author's to read.
pub async fn load(core: &Core, actor: &Actor, site: SiteId, id: i64) -> Result<Item, CoreError> {
    actor.require(Action::UseAdmin)?;
    let item = pamir_db::items::find_by_id(&core.db, site, id)
        .await?
        .ok_or_else(|| CoreError::NotFound(format!("item {id}")))?;
    if !actor.user.role.may(Action::TranslateItem) {
        actor.require_on(Action::EditAnyItem, Action::EditOwnItem, item.created_by)?;
    }
    Ok(item)
}

/// The permission a change of state needs, beyond being allowed to edit.
fn transition_permission(
    actor: &Actor,
    item: &Item,
    transition: Transition,
    target: ItemState,
) -> Result<(), CoreError> {
    match transition {
        Transition::Trash | Transition::Restore => {
            actor.require_on(Action::TrashAnyItem, Action::TrashOwnItem, item.created_by)
        }
        Transition::SubmitForReview => actor.require(Action::SubmitForReview),
        // Changing what readers see, or saving over a published item, is publishing.
        _ if target == ItemState::Published || item.state == ItemState::Published || target != item.state => {
            actor.require(Action::PublishItem)
        }
        _ => Ok(()),
    }
}

/// Creates an item as a draft (or submitted for review, or published when
/// the role allows), keeping its first revision.
pub async fn create(
    core: &Core,
    actor: &Actor,
    mut input: ItemInput,
    transition: Transition,
) -> Result<Item, CoreError> {
    actor.require(Action::CreateItem)?;
    if let Some(group) = input.group_id {
        // Joining a group means translating someone's item.
        let members = pamir_db::items::group_members(&core.db, input.site, group).await?;
        if members.is_empty() {
            return Err(CoreError::NotFound(format!("translation group {group}")));
        }
        if members.iter().any(|(_, lang, _, _)| lang == input.lang.as_str()) {
            return Err(CoreError::rule(
                "lang",
                pamir_domain::Message::new("rule-translation-exists").with("lang", &input.lang),
            ));
        }
        if !(actor.user.role.may(Action::TranslateItem) || actor.user.role.may(Action::EditAnyItem)) {
            return Err(CoreError::Forbidden("translating others' items".into()));
        }
    }
    check_category(core, input.site, input.category_id).await?;
    input.state = transition.target(ItemState::Draft);
    if input.state == ItemState::Published {
        actor.require(Action::PublishItem)?;
    } else if input.state != ItemState::Draft && input.state != ItemState::Review {
        return Err(CoreError::rule("state", pamir_domain::Message::new("rule-new-item-draft")));
    }
    input.author_id = Some(actor.user.id);
    // The item, its first revision and its audit entry: one transaction.
    let mut change = core.begin().await?;
    let item = crate::items::create_many_in(core, &mut change, vec![input.clone()])
        .await
        .map_err(slug_taken)?
        .pop()
        .ok_or_else(|| CoreError::Internal("nothing was created".into()))?;
    let snapshot = Snapshot::of(&item, &input.tag_ids, &input.gallery).to_json()?;
    pamir_db::revisions::insert(
        &mut change.tx,
        item.id,
        item.version,
        &snapshot,
        Some(actor.user.id),
        item.created_at.timestamp(),
    )
    .await?;
    change.audit(Some(item.site_id), actor, "item.create", &subject(&item), item.state.as_str()).await?;
    change.commit().await?;
    Ok(item)
}

/// Saves an edit made from `expected_version`, applying `transition`.
pub async fn save(
    core: &Core,
    actor: &Actor,
    site: SiteId,
    id: i64,
    expected_version: i64,
    input: ItemInput,
    transition: Transition,
) -> Result<Saved, CoreError> {
    save_noting(core, actor, site, id, expected_version, input, transition, None).await
}

/// A save whose audit trail says one thing more (`also`: action and
/// detail), in the same transaction: a restore says which revision.
#[allow(clippy::too_many_arguments)] // the save's own arguments, and the note
async fn save_noting(
    core: &Core,
    actor: &Actor,
    site: SiteId,
    id: i64,
    expected_version: i64,
    input: ItemInput,
    transition: Transition,
    also: Option<(&str, String)>,
) -> Result<Saved, CoreError> {
    let current = load(core, actor, site, id).await?;
    actor.require_on(Action::EditAnyItem, Action::EditOwnItem, current.created_by)?;
    let target = transition.target(current.state);
    transition_permission(actor, &current, transition, target)?;
    if current.version != expected_version {
        return Ok(Saved::Conflict(Box::new(current)));
    }
    check_category(core, site, input.category_id).await?;

    let now = core.clock.now();
    let mut item = prepare(&input, current.group_id, now)?;
    item.id = current.id;
    item.site_id = current.site_id;
    item.lang = current.lang.clone();
    item.state = target;
    item.created_at = current.created_at;
    item.created_by = current.created_by;
    item.updated_by = Some(actor.user.id);
    // Published for the first time: the date readers see is now (or the scheduled time).
    item.published_at = if target == ItemState::Published && current.state != ItemState::Published {
        input.publish_up.unwrap_or(now)
    } else {
        current.published_at
    };
    let snapshot = Snapshot::of(&item, &input.tag_ids, &input.gallery).to_json()?;
    // The baseline, the new version, its revision and the audit entry: one transaction.
    let mut change = core.begin().await?;
    ensure_baseline_revision(core, &mut change, &current).await?;
    let stored = pamir_db::items::save(
        &mut change.tx,
        &pamir_db::items::Save {
            item: &item,
            expected_version,
            tag_ids: &input.tag_ids,
            gallery: &input.gallery,
            snapshot: &snapshot,
        },
    )
    .await
    .map_err(|e| slug_taken(CoreError::Db(e)))?;
    let Some(version) = stored else {
        // Lost a race with another save between the check and the write.
        drop(change);
        let now_current = load(core, actor, site, id).await?;
        return Ok(Saved::Conflict(Box::new(now_current)));
    };
    item.version = version;
    // What this editor kept unsaved is saved now.
    pamir_db::drafts::discard(&mut change.tx, site, id, actor.user.id).await?;
    change.audit(Some(site), actor, transition.audit_name(), &subject(&item), &format!("version {version}")).await?;
    if let Some((action, detail)) = also {
        change.audit(Some(site), actor, action, &subject(&item), &detail).await?;
    }
    change.content_changed(site);
    change.commit().await?;
    Ok(Saved::Stored(Box::new(item)))
}

/// Changes only the state, keeping every field as it is.
pub async fn transition(
    core: &Core,
    actor: &Actor,
    site: SiteId,
    id: i64,
    expected_version: i64,
    transition: Transition,
) -> Result<Saved, CoreError> {
    let current = load(core, actor, site, id).await?;
    let tags = pamir_db::items::tag_ids(&core.db, id).await?;
    let gallery = pamir_db::items::gallery(&core.db, id).await?;
    let input = Snapshot::of(&current, &tags, &gallery).into_input(&current);
    save(core, actor, site, id, expected_version, input, transition).await
}

/// Items created before the admin (the demo, imports, seeds) have no
/// revision yet; their state before the first edit is kept as one, so the
/// first edit can be compared and undone like any other.
async fn ensure_baseline_revision(core: &Core, change: &mut Change<'_>, item: &Item) -> Result<(), CoreError> {
    if !pamir_db::revisions::list(&core.db, item.id).await?.is_empty() {
        return Ok(());
    }
    let tags = pamir_db::items::tag_ids(&core.db, item.id).await?;
    let gallery = pamir_db::items::gallery(&core.db, item.id).await?;
    let snapshot = Snapshot::of(item, &tags, &gallery).to_json()?;
    pamir_db::revisions::insert(
        &mut change.tx,
        item.id,
        item.version,
        &snapshot,
        item.updated_by,
        item.updated_at.timestamp(),
    )
    .await?;
    Ok(())
}

/// Every revision of an item, newest first.
pub async fn revisions(
    core: &Core,
    actor: &Actor,
    site: SiteId,
    id: i64,
) -> Result<(Item, Vec<pamir_db::revisions::Revision>), CoreError> {
    let item = load(core, actor, site, id).await?;
    actor.require_on(Action::RestoreRevision, Action::EditOwnItem, item.created_by)?;
    let mut list = pamir_db::revisions::list(&core.db, id).await?;
    if list.is_empty() {
        let mut change = core.begin().await?;
        ensure_baseline_revision(core, &mut change, &item).await?;
        change.commit().await?;
        list = pamir_db::revisions::list(&core.db, id).await?;
    }
    Ok((item, list))
}

/// Restores an old revision's fields as a new save (the state stays as it
/// is now), so the restore itself can be undone.
pub async fn restore(
    core: &Core,
    actor: &Actor,
    site: SiteId,
    id: i64,
    revision_id: i64,
    expected_version: i64,
) -> Result<Saved, CoreError> {
    let item = load(core, actor, site, id).await?;
    actor.require_on(Action::RestoreRevision, Action::EditOwnItem, item.created_by)?;
    let revision = pamir_db::revisions::find(&core.db, id, revision_id)
        .await?
        .ok_or_else(|| CoreError::NotFound(format!("revision {revision_id}")))?;
    let mut input = Snapshot::from_json(&revision.snapshot)?.into_input(&item);
    input.state = item.state;
    let note = ("item.revision-restore", format!("version {}", revision.version));
    save_noting(core, actor, site, id, expected_version, input, Transition::Keep, Some(note)).await
}

async fn check_category(core: &Core, site: SiteId, category_id: i64) -> Result<(), CoreError> {
    if pamir_db::categories::ids(&core.db, site).await?.contains(&category_id) {
        Ok(())
    } else {
        Err(CoreError::rule("category_id", pamir_domain::Message::new("rule-category-unknown")))
    }
}

fn slug_taken(error: CoreError) -> CoreError {
    match error {
        CoreError::Db(DbError::Conflict(_)) => CoreError::rule("slug", pamir_domain::Message::new("rule-slug-taken")),
        other => other,
    }
}

fn subject(item: &Item) -> String {
    format!("item {} ({}) {}", item.id, item.lang, item.title)
}
