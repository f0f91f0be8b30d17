//! `/api/v1/items`: published items, listed with cursors or one by one, for
//! anyone; created, updated, published and unpublished with a token, with
//! the same rules, permissions and audit log as the admin.

use super::auth::TokenUser;
use super::cached;
use super::error::{ApiError, ApiJson, ApiPath};
use super::views::{self, ApiItem, ApiItemSummary, ApiTag, ApiTranslation, Extras};
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, Utc};
use pamir_core::editing::{self, Saved, Transition};
use pamir_core::items::ItemInput;
use pamir_domain::{Action, EventDetails, Item, ItemKind, Lang, SiteId, SourceCitation};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub const DEFAULT_LIMIT: u32 = 20;
pub const MAX_LIMIT: u32 = 100;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Language code; the site's default when absent.
    lang: Option<String>,
    /// article, op-ed, facts, event or photo-story.
    #[param(pattern = "^(article|op-ed|facts|event|photo-story)?$")]
    kind: Option<String>,
    /// A category id; its subcategories are included.
    #[param(minimum = 1)]
    category: Option<i64>,
    /// A tag id.
    #[param(minimum = 1)]
    tag: Option<i64>,
    /// Items per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
}

/// One page of items, newest first.
#[derive(Serialize, ToSchema)]
pub struct ItemList {
    pub items: Vec<ApiItemSummary>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// The site and language a read is for.
pub async fn language(
    state: &AppState,
    headers: &HeaderMap,
    lang: Option<&str>,
) -> Result<(SiteId, Lang, std::sync::Arc<pamir_domain::taxonomy::CategoryTree>), ApiError> {
    let site = crate::public::reader::site_of(state, headers).map_err(|_| ApiError::not_found("site for this host"))?;
    let settings = state.sites.settings(site).await?;
    let lang = match lang {
        None => settings.default_lang.clone(),
        Some(code) => Lang::parse(code)
            .ok()
            .filter(|lang| settings.offers(lang))
            // No content in that language here: a resource that does not exist.
            .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("the site has no language {code:?}")))?,
    };
    let tree = state.sites.tree(site, &lang).await?;
    Ok((site, lang, tree))
}

/// A listing's filters, checked: the page size, the kind, and a category with its subtree.
pub struct Filters {
    pub limit: u32,
    pub kind: Option<ItemKind>,
    pub category_ids: Vec<i64>,
}

pub fn filters(
    tree: &pamir_domain::taxonomy::CategoryTree,
    limit: Option<u32>,
    kind: Option<&str>,
    category: Option<i64>,
) -> Result<Filters, ApiError> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::bad_request(format!("limit must be between 1 and {MAX_LIMIT}")));
    }
    let kind = match kind.filter(|kind| !kind.is_empty()) {
        None => None,
        Some(kind) => {
            Some(ItemKind::parse(kind).ok_or_else(|| ApiError::bad_request(format!("unknown kind {kind:?}")))?)
        }
    };
    let category_ids = match category {
        None => Vec::new(),
        Some(id) if tree.get(id).is_some() => tree.subtree_ids(id),
        Some(id) => return Err(ApiError::new(StatusCode::NOT_FOUND, format!("no category {id} in this language"))),
    };
    Ok(Filters { limit, kind, category_ids })
}

#[utoipa::path(get, path = "/api/v1/items", tag = "items", params(ListQuery),
    responses((status = 200, description = "Published items, newest first", body = ItemList),
              (status = 400, description = "A malformed filter, limit or cursor", body = super::error::Problem)))]
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let (site, lang, tree) = language(&state, &headers, query.lang.as_deref()).await?;
    let Filters { limit, kind, category_ids } = filters(&tree, query.limit, query.kind.as_deref(), query.category)?;
    if query.tag.is_some_and(|tag| tag < 1) {
        return Err(ApiError::bad_request("a tag id is a positive number"));
    }
    let after = match query.cursor.as_deref().filter(|cursor| !cursor.is_empty()) {
        None => None,
        Some(cursor) => Some(
            super::cursor::decode(cursor)
                .ok_or_else(|| ApiError::bad_request("the cursor is not one this API gave out"))?,
        ),
    };
    let now = state.core.clock.now();
    let filter = pamir_db::items::ApiFilter {
        lang: &lang,
        kind: kind.map(ItemKind::as_str),
        category_ids: &category_ids,
        tag_id: query.tag,
        after,
    };
    let mut items = pamir_db::items::api_page(&state.core.db, site, &filter, now, limit + 1).await?;
    let more = items.len() > limit as usize;
    items.truncate(limit as usize);
    let next_cursor = match (more, items.last()) {
        (true, Some(last)) => Some(super::cursor::encode(last.published_at.timestamp(), last.id)),
        _ => None,
    };
    let list = ItemList { items: items.iter().map(|item| views::summary(item, &tree, now)).collect(), next_cursor };
    Ok(cached::json(&headers, &list))
}

/// An item with its media, tags and translations.
async fn full(state: &AppState, site: SiteId, item: &Item) -> Result<ApiItem, ApiError> {
    let now = state.core.clock.now();
    let settings = state.sites.settings(site).await?;
    let tree = state.sites.tree(site, &item.lang).await?;
    let shown = pamir_core::reading::shown(&state.core, item.clone(), &item.lang, &settings.default_lang, now).await?;
    let tags = shown.tags.iter().map(ApiTag::from).collect();
    let mut translations = Vec::new();
    for (lang, translation) in shown.translations_in() {
        if lang == item.lang || !settings.offers(&lang) {
            continue;
        }
        let other_tree = state.sites.tree(site, &lang).await?;
        if other_tree.get(translation.category_id).is_none() {
            continue;
        }
        let url = crate::view::urls::item(lang.as_str(), &other_tree, translation.category_id, &translation.slug);
        translations.push(ApiTranslation { lang: translation.lang.clone(), id: translation.id, url });
    }
    let extras = Extras { tree: &tree, media: &shown.media, gallery: &shown.gallery, tags, translations, now };
    Ok(views::item(item, extras))
}

#[utoipa::path(get, path = "/api/v1/items/{id}", tag = "items", params(("id" = i64, Path, description = "Item id")),
    responses((status = 200, description = "A published item", body = ApiItem),
              (status = 404, description = "No such published item", body = super::error::Problem)))]
pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    let site =
        crate::public::reader::site_of(&state, &headers).map_err(|_| ApiError::not_found("site for this host"))?;
    let now = state.core.clock.now();
    let item = pamir_db::items::visible_by_ids(&state.core.db, site, &[id], now)
        .await?
        .pop()
        .ok_or_else(|| ApiError::not_found(&format!("item {id}")))?;
    Ok(cached::json(&headers, &full(&state, site, &item).await?))
}

/// The source of a facts item.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceWrite {
    title: String,
    publisher: Option<String>,
    url: Option<String>,
    date: Option<String>,
}

/// An event's dates and place (RFC 3339 times).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventWrite {
    starts_at: String,
    ends_at: Option<String>,
    venue: Option<String>,
    entries_deadline: Option<String>,
    registration_url: Option<String>,
}

/// An item as a client writes it. Unknown fields are refused.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemWrite {
    /// Language code (only for a new item; an update keeps the language).
    lang: Option<String>,
    /// Join this translation group (a new item in another language).
    group_id: Option<i64>,
    kind: String,
    category_id: i64,
    title: String,
    /// Made from the title when absent.
    slug: Option<String>,
    #[serde(default)]
    teaser_markdown: String,
    #[serde(default)]
    body_markdown: String,
    /// The item's page shows the teaser above the body (else the teaser is
    /// only a summary for listings).
    #[serde(default)]
    teaser_above_body: bool,
    byline: Option<String>,
    dateline: Option<String>,
    source: Option<SourceWrite>,
    key_figure: Option<crate::api::views::ApiKeyFigure>,
    event: Option<EventWrite>,
    image_id: Option<i64>,
    #[serde(default)]
    featured: bool,
    featured_order: Option<i64>,
    featured_until: Option<String>,
    publish_up: Option<String>,
    publish_down: Option<String>,
    #[serde(default)]
    tag_ids: Vec<i64>,
    #[serde(default)]
    gallery: Vec<i64>,
    /// New items: draft (default), review or published.
    state: Option<String>,
    /// Updates: the version the client read.
    version: Option<i64>,
}

fn instant(text: &Option<String>, field: &str) -> Result<Option<DateTime<Utc>>, ApiError> {
    match text {
        None => Ok(None),
        Some(text) => DateTime::parse_from_rfc3339(text).map(|t| Some(t.with_timezone(&Utc))).map_err(|_| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("{field} must be an RFC 3339 time such as 2026-11-28T14:30:00Z"),
            )
        }),
    }
}

impl ItemWrite {
    fn into_input(self, site: SiteId, lang: Lang) -> Result<ItemInput, ApiError> {
        let invalid = |message: String| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, message);
        let kind = ItemKind::parse(&self.kind).ok_or_else(|| invalid(format!("unknown kind {:?}", self.kind)))?;
        let mut input = ItemInput::article(site, lang, self.category_id, &self.title);
        input.kind = kind;
        input.group_id = self.group_id;
        input.slug = self.slug.unwrap_or_default();
        input.teaser_markdown = self.teaser_markdown;
        input.body_markdown = self.body_markdown;
        input.teaser_above_body = self.teaser_above_body;
        input.byline = self.byline;
        input.dateline = self.dateline;
        input.source =
            self.source.map(|s| SourceCitation { title: s.title, publisher: s.publisher, url: s.url, date: s.date });
        input.key_figure = self.key_figure.map(|f| pamir_domain::item::KeyFigure {
            value: f.value.trim().to_owned(),
            label: f.label.trim().to_owned(),
        });
        input.event = match self.event {
            None => None,
            Some(e) => Some(EventDetails {
                starts_at: instant(&Some(e.starts_at), "event.starts_at")?
                    .ok_or_else(|| invalid("event.starts_at".into()))?,
                ends_at: instant(&e.ends_at, "event.ends_at")?,
                venue: e.venue,
                entries_deadline: instant(&e.entries_deadline, "event.entries_deadline")?,
                registration_url: e.registration_url,
            }),
        };
        input.image_id = self.image_id;
        input.featured = self.featured;
        input.featured_order = self.featured_order;
        input.featured_until = instant(&self.featured_until, "featured_until")?;
        input.publish_up = instant(&self.publish_up, "publish_up")?;
        input.publish_down = instant(&self.publish_down, "publish_down")?;
        input.tag_ids = self.tag_ids;
        input.gallery = self.gallery;
        Ok(input)
    }
}

#[utoipa::path(post, path = "/api/v1/items", tag = "items", request_body = ItemWrite, security(("bearer" = [])),
    responses((status = 201, description = "Created", body = ApiItem),
              (status = 401, description = "No or bad token", body = super::error::Problem),
              (status = 403, description = "The token's role may not do this", body = super::error::Problem),
              (status = 422, description = "The item breaks a rule", body = super::error::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    user: TokenUser,
    ApiJson(body): ApiJson<ItemWrite>,
) -> Result<Response, ApiError> {
    let settings = state.sites.settings(user.site).await?;
    let (input, transition) = new_item(body, user.site, &settings)?;
    let item = editing::create(&state.core, &user.actor, input, transition).await?;
    Ok(cached::created(StatusCode::CREATED, &full(&state, user.site, &item).await?))
}

/// A new item as the API's JSON body describes it (the CLI's `item add`
/// reads the same shape): the use case's input and the workflow step.
pub fn new_item_from_json(
    json: &str,
    site: SiteId,
    settings: &pamir_domain::site::SiteSettings,
) -> Result<(ItemInput, Transition), ApiError> {
    let body: ItemWrite = serde_json::from_str(json)
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, format!("the item is not the JSON expected: {e}")))?;
    new_item(body, site, settings)
}

fn new_item(
    body: ItemWrite,
    site: SiteId,
    settings: &pamir_domain::site::SiteSettings,
) -> Result<(ItemInput, Transition), ApiError> {
    let lang = match body.lang.as_deref() {
        None => settings.default_lang.clone(),
        Some(code) => Lang::parse(code).ok().filter(|l| settings.offers(l)).ok_or_else(|| {
            ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, format!("the site has no language {code:?}"))
        })?,
    };
    let transition = match body.state.as_deref() {
        None | Some("draft") => Transition::Keep,
        Some("review") => Transition::SubmitForReview,
        Some("published") => Transition::Publish,
        Some(other) => {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("a new item's state is draft, review or published, not {other:?}"),
            ));
        }
    };
    if body.version.is_some() {
        return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "a new item has no version"));
    }
    Ok((body.into_input(site, lang)?, transition))
}

fn stored(saved: Saved) -> Result<Item, ApiError> {
    match saved {
        Saved::Stored(item) => Ok(*item),
        Saved::Conflict(current) => Err(ApiError::new(
            StatusCode::CONFLICT,
            format!(
                "the item was saved by someone else meanwhile: it is at version {} now; read it again",
                current.version
            ),
        )),
    }
}

#[utoipa::path(put, path = "/api/v1/items/{id}", tag = "items", request_body = ItemWrite, security(("bearer" = [])),
    params(("id" = i64, Path, description = "Item id")),
    responses((status = 200, description = "Saved", body = ApiItem),
              (status = 409, description = "The version is not the item's current one", body = super::error::Problem),
              (status = 422, description = "The item breaks a rule", body = super::error::Problem)))]
pub async fn update(
    State(state): State<AppState>,
    user: TokenUser,
    ApiPath(id): ApiPath<i64>,
    body: Result<ApiJson<ItemWrite>, ApiError>,
) -> Result<Response, ApiError> {
    // Who asks comes before what they sent: a token that may not change
    // this item hears that, not what its body lacked.
    let current = editing::load(&state.core, &user.actor, user.site, id).await?;
    user.actor.require_on(Action::EditAnyItem, Action::EditOwnItem, current.created_by)?;
    let ApiJson(body) = body?;
    let Some(version) = body.version else {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "send the version you read, to avoid overwriting others' changes",
        ));
    };
    if body.state.is_some() || body.lang.is_some() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "state and lang cannot be changed by an update; use publish or unpublish",
        ));
    }
    let input = body.into_input(user.site, current.lang.clone())?;
    let saved = editing::save(&state.core, &user.actor, user.site, id, version, input, Transition::Keep).await?;
    let item = stored(saved)?;
    Ok(cached::created(StatusCode::OK, &full(&state, user.site, &item).await?))
}

/// The version a workflow step applies to.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VersionBody {
    version: i64,
}

async fn step(
    state: &AppState,
    user: &TokenUser,
    id: i64,
    version: i64,
    transition: Transition,
) -> Result<Response, ApiError> {
    let saved = editing::transition(&state.core, &user.actor, user.site, id, version, transition).await?;
    let item = stored(saved)?;
    Ok(cached::created(StatusCode::OK, &full(state, user.site, &item).await?))
}

#[utoipa::path(post, path = "/api/v1/items/{id}/publish", tag = "items", request_body = VersionBody, security(("bearer" = [])),
    params(("id" = i64, Path, description = "Item id")),
    responses((status = 200, description = "Published", body = ApiItem),
              (status = 403, description = "The token's role may not publish", body = super::error::Problem),
              (status = 409, description = "Stale version", body = super::error::Problem)))]
pub async fn publish(
    State(state): State<AppState>,
    user: TokenUser,
    ApiPath(id): ApiPath<i64>,
    body: Result<ApiJson<VersionBody>, ApiError>,
) -> Result<Response, ApiError> {
    user.actor.require(Action::PublishItem)?;
    step(&state, &user, id, body?.0.version, Transition::Publish).await
}

#[utoipa::path(post, path = "/api/v1/items/{id}/unpublish", tag = "items", request_body = VersionBody, security(("bearer" = [])),
    params(("id" = i64, Path, description = "Item id")),
    responses((status = 200, description = "Back to draft", body = ApiItem),
              (status = 403, description = "The token's role may not unpublish", body = super::error::Problem),
              (status = 409, description = "Stale version", body = super::error::Problem)))]
pub async fn unpublish(
    State(state): State<AppState>,
    user: TokenUser,
    ApiPath(id): ApiPath<i64>,
    body: Result<ApiJson<VersionBody>, ApiError>,
) -> Result<Response, ApiError> {
    user.actor.require(Action::PublishItem)?;
    step(&state, &user, id, body?.0.version, Transition::Unpublish).await
}
