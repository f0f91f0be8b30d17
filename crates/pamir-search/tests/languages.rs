//! Each language's analyser finds the forms a reader would expect it to.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod common;

use common::{doc, ids, index_with};

#[test]
fn russian_finds_other_case_forms() {
    let index = index_with(&[doc(1, "ru", "Мигранты возвращаются домой", "Весной многие едут обратно.")]);
    assert_eq!(ids(&index, "ru", "мигрантов"), [1]);
    assert_eq!(ids(&index, "ru", "мигрант возвращается"), [1]);
}

#[test]
fn russian_treats_yo_as_ye() {
    let index = index_with(&[doc(1, "ru", "Всё о пенсиях", "")]);
    assert_eq!(ids(&index, "ru", "все"), [1]);
}

#[test]
fn english_finds_singular_and_plural() {
    let index = index_with(&[
        doc(1, "en", "Remittances fell in spring", "Money sent home by workers abroad."),
        doc(2, "en", "A family reunited", "The story of one family."),
    ]);
    assert_eq!(ids(&index, "en", "remittance"), [1]);
    assert_eq!(ids(&index, "en", "families"), [2]);
}

#[test]
fn tajik_is_found_from_a_russian_keyboard() {
    let index = index_with(&[doc(1, "tg", "Муҳоҷирон ба ватан бармегарданд", "")]);
    assert_eq!(ids(&index, "tg", "мухочир"), [1]);
    assert_eq!(ids(&index, "tg", "муҳоҷир"), [1]);
    assert_eq!(ids(&index, "tg", "мухочирон"), [1]);
}

#[test]
fn tajik_plural_and_izofat_find_the_base_word() {
    let index = index_with(&[doc(1, "tg", "Китобҳо барои кӯдакон", ""), doc(2, "tg", "Мактаби миёнаи рақами 5", "")]);
    assert_eq!(ids(&index, "tg", "китоб"), [1]);
    assert_eq!(ids(&index, "tg", "китобхо"), [1]);
    assert_eq!(ids(&index, "tg", "мактаб"), [2]);
}

#[test]
fn languages_are_kept_apart() {
    let index = index_with(&[doc(1, "en", "Migrants return home", ""), doc(2, "ru", "Migrants в Москве", "")]);
    assert_eq!(ids(&index, "ru", "migrants"), [2]);
    assert_eq!(ids(&index, "en", "migrants"), [1]);
    assert!(ids(&index, "tg", "migrants").is_empty());
}

#[test]
fn a_language_without_its_own_analyser_still_searches() {
    let index = index_with(&[doc(1, "uz", "Migrantlar uyga qaytmoqda", ""), doc(2, "fr", "Les migrants rentrent", "")]);
    assert_eq!(ids(&index, "uz", "MIGRANTLAR"), [1]);
    assert_eq!(ids(&index, "fr", "migrants"), [2]);
    // No stemming: another form is another word.
    assert!(ids(&index, "uz", "migrant").is_empty());
}
