//! Blob stores keep what they are given under safe keys, and both implementations behave alike.
// A failing `expect` is how a test reports a broken step.
#![allow(clippy::expect_used)]

use std::fs;

use pamir_media::{BlobStore, LocalFolder, MemoryStore, StoreError};

const BAD_KEYS: [&str; 11] = [
    "",
    "../escape.jpg",
    "2026/../../escape.jpg",
    "/etc/passwd",
    "2026\\11\\a.jpg",
    "2026//a.jpg",
    "2026/11/",
    "./a.jpg",
    "a/./b.jpg",
    "..",
    "nul\0byte.jpg",
];

fn round_trip(store: &dyn BlobStore) {
    let key = "2026/11/abcd1234-photo.jpg";
    assert_eq!(store.get(key).expect("get"), None, "nothing stored yet");

    store.put(key, b"first").expect("put");
    assert_eq!(store.get(key).expect("get").as_deref(), Some(&b"first"[..]));
    store.put(key, b"second, longer").expect("overwrite");
    assert_eq!(store.get(key).expect("get").as_deref(), Some(&b"second, longer"[..]));

    store.delete(key).expect("delete");
    assert_eq!(store.get(key).expect("get"), None);
    store.delete(key).expect("deleting a missing blob is fine");
}

fn refuses_bad_keys(store: &dyn BlobStore) {
    for key in BAD_KEYS {
        assert!(matches!(store.put(key, b"x"), Err(StoreError::BadKey(ref k)) if k == key), "put {key:?}");
        assert!(matches!(store.get(key), Err(StoreError::BadKey(_))), "get {key:?}");
        assert!(matches!(store.delete(key), Err(StoreError::BadKey(_))), "delete {key:?}");
    }
}

#[test]
fn local_folder_stores_reads_replaces_and_deletes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = LocalFolder::new(dir.path().join("media"));
    round_trip(&store);

    store.put("2026/11/abcd1234-photo.jpg", b"kept").expect("put");
    let folder = dir.path().join("media/2026/11");
    assert_eq!(fs::read(folder.join("abcd1234-photo.jpg")).expect("on disk"), b"kept");
    let names: Vec<_> = fs::read_dir(&folder).expect("list").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(names, ["abcd1234-photo.jpg"], "no temporary files are left behind");
}

#[test]
fn deleting_a_file_also_removes_the_copy_a_killed_writer_left_half_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = LocalFolder::new(dir.path().to_path_buf());
    let folder = dir.path().join("2026/12");
    fs::create_dir_all(&folder).expect("folder");
    // What `put` leaves when its process dies before the rename: never the file itself.
    fs::write(folder.join(".abcd1234-photo.jpg.4242-7.tmp"), b"half").expect("write");
    fs::write(folder.join(".abcd1234-photo-480w.jpg.4242-8.tmp"), b"another file's").expect("write");
    store.delete("2026/12/abcd1234-photo.jpg").expect("delete");
    let names: Vec<_> = fs::read_dir(&folder).expect("list").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(names, [".abcd1234-photo-480w.jpg.4242-8.tmp"], "only the deleted file's copy goes");
}

#[test]
fn local_folder_refuses_keys_that_could_leave_its_root() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("media");
    let store = LocalFolder::new(root.clone());
    refuses_bad_keys(&store);
    assert!(!root.exists(), "a refused key writes nothing, not even a folder");
    assert!(!dir.path().join("escape.jpg").exists());
    let error = store.put("../escape.jpg", b"x").expect_err("refused");
    assert!(error.to_string().contains("2026/11/abcd1234-photo.jpg"), "the message shows a good key: {error}");
}

#[test]
fn local_folder_reports_io_failures_with_the_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A file where the store needs a folder.
    fs::write(dir.path().join("2026"), b"not a folder").expect("write");
    let store = LocalFolder::new(dir.path().to_path_buf());
    let error = store.put("2026/11/a.jpg", b"x").expect_err("cannot create the folder");
    assert!(matches!(error, StoreError::Io { ref key, .. } if key == "2026/11/a.jpg"), "{error:?}");
}

#[test]
fn memory_store_behaves_like_the_local_folder() {
    let store = MemoryStore::new();
    round_trip(&store);
    refuses_bad_keys(&store);
    store.put("b.jpg", b"2").expect("put");
    store.put("2026/a.jpg", b"1").expect("put");
    assert_eq!(store.keys(), ["2026/a.jpg", "b.jpg"]);
}
