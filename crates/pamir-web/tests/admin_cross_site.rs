//! Forged requests: an unsafe request to the admin that a browser says came
//! from another site is refused before any handler runs, on every admin
//! route, sign-in and sign-out included; the API, which takes bearer
//! tokens and no cookies, stays open to other origins.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use pamir_domain::Role;
use support::TestSite;
use support::admin::{PASSWORD, add_user, signed_in};

const HOST: &str = "tj.example.org";

fn login_body(email: &str) -> String {
    format!("email={}&password={}", email.replace('@', "%40"), PASSWORD.replace(' ', "+"))
}

/// A sign-in form post with these extra headers, sent to `HOST`.
fn login(email: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut request = Request::post("/admin/login")
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(Body::from(login_body(email))).expect("request")
}

#[tokio::test]
async fn a_sign_in_forged_from_another_site_is_refused_and_a_same_site_one_works() {
    let site = TestSite::sqlite().await;
    let email = add_user(&site, Role::Editor, "ana").await;

    let forged =
        site.request(login(&email, &[("origin", "http://evil.example"), ("sec-fetch-site", "cross-site")])).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(forged.header("set-cookie").is_empty(), "no session for a forged sign-in");
    assert!(forged.body.contains("came from another website"), "{}", forged.body);

    for refused in [
        vec![("origin", "null")],
        vec![("origin", "https://tj.example.org.evil.example")],
        vec![("sec-fetch-site", "same-site")],
        vec![("referer", "https://evil.example/page")],
    ] {
        let response = site.request(login(&email, &refused)).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{refused:?}");
    }

    for allowed in [
        vec![("origin", "http://tj.example.org"), ("sec-fetch-site", "same-origin")],
        vec![("origin", "https://TJ.example.org")],
        vec![("sec-fetch-site", "same-origin")],
        vec![("sec-fetch-site", "none")],
        vec![("referer", "http://tj.example.org/admin/login")],
        vec![],
    ] {
        let response = site.request(login(&email, &allowed)).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{allowed:?}: {}", response.body);
        assert!(response.header("set-cookie").starts_with("pamir_session="), "{allowed:?}");
    }
}

#[tokio::test]
async fn every_unsafe_admin_route_refuses_other_sites_even_with_a_valid_session_and_token() {
    let site = TestSite::sqlite().await;
    let browser = signed_in(&site, Role::Administrator).await;
    let unsafe_methods = ["post", "put", "patch", "delete"];
    let mut walked = 0;
    for (path, methods) in pamir_web::admin::ROUTES {
        let path = path.replace("{id}", "1").replace("{revision}", "1");
        for method in methods.iter().filter(|method| unsafe_methods.contains(method)) {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
            let request = Request::builder()
                .method(method.clone())
                .uri(&path)
                .header(header::HOST, HOST)
                .header(header::ORIGIN, "https://evil.example")
                .header(header::COOKIE, &browser.cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(format!("csrf={}", browser.csrf)))
                .expect("request");
            let response = site.request(request).await;
            assert_eq!(response.status, StatusCode::FORBIDDEN, "{method} {path}: {}", response.body);
            walked += 1;
        }
    }
    assert!(walked >= 20, "the route table lists the admin's forms ({walked} walked)");
    // The refused sign-out left the session as it was.
    assert_eq!(browser.get("/admin/").await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_route_table_is_what_the_router_serves() {
    let site = TestSite::sqlite().await;
    for (path, methods) in pamir_web::admin::ROUTES {
        let path = path.replace("{id}", "1").replace("{revision}", "1");
        for method in ["get", "post"] {
            let request = Request::builder()
                .method(method.to_uppercase().as_str())
                .uri(&path)
                .body(Body::empty())
                .expect("request");
            let status = site.request(request).await.status;
            let listed = methods.contains(&method);
            assert_eq!(status == StatusCode::METHOD_NOT_ALLOWED, !listed, "{method} {path}: {status}");
            assert_ne!(status, StatusCode::NOT_FOUND, "{method} {path} is routed");
        }
    }
}

#[tokio::test]
async fn the_api_answers_other_origins_since_it_takes_no_cookies() {
    let site = TestSite::sqlite().await;
    let request = Request::post("/api/v1/items")
        .header(header::ORIGIN, "https://partner.example")
        .header("sec-fetch-site", "cross-site")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{}"))
        .expect("request");
    let response = site.request(request).await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED, "refused for its missing token, not its origin");
}
