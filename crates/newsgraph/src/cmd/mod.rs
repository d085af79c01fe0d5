//! One module per subcommand.

pub mod analyze;
pub mod demo;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod query;
pub mod serve;
pub mod tag;
pub mod train;

use anyhow::Context;
use std::path::PathBuf;

/// The `--db` option every command that touches the store takes.
#[derive(clap::Args, Debug, Clone)]
pub struct DbArgs {
    /// The database file. Default: $NEWSGRAPH_DB, else
    /// $XDG_DATA_HOME/newsgraph/newsgraph.db (~/.local/share/newsgraph/newsgraph.db).
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

impl DbArgs {
    /// The database path to use, creating its directory if needed.
    pub fn path(&self) -> anyhow::Result<PathBuf> {
        let path = match &self.db {
            Some(p) => p.clone(),
            None => default_db_path()?,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                anyhow::anyhow!(
                    "cannot create the database directory {}: {e}",
                    dir.display()
                )
            })?;
        }
        Ok(path)
    }

    /// The path of a database that must exist already: the read commands
    /// never create one (a typo in `--db` is an error, not an empty database).
    pub fn existing_path(&self) -> anyhow::Result<PathBuf> {
        let path = match &self.db {
            Some(p) => p.clone(),
            None => default_db_path()?,
        };
        if !path.is_file() {
            anyhow::bail!(
                "no database at {}; run `newsgraph ingest` or `newsgraph demo` first",
                path.display()
            );
        }
        Ok(path)
    }

    /// Opens a database that must exist already (see [`DbArgs::existing_path`]).
    pub fn open_existing(&self) -> anyhow::Result<store::Store> {
        let path = self.existing_path()?;
        store::Store::open(&path)
            .map_err(|e| anyhow::anyhow!("cannot open the database {}: {e}", path.display()))
    }

    /// Opens the store, creating it if needed.
    pub fn open(&self) -> anyhow::Result<store::Store> {
        let path = self.path()?;
        store::Store::open(&path)
            .map_err(|e| anyhow::anyhow!("cannot open the database {}: {e}", path.display()))
    }
}

/// The analysis options `analyze` and `ingest` share, with one help text each.
#[derive(clap::Args, Debug, Clone)]
pub struct AnalysisArgs {
    /// Extra actor or agent dictionary for the event coder, in PETRARCH's
    /// format (e.g. `PETR.Validate.actors.txt`); repeatable. Its entries win
    /// over the built-in actor lexicon.
    #[arg(long = "actors", value_name = "FILE")]
    pub actors: Vec<PathBuf>,
    /// Refuse a document larger than this many bytes: a file, standard
    /// input, a WARC record, or a JSON Lines record's page or text.
    #[arg(long, default_value_t = 64 * 1024 * 1024, value_name = "BYTES")]
    pub max_bytes: u64,
    /// Stop and refuse a document whose analysis takes longer than this
    /// (milliseconds): it is reported with its id and the reason, never
    /// printed or stored in part, and the rest of a batch goes on. A long
    /// document whose pace shows it is expected to take longer than this is
    /// refused as soon as that shows, after a fraction of a second: a text
    /// of 1 MiB or more is estimated from a sample of it, and then from its
    /// tagging's pace with the cost of the rest its sample measured (the
    /// estimate errs by 10 to 20 per cent either way).
    #[arg(long, default_value_t = 20_000, value_name = "MS")]
    pub max_analysis_ms: u64,
}

impl AnalysisArgs {
    /// The embedded pipeline with these actor tables and byte limit.
    pub fn pipeline(&self) -> anyhow::Result<pipeline::Pipeline> {
        let mut pipeline = pipeline::Pipeline::embedded()?;
        for path in &self.actors {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read actor table {}", path.display()))?;
            pipeline = pipeline
                .with_actor_table(&text)
                .with_context(|| format!("cannot parse actor table {}", path.display()))?;
        }
        Ok(pipeline.with_limits(pipeline::Limits {
            max_bytes: usize::try_from(self.max_bytes).unwrap_or(usize::MAX),
        }))
    }

    /// `--max-analysis-ms` in milliseconds, at least one.
    pub fn max_analysis_ms(&self) -> u64 {
        self.max_analysis_ms.max(1)
    }

    /// `--max-analysis-ms` as a duration, at least a millisecond.
    pub fn max_analysis(&self) -> std::time::Duration {
        std::time::Duration::from_millis(self.max_analysis_ms())
    }
}

/// The embedded default database path (see [`DbArgs::db`]).
pub fn default_db_path() -> anyhow::Result<PathBuf> {
    if let Some(p) = std::env::var_os("NEWSGRAPH_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .ok_or_else(|| {
            anyhow::anyhow!(
                "no home directory to put the database in: pass --db PATH or set NEWSGRAPH_DB"
            )
        })?;
    Ok(data.join("newsgraph").join("newsgraph.db"))
}

/// Parses a date option (`--published`, `--from`, `--to`).
pub fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, NotADate> {
    ::ingest::parse_date(s).ok_or_else(|| NotADate(s.to_string()))
}

/// A date option's value that is not a date.
#[derive(Debug)]
pub struct NotADate(String);

impl std::fmt::Display for NotADate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} is not a date like 2022-03-13", self.0)
    }
}

impl std::error::Error for NotADate {}

/// The pipeline input for a document a source delivered.
pub fn input_of(doc: &::ingest::RawDocument) -> pipeline::Input<'_> {
    pipeline::Input {
        id: doc.id.clone(),
        bytes: &doc.bytes,
        url: doc.url.clone(),
        published: doc.published,
        kind: doc.kind,
        declared_charset: None,
        verbatim: false,
    }
}
