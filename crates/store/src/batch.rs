//! Several documents in one transaction, each still stored whole or not at
//! all.
//!
//! A commit writes every page the transaction touched to the write-ahead
//! log: the document's rows, but also the same few index and aggregate pages
//! (counters, the actor graph, the tails of the indexes) that every document
//! updates. Committing one document at a time writes those shared pages once
//! per document, which made the single writer the bottleneck of an ingest
//! (over half of its CPU time on short articles). A [`Batch`] commits many
//! documents at once; inside it each document has its own savepoint, so one
//! that fails to store rolls back alone and the others stay.

use crate::write;
use crate::{InsertMeta, Inserted, Result, Store};
use model::contract::Output;
use rusqlite::Transaction;

/// An open write transaction over several documents; see the module
/// documentation. Nothing is visible to readers, or durable, until
/// [`Batch::commit`]; dropping the batch rolls everything back.
pub struct Batch<'s> {
    tx: Transaction<'s>,
}

impl Store {
    /// Starts a batch of writes committed together by [`Batch::commit`].
    pub fn batch(&mut self) -> Result<Batch<'_>> {
        Ok(Batch {
            tx: self.conn.transaction()?,
        })
    }
}

impl Batch<'_> {
    /// Stores one analysed document as [`Store::insert_with`] does, inside
    /// this batch: whole or (on error) not at all, without affecting the
    /// batch's other documents.
    pub fn insert_with(&mut self, output: &Output, meta: &InsertMeta) -> Result<Inserted> {
        let savepoint = self.tx.savepoint()?;
        let inserted = write::insert_document(&savepoint, output, meta)?;
        savepoint.commit()?;
        Ok(inserted)
    }

    /// Records a skipped exact copy as [`Store::record_duplicate`] does,
    /// inside this batch.
    pub fn record_duplicate(&mut self, id: &str, content_hash: &str) -> Result<()> {
        write::record_duplicate(&self.tx, id, content_hash)
    }

    /// Commits every document of the batch at once.
    pub fn commit(self) -> Result<()> {
        self.tx.commit()?;
        Ok(())
    }
}
