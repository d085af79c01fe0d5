//! Actor phrases: the noun phrases of a sentence that name actors, and the
//! CAMEO codes they get.
//!
//! A light chunker over tokens: it labels each token with what the lexicons
//! say about it (a named actor, a country, a role noun, a pronoun), then
//! joins labels into phrases the way English builds them — "Chinese embassy
//! spokesman" (country + modifiers + role), "Iraq's national security
//! advisor" (possessor + role), "representatives of the U.S. and Chinese
//! governments" (role + of + coordinated countries + role).

use crate::actor_table::{ActorTable, Entry, EntryKind};
use crate::tokens::Token;
use chrono::NaiveDate;
use gazetteer::{Gazetteer, Place};
use model::Span;

/// One actor a phrase names.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRef {
    /// CAMEO actor code ("CHNGOV").
    pub code: String,
    /// The name to show.
    pub name: String,
    /// The words that name it.
    pub span: Span,
}

/// What a token position holds, as far as actors go.
#[derive(Debug, Clone, PartialEq)]
enum Label {
    /// A specific actor with its code.
    Actor { code: String },
    /// A country, by name, capital or demonym.
    Country { iso3: String, capital: bool },
    /// A role noun giving a sector.
    Agent {
        code: String,
        prefix: bool,
        generic: bool,
    },
    /// "he", "it", "they".
    Pronoun,
    /// "that country".
    Anaphor,
}

/// A label covering `len` tokens from a position.
#[derive(Debug, Clone, PartialEq)]
struct Piece {
    label: Label,
    len: usize,
}

/// A noun phrase that names one or more actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The actors it names (several when coordinated: "Russia and China").
    pub actors: Vec<ActorRef>,
    /// The pronoun it is, if it is one ("it", "he").
    pub pronoun: Option<String>,
    /// Whether it is "that country" and friends.
    pub anaphor: bool,
    /// The preposition right before it, if any ("in", "of", "by").
    pub preposition: Option<String>,
    /// Whether it is a possessor ("Beijing" in "Beijing's response").
    pub possessive: bool,
}

impl Phrase {
    /// Whether the phrase still needs resolving to an actor.
    pub fn is_reference(&self) -> bool {
        self.pronoun.is_some() || self.anaphor
    }
}

/// Entities from the `nlp` stage that carry an actor code, by byte span.
pub type EntityActors<'a> = &'a [(Span, String, String)];

/// Finds the actor phrases of a sentence.
pub fn find(
    tokens: &[Token],
    table: &ActorTable,
    gazetteer: &Gazetteer,
    entities: EntityActors,
    date: Option<NaiveDate>,
) -> Vec<Phrase> {
    find_with_verbs(tokens, table, gazetteer, entities, &[], date, &|_| false)
}

/// [`find`], told which words are verb forms (`is_verb`), so that a
/// present-tense verb right after a name ("Iran arrests Canadian
/// citizens") ends the name's phrase rather than modifying the role after
/// it, and which words are a namesake's surname (`namesakes`, byte spans:
/// "Blair" of "Dennis Blair"), where the table's actor of that surname
/// does not apply.
pub fn find_with_verbs(
    tokens: &[Token],
    table: &ActorTable,
    gazetteer: &Gazetteer,
    entities: EntityActors,
    namesakes: &[Span],
    date: Option<NaiveDate>,
    is_verb: &dyn Fn(&str) -> bool,
) -> Vec<Phrase> {
    let pieces = label(tokens, table, gazetteer, entities, namesakes, date);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if pieces[i].is_none() {
            i += 1;
            continue;
        }
        let phrase = build(tokens, &pieces, i, is_verb);
        i = phrase.end.max(i + 1);
        out.push(phrase);
    }
    out
}

/// The longest label starting at every position (None inside or outside).
fn label(
    tokens: &[Token],
    table: &ActorTable,
    gazetteer: &Gazetteer,
    entities: EntityActors,
    namesakes: &[Span],
    date: Option<NaiveDate>,
) -> Vec<Option<Piece>> {
    let mut out: Vec<Option<Piece>> = vec![None; tokens.len()];
    // The coder passes a sentence's mentions in text order: each token's
    // is then found by a binary search, not a walk over them all.
    let sorted = entities.is_sorted_by_key(|(s, _, _)| s.start);
    let mut i = 0;
    while i < tokens.len() {
        let from_entity = entity_at(tokens, i, entities, sorted);
        let piece = best_piece(tokens, i, table, gazetteer, from_entity, namesakes, date);
        match piece {
            Some(p) => {
                let len = p.len.max(1);
                out[i] = Some(p);
                i += len;
            }
            None => i += 1,
        }
    }
    // "secret military and diplomatic files", "military and economic aid":
    // a role word coordinated with a plain adjective before a shared noun
    // modifies that noun; it names no one.
    let plain = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_word() && !t.is_capitalized() && !is_stop_word(&t.lower))
            && out.get(k).is_some_and(Option::is_none)
    };
    let modifying: Vec<usize> = (0..tokens.len())
        .filter(|&k| {
            let agent = matches!(
                out[k],
                Some(Piece {
                    label: Label::Agent { .. },
                    len: 1
                })
            );
            let coordinated = tokens
                .get(k + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "and" | "or"));
            agent && coordinated && plain(k + 2) && plain(k + 3)
        })
        .collect();
    for k in modifying {
        out[k] = None;
    }
    out
}

/// The longest label at token `i`, given the entity stage's there.
fn best_piece(
    tokens: &[Token],
    i: usize,
    table: &ActorTable,
    gazetteer: &Gazetteer,
    from_entity: Option<Piece>,
    namesakes: &[Span],
    date: Option<NaiveDate>,
) -> Option<Piece> {
    let from_table = table
        .longest_at(tokens, i, |_| true)
        .filter(|m| {
            // "Dennis Blair": the table's "Blair" is Tony Blair, not him.
            let namesake = || {
                let (Some(first), Some(last)) = (tokens.get(i), tokens.get(i + m.len - 1)) else {
                    return false;
                };
                let covered = Span::new(first.span.start, last.span.end);
                namesakes.iter().any(|n| n.contains(covered))
            };
            !(matches!(m.entry.kind, EntryKind::Actor(_)) && namesake())
        })
        .map(|m| Piece {
            label: entry_label(m.entry, date),
            len: m.len,
        });
    let from_gazetteer = country_at(tokens, i, gazetteer);
    let lower = tokens[i].lower.as_str();
    let from_words = if !REFERENCE_SHAPES.may_contain(lower) {
        None
    } else if lexicon::actor_words().pronouns.contains(&lower) {
        Some(Piece {
            label: Label::Pronoun,
            len: 1,
        })
    } else {
        lexicon::actor_words()
            .country_anaphors
            .iter()
            .filter(|a| a.as_bytes().first() == lower.as_bytes().first())
            .find_map(|a| {
                // The first word is this token's, else no split: this
                // runs at every token of every sentence.
                let rest = a.strip_prefix(lower)?;
                let mut len = 1;
                if !rest.is_empty() {
                    for w in rest.strip_prefix(' ')?.split(' ') {
                        if tokens.get(i + len)?.lower != w {
                            return None;
                        }
                        len += 1;
                    }
                }
                Some(Piece {
                    label: Label::Anaphor,
                    len,
                })
            })
    };
    // Longest wins; on ties the tables (which hold the caller's
    // dictionaries) beat the gazetteer, which beats the entity stage.
    // (Pairwise, not through an iterator chain: this runs at every token.)
    longer(
        longer(longer(from_table, from_gazetteer), from_entity),
        from_words,
    )
}

/// `best`, unless `p` covers more tokens than it.
fn longer(best: Option<Piece>, p: Option<Piece>) -> Option<Piece> {
    match (&best, &p) {
        (Some(b), Some(q)) if b.len >= q.len => best,
        (_, Some(_)) => p,
        _ => best,
    }
}

/// The shapes of the pronouns and of every run of words an anaphor
/// starts with ("that", "that country"): the only words `best_piece`
/// reads as a pronoun or the start of an anaphor. Most tokens have none of
/// these shapes and skip the two lists, which were compared word by word
/// at every token.
static REFERENCE_SHAPES: std::sync::LazyLock<lexicon::lemma::Shapes> =
    std::sync::LazyLock::new(|| {
        let words = lexicon::actor_words();
        let anaphor_starts = words.country_anaphors.iter().flat_map(|a| {
            a.match_indices(' ')
                .map(|(at, _)| &a[..at])
                .chain(std::iter::once(*a))
        });
        words
            .pronouns
            .iter()
            .copied()
            .chain(anaphor_starts)
            .collect()
    });

fn entry_label(e: &Entry, date: Option<NaiveDate>) -> Label {
    match &e.kind {
        EntryKind::Actor(_) => Label::Actor {
            code: e.code_on(date).unwrap_or("---").to_string(),
        },
        EntryKind::Agent { code, prefix } => Label::Agent {
            code: code.to_string(),
            prefix: *prefix,
            // A one-word entry (most) is its own word: not joined into a
            // new string at every agent a sentence names.
            generic: match &e.words[..] {
                [one] => lexicon::actor_words()
                    .generic_agents
                    .contains(&one.as_ref()),
                words => lexicon::actor_words()
                    .generic_agents
                    .contains(&words.join(" ").as_str()),
            } || e
                .words
                .last()
                .is_some_and(|w| lexicon::actor_words().generic_agents.contains(&w.as_ref())),
        },
    }
}

/// A country named at `i` (up to four words) by its name, a demonym, a
/// capital (the government: "Beijing said"), another city or a region (the
/// country: "Aleppo", "South Carolina").
fn country_at(tokens: &[Token], i: usize, gazetteer: &Gazetteer) -> Option<Piece> {
    if let Some(piece) = hyphenated_nationality(tokens, i, gazetteer) {
        return Some(piece);
    }
    // Every form tried below starts with this token's word, in its own case
    // or title case: most words start no place name.
    let first = tokens.get(i)?.text;
    // A byte loop: `split` sets up a searcher, at every token.
    let first_word = first
        .bytes()
        .position(|b| b == b' ')
        .map_or(first, |p| &first[..p]);
    // No run longer than the longest name this word starts is tried ("Lagos
    // officials said talks" is no place, nor are its shorter runs but one):
    // each run tried is written out and looked up in two casings.
    let most = gazetteer.most_words_from(first_word);
    if most == 0 {
        return None;
    }
    // The forms tried are written into two buffers kept across lengths:
    // this runs at every capitalised token.
    let (mut written, mut fixed) = (String::new(), String::new());
    for len in (1..=most.min(4)).rev() {
        let Some(ts) = tokens.get(i..i + len) else {
            continue;
        };
        // "the" is left to the phrase builder as an article (the
        // gazetteer would take "the U.S." whole).
        if !ts[0].is_word() || ts[0].lower == "the" {
            return None;
        }
        written.clear();
        for (k, t) in ts.iter().enumerate() {
            if k > 0 {
                written.push(' ');
            }
            written.push_str(t.text);
        }
        let has_capital = written.chars().any(char::is_uppercase);
        // Fix the case of words written with some capital ("iSrael") and
        // of demonyms ("tunisian"), not of lowercase nouns that happen to
        // spell a place ("turkey", "nice").
        let recased = has_capital || len == 1;
        for n in 0..1 + usize::from(recased) {
            let form = if n == 0 {
                written.as_str()
            } else {
                title_case(&written, &mut fixed);
                fixed.as_str()
            };
            let Some(place) = gazetteer.lookup(form) else {
                continue;
            };
            let fixed_case = n > 0;
            if !has_capital && !matches!(place, Place::Demonym(_)) {
                continue;
            }
            let piece = match place {
                Place::Country(c) | Place::Demonym(c) => country_piece(c.iso3, false, len),
                Place::City(city) if !fixed_case => {
                    let capital = gazetteer
                        .country_by_capital(city.name)
                        .is_some_and(|c| c.iso3 == city.country);
                    country_piece(city.country, capital, len)
                }
                Place::Region(r) if !fixed_case => country_piece(r.country, false, len),
                _ => continue,
            };
            return Some(piece);
        }
    }
    None
}

/// "Iranian-American", "Chinese-Canadian": a hyphenated pair of demonyms
/// names a citizen of the second country of the first's descent; the
/// second is the country.
fn hyphenated_nationality(tokens: &[Token], i: usize, gazetteer: &Gazetteer) -> Option<Piece> {
    let demonym = |w: &str| match gazetteer.lookup(w) {
        Some(Place::Demonym(c)) if w.chars().next().is_some_and(char::is_uppercase) => Some(c.iso3),
        _ => None,
    };
    let t = tokens.get(i)?;
    // `split_once('-')` by a byte loop: this runs at every token.
    if let Some(dash) = t.text.bytes().position(|b| b == b'-') {
        let (first, second) = (&t.text[..dash], &t.text[dash + 1..]);
        demonym(first)?;
        return Some(country_piece(demonym(second)?, false, 1));
    }
    let (dash, next) = (tokens.get(i + 1)?, tokens.get(i + 2)?);
    let joined = t.span.end == dash.span.start && dash.span.end == next.span.start;
    if !joined || dash.text != "-" {
        return None;
    }
    demonym(t.text)?;
    // Two demonyms name one person's descent ("Iranian-American pastor")
    // unless a noun two countries share follows ("Russian-Turkish talks").
    let shared = tokens.get(i + 3).is_some_and(|n| {
        let nouns = &lexicon::actor_words().pair_nouns;
        lexicon::lemma::candidates(&n.lower)
            .iter()
            .any(|c| nouns.contains(&c.as_str()))
    });
    if dash.is_pair_joint() && shared {
        return None;
    }
    Some(country_piece(demonym(next.text)?, false, 3))
}

fn country_piece(iso3: &str, capital: bool, len: usize) -> Piece {
    Piece {
        label: Label::Country {
            iso3: iso3.to_string(),
            capital,
        },
        len,
    }
}

/// Writes `s` title-cased into `out`: "iSrael" → "Israel", "south korea"
/// → "South Korea".
pub(crate) fn title_case(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        // As the `char` loop below cases an ASCII text, without a `char`
        // at a time: this runs on every form tried at a capitalised token.
        out.push_str(s);
        out.make_ascii_lowercase();
        let mut starts_word = true;
        for (at, b) in s.bytes().enumerate() {
            if starts_word {
                if let Some(first) = out.get_mut(at..=at) {
                    first.make_ascii_uppercase();
                }
            }
            starts_word = b == b' ';
        }
        return;
    }
    for (k, w) in s.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let mut cs = w.chars();
        if let Some(f) = cs.next() {
            out.extend(f.to_uppercase());
            out.extend(cs.flat_map(char::to_lowercase));
        }
    }
}

/// An entity of the `nlp` stage with an actor code, starting at token `i`
/// (the first mention in `entities` that does), found by a binary search
/// when `sorted` (by start) allows it.
fn entity_at(tokens: &[Token], i: usize, entities: EntityActors, sorted: bool) -> Option<Piece> {
    let t = &tokens[i];
    let at = t.span.start;
    let (span, code, _) = if sorted {
        // The first mention starting at `at` is the first not before it.
        let k = entities.partition_point(|(s, _, _)| s.start < at);
        entities.get(k).filter(|(s, _, _)| s.start == at)?
    } else {
        entities.iter().find(|(s, _, _)| s.start == at)?
    };
    let len = tokens[i..]
        .iter()
        .take_while(|t| t.span.end <= span.end && !t.is_pair_joint())
        .count();
    Some(Piece {
        label: Label::Actor { code: code.clone() },
        len: len.max(1),
    })
}

/// Whether `lower` is a function word that never sits inside an actor
/// phrase as a modifier ("the", "has", "said"): `lexicon`'s
/// `event_words.txt`, `[stop-words]`.
pub fn is_stop_word(lower: &str) -> bool {
    lexicon::event_words().stop_words.contains(lower)
}

/// Whether token `j` may be a modifier inside a phrase ("embassy",
/// "national security"): a plain lowercase word, with a role noun within
/// the next three tokens.
fn is_modifier(
    tokens: &[Token],
    pieces: &[Option<Piece>],
    j: usize,
    is_verb: &dyn Fn(&str) -> bool,
) -> bool {
    let t = &tokens[j];
    let named = |k: usize| {
        pieces[k]
            .as_ref()
            .is_some_and(|p| matches!(p.label, Label::Country { .. } | Label::Actor { .. }))
    };
    let plain = t.is_word()
        && !is_stop_word(&t.lower)
        && !t.lower.ends_with("ed")
        && !t.lower.ends_with("ing")
        && !t.lower.ends_with("ly")
        // "Trump withheld US military aid": an irregular verb form is the
        // clause's verb, not part of a name.
        && lexicon::lemma::irregulars()
            .verb(&t.lower)
            .is_none_or(|lemma| lemma == t.lower);
    plain
        && (j + 1..(j + 4).min(tokens.len())).any(|k| {
            matches!(
                pieces[k],
                Some(Piece {
                    label: Label::Agent { .. },
                    ..
                })
            ) && (j + 1..k).all(|m| {
                let w = &tokens[m];
                w.is_word() && !is_stop_word(&w.lower)
            }) && !(j..k).any(|m| {
                // "Iran (still) arrests Canadian citizens": a verb in the
                // third person before another name is the clause's verb,
                // not a modifier of the role after that name.
                let w = &tokens[m];
                w.lower.ends_with('s') && (m + 1..k).any(named) && is_verb(&w.lower)
            })
        })
}

/// What a phrase gathers while it is built.
#[derive(Default)]
struct Parts {
    countries: Vec<(String, bool, Span)>,
    actors: Vec<(String, Span)>,
    agents: Vec<(String, bool, bool)>,
    pronoun: Option<String>,
    anaphor: bool,
    /// Whether "and", "or" or a list comma joined two names.
    coordinated: bool,
}

/// Builds the phrase that starts at token `i` (which has a label).
fn build(
    tokens: &[Token],
    pieces: &[Option<Piece>],
    i: usize,
    is_verb: &dyn Fn(&str) -> bool,
) -> Phrase {
    let mut parts = Parts::default();
    let mut j = i;
    let mut end = i;
    let mut possessive = false;
    // Whether the last piece taken was a country or named actor, which is
    // what a coordination continues ("the U.S. and Chinese governments").
    let mut after_country = false;
    loop {
        if let Some(p) = pieces.get(j).cloned().flatten() {
            let span = Span::new(tokens[j].span.start, tokens[j + p.len - 1].span.end);
            let is_agent = matches!(p.label, Label::Agent { .. });
            match p.label {
                // "FRO/BIL/SAM": one name for several actors ("the Shire").
                Label::Actor { code } => parts
                    .actors
                    .extend(code.split('/').map(|c| (c.to_string(), span))),
                Label::Country { iso3, capital } => parts.countries.push((iso3, capital, span)),
                Label::Agent {
                    code,
                    prefix,
                    generic,
                } => parts.agents.push((code, prefix, generic)),
                Label::Pronoun => {
                    parts.pronoun = Some(tokens[j].lower.to_string());
                    end = j + 1;
                    break;
                }
                Label::Anaphor => parts.anaphor = true,
            }
            after_country = !is_agent;
            j += p.len;
            end = j;
            // Pronouns and anaphors stand alone.
            if parts.anaphor {
                break;
            }
            // "Europe's": a name the table holds with its genitive (a region
            // that acts only as an owner) ends its phrase as an owner, as
            // "Iraq's" does below, unless a role or modifier follows
            // ("Europe's leaders").
            if tokens[j - 1].lower == "'s" && !possessive {
                let role_after = (j..(j + 4).min(tokens.len()))
                    .any(|m| is_modifier(tokens, pieces, m, is_verb))
                    || pieces
                        .get(skip_det(tokens, j))
                        .and_then(|p| p.as_ref())
                        .is_some_and(|p| matches!(p.label, Label::Agent { .. }));
                if !role_after {
                    possessive = true;
                    end = j - 1;
                    break;
                }
            }
            continue;
        }
        let Some(t) = tokens.get(j) else { break };
        let next_is = |k: usize, want: &dyn Fn(&Label) -> bool| {
            let k = skip_det(tokens, k);
            pieces
                .get(k)
                .and_then(|p| p.as_ref())
                .is_some_and(|p| want(&p.label))
        };
        let countryish = |l: &Label| matches!(l, Label::Country { .. } | Label::Actor { .. });
        // Coordination: "Russia and China", "the U.S. and Chinese governments".
        if (t.lower == "and" || t.lower == "or")
            && after_country
            && !(parts.countries.is_empty() && parts.actors.is_empty())
            && next_is(j + 1, &countryish)
        {
            parts.coordinated = true;
            j = skip_det(tokens, j + 1);
            continue;
        }
        if t.text == ","
            && after_country
            && !(parts.countries.is_empty() && parts.actors.is_empty())
            && next_is(j + 1, &countryish)
            && list_continues(tokens, pieces, skip_det(tokens, j + 1))
        {
            parts.coordinated = true;
            j = skip_det(tokens, j + 1);
            continue;
        }
        // Genitive: "Iraq's national security advisor".
        // A bare "'" is a genitive only written onto a plural ("the States'
        // allies"); spaced off, or doubled, it is a quotation mark ("called
        // China ''reckless''").
        let glued_plural = || {
            j.checked_sub(1)
                .and_then(|b| tokens.get(b))
                .is_some_and(|b| b.span.end == t.span.start && b.lower.as_str().ends_with('s'))
                && tokens.get(j + 1).is_none_or(|n| n.lower.as_str() != "'")
        };
        if (t.lower == "'s" || (t.lower == "'" && glued_plural())) && !possessive {
            let k = j + 1;
            if (k..(k + 4).min(tokens.len())).any(|m| is_modifier(tokens, pieces, m, is_verb))
                || next_is(k, &|l| matches!(l, Label::Agent { .. }))
            {
                j = k;
                continue;
            }
            possessive = true;
            break;
        }
        if is_modifier(tokens, pieces, j, is_verb) {
            j += 1;
            continue;
        }
        // A name after a role: "spokesman Li Pengyu", "President Michel Suleiman".
        if !parts.agents.is_empty() && t.is_capitalized() && t.is_word() && j == end {
            j += 1;
            end = j;
            continue;
        }
        // Post-modifier: "representatives of the U.S.", "troops from Chad".
        if matches!(t.lower.as_str(), "of" | "from" | "in")
            && !parts.agents.is_empty()
            && parts.countries.is_empty()
            && parts.actors.is_empty()
        {
            // "of the northern West Bank city": up to two lowercase
            // modifiers between the article and the country.
            let mut k = skip_det(tokens, j + 1);
            let mut skipped = 0;
            while skipped < 2
                && tokens
                    .get(k)
                    .is_some_and(|w| w.is_word() && !w.is_capitalized() && !is_stop_word(&w.lower))
                && pieces.get(k).is_some_and(Option::is_none)
            {
                k += 1;
                skipped += 1;
            }
            let countryish = pieces
                .get(k)
                .and_then(|p| p.as_ref())
                .is_some_and(|p| matches!(p.label, Label::Country { .. } | Label::Actor { .. }));
            if countryish {
                j = k;
                continue;
            }
        }
        break;
    }
    let preposition = i
        .checked_sub(1)
        .map(|k| skip_det_back(tokens, k))
        .and_then(|k| tokens.get(k))
        .filter(|t| PREPOSITIONS.contains(&t.lower.as_str()))
        .map(|t| t.lower.to_string());
    let span = Span::new(tokens[i].span.start, tokens[end.max(i + 1) - 1].span.end);
    // The words' texts joined by spaces, written into one string (no
    // list of them made first).
    let name_of = |s: Span| -> String {
        let mut name = String::new();
        for (k, t) in tokens.iter().filter(|t| s.contains(t.span)).enumerate() {
            if k > 0 {
                name.push(' ');
            }
            name.push_str(t.text);
        }
        name
    };
    let actors = resolve(&parts, span, &name_of);
    Phrase {
        start: i,
        end: end.max(i + 1),
        actors,
        pronoun: parts.pronoun,
        anaphor: parts.anaphor,
        preposition,
        possessive,
    }
}

/// Prepositions that make a phrase a modifier rather than a clause's subject.
/// (`lexicon`'s `event_words.txt`, `[prepositions]`.)
pub static PREPOSITIONS: std::sync::LazyLock<&lexicon::WordSet<'static>> =
    std::sync::LazyLock::new(|| &lexicon::event_words().prepositions);

/// Auxiliaries, modals, subject pronouns, "and"/"or"/"not" and the
/// relative words (`modality_words.txt`'s `clause-words`): the closed-class
/// words that end a run of modifiers before a noun wherever the coder walks
/// one back; each caller adds the few words only its walk stops at.
pub fn is_clause_word(lower: &str) -> bool {
    lexicon::modality_words().clause_words.contains(&lower)
}

/// Whether a comma list goes on after the piece at `k` ("A, B and C").
fn list_continues(tokens: &[Token], pieces: &[Option<Piece>], k: usize) -> bool {
    let len = pieces.get(k).and_then(|p| p.as_ref()).map_or(1, |p| p.len);
    tokens
        .get(k + len)
        .is_some_and(|t| t.text == "," || t.lower == "and")
}

fn skip_det(tokens: &[Token], k: usize) -> usize {
    match tokens.get(k) {
        Some(t) if matches!(t.lower.as_str(), "the" | "a" | "an") => k + 1,
        _ => k,
    }
}

fn skip_det_back(tokens: &[Token], k: usize) -> usize {
    match tokens.get(k) {
        Some(t) if matches!(t.lower.as_str(), "the" | "a" | "an") && k > 0 => k - 1,
        _ => k,
    }
}

/// The codes of a phrase from its parts.
fn resolve(parts: &Parts, span: Span, name_of: &dyn Fn(Span) -> String) -> Vec<ActorRef> {
    // The head role: the last one, unless it is generic and a more
    // specific one came before ("rebel leader" is a rebel).
    let mut agent: Option<&(String, bool, bool)> = None;
    for a in &parts.agents {
        if agent.is_none() || !a.2 {
            agent = Some(a);
        }
    }
    let with_agent = |country: &str| match agent {
        Some((code, true, _)) => format!("{code}{country}"),
        Some((code, false, _)) => format!("{country}{code}"),
        None => country.to_string(),
    };
    // One country with a named person ("U.S. adviser Jake Sullivan") is one
    // actor; several countries or names are a coordination.
    // Two named pieces side by side with no "and" or comma between are one
    // person, a title and a name ("Sen. Marco Rubio", where both are in
    // the table): not a coordination. The first (the title, the office
    // held now) is the actor.
    let titled = !parts.coordinated && parts.actors.windows(2).any(|w| w[0].1 != w[1].1);
    let several = parts.coordinated
        || parts.countries.len() > 1
        || (parts.countries.is_empty() && parts.actors.len() > 1 && !titled);
    let name = |s: Span| if several { name_of(s) } else { name_of(span) };
    let whole = |s: Span| if several { s } else { span };
    if !parts.countries.is_empty() {
        if agent.is_none() && !parts.actors.is_empty() && !several {
            // "U.S. national security adviser Jake Sullivan" without a role
            // word we know: the named actor is more specific.
            return named(parts, agent, &name, &whole);
        }
        let mut out: Vec<ActorRef> = parts
            .countries
            .iter()
            .map(|(iso3, capital, s)| ActorRef {
                code: if agent.is_none() && *capital {
                    format!("{iso3}GOV")
                } else {
                    with_agent(iso3)
                },
                name: name(*s),
                span: whole(*s),
            })
            .collect();
        if several {
            out.extend(named(parts, agent, &name, &whole));
        }
        return out;
    }
    if !parts.actors.is_empty() {
        return named(parts, agent, &name, &whole);
    }
    match agent {
        Some(_) => vec![ActorRef {
            code: with_agent("---"),
            name: name_of(span),
            span,
        }],
        None => Vec::new(),
    }
}

fn named(
    parts: &Parts,
    agent: Option<&(String, bool, bool)>,
    name: &dyn Fn(Span) -> String,
    whole: &dyn Fn(Span) -> Span,
) -> Vec<ActorRef> {
    let first = parts.actors.first().map(|(_, s)| *s);
    let titled = !parts.coordinated && parts.actors.iter().any(|(_, s)| Some(*s) != first);
    parts
        .actors
        .iter()
        .filter(|(_, s)| !titled || Some(*s) == first)
        .map(|(code, s)| ActorRef {
            code: match agent {
                Some((a, false, _)) if code.len() == 3 => format!("{code}{a}"),
                _ => code.clone(),
            },
            name: name(*s),
            // A title's actor stands on its name's words, which the
            // person's entity mention covers (what tells "he" from "it").
            span: match (titled, parts.actors.last()) {
                (true, Some((_, last))) => *last,
                _ => whole(*s),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_cased(s: &str) -> String {
        let mut out = String::from("left over");
        title_case(s, &mut out);
        out
    }

    #[test]
    fn title_cases_each_word() {
        assert_eq!(title_cased("iSrael"), "Israel");
        assert_eq!(title_cased("south korea"), "South Korea");
        assert_eq!(title_cased("NEW  york-city"), "New  York-city");
        assert_eq!(title_cased(" us"), " Us");
        assert_eq!(title_cased("élysée PALACE"), "Élysée Palace");
        assert_eq!(title_cased(""), "");
    }

    #[test]
    fn every_pronoun_and_anaphor_start_passes_the_shape_filter() {
        // The shapes only skip the two lists: a word they turn away is no
        // pronoun and starts no anaphor.
        let words = lexicon::actor_words();
        assert!(!words.pronouns.is_empty() && !words.country_anaphors.is_empty());
        for p in &words.pronouns {
            assert!(REFERENCE_SHAPES.may_contain(p), "{p}");
        }
        for a in &words.country_anaphors {
            let first = a.split(' ').next().unwrap_or(a);
            assert!(REFERENCE_SHAPES.may_contain(first), "{a}");
            assert!(REFERENCE_SHAPES.may_contain(a), "{a}");
        }
    }

    #[test]
    fn an_entity_mention_is_the_first_starting_at_its_token_sorted_or_not() {
        let text = "Officials in Lagos met Abuja envoys";
        let toks = crate::tokens::tokenize(text, Span::new(0, text.len()));
        let lagos = Span::new(13, 18);
        let abuja = Span::new(23, 28);
        let code = |c: &str| c.to_string();
        // Sorted by start: found by binary search; of two mentions at one
        // start, the first listed wins, as a scan would pick it.
        let sorted = vec![
            (lagos, code("NGA"), code("e1")),
            (lagos, code("NGAGOV"), code("e2")),
            (abuja, code("NGAGOV"), code("e3")),
        ];
        assert!(sorted.is_sorted_by_key(|(s, _, _)| s.start));
        let actor = |p: Option<Piece>| match p.map(|p| p.label) {
            Some(Label::Actor { code }) => Some(code),
            _ => None,
        };
        assert_eq!(actor(entity_at(&toks, 2, &sorted, true)), Some(code("NGA")));
        assert_eq!(
            actor(entity_at(&toks, 4, &sorted, true)),
            Some(code("NGAGOV"))
        );
        assert_eq!(actor(entity_at(&toks, 3, &sorted, true)), None);
        // Out of order: scanned, and the first listed still wins.
        let unsorted: Vec<_> = sorted.iter().rev().cloned().collect();
        assert_eq!(
            actor(entity_at(&toks, 2, &unsorted, false)),
            Some(code("NGAGOV"))
        );
        assert_eq!(
            actor(entity_at(&toks, 4, &unsorted, false)),
            Some(code("NGAGOV"))
        );
    }
}
