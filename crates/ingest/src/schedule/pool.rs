//! The fixed pool of workers that extract and analyse.
//!
//! Each worker has a queue of its own and is given one job at a time, and
//! only when idle, so the scheduler knows when each analysis starts (its
//! deadline runs from then) and which worker an overrun holds. The threads
//! are not joined: a worker still analysing a document that was given up
//! stops at the stages' next budget check (milliseconds), even after
//! [`super::run`] returns, and ends.

use super::{catch_panic, extract_keyed, DocumentError, Event, Stages};
use crate::simhash;
use crate::RawDocument;
use model::{Budget, Document, OverBudget};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// One unit of work for a worker.
pub(super) enum Job {
    /// Extract and key document `seq`.
    Extract(u64, Box<RawDocument>),
    /// Analyse document `seq`, given to the worker at `started`, within
    /// `limit`.
    Analyse {
        seq: u64,
        document: Document,
        started: Instant,
        limit: Duration,
    },
}

/// The workers, and which of them are idle.
pub(super) struct Pool<S> {
    queues: Vec<mpsc::Sender<Job>>,
    idle: Vec<usize>,
    _stages: std::marker::PhantomData<S>,
}

impl<S: Stages> Pool<S> {
    /// Starts `size` workers that report to `events`.
    pub(super) fn start(
        size: usize,
        stages: Arc<S>,
        events: &mpsc::Sender<Event>,
    ) -> std::io::Result<Self> {
        let mut queues = Vec::with_capacity(size);
        for worker in 0..size {
            let (queue, jobs) = mpsc::channel::<Job>();
            let stages = Arc::clone(&stages);
            let events = events.clone();
            std::thread::Builder::new()
                .name(format!("ingest-{worker}"))
                .spawn(move || work(worker, &*stages, &jobs, &events))?;
            queues.push(queue);
        }
        Ok(Pool {
            queues,
            // Popped from the end: worker 0 first.
            idle: (0..size).rev().collect(),
            _stages: std::marker::PhantomData,
        })
    }

    /// The number of workers.
    pub(super) fn size(&self) -> usize {
        self.queues.len()
    }

    /// Whether a worker is waiting for a job.
    pub(super) fn has_idle(&self) -> bool {
        !self.idle.is_empty()
    }

    /// Gives `job` to an idle worker (call only when [`Pool::has_idle`]).
    pub(super) fn give(&mut self, job: Job) {
        if let Some(worker) = self.idle.pop() {
            // A worker's queue closes only when the worker ended, which it
            // does only once this pool is dropped.
            let _ = self.queues[worker].send(job);
        }
    }

    /// Marks `worker` idle again (it reported its job's result).
    pub(super) fn idle(&mut self, worker: usize) {
        self.idle.push(worker);
    }
}

/// A worker: runs jobs until its queue closes or nobody listens.
fn work<S: Stages>(
    worker: usize,
    stages: &S,
    jobs: &mpsc::Receiver<Job>,
    events: &mpsc::Sender<Event>,
) {
    while let Ok(job) = jobs.recv() {
        let event = match job {
            Job::Extract(seq, raw) => Event::Extracted {
                worker,
                seq,
                result: extract_keyed(stages, &raw),
            },
            Job::Analyse {
                seq,
                document,
                started,
                limit,
            } => {
                let budget = Budget::limited(limit, move || started.elapsed());
                Event::Analysed {
                    worker,
                    seq,
                    // The fingerprint of a stored text only (see `Keyed`).
                    result: catch_panic(|| {
                        stages.analyse(document, &budget).map(|output| {
                            let fingerprint = simhash(output.document.text());
                            (Box::new(output), fingerprint)
                        })
                    })
                    .and_then(|r| {
                        r.map_err(|e| match e {
                            OverBudget::Spent => DocumentError::Overrun(limit),
                            OverBudget::Projected { estimate } => {
                                DocumentError::Projected { estimate, limit }
                            }
                            e @ OverBudget::TooLong { .. } => DocumentError::Extract(e.into()),
                        })
                    }),
                }
            }
        };
        if events.send(event).is_err() {
            return;
        }
    }
}
