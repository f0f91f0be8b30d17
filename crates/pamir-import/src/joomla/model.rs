//! A Joomla site's content as typed records, read from its tables. Column
//! names are Joomla's; what 4.x and 5.x renamed or added is read where it
//! is and defaults where it is not (see [`super::tables::Record`]).

use super::tables::{Record, Tables};
use chrono::{DateTime, Utc};
use pamir_domain::Role;
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct Category {
    pub id: i64,
    pub parent_id: i64,
    /// `parent-alias/alias`, as Joomla's SEF addresses use it.
    pub path: String,
    pub alias: String,
    pub title: String,
    pub description: String,
    /// 1 published, 0 unpublished, 2 archived, -2 trashed.
    pub published: i64,
    pub language: String,
}

#[derive(Debug, Clone)]
pub struct Article {
    pub id: i64,
    pub title: String,
    pub alias: String,
    pub introtext: String,
    pub fulltext: String,
    /// Whether Joomla's article page showed the intro text above the full
    /// text (its `show_intro` option; on unless the article turned it off).
    pub show_intro: bool,
    /// 1 published, 0 unpublished, 2 archived, -2 trashed.
    pub state: i64,
    pub catid: i64,
    pub created: Option<DateTime<Utc>>,
    pub created_by: i64,
    pub created_by_alias: String,
    pub modified: Option<DateTime<Utc>>,
    pub publish_up: Option<DateTime<Utc>>,
    pub publish_down: Option<DateTime<Utc>>,
    pub images: Images,
    pub featured: bool,
    /// The article's place on the featured (front) page, first is 1.
    pub featured_order: Option<i64>,
    /// Joomla 4+: when the article stops being featured.
    pub featured_down: Option<DateTime<Utc>>,
    pub ordering: i64,
    /// Joomla's viewing access level: 1 Public and 5 Guest are for everyone,
    /// the others (Registered, Special, a site's own) for signed-in users only.
    pub access: i64,
    pub hits: i64,
    pub language: String,
    pub metadesc: String,
    pub tag_ids: Vec<i64>,
}

/// The intro and full-text images of an article (its `images` JSON).
#[derive(Debug, Clone, Default)]
pub struct Images {
    pub intro: Option<(String, String)>,
    pub full: Option<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct Tag {
    pub id: i64,
    pub title: String,
    pub alias: String,
    pub published: i64,
    pub language: String,
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub username: String,
    pub email: String,
    pub password: String,
    pub blocked: bool,
    /// What the user's groups let them do, in pamir's terms; `None` for
    /// accounts that only sign in on the public site.
    pub role: Option<Role>,
}

#[derive(Debug, Clone)]
pub struct Contact {
    pub id: i64,
    pub name: String,
    pub alias: String,
    pub position: String,
    /// Street, town, region, postcode, country: the lines of the address.
    pub address_lines: Vec<String>,
    pub telephone: String,
    pub mobile: String,
    pub fax: String,
    pub email: String,
    pub webpage: String,
    /// "Miscellaneous information": HTML an editor wrote about the contact.
    pub misc: String,
    pub published: i64,
    /// Joomla's "featured" contact, shown first.
    pub default_contact: bool,
    pub language: String,
}

#[derive(Debug, Clone)]
pub struct MenuItem {
    pub path: String,
    pub link: String,
    pub language: String,
    pub home: bool,
}

#[derive(Debug, Default)]
pub struct Site {
    /// com_content's categories, parents before children.
    pub categories: Vec<Category>,
    pub articles: Vec<Article>,
    pub tags: Vec<Tag>,
    pub users: Vec<User>,
    pub contacts: Vec<Contact>,
    /// Language code (`ru-RU`) → its URL code (`ru`).
    pub language_sefs: HashMap<String, String>,
    /// Published site menu items (client 0), for their SEF paths.
    pub menu: Vec<MenuItem>,
    /// Article id → its association key: articles sharing a key are one text's translations.
    pub article_associations: HashMap<i64, String>,
    /// Category id → association key.
    pub category_associations: HashMap<i64, String>,
}

/// Joomla's core groups, whose ids every installation shares; a site's own
/// groups sit below one of them and inherit its rights.
fn core_group_role(group_id: i64) -> Option<Option<Role>> {
    match group_id {
        8 | 7 => Some(Some(Role::Administrator)), // Super Users, Administrator
        4..=6 => Some(Some(Role::Editor)),        // Editor, Publisher, Manager
        3 => Some(Some(Role::Author)),            // Author
        1 | 2 | 9 => Some(None),                  // Public, Registered, Guest
        _ => None,
    }
}

fn rank(role: Role) -> u8 {
    match role {
        Role::Administrator => 3,
        Role::Editor => 2,
        Role::Translator => 1,
        Role::Author => 0,
    }
}

/// `{"image_intro":"images/a.jpg#joomlaImage://…","image_intro_alt":"…"}` → (path, alt).
fn image(json: &serde_json::Value, key: &str) -> Option<(String, String)> {
    let path = json.get(key)?.as_str()?.split('#').next()?.trim().to_owned();
    if path.is_empty() {
        return None;
    }
    let alt = json.get(format!("{key}_alt")).and_then(|a| a.as_str()).unwrap_or("").to_owned();
    Some((path, alt))
}

impl Site {
    pub fn from_tables(tables: &Tables) -> Self {
        let mut site = Site::default();

        let mut categories: Vec<(i64, Category)> = tables
            .records("categories")
            .filter(|r| r.text("extension") == "com_content" && r.int("parent_id") != 0)
            .map(|r| {
                (
                    r.int("lft"),
                    Category {
                        id: r.int("id"),
                        parent_id: r.int("parent_id"),
                        path: r.text("path").to_owned(),
                        alias: r.text("alias").to_owned(),
                        title: r.text("title").to_owned(),
                        description: r.text("description").to_owned(),
                        published: r.int("published"),
                        language: r.text("language").to_owned(),
                    },
                )
            })
            .collect();
        // Joomla's nested set: a parent's left value comes before its children's.
        categories.sort_by_key(|(lft, c)| (*lft, c.id));
        site.categories = categories.into_iter().map(|(_, c)| c).collect();

        let mut tags_of: HashMap<i64, Vec<i64>> = HashMap::new();
        for r in tables.records("contentitem_tag_map") {
            if r.text("type_alias") == "com_content.article" {
                tags_of.entry(r.int("content_item_id")).or_default().push(r.int("tag_id"));
            }
        }
        let frontpage: HashMap<i64, (i64, Option<DateTime<Utc>>)> = tables
            .records("content_frontpage")
            .map(|r| (r.int("content_id"), (r.int("ordering"), r.date("featured_down"))))
            .collect();
        site.articles = tables
            .records("content")
            .map(|r| {
                let id = r.int("id");
                let images: serde_json::Value = serde_json::from_str(r.text("images")).unwrap_or_default();
                let attribs: serde_json::Value = serde_json::from_str(r.text("attribs")).unwrap_or_default();
                let show_intro = !matches!(attribs.get("show_intro").and_then(|v| v.as_str()), Some("0"));
                let front = frontpage.get(&id);
                let mut tag_ids = tags_of.remove(&id).unwrap_or_default();
                tag_ids.sort_unstable();
                tag_ids.dedup();
                Article {
                    id,
                    title: r.text("title").to_owned(),
                    alias: r.text("alias").to_owned(),
                    introtext: r.text("introtext").to_owned(),
                    fulltext: r.text("fulltext").to_owned(),
                    show_intro,
                    state: r.int("state"),
                    catid: r.int("catid"),
                    created: r.date("created"),
                    created_by: r.int("created_by"),
                    created_by_alias: r.text("created_by_alias").trim().to_owned(),
                    modified: r.date("modified"),
                    publish_up: r.date("publish_up"),
                    publish_down: r.date("publish_down"),
                    images: Images { intro: image(&images, "image_intro"), full: image(&images, "image_fulltext") },
                    featured: r.int("featured") == 1,
                    featured_order: front.map(|(ordering, _)| *ordering),
                    featured_down: front.and_then(|(_, down)| *down),
                    ordering: r.int("ordering"),
                    access: r.int("access"),
                    hits: r.int("hits"),
                    language: r.text("language").to_owned(),
                    metadesc: r.text("metadesc").to_owned(),
                    tag_ids,
                }
            })
            .collect();
        site.articles.sort_by_key(|a| a.id);

        site.tags = tables
            .records("tags")
            .filter(|r| r.int("parent_id") != 0 && r.text("alias") != "root")
            .map(|r| Tag {
                id: r.int("id"),
                title: r.text("title").to_owned(),
                alias: r.text("alias").to_owned(),
                published: r.int("published"),
                language: r.text("language").to_owned(),
            })
            .collect();

        site.users = users(tables);
        site.contacts = tables.records("contact_details").map(|r| contact(&r)).collect();
        site.contacts.sort_by_key(|c| (!c.default_contact, c.id));

        site.language_sefs =
            tables.records("languages").map(|r| (r.text("lang_code").to_owned(), r.text("sef").to_owned())).collect();
        site.menu = tables
            .records("menu")
            .filter(|r| r.int("client_id") == 0 && r.int("published") == 1 && r.int("parent_id") != 0)
            .map(|r| MenuItem {
                path: r.text("path").to_owned(),
                link: r.text("link").to_owned(),
                language: r.text("language").to_owned(),
                home: r.int("home") == 1,
            })
            .collect();
        for r in tables.records("associations") {
            let key = r.text("key").to_owned();
            match r.text("context") {
                "com_content.item" => site.article_associations.insert(r.int("id"), key),
                "com_categories.item" => site.category_associations.insert(r.int("id"), key),
                _ => None,
            };
        }
        site
    }
}

fn users(tables: &Tables) -> Vec<User> {
    let parents: HashMap<i64, i64> = tables.records("usergroups").map(|r| (r.int("id"), r.int("parent_id"))).collect();
    let group_role = |mut group: i64| -> Option<Role> {
        for _ in 0..32 {
            if let Some(role) = core_group_role(group) {
                return role;
            }
            group = *parents.get(&group)?;
        }
        None
    };
    let mut roles: HashMap<i64, Role> = HashMap::new();
    for r in tables.records("user_usergroup_map") {
        if let Some(role) = group_role(r.int("group_id")) {
            let user = r.int("user_id");
            if roles.get(&user).is_none_or(|had| rank(role) > rank(*had)) {
                roles.insert(user, role);
            }
        }
    }
    let mut users: Vec<User> = tables
        .records("users")
        .map(|r| User {
            id: r.int("id"),
            name: r.text("name").to_owned(),
            username: r.text("username").to_owned(),
            email: r.text("email").trim().to_owned(),
            password: r.text("password").to_owned(),
            blocked: r.int("block") == 1,
            role: roles.get(&r.int("id")).copied(),
        })
        .collect();
    users.sort_by_key(|u| u.id);
    users
}

fn contact(r: &Record<'_>) -> Contact {
    let address_lines = [r.text("address"), r.text("suburb"), r.text("state"), r.text("postcode"), r.text("country")]
        .iter()
        .flat_map(|part| part.lines())
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect();
    Contact {
        id: r.int("id"),
        name: r.text("name").to_owned(),
        alias: r.text("alias").to_owned(),
        position: r.text("con_position").to_owned(),
        address_lines,
        telephone: r.text("telephone").trim().to_owned(),
        mobile: r.text("mobile").trim().to_owned(),
        fax: r.text("fax").trim().to_owned(),
        email: r.text("email_to").trim().to_owned(),
        webpage: r.text("webpage").trim().to_owned(),
        misc: r.text("misc").to_owned(),
        published: r.int("published"),
        default_contact: r.int("featured") == 1 || r.int("default_con") == 1,
        language: r.text("language").to_owned(),
    }
}
