//! The streaming WXR reader: walks quick-xml events once and fills an `Export`.
//!
//! Elements are told apart by their prefixed names (`wp:post_id`, `dc:creator`...) and by
//! their parent, not by resolving namespace URIs: every WordPress version writes the same
//! prefixes, and matching on the parent keeps e.g. the channel's `<image><title>` out of
//! the site title.

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesRef, BytesStart, Event};

use super::error::{WxrError, line_column, line_of};
use super::item::{self, RawItem, Record};
use super::model::{Author, Category, Export, Skipped, Tag};

/// Reads a whole WXR export.
///
/// Fields are kept raw (titles and content may hold HTML); posts and pages go to `posts`,
/// attachments to `attachments`, and every other post type or menu term to `skipped`.
pub fn read_wxr(xml: &[u8]) -> Result<Export, WxrError> {
    let mut reader = Reader::from_reader(xml);
    // Whitespace is content: post bodies rely on newlines for paragraphs.
    reader.config_mut().trim_text(false);
    let mut state = State::new(xml);
    loop {
        // With untrimmed text, the position before an event is where the event starts.
        let at = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| {
            let offset = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
            malformed(xml, offset, e.to_string())
        })?;
        match event {
            Event::Start(e) => state.start(&e, at)?,
            Event::Empty(e) => {
                state.start(&e, at)?;
                state.end()?;
            }
            Event::End(_) => state.end()?,
            Event::Text(t) => state.text(&t.xml10_content())?,
            Event::CData(c) => state.text(&c.xml10_content())?,
            Event::GeneralRef(r) => state.reference(&r, at)?,
            Event::Eof => return state.finish(),
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
}

fn malformed(xml: &[u8], offset: usize, message: String) -> WxrError {
    let (line, column) = line_column(xml, offset);
    WxrError::Malformed { line, column, message }
}

/// Parses an optional whole number: empty means "not given", anything else must be a number.
pub(crate) fn parse_opt_i64(xml: &[u8], at: usize, element: &str, value: &str) -> Result<Option<i64>, WxrError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value.parse().map(Some).map_err(|_| WxrError::InvalidNumber {
        line: line_of(xml, at),
        element: element.to_owned(),
        value: value.to_owned(),
    })
}

/// A `wp:term` as read; becomes a category, a tag, or a skipped entry.
#[derive(Default)]
struct RawTerm {
    id: Option<i64>,
    taxonomy: String,
    slug: String,
    parent: String,
    name: String,
    description: String,
}

struct State<'x> {
    xml: &'x [u8],
    /// Open elements with the offset each started at, for error lines.
    stack: Vec<(String, usize)>,
    /// Text of the innermost open element; cleared when a child starts, so it is only
    /// meaningful for leaf elements, which are the only ones read.
    text: String,
    saw_root: bool,
    saw_channel: bool,
    saw_title: bool,
    export: Export,
    author: Author,
    category: Category,
    tag: Tag,
    term: RawTerm,
    item: RawItem,
    /// Terms used by posts, checked against the declared ones at the end.
    used_terms: Vec<(bool, String, String)>,
}

impl<'x> State<'x> {
    fn new(xml: &'x [u8]) -> Self {
        Self {
            xml,
            stack: Vec::new(),
            text: String::new(),
            saw_root: false,
            saw_channel: false,
            saw_title: false,
            export: Export::default(),
            author: Author::default(),
            category: Category::default(),
            tag: Tag::default(),
            term: RawTerm::default(),
            item: RawItem::default(),
            used_terms: Vec::new(),
        }
    }

    fn parent(&self) -> &str {
        self.stack.last().map_or("", |(name, _)| name.as_str())
    }

    fn start(&mut self, e: &BytesStart<'_>, at: usize) -> Result<(), WxrError> {
        let name = e.name().as_ref().to_owned();
        if !self.saw_root {
            check_root(self.xml, e, &name, at)?;
            self.saw_root = true;
        }
        match (self.parent(), name.as_str()) {
            ("rss", "channel") => self.saw_channel = true,
            ("channel", "item") => self.item = RawItem::default(),
            ("channel", "wp:author") => self.author = Author::default(),
            ("channel", "wp:category") => self.category = Category::default(),
            ("channel", "wp:tag") => self.tag = Tag::default(),
            ("channel", "wp:term") => self.term = RawTerm::default(),
            ("item", "category") => {
                let domain = attribute(self.xml, e, "domain", at)?;
                let nicename = attribute(self.xml, e, "nicename", at)?;
                self.item.open_term(domain, nicename);
            }
            ("item", "wp:postmeta") => self.item.open_meta(),
            ("item", "wp:comment") => self.item.open_comment(),
            _ => {}
        }
        self.stack.push((name, at));
        self.text.clear();
        Ok(())
    }

    fn text(&mut self, text: &str) -> Result<(), WxrError> {
        if self.stack.is_empty() && !self.saw_root && !text.trim().is_empty() {
            return Err(WxrError::NotWxr("the file does not start with an XML element".into()));
        }
        self.text.push_str(text);
        Ok(())
    }

    /// Entity and character references arrive as their own events in quick-xml.
    fn reference(&mut self, r: &BytesRef<'_>, at: usize) -> Result<(), WxrError> {
        match r.resolve_char_ref() {
            Ok(Some(c)) => self.text.push(c),
            Ok(None) => match resolve_xml_entity(r) {
                Some(s) => self.text.push_str(s),
                // An HTML entity (`&nbsp;`) outside CDATA is not XML, but the field is HTML
                // anyway: keeping it verbatim lets the HTML layer resolve it later.
                None => {
                    self.text.push('&');
                    self.text.push_str(r);
                    self.text.push(';');
                }
            },
            Err(e) => return Err(malformed(self.xml, at, e.to_string())),
        }
        Ok(())
    }

    fn end(&mut self) -> Result<(), WxrError> {
        // quick-xml has already checked that the end tag matches the open one.
        let Some((name, at)) = self.stack.pop() else {
            return Ok(());
        };
        let text = std::mem::take(&mut self.text);
        let xml = self.xml;
        let num = |v: &str| parse_opt_i64(xml, at, &name, v);
        match (self.parent(), name.as_str()) {
            ("channel", "title") if !self.saw_title => {
                self.export.site_title = text;
                self.saw_title = true;
            }
            ("channel", "wp:base_site_url") => self.export.base_url = text.trim().to_owned(),
            ("channel", "wp:base_blog_url") => self.export.blog_url = text.trim().to_owned(),
            ("channel", "wp:author") => self.export.authors.push(std::mem::take(&mut self.author)),
            ("channel", "wp:category") => self.export.categories.push(std::mem::take(&mut self.category)),
            ("channel", "wp:tag") => self.export.tags.push(std::mem::take(&mut self.tag)),
            ("channel", "wp:term") => self.finish_term(),
            ("channel", "item") => match std::mem::take(&mut self.item).into_record() {
                (Record::Post(p), used) => {
                    self.used_terms.extend(used);
                    self.export.posts.push(*p);
                }
                (Record::Attachment(a), _) => self.export.attachments.push(a),
                (Record::Skipped(s), _) => self.export.skipped.push(s),
            },
            ("wp:author", field) => match field {
                "wp:author_id" => self.author.id = num(&text)?,
                "wp:author_login" => self.author.login = item::clean_login(&text),
                "wp:author_email" => self.author.email = text.trim().to_owned(),
                "wp:author_display_name" => self.author.display_name = text,
                _ => {}
            },
            ("wp:category", field) => match field {
                "wp:term_id" => self.category.term_id = num(&text)?,
                "wp:category_nicename" => self.category.nicename = text.trim().to_owned(),
                "wp:category_parent" => self.category.parent = non_empty(&text),
                "wp:cat_name" => self.category.name = text,
                "wp:category_description" => self.category.description = text,
                _ => {}
            },
            ("wp:tag", field) => match field {
                "wp:term_id" => self.tag.term_id = num(&text)?,
                "wp:tag_slug" => self.tag.slug = text.trim().to_owned(),
                "wp:tag_name" => self.tag.name = text,
                _ => {}
            },
            ("wp:term", field) => match field {
                "wp:term_id" => self.term.id = num(&text)?,
                "wp:term_taxonomy" => self.term.taxonomy = text.trim().to_owned(),
                "wp:term_slug" => self.term.slug = text.trim().to_owned(),
                "wp:term_parent" => self.term.parent = text.trim().to_owned(),
                "wp:term_name" => self.term.name = text,
                "wp:term_description" => self.term.description = text,
                _ => {}
            },
            ("item", field) => self.item.field(xml, at, field, text)?,
            ("wp:postmeta", field) => self.item.meta_field(field, text),
            ("wp:comment", field) => self.item.comment_field(field, &text),
            _ => {}
        }
        Ok(())
    }

    /// Categories and tags also appear as `wp:term` in newer exports, sometimes repeating a
    /// `wp:category`: keep the first of each slug. Other taxonomies (menus, custom ones)
    /// have no place in pamir and are reported as skipped.
    fn finish_term(&mut self) {
        let t = std::mem::take(&mut self.term);
        match t.taxonomy.as_str() {
            "category" => {
                if !self.export.categories.iter().any(|c| c.nicename == t.slug) {
                    self.export.categories.push(Category {
                        term_id: t.id,
                        nicename: t.slug,
                        parent: non_empty(&t.parent),
                        name: t.name,
                        description: t.description,
                    });
                }
            }
            "post_tag" => {
                if !self.export.tags.iter().any(|g| g.slug == t.slug) {
                    self.export.tags.push(Tag { term_id: t.id, slug: t.slug, name: t.name });
                }
            }
            taxonomy => self.export.skipped.push(Skipped {
                id: t.id,
                kind: format!("term:{taxonomy}"),
                reason: format!("terms of taxonomy '{taxonomy}' are not imported ({})", t.slug),
            }),
        }
    }

    fn finish(mut self) -> Result<Export, WxrError> {
        if let Some((name, at)) = self.stack.first() {
            let (line, column) = line_column(self.xml, self.xml.len());
            let (open_line, _) = line_column(self.xml, *at);
            let innermost = self.stack.last().map_or(name.as_str(), |(n, _)| n.as_str());
            return Err(WxrError::Malformed {
                line,
                column,
                message: format!(
                    "the file ends inside <{innermost}> (<{name}> opened at line {open_line} is never closed): \
                     is it truncated?"
                ),
            });
        }
        if !self.saw_root {
            return Err(WxrError::NotWxr("the file holds no XML element".into()));
        }
        if !self.saw_channel {
            return Err(WxrError::NotWxr("<rss> has no <channel>".into()));
        }
        item::resolve_category_names(&mut self.export);
        item::declare_used_terms(&mut self.export, std::mem::take(&mut self.used_terms));
        Ok(self.export)
    }
}

/// A WXR file is an RSS 2.0 document that declares the `wp:` export namespace; anything
/// else (an HTML page, an Atom feed, a plain RSS feed) is refused before reading further.
fn check_root(xml: &[u8], e: &BytesStart<'_>, name: &str, at: usize) -> Result<(), WxrError> {
    if name != "rss" {
        return Err(WxrError::NotWxr(format!("the root element is <{name}>, not <rss>")));
    }
    match attribute(xml, e, "xmlns:wp", at)? {
        Some(uri) if uri.contains("wordpress.org/export/") => Ok(()),
        Some(uri) => Err(WxrError::NotWxr(format!("the wp: namespace is {uri:?}, not a WordPress export one"))),
        None => Err(WxrError::NotWxr(
            "<rss> does not declare the wp: namespace (wordpress.org/export/…): a plain RSS feed?".into(),
        )),
    }
}

fn attribute(xml: &[u8], e: &BytesStart<'_>, key: &str, at: usize) -> Result<Option<String>, WxrError> {
    for attr in e.attributes() {
        let attr = attr.map_err(|err| malformed(xml, at, err.to_string()))?;
        if attr.key.as_ref() == key {
            let value =
                attr.normalized_value(XmlVersion::Implicit1_0).map_err(|err| malformed(xml, at, err.to_string()))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

pub(crate) fn non_empty(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}
