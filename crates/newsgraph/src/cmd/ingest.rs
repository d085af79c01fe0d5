//! `newsgraph ingest`: flags, the progress bar and the summary around
//! [`ingest::run_inputs`], which does the work (the `ingest` crate's
//! scheduler: a fixed pool of workers and one writer).

use super::DbArgs;
use anyhow::Result;
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use ingest::{HttpOptions, Input, Progress, SourceOptions};
use std::io::{IsTerminal, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Arguments of `newsgraph ingest`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Inputs:\n\
    \x20 files          HTML or text, sniffed, any encoding\n\
    \x20 directories    every file below, recursively, in name order\n\
    \x20 *.jsonl        one record {\"id\", \"html\"|\"text\", \"url\"?, \"published\"?} per line\n\
    \x20 *.warc[.gz]    response records (CC-NEWS style), named by WARC-Target-URI\n\
    \x20 *.rss, *.atom  feeds (and .xml files that are feeds): item links are fetched\n\
    \x20 http(s)://...  a page, or a feed whose item links are fetched\n\
    \x20 -              standard input, one document named `stdin`\n\n\
    Documents whose text is already stored are skipped as duplicates, and stored\n\
    URLs are not fetched again, so re-running an interrupted ingest adds exactly\n\
    what is missing. Bad inputs are reported and skipped. Exits non-zero only if\n\
    no document was stored or found stored already.")]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
    /// Files, directories, .jsonl, .warc(.gz), feeds, http(s) URLs, or `-`
    /// for standard input.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) of the documents that carry none of
    /// their own (plain files, standard input; JSON Lines records and feed
    /// items keep theirs): relative dates ("Monday") resolve against it, and
    /// the events get a date. As with `analyze`, it overrides a date found
    /// in a page.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date_arg)]
    pub published: Option<NaiveDate>,
    #[command(flatten)]
    pub analysis: super::AnalysisArgs,
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
    /// Documents extracted and analysed at once (worker threads; a writer
    /// thread stores what they finish). Default: one per core this process
    /// may run on.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

/// Runs `newsgraph ingest`.
pub fn run(args: Args) -> Result<ExitCode> {
    // A batch may hold long documents, and its start-up is shared.
    crate::prefer_small_pages();
    crate::keep_freed_memory_for_reuse();
    let path = args.db.path()?;
    let source_options = SourceOptions {
        max_bytes: args.analysis.max_bytes,
        http: Some(HttpOptions {
            timeout: Duration::from_secs(args.http_timeout.max(1)),
            max_bytes: args.max_http_bytes,
            max_connections: args.max_connections.max(1),
            ..HttpOptions::default()
        }),
        max_feed_items: args.max_feed_items,
        published: args.published,
    };
    let inputs: Vec<Input> = args.inputs.iter().map(|p| Input::parse(p)).collect();
    let progress = progress_bar(&inputs);
    let pipeline = Arc::new(args.analysis.pipeline()?);
    let options = ingest::Options {
        max_analysis: args.analysis.max_analysis(),
        workers: args.jobs.map_or(0, usize::from),
    };
    let mut stdout = std::io::stdout().lock();
    let mut list_error = None;
    let on_progress = |event: Progress<'_>| {
        progress.inc(1);
        match event {
            // Printed only once committed: a killed ingest never listed an
            // id that is not stored.
            Progress::Stored(id) if args.list => {
                if let Err(e) = writeln!(stdout, "{id}").and_then(|()| stdout.flush()) {
                    list_error = Some(e);
                    return ControlFlow::Break(());
                }
            }
            Progress::Failed(failure) => {
                progress.println(format!("failed: {}: {}", failure.origin, failure.error));
            }
            Progress::Stored(_) | Progress::Duplicate(_) => {}
        }
        ControlFlow::Continue(())
    };
    let report = ingest::run_inputs(
        inputs,
        source_options,
        &path,
        pipeline,
        &options,
        on_progress,
    );
    progress.finish_and_clear();
    let report = match (report, list_error) {
        (Err(ingest::IngestError::Stopped), Some(e)) => return Err(e.into()),
        (report, _) => report?,
    };
    eprintln!(
        "ingested into {}: {} added, {} duplicates skipped, {} failed",
        path.display(),
        report.added,
        report.duplicates,
        report.failed.len()
    );
    for failure in &report.failed {
        eprintln!("  failed: {}: {}", failure.origin, failure.error);
    }
    for (id, stored_as) in &report.renamed {
        eprintln!(
            "warning: the id {id:?} was taken by another text; this document was stored as {stored_as:?}"
        );
    }
    let nothing_stored = report.added == 0 && report.duplicates == 0;
    Ok(if nothing_stored {
        // A refused document was read: say what happened, not "unreadable".
        match report.failed.len() {
            0 => eprintln!("error: no document was found in the inputs"),
            n => eprintln!(
                "error: nothing was stored: {} failed (the reasons are above)",
                if n == 1 {
                    "the one document".to_string()
                } else {
                    format!("all {n} documents")
                }
            ),
        }
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
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
