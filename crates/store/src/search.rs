//! Full-text search over article titles and text, with highlighted snippets.
//!
//! User input never reaches FTS5's query language as written: it is split
//! into words and each word is quoted ("russia" "aid"), so quotes, `NEAR`,
//! `AND(` or column filters in the input are just words. A trailing `*` on a
//! word is kept as a prefix search.

use crate::types::{SearchHit, SnippetPart};
use crate::{document_ref, page_limit, Result, Store};
use rusqlite::params;

/// Marks FTS5 puts around matches; control characters the extractor never
/// leaves in article text.
const OPEN: char = '\u{1}';
const CLOSE: char = '\u{2}';

/// The FTS5 query for a user's words: every word quoted, all required;
/// words between double quotes ("White House") form one phrase, required
/// in that order. `None` when the input has no word at all.
pub fn fts_query(input: &str) -> Option<String> {
    let mut terms = Vec::new();
    // Odd parts lie between quotes (an unclosed quote runs to the end).
    for (i, part) in input.split('"').enumerate() {
        if i % 2 == 1 {
            terms.extend(fts_term(part));
        } else {
            terms.extend(part.split_whitespace().filter_map(fts_term));
        }
    }
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
}

/// One word or phrase as a quoted FTS5 string (a phrase when it holds
/// several tokens); a trailing `*` makes its last word a prefix.
fn fts_term(raw: &str) -> Option<String> {
    let prefix = raw.trim_end().ends_with('*');
    // Inside a quoted FTS5 string only `"` is special; drop it and any
    // other punctuation so "U.S." still matches the tokens "U" "S".
    let word: String = raw
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let word = word.split_whitespace().collect::<Vec<_>>().join(" ");
    if word.is_empty() {
        None
    } else if prefix {
        Some(format!("\"{word}\"*"))
    } else {
        Some(format!("\"{word}\""))
    }
}

/// Splits an FTS5 snippet with [`OPEN`]/[`CLOSE`] marks into parts.
pub(crate) fn snippet_parts(marked: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut hit = false;
    for c in marked.chars() {
        if c == OPEN || c == CLOSE {
            if !current.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut current),
                    hit,
                });
            }
            hit = c == OPEN;
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        parts.push(SnippetPart { text: current, hit });
    }
    parts
}

/// How many of the most recent matching documents are ranked. BM25 costs
/// per match, and a common word matches most of a 100,000-article
/// collection; news readers want the recent stories anyway.
pub const RANKED_CANDIDATES: usize = 500;

/// The SQL of [`Store::search`] (public for `EXPLAIN QUERY PLAN` checks).
pub const SEARCH_SQL: &str = "
    SELECT d.id, d.title, d.published, d.site, d.url, s.documents, m.rank, m.doc
    FROM (SELECT rowid AS doc, rank FROM documents_fts
          WHERE documents_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?4) m
    JOIN documents d ON d.doc = m.doc
    JOIN stories s ON s.story = d.story
    WHERE d.doc = d.story
    ORDER BY m.rank, m.doc DESC
    LIMIT ?2 OFFSET ?3";

/// The highlighted snippet of one matching document.
const SNIPPET_SQL: &str = "
    SELECT snippet(documents_fts, 1, char(1), char(2), '…', 16) FROM documents_fts
    WHERE documents_fts MATCH ?1 AND rowid = ?2";

impl Store {
    /// Full-text search over titles and article text: stories whose first
    /// document contains every word of `query` (a trailing `*` makes a word
    /// a prefix), best first (BM25) among the [`RANKED_CANDIDATES`] most
    /// recently stored matches, with a highlighted snippet. An input with
    /// no word gives no hits.
    pub fn search(&self, query: &str, limit: usize, offset: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(SEARCH_SQL)?;
        let rows = stmt.query_map(
            params![
                fts,
                page_limit(limit),
                offset as i64,
                RANKED_CANDIDATES as i64
            ],
            |r| {
                let hit = SearchHit {
                    document: document_ref(r, 0)?,
                    story_documents: r.get::<_, i64>(5)? as u64,
                    snippet: Vec::new(),
                    rank: r.get(6)?,
                };
                Ok((hit, r.get::<_, i64>(7)?))
            },
        )?;
        let hits: Vec<(SearchHit, i64)> = rows.collect::<rusqlite::Result<_>>()?;
        let mut snippet = self.conn.prepare_cached(SNIPPET_SQL)?;
        let mut out = Vec::with_capacity(hits.len());
        for (mut hit, doc) in hits {
            let marked: String = snippet.query_row(params![fts, doc], |r| r.get(0))?;
            hit.snippet = snippet_parts(&marked);
            out.push(hit);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_syntax_in_input_becomes_words() {
        assert_eq!(
            fts_query(r#"russia OR text:x NEAR("#).as_deref(),
            Some(r#""russia" "OR" "text x" "NEAR""#)
        );
        // an unclosed quote runs to the end, as one phrase
        assert_eq!(
            fts_query(r#"russia" OR text:x NEAR("#).as_deref(),
            Some(r#""russia" "OR text x NEAR""#)
        );
        assert_eq!(fts_query("aid*").as_deref(), Some("\"aid\"*"));
        assert_eq!(fts_query("  ;; ** "), None);
    }

    #[test]
    fn quoted_words_are_a_phrase() {
        assert_eq!(
            fts_query(r#""White House" sanctions"#).as_deref(),
            Some(r#""White House" "sanctions""#)
        );
        assert_eq!(
            fts_query(r#""white hou*""#).as_deref(),
            Some(r#""white hou"*"#)
        );
    }

    #[test]
    fn snippet_marks_become_parts() {
        let parts = snippet_parts("a \u{1}b\u{2} c");
        assert_eq!(parts.len(), 3);
        assert!(parts[1].hit);
        assert_eq!(parts[1].text, "b");
    }
}
