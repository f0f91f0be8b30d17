//! How an import tells the person running it how far it has got. The
//! command line shows a bar on a terminal and plain lines otherwise; tests
//! and the dry run need nothing.

pub trait Progress: Send + Sync {
    /// A stage begins: `total` records of `name` to go through.
    fn stage(&self, name: &str, total: usize);
    /// `count` more records of the current stage are done.
    fn advance(&self, count: usize);
    /// The import ended (well or not).
    fn finish(&self);
}

/// Says nothing.
pub struct Quiet;

impl Progress for Quiet {
    fn stage(&self, _name: &str, _total: usize) {}
    fn advance(&self, _count: usize) {}
    fn finish(&self) {}
}
