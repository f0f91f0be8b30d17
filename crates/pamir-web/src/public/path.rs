//! `/{lang}/{path}`: a category page (`/en/news/press-releases/`), an item
//! (`/en/news/press-releases/some-title`), a category's feed
//! (`.../feed.atom`) or an event's calendar file (`.../some-event.ics`).
//! The trailing slash tells a category from an item; a category asked for
//! without it is redirected to its proper address.

use crate::error::PageError;
use crate::public::feed::{self, Format};
use crate::public::{Reader, calendar, category, item, reader::segments};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::{IntoResponse, Redirect, Response};

pub async fn get(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Result<Response, PageError> {
    let reader = Reader::new(&state, &headers, &uri).await?;
    let segments = segments(&uri)?;
    let rest = &segments[1..];
    if rest.iter().any(|s| s.len() > 200) || rest.len() > 16 {
        return Err(PageError::NotFound);
    }
    match rest.split_last() {
        Some((last, parents)) if last.is_empty() => {
            let category = reader.tree.find_by_path(parents).ok_or(PageError::NotFound)?.id;
            Ok(category::render(&state, &reader, category, &uri).await?.into_response())
        }
        Some((file, parents)) if Format::from_file_name(file).is_some() && !parents.is_empty() => {
            let category = reader.tree.find_by_path(parents).ok_or(PageError::NotFound)?.id;
            let format = Format::from_file_name(file).ok_or(PageError::NotFound)?;
            feed::render(&state, &reader, Some(category), format).await
        }
        Some((file, parents)) if file.ends_with(".ics") => {
            let category = reader.tree.find_by_path(parents).ok_or(PageError::NotFound)?.id;
            let slug = file.trim_end_matches(".ics");
            let item =
                pamir_db::items::find_visible(&state.core.db, reader.site, &reader.lang, category, slug, reader.now)
                    .await?
                    .ok_or(PageError::NotFound)?;
            calendar::single(&reader, &item).ok_or(PageError::NotFound)
        }
        Some((slug, parents)) => {
            if let Some(category) = reader.tree.find_by_path(parents)
                && let Some(page) = item::render(&state, &reader, category.id, slug).await?
            {
                return Ok(page.into_response());
            }
            match reader.tree.find_by_path(rest) {
                Some(_) => Ok(Redirect::permanent(&format!("{}/", uri.path())).into_response()),
                None => Err(PageError::NotFound),
            }
        }
        None => Err(PageError::NotFound),
    }
}
