//! What `convert` makes of each kind of WordPress markup.

use super::*;

#[test]
fn caption_becomes_a_figure_with_its_text_as_figcaption() {
    let c = convert(
        r#"[caption id="attachment_1" align="alignleft" width="150"]<img src="a.jpg" alt="A" /> Look <em>here</em>.[/caption]"#,
    );
    assert_eq!(c.html, r#"<figure><img src="a.jpg" alt="A" /><figcaption>Look <em>here</em>.</figcaption></figure>"#);
    assert!(c.warnings.is_empty());
}

#[test]
fn caption_keeps_a_link_around_the_image_and_prefers_the_caption_attribute() {
    let c = convert(r#"[caption caption="From attr"]<a href="big.jpg"><img src="a.jpg"></a> ignored[/caption]"#);
    assert_eq!(c.html, r#"<figure><a href="big.jpg"><img src="a.jpg"></a><figcaption>From attr</figcaption></figure>"#);
}

#[test]
fn gallery_with_ids_becomes_a_placeholder_list_and_reports_ids() {
    let c = convert("Before\n\n[gallery columns=2 ids=\"770, 771\" orderby=\"rand\"]\n\nAfter");
    assert_eq!(c.gallery_ids, [770, 771]);
    assert!(!c.attached_gallery);
    assert!(c.html.contains(r#"<ul class="gallery"><li data-wp-attachment="770">attachment 770</li>"#));
    assert!(c.html.starts_with("<p>Before</p>") && c.html.ends_with("<p>After</p>"));
    assert!(!c.html.contains("[gallery"));
}

#[test]
fn gallery_without_ids_means_the_attached_images() {
    let c = convert("[gallery]");
    assert!(c.attached_gallery);
    assert!(c.gallery_ids.is_empty());
    assert_eq!(c.html, r#"<ul class="gallery" data-wp-gallery="attached"></ul>"#);
}

#[test]
fn embeds_become_links_and_audio_and_video_players() {
    let c = convert("[embed]https://www.youtube.com/watch?v=x&amp;t=1[/embed]");
    assert_eq!(
        c.html,
        r#"<p><a href="https://www.youtube.com/watch?v=x&amp;t=1">https://www.youtube.com/watch?v=x&amp;t=1</a></p>"#
    );
    let c = convert("[audio https://example.com/a.mp3]");
    assert_eq!(c.html, r#"<figure><audio controls src="https://example.com/a.mp3"></audio></figure>"#);
    let c = convert(r#"[video width="640" mp4="https://example.com/v.mp4"][/video]"#);
    assert_eq!(c.html, r#"<figure><video controls src="https://example.com/v.mp4"></video></figure>"#);
    assert!(c.warnings.is_empty());
}

#[test]
fn other_shortcodes_are_removed_with_a_warning_keeping_enclosed_text() {
    let c = convert("A [contact-form to=\"x@y\"] B [spoiler title=\"t\"]hidden text[/spoiler] C");
    assert_eq!(c.html, "<p>A  B hidden text C</p>");
    assert_eq!(c.warnings, ["shortcode [contact-form] removed", "shortcode [spoiler] removed"]);
}

#[test]
fn bracketed_prose_is_not_a_shortcode() {
    let c = convert("He said [sic] it, see [1] and [Note: later].");
    assert_eq!(c.html, "<p>He said [sic] it, see [1] and [Note: later].</p>");
    assert!(c.warnings.is_empty());
}

#[test]
fn escaped_shortcodes_become_literal_text() {
    let c = convert("Type [[gallery]] or [[foo]x[/foo]].");
    assert_eq!(c.html, "<p>Type &#91;gallery] or &#91;foo]x&#91;/foo].</p>");
    assert!(c.gallery_ids.is_empty() && !c.attached_gallery);
}

#[test]
fn stray_closing_tags_of_known_shortcodes_are_removed() {
    let c = convert("text[/caption] and [/sic]");
    assert_eq!(c.html, "<p>text and [/sic]</p>");
}

#[test]
fn block_comments_go_and_block_content_is_not_autop_ed() {
    let c = convert("<!-- wp:paragraph -->\n<p>One\ntwo</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:latest-posts /-->");
    assert_eq!(c.html, "<p>One\ntwo</p>");
    assert_eq!(c.warnings.len(), 1);
    assert!(c.warnings[0].contains("wp:latest-posts"));
}

#[test]
fn more_is_kept_between_paragraphs_and_nextpage_removed() {
    let c = convert("Teaser<!--more-->Body\n<!--nextpage-->Page two");
    assert_eq!(c.html, "<p>Teaser</p>\n<!--more-->\n<p>Body</p>\n<p>Page two</p>");
    let c = convert(
        "<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->\n<!-- wp:nextpage -->\n<!--nextpage-->\n<!-- /wp:nextpage -->",
    );
    assert_eq!(c.html, "<!--more-->");
}

#[test]
fn nested_shortcodes_inside_captions_are_expanded() {
    let c = convert("[caption]<img src=\"a.jpg\"> by [author]Ann[/author][/caption]");
    assert_eq!(c.html, "<figure><img src=\"a.jpg\"><figcaption>by Ann</figcaption></figure>");
}

#[test]
fn a_url_alone_on_its_line_becomes_a_link_as_wordpress_would_embed_it() {
    let c =
        convert("https://youtu.be/x?a=1&amp;b=2\n\nSee https://example.com inline.\n<pre>\nhttps://in.pre/\n</pre>");
    assert_eq!(
        c.html,
        "<p><a href=\"https://youtu.be/x?a=1&amp;b=2\">https://youtu.be/x?a=1&amp;b=2</a></p>\n\
         <p>See https://example.com inline.</p>\n<pre>\nhttps://in.pre/\n</pre>"
    );
}

#[test]
fn text_full_of_brackets_converts_quickly() {
    let text = "[x] [y z] ".repeat(20_000) + "[w]end[/w]";
    let started = std::time::Instant::now();
    let c = convert(&text);
    assert!(c.html.ends_with("[x] [y z] end</p>"));
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
}
