//! `newsgraph analyze`: one article (or a JSON Lines batch) → newsgraph/1 JSON.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use ingest::{parse_jsonl_bytes, RawDocument};
use pipeline::{Budget, Input, OverBudget, Pipeline, PipelineError};
use rayon::prelude::*;
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `newsgraph analyze`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  \
    newsgraph analyze --published 2022-03-13 article.txt\n  \
    curl -s https://example.org/story | newsgraph analyze --url https://example.org/story -\n  \
    newsgraph analyze --jsonl batch.jsonl > analyses.jsonl")]
pub struct Args {
    /// The article file (HTML or plain text, any encoding), or `-` for standard input.
    #[arg(value_name = "FILE|-")]
    pub input: PathBuf,
    /// Publication date (YYYY-MM-DD); relative dates ("Monday") resolve against it.
    /// Overrides a date found in the page.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date_arg)]
    pub published: Option<NaiveDate>,
    /// The article's URL.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Read JSON Lines records {"id", "html"|"text", "url"?, "published"?} and
    /// print one JSON object per record, in input order.
    #[arg(long)]
    pub jsonl: bool,
    /// Analyse plain text exactly as given: no page-chrome stripping or
    /// trimming, so offsets line up with the input text (for evaluations).
    #[arg(long)]
    pub verbatim: bool,
    /// Print JSON on one line even for a single document.
    #[arg(long)]
    pub compact: bool,
    #[command(flatten)]
    pub analysis: super::AnalysisArgs,
}

/// The budget of one document's analysis: `--max-analysis-ms` from now,
/// refused earlier when its pace shows it is expected to take longer.
fn budget(args: &Args) -> Budget {
    let started = Instant::now();
    Budget::limited(args.analysis.max_analysis(), move || started.elapsed())
}

/// Why a document was not analysed, in words that say what to do.
fn reason(error: &PipelineError, args: &Args) -> String {
    match error {
        PipelineError::OverBudget(OverBudget::Spent) => format!(
            "its analysis took longer than {} ms and was stopped, nothing printed \
             (raise the limit with --max-analysis-ms)",
            args.analysis.max_analysis_ms()
        ),
        PipelineError::OverBudget(OverBudget::Projected { estimate }) => format!(
            "its analysis would take {}, over the {} ms limit: refused early, nothing \
             printed (raise the limit with --max-analysis-ms)",
            OverBudget::estimate_words(*estimate),
            args.analysis.max_analysis_ms()
        ),
        PipelineError::OverBudget(e @ OverBudget::TooLong { .. }) => e.to_string(),
        PipelineError::Extract(e) => e.to_string(),
    }
}

/// A text at least this long has its freed memory given back to the
/// system at once while it is analysed (`purge_freed_memory_promptly`):
/// the 53 MB page (47 MB of text) peaked at 995 MB with mimalloc's default
/// 10 ms, at about 850 MB with 1 ms. A shorter text keeps the default: its
/// peak is far from the bound, and giving memory back at once cost the page
/// of 400,000 paragraphs (16 MB of text) 0.2 of its 3.9 CPU-seconds
/// in system time (docs/measurements.md, ⁹³).
const PROMPT_PURGE_TEXT_BYTES: usize = 32 << 20;

/// Runs `newsgraph analyze`.
pub fn run(args: Args) -> Result<ExitCode> {
    // The process ends after this command: freeing the models' millions of
    // small allocations one by one took longer than analysing an article.
    let pipeline: &Pipeline = Box::leak(Box::new(args.analysis.pipeline()?));
    // After the models (in huge pages they load faster), before the input:
    // memory mapped in huge pages stays so.
    crate::prefer_small_pages();
    if args.jsonl {
        return run_jsonl(pipeline, &args);
    }
    run_one(pipeline, &args)
}

fn run_one(pipeline: &Pipeline, args: &Args) -> Result<ExitCode> {
    refuse_url(&args.input)?;
    let bytes = read_input(&args.input)?;
    let id = input_id(&args.input);
    let input = Input {
        id,
        bytes: &bytes,
        url: args.url.clone(),
        published: args.published,
        verbatim: args.verbatim,
        ..Input::default()
    };
    let refused = |e: PipelineError| {
        anyhow::anyhow!(
            "cannot analyse {}: {}",
            args.input.display(),
            reason(&e, args)
        )
    };
    let budget = budget(args);
    let document = pipeline.extract(&input).map_err(refused)?;
    // The page is not needed once its article is out: a long one would
    // otherwise stay in memory through the whole analysis.
    drop(input);
    drop(bytes);
    if document.text().len() >= PROMPT_PURGE_TEXT_BYTES {
        crate::purge_freed_memory_promptly();
    }
    let mut analysis = pipeline
        .analyze_document_within(document, &budget)
        .map_err(|e| refused(e.into()))?;
    // The contract reads no tokens: a long document's are the largest
    // thing left in memory. Its contract is written one element at a time,
    // never held whole.
    drop(std::mem::take(&mut analysis.tokens));
    let out = model::contract::OutputView::new(&analysis);
    let mut stdout = if args.compact {
        // The contract's own compact writer, which gathers its runs itself.
        let mut json = model::contract::CompactJson::new(std::io::stdout().lock());
        json.output(
            model::contract::SCHEMA,
            out.document(),
            out.entities(),
            out.quotes(),
            out.events(),
            out.flags(),
        )?;
        json.finish()?
    } else {
        let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        serde_json::to_writer_pretty(&mut stdout, &out)?;
        stdout.into_inner().map_err(|e| e.into_error())?
    };
    writeln!(stdout)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `analyze` reads no network: a URL gets pointed to what does.
fn refuse_url(input: &Path) -> Result<()> {
    let Some(url) = input.to_str().filter(|s| ::ingest::http::is_url(s)) else {
        return Ok(());
    };
    anyhow::bail!(
        "analyze reads files and standard input, not URLs: store the page with \
         `newsgraph ingest {url}`, or analyse it with \
         `curl -sL {url} | newsgraph analyze --url {url} -`"
    )
}

/// Reads a file, or standard input for `-`.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    }
    Ok(bytes)
}

fn input_id(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "stdin".to_string();
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// How many records are analysed in parallel before their output is written.
const BATCH: usize = 256;

fn run_jsonl(pipeline: &Pipeline, args: &Args) -> Result<ExitCode> {
    refuse_url(&args.input)?;
    let mut reader: Box<dyn BufRead> = if args.input.as_os_str() == "-" {
        Box::new(std::io::BufReader::with_capacity(
            ingest::LINE_BUFFER,
            std::io::stdin().lock(),
        ))
    } else {
        let f = std::fs::File::open(&args.input)
            .with_context(|| format!("cannot open {}", args.input.display()))?;
        Box::new(std::io::BufReader::with_capacity(ingest::LINE_BUFFER, f))
    };
    let name = args.input.display().to_string();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failures = 0usize;
    let mut seen = std::collections::HashSet::new();
    let mut batch: Vec<(usize, std::io::Result<Vec<u8>>)> = Vec::with_capacity(BATCH);
    // As `BufRead::lines`: a line loses its "\n" and a "\r" before it (and
    // one that is not UTF-8 is an error, told by the record's reader).
    let lines = std::iter::from_fn(|| {
        let line = ingest::read_line(&mut reader).transpose()?;
        Some(line.map(|mut line| {
            if line.last() == Some(&b'\n') {
                line.pop();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
            }
            line
        }))
    });
    let mut lines = lines.enumerate().peekable();
    while lines.peek().is_some() {
        batch.clear();
        batch.extend(lines.by_ref().take(BATCH));
        let results: Vec<Option<Line>> = batch
            .par_iter()
            .map(|(n, line)| {
                let origin = format!("{name}:{}", n + 1);
                let line = match line {
                    Ok(l) => l,
                    Err(e) => return Some(error_record(None, &origin, &format!("{e}"))),
                };
                match parse_jsonl_bytes(line, &origin) {
                    Some(Ok(doc)) => Some(analyze_record(pipeline, &doc, args)),
                    None => Some(error_record(
                        None,
                        &origin,
                        "stream did not contain valid UTF-8",
                    )),
                    Some(Err(e)) => {
                        // A record that failed is UTF-8: a blank line is
                        // skipped, any other named by its id when it has one.
                        let line = std::str::from_utf8(line).unwrap_or_default();
                        if line.trim().is_empty() {
                            return None;
                        }
                        Some(error_record(
                            record_id(line).as_deref(),
                            &origin,
                            &e.to_string(),
                        ))
                    }
                }
            })
            .collect();
        for line in results.into_iter().flatten() {
            if let Some(id) = &line.id {
                if !seen.insert(id.clone()) {
                    eprintln!(
                        "warning: {name}: the id {id:?} occurs more than once \
                         (`ingest` stores the later ones as {id}#2, {id}#3, …)"
                    );
                }
            }
            if let Some((origin, reason)) = &line.error {
                failures += 1;
                eprintln!("error: {origin}: {reason}");
            }
            stdout.write_all(&line.json)?;
            writeln!(stdout)?;
        }
    }
    stdout.flush()?;
    if failures > 0 {
        eprintln!(
            "{failures} record(s) could not be analysed; their lines carry an \"error\" field"
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// About how many bytes of JSON an article's text makes, per byte (3.5 on
/// the 122 extraction pages): the record's buffer is made this big at once.
const JSON_PER_TEXT_BYTE: usize = 4;

/// One output line of `--jsonl`, made in the batch's worker.
struct Line {
    /// The record's JSON, without its newline.
    json: Vec<u8>,
    /// Its `document.id`, when it has one.
    id: Option<String>,
    /// Where the record was and why it was not analysed, when it was not.
    error: Option<(String, String)>,
}

fn analyze_record(pipeline: &Pipeline, doc: &RawDocument, args: &Args) -> Line {
    let mut input = super::input_of(doc);
    input.url = input.url.or_else(|| args.url.clone());
    input.published = input.published.or(args.published);
    input.verbatim = args.verbatim;
    match pipeline.analyze_within(&input, &budget(args)) {
        // Through the contract's view, with no contract built and dropped
        // first; keys sorted, as the lines have always been.
        Ok(a) => match crate::sorted_json::to_vec(
            &model::contract::OutputView::new(&a),
            JSON_PER_TEXT_BYTE * a.text().len() + 4096,
        ) {
            Ok(json) => Line {
                json,
                id: Some(a.document.id.clone()),
                error: None,
            },
            Err(e) => error_record(Some(&doc.id), &doc.origin, &e.to_string()),
        },
        Err(e) => error_record(Some(&doc.id), &doc.origin, &reason(&e, args)),
    }
}

/// The `id` of a JSON Lines record that is valid JSON but not a valid
/// record, so that its error line still names it.
fn record_id(line: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(line).ok()?;
    value.get("id")?.as_str().map(str::to_string)
}

/// The line printed for a record that could not be analysed, so that output
/// lines stay aligned with input records.
fn error_record(id: Option<&str>, origin: &str, reason: &str) -> Line {
    let value = serde_json::json!({
        "schema": model::contract::SCHEMA,
        "document": {"id": id},
        "origin": origin,
        "error": reason,
    });
    Line {
        json: value.to_string().into_bytes(),
        id: id.map(str::to_string),
        error: Some((origin.to_string(), reason.to_string())),
    }
}
