//! Keeping the index in step with what is published, on disk and across versions.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod common;

use common::{doc, ids, index_with};
use pamir_search::{SearchError, SearchIndex};

#[test]
fn upsert_replaces_the_earlier_copy() {
    let index = index_with(&[doc(1, "en", "Old headline", "")]);
    index.upsert(&[doc(1, "en", "New headline", "")]).unwrap();
    assert!(ids(&index, "en", "old").is_empty());
    assert_eq!(ids(&index, "en", "new"), [1]);
    assert_eq!(index.num_docs(), 1);
}

#[test]
fn upsert_can_move_an_item_to_another_language() {
    let index = index_with(&[doc(1, "en", "Migrants", "")]);
    index.upsert(&[doc(1, "ru", "Мигранты", "")]).unwrap();
    assert!(ids(&index, "en", "migrants").is_empty());
    assert_eq!(ids(&index, "ru", "мигранты"), [1]);
}

#[test]
fn remove_takes_items_out() {
    let index = index_with(&[doc(1, "en", "Border", ""), doc(2, "en", "Border", ""), doc(3, "en", "Border", "")]);
    index.remove(&[1, 3, 99]).unwrap();
    assert_eq!(ids(&index, "en", "border"), [2]);
}

#[test]
fn rebuild_replaces_everything() {
    let index = index_with(&[doc(1, "en", "Border", ""), doc(2, "en", "Border", "")]);
    let count = index.rebuild([doc(3, "en", "Border", ""), doc(4, "ru", "Граница", "")]).unwrap();
    assert_eq!(count, 2);
    assert_eq!(ids(&index, "en", "border"), [3]);
    assert_eq!(ids(&index, "ru", "граница"), [4]);
    assert_eq!(index.num_docs(), 2);
}

#[test]
fn empty_writes_are_no_ops() {
    let index = index_with(&[doc(1, "en", "Border", "")]);
    index.upsert(&[]).unwrap();
    index.remove(&[]).unwrap();
    assert_eq!(ids(&index, "en", "border"), [1]);
}

#[test]
fn an_index_on_disk_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("search");
    {
        let index = SearchIndex::open_or_create(&path).unwrap();
        index.upsert(&[doc(1, "tg", "Муҳоҷирон", "")]).unwrap();
    }
    let index = SearchIndex::open_or_create(&path).unwrap();
    assert_eq!(ids(&index, "tg", "мухочир"), [1]);
}

#[test]
fn a_second_writer_on_the_same_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let _first = SearchIndex::open_or_create(dir.path()).unwrap();
    let second = SearchIndex::open_or_create(dir.path());
    assert!(matches!(second, Err(SearchError::Locked(_))), "{:?}", second.err());
}

#[test]
fn an_index_with_another_schema_is_incompatible_and_can_be_recreated() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut builder = tantivy::schema::Schema::builder();
        builder.add_text_field("title", tantivy::schema::TEXT);
        tantivy::Index::create_in_dir(dir.path(), builder.build()).unwrap();
    }
    let opened = SearchIndex::open_or_create(dir.path());
    assert!(matches!(opened, Err(SearchError::Incompatible(_))), "{:?}", opened.err());

    let index = SearchIndex::recreate(dir.path()).unwrap();
    index.rebuild([doc(1, "en", "Border", "")]).unwrap();
    assert_eq!(ids(&index, "en", "border"), [1]);
}

#[test]
fn recreate_refuses_a_directory_that_is_not_an_index() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "keep me").unwrap();
    let result = SearchIndex::recreate(dir.path());
    assert!(matches!(result, Err(SearchError::NotAnIndex(_))), "{:?}", result.err());
    assert!(dir.path().join("notes.txt").exists());
}

#[test]
fn the_index_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<SearchIndex>();
}
