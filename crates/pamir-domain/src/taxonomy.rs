//! Categories (a tree) and tags, each with a name and slug per language.

use crate::{Lang, Message, Violations};
use serde::Serialize;

/// The longest category or tag name: every page's menu shows the top
/// categories, and a pasted page of text there would weigh on each of them.
pub const NAME_MAX: usize = 200;

/// The rules every category and tag name keeps, whoever writes it.
pub fn check_name(name: &str) -> Result<(), Violations> {
    let mut broken = Violations::default();
    broken.check(name.chars().count() > NAME_MAX, "name", || Message::new("rule-too-long").with("max", NAME_MAX));
    broken.into_result()
}

/// A category as seen in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Category {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub position: i64,
    pub lang: Lang,
    pub name: String,
    pub slug: String,
    pub description: String,
}

/// A tag as seen in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tag {
    pub id: i64,
    pub lang: Lang,
    pub name: String,
    pub slug: String,
}

/// All categories of a site in one language, arranged so that URL paths
/// (`news/press-releases`) resolve to categories and back.
#[derive(Debug, Clone, Default)]
pub struct CategoryTree {
    categories: Vec<Category>,
}

impl CategoryTree {
    pub fn new(mut categories: Vec<Category>) -> Self {
        categories.sort_by_key(|category| (category.position, category.id));
        Self { categories }
    }

    pub fn get(&self, id: i64) -> Option<&Category> {
        self.categories.iter().find(|category| category.id == id)
    }

    /// Every category's id.
    pub fn ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.categories.iter().map(|category| category.id)
    }

    /// Top-level categories in their order.
    pub fn roots(&self) -> impl Iterator<Item = &Category> {
        self.categories.iter().filter(|category| category.parent_id.is_none())
    }

    pub fn children(&self, id: i64) -> impl Iterator<Item = &Category> {
        self.categories.iter().filter(move |category| category.parent_id == Some(id))
    }

    /// The category a path of slugs names, e.g. `["news", "press-releases"]`.
    pub fn find_by_path<S: AsRef<str>>(&self, slugs: &[S]) -> Option<&Category> {
        let mut parent = None;
        let mut found = None;
        for slug in slugs {
            let next = self
                .categories
                .iter()
                .find(|category| category.parent_id == parent && category.slug == slug.as_ref())?;
            parent = Some(next.id);
            found = Some(next);
        }
        found
    }

    /// The categories from the root down to `id`, for breadcrumbs and URLs.
    pub fn ancestry(&self, id: i64) -> Vec<&Category> {
        let mut chain = Vec::new();
        let mut current = self.get(id);
        while let Some(category) = current {
            // A cycle would be a storage bug; the length bound keeps it from hanging a request.
            if chain.len() > 32 {
                break;
            }
            chain.push(category);
            current = category.parent_id.and_then(|parent| self.get(parent));
        }
        chain.reverse();
        chain
    }

    /// `news/press-releases`: the category's path below the language prefix.
    pub fn path(&self, id: i64) -> String {
        let slugs: Vec<&str> = self.ancestry(id).iter().map(|category| category.slug.as_str()).collect();
        slugs.join("/")
    }

    /// The category and every category below it.
    pub fn subtree_ids(&self, id: i64) -> Vec<i64> {
        let mut ids = vec![id];
        let mut next = 0;
        while next < ids.len() && ids.len() < 10_000 {
            let parent = ids[next];
            ids.extend(self.children(parent).map(|child| child.id));
            next += 1;
        }
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(id: i64, parent_id: Option<i64>, slug: &str) -> Category {
        Category {
            id,
            parent_id,
            position: id,
            lang: Lang::parse("en").unwrap_or_else(|_| unreachable!()),
            name: slug.to_uppercase(),
            slug: slug.into(),
            description: String::new(),
        }
    }

    #[test]
    fn resolves_nested_paths_both_ways() {
        let tree = CategoryTree::new(vec![
            category(1, None, "news"),
            category(2, Some(1), "press-releases"),
            category(3, None, "events"),
        ]);
        assert_eq!(tree.find_by_path(&["news", "press-releases"]).map(|c| c.id), Some(2));
        assert_eq!(tree.find_by_path(&["press-releases"]).map(|c| c.id), None);
        assert_eq!(tree.find_by_path(&["news", "nope"]).map(|c| c.id), None);
        assert_eq!(tree.path(2), "news/press-releases");
        assert_eq!(tree.subtree_ids(1), vec![1, 2]);
        assert_eq!(tree.roots().count(), 2);
    }
}
