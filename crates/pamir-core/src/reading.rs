//! An item as readers are shown it, with what hangs off it: its picture
//! and gallery, its tags, and the translations a reader can open. The
//! public page and the API both show this, so both ask here and each only
//! decides how to present it.

use crate::{Core, CoreError};
use chrono::{DateTime, Utc};
use pamir_db::items::Translation;
use pamir_domain::media::Media;
use pamir_domain::taxonomy::Tag;
use pamir_domain::{Item, Lang, SiteId};

pub struct ShownItem {
    pub item: Item,
    /// The item's picture and its gallery's, described in the reader's language.
    pub media: Vec<Media>,
    /// The gallery's media ids, in order.
    pub gallery: Vec<i64>,
    /// The media library's images that the teaser and body show (by their
    /// `/media/` address), so that the page can offer their renditions.
    pub inline: Vec<Media>,
    pub tags: Vec<Tag>,
    /// The visible items of its translation group, itself included.
    pub translations: Vec<Translation>,
    /// The visible items its text links to by their stable address
    /// (`/items/{id}`), for the page to show at their current address.
    pub linked: Vec<Item>,
}

impl ShownItem {
    /// The translations, with their language parsed; languages pamir no
    /// longer knows are left out.
    pub fn translations_in(&self) -> impl Iterator<Item = (Lang, &Translation)> {
        self.translations.iter().filter_map(|t| Lang::parse(&t.lang).ok().map(|lang| (lang, t)))
    }
}

/// The item at stable address `/items/{id}`, when a reader may see it at `now`.
pub async fn visible_by_id(core: &Core, site: SiteId, id: i64, now: DateTime<Utc>) -> Result<Option<Item>, CoreError> {
    let item = pamir_db::items::find_by_id(&core.db, site, id).await?;
    Ok(item.filter(|item| item.is_visible_at(now)))
}

/// Gathers what is shown with `item`, in `lang` (with `fallback` for
/// descriptions not written in it), as it is at `now`.
pub async fn shown(
    core: &Core,
    item: Item,
    lang: &Lang,
    fallback: &Lang,
    now: DateTime<Utc>,
) -> Result<ShownItem, CoreError> {
    let db = &core.db;
    let gallery = pamir_db::items::gallery(db, item.id).await?;
    let media_ids: Vec<i64> = item.image_id.into_iter().chain(gallery.iter().copied()).collect();
    let media = pamir_db::media::get_many(db, &media_ids, lang, fallback).await?;
    let html = item.article_html();
    let paths = pamir_content::images::library_paths(&html);
    let inline_ids = pamir_db::media::ids_at(db, item.site_id, &paths).await?;
    let inline = pamir_db::media::get_many(db, &inline_ids, lang, fallback).await?;
    let tags = pamir_db::tags::for_items(db, &[item.id], lang).await?.into_iter().map(|(_, tag)| tag).collect();
    let translations = pamir_db::items::translations(db, item.site_id, item.group_id, now).await?;
    let linked_ids = pamir_content::item_links::linked_ids(&html);
    let linked = if linked_ids.is_empty() {
        Vec::new()
    } else {
        let found = pamir_db::items::find_by_ids(db, item.site_id, &linked_ids).await?;
        found.into_iter().filter(|linked| linked.is_visible_at(now)).collect()
    };
    Ok(ShownItem { item, media, gallery, inline, tags, translations, linked })
}
