//! The WordPress theme unit test export, read whole: what an importer will see from a real
//! site with every edge case WordPress's theme reviewers care about.
//!
//! Expected numbers were counted in the file itself (`grep -c` on `<wp:post_type>`,
//! `<wp:category>`, `<wp:tag>`, `<wp:author>`), not taken from the reader's output.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

use pamir_import::wordpress::shortcodes::KNOWN_SHORTCODES;
use pamir_import::{Export, PostType, Status, WxrError, convert, read_wxr};

const CORPUS: &str = "wordpress/themeunittestdata.wordpress.xml";

fn corpus_bytes() -> Option<Vec<u8>> {
    pamir_corpora::bytes(CORPUS)
}

fn corpus() -> Option<Export> {
    let bytes = corpus_bytes()?;
    Some(read_wxr(&bytes).unwrap_or_else(|e| panic!("reading {CORPUS}: {e}")))
}

fn post(export: &Export, id: i64) -> &pamir_import::Post {
    export.posts.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("post {id} not read"))
}

#[test]
fn every_post_page_attachment_term_and_author_is_read() {
    let Some(export) = corpus() else { return };
    let posts = export.posts.iter().filter(|p| p.post_type == PostType::Post).count();
    let pages = export.posts.iter().filter(|p| p.post_type == PostType::Page).count();
    let menu_items = export.skipped.iter().filter(|s| s.kind == "nav_menu_item").count();
    let menus = export.skipped.iter().filter(|s| s.kind == "term:nav_menu").count();
    println!(
        "posts {posts}, pages {pages}, attachments {}, categories {}, tags {}, authors {}, skipped {} \
         ({menu_items} menu items, {menus} menus)",
        export.attachments.len(),
        export.categories.len(),
        export.tags.len(),
        export.authors.len(),
        export.skipped.len(),
    );
    assert_eq!((posts, pages, export.attachments.len()), (58, 21, 37));
    assert_eq!((export.categories.len(), export.authors.len()), (68, 2));
    // 110 declared tags, and 4 that posts use without the export declaring them.
    let declared = export.tags.iter().filter(|t| t.term_id.is_some()).count();
    let undeclared: Vec<(&str, &str)> =
        export.tags.iter().filter(|t| t.term_id.is_none()).map(|t| (t.slug.as_str(), t.name.as_str())).collect();
    assert_eq!(declared, 110);
    assert_eq!(
        undeclared,
        [("sample", "Sample"), ("test-tag", "test tag"), ("content", "content περιεχόμενο"), ("columns", "Columns")]
    );
    // 70 menu items and 6 menus; the 7th <wp:term> repeats category "6-1" and is merged.
    assert_eq!((menu_items, menus, export.skipped.len()), (70, 6, 76));
    assert!(export.skipped.iter().all(|s| s.id.is_some() && !s.reason.is_empty()));

    assert_eq!(export.site_title, "Theme Unit Test Data");
    assert_eq!(export.base_url, "https://wordpress.com/");
    assert_eq!(export.blog_url, "https://wpthemetestdata.wordpress.com");
    let logins: Vec<&str> = export.authors.iter().map(|a| a.login.as_str()).collect();
    assert_eq!(logins, ["themedemos", "themereviewteam"]);
    assert_eq!(export.authors[1].display_name, "Theme Reviewer");
    assert_eq!(export.authors[1].email, "themereviewteam@gmail.com");
    // Two creators are written `>themereviewteam` and `themereviewteam>` in the file.
    assert!(export.posts.iter().all(|p| logins.contains(&p.author_login.as_str())));
}

#[test]
fn nested_categories_point_at_existing_parents() {
    let Some(export) = corpus() else { return };
    let find = |slug: &str| export.categories.iter().find(|c| c.nicename == slug);
    let children: Vec<_> = export.categories.iter().filter(|c| c.parent.is_some()).collect();
    assert_eq!(children.len(), 10);
    for child in &children {
        let parent = child.parent.as_deref().unwrap_or_default();
        assert!(find(parent).is_some(), "{}'s parent {parent} is not a category", child.nicename);
    }
    let grandchild = find("grandchild-category").unwrap_or_else(|| panic!("no grandchild-category"));
    assert_eq!(grandchild.parent.as_deref(), Some("child-category-03"));
    assert_eq!(find("child-category-03").and_then(|c| c.parent.as_deref()), Some("parent-category"));
    assert_eq!(find("parent-category").map(|c| c.parent.clone()), Some(None));
    assert_eq!(grandchild.description, "This is a description for the Grandchild Category.");
    // Every category a post is filed under is defined by the export.
    for p in &export.posts {
        for slug in &p.categories {
            assert!(find(slug).is_some(), "post {} is in unknown category {slug}", p.id);
        }
        for slug in &p.tags {
            assert!(export.tags.iter().any(|t| &t.slug == slug), "post {} has unknown tag {slug}", p.id);
        }
    }
    assert_eq!(post(&export, 1152).categories.len(), 63);
    assert_eq!(post(&export, 1151).tags.len(), 45);
}

#[test]
fn unicode_titles_and_percent_encoded_slugs_survive() {
    let Some(export) = corpus() else { return };
    assert_eq!(post(&export, 1809).title, "Ελληνικά-Greek");
    assert_eq!(post(&export, 1811).title, "Επίπεδο 2 -Second Greek level");
    assert_eq!(post(&export, 1811).slug, "%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-2");
    assert_eq!(post(&export, 1811).parent_id, 1809);
    assert!(export.tags.iter().any(|t| t.name == "content περιεχόμενο"));
}

#[test]
fn titles_keep_their_html_raw_and_entities_decoded() {
    let Some(export) = corpus() else { return };
    assert_eq!(post(&export, 1173).title, "Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>");
    assert_eq!(post(&export, 1174).title, r#"Markup: Title With Special Characters ~`!@#$%^&*()-_=+{}[]/\;:'"?,.>"#);
    assert_eq!(post(&export, 1169).title, "", "the no-title edge case");
}

#[test]
fn statuses_passwords_stickiness_and_dates() {
    let Some(export) = corpus() else { return };
    let protected = post(&export, 1168);
    assert_eq!((protected.password.as_str(), &protected.status), ("enter", &Status::Publish));
    assert_eq!(export.posts.iter().filter(|p| !p.password.is_empty()).count(), 1);
    let draft = post(&export, 1164);
    assert_eq!((&draft.status, draft.slug.as_str()), (&Status::Draft, ""));
    let scheduled = post(&export, 1153);
    assert_eq!(scheduled.status, Status::Future);
    assert_eq!(scheduled.date_gmt.as_deref(), Some("2030-01-01 19:00:18"));
    // The export has no private post; tests/wxr_reading.rs covers that status.
    assert!(!export.posts.iter().any(|p| p.status == Status::Private));
    let sticky: Vec<i64> = export.posts.iter().filter(|p| p.sticky).map(|p| p.id).collect();
    assert_eq!(sticky, [1241]);
    let level_1 = post(&export, 174);
    assert_eq!((level_1.date.as_str(), level_1.menu_order, level_1.parent_id), ("2007-12-11 16:25:40", 5, 0));
    assert_eq!(post(&export, 156).menu_order, 4);
}

#[test]
fn approved_comments_are_counted_per_post() {
    let Some(export) = corpus() else { return };
    assert_eq!(post(&export, 1148).comment_count, 19);
    assert_eq!(post(&export, 1149).comment_count, 5, "pingbacks and trackbacks count, as in WordPress");
    // 33 <wp:comment> in the file, 3 of them not approved.
    assert_eq!(export.posts.iter().map(|p| p.comment_count).sum::<usize>(), 30);
}

#[test]
fn attachments_and_featured_images() {
    let Some(export) = corpus() else { return };
    assert!(export.attachments.iter().all(|a| a.url.starts_with("https://wpthemetestdata.files.wordpress.com/")));
    // WordPress.com exports carry no _wp_attached_file.
    assert!(export.attachments.iter().all(|a| a.file.is_none()));
    assert_eq!(export.attachments.iter().filter(|a| !a.alt.is_empty()).count(), 28);
    let canola = export.attachments.iter().find(|a| a.id == 611).unwrap_or_else(|| panic!("no attachment 611"));
    assert_eq!((canola.parent_id, canola.title.as_str(), canola.alt.as_str()), (555, "canola2", "canola"));
    assert!(canola.caption.starts_with("Lorem ipsum dolor sit amet"));
    let thumbnails: Vec<(i64, i64)> = export.posts.iter().filter_map(|p| p.thumbnail_id.map(|t| (p.id, t))).collect();
    assert_eq!(thumbnails.len(), 6);
    for (post_id, thumb) in thumbnails {
        assert!(export.attachments.iter().any(|a| a.id == thumb), "post {post_id}'s thumbnail {thumb} is missing");
    }
}

#[test]
fn galleries_yield_their_attachment_ids() {
    let Some(export) = corpus() else { return };
    let tiled = convert(&post(&export, 1031).content);
    assert_eq!(tiled.gallery_ids, [755, 757, 758, 760, 766, 763]);
    let block = convert(&post(&export, 1736).content);
    assert_eq!(block.gallery_ids, [770, 771], "a [gallery] inside a shortcode block");
    let attached = convert(&post(&export, 555).content);
    assert!(attached.attached_gallery && attached.gallery_ids.is_empty());
    assert_eq!(export.attachments_of(555).count(), 23);
}

#[test]
fn converted_content_has_no_shortcode_or_block_comment_left() {
    let Some(export) = corpus() else { return };
    let mut warnings = 0;
    for p in &export.posts {
        for (field, raw) in [("content", &p.content), ("excerpt", &p.excerpt)] {
            let c = convert(raw);
            warnings += c.warnings.len();
            assert!(!c.html.contains("<!-- wp:") && !c.html.contains("<!-- /wp:"), "post {} {field}", p.id);
            assert!(!c.html.contains("<!--nextpage-->"), "post {} {field}", p.id);
            if let Some(name) = leftover_shortcode(&c.html) {
                panic!("post {} {field} still has [{name}:\n{}", p.id, c.html);
            }
        }
    }
    println!("{} posts converted, {warnings} warnings", export.posts.len());
    let more = convert(&post(&export, 996).content).html;
    assert_eq!(more.matches("<!--more-->").count(), 1);
    assert!(more.contains("</p>\n<!--more-->\n<p>"), "the marker stands between paragraphs");
    let caption = convert(&post(&export, 1163).content).html;
    assert!(
        caption.starts_with("<figure><a href=")
            && caption.ends_with("<figcaption>Bell on wharf in San Francisco</figcaption></figure>")
    );
}

/// The first `[name` (or `[/name`) in `html` whose name is a known shortcode.
fn leftover_shortcode(html: &str) -> Option<&str> {
    html.match_indices('[').find_map(|(i, _)| {
        let rest = html[i + 1..].trim_start_matches('/');
        let len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).unwrap_or(rest.len());
        KNOWN_SHORTCODES.contains(&&rest[..len]).then(|| &rest[..len])
    })
}

#[test]
fn a_truncated_export_is_malformed_with_a_position() {
    let Some(bytes) = corpus_bytes() else { return };
    // Cut at a line start half-way through, and inside a CDATA section further on.
    let half = bytes[..bytes.len() / 2].iter().rposition(|&b| b == b'\n').unwrap_or(0) + 1;
    let cdata = bytes.windows(26).position(|w| w == b"<content:encoded><![CDATA[").unwrap_or(0) + 100;
    for (cut, expected) in [(half, "is it truncated?"), (cdata, "CDATA not closed")] {
        match read_wxr(&bytes[..cut]) {
            Err(e @ WxrError::Malformed { line, .. }) => {
                println!("cut at byte {cut}: {e}");
                assert!(line > 1 && e.to_string().contains(&format!("line {line}")));
                assert!(e.to_string().contains(expected), "{e}");
            }
            other => panic!("cut at byte {cut}: expected a malformed-XML error, got {other:?}"),
        }
    }
}

/// The editor's checks over every converted post of a real export: they
/// read all of it, and find the theme reviewers' tables without a header row
/// (their HTML is checked lightly: tables and pictures, not yet headings).
#[test]
fn the_editors_checks_read_every_post_and_find_its_tables_without_headers() {
    let Some(export) = corpus() else { return };
    let mut by_key: std::collections::BTreeMap<&str, usize> = Default::default();
    for p in &export.posts {
        let text = convert(&p.content).html;
        for finding in pamir_content::checks::check(&convert(&p.excerpt).html, &text) {
            *by_key.entry(finding.key).or_default() += 1;
        }
    }
    println!("checks over {} posts: {by_key:?}", export.posts.len());
    assert_eq!(by_key.get("check-table-header"), Some(&4), "the four header-less tables of the export: {by_key:?}");
}
