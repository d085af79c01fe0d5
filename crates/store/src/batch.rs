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

use crate::write;
use crate::{InsertMeta, Inserted, Result, Store};
use model::contract::Output;

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
        if let Some(results) = self.try_insert_all(documents)? {
            return Ok(results.into_iter().map(Ok).collect());
        }
        Ok(documents
            .iter()
            .map(|(output, meta)| self.insert_with(output, meta))
            .collect())
    }

    /// Inserts every document in one transaction and commits; `None` (with
    /// the transaction rolled back) as soon as one of them fails.
    fn try_insert_all(
        &mut self,
        documents: &[(&Output, &InsertMeta)],
    ) -> Result<Option<Vec<Inserted>>> {
        let tx = self.conn.transaction()?;
        let mut results = Vec::with_capacity(documents.len());
        for (output, meta) in documents {
            match write::insert_document(&tx, output, meta) {
                Ok(inserted) => results.push(inserted),
                // Dropping the transaction rolls it back.
                Err(_) => return Ok(None),
            }
        }
        match tx.commit() {
            Ok(()) => Ok(Some(results)),
            Err(_) => Ok(None),
        }
    }
}
