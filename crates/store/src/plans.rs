//! `EXPLAIN QUERY PLAN` of the query API's main statements, for the scale
//! evaluation and for reviewing indexes.

use crate::events::{event_conditions, events_sql};
use crate::quotes::{quote_conditions, quotes_sql, SPEAKER_QUOTES_SQL};
use crate::search::SEARCH_SQL;
use crate::types::{EventFilter, QuoteFilter};
use crate::{Result, Store};

impl Store {
    /// The query plan of each main query (search, quotes by speaker and by
    /// words, events by actor, by target and code, by code, by date range, by
    /// place), as `(name, plan lines)`.
    pub fn query_plans(&self) -> Result<Vec<(String, Vec<String>)>> {
        let text = |s: &str| Some(s.to_string());
        let quotes = |name: &str, f: QuoteFilter| {
            (
                name.to_string(),
                quotes_sql(&quote_conditions(&f).unwrap_or_default()),
            )
        };
        let events =
            |name: &str, f: EventFilter| (name.to_string(), events_sql(&event_conditions(&f)));
        let day = chrono::NaiveDate::from_ymd_opt(2022, 3, 13);
        let statements = [
            ("search".to_string(), SEARCH_SQL.to_string()),
            (
                "quotes by speaker".to_string(),
                SPEAKER_QUOTES_SQL.to_string(),
            ),
            quotes(
                "quotes by words",
                QuoteFilter {
                    words: text("x"),
                    ..QuoteFilter::default()
                },
            ),
            events(
                "events by actor",
                EventFilter {
                    actor: text("USA"),
                    ..EventFilter::default()
                },
            ),
            events(
                "events by target and code",
                EventFilter {
                    target: text("USA"),
                    code_prefix: text("13"),
                    ..EventFilter::default()
                },
            ),
            events(
                "events by code",
                EventFilter {
                    code_prefix: text("11"),
                    ..EventFilter::default()
                },
            ),
            events(
                "events by date range",
                EventFilter {
                    date_from: day,
                    date_to: day,
                    ..EventFilter::default()
                },
            ),
            events(
                "events by place",
                EventFilter {
                    place: text("Rome"),
                    ..EventFilter::default()
                },
            ),
        ];
        let mut plans = Vec::new();
        for (name, sql) in statements {
            let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
            // EXPLAIN needs no values; bind NULL to every parameter.
            let nulls = vec![rusqlite::types::Null; stmt.parameter_count()];
            let lines = stmt
                .query_map(rusqlite::params_from_iter(nulls), |r| r.get::<_, String>(3))?
                .collect::<rusqlite::Result<_>>()?;
            plans.push((name, lines));
        }
        Ok(plans)
    }
}
