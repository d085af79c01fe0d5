//! Queries the web UI needs beyond the CLI's query API. Added by the server
//! side; same rules as the rest of the store (parameterised SQL, each story
//! once).

use crate::types::DocumentRef;
use crate::{document_ref, page_limit, Result, Store};
use rusqlite::params;

/// Stops a running query of one [`Store`] from another thread (the query
/// then fails with an "interrupted" error). The server uses it to bound the
/// time a request may hold a connection.
pub struct QueryInterrupt(rusqlite::InterruptHandle);

impl QueryInterrupt {
    /// Interrupts whatever query the store is running now, if any.
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

impl Store {
    /// A handle that interrupts this store's running query from elsewhere.
    pub fn interrupt_handle(&self) -> QueryInterrupt {
        QueryInterrupt(self.conn.get_interrupt_handle())
    }

    /// The latest documents by publication date (undated last), one per
    /// story, for the UI's home page.
    pub fn latest_documents(&self, limit: usize) -> Result<Vec<DocumentRef>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, published, site, url FROM documents
             WHERE doc = story
             ORDER BY published DESC, doc DESC
             LIMIT ?1",
        )?;
        let rows = stmt.query_map(params![page_limit(limit)], |r| document_ref(r, 0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
