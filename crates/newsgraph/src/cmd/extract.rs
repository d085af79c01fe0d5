//! `newsgraph extract`: the clean article of each file, as JSON Lines.

use anyhow::Result;
use ingest::{walk, SourceItem, WalkOptions};
use pipeline::{extract_document, Limits};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `newsgraph extract`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Prints one line per input file:\n  \
    {\"id\", \"url\", \"title\", \"byline\", \"published\", \"site\", \"language\", \"text\"}\n\
    where id is the file stem. Files that cannot be extracted are reported on\n\
    standard error and the rest go on.")]
pub struct Args {
    /// Files or directories (searched recursively).
    #[arg(value_name = "FILE|DIR", required = true)]
    pub paths: Vec<PathBuf>,
}

/// Runs `newsgraph extract`.
pub fn run(args: Args) -> Result<ExitCode> {
    let limits = Limits::default();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut ok, mut failed) = (0usize, 0usize);
    for item in walk(&args.paths, &WalkOptions::default()) {
        let doc = match item {
            SourceItem::Document(d) => d,
            SourceItem::Failed { origin, reason } => {
                eprintln!("error: {origin}: {reason}");
                failed += 1;
                continue;
            }
        };
        match extract_document(&super::input_of(&doc), &limits) {
            Ok(document) => {
                serde_json::to_writer(&mut stdout, &document)?;
                writeln!(stdout)?;
                ok += 1;
            }
            Err(e) => {
                eprintln!("error: {}: {e}", doc.origin);
                failed += 1;
            }
        }
    }
    stdout.flush()?;
    Ok(if ok == 0 && failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
