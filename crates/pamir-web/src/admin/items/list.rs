//! `/admin/` and `/admin/items`: what needs attention, and every item with
//! filters by type, language, category, state, author and title words,
//! sorted and paged (counted with the same indexes at 50,000 items).

use crate::admin::render::{AdminError, page};
use crate::admin::session::Editor;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use pamir_db::items::{AdminFilter, AdminRow, AdminSort, CheckFilter};
use pamir_domain::{ItemKind, ItemState};
use serde::{Deserialize, Serialize};

pub const PAGE_SIZE: u32 = 50;

#[derive(Debug, Default, Deserialize, Serialize, Clone)]
pub struct ListQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    state: String,
    /// `mine`, or empty for everyone's.
    #[serde(default)]
    author: String,
    #[serde(default)]
    q: String,
    /// `any`, a check's key, or empty for every item.
    #[serde(default)]
    check: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    page: String,
}

#[derive(Serialize)]
pub struct RowView {
    id: i64,
    title: String,
    lang: String,
    kind: String,
    state: String,
    author: String,
    updated: String,
    scheduled: Option<String>,
}

pub fn row_view(zone: chrono_tz::Tz, row: AdminRow) -> RowView {
    let date = |seconds: i64| crate::admin::clock::minutes(zone, seconds);
    RowView {
        id: row.id,
        title: row.title,
        lang: row.lang,
        kind: row.kind,
        state: row.state,
        author: row.author_name.unwrap_or_default(),
        updated: date(row.updated_at),
        scheduled: row.publish_up.map(date),
    }
}

#[derive(Serialize)]
struct ListPage {
    rows: Vec<RowView>,
    total: i64,
    query: ListQuery,
    page: i64,
    pages: i64,
    checks: Vec<&'static str>,
    /// The query string without `page`, for the paging links.
    base: String,
    kinds: Vec<&'static str>,
    states: Vec<&'static str>,
    languages: Vec<String>,
    categories: Vec<(i64, String)>,
}

pub async fn get(
    State(state): State<AppState>,
    editor: Editor,
    Query(query): Query<ListQuery>,
) -> Result<Response, AdminError> {
    editor.actor.require(pamir_domain::Action::UseAdmin)?;
    let bad = |what: &str| AdminError::BadRequest(format!("unknown {what} in the filter"));
    let filter = AdminFilter {
        kind: match query.kind.as_str() {
            "" => None,
            kind => Some(ItemKind::parse(kind).ok_or_else(|| bad("type"))?),
        },
        lang: Some(query.lang.clone()).filter(|l| !l.is_empty()),
        category_id: match query.category.as_str() {
            "" => None,
            id => Some(id.parse().map_err(|_| bad("category"))?),
        },
        state: match query.state.as_str() {
            "" => None,
            s => Some(ItemState::parse(s).ok_or_else(|| bad("state"))?),
        },
        author_id: (query.author == "mine").then_some(editor.actor.user.id),
        text: Some(query.q.clone()).filter(|q| !q.trim().is_empty()),
        check: match query.check.as_str() {
            "" => None,
            "any" => Some(CheckFilter::Any),
            key if pamir_content::checks::KEYS.contains(&key) => Some(CheckFilter::Key(key.to_owned())),
            _ => return Err(bad("check")),
        },
    };
    let sort = match query.sort.as_str() {
        "" | "updated" => AdminSort::Updated,
        "published" => AdminSort::Published,
        "title" => AdminSort::Title,
        _ => return Err(bad("order")),
    };
    let page_number: i64 = match query.page.as_str() {
        "" => 1,
        n => n.parse().ok().filter(|n| *n >= 1 && *n <= 100_000).ok_or_else(|| bad("page"))?,
    };
    let offset = (page_number - 1) * i64::from(PAGE_SIZE);
    let (rows, total) =
        pamir_db::items::admin_list(&state.core.db, editor.site, &filter, sort, PAGE_SIZE, offset, true).await?;
    let total = total.unwrap_or(0);
    let mut base_query = query.clone();
    base_query.page.clear();
    let base = serde_urlencoded_lite(&base_query);
    let tree = state.sites.tree(editor.site, &editor.settings.default_lang).await?;
    let view = ListPage {
        rows: rows.into_iter().map(|row| row_view(editor.settings.time_zone, row)).collect(),
        total,
        page: page_number,
        pages: (total + i64::from(PAGE_SIZE) - 1) / i64::from(PAGE_SIZE),
        base,
        query,
        kinds: ItemKind::ALL.iter().map(|k| k.as_str()).collect(),
        states: ItemState::ALL.iter().map(|s| s.as_str()).collect(),
        languages: editor.settings.languages.iter().map(|l| l.to_string()).collect(),
        categories: super::form::category_options(&tree),
        checks: pamir_content::checks::KEYS.to_vec(),
    };
    Ok(page(&state, &editor, StatusCode::OK, "admin/items.html", "items", view, None))
}

#[derive(Deserialize)]
pub struct FindQuery {
    #[serde(default)]
    q: String,
    /// The item's language: links go to items a reader of it can read.
    #[serde(default)]
    lang: String,
}

#[derive(Serialize)]
struct Found {
    id: i64,
    title: String,
    lang: String,
    state: String,
    /// What the editor's link points at: survives a change of the item's address.
    address: String,
}

/// `GET /admin/items/find?q=&lang=`: the ten items in `lang` whose title or
/// text match, latest first, as JSON: the editor's "link to an item".
pub async fn find(
    State(state): State<AppState>,
    editor: Editor,
    Query(query): Query<FindQuery>,
) -> Result<Response, AdminError> {
    editor.actor.require(pamir_domain::Action::UseAdmin)?;
    let filter = AdminFilter {
        text: Some(query.q.clone()).filter(|q| !q.trim().is_empty()),
        lang: Some(query.lang.clone()).filter(|lang| !lang.is_empty()),
        ..AdminFilter::default()
    };
    let (rows, _) =
        pamir_db::items::admin_list(&state.core.db, editor.site, &filter, AdminSort::Updated, 10, 0, false).await?;
    let found: Vec<Found> = rows
        .into_iter()
        .map(|row| Found {
            address: pamir_content::item_links::stable_address(row.id),
            id: row.id,
            title: row.title,
            lang: row.lang,
            state: row.state,
        })
        .collect();
    Ok(crate::admin::render::private_json(found))
}

/// `key=value&...` of the non-empty filters, percent-encoded.
fn serde_urlencoded_lite(query: &ListQuery) -> String {
    let encode = |v: &str| percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC).to_string();
    [
        ("kind", &query.kind),
        ("lang", &query.lang),
        ("category", &query.category),
        ("state", &query.state),
        ("author", &query.author),
        ("q", &query.q),
        ("check", &query.check),
        ("sort", &query.sort),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k}={}", encode(v)))
    .collect::<Vec<_>>()
    .join("&")
}

#[derive(Serialize)]
struct Dashboard {
    review: Vec<RowView>,
    mine: Vec<RowView>,
    recent: Vec<RowView>,
}

pub async fn dashboard(State(state): State<AppState>, editor: Editor) -> Result<Response, AdminError> {
    editor.actor.require(pamir_domain::Action::UseAdmin)?;
    let db = &state.core.db;
    let list = |filter: AdminFilter| async move {
        pamir_db::items::admin_list(db, editor.site, &filter, AdminSort::Updated, 10, 0, false)
            .await
            .map(|(rows, _)| rows)
    };
    let review = list(AdminFilter { state: Some(ItemState::Review), ..Default::default() }).await?;
    let mine = list(AdminFilter { author_id: Some(editor.actor.user.id), ..Default::default() }).await?;
    let recent = list(AdminFilter::default()).await?;
    let view = Dashboard {
        review: review.into_iter().map(|row| row_view(editor.settings.time_zone, row)).collect(),
        mine: mine.into_iter().map(|row| row_view(editor.settings.time_zone, row)).collect(),
        recent: recent.into_iter().map(|row| row_view(editor.settings.time_zone, row)).collect(),
    };
    Ok(page(&state, &editor, StatusCode::OK, "admin/dashboard.html", "dashboard", view, None))
}
