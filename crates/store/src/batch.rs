//! Several documents in one transaction, each still stored whole or not at
//! all.
//!
//! A commit writes every page the transaction touched to the write-ahead
//! log: the document's rows, but also the same index, full-text and
//! aggregate pages (counters, the actor graph, the tails of the indexes)
//! that every document updates. Committing one document at a time writes
//! those shared pages once per document, which made the single writer the
//! bottleneck of an ingest (over half of its CPU time on short articles).
//!
//! [`Store::insert_batch`] commits many documents at once. Savepoints per
//! document would cost most of the gain (each one journals the pages it
//! touches and flushes the full-text index), so the batch has none: if any
//! document fails, the whole transaction is rolled back and every document
//! of the batch is stored again in its own transaction. Failures are rare
//! (a bug, a full disk), and this keeps each document whole or absent.
//!
//! Batches also keep full-text search fast as the collection grows. FTS5
//! writes new index segments as documents arrive (several per batch) and
//! merges them only lazily; at 100,000 documents a search then looks each
//! matching document up in dozens of segments, and the snippets of one
//! result page took 5 ms instead of 0.8 ms. So when a batch takes the
//! collection past a multiple of [`merge_step`], both full-text indexes are
//! merged into one segment each ([`Store::optimize_search`], about a second
//! at 100,000 documents; the step grows with the collection so that the
//! total work stays linear).

use crate::write;
use crate::{InsertMeta, Inserted, Result, Store};
use model::contract::Output;
use rusqlite::OptionalExtension;

/// Documents between two merges of the full-text indexes in a collection of
/// `documents`: 16,384, or a quarter of the collection once that is more.
pub(crate) fn merge_step(documents: u64) -> u64 {
    const SMALLEST: u64 = 16_384;
    let power_of_two_below = match documents {
        0 => 0,
        n => 1u64 << (63 - n.leading_zeros()),
    };
    SMALLEST.max(power_of_two_below / 4)
}

/// Whether going from `before` to `after` documents passes a multiple of
/// the merge step.
fn passes_merge_point(before: u64, after: u64) -> bool {
    let step = merge_step(after);
    after > before && after / step > before / step
}

impl Store {
    /// Stores analysed documents as [`Store::insert_with`] does, all in one
    /// transaction; returns what happened to each, in order. A document
    /// that fails does not take the others with it (see the module
    /// documentation). The outer error is for failures outside any one
    /// document (e.g. the transaction cannot start).
    pub fn insert_batch(
        &mut self,
        documents: &[(&Output, &InsertMeta)],
    ) -> Result<Vec<Result<Inserted>>> {
        self.start_writing()?;
        let before = self.document_count()?;
        let results = match self.try_insert_all(documents)? {
            Some(results) => results.into_iter().map(Ok).collect(),
            None => documents
                .iter()
                .map(|(output, meta)| self.insert_with(output, meta))
                .collect(),
        };
        if passes_merge_point(before, self.document_count()?) {
            // The documents are committed; a merge that fails (a full
            // disk) leaves the indexes as they were, correct but slower,
            // and is tried again at the next merge point.
            let _ = self.optimize_search();
        }
        Ok(results)
    }

    /// Merges each full-text index (documents, quotes) into one segment, so
    /// that searches and snippets read one place per term. Worth running
    /// after a large ingest; [`Store::insert_batch`] runs it as the
    /// collection grows. Answers are unchanged.
    pub fn optimize_search(&mut self) -> Result<()> {
        self.conn.execute_batch(
            "INSERT INTO documents_fts(documents_fts) VALUES('optimize');
             INSERT INTO quotes_fts(quotes_fts) VALUES('optimize');",
        )?;
        Ok(())
    }

    /// Stored documents, from the counter kept at insert.
    fn document_count(&self) -> Result<u64> {
        let count: Option<i64> = self
            .conn
            .prepare_cached("SELECT value FROM counters WHERE name = 'documents'")?
            .query_row([], |r| r.get(0))
            .optional()?;
        Ok(count.unwrap_or(0).max(0) as u64)
    }

    /// Inserts every document in one transaction and commits; `None` (with
    /// the transaction rolled back) as soon as one of them fails.
    fn try_insert_all(
        &mut self,
        documents: &[(&Output, &InsertMeta)],
    ) -> Result<Option<Vec<Inserted>>> {
        let tx = self.conn.transaction()?;
        let mut results = Vec::with_capacity(documents.len());
        let mut full_text = write::FullText::default();
        for (output, meta) in documents {
            match write::insert_document(&tx, output, meta, &mut full_text) {
                Ok(inserted) => results.push(inserted),
                // Dropping the transaction rolls it back.
                Err(_) => return Ok(None),
            }
        }
        // The batch's full-text rows, all at once (see `FullText::write`).
        if full_text.write(&tx).is_err() {
            return Ok(None);
        }
        match tx.commit() {
            Ok(()) => Ok(Some(results)),
            Err(_) => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_every_16384_documents_then_every_quarter() {
        assert_eq!(merge_step(0), 16_384);
        assert_eq!(merge_step(100_000), 16_384);
        assert_eq!(merge_step(1_000_000), 131_072);
        assert!(!passes_merge_point(0, 16_383));
        assert!(passes_merge_point(16_380, 16_400));
        assert!(!passes_merge_point(16_400, 16_500));
        assert!(passes_merge_point(98_000, 98_304));
        assert!(!passes_merge_point(5, 5));
    }
}
