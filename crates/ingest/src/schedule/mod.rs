//! The ingest scheduler: a stream of [`SourceItem`]s → extraction and
//! analysis on a fixed pool of workers → one writer thread → the store.
//!
//! [`run`] takes any stream and any [`Stages`] (the [`Pipeline`] in
//! production); [`run_inputs`] is what `newsgraph ingest` calls: the inputs
//! named on a command line into the database at a path, skipping stored URLs
//! before they are fetched.
//!
//! Resumable by construction: every document is written whole or not at all
//! (in transactions of up to [`WRITE_BATCH`] documents), exact copies are
//! recognised by content hash before the expensive analysis, and URL-named
//! inputs (HTTP pages, WARC records) that are already stored are skipped
//! before they are fetched or extracted. So re-running an interrupted ingest
//! on the same input adds exactly what is missing, and a killed ingest never
//! leaves half a document behind.
//!
//! Threads: the caller's thread schedules (and calls the progress callback);
//! one thread reads the sources a few items ahead; [`Options::workers`]
//! threads extract and analyse, whichever document is next, with no batch
//! barrier; one thread writes. A document past [`Options::max_analysis`] is
//! reported failed at its deadline, and its worker stops too: the stages
//! check the document's [`Budget`] between sentences, so an overrun frees
//! its worker within milliseconds, and the pool never grows.

mod pool;
mod writer;

use crate::sources::{Input, SourceOptions, Sources};
use crate::{content_hash, RawDocument, SourceItem};
use model::contract::Output;
use model::Document;
use pipeline::{Budget, OverBudget, Pipeline, PipelineError};
use pool::{Job, Pool};
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};
use store::{InsertMeta, Store, StoreError};
use writer::WriteJob;

pub use writer::WRITE_BATCH;

/// The work done on each document, on the pool's workers: the
/// [`Pipeline`] in production; tests put a stand-in around it.
pub trait Stages: Send + Sync + 'static {
    /// Extracts the article of one raw document.
    fn extract(&self, document: &RawDocument) -> Result<Document, PipelineError>;
    /// Analyses an extracted document into its `newsgraph/1` output,
    /// stopping with [`OverBudget`] once `budget` is spent.
    ///
    /// # Errors
    ///
    /// [`OverBudget`] when the document's deadline passed.
    fn analyse(&self, document: Document, budget: &Budget) -> Result<Output, OverBudget>;
}

impl Stages for Pipeline {
    fn extract(&self, document: &RawDocument) -> Result<Document, PipelineError> {
        let input = pipeline::Input {
            id: document.id.clone(),
            bytes: &document.bytes,
            url: document.url.clone(),
            published: document.published,
            kind: document.kind,
            declared_charset: document.declared_charset.clone(),
            verbatim: false,
        };
        Pipeline::extract(self, &input)
    }

    fn analyse(&self, document: Document, budget: &Budget) -> Result<Output, OverBudget> {
        let mut analysis = self.analyze_document_within(document, budget)?;
        // The contract reads no tokens, and a long document's are the
        // largest part of its analysis: freed first, their memory holds
        // the contract instead of fresh pages.
        drop(std::mem::take(&mut analysis.tokens));
        Ok(analysis.into_contract())
    }
}

/// Limits of one ingest.
#[derive(Debug, Clone)]
pub struct Options {
    /// Longest analysis of one document; past it the document is reported
    /// failed (see the module documentation for what happens to its worker).
    pub max_analysis: Duration,
    /// Worker threads that extract and analyse; 0 means one per core.
    pub workers: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_analysis: Duration::from_secs(20),
            workers: 0,
        }
    }
}

impl Options {
    /// The number of workers to start.
    fn worker_count(&self) -> usize {
        match self.workers {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        }
    }
}

/// What an ingest did.
#[derive(Debug, Default)]
pub struct Report {
    /// Documents stored.
    pub added: usize,
    /// Documents skipped because their text (or URL) was already stored, or
    /// was met earlier in the same run.
    pub duplicates: usize,
    /// Inputs that failed, in the order they were reported.
    pub failed: Vec<Failure>,
    /// Documents stored under another id (`id#2`, …) because a different
    /// text held theirs: `(id, stored_as)`. Counted in `added`.
    pub renamed: Vec<(String, String)>,
}

/// An input or document that was not stored, and why.
#[derive(Debug)]
pub struct Failure {
    /// The input: a path, `path:line`, `path@offset`, a URL, or the
    /// document id once it is extracted.
    pub origin: String,
    /// Why.
    pub error: DocumentError,
}

/// Why one input or document was not stored. The batch goes on.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The source could not read it (the source's words).
    #[error("{0}")]
    Source(String),
    /// Extraction refused it (empty, too large, undecodable, …).
    #[error(transparent)]
    Extract(#[from] PipelineError),
    /// A stage panicked on it: a newsgraph bug, confined to this document.
    #[error("the analysis failed on this input (a newsgraph bug, please report it): {0}")]
    Panicked(String),
    /// Its analysis ran past [`Options::max_analysis`].
    #[error("analysis took longer than {} ms; given up (raise it with --max-analysis-ms)", .0.as_millis())]
    Overrun(Duration),
    /// Part-way, its analysis's pace showed it was expected to take longer than
    /// [`Options::max_analysis`]; given up then, not at the limit.
    #[error(
        "analysis would take {}, over the {} ms limit; refused early (raise it with --max-analysis-ms)",
        model::OverBudget::estimate_words(*.estimate),
        .limit.as_millis()
    )]
    Projected {
        /// The projected time of the whole analysis.
        estimate: Duration,
        /// The limit.
        limit: Duration,
    },
    /// The store refused it.
    #[error("could not be stored: {0}")]
    Store(#[source] StoreError),
}

/// Why an ingest stopped before the end of its input. What was committed
/// before stays stored.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The database could not be opened.
    #[error("cannot open the database {}: {source}", path.display())]
    Open {
        /// Its path.
        path: PathBuf,
        /// Why.
        source: StoreError,
    },
    /// A read or a write outside any one document failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Consecutive documents were refused by the store: the database, not
    /// the input, is taken to be the problem.
    #[error("the database refused {count} documents in a row; last: {last}")]
    Refused {
        /// How many in a row.
        count: usize,
        /// The last refusal.
        last: StoreError,
    },
    /// A thread could not be started.
    #[error("cannot start a thread: {0}")]
    Thread(#[source] std::io::Error),
    /// The writer thread ended early (its own error is reported instead
    /// when it has one).
    #[error("the writer stopped")]
    WriterStopped,
    /// The writer thread panicked.
    #[error("the writer thread failed")]
    WriterFailed,
    /// Reading the sources panicked (a newsgraph bug).
    #[error("reading the inputs failed (a newsgraph bug, please report it): {0}")]
    SourcesFailed(String),
    /// The progress callback asked to stop.
    #[error("stopped by the caller")]
    Stopped,
}

/// What the progress callback hears, as it happens (on the caller's thread).
#[derive(Debug)]
pub enum Progress<'a> {
    /// A document was stored under this id (see [`Report::renamed`]), and
    /// its transaction committed: a crash from now on keeps it.
    Stored(&'a str),
    /// A document was skipped as a copy of a stored (or queued) text.
    Duplicate(&'a str),
    /// An input or document failed; the batch goes on.
    Failed(&'a Failure),
}

/// Ingests the inputs named on a command line into the database at `db`:
/// [`Sources`] over `inputs` (URLs and WARC records already stored are
/// skipped before fetching or extraction, and counted as duplicates), then
/// [`run`] with `pipeline`. `progress` is called for each document as it is
/// stored, skipped or failed; returning `Break` stops the ingest.
pub fn run_inputs(
    inputs: Vec<Input>,
    source_options: SourceOptions,
    db: &Path,
    pipeline: Arc<Pipeline>,
    options: &Options,
    progress: impl FnMut(Progress<'_>) -> ControlFlow<()>,
) -> Result<Report, IngestError> {
    let open_error = |source| IngestError::Open {
        path: db.to_path_buf(),
        source,
    };
    let store = Store::open(db).map_err(open_error)?;
    // Read-only connections answer "is this URL (text) stored?" while the
    // writer writes (WAL lets them coexist).
    let urls = Store::open_read_only(db).map_err(open_error)?;
    let hashes = Store::open_read_only(db).map_err(open_error)?;
    let skipped = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&skipped);
    let known_url = Box::new(move |id: &str| {
        let known = matches!(urls.document(id), Ok(Some(_)));
        if known {
            counter.fetch_add(1, Ordering::Relaxed);
        }
        known
    });
    let sources = Sources::new(inputs, source_options, known_url);
    let mut report = run(sources, pipeline, store, &hashes, options, progress)?;
    report.duplicates += skipped.load(Ordering::Relaxed);
    Ok(report)
}

/// Ingests every item of `sources` into `store`, with `lookup` (a
/// read-only connection to the same database) answering which texts are
/// stored already. See the module documentation for the threads; `progress`
/// is called on this thread, and returning `Break` stops the ingest after
/// what is queued for writing is stored.
///
/// Which of two identical texts is stored does not depend on timing: the
/// duplicate check runs in input order. Documents are written in the order
/// their analysis finishes.
pub fn run<S: Stages>(
    sources: impl Iterator<Item = SourceItem> + Send,
    stages: Arc<S>,
    store: Store,
    lookup: &Store,
    options: &Options,
    progress: impl FnMut(Progress<'_>) -> ControlFlow<()>,
) -> Result<Report, IngestError> {
    let workers = options.worker_count().max(1);
    let (events, inbox) = mpsc::channel::<Event>();
    let pool = Pool::start(workers, stages, &events).map_err(IngestError::Thread)?;
    // Room for a whole write batch: the analysis runs ahead while the
    // writer commits, and the writer then finds a full one.
    let (writes, write_queue) = mpsc::sync_channel::<WriteJob>(WRITE_BATCH);
    let (credits, credit_inbox) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        let reader_events = events.clone();
        let reader = std::thread::Builder::new()
            .name("sources".into())
            .spawn_scoped(scope, move || {
                read_sources(sources, &credit_inbox, &reader_events)
            })
            .map_err(IngestError::Thread)?;
        let writer_events = events.clone();
        let writer = std::thread::Builder::new()
            .name("writer".into())
            .spawn_scoped(scope, move || {
                writer::write_all(store, write_queue, &writer_events)
            })
            .map_err(IngestError::Thread)?;
        drop(events);
        let mut scheduler = Scheduler::new(pool, writes, credits, lookup, options, progress);
        let scheduled = scheduler.schedule(&inbox);
        // Closing the queues lets the writer finish what is queued and the
        // reader stop.
        let Scheduler {
            writes,
            credits,
            mut progress,
            mut report,
            ..
        } = scheduler;
        drop((writes, credits));
        let written = writer.join().unwrap_or(Err(IngestError::WriterFailed));
        // The writer's last commits, reported after it has finished (unless
        // the caller has asked to hear no more).
        let mut stopped = matches!(scheduled, Err(IngestError::Stopped));
        for event in inbox.try_iter() {
            match event {
                Event::Written(outcomes) if !stopped => {
                    for outcome in outcomes {
                        stopped |= report.count(outcome, &mut progress).is_break();
                    }
                }
                _ => {}
            }
        }
        let read = reader.join();
        // A writer error explains a scheduler's "writer stopped"; report it first.
        written?;
        scheduled?;
        read.map_err(|_| IngestError::SourcesFailed("the reader thread failed".into()))?;
        if stopped {
            return Err(IngestError::Stopped);
        }
        Ok(report)
    })
}

/// Documents read but not yet extracted, at most (per worker, plus one):
/// enough that a worker never waits for the reader.
const READ_AHEAD_PER_WORKER: usize = 2;

/// Documents extracted (or being extracted) but not yet analysed, at most:
/// bounds memory while one slow extraction holds back the in-order
/// duplicate check.
const MAX_EXTRACTED: usize = 64;

/// What the scheduling thread hears from the other threads.
enum Event {
    /// The next input of the stream.
    Read(SourceItem),
    /// The stream is exhausted (`Err`: it panicked, with the message).
    SourcesEnded(Result<(), String>),
    /// A worker extracted document `seq`.
    Extracted {
        worker: usize,
        seq: u64,
        result: Result<Keyed, Failure>,
    },
    /// A worker analysed document `seq` (with its text's fingerprint).
    Analysed {
        worker: usize,
        seq: u64,
        result: Result<(Box<Output>, u64), DocumentError>,
    },
    /// The writer committed a transaction (or refused documents).
    Written(Vec<writer::Outcome>),
}

/// A document extracted and keyed, ready for the duplicate check. Its
/// near-duplicate fingerprint waits for its analysis: only a document that
/// is stored needs one, and on a 50 MB page that is refused it cost more
/// than the sample that refuses it.
struct Keyed {
    document: Document,
    hash: String,
}

/// A document on a worker for analysis.
struct Analysing {
    id: String,
    meta: InsertMeta,
    deadline: Instant,
}

/// The reader thread: sends each item once the scheduler has room for it.
fn read_sources(
    sources: impl Iterator<Item = SourceItem>,
    credits: &mpsc::Receiver<()>,
    events: &mpsc::Sender<Event>,
) {
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        for item in sources {
            // No credit: the scheduler has stopped.
            if credits.recv().is_err() || events.send(Event::Read(item)).is_err() {
                return;
            }
        }
    }));
    let _ = events.send(Event::SourcesEnded(read.map_err(|p| panic_message(&*p))));
}

/// The scheduling thread's state.
struct Scheduler<'a, S: Stages, P> {
    pool: Pool<S>,
    writes: mpsc::SyncSender<WriteJob>,
    credits: mpsc::Sender<()>,
    lookup: &'a Store,
    max_analysis: Duration,
    progress: P,
    report: Report,
    /// Documents read, waiting for a worker to extract them.
    read: VecDeque<(u64, RawDocument)>,
    sources_ended: bool,
    /// The sequence number of the next document read.
    next_seq: u64,
    /// Extractions on workers.
    extracting: usize,
    /// Extracted documents waiting for their turn in the duplicate check.
    extracted: BTreeMap<u64, Result<Keyed, Failure>>,
    /// The next document in input order to be checked for duplicates.
    next_check: u64,
    /// Documents that passed the check, waiting for a worker.
    fresh: VecDeque<(u64, Keyed)>,
    /// Documents on workers for analysis, not yet given up.
    analysing: HashMap<u64, Analysing>,
    /// Texts sent to analysis in this run: the lookup connection cannot see
    /// them until the writer commits.
    queued: HashSet<String>,
    /// Copies (ids) of texts whose original is still being analysed: they
    /// are recorded after it, as the original may be stored.
    copies: HashMap<String, Vec<String>>,
}

impl<'a, S: Stages, P: FnMut(Progress<'_>) -> ControlFlow<()>> Scheduler<'a, S, P> {
    fn new(
        pool: Pool<S>,
        writes: mpsc::SyncSender<WriteJob>,
        credits: mpsc::Sender<()>,
        lookup: &'a Store,
        options: &Options,
        progress: P,
    ) -> Self {
        Scheduler {
            pool,
            writes,
            credits,
            lookup,
            max_analysis: options.max_analysis,
            progress,
            report: Report::default(),
            read: VecDeque::new(),
            sources_ended: false,
            next_seq: 0,
            extracting: 0,
            extracted: BTreeMap::new(),
            next_check: 0,
            fresh: VecDeque::new(),
            analysing: HashMap::new(),
            queued: HashSet::new(),
            copies: HashMap::new(),
        }
    }

    /// Runs until every input is stored, skipped or failed.
    fn schedule(&mut self, inbox: &mpsc::Receiver<Event>) -> Result<(), IngestError> {
        let read_ahead = self.pool.size() * READ_AHEAD_PER_WORKER + 1;
        for _ in 0..read_ahead {
            let _ = self.credits.send(());
        }
        loop {
            self.dispatch();
            if self.is_done() {
                return Ok(());
            }
            let event = match self.analysing.values().map(|a| a.deadline).min() {
                Some(deadline) => {
                    match inbox.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                        Ok(event) => event,
                        Err(mpsc::RecvTimeoutError::Timeout) => {
                            self.give_up_overdue()?;
                            continue;
                        }
                        Err(mpsc::RecvTimeoutError::Disconnected) => {
                            return Err(IngestError::WriterStopped)
                        }
                    }
                }
                None => inbox.recv().map_err(|_| IngestError::WriterStopped)?,
            };
            self.handle(event)?;
        }
    }

    fn is_done(&self) -> bool {
        self.sources_ended
            && self.read.is_empty()
            && self.extracting == 0
            && self.extracted.is_empty()
            && self.fresh.is_empty()
            && self.analysing.is_empty()
    }

    /// Gives idle workers work: analyses first (they free memory), then
    /// extractions while the extracted-but-unanalysed documents are few.
    fn dispatch(&mut self) {
        while self.pool.has_idle() {
            if let Some((seq, keyed)) = self.fresh.pop_front() {
                let started = Instant::now();
                let deadline = started + self.max_analysis;
                self.analysing.insert(
                    seq,
                    Analysing {
                        id: keyed.document.id.clone(),
                        meta: InsertMeta {
                            content_hash: keyed.hash,
                            fingerprint: None,
                        },
                        deadline,
                    },
                );
                self.pool.give(Job::Analyse {
                    seq,
                    document: keyed.document,
                    started,
                    limit: self.max_analysis,
                });
                continue;
            }
            let pending = self.extracting + self.extracted.len() + self.fresh.len();
            if pending >= MAX_EXTRACTED {
                return;
            }
            let Some((seq, document)) = self.read.pop_front() else {
                return;
            };
            self.extracting += 1;
            self.pool.give(Job::Extract(seq, Box::new(document)));
            // Room for one more read.
            let _ = self.credits.send(());
        }
    }

    fn handle(&mut self, event: Event) -> Result<(), IngestError> {
        match event {
            Event::Read(SourceItem::Document(document)) => {
                self.read.push_back((self.next_seq, document));
                self.next_seq += 1;
            }
            Event::Read(SourceItem::Failed { origin, reason }) => {
                let _ = self.credits.send(());
                self.fail(origin, DocumentError::Source(reason))?;
            }
            Event::SourcesEnded(Ok(())) => self.sources_ended = true,
            Event::SourcesEnded(Err(message)) => return Err(IngestError::SourcesFailed(message)),
            Event::Extracted {
                worker,
                seq,
                result,
            } => {
                self.pool.idle(worker);
                self.extracting -= 1;
                self.extracted.insert(seq, result);
                self.check_in_order()?;
            }
            Event::Analysed {
                worker,
                seq,
                result,
            } => {
                self.pool.idle(worker);
                // Absent: given up at its deadline; the result is dropped.
                if let Some(analysing) = self.analysing.remove(&seq) {
                    self.analysed(analysing, result)?;
                }
            }
            Event::Written(outcomes) => {
                for outcome in outcomes {
                    if self.report.count(outcome, &mut self.progress).is_break() {
                        return Err(IngestError::Stopped);
                    }
                }
            }
        }
        Ok(())
    }

    /// The duplicate check, in input order, of every extracted document
    /// whose turn has come.
    fn check_in_order(&mut self) -> Result<(), IngestError> {
        while let Some(result) = self.extracted.remove(&self.next_check) {
            let seq = self.next_check;
            self.next_check += 1;
            let keyed = match result {
                Ok(keyed) => keyed,
                Err(Failure { origin, error }) => {
                    self.fail(origin, error)?;
                    continue;
                }
            };
            if self.queued.contains(&keyed.hash) {
                let (id, hash) = (keyed.document.id, keyed.hash);
                self.duplicate(&id)?;
                match self.copies.get_mut(&hash) {
                    Some(copies) => copies.push(id),
                    None => self.write(WriteJob::Duplicate { id, hash })?,
                }
            } else if self.lookup.find_hash(&keyed.hash)?.is_some() {
                let (id, hash) = (keyed.document.id, keyed.hash);
                self.duplicate(&id)?;
                self.write(WriteJob::Duplicate { id, hash })?;
            } else {
                self.queued.insert(keyed.hash.clone());
                self.copies.insert(keyed.hash.clone(), Vec::new());
                self.fresh.push_back((seq, keyed));
            }
        }
        Ok(())
    }

    /// Queues an analysed document for writing (or reports its failure),
    /// then the copies met while it was analysed.
    fn analysed(
        &mut self,
        analysing: Analysing,
        result: Result<(Box<Output>, u64), DocumentError>,
    ) -> Result<(), IngestError> {
        let hash = analysing.meta.content_hash.clone();
        match result {
            Ok((output, fingerprint)) => {
                let meta = InsertMeta {
                    fingerprint: Some(fingerprint),
                    ..analysing.meta
                };
                self.write(WriteJob::Insert(output, meta))?
            }
            Err(error) => self.fail(analysing.id, error)?,
        }
        self.release_copies(&hash)
    }

    /// Reports every analysis past its deadline as failed. Its worker stays
    /// busy until the stages next check the budget (milliseconds).
    fn give_up_overdue(&mut self) -> Result<(), IngestError> {
        let now = Instant::now();
        let mut overdue: Vec<u64> = self
            .analysing
            .iter()
            .filter(|(_, a)| a.deadline <= now)
            .map(|(&seq, _)| seq)
            .collect();
        overdue.sort_unstable();
        for seq in overdue {
            if let Some(analysing) = self.analysing.remove(&seq) {
                let hash = analysing.meta.content_hash.clone();
                self.fail(analysing.id, DocumentError::Overrun(self.max_analysis))?;
                self.release_copies(&hash)?;
            }
        }
        Ok(())
    }

    /// Records the copies of `hash` met while its original was analysed.
    fn release_copies(&mut self, hash: &str) -> Result<(), IngestError> {
        for id in self.copies.remove(hash).unwrap_or_default() {
            let hash = hash.to_string();
            self.write(WriteJob::Duplicate { id, hash })?;
        }
        Ok(())
    }

    fn write(&mut self, job: WriteJob) -> Result<(), IngestError> {
        self.writes
            .send(job)
            .map_err(|_| IngestError::WriterStopped)
    }

    fn duplicate(&mut self, id: &str) -> Result<(), IngestError> {
        self.report.duplicates += 1;
        match (self.progress)(Progress::Duplicate(id)) {
            ControlFlow::Continue(()) => Ok(()),
            ControlFlow::Break(()) => Err(IngestError::Stopped),
        }
    }

    fn fail(&mut self, origin: String, error: DocumentError) -> Result<(), IngestError> {
        let failure = writer::Outcome::Failed(Failure { origin, error });
        match self.report.count(failure, &mut self.progress) {
            ControlFlow::Continue(()) => Ok(()),
            ControlFlow::Break(()) => Err(IngestError::Stopped),
        }
    }
}

impl Report {
    /// Counts one outcome and tells the caller.
    fn count(
        &mut self,
        outcome: writer::Outcome,
        progress: &mut impl FnMut(Progress<'_>) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        match outcome {
            writer::Outcome::Stored(id) => {
                self.added += 1;
                progress(Progress::Stored(&id))
            }
            writer::Outcome::Renamed { id, stored_as } => {
                self.added += 1;
                let flow = progress(Progress::Stored(&stored_as));
                self.renamed.push((id, stored_as));
                flow
            }
            writer::Outcome::Duplicate(id) => {
                self.duplicates += 1;
                progress(Progress::Duplicate(&id))
            }
            writer::Outcome::Failed(failure) => {
                let flow = progress(Progress::Failed(&failure));
                self.failed.push(failure);
                flow
            }
        }
    }
}

/// Extracts one document and computes its duplicate keys (on a worker). A
/// failure is named by the document's input, as it has no id yet.
fn extract_keyed<S: Stages>(stages: &S, raw: &RawDocument) -> Result<Keyed, Failure> {
    let failed = |error| Failure {
        origin: raw.origin.clone(),
        error,
    };
    let keyed = catch_panic(|| {
        stages.extract(raw).map(|document| Keyed {
            hash: content_hash(document.text()),
            document,
        })
    });
    keyed.map_err(failed)?.map_err(|e| failed(e.into()))
}

/// Runs one stage on one document, turning a panic (a bug in a stage) into
/// an error for that document, so one bad page never ends a batch.
fn catch_panic<T>(stage: impl FnOnce() -> T) -> Result<T, DocumentError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(stage))
        .map_err(|payload| DocumentError::Panicked(panic_message(&*payload)))
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}
