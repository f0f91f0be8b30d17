//! Site settings, stored one row per top-level setting as JSON, so that adding
//! a setting needs no migration and unknown keys from newer versions survive.

use crate::{Db, DbError, Tx, on_pool, on_tx};
use pamir_domain::SiteId;
use pamir_domain::site::SiteSettings;
use serde_json::{Map, Value};

/// The site's settings; settings never saved take their initial values.
pub async fn load(db: &Db, site: SiteId) -> Result<SiteSettings, DbError> {
    let rows: Vec<(String, String)> = on_pool!(db, pool => {
        sqlx::query_as("SELECT key, value FROM settings WHERE site_id = $1").bind(site).fetch_all(pool).await
    })?;
    let Value::Object(mut merged) = serde_json::to_value(SiteSettings::initial())
        .map_err(|e| DbError::Corrupt(format!("initial settings: {e}")))?
    else {
        return Err(DbError::Corrupt("settings are not an object".into()));
    };
    for (key, value) in rows {
        let value: Value = serde_json::from_str(&value).map_err(|e| DbError::Corrupt(format!("setting {key}: {e}")))?;
        merged.insert(key, value);
    }
    serde_json::from_value(Value::Object(merged)).map_err(|e| DbError::Corrupt(format!("settings: {e}")))
}

/// Saves every setting in one transaction.
pub async fn save(tx: &mut Tx, site: SiteId, settings: &SiteSettings) -> Result<(), DbError> {
    let Value::Object(fields): Value =
        serde_json::to_value(settings).map_err(|e| DbError::Corrupt(format!("settings: {e}")))?
    else {
        return Err(DbError::Corrupt("settings are not an object".into()));
    };
    let fields: Map<String, Value> = fields;
    on_tx!(tx, conn => {
        for (key, value) in &fields {
            sqlx::query(
                "INSERT INTO settings (site_id, key, value) VALUES ($1, $2, $3)
                 ON CONFLICT (site_id, key) DO UPDATE SET value = excluded.value",
            )
            .bind(site)
            .bind(key)
            .bind(value.to_string())
            .execute(&mut *conn)
            .await?;
        }
        Ok::<(), DbError>(())
    })?;
    Ok(())
}

/// A random secret of the site (32 bytes, hex), made on first use and kept
/// beside the settings but never part of them, e.g. to key hashes of
/// readers' addresses so they cannot be reversed by trying every address.
pub async fn secret(db: &Db, site: SiteId, name: &str) -> Result<String, DbError> {
    let key = format!("secret.{name}");
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| DbError::Config(format!("no randomness from the system: {e}")))?;
    let fresh: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    // Insert-if-absent, then read: two nodes starting together agree on one secret.
    let stored: String = on_pool!(db, pool => {
        sqlx::query("INSERT INTO settings (site_id, key, value) VALUES ($1, $2, $3) ON CONFLICT (site_id, key) DO NOTHING")
            .bind(site)
            .bind(&key)
            .bind(Value::String(fresh).to_string())
            .execute(pool)
            .await?;
        sqlx::query_scalar("SELECT value FROM settings WHERE site_id = $1 AND key = $2")
            .bind(site)
            .bind(&key)
            .fetch_one(pool)
            .await
    })?;
    match serde_json::from_str(&stored) {
        Ok(Value::String(secret)) if !secret.is_empty() => Ok(secret),
        _ => Err(DbError::Corrupt(format!("setting {key}"))),
    }
}
