//! Every admin and API route, with every method it answers, called by
//! every kind of caller: nobody, a signed-in administrator, editor, author
//! and translator, and an API token of each of those roles. What each may
//! do is written below as a table, one row per route and method; a route
//! the router has and the table lacks fails the test, so a new route
//! cannot arrive without someone deciding who may use it.
//!
//! "Allowed" means the caller got past authorization: the answer is not
//! 401, 403, 404 or the way to the sign-in page (it may still refuse an
//! empty form as invalid). Each caller gets a site of its own, so that what
//! one caller may delete or sign out of does not change another's answers.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test stops at the first surprise

mod support;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use pamir_domain::{Lang, Role};
use support::admin::{Browser, form_fields, pairs, sign_in_as};
use support::{Response, TestSite};

/// Who calls.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Caller {
    Nobody,
    Session(Role),
    Token(Role),
}

const CALLERS: [Caller; 9] = [
    Caller::Nobody,
    Caller::Session(Role::Administrator),
    Caller::Session(Role::Editor),
    Caller::Session(Role::Author),
    Caller::Session(Role::Translator),
    Caller::Token(Role::Administrator),
    Caller::Token(Role::Editor),
    Caller::Token(Role::Author),
    Caller::Token(Role::Translator),
];

/// Who may use a route.
#[derive(Clone, Copy, Debug)]
enum Rule {
    /// Anyone, signed in or not (the public API's reads).
    Open,
    /// Signing in: open to anyone; an empty form is refused as wrong
    /// credentials (401) or sent back to the first step.
    SigningIn,
    /// Signing out: a session ends and is sent to sign in again; without
    /// one there is nothing to end.
    SigningOut,
    /// The admin, signed in with one of these roles. Anyone else who is
    /// signed in gets 403; nobody (and a token, which the admin ignores)
    /// is sent to sign in, or refused (403) when posting.
    Admin(&'static [Role]),
    /// The API with a token of one of these roles; another role's token
    /// gets 403, no token (a session cookie is no token) 401.
    Api(&'static [Role]),
}

const ANY_ROLE: &[Role] = &Role::ALL;
const EDITORS: &[Role] = &[Role::Administrator, Role::Editor];
const ADMINISTRATORS: &[Role] = &[Role::Administrator];
/// Who reads any item in the admin: editors, and translators, who translate from it.
const READERS: &[Role] = &[Role::Administrator, Role::Editor, Role::Translator];

/// The table: (method, route) → who may. `{item}` is an item an
/// administrator wrote (so authors and translators edit someone else's).
const TABLE: &[(&str, &str, Rule)] = &[
    ("get", "/admin", Rule::Open),
    ("get", "/admin/", Rule::Admin(ANY_ROLE)),
    ("get", "/admin/login", Rule::Open),
    ("post", "/admin/login", Rule::SigningIn),
    ("get", "/admin/login/code", Rule::Open),
    ("post", "/admin/login/code", Rule::SigningIn),
    ("post", "/admin/logout", Rule::SigningOut),
    ("get", "/admin/items", Rule::Admin(ANY_ROLE)),
    ("get", "/admin/items/new", Rule::Admin(ANY_ROLE)),
    ("post", "/admin/items/new", Rule::Admin(ANY_ROLE)),
    ("post", "/admin/items/preview", Rule::Admin(ANY_ROLE)),
    ("post", "/admin/items/outline", Rule::Admin(ANY_ROLE)),
    ("get", "/admin/items/find", Rule::Admin(ANY_ROLE)),
    ("get", "/admin/items/{id}", Rule::Admin(READERS)),
    ("post", "/admin/items/{id}", Rule::Admin(EDITORS)),
    ("post", "/admin/items/{id}/draft", Rule::Admin(EDITORS)),
    ("post", "/admin/items/{id}/draft/discard", Rule::Admin(READERS)),
    ("get", "/admin/items/{id}/preview", Rule::Admin(READERS)),
    ("get", "/admin/items/{id}/revisions", Rule::Admin(EDITORS)),
    ("get", "/admin/items/{id}/revisions/compare", Rule::Admin(EDITORS)),
    ("post", "/admin/items/{id}/revisions/{revision}/restore", Rule::Admin(EDITORS)),
    ("get", "/admin/account", Rule::Admin(ANY_ROLE)),
    ("post", "/admin/account", Rule::Admin(ANY_ROLE)),
    ("post", "/admin/account/language", Rule::Admin(ANY_ROLE)),
    ("get", "/admin/account/mfa", Rule::Admin(ANY_ROLE)),
    ("post", "/admin/account/mfa", Rule::Admin(ANY_ROLE)),
    ("post", "/admin/account/mfa/disable", Rule::Admin(ANY_ROLE)),
    ("get", "/admin/users", Rule::Admin(ADMINISTRATORS)),
    ("post", "/admin/users", Rule::Admin(ADMINISTRATORS)),
    ("post", "/admin/users/{id}", Rule::Admin(ADMINISTRATORS)),
    ("post", "/admin/users/{id}/sessions", Rule::Admin(ADMINISTRATORS)),
    ("get", "/admin/audit", Rule::Admin(ADMINISTRATORS)),
    ("get", "/admin/categories", Rule::Admin(EDITORS)),
    ("post", "/admin/categories", Rule::Admin(EDITORS)),
    ("get", "/admin/categories/{id}", Rule::Admin(EDITORS)),
    ("post", "/admin/categories/{id}", Rule::Admin(EDITORS)),
    ("get", "/admin/tags", Rule::Admin(EDITORS)),
    ("post", "/admin/tags", Rule::Admin(EDITORS)),
    ("get", "/admin/tags/{id}", Rule::Admin(EDITORS)),
    ("post", "/admin/tags/{id}", Rule::Admin(EDITORS)),
    ("get", "/admin/settings", Rule::Admin(ADMINISTRATORS)),
    ("post", "/admin/settings", Rule::Admin(ADMINISTRATORS)),
    ("get", "/admin/redirects", Rule::Admin(EDITORS)),
    ("post", "/admin/redirects", Rule::Admin(EDITORS)),
    ("post", "/admin/redirects/{id}", Rule::Admin(EDITORS)),
    ("get", "/admin/media", Rule::Admin(ANY_ROLE)),
    ("post", "/admin/media/{id}/delete", Rule::Admin(EDITORS)),
    ("get", "/admin/media/find", Rule::Admin(ANY_ROLE)),
    ("post", "/admin/media/upload", Rule::Admin(ANY_ROLE)),
    ("get", "/api/v1/items", Rule::Open),
    ("post", "/api/v1/items", Rule::Api(ANY_ROLE)),
    ("get", "/api/v1/items/{id}", Rule::Open),
    ("put", "/api/v1/items/{id}", Rule::Api(EDITORS)),
    ("post", "/api/v1/items/{id}/publish", Rule::Api(EDITORS)),
    ("post", "/api/v1/items/{id}/unpublish", Rule::Api(EDITORS)),
    ("get", "/api/v1/categories", Rule::Open),
    ("get", "/api/v1/tags", Rule::Open),
    ("post", "/api/v1/media", Rule::Api(ANY_ROLE)),
    ("get", "/api/v1/media/{id}", Rule::Open),
    ("get", "/api/v1/search", Rule::Open),
    ("get", "/api/v1/openapi.json", Rule::Open),
];

/// What came back, as the table speaks of it.
#[derive(Debug, PartialEq)]
enum Outcome {
    Allowed,
    SignIn,
    Unauthorized,
    Forbidden,
    NotFound,
}

fn outcome(response: &Response) -> Outcome {
    match response.status {
        StatusCode::UNAUTHORIZED => Outcome::Unauthorized,
        StatusCode::FORBIDDEN => Outcome::Forbidden,
        StatusCode::NOT_FOUND => Outcome::NotFound,
        status if status.is_redirection() && response.header("location").starts_with("/admin/login") => Outcome::SignIn,
        _ => Outcome::Allowed,
    }
}

fn expected(rule: Rule, caller: Caller, method: &str) -> Vec<Outcome> {
    let allowed = |roles: &[Role], role: Role| roles.contains(&role);
    match (rule, caller) {
        (Rule::Open, _) => vec![Outcome::Allowed],
        (Rule::SigningIn, _) => vec![Outcome::Allowed, Outcome::Unauthorized, Outcome::SignIn],
        (Rule::SigningOut, Caller::Session(_)) => vec![Outcome::SignIn],
        (Rule::SigningOut, _) => vec![Outcome::Forbidden, Outcome::SignIn],
        (Rule::Admin(roles), Caller::Session(role)) if allowed(roles, role) => vec![Outcome::Allowed],
        (Rule::Admin(_), Caller::Session(_)) => vec![Outcome::Forbidden],
        // No session: a page sends the reader to sign in; a form without
        // this session's token is refused (or sent to sign in).
        (Rule::Admin(_), _) if method == "get" => vec![Outcome::SignIn],
        (Rule::Admin(_), _) => vec![Outcome::Forbidden, Outcome::SignIn],
        (Rule::Api(roles), Caller::Token(role)) if allowed(roles, role) => vec![Outcome::Allowed],
        (Rule::Api(_), Caller::Token(_)) => vec![Outcome::Forbidden],
        (Rule::Api(_), _) => vec![Outcome::Unauthorized],
    }
}

/// The ids the routes' parameters take on a caller's site.
struct Ids {
    item: i64,
    revision: i64,
    user: i64,
    category: i64,
    tag: i64,
    redirect: i64,
    media: i64,
}

impl Ids {
    fn fill(&self, route: &str) -> String {
        let id = if route.starts_with("/admin/users/") {
            self.user
        } else if route.starts_with("/admin/categories/") {
            self.category
        } else if route.starts_with("/admin/tags/") {
            self.tag
        } else if route.starts_with("/admin/redirects/") {
            self.redirect
        } else if route.contains("/media/") {
            self.media
        } else {
            self.item
        };
        let path = route.replace("{id}", &id.to_string()).replace("{revision}", &self.revision.to_string());
        if path.ends_with("/revisions/compare") {
            return format!("{path}?from={}&to={}", self.revision, self.revision);
        }
        path
    }
}

/// A caller's own site: the demo, an administrator who owns its items and
/// has edited one (so that it has revisions), and an old address.
async fn prepare() -> (TestSite, Ids) {
    let site = TestSite::sqlite().await;
    let owner = support::admin::add_user(&site, Role::Administrator, "owner").await;
    let owner_browser = sign_in_as(&site, &owner).await;
    let en = Lang::parse("en").expect("en");
    let listed =
        pamir_db::items::admin_list(site.db(), site.site, &Default::default(), Default::default(), 1, 0, false)
            .await
            .expect("list");
    let item = listed.0[0].id;
    let page = owner_browser.get(&format!("/admin/items/{item}")).await;
    let mut fields = form_fields(&page.body, "item-form");
    fields.retain(|(name, _)| name != "csrf" && name != "action");
    fields.push(("action".into(), "save".into()));
    let saved = owner_browser.post(&format!("/admin/items/{item}"), &pairs(&fields)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let revision = pamir_db::revisions::list(site.db(), item).await.expect("revisions")[0].id;
    let users = pamir_db::users::list(site.db()).await.expect("users");
    let user = users.iter().find(|u| u.email == owner).expect("owner").id;
    let category = pamir_db::categories::list(site.db(), site.site, &en).await.expect("categories")[0].id;
    let tag = pamir_db::tags::list(site.db(), site.site, &en).await.expect("tags")[0].id;
    pamir_core::imports::add_redirects(&site.core, site.site, &[("/old-page".into(), "/en/".into())], "tests")
        .await
        .expect("redirect");
    let redirect = pamir_db::redirects::list(site.db(), site.site, "", 10, 0).await.expect("redirects")[0].id;
    let media = pamir_db::media::list(site.db(), site.site, &en, &en, "", 1, 0).await.expect("media")[0].id;
    drop(owner_browser);
    (site, Ids { item, revision, user, category, tag, redirect, media })
}

async fn call(
    site: &TestSite,
    method: &str,
    path: &str,
    browser: Option<&Browser<'_>>,
    token: Option<&str>,
) -> Response {
    let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
    let mut request = Request::builder().method(method.clone()).uri(path).header("x-forwarded-for", "203.0.113.9");
    if let Some(browser) = browser {
        request = request.header(header::COOKIE, &browser.cookie);
    }
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let body = if path.starts_with("/api/") && method != Method::GET {
        request = request.header(header::CONTENT_TYPE, "application/json");
        Body::from("{}")
    } else if method != Method::GET {
        request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        let csrf = browser.map(|b| b.csrf.as_str()).unwrap_or("");
        Body::from(format!("csrf={csrf}"))
    } else {
        Body::empty()
    };
    site.request(request.body(body).expect("request")).await
}

#[tokio::test]
async fn every_route_with_every_method_answers_every_caller_as_the_table_says() {
    // Every route the router has is in the table, and nothing else is.
    let mut routes: Vec<(String, String)> = Vec::new();
    for (path, methods) in pamir_web::admin::ROUTES.iter().chain(pamir_web::api::ENDPOINTS) {
        routes.extend(methods.iter().map(|method| ((*method).to_owned(), (*path).to_owned())));
    }
    let missing: Vec<String> = routes
        .iter()
        .filter(|(method, path)| !TABLE.iter().any(|(m, p, _)| m == method && p == path))
        .map(|(method, path)| format!("{} {path}", method.to_uppercase()))
        .collect();
    assert!(missing.is_empty(), "routes without a row in the table (say who may use them):\n{}", missing.join("\n"));
    let stale: Vec<String> = TABLE
        .iter()
        .filter(|(m, p, _)| !routes.iter().any(|(method, path)| method == m && path == p))
        .map(|(m, p, _)| format!("{} {p}", m.to_uppercase()))
        .collect();
    assert!(stale.is_empty(), "rows for routes the router no longer has:\n{}", stale.join("\n"));

    // Signing out and deleting come last, so they change nothing the
    // caller asks after them.
    let rank = |path: &str| match path {
        _ if path.ends_with("/logout") => 2,
        _ if path.ends_with("/delete") => 1,
        _ => 0,
    };
    let mut order: Vec<&(&str, &str, Rule)> = TABLE.iter().collect();
    order.sort_by_key(|(_, path, _)| rank(path));

    let mut wrong = Vec::new();
    let mut calls = 0;
    for caller in CALLERS {
        let (site, ids) = prepare().await;
        let browser = match caller {
            Caller::Session(role) => {
                let email = support::admin::add_user(&site, role, &format!("caller-{}", role.as_str())).await;
                Some(sign_in_as(&site, &email).await)
            }
            _ => None,
        };
        let token = match caller {
            Caller::Token(role) => {
                let email = support::admin::add_user(&site, role, &format!("token-{}", role.as_str())).await;
                Some(pamir_core::tokens::create(&site.core, &email, "matrix").await.expect("token").1)
            }
            _ => None,
        };
        for (method, route, rule) in &order {
            let path = ids.fill(route);
            let response = call(&site, method, &path, browser.as_ref(), token.as_deref()).await;
            calls += 1;
            assert_ne!(
                response.status,
                StatusCode::INTERNAL_SERVER_ERROR,
                "{caller:?} {method} {path}: {}",
                response.body
            );
            let got = outcome(&response);
            let want = expected(*rule, caller, method);
            if !want.contains(&got) {
                wrong.push(format!(
                    "{caller:?} {} {path}: {got:?} ({}), the table says {want:?}",
                    method.to_uppercase(),
                    response.status
                ));
            }
        }
    }
    eprintln!("authorization matrix: {} routes and methods × {} callers = {calls} calls", TABLE.len(), CALLERS.len());
    assert!(wrong.is_empty(), "{} of {calls} calls answered otherwise:\n{}", wrong.len(), wrong.join("\n"));
}
