//! Uploading images in the admin: every file decoded and re-encoded into
//! renditions, bad files refused with a reason, alternative text required,
//! public pages given `srcset`, media deleted only when unused.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::http::StatusCode;
use pamir_domain::Role;
use support::TestSite;
use support::admin::{self, pairs, saved_item_id, signed_in};

/// A real PNG: a 1200 × 800 gradient.
fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
    let mut bytes = std::io::Cursor::new(Vec::new());
    image.write_to(&mut bytes, image::ImageFormat::Png).expect("png");
    bytes.into_inner()
}

fn described() -> Vec<(&'static str, &'static str)> {
    vec![("alt_en", "Seedlings in a nursery near Vahdat"), ("caption_en", "Spring planting"), ("credit", "NAMD")]
}

#[tokio::test]
async fn an_uploaded_image_gets_renditions_and_public_pages_a_srcset() {
    for site in TestSite::all().await {
        let editor = signed_in(&site, Role::Editor).await;
        let response = editor.upload(&described(), "Apricot trees.PNG", &png(1200, 800)).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{}: {}", site.backend, response.body);
        let en = pamir_domain::Lang::parse("en").expect("en");
        let media = pamir_db::media::list(site.db(), site.site, &en, &en, "vahdat", 10, 0).await.expect("list");
        assert_eq!(media.len(), 1);
        let image = &media[0];
        assert_eq!((image.width, image.height, image.mime_type.as_str()), (1200, 800, "image/png"));
        assert!(image.path.ends_with("-apricot-trees.png"), "{}", image.path);
        let widths: Vec<i64> = image.variants.iter().filter(|v| v.mime_type == "image/png").map(|v| v.width).collect();
        assert_eq!(widths, vec![960, 480], "never enlarged, 1600 is wider than the original");
        for file in std::iter::once(&image.path).chain(image.variants.iter().map(|v| &v.path)) {
            let served = site.get(&format!("/media/{file}")).await;
            assert_eq!(served.status, StatusCode::OK, "{file}");
            assert!(served.header("content-type").starts_with("image/"), "{file}");
        }

        let id = image.id.to_string();
        let mut fields = admin::article_fields(&site, "Apricot orchards").await;
        fields.extend([("image".to_owned(), id.clone()), ("action".to_owned(), "publish".to_owned())]);
        saved_item_id(&editor.post("/admin/items/new", &pairs(&fields)).await);
        let page = site.get("/en/news/apricot-orchards").await;
        assert_eq!(page.status, StatusCode::OK);
        let img = page.body.split("<img").skip(1).find(|tag| tag.contains(&image.path)).expect("the lead image");
        assert!(img.contains("srcset=\"") && img.contains(" 480w,") && img.contains(" 1200w\""), "{img}");
        assert!(img.contains("sizes=\"") && img.contains("width=\"1200\"") && img.contains("height=\"800\""), "{img}");
        assert!(img.contains("loading=\"lazy\"") && img.contains("alt=\"Seedlings in a nursery near Vahdat\""));
    }
}

#[tokio::test]
async fn an_image_inside_the_text_gets_the_librarys_renditions_too() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Editor).await;
    editor.upload(&described(), "Nursery.png", &png(1200, 800)).await;
    let en = pamir_domain::Lang::parse("en").expect("en");
    let media = pamir_db::media::list(site.db(), site.site, &en, &en, "vahdat", 10, 0).await.expect("list");
    let path = &media[0].path;
    let mut fields = admin::article_fields(&site, "Planting season").await;
    fields.extend([
        (
            "body".to_owned(),
            format!(
                "In the nursery:\n\n![Seedlings](/media/{path})\n\n![Elsewhere](https://example.org/a.png)\n\n\
                 ![Seedlings again](/media/{path} \"Ready for the orchards of Vahdat\")"
            ),
        ),
        ("action".to_owned(), "publish".to_owned()),
    ]);
    saved_item_id(&editor.post("/admin/items/new", &pairs(&fields)).await);
    let page = site.get("/en/news/planting-season").await;
    let img = page.body.split("<img").skip(1).find(|tag| tag.contains(path.as_str())).expect("the image in the text");
    let img = img.split('>').next().unwrap_or("");
    assert!(img.contains(" 480w,") && img.contains(" 1200w\"") && img.contains("sizes=\""), "{img}");
    assert!(img.contains("width=\"1200\" height=\"800\"") && img.contains("loading=\"lazy\""), "{img}");
    let other = page.body.split("<img").skip(1).find(|tag| tag.contains("example.org/a.png")).expect("the other");
    assert!(!other.split('>').next().unwrap_or("").contains("srcset"), "other sites' images are left alone");
    // Given a caption (its title), an image alone in its paragraph is a figure with the library's credit.
    let figure =
        page.body.split("<figure class=\"text-figure\">").nth(1).expect("a figure").split("</figure>").next().unwrap();
    assert!(figure.contains("alt=\"Seedlings again\""), "{figure}");
    assert!(
        figure.contains(
            "<figcaption>Ready for the orchards of Vahdat <span class=\"credit\">Photo: NAMD</span></figcaption>"
        ),
        "{figure}"
    );
}

#[tokio::test]
async fn an_image_needs_alternative_text_unless_marked_decorative() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Author).await;
    let refused = editor.upload(&[("caption_en", "A caption kept")], "photo.png", &png(300, 200)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Describe the image for people who cannot see it"), "{}", refused.body);
    assert!(refused.body.contains("value=\"A caption kept\""), "what was typed is kept");
    let decorative = editor.upload(&[("decorative", "on")], "border.png", &png(300, 200)).await;
    assert_eq!(decorative.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_editors_image_dialog_gets_the_address_or_the_reason_in_json() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Author).await;
    let json = "application/json";
    let placed =
        editor.upload_accepting(json, &[("alt_en", "Terraces above Khorog")], "terraces.png", &png(640, 400)).await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    let answer: serde_json::Value = serde_json::from_str(&placed.body).expect("JSON");
    let url = answer["url"].as_str().expect("url");
    assert!(url.starts_with("/media/") && url.ends_with(".png"), "{url}");
    assert_eq!(answer["alt"], "Terraces above Khorog");
    assert_eq!(site.get(url).await.status, StatusCode::OK, "the address answers");

    let refused = editor.upload_accepting(json, &[], "terraces.png", &png(640, 400)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let reason: serde_json::Value = serde_json::from_str(&refused.body).expect("JSON");
    assert!(reason["error"].as_str().expect("error").contains("Describe the image"), "{}", refused.body);
}

#[tokio::test]
async fn files_that_are_not_safe_images_are_refused_with_a_reason() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Editor).await;
    let mut polyglot = png(64, 64);
    polyglot.extend_from_slice(b"<script>alert(document.cookie)</script>");
    let mut truncated = png(400, 300);
    truncated.truncate(truncated.len() / 2);
    let mut bomb = png(8, 8);
    // The header claims 60,000 × 60,000 pixels (width and height sit at bytes 16..24, CRC after them).
    bomb[16..20].copy_from_slice(&60_000u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&60_000u32.to_be_bytes());
    let crc = crc32(&bomb[12..29]);
    bomb[29..33].copy_from_slice(&crc.to_be_bytes());
    let cases: [(&str, Vec<u8>, &str); 5] = [
        (
            "drawing.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec(),
            "which could run or load something on the site",
        ),
        ("notes.pdf", b"<html><body onload=alert(1)>".to_vec(), "This file is not one pamir accepts"),
        ("cat.png", polyglot, "hides web-page code"),
        ("half.png", truncated, "could not be read"),
        ("huge.png", bomb, "too large to process safely"),
    ];
    for (name, bytes, reason) in cases {
        let response = editor.upload(&described(), name, &bytes).await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(response.body.contains(reason), "{name}: {}", response.body);
        assert!(response.body.contains("value=\"Seedlings in a nursery near Vahdat\""), "{name}: alt kept");
    }
    let en = pamir_domain::Lang::parse("en").expect("en");
    let stored = pamir_db::media::list(site.db(), site.site, &en, &en, "vahdat", 10, 0).await.expect("list");
    assert!(stored.is_empty(), "nothing refused was stored");
    let big = vec![0u8; 22 * 1024 * 1024];
    assert_eq!(editor.upload(&described(), "big.png", &big).await.status, StatusCode::PAYLOAD_TOO_LARGE);
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[tokio::test]
async fn media_in_use_cannot_be_deleted_and_the_page_says_where_it_is_used() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Editor).await;
    editor.upload(&described(), "used.png", &png(500, 300)).await;
    editor.upload(&[("alt_en", "Unused picture")], "unused.png", &png(500, 300)).await;
    let en = pamir_domain::Lang::parse("en").expect("en");
    let find = |text: &'static str| {
        let db = site.db().clone();
        let en = en.clone();
        let id = site.site;
        async move { pamir_db::media::list(&db, id, &en, &en, text, 10, 0).await.expect("list").remove(0) }
    };
    let (used, unused) = (find("vahdat").await, find("unused").await);
    let mut fields = admin::article_fields(&site, "Uses the picture").await;
    fields.extend([("gallery".to_owned(), used.id.to_string()), ("action".to_owned(), "save".to_owned())]);
    saved_item_id(&editor.post("/admin/items/new", &pairs(&fields)).await);

    let author = signed_in(&site, Role::Author).await;
    assert_eq!(author.post(&format!("/admin/media/{}/delete", unused.id), &[]).await.status, StatusCode::FORBIDDEN);

    let refused = editor.post(&format!("/admin/media/{}/delete", used.id), &[]).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.body.contains("still used by: Uses the picture (en, item"), "{}", refused.body);
    let deleted = editor.post(&format!("/admin/media/{}/delete", unused.id), &[]).await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert!(!site.data.path().join("media").join(&unused.path).exists(), "its files are gone");
    assert_eq!(site.get(&format!("/media/{}", unused.path)).await.status, StatusCode::NOT_FOUND);
    assert!(site.data.path().join("media").join(&used.path).exists());
}

#[tokio::test]
async fn audio_and_documents_are_kept_as_files_and_served_as_players_and_browsers_expect() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Editor).await;
    let mut mp3 = b"ID3\x04\0\0\0\0\0\0".to_vec();
    mp3.extend((0..5000u32).map(|n| (n % 251) as u8));
    let uploaded = editor.upload(&[("alt_en", "Interview with the head of office")], "Interview.mp3", &mp3).await;
    assert_eq!(uploaded.status, StatusCode::SEE_OTHER, "{}", uploaded.body);
    let pdf = b"%PDF-1.7\n% annual report\n%%EOF\n";
    assert_eq!(editor.upload(&[], "Annual report.pdf", pdf).await.status, StatusCode::SEE_OTHER, "no alt needed");
    let disguised = editor.upload(&[], "report.pdf", b"<html><script>alert(1)</script>").await;
    assert_eq!(disguised.status, StatusCode::UNPROCESSABLE_ENTITY, "a web page named .pdf is refused");

    let en = pamir_domain::Lang::parse("en").expect("en");
    let media = pamir_db::media::list(site.db(), site.site, &en, &en, "", 10, 0).await.expect("list");
    let audio = media.iter().find(|m| m.mime_type == "audio/mpeg").expect("the audio");
    let document = media.iter().find(|m| m.mime_type == "application/pdf").expect("the document");
    assert!(audio.path.ends_with("-interview.mp3") && document.path.ends_with("-annual-report.pdf"));
    let library = editor.get("/admin/media").await;
    assert!(library.body.contains(&format!("href=\"/media/{}\"", document.path)), "listed as a link, not an image");

    let whole = site.get(&format!("/media/{}", audio.path)).await;
    assert_eq!((whole.status, whole.header("content-type")), (StatusCode::OK, "audio/mpeg"));
    assert_eq!(whole.header("accept-ranges"), "bytes");
    let part = site.get_with(&format!("/media/{}", audio.path), &[("range", "bytes=100-199")]).await;
    assert_eq!(part.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(part.header("content-range"), format!("bytes 100-199/{}", mp3.len()));
    assert_eq!(part.raw_len, 100, "just the part asked for");
    let past = site.get_with(&format!("/media/{}", audio.path), &[("range", "bytes=999999-")]).await;
    assert_eq!(past.status, StatusCode::RANGE_NOT_SATISFIABLE);

    let download = site.get(&format!("/media/{}", document.path)).await;
    assert_eq!(download.header("content-type"), "application/pdf");
    assert!(download.header("content-disposition").starts_with("attachment; filename="), "documents download");
}

/// A tenth of a second of silence as a WAV file.
fn wav() -> Vec<u8> {
    let samples = vec![128u8; 800];
    let mut bytes = Vec::new();
    bytes.extend(b"RIFF");
    bytes.extend((36 + samples.len() as u32).to_le_bytes());
    bytes.extend(b"WAVEfmt ");
    bytes.extend(16u32.to_le_bytes());
    bytes.extend(1u16.to_le_bytes());
    bytes.extend(1u16.to_le_bytes());
    bytes.extend(8000u32.to_le_bytes());
    bytes.extend(8000u32.to_le_bytes());
    bytes.extend(1u16.to_le_bytes());
    bytes.extend(8u16.to_le_bytes());
    bytes.extend(b"data");
    bytes.extend((samples.len() as u32).to_le_bytes());
    bytes.extend(samples);
    bytes
}

#[tokio::test]
async fn the_editor_finds_sounds_and_films_of_the_library_by_kind_and_words() {
    let site = TestSite::sqlite().await;
    let editor = signed_in(&site, Role::Author).await;
    let sound = editor.upload(&[("alt_en", "Pupils singing the anthem")], "anthem.wav", &wav()).await;
    assert_eq!(sound.status, StatusCode::SEE_OTHER, "{}", sound.body);
    let picture = editor.upload(&[("alt_en", "Pupils singing in a choir")], "choir.png", &png(40, 30)).await;
    assert_eq!(picture.status, StatusCode::SEE_OTHER, "{}", picture.body);

    let found = |query: &'static str| {
        let editor = &editor;
        async move {
            let answer = editor.get(&format!("/admin/media/find?{query}")).await;
            assert_eq!(answer.status, StatusCode::OK, "{query}: {}", answer.body);
            let found: serde_json::Value = serde_json::from_str(&answer.body).expect("JSON");
            found.as_array().expect("a list").iter().map(|m| m["name"].as_str().unwrap().to_owned()).collect::<Vec<_>>()
        }
    };
    let sounds = found("kind=audio&q=singing").await;
    assert_eq!(sounds.len(), 1, "the sound, not the picture: {sounds:?}");
    assert!(sounds[0].ends_with(".wav — Pupils singing the anthem"), "{sounds:?}");
    assert!(found("kind=audio&q=choir").await.is_empty(), "words select too");
    assert!(found("kind=video").await.is_empty(), "no film in the library");
    assert_eq!(editor.get("/admin/media/find?kind=image").await.status, StatusCode::UNPROCESSABLE_ENTITY);
}
