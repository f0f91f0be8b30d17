//! What an importer may do to a site, and only through here: the same
//! rules and transactions as the admin's. Each record an import brings is
//! written together with the note of where it came from (its source, kind
//! and id there), in one transaction, so a run that stops half-way and is
//! started again finds exactly what the first one stored, never a row
//! without its note or a note without its row. Items go through
//! [`crate::items::create_many`], which checks each against the domain's
//! rules; files through [`crate::media::import`].
//!
//! Importers are run from the console by the machine's operator; what they
//! write leaves audit entries with no user and the origin "console".

use crate::auth::sessions::Origin;
use crate::change::Change;
use crate::{Core, CoreError};
use pamir_db::DbError;
use pamir_db::categories::CategoryText;
use pamir_db::tags::TagText;
use pamir_domain::site::SiteSettings;
use pamir_domain::taxonomy::Category;
use pamir_domain::{Lang, Role, SiteId};
use std::collections::HashMap;

/// One record of the old site: which import, what kind, its id there.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    pub source: &'a str,
    pub kind: &'a str,
    pub id: &'a str,
}

/// A category's or tag's name and address in one language.
#[derive(Debug, Clone, Copy)]
pub struct Naming<'a> {
    pub lang: &'a str,
    pub name: &'a str,
    pub slug: &'a str,
}

/// A person who wrote on the old site.
#[derive(Debug, Clone, Copy)]
pub struct ImportedUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    /// The old site's hash when pamir can check it (see `auth::legacy`).
    pub password_hash: Option<&'a str>,
    pub disabled: bool,
}

fn console() -> Origin {
    Origin { ip: "console".into(), user_agent: String::new() }
}

pub(crate) async fn remember_in(
    change: &mut Change<'_>,
    site: SiteId,
    record: Record<'_>,
    target: i64,
) -> Result<(), CoreError> {
    let now = change.now().timestamp();
    pamir_db::import_sources::remember(&mut change.tx, site, record.source, record.kind, record.id, target, now)
        .await?;
    Ok(())
}

/// What this source brought before, of this kind: its id there → ours.
pub async fn known(core: &Core, site: SiteId, source: &str, kind: &str) -> Result<HashMap<String, i64>, CoreError> {
    Ok(pamir_db::import_sources::known(&core.db, site, source, kind).await?)
}

/// Notes that the record is a row the site had already (a user found by
/// e-mail address, a category of that name).
pub async fn remember(core: &Core, site: SiteId, record: Record<'_>, target: i64) -> Result<(), CoreError> {
    let mut change = core.begin().await?;
    remember_in(&mut change, site, record, target).await?;
    change.commit().await
}

/// The rules on category and tag names, as the admin is held to them.
fn check_names(names: &[Naming<'_>]) -> Result<(), CoreError> {
    names.iter().try_for_each(|n| pamir_domain::taxonomy::check_name(n.name).map_err(CoreError::Rules))
}

/// Adds a category and notes where it came from. `None` when its address
/// is taken at that level: nothing was stored, and the importer decides
/// what to call it instead.
pub async fn add_category(
    core: &Core,
    site: SiteId,
    parent: Option<i64>,
    names: &[Naming<'_>],
    record: Record<'_>,
) -> Result<Option<i64>, CoreError> {
    check_names(names)?;
    let texts: Vec<CategoryText<'_>> =
        names.iter().map(|n| CategoryText { lang: n.lang, name: n.name, slug: n.slug, description: "" }).collect();
    let mut change = core.begin().await?;
    let now = change.now().timestamp();
    let id = match pamir_db::categories::insert(&mut change.tx, site, parent, 0, &texts, now).await {
        Ok(id) => id,
        Err(DbError::Conflict(_)) => return Ok(None),
        Err(error) => return Err(error.into()),
    };
    remember_in(&mut change, site, record, id).await?;
    change.content_changed(site);
    change.commit().await?;
    Ok(Some(id))
}

/// Names an existing category in one more language (a translation the old
/// site kept as a category of its own); a language it has is left alone.
pub async fn add_category_language(core: &Core, site: SiteId, id: i64, naming: Naming<'_>) -> Result<(), CoreError> {
    let (position, texts) = pamir_db::categories::texts(&core.db, site, id)
        .await?
        .ok_or_else(|| CoreError::NotFound(format!("category {id}")))?;
    if texts.iter().any(|(lang, _, _)| lang == naming.lang) {
        return Ok(());
    }
    pamir_domain::taxonomy::check_name(naming.name).map_err(CoreError::Rules)?;
    let text = CategoryText { lang: naming.lang, name: naming.name, slug: naming.slug, description: "" };
    let mut change = core.begin().await?;
    let now = change.now().timestamp();
    pamir_db::categories::update(&mut change.tx, site, id, position, &[text], now).await?;
    change.content_changed(site);
    change.commit().await
}

/// Adds a tag and notes where it came from; `None` when its address is taken.
pub async fn add_tag(
    core: &Core,
    site: SiteId,
    names: &[Naming<'_>],
    record: Record<'_>,
) -> Result<Option<i64>, CoreError> {
    check_names(names)?;
    let texts: Vec<TagText<'_>> = names.iter().map(|n| TagText { lang: n.lang, name: n.name, slug: n.slug }).collect();
    let mut change = core.begin().await?;
    let now = change.now().timestamp();
    let id = match pamir_db::tags::insert(&mut change.tx, site, &texts, now).await {
        Ok(id) => id,
        Err(DbError::Conflict(_)) => return Ok(None),
        Err(error) => return Err(error.into()),
    };
    remember_in(&mut change, site, record, id).await?;
    change.commit().await?;
    Ok(Some(id))
}

/// The user with this e-mail address, if the site has one.
pub async fn find_user(core: &Core, email: &str) -> Result<Option<i64>, CoreError> {
    Ok(pamir_db::users::find_id_by_email(&core.db, email).await?)
}

/// Adds a user of the old site, noting where they came from.
pub async fn add_user(core: &Core, site: SiteId, user: ImportedUser<'_>, record: Record<'_>) -> Result<i64, CoreError> {
    if !pamir_domain::contact::looks_like_email(user.email) {
        let message = pamir_domain::Message::new("rule-email-invalid").with("email", user.email);
        return Err(CoreError::rule("email", message));
    }
    let mut change = core.begin().await?;
    let now = change.now().timestamp();
    let new = pamir_db::users::NewUser {
        email: user.email,
        display_name: user.display_name,
        role: user.role.as_str(),
        password_hash: user.password_hash,
    };
    let id = pamir_db::users::insert(&mut change.tx, &new, now).await?;
    if user.disabled {
        let changes = pamir_db::users::UserChanges { display_name: user.display_name, role: user.role, disabled: true };
        pamir_db::users::update(&mut change.tx, id, &changes, now).await?;
    }
    remember_in(&mut change, site, record, id).await?;
    let subject = format!("user {}", pamir_db::users::normalise_email(user.email));
    change.audit_as(Some(site), None, &console(), "user.import", &subject, user.role.as_str()).await?;
    change.commit().await?;
    Ok(id)
}

/// The site's settings, for an importer to add to.
pub async fn settings(core: &Core, site: SiteId) -> Result<SiteSettings, CoreError> {
    Ok(pamir_db::settings::load(&core.db, site).await?)
}

/// Saves settings an importer changed (languages the articles are written
/// in, the office contact), checked like the admin's.
pub async fn save_settings(core: &Core, site: SiteId, settings: &SiteSettings) -> Result<(), CoreError> {
    crate::site_admin::check_settings(settings)?;
    let mut change = core.begin().await?;
    pamir_db::settings::save(&mut change.tx, site, settings).await?;
    change.audit_as(Some(site), None, &console(), "settings.import", "site settings", "").await?;
    change.content_changed(site);
    change.commit().await
}

/// Stores (old address, new address) redirects; old addresses that lead
/// somewhere already keep it. Returns how many were added.
pub async fn add_redirects(
    core: &Core,
    site: SiteId,
    redirects: &[(String, String)],
    origin: &str,
) -> Result<usize, CoreError> {
    let mut change = core.begin().await?;
    let now = change.now().timestamp();
    let added = pamir_db::redirects::insert_many(&mut change.tx, site, redirects, origin, now).await?;
    change.commit().await?;
    Ok(added)
}

/// The site's categories with words in `lang`.
pub async fn categories(core: &Core, site: SiteId, lang: &Lang) -> Result<Vec<Category>, CoreError> {
    Ok(pamir_db::categories::list(&core.db, site, lang).await?)
}

/// The items the site has with these ids, as stored (rendered and sanitised), by id.
pub async fn items(
    core: &Core,
    site: SiteId,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, pamir_domain::Item>, CoreError> {
    let found = pamir_db::items::find_by_ids(&core.db, site, ids).await?;
    Ok(found.into_iter().map(|item| (item.id, item)).collect())
}

/// The addresses the site's items already take, (category, language,
/// slug), so that an import gives its own items others.
pub async fn taken_addresses(core: &Core, site: SiteId) -> Result<Vec<(i64, String, String)>, CoreError> {
    Ok(pamir_db::items::all_addresses(&core.db, site).await?)
}

/// Where items live: (id, language, category, slug).
pub async fn item_addresses(
    core: &Core,
    site: SiteId,
    ids: &[i64],
) -> Result<Vec<(i64, String, i64, String)>, CoreError> {
    Ok(pamir_db::items::addresses_by_ids(&core.db, site, ids).await?)
}

/// The stored path of each of these media files.
pub async fn media_paths(core: &Core, ids: &[i64], lang: &Lang) -> Result<HashMap<i64, String>, CoreError> {
    let media = pamir_db::media::get_many(&core.db, ids, lang, lang).await?;
    Ok(media.into_iter().map(|m| (m.id, m.path)).collect())
}
