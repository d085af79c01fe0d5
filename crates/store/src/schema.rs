//! The database schema and its migrations.
//!
//! `PRAGMA user_version` holds the number of migrations applied. Each
//! migration runs in its own transaction, so a crash mid-migration leaves the
//! previous version intact. Never edit a released migration, nor a piece of SQL
//! that one shares (the `*_from_days` and `recount_graph` macros): append a
//! new one.

use crate::Result;
use rusqlite::{Connection, TransactionBehavior};

/// The actor graph's all-time totals (`pairs`) summed from `pair_days`.
macro_rules! pairs_from_days {
    () => {
        r#"
INSERT INTO pairs
    SELECT source_actor, target_actor, sum(events), sum(goldstein_sum),
           min(nullif(day, '')), max(nullif(day, ''))
    FROM pair_days GROUP BY source_actor, target_actor;
"#
    };
}

/// The actor graph's month and year totals summed from `pair_days` (see
/// version 6).
macro_rules! periods_from_days {
    () => {
        r#"
INSERT INTO pair_months
    SELECT substr(day, 1, 7), source_actor, target_actor, sum(events), sum(goldstein_sum),
           min(day), max(day)
    FROM pair_days WHERE day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
    GROUP BY 1, 2, 3;
INSERT INTO pair_years
    SELECT substr(period, 1, 4), source_actor, target_actor, sum(events), sum(goldstein_sum),
           min(first_day), max(last_day)
    FROM pair_months GROUP BY 1, 2, 3;
"#
    };
}

/// The actor graph summed again from the events: its tables emptied,
/// `pair_days` filled by `$days` (a SELECT of source, target, day, events
/// and Goldstein sum), and the coarser totals summed from it. The tail of
/// each migration that changes what the graph counts.
macro_rules! recount_graph {
    ($days:literal) => {
        concat!(
            "
DELETE FROM pair_days;
DELETE FROM pairs;
DELETE FROM pair_months;
DELETE FROM pair_years;
INSERT INTO pair_days",
            $days,
            ";",
            pairs_from_days!(),
            periods_from_days!()
        )
    };
}

/// The schema as of version 1.
///
/// Conventions: `doc`, `entity`, `quote`, `event`, `actor` are integer row ids;
/// `id` is the caller's document identifier. Offsets are code points (the
/// contract's form). `day` is the date an event is counted under: its own
/// date, else the document's publication date, else `''` (unknown).
/// `copy_of` marks a quote or event that repeats one already stored for the
/// same story (near-duplicate documents), so aggregates count a story once.
const V1: &str = r#"
CREATE TABLE documents (
    doc          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    url          TEXT,
    title        TEXT,
    published    TEXT,
    site         TEXT,
    language     TEXT,
    text         TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    fingerprint  INTEGER,
    fp0 INTEGER, fp1 INTEGER, fp2 INTEGER, fp3 INTEGER,
    story        INTEGER NOT NULL,
    added        INTEGER NOT NULL,
    -- the newsgraph/1 output with document.text blanked (it is in `text`);
    -- from version 11 on an LZ4 frame of that JSON (see V11)
    output       TEXT NOT NULL
);
CREATE INDEX documents_story ON documents(story);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_fp0 ON documents(fp0) WHERE fp0 IS NOT NULL;
CREATE INDEX documents_fp1 ON documents(fp1) WHERE fp1 IS NOT NULL;
CREATE INDEX documents_fp2 ON documents(fp2) WHERE fp2 IS NOT NULL;
CREATE INDEX documents_fp3 ON documents(fp3) WHERE fp3 IS NOT NULL;

-- one row per story: `story` is the doc of its first document
CREATE TABLE stories (
    story     INTEGER PRIMARY KEY,
    documents INTEGER NOT NULL
);

-- exact copies refused under another id (re-ingesting the same id is not a copy)
CREATE TABLE exact_duplicates (
    id  TEXT PRIMARY KEY,
    doc INTEGER NOT NULL
);
CREATE INDEX exact_duplicates_doc ON exact_duplicates(doc);

-- one row per real-world actor across documents
CREATE TABLE actors (
    actor     INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE,   -- "TYPE|normalised name"
    name      TEXT NOT NULL,
    norm      TEXT NOT NULL,
    last      TEXT NOT NULL,          -- last word of `norm` (surname lookups)
    type      TEXT NOT NULL,
    code      TEXT,
    mentions  INTEGER NOT NULL DEFAULT 0,
    documents INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actors_norm ON actors(norm);
CREATE INDEX actors_last ON actors(last);
CREATE INDEX actors_code ON actors(code);
CREATE INDEX actors_mentions ON actors(mentions DESC, actor);

CREATE TABLE entities (
    entity   INTEGER PRIMARY KEY,
    doc      INTEGER NOT NULL REFERENCES documents(doc),
    local_id TEXT NOT NULL,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,
    code     TEXT,
    value    TEXT,
    actor    INTEGER REFERENCES actors(actor),
    UNIQUE (doc, local_id)
);
CREATE INDEX entities_actor ON entities(actor);

CREATE TABLE mentions (
    entity INTEGER NOT NULL REFERENCES entities(entity),
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    text   TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity);

CREATE TABLE quotes (
    quote          INTEGER PRIMARY KEY,
    doc            INTEGER NOT NULL REFERENCES documents(doc),
    story          INTEGER NOT NULL,
    idx            INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    text           TEXT NOT NULL,
    text_hash      INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    speaker_name   TEXT,
    speaker_entity TEXT,
    speaker_code   TEXT,
    speaker_actor  INTEGER REFERENCES actors(actor),
    cue            TEXT,
    via            TEXT NOT NULL,   -- JSON array of newsgraph/1 references
    copy_of        INTEGER
);
CREATE INDEX quotes_doc ON quotes(doc);
CREATE INDEX quotes_speaker ON quotes(speaker_actor, quote);
CREATE INDEX quotes_story_text ON quotes(story, text_hash);

CREATE TABLE events (
    event          INTEGER PRIMARY KEY,
    doc            INTEGER NOT NULL REFERENCES documents(doc),
    story          INTEGER NOT NULL,
    idx            INTEGER NOT NULL,
    source_name    TEXT,
    source_entity  TEXT,
    source_code    TEXT,
    source_actor   INTEGER REFERENCES actors(actor),
    target_name    TEXT,
    target_entity  TEXT,
    target_code    TEXT,
    target_actor   INTEGER REFERENCES actors(actor),
    cameo          TEXT NOT NULL,
    root_code      TEXT NOT NULL,
    goldstein      REAL NOT NULL,
    quad_class     INTEGER NOT NULL,
    modality       TEXT NOT NULL,
    fact           INTEGER NOT NULL,  -- asserted, reported or future
    date           TEXT,
    day            TEXT NOT NULL,
    place_name     TEXT,
    place_country  TEXT,
    lat            REAL,
    lon            REAL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    quote          INTEGER,           -- index into the document's quotes
    copy_of        INTEGER
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_day ON events(day, event);
CREATE INDEX events_source_code ON events(source_code, day);
CREATE INDEX events_target_code ON events(target_code, day);
CREATE INDEX events_cameo ON events(cameo, day);
CREATE INDEX events_place ON events(place_name COLLATE NOCASE);
CREATE INDEX events_place_country ON events(place_country);
CREATE INDEX events_source_actor ON events(source_actor, day);
CREATE INDEX events_target_actor ON events(target_actor, day);
CREATE INDEX events_story_cameo ON events(story, cameo);
CREATE INDEX events_copy_of ON events(copy_of) WHERE copy_of IS NOT NULL;

-- the actor graph, pre-aggregated per day: fact events, each story once
CREATE TABLE pair_days (
    source_actor  INTEGER NOT NULL,
    target_actor  INTEGER NOT NULL,
    day           TEXT NOT NULL,
    events        INTEGER NOT NULL,
    goldstein_sum REAL NOT NULL,
    PRIMARY KEY (source_actor, target_actor, day)
) WITHOUT ROWID;
CREATE INDEX pair_days_day ON pair_days(day);

-- full text: external-content tables (the text is stored once, in documents/quotes)
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='doc'
);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content='quotes', content_rowid='quote'
);
"#;

/// Version 2: query speed at 100,000 documents. Counters and all-time actor
/// pairs kept up to date by each insert (counting 100,000s of rows or
/// grouping every event per query is too slow), and partial covering
/// indexes for listings that hide near-duplicate copies.
const V2: &str = concat!(
    r#"
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, value)
    SELECT 'documents', count(*) FROM documents
    UNION ALL SELECT 'stories', count(*) FROM stories
    UNION ALL SELECT 'entities', count(*) FROM entities WHERE type <> 'DATE'
    UNION ALL SELECT 'quotes', count(*) FROM quotes WHERE copy_of IS NULL
    UNION ALL SELECT 'events', count(*) FROM events WHERE copy_of IS NULL;

-- the actor graph over all time: pair_days summed
CREATE TABLE pairs (
    source_actor  INTEGER NOT NULL,
    target_actor  INTEGER NOT NULL,
    events        INTEGER NOT NULL,
    goldstein_sum REAL NOT NULL,
    first_day     TEXT,
    last_day      TEXT,
    PRIMARY KEY (source_actor, target_actor)
) WITHOUT ROWID;
"#,
    pairs_from_days!(),
    r#"
CREATE INDEX pairs_events ON pairs(events DESC, source_actor, target_actor);

DROP INDEX quotes_speaker;
CREATE INDEX quotes_speaker ON quotes(speaker_actor, quote) WHERE copy_of IS NULL;
DROP INDEX events_source_code;
DROP INDEX events_target_code;
DROP INDEX events_cameo;
DROP INDEX events_place;
DROP INDEX events_place_country;
CREATE INDEX events_source_code ON events(source_code, cameo, fact, day) WHERE copy_of IS NULL;
CREATE INDEX events_target_code ON events(target_code, cameo, fact, day) WHERE copy_of IS NULL;
CREATE INDEX events_cameo ON events(cameo, fact, day) WHERE copy_of IS NULL;
CREATE INDEX events_place ON events(place_name COLLATE NOCASE, fact, day) WHERE copy_of IS NULL;
CREATE INDEX events_place_country ON events(place_country, fact, day) WHERE copy_of IS NULL;
CREATE INDEX events_listed_day ON events(day, fact) WHERE copy_of IS NULL;
"#
);

/// Version 3: quotes by the speaker's name as written ("the Japanese foreign
/// ministry"), for speakers whose actor record has another name.
const V3: &str = r#"
CREATE INDEX quotes_speaker_name ON quotes(speaker_name COLLATE NOCASE, quote)
    WHERE copy_of IS NULL;
"#;

/// Version 4: place filters read events in day order straight from the
/// index (a place can hold a tenth of all events; sorting them is slow).
const V4: &str = r#"
DROP INDEX events_place;
DROP INDEX events_place_country;
CREATE INDEX events_place ON events(place_name COLLATE NOCASE, day) WHERE copy_of IS NULL;
CREATE INDEX events_place_country ON events(place_country, day) WHERE copy_of IS NULL;
"#;

/// Version 5: the actor graph over a date range and actor timelines at
/// 100,000 documents. A date-range graph reads a month's `pair_days` rows
/// (thousands): the covering index serves them without a table lookup each.
/// A timeline reads an actor's first events in day order from each side's
/// index; the partial indexes hold only the listed (non-copy) events, so
/// the first `limit` entries are the answer instead of every event of the
/// actor sorted.
const V5: &str = r#"
DROP INDEX pair_days_day;
CREATE INDEX pair_days_day ON pair_days(day, source_actor, target_actor, events, goldstein_sum);
CREATE INDEX events_source_listed ON events(source_actor, day) WHERE copy_of IS NULL;
CREATE INDEX events_target_listed ON events(target_actor, day) WHERE copy_of IS NULL;
"#;

/// Version 6: the actor graph per month and per year, kept by each insert
/// beside `pair_days`, so a date range reads whole years and months as one
/// row per pair (a year of days is tens of thousands of rows). Only days
/// written `YYYY-MM-DD` are totalled; `period` is `YYYY-MM` or `YYYY`.
const V6: &str = concat!(
    r#"
CREATE TABLE pair_months (
    period        TEXT NOT NULL,
    source_actor  INTEGER NOT NULL,
    target_actor  INTEGER NOT NULL,
    events        INTEGER NOT NULL,
    goldstein_sum REAL NOT NULL,
    first_day     TEXT NOT NULL,
    last_day      TEXT NOT NULL,
    PRIMARY KEY (period, source_actor, target_actor)
) WITHOUT ROWID;
CREATE TABLE pair_years (
    period        TEXT NOT NULL,
    source_actor  INTEGER NOT NULL,
    target_actor  INTEGER NOT NULL,
    events        INTEGER NOT NULL,
    goldstein_sum REAL NOT NULL,
    first_day     TEXT NOT NULL,
    last_day      TEXT NOT NULL,
    PRIMARY KEY (period, source_actor, target_actor)
) WITHOUT ROWID;
"#,
    periods_from_days!()
);

/// Version 7: events by CAMEO code alone. A code prefix is a range on
/// `cameo`, so its index cannot list events in day order and a common
/// code's thousands of events were sorted; every prefix of two or more
/// characters fixes the root code, whose index lists them in day order.
const V7: &str = r#"
CREATE INDEX events_root_listed ON events(root_code, day) WHERE copy_of IS NULL;
"#;

/// Version 8: an actor's codes are the codes its mentions got, each in its
/// own article (`actor_codes`, each story once), and `actors.code` is the
/// code most of them got, not the first one seen ("Trump" was `SYRGOV`
/// for ever after one article put him next to Syria). An event whose source
/// has no country (`---`) is not a fact: the flag is cleared and the actor
/// graph's totals are summed again from the events.
const V8: &str = concat!(
    r#"
CREATE TABLE actor_codes (
    actor     INTEGER NOT NULL,
    code      TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    PRIMARY KEY (actor, code)
) WITHOUT ROWID;
INSERT INTO actor_codes
    SELECT e.actor, e.code, count(*), count(DISTINCT e.doc)
    FROM entities e
    JOIN documents d ON d.doc = e.doc AND d.story = d.doc
    JOIN mentions m ON m.entity = e.entity
    WHERE e.actor IS NOT NULL AND e.code IS NOT NULL
    GROUP BY e.actor, e.code;
UPDATE actors SET code = (
    SELECT c.code FROM actor_codes c WHERE c.actor = actors.actor
    ORDER BY c.mentions DESC, c.code LIMIT 1)
WHERE actor IN (SELECT actor FROM actor_codes);

UPDATE events SET fact = 0 WHERE fact = 1 AND substr(source_code, 1, 3) = '---';
"#,
    recount_graph!(
        "
    SELECT source_actor, target_actor, day, count(*), sum(goldstein)
    FROM events
    WHERE fact = 1 AND copy_of IS NULL AND source_actor IS NOT NULL
        AND target_actor IS NOT NULL
    GROUP BY source_actor, target_actor, day"
    )
);

/// Version 9: claims and denials across documents. A denial is a
/// `contradiction` flag of a story's first document, kept with its denier's
/// code and the keys of the claim it denies (source and target countries and CAMEO root
/// of the events coded inside the flag's spans); a link pairs it with a
/// claim event of another story (asserted or reported) with the same key,
/// close in time. Links are made by whichever of the two is stored second,
/// so they do not depend on ingest order. Databases written before this
/// version have no denials until their documents are ingested again.
const V9: &str = r#"
CREATE TABLE denials (
    denial       INTEGER PRIMARY KEY,
    doc          INTEGER NOT NULL REFERENCES documents(doc),
    story        INTEGER NOT NULL,
    flag         INTEGER NOT NULL,   -- index into the document's flags
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    claim_start  INTEGER NOT NULL,   -- the claim the document itself states
    claim_end    INTEGER NOT NULL,
    denier       TEXT,
    denier_code  TEXT NOT NULL,
    day          TEXT NOT NULL
);
CREATE INDEX denials_doc ON denials(doc, start);

-- what a denial denies: who is said to act on whom (countries) and a CAMEO root
CREATE TABLE denial_keys (
    a       TEXT NOT NULL,
    b       TEXT NOT NULL,
    root    TEXT NOT NULL,
    day     TEXT NOT NULL,
    denial  INTEGER NOT NULL,
    PRIMARY KEY (a, b, root, day, denial)
) WITHOUT ROWID;

CREATE TABLE contradictions (
    denial  INTEGER NOT NULL,
    claim_doc INTEGER NOT NULL,
    event   INTEGER NOT NULL,        -- the claim: the event of its document with the longest sentence
    claim_len INTEGER NOT NULL,      -- that sentence's length
    day     TEXT NOT NULL,           -- the denial's day
    a       TEXT NOT NULL,
    b       TEXT NOT NULL,
    days_apart INTEGER NOT NULL,
    PRIMARY KEY (denial, claim_doc)
) WITHOUT ROWID;
CREATE INDEX contradictions_day ON contradictions(day, denial, claim_doc);
CREATE INDEX contradictions_a ON contradictions(a, day);
CREATE INDEX contradictions_b ON contradictions(b, day);

-- claims by their key: the same expressions as the queries in contradictions.rs
CREATE INDEX events_claim_key ON events(
    substr(source_code, 1, 3), substr(target_code, 1, 3), root_code, day)
    WHERE copy_of IS NULL AND modality IN ('asserted', 'reported');
"#;

/// Version 10: actors as the unit of the record. A mention coded with a
/// country counts for the country's actor (`CODE|JPN`, named "Japan"), a
/// person is linked across documents by full name (see `units.rs`). Each
/// event side and quote speaker also keeps the actor of its code's
/// country (`*_unit`: a person coded `JPNGOV` is Japan's), which the actor
/// graph counts and a country's page lists; `actor_names` keeps the
/// spellings each actor was seen under. The graph's totals are summed
/// again from the events' units (their actors where a row has none). Rows
/// stored before this version keep their actors (and no units) until
/// ingested again.
const V10: &str = concat!(
    r#"
ALTER TABLE events ADD COLUMN source_unit INTEGER;
ALTER TABLE events ADD COLUMN target_unit INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_unit INTEGER;
CREATE INDEX events_source_unit ON events(source_unit, day) WHERE copy_of IS NULL;
CREATE INDEX events_target_unit ON events(target_unit, day) WHERE copy_of IS NULL;
CREATE INDEX quotes_speaker_unit ON quotes(speaker_unit, quote) WHERE copy_of IS NULL;
CREATE TABLE actor_names (
    actor    INTEGER NOT NULL,
    name     TEXT NOT NULL,
    norm     TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (actor, name)
) WITHOUT ROWID;
CREATE INDEX actor_names_norm ON actor_names(norm);
INSERT INTO actor_names
    SELECT e.actor, e.name, lower(e.name), count(*)
    FROM entities e
    JOIN documents d ON d.doc = e.doc AND d.story = d.doc
    JOIN mentions m ON m.entity = e.entity
    WHERE e.actor IS NOT NULL
    GROUP BY e.actor, e.name;
"#,
    recount_graph!(
        "
    SELECT coalesce(source_unit, source_actor), coalesce(target_unit, target_actor), day,
           count(*), sum(goldstein)
    FROM events
    WHERE fact = 1 AND copy_of IS NULL AND coalesce(source_unit, source_actor) IS NOT NULL
        AND coalesce(target_unit, target_actor) IS NOT NULL
    GROUP BY 1, 2, 3"
    )
);

/// Version 11 changes no table: from it on, `documents.output` of a new row
/// is an LZ4 frame of the JSON (a `BLOB`; see `stored_output`), and older
/// rows keep their JSON text. The version tells an older newsgraph, which
/// reads only text, that it cannot read this database.
const V11: &str = "-- documents.output: an LZ4 frame of the newsgraph/1 JSON (BLOB), or JSON TEXT";

/// Every migration, in order; `MIGRATIONS[i]` takes the schema from version
/// `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Whether the database holds the pre-migration prototype table
/// (`documents(id, content_hash, output)`, user_version 0).
fn has_prototype_table(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'documents'",
        [],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

/// Brings the schema up to [`SCHEMA_VERSION`]. A version-0 database's
/// prototype table is renamed to `documents_v0` (not dropped), so no
/// document is lost if the process dies before it is re-inserted.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let read_version = |c: &Connection| -> Result<i64> {
        Ok(c.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    };
    if read_version(conn)? >= SCHEMA_VERSION {
        return check_not_too_new(read_version(conn)?);
    }
    loop {
        // The version is read again inside a write transaction, so two
        // processes opening a new database at once do not both migrate it.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version = read_version(&tx)?;
        check_not_too_new(version)?;
        let Some(sql) = MIGRATIONS.get(version as usize) else {
            return Ok(());
        };
        if version == 0 && has_prototype_table(&tx)? {
            tx.execute_batch("ALTER TABLE documents RENAME TO documents_v0")?;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}

fn check_not_too_new(version: i64) -> Result<()> {
    if version > SCHEMA_VERSION {
        return Err(crate::StoreError::TooNew {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Whether a prototype table awaits re-insertion.
pub fn has_pending_prototype(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'documents_v0'",
        [],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}
