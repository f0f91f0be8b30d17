//! Files of the old site that a text names (images, the full-size files
//! they link to, a size variant such as `name-300x200.jpg`), brought from
//! the files folder given (`--files`) into the media library, and the text
//! pointed at their new address. The old host goes away after a move, so
//! no reference to it may stay where its file was given; a file that is not
//! in the folder is reported with the item that names it. Nothing is ever
//! fetched from the internet.

use crate::ledger::Ledger;
use crate::names::{percent_decode, plain_title};
use crate::report::Report;
use pamir_core::imports;
use pamir_core::media::{Upload, UploadRefused};
use pamir_core::{Core, CoreError};
use pamir_domain::{Lang, SiteId};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// How the old site's file addresses looked.
#[derive(Debug, Clone)]
pub struct OldSite {
    /// Host names the site answered on, lower case, without `www.`.
    hosts: Vec<String>,
    layout: Layout,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// Files below `wp-content/uploads/` (or anywhere on `*.files.wordpress.com`).
    WordPress,
    /// Files below `images/` of the Joomla site.
    Joomla,
}

fn host_of(address: &str) -> Option<String> {
    let rest = address.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_owned())
}

impl OldSite {
    /// A WordPress site that answered on the hosts of these addresses.
    pub fn wordpress(addresses: &[&str]) -> Self {
        Self::new(addresses, Layout::WordPress)
    }

    /// A Joomla site that answered on the hosts of these addresses (none
    /// known: only relative addresses are its own).
    pub fn joomla(addresses: &[&str]) -> Self {
        Self::new(addresses, Layout::Joomla)
    }

    fn new(addresses: &[&str], layout: Layout) -> Self {
        let mut hosts: Vec<String> = addresses.iter().filter_map(|a| host_of(a)).filter(|h| !h.is_empty()).collect();
        hosts.sort_unstable();
        hosts.dedup();
        Self { hosts, layout }
    }

    /// Whether the site answered on the host of this address.
    pub fn answers_on(&self, address: &str) -> bool {
        host_of(address).is_some_and(|host| self.is_own_host(&host))
    }

    fn is_own_host(&self, host: &str) -> bool {
        self.hosts.iter().any(|own| own == host)
            || (self.layout == Layout::WordPress && host.ends_with(".files.wordpress.com"))
    }

    /// Where the file an address names sits below the files folder, when
    /// the address is one of the old site's files: `https://old.org/wp-content/uploads/2020/01/a.jpg`
    /// → `2020/01/a.jpg`; Joomla's `images/news/a.jpg` stays `images/news/a.jpg`.
    pub fn file_of(&self, address: &str) -> Option<String> {
        let address = address.trim();
        let path = if address.contains("://") || address.starts_with("//") {
            let absolute = if address.starts_with("//") { format!("http:{address}") } else { address.to_owned() };
            let host = host_of(&absolute)?;
            let rest = absolute.split_once("://")?.1;
            let path = rest.find('/').map_or("/", |at| &rest[at..]);
            if self.is_own_host(&host) {
                path.to_owned()
            } else if let Some(proxied) = photon_path(&host, path) {
                // Jetpack's image proxy: `i0.wp.com/old.org/wp-content/...`.
                let (host, path) = proxied.split_once('/')?;
                if !self.is_own_host(&host.to_ascii_lowercase()) {
                    return None;
                }
                format!("/{path}")
            } else {
                return None;
            }
        } else if address.starts_with(['#', '?']) || address.contains(':') {
            return None;
        } else {
            format!("/{}", address.trim_start_matches("./").trim_start_matches('/'))
        };
        let path = path.split(['?', '#']).next().unwrap_or("");
        let relative = match self.layout {
            Layout::WordPress => match path.find("/wp-content/uploads/") {
                Some(at) => &path[at + "/wp-content/uploads/".len()..],
                // WordPress.com serves uploads from the root of its files host.
                None if !address.contains("://") => return None,
                None if address.contains(".files.wordpress.com") => path.trim_start_matches('/'),
                None => return None,
            },
            // A site installed in a folder (`https://old.org/joomla/images/…`)
            // names its files below that folder.
            Layout::Joomla => match path.find("/images/") {
                Some(at) if at == 0 || address.contains("://") => &path[at + 1..],
                _ => return None,
            },
        };
        let relative = percent_decode(relative);
        let safe = !relative.is_empty() && !relative.split('/').any(|part| part == ".." || part.is_empty());
        (safe && has_extension(&relative)).then_some(relative)
    }
}

impl OldSite {
    /// Every address in `html` that leads to the old site: its pages and
    /// its files, absolute on one of its hosts or (for its files) relative.
    pub fn addresses_in(&self, html: &str) -> Vec<String> {
        let mut found = Vec::new();
        for reference in references(html) {
            let value = &html[reference.value.clone()];
            let candidates: Vec<&str> = if reference.name == "srcset" {
                value.split(',').filter_map(|c| c.split_whitespace().next()).collect()
            } else if reference.name == "sizes" {
                Vec::new()
            } else {
                vec![value.trim()]
            };
            for address in candidates {
                let absolute = if address.starts_with("//") { format!("http:{address}") } else { address.to_owned() };
                let on_old_host = host_of(&absolute).is_some_and(|host| self.is_own_host(&host));
                if (on_old_host || self.file_of(&decode_entities(address)).is_some())
                    && !found.iter().any(|f| f == address)
                {
                    found.push(address.to_owned());
                }
            }
        }
        found
    }
}

/// `example.org/wp-content/...` of an address on Jetpack's `iN.wp.com`.
fn photon_path<'a>(host: &str, path: &'a str) -> Option<&'a str> {
    let proxy = host.strip_suffix(".wp.com")?;
    (proxy.len() == 2 && proxy.starts_with('i')).then(|| path.trim_start_matches('/'))
}

fn has_extension(path: &str) -> bool {
    path.rsplit('/').next().and_then(|name| name.rsplit_once('.')).is_some_and(|(stem, ext)| {
        !stem.is_empty() && !ext.is_empty() && ext.len() <= 5 && ext.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

/// The original a WordPress size variant was made from:
/// `2020/01/lake-300x200.jpg` → `2020/01/lake.jpg`, and `lake-scaled.jpg`
/// (WordPress's shrunk big upload) → `lake.jpg`.
pub fn original_of(relative: &str) -> Option<String> {
    let (stem, ext) = relative.rsplit_once('.')?;
    if let Some(base) = stem.strip_suffix("-scaled") {
        return Some(format!("{base}.{ext}"));
    }
    let (base, size) = stem.rsplit_once('-')?;
    let (width, height) = size.split_once('x')?;
    let digits = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
    (digits(width) && digits(height) && !base.is_empty() && !base.ends_with('/')).then(|| format!("{base}.{ext}"))
}

/// One attribute of a tag that holds an address.
#[derive(Debug, PartialEq, Eq)]
struct Reference {
    /// Where the tag opens, which tells the attributes of one tag apart.
    tag_start: usize,
    /// The tag's name, lower case.
    tag: String,
    /// The attribute's name, lower case.
    name: String,
    /// Byte range of the whole attribute (` name="value"`), to drop it.
    whole: std::ops::Range<usize>,
    /// Byte range of the value inside the quotes.
    value: std::ops::Range<usize>,
    /// The tag's `alt`, for an image's description.
    alt: Option<String>,
}

/// Attributes that hold addresses, and `sizes`, which describes a `srcset`.
const ADDRESS_ATTRIBUTES: &[&str] =
    &["src", "href", "srcset", "sizes", "poster", "data-src", "data-full-url", "data-link"];

/// The address-bearing attributes of every tag in `html`, in order.
fn references(html: &str) -> Vec<Reference> {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(open) = html[at..].find('<').map(|o| at + o) {
        at = open + 1;
        if !bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = html[at..].find(|c: char| !c.is_ascii_alphanumeric()).map_or(html.len(), |e| at + e);
        let tag = html[at..name_end].to_ascii_lowercase();
        let mut cursor = name_end;
        let mut in_tag = Vec::new();
        let mut alt = None;
        loop {
            while bytes.get(cursor).is_some_and(u8::is_ascii_whitespace) {
                cursor += 1;
            }
            match bytes.get(cursor) {
                None => break,
                Some(b'>') => break,
                Some(b'/') => {
                    cursor += 1;
                    continue;
                }
                _ => {}
            }
            let start = cursor;
            while bytes.get(cursor).is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/')) {
                cursor += 1;
            }
            let name = html[start..cursor].to_ascii_lowercase();
            if cursor == start {
                cursor += 1;
                continue;
            }
            let mut probe = cursor;
            while bytes.get(probe).is_some_and(u8::is_ascii_whitespace) {
                probe += 1;
            }
            if bytes.get(probe) != Some(&b'=') {
                continue;
            }
            probe += 1;
            while bytes.get(probe).is_some_and(u8::is_ascii_whitespace) {
                probe += 1;
            }
            let (value, end) = match bytes.get(probe) {
                Some(quote @ (b'"' | b'\'')) => {
                    let close = html[probe + 1..].find(*quote as char).map_or(html.len(), |c| probe + 1 + c);
                    (probe + 1..close, (close + 1).min(html.len()))
                }
                _ => {
                    let close = html[probe..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(html.len(), |c| probe + c);
                    (probe..close, close)
                }
            };
            let whole_start = html[..start].trim_end().len();
            if name == "alt" {
                alt = Some(html[value.clone()].to_owned());
            } else if ADDRESS_ATTRIBUTES.contains(&name.as_str()) {
                let tag = tag.clone();
                in_tag.push(Reference { tag_start: open, tag, name, whole: whole_start..end, value, alt: None });
            }
            cursor = end;
        }
        for mut reference in in_tag {
            reference.alt = alt.clone();
            found.push(reference);
        }
        at = cursor.max(at);
    }
    found
}

/// The importer's view of the files folder: what was brought in already,
/// by its path below the folder, and how to bring in more.
pub struct Files<'a> {
    core: &'a Core,
    site: SiteId,
    /// Where the files brought in are remembered (kind `file`).
    ledger: Ledger<'a>,
    folder: Option<PathBuf>,
    old: OldSite,
    lang: Lang,
    dry_run: bool,
    /// Path below the folder → (media id, new address).
    imported: HashMap<String, (i64, String)>,
    /// New address of a document → what a link to it says of it ("PDF, 1.2 MB").
    labels: HashMap<String, String>,
    /// The old site's pages that answer here with a 301 (normalised paths).
    pages: std::collections::HashSet<String>,
    /// The old site's pages of single files (WordPress's attachment pages):
    /// normalised path → the file's path below the folder.
    file_pages: HashMap<String, String>,
}

/// What became of the old site's references in one text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Localised {
    pub html: String,
    /// Files brought in for this text (or that would be, in a dry run).
    pub brought: usize,
    /// References that still point at the old site, by file.
    pub left: Vec<String>,
}

impl<'a> Files<'a> {
    /// Reads which files of this source were imported before.
    pub async fn new(
        core: &'a Core,
        site: SiteId,
        source: &str,
        folder: Option<&Path>,
        old: OldSite,
        lang: &Lang,
        dry_run: bool,
    ) -> Result<Files<'a>, CoreError> {
        let mut ledger = Ledger::new(core, site, source.to_owned(), dry_run);
        let known = ledger.known("file").await?.clone();
        let mut files = Files {
            core,
            site,
            ledger,
            folder: folder.map(Path::to_path_buf),
            old,
            lang: lang.clone(),
            dry_run,
            imported: HashMap::new(),
            labels: HashMap::new(),
            pages: Default::default(),
            file_pages: HashMap::new(),
        };
        files.adopt_known(known).await?;
        Ok(files)
    }

    /// Files imported under other records (WordPress attachments, Joomla
    /// images): path below the folder → media id.
    pub async fn adopt_known(&mut self, known: HashMap<String, i64>) -> Result<(), CoreError> {
        if known.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = known.values().copied().collect();
        let paths = imports::media_paths(self.core, &ids, &self.lang).await?;
        for (relative, id) in known {
            if let Some(stored) = paths.get(&id) {
                self.imported.insert(relative, (id, format!("/media/{stored}")));
            }
        }
        Ok(())
    }

    /// The old site's page addresses that redirect here: a link to one of
    /// them on the old host becomes a link to this site (the 301 takes the
    /// reader on), so no link leads to the host that goes away.
    pub fn know_pages(&mut self, pages: impl IntoIterator<Item = String>) {
        self.pages.extend(pages);
    }

    /// The page of a single file on the old site (WordPress's attachment
    /// page): a link to it becomes a link to the file, once brought in.
    pub fn know_file_page(&mut self, page: &str, relative: &str) {
        if let Some(rest) = page.split_once("://").map(|(_, rest)| rest) {
            let path = rest.find('/').map_or("/", |at| &rest[at..]);
            let (path, query) = match path.split_once('?') {
                Some((path, query)) => (path, Some(query)),
                None => (path, None),
            };
            self.file_pages.insert(pamir_core::redirects::normalise(path, query), relative.to_owned());
        }
    }

    /// A link to a page of the old site that redirects here, as a path on
    /// this site; to a file's page, the file's new address.
    fn page_here(&self, address: &str) -> Option<String> {
        let absolute = if address.starts_with("//") { format!("http:{address}") } else { address.to_owned() };
        let host = host_of(&absolute)?;
        if !self.old.is_own_host(&host) {
            return None;
        }
        let rest = absolute.split_once("://")?.1;
        let path_and_query = rest.find('/').map_or("/", |at| &rest[at..]);
        let without_fragment = path_and_query.split('#').next().unwrap_or("");
        let (path, query) = match without_fragment.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (without_fragment, None),
        };
        let old = pamir_core::redirects::normalise(path, query);
        if let Some(relative) = self.file_pages.get(&old) {
            return self.imported.get(relative).map(|(_, address)| address.clone());
        }
        self.pages.contains(&old).then_some(old)
    }

    /// One file imported under another record, at its address.
    pub fn adopt(&mut self, relative: &str, id: i64, address: String) {
        self.imported.insert(relative.to_owned(), (id, address));
    }

    /// Every file of the old site brought in so far: (path below the
    /// folder, new address), for redirects from the old file addresses.
    pub fn brought(&self) -> impl Iterator<Item = (&str, &str)> {
        self.imported.iter().map(|(relative, (_, address))| (relative.as_str(), address.as_str()))
    }

    fn on_disk(&self, relative: &str) -> Option<PathBuf> {
        let folder = self.folder.as_ref()?;
        let candidates =
            [Some(folder.join(relative)), relative.strip_prefix("images/").map(|below| folder.join(below))];
        candidates.into_iter().flatten().find(|file| file.is_file())
    }

    /// The new address of the file at `relative`, importing it when it is
    /// in the folder; `None` when it is not (or could not be imported:
    /// why, in the report).
    async fn bring(
        &mut self,
        relative: &str,
        alt: Option<&str>,
        record: &str,
        report: &mut Report,
    ) -> Result<Option<String>, CoreError> {
        if let Some((_, address)) = self.imported.get(relative) {
            return Ok(Some(address.clone()));
        }
        let Some(file) = self.on_disk(relative) else { return Ok(None) };
        if self.dry_run {
            report.added("file");
            self.imported.insert(relative.to_owned(), (0, format!("/media/{relative}")));
            return Ok(Some(format!("/media/{relative}")));
        }
        let bytes = match std::fs::read(&file) {
            Ok(bytes) => bytes,
            Err(error) => {
                report.warn(record, &format!("{relative}: {error}"));
                return Ok(None);
            }
        };
        let alt = alt.map(plain_title).unwrap_or_default();
        let label = pamir_core::media::document_label(&bytes, relative);
        let upload = Upload {
            site: self.site,
            bytes,
            file_name: relative.rsplit('/').next().unwrap_or("").to_owned(),
            texts: vec![(self.lang.to_string(), alt.clone(), String::new())],
            credit: String::new(),
            // The old site said nothing about it (or `alt=""`): shown as
            // it was, without words, until an editor describes it.
            decorative: alt.is_empty(),
        };
        let source_record = self.ledger.record("file", relative);
        match pamir_core::media::import(self.core, upload, source_record).await {
            Ok((id, stored)) => {
                self.ledger.noted("file", relative, id);
                let address = format!("/media/{stored}");
                self.imported.insert(relative.to_owned(), (id, address.clone()));
                if let Some(label) = label {
                    self.labels.insert(address.clone(), label);
                }
                report.added("file");
                if alt.is_empty() {
                    report.warn(
                        &format!("file {relative}"),
                        "no alternative text on the old site: imported as decorative; describe it",
                    );
                }
                Ok(Some(address))
            }
            Err(UploadRefused::File(problem)) => {
                report.warn(record, &format!("{relative}: {problem}; it still points at the old site"));
                Ok(None)
            }
            Err(UploadRefused::Core(error)) => Err(error),
        }
    }

    /// Why a file of the old site was not brought in, for the report.
    fn why_missing(&self) -> &'static str {
        if self.folder.is_some() {
            "is not in the files folder"
        } else {
            "was not imported: no files folder given (--files)"
        }
    }

    /// A file of the old site named outside a text (a Joomla article's
    /// intro or full-text image): its media id and new address, brought in
    /// when the folder holds it, else reported with the record by name.
    /// `None` also for an address that is not the old site's.
    pub async fn bring_named(
        &mut self,
        address: &str,
        alt: &str,
        record: &str,
        report: &mut Report,
    ) -> Result<Option<(i64, String)>, CoreError> {
        let Some(relative) = self.old.file_of(address) else { return Ok(None) };
        let alt = Some(alt).filter(|alt| !alt.trim().is_empty());
        if self.bring(&relative, alt, record, report).await?.is_none() {
            report.warn(record, &format!("{relative} {}", self.why_missing()));
            return Ok(None);
        }
        Ok(self.imported.get(&relative).cloned())
    }

    /// `html` with every reference to a file of the old site that the
    /// folder holds pointed at its new address. An image's `srcset` of the
    /// old site's sizes goes: the page makes its own from the renditions.
    pub async fn localise(&mut self, html: &str, record: &str, report: &mut Report) -> Result<Localised, CoreError> {
        let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        let mut result = Localised::default();
        let before = report.added.get("file").copied().unwrap_or(0);
        let found = references(html);
        let mut stale_srcsets = Vec::new();
        let mut labelled: Vec<String> = Vec::new();
        for reference in &found {
            let value = &html[reference.value.clone()];
            if reference.name == "sizes" {
                continue;
            }
            if reference.name == "srcset" {
                let all_old = value
                    .split(',')
                    .filter_map(|candidate| candidate.split_whitespace().next())
                    .all(|address| self.old.file_of(address).is_some());
                if all_old && !value.trim().is_empty() {
                    edits.push((reference.whole.clone(), String::new()));
                    stale_srcsets.push(reference.tag_start);
                }
                continue;
            }
            let Some(relative) = self.old.file_of(&decode_entities(value)) else {
                if reference.name == "href"
                    && let Some(here) = self.page_here(&decode_entities(value))
                {
                    edits.push((reference.value.clone(), here.replace('&', "&amp;")));
                }
                continue;
            };
            let original = original_of(&relative);
            let mut address = None;
            for candidate in original.iter().chain(std::iter::once(&relative)) {
                address = self.bring(candidate, reference.alt.as_deref(), record, report).await?;
                if address.is_some() {
                    break;
                }
            }
            match address {
                Some(address) => {
                    let fragment = value.split_once('#').map(|(_, f)| format!("#{f}")).unwrap_or_default();
                    edits.push((reference.value.clone(), format!("{address}{fragment}")));
                    // A link to a document says what it is and how big, once a text.
                    let tag = &html[reference.tag_start..reference.value.end];
                    if reference.tag == "a"
                        && !tag.contains("wp-block-file__button")
                        && !labelled.contains(&address)
                        && let Some(label) = self.labels.get(&address)
                        && let Some(close) = html[reference.value.end..].find("</a>")
                    {
                        let at = reference.value.end + close + "</a>".len();
                        edits.push((at..at, format!(" ({label})")));
                        labelled.push(address);
                    }
                }
                None => {
                    if !result.left.contains(&relative) {
                        result.left.push(relative);
                    }
                }
            }
        }
        // Drop the `sizes` that described a dropped `srcset`.
        for reference in &found {
            if reference.name == "sizes" && stale_srcsets.contains(&reference.tag_start) {
                edits.push((reference.whole.clone(), String::new()));
            }
        }
        let mut out = String::with_capacity(html.len());
        let mut at = 0;
        edits.sort_by_key(|(range, _)| range.start);
        for (range, replacement) in edits {
            if range.start < at {
                continue;
            }
            out.push_str(&html[at..range.start]);
            out.push_str(&replacement);
            at = range.end;
        }
        out.push_str(&html[at..]);
        result.html = out;
        result.brought = report.added.get("file").copied().unwrap_or(0) - before;
        for file in &result.left {
            report.warn(record, &format!("{file} {}; it still points at the old site", self.why_missing()));
        }
        Ok(result)
    }
}

/// `&amp;` and the like in an attribute value, as the browser reads it.
fn decode_entities(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    value.replace("&amp;", "&").replace("&#038;", "&").replace("&#38;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wordpress() -> OldSite {
        OldSite::wordpress(&["https://www.old.example.org", "http://old.example.org/blog"])
    }

    #[test]
    fn the_old_sites_files_are_known_on_each_of_its_hosts() {
        let old = wordpress();
        let file = Some("2020/01/lake.jpg".to_owned());
        assert_eq!(old.file_of("https://old.example.org/wp-content/uploads/2020/01/lake.jpg"), file);
        assert_eq!(old.file_of("http://www.old.example.org/wp-content/uploads/2020/01/lake.jpg?w=300"), file);
        assert_eq!(old.file_of("//old.example.org/blog/wp-content/uploads/2020/01/lake.jpg"), file);
        assert_eq!(old.file_of("/wp-content/uploads/2020/01/lake.jpg"), file);
        assert_eq!(old.file_of("https://oldexample.files.wordpress.com/2020/01/lake.jpg"), file);
        assert_eq!(old.file_of("https://i2.wp.com/old.example.org/wp-content/uploads/2020/01/lake.jpg"), file);
        assert_eq!(
            old.file_of("https://old.example.org/wp-content/uploads/2020/01/%D0%BE%D0%B7%D0%B5%D1%80%D0%BE.jpg"),
            Some("2020/01/озеро.jpg".to_owned())
        );
        assert_eq!(old.file_of("https://elsewhere.example/wp-content/uploads/2020/01/lake.jpg"), None);
        assert_eq!(old.file_of("https://old.example.org/2020/01/a-post/"), None, "a page, not a file");
        assert_eq!(old.file_of("https://old.example.org/wp-content/uploads/../wp-config.php"), None);
        assert_eq!(old.file_of("mailto:office@old.example.org"), None);
    }

    #[test]
    fn joomla_images_are_relative_or_on_its_host() {
        let old = OldSite::joomla(&["https://joomla.example.tj"]);
        assert_eq!(old.file_of("images/news/lake.jpg"), Some("images/news/lake.jpg".to_owned()));
        assert_eq!(old.file_of("/images/news/lake.jpg"), Some("images/news/lake.jpg".to_owned()));
        assert_eq!(old.file_of("https://joomla.example.tj/images/a.png"), Some("images/a.png".to_owned()));
        assert_eq!(old.file_of("index.php?option=com_content"), None);
        assert_eq!(old.file_of("media/system/x.png"), None);
    }

    #[test]
    fn size_variants_lead_to_their_original() {
        assert_eq!(original_of("2020/01/lake-300x200.jpg"), Some("2020/01/lake.jpg".to_owned()));
        assert_eq!(original_of("2020/01/lake-scaled.jpg"), Some("2020/01/lake.jpg".to_owned()));
        assert_eq!(original_of("2020/01/lake-front.jpg"), None);
        assert_eq!(original_of("2020/01/1024x768.jpg"), None);
    }

    #[test]
    fn references_are_found_in_every_quoting() {
        let html = r#"<figure><a href="https://a/x.jpg"><img alt='A lake' src=/y.jpg srcset="/y-300x200.jpg 300w, /y.jpg 600w"></a></figure><p>a < b</p><video poster="p.jpg" controls></video>"#;
        let found: Vec<Reference> = references(html).into_iter().filter(|r| r.name != "sizes").collect();
        let shown: Vec<(&str, &str, &str)> =
            found.iter().map(|r| (r.tag.as_str(), r.name.as_str(), &html[r.value.clone()])).collect();
        assert_eq!(
            shown,
            vec![
                ("a", "href", "https://a/x.jpg"),
                ("img", "src", "/y.jpg"),
                ("img", "srcset", "/y-300x200.jpg 300w, /y.jpg 600w"),
                ("video", "poster", "p.jpg"),
            ]
        );
        assert_eq!(found[1].alt.as_deref(), Some("A lake"));
        assert_eq!(&html[found[2].whole.clone()], r#" srcset="/y-300x200.jpg 300w, /y.jpg 600w""#);
    }
}
