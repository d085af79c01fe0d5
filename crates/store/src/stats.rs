//! Collection counts and near-duplicate stories.

use crate::types::{DocumentRef, Stats, Story};
use crate::{document_ref, Result, Store};
use rusqlite::{params, OptionalExtension};

impl Store {
    /// What the database holds; quotes and events count each story once.
    pub fn stats(&self) -> Result<Stats> {
        let counters: std::collections::HashMap<String, i64> = self
            .conn
            .prepare_cached("SELECT name, value FROM counters")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let counter = |name: &str| counters.get(name).copied().unwrap_or(0).max(0) as u64;
        let count = |sql: &str| -> Result<u64> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        let documents = counter("documents");
        let stories = counter("stories");
        // small tables: counted directly
        let exact_duplicates = count("SELECT count(*) FROM exact_duplicates")?;
        Ok(Stats {
            documents,
            stories,
            duplicates: documents.saturating_sub(stories) + exact_duplicates,
            exact_duplicates,
            entities: counter("entities"),
            actors: count("SELECT count(*) FROM actors")?,
            quotes: counter("quotes"),
            events: counter("events"),
        })
    }

    /// The story document `id` belongs to, with all its copies.
    pub fn story(&self, id: &str) -> Result<Option<Story>> {
        let story: Option<i64> = self
            .conn
            .query_row(
                "SELECT story FROM documents WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )
            .optional()?;
        let Some(story) = story else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, published, site, url FROM documents WHERE story = ?1 ORDER BY doc",
        )?;
        let documents: Vec<DocumentRef> = stmt
            .query_map(params![story], |r| document_ref(r, 0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT x.id FROM exact_duplicates x JOIN documents d ON d.doc = x.doc
             WHERE d.story = ?1 ORDER BY x.id",
        )?;
        let exact_copies: Vec<String> = stmt
            .query_map(params![story], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let Some(first) = documents.first().cloned() else {
            return Ok(None);
        };
        Ok(Some(Story {
            first,
            documents,
            exact_copies,
        }))
    }
}
