//! Signing in to the admin from tests: users of each role, a browser that
//! keeps its session cookie and sends the page's CSRF token back.

use super::{Response, TestSite};
use axum::body::Body;
use axum::http::{Request, header};
use pamir_core::users::NewAccount;
use pamir_domain::Role;

pub const PASSWORD: &str = "correct horse battery staple";

/// A signed-in browser.
pub struct Browser<'a> {
    pub site: &'a TestSite,
    pub cookie: String,
    pub csrf: String,
    pub from: String,
}

/// Adds a user with the role and the shared test password; returns its e-mail.
pub async fn add_user(site: &TestSite, role: Role, name: &str) -> String {
    let email = format!("{name}@example.org");
    let account =
        NewAccount { email: email.clone(), display_name: name.to_owned(), role, password: Some(PASSWORD.to_owned()) };
    pamir_core::users::add(&site.core, None, account).await.expect("user added");
    email
}

/// The value of the session cookie a response sets, if any.
pub fn session_cookie(response: &Response) -> Option<String> {
    response
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("pamir_session=") && !v.contains("Max-Age=0"))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
}

/// The CSRF token in a page's forms.
pub fn csrf_in(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    html.find(marker).map(|at| html[at + marker.len()..].split('"').next().unwrap_or("").to_owned()).unwrap_or_default()
}

pub async fn sign_in_as<'a>(site: &'a TestSite, email: &str) -> Browser<'a> {
    let response = site.post_form("/admin/login", &[("email", email), ("password", PASSWORD)], "203.0.113.7").await;
    assert_eq!(response.status, 303, "sign-in of {email}: {}", response.body);
    let cookie = session_cookie(&response).expect("session cookie");
    let mut browser = Browser { site, cookie, csrf: String::new(), from: "203.0.113.7".into() };
    let account = browser.get("/admin/account").await;
    browser.csrf = csrf_in(&account.body);
    assert!(!browser.csrf.is_empty(), "no CSRF token on the account page");
    browser
}

/// A new user of `role`, signed in.
pub async fn signed_in(site: &TestSite, role: Role) -> Browser<'_> {
    let email = add_user(site, role, role.as_str()).await;
    sign_in_as(site, &email).await
}

impl Browser<'_> {
    pub async fn get(&self, path: &str) -> Response {
        let request = Request::get(path).header(header::COOKIE, &self.cookie).body(Body::empty()).expect("request");
        self.site.request(request).await
    }

    /// Posts a form with this session's CSRF token added.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let mut all = fields.to_vec();
        all.push(("csrf", &self.csrf));
        self.post_raw(path, &all).await
    }

    /// Posts exactly these fields (for CSRF tests).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let body = fields.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&");
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, &self.cookie)
            .header("x-forwarded-for", &self.from)
            .body(Body::from(body))
            .expect("request");
        self.site.request(request).await
    }

    /// Posts a multipart form (an upload) with the CSRF token.
    pub async fn upload(&self, fields: &[(&str, &str)], file_name: &str, bytes: &[u8]) -> Response {
        let boundary = "pamir-test-boundary-7d3f";
        let mut body = Vec::new();
        let mut all = fields.to_vec();
        all.push(("csrf", &self.csrf));
        for (name, value) in all {
            body.extend(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").bytes(),
            );
        }
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend(format!("\r\n--{boundary}--\r\n").bytes());
        let request = Request::post("/admin/media/upload")
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
            .header(header::COOKIE, &self.cookie)
            .body(Body::from(body))
            .expect("request");
        self.site.request(request).await
    }
}

fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// The fields of a new article in the demo's News category.
pub async fn article_fields(site: &TestSite, title: &str) -> Vec<(String, String)> {
    let en = pamir_domain::Lang::parse("en").expect("en");
    let categories = pamir_db::categories::list(site.db(), site.site, &en).await.expect("categories");
    let news = categories.iter().find(|c| c.slug == "news").expect("news").id;
    vec![
        ("lang".into(), "en".into()),
        ("kind".into(), "article".into()),
        ("category".into(), news.to_string()),
        ("title".into(), title.into()),
        ("teaser".into(), format!("Teaser of {title}.")),
        ("body".into(), format!("Body of **{title}**.")),
    ]
}

/// The id in a `/admin/items/{id}?saved=1` redirect.
pub fn saved_item_id(response: &Response) -> i64 {
    let location = response.header("location");
    location
        .strip_prefix("/admin/items/")
        .and_then(|rest| rest.split('?').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("not a saved item's address: {location:?} ({}) {}", response.status, response.body))
}

pub fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}
