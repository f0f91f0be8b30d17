//! The import ledger: what each record of an old site became here. Both
//! importers ask it the same three things, so a second run adds nothing,
//! an interrupted one resumes, and a dry run writes nothing:
//!
//! - seen before? ([`Ledger::seen`], [`Ledger::known`]),
//! - dry run? ([`Ledger::dry_run`]: then nothing is remembered),
//! - remember ([`Ledger::record`] for a use case of `pamir-core` that notes
//!   the record in its own transaction, [`Ledger::remember`] for a row the
//!   site had already, such as a user found by e-mail address).
//!
//! The records live in the core's import sources; the ledger reads each
//! kind once per run and keeps what the run adds.

use pamir_core::imports::{self, Record};
use pamir_core::{Core, CoreError};
use pamir_domain::SiteId;
use std::collections::HashMap;

pub struct Ledger<'a> {
    core: &'a Core,
    site: SiteId,
    /// The old site's name in the ledger (`wordpress:https://old.org`, `joomla:jos_`).
    source: String,
    dry_run: bool,
    /// Kind → (id on the old site → id here), read on first use.
    kinds: HashMap<String, HashMap<String, i64>>,
}

impl<'a> Ledger<'a> {
    pub fn new(core: &'a Core, site: SiteId, source: String, dry_run: bool) -> Self {
        Self { core, site, source, dry_run, kinds: HashMap::new() }
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// A dry run counts and checks; it remembers nothing.
    pub fn dry_run(&self) -> bool {
        self.dry_run
    }

    /// Every record of this kind brought before: id there → id here.
    pub async fn known(&mut self, kind: &str) -> Result<&HashMap<String, i64>, CoreError> {
        if !self.kinds.contains_key(kind) {
            let known = imports::known(self.core, self.site, &self.source, kind).await?;
            self.kinds.insert(kind.to_owned(), known);
        }
        Ok(&self.kinds[kind])
    }

    /// What the record became, when it was brought before.
    pub async fn seen(&mut self, kind: &str, id: &str) -> Result<Option<i64>, CoreError> {
        Ok(self.known(kind).await?.get(id).copied())
    }

    /// The record, for a use case that remembers it in the transaction
    /// that stores what it became; call [`Ledger::noted`] after.
    pub fn record<'r>(&'r self, kind: &'r str, id: &'r str) -> Record<'r> {
        Record { source: &self.source, kind, id }
    }

    /// What a use case stored under [`Ledger::record`], for the rest of the run.
    pub fn noted(&mut self, kind: &str, id: &str, target: i64) {
        self.kinds.entry(kind.to_owned()).or_default().insert(id.to_owned(), target);
    }

    /// Remembers that the record is a row the site had already; in a dry
    /// run only for the rest of the run.
    pub async fn remember(&mut self, kind: &str, id: &str, target: i64) -> Result<(), CoreError> {
        if !self.dry_run {
            imports::remember(self.core, self.site, self.record(kind, id), target).await?;
        }
        self.noted(kind, id, target);
        Ok(())
    }
}
