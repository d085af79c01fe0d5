//! Events by actor, target, CAMEO code, date range and place; timelines.

use crate::sql::Conditions;
use crate::types::{EventActor, EventFilter, EventPlace, EventRecord};
use crate::{document_ref, page_limit, parse_day, Result, Store};
use rusqlite::types::Value;

/// The columns [`event_row`] reads, in order.
pub(crate) const EVENT_COLUMNS: &str = "e.event, d.id, d.title, d.published, d.site, d.url,
    e.idx, e.source_name, e.source_code, e.source_actor, e.target_name, e.target_code,
    e.target_actor, e.cameo, e.root_code, e.goldstein, e.quad_class, e.modality, e.date, e.day,
    e.place_name, e.place_country, e.lat, e.lon, e.sentence_start, e.sentence_end,
    substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), e.quote,
    1 + (SELECT count(*) FROM events c WHERE c.copy_of = e.event)";

/// Reads one row of [`EVENT_COLUMNS`].
pub(crate) fn event_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EventRecord> {
    let side = |name: Option<String>, code: Option<String>, actor: Option<i64>| {
        name.map(|name| EventActor { name, code, actor })
    };
    let place_name: Option<String> = r.get(20)?;
    Ok(EventRecord {
        event_id: r.get(0)?,
        document: document_ref(r, 1)?,
        index: r.get::<_, i64>(6)? as usize,
        source: side(r.get(7)?, r.get(8)?, r.get(9)?),
        target: side(r.get(10)?, r.get(11)?, r.get(12)?),
        cameo: r.get(13)?,
        root_code: r.get(14)?,
        goldstein: r.get(15)?,
        quad_class: r.get::<_, i64>(16)? as u8,
        modality: r.get(17)?,
        date: parse_day(r.get(18)?),
        day: parse_day(r.get(19)?),
        place: match place_name {
            Some(name) => Some(EventPlace {
                name,
                country: r.get(21)?,
                lat: r.get(22)?,
                lon: r.get(23)?,
            }),
            None => None,
        },
        sentence_start: r.get::<_, i64>(24)? as usize,
        sentence_end: r.get::<_, i64>(25)? as usize,
        sentence: r.get::<_, Option<String>>(26)?.unwrap_or_default(),
        quote: r.get::<_, Option<i64>>(27)?.map(|q| q as usize),
        documents: r.get::<_, i64>(28)? as u64,
    })
}

/// The half-open range of strings starting with `prefix`: `[prefix,
/// prefix + U+10FFFF)`, so a prefix match can use an index (LIKE cannot,
/// and its wildcards would need escaping).
fn prefix_range(prefix: &str) -> [Value; 2] {
    [
        Value::Text(prefix.to_string()),
        Value::Text(format!("{prefix}\u{10FFFF}")),
    ]
}

/// Whether a place filter is an ISO alpha-3 country code: three capital
/// letters as typed ("ITA"; "Ita" or "ita" is a place name).
fn is_country_code(place: &str) -> bool {
    place.len() == 3 && place.bytes().all(|b| b.is_ascii_uppercase())
}

/// The WHERE conditions of an event filter.
pub(crate) fn event_conditions(filter: &EventFilter) -> Conditions {
    let mut cond = Conditions::default();
    if !filter.include_copies {
        cond.push("e.copy_of IS NULL", []);
    }
    if filter.facts_only {
        cond.push("e.fact = 1", []);
    }
    if let Some(code) = &filter.actor {
        cond.push(
            "e.source_code >= ? AND e.source_code < ?",
            prefix_range(&code.trim().to_uppercase()),
        );
    }
    if let Some(code) = &filter.target {
        cond.push(
            "e.target_code >= ? AND e.target_code < ?",
            prefix_range(&code.trim().to_uppercase()),
        );
    }
    if let Some(actor) = filter.actor_id {
        cond.push("e.source_actor = ?", [Value::Integer(actor)]);
    }
    if let Some(actor) = filter.target_id {
        cond.push("e.target_actor = ?", [Value::Integer(actor)]);
    }
    // Without statistics SQLite may pick the CAMEO or day index over an
    // actor or place index and then read thousands of rows to check the
    // actor. Actors and places are the narrower filters, and their indexes
    // hold cameo and day, so a unary `+` keeps those two off the index
    // choice when a narrower filter is present.
    let narrowed = filter.actor.is_some()
        || filter.target.is_some()
        || filter.actor_id.is_some()
        || filter.target_id.is_some()
        || filter.place.is_some();
    // A prefix of two or more characters fixes the root code (the first
    // two characters of `cameo`): equality on it reads events in day order
    // from its index, where the prefix's range on `cameo` would sort them all.
    let root: Option<String> = filter
        .code_prefix
        .as_ref()
        .map(|code| code.trim().chars().take(2).collect::<String>())
        .filter(|root| !narrowed && root.chars().count() == 2);
    if let Some(code) = &filter.code_prefix {
        if let Some(root) = &root {
            cond.push("e.root_code = ?", [Value::Text(root.clone())]);
        }
        cond.push(
            if narrowed || root.is_some() {
                "+e.cameo >= ? AND +e.cameo < ?"
            } else {
                "e.cameo >= ? AND e.cameo < ?"
            },
            prefix_range(code.trim()),
        );
    }
    // with the root code, a day range narrows its index further
    let day_narrowed = narrowed || (filter.code_prefix.is_some() && root.is_none());
    if let Some(from) = filter.date_from {
        cond.push(
            if day_narrowed {
                "+e.day >= ?"
            } else {
                "e.day >= ?"
            },
            [Value::Text(from.to_string())],
        );
    }
    if let Some(to) = filter.date_to {
        cond.push(
            if day_narrowed {
                "+e.day <= ? AND e.day <> ''"
            } else {
                "e.day <= ? AND e.day <> ''"
            },
            [Value::Text(to.to_string())],
        );
    }
    if let Some(place) = &filter.place {
        let place = place.trim();
        if is_country_code(place) {
            cond.push("e.place_country = ?", [Value::Text(place.to_string())]);
        } else {
            cond.push(
                "e.place_name = ? COLLATE NOCASE",
                [Value::Text(place.to_string())],
            );
        }
    }
    cond
}

/// The SQL of [`Store::events`] for these conditions: page over event ids
/// first (from the indexes), then read the rows shown — the sentence text
/// and copy counts cost per row.
pub(crate) fn events_sql(cond: &Conditions) -> String {
    format!(
        "SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.doc = e.doc
         WHERE e.event IN (
             SELECT e.event FROM events e {} ORDER BY e.day, e.event LIMIT ? OFFSET ?)
         ORDER BY e.day, e.event",
        cond.sql()
    )
}

/// The columns through which an event involves an actor in its timeline:
/// each side's own actor and the actor of its code's country, each read in
/// day order from its own index.
const TIMELINE_SIDES: [&str; 4] = ["source_actor", "target_actor", "source_unit", "target_unit"];

impl Store {
    /// Events matching `filter`, by counted day then storage order. By
    /// default each story's event once (see [`EventFilter::include_copies`]).
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRecord>> {
        let cond = event_conditions(filter);
        let sql = events_sql(&cond);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let params = cond.params(&[page_limit(filter.limit), filter.offset as i64]);
        let rows = stmt.query_map(rusqlite::params_from_iter(params), event_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The events an actor took part in (as source or target, itself or,
    /// for a country, through a side coded with it: its officials, its
    /// military, its people), each story once, in date order; at most
    /// `limit` (0: the default, 50).
    pub fn timeline(&self, actor_id: i64, limit: usize) -> Result<Vec<EventRecord>> {
        // The first `limit` events of each side, read in day order from its
        // index (an actor can have tens of thousands of events; collecting
        // and sorting them all is what made this slow), then merged.
        let sides = TIMELINE_SIDES
            .map(|column| {
                format!(
                    "SELECT event, day FROM (
                         SELECT event, day FROM events
                         WHERE {column} = ?1 AND copy_of IS NULL
                         ORDER BY day, event LIMIT ?2)"
                )
            })
            .join("\n UNION ");
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.doc = e.doc
             WHERE e.event IN (
                 SELECT event FROM ({sides}
                     ORDER BY day, event LIMIT ?2))
             ORDER BY e.day, e.event"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params![actor_id, page_limit(limit)], event_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
