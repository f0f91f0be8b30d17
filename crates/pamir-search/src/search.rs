//! Answering a [`Query`]: parse leniently, filter by language, kind and category, rank, page,
//! and cut snippets.

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, TermQuery, TermSetQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use crate::analysers::Family;
use crate::error::SearchError;
use crate::index::SearchIndex;
use crate::query::{Hit, Query, Results};
use crate::snippet;

type Clause = (Occur, Box<dyn tantivy::query::Query>);

impl SearchIndex {
    /// Finds the documents in `query.lang` matching `query.text`, best first.
    ///
    /// Blank text finds nothing (it is not "everything"); text the parser cannot make sense
    /// of (`title:(( "`) is searched for as far as it can be parsed, never an error.
    pub fn search(&self, query: &Query) -> Result<Results, SearchError> {
        if query.text.trim().is_empty() {
            return Ok(Results::default());
        }
        let family = Family::of(&query.lang);
        // Colons would select fields by their internal names ("body_en:…"); a visitor's
        // colon is punctuation ("Душанбе: новости").
        let text = query.text.replace(':', " ");
        let (text_query, _ignored) = self.parsers[family.index()].parse_query_lenient(&text);

        let mut clauses: Vec<Clause> = vec![(Occur::Must, text_query)];
        let lang = query.lang.to_ascii_lowercase();
        clauses.push(filter(TermQuery::new(Term::from_field_text(self.fields.lang, &lang), IndexRecordOption::Basic)));
        if let Some(kind) = &query.kind {
            clauses
                .push(filter(TermQuery::new(Term::from_field_text(self.fields.kind, kind), IndexRecordOption::Basic)));
        }
        if !query.category_ids.is_empty() {
            let terms = query.category_ids.iter().map(|&id| Term::from_field_i64(self.fields.category_id, id));
            clauses.push(filter(TermSetQuery::new(terms)));
        }
        let full = BooleanQuery::new(clauses);

        let searcher = self.reader.searcher();
        let limit = query.limit.min(Query::MAX_LIMIT);
        if limit == 0 || query.offset.saturating_add(limit) > Query::MAX_WINDOW {
            return Ok(Results { total: searcher.search(&full, &Count)?, hits: Vec::new() });
        }
        let top = TopDocs::with_limit(limit).and_offset(query.offset).order_by_score();
        let (total, top) = searcher.search(&full, &(Count, top))?;
        if top.is_empty() {
            return Ok(Results { total, hits: Vec::new() });
        }

        let body = self.fields.text(family).body;
        // Only the query's terms on the body field are highlighted; the filters are on others.
        let mut snippets = SnippetGenerator::create(&searcher, &full, body)?;
        snippets.set_max_num_chars(snippet::SNIPPET_CHARS);
        let hits = top
            .into_iter()
            .map(|(_score, address)| self.hit(&searcher, address, family, &snippets))
            .collect::<Result<_, _>>()?;
        Ok(Results { total, hits })
    }

    fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        family: Family,
        snippets: &SnippetGenerator,
    ) -> Result<Hit, SearchError> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let f = &self.fields;
        let text = f.text(family);
        Ok(Hit {
            item_id: int(&doc, f.item_id, "item_id")?,
            group_id: int(&doc, f.group_id, "group_id")?,
            kind: string(&doc, f.kind).to_owned(),
            category_id: int(&doc, f.category_id, "category_id")?,
            published_at: int(&doc, f.published_at, "published_at")?,
            title: string(&doc, text.title).to_owned(),
            snippet_html: snippet::html(snippets, string(&doc, text.body)),
        })
    }
}

/// A clause that narrows the results without changing their ranking.
fn filter(query: impl tantivy::query::Query) -> Clause {
    (Occur::Must, Box::new(ConstScoreQuery::new(Box::new(query), 0.0)))
}

fn int(doc: &TantivyDocument, field: Field, name: &'static str) -> Result<i64, SearchError> {
    doc.get_first(field).and_then(|value| value.as_i64()).ok_or(SearchError::MissingField(name))
}

/// A stored text field; absent (an empty body) reads as empty.
fn string(doc: &TantivyDocument, field: Field) -> &str {
    doc.get_first(field).and_then(|value| value.as_str()).unwrap_or_default()
}
