//! The writer thread: the one owner of the writing connection, and the
//! pipeline's one serial stage.

use super::{DocumentError, Event, Failure, IngestError};
use model::contract::Output;
use std::sync::mpsc;
use store::{InsertMeta, Inserted, Store};

/// Most documents the writer commits in one transaction (at 20,000
/// documents, 256 took 10% less CPU than 64 and a third less wall time: the
/// writer is the pipeline's one serial stage). Each is still stored whole
/// or not at all; a kill loses at most the uncommitted batch, which a
/// restart adds again.
pub const WRITE_BATCH: usize = 256;

/// Consecutive write failures after which the database, not the input, is
/// taken to be the problem and the ingest stops.
const MAX_STORE_FAILURES_IN_A_ROW: usize = 20;

/// What the writer is asked to do, in order.
pub(super) enum WriteJob {
    /// Store an analysed document.
    Insert(Box<Output>, InsertMeta),
    /// Record that `id` was an exact copy of a stored (or queued) text.
    Duplicate { id: String, hash: String },
}

/// What became of one document the writer was given.
pub(super) enum Outcome {
    /// Stored and committed.
    Stored(String),
    /// Stored and committed under `stored_as`, its own id being taken by
    /// another text.
    Renamed { id: String, stored_as: String },
    /// Refused by the store as a copy of a stored text.
    Duplicate(String),
    /// Not stored.
    Failed(Failure),
}

/// Stores what is queued in transactions of up to [`WRITE_BATCH`]
/// documents (one commit rewrites the shared index and aggregate pages
/// once, not once per document) and tells `events` what became of each,
/// only after its transaction is committed.
pub(super) fn write_all(
    store: Store,
    queue: mpsc::Receiver<WriteJob>,
    events: &mpsc::Sender<Event>,
) -> Result<(), IngestError> {
    let mut writer = Writer {
        store,
        events,
        failures_in_a_row: 0,
        pending: Vec::with_capacity(WRITE_BATCH),
    };
    // Waits for one job, then takes whatever else is queued, up to a batch.
    while let Ok(first) = queue.recv() {
        writer.take(first)?;
        while writer.pending.len() < WRITE_BATCH {
            match queue.try_recv() {
                Ok(job) => writer.take(job)?,
                Err(_) => break,
            }
        }
        writer.flush()?;
    }
    Ok(())
}

/// The writer thread's state: the connection and the documents not yet
/// stored.
struct Writer<'e> {
    store: Store,
    events: &'e mpsc::Sender<Event>,
    failures_in_a_row: usize,
    pending: Vec<(Box<Output>, InsertMeta)>,
}

impl Writer<'_> {
    /// Queues an insert, or records a duplicate after storing what is
    /// pending (the copy's original may be among it).
    fn take(&mut self, job: WriteJob) -> Result<(), IngestError> {
        match job {
            WriteJob::Insert(output, meta) => self.pending.push((output, meta)),
            WriteJob::Duplicate { id, hash } => {
                self.flush()?;
                self.store.record_duplicate(&id, &hash)?;
            }
        }
        Ok(())
    }

    /// Stores the pending documents in one transaction.
    fn flush(&mut self) -> Result<(), IngestError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        let documents: Vec<(&Output, &InsertMeta)> =
            pending.iter().map(|(o, m)| (o.as_ref(), m)).collect();
        let results = self.store.insert_batch(&documents)?;
        let mut outcomes = Vec::with_capacity(results.len());
        for ((output, _), result) in pending.iter().zip(results) {
            let id = output.document.id.clone();
            outcomes.push(match result {
                Ok(Inserted::Added) => {
                    self.failures_in_a_row = 0;
                    Outcome::Stored(id)
                }
                Ok(Inserted::Renamed(stored_as)) => {
                    self.failures_in_a_row = 0;
                    Outcome::Renamed { id, stored_as }
                }
                Ok(Inserted::Duplicate(_)) => Outcome::Duplicate(id),
                Err(e) => {
                    self.failures_in_a_row += 1;
                    if self.failures_in_a_row >= MAX_STORE_FAILURES_IN_A_ROW {
                        let _ = self.events.send(Event::Written(outcomes));
                        return Err(IngestError::Refused {
                            count: MAX_STORE_FAILURES_IN_A_ROW,
                            last: e,
                        });
                    }
                    Outcome::Failed(Failure {
                        origin: id,
                        error: DocumentError::Store(e),
                    })
                }
            });
        }
        // The scheduler may have stopped; what is committed stays.
        let _ = self.events.send(Event::Written(outcomes));
        self.pending = pending;
        self.pending.clear();
        Ok(())
    }
}
