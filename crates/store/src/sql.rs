//! Assembling SQL from fixed fragments with bound parameters.

use rusqlite::types::Value;

/// A WHERE clause assembled from fixed SQL fragments, with every user value
/// bound as a parameter (never formatted into the SQL).
#[derive(Default)]
pub(crate) struct Conditions {
    clauses: Vec<&'static str>,
    params: Vec<Value>,
}

impl Conditions {
    /// Adds `clause`, whose `?` placeholders take `values` in order.
    pub(crate) fn push(&mut self, clause: &'static str, values: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause);
        self.params.extend(values);
    }

    /// `WHERE a AND b …`, or nothing.
    pub(crate) fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    /// The bound values, followed by `extra` (limit, offset).
    pub(crate) fn params(&self, extra: &[i64]) -> Vec<Value> {
        let mut p = self.params.clone();
        p.extend(extra.iter().map(|&v| Value::Integer(v)));
        p
    }
}
