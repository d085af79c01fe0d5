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
use rusqlite::{ffi, CachedStatement, Connection};
use std::ffi::{c_int, CStr};

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

/// One value of a row, as the inserter binds it.
pub(crate) enum Bound<'v> {
    Int(i64),
    Null,
    /// Borrowed for as long as the inserter runs: bound without a copy.
    Text(&'v str),
    /// A text made for the row (a quote's serialised `via` chain).
    Owned(String),
    /// A blob of this many zero bytes, to be written afterwards through
    /// incremental blob I/O (SQLite then builds the row without them).
    ZeroBlob(c_int),
}

/// Runs the one-row statement `sql` with `values` bound as the inserter
/// binds them: a document's text (tens of megabytes on a long page) is not
/// copied to be stored.
pub(crate) fn execute(tx: &Connection, sql: &str, values: &[Bound<'_>]) -> Result<()> {
    Chunk::new(tx, sql)?.execute(values)
}

/// A one-row statement run many times, bound as [`execute`] binds.
pub(crate) struct Statement<'c>(Chunk<'c>);

impl<'c> Statement<'c> {
    /// The cached statement of `sql`.
    pub(crate) fn new(tx: &'c Connection, sql: &str) -> Result<Self> {
        Ok(Statement(Chunk::new(tx, sql)?))
    }

    /// Runs the statement once with `values`.
    pub(crate) fn execute(&mut self, values: &[Bound<'_>]) -> Result<()> {
        self.0.execute(values)
    }
}

/// An integer value.
pub(crate) fn int(v: i64) -> Bound<'static> {
    Bound::Int(v)
}

/// An integer or NULL.
pub(crate) fn opt_int(v: Option<i64>) -> Bound<'static> {
    v.map_or(Bound::Null, Bound::Int)
}

/// A text value, borrowed.
pub(crate) fn text(v: &str) -> Bound<'_> {
    Bound::Text(v)
}

/// A text value or NULL, borrowed.
pub(crate) fn opt_text(v: Option<&str>) -> Bound<'_> {
    v.map_or(Bound::Null, Bound::Text)
}

/// A statement of the connection's cache, with its SQLite handle so that
/// rows are bound through the C interface: rusqlite binds every text with
/// `SQLITE_TRANSIENT` (a copy of each, a million a long page) and checks
/// and converts each value; bound here, a text is `SQLITE_STATIC` (SQLite
/// reads it where it is) and an integer is one call.
struct Chunk<'c> {
    /// Held so that the statement is this inserter's alone until it
    /// returns to the cache (rusqlite clears its bindings then).
    cached: CachedStatement<'c>,
    /// The statement's handle, or None when it could not be told apart
    /// from another statement of the same SQL (the rows then go through
    /// rusqlite).
    raw: Option<*mut ffi::sqlite3_stmt>,
    db: *mut ffi::sqlite3,
}

#[allow(unsafe_code)] // binding through the C interface: see `Chunk`
impl<'c> Chunk<'c> {
    fn new(tx: &'c Connection, sql: &str) -> Result<Self> {
        let cached = tx.prepare_cached(sql)?;
        // SAFETY: the handle is only passed to SQLite's own functions while
        // `tx` (which owns it) is borrowed.
        let db = unsafe { tx.handle() };
        Ok(Chunk {
            cached,
            raw: unsafe { only_statement_of(db, sql) },
            db,
        })
    }

    /// Inserts the rows `values` hold (as many as the statement has
    /// parameters).
    fn execute(&mut self, values: &[Bound<'_>]) -> Result<()> {
        let Some(stmt) = self.raw else {
            self.cached
                .execute(rusqlite::params_from_iter(values.iter().map(to_sql)))?;
            return Ok(());
        };
        // SAFETY: `stmt` is the statement `cached` holds, used by no one
        // else while it is held. Each text is bound SQLITE_STATIC: SQLite
        // reads it during the step below, while `values` borrows it, and
        // the bindings are cleared before this returns, so no pointer to
        // it outlives the call.
        unsafe {
            let mut rc = ffi::SQLITE_OK;
            for (i, v) in values.iter().enumerate() {
                let at = (i + 1) as c_int;
                rc = match v {
                    Bound::Int(n) => ffi::sqlite3_bind_int64(stmt, at, *n),
                    Bound::Null => ffi::sqlite3_bind_null(stmt, at),
                    Bound::Text(s) => bind_text(stmt, at, s),
                    Bound::Owned(s) => bind_text(stmt, at, s),
                    Bound::ZeroBlob(n) => ffi::sqlite3_bind_zeroblob(stmt, at, *n),
                };
                if rc != ffi::SQLITE_OK {
                    break;
                }
            }
            if rc == ffi::SQLITE_OK {
                rc = ffi::sqlite3_step(stmt);
                if rc == ffi::SQLITE_DONE {
                    rc = ffi::SQLITE_OK;
                }
            }
            let error = (rc != ffi::SQLITE_OK).then(|| error(self.db, rc));
            ffi::sqlite3_reset(stmt);
            ffi::sqlite3_clear_bindings(stmt);
            match error {
                Some(e) => Err(e.into()),
                None => Ok(()),
            }
        }
    }
}

/// Binds `s` without a copy.
///
/// # Safety
/// `stmt` is a live statement; `s` stays where it is until the statement
/// is stepped and its bindings cleared.
#[allow(unsafe_code)]
unsafe fn bind_text(stmt: *mut ffi::sqlite3_stmt, at: c_int, s: &str) -> c_int {
    match c_int::try_from(s.len()) {
        Ok(len) => ffi::sqlite3_bind_text(stmt, at, s.as_ptr().cast(), len, ffi::SQLITE_STATIC()),
        Err(_) => ffi::SQLITE_TOOBIG,
    }
}

/// The error SQLite reports for `rc`, with its message.
///
/// # Safety
/// `db` is a live connection.
#[allow(unsafe_code)]
unsafe fn error(db: *mut ffi::sqlite3, rc: c_int) -> rusqlite::Error {
    let message = ffi::sqlite3_errmsg(db);
    let message =
        (!message.is_null()).then(|| CStr::from_ptr(message).to_string_lossy().into_owned());
    rusqlite::Error::SqliteFailure(ffi::Error::new(rc), message)
}

/// The one prepared statement of `db` whose SQL is `sql`, or None when
/// there are none or several.
///
/// # Safety
/// `db` is a live connection whose statements no other thread prepares or
/// finalizes meanwhile (a connection is used by one thread at a time).
#[allow(unsafe_code)]
unsafe fn only_statement_of(db: *mut ffi::sqlite3, sql: &str) -> Option<*mut ffi::sqlite3_stmt> {
    let mut found = None;
    let mut stmt = ffi::sqlite3_next_stmt(db, std::ptr::null_mut());
    while !stmt.is_null() {
        let text = ffi::sqlite3_sql(stmt);
        if !text.is_null() && CStr::from_ptr(text).to_bytes() == sql.as_bytes() {
            if found.is_some() {
                return None;
            }
            found = Some(stmt);
        }
        stmt = ffi::sqlite3_next_stmt(db, stmt);
    }
    found
}

/// What rusqlite binds for a value (when a statement's handle is unknown).
fn to_sql<'a>(v: &'a Bound<'_>) -> rusqlite::types::ToSqlOutput<'a> {
    use rusqlite::types::{ToSqlOutput, Value, ValueRef};
    match v {
        Bound::Int(n) => ToSqlOutput::Owned(Value::Integer(*n)),
        Bound::Null => ToSqlOutput::Owned(Value::Null),
        Bound::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        Bound::Owned(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        Bound::ZeroBlob(n) => ToSqlOutput::ZeroBlob(*n),
    }
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
    full: Chunk<'c>,
    values: Vec<Bound<'v>>,
}

impl<'c, 'v> RowInserter<'c, 'v> {
    /// An inserter of rows of `columns` values into the table and columns
    /// that `head` names (`INSERT INTO t (a, b) VALUES `).
    pub(crate) fn new(tx: &'c Connection, head: &'static str, columns: usize) -> Result<Self> {
        Ok(RowInserter {
            tx,
            head,
            columns,
            full: Chunk::new(tx, &chunk_sql(head, columns, CHUNK))?,
            values: Vec::with_capacity(CHUNK * columns),
        })
    }

    /// Adds one row, its values in the order of the columns; inserts the
    /// buffered rows when they make a chunk.
    pub(crate) fn push<const N: usize>(&mut self, row: [Bound<'v>; N]) -> Result<()> {
        debug_assert_eq!(
            N, self.columns,
            "a row of {N} values for {} columns",
            self.columns
        );
        self.values.extend(row);
        if self.values.len() >= CHUNK * self.columns {
            self.full.execute(&self.values)?;
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
            let mut stmt = Chunk::new(self.tx, &chunk_sql(self.head, self.columns, rows))?;
            while rest.len() >= len {
                let (chunk, tail) = rest.split_at(len);
                stmt.execute(chunk)?;
                rest = tail;
            }
        }
        self.values.clear();
        Ok(())
    }
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
            // Every fifth label is empty: stored as '', not NULL.
            let label = |i: usize| {
                if !i.is_multiple_of(5) {
                    format!("row {i}")
                } else {
                    String::new()
                }
            };
            let labels: Vec<String> = (0..count).map(label).collect();
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
                assert_eq!(s, (i % 3 != 0).then(|| label(i)));
            }
        }
    }

    #[test]
    fn a_row_breaking_a_constraint_is_an_error_and_the_next_rows_still_go_in() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (n INTEGER NOT NULL, b BLOB)")
            .unwrap();
        let head = "INSERT INTO t (n, b) VALUES ";
        let mut rows = RowInserter::new(&conn, head, 2).unwrap();
        rows.push([opt_int(None), Bound::ZeroBlob(1)]).unwrap();
        let err = rows.finish().unwrap_err();
        assert!(err.to_string().contains("NOT NULL"), "{err}");
        let mut rows = RowInserter::new(&conn, head, 2).unwrap();
        rows.push([int(7), Bound::ZeroBlob(0)]).unwrap();
        rows.push([int(8), Bound::ZeroBlob(2)]).unwrap();
        rows.finish().unwrap();
        let stored: Vec<(i64, Vec<u8>)> = conn
            .prepare("SELECT n, b FROM t ORDER BY rowid")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(stored, vec![(7, vec![]), (8, vec![0, 0])]);
    }
}
