//! Read-only access to the store from async handlers.
//!
//! SQLite calls block, so every query runs on tokio's blocking pool. Each
//! query borrows a read-only connection from a small pool (opening one per
//! request would re-read the schema every time); WAL mode lets an ingest
//! write to the same file meanwhile.

use crate::error::ApiError;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use store::Store;

/// A shared handle on the database: its path and idle read-only connections.
#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    running: tokio::sync::Semaphore,
    idle: Mutex<Vec<Store>>,
    max_idle: usize,
    query_timeout: Duration,
}

/// Queries run at once: twice the cores (one waiting on I/O while the
/// other computes).
fn parallel_queries() -> usize {
    std::thread::available_parallelism().map_or(4, |n| n.get() * 2)
}

/// How often an overdue query is interrupted again until it stops.
const INTERRUPT_RETRY: Duration = Duration::from_millis(20);

/// Query time limit when the caller does not set one.
pub const DEFAULT_QUERY_TIMEOUT: Duration = Duration::from_secs(5);

impl Db {
    /// A handle on the database at `path`, keeping at most
    /// `limits.max_concurrent` connections open between requests and
    /// interrupting queries after `limits.query_timeout`. Checks that the
    /// file opens.
    pub fn open(path: &Path, limits: &crate::Limits) -> Result<Db, store::StoreError> {
        let first = Store::open_read_only(path)?;
        Ok(Db {
            inner: Arc::new(Inner {
                path: path.to_path_buf(),
                running: tokio::sync::Semaphore::new(parallel_queries()),
                idle: Mutex::new(vec![first]),
                max_idle: limits.max_concurrent.max(1),
                query_timeout: limits.query_timeout,
            }),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// Runs `query` on a read-only connection in the blocking pool,
    /// interrupting it when it runs past the query time limit.
    pub async fn run<T, F>(&self, query: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = self
            .inner
            .running
            .acquire()
            .await
            .map_err(|_| ApiError::Unavailable("the server is shutting down".to_string()))?;
        let inner = Arc::clone(&self.inner);
        let (handle_tx, handle_rx) = std::sync::mpsc::channel();
        let mut task = tokio::task::spawn_blocking(move || {
            let store = inner.take()?;
            // The receiver may be gone if the request was dropped; fine.
            let _ = handle_tx.send(store.interrupt_handle());
            let result = query(&store);
            inner.give_back(store);
            result
        });
        let joined = match tokio::time::timeout(self.inner.query_timeout, &mut task).await {
            Ok(joined) => joined,
            Err(_) => {
                // Interrupt until the task ends: an interrupt that lands
                // between two statements is a no-op in SQLite, and the task
                // may not even have started yet.
                let mut handle = None;
                loop {
                    if handle.is_none() {
                        handle = handle_rx.try_recv().ok();
                    }
                    if let Some(h) = &handle {
                        h.interrupt();
                    }
                    if tokio::time::timeout(INTERRUPT_RETRY, &mut task)
                        .await
                        .is_ok()
                    {
                        break;
                    }
                }
                return Err(ApiError::Unavailable(format!(
                    "the query took longer than {} ms and was stopped; narrow it down",
                    self.inner.query_timeout.as_millis()
                )));
            }
        };
        joined.map_err(|e| ApiError::Internal(format!("query task failed: {e}")))?
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
