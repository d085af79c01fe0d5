//! The record: every analysed document in one SQLite database.
//!
//! The store keeps the `newsgraph/1` contract form of each analysis
//! ([`model::contract::Output`]), so every offset in it is a code-point
//! offset. Beside the whole output it keeps tables to query by: documents
//! (with full-text search over title and text), entities and their
//! mentions, quotes (full-text over their words), events, cross-document
//! actors and the actor graph.
//!
//! # Invariants
//!
//! - **Each document whole or not at all**: a document is stored with its
//!   entities, quotes, events and aggregate updates in one transaction
//!   ([`Store::insert_with`]), or in one shared with other documents
//!   ([`Store::insert_batch`], what an ingest's writer uses) that is rolled
//!   back and redone one document at a time if any of them fails.
//! - **Parameterised SQL only**: user input is bound, never formatted into
//!   SQL; full-text queries are rebuilt from words (see [`search`]).
//! - **Each story once**: near-duplicate documents (SimHash within Hamming
//!   distance 3) form one story; aggregates (stats, actor graph, mention
//!   counts) count a story once, and listings hide copies unless asked.
//!
//! # Query API
//!
//! The CLI and the HTTP server call the same methods on [`Store`]:
//! [`Store::search`], [`Store::quotes`], [`Store::events`],
//! [`Store::actor_graph`], [`Store::timeline`], [`Store::actors`],
//! [`Store::actor`], [`Store::stats`], [`Store::document`],
//! [`Store::story`], [`Store::contradictions`]; exports: [`Store::export_gdelt`], [`Store::export_jsonl`].
//! They return the serde structs of [`types`]. A [`Store`] wraps one SQLite
//! connection (not `Sync`): open one per thread, or use
//! [`Store::open_read_only`] for readers; WAL lets them read while an ingest
//! writes.

mod actors;
mod batch;
mod contradictions;
mod events;
mod export;
mod names;
mod periods;
mod plans;
mod quotes;
mod rows;
mod schema;
pub mod search;
mod sql;
mod stats;
mod stored_output;
pub mod types;
mod units;
pub mod web;
mod write;

pub use contradictions::WINDOW_BACK as CONTRADICTION_WINDOW_DAYS;
pub use export::GDELT_COLUMNS;
pub use schema::SCHEMA_VERSION;
pub use types::*;

use model::contract::Output;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::path::Path;
use std::time::Duration;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored JSON value could not be read back.
    #[error("stored data is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The database was written by a newer newsgraph.
    #[error("the database has schema version {found}; this newsgraph reads up to {supported}")]
    TooNew {
        /// Version found in the file.
        found: i64,
        /// Highest version this build knows.
        supported: i64,
    },
    /// A read-only open found an older schema (migrations need a writer).
    #[error(
        "the database has schema version {found}, older than this newsgraph's {current}: \
         open it once for writing (e.g. `newsgraph stats --db PATH`) to upgrade it"
    )]
    Outdated {
        /// Version found in the file.
        found: i64,
        /// Version this build writes.
        current: i64,
    },
    /// Writing an export failed.
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    /// Something stored cannot be read back as it was written.
    #[error("{0}: the database file was changed outside newsgraph or damaged")]
    Corrupt(String),
}

/// Result alias for store operations.
pub type Result<T> = std::result::Result<T, StoreError>;

/// What happened to a document handed to [`Store::insert`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inserted {
    /// Stored as a new document.
    Added,
    /// Stored as a new document under this id (`id#2`, `#3`, …) because a
    /// different text already held its own.
    Renamed(String),
    /// Its content hash was already stored (under the given document id).
    Duplicate(String),
}

/// What the caller computed about a document's text, for deduplication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InsertMeta {
    /// Exact-duplicate key (`ingest::content_hash`).
    pub content_hash: String,
    /// 64-bit SimHash of the text's shingles, for near-duplicate grouping;
    /// `None` puts the document in a story of its own.
    pub fingerprint: Option<u64>,
}

/// Prepared statements a connection keeps (see [`tune_reads`]).
const STATEMENT_CACHE: usize = 128;

/// How long a connection waits for another one's write lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// WAL, normal sync and foreign keys on `conn`. Switching a new database to
/// WAL takes a lock for which SQLite does not call the busy handler, so
/// concurrent first opens retry it here until [`BUSY_TIMEOUT`].
fn set_connection_pragmas(conn: &Connection) -> Result<()> {
    let start = std::time::Instant::now();
    loop {
        match conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;",
        ) {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    && start.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            other => return Ok(other?),
        }
    }
}

/// An open newsgraph database.
pub struct Store {
    conn: Connection,
    /// Opened for writing (see [`Drop`]).
    writable: bool,
    /// Whether [`Store::start_writing`] turned memory-mapped reads off.
    unmapped: bool,
}

impl Drop for Store {
    /// A writer copies what its write-ahead log holds into the database
    /// file as it closes. SQLite does this by itself only when the last
    /// connection closes, and an ingest's read-only connections close after
    /// its writer (and cannot checkpoint), which would leave up to the last
    /// 64 MB of writes (see [`tune_writes`]) in the `-wal` file beside the
    /// database. A passive checkpoint waits for nobody; errors only mean
    /// the log stays, which is still a correct database.
    fn drop(&mut self) {
        if self.writable {
            let _ = self.conn.execute_batch("PRAGMA wal_checkpoint(PASSIVE);");
        }
    }
}

impl Store {
    /// Opens (creating and migrating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        set_connection_pragmas(&conn)?;
        tune_reads(&conn)?;
        tune_writes(&conn)?;
        schema::migrate(&mut conn)?;
        let mut store = Store {
            conn,
            writable: true,
            unmapped: false,
        };
        store.import_prototype()?;
        Ok(store)
    }

    /// Opens an existing database for reading only (the server's readers).
    /// The schema must be current: open it once with [`Store::open`] first.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        tune_reads(&conn)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if version < SCHEMA_VERSION {
            return Err(StoreError::Outdated {
                found: version,
                current: SCHEMA_VERSION,
            });
        }
        Ok(Store {
            conn,
            writable: false,
            unmapped: false,
        })
    }

    /// Re-inserts the rows of a version-0 database through the normal path,
    /// then drops the old table, all in one transaction.
    fn import_prototype(&mut self) -> Result<()> {
        if !schema::has_pending_prototype(&self.conn)? {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        let rows: Vec<(String, String)> = {
            let mut stmt = tx.prepare("SELECT content_hash, output FROM documents_v0")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (hash, json) in rows {
            let output: Output = serde_json::from_str(&json)?;
            let meta = InsertMeta {
                content_hash: hash,
                fingerprint: None,
            };
            let mut full_text = write::FullText::default();
            write::insert_document(&tx, &output, &meta, &mut full_text)?;
            full_text.write(&tx)?;
        }
        tx.execute_batch("DROP TABLE documents_v0")?;
        tx.commit()?;
        Ok(())
    }

    /// The id of the stored document with this content hash, if any.
    pub fn find_hash(&self, content_hash: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM documents WHERE content_hash = ?1",
                params![content_hash],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Stores one analysed document in one transaction, in a story of its
    /// own (no fingerprint). Kept for callers without a fingerprint; see
    /// [`Store::insert_with`].
    pub fn insert(&mut self, output: &Output, content_hash: &str) -> Result<Inserted> {
        self.insert_with(
            output,
            &InsertMeta {
                content_hash: content_hash.to_string(),
                fingerprint: None,
            },
        )
    }

    /// Stores one analysed document in one transaction: the document, its
    /// entities and mentions, quotes, events, actor links and aggregates,
    /// or nothing.
    ///
    /// An exact duplicate (same content hash) is refused and reported; when
    /// it came under another id, that id is recorded as an exact copy.
    /// A document whose fingerprint is within Hamming distance 3 of a stored
    /// one joins that document's story. If the id is already taken by a
    /// different text, the document is stored as `id#2` (`#3`, …).
    pub fn insert_with(&mut self, output: &Output, meta: &InsertMeta) -> Result<Inserted> {
        self.start_writing()?;
        let tx = self.conn.transaction()?;
        let mut full_text = write::FullText::default();
        let result = write::insert_document(&tx, output, meta, &mut full_text)?;
        full_text.write(&tx)?;
        tx.commit()?;
        Ok(result)
    }

    /// Reads the pages a write touches through the connection's own cache
    /// from the first insert on. With the file memory-mapped (as for
    /// reading, see [`tune_reads`]) SQLite looks every page it fetches up
    /// in the write-ahead log's index first, even the ones it holds; a
    /// write fetches the tail pages of every table and index it appends
    /// to once per row, and that lookup was 2% of storing a document.
    fn start_writing(&mut self) -> Result<()> {
        if !self.unmapped {
            self.conn.execute_batch("PRAGMA mmap_size = 0;")?;
            self.unmapped = true;
        }
        Ok(())
    }

    /// Records that a document the caller skipped (because
    /// [`Store::find_hash`] found its text) was an exact copy: counted in
    /// [`Stats::duplicates`] when its id differs from the stored one's, so
    /// re-ingesting the same input counts nothing twice.
    pub fn record_duplicate(&mut self, id: &str, content_hash: &str) -> Result<()> {
        write::record_duplicate(&self.conn, id, content_hash)
    }

    /// The stored analysis of document `id`, exactly as it was inserted.
    pub fn document(&self, id: &str) -> Result<Option<Output>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT output, text FROM documents WHERE id = ?1")?;
        let mut rows = stmt.query(params![id])?;
        match rows.next()? {
            Some(row) => Ok(Some(stored_output::decode(row.get_ref(0)?, row.get(1)?)?)),
            None => Ok(None),
        }
    }

    /// Up to `limit` stored document ids that begin with `prefix`, in id
    /// order (for `show` with an abbreviated id, as `git` takes one).
    pub fn ids_with_prefix(&self, prefix: &str, limit: usize) -> Result<Vec<String>> {
        // A range on the id index: every id starting with `prefix` sorts
        // between it and it followed by the highest code point.
        let upper = format!("{prefix}\u{10FFFF}");
        let ids = self
            .conn
            .prepare_cached(
                "SELECT id FROM documents WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT ?3",
            )?
            .query_map(
                params![prefix, upper, i64::try_from(limit).unwrap_or(i64::MAX)],
                |r| r.get(0),
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }
}

/// Page cache and memory-mapped reads: a 100,000-article database is
/// hundreds of MB, and SQLite's default 2 MB cache makes every query go
/// through read(2) for pages the OS already holds. Bounded (16 MB cache,
/// 256 MB mapped) to keep a process's resident memory modest.
///
/// Also room for every statement the store prepares: storing one document
/// runs some 25 distinct ones, more than rusqlite's default cache of 16, which
/// then evicts each before its next use and prepares it again every time.
fn tune_reads(conn: &Connection) -> Result<()> {
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.execute_batch(
        "PRAGMA cache_size = -16384;
         PRAGMA mmap_size = 268435456;",
    )?;
    Ok(())
}

/// A writer's page cache and checkpoints. Every document updates pages all
/// over the indexes (content hash, names, full-text terms), which at
/// 100,000 documents no longer fit the readers' 16 MB; and checkpointing
/// the write-ahead log every 4 MB (SQLite's default) copied the same hot
/// pages back into the database, with an fsync, every few batches. 64 MB of
/// cache and a checkpoint every 64 MB of log bound memory and the log's
/// size while writing each hot page back far less often.
fn tune_writes(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "PRAGMA cache_size = -65536;
         PRAGMA wal_autocheckpoint = 16384;",
    )?;
    Ok(())
}

/// The effective result limit: 0 means the default.
fn page_limit(limit: usize) -> i64 {
    const DEFAULT: usize = 50;
    const MAX: usize = 10_000;
    (if limit == 0 { DEFAULT } else { limit.min(MAX) }) as i64
}

/// Parses an ISO date stored as text.
fn parse_day(s: Option<String>) -> Option<chrono::NaiveDate> {
    s.and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

/// Reads a document reference from a row's five columns from `at` on:
/// `id, title, published, site, url` of `documents`.
fn document_ref(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<types::DocumentRef> {
    Ok(types::DocumentRef {
        id: r.get(at)?,
        title: r.get(at + 1)?,
        published: parse_day(r.get(at + 2)?),
        site: r.get(at + 3)?,
        url: r.get(at + 4)?,
    })
}
