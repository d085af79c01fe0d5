//! Quotes by speaker and by words.

use crate::names::normalise;
use crate::search::fts_query;
use crate::sql::Conditions;
use crate::types::{DocumentRef, QuoteFilter, QuoteRecord};
use crate::{page_limit, parse_day, Result, Store};
use rusqlite::types::Value;

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

/// The SQL of [`Store::quotes`] for these conditions: page over quote ids
/// first (index only), then read the few rows shown.
pub(crate) fn quotes_sql(cond: &Conditions) -> String {
    format!(
        "SELECT {QUOTE_COLUMNS} FROM quotes q JOIN documents d ON d.doc = q.doc
         WHERE q.quote IN (SELECT q.quote FROM quotes q {} ORDER BY q.quote LIMIT ? OFFSET ?)
         ORDER BY q.quote",
        cond.sql()
    )
}

/// The conditions of a quote filter; `None` when `words` has no word.
pub(crate) fn quote_conditions(filter: &QuoteFilter) -> Option<Conditions> {
    let mut cond = Conditions::default();
    cond.push("q.copy_of IS NULL", []);
    if let Some(speaker) = &filter.speaker {
        let norm = normalise(speaker);
        // By actor: full name, last word, or first word (surname-first
        // names: "Park" finds Park Min-jun; a range on the name index), or
        // by the name as written.
        let first_word_from = format!("{norm} ");
        let first_word_to = format!("{norm} \u{10FFFF}");
        cond.push(
            "q.quote IN (
                 SELECT quote FROM quotes
                 WHERE speaker_actor IN (
                     SELECT actor FROM actors WHERE norm = ? OR last = ?
                     UNION SELECT actor FROM actors WHERE norm >= ? AND norm < ?)
                   AND copy_of IS NULL
                 UNION SELECT quote FROM quotes
                 WHERE speaker_name = ? COLLATE NOCASE AND copy_of IS NULL)",
            [
                Value::Text(norm.clone()),
                Value::Text(norm),
                Value::Text(first_word_from),
                Value::Text(first_word_to),
                Value::Text(speaker.trim().to_string()),
            ],
        );
    }
    if let Some(actor) = filter.speaker_actor {
        cond.push("q.speaker_actor = ?", [Value::Integer(actor)]);
    }
    if let Some(words) = &filter.words {
        cond.push(
            "q.quote IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)",
            [Value::Text(fts_query(words)?)],
        );
    }
    Some(cond)
}

impl Store {
    /// Quotes matching `filter`, each story once, in the order they were
    /// stored. A `words` filter with no word in it matches nothing.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRecord>> {
        let Some(cond) = quote_conditions(filter) else {
            return Ok(Vec::new());
        };
        let sql = quotes_sql(&cond);
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
