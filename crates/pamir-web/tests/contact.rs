//! The contact page: cloaked address, form validation, honeypot, rate limit,
//! storage and delivery by SMTP.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::http::StatusCode;
use support::TestSite;

const OFFICE_EMAIL: &str = "mission.tajikistan@namd.example";

/// Everything a harvester would try on the HTML: the raw text, entity
/// decoding, percent decoding and base64 decoding of every plausible run.
fn harvestable_text(html: &str) -> Vec<String> {
    let mut views = vec![html.to_owned(), decode_entities(html)];
    views.push(percent_encoding::percent_decode_str(html).decode_utf8_lossy().into_owned());
    let base64_runs: Vec<String> = html
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '+' || c == '/' || c == '='))
        .filter(|run| run.len() >= 8)
        .flat_map(|run| (0..4).filter_map(move |skip| decode_base64(&run[skip.min(run.len())..])))
        .collect();
    views.extend(base64_runs);
    views
}

fn decode_entities(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        let entity = &rest[at + 2..];
        let end = entity.find(';').unwrap_or(0);
        let code = if let Some(hex) = entity[..end].strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()
        } else {
            entity[..end].parse().ok()
        };
        match code.and_then(char::from_u32) {
            Some(c) => {
                out.push(c);
                rest = &entity[end + 1..];
            }
            None => {
                out.push_str("&#");
                rest = entity;
            }
        }
    }
    out.push_str(rest);
    out.replace("&commat;", "@").replace("&period;", ".").replace("&amp;", "&")
}

fn decode_base64(text: &str) -> Option<String> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for byte in text.trim_end_matches('=').bytes() {
        let value = ALPHABET.iter().position(|b| *b == byte)? as u32;
        bits = (bits << 6) | value;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

fn looks_like_an_email_address(text: &str) -> bool {
    text.contains(OFFICE_EMAIL) || text.contains("namd.example") || text.contains("mission.tajikistan")
}

#[tokio::test]
async fn the_contact_page_shows_the_office_and_hides_the_address_from_harvesters() {
    for site in TestSite::all().await {
        for lang in ["en", "ru", "tg"] {
            let page = site.get(&format!("/{lang}/contact")).await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(page.body.contains("href=\"tel:+992372214560\""), "phones are tel: links");
            assert!(page.body.contains("+992 37 221 45 61"), "the fax number");
            assert!(page.body.contains("<address>"), "the office address");
            assert!(page.body.contains("id=\"contact-email-slot\" data-e=\""), "the cloaked address for the script");
            assert!(
                page.body.contains("<form id=\"contact-form\" method=\"post\""),
                "the form for readers without scripts"
            );
            for view in harvestable_text(&page.body) {
                assert!(!looks_like_an_email_address(&view), "/{lang}/contact leaks the address");
                assert!(!view.contains("mailto:"), "no mailto link in the HTML");
            }
        }
        let cloaked = site.get("/en/contact").await.body;
        let data = cloaked.split("data-e=\"").nth(1).and_then(|r| r.split('"').next()).expect("data-e");
        let key: u8 = cloaked
            .split("data-k=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|k| k.parse().ok())
            .expect("data-k");
        let revealed =
            pamir_web::view::cloak::uncloak(&pamir_web::view::cloak::CloakedEmail { data: data.to_owned(), key });
        assert_eq!(revealed.as_deref(), Some(OFFICE_EMAIL), "the script can recover it");
    }
}

#[tokio::test]
async fn a_valid_message_is_stored_and_the_reader_thanked() {
    for site in TestSite::all().await {
        let fields = [
            ("name", "Zarina Rahimova"),
            ("email", "zarina@example.org"),
            ("message", "When does the advice centre in Khujand open?"),
            ("website", ""),
        ];
        let response = site.post_form("/en/contact", &fields, "203.0.113.5").await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", site.backend);
        assert_eq!(response.header("location"), "/en/contact/thanks");
        let thanks = site.get("/en/contact/thanks").await;
        assert_eq!(thanks.status, StatusCode::OK);
        assert!(thanks.body.contains("<h1>Thank you for your message</h1>"));
        let stored = pamir_db::contact::recent(site.db(), site.site, 10).await.expect("messages");
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].name, "Zarina Rahimova");
        assert_eq!(stored[0].email, "zarina@example.org");
        assert_eq!(stored[0].lang, "en");
        assert!(stored[0].message.contains("Khujand"));
    }
}

#[tokio::test]
async fn bad_input_re_shows_the_form_with_errors_and_keeps_what_was_typed() {
    for site in TestSite::all().await {
        let fields = [("name", "Farrukh"), ("email", "farrukh-at-example"), ("message", "Hi"), ("website", "")];
        let page = site.post_form("/ru/contact", &fields, "203.0.113.6").await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.body.contains("<html lang=\"ru\">"));
        assert!(page.body.contains("value=\"Farrukh\""), "the name is kept");
        assert!(page.body.contains("value=\"farrukh-at-example\""), "the e-mail is kept");
        assert!(page.body.contains(">Hi</textarea>"), "the message is kept");
        assert!(page.body.contains("aria-describedby=\"error-email\"") && page.body.contains("id=\"error-email\""));
        assert!(page.body.contains("aria-describedby=\"error-message\""));
        assert!(!page.body.contains("aria-describedby=\"error-name\""), "the name was fine");
        assert!(page.body.contains("role=\"alert\""), "an error summary");
        assert!(pamir_db::contact::recent(site.db(), site.site, 10).await.expect("messages").is_empty());

        let markup = [("name", "<script>alert(1)</script>"), ("email", ""), ("message", ""), ("website", "")];
        let page = site.post_form("/en/contact", &markup, "203.0.113.6").await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!page.body.contains("<script>alert(1)"), "typed markup is escaped when shown again");
        assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}

#[tokio::test]
async fn malformed_form_bodies_get_a_themed_4xx() {
    let site = TestSite::sqlite().await;
    let request = axum::http::Request::post("/en/contact")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from(vec![b'n', b'a', b'm', b'e', b'=', 0xff, 0xfe]))
        .expect("request");
    let response = site.request(request).await;
    assert!(response.status.is_client_error(), "{}", response.status);
    assert!(response.body.contains("<html lang=\"en\">"), "themed");
    let huge = format!("name=a&email=a@b.tj&message={}", "x".repeat(200_000));
    let request = axum::http::Request::post("/en/contact")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from(huge))
        .expect("request");
    let response = site.request(request).await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.body.contains("Too much data"));
}

#[tokio::test]
async fn the_honeypot_thanks_bots_and_stores_nothing() {
    let site = TestSite::sqlite().await;
    let fields = [
        ("name", "Bot"),
        ("email", "bot@example.org"),
        ("message", "Cheap watches for everyone here"),
        ("website", "http://spam.example"),
    ];
    let response = site.post_form("/en/contact", &fields, "198.51.100.7").await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert!(pamir_db::contact::recent(site.db(), site.site, 10).await.expect("messages").is_empty());
}

#[tokio::test]
async fn one_sender_is_limited_to_five_messages_an_hour() {
    for site in TestSite::all().await {
        let fields = [
            ("name", "Reader"),
            ("email", "reader@example.org"),
            ("message", "A question about visas, please."),
            ("website", ""),
        ];
        for n in 0..5 {
            let response = site.post_form("/en/contact", &fields, "192.0.2.9").await;
            assert_eq!(response.status, StatusCode::SEE_OTHER, "message {n}");
        }
        let limited = site.post_form("/en/contact", &fields, "192.0.2.9").await;
        assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(limited.body.contains("Too many messages"), "a clear, themed explanation");
        let other = site.post_form("/en/contact", &fields, "192.0.2.10").await;
        assert_eq!(other.status, StatusCode::SEE_OTHER, "another sender is not affected");
        site.clock.advance(chrono::Duration::minutes(61));
        let later = site.post_form("/en/contact", &fields, "192.0.2.9").await;
        assert_eq!(later.status, StatusCode::SEE_OTHER, "the window has passed");
    }
}

/// A minimal SMTP server that accepts one message and hands back its text.
async fn smtp_sink() -> (String, tokio::sync::oneshot::Receiver<String>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    let (sender, receiver) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let Ok((stream, _)) = listener.accept().await else {
            return;
        };
        let (read, mut write) = stream.into_split();
        let mut lines = BufReader::new(read).lines();
        let _ = write.write_all(b"220 sink ESMTP\r\n").await;
        let mut data = String::new();
        let mut in_data = false;
        while let Ok(Some(line)) = lines.next_line().await {
            if in_data {
                if line == "." {
                    in_data = false;
                    let _ = write.write_all(b"250 queued\r\n").await;
                } else {
                    data.push_str(&line);
                    data.push('\n');
                }
                continue;
            }
            let command = line.to_ascii_uppercase();
            let reply: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO") {
                b"250 sink\r\n"
            } else if command.starts_with("DATA") {
                in_data = true;
                b"354 go ahead\r\n"
            } else if command.starts_with("QUIT") {
                let _ = write.write_all(b"221 bye\r\n").await;
                break;
            } else {
                b"250 ok\r\n"
            };
            let _ = write.write_all(reply).await;
        }
        let _ = sender.send(data);
    });
    (format!("smtp://{address}"), receiver)
}

#[tokio::test]
async fn with_smtp_configured_the_message_reaches_the_office_inbox() {
    let (url, delivered) = smtp_sink().await;
    let site = TestSite::sqlite().await.with_mailer(&url).await;
    let fields = [
        ("name", "Dilnoza"),
        ("email", "dilnoza@example.org"),
        ("message", "Please send me the survey report."),
        ("website", ""),
    ];
    let response = site.post_form("/en/contact", &fields, "203.0.113.77").await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    let mail = tokio::time::timeout(std::time::Duration::from_secs(20), delivered)
        .await
        .expect("delivered in time")
        .expect("mail");
    assert!(mail.contains(&format!("To: {OFFICE_EMAIL}")), "{mail}");
    assert!(mail.contains("Reply-To: dilnoza@example.org"), "{mail}");
    assert!(mail.contains("Please send me the survey report."), "{mail}");
    // The outcome is recorded on the stored message.
    for _ in 0..50 {
        let stored = pamir_db::contact::recent(site.db(), site.site, 1).await.expect("messages");
        if stored[0].delivered_at.is_some() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("delivery was not recorded");
}
