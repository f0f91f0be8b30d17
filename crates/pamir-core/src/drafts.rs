//! Drafts: what an editor has typed into an item and not saved, kept on the
//! server a few seconds after each change, so that a closed tab, a lost
//! phone or a crashed browser loses nothing. One draft per item and editor;
//! saving the item ends it in the save's own transaction. A fresh draft is
//! also how the item's other editors learn that someone is at work on it.
//!
//! Drafts are not content: they change nothing readers see, send no
//! notice and leave no audit entry (one every few seconds would bury the
//! log); the save that follows is audited as always.

use crate::audit::Actor;
use crate::{Core, CoreError};
use pamir_domain::{Action, SiteId};

/// How long after their last change another editor counts as at work on the item.
pub const PRESENT_FOR_SECONDS: i64 = 120;

/// The most a draft may hold: a long text, its teaser and the item's other fields.
pub const MAX_BYTES: usize = 2_000_000;

/// An editor's unsaved fields of an item.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The form's fields as typed, in their order.
    pub fields: Vec<(String, String)>,
    /// The item's version the editor started from: saving the draft over a
    /// newer version is a conflict, as any stale save.
    pub base_version: i64,
    /// When it was kept (Unix seconds).
    pub saved_at: i64,
}

/// Someone else at work on the item.
#[derive(Debug, Clone, PartialEq)]
pub struct Present {
    pub name: String,
    /// Their last change (Unix seconds).
    pub at: i64,
}

/// The fields a draft does not keep: the form's token and the button pressed.
fn kept(name: &str) -> bool {
    !matches!(name, "csrf" | "action" | "version")
}

/// Keeps `fields` as the actor's draft of item `id`, started from
/// `base_version` (the form's); answers who else is at work on it.
pub async fn keep(
    core: &Core,
    actor: &Actor,
    site: SiteId,
    id: i64,
    base_version: Option<i64>,
    fields: Vec<(String, String)>,
) -> Result<Vec<Present>, CoreError> {
    let item = crate::editing::load(core, actor, site, id).await?;
    actor.require_on(Action::EditAnyItem, Action::EditOwnItem, item.created_by)?;
    let Some(base_version) = base_version else {
        return Err(CoreError::rule("version", pamir_domain::Message::new("rule-draft-version")));
    };
    let fields: Vec<(String, String)> = fields.into_iter().filter(|(name, _)| kept(name)).collect();
    let json = serde_json::to_string(&fields).map_err(|e| CoreError::Internal(format!("draft: {e}")))?;
    if json.len() > MAX_BYTES {
        return Err(CoreError::rule("draft", pamir_domain::Message::new("rule-draft-too-large")));
    }
    let now = core.clock.now().timestamp();
    let mut change = core.begin().await?;
    pamir_db::drafts::keep(&mut change.tx, site, id, actor.user.id, &json, base_version, now).await?;
    change.commit().await?;
    others(core, actor, site, id).await
}

/// The actor's draft of item `id`, if one is kept.
pub async fn mine(core: &Core, actor: &Actor, site: SiteId, id: i64) -> Result<Option<Draft>, CoreError> {
    let Some(row) = pamir_db::drafts::mine(&core.db, site, id, actor.user.id).await? else {
        return Ok(None);
    };
    let fields: Vec<(String, String)> =
        serde_json::from_str(&row.fields).map_err(|e| CoreError::Internal(format!("draft of item {id}: {e}")))?;
    Ok(Some(Draft { fields, base_version: row.base_version, saved_at: row.saved_at }))
}

/// The other editors who changed item `id` in the last two minutes, latest first.
pub async fn others(core: &Core, actor: &Actor, site: SiteId, id: i64) -> Result<Vec<Present>, CoreError> {
    let since = core.clock.now().timestamp() - PRESENT_FOR_SECONDS;
    let rows = pamir_db::drafts::others(&core.db, site, id, actor.user.id, since).await?;
    Ok(rows.into_iter().map(|(name, at)| Present { name, at }).collect())
}

/// Throws the actor's draft of item `id` away.
pub async fn discard(core: &Core, actor: &Actor, site: SiteId, id: i64) -> Result<(), CoreError> {
    crate::editing::load(core, actor, site, id).await?;
    let mut change = core.begin().await?;
    pamir_db::drafts::discard(&mut change.tx, site, id, actor.user.id).await?;
    change.commit().await
}
