//! `newsgraph export`: the store's events as GDELT 2.0 TSV, or its documents
//! as newsgraph/1 JSON Lines.

use super::{parse_date_arg, DbArgs};
use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use store::{EventFilter, StoreError};

/// What `export` writes.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// GDELT 2.0 event table: tab-separated, 61 columns, no header
    /// (docs/gdelt-export.md lists what is filled).
    Gdelt,
    /// One newsgraph/1 JSON object per stored document per line.
    Jsonl,
}

/// Arguments of `newsgraph export`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "GDELT export: fact events only (asserted, reported, future, with a source that has a country) unless \
    --all-modalities; each story's event once, NumArticles counting its copies. Columns \
    we do not produce are blank; see docs/gdelt-export.md."
)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true)]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// GDELT: events on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub from: Option<NaiveDate>,
    /// GDELT: events on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub to: Option<NaiveDate>,
    /// GDELT: also export negated, conditional and hypothetical events.
    #[arg(long)]
    pub all_modalities: bool,
}

/// Runs `newsgraph export`.
pub fn run(args: Args) -> Result<ExitCode> {
    let store = args.db.open_existing()?;
    let mut sink: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let written = match args.format {
        Format::Gdelt => store.export_gdelt(
            &mut sink,
            &EventFilter {
                date_from: args.from,
                date_to: args.to,
                facts_only: !args.all_modalities,
                ..EventFilter::default()
            },
        ),
        Format::Jsonl => store.export_jsonl(&mut sink),
    }
    .and_then(|n| sink.flush().map(|_| n).map_err(StoreError::from));
    match written {
        Ok(n) => {
            if let Some(path) = &args.out {
                let what = match args.format {
                    Format::Gdelt => "events",
                    Format::Jsonl => "documents",
                };
                eprintln!("wrote {n} {what} to {}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        // `newsgraph export … | head` closing the pipe early is not an
        // error: main says nothing (`output::is_broken_pipe`).
        Err(e) => Err(e.into()),
    }
}
