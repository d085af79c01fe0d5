//! `newsgraph demo`: the main job on built-in example articles.

use super::DbArgs;
use anyhow::Result;
use chrono::NaiveDate;
use ingest::content_hash;
use pipeline::{Input, Pipeline};
use std::process::ExitCode;
use store::Inserted;

/// The built-in example articles: (id, publication date, text). Written by
/// the newsgraph team for the demo and the tests; the events are invented.
pub const EXAMPLES: &[(&str, &str, &str)] = &[
    (
        "harbor-talks",
        "2025-03-10",
        include_str!("../../demo/harbor-talks.txt"),
    ),
    (
        "border-warning",
        "2025-04-15",
        include_str!("../../demo/border-warning.txt"),
    ),
    (
        "grain-aid",
        "2025-05-21",
        include_str!("../../demo/grain-aid.txt"),
    ),
];

/// Arguments of `newsgraph demo`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
}

/// Runs `newsgraph demo`.
pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = Pipeline::embedded()?;
    let mut store = args.db.open()?;
    let path = args.db.path()?;
    for (id, published, text) in EXAMPLES {
        let input = Input {
            id: (*id).to_string(),
            bytes: text.as_bytes(),
            published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            ..Input::default()
        };
        let analysis = pipeline.analyze(&input)?;
        let out = analysis.to_contract();
        let stored = match store.insert(&out, &content_hash(analysis.text()))? {
            Inserted::Added | Inserted::Renamed(_) => "stored",
            Inserted::Duplicate(_) => "already stored",
        };
        outln!("── {id} ({stored}) ──")?;
        crate::output::print_summary(&out)?;
        outln!()?;
    }
    outln!(
        "The analyses are in {}. Try:\n  newsgraph show harbor-talks\n  newsgraph analyze --published 2022-03-13 ../shared/examples/seed-article.txt",
        path.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
