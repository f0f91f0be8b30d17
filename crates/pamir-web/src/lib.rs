//! pamir's HTTP side: the public site, its theme, the page cache and the
//! middleware every response passes through.
//!
//! - [`routes`]: the one route table ([`app`])
//! - [`state`]: what handlers share
//! - [`sites`]: which site a request is for, and its settings
//! - [`api`]: the JSON API at `/api/v1/`
//! - [`admin`]: the editors' admin at `/admin/`
//! - [`public`]: the reader-facing pages, one file per page
//! - [`view`]: turning domain values into what templates show
//! - [`theme`]: templates and static assets, compiled in and overridable on disk
//! - [`i18n`]: interface strings from Fluent files; [`dates`]: CLDR dates
//! - [`markup`]: escaping for HTML and XML
//! - [`cache`], [`respond`], [`compress`]: render once, serve many
//! - [`error`]: problems as themed pages
//! - [`client_address`]: who is sending, for rate limits
//! - [`middleware`]: security headers, metrics and logging, error pages, limits

pub mod admin;
pub mod api;
pub mod cache;
pub mod client_address;
pub mod compress;
pub mod dates;
pub mod error;
pub mod i18n;
pub mod markup;
pub mod middleware;
pub mod public;
pub mod respond;
pub mod routes;
pub mod sites;
pub mod state;
pub mod theme;
pub mod view;

pub use routes::app;
pub use state::{AppState, WebConfig};
