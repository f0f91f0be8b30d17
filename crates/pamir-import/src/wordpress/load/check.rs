//! The check after a move: every post imported from this export, its page
//! compared with its source (see [`crate::fidelity`]).

use super::super::model::Export;
use super::items::kind_name;
use super::{old_site, source_key};
use crate::fidelity::Fidelity;
use crate::ledger::Ledger;
use pamir_core::imports;
use pamir_core::{Core, CoreError};
use pamir_domain::SiteId;

/// Compares the page of every post of `export` the site has with the post.
pub async fn check(core: &Core, site: SiteId, export: &Export) -> Result<Fidelity, CoreError> {
    let known = Ledger::new(core, site, source_key(export), false).known("post").await?.clone();
    let old = old_site(export);
    let ids: Vec<i64> = known.values().copied().collect();
    let items = imports::items(core, site, &ids).await?;
    let mut fidelity = Fidelity::default();
    for post in &export.posts {
        let Some(item) = known.get(&post.id.to_string()).and_then(|id| items.get(id)) else { continue };
        let record = format!("{} {}", kind_name(post), post.id);
        fidelity.compare(&record, &post.content, &item.article_html(), &old);
        fidelity.editor_text(&item.teaser_markdown);
        fidelity.editor_text(&item.body_markdown);
    }
    Ok(fidelity)
}
