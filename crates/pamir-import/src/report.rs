//! What an import did: counts per kind (added, already there), what was
//! skipped and why, and warnings, each naming its source record.

use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Default)]
pub struct Report {
    pub source: String,
    pub dry_run: bool,
    pub added: BTreeMap<String, usize>,
    pub unchanged: BTreeMap<String, usize>,
    /// (kind, source id, reason)
    pub skipped: Vec<(String, i64, String)>,
    /// (record, warning)
    pub warnings: Vec<(String, String)>,
    pub comments_ignored: usize,
    /// The check of what the import kept, item by item (not in a dry run).
    pub fidelity: Option<crate::fidelity::Fidelity>,
}

impl Report {
    pub fn new(source: &str, dry_run: bool) -> Self {
        Self { source: source.to_owned(), dry_run, ..Self::default() }
    }

    pub fn added(&mut self, kind: &str) {
        *self.added.entry(kind.to_owned()).or_default() += 1;
    }

    pub fn unchanged(&mut self, kind: &str) {
        *self.unchanged.entry(kind.to_owned()).or_default() += 1;
    }

    pub fn skip(&mut self, kind: &str, id: i64, reason: &str) {
        self.skipped.push((kind.to_owned(), id, reason.to_owned()));
    }

    pub fn warn(&mut self, record: &str, warning: &str) {
        self.warnings.push((record.to_owned(), warning.to_owned()));
    }

    pub fn count_comments(&mut self, count: usize) {
        self.comments_ignored += count;
    }

    /// Nothing new: the same source was imported before.
    pub fn changed_nothing(&self) -> bool {
        self.added.values().all(|n| *n == 0)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = if self.dry_run { "would add" } else { "added" };
        writeln!(f, "{} import{}:", self.source, if self.dry_run { " (dry run: nothing written)" } else { "" })?;
        let kinds: std::collections::BTreeSet<&String> = self.added.keys().chain(self.unchanged.keys()).collect();
        for kind in kinds {
            writeln!(
                f,
                "  {kind}: {verb} {}, already imported {}",
                self.added.get(kind).copied().unwrap_or(0),
                self.unchanged.get(kind).copied().unwrap_or(0)
            )?;
        }
        if self.changed_nothing() && !self.dry_run {
            if self.unchanged.values().any(|n| *n > 0) {
                writeln!(f, "  nothing new: everything in it was imported before")?;
            } else {
                writeln!(f, "  nothing imported: see what was skipped and why below")?;
            }
        }
        if self.comments_ignored > 0 {
            writeln!(f, "  comments: {} not imported (pamir has no comments)", self.comments_ignored)?;
        }
        let mut skipped: BTreeMap<(&str, &str), Vec<i64>> = BTreeMap::new();
        for (kind, id, reason) in &self.skipped {
            skipped.entry((kind, reason)).or_default().push(*id);
        }
        for ((kind, reason), ids) in skipped {
            let shown: Vec<String> = ids.iter().take(10).map(i64::to_string).collect();
            let more = if ids.len() > 10 { format!(" and {} more", ids.len() - 10) } else { String::new() };
            writeln!(f, "  skipped {} {kind}(s): {reason} (ids {}{more})", ids.len(), shown.join(", "))?;
        }
        for (record, warning) in &self.warnings {
            writeln!(f, "  warning: {record}: {warning}")?;
        }
        if let Some(fidelity) = &self.fidelity {
            write!(f, "{fidelity}")?;
        }
        Ok(())
    }
}
