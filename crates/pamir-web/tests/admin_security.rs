//! The admin's locks: sign-in and its throttling, sessions and their
//! expiry, CSRF, the second factor, and the permission matrix over HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::http::StatusCode;
use pamir_domain::Role;
use support::TestSite;
use support::admin::{self, PASSWORD, add_user, sign_in_as, signed_in};

#[tokio::test]
async fn admin_pages_need_a_session_and_send_the_browser_to_sign_in() {
    let site = TestSite::sqlite().await;
    let response = site.get("/admin/items").await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(response.header("location"), "/admin/login?next=%2Fadmin%2Fitems");
    let login = site.get("/admin/login?next=%2Fadmin%2Fitems").await;
    assert_eq!(login.status, StatusCode::OK);
    assert!(login.body.contains("name=\"next\" value=\"/admin/items\""));
    // Only addresses inside the admin are followed after signing in.
    let elsewhere = site.get("/admin/login?next=https%3A%2F%2Fevil.example%2F").await;
    assert!(elsewhere.body.contains("name=\"next\" value=\"/admin/\""));
}

#[tokio::test]
async fn signing_in_sets_a_locked_down_cookie_and_signing_out_ends_the_session() {
    for site in TestSite::all().await {
        let email = add_user(&site, Role::Editor, "ana").await;
        let response =
            site.post_form("/admin/login", &[("email", &email), ("password", PASSWORD)], "198.51.100.2").await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", site.backend);
        let cookie = response.header("set-cookie");
        for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
            assert!(cookie.contains(attribute), "{cookie}");
        }
        assert!(!cookie.contains("Secure"), "plain HTTP cannot carry a Secure cookie: {cookie}");

        let browser = sign_in_as(&site, &email).await;
        assert_eq!(browser.get("/admin/").await.status, StatusCode::OK);
        let out = browser.post("/admin/logout", &[]).await;
        assert_eq!(out.status, StatusCode::SEE_OTHER);
        assert!(out.header("set-cookie").contains("Max-Age=0"));
        assert_eq!(browser.get("/admin/").await.status, StatusCode::SEE_OTHER, "the old cookie is worth nothing");
    }
}

#[tokio::test]
async fn the_cookie_is_secure_behind_an_https_proxy() {
    let site = TestSite::sqlite().await;
    let email = add_user(&site, Role::Editor, "ana").await;
    let request = axum::http::Request::post("/admin/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-forwarded-proto", "https")
        .body(axum::body::Body::from(format!(
            "email={}&password={}",
            email.replace('@', "%40"),
            PASSWORD.replace(' ', "+")
        )))
        .expect("request");
    let response = site.request(request).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert!(response.header("set-cookie").contains("; Secure"));
}

#[tokio::test]
async fn wrong_passwords_are_refused_alike_and_the_sixth_try_is_throttled() {
    for site in TestSite::all().await {
        let email = add_user(&site, Role::Editor, "ana").await;
        let unknown =
            site.post_form("/admin/login", &[("email", "nobody@example.org"), ("password", "x")], "192.0.2.1").await;
        let wrong = site.post_form("/admin/login", &[("email", &email), ("password", "wrong")], "192.0.2.1").await;
        assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert!(wrong.body.contains("The e-mail address or the password is not right."));
        assert!(unknown.body.contains("The e-mail address or the password is not right."), "no hint which one exists");
        assert!(wrong.body.contains(&format!("value=\"{email}\"")), "the address typed is kept");

        for _ in 0..4 {
            site.post_form("/admin/login", &[("email", &email), ("password", "wrong")], "192.0.2.1").await;
        }
        // Even the right password is refused now, from anywhere: the account is being guessed at.
        let throttled =
            site.post_form("/admin/login", &[("email", &email), ("password", PASSWORD)], "192.0.2.99").await;
        assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS, "{}", site.backend);
        assert!(throttled.body.contains("Too many failed attempts. Try again in 15 minutes."), "{}", throttled.body);

        site.clock.advance(chrono::Duration::minutes(16));
        let later = site.post_form("/admin/login", &[("email", &email), ("password", PASSWORD)], "192.0.2.99").await;
        assert_eq!(later.status, StatusCode::SEE_OTHER, "the window passed");
    }
}

#[tokio::test]
async fn one_address_guessing_many_accounts_is_throttled() {
    let site = TestSite::sqlite().await;
    for n in 0..20 {
        let email = format!("guess{n}@example.org");
        site.post_form("/admin/login", &[("email", &email), ("password", "wrong")], "192.0.2.50").await;
    }
    let email = add_user(&site, Role::Editor, "ana").await;
    let from_guesser = site.post_form("/admin/login", &[("email", &email), ("password", PASSWORD)], "192.0.2.50").await;
    assert_eq!(from_guesser.status, StatusCode::TOO_MANY_REQUESTS);
    let from_elsewhere =
        site.post_form("/admin/login", &[("email", &email), ("password", PASSWORD)], "192.0.2.51").await;
    assert_eq!(from_elsewhere.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn an_administrator_signs_someone_out_everywhere_and_a_new_role_ends_their_sessions() {
    for site in TestSite::all().await {
        let admin = signed_in(&site, Role::Administrator).await;
        let email = admin::add_user(&site, Role::Editor, "roaming").await;
        let (laptop, phone) = (admin::sign_in_as(&site, &email).await, admin::sign_in_as(&site, &email).await);
        assert_ne!(laptop.cookie, phone.cookie, "each sign-in is a session of its own");
        let users = pamir_db::users::list(site.db()).await.expect("users");
        let id = users.iter().find(|u| u.email == email).expect("user").id;

        let page = admin.get("/admin/users").await;
        assert!(page.body.contains(&format!("action=\"/admin/users/{id}/sessions\"")), "a button per user");
        let ended = admin.post(&format!("/admin/users/{id}/sessions"), &[]).await;
        assert_eq!(ended.status, StatusCode::SEE_OTHER, "{}: {}", site.backend, ended.body);
        for session in [&laptop, &phone] {
            let page = session.get("/admin/").await;
            assert_eq!(page.status, StatusCode::SEE_OTHER, "{}: signed out everywhere", site.backend);
            assert!(page.header("location").starts_with("/admin/login"));
        }
        assert_eq!(admin.get("/admin/").await.status, StatusCode::OK, "the administrator's own session goes on");
        let audit = admin.get("/admin/audit").await;
        assert!(audit.body.contains("user.sessions-ended"), "it is in the audit log");

        let again = admin::sign_in_as(&site, &email).await;
        let changed = admin.post(&format!("/admin/users/{id}"), &[("name", "Roaming"), ("role", "author")]).await;
        assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
        assert_eq!(again.get("/admin/").await.status, StatusCode::SEE_OTHER, "a new role ends the old sessions");
    }
}

#[tokio::test]
async fn sessions_end_after_two_idle_hours_but_not_while_in_use() {
    let site = TestSite::sqlite().await;
    let browser = signed_in(&site, Role::Editor).await;
    for _ in 0..3 {
        site.clock.advance(chrono::Duration::minutes(90));
        assert_eq!(browser.get("/admin/").await.status, StatusCode::OK, "used every 90 minutes");
    }
    site.clock.advance(chrono::Duration::hours(2) + chrono::Duration::seconds(1));
    let expired = browser.get("/admin/").await;
    assert_eq!(expired.status, StatusCode::SEE_OTHER);
    assert!(expired.header("location").starts_with("/admin/login"));
}

#[tokio::test]
async fn every_state_changing_form_needs_this_sessions_csrf_token() {
    for site in TestSite::all().await {
        let editor = signed_in(&site, Role::Editor).await;
        let other = signed_in(&site, Role::Administrator).await;
        let fields = admin::article_fields(&site, "Forged item").await;
        let mut without: Vec<(&str, &str)> = admin::pairs(&fields);
        let missing = editor.post_raw("/admin/items/new", &without).await;
        assert_eq!(missing.status, StatusCode::FORBIDDEN, "{}", site.backend);
        assert!(missing.body.contains("This form has expired"));
        without.push(("csrf", &other.csrf));
        let foreign = editor.post_raw("/admin/items/new", &without).await;
        assert_eq!(foreign.status, StatusCode::FORBIDDEN, "another session's token");
        let listed = editor.get("/admin/items?q=forged").await;
        assert_eq!(listed.status, StatusCode::OK);
        assert!(listed.body.contains(">0 items</p>"), "nothing was created: {}", listed.body);
        for path in
            ["/admin/logout", "/admin/users", "/admin/settings", "/admin/tags", "/admin/categories", "/admin/account"]
        {
            assert_eq!(other.post_raw(path, &[("csrf", "0000")]).await.status, StatusCode::FORBIDDEN, "{path}");
        }
    }
}

/// Each role against each kind of action, over HTTP; the statuses are the matrix.
#[tokio::test]
async fn the_permission_matrix_holds_for_every_role() {
    let site = TestSite::sqlite().await;
    // (what, allowed for administrator, editor, author, translator)
    let expectations: &[(&str, [bool; 4])] = &[
        ("GET /admin/users", [true, false, false, false]),
        ("GET /admin/settings", [true, false, false, false]),
        ("GET /admin/audit", [true, false, false, false]),
        ("GET /admin/categories", [true, true, false, false]),
        ("GET /admin/tags", [true, true, false, false]),
        ("GET /admin/items", [true, true, true, true]),
        ("GET /admin/media", [true, true, true, true]),
        ("create draft", [true, true, true, true]),
        ("create published", [true, true, false, false]),
        ("edit others' item", [true, true, false, false]),
        ("publish own draft", [true, true, false, false]),
        ("submit own draft", [true, true, true, true]),
        ("add tag", [true, true, false, false]),
        ("add user", [true, false, false, false]),
    ];
    let demo_item =
        pamir_db::items::admin_list(site.db(), site.site, &Default::default(), Default::default(), 1, 0, false)
            .await
            .expect("list")
            .0[0]
            .id;
    for (index, role) in Role::ALL.into_iter().enumerate() {
        let browser = signed_in(&site, role).await;
        for (what, allowed) in expectations {
            let status = match *what {
                path if path.starts_with("GET ") => browser.get(&path[4..]).await.status,
                "create draft" | "create published" => {
                    let mut fields = admin::article_fields(&site, &format!("{what} by {}", role.as_str())).await;
                    let action = if *what == "create draft" { "save" } else { "publish" };
                    fields.push(("action".into(), action.into()));
                    browser.post("/admin/items/new", &admin::pairs(&fields)).await.status
                }
                "edit others' item" => {
                    let form = browser.get(&format!("/admin/items/{demo_item}")).await;
                    let version = form
                        .body
                        .split("name=\"version\" value=\"")
                        .nth(1)
                        .and_then(|r| r.split('"').next())
                        .unwrap_or("1")
                        .to_owned();
                    let mut fields = admin::article_fields(&site, "Edited by someone").await;
                    fields.push(("version".into(), version));
                    fields.push(("action".into(), "save".into()));
                    browser.post(&format!("/admin/items/{demo_item}"), &admin::pairs(&fields)).await.status
                }
                "publish own draft" | "submit own draft" => {
                    let mut fields = admin::article_fields(&site, &format!("{what} {}", role.as_str())).await;
                    fields.push(("action".into(), "save".into()));
                    let created = browser.post("/admin/items/new", &admin::pairs(&fields)).await;
                    let id = admin::saved_item_id(&created);
                    fields.push(("version".into(), "1".into()));
                    let action = if *what == "publish own draft" { "publish" } else { "submit" };
                    let last = fields.len() - 2;
                    fields[last] = ("action".into(), action.into());
                    browser.post(&format!("/admin/items/{id}"), &admin::pairs(&fields)).await.status
                }
                "add tag" => {
                    let name = format!("tag by {}", role.as_str());
                    browser.post("/admin/tags", &[("name_en", &name)]).await.status
                }
                "add user" => {
                    let email = format!("new-{}@example.org", role.as_str());
                    browser.post("/admin/users", &[("email", &email), ("role", "author")]).await.status
                }
                other => unreachable!("{other}"),
            };
            let expected_ok = allowed[index];
            let ok = status.is_success() || status.is_redirection();
            assert_eq!(ok, expected_ok, "{} {what}: {status}", role.as_str());
            if !expected_ok {
                assert_eq!(status, StatusCode::FORBIDDEN, "{} {what}", role.as_str());
            }
        }
    }
}

#[tokio::test]
async fn a_second_factor_is_enrolled_with_a_code_and_then_asked_for_at_every_sign_in() {
    for site in TestSite::all().await {
        let browser = signed_in(&site, Role::Editor).await;
        let enrol = browser.get("/admin/account/mfa").await;
        assert!(enrol.body.contains("data:image/svg+xml;base64,"), "a QR code is shown");
        let secret = enrol
            .body
            .split("name=\"secret\" value=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("secret")
            .to_owned();
        let now = pamir_domain::Clock::now(site.clock.as_ref()).timestamp();
        let wrong = browser.post("/admin/account/mfa", &[("secret", &secret), ("code", "000000")]).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        let code = pamir_core::auth::totp::code_at(&secret, pamir_core::auth::totp::step_at(now)).expect("code");
        let enabled = browser.post("/admin/account/mfa", &[("secret", &secret), ("code", &code)]).await;
        assert_eq!(enabled.status, StatusCode::OK, "{}", enabled.body);
        let recovery: Vec<String> =
            enabled.body.split("<li><code>").skip(1).filter_map(|r| r.split('<').next()).map(str::to_owned).collect();
        assert_eq!(recovery.len(), 10, "ten recovery codes are shown once");

        // Signing in again: the password alone only reaches the code page.
        site.clock.advance(chrono::Duration::seconds(60));
        let email = "editor@example.org";
        let step_one = site.post_form("/admin/login", &[("email", email), ("password", PASSWORD)], "203.0.113.9").await;
        assert_eq!(step_one.header("location"), "/admin/login/code");
        let half = admin::session_cookie(&step_one).expect("cookie");
        let half_browser = support::admin::Browser {
            site: &site,
            cookie: half.clone(),
            csrf: String::new(),
            from: "203.0.113.9".into(),
        };
        assert_eq!(half_browser.get("/admin/").await.header("location"), "/admin/login/code");

        let now = pamir_domain::Clock::now(site.clock.as_ref()).timestamp();
        let code = pamir_core::auth::totp::code_at(&secret, pamir_core::auth::totp::step_at(now)).expect("code");
        let step_two = half_browser.post_raw("/admin/login/code", &[("code", &code)]).await;
        assert_eq!(step_two.status, StatusCode::SEE_OTHER, "{}", step_two.body);
        let full = admin::session_cookie(&step_two).expect("a new cookie");
        assert_ne!(full, half, "the session is replaced after the second factor");
        let full_browser =
            support::admin::Browser { site: &site, cookie: full, csrf: String::new(), from: "203.0.113.9".into() };
        assert_eq!(full_browser.get("/admin/").await.status, StatusCode::OK);
        assert_eq!(half_browser.get("/admin/").await.status, StatusCode::SEE_OTHER, "the half session is gone");

        // The same code cannot be used twice; a recovery code works once.
        let again = site.post_form("/admin/login", &[("email", email), ("password", PASSWORD)], "203.0.113.9").await;
        let again_browser = support::admin::Browser {
            site: &site,
            cookie: admin::session_cookie(&again).expect("cookie"),
            csrf: String::new(),
            from: "203.0.113.9".into(),
        };
        assert_eq!(
            again_browser.post_raw("/admin/login/code", &[("code", &code)]).await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            again_browser.post_raw("/admin/login/code", &[("code", &recovery[0])]).await.status,
            StatusCode::SEE_OTHER
        );
        let third = site.post_form("/admin/login", &[("email", email), ("password", PASSWORD)], "203.0.113.9").await;
        let third_browser = support::admin::Browser {
            site: &site,
            cookie: admin::session_cookie(&third).expect("cookie"),
            csrf: String::new(),
            from: "203.0.113.9".into(),
        };
        assert_eq!(
            third_browser.post_raw("/admin/login/code", &[("code", &recovery[0])]).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
}

#[tokio::test]
async fn when_the_site_requires_a_second_factor_editors_must_set_one_up_first() {
    let site = TestSite::sqlite().await;
    let administrator = signed_in(&site, Role::Administrator).await;
    let settings = administrator.get("/admin/settings").await;
    assert_eq!(settings.status, StatusCode::OK);
    let mut fields: Vec<(String, String)> = Vec::new();
    for name in ["languages", "default_lang", "front_page_size", "phones", "fax", "email"] {
        let value = settings
            .body
            .split(&format!("name=\"{name}\""))
            .nth(1)
            .and_then(|r| {
                if r.trim_start().starts_with("rows") {
                    r.split('>').nth(1).and_then(|v| v.split("</textarea").next())
                } else {
                    r.split("value=\"").nth(1).and_then(|v| v.split('"').next())
                }
            })
            .unwrap_or("")
            .to_owned();
        fields.push((name.into(), value));
    }
    for lang in ["en", "ru", "tg"] {
        fields.push((format!("name_{lang}"), format!("Site {lang}")));
    }
    fields.push(("mfa_required".into(), "on".into()));
    let saved = administrator.post("/admin/settings", &admin::pairs(&fields)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);

    let editor = signed_in(&site, Role::Editor).await;
    let dashboard = editor.get("/admin/").await;
    assert_eq!(dashboard.status, StatusCode::SEE_OTHER);
    assert_eq!(dashboard.header("location"), "/admin/account/mfa");
    let page = editor.get("/admin/account/mfa").await;
    assert!(page.body.contains("This site requires two-step sign-in for everyone."));
}

#[tokio::test]
async fn imported_wordpress_and_joomla_passwords_work_once_then_are_argon2id() {
    // Made with Python's passlib and bcrypt for "correct horse"; see pamir-core's legacy tests.
    let hashes = [
        ("wp@example.org", "$P$BabcdefghKfdE7H4Uy7ajxpijsjAJW0"),
        ("wp68@example.org", "$wp$2y$04$5oXDbzNehEedJqwwAt8ID.z6WnS2rl0Utyo0qj/63Oc65kSyShQei"),
        ("joomla@example.org", "$2y$04$yQe8hs6vwmHFPLy8erhm3uV13qNiL5o6K4jlr9kmbRsYLayPN6ubi"),
        ("joomla15@example.org", "b44a9854481b3cca7e09f00bd74a8371:Q2bS9cVxYpL0aZ1mN3kE5rT7uW9yB1dF"),
    ];
    for site in TestSite::all().await {
        for (email, hash) in hashes {
            let user = pamir_core::imports::ImportedUser {
                email,
                display_name: email,
                role: Role::Author,
                password_hash: Some(hash),
                disabled: false,
            };
            let record = pamir_core::imports::Record { source: "old site", kind: "user", id: email };
            pamir_core::imports::add_user(&site.core, site.site, user, record).await.expect("user");
            let wrong = site
                .post_form("/admin/login", &[("email", email), ("password", "correct horsE")], "198.51.100.9")
                .await;
            assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "{}: {email}", site.backend);
            let right = site
                .post_form("/admin/login", &[("email", email), ("password", "correct horse")], "198.51.100.9")
                .await;
            assert_eq!(right.status, StatusCode::SEE_OTHER, "{}: {email}", site.backend);
            let stored = pamir_db::users::find_by_email(site.db(), email).await.expect("db").expect("user");
            let stored = stored.password_hash.expect("hash");
            assert!(stored.starts_with("$argon2id$"), "{email}: rehashed at sign-in, now {stored}");
            let again = site
                .post_form("/admin/login", &[("email", email), ("password", "correct horse")], "198.51.100.9")
                .await;
            assert_eq!(again.status, StatusCode::SEE_OTHER, "{email}: the new hash works");
        }
    }
}
