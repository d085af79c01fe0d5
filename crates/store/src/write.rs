//! Writing one document: every row it needs, inside the caller's transaction.

use crate::names::{actor_key, fnv1a, last_word, normalise};
use crate::rows::{int, opt_int, opt_text, text, Bound, RowInserter};
use crate::units::{self, country_actor, country_of, person_actor};
use crate::{InsertMeta, Inserted, Result};
use gazetteer::Country;
use model::contract::{OutEntity, OutEvent, OutQuote, OutReference, Output};
use rusqlite::{ffi, params, Connection, OptionalExtension};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};

/// Largest Hamming distance between two SimHash fingerprints of one story.
pub const MAX_STORY_DISTANCE: u32 = 3;

/// The four 16-bit bands of a fingerprint. Two fingerprints within Hamming
/// distance 3 differ in at most 3 bands, so they share at least one band
/// exactly: looking up each band's index finds every candidate.
fn bands(fingerprint: u64) -> [i64; 4] {
    [0, 16, 32, 48].map(|shift| ((fingerprint >> shift) & 0xffff) as i64)
}

/// The full-text rows of the documents of one transaction, written after
/// all their other rows (see [`FullText::write`]).
#[derive(Default)]
pub(crate) struct FullText<'o> {
    /// (doc, title, text) of each document, in row id order.
    documents: Vec<(i64, Option<&'o str>, &'o str)>,
    /// (quote, text) of each listed quote, in row id order.
    quotes: Vec<(i64, &'o str)>,
}

impl<'o> FullText<'o> {
    /// Indexes the rows gathered, one statement per row, after every other
    /// row of the transaction. FTS5 keeps what it indexes in memory until
    /// the transaction commits (or a megabyte gathers), then writes it as
    /// one new segment; but it writes it out early whenever a statement
    /// opens a statement journal (SQLite's `xSavepoint`), and every insert
    /// of several rows with a foreign key opens one (the quote and mention
    /// chunks). Indexed beside each document's rows, every document became
    /// a segment of its own and FTS5 spent a third of the writer's time
    /// merging them; indexed here, by one-row statements that open no
    /// statement journal, a batch makes one segment per index. Row ids
    /// only grow, as FTS5 wants them within one segment.
    pub(crate) fn write(self, tx: &Connection) -> Result<()> {
        if !self.documents.is_empty() {
            let mut stmt = crate::rows::Statement::new(
                tx,
                "INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
            )?;
            for (doc, title, body) in &self.documents {
                stmt.execute(&[int(*doc), opt_text(*title), text(body)])?;
            }
        }
        if !self.quotes.is_empty() {
            let mut stmt = crate::rows::Statement::new(
                tx,
                "INSERT INTO quotes_fts (rowid, text) VALUES (?1, ?2)",
            )?;
            for (quote, body) in &self.quotes {
                stmt.execute(&[int(*quote), text(body)])?;
            }
        }
        Ok(())
    }
}

/// Stores `output` (see [`crate::Store::insert_with`]); its full-text rows
/// go to `full_text`, which the caller writes before it commits.
pub(crate) fn insert_document<'o>(
    tx: &Connection,
    output: &'o Output,
    meta: &InsertMeta,
    full_text: &mut FullText<'o>,
) -> Result<Inserted> {
    let existing: Option<(i64, String)> = tx
        .prepare_cached("SELECT doc, id FROM documents WHERE content_hash = ?1")?
        .query_row(params![meta.content_hash], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((doc, id)) = existing {
        if id != output.document.id {
            tx.prepare_cached("INSERT OR IGNORE INTO exact_duplicates (id, doc) VALUES (?1, ?2)")?
                .execute(params![output.document.id, doc])?;
        }
        return Ok(Inserted::Duplicate(id));
    }
    let id = free_id(tx, &output.document.id)?;
    let story_of_near_copy = match meta.fingerprint {
        Some(fp) => near_duplicate_story(tx, fp)?,
        None => None,
    };
    // The row id SQLite would give the row, taken up front so that a
    // document starting its own story is written with its story at once
    // (updating it afterwards rewrote the whole row, text and JSON).
    let doc = next_document_rowid(tx)?;
    let story = story_of_near_copy.unwrap_or(doc);
    insert_document_row(tx, output, meta, &id, doc, story)?;
    full_text.documents.push((
        doc,
        output.document.article.title.as_deref(),
        &output.document.article.text,
    ));
    bump(tx, "documents", 1)?;
    if story == doc {
        tx.prepare_cached("INSERT INTO stories (story, documents) VALUES (?1, 1)")?
            .execute(params![doc])?;
        bump(tx, "stories", 1)?;
    } else {
        tx.prepare_cached("UPDATE stories SET documents = documents + 1 WHERE story = ?1")?
            .execute(params![story])?;
    }
    let ctx = DocContext {
        doc,
        story,
        first_of_story: story == doc,
        published: output.document.article.published.map(|d| d.to_string()),
    };
    let entity_actors = insert_entities(tx, &ctx, &output.entities)?;
    let resolver = Resolver {
        tx,
        entity_actors: &entity_actors,
        entities: &output.entities,
        entity_norms: output.entities.iter().map(|e| normalise(&e.name)).collect(),
        actors: RefCell::new(HashMap::new()),
        countries: RefCell::new(HashMap::new()),
        creations: Cell::new(0),
    };
    let mut quotes = QuoteWriter::new(tx, full_text)?;
    for (i, q) in output.quotes.iter().enumerate() {
        quotes.insert(&ctx, &resolver, i, q)?;
    }
    let listed = quotes.finish()?;
    bump(tx, "quotes", listed)?;
    let mut event_rows = Vec::with_capacity(output.events.len());
    for (i, e) in output.events.iter().enumerate() {
        event_rows.push(insert_event(tx, &ctx, &resolver, i, e)?);
    }
    crate::contradictions::record(
        tx,
        &crate::contradictions::Stored {
            doc,
            story,
            first_of_story: ctx.first_of_story,
            published: ctx.published.as_deref(),
        },
        output,
        &event_rows,
    )?;
    Ok(if id == output.document.id {
        Inserted::Added
    } else {
        Inserted::Renamed(id)
    })
}

/// Adds `by` to one of the counters [`crate::Store::stats`] reads.
fn bump(tx: &Connection, counter: &str, by: i64) -> Result<()> {
    if by != 0 {
        tx.prepare_cached("UPDATE counters SET value = value + ?2 WHERE name = ?1")?
            .execute(params![counter, by])?;
    }
    Ok(())
}

/// Records an exact copy the caller skipped (see [`crate::Store::record_duplicate`]).
pub fn record_duplicate(conn: &Connection, id: &str, content_hash: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO exact_duplicates (id, doc)
         SELECT ?1, doc FROM documents WHERE content_hash = ?2 AND id <> ?1",
    )?
    .execute(params![id, content_hash])?;
    Ok(())
}

/// `id`, or `id#2`, `id#3`, … when a different text already holds it.
fn free_id(tx: &Connection, id: &str) -> Result<String> {
    let taken = |candidate: &str| -> Result<bool> {
        Ok(tx
            .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?
            .query_row(params![candidate], |_| Ok(()))
            .optional()?
            .is_some())
    };
    if !taken(id)? {
        return Ok(id.to_string());
    }
    let mut n = 2u64;
    loop {
        let candidate = format!("{id}#{n}");
        if !taken(&candidate)? {
            return Ok(candidate);
        }
        n += 1;
    }
}

/// The story of the earliest stored document whose fingerprint is within
/// [`MAX_STORY_DISTANCE`] of `fingerprint`.
fn near_duplicate_story(tx: &Connection, fingerprint: u64) -> Result<Option<i64>> {
    let b = bands(fingerprint);
    let mut stmt = tx.prepare_cached(
        "SELECT doc, fingerprint, story FROM documents WHERE fp0 = ?1
         UNION SELECT doc, fingerprint, story FROM documents WHERE fp1 = ?2
         UNION SELECT doc, fingerprint, story FROM documents WHERE fp2 = ?3
         UNION SELECT doc, fingerprint, story FROM documents WHERE fp3 = ?4
         ORDER BY 1",
    )?;
    let rows = stmt.query_map(params![b[0], b[1], b[2], b[3]], |r| {
        Ok((r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
    })?;
    for row in rows {
        let (other, story) = row?;
        if ((other as u64) ^ fingerprint).count_ones() <= MAX_STORY_DISTANCE {
            return Ok(Some(story));
        }
    }
    Ok(None)
}

fn insert_document_row(
    tx: &Connection,
    output: &Output,
    meta: &InsertMeta,
    id: &str,
    doc: i64,
    story: i64,
) -> Result<()> {
    let article = &output.document.article;
    let fp = meta.fingerprint.map(|f| f as i64);
    let b = meta.fingerprint.map(bands);
    let added = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let published = article.published.map(|d| d.to_string());
    let output = crate::stored_output::encode(output, id)?;
    // The row is written with zeros where the stored analysis goes, and
    // the analysis then written into it: SQLite builds a row in memory
    // whole before it stores it (107 MB for the 53 MB page, text and
    // analysis), but leaves out a zeroblob in the row's last column, which
    // `output` is (docs/measurements.md, ¹⁰³).
    let output_length = i32::try_from(output.len())
        .map_err(|_| rusqlite::Error::SqliteFailure(ffi::Error::new(ffi::SQLITE_TOOBIG), None))?;
    let band = |i: usize| opt_int(b.map(|b| b[i]));
    crate::rows::execute(
        tx,
        "INSERT INTO documents (id, url, title, published, site, language, text,
             content_hash, fingerprint, fp0, fp1, fp2, fp3, story, added, output, doc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        &[
            text(id),
            opt_text(article.url.as_deref()),
            opt_text(article.title.as_deref()),
            opt_text(published.as_deref()),
            opt_text(article.site.as_deref()),
            opt_text(article.language.as_deref()),
            text(&article.text),
            text(&meta.content_hash),
            opt_int(fp),
            band(0),
            band(1),
            band(2),
            band(3),
            int(story),
            int(added),
            Bound::ZeroBlob(output_length),
            int(doc),
        ],
    )?;
    tx.blob_open(rusqlite::MAIN_DB, "documents", "output", doc, false)?
        .write_at(&output, 0)?;
    Ok(())
}

/// The row id an insert into `documents` would get: one more than the
/// largest (SQLite's own choice for an `INTEGER PRIMARY KEY` row).
fn next_document_rowid(tx: &Connection) -> Result<i64> {
    Ok(tx
        .prepare_cached("SELECT COALESCE(MAX(doc), 0) + 1 FROM documents")?
        .query_row([], |r| r.get(0))?)
}

/// What every row of one document shares.
struct DocContext {
    doc: i64,
    story: i64,
    /// Only the first document of a story adds to mention counts.
    first_of_story: bool,
    published: Option<String>,
}

/// Finds or creates the actor with this key, returning its id; a found
/// actor without a code takes `code`.
///
/// Looked up first and written only when something changes: most calls
/// find an actor already stored, and an `INSERT … ON CONFLICT DO UPDATE …
/// RETURNING` cost ten times a lookup even then (it rewrote the row as it
/// was and gathered its one answer in a temporary table). The rows are
/// the same: a new actor gets the row id that insert gave it (one more
/// than the largest), a stored one keeps its code or takes this one.
pub(crate) fn upsert_actor(
    tx: &Connection,
    kind: &str,
    name: &str,
    norm: &str,
    code: Option<&str>,
) -> Result<i64> {
    let key = actor_key(kind, norm);
    let stored: Option<(i64, bool)> = tx
        .prepare_cached("SELECT actor, code IS NOT NULL FROM actors WHERE key = ?1")?
        .query_row(params![key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match stored {
        Some((actor, true)) => Ok(actor),
        Some((actor, false)) => {
            if code.is_some() {
                tx.prepare_cached("UPDATE actors SET code = ?2 WHERE actor = ?1")?
                    .execute(params![actor, code])?;
            }
            Ok(actor)
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO actors (key, name, norm, last, type, code)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![key, name, norm, last_word(norm), kind, code])?;
            Ok(tx.last_insert_rowid())
        }
    }
}

/// The key a document entity resolves under: its own normalised name, or,
/// for a one-word person name that is the surname of exactly one fuller
/// person name in the same document ("Sullivan" beside "Jake Sullivan"),
/// that fuller name. Surname-first names ("Park" beside "Park Min-jun") are
/// tried when no fuller name ends with the word.
fn resolved_names(entities: &[OutEntity]) -> Vec<Option<(String, String)>> {
    let norms: Vec<String> = entities.iter().map(|e| normalise(&e.name)).collect();
    let fuller_named = |word: &str, position: fn(&str) -> &str| -> Option<(String, String)> {
        let mut fuller: Vec<(&str, &str)> = entities
            .iter()
            .zip(&norms)
            .filter(|(o, n)| o.kind == "PERSON" && n.contains(' ') && position(n) == word)
            .map(|(o, n)| (o.name.as_str(), n.as_str()))
            .collect();
        fuller.sort_unstable_by(|a, b| a.1.cmp(b.1));
        fuller.dedup_by(|a, b| a.1 == b.1);
        match fuller.as_slice() {
            [(name, n)] => Some((name.to_string(), n.to_string())),
            _ => None,
        }
    };
    entities
        .iter()
        .zip(&norms)
        .map(|(e, norm)| {
            if e.kind == "DATE" || norm.is_empty() {
                return None;
            }
            if e.kind == "PERSON" && !norm.contains(' ') {
                let by_surname = fuller_named(norm, last_word)
                    .or_else(|| fuller_named(norm, |n| n.split(' ').next().unwrap_or(n)));
                if by_surname.is_some() {
                    return by_surname;
                }
            }
            Some((e.name.clone(), norm.clone()))
        })
        .collect()
}

/// The actor a document entity counts for (see [`crate::units`]): a person
/// by name, a mention coded with a country as that country (unless it
/// names only a place of it), anything else by type and name.
fn entity_actor(tx: &Connection, e: &OutEntity, name: &str, norm: &str) -> Result<i64> {
    let code = e.actor.as_deref();
    if e.kind == "PERSON" {
        let titled = !e.titles.is_empty() || code.is_some();
        return person_actor(tx, name, norm, code, titled);
    }
    if let (Some(country), Some(code)) = (country_of(code), code) {
        let place =
            matches!(e.kind.as_str(), "GPE" | "LOC") && units::only_a_place(&e.name, code, country);
        if !place {
            return country_actor(tx, country);
        }
    }
    upsert_actor(tx, &e.kind, name, norm, code)
}

/// Inserts entities and mentions; returns entity id → actor id.
fn insert_entities(
    tx: &Connection,
    ctx: &DocContext,
    entities: &[OutEntity],
) -> Result<HashMap<String, i64>> {
    let mut entity_actors = HashMap::new();
    // actor → mentions in this document (BTreeMap: deterministic update order)
    let mut counts: BTreeMap<i64, i64> = BTreeMap::new();
    // (actor, the code this document gave it) → mentions
    let mut code_counts: BTreeMap<(i64, &str), i64> = BTreeMap::new();
    let names = resolved_names(entities);
    let mut insert_entity = tx.prepare_cached(
        "INSERT INTO entities (doc, local_id, name, type, code, value, actor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    // A long page's entity can have a million mentions.
    let mut insert_mention = RowInserter::new(
        tx,
        "INSERT INTO mentions (entity, start, end, text) VALUES ",
        4,
    )?;
    for (e, resolved) in entities.iter().zip(names) {
        let actor = match resolved {
            Some((name, norm)) => Some(entity_actor(tx, e, &name, &norm)?),
            None => None,
        };
        insert_entity.execute(params![
            ctx.doc,
            e.id,
            e.name,
            e.kind,
            e.actor,
            e.value.map(|d| d.to_string()),
            actor
        ])?;
        let entity = tx.last_insert_rowid();
        for m in &e.mentions {
            insert_mention.push([
                int(entity),
                int(m.start as i64),
                int(m.end as i64),
                text(&m.text),
            ])?;
        }
        if let Some(actor) = actor {
            entity_actors.insert(e.id.clone(), actor);
            if ctx.first_of_story {
                units::add_name(tx, actor, &e.name, e.mentions.len() as i64)?;
            }
            *counts.entry(actor).or_default() += e.mentions.len() as i64;
            if let Some(code) = e.actor.as_deref() {
                *code_counts.entry((actor, code)).or_default() += e.mentions.len() as i64;
            }
        }
    }
    insert_mention.finish()?;
    let named = entities.iter().filter(|e| e.kind != "DATE").count();
    bump(tx, "entities", named as i64)?;
    if ctx.first_of_story {
        let mut bump = tx.prepare_cached(
            "UPDATE actors SET mentions = mentions + ?1, documents = documents + 1 WHERE actor = ?2",
        )?;
        for (actor, n) in counts {
            bump.execute(params![n, actor])?;
        }
        add_actor_codes(tx, &code_counts)?;
    }
    Ok(entity_actors)
}

/// Counts the codes this document's mentions got for each actor, and makes
/// `actors.code` the code most mentions got: an actor's code is decided
/// per mention in its own article and summed, never taken from whichever
/// article came first. A country's actor keeps its country code (its
/// mentions' codes are its role breakdown).
fn add_actor_codes(tx: &Connection, counts: &BTreeMap<(i64, &str), i64>) -> Result<()> {
    let mut add = tx.prepare_cached(
        "INSERT INTO actor_codes (actor, code, mentions, documents) VALUES (?1, ?2, ?3, 1)
         ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions,
             documents = documents + 1",
    )?;
    let mut top = tx.prepare_cached(
        "UPDATE actors SET code = (SELECT code FROM actor_codes WHERE actor = ?1
             ORDER BY mentions DESC, code LIMIT 1)
         WHERE actor = ?1 AND key NOT LIKE 'CODE|%'",
    )?;
    for ((actor, code), n) in counts {
        add.execute(params![actor, code, n])?;
    }
    let mut actors: Vec<i64> = counts.keys().map(|(a, _)| *a).collect();
    actors.dedup();
    for actor in actors {
        top.execute(params![actor])?;
    }
    Ok(())
}

/// Whether an event counts as a fact (the `--facts` listing, the actor
/// graph, the GDELT export): stated as happening, having happened or
/// scheduled, by a source with a country — an event of a countryless
/// `---` role ("police", "protesters" that no context placed) is kept and
/// listed but says nothing about any country.
fn is_fact(e: &OutEvent) -> bool {
    let countryless = e
        .source
        .as_ref()
        .and_then(|r| r.actor.as_deref())
        .is_some_and(|c| c.starts_with("---"));
    matches!(e.modality.as_str(), "asserted" | "reported" | "future") && !countryless
}

/// Resolves speakers and event actors to cross-document actors.
struct Resolver<'a> {
    tx: &'a Connection,
    entity_actors: &'a HashMap<String, i64>,
    entities: &'a [OutEntity],
    /// Each entity's name normalised, in the order of `entities`: every
    /// reference resolved by name compares them all.
    entity_norms: Vec<String>,
    /// (entity, name, code) → actor, for the references already resolved
    /// in this document. A long page repeats a few speakers thousands of
    /// times, and each resolution scans the document's entities and asks
    /// the database. Within one document a reference's actor, once found,
    /// never changes: the entities and their mention counts are stored
    /// before any quote or event. Its want of one can: a later reference
    /// may create an actor of its name ("50-State Poll" after "50-state
    /// poll"), so a `None` holds only until the next actor is created.
    actors: RefCell<HashMap<ReferenceKey, Resolved>>,
    /// Country (ISO 3166 alpha-3) → its actor, as [`Self::unit`] found it.
    countries: RefCell<HashMap<&'static str, i64>>,
    /// Counts the calls that may have created an actor: a `None` resolved
    /// at another count is asked again.
    creations: Cell<u64>,
}

/// What a reference's actor depends on: its entity, name and code.
type ReferenceKey = (Option<String>, String, Option<String>);

/// A reference's actor, or the [`Resolver::creations`] count at which it
/// had none.
#[derive(Clone, Copy)]
enum Resolved {
    Actor(i64),
    NoneAt(u64),
}

impl Resolver<'_> {
    /// [`Self::actor`], asked once per document for each reference (see
    /// [`Self::actors`]).
    fn known_actor(&self, r: &OutReference) -> Result<Option<i64>> {
        let key = (r.entity.clone(), r.name.clone(), r.actor.clone());
        match self.actors.borrow().get(&key) {
            Some(Resolved::Actor(actor)) => return Ok(Some(*actor)),
            Some(Resolved::NoneAt(at)) if *at == self.creations.get() => return Ok(None),
            _ => {}
        }
        let actor = self.actor(r)?;
        let resolved = match actor {
            Some(actor) => Resolved::Actor(actor),
            None => Resolved::NoneAt(self.creations.get()),
        };
        self.actors.borrow_mut().insert(key, resolved);
        Ok(actor)
    }

    /// [`country_actor`], counted as a creation.
    fn country_actor(&self, country: &Country) -> Result<i64> {
        self.creations.set(self.creations.get() + 1);
        country_actor(self.tx, country)
    }

    fn actor(&self, r: &OutReference) -> Result<Option<i64>> {
        let country = country_of(r.actor.as_deref());
        // A person is themself, an entity with a country its actor; a
        // place or a name without one, coded with a country here, acts
        // for that country ("Yerevan" as a target is Armenia).
        let through = |e: &OutEntity, actor: i64| -> Result<Option<i64>> {
            let entity_country = country_of(e.actor.as_deref());
            match country {
                Some(c) if e.kind != "PERSON" && entity_country.is_none() => {
                    Ok(Some(self.country_actor(c)?))
                }
                _ => Ok(Some(actor)),
            }
        };
        if let Some(e) = r
            .entity
            .as_ref()
            .and_then(|id| self.entities.iter().find(|e| &e.id == id))
        {
            if let Some(actor) = self.entity_actors.get(&e.id) {
                return through(e, *actor);
            }
        }
        let norm = normalise(&r.name);
        if norm.is_empty() {
            return Ok(None);
        }
        let in_doc: Vec<(&OutEntity, i64)> = self
            .entities
            .iter()
            .zip(&self.entity_norms)
            .filter(|(_, n)| *n == &norm || (!norm.contains(' ') && last_word(n) == norm))
            .filter_map(|(e, _)| Some((e, self.entity_actors.get(&e.id).copied()?)))
            .collect();
        if let Some(&(first_entity, first)) = in_doc.first() {
            if in_doc.iter().all(|&(_, a)| a == first) {
                return through(first_entity, first);
            }
        }
        if let Some(c) = country {
            return Ok(Some(self.country_actor(c)?));
        }
        let stored: Option<i64> = self
            .tx
            .prepare_cached(
                "SELECT actor FROM actors WHERE norm = ?1 ORDER BY mentions DESC, actor LIMIT 1",
            )?
            .query_row(params![norm], |r| r.get(0))
            .optional()?;
        if stored.is_some() {
            return Ok(stored);
        }
        if !r.name.chars().any(char::is_uppercase) {
            return Ok(None);
        }
        self.creations.set(self.creations.get() + 1);
        Ok(Some(upsert_actor(
            self.tx,
            "MISC",
            &r.name,
            &norm,
            r.actor.as_deref(),
        )?))
    }

    /// The actor a reference counts for in the network and on a country's
    /// page: its country when its code has one (a person coded `JPNGOV` is
    /// Japan's), else its own actor.
    fn unit(&self, r: &OutReference, actor: Option<i64>) -> Result<Option<i64>> {
        let Some(country) = country_of(r.actor.as_deref()) else {
            return Ok(actor);
        };
        if let Some(known) = self.countries.borrow().get(country.iso3) {
            return Ok(Some(*known));
        }
        let unit = self.country_actor(country)?;
        self.countries.borrow_mut().insert(country.iso3, unit);
        Ok(Some(unit))
    }
}

/// The first listed quote of each text hash in the document's story, as
/// far as this document has asked or written it, and how many quotes the
/// document listed (not copies): a page repeating one quote a million
/// times asks the database once.
#[derive(Default)]
struct QuoteOriginals {
    by_text_hash: HashMap<i64, Option<i64>>,
    listed: i64,
}

/// Writes one document's quotes. A long page has hundreds of thousands of
/// them, so what is the same for each row is done once: the rows go a
/// chunk to a statement (see [`RowInserter`]), under the row ids SQLite
/// would give them one by one (taken up front, so that a copy can point at
/// an original still buffered), a speaker repeated from the quote before
/// keeps the actor and unit found for it, and the usual empty `via` is not
/// serialised per row.
struct QuoteWriter<'c, 'q, 'f> {
    tx: &'c Connection,
    rows: RowInserter<'c, 'q>,
    /// Where the listed quotes' full-text rows go.
    full_text: &'f mut FullText<'q>,
    /// The row id of the next quote: one more than the largest stored.
    next_quote: i64,
    originals: QuoteOriginals,
    /// The previous quote's speaker and the (actor, unit) it resolved to.
    last_speaker: Option<(&'q OutReference, Option<i64>, Option<i64>)>,
}

impl<'c, 'q, 'f> QuoteWriter<'c, 'q, 'f> {
    fn new(tx: &'c Connection, full_text: &'f mut FullText<'q>) -> Result<Self> {
        Ok(QuoteWriter {
            tx,
            rows: RowInserter::new(
                tx,
                "INSERT INTO quotes (quote, doc, story, idx, start, end, text, text_hash, kind,
                     speaker_name, speaker_entity, speaker_code, speaker_actor, cue, via,
                     copy_of, speaker_unit)
                 VALUES ",
                17,
            )?,
            full_text,
            next_quote: tx
                .prepare_cached("SELECT COALESCE(MAX(quote), 0) + 1 FROM quotes")?
                .query_row([], |r| r.get(0))?,
            originals: QuoteOriginals::default(),
            last_speaker: None,
        })
    }

    /// The speaker's actor and unit. The same entity, name and code as the
    /// previous quote's speaker resolve as they did then: no actor is
    /// created between two consecutive quotes but by their own resolution.
    fn speaker(
        &mut self,
        resolver: &Resolver<'_>,
        s: &'q OutReference,
    ) -> Result<(Option<i64>, Option<i64>)> {
        if let Some((last, actor, unit)) = self.last_speaker {
            if last.entity == s.entity && last.name == s.name && last.actor == s.actor {
                return Ok((actor, unit));
            }
        }
        let actor = resolver.known_actor(s)?;
        let unit = resolver.unit(s, actor)?;
        self.last_speaker = Some((s, actor, unit));
        Ok((actor, unit))
    }

    fn insert(
        &mut self,
        ctx: &DocContext,
        resolver: &Resolver<'_>,
        index: usize,
        q: &'q OutQuote,
    ) -> Result<()> {
        let text_hash = fnv1a(&q.text);
        // Only a text this document has not written yet is looked up, so
        // the rows still buffered never hold the answer.
        let copy_of: Option<i64> = match self.originals.by_text_hash.get(&text_hash) {
            Some(known) => *known,
            None => {
                let stored = self
                    .tx
                    .prepare_cached(
                        "SELECT quote FROM quotes WHERE story = ?1 AND text_hash = ?2
                             AND copy_of IS NULL
                         ORDER BY quote LIMIT 1",
                    )?
                    .query_row(params![ctx.story, text_hash], |r| r.get(0))
                    .optional()?;
                self.originals.by_text_hash.insert(text_hash, stored);
                stored
            }
        };
        let (speaker_actor, speaker_unit) = match &q.speaker {
            Some(s) => self.speaker(resolver, s)?,
            None => (None, None),
        };
        let via = if q.via.is_empty() {
            text("[]")
        } else {
            Bound::Owned(serde_json::to_string(&q.via)?)
        };
        let quote = self.next_quote;
        self.next_quote += 1;
        let speaker = q.speaker.as_ref();
        self.rows.push([
            int(quote),
            int(ctx.doc),
            int(ctx.story),
            int(index as i64),
            int(q.start as i64),
            int(q.end as i64),
            text(&q.text),
            int(text_hash),
            text(&q.kind),
            opt_text(speaker.map(|s| s.name.as_str())),
            opt_text(speaker.and_then(|s| s.entity.as_deref())),
            opt_text(speaker.and_then(|s| s.actor.as_deref())),
            opt_int(speaker_actor),
            opt_text(q.cue.as_deref()),
            via,
            opt_int(copy_of),
            opt_int(speaker_unit),
        ])?;
        if copy_of.is_none() {
            self.originals.listed += 1;
            self.originals.by_text_hash.insert(text_hash, Some(quote));
            self.full_text.quotes.push((quote, &q.text));
        }
        Ok(())
    }

    /// Writes the rows still buffered; returns how many quotes the
    /// document listed (not copies).
    fn finish(self) -> Result<i64> {
        self.rows.finish()?;
        Ok(self.originals.listed)
    }
}

fn insert_event(
    tx: &Connection,
    ctx: &DocContext,
    resolver: &Resolver<'_>,
    index: usize,
    e: &OutEvent,
) -> Result<Option<i64>> {
    let source_actor = match &e.source {
        Some(r) => resolver.known_actor(r)?,
        None => None,
    };
    let target_actor = match &e.target {
        Some(r) => resolver.known_actor(r)?,
        None => None,
    };
    let source_unit = match &e.source {
        Some(r) => resolver.unit(r, source_actor)?,
        None => None,
    };
    let target_unit = match &e.target {
        Some(r) => resolver.unit(r, target_actor)?,
        None => None,
    };
    let day = e
        .date
        .map(|d| d.to_string())
        .or_else(|| ctx.published.clone())
        .unwrap_or_default();
    let copy_of: Option<i64> = tx
        .prepare_cached(
            "SELECT event FROM events WHERE story = ?1 AND cameo = ?2 AND source_actor IS ?3
                 AND target_actor IS ?4 AND day = ?5 AND modality = ?6 AND copy_of IS NULL
             ORDER BY event LIMIT 1",
        )?
        .query_row(
            params![
                ctx.story,
                e.cameo,
                source_actor,
                target_actor,
                day,
                e.modality
            ],
            |r| r.get(0),
        )
        .optional()?;
    let fact = is_fact(e);
    let root_code: String = e.cameo.chars().take(2).collect();
    tx.prepare_cached(
        "INSERT INTO events (doc, story, idx, source_name, source_entity, source_code,
             source_actor, target_name, target_entity, target_code, target_actor, cameo,
             root_code, goldstein, quad_class, modality, fact, date, day, place_name,
             place_country, lat, lon, sentence_start, sentence_end, trigger_start,
             trigger_end, quote, copy_of, source_unit, target_unit)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
             ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31)",
    )?
    .execute(params![
        ctx.doc,
        ctx.story,
        index as i64,
        e.source.as_ref().map(|r| &r.name),
        e.source.as_ref().and_then(|r| r.entity.as_ref()),
        e.source.as_ref().and_then(|r| r.actor.as_ref()),
        source_actor,
        e.target.as_ref().map(|r| &r.name),
        e.target.as_ref().and_then(|r| r.entity.as_ref()),
        e.target.as_ref().and_then(|r| r.actor.as_ref()),
        target_actor,
        e.cameo,
        root_code,
        e.goldstein,
        e.quad_class,
        e.modality,
        fact,
        e.date.map(|d| d.to_string()),
        day,
        e.place.as_ref().map(|p| &p.name),
        e.place.as_ref().and_then(|p| p.country.as_ref()),
        e.place.as_ref().and_then(|p| p.lat),
        e.place.as_ref().and_then(|p| p.lon),
        e.sentence.start as i64,
        e.sentence.end as i64,
        e.trigger.start as i64,
        e.trigger.end as i64,
        e.quote.map(|q| q as i64),
        copy_of,
        source_unit,
        target_unit,
    ])?;
    let listed = copy_of.is_none().then(|| tx.last_insert_rowid());
    if copy_of.is_none() {
        bump(tx, "events", 1)?;
    }
    // The network counts each side for its country when it has one.
    if let (true, None, Some(source), Some(target)) = (fact, copy_of, source_unit, target_unit) {
        tx.prepare_cached(
            "INSERT INTO pair_days (source_actor, target_actor, day, events, goldstein_sum)
             VALUES (?1, ?2, ?3, 1, ?4)
             ON CONFLICT DO UPDATE SET events = events + 1,
                 goldstein_sum = goldstein_sum + excluded.goldstein_sum",
        )?
        .execute(params![source, target, day, e.goldstein])?;
        // min/max of NULL is NULL: coalesce so an unknown day never wins
        tx.prepare_cached(
            "INSERT INTO pairs (source_actor, target_actor, events, goldstein_sum, first_day,
                 last_day)
             VALUES (?1, ?2, 1, ?3, nullif(?4, ''), nullif(?4, ''))
             ON CONFLICT DO UPDATE SET events = events + 1,
                 goldstein_sum = goldstein_sum + excluded.goldstein_sum,
                 first_day = min(coalesce(first_day, excluded.first_day),
                                 coalesce(excluded.first_day, first_day)),
                 last_day = max(coalesce(last_day, excluded.last_day),
                                coalesce(excluded.last_day, last_day))",
        )?
        .execute(params![source, target, e.goldstein, day])?;
        for (table, key_length) in [("pair_months", 7), ("pair_years", 4)] {
            add_to_period(tx, table, key_length, source, target, &day, e.goldstein)?;
        }
    }
    Ok(listed)
}

/// Counts one fact event of `day` in the per-period totals `table`, whose
/// key is the first `key_length` characters of the day (`YYYY-MM`, `YYYY`).
/// Days not written `YYYY-MM-DD` (unknown: '') stay out, as in the schema.
fn add_to_period(
    tx: &Connection,
    table: &'static str,
    key_length: usize,
    source: i64,
    target: i64,
    day: &str,
    goldstein: f64,
) -> Result<()> {
    let well_formed = day.len() == 10
        && day.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return Ok(());
    }
    tx.prepare_cached(&format!(
        "INSERT INTO {table} (period, source_actor, target_actor, events, goldstein_sum,
             first_day, last_day)
         VALUES (substr(?3, 1, ?5), ?1, ?2, 1, ?4, ?3, ?3)
         ON CONFLICT DO UPDATE SET events = events + 1,
             goldstein_sum = goldstein_sum + excluded.goldstein_sum,
             first_day = min(first_day, excluded.first_day),
             last_day = max(last_day, excluded.last_day)"
    ))?
    .execute(params![source, target, day, goldstein, key_length as i64])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, name: &str) -> OutEntity {
        OutEntity {
            id: id.into(),
            name: name.into(),
            kind: "PERSON".into(),
            actor: None,
            value: None,
            mentions: vec![],
            titles: Vec::new(),
        }
    }

    #[test]
    fn one_word_names_resolve_to_the_one_fuller_name() {
        let names = resolved_names(&[
            person("e1", "Jake Sullivan"),
            person("e2", "Sullivan"),
            person("e3", "Park Min-jun"),
            person("e4", "Park"),
            person("e5", "Ana Lee"),
            person("e6", "Tom Lee"),
            person("e7", "Lee"),
        ]);
        let norm = |i: usize| names[i].as_ref().unwrap().1.clone();
        assert_eq!(norm(1), "jake sullivan");
        assert_eq!(norm(3), "park min jun");
        assert_eq!(norm(6), "lee", "two Lees: ambiguous, kept apart");
    }

    #[test]
    fn close_fingerprints_share_a_band() {
        let a: u64 = 0x0123_4567_89ab_cdef;
        let b = a ^ (1 << 3) ^ (1 << 20) ^ (1 << 40);
        let shared = bands(a).iter().zip(bands(b)).any(|(x, y)| *x == y);
        assert!(shared);
    }
}
