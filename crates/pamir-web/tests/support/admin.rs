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
        self.upload_accepting("text/html", fields, file_name, bytes).await
    }

    /// An upload as the editor's image dialog sends it, asking for `accept`.
    pub async fn upload_accepting(
        &self,
        accept: &str,
        fields: &[(&str, &str)],
        file_name: &str,
        bytes: &[u8],
    ) -> Response {
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
            .header(header::ACCEPT, accept)
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

/// Sets form field `name` to `value`, replacing what it held.
pub fn set(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    fields.retain(|(n, _)| n != name);
    fields.push((name.to_owned(), value.to_owned()));
}

pub fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// What a browser sends when the form with this class is submitted as it
/// stands: every field with its value, checked boxes only, selected options.
pub fn form_fields(html: &str, form_class: &str) -> Vec<(String, String)> {
    fields_of_form_marked(html, &format!("class=\"{form_class}\""))
}

/// The same for the form that posts to `action`.
pub fn form_fields_at(html: &str, action: &str) -> Vec<(String, String)> {
    fields_of_form_marked(html, &format!("action=\"{action}\""))
}

fn fields_of_form_marked(html: &str, marker: &str) -> Vec<(String, String)> {
    let start = html.find(marker).unwrap_or_else(|| panic!("no form with {marker}"));
    let form = &html[start..html[start..].find("</form>").map_or(html.len(), |end| start + end)];
    let mut fields = Vec::new();
    let mut rest = form;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        let name_of_tag = tag.split([' ', '\n']).next().unwrap_or("");
        let Some(name) = attribute(tag, "name") else { continue };
        match name_of_tag {
            "input" => {
                let kind = attribute(tag, "type").unwrap_or_else(|| "text".into());
                let value = attribute(tag, "value").unwrap_or_default();
                match kind.as_str() {
                    "submit" | "button" | "file" => {}
                    "checkbox" | "radio" if !has_flag(tag, "checked") => {}
                    "checkbox" | "radio" => fields.push((name, if value.is_empty() { "on".into() } else { value })),
                    _ => fields.push((name, value)),
                }
            }
            "textarea" => {
                let text = &rest[rest.find('>').map_or(0, |at| at + 1)..];
                let text = &text[..text.find("</textarea>").unwrap_or(text.len())];
                // A parser drops the newline right after the start tag.
                let text = text.strip_prefix('\n').unwrap_or(text);
                fields.push((name, unescape(text)));
            }
            "select" => {
                let body = &rest[..rest.find("</select>").unwrap_or(rest.len())];
                let options: Vec<&str> = body.split("<option").skip(1).collect();
                // An option without a value attribute submits its text.
                let value_of = |o: &str| {
                    attribute(o, "value")
                        .unwrap_or_else(|| unescape(o.split('>').nth(1).unwrap_or("").split('<').next().unwrap_or("")))
                };
                let selected: Vec<String> = options
                    .iter()
                    .filter(|o| has_flag(&o[..o.find('>').unwrap_or(o.len())], "selected"))
                    .map(|o| value_of(o))
                    .collect();
                match (selected.is_empty(), options.first(), has_flag(tag, "multiple")) {
                    (true, Some(first), false) => fields.push((name, value_of(first))),
                    _ => fields.extend(selected.into_iter().map(|value| (name.clone(), value))),
                }
            }
            _ => {}
        }
    }
    fields
}

/// A quoted attribute's value in a tag's text, unescaped.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    let pattern = format!(" {name}=\"");
    let start = tag.find(&pattern).map(|at| at + pattern.len())?;
    let end = tag[start..].find('"')?;
    Some(unescape(&tag[start..start + end]))
}

fn has_flag(tag: &str, flag: &str) -> bool {
    tag.split([' ', '\n', '>']).any(|part| part == flag || part.starts_with(&format!("{flag}=")))
}

/// HTML's character references, as a browser reads them in a form.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|end| *end < 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
