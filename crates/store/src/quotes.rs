//! Quotes by speaker and by words.

use crate::names::normalise;
use crate::search::fts_query;
use crate::types::{DocumentRef, QuoteFilter, QuoteRecord};
use crate::{page_limit, parse_day, Result, Store};
use rusqlite::types::Value;

/// A WHERE clause assembled from fixed SQL fragments, with every user value
/// bound as a parameter (never formatted into the SQL).
#[derive(Default)]
pub(crate) struct Conditions {
    clauses: Vec<&'static str>,
    params: Vec<Value>,
}

impl Conditions {
    /// Adds `clause`, whose `?` placeholders take `values` in order.
    pub(crate) fn push(&mut self, clause: &'static str, values: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause);
        self.params.extend(values);
    }

    /// `WHERE a AND b …`, or nothing.
    pub(crate) fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    /// The bound values, followed by `extra` (limit, offset).
    pub(crate) fn params(&self, extra: &[i64]) -> Vec<Value> {
        let mut p = self.params.clone();
        p.extend(extra.iter().map(|&v| Value::Integer(v)));
        p
    }
}

const QUOTE_COLUMNS: &str = "q.quote, d.id, d.title, d.published, d.site, d.url, q.idx, q.start,
    q.end, q.text, q.kind, q.speaker_name, q.speaker_actor, q.speaker_code, q.cue, q.via";

fn quote_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(QuoteRecord, String)> {
    Ok((
        QuoteRecord {
            quote_id: r.get(0)?,
            document: DocumentRef {
                id: r.get(1)?,
                title: r.get(2)?,
                published: parse_day(r.get(3)?),
                site: r.get(4)?,
                url: r.get(5)?,
            },
            index: r.get::<_, i64>(6)? as usize,
            start: r.get::<_, i64>(7)? as usize,
            end: r.get::<_, i64>(8)? as usize,
            text: r.get(9)?,
            kind: r.get(10)?,
            speaker: r.get(11)?,
            speaker_actor: r.get(12)?,
            speaker_code: r.get(13)?,
            cue: r.get(14)?,
            via: Vec::new(),
        },
        r.get(15)?,
    ))
}

impl Store {
    /// Quotes matching `filter`, each story once, in the order they were
    /// stored. A `words` filter with no word in it matches nothing.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRecord>> {
        let mut cond = Conditions::default();
        cond.push("q.copy_of IS NULL", []);
        if let Some(speaker) = &filter.speaker {
            let norm = normalise(speaker);
            cond.push(
                "q.speaker_actor IN (SELECT actor FROM actors WHERE norm = ? OR last = ?)",
                [Value::Text(norm.clone()), Value::Text(norm)],
            );
        }
        if let Some(actor) = filter.speaker_actor {
            cond.push("q.speaker_actor = ?", [Value::Integer(actor)]);
        }
        if let Some(words) = &filter.words {
            let Some(fts) = fts_query(words) else {
                return Ok(Vec::new());
            };
            cond.push(
                "q.quote IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)",
                [Value::Text(fts)],
            );
        }
        let sql = format!(
            "SELECT {QUOTE_COLUMNS} FROM quotes q JOIN documents d ON d.doc = q.doc
             {} ORDER BY q.quote LIMIT ? OFFSET ?",
            cond.sql()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let params = cond.params(&[page_limit(filter.limit), filter.offset as i64]);
        let rows = stmt.query_map(rusqlite::params_from_iter(params), quote_row)?;
        let mut out = Vec::new();
        for row in rows {
            let (mut record, via) = row?;
            record.via = serde_json::from_str(&via)?;
            out.push(record);
        }
        Ok(out)
    }
}
