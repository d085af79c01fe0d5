//! Many rows of one table written a chunk of rows per statement.
//!
//! A long page stores a million quotes or mentions. Run once per row, an
//! `INSERT` opens a cursor on the table and on each of its indexes, seeks
//! each from its root and closes them again; run once per chunk, the
//! cursors stay open and each row after the first is appended where the
//! row before it went (SQLite skips the descent when a key goes at the end
//! of the last page, which row ids in ascending order do). The rows, their
//! order and so their row ids are the same as one statement per row.

use crate::Result;
use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{params_from_iter, CachedStatement, Connection};

/// Rows per statement of a full chunk.
const CHUNK: usize = 64;

/// The shorter statements that write what is left at the end, longest
/// first (at most 3 + 3 + 3 of them for any remainder below [`CHUNK`]).
const TAIL: [usize; 3] = [16, 4, 1];

/// `head` (`INSERT INTO t (a, b) VALUES `) followed by `rows` groups of
/// `columns` parameters.
fn chunk_sql(head: &str, columns: usize, rows: usize) -> String {
    let group = format!("({})", vec!["?"; columns].join(", "));
    format!("{head}{}", vec![group; rows].join(", "))
}

/// Buffers rows of one table and inserts them [`CHUNK`] to a statement.
/// Nothing reaches the table until a chunk fills or [`RowInserter::finish`]
/// runs: a caller that reads the table back in between must not depend on
/// buffered rows, and must call `finish` (dropping the inserter loses what
/// it buffers).
pub(crate) struct RowInserter<'c, 'v> {
    tx: &'c Connection,
    head: &'static str,
    columns: usize,
    full: CachedStatement<'c>,
    values: Vec<ToSqlOutput<'v>>,
}

impl<'c, 'v> RowInserter<'c, 'v> {
    /// An inserter of rows of `columns` values into the table and columns
    /// that `head` names (`INSERT INTO t (a, b) VALUES `).
    pub(crate) fn new(tx: &'c Connection, head: &'static str, columns: usize) -> Result<Self> {
        Ok(RowInserter {
            tx,
            head,
            columns,
            full: tx.prepare_cached(&chunk_sql(head, columns, CHUNK))?,
            values: Vec::with_capacity(CHUNK * columns),
        })
    }

    /// Adds one row, its values in the order of the columns; inserts the
    /// buffered rows when they make a chunk.
    pub(crate) fn push<const N: usize>(&mut self, row: [ToSqlOutput<'v>; N]) -> Result<()> {
        debug_assert_eq!(
            N, self.columns,
            "a row of {N} values for {} columns",
            self.columns
        );
        self.values.extend(row);
        if self.values.len() >= CHUNK * self.columns {
            self.full.execute(params_from_iter(self.values.iter()))?;
            self.values.clear();
        }
        Ok(())
    }

    /// Inserts the rows still buffered.
    pub(crate) fn finish(mut self) -> Result<()> {
        let mut rest = &self.values[..];
        for rows in TAIL {
            let len = rows * self.columns;
            if rest.len() < len {
                continue;
            }
            let mut stmt = self
                .tx
                .prepare_cached(&chunk_sql(self.head, self.columns, rows))?;
            while rest.len() >= len {
                let (chunk, tail) = rest.split_at(len);
                stmt.execute(params_from_iter(chunk.iter()))?;
                rest = tail;
            }
        }
        self.values.clear();
        Ok(())
    }
}

/// An integer value.
pub(crate) fn int(v: i64) -> ToSqlOutput<'static> {
    ToSqlOutput::Owned(Value::Integer(v))
}

/// An integer or NULL.
pub(crate) fn opt_int(v: Option<i64>) -> ToSqlOutput<'static> {
    ToSqlOutput::Owned(v.map_or(Value::Null, Value::Integer))
}

/// A text value, borrowed.
pub(crate) fn text(v: &str) -> ToSqlOutput<'_> {
    ToSqlOutput::Borrowed(ValueRef::Text(v.as_bytes()))
}

/// A text value or NULL, borrowed.
pub(crate) fn opt_text(v: Option<&str>) -> ToSqlOutput<'_> {
    v.map_or(ToSqlOutput::Owned(Value::Null), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_written_in_order_whatever_the_count() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (n INTEGER NOT NULL, s TEXT)")
            .unwrap();
        for count in [0, 1, 5, 63, 64, 65, 150] {
            conn.execute("DELETE FROM t", []).unwrap();
            let labels: Vec<String> = (0..count).map(|i| format!("row {i}")).collect();
            let mut rows = RowInserter::new(&conn, "INSERT INTO t (n, s) VALUES ", 2).unwrap();
            for (i, label) in labels.iter().enumerate() {
                let s = (i % 3 != 0).then_some(label.as_str());
                rows.push([int(i as i64), opt_text(s)]).unwrap();
            }
            rows.finish().unwrap();
            let stored: Vec<(i64, i64, Option<String>)> = conn
                .prepare("SELECT rowid, n, s FROM t ORDER BY rowid")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert_eq!(stored.len(), count, "{count} rows");
            for (i, (rowid, n, s)) in stored.into_iter().enumerate() {
                assert_eq!(n, i as i64);
                assert_eq!(rowid, n + 1, "row ids follow the order of the rows");
                assert_eq!(s, (i % 3 != 0).then(|| format!("row {i}")));
            }
        }
    }
}
