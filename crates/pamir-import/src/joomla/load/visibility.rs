//! What an anonymous reader could see on the old site at import time stays
//! public; anything else comes in as a draft, with the reason in the report.

use super::Loader;
use crate::joomla::model::Article;
use pamir_domain::ItemState;
use std::collections::{HashMap, HashSet};

impl Loader<'_> {
    /// Categories whose articles Joomla did not show: unpublished, or below an unpublished one.
    pub(super) fn hidden_categories(&self) -> HashSet<i64> {
        let parents: HashMap<i64, (i64, i64)> =
            self.joomla.categories.iter().map(|c| (c.id, (c.parent_id, c.published))).collect();
        let mut hidden = HashSet::new();
        for category in &self.joomla.categories {
            let mut at = category.id;
            for _ in 0..64 {
                match parents.get(&at) {
                    Some((_, published)) if *published == 0 => {
                        hidden.insert(category.id);
                        break;
                    }
                    Some((parent, _)) => at = *parent,
                    None => break,
                }
            }
        }
        hidden
    }

    /// A published article everyone could read stays published; one Joomla
    /// showed only to signed-in users, or kept in an unpublished category,
    /// becomes a draft: pamir has no reader accounts, and it must not
    /// become public by moving.
    pub(super) fn visibility(
        &mut self,
        article: &Article,
        hidden_categories: &HashSet<i64>,
        record: &str,
    ) -> ItemState {
        if !matches!(article.access, 0 | 1 | 5) {
            self.report.warn(
                record,
                &format!(
                    "only signed-in users could read it in Joomla (access level {}): imported as a draft",
                    article.access
                ),
            );
            return ItemState::Draft;
        }
        if let Some(down) = article.publish_down.filter(|down| down.timestamp() <= self.now) {
            // Joomla hides it from then on, whatever its other dates say.
            self.report.warn(
                record,
                &format!(
                    "its publish-down date ({}) had passed, so Joomla hid it: imported as a draft",
                    down.date_naive()
                ),
            );
            return ItemState::Draft;
        }
        if hidden_categories.contains(&article.catid) {
            self.report.warn(record, "its category was unpublished in Joomla: imported as a draft");
            return ItemState::Draft;
        }
        ItemState::Published
    }

    pub(super) fn state_of(&mut self, article: &Article, record: &str) -> ItemState {
        match article.state {
            1 => ItemState::Published,
            0 => ItemState::Draft,
            2 => ItemState::Archived,
            -2 => ItemState::Trashed,
            other => {
                self.report.warn(record, &format!("unknown Joomla state {other}: imported as a draft"));
                ItemState::Draft
            }
        }
    }
}
