//! What a search returns: filters, paging, ranking, snippets, and tolerance of odd input.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod common;

use common::{doc, ids, ids_for, index_with};
use pamir_search::{Document, Query};

fn kinded(item_id: i64, kind: &str, category_id: i64) -> Document {
    Document { kind: kind.to_owned(), category_id, ..doc(item_id, "en", "Border crossing", "") }
}

#[test]
fn filters_by_kind() {
    let index = index_with(&[kinded(1, "article", 1), kinded(2, "op-ed", 1), kinded(3, "event", 1)]);
    let query = Query { kind: Some("op-ed".to_owned()), ..Query::new("en", "border") };
    assert_eq!(ids_for(&index, &query), [2]);
}

#[test]
fn filters_by_any_of_the_categories() {
    let index = index_with(&[kinded(1, "article", 10), kinded(2, "article", 20), kinded(3, "article", 30)]);
    let query = Query { category_ids: vec![10, 30], ..Query::new("en", "border") };
    let mut found = ids_for(&index, &query);
    found.sort();
    assert_eq!(found, [1, 3]);
    let both = Query { kind: Some("op-ed".to_owned()), ..query };
    assert!(ids_for(&index, &both).is_empty());
}

#[test]
fn pages_through_results_and_counts_them_all() {
    let docs: Vec<Document> = (1..=25).map(|id| doc(id, "en", "Border crossing", "")).collect();
    let index = index_with(&docs);
    let page = |offset| {
        let results = index.search(&Query { limit: 10, offset, ..Query::new("en", "border") }).unwrap();
        assert_eq!(results.total, 25);
        results.hits.into_iter().map(|hit| hit.item_id).collect::<Vec<_>>()
    };
    let (first, second, third) = (page(0), page(10), page(20));
    assert_eq!((first.len(), second.len(), third.len()), (10, 10, 5));
    let mut all: Vec<i64> = [first, second, third].concat();
    all.sort();
    assert_eq!(all, (1..=25).collect::<Vec<_>>());
}

#[test]
fn a_zero_limit_or_a_page_too_deep_gives_only_the_total() {
    let index = index_with(&[doc(1, "en", "Border", ""), doc(2, "en", "Border", "")]);
    let results = index.search(&Query { limit: 0, ..Query::new("en", "border") }).unwrap();
    assert_eq!((results.total, results.hits.len()), (2, 0));
    let results = index.search(&Query { offset: usize::MAX, ..Query::new("en", "border") }).unwrap();
    assert_eq!((results.total, results.hits.len()), (2, 0));
}

#[test]
fn all_words_must_match() {
    let index = index_with(&[doc(1, "en", "Border crossing", ""), doc(2, "en", "Border", "")]);
    assert_eq!(ids(&index, "en", "border crossing"), [1]);
}

#[test]
fn a_title_match_ranks_above_a_body_match() {
    let index = index_with(&[
        doc(1, "en", "Weather", "Remittances are mentioned here among many other words of the text."),
        doc(2, "en", "Remittances", "Among many other words of the text, the weather is mentioned here."),
    ]);
    assert_eq!(ids(&index, "en", "remittances"), [2, 1]);
}

#[test]
fn a_hit_carries_what_the_result_list_shows() {
    let document = Document {
        group_id: 70,
        kind: "event".to_owned(),
        category_id: 5,
        published_at: 1_720_000_000,
        ..doc(7, "en", "Job fair in Khujand", "Employers meet returning migrants.")
    };
    let index = index_with(&[document]);
    let hit = index.search(&Query::new("en", "migrants")).unwrap().hits.remove(0);
    assert_eq!(
        (hit.item_id, hit.group_id, hit.kind.as_str(), hit.category_id, hit.published_at, hit.title.as_str()),
        (7, 70, "event", 5, 1_720_000_000, "Job fair in Khujand")
    );
}

#[test]
fn the_snippet_marks_matches_and_escapes_html() {
    let body = "Officials said <script>alert(1)</script> & more: migrants returned early this year.";
    let index = index_with(&[doc(1, "en", "News", body)]);
    let snippet = &index.search(&Query::new("en", "migrant")).unwrap().hits[0].snippet_html;
    assert!(snippet.contains("<mark>migrants</mark>"), "{snippet}");
    assert!(snippet.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"), "{snippet}");
    assert!(!snippet.contains("<script"), "{snippet}");
}

#[test]
fn the_snippet_highlights_tajik_typed_on_a_russian_keyboard() {
    let index = index_with(&[doc(1, "tg", "Хабар", "Шумораи муҳоҷирони меҳнатӣ кам шуд.")]);
    let snippet = &index.search(&Query::new("tg", "мухочир")).unwrap().hits[0].snippet_html;
    assert!(snippet.contains("<mark>муҳоҷирони</mark>"), "{snippet}");
}

#[test]
fn a_title_only_match_shows_the_escaped_opening_of_the_body() {
    let index = index_with(&[doc(1, "en", "Migrants", "<b>Bold</b> opening.")]);
    let snippet = &index.search(&Query::new("en", "migrants")).unwrap().hits[0].snippet_html;
    assert_eq!(snippet, "&lt;b&gt;Bold&lt;/b&gt; opening.");
}

#[test]
fn a_long_body_gives_a_short_snippet() {
    let body = format!("{} migrants {}", "word ".repeat(200), "word ".repeat(200));
    let index = index_with(&[doc(1, "en", "News", &body)]);
    let snippet = &index.search(&Query::new("en", "migrants")).unwrap().hits[0].snippet_html;
    assert!(snippet.contains("<mark>migrants</mark>"), "{snippet}");
    assert!(snippet.chars().count() < 260, "{} chars: {snippet}", snippet.chars().count());
}

#[test]
fn blank_text_finds_nothing() {
    let index = index_with(&[doc(1, "en", "Border", "")]);
    assert_eq!(index.search(&Query::new("en", "  ")).unwrap().total, 0);
}

#[test]
fn malformed_query_syntax_is_not_an_error() {
    let index = index_with(&[doc(1, "en", "Border crossing", "")]);
    for text in [r#"title:(( ""#, "\"", "((", "[a TO", "-", "border:", "body_en:border", "^2", "*", "AND", "~"] {
        assert!(index.search(&Query::new("en", text)).is_ok(), "{text:?}");
    }
}

#[test]
fn colons_and_quotes_are_read_as_a_visitor_means_them() {
    let index = index_with(&[
        doc(1, "ru", "Душанбе: новости недели", ""),
        doc(2, "ru", "Новости Душанбе", "Неделя выдалась тихой."),
    ]);
    let mut found = ids(&index, "ru", "Душанбе: новости");
    found.sort();
    assert_eq!(found, [1, 2]);
    assert_eq!(ids(&index, "ru", r#""новости недели""#), [1]);
}
