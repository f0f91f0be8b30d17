//! The addresses a Joomla site answered on, for its articles, categories
//! and front page, written as pamir stores old addresses (see
//! `pamir_core::redirects::normalise`): every one becomes a 301.
//!
//! Joomla made many addresses for one article: the raw query form, the
//! `component/content/article` form of SEF sites without a menu item, the
//! category path with the article's id and alias (Joomla 3) or its alias
//! alone (Joomla 4 and 5 without ids), the path of a menu item that shows
//! the article or its category, each with `index.php/` (folded by
//! `normalise`) and, on multilingual sites, the language's URL code first.

use super::model::{Article, Category, Site};
use pamir_core::redirects::normalise;

/// `option=com_content&view=…&id=N` in a menu item's link, as (view, id).
fn menu_target(link: &str) -> Option<(&str, i64)> {
    let query = link.split_once('?')?.1;
    let mut option = None;
    let mut view = None;
    let mut id = None;
    for pair in query.split('&') {
        match pair.split_once('=') {
            Some(("option", value)) => option = Some(value),
            Some(("view", value)) => view = Some(value),
            Some(("id", value)) => id = value.parse().ok(),
            _ => {}
        }
    }
    (option? == "com_content").then_some((view?, id.unwrap_or(0)))
}

pub struct Addresses<'a> {
    site: &'a Site,
    /// The URL codes of the site's languages, when it had more than one.
    multilingual: bool,
}

impl<'a> Addresses<'a> {
    pub fn new(site: &'a Site) -> Self {
        Self { site, multilingual: site.language_sefs.len() > 1 }
    }

    /// The language prefixes an address had: none, and on a multilingual
    /// site the item's language code (all of them for "all languages").
    fn with_language_prefixes(&self, paths: Vec<String>, language: &str) -> Vec<String> {
        let mut all = Vec::with_capacity(paths.len() * 2);
        let sefs: Vec<&String> = if !self.multilingual {
            Vec::new()
        } else if language == "*" {
            self.site.language_sefs.values().collect()
        } else {
            self.site.language_sefs.get(language).into_iter().collect()
        };
        for path in paths {
            for sef in &sefs {
                all.push(normalise(&format!("/{sef}{path}"), None));
            }
            all.push(normalise(&path, None));
        }
        all
    }

    pub fn article(&self, article: &Article, category: Option<&Category>) -> Vec<String> {
        let (id, alias) = (article.id, article.alias.as_str());
        let mut paths = vec![
            format!("/component/content/article/{id}"),
            format!("/component/content/article/{id}-{alias}"),
            format!("/component/content/article/{alias}"),
        ];
        if let Some(category) = category {
            paths.push(format!("/component/content/article/{}-{}/{id}-{alias}", category.id, category.alias));
            paths.push(format!("/{}/{id}-{alias}", category.path));
            paths.push(format!("/{}/{alias}", category.path));
            if category.path != category.alias {
                paths.push(format!("/{}/{id}-{alias}", category.alias));
            }
        }
        for item in &self.site.menu {
            match menu_target(&item.link) {
                Some(("article", target)) if target == id => paths.push(format!("/{}", item.path)),
                Some(("category", target)) => {
                    // A menu item showing this category or one above it: the rest of the category path follows.
                    let Some(shown) = self.site.categories.iter().find(|c| c.id == target) else { continue };
                    let Some(category) = category else { continue };
                    let below = if category.id == shown.id {
                        Some("")
                    } else {
                        category.path.strip_prefix(&format!("{}/", shown.path))
                    };
                    if let Some(below) = below {
                        let middle = if below.is_empty() { String::new() } else { format!("/{below}") };
                        paths.push(format!("/{}{middle}/{id}-{alias}", item.path));
                        paths.push(format!("/{}{middle}/{alias}", item.path));
                    }
                }
                Some(("featured", _)) if article.featured && !item.home => {
                    paths.push(format!("/{}/{id}-{alias}", item.path));
                }
                _ => {}
            }
        }
        if article.featured {
            paths.push(format!("/{id}-{alias}"));
        }
        let mut all = vec![normalise("/", Some(&format!("option=com_content&view=article&id={id}")))];
        all.extend(self.with_language_prefixes(paths, &article.language));
        all.sort_unstable();
        all.dedup();
        all
    }

    pub fn category(&self, category: &Category) -> Vec<String> {
        let id = category.id;
        let mut paths = vec![
            format!("/{}", category.path),
            format!("/component/content/category/{id}-{}", category.alias),
            format!("/component/content/category/{id}"),
        ];
        for item in &self.site.menu {
            if matches!(menu_target(&item.link), Some(("category", target)) if target == id) && !item.home {
                paths.push(format!("/{}", item.path));
            }
        }
        let mut all = vec![normalise("/", Some(&format!("option=com_content&view=category&id={id}")))];
        all.extend(self.with_language_prefixes(paths, &category.language));
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The featured view (Joomla's usual home page) and the menu items showing it, per language code.
    pub fn front_page(&self) -> Vec<(String, Option<String>)> {
        let mut addresses = vec![(normalise("/", Some("option=com_content&view=featured")), None)];
        for item in &self.site.menu {
            if matches!(menu_target(&item.link), Some(("featured", _))) && !item.home {
                let language = (item.language != "*").then(|| item.language.clone());
                for path in self.with_language_prefixes(vec![format!("/{}", item.path)], &item.language) {
                    addresses.push((path, language.clone()));
                }
            }
        }
        addresses
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::joomla::model::{Images, MenuItem};

    fn site() -> Site {
        Site {
            categories: vec![
                Category {
                    id: 8,
                    parent_id: 1,
                    path: "news".into(),
                    alias: "news".into(),
                    title: "News".into(),
                    description: String::new(),
                    published: 1,
                    language: "*".into(),
                },
                Category {
                    id: 9,
                    parent_id: 8,
                    path: "news/dushanbe".into(),
                    alias: "dushanbe".into(),
                    title: "Dushanbe".into(),
                    description: String::new(),
                    published: 1,
                    language: "*".into(),
                },
            ],
            menu: vec![MenuItem {
                path: "latest".into(),
                link: "index.php?option=com_content&view=category&layout=blog&id=8".into(),
                language: "*".into(),
                home: false,
            }],
            language_sefs: [("en-GB".to_owned(), "en".to_owned()), ("ru-RU".to_owned(), "ru".to_owned())].into(),
            ..Site::default()
        }
    }

    fn article() -> Article {
        Article {
            id: 24,
            title: "Water".into(),
            alias: "water".into(),
            introtext: String::new(),
            fulltext: String::new(),
            show_intro: true,
            state: 1,
            catid: 9,
            created: None,
            created_by: 0,
            created_by_alias: String::new(),
            modified: None,
            publish_up: None,
            publish_down: None,
            images: Images::default(),
            featured: false,
            featured_order: None,
            featured_down: None,
            ordering: 0,
            access: 1,
            hits: 0,
            language: "ru-RU".into(),
            metadesc: String::new(),
            tag_ids: Vec::new(),
        }
    }

    #[test]
    fn an_article_has_every_address_joomla_gave_it() {
        let site = site();
        let addresses = Addresses::new(&site).article(&article(), site.categories.get(1));
        for expected in [
            "/?id=24&option=com_content&view=article",
            "/component/content/article/24",
            "/component/content/article/24-water",
            "/ru/component/content/article/24-water",
            "/news/dushanbe/24-water",
            "/ru/news/dushanbe/24-water",
            "/news/dushanbe/water",
            "/dushanbe/24-water",
            "/latest/dushanbe/24-water",
            "/latest/dushanbe/water",
        ] {
            assert!(addresses.iter().any(|a| a == expected), "{expected} missing from {addresses:#?}");
        }
        assert!(!addresses.iter().any(|a| a.starts_with("/en/")), "only its own language's prefix");
    }

    #[test]
    fn a_category_answers_on_its_path_and_its_menu_item() {
        let site = site();
        let addresses = Addresses::new(&site).category(&site.categories[0]);
        for expected in ["/?id=8&option=com_content&view=category", "/news", "/en/news", "/ru/latest"] {
            assert!(addresses.iter().any(|a| a == expected), "{expected} missing from {addresses:#?}");
        }
    }
}
