//! `/{lang}/`: the front page. Its first page has a hierarchy, like a
//! newspaper's: the lead story (the first featured item), the next featured
//! items as a row, then the sections the administrator ordered (news,
//! opinion, facts and figures, upcoming events, photo stories, more news),
//! each left out when it has nothing to show. Further pages list every item,
//! featured first, as cards.

use crate::error::PageError;
use crate::public::reader::{Frame, page_number};
use crate::public::{Reader, listing};
use crate::respond::Page;
use crate::state::AppState;
use crate::view::item::LinkView;
use crate::view::{ItemCard, Meta, Pagination, urls};
use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::Redirect;
use pamir_db::items::Listing;
use pamir_domain::site::FrontSection;
use serde::Serialize;

/// Featured items after the lead, in the row of cards below it.
const FEATURED_ROW: usize = 3;

#[derive(Serialize)]
struct FrontPage {
    lead: Option<ItemCard>,
    featured: Vec<ItemCard>,
    sections: Vec<SectionView>,
    /// Pages after the first: the plain listing.
    cards: Vec<ItemCard>,
    pagination: Pagination,
}

/// One section of the front page.
#[derive(Serialize)]
struct SectionView {
    /// `news`, `opinion`…: the template draws each its own way.
    key: &'static str,
    /// Where the section's "more" link goes: the first card's category
    /// (where such items are filed), or for "more news" the next page.
    more: Option<LinkView>,
    cards: Vec<ItemCard>,
}

pub async fn get(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Result<Page, PageError> {
    let reader = Reader::new(&state, &headers, &uri).await?;
    let page = page_number(&uri)?;
    let base = urls::front(reader.code());
    let listing = listing::load(&state, &reader, Listing::Featured, page, &base).await?;
    let view = if page.get() == 1 {
        first_page(&state, &reader, listing.cards, listing.pagination).await?
    } else {
        FrontPage {
            lead: None,
            featured: Vec::new(),
            sections: Vec::new(),
            cards: listing.cards,
            pagination: listing.pagination,
        }
    };
    let alternates: Vec<(String, String)> =
        reader.settings.languages.iter().map(|l| (l.to_string(), urls::front(l.as_str()))).collect();
    let canonical = if page.get() == 1 { base.clone() } else { format!("{base}?page={}", page.get()) };
    let page = reader.page(
        &state,
        "front.html",
        view,
        Frame {
            canonical: &canonical,
            current_category: None,
            alternates: &alternates,
            meta: Meta::website(reader.settings.tagline.get(&reader.lang, &reader.settings.default_lang)),
        },
    )?;
    Ok(page)
}

async fn first_page(
    state: &AppState,
    reader: &Reader,
    listed: Vec<ItemCard>,
    pagination: Pagination,
) -> Result<FrontPage, PageError> {
    let mut listed = listed.into_iter();
    // An imported site may feature nothing: its newest item leads.
    let lead = listed.next();
    let rest: Vec<ItemCard> = listed.collect();
    let (featured, latest): (Vec<ItemCard>, Vec<ItemCard>) = rest.into_iter().partition(|card| card.featured);
    let (featured, overflow) = split_at(featured, FEATURED_ROW);
    let mut shown: Vec<String> = lead.iter().chain(&featured).map(|card| card.url.clone()).collect();
    let of_kind = |kind: &'static str, limit: u32| listing::first(state, reader, Listing::Kind(kind), limit);

    let mut sections = Vec::new();
    for section in &reader.settings.identity.front_sections {
        let cards = match section {
            FrontSection::News => of_kind("article", 8).await?,
            FrontSection::Opinion => of_kind("op-ed", 6).await?,
            FrontSection::Facts => of_kind("facts", 6).await?,
            FrontSection::PhotoStories => of_kind("photo-story", 6).await?,
            FrontSection::Events => {
                let items =
                    pamir_db::items::upcoming_events(&state.core.db, reader.site, &reader.lang, reader.now, 3).await?;
                // Upcoming events are shown even if featured above: their dates are the point.
                let cards = listing::cards(state, reader, &items).await?;
                let more = cards.first().and_then(|card| card.category.clone());
                shown.extend(cards.iter().map(|card| card.url.clone()));
                sections.push(SectionView { key: section.as_str(), more, cards });
                continue;
            }
            FrontSection::MoreNews => {
                let cards: Vec<ItemCard> = overflow.iter().chain(&latest).cloned().collect();
                let older = pagination
                    .next
                    .clone()
                    .map(|url| LinkView { name: crate::i18n::text(reader.code(), "front-older-items", &[]), url });
                sections.push(SectionView { key: section.as_str(), more: older, cards: unseen(cards, &mut shown, 6) });
                continue;
            }
        };
        let cards = unseen(cards, &mut shown, 3);
        let more = cards.first().and_then(|card| card.category.clone());
        sections.push(SectionView { key: section.as_str(), more, cards });
    }
    sections.retain(|section| !section.cards.is_empty());
    Ok(FrontPage { lead, featured, sections, cards: Vec::new(), pagination })
}

/// The first `limit` of `cards` not shown higher up the page, now marked shown.
fn unseen(cards: Vec<ItemCard>, shown: &mut Vec<String>, limit: usize) -> Vec<ItemCard> {
    let cards: Vec<ItemCard> = cards.into_iter().filter(|card| !shown.contains(&card.url)).take(limit).collect();
    shown.extend(cards.iter().map(|card| card.url.clone()));
    cards
}

fn split_at(mut cards: Vec<ItemCard>, at: usize) -> (Vec<ItemCard>, Vec<ItemCard>) {
    let rest = cards.split_off(at.min(cards.len()));
    (cards, rest)
}

/// `/{lang}` without the slash.
pub async fn redirect(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Result<Redirect, PageError> {
    let reader = Reader::new(&state, &headers, &uri).await?;
    Ok(Redirect::permanent(&urls::front(reader.code())))
}
