//! Which site a request is for (by its Host header) and that site's settings,
//! kept in memory until a change notice says otherwise.

use pamir_db::{Db, DbError};
use pamir_domain::SiteId;
use pamir_domain::site::SiteSettings;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

pub struct Sites {
    by_host: HashMap<String, SiteId>,
    any_host: Option<SiteId>,
    db: Db,
    settings: RwLock<HashMap<SiteId, Arc<SiteSettings>>>,
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
        Ok(Self {
            by_host,
            any_host,
            db: db.clone(),
            settings: RwLock::new(HashMap::new()),
        })
    }

    /// The site serving `host` (port ignored), or the catch-all site.
    pub fn resolve(&self, host: Option<&str>) -> Option<SiteId> {
        let name = host.map(|h| {
            h.rsplit_once(':')
                .map_or(h, |(name, _)| name)
                .to_ascii_lowercase()
        });
        name.and_then(|name| self.by_host.get(&name).copied())
            .or(self.any_host)
    }

    pub async fn settings(&self, site: SiteId) -> Result<Arc<SiteSettings>, DbError> {
        if let Some(settings) = self.read().get(&site) {
            return Ok(settings.clone());
        }
        let settings = Arc::new(pamir_db::settings::load(&self.db, site).await?);
        self.write().insert(site, settings.clone());
        Ok(settings)
    }

    pub fn forget_settings(&self, site: SiteId) {
        self.write().remove(&site);
    }

    pub fn forget_all_settings(&self) {
        self.write().clear();
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<SiteId, Arc<SiteSettings>>> {
        self.settings
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<SiteId, Arc<SiteSettings>>> {
        self.settings
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
