//! `newsgraph ingest`: sources → extraction and analysis on all cores → one
//! writer → the store.
//!
//! Resumable by construction: every document is written whole or not at
//! all (in transactions of up to [`WRITE_BATCH`] documents), exact copies
//! are recognised by content hash before the expensive analysis, and
//! URL-named inputs (HTTP pages, WARC records) that are already stored are
//! skipped before they are fetched or extracted. So
//! re-running an interrupted ingest on the same input adds exactly what is
//! missing, and a killed ingest never leaves half a document behind.

use super::DbArgs;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use ingest::{content_hash, simhash, HttpOptions, Input, SourceItem, SourceOptions, Sources};
use model::contract::Output;
use model::Document;
use pipeline::Pipeline;
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;
use store::{InsertMeta, Inserted, Store};

/// Arguments of `newsgraph ingest`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Inputs:\n\
    \x20 files          HTML or text, sniffed, any encoding\n\
    \x20 directories    every file below, recursively, in name order\n\
    \x20 *.jsonl        one record {\"id\", \"html\"|\"text\", \"url\"?, \"published\"?} per line\n\
    \x20 *.warc[.gz]    response records (CC-NEWS style), named by WARC-Target-URI\n\
    \x20 *.rss, *.atom  feeds (and .xml files that are feeds): item links are fetched\n\
    \x20 http(s)://...  a page, or a feed whose item links are fetched\n\n\
    Documents whose text is already stored are skipped as duplicates, and stored\n\
    URLs are not fetched again, so re-running an interrupted ingest adds exactly\n\
    what is missing. Bad inputs are reported and skipped. Exits non-zero only if\n\
    nothing could be read.")]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
    /// Files, directories, .jsonl, .warc(.gz), feeds and http(s) URLs.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Refuse input files and WARC records larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024, value_name = "BYTES")]
    pub max_bytes: u64,
    /// Give up on a document whose analysis takes longer than this
    /// (milliseconds): it is reported as failed and the batch goes on. (The
    /// analysis runs on a worker thread that cannot be interrupted; an
    /// overrun worker finishes in the background and its result is dropped.)
    #[arg(long, default_value_t = 20_000, value_name = "MS")]
    pub max_analysis_ms: u64,
    /// Timeout of one HTTP request, body included (seconds).
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    pub http_timeout: u64,
    /// Refuse HTTP bodies larger than this many bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024, value_name = "BYTES")]
    pub max_http_bytes: u64,
    /// HTTP requests in flight at once.
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub max_connections: usize,
    /// Follow at most this many item links per feed.
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    pub max_feed_items: usize,
    /// Print the id of each document on stdout as soon as it is stored
    /// (committed), one per line.
    #[arg(long)]
    pub list: bool,
}

/// What an ingest did, for the summary.
#[derive(Debug, Default)]
pub struct Summary {
    /// Documents stored.
    pub added: usize,
    /// Documents skipped because their text (or URL) was already stored.
    pub duplicates: usize,
    /// Inputs that failed, with the reason.
    pub failed: Vec<(String, String)>,
}

/// How many documents are extracted and analysed in parallel between writes.
const BATCH: usize = 64;

/// Consecutive write failures after which the database, not the input, is
/// taken to be the problem and the ingest stops.
const MAX_STORE_FAILURES_IN_A_ROW: usize = 20;

/// Runs `newsgraph ingest`.
pub fn run(args: Args) -> Result<ExitCode> {
    let path = args.db.path()?;
    let store = args.db.open()?;
    // A second connection answers "is this URL stored?" while the first
    // writes (WAL lets them coexist).
    let open_reader = || {
        Store::open_read_only(&path)
            .map_err(|e| anyhow::anyhow!("cannot open the database {}: {e}", path.display()))
    };
    let lookup = open_reader()?;
    let hashes = open_reader()?;
    let skipped_known = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = Arc::clone(&skipped_known);
    let known_url = Box::new(move |id: &str| {
        let known = matches!(lookup.document(id), Ok(Some(_)));
        if known {
            counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        known
    });
    let options = SourceOptions {
        max_bytes: args.max_bytes,
        http: Some(HttpOptions {
            timeout: Duration::from_secs(args.http_timeout.max(1)),
            max_bytes: args.max_http_bytes,
            max_connections: args.max_connections.max(1),
            ..HttpOptions::default()
        }),
        max_feed_items: args.max_feed_items,
    };
    let inputs: Vec<Input> = args.inputs.iter().map(|p| Input::parse(p)).collect();
    let progress = progress_bar(&inputs);
    let sources = Sources::new(inputs, options, known_url);
    let pipeline = Arc::new(Pipeline::embedded()?.with_limits(pipeline::Limits {
        max_bytes: usize::try_from(args.max_bytes).unwrap_or(usize::MAX),
    }));
    let limits = IngestLimits {
        max_analysis: Duration::from_millis(args.max_analysis_ms.max(1)),
        list: args.list,
    };
    let mut summary = ingest_items(&pipeline, store, &hashes, sources, &limits, &progress)?;
    progress.finish_and_clear();
    summary.duplicates += skipped_known.load(std::sync::atomic::Ordering::Relaxed);
    eprintln!(
        "ingested into {}: {} added, {} duplicates skipped, {} failed",
        path.display(),
        summary.added,
        summary.duplicates,
        summary.failed.len()
    );
    for (origin, reason) in &summary.failed {
        eprintln!("  failed: {origin}: {reason}");
    }
    let nothing_read = summary.added == 0 && summary.duplicates == 0;
    Ok(if nothing_read {
        eprintln!("error: no document could be read");
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Per-document limits and output switches of an ingest.
#[derive(Debug, Clone)]
pub struct IngestLimits {
    /// Longest analysis of one document before it is given up.
    pub max_analysis: Duration,
    /// Print each stored id on stdout.
    pub list: bool,
}

/// A document extracted and keyed, ready for the duplicate check.
struct Keyed {
    document: Document,
    hash: String,
    fingerprint: u64,
}

/// What the writer thread is asked to do, in order.
enum WriteJob {
    /// Store an analysed document.
    Insert(Box<Output>, InsertMeta),
    /// Record that `id` was an exact copy of a stored text.
    Duplicate { id: String, hash: String },
}

/// Ingests every item of `sources` into the store at `store`.
///
/// Three stages overlap: this thread reads the sources and checks
/// duplicates (on a read-only connection, `lookup`), the rayon pool extracts
/// and analyses a batch at a time, and one writer thread owns the writing
/// connection and commits what is queued, many documents per transaction,
/// while the next batch is analysed.
pub fn ingest_items(
    pipeline: &Arc<Pipeline>,
    store: Store,
    lookup: &Store,
    sources: impl Iterator<Item = SourceItem>,
    limits: &IngestLimits,
    progress: &ProgressBar,
) -> Result<Summary> {
    // Room for a whole write batch: the analysis runs a few batches ahead
    // while the writer commits, and the writer then finds a full one.
    let (jobs, queue) = mpsc::sync_channel::<WriteJob>(WRITE_BATCH);
    let writer = {
        let progress = progress.clone();
        let list = limits.list;
        std::thread::Builder::new()
            .name("writer".into())
            .spawn(move || write_all(store, queue, list, &progress))?
    };
    let read = read_and_analyse(pipeline, lookup, sources, limits, progress, &jobs);
    // Closing the queue lets the writer finish what is queued.
    drop(jobs);
    let written = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the writer thread failed"))?;
    // A writer error explains a read-side "queue closed" error; report it first.
    let written = written?;
    let mut summary = read?;
    summary.added += written.added;
    summary.duplicates += written.duplicates;
    summary.failed.extend(written.failed);
    Ok(summary)
}

/// Reads, deduplicates, extracts and analyses; queues the writes.
fn read_and_analyse(
    pipeline: &Arc<Pipeline>,
    lookup: &Store,
    sources: impl Iterator<Item = SourceItem>,
    limits: &IngestLimits,
    progress: &ProgressBar,
    jobs: &mpsc::SyncSender<WriteJob>,
) -> Result<Summary> {
    let queue_closed = || anyhow::anyhow!("the writer stopped");
    let mut summary = Summary::default();
    let mut items = sources.peekable();
    let mut batch: Vec<SourceItem> = Vec::with_capacity(BATCH);
    // Texts queued for writing in this run: the lookup connection cannot see
    // them until the writer commits.
    let mut queued: HashSet<String> = HashSet::new();
    while items.peek().is_some() {
        batch.clear();
        batch.extend(items.by_ref().take(BATCH));
        let extracted: Vec<Result<Keyed, (String, String)>> = batch
            .par_iter()
            .map(|item| extract_keyed(pipeline, item))
            .collect();
        let mut fresh: Vec<Keyed> = Vec::new();
        let mut copies_of_queued: Vec<WriteJob> = Vec::new();
        for result in extracted {
            match result {
                Ok(keyed) if queued.contains(&keyed.hash) => {
                    progress.inc(1);
                    summary.duplicates += 1;
                    // Recorded after this batch's inserts, which may hold
                    // the original.
                    let (id, hash) = (keyed.document.id, keyed.hash);
                    copies_of_queued.push(WriteJob::Duplicate { id, hash });
                }
                Ok(keyed) if lookup.find_hash(&keyed.hash)?.is_some() => {
                    progress.inc(1);
                    summary.duplicates += 1;
                    let (id, hash) = (keyed.document.id, keyed.hash);
                    jobs.send(WriteJob::Duplicate { id, hash })
                        .map_err(|_| queue_closed())?;
                }
                Ok(keyed) => {
                    queued.insert(keyed.hash.clone());
                    fresh.push(keyed);
                }
                Err((origin, reason)) => {
                    progress.inc(1);
                    progress.println(format!("failed: {origin}: {reason}"));
                    summary.failed.push((origin, reason));
                }
            }
        }
        let analysed: Vec<(Result<Output, String>, Keyed)> = fresh
            .into_par_iter()
            .map(|keyed| (analyse_within(pipeline, &keyed, limits.max_analysis), keyed))
            .collect();
        for (output, keyed) in analysed {
            match output {
                Ok(output) => {
                    let meta = InsertMeta {
                        content_hash: keyed.hash,
                        fingerprint: Some(keyed.fingerprint),
                    };
                    jobs.send(WriteJob::Insert(Box::new(output), meta))
                        .map_err(|_| queue_closed())?;
                }
                Err(reason) => {
                    progress.inc(1);
                    progress.println(format!("failed: {}: {reason}", keyed.document.id));
                    summary.failed.push((keyed.document.id.clone(), reason));
                }
            }
        }
        for job in copies_of_queued {
            jobs.send(job).map_err(|_| queue_closed())?;
        }
    }
    Ok(summary)
}

/// Most documents the writer commits in one transaction (at 20,000
/// documents, 256 took 10% less CPU than 64 and a third less wall time: the
/// writer is the pipeline's one serial stage). Each is still stored whole
/// or not at all; a kill loses at most the uncommitted batch, which a
/// restart adds again.
const WRITE_BATCH: usize = 256;

/// The writer thread: stores what is queued in transactions of up to
/// [`WRITE_BATCH`] documents (one commit rewrites the shared index and
/// aggregate pages once, not once per document) and, with `list`, prints
/// each stored id only after its transaction is committed.
fn write_all(
    store: Store,
    queue: mpsc::Receiver<WriteJob>,
    list: bool,
    progress: &ProgressBar,
) -> Result<Summary> {
    let mut writer = Writer {
        store,
        list,
        progress,
        stdout: std::io::stdout().lock(),
        summary: Summary::default(),
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
    Ok(writer.summary)
}

/// The writer thread's state: the connection, documents not yet stored,
/// and what was done so far.
struct Writer<'p> {
    store: Store,
    list: bool,
    progress: &'p ProgressBar,
    stdout: std::io::StdoutLock<'static>,
    summary: Summary,
    failures_in_a_row: usize,
    pending: Vec<(Box<Output>, InsertMeta)>,
}

impl Writer<'_> {
    /// Queues an insert, or records a duplicate after storing what is
    /// pending (the copy's original may be among it).
    fn take(&mut self, job: WriteJob) -> Result<()> {
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
    fn flush(&mut self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        let documents: Vec<(&Output, &InsertMeta)> =
            pending.iter().map(|(o, m)| (o.as_ref(), m)).collect();
        let results = self.store.insert_batch(&documents)?;
        for ((output, _), result) in pending.iter().zip(results) {
            self.progress.inc(1);
            match result {
                Ok(Inserted::Added) => {
                    self.failures_in_a_row = 0;
                    self.summary.added += 1;
                    if self.list {
                        writeln!(self.stdout, "{}", output.document.id)?;
                    }
                }
                Ok(Inserted::Duplicate(_)) => self.summary.duplicates += 1,
                Err(e) => {
                    self.failures_in_a_row += 1;
                    if self.failures_in_a_row >= MAX_STORE_FAILURES_IN_A_ROW {
                        return Err(anyhow::anyhow!(
                            "the database refused {MAX_STORE_FAILURES_IN_A_ROW} documents in a row; last: {e}"
                        ));
                    }
                    let reason = format!("could not be stored: {e}");
                    self.progress
                        .println(format!("failed: {}: {reason}", output.document.id));
                    self.summary
                        .failed
                        .push((output.document.id.clone(), reason));
                }
            }
        }
        if self.list {
            self.stdout.flush()?;
        }
        self.pending = pending;
        self.pending.clear();
        Ok(())
    }
}

/// Extracts one item's article and computes its dedup keys.
fn extract_keyed(pipeline: &Pipeline, item: &SourceItem) -> Result<Keyed, (String, String)> {
    let doc = match item {
        SourceItem::Failed { origin, reason } => return Err((origin.clone(), reason.clone())),
        SourceItem::Document(doc) => doc,
    };
    let input = pipeline::Input {
        id: doc.id.clone(),
        bytes: &doc.bytes,
        url: doc.url.clone(),
        published: doc.published,
        kind: doc.kind,
        declared_charset: doc.declared_charset.clone(),
        verbatim: false,
    };
    let document = catch_panic(|| pipeline.extract(&input))
        .map_err(|reason| (doc.origin.clone(), reason))?
        .map_err(|e| (doc.origin.clone(), e.to_string()))?;
    Ok(Keyed {
        hash: content_hash(document.text()),
        fingerprint: simhash(document.text()),
        document,
    })
}

/// Runs one stage on one document, turning a panic (a bug in a stage) into
/// an error for that document, so one bad page never ends a batch.
fn catch_panic<T>(stage: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(stage)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        format!("the analysis failed on this input (a newsgraph bug, please report it): {message}")
    })
}

/// Analyses one document on a worker thread and waits at most `limit`.
///
/// The stages are pure and synchronous, so they cannot be interrupted: a
/// document over the limit is reported as failed and its worker is left to
/// finish on its own (its result is dropped). The limit keeps one
/// pathological page from stalling a batch.
fn analyse_within(
    pipeline: &Arc<Pipeline>,
    keyed: &Keyed,
    limit: Duration,
) -> Result<Output, String> {
    let (tx, rx) = mpsc::sync_channel(1);
    let worker_pipeline = Arc::clone(pipeline);
    let document = keyed.document.clone();
    let spawned = std::thread::Builder::new()
        .name("analysis".into())
        .spawn(move || {
            let output = catch_panic(|| worker_pipeline.analyze_document(document).to_contract());
            // The receiver may have given up; then nobody wants this.
            let _ = tx.send(output);
        });
    if let Err(e) = spawned {
        return Err(format!("cannot start an analysis thread: {e}"));
    }
    match rx.recv_timeout(limit) {
        Ok(output) => output,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!(
            "analysis took longer than {} ms; given up (raise it with --max-analysis-ms)",
            limit.as_millis()
        )),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err("the analysis failed (internal error)".to_string())
        }
    }
}

/// A progress bar on a terminal, nothing otherwise. When every input is a
/// plain file the total is known up front (counted without reading), so the
/// bar shows documents/s and an ETA; otherwise a spinner shows documents/s.
fn progress_bar(inputs: &[Input]) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match ingest::count_plain_files(inputs) {
        Some(total) => {
            let bar = ProgressBar::new(total);
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} documents  {per_sec}  ETA {eta}  {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        }
        None => {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {pos} documents  {per_sec}  {elapsed}  {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        }
    };
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
