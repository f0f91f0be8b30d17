//! The site's URL scheme, in one place.

use pamir_domain::taxonomy::CategoryTree;

pub fn front(lang: &str) -> String {
    format!("/{lang}/")
}

pub fn category(lang: &str, tree: &CategoryTree, id: i64) -> String {
    format!("/{lang}/{}/", tree.path(id))
}

pub fn item(lang: &str, tree: &CategoryTree, category_id: i64, slug: &str) -> String {
    format!("/{lang}/{}/{slug}", tree.path(category_id))
}

pub fn tag(lang: &str, slug: &str) -> String {
    format!("/{lang}/tags/{slug}")
}

pub fn contact(lang: &str) -> String {
    format!("/{lang}/contact")
}

pub fn media(path: &str) -> String {
    format!("/media/{path}")
}

pub fn search(lang: &str) -> String {
    format!("/{lang}/search")
}
