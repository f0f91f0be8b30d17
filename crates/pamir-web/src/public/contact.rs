//! `/{lang}/contact`: the office's details, the cloaked e-mail address, and a
//! contact form that works without JavaScript (POST, then redirect to a
//! thank-you page; errors re-show the form with what was typed).

use crate::error::{ErrorPage, PageError};
use crate::public::Reader;
use crate::public::reader::Frame;
use crate::respond::{Page, html};
use crate::state::AppState;
use crate::view::chrome::{Phone, phone};
use crate::view::cloak::{CloakedEmail, cloak};
use crate::view::{Meta, urls};
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use pamir_core::contact::{Outcome, Submission};
use pamir_domain::contact::ContactMessage;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::SocketAddr;

#[derive(Debug, Default, Deserialize)]
pub struct ContactForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    message: String,
    /// The honeypot.
    #[serde(default)]
    website: String,
}

#[derive(Serialize)]
struct ContactPage {
    address_lines: Vec<String>,
    hours: String,
    phones: Vec<Phone>,
    fax: Option<Phone>,
    email: Option<CloakedEmail>,
    form: FormView,
}

#[derive(Serialize, Default)]
struct FormView {
    name: String,
    email: String,
    message: String,
    /// Field name to translation key of its problem.
    errors: BTreeMap<&'static str, &'static str>,
}

pub async fn get(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Result<Page, PageError> {
    let reader = Reader::new(&state, &headers, &uri).await?;
    let html = render(&state, &reader, FormView::default())?;
    Ok(Page::new(html, &urls::contact(reader.code())))
}

pub async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    connection: Option<Extension<ConnectInfo<SocketAddr>>>,
    Form(form): Form<ContactForm>,
) -> Result<Response, PageError> {
    let reader = Reader::new(&state, &headers, &uri).await?;
    let submission = Submission {
        site: reader.site,
        lang: reader.code().to_owned(),
        message: ContactMessage { name: form.name, email: form.email, message: form.message },
        honeypot: form.website,
        sender_address: crate::client_address::sender(
            state.config.trust_forwarded_for,
            &headers,
            connection.map(|Extension(ConnectInfo(addr))| addr),
        ),
    };
    match pamir_core::contact::submit(&state.core, submission).await? {
        Outcome::Accepted | Outcome::Discarded => {
            Ok(Redirect::to(&format!("{}/thanks", urls::contact(reader.code()))).into_response())
        }
        Outcome::Invalid { message, errors } => {
            let form = FormView {
                name: message.name,
                email: message.email,
                message: message.message,
                errors: errors.iter().map(|e| (e.field, e.problem)).collect(),
            };
            Ok(html(StatusCode::UNPROCESSABLE_ENTITY, render(&state, &reader, form)?))
        }
        Outcome::RateLimited => {
            let mut response = StatusCode::TOO_MANY_REQUESTS.into_response();
            response.extensions_mut().insert(ErrorPage::with_text(
                StatusCode::TOO_MANY_REQUESTS,
                "contact-rate-limited-title",
                "contact-rate-limited-body",
            ));
            Ok(response)
        }
    }
}

pub async fn thanks(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Result<Page, PageError> {
    let reader = Reader::new(&state, &headers, &uri).await?;
    let canonical = format!("{}/thanks", urls::contact(reader.code()));
    let alternates = language_urls(&reader, "/thanks");
    let meta = Meta::website(&crate::i18n::text(reader.code(), "contact-thanks-body", &[]));
    reader.page(
        &state,
        "contact_thanks.html",
        (),
        Frame { canonical: &canonical, current_category: None, alternates: &alternates, meta },
    )
}

fn render(state: &AppState, reader: &Reader, form: FormView) -> Result<String, PageError> {
    let settings = &reader.settings;
    let contact = &settings.contact;
    let key = (reader.now.timestamp_subsec_nanos() % 251) as u8 ^ (reader.now.timestamp() % 256) as u8;
    let page = ContactPage {
        address_lines: contact.address.get(&reader.lang, &settings.default_lang).lines().map(str::to_owned).collect(),
        hours: contact.hours.get(&reader.lang, &settings.default_lang).to_owned(),
        phones: contact.phones.iter().map(|number| phone(number)).collect(),
        fax: contact.fax.as_deref().map(phone),
        email: contact.email.as_deref().filter(|e| !e.is_empty()).map(|address| cloak(address, key)),
        form,
    };
    let canonical = urls::contact(reader.code());
    let alternates = language_urls(reader, "");
    let meta = Meta::organization(settings, reader.code(), &reader.origin);
    reader.render(
        state,
        "contact.html",
        page,
        &Frame { canonical: &canonical, current_category: None, alternates: &alternates, meta },
    )
}

fn language_urls(reader: &Reader, suffix: &str) -> Vec<(String, String)> {
    reader
        .settings
        .languages
        .iter()
        .map(|l| (l.to_string(), format!("{}{suffix}", urls::contact(l.as_str()))))
        .collect()
}
