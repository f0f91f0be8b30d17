//! Items: the articles, op-eds, facts, events and photo stories a site publishes.

use crate::rules::{Message, Violations, is_web_address};
use crate::{Lang, SiteId};

/// The longest title an item may have, in characters.
pub const TITLE_MAX: usize = 300;
/// A byline, dateline, venue or publisher: one line of a card.
pub const LINE_MAX: usize = 200;
/// A web address an item links to.
pub const URL_MAX: usize = 2000;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What kind of item this is; each kind may carry typed fields of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    Article,
    OpEd,
    Facts,
    Event,
    PhotoStory,
}

impl ItemKind {
    pub const ALL: [ItemKind; 5] =
        [ItemKind::Article, ItemKind::OpEd, ItemKind::Facts, ItemKind::Event, ItemKind::PhotoStory];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Article => "article",
            ItemKind::OpEd => "op-ed",
            ItemKind::Facts => "facts",
            ItemKind::Event => "event",
            ItemKind::PhotoStory => "photo-story",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// Where an item is in its life. Only published items within their publishing
/// window are shown to readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemState {
    Draft,
    /// Written by an author and waiting for an editor to publish it.
    Review,
    Published,
    Archived,
    /// In the bin: hidden everywhere but the admin's trash, restorable.
    Trashed,
}

impl ItemState {
    pub const ALL: [ItemState; 5] =
        [ItemState::Draft, ItemState::Review, ItemState::Published, ItemState::Archived, ItemState::Trashed];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemState::Draft => "draft",
            ItemState::Review => "review",
            ItemState::Published => "published",
            ItemState::Archived => "archived",
            ItemState::Trashed => "trashed",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == text)
    }
}

/// The one number a "facts and figures" item leads with, shown large on its
/// card and page: "USD 4.6 billion", "sent home by migrants in 2025".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFigure {
    pub value: String,
    /// What the number counts; may be empty.
    #[serde(default)]
    pub label: String,
}

/// The longest key figure: a number and its unit, set large.
pub const FIGURE_MAX: usize = 40;

/// The report a "facts and figures" item cites.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceCitation {
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// As the source gives it (a year, a month or a day), so kept as text.
    pub date: Option<String>,
}

/// Dates and place of an event, and its call-for-entries deadline if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDetails {
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub venue: Option<String>,
    pub entries_deadline: Option<DateTime<Utc>>,
    pub registration_url: Option<String>,
}

/// One item in one language. Translations of it share its `group_id`.
/// What a writer sets on an item: everything an editor, an API client or
/// an importer decides, in one type. `Item` carries it (and derefs to it,
/// so `item.title` reads through), a revision stores it as it is, and the
/// writers' inputs fill it. A new field of an item is a field here, a
/// column in the migrations and `pamir-db`'s row, and the views that show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemContent {
    pub kind: ItemKind,
    pub category_id: i64,
    /// Empty in a writer's input: made from the title when stored.
    pub slug: String,
    pub title: String,
    pub teaser_markdown: String,
    pub body_markdown: String,
    /// Whether the item's own page shows the teaser, then the body. Off, the
    /// teaser is a summary for listings and the page shows the body alone;
    /// on, the teaser is the article's opening (Joomla's intro text, the part
    /// of a WordPress post before `<!--more-->`), which readers of the page
    /// must not miss. Listings show the teaser either way.
    #[serde(default)]
    pub teaser_above_body: bool,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub source: Option<SourceCitation>,
    #[serde(default)]
    pub key_figure: Option<KeyFigure>,
    pub event: Option<EventDetails>,
    pub image_id: Option<i64>,
    pub featured: bool,
    pub featured_order: Option<i64>,
    pub featured_until: Option<DateTime<Utc>>,
    pub state: ItemState,
    pub publish_up: Option<DateTime<Utc>>,
    pub publish_down: Option<DateTime<Utc>>,
}

impl ItemContent {
    /// A published article with only these set; callers fill in the rest.
    pub fn article(category_id: i64, title: &str) -> Self {
        Self {
            kind: ItemKind::Article,
            category_id,
            slug: String::new(),
            title: title.to_owned(),
            teaser_markdown: String::new(),
            body_markdown: String::new(),
            teaser_above_body: false,
            byline: None,
            dateline: None,
            source: None,
            key_figure: None,
            event: None,
            image_id: None,
            featured: false,
            featured_order: None,
            featured_until: None,
            state: ItemState::Published,
            publish_up: None,
            publish_down: None,
        }
    }
}

/// A stored item: its content, and what the system keeps about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub id: i64,
    pub site_id: SiteId,
    pub group_id: i64,
    pub lang: Lang,
    #[serde(flatten)]
    pub content: ItemContent,
    /// HTML rendered and sanitised from the Markdown when the item was saved.
    pub teaser_html: String,
    pub body_html: String,
    /// What the editor's checks found in the text when it was saved (their
    /// keys, such as `check-image-alt`), for the admin's list.
    pub checks: Vec<String>,
    /// The date shown to readers and used to order listings.
    pub published_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub created_by: Option<i64>,
    pub updated_by: Option<i64>,
    /// Increases on every save; lets a second editor's stale save be refused.
    pub version: i64,
}

impl std::ops::Deref for Item {
    type Target = ItemContent;
    fn deref(&self) -> &ItemContent {
        &self.content
    }
}

impl std::ops::DerefMut for Item {
    fn deref_mut(&mut self) -> &mut ItemContent {
        &mut self.content
    }
}

impl Item {
    /// Every rule the item breaks, each with its field. Every writer (the
    /// admin, the API, the importers, the command line) is held to these,
    /// because `pamir-core` asks before it stores anything.
    pub fn validate(&self) -> Result<(), Violations> {
        let mut broken = Violations::default();
        let title = self.title.trim();
        broken.check(title.is_empty(), "title", || Message::new("rule-title-empty"));
        broken.check(title.chars().count() > TITLE_MAX, "title", || {
            Message::new("rule-title-too-long").with("max", TITLE_MAX)
        });
        // Short fields shown on every card and page: a pasted megabyte would weigh on each of them.
        let event = self.event.as_ref();
        let source = self.source.as_ref();
        let figure = self.key_figure.as_ref();
        broken.check(figure.is_some_and(|f| f.value.trim().is_empty()), "key_figure.value", || {
            Message::new("rule-key-figure-empty")
        });
        let short_fields: [(&str, usize, Option<&str>); 7] = [
            ("key_figure.value", FIGURE_MAX, figure.map(|f| f.value.as_str())),
            ("key_figure.label", LINE_MAX, figure.map(|f| f.label.as_str())),
            ("byline", LINE_MAX, self.byline.as_deref()),
            ("dateline", LINE_MAX, self.dateline.as_deref()),
            ("event.venue", LINE_MAX, event.and_then(|e| e.venue.as_deref())),
            ("source.title", TITLE_MAX, source.map(|s| s.title.as_str())),
            ("source.publisher", LINE_MAX, source.and_then(|s| s.publisher.as_deref())),
        ];
        for (field, max, text) in short_fields {
            broken.check(text.is_some_and(|text| text.chars().count() > max), field, || {
                Message::new("rule-too-long").with("max", max)
            });
        }
        for (field, url) in [
            ("source.url", source.and_then(|s| s.url.as_deref())),
            ("event.registration_url", event.and_then(|e| e.registration_url.as_deref())),
        ] {
            broken.check(url.is_some_and(|url| url.len() > URL_MAX), field, || {
                Message::new("rule-too-long").with("max", URL_MAX)
            });
        }
        if let (Some(up), Some(down)) = (self.publish_up, self.publish_down) {
            broken.check(down <= up, "publish_down", || Message::new("rule-publish-down-before-up"));
        }
        if let Some(source) = &self.source {
            broken.check(source.title.trim().is_empty(), "source.title", || Message::new("rule-source-title-empty"));
            if let Some(url) = &source.url {
                broken.check(!is_web_address(url), "source.url", || Message::new("rule-web-address"));
            }
        }
        match &self.event {
            None => broken
                .check(self.kind == ItemKind::Event, "event.starts_at", || Message::new("rule-event-start-missing")),
            Some(event) => {
                broken.check(event.ends_at.is_some_and(|end| end < event.starts_at), "event.ends_at", || {
                    Message::new("rule-event-ends-before-start")
                });
                let last_day = event.ends_at.unwrap_or(event.starts_at).max(event.starts_at);
                broken.check(
                    event.entries_deadline.is_some_and(|deadline| deadline > last_day),
                    "event.entries_deadline",
                    || Message::new("rule-deadline-after-event"),
                );
                if let Some(url) = &event.registration_url {
                    broken.check(!is_web_address(url), "event.registration_url", || Message::new("rule-web-address"));
                }
            }
        }
        broken.into_result()
    }

    /// The article as its own page (and a full-text feed) shows it: the
    /// teaser first when the editor said so, then the body.
    pub fn article_html(&self) -> String {
        if self.teaser_above_body && !self.teaser_html.is_empty() {
            format!("{}\n{}", self.teaser_html.trim_end(), self.body_html)
        } else {
            self.body_html.clone()
        }
    }

    /// Whether a reader may see this item at `now`.
    pub fn is_visible_at(&self, now: DateTime<Utc>) -> bool {
        self.state == ItemState::Published
            && self.publish_up.is_none_or(|up| up <= now)
            && self.publish_down.is_none_or(|down| down > now)
    }

    /// Whether this item belongs on the front page at `now`.
    pub fn is_featured_at(&self, now: DateTime<Utc>) -> bool {
        self.featured && self.featured_until.is_none_or(|until| until > now) && self.is_visible_at(now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 28, hour, 0, 0).single().unwrap_or_default()
    }

    fn item() -> Item {
        let mut content = ItemContent::article(1, "A");
        content.slug = "a".into();
        content.featured = true;
        Item {
            id: 1,
            site_id: 1,
            group_id: 1,
            lang: Lang::parse("en").unwrap_or_else(|_| unreachable!()),
            content,
            teaser_html: String::new(),
            checks: Vec::new(),
            body_html: String::new(),
            published_at: at(0),
            created_at: at(0),
            updated_at: at(0),
            created_by: None,
            updated_by: None,
            version: 1,
        }
    }

    #[test]
    fn publishing_window_is_honoured() {
        let mut item = item();
        item.publish_up = Some(at(10));
        item.publish_down = Some(at(12));
        assert!(!item.is_visible_at(at(9)));
        assert!(item.is_visible_at(at(10)));
        assert!(item.is_visible_at(at(11)));
        assert!(!item.is_visible_at(at(12)));
        item.state = ItemState::Draft;
        assert!(!item.is_visible_at(at(11)));
    }

    #[test]
    fn featured_until_ends_featuring_but_not_visibility() {
        let mut item = item();
        item.featured_until = Some(at(5));
        assert!(item.is_featured_at(at(4)));
        assert!(!item.is_featured_at(at(5)));
        assert!(item.is_visible_at(at(5)));
    }

    fn fields(item: &Item) -> Vec<&'static str> {
        item.validate().err().map(|broken| broken.0.iter().map(|v| v.field).collect()).unwrap_or_default()
    }

    #[test]
    fn a_byline_or_an_address_too_long_for_a_card_is_refused_by_name() {
        let mut item = item();
        item.byline = Some("б".repeat(LINE_MAX));
        assert!(item.validate().is_ok(), "{LINE_MAX} characters (not bytes) are allowed");
        item.byline = Some("б".repeat(LINE_MAX + 1));
        item.source = Some(SourceCitation {
            title: "A report".into(),
            publisher: None,
            url: Some(format!("https://example.org/{}", "a".repeat(URL_MAX))),
            date: None,
        });
        assert_eq!(fields(&item), ["byline", "source.url"]);
        let broken = item.validate().expect_err("refused");
        assert_eq!(broken.0[0].message.key, "rule-too-long");
    }

    #[test]
    fn a_valid_item_passes_and_every_broken_rule_is_named_with_its_field() {
        let mut item = item();
        assert_eq!(item.validate(), Ok(()));
        item.title = " ".into();
        item.kind = ItemKind::Event;
        item.publish_up = Some(at(10));
        item.publish_down = Some(at(9));
        item.source =
            Some(SourceCitation { title: "".into(), url: Some("javascript:alert(1)".into()), ..Default::default() });
        assert_eq!(fields(&item), ["title", "publish_down", "source.title", "source.url", "event.starts_at"]);
        item.event = Some(EventDetails {
            starts_at: at(10),
            ends_at: Some(at(8)),
            venue: None,
            entries_deadline: Some(at(11)),
            registration_url: Some("mailto:x@example.org".into()),
        });
        let broken = fields(&item);
        assert!(broken.ends_with(&["event.ends_at", "event.entries_deadline", "event.registration_url"]), "{broken:?}");
        item.title = "x".repeat(TITLE_MAX + 1);
        let Err(broken) = item.validate() else { unreachable!("still broken") };
        assert_eq!(broken.0[0].message.key, "rule-title-too-long");
        assert_eq!(broken.0[0].message.args, [("max", TITLE_MAX.to_string())]);
    }

    #[test]
    fn kinds_and_states_round_trip_through_text() {
        for kind in ItemKind::ALL {
            assert_eq!(ItemKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(ItemState::parse("published"), Some(ItemState::Published));
        assert_eq!(ItemKind::parse("blog"), None);
    }
}
