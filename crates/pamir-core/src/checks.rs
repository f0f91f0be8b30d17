//! The editor's checks kept with each item: every save stores what they
//! found (see `items::prepare`); items saved before they were kept are
//! checked once here, at start-up, so that the admin's list can filter a
//! whole imported site by them.

use crate::{Core, CoreError};

const BATCH: i64 = 500;

/// Checks every item that has no stored result yet; returns how many.
pub async fn catch_up(core: &Core) -> Result<usize, CoreError> {
    let mut checked = 0;
    loop {
        let batch = pamir_db::items::unchecked(&core.db, BATCH).await?;
        if batch.is_empty() {
            return Ok(checked);
        }
        let mut change = core.begin().await?;
        for (id, teaser, body) in &batch {
            let keys = pamir_content::checks::keys(teaser, body).join(" ");
            pamir_db::items::set_checks(&mut change.tx, *id, &keys).await?;
        }
        change.commit().await?;
        checked += batch.len();
    }
}
