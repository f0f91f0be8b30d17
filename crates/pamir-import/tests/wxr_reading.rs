//! Small hand-written exports for what the theme unit test file lacks: private posts,
//! other post types, WXR 1.0 categories, bad ids, and files that are not exports at all.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

use pamir_import::{PostType, Status, WxrError, read_wxr};

fn wxr(items: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Tiny &amp; Co</title>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>http://example.org</wp:base_site_url>
<wp:base_blog_url>http://example.org/blog</wp:base_blog_url>
<wp:author><wp:author_id>7</wp:author_id><wp:author_login><![CDATA[ann]]></wp:author_login></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[News & Views]]></wp:cat_name></wp:category>
<wp:term><wp:term_id>9</wp:term_id><wp:term_taxonomy>post_tag</wp:term_taxonomy><wp:term_slug>rust</wp:term_slug><wp:term_name>Rust</wp:term_name></wp:term>
<wp:term><wp:term_id>10</wp:term_id><wp:term_taxonomy>genre</wp:term_taxonomy><wp:term_slug>jazz</wp:term_slug><wp:term_name>Jazz</wp:term_name></wp:term>
{items}
</channel>
</rss>"#
    )
}

fn item(id: &str, post_type: &str, status: &str, extra: &str) -> String {
    format!(
        "<item><title>Item {id}</title><dc:creator>ann</dc:creator><wp:post_id>{id}</wp:post_id>\
         <wp:post_date>2024-05-01 10:00:00</wp:post_date><wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>\
         <wp:status>{status}</wp:status><wp:post_type>{post_type}</wp:post_type>{extra}</item>"
    )
}

#[test]
fn private_pending_and_trashed_posts_keep_their_status() {
    let items = [
        item("1", "post", "private", ""),
        item("2", "page", "pending", ""),
        item("3", "post", "trash", ""),
        item("4", "post", "wc-custom", ""),
    ]
    .concat();
    let export = read_wxr(wxr(&items).as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let statuses: Vec<&Status> = export.posts.iter().map(|p| &p.status).collect();
    assert_eq!(statuses, [&Status::Private, &Status::Pending, &Status::Trash, &Status::Other("wc-custom".into())]);
    assert_eq!(export.posts[1].post_type, PostType::Page);
    assert_eq!(export.posts[0].date_gmt, None, "a zero date means no date yet");
    assert_eq!(export.site_title, "Tiny & Co");
    assert_eq!(export.authors[0].id, Some(7));
}

#[test]
fn other_post_types_and_taxonomies_are_reported_as_skipped() {
    let items = [
        item("5", "nav_menu_item", "publish", ""),
        item("6", "wp_block", "publish", ""),
        item("7", "product", "publish", ""),
        "<item><title>No id</title><wp:post_type>post</wp:post_type></item>".to_owned(),
    ]
    .concat();
    let export = read_wxr(wxr(&items).as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert!(export.posts.is_empty());
    let kinds: Vec<(Option<i64>, &str)> = export.skipped.iter().map(|s| (s.id, s.kind.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (Some(10), "term:genre"),
            (Some(5), "nav_menu_item"),
            (Some(6), "wp_block"),
            (Some(7), "product"),
            (None, "post")
        ]
    );
    assert!(export.skipped[3].reason.contains("custom post type 'product'"));
    assert_eq!(export.tags.len(), 1, "a post_tag <wp:term> is a tag");
    assert_eq!(export.categories[0].name, "News & Views");
}

#[test]
fn categories_by_name_postmeta_and_entities() {
    let extra = r#"<content:encoded><![CDATA[a]]>&nbsp;&#233;&lt;b&gt;</content:encoded>
        <category><![CDATA[News & Views]]></category><category domain="post_tag" nicename="rust">Rust</category>
        <category domain="post_format" nicename="post-format-aside">Aside</category>
        <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value><![CDATA[42]]></wp:meta_value></wp:postmeta>
        <wp:comment><wp:comment_approved>1</wp:comment_approved></wp:comment>
        <wp:comment><wp:comment_approved>spam</wp:comment_approved></wp:comment>"#;
    let attachment = r#"<wp:attachment_url>http://example.org/wp-content/uploads/2011/01/photo.jpg</wp:attachment_url>
        <wp:post_parent>8</wp:post_parent><excerpt:encoded>A caption</excerpt:encoded>
        <wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2011/01/photo.jpg</wp:meta_value></wp:postmeta>
        <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>A photo</wp:meta_value></wp:postmeta>"#;
    let items = [item("8", "post", "publish", extra), item("42", "attachment", "inherit", attachment)].concat();
    let export = read_wxr(wxr(&items).as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let p = &export.posts[0];
    assert_eq!(p.content, "a&nbsp;é<b>", "unknown HTML entities are kept for the HTML layer");
    assert_eq!((p.categories.as_slice(), p.tags.as_slice()), (&["news".to_owned()][..], &["rust".to_owned()][..]));
    assert_eq!((p.thumbnail_id, p.comment_count), (Some(42), 1));
    let a = &export.attachments[0];
    assert_eq!((a.id, a.parent_id, a.file.as_deref()), (42, 8, Some("2011/01/photo.jpg")));
    assert_eq!((a.alt.as_str(), a.caption.as_str()), ("A photo", "A caption"));
}

#[test]
fn a_bad_post_id_is_an_error_with_its_line() {
    let xml = wxr(&item("12x", "post", "publish", ""));
    let err = read_wxr(xml.as_bytes()).err();
    let line = xml.lines().position(|l| l.contains("12x")).map(|i| i + 1);
    assert_eq!(
        err,
        Some(WxrError::InvalidNumber { line: line.unwrap_or(0), element: "wp:post_id".into(), value: "12x".into() })
    );
}

#[test]
fn mismatched_tags_are_malformed_with_line_and_column() {
    let xml = wxr("<item><title>x</titl></item>");
    let err = read_wxr(xml.as_bytes()).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.starts_with("malformed XML at line 14, column "), "{err}");
}

#[test]
fn files_that_are_not_wordpress_exports_are_refused() {
    let cases = [
        (
            r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><item><title>x</title></item></channel></rss>"#,
            "does not declare the wp: namespace",
        ),
        (
            "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>Hi</title></head></html>",
            "root element is <html>",
        ),
        (r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>"#, "root element is <feed>"),
        (r#"{"posts": []}"#, "does not start with an XML element"),
        ("", "holds no XML element"),
        (r#"<rss xmlns:wp="http://wordpress.org/export/1.2/"></rss>"#, "has no <channel>"),
    ];
    for (input, expected) in cases {
        match read_wxr(input.as_bytes()) {
            Err(e @ WxrError::NotWxr(_)) => {
                let message = e.to_string();
                assert!(message.starts_with("not a WordPress export"), "{message}");
                assert!(message.contains(expected), "{input:?}: {message}");
            }
            other => panic!("{input:?}: expected NotWxr, got {other:?}"),
        }
    }
}
