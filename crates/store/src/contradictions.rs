//! Claims and denials across documents: a denial found in one story (a
//! `contradiction` flag of the analysis) paired with the claim it answers
//! as another story reports it.
//!
//! A denial is kept with who denies it (the speaker of the quote it stands
//! in, else the first entity with a country inside it) and what it denies:
//! the events coded inside the flag's spans (the restated or nearby claim),
//! each as who is said to act on whom (countries) and a CAMEO root ("MDA →
//! ROU, 02"). A claim is an asserted or reported event of another story with
//! the same key, at most [`WINDOW_BACK`] days before the denial (or
//! [`WINDOW_AHEAD`] after: dates are a publication's, not the event's). The
//! denier must be a party to it (one of the pair). Events inside a denial's
//! own words are the denied claim restated, never a claim of their own.
//!
//! Whichever of the two documents is stored second makes the link, so the
//! record does not depend on ingest order.

use crate::types::{
    ClaimRecord, ContradictionFilter, ContradictionRecord, DenialRecord, EventActor,
};
use crate::{document_ref, page_limit, parse_day, Result, Store};
use chrono::NaiveDate;
use model::contract::{OutEvent, OutFlag, Output, TextSpan};
use rusqlite::types::Value;
use rusqlite::{params, Connection};
use std::collections::BTreeSet;

/// Days a claim may precede its denial.
pub const WINDOW_BACK: i64 = 14;
/// Days a claim may follow its denial (publication dates of two outlets).
pub const WINDOW_AHEAD: i64 = 1;

/// The country (or IGO, NGO, …) part of an actor code; `None` for no code
/// or a countryless `---` role.
fn country(code: Option<&str>) -> Option<&str> {
    let root = code?.get(..3)?;
    root.bytes().all(|b| b.is_ascii_uppercase()).then_some(root)
}

/// What an event is about, as a denial and a claim are compared: the
/// country said to act, the country acted on, and the CAMEO root ("Sweden
/// denied it asked Kenya" does not answer "Kenya asked Sweden").
type Key = (String, String, String);

fn key(e: &OutEvent) -> Option<Key> {
    let s = country(e.source.as_ref().and_then(|r| r.actor.as_deref()))?;
    let t = country(e.target.as_ref().and_then(|r| r.actor.as_deref()))?;
    if s == t {
        return None;
    }
    let root = e.cameo.get(..2)?;
    Some((s.to_string(), t.to_string(), root.to_string()))
}

fn overlaps(a: &TextSpan, start: usize, end: usize) -> bool {
    a.start < end && start < a.end
}

fn shifted(day: &str, days: i64) -> Option<String> {
    let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some((d + chrono::Duration::days(days)).to_string())
}

fn days_between(from: &str, to: &str) -> i64 {
    match (
        NaiveDate::parse_from_str(from, "%Y-%m-%d"),
        NaiveDate::parse_from_str(to, "%Y-%m-%d"),
    ) {
        (Ok(a), Ok(b)) => (b - a).num_days(),
        _ => 0,
    }
}

/// Who denies: the speaker of a quote the denial stands in, when it has a
/// country; else the first entity with a country named inside the denial.
fn denier(output: &Output, d: &TextSpan) -> Option<(String, String)> {
    let entity_name = |id: &str| {
        output
            .entities
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.name.clone())
    };
    // the first entity with a country named inside the denial
    let named = output
        .entities
        .iter()
        .filter(|e| e.kind != "DATE")
        .filter_map(|e| {
            let code = e.actor.as_deref().filter(|c| country(Some(c)).is_some())?;
            let first = e
                .mentions
                .iter()
                .filter(|m| m.start >= d.start && m.end <= d.end)
                .map(|m| m.start)
                .min()?;
            Some((first, e.name.clone(), code.to_string()))
        })
        .min_by_key(|(first, _, _)| *first)
        .map(|(_, name, code)| (name, code));
    for q in &output.quotes {
        if !(q.start < d.end && d.start < q.end) {
            continue;
        }
        if let Some(sp) = &q.speaker {
            if let Some(code) = sp.actor.as_deref().filter(|c| country(Some(c)).is_some()) {
                // A speaker phrase can run on ("Moldova on Tuesday"): the
                // entity of the same country inside the denial names it.
                let name = match (&sp.entity, &named) {
                    (Some(id), _) => entity_name(id).unwrap_or_else(|| sp.name.clone()),
                    (None, Some((name, c))) if country(Some(c)) == country(Some(code)) => {
                        name.clone()
                    }
                    _ => sp.name.clone(),
                };
                return Some((name, code.to_string()));
            }
        }
    }
    named
}

/// The denials of a flag list: (flag index, claim span, denial span).
fn denial_flags(flags: &[OutFlag]) -> impl Iterator<Item = (usize, &TextSpan, &TextSpan)> {
    flags
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == "contradiction")
        .filter_map(|(i, f)| match f.spans.as_slice() {
            [claim, denial] => Some((i, claim, denial)),
            _ => None,
        })
}

/// What [`record`] needs to know of the document being stored.
pub(crate) struct Stored<'a> {
    pub doc: i64,
    pub story: i64,
    pub first_of_story: bool,
    pub published: Option<&'a str>,
}

/// A claim event: (row id, document, day, sentence length).
type Claim<'a> = (i64, i64, &'a str, i64);

/// Links a denial to a claim document, through the claim event with the
/// longest sentence (a headline's event says less of who claimed it).
fn link(tx: &Connection, denial: i64, claim: Claim<'_>, denial_day: &str, key: &Key) -> Result<()> {
    let (event, claim_doc, claim_day, claim_len) = claim;
    tx.prepare_cached(
        "INSERT INTO contradictions (denial, claim_doc, event, claim_len, day, a, b, days_apart)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (denial, claim_doc) DO UPDATE SET event = excluded.event,
             claim_len = excluded.claim_len, days_apart = excluded.days_apart
         WHERE excluded.claim_len > contradictions.claim_len",
    )?
    .execute(params![
        denial,
        claim_doc,
        event,
        claim_len,
        denial_day,
        key.0,
        key.1,
        days_between(claim_day, denial_day)
    ])?;
    Ok(())
}

/// Keeps the document's denials and links them, and its claims, to what
/// other stories hold. `events` holds the row id of each of the document's
/// events that is listed (not a near-duplicate's copy).
pub(crate) fn record(
    tx: &Connection,
    doc: &Stored<'_>,
    output: &Output,
    events: &[Option<i64>],
) -> Result<()> {
    let day = doc.published.unwrap_or("");
    let mut denial_spans: Vec<&TextSpan> = Vec::new();
    if doc.first_of_story && !day.is_empty() {
        // One denial per sentence: "X denied the report, calling it false"
        // is two flags in one statement (and the second may point back to
        // another claim of the article).
        let chars: Vec<char> = output.document.article.text.chars().collect();
        let mut previous_end: Option<usize> = None;
        for (flag, claim, denial) in denial_flags(&output.flags) {
            denial_spans.push(denial);
            let same_sentence = previous_end.is_some_and(|end| {
                end <= denial.start
                    && chars.get(end..denial.start).is_some_and(|between| {
                        !between.iter().any(|c| matches!(c, '.' | '!' | '?' | '\n'))
                    })
            });
            previous_end = Some(denial.end);
            if same_sentence {
                continue;
            }
            let Some((name, code)) = denier(output, denial) else {
                continue;
            };
            let Some(root) = country(Some(&code)) else {
                continue;
            };
            let keys: BTreeSet<Key> = output
                .events
                .iter()
                .filter(|e| {
                    overlaps(&e.trigger, claim.start, claim.end)
                        || overlaps(&e.trigger, denial.start, denial.end)
                })
                .filter_map(key)
                .filter(|(a, b, _)| a == root || b == root)
                .collect();
            if keys.is_empty() {
                continue;
            }
            tx.prepare_cached(
                "INSERT INTO denials (doc, story, flag, start, end, claim_start, claim_end,
                     denier, denier_code, day)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                doc.doc,
                doc.story,
                flag as i64,
                denial.start as i64,
                denial.end as i64,
                claim.start as i64,
                claim.end as i64,
                name,
                code,
                day
            ])?;
            let id = tx.last_insert_rowid();
            let (Some(from), Some(to)) = (shifted(day, -WINDOW_BACK), shifted(day, WINDOW_AHEAD))
            else {
                continue;
            };
            for k in &keys {
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO denial_keys (a, b, root, day, denial)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![k.0, k.1, k.2, day, id])?;
                let claims: Vec<(i64, i64, String, i64)> = tx
                    .prepare_cached(
                        "SELECT e.event, e.doc, d.published, e.sentence_end - e.sentence_start
                         FROM events e JOIN documents d ON d.doc = e.doc
                         WHERE substr(e.source_code, 1, 3) = ?1
                           AND substr(e.target_code, 1, 3) = ?2
                           AND e.root_code = ?3 AND d.published >= ?4 AND d.published <= ?5
                           AND e.copy_of IS NULL AND e.modality IN ('asserted', 'reported')
                           AND e.story <> ?6
                           AND NOT EXISTS (SELECT 1 FROM denials x WHERE x.doc = e.doc
                               AND x.start < e.sentence_end AND x.end > e.sentence_start)
                         ORDER BY e.event",
                    )?
                    .query_map(params![k.0, k.1, k.2, from, to, doc.story], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                    })?
                    .collect::<rusqlite::Result<_>>()?;
                for (event, claim_doc, claim_day, len) in &claims {
                    link(tx, id, (*event, *claim_doc, claim_day, *len), day, k)?;
                }
            }
        }
    }
    // This document's events as the claims of denials already stored.
    for (e, id) in output.events.iter().zip(events) {
        let Some(id) = id else { continue };
        if !matches!(e.modality.as_str(), "asserted" | "reported")
            || denial_spans
                .iter()
                .any(|d| overlaps(d, e.sentence.start, e.sentence.end))
        {
            continue;
        }
        let Some(k) = key(e) else { continue };
        // the claim's day is its document's publication date
        let (Some(from), Some(to)) = (shifted(day, -WINDOW_AHEAD), shifted(day, WINDOW_BACK))
        else {
            continue;
        };
        let denials: Vec<(i64, String)> = tx
            .prepare_cached(
                "SELECT k.denial, k.day FROM denial_keys k JOIN denials d ON d.denial = k.denial
                 WHERE k.a = ?1 AND k.b = ?2 AND k.root = ?3 AND k.day >= ?4 AND k.day <= ?5
                   AND d.story <> ?6",
            )?
            .query_map(params![k.0, k.1, k.2, from, to, doc.story], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (denial, denial_day) in denials {
            let len = e.sentence.end.saturating_sub(e.sentence.start) as i64;
            link(tx, denial, (*id, doc.doc, day, len), &denial_day, &k)?;
        }
    }
    Ok(())
}

/// The columns [`contradiction_row`] reads.
const COLUMNS: &str = "c.days_apart, c.a, c.b,
    dd.id, dd.title, dd.published, dd.site, dd.url,
    n.start, n.end, substr(dd.text, n.start + 1, n.end - n.start), n.denier, n.denier_code, n.day,
    cd.id, cd.title, cd.published, cd.site, cd.url,
    e.cameo, e.source_name, e.source_code, e.source_actor, e.target_name, e.target_code,
    e.target_actor, e.day, e.sentence_start, e.sentence_end,
    substr(cd.text, e.sentence_start + 1, e.sentence_end - e.sentence_start),
    q.start, q.end, q.text, q.speaker_name, q.speaker_code, q.via";

type Row = (ContradictionRecord, Option<String>);

fn contradiction_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    let side = |name: Option<String>, code: Option<String>, actor: Option<i64>| {
        name.map(|name| EventActor { name, code, actor })
    };
    let quote_start: Option<i64> = r.get(30)?;
    let (start, end, text, speaker, speaker_code) = match quote_start {
        Some(start) => (
            start as usize,
            r.get::<_, i64>(31)? as usize,
            r.get::<_, String>(32)?,
            r.get(33)?,
            r.get(34)?,
        ),
        None => (
            r.get::<_, i64>(27)? as usize,
            r.get::<_, i64>(28)? as usize,
            r.get::<_, Option<String>>(29)?.unwrap_or_default(),
            None,
            None,
        ),
    };
    let a: String = r.get(1)?;
    let b: String = r.get(2)?;
    let cameo: String = r.get(19)?;
    let denier: Option<String> = r.get(11)?;
    let denier_code: String = r.get(12)?;
    let days_apart: i64 = r.get(0)?;
    let reason = format!(
        "{} ({denier_code}) is a party to the claim ({a} → {b}, CAMEO {cameo}), denied {}",
        denier.as_deref().unwrap_or("the denier"),
        match days_apart {
            0 => "the same day".to_string(),
            1 => "a day later".to_string(),
            n if n > 1 => format!("{n} days later"),
            n => format!("{} day(s) before the claim was published", -n),
        }
    );
    Ok((
        ContradictionRecord {
            claim: ClaimRecord {
                document: document_ref(r, 14)?,
                start,
                end,
                text,
                speaker,
                speaker_code,
                via: Vec::new(),
                cameo,
                source: side(r.get(20)?, r.get(21)?, r.get(22)?),
                target: side(r.get(23)?, r.get(24)?, r.get(25)?),
                day: parse_day(r.get(26)?),
            },
            denial: DenialRecord {
                document: document_ref(r, 3)?,
                start: r.get::<_, i64>(8)? as usize,
                end: r.get::<_, i64>(9)? as usize,
                text: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
                denier,
                denier_code,
                day: parse_day(r.get(13)?),
            },
            days_apart,
            reason,
        },
        r.get(35)?,
    ))
}

impl Store {
    /// Claims paired with their denials across stories, latest denial
    /// first. With an actor code, only pairs about that country (or IGO):
    /// its first three letters are one side of the claim.
    pub fn contradictions(&self, filter: &ContradictionFilter) -> Result<Vec<ContradictionRecord>> {
        let mut cond: Vec<&str> = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        if let Some(code) = filter.actor.as_deref().map(str::trim) {
            let root: String = code.to_uppercase().chars().take(3).collect();
            cond.push("c.denial IN (SELECT denial FROM contradictions WHERE a = ? UNION SELECT denial FROM contradictions WHERE b = ?)");
            values.push(Value::Text(root.clone()));
            values.push(Value::Text(root));
        }
        if let Some(from) = filter.date_from {
            cond.push("c.day >= ?");
            values.push(Value::Text(from.to_string()));
        }
        if let Some(to) = filter.date_to {
            cond.push("c.day <= ?");
            values.push(Value::Text(to.to_string()));
        }
        let filter_sql = if cond.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", cond.join(" AND "))
        };
        let sql = format!(
            "SELECT {COLUMNS} FROM (
                 SELECT * FROM contradictions c {filter_sql}
                 ORDER BY c.day DESC, c.denial, c.claim_doc LIMIT ? OFFSET ?) c
             JOIN denials n ON n.denial = c.denial
             JOIN documents dd ON dd.doc = n.doc
             JOIN events e ON e.event = c.event
             JOIN documents cd ON cd.doc = e.doc
             LEFT JOIN quotes q ON q.doc = e.doc AND q.idx = e.quote
             ORDER BY c.day DESC, c.denial, c.claim_doc"
        );
        values.push(Value::Integer(page_limit(filter.limit)));
        values.push(Value::Integer(filter.offset as i64));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values), contradiction_row)?;
        let mut out = Vec::new();
        for row in rows {
            let (mut record, via) = row?;
            if let Some(via) = via {
                record.claim.via = serde_json::from_str(&via)?;
            }
            out.push(record);
        }
        Ok(out)
    }
}
