//! Running a site from the admin: categories, tags, settings and redirects.
//! Each step checks the actor's role, then writes its rows and its audit
//! entry in one transaction and announces the change so cached pages go.

use crate::audit::Actor;
use crate::{Core, CoreError};
use pamir_content::slug::{is_valid_slug, slugify};
use pamir_db::DbError;
use pamir_db::categories::CategoryText;
use pamir_db::tags::TagText;
use pamir_domain::site::SiteSettings;
use pamir_domain::{Action, Message, SiteId, Violations};

/// A name per language; the slug is made from the name when left empty.
pub struct Naming {
    pub lang: String,
    pub name: String,
    pub slug: String,
}

fn slugs(names: &[Naming]) -> Result<Vec<(String, String, String)>, CoreError> {
    let named: Vec<&Naming> = names.iter().filter(|n| !n.name.trim().is_empty()).collect();
    if named.is_empty() {
        return Err(CoreError::rule("name", Message::new("rule-name-needed")));
    }
    named
        .into_iter()
        .map(|n| {
            pamir_domain::taxonomy::check_name(n.name.trim()).map_err(CoreError::Rules)?;
            let slug = if n.slug.trim().is_empty() { slugify(n.name.trim()) } else { n.slug.trim().to_owned() };
            if !is_valid_slug(&slug) {
                return Err(CoreError::rule("slug", Message::new("rule-slug-invalid").with("slug", &slug)));
            }
            Ok((n.lang.clone(), n.name.trim().to_owned(), slug))
        })
        .collect()
}

/// A taken address, said as the rule it breaks (`key`); other failures stay what they are.
fn taken(key: &'static str) -> impl Fn(DbError) -> CoreError {
    move |error| match error {
        DbError::Conflict(_) => CoreError::rule("slug", Message::new(key)),
        other => CoreError::Db(other),
    }
}

pub async fn add_category(
    core: &Core,
    actor: &Actor,
    site: SiteId,
    parent_id: Option<i64>,
    names: &[Naming],
) -> Result<i64, CoreError> {
    actor.require(Action::ManageTaxonomy)?;
    let existing = pamir_db::categories::ids(&core.db, site).await?;
    if parent_id.is_some_and(|parent| !existing.contains(&parent)) {
        return Err(CoreError::rule("parent", Message::new("rule-parent-unknown")));
    }
    let texts = slugs(names)?;
    let rows: Vec<CategoryText<'_>> =
        texts.iter().map(|(lang, name, slug)| CategoryText { lang, name, slug, description: "" }).collect();
    let position = existing.len() as i64;
    let mut change = core.begin().await?;
    let id =
        pamir_db::categories::insert(&mut change.tx, site, parent_id, position, &rows, core.clock.now().timestamp())
            .await
            .map_err(taken("rule-category-slug-taken"))?;
    change.audit(Some(site), actor, "category.create", &format!("category {id} {}", texts[0].1), "").await?;
    change.content_changed(site);
    change.commit().await?;
    Ok(id)
}

pub async fn add_tag(core: &Core, actor: &Actor, site: SiteId, names: &[Naming]) -> Result<i64, CoreError> {
    actor.require(Action::ManageTaxonomy)?;
    let texts = slugs(names)?;
    let rows: Vec<TagText<'_>> = texts.iter().map(|(lang, name, slug)| TagText { lang, name, slug }).collect();
    let mut change = core.begin().await?;
    let id = pamir_db::tags::insert(&mut change.tx, site, &rows, core.clock.now().timestamp())
        .await
        .map_err(taken("rule-tag-slug-taken"))?;
    change.audit(Some(site), actor, "tag.create", &format!("tag {id} {}", texts[0].1), "").await?;
    change.content_changed(site);
    change.commit().await?;
    Ok(id)
}

/// Saves the site's settings after checking them.
pub async fn save_settings(core: &Core, actor: &Actor, site: SiteId, settings: SiteSettings) -> Result<(), CoreError> {
    actor.require(Action::ManageSettings)?;
    check_settings(&settings)?;
    let mut change = core.begin().await?;
    pamir_db::settings::save(&mut change.tx, site, &settings).await?;
    change.audit(Some(site), actor, "settings.save", "site settings", "").await?;
    change.content_changed(site);
    change.commit().await
}

/// The rules every writer's settings keep.
pub fn check_settings(settings: &SiteSettings) -> Result<(), CoreError> {
    let mut rules = Violations::default();
    rules.check(settings.languages.is_empty(), "languages", || Message::new("rule-languages-empty"));
    rules.check(!settings.offers(&settings.default_lang), "default_lang", || Message::new("rule-default-language"));
    rules.check(!(1..=100).contains(&settings.front_page_size), "front_page_size", || {
        Message::new("rule-front-page-size").with("max", "100")
    });
    rules.check(settings.name.0.values().all(|name| name.trim().is_empty()), "name", || {
        Message::new("rule-site-name-empty")
    });
    // Every page shows the name, and the contact page the rest: a megabyte
    // pasted into one of them would weigh on every reader's page.
    let contact = &settings.contact;
    let lengths: [(&str, usize, Vec<&str>); 7] = [
        ("name", 200, settings.name.0.values().map(String::as_str).collect()),
        ("tagline", 300, settings.tagline.0.values().map(String::as_str).collect()),
        ("address", 1000, contact.address.0.values().map(String::as_str).collect()),
        ("hours", 500, contact.hours.0.values().map(String::as_str).collect()),
        ("phones", 60, contact.phones.iter().map(String::as_str).collect()),
        ("fax", 60, contact.fax.iter().map(String::as_str).collect()),
        ("email", 254, contact.email.iter().map(String::as_str).collect()),
    ];
    for (field, max, texts) in lengths {
        rules.check(texts.iter().any(|text| text.chars().count() > max), field, || {
            Message::new("rule-too-long").with("max", max)
        });
    }
    check_identity(&settings.identity, &mut rules);
    if rules.0.is_empty() { Ok(()) } else { Err(CoreError::Rules(rules)) }
}

/// The brand colour must leave every text readable; links must go to the web
/// (or, for key pages, to a path on this site).
fn check_identity(identity: &pamir_domain::site::Identity, rules: &mut Violations) {
    use pamir_domain::colour::Palette;
    if let Some(Err(failing)) = identity.brand_colour.map(Palette::from_brand) {
        for pair in failing {
            rules.add(
                "brand_colour",
                Message::new("rule-brand-contrast")
                    .with("pair", pair.pair)
                    .with("ratio", format!("{:.1}", pair.ratio))
                    .with("min", "4.5"),
            );
        }
    }
    let organisation_too_long = identity.organisation.0.values().any(|name| name.chars().count() > 200);
    rules.check(organisation_too_long, "organisation", || Message::new("rule-too-long").with("max", 200));
    let social_ok = identity.social.iter().all(|link| pamir_domain::rules::is_web_address(&link.url));
    rules.check(!social_ok, "social", || Message::new("rule-social-link"));
    let key_pages_ok = identity.key_pages.values().flatten().all(|link| {
        (link.url.starts_with('/') && !link.url.starts_with("//")) || pamir_domain::rules::is_web_address(&link.url)
    });
    rules.check(!key_pages_ok, "key_pages", || Message::new("rule-key-page-link"));
    let labels_ok = identity
        .social
        .iter()
        .chain(identity.key_pages.values().flatten())
        .all(|link| !link.label.trim().is_empty() && link.label.chars().count() <= 80);
    rules.check(!labels_ok, "links", || Message::new("rule-link-label"));
}

/// Renames a category in its languages (adding missing ones) and sets its
/// position among its siblings (smaller first).
pub async fn update_category(
    core: &Core,
    actor: &Actor,
    site: SiteId,
    id: i64,
    position: i64,
    names: &[Naming],
) -> Result<(), CoreError> {
    actor.require(Action::ManageTaxonomy)?;
    let texts = slugs(names)?;
    let rows: Vec<CategoryText<'_>> =
        texts.iter().map(|(lang, name, slug)| CategoryText { lang, name, slug, description: "" }).collect();
    let mut change = core.begin().await?;
    pamir_db::categories::update(&mut change.tx, site, id, position, &rows, core.clock.now().timestamp())
        .await
        .map_err(|e| match e {
            DbError::NotFound(what) => CoreError::NotFound(what),
            other => taken("rule-category-slug-taken")(other),
        })?;
    change.audit(Some(site), actor, "category.update", &format!("category {id} {}", texts[0].1), "").await?;
    change.content_changed(site);
    change.commit().await
}

pub async fn update_tag(core: &Core, actor: &Actor, site: SiteId, id: i64, names: &[Naming]) -> Result<(), CoreError> {
    actor.require(Action::ManageTaxonomy)?;
    if !pamir_db::tags::ids(&core.db, site).await?.contains(&id) {
        return Err(CoreError::NotFound(format!("tag {id}")));
    }
    let texts = slugs(names)?;
    let rows: Vec<TagText<'_>> = texts.iter().map(|(lang, name, slug)| TagText { lang, name, slug }).collect();
    let mut change = core.begin().await?;
    pamir_db::tags::update(&mut change.tx, site, id, &rows).await.map_err(taken("rule-tag-slug-taken"))?;
    change.audit(Some(site), actor, "tag.update", &format!("tag {id} {}", texts[0].1), "").await?;
    change.content_changed(site);
    change.commit().await
}

/// Maps an old address (as readers ask for it) to a page of this site.
pub async fn add_redirect(core: &Core, actor: &Actor, site: SiteId, old: &str, target: &str) -> Result<(), CoreError> {
    actor.require(Action::ManageTaxonomy)?;
    let (path, query) = match old.trim().split_once('?') {
        Some((path, query)) => (path.to_owned(), Some(query.to_owned())),
        None => (old.trim().to_owned(), None),
    };
    if !path.starts_with('/') {
        return Err(CoreError::rule("old", Message::new("rule-redirect-old-path")));
    }
    let target = check_target(target)?;
    let old = crate::redirects::normalise(&path, query.as_deref());
    let mut change = core.begin().await?;
    if !pamir_db::redirects::insert(&mut change.tx, site, &old, &target, "editor", core.clock.now().timestamp()).await?
    {
        return Err(CoreError::rule("old", Message::new("rule-redirect-exists").with("old", &old)));
    }
    pamir_db::redirects::forget_not_found(&mut change.tx, site, &old).await?;
    change.audit(Some(site), actor, "redirect.create", &format!("redirect {old}"), &target).await?;
    change.commit().await
}

pub async fn update_redirect(core: &Core, actor: &Actor, site: SiteId, id: i64, target: &str) -> Result<(), CoreError> {
    actor.require(Action::ManageTaxonomy)?;
    let target = check_target(target)?;
    let mut change = core.begin().await?;
    if !pamir_db::redirects::update(&mut change.tx, site, id, &target).await? {
        return Err(CoreError::NotFound(format!("redirect {id}")));
    }
    change.audit(Some(site), actor, "redirect.update", &format!("redirect {id}"), &target).await?;
    change.commit().await
}

pub async fn delete_redirect(core: &Core, actor: &Actor, site: SiteId, id: i64) -> Result<(), CoreError> {
    actor.require(Action::ManageTaxonomy)?;
    let mut change = core.begin().await?;
    if !pamir_db::redirects::delete(&mut change.tx, site, id).await? {
        return Err(CoreError::NotFound(format!("redirect {id}")));
    }
    change.audit(Some(site), actor, "redirect.delete", &format!("redirect {id}"), "").await?;
    change.commit().await
}

/// A redirect leads to a path of this site or to an absolute http(s) address.
fn check_target(target: &str) -> Result<String, CoreError> {
    let target = target.trim();
    let local = target.starts_with('/') && !target.starts_with("//");
    let absolute = target.starts_with("https://") || target.starts_with("http://");
    if (local || absolute) && !target.contains(char::is_whitespace) {
        Ok(target.to_owned())
    } else {
        Err(CoreError::rule("target", Message::new("rule-redirect-target")))
    }
}
