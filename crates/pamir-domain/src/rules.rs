//! Broken rules as values: a translation key with its arguments (so each
//! interface says it in its reader's language) and the field it is about
//! (named as the API names it: `title`, `event.ends_at`).

use serde::Serialize;

/// Words for a person, not yet in any language: a key of the Fluent files
/// (`locales/*/rules.ftl`) and the values its text takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Message {
    pub fn new(key: &'static str) -> Self {
        Self { key, args: Vec::new() }
    }

    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }
}

/// One broken rule of one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    pub field: &'static str,
    pub message: Message,
}

/// Every rule an input breaks, in the order its fields are checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Violations(pub Vec<Violation>);

impl Violations {
    pub fn add(&mut self, field: &'static str, message: Message) {
        self.0.push(Violation { field, message });
    }

    /// Adds the message when `broken` holds.
    pub fn check(&mut self, broken: bool, field: &'static str, message: impl FnOnce() -> Message) {
        if broken {
            self.add(field, message());
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok` when nothing was broken.
    pub fn into_result(self) -> Result<(), Violations> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }
}

/// An address a reader may follow: `http://` or `https://` with a host, and
/// no spaces or control characters (`javascript:`, `data:` and relative
/// paths are not links to another site's page).
pub fn is_web_address(url: &str) -> bool {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

#[cfg(test)]
mod tests {
    use super::is_web_address;

    #[test]
    fn only_http_and_https_addresses_with_a_host_are_web_addresses() {
        assert!(is_web_address("https://www.iom.int/world-migration-report"));
        assert!(is_web_address("http://example.org"));
        for refused in ["javascript:alert(1)", "data:text/html,x", "/relative", "https://", "https://a b", "ftp://x"] {
            assert!(!is_web_address(refused), "{refused}");
        }
    }
}
