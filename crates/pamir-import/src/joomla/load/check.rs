//! The check after a move: every article imported from this Joomla site,
//! its page compared with the text Joomla's article page showed (see
//! [`crate::fidelity`]).

use super::source_key;
use crate::fidelity::Fidelity;
use crate::joomla::Site;
use crate::ledger::Ledger;
use crate::localise::OldSite;
use pamir_core::imports;
use pamir_core::{Core, CoreError};
use pamir_domain::SiteId;

/// Compares the page of every article of `joomla` the site has with its
/// text on the old site, listing what still refers to `old`.
pub async fn check(
    core: &Core,
    site: SiteId,
    joomla: &Site,
    prefix: &str,
    old: &OldSite,
) -> Result<Fidelity, CoreError> {
    let known = Ledger::new(core, site, source_key(prefix), false).known("article").await?.clone();
    let ids: Vec<i64> = known.values().copied().collect();
    let items = imports::items(core, site, &ids).await?;
    let mut fidelity = Fidelity::default();
    for article in &joomla.articles {
        let Some(item) = known.get(&article.id.to_string()).and_then(|id| items.get(id)) else { continue };
        // Joomla's article page shows the intro text unless told not to.
        let intro =
            if article.show_intro || article.fulltext.trim().is_empty() { article.introtext.as_str() } else { "" };
        let source = format!("{intro}\n{}", article.fulltext);
        fidelity.compare(&format!("article {}", article.id), &source, &item.article_html(), old);
        fidelity.editor_text(&item.teaser_markdown);
        fidelity.editor_text(&item.body_markdown);
    }
    Ok(fidelity)
}
