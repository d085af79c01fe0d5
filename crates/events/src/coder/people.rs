//! People the entity stage left without an actor code ("Julian Assange",
//! "Adam Schiff") take one from their article, so that they can be the
//! source or target of an event and pronouns pointing at them carry it:
//!
//! - a title or role right before a mention, as the event coder's own
//!   actor table reads it ("Rep. Adam Schiff" → USALEG, for every later
//!   "Schiff" too);
//! - an epithet naming their nationality after a mention ("… against
//!   Assange because … while the Australian national remained in London":
//!   "the", a demonym, and a person noun or the clause's verb);
//! - a coded person of the same name when the entity stage kept the
//!   mentions apart ("The Latest: Kasich wins" … "Gov. John Kasich"): the
//!   very name, or a lone surname that only one full name in the article
//!   ends in ("Hillary Clinton" and "Bill Clinton" leave "Clinton" as it
//!   is).
//!
//! A person the article gives no country stays uncoded: the article's main
//! country is as often another country's (the prosecutors' in a story
//! about a foreign defendant) as theirs.

use crate::actor_table::ActorTable;
use crate::phrases;
use crate::tokens;
use foldhash::{HashMap, HashSet};
use gazetteer::Gazetteer;
use model::{Analysis, EntityType, Span};

/// How many tokens before a mention a title may start.
const TITLE_REACH: usize = 6;

/// How far back (in bytes) an epithet looks for the person it renames:
/// about its own and the previous sentence.
const EPITHET_REACH: usize = 400;

/// The actor codes the article gives its uncoded people, as
/// `(mention, code, entity id)` in the shape of the entity stage's coded
/// mentions; a mention whose title already codes it is left out (the
/// chunker reads "Rep. Adam Schiff" as one phrase).
pub(super) fn coded_people(
    a: &Analysis,
    shared: &[model::Token],
    actors: &ActorTable,
    gazetteer: &Gazetteer,
) -> Vec<(Span, String, String)> {
    let text = a.text();
    let published = a.document.article.published;
    // Each epithet renames the nearest person mentioned before it: one
    // pass over the mentions in text order, whatever the document's size.
    let mut persons: Vec<(usize, &str)> = a
        .entities
        .iter()
        .filter(|o| o.kind == EntityType::Person)
        .flat_map(|o| o.mentions.iter().map(move |m| (m.start, o.id.as_str())))
        .collect();
    persons.sort_unstable();
    // By entity id: the first epithet of a person wins.
    let mut renamed: HashMap<&str, String> = HashMap::default();
    for (at, country) in epithets(a, shared, gazetteer) {
        let k = persons.partition_point(|(start, _)| *start < at);
        let Some((start, id)) = k.checked_sub(1).map(|k| persons[k]) else {
            continue;
        };
        if start + EPITHET_REACH >= at {
            renamed.entry(id).or_insert(country);
        }
    }
    let mut out = Vec::new();
    for e in &a.entities {
        if e.actor.is_some() || e.kind != EntityType::Person {
            continue;
        }
        let mut titled: HashSet<Span> = HashSet::default();
        let mut code: Option<String> = None;
        for m in &e.mentions {
            if let Some(c) = title_code(text, shared, *m, actors, gazetteer, published) {
                titled.insert(*m);
                code = code.or(Some(c));
            }
        }
        let code = code.or_else(|| renamed.get(e.id.as_str()).cloned());
        let Some(code) = code else {
            continue;
        };
        out.extend(
            e.mentions
                .iter()
                .filter(|m| !titled.contains(m))
                .map(|m| (*m, code.clone(), e.id.clone())),
        );
    }
    let names = FullNames::of(a, &out);
    let coded_here: HashSet<&str> = out.iter().map(|(_, _, id)| id.as_str()).collect();
    let mut later = Vec::new();
    for e in a.entities.iter().filter(|e| e.kind == EntityType::Person) {
        if e.actor.is_some() || coded_here.contains(e.id.as_str()) {
            continue;
        }
        if let Some(code) = names.full_name(&e.name).and_then(|n| names.code(n)) {
            later.extend(
                e.mentions
                    .iter()
                    .map(|m| (*m, code.to_string(), e.id.clone())),
            );
        }
    }
    out.extend(later);
    out
}

/// The article's people by full name, for mentions the entity stage kept
/// apart from them ("The Latest: Kasich wins" … "Gov. John Kasich"): a
/// mention with the very name of a coded person takes that person's code,
/// and a lone surname the code of the one full name in the article that
/// ends in it. Two people of one surname ("Hillary Clinton", "Bill
/// Clinton") leave a lone "Clinton" uncoded, as do two codes for one
/// name.
struct FullNames<'a> {
    /// Full name → the codes its entities carry.
    codes: HashMap<&'a str, HashSet<String>>,
    /// Surname → the full names ending in it.
    by_surname: HashMap<&'a str, HashSet<&'a str>>,
}

impl<'a> FullNames<'a> {
    /// The person entities' full names, coded by the entity stage or by
    /// `coded` (this module's codes, by entity id).
    fn of(a: &'a Analysis, coded: &[(Span, String, String)]) -> Self {
        let by_id: HashMap<&str, &str> = coded
            .iter()
            .map(|(_, code, id)| (id.as_str(), code.as_str()))
            .collect();
        let mut names = FullNames {
            codes: HashMap::default(),
            by_surname: HashMap::default(),
        };
        let suffixes = &lexicon::actor_words().name_suffixes;
        for e in a.entities.iter().filter(|e| e.kind == EntityType::Person) {
            // "Harry B. Harris Jr.": the surname before the suffix.
            let mut words = e.name.split(' ').rev();
            let last = words.find(|w| !suffixes.contains(&model::lowercase(w).as_ref()));
            let Some(last) = last.filter(|_| e.name.contains(' ')) else {
                continue;
            };
            names
                .by_surname
                .entry(last)
                .or_default()
                .insert(e.name.as_str());
            let code = e
                .actor
                .as_deref()
                .or_else(|| by_id.get(e.id.as_str()).copied());
            if let Some(code) = code {
                let name = e.name.as_str();
                names
                    .codes
                    .entry(name)
                    .or_default()
                    .insert(code.to_string());
            }
        }
        names
    }

    /// The full name a person's name stands for: itself when it has a
    /// given name, else the one full name ending in it.
    fn full_name<'n>(&self, name: &'n str) -> Option<&'n str>
    where
        'a: 'n,
    {
        if name.contains(' ') {
            return Some(name);
        }
        let names = self.by_surname.get(name).filter(|n| n.len() == 1)?;
        names.iter().next().copied()
    }

    /// The one code of the full name.
    fn code(&self, full: &str) -> Option<&str> {
        let codes = self.codes.get(full).filter(|c| c.len() == 1)?;
        codes.iter().next().map(String::as_str)
    }
}

/// The code of a title or role phrase the actor table reads right before
/// (or around) the mention `m` in its sentence ("Rep. Adam Schiff",
/// "Secretary of State John Kerry"): one actor with a country or an
/// organisation, and a role, not a bare country ("in Syria Ali Haidar").
fn title_code(
    text: &str,
    shared: &[model::Token],
    m: Span,
    actors: &ActorTable,
    gazetteer: &Gazetteer,
    published: Option<chrono::NaiveDate>,
) -> Option<String> {
    let k = shared.partition_point(|t| t.span().start < m.start);
    let first = shared.get(k).filter(|t| t.span().start == m.start)?;
    let end = shared.partition_point(|t| t.span().end <= m.end);
    let mut from = k.saturating_sub(TITLE_REACH);
    while shared[from].sentence != first.sentence {
        from += 1;
    }
    if from == k {
        return None;
    }
    let toks = tokens::from_shared(text, &shared[from..end.max(k + 1)]);
    let at = toks.iter().position(|t| t.span.start == m.start)?;
    let found = phrases::find(&toks, actors, gazetteer, &[], published);
    let p = found.iter().find(|p| p.start < at && p.end >= at)?;
    let [r] = p.actors.as_slice() else {
        return None;
    };
    let adjacent = p.end == at;
    let role = r.code.len() > 3 && !r.code.starts_with("---");
    (!p.is_reference() && !p.possessive && role && (adjacent || p.end > at)).then(|| r.code.clone())
}

/// Epithets that rename a person by nationality: "the Australian
/// national", "the 47-year-old Australian said": "the", at most one
/// modifier, a demonym the entity stage tagged, then a person noun
/// (`actor_words.txt`'s epithet nouns) or a verb. Each as (byte offset, country).
fn epithets(a: &Analysis, shared: &[model::Token], gazetteer: &Gazetteer) -> Vec<(usize, String)> {
    let words = &lexicon::actor_words().epithet_nouns;
    let text = a.text();
    let mut out = Vec::new();
    for e in a.entities.iter().filter(|e| e.kind == EntityType::Norp) {
        for m in &e.mentions {
            let k = shared.partition_point(|t| t.span().start < m.start);
            if shared.get(k).is_none_or(|t| t.span().start != m.start) {
                continue;
            }
            let lower = |i: usize| {
                shared
                    .get(i)
                    .map(|t| model::lowercase(t.span().slice(text)))
            };
            let the = |i: usize| lower(i).is_some_and(|w| w == "the");
            let modifier = |i: usize| {
                lower(i).is_some_and(|w| w.contains('-') || w.chars().all(|c| c.is_ascii_digit()))
            };
            let opens = (k >= 1 && the(k - 1)) || (k >= 2 && the(k - 2) && modifier(k - 1));
            if !opens {
                continue;
            }
            let end = shared.partition_point(|t| t.span().end <= m.end);
            let next = lower(end).unwrap_or_default();
            let next = next.as_ref();
            let person = words.contains(&next);
            // "the Hungarians revolted", "the Chinese said": a plural or a
            // demonym that is also the people's collective name is a
            // nation, not a person; only a person noun makes those one.
            let demonym = lower(k).unwrap_or_default();
            let collective = demonym.ends_with('s')
                || demonym.ends_with("ese")
                || demonym.ends_with("ch")
                || demonym.ends_with("sh");
            // "the Australian said", "the Briton remained": the clause's
            // verb right after (a role noun would make it "the Australian
            // government").
            let verb = lexicon::event_words().verbs_after_demonym.contains(next)
                || (next.len() > 4 && next.ends_with("ed"));
            if !(person || (verb && !collective)) {
                continue;
            }
            let Some(country) = gazetteer.country_by_demonym(m.slice(a.text())) else {
                continue;
            };
            out.push((m.start, country.iso3.to_string()));
        }
    }
    out.sort_unstable();
    out
}
