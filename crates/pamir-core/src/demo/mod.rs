//! The demo mission site: a fictional agency's mission in Tajikistan, in
//! English, Russian and Tajik, loaded into an empty database by `serve --demo`.
//!
//! The content lives in `content.toml` and `media/` beside this file and is
//! compiled into the binary.

mod content;
mod years;

use crate::change::Change;
use crate::items::{self, ItemInput};
use crate::{Core, CoreError};
use chrono::{DateTime, Utc};
use content::DemoContent;
use pamir_db::categories::CategoryText;
use pamir_db::media::NewMedia;
use pamir_db::tags::TagText;
use pamir_domain::site::{ContactDetails, FrontSection, Identity, SiteSettings};
use pamir_domain::{EventDetails, ItemState, Lang, SiteId, SourceCitation};
use std::collections::HashMap;

mod media_files {
    include!(concat!(env!("OUT_DIR"), "/demo_media.rs"));
}

const CONTENT: &str = include_str!("content.toml");

/// What loading did.
#[derive(Debug, PartialEq, Eq)]
pub enum Loaded {
    /// The site already had content; nothing was touched.
    AlreadyHasContent,
    Loaded {
        items: usize,
    },
}

/// Fills `site` with the demo content, unless it already has items.
pub async fn load(core: &Core, site: SiteId) -> Result<Loaded, CoreError> {
    if pamir_db::items::count_all(&core.db, site).await? > 0 {
        return Ok(Loaded::AlreadyHasContent);
    }
    if !pamir_db::categories::ids(&core.db, site).await?.is_empty() {
        return Err(CoreError::Invalid(
            "the site has categories but no items (an earlier demo load was interrupted?): \
             start from an empty data folder or database to load the demo"
                .into(),
        ));
    }
    let now = core.clock.now();
    let current = years::move_years(CONTENT, years::years_since_written(now));
    let content: DemoContent =
        toml::from_str(&current).map_err(|e| CoreError::Invalid(format!("demo content: {e}")))?;

    // All of the demo or none of it: one transaction.
    let mut change = core.begin().await?;
    let categories = load_categories(core, &mut change, site, &content).await?;
    let tags = load_tags(core, &mut change, site, &content).await?;
    let media = load_media(core, &mut change, site, &content).await?;
    pamir_db::settings::save(&mut change.tx, site, &settings(&content, &media)?).await?;

    let mut groups: HashMap<&str, i64> = HashMap::new();
    let mut inputs = Vec::new();
    for item in &content.items {
        let group_id = match groups.get(item.group.as_str()) {
            Some(id) => *id,
            None => {
                let id = pamir_db::items::create_group(&mut change.tx, site, now).await?;
                groups.insert(&item.group, id);
                id
            }
        };
        let find = |map: &HashMap<String, i64>, key: &str, what: &str| {
            map.get(key)
                .copied()
                .ok_or_else(|| CoreError::Invalid(format!("demo item {}: unknown {what} {key:?}", item.slug)))
        };
        let mut input =
            ItemInput::article(site, lang(&item.lang)?, find(&categories, &item.category, "category")?, &item.title);
        input.group_id = Some(group_id);
        input.kind = pamir_domain::ItemKind::parse(&item.kind)
            .ok_or_else(|| CoreError::Invalid(format!("demo item {}: unknown kind {:?}", item.slug, item.kind)))?;
        input.slug = item.slug.clone();
        input.teaser_markdown = item.teaser.clone();
        input.body_markdown = item.body.clone();
        input.byline = Some(item.byline.clone());
        input.dateline = Some(item.dateline.clone());
        input.published_at = Some(date(&item.published)?);
        input.featured = item.featured;
        input.featured_order = item.featured_order;
        input.state = ItemState::Published;
        input.image_id = item.image.as_deref().map(|key| find(&media, key, "image")).transpose()?;
        input.tag_ids = item.tags.iter().map(|key| find(&tags, key, "tag")).collect::<Result<_, _>>()?;
        input.gallery = item.gallery.iter().map(|key| find(&media, key, "image")).collect::<Result<_, _>>()?;
        input.source = item.source.as_ref().map(|source| SourceCitation {
            title: source.title.clone(),
            publisher: Some(source.publisher.clone()),
            url: Some(source.url.clone()),
            date: Some(source.date.clone()),
        });
        input.key_figure = item.key_figure.clone();
        input.event = match &item.event {
            Some(event) => Some(EventDetails {
                starts_at: date(&event.start)?,
                ends_at: Some(date(&event.end)?),
                venue: Some(event.venue.clone()),
                entries_deadline: event.deadline.as_deref().map(date).transpose()?,
                registration_url: event.registration_url.clone(),
            }),
            None => None,
        };
        inputs.push(input);
    }
    let created = items::create_many_in(core, &mut change, inputs).await?;
    change.content_changed(site);
    change.commit().await?;
    Ok(Loaded::Loaded { items: created.len() })
}

fn lang(code: &str) -> Result<Lang, CoreError> {
    Lang::parse(code).map_err(|e| CoreError::Invalid(format!("demo content: {e}")))
}

fn date(text: &str) -> Result<DateTime<Utc>, CoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| CoreError::Invalid(format!("demo content: date {text:?}: {e}")))
}

fn settings(content: &DemoContent, media: &HashMap<String, i64>) -> Result<SiteSettings, CoreError> {
    let site = &content.site;
    let identity = &content.identity;
    let logo = media
        .get(&identity.logo)
        .copied()
        .ok_or_else(|| CoreError::Invalid(format!("demo identity: unknown logo {:?}", identity.logo)))?;
    Ok(SiteSettings {
        name: site.name.clone(),
        tagline: site.tagline.clone(),
        languages: site.languages.iter().map(|code| lang(code)).collect::<Result<_, _>>()?,
        default_lang: lang(&site.default_lang)?,
        front_page_size: site.front_page_size,
        // The demo shows what a full-text feed looks like.
        feed_full_text: true,
        mfa_required: false,
        fallbacks: Default::default(),
        time_zone: site.time_zone,
        identity: Identity {
            organisation: identity.organisation.clone(),
            brand_colour: Some(identity.brand_colour),
            logo_media_id: Some(logo),
            social: identity.social.clone(),
            key_pages: identity.key_pages.clone(),
            front_sections: FrontSection::standard_order(),
        },
        contact: ContactDetails {
            address: content.contact.address.clone(),
            hours: content.contact.hours.clone(),
            phones: vec![content.contact.phone_main.clone(), content.contact.phone_mobile.clone()],
            fax: Some(content.contact.fax.clone()),
            email: Some(content.contact.email.clone()),
        },
    })
}

async fn load_categories(
    core: &Core,
    change: &mut Change<'_>,
    site: SiteId,
    content: &DemoContent,
) -> Result<HashMap<String, i64>, CoreError> {
    let now = core.clock.now().timestamp();
    let mut ids = HashMap::new();
    for (position, category) in content.categories.iter().enumerate() {
        let parent = match category.parent.as_str() {
            "" => None,
            key => Some(*ids.get(key).ok_or_else(|| {
                CoreError::Invalid(format!("demo category {}: parent {key:?} must come first", category.key))
            })?),
        };
        let texts: Vec<CategoryText<'_>> = category
            .name
            .0
            .iter()
            .map(|(lang, name)| CategoryText {
                lang,
                name,
                slug: category.slug.0.get(lang).map_or("", String::as_str),
                description: category.description.0.get(lang).map_or("", String::as_str),
            })
            .collect();
        let id = pamir_db::categories::insert(&mut change.tx, site, parent, position as i64, &texts, now).await?;
        ids.insert(category.key.clone(), id);
    }
    Ok(ids)
}

async fn load_tags(
    core: &Core,
    change: &mut Change<'_>,
    site: SiteId,
    content: &DemoContent,
) -> Result<HashMap<String, i64>, CoreError> {
    let now = core.clock.now().timestamp();
    let mut ids = HashMap::new();
    for tag in &content.tags {
        let texts: Vec<TagText<'_>> = tag
            .name
            .0
            .iter()
            .map(|(lang, name)| TagText { lang, name, slug: tag.slug.0.get(lang).map_or("", String::as_str) })
            .collect();
        ids.insert(tag.key.clone(), pamir_db::tags::insert(&mut change.tx, site, &texts, now).await?);
    }
    Ok(ids)
}

async fn load_media(
    core: &Core,
    change: &mut Change<'_>,
    site: SiteId,
    content: &DemoContent,
) -> Result<HashMap<String, i64>, CoreError> {
    let now = core.clock.now().timestamp();
    let folder = core.media_dir.join("demo");
    tokio::fs::create_dir_all(&folder).await?;
    let mut ids = HashMap::new();
    for media in &content.media {
        let (_, bytes) = media_files::FILES
            .iter()
            .find(|(name, _)| *name == media.file)
            .ok_or_else(|| CoreError::Invalid(format!("demo media file {} is missing", media.file)))?;
        tokio::fs::write(folder.join(&media.file), bytes).await?;
        let texts = media
            .alt
            .0
            .iter()
            .map(|(lang, alt)| (lang.as_str(), alt.as_str(), media.caption.0.get(lang).map_or("", String::as_str)))
            .collect();
        let path = format!("demo/{}", media.file);
        let new = NewMedia {
            path: &path,
            mime_type: "image/svg+xml",
            width: media.width,
            height: media.height,
            byte_size: bytes.len() as i64,
            credit: &media.credit,
            variants: &[],
            decorative: false,
            created_by: None,
            texts,
        };
        ids.insert(media.key.clone(), pamir_db::media::insert(&mut change.tx, site, &new, now).await?);
    }
    Ok(ids)
}

/// The demo's administrator account.
pub const ADMIN_EMAIL: &str = "admin@example.org";

/// Makes sure the demo has an administrator and gives it a fresh password,
/// returned to be printed: the demo is for trying things, so whoever starts
/// it can always sign in.
pub async fn admin_login(core: &Core) -> Result<(String, String), CoreError> {
    let password = crate::auth::password::generate()?;
    match pamir_db::users::find_by_email(&core.db, ADMIN_EMAIL).await? {
        Some(existing) => {
            let hash = crate::auth::password::hash(&password)?;
            let mut change = core.begin().await?;
            let now = core.clock.now().timestamp();
            pamir_db::users::set_password_hash(&mut change.tx, existing.user.id, &hash, now).await?;
            change.commit().await?;
        }
        None => {
            let account = crate::users::NewAccount {
                email: ADMIN_EMAIL.to_owned(),
                display_name: "Demo administrator".to_owned(),
                role: pamir_domain::Role::Administrator,
                password: Some(password.clone()),
            };
            crate::users::add(core, None, account).await?;
        }
    }
    Ok((ADMIN_EMAIL.to_owned(), password))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The demo shows what a good page looks like: the editor's checks
    /// (alt text, headings, link words, tables, capitals, teaser length)
    /// find nothing in it.
    #[test]
    fn the_demo_passes_the_editors_own_checks() {
        let content: DemoContent = toml::from_str(CONTENT).expect("demo content");
        let findings: Vec<String> = content
            .items
            .iter()
            .flat_map(|item| {
                pamir_content::checks::check(&item.teaser, &item.body)
                    .into_iter()
                    .map(move |finding| format!("{}: {} {:?}", item.slug, finding.key, finding.about))
            })
            .collect();
        assert!(findings.is_empty(), "{findings:#?}");
    }
}
