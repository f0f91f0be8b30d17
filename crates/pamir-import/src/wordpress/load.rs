//! Loading a read WordPress export into a pamir site: categories (with
//! their tree), tags, posts and pages as items, and 301s from the old
//! addresses. Every record's source id is remembered, so importing the same
//! export again adds nothing and says so. Items land in one transaction per
//! batch through `pamir-core` (rendered and sanitised like any other).

use super::model::{Export, Post, PostType, Status};
use crate::localise::{Files, OldSite};
use crate::names::{percent_decode, plain_title, slug_for};
use crate::report::Report;
use chrono::{DateTime, NaiveDateTime, Utc};
use pamir_core::imports::{self, ImportedUser, Naming, Record};
use pamir_core::items::ItemInput;
use pamir_core::{Core, CoreError};
use pamir_domain::taxonomy::CategoryTree;
use pamir_domain::{ItemKind, ItemState, Lang, SiteId};
use std::collections::{HashMap, HashSet};

/// How the export is to be loaded.
pub struct Options {
    /// The language the WordPress site was written in.
    pub lang: Lang,
    /// Count and check everything, write nothing.
    pub dry_run: bool,
    /// The site's `wp-content/uploads` folder (or a copy of it), where the
    /// attachments' files are; without it they are skipped. Nothing is
    /// ever fetched from the internet.
    pub files: Option<std::path::PathBuf>,
    /// The site's permalink structure, e.g. `/%year%/%monthnum%/%postname%/`,
    /// when old links used another than the export's `<link>` addresses.
    pub permalinks: Option<String>,
    /// Also make the export's authors pamir users (role Author, no password
    /// until an administrator sets one), as the authors of their posts.
    pub users: bool,
}

/// A post's address under a WordPress permalink structure. The tags are
/// WordPress's; dates are the post's local date, as WordPress used them.
pub fn permalink(structure: &str, post: &Post, category: Option<&str>) -> Option<String> {
    let date = NaiveDateTime::parse_from_str(&post.date, "%Y-%m-%d %H:%M:%S").ok()?;
    let slug = percent_decode(&post.slug);
    let mut path = structure.to_owned();
    for (tag, value) in [
        ("%year%", date.format("%Y").to_string()),
        ("%monthnum%", date.format("%m").to_string()),
        ("%day%", date.format("%d").to_string()),
        ("%hour%", date.format("%H").to_string()),
        ("%minute%", date.format("%M").to_string()),
        ("%second%", date.format("%S").to_string()),
        ("%post_id%", post.id.to_string()),
        ("%postname%", slug),
        ("%category%", category.unwrap_or("uncategorized").to_owned()),
        ("%author%", post.author_login.clone()),
    ] {
        path = path.replace(tag, &value);
    }
    (path.starts_with('/') && !path.contains('%')).then_some(path)
}

/// A post's teaser, body and whether its page shows the teaser above the
/// body. WordPress's post page shows the whole post: with an excerpt of its
/// own, that excerpt is the listings' summary and the body is the whole
/// post; without one, the part before `<!--more-->` is both the summary and
/// the post's opening.
fn teaser_and_body(html: &str, excerpt: &str) -> (String, String, bool) {
    let split = pamir_content::teaser::split_at_read_more(html);
    if !excerpt.trim().is_empty() {
        let whole = match split {
            Some((before, after)) => format!("{before}\n{after}"),
            None => html.to_owned(),
        };
        return (super::autop(excerpt), whole, false);
    }
    match split {
        Some((before, after)) if !before.trim().is_empty() => (before.to_owned(), after.to_owned(), true),
        Some((_, after)) => (String::new(), after.to_owned(), false),
        None => (String::new(), html.to_owned(), false),
    }
}

/// Items per transaction.
const BATCH: usize = 200;

fn source_key(export: &Export) -> String {
    let url = if export.blog_url.is_empty() { &export.base_url } else { &export.blog_url };
    format!("wordpress:{}", url.trim_end_matches('/'))
}

fn gmt(text: &Option<String>) -> Option<DateTime<Utc>> {
    let text = text.as_deref()?;
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").ok().map(|naive| naive.and_utc())
}

/// The path of an absolute address (`https://x.org/2011/01/post/` → `/2011/01/post/`).
fn path_of(link: &str) -> Option<String> {
    let rest = link.split_once("://").map(|(_, rest)| rest)?;
    let path = rest.find('/').map(|at| &rest[at..]).unwrap_or("/");
    Some(path.to_owned())
}

pub async fn load(
    core: &Core,
    site: SiteId,
    export: &Export,
    options: &Options,
    progress: &dyn crate::progress::Progress,
) -> Result<Report, CoreError> {
    let source = source_key(export);
    let mut report = Report::new("WordPress", options.dry_run);

    // Categories, parents first.
    let mut known_categories = imports::known(core, site, &source, "category").await?;
    let mut pending: Vec<&super::Category> = export.categories.iter().collect();
    let mut rounds = 0;
    while !pending.is_empty() && rounds < 64 {
        rounds += 1;
        let mut next = Vec::new();
        for category in pending {
            if known_categories.contains_key(&category.nicename) {
                report.unchanged("category");
                continue;
            }
            let parent = match &category.parent {
                Some(parent) if !parent.is_empty() => match known_categories.get(parent) {
                    Some(id) => Some(*id),
                    None if export.categories.iter().any(|c| &c.nicename == parent) => {
                        next.push(category);
                        continue;
                    }
                    None => {
                        report.warn(
                            &format!("category {}", category.nicename),
                            "its parent is not in the export; placed at the top",
                        );
                        None
                    }
                },
                _ => None,
            };
            let slug =
                slug_for(&category.nicename, &category.name, &format!("category-{}", category.term_id.unwrap_or(0)));
            let name = plain_title(&category.name);
            let id = if options.dry_run {
                -(known_categories.len() as i64) - 1
            } else {
                let naming = Naming { lang: options.lang.as_str(), name: &name, slug: &slug };
                let record = Record { source: &source, kind: "category", id: &category.nicename };
                imports::add_category(core, site, parent, &[naming], record).await?.ok_or_else(|| {
                    CoreError::Invalid(format!(
                        "category {:?}: the site has a category at {slug} already",
                        category.nicename
                    ))
                })?
            };
            known_categories.insert(category.nicename.clone(), id);
            report.added("category");
        }
        pending = next;
    }

    // Tags.
    let mut known_tags = imports::known(core, site, &source, "tag").await?;
    for tag in &export.tags {
        if known_tags.contains_key(&tag.slug) {
            report.unchanged("tag");
            continue;
        }
        let slug = slug_for(&tag.slug, &tag.name, &format!("tag-{}", tag.term_id.unwrap_or(0)));
        let name = plain_title(&tag.name);
        let id = if options.dry_run {
            -(known_tags.len() as i64) - 1
        } else {
            let naming = Naming { lang: options.lang.as_str(), name: &name, slug: &slug };
            let record = Record { source: &source, kind: "tag", id: &tag.slug };
            imports::add_tag(core, site, &[naming], record).await?.ok_or_else(|| {
                CoreError::Invalid(format!("tag {:?}: the site has a tag at {slug} already", tag.slug))
            })?
        };
        known_tags.insert(tag.slug.clone(), id);
        report.added("tag");
    }

    // Where posts without a category, and pages, go.
    for (key, name) in [("uncategorized", "Uncategorized"), ("pages", "Pages")] {
        if known_categories.contains_key(key) {
            continue;
        }
        let id =
            if options.dry_run { -1 } else { ensure_category(core, site, &source, &options.lang, key, name).await? };
        known_categories.insert(key.to_owned(), id);
    }

    progress.stage("attachments", export.attachments.len());
    let mut addresses: Vec<&str> = vec![&export.base_url, &export.blog_url];
    addresses.extend(export.attachments.iter().map(|a| a.url.as_str()));
    let old_site = OldSite::wordpress(&addresses);
    let mut files =
        Files::new(core, site, &source, options.files.as_deref(), old_site, &options.lang, options.dry_run).await?;
    let media = attachments(core, site, &source, export, options, &mut files, &mut report, progress).await?;
    let users = if options.users {
        authors_as_users(core, site, &source, export, options, &mut report).await?
    } else {
        HashMap::new()
    };

    // Posts and pages.
    let known_posts = imports::known(core, site, &source, "post").await?;
    let authors: HashMap<&str, &str> =
        export.authors.iter().map(|a| (a.login.as_str(), a.display_name.as_str())).collect();
    let mut inputs: Vec<(i64, &Post, ItemInput)> = Vec::new();
    let mut used_slugs: HashSet<(i64, String)> = HashSet::new();
    for post in &export.posts {
        let source_id = post.id.to_string();
        if known_posts.contains_key(&source_id) {
            report.unchanged(kind_name(post));
            continue;
        }
        let state = match &post.status {
            Status::Publish | Status::Future => ItemState::Published,
            Status::Draft => ItemState::Draft,
            Status::Pending => ItemState::Review,
            Status::Private => {
                report.warn(&format!("{} {}", kind_name(post), post.id), "private in WordPress: imported as a draft");
                ItemState::Draft
            }
            Status::Trash => {
                report.skip(kind_name(post), post.id, "in the WordPress bin");
                continue;
            }
            Status::Other(other) => {
                report.skip(kind_name(post), post.id, &format!("status {other:?}"));
                continue;
            }
        };
        let state = if post.password.is_empty() {
            state
        } else {
            report.warn(
                &format!("{} {}", kind_name(post), post.id),
                "password-protected in WordPress: imported as a draft",
            );
            ItemState::Draft
        };
        let converted = super::convert(&post.content);
        for warning in &converted.warnings {
            report.warn(&format!("{} {}", kind_name(post), post.id), warning);
        }
        let category = match post.post_type {
            PostType::Page => known_categories.get("pages").copied(),
            PostType::Post => post
                .categories
                .iter()
                .find_map(|nicename| known_categories.get(nicename).copied())
                .or_else(|| known_categories.get("uncategorized").copied()),
        }
        .unwrap_or(-1);
        let title =
            Some(plain_title(&post.title)).filter(|t| !t.is_empty()).unwrap_or_else(|| format!("Untitled {}", post.id));
        let mut slug = slug_for(&post.slug, &title, &format!("post-{}", post.id));
        if !used_slugs.insert((category, slug.clone())) {
            let moved = format!("{slug}-{}", post.id);
            let taken = std::mem::replace(&mut slug, moved);
            report.warn(
                &format!("{} {}", kind_name(post), post.id),
                &format!("another post in its category has the address {taken:?}: this one is at {slug:?}"),
            );
            used_slugs.insert((category, slug.clone()));
        }
        let (teaser, body, teaser_above_body) = teaser_and_body(&converted.html, &post.excerpt);
        let record = format!("{} {}", kind_name(post), post.id);
        let teaser = files.localise(&teaser, &record, &mut report).await?.html;
        let body = files.localise(&body, &record, &mut report).await?.html;
        let (teaser, body) = (crate::html::for_markdown(&teaser), crate::html::for_markdown(&body));
        let mut input = ItemInput::article(site, options.lang.clone(), category, &title);
        input.kind = ItemKind::Article;
        input.slug = slug;
        input.teaser_markdown = teaser;
        input.body_markdown = body;
        input.teaser_above_body = teaser_above_body;
        input.byline = authors.get(post.author_login.as_str()).map(|name| (*name).to_owned());
        input.author_id = users.get(post.author_login.as_str()).copied();
        input.imported = Some(pamir_core::items::ImportedFrom {
            source: source.clone(),
            kind: "post".into(),
            source_id: post.id.to_string(),
            hits: 0,
            created_at: None,
        });
        input.state = state;
        input.featured = post.sticky;
        let published = gmt(&post.date_gmt);
        input.published_at = published;
        if post.status == Status::Future {
            input.publish_up = published;
        }
        input.tag_ids = post.tags.iter().filter_map(|slug| known_tags.get(slug).copied()).collect();
        input.tag_ids.sort_unstable();
        input.tag_ids.dedup();
        report.count_comments(post.comment_count);
        input.image_id = post.thumbnail_id.and_then(|id| media.get(&id).copied());
        let gallery: Vec<i64> = if converted.gallery_ids.is_empty() && converted.attached_gallery {
            export.attachments_of(post.id).map(|a| a.id).collect()
        } else {
            converted.gallery_ids.clone()
        };
        input.gallery = gallery.iter().filter_map(|id| media.get(id).copied()).collect();
        if input.gallery.len() < gallery.len() || (post.thumbnail_id.is_some() && input.image_id.is_none()) {
            report.warn(
                &format!("{} {}", kind_name(post), post.id),
                "some of its images were not imported (see the attachments skipped)",
            );
        }
        inputs.push((post.id, post, input));
    }
    for skipped in &export.skipped {
        report.skip(&skipped.kind, skipped.id.unwrap_or(0), &skipped.reason);
    }

    if options.dry_run {
        for (_, post, _) in &inputs {
            report.added(kind_name(post));
        }
        return Ok(report);
    }

    let mut created: Vec<(i64, pamir_domain::Item, &Post)> = Vec::new();
    progress.stage("posts and pages", inputs.len());
    for batch in inputs.chunks(BATCH) {
        let items = pamir_core::items::create_many(core, batch.iter().map(|(_, _, input)| input.clone()).collect())
            .await
            .map_err(|e| CoreError::Invalid(format!("posts {}..{}: {e}", batch[0].0, batch[batch.len() - 1].0)))?;
        // Each post's source id was stored with it, in the batch's transaction.
        progress.advance(batch.len());
        for ((id, post, _), item) in batch.iter().zip(items) {
            report.added(kind_name(post));
            created.push((*id, item, post));
        }
    }

    // Old addresses: the permalink each post had, and WordPress's ?p= / ?page_id= forms.
    let tree = CategoryTree::new(imports::categories(core, site, &options.lang).await?);
    let mut redirects: Vec<(String, String)> = Vec::new();
    for (id, item, post) in &created {
        let target = format!("/{}/{}/{}", item.lang, tree.path(item.category_id), item.slug);
        let query = match post.post_type {
            PostType::Post => format!("/?p={id}"),
            PostType::Page => format!("/?page_id={id}"),
        };
        let mut olds = vec![query];
        if let Some(path) = path_of(&post.link) {
            olds.push(pamir_core::redirects::normalise(&path, None));
        }
        if let (Some(structure), PostType::Post) = (&options.permalinks, post.post_type) {
            match permalink(structure, post, post.categories.first().map(String::as_str)) {
                Some(path) => olds.push(pamir_core::redirects::normalise(&path, None)),
                None => {
                    report.warn(&format!("post {id}"), "no address under the permalink structure (unknown tag or date)")
                }
            }
        }
        redirects.extend(olds.into_iter().map(|old| (old, target.clone())));
    }
    let added = imports::add_redirects(core, site, &redirects, "wordpress").await?;
    for _ in 0..added {
        report.added("redirect");
    }
    Ok(report)
}

/// Where an attachment's file sits below the uploads folder: WordPress's
/// record of it, else the part of its address after `wp-content/uploads/`
/// (or, on WordPress.com, the whole path).
fn relative_file(attachment: &super::Attachment) -> Option<String> {
    if let Some(file) = attachment.file.as_deref().filter(|f| !f.is_empty()) {
        return Some(file.to_owned());
    }
    let path = path_of(&attachment.url)?;
    let path = path.split(['?', '#']).next().unwrap_or("");
    let relative = match path.find("/wp-content/uploads/") {
        Some(at) => &path[at + "/wp-content/uploads/".len()..],
        None => path.trim_start_matches('/'),
    };
    let relative = percent_decode(relative);
    // Never outside the folder given.
    (!relative.is_empty() && !relative.split('/').any(|part| part == ".." || part.is_empty())).then_some(relative)
}

/// Imports the attachments' files from `options.files` into the media
/// library: WordPress id → media id, for lead images and galleries. The
/// files are `files`' too, so that the posts' references to them find them.
#[allow(clippy::too_many_arguments)]
async fn attachments(
    core: &Core,
    site: SiteId,
    source: &str,
    export: &Export,
    options: &Options,
    files: &mut Files<'_>,
    report: &mut Report,
    progress: &dyn crate::progress::Progress,
) -> Result<HashMap<i64, i64>, CoreError> {
    let mut known = imports::known(core, site, source, "attachment").await?;
    let mut media = HashMap::new();
    let mut known_files = HashMap::new();
    for attachment in &export.attachments {
        progress.advance(1);
        if let Some(id) = known.get(&attachment.id.to_string()) {
            media.insert(attachment.id, *id);
            if let Some(relative) = relative_file(attachment) {
                known_files.insert(relative, *id);
            }
            report.unchanged("attachment");
            continue;
        }
        let Some(folder) = &options.files else {
            report.skip(
                "attachment",
                attachment.id,
                "no files folder given (--files); nothing is fetched from the internet",
            );
            continue;
        };
        let Some(relative) = relative_file(attachment) else {
            report.skip("attachment", attachment.id, "its address names no file");
            continue;
        };
        let Ok(bytes) = std::fs::read(folder.join(&relative)) else {
            report.skip("attachment", attachment.id, &format!("{relative} is not in the files folder"));
            continue;
        };
        if options.dry_run {
            files.adopt(&relative, 0, format!("/media/{relative}"));
            report.added("attachment");
            continue;
        }
        // WordPress often has no alternative text; its caption or title is
        // the best description there is, flagged for an editor to review.
        let alt = [&attachment.alt, &attachment.caption, &attachment.title]
            .into_iter()
            .map(|text| plain_title(text))
            .find(|text| !text.is_empty())
            .unwrap_or_default();
        if attachment.alt.trim().is_empty() {
            report.warn(
                &format!("attachment {}", attachment.id),
                "no alternative text in WordPress: its caption or title was used; review it",
            );
        }
        let upload = pamir_core::media::Upload {
            site,
            bytes,
            file_name: relative.rsplit('/').next().unwrap_or("").to_owned(),
            texts: vec![(options.lang.to_string(), alt.clone(), plain_title(&attachment.caption))],
            credit: String::new(),
            decorative: alt.is_empty(),
        };
        let source_id = attachment.id.to_string();
        let record = Record { source, kind: "attachment", id: &source_id };
        match pamir_core::media::import(core, upload, record).await {
            Ok((id, stored)) => {
                files.adopt(&relative, id, format!("/media/{stored}"));
                known.insert(attachment.id.to_string(), id);
                media.insert(attachment.id, id);
                report.added("attachment");
            }
            Err(pamir_core::media::UploadRefused::File(problem)) => {
                report.skip("attachment", attachment.id, &format!("{relative}: {problem}"));
            }
            Err(pamir_core::media::UploadRefused::Core(error)) => return Err(error),
        }
    }
    files.adopt_known(known_files).await?;
    Ok(media)
}

/// The export's authors as pamir users, by login: found by e-mail address
/// when the site has them already, else added as authors without a
/// password (WordPress exports carry none).
async fn authors_as_users(
    core: &Core,
    site: SiteId,
    source: &str,
    export: &Export,
    options: &Options,
    report: &mut Report,
) -> Result<HashMap<String, i64>, CoreError> {
    let known = imports::known(core, site, source, "user").await?;
    let mut users = HashMap::new();
    for (n, author) in export.authors.iter().enumerate() {
        let record_id = author.id.unwrap_or(n as i64);
        if let Some(id) = known.get(&author.login) {
            users.insert(author.login.clone(), *id);
            report.unchanged("user");
            continue;
        }
        if !pamir_domain::contact::looks_like_email(&author.email) {
            report.skip("user", record_id, "no usable e-mail address in the export");
            continue;
        }
        let existing = imports::find_user(core, &author.email).await?;
        if options.dry_run {
            if existing.is_none() {
                report.added("user");
            }
            continue;
        }
        let record = Record { source, kind: "user", id: &author.login };
        let id = match existing {
            Some(id) => {
                imports::remember(core, site, record, id).await?;
                report.unchanged("user");
                id
            }
            None => {
                let name =
                    Some(plain_title(&author.display_name)).filter(|n| !n.is_empty()).unwrap_or(author.login.clone());
                let new = ImportedUser {
                    email: &author.email,
                    display_name: &name,
                    role: pamir_domain::Role::Author,
                    password_hash: None,
                    disabled: false,
                };
                let id = imports::add_user(core, site, new, record).await?;
                report.added("user");
                report.warn(
                    &format!("user {}", author.login),
                    "WordPress exports carry no passwords: an administrator sets one before they sign in",
                );
                id
            }
        };
        users.insert(author.login.clone(), id);
    }
    Ok(users)
}

/// A top-level category of this slug: the site's own if it has one, else a new one.
async fn ensure_category(
    core: &Core,
    site: SiteId,
    source: &str,
    lang: &Lang,
    slug: &str,
    name: &str,
) -> Result<i64, CoreError> {
    let tree = CategoryTree::new(imports::categories(core, site, lang).await?);
    let record = Record { source, kind: "category", id: slug };
    if let Some(existing) = tree.find_by_path(&[slug]) {
        imports::remember(core, site, record, existing.id).await?;
        return Ok(existing.id);
    }
    let naming = Naming { lang: lang.as_str(), name, slug };
    imports::add_category(core, site, None, &[naming], record)
        .await?
        .ok_or_else(|| CoreError::Invalid(format!("the category {slug} could not be added: its address is taken")))
}

fn kind_name(post: &Post) -> &'static str {
    match post.post_type {
        PostType::Post => "post",
        PostType::Page => "page",
    }
}
