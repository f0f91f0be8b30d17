//! Page numbers as readers type them into `?page=N`.

/// A 1-based page number, parsed strictly so that `?page=abc` or `?page=0`
/// is a clear "bad request" rather than a silent first page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageNumber(u32);

/// No listing has more pages than this; larger numbers are typos or probes.
pub const MAX_PAGE: u32 = 100_000;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("page must be a whole number from 1 to {MAX_PAGE}")]
pub struct InvalidPage;

impl PageNumber {
    pub const FIRST: PageNumber = PageNumber(1);

    pub fn parse(text: &str) -> Result<Self, InvalidPage> {
        let digits_only = !text.is_empty() && text.len() <= 6 && text.bytes().all(|b| b.is_ascii_digit());
        if !digits_only {
            return Err(InvalidPage);
        }
        match text.parse::<u32>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => Ok(Self(n)),
            _ => Err(InvalidPage),
        }
    }

    pub fn get(self) -> u32 {
        self.0
    }

    /// Rows to skip for this page when pages hold `size` rows.
    pub fn offset(self, size: u32) -> i64 {
        i64::from(self.0 - 1) * i64::from(size)
    }
}

/// How many pages `total` rows fill at `size` rows a page (at least one, so an
/// empty listing still has its first page).
pub fn page_count(total: i64, size: u32) -> u32 {
    let size = i64::from(size.max(1));
    let pages = (total.max(0) + size - 1) / size;
    u32::try_from(pages).unwrap_or(u32::MAX).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_strictly() {
        assert_eq!(PageNumber::parse("1"), Ok(PageNumber(1)));
        assert_eq!(PageNumber::parse("42").map(PageNumber::get), Ok(42));
        for bad in ["", "0", "-1", "1.5", "abc", "+2", " 2", "99999999999"] {
            assert_eq!(PageNumber::parse(bad), Err(InvalidPage), "{bad:?}");
        }
    }

    #[test]
    fn counts_pages() {
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(10, 10), 1);
        assert_eq!(page_count(11, 10), 2);
        assert_eq!(PageNumber(3).offset(10), 20);
    }
}
