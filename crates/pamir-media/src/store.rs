//! Where media files live: a trait so a local folder now and S3 later need no change in callers.

use std::collections::HashMap;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

/// Why a blob could not be stored, read or deleted.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("blob key {0:?} is not allowed: keys are relative paths like \"2026/11/abcd1234-photo.jpg\"")]
    BadKey(String),
    #[error("could not {action} blob {key:?}: {source}")]
    Io {
        action: &'static str,
        key: String,
        #[source]
        source: io::Error,
    },
}

/// Storage for media files, addressed by keys like `2026/11/abcd1234-photo.jpg`.
///
/// Synchronous on purpose: local files and S3 clients alike are called from `spawn_blocking` by async callers.
pub trait BlobStore: Send + Sync {
    /// Stores `bytes` under `key`, replacing what was there. Readers see the old or the new file, never half.
    fn put(&self, key: &str, bytes: &[u8]) -> Result<(), StoreError>;
    /// The blob under `key`, or `None` if there is none.
    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError>;
    /// Removes the blob under `key`; removing a missing blob is not an error, so retries are safe.
    fn delete(&self, key: &str) -> Result<(), StoreError>;
}

/// Refuses keys that could leave the store's root or mean different files on different systems.
fn check_key(key: &str) -> Result<(), StoreError> {
    let bad = key.is_empty()
        || key.starts_with('/')
        || key.contains(['\\', '\0'])
        || key.split('/').any(|segment| segment.is_empty() || segment == "." || segment == "..")
        // Catches what the platform itself treats as special, such as `C:` prefixes on Windows.
        || !Path::new(key).components().all(|component| matches!(component, Component::Normal(_)));
    if bad { Err(StoreError::BadKey(key.to_owned())) } else { Ok(()) }
}

/// Blobs as files under a root folder; the key is the path below it.
#[derive(Debug, Clone)]
pub struct LocalFolder {
    root: PathBuf,
}

impl LocalFolder {
    pub fn new(root: PathBuf) -> Self {
        LocalFolder { root }
    }

    fn path(&self, key: &str) -> Result<PathBuf, StoreError> {
        check_key(key)?;
        Ok(self.root.join(key))
    }
}

/// Distinguishes temporary files of concurrent writers within this process; the process id does across processes.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

fn io_error<'a>(action: &'static str, key: &'a str) -> impl FnOnce(io::Error) -> StoreError + 'a {
    move |source| StoreError::Io { action, key: key.to_owned(), source }
}

impl BlobStore for LocalFolder {
    fn put(&self, key: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let path = self.path(key)?;
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
            return Err(StoreError::BadKey(key.to_owned()));
        };
        fs::create_dir_all(dir).map_err(io_error("store", key))?;
        // Written beside the target and renamed over it: a rename within one folder is atomic, so a reader
        // or a crash never sees a half-written file.
        let counter = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}-{counter}.tmp", std::process::id()));
        let temp = dir.join(temp_name);
        let written = write_synced(&temp, bytes).and_then(|()| fs::rename(&temp, &path));
        if let Err(source) = written {
            let _ = fs::remove_file(&temp);
            return Err(io_error("store", key)(source));
        }
        // Makes the rename itself survive a power cut; only possible (and needed) on Unix.
        #[cfg(unix)]
        let _ = fs::File::open(dir).and_then(|dir| dir.sync_all());
        Ok(())
    }

    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        match fs::read(self.path(key)?) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io_error("read", key)(e)),
        }
    }

    fn delete(&self, key: &str) -> Result<(), StoreError> {
        let path = self.path(key)?;
        match fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(io_error("delete", key)(e)),
            _ => {}
        }
        remove_half_written(&path).map_err(io_error("delete", key))
    }
}

/// A process killed while writing `path` leaves its temporary copy
/// (`.{name}.{pid}-{n}.tmp`, see `put`) beside it; removing the file
/// removes those too, so a sweep of unfinished uploads leaves nothing.
fn remove_half_written(path: &Path) -> io::Result<()> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return Ok(());
    };
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let prefix = format!(".{name}.");
    for entry in entries {
        let entry = entry?;
        let temp = entry.file_name();
        if temp.to_str().is_some_and(|temp| temp.starts_with(&prefix) && temp.ends_with(".tmp")) {
            match fs::remove_file(entry.path()) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
    }
    Ok(())
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    // Data on disk before the rename, or a crash could leave an empty file under the real name.
    file.sync_all()
}

/// Blobs in memory, for tests. Keys are checked as strictly as [`LocalFolder`] checks them.
#[derive(Debug, Default)]
pub struct MemoryStore {
    blobs: Mutex<HashMap<String, Vec<u8>>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// The stored keys, sorted.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.lock().keys().cloned().collect();
        keys.sort_unstable();
        keys
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Vec<u8>>> {
        // A panic elsewhere while holding the lock cannot leave a map half-updated: every change is one call.
        self.blobs.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl BlobStore for MemoryStore {
    fn put(&self, key: &str, bytes: &[u8]) -> Result<(), StoreError> {
        check_key(key)?;
        self.lock().insert(key.to_owned(), bytes.to_vec());
        Ok(())
    }

    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        check_key(key)?;
        Ok(self.lock().get(key).cloned())
    }

    fn delete(&self, key: &str) -> Result<(), StoreError> {
        check_key(key)?;
        self.lock().remove(key);
        Ok(())
    }
}
