//! Queries the web UI needs beyond the CLI's query API. Added by the server
//! side; same rules as the rest of the store (parameterised SQL, each story
//! once).

use crate::types::DocumentRef;
use crate::{page_limit, parse_day, Result, Store};
use rusqlite::params;

impl Store {
    /// The latest documents by publication date (undated last), one per
    /// story, for the UI's home page.
    pub fn latest_documents(&self, limit: usize) -> Result<Vec<DocumentRef>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, published, site, url FROM documents
             WHERE doc = story
             ORDER BY published DESC, doc DESC
             LIMIT ?1",
        )?;
        let rows = stmt.query_map(params![page_limit(limit)], |r| {
            Ok(DocumentRef {
                id: r.get(0)?,
                title: r.get(1)?,
                published: parse_day(r.get(2)?),
                site: r.get(3)?,
                url: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
