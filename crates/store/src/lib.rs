//! The record: every analysed document in one SQLite database.
//!
//! The store keeps the `newsgraph/1` contract form of each analysis
//! ([`model::contract::Output`]), so every offset in it is a code-point
//! offset. One transaction per document: a document is stored whole or not
//! at all.

use model::contract::Output;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored JSON value could not be read back.
    #[error("stored data is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Result alias for store operations.
pub type Result<T> = std::result::Result<T, StoreError>;

/// What happened to a document handed to [`Store::insert`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inserted {
    /// Stored as a new document.
    Added,
    /// Its content hash was already stored (under the given document id).
    Duplicate(String),
}

/// An open newsgraph database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating and migrating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             CREATE TABLE IF NOT EXISTS documents (
                 id TEXT PRIMARY KEY,
                 content_hash TEXT NOT NULL UNIQUE,
                 output TEXT NOT NULL
             );",
        )?;
        Ok(Store { conn })
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

    /// Stores one analysed document in one transaction.
    pub fn insert(&mut self, output: &Output, content_hash: &str) -> Result<Inserted> {
        if let Some(id) = self.find_hash(content_hash)? {
            return Ok(Inserted::Duplicate(id));
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO documents (id, content_hash, output) VALUES (?1, ?2, ?3)",
            params![
                output.document.id,
                content_hash,
                serde_json::to_string(output)?
            ],
        )?;
        tx.commit()?;
        Ok(Inserted::Added)
    }

    /// The stored analysis of document `id`.
    pub fn document(&self, id: &str) -> Result<Option<Output>> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT output FROM documents WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(match json {
            Some(j) => Some(serde_json::from_str(&j)?),
            None => None,
        })
    }
}
