//! What every response passes through, outermost first in [`crate::routes`]:
//! security headers, metrics and request logging, the page cache and
//! compression, themed error pages, and limits on what a request may be.

pub mod error_pages;
pub mod limits;
pub mod metrics;
pub mod moved;
pub mod page_cache;
pub mod security_headers;
