//! Cross-document actors and the actor graph.

use crate::names::normalise;
use crate::periods::{split, PeriodRanges};
use crate::types::{ActorCode, ActorEdge, ActorGraph, ActorName, ActorSummary};
use crate::{page_limit, parse_day, Result, Store};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension};
use std::collections::BTreeSet;

const ACTOR_COLUMNS: &str = "actor, name, type, code, mentions, documents";

fn actor_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ActorSummary> {
    Ok(ActorSummary {
        actor_id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        code: r.get(3)?,
        mentions: r.get::<_, i64>(4)? as u64,
        documents: r.get::<_, i64>(5)? as u64,
        codes: Vec::new(),
        names: Vec::new(),
    })
}

/// The SQL of a date-range actor graph over `ranges` (whole years, whole
/// months, leftover days, each from its own totals) and its bound values
/// before the limit; no values when the range is empty.
fn graph_range_sql(ranges: &PeriodRanges) -> (String, Vec<String>) {
    let mut parts = Vec::new();
    let mut values = Vec::new();
    let sources = [
        (
            &ranges.days,
            "SELECT source_actor, target_actor, events, goldstein_sum, day AS first_day,
                 day AS last_day FROM pair_days WHERE day >= ? AND day <= ?",
        ),
        (
            &ranges.months,
            "SELECT source_actor, target_actor, events, goldstein_sum, first_day, last_day
             FROM pair_months WHERE period >= ? AND period <= ?",
        ),
        (
            &ranges.years,
            "SELECT source_actor, target_actor, events, goldstein_sum, first_day, last_day
             FROM pair_years WHERE period >= ? AND period <= ?",
        ),
    ];
    for (list, part) in sources {
        for (first, last) in list {
            parts.push(part);
            values.push(first.clone());
            values.push(last.clone());
        }
    }
    let sql = format!(
        "SELECT source_actor, target_actor, sum(events), sum(goldstein_sum),
                min(first_day), max(last_day)
         FROM ({})
         GROUP BY source_actor, target_actor
         ORDER BY 3 DESC, 1, 2
         LIMIT ?",
        parts.join(" UNION ALL ")
    );
    (sql, values)
}

impl Store {
    /// Fills in the codes each actor's mentions got.
    fn with_codes(&self, mut actors: Vec<ActorSummary>) -> Result<Vec<ActorSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT code, mentions, documents FROM actor_codes WHERE actor = ?1
             ORDER BY mentions DESC, code",
        )?;
        for a in &mut actors {
            let rows = stmt.query_map(params![a.actor_id], |r| {
                Ok(ActorCode {
                    code: r.get(0)?,
                    mentions: r.get::<_, i64>(1)? as u64,
                    documents: r.get::<_, i64>(2)? as u64,
                })
            })?;
            a.codes = rows.collect::<rusqlite::Result<_>>()?;
        }
        Ok(actors)
    }

    /// The most mentioned actors (mentions counted once per story), at most
    /// `limit` (0: the default, 50).
    pub fn actors(&self, limit: usize) -> Result<Vec<ActorSummary>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ACTOR_COLUMNS} FROM actors ORDER BY mentions DESC, actor LIMIT ?1"
        ))?;
        let rows = stmt.query_map(params![page_limit(limit)], actor_row)?;
        self.with_codes(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One actor by id.
    pub fn actor(&self, actor_id: i64) -> Result<Option<ActorSummary>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ACTOR_COLUMNS} FROM actors WHERE actor = ?1"
        ))?;
        let found = stmt.query_row(params![actor_id], actor_row).optional()?;
        let Some(mut actor) = self.with_codes(found.into_iter().collect())?.pop() else {
            return Ok(None);
        };
        actor.names = self
            .conn
            .prepare_cached(
                "SELECT name, mentions FROM actor_names WHERE actor = ?1
                 ORDER BY mentions DESC, name LIMIT 50",
            )?
            .query_map(params![actor_id], |r| {
                Ok(ActorName {
                    name: r.get(0)?,
                    mentions: r.get::<_, i64>(1)? as u64,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(actor))
    }

    /// Actors named `name` (full name or surname, case and punctuation
    /// ignored), seen under that spelling ("Ottawa" finds Canada), or
    /// coded `name` exactly, most mentioned first.
    pub fn find_actors(&self, name: &str) -> Result<Vec<ActorSummary>> {
        let norm = normalise(name);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ACTOR_COLUMNS} FROM actors WHERE actor IN (
                 SELECT actor FROM actors WHERE norm = ?1
                 UNION SELECT actor FROM actors WHERE last = ?1
                 UNION SELECT actor FROM actors WHERE code = ?2
                 UNION SELECT actor FROM actor_names WHERE norm = ?1)
             ORDER BY mentions DESC, actor LIMIT 100"
        ))?;
        let rows = stmt.query_map(params![norm, name.trim().to_uppercase()], actor_row)?;
        self.with_codes(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Who acted on whom: directed actor pairs with their number of fact
    /// events (asserted, reported, future; each story once), mean Goldstein
    /// value and first/last counted day, most events first, at most `limit`
    /// edges (0: the default, 50). With a date bound, events of unknown date
    /// are left out; whole years and months of the range are read from
    /// totals kept per year and month.
    pub fn actor_graph(
        &self,
        date_from: Option<NaiveDate>,
        date_to: Option<NaiveDate>,
        limit: usize,
    ) -> Result<ActorGraph> {
        let edge = |r: &rusqlite::Row<'_>| {
            let events: i64 = r.get(2)?;
            let sum: f64 = r.get(3)?;
            Ok(ActorEdge {
                source: r.get(0)?,
                target: r.get(1)?,
                events: events as u64,
                mean_goldstein: if events > 0 { sum / events as f64 } else { 0.0 },
                first: parse_day(r.get(4)?),
                last: parse_day(r.get(5)?),
            })
        };
        let edges: Vec<ActorEdge> = if date_from.is_none() && date_to.is_none() {
            // all time: the totals each insert keeps
            let mut stmt = self.conn.prepare_cached(
                "SELECT source_actor, target_actor, events, goldstein_sum, first_day, last_day
                 FROM pairs ORDER BY events DESC, source_actor, target_actor LIMIT ?1",
            )?;
            let rows = stmt.query_map(params![page_limit(limit)], edge)?;
            rows.collect::<rusqlite::Result<_>>()?
        } else {
            // Unbounded ends: year 0 and 9999 are the widest dates written
            // with four digits; '' (unknown day) sorts before both.
            let from = date_from.or_else(|| NaiveDate::from_ymd_opt(0, 1, 1));
            let to = date_to.or_else(|| NaiveDate::from_ymd_opt(9999, 12, 31));
            let ranges = match (from, to) {
                (Some(from), Some(to)) => split(from, to),
                _ => None,
            };
            let ranges = ranges.unwrap_or_else(|| PeriodRanges {
                // outside years 0-9999: every day's row, as written
                days: vec![(
                    date_from
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "0".into()),
                    date_to
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "9999-12-31".into()),
                )],
                ..PeriodRanges::default()
            });
            let (sql, values) = graph_range_sql(&ranges);
            if values.is_empty() {
                Vec::new()
            } else {
                let mut stmt = self.conn.prepare_cached(&sql)?;
                let mut values: Vec<Value> = values.into_iter().map(Value::Text).collect();
                values.push(Value::Integer(page_limit(limit)));
                let rows = stmt.query_map(rusqlite::params_from_iter(values), edge)?;
                rows.collect::<rusqlite::Result<_>>()?
            }
        };
        let ids: BTreeSet<i64> = edges.iter().flat_map(|e| [e.source, e.target]).collect();
        let mut nodes = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(actor) = self.actor(id)? {
                nodes.push(actor);
            }
        }
        Ok(ActorGraph { nodes, edges })
    }
}
