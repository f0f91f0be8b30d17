//! Which site a request is for (by its Host header), and that site's settings
//! and category trees, kept in memory until a change notice says otherwise.

use pamir_db::{Db, DbError};
use pamir_domain::site::SiteSettings;
use pamir_domain::taxonomy::CategoryTree;
use pamir_domain::{Lang, SiteId};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

pub struct Sites {
    by_host: HashMap<String, SiteId>,
    any_host: Option<SiteId>,
    db: Db,
    settings: RwLock<HashMap<SiteId, Arc<SiteSettings>>>,
    trees: RwLock<HashMap<(SiteId, Lang), Arc<CategoryTree>>>,
}

impl Sites {
    pub async fn load(db: &Db) -> Result<Self, DbError> {
        let mut by_host = HashMap::new();
        let mut any_host = None;
        for (id, host) in pamir_db::sites::list(db).await? {
            if host == pamir_db::sites::ANY_HOST {
                any_host = Some(id);
            } else {
                by_host.insert(host.to_ascii_lowercase(), id);
            }
        }
        Ok(Self { by_host, any_host, db: db.clone(), settings: RwLock::default(), trees: RwLock::default() })
    }

    /// The site serving `host` (port ignored), or the catch-all site.
    pub fn resolve(&self, host: Option<&str>) -> Option<SiteId> {
        let name = host.map(|h| h.rsplit_once(':').map_or(h, |(name, _)| name).to_ascii_lowercase());
        name.and_then(|name| self.by_host.get(&name).copied()).or(self.any_host)
    }

    pub async fn settings(&self, site: SiteId) -> Result<Arc<SiteSettings>, DbError> {
        if let Some(settings) = read(&self.settings).get(&site) {
            return Ok(settings.clone());
        }
        let settings = Arc::new(pamir_db::settings::load(&self.db, site).await?);
        write(&self.settings).insert(site, settings.clone());
        Ok(settings)
    }

    /// The site's categories as seen in `lang`.
    pub async fn tree(&self, site: SiteId, lang: &Lang) -> Result<Arc<CategoryTree>, DbError> {
        let key = (site, lang.clone());
        if let Some(tree) = read(&self.trees).get(&key) {
            return Ok(tree.clone());
        }
        let tree = Arc::new(CategoryTree::new(pamir_db::categories::list(&self.db, site, lang).await?));
        write(&self.trees).insert(key, tree.clone());
        Ok(tree)
    }

    /// Drops what is kept of `site`, after a change notice.
    pub fn forget(&self, site: SiteId) {
        write(&self.settings).remove(&site);
        write(&self.trees).retain(|(tree_site, _), _| *tree_site != site);
    }
}

fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn write<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(|poisoned| poisoned.into_inner())
}
