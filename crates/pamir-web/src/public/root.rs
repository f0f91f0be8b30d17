//! `/`: sends readers to the front page in their language.

use crate::error::PageError;
use crate::public::reader::site_of;
use crate::state::AppState;
use crate::view::urls;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pamir_domain::Lang;

pub async fn get(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, PageError> {
    let settings = state.sites.settings(site_of(&state, &headers)?).await?;
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let lang = preferred(accept, &settings.languages).unwrap_or(&settings.default_lang);
    let location =
        HeaderValue::from_str(&urls::front(lang.as_str())).map_err(|e| PageError::Internal(e.to_string()))?;
    Ok((StatusCode::FOUND, [(header::LOCATION, location), (header::VARY, HeaderValue::from_static("Accept-Language"))])
        .into_response())
}

/// The offered language the reader ranks highest (`ru-RU` matches `ru`).
fn preferred<'a>(accept_language: &str, offered: &'a [Lang]) -> Option<&'a Lang> {
    let mut ranked: Vec<(f32, usize, &'a Lang)> = accept_language
        .split(',')
        .enumerate()
        .filter_map(|(position, part)| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim().to_ascii_lowercase();
            let quality =
                pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
            let primary = tag.split('-').next()?;
            let lang = offered.iter().find(|lang| lang.as_str() == primary)?;
            (quality > 0.0).then_some((quality, position, lang))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.first().map(|(_, _, lang)| *lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_highest_ranked_offered_language() {
        let offered: Vec<Lang> = ["en", "ru", "tg"].iter().filter_map(|c| Lang::parse(c).ok()).collect();
        let pick = |header: &str| preferred(header, &offered).map(|l| l.to_string());
        assert_eq!(pick("ru-RU,ru;q=0.9,en;q=0.8"), Some("ru".into()));
        assert_eq!(pick("de-DE, tg;q=0.5, en;q=0.4"), Some("tg".into()));
        assert_eq!(pick("en;q=0.2, ru;q=0.9"), Some("ru".into()));
        assert_eq!(pick("de, fr"), None);
        assert_eq!(pick("ru;q=0"), None);
        assert_eq!(pick(""), None);
    }
}
