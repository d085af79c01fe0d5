//! `newsgraph ingest`: sources → analysis on all cores → one writer → the store.

use super::DbArgs;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use ingest::{content_hash, walk, SourceItem, WalkOptions};
use model::Document;
use pipeline::Pipeline;
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use store::{Inserted, Store};

/// Arguments of `newsgraph ingest`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Files are read as HTML or text (sniffed, any encoding); .jsonl files as\n\
    one record {\"id\", \"html\"|\"text\", \"url\"?, \"published\"?} per line. Documents whose\n\
    text is already stored are skipped as duplicates, so re-running an interrupted\n\
    ingest adds exactly what is missing. Exits non-zero only if nothing could be read."
)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
    /// Files, directories (recursively) and .jsonl batches.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Refuse input files larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024, value_name = "BYTES")]
    pub max_bytes: u64,
}

/// What an ingest did, for the summary.
#[derive(Debug, Default)]
pub struct Summary {
    /// Documents stored.
    pub added: usize,
    /// Documents skipped because their text was already stored.
    pub duplicates: usize,
    /// Inputs that failed, with the reason.
    pub failed: Vec<(String, String)>,
}

/// How many documents are analysed in parallel between writes.
const BATCH: usize = 64;

/// Runs `newsgraph ingest`.
pub fn run(args: Args) -> Result<ExitCode> {
    let mut store = args.db.open()?;
    let pipeline = Pipeline::embedded();
    let summary = ingest_paths(&pipeline, &mut store, &args.paths, args.max_bytes)?;
    eprintln!(
        "ingested into {}: {} added, {} duplicates skipped, {} failed",
        args.db.path()?.display(),
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

/// Ingests every document under `paths` into `store`.
pub fn ingest_paths(
    pipeline: &Pipeline,
    store: &mut Store,
    paths: &[PathBuf],
    max_bytes: u64,
) -> Result<Summary> {
    let progress = progress_bar();
    let mut summary = Summary::default();
    let mut items = walk(paths, &WalkOptions {
            max_bytes,
            ..WalkOptions::default()
        }).peekable();
    let mut batch: Vec<SourceItem> = Vec::with_capacity(BATCH);
    while items.peek().is_some() {
        batch.clear();
        batch.extend(items.by_ref().take(BATCH));
        // Extraction in parallel, the duplicate check against the store in
        // this thread (the connection is not shared), then the NLP stages in
        // parallel on what is new, then one writer.
        let extracted: Vec<Result<Document, (String, String)>> = batch
            .par_iter()
            .map(|item| match item {
                SourceItem::Failed { origin, reason } => Err((origin.clone(), reason.clone())),
                SourceItem::Document(doc) => pipeline
                    .extract(&super::input_of(doc))
                    .map_err(|e| (doc.origin.clone(), e.to_string())),
            })
            .collect();
        let mut fresh: Vec<(Document, String)> = Vec::new();
        for result in extracted {
            progress.inc(1);
            match result {
                Ok(document) => {
                    let hash = content_hash(document.text());
                    let seen = fresh.iter().any(|(_, h)| *h == hash);
                    if seen || store.find_hash(&hash)?.is_some() {
                        summary.duplicates += 1;
                    } else {
                        fresh.push((document, hash));
                    }
                }
                Err((origin, reason)) => {
                    progress.println(format!("failed: {origin}: {reason}"));
                    summary.failed.push((origin, reason));
                }
            }
        }
        let analysed: Vec<(model::contract::Output, String)> = fresh
            .into_par_iter()
            .map(|(document, hash)| (pipeline.analyze_document(document).to_contract(), hash))
            .collect();
        for (output, hash) in analysed {
            match store.insert(&output, &hash)? {
                Inserted::Added => summary.added += 1,
                Inserted::Duplicate(_) => summary.duplicates += 1,
            }
        }
    }
    progress.finish_and_clear();
    Ok(summary)
}

fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} documents  {per_sec}  {elapsed}  {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}
