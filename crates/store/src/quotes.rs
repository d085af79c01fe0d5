//! Quotes by speaker and by words.

use crate::names::normalise;
use crate::search::fts_query;
use crate::sql::Conditions;
use crate::types::{QuoteFilter, QuoteRecord};
use crate::{document_ref, page_limit, Result, Store};
use rusqlite::types::Value;

/// The columns [`quote_row`] reads.
macro_rules! quote_columns {
    () => {
        "q.quote, d.id, d.title, d.published, d.site, d.url, q.idx, q.start,
    q.end, q.text, q.kind, q.speaker_name, q.speaker_actor, q.speaker_code, q.cue, q.via"
    };
}
const QUOTE_COLUMNS: &str = quote_columns!();

fn quote_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(QuoteRecord, String)> {
    Ok((
        QuoteRecord {
            quote_id: r.get(0)?,
            document: document_ref(r, 1)?,
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

/// The ids of the quotes of a speaker (five parameters, see
/// [`speaker_params`]): by actor — full name, last word, or first word
/// (surname-first names: "Park" finds Park Min-jun; a range on the name
/// index) — or by the name as written.
macro_rules! speaker_quotes {
    () => {
        "SELECT quote FROM quotes
         WHERE speaker_actor IN (
             SELECT actor FROM actors WHERE norm = ? OR last = ?
             UNION SELECT actor FROM actors WHERE norm >= ? AND norm < ?)
           AND copy_of IS NULL
         UNION SELECT quote FROM quotes
         WHERE speaker_name = ? COLLATE NOCASE AND copy_of IS NULL"
    };
}

/// The SQL of [`Store::quotes`] with a speaker and no other filter: the
/// page is cut from the speaker's quote ids directly. (Through the general
/// form the ids were copied into a second list and every quote row read
/// again; at 100,000 documents a common surname has thousands of quotes.)
pub(crate) const SPEAKER_QUOTES_SQL: &str = concat!(
    "SELECT ",
    quote_columns!(),
    " FROM quotes q JOIN documents d ON d.doc = q.doc
     WHERE q.quote IN (",
    speaker_quotes!(),
    " ORDER BY 1 LIMIT ? OFFSET ?)
     ORDER BY q.quote"
);

/// The SQL of [`Store::quotes`] with a speaker actor and no other filter:
/// the first quotes of each side (the actor's own, and, for a country,
/// those of speakers coded with it), each read in order from its index and
/// merged, so a country with tens of thousands of quotes costs a page.
pub(crate) const SPEAKER_ACTOR_QUOTES_SQL: &str = concat!(
    "SELECT ",
    quote_columns!(),
    " FROM quotes q JOIN documents d ON d.doc = q.doc
     WHERE q.quote IN (
         SELECT quote FROM (
             SELECT quote FROM (
                 SELECT quote FROM quotes WHERE speaker_actor = ?1 AND copy_of IS NULL
                 ORDER BY quote LIMIT ?2)
             UNION
             SELECT quote FROM (
                 SELECT quote FROM quotes WHERE speaker_unit = ?1 AND copy_of IS NULL
                 ORDER BY quote LIMIT ?2))
         ORDER BY quote LIMIT ?3 OFFSET ?4)
     ORDER BY q.quote"
);

/// The parameters of [`speaker_quotes`] for a speaker as the user wrote it.
fn speaker_params(speaker: &str) -> [Value; 5] {
    let norm = normalise(speaker);
    let first_word_from = format!("{norm} ");
    let first_word_to = format!("{norm} \u{10FFFF}");
    [
        Value::Text(norm.clone()),
        Value::Text(norm),
        Value::Text(first_word_from),
        Value::Text(first_word_to),
        Value::Text(speaker.trim().to_string()),
    ]
}

/// The conditions of a quote filter; `None` when `words` has no word.
pub(crate) fn quote_conditions(filter: &QuoteFilter) -> Option<Conditions> {
    let mut cond = Conditions::default();
    cond.push("q.copy_of IS NULL", []);
    if let Some(speaker) = &filter.speaker {
        cond.push(
            concat!("q.quote IN (", speaker_quotes!(), ")"),
            speaker_params(speaker),
        );
    }
    if let Some(actor) = filter.speaker_actor {
        cond.push(
            "q.quote IN (SELECT quote FROM quotes WHERE speaker_actor = ? AND copy_of IS NULL
                 UNION SELECT quote FROM quotes WHERE speaker_unit = ? AND copy_of IS NULL)",
            [Value::Integer(actor), Value::Integer(actor)],
        );
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
        let page = [page_limit(filter.limit), filter.offset as i64];
        let (sql, params) = match (&filter.speaker, filter.speaker_actor) {
            (Some(speaker), None) if filter.words.is_none() => {
                let mut params = speaker_params(speaker).to_vec();
                params.extend(page.map(Value::Integer));
                (SPEAKER_QUOTES_SQL.to_string(), params)
            }
            (None, Some(actor)) if filter.words.is_none() => {
                let params = vec![
                    Value::Integer(actor),
                    Value::Integer(page[0] + page[1]),
                    Value::Integer(page[0]),
                    Value::Integer(page[1]),
                ];
                (SPEAKER_ACTOR_QUOTES_SQL.to_string(), params)
            }
            _ => {
                let Some(cond) = quote_conditions(filter) else {
                    return Ok(Vec::new());
                };
                (quotes_sql(&cond), cond.params(&page))
            }
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
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
