//! Read-only access to the store from async handlers.
//!
//! SQLite calls block, so every query runs on tokio's blocking pool. Each
//! query borrows a read-only connection from a small pool (opening one per
//! request would re-read the schema every time); WAL mode lets an ingest
//! write to the same file meanwhile.

use crate::error::ApiError;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use store::Store;

/// A shared handle on the database: its path and idle read-only connections.
#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    max_idle: usize,
}

impl Db {
    /// A handle on the database at `path`, keeping at most `max_idle`
    /// connections open between requests. Checks that the file opens.
    pub fn open(path: &Path, max_idle: usize) -> Result<Db, store::StoreError> {
        let first = Store::open_read_only(path)?;
        Ok(Db {
            inner: Arc::new(Inner {
                path: path.to_path_buf(),
                idle: Mutex::new(vec![first]),
                max_idle: max_idle.max(1),
            }),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// Runs `query` on a read-only connection in the blocking pool.
    pub async fn run<T, F>(&self, query: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || {
            let store = inner.take()?;
            let result = query(&store);
            inner.give_back(store);
            result
        })
        .await
        .map_err(|e| ApiError::Internal(format!("query task failed: {e}")))?
    }
}

impl Inner {
    fn take(&self) -> Result<Store, ApiError> {
        let pooled = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match pooled {
            Some(store) => Ok(store),
            None => Ok(Store::open_read_only(&self.path)?),
        }
    }

    fn give_back(&self, store: Store) {
        // A poisoned lock only means another query panicked mid-push; the
        // connection is simply dropped then.
        if let Ok(mut idle) = self.idle.lock() {
            if idle.len() < self.max_idle {
                idle.push(store);
            }
        }
    }
}
