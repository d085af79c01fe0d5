//! Codes the events of one document, sentence by sentence: find triggers
//! with the verb lexicon, read the verb group for modality, find source and
//! target from the sentence's structure, then date and place.

use crate::actor_table::ActorTable;
use crate::cameo;
use crate::clause::{self, Chain, Governor};
use crate::phrases::{self, ActorRef, Phrase};
use crate::tokens::{self, tokenize, Token};
use crate::verbs::{VerbLexicon, VerbMatch};
use crate::when_where;
use context::DocCountries;
// Fast hashing (std's is keyed against hash flooding, and slow): these are
// looked up at every phrase of every sentence, and never iterated, so their
// order cannot reach the output.
use foldhash::{HashMap, HashSet};

mod antecedents;
mod arguments;
mod context;
mod derived;
mod discard;
mod doers;
mod evaluations;
mod headline;
mod modality;
mod near;
mod nominal;
mod people;
mod roles;
mod targets;

use derived::{
    accusation, captor_code, denial, intent_code, is_acceptance, is_acceptance_verb,
    is_contest_result, is_symmetric, refusal_code, repression_code, threat_code,
};
use gazetteer::Gazetteer;
use modality::{
    condition_after, counterfactual, denied_object, in_concession, in_condition, in_denial,
    inside_marks, quote_of, CUES,
};
use model::{
    Analysis, Budget, Entity, Event, MentionIndex, Modality, OverBudget, Reference, Span, Step,
};
use roles::{by_agent, is_noun_use, is_reduced_passive, phrase_at, subject_left, target_right};

/// Everything the coder knows about the document while it walks it.
struct Doc<'a> {
    analysis: &'a Analysis,
    /// Which entity an actor's span belongs to.
    mentions: MentionIndex,
    /// Which quote a span is in.
    quotes: MentionIndex,
    gazetteer: &'a Gazetteer,
    /// The verb patterns, for the code of a noun a rule reads on its own
    /// (`targets::blamed_before`'s blame nouns).
    verbs: &'a VerbLexicon,
    /// Actors mentioned so far, for "it", "he", "him".
    antecedents: antecedents::Antecedents,
    /// Mentions of people the coder has no actor for ("Julian Assange"),
    /// in text order, and how many of them are remembered already: "he"
    /// after one of them is that person, not an earlier coded actor.
    uncoded_people: Vec<Span>,
    uncoded_seen: usize,
    /// Actors with a country that were the subject of a clause, in text
    /// order (what a possessive "its" in a countryless role points back
    /// to). Those without one are never asked for, and kept out so that a
    /// look back stays short. Only those a later reader can still reach
    /// are kept (`forget_subjects`). Bare objects ("Ukraine" in "Russia
    /// attacked Ukraine") are kept too, marked, for a possessive ("urged
    /// Americans and their leaders").
    subjects: Vec<(usize, ClauseActor)>,
    /// Where the earliest sentence `targets::doer_told_before` can still
    /// read subjects from starts, for the current sentence.
    subjects_from: usize,
    /// Countries named, in text order (for "that country", "the two
    /// countries"); only the last one before the current sentence, the last
    /// of another country and those after it are kept.
    countries: Vec<(usize, ActorRef)>,
    /// The dateline's and the article's main country.
    places: DocCountries,
    /// Role phrases with a country, in text order, by their role (the
    /// code after its country) and head word ("Hong Kong police" for a
    /// later "police"): a look back reads only the same role's, and only
    /// its last one before the current sentence and those after are kept.
    roles: HashMap<(String, String), Vec<(usize, String)>>,
    /// The country each countryless role phrase takes from its context,
    /// by actor span; applied when events are made, so that the sentence
    /// structure still sees an unnamed role.
    contextual: HashMap<Span, Contextual>,
    /// The state forces with a country named so far ("Iranian security
    /// forces"), the latest of each country, for the doer of a passive
    /// without agent.
    forces: Vec<ActorRef>,
    /// The events made so far, for the same.
    acts: Vec<doers::Act>,
    /// Where each sentence starts, in text order: which subjects an act a
    /// disapproval names ("condemned the move") may be the doer of
    /// (`targets::doer_told_before`).
    sentence_starts: Vec<usize>,
    /// The names person entities go by, for a pronoun's person coded
    /// with a bare country.
    person_names: HashSet<&'a str>,
    /// Whether the document's time expressions are in order of their
    /// starts (`nlp` makes them so), so that an event's date reads only
    /// its sentence's.
    times_in_order: bool,
}

impl<'a> Doc<'a> {
    /// The entity one of whose mentions covers `span` or contains it.
    fn entity_at(&self, span: Span) -> Option<&'a Entity> {
        let entities = &self.analysis.entities;
        self.mentions.entity_containing(span).map(|i| &entities[i])
    }
}

/// An actor phrase outside any preposition, and whether it stands after
/// its clause's verb (an object, not the clause's subject).
struct ClauseActor {
    actor: ActorRef,
    object: bool,
}

/// The country context gives a countryless role, and whether it is only
/// the article's main country (the weakest evidence).
struct Contextual {
    country: String,
    main_only: bool,
}

/// One sentence, tokenised and chunked.
struct Sentence<'t> {
    span: Span,
    tokens: Vec<Token<'t>>,
    phrases: Vec<Phrase>,
}

/// Codes every event of `a`.
pub fn code(
    actors: &ActorTable,
    verbs: &VerbLexicon,
    gazetteer: &Gazetteer,
    a: &Analysis,
    budget: &Budget,
) -> Result<Vec<Event>, OverBudget> {
    let text = a.text();
    let published = a.document.article.published;
    let mut entity_actors: Vec<(Span, String, String)> = a
        .entities
        .iter()
        .filter_map(|e| e.actor.as_ref().map(|c| (e, c)))
        .flat_map(|(e, c)| {
            e.mentions
                .iter()
                .map(move |m| (*m, c.clone(), e.id.clone()))
        })
        .collect();
    // Run without `nlp` before it (tests, embedders), the coder cuts the
    // text with `nlp`'s tokeniser itself.
    let own;
    let (shared, sentences) = if a.tokens.is_empty() {
        own = nlp::tokenize::document(text)?;
        (&own.0, &own.1)
    } else {
        (&a.tokens, &a.sentences)
    };
    let people = people::coded_people(a, shared, actors, gazetteer);
    let coded: HashSet<Span> = people.iter().map(|(s, _, _)| *s).collect();
    let coded_person = |m: &Span| coded.contains(m);
    let mut uncoded_people: Vec<Span> = a
        .entities
        .iter()
        .filter(|e| e.actor.is_none() && e.kind == model::EntityType::Person)
        .flat_map(|e| e.mentions.iter().copied())
        .filter(|m| !coded_person(m))
        .collect();
    entity_actors.extend(people.iter().cloned());
    entity_actors.sort_by_key(|(s, _, _)| (s.start, s.end));
    // The furthest end of the coded mentions up to each one.
    let reach: Vec<usize> = entity_actors
        .iter()
        .scan(0, |far, (s, _, _)| {
            *far = s.end.max(*far);
            Some(*far)
        })
        .collect();
    let all_sentences = sentences.clone();
    let namesakes = namesake_surnames(a, verbs);
    uncoded_people.sort_by_key(|m| (m.start, m.end));
    let mut doc = Doc {
        analysis: a,
        mentions: MentionIndex::new(&a.entities),
        quotes: MentionIndex::of_spans(a.quotes.iter().map(|q| q.span)),
        gazetteer,
        verbs,
        antecedents: antecedents::Antecedents::default(),
        uncoded_people,
        uncoded_seen: 0,
        subjects: Vec::new(),
        subjects_from: 0,
        countries: Vec::new(),
        places: DocCountries::of(a, sentences, gazetteer),
        roles: HashMap::default(),
        contextual: HashMap::default(),
        forces: Vec::new(),
        acts: Vec::new(),
        sentence_starts: sentences.iter().map(|s| s.start).collect(),
        person_names: person_names(a),
        times_in_order: a.times.is_sorted_by_key(|t| t.span.start),
    };
    let mut events: Vec<Event> = Vec::new();
    let mut seen: HashSet<EventKey> = HashSet::default();
    let mut nouns = nominal::NounCodes::new(verbs);
    // Sentences come in text order: each one's tokens are searched for
    // from where the previous one's ended.
    let mut after_last = 0;
    for &span in sentences {
        // The same sentences `targets::doer_told_before` reads, as it
        // counts them.
        let here = doc.sentence_starts.partition_point(|&at| at < span.start);
        doc.subjects_from = doc
            .sentence_starts
            .get(here.saturating_sub(targets::SENTENCES_BACK))
            .map_or(span.start, |&at| at.min(span.start));
        let (first, last) = sentence_tokens(shared, span, after_last);
        budget.progress(Step::Events, first, shared.len())?;
        after_last = last;
        let all_tokens = tokens::from_shared(text, &shared[first..last]);
        let windowed = all_tokens.len() > MAX_SENTENCE_TOKENS;
        // Hostile input can make a "sentence" of a whole page; windows
        // keep the work per sentence bounded. A sentence of one window
        // (nearly all) is coded in its own tokens, not a copy.
        let windows: Vec<Vec<Token>> = if windowed {
            all_tokens
                .chunks(MAX_SENTENCE_TOKENS)
                .map(<[Token]>::to_vec)
                .collect()
        } else if all_tokens.is_empty() {
            Vec::new()
        } else {
            vec![all_tokens]
        };
        for (n, tokens) in windows.into_iter().enumerate() {
            if n > 0 {
                budget.check()?;
            }
            let window = tokens.as_slice();
            let mut first = entity_actors.partition_point(|(s, _, _)| s.start < span.start);
            let mut last = entity_actors.partition_point(|(s, _, _)| s.start < span.end);
            if windowed {
                // A window reads the coded mentions over its own words
                // (those starting in it, and earlier ones reaching into
                // it), not all of a page-long sentence's at every word.
                let (from, to) = (window[0].span.start, window[window.len() - 1].span.end);
                let starts = |at: usize| {
                    first + entity_actors[first..last].partition_point(|(s, _, _)| s.start < at)
                };
                let inside = starts(from);
                last = starts(to);
                first = (first..inside)
                    .rev()
                    .take_while(|&k| reach[k] > from)
                    .last()
                    .unwrap_or(inside);
            }
            // The mentions starting in the sentence are read in place when
            // they all end in it (nearly always): no copy of their codes
            // and ids at every sentence.
            let starting = &entity_actors[first..last];
            let cut: Vec<(Span, String, String)>;
            let in_sentence = if starting.iter().all(|(s, _, _)| span.contains(*s)) {
                starting
            } else {
                cut = starting
                    .iter()
                    .filter(|(s, _, _)| span.contains(*s))
                    .cloned()
                    .collect();
                &cut
            };
            // A title-case headline is read in a case-normalised view.
            let lowered = headline::is_title_case(&tokens, verbs)
                .then(|| {
                    let names: Vec<Span> = in_sentence.iter().map(|(s, _, _)| *s).collect();
                    headline::normalised(text, span, &tokens, verbs, actors, gazetteer, &names)
                })
                .flatten();
            let tokens: Vec<Token> = match &lowered {
                Some(l) => tokens
                    .iter()
                    .map(|t| Token {
                        text: l
                            .get(t.span.start - span.start..t.span.end - span.start)
                            .unwrap_or(t.text),
                        ..t.clone()
                    })
                    .collect(),
                None => tokens,
            };
            let is_verb = |w: &str| verbs.is_verb(w);
            let from = namesakes.partition_point(|s| s.start < span.start);
            let to = from + namesakes[from..].partition_point(|s| s.start < span.end);
            let mut phrases = phrases::find_with_verbs(
                &tokens,
                actors,
                gazetteer,
                in_sentence,
                &namesakes[from..to],
                published,
                &is_verb,
            );
            resolve_references(&mut doc, actors, verbs, &tokens, &mut phrases);
            let s = Sentence {
                span,
                tokens,
                phrases,
            };
            for e in code_sentence(actors, verbs, &mut nouns, &doc, &s) {
                if seen.insert(event_key(&e)) {
                    remember_act(&mut doc, &e);
                    events.push(e);
                }
            }
        }
    }
    discard::drop_non_political(a, shared, &all_sentences, &mut events);
    Ok(events)
}

/// The range `[first, last)` of `shared` (a document's tokens, in text
/// order) that lies within `sentence`, searched from `from` on: sentences
/// come in text order, so each one's tokens are found from where the
/// previous one's ended.
fn sentence_tokens(shared: &[model::Token], sentence: Span, from: usize) -> (usize, usize) {
    let first = near::partition_point_near(shared, from, |t| t.span().start < sentence.start);
    let last = near::partition_point_near(shared, first, |t| t.span().end <= sentence.end);
    (first, last.max(first))
}

/// Sentences longer than this many tokens are coded in windows.
const MAX_SENTENCE_TOKENS: usize = 200;

/// Remembers event `e` for the passives after it that imply its source.
fn remember_act(doc: &mut Doc, e: &Event) {
    let actor = |r: &Reference| {
        Some(ActorRef {
            code: r.actor.clone()?,
            name: r.name.clone(),
            span: r.span.unwrap_or(e.trigger),
        })
    };
    let Some(source) = e.source.as_ref().and_then(actor) else {
        return;
    };
    doc.acts.push(doers::Act {
        code: e.cameo.clone(),
        source,
        targets: e.target.as_ref().and_then(actor).into_iter().collect(),
    });
}

/// What makes two events the same: sentence, code, source and target actors.
type EventKey = (Span, String, Option<String>, Option<String>);

fn event_key(e: &Event) -> EventKey {
    (
        e.sentence,
        e.cameo.clone(),
        actor_of(&e.source).map(str::to_string),
        actor_of(&e.target).map(str::to_string),
    )
}

fn actor_of(r: &Option<Reference>) -> Option<&str> {
    r.as_ref().and_then(|r| r.actor.as_deref())
}

/// Resolves pronouns and "that country" in text order, and records the
/// actors and countries later references may point back to.
fn resolve_references(
    doc: &mut Doc,
    actors: &ActorTable,
    verbs: &VerbLexicon,
    tokens: &[Token],
    phrases: &mut [Phrase],
) {
    let sentence_place =
        context::sentence_place(tokens, phrases, doc.gazetteer, &doc.places.us_states);
    // People a state's force acts on ("Hong Kong police … pinning 800
    // students inside") take that force's country; officials do not (a
    // "president" beside "Moscow" may be anyone's).
    let people_place = sentence_place
        .clone()
        .or_else(|| context::sentence_force_country(phrases));
    // The sentence's subject: its first actor phrase outside a
    // prepositional phrase.
    let mut subject: Option<ActorRef> = None;
    let sentence_end = tokens.last().map_or(0, |t| t.span.end);
    let since = tokens.first().map_or(0, |t| t.span.start);
    if doc.antecedents.long() {
        let mut antecedents = std::mem::take(&mut doc.antecedents);
        antecedents.forget(since, &|r| is_person(doc, r));
        doc.antecedents = antecedents;
    }
    let covered: Vec<Span> = phrases
        .iter()
        .filter(|p| !p.is_reference())
        .map(|p| Span::new(tokens[p.start].span.start, tokens[p.end - 1].span.end))
        .collect();
    for k in 0..=phrases.len() {
        let at = phrases
            .get(k)
            .map_or(sentence_end, |p| tokens[p.start].span.start);
        remember_uncoded_people(doc, tokens, &covered, at, subject.is_none());
        // "the United States, which accuses him": the relative clause's
        // subject is the phrase "which" follows, not the sentence's.
        let relative_subject = antecedents::relative_subject(tokens, phrases, k);
        // "Russia attacked Ukraine": a phrase after its clause's verb is an
        // object, not the clause's subject (asked only of bare phrases).
        let object = phrases.get(k).is_some_and(|p| {
            p.preposition.is_none()
                && !p.possessive
                && roles::follows_its_verb(verbs, tokens, phrases, p.start)
        });
        let many_countries = context::coordinated_with_no_one_country(tokens, phrases, k);
        let Some(p) = phrases.get_mut(k) else {
            break;
        };
        let span = Span::new(at, tokens[p.end - 1].span.end);
        if let Some(pronoun) = p.pronoun.clone() {
            let before = p.start.checked_sub(1).map(|k| tokens[k].lower.as_str());
            let object = antecedents::is_object_pronoun(&pronoun, before);
            let person = |r: &ActorRef| is_person(doc, r);
            let found = if matches!(pronoun.as_str(), "we" | "i" | "us") {
                speaker_actor(doc, actors, at).map(|r| vec![r]).or_else(|| {
                    doc.antecedents
                        .resolve(&pronoun, at, since, object, None, &person)
                })
            } else {
                let clause_subject = relative_subject.as_ref().or(subject.as_ref());
                doc.antecedents
                    .resolve(&pronoun, at, since, object, clause_subject, &person)
            };
            if let Some(found) = found {
                // "threatened to use live ammunition on them": the pronoun
                // is as countryless as its antecedent, and takes the same
                // country from the context.
                for r in &found {
                    if let Some(c) = doc.contextual.get(&r.span) {
                        let c = Contextual {
                            country: c.country.clone(),
                            main_only: c.main_only,
                        };
                        doc.contextual.insert(span, c);
                    }
                }
                p.actors = found.into_iter().map(|r| ActorRef { span, ..r }).collect();
            }
        } else if p.anaphor {
            // "the two countries", "both nations": the last two named.
            let pair = tokens[p.start..p.end]
                .iter()
                .any(|t| matches!(t.lower.as_str(), "two" | "both"));
            // Not the subject's own country, but in "between": "talks
            // between the two countries" may be the subject's own.
            let except = subject
                .as_ref()
                .filter(|_| p.preposition.as_deref() != Some("between"))
                .and_then(|r| context::country_of(&r.code));
            if pair {
                let text = doc.analysis.document.article.text.as_str();
                if let Some(both) = antecedents::country_pair(&doc.countries, at, except, text) {
                    p.actors = both.into_iter().map(|r| ActorRef { span, ..r }).collect();
                }
            } else if let Some(r) = last_before(&doc.countries, at).cloned() {
                p.actors = vec![ActorRef { span, ..r }];
            }
        }
        if context::is_countryless(p)
            && !context::names_no_one_country(tokens, p)
            && !many_countries
        {
            let people = p.actors.iter().all(|r| {
                matches!(
                    r.code.get(3..6),
                    Some("OPP" | "EDU" | "CVL" | "LAB" | "REF")
                )
            });
            let place = if people {
                &people_place
            } else {
                &sentence_place
            };
            if let Some((country, main_only)) = role_country(doc, tokens, place, p, at) {
                for r in &p.actors {
                    let c = Contextual {
                        country: country.clone(),
                        main_only,
                    };
                    doc.contextual.insert(r.span, c);
                }
            }
        } else if !p.is_reference() {
            let bodies: Vec<ActorRef> = p
                .actors
                .iter()
                .filter(|r| doers::is_force_body(doc, r))
                .cloned()
                .collect();
            // One entry a country, the latest last: the list stays short
            // however long the document.
            for r in bodies {
                let country = context::country_of(&r.code).map(str::to_string);
                doc.forces
                    .retain(|f| context::country_of(&f.code) != country.as_deref());
                doc.forces.push(r);
            }
            for r in &p.actors {
                if let Some(role) = r.code.get(3..).filter(|_| r.code.len() > 3) {
                    if context::country_of(&r.code).is_some() {
                        let same_role = doc
                            .roles
                            .entry((role.to_string(), context::head_word(tokens, p)))
                            .or_default();
                        forget_before(same_role, since, |_| false);
                        same_role.push((at, r.code.clone()));
                    }
                }
            }
        }
        let named_here = !p.is_reference();
        for r in p.actors.iter().filter(|_| named_here) {
            if r.code.len() >= 3 && !r.code.starts_with("---") && !r.code.starts_with("IGO") {
                // The last of another country is kept too, for "the two
                // countries" (`antecedents::country_pair`). Its country is
                // copied out (three bytes), not the actor with its two
                // strings: this runs at every country a sentence names.
                let latest: Option<[u8; 3]> = last_before(&doc.countries, since)
                    .and_then(|r| context::country_of(&r.code)?.as_bytes().try_into().ok());
                forget_before(&mut doc.countries, since, |r| {
                    context::country_of(&r.code).map(str::as_bytes)
                        != latest.as_ref().map(|c| &c[..])
                });
                doc.countries.push((at, r.clone()));
            }
        }
        // Places ("in Syria", "from Moscow") are not what "it" or "him"
        // points back to; partners ("with Putin", "against Iran") may be.
        let remembered = match p.preposition.as_deref() {
            None => true,
            Some(prep) => antecedents::is_partner_preposition(prep),
        };
        if remembered && !p.possessive && !p.actors.is_empty() {
            let is_subject = p.preposition.is_none() && subject.is_none();
            if is_subject {
                subject = Some(p.actors[0].clone());
            }
            doc.antecedents.record(at, p.actors.clone(), is_subject);
        }
        if p.preposition.is_none()
            && !p.possessive
            && p.actors.len() == 1
            && context::country_of(&p.actors[0].code).is_some()
        {
            forget_subjects(doc);
            let subject = ClauseActor {
                actor: p.actors[0].clone(),
                object,
            };
            doc.subjects.push((at, subject));
        }
    }
}

/// How long a list of remembered phrases grows before the entries no
/// reader can reach any more are dropped from it: a long page then keeps a
/// short list, and a short one is never scanned for them.
const FORGET_AT: usize = 64;

/// Drops from `list` (entries by byte offset, appended in reading order)
/// the entries before byte `cutoff` that no later look back can return,
/// once it is [`FORGET_AT`] long. Every reader of these lists asks for the
/// last entry, in list order, before a byte at or after `cutoff` (the
/// current sentence's, or the earliest sentence a reader reaches) that
/// meets a condition: of the entries before `cutoff`, that can only be the
/// last one, or the last one `also` holds for. So those two are kept, and
/// the others can go without changing any answer; a list kept in text
/// order stays in it for `partition_point`. At most two entries before
/// `cutoff` stay, at the front of a list in text order: when its third is
/// not before `cutoff` there is nothing to drop, and the list is not read
/// (a page-long sentence's entries are scanned once a sentence, not at
/// each push).
fn forget_before<T>(list: &mut Vec<(usize, T)>, cutoff: usize, also: impl Fn(&T) -> bool) {
    if list.len() < FORGET_AT || list.get(2).is_none_or(|(at, _)| *at >= cutoff) {
        return;
    }
    let last = list.iter().rposition(|(at, _)| *at < cutoff);
    let last_also = list.iter().rposition(|(at, r)| *at < cutoff && also(r));
    let mut k = 0;
    list.retain(|(at, _)| {
        let keep = *at >= cutoff || Some(k) == last || Some(k) == last_also;
        k += 1;
        keep
    });
}

/// [`forget_before`] for `doc.subjects`: `role_country` asks for the last
/// subject before a phrase, and after "his"/"her" for the last person
/// subject (however far back); `targets::doer_told_before` for the first
/// in each of the sentences from `doc.subjects_from` on.
fn forget_subjects(doc: &mut Doc) {
    let mut subjects = std::mem::take(&mut doc.subjects);
    forget_before(&mut subjects, doc.subjects_from, |r| {
        is_person(doc, &r.actor) == Some(true)
    });
    doc.subjects = subjects;
}

/// Remembers the people with no actor code mentioned before byte `at`
/// (outside the actor phrases `covered`) as antecedents that resolve to no
/// actor. One is a subject when no subject came before it in its sentence
/// and no preposition governs it.
fn remember_uncoded_people(
    doc: &mut Doc,
    tokens: &[Token],
    covered: &[Span],
    at: usize,
    no_subject_yet: bool,
) {
    while let Some(&m) = doc.uncoded_people.get(doc.uncoded_seen) {
        if m.start >= at {
            break;
        }
        doc.uncoded_seen += 1;
        let inside = tokens.first().is_some_and(|t| t.span.start <= m.start);
        if !inside || covered.iter().any(|c| c.start < m.end && m.start < c.end) {
            continue;
        }
        let k = tokens.partition_point(|t| t.span.start < m.start);
        let governed = k
            .checked_sub(1)
            .is_some_and(|b| phrases::PREPOSITIONS.contains(&tokens[b].lower.as_str()));
        doc.antecedents
            .record(m.start, Vec::new(), no_subject_yet && !governed);
    }
}

/// The country a countryless role phrase takes from its context: its
/// possessive pronoun's antecedent, the sentence's place, an earlier
/// mention of the same role, the dateline, after "his"/"her" the last
/// person subject's, the article's main country
/// (and whether it came from that last resort).
fn role_country(
    doc: &Doc,
    tokens: &[Token],
    sentence_place: &Option<String>,
    p: &Phrase,
    at: usize,
) -> Option<(String, bool)> {
    // The last subject with a country ("Azerbaijan recalled its envoy. Its
    // foreign ministry …": not the envoy).
    let antecedent = || {
        doc.subjects
            .iter()
            .rev()
            .filter(|(pos, _)| *pos < at)
            .find_map(|(_, r)| context::country_of(&r.actor.code).map(str::to_string))
    };
    if context::possessive_pronoun_before(tokens, p) {
        if let Some(c) = antecedent() {
            return Some((c, false));
        }
    }
    // An earlier mention of the same role by the same word ("Hong Kong
    // police" … "police"; not any official for "officials").
    let role = p.actors.first().and_then(|r| r.code.get(3..))?;
    // Armed groups cross borders: "gunmen", "militants" whose country the
    // text does not give stay `---REB`, wherever the article happens.
    if role.starts_with("REB") {
        return None;
    }
    let head = context::head_word(tokens, p);
    sentence_place
        .clone()
        .or_else(|| {
            doc.roles
                .get(&(role.to_string(), head))?
                .iter()
                .rev()
                .find(|(pos, _)| *pos < at)
                .and_then(|(_, code)| context::country_of(code).map(str::to_string))
        })
        .or_else(|| doc.places.dateline.clone())
        // "Clinton has yet to say how her administration would …": the
        // last person subject's, before the article's main country.
        .or_else(|| {
            if !context::personal_possessive_before(tokens, p) {
                return None;
            }
            doc.subjects
                .iter()
                .rev()
                .filter(|(pos, r)| *pos < at && is_person(doc, &r.actor) == Some(true))
                .find_map(|(_, r)| context::country_of(&r.actor.code).map(str::to_string))
        })
        .map(|c| (c, false))
        .or_else(|| {
            // "state news media claimed …" in a story naming several
            // countries: whose state, the text has to say ("North Korean
            // state media"); the article's main country is seldom it.
            let state_media = role.starts_with("MED")
                && tokens[p.start.saturating_sub(1)..p.end]
                    .iter()
                    .any(|t| t.lower == "state" || t.lower.starts_with("state-"));
            if state_media && doc.places.runner_up.is_some() {
                return None;
            }
            doc.places.main.clone().map(|c| (c, true))
        })
}

/// Whether an actor names a person, as far as the named entities or its
/// code tell: a bare country or an organisation is not one.
fn is_person(doc: &Doc, r: &ActorRef) -> Option<bool> {
    match doc.entity_at(r.span).map(|e| e.kind) {
        Some(model::EntityType::Person) => Some(true),
        Some(
            model::EntityType::Gpe
            | model::EntityType::Loc
            | model::EntityType::Org
            | model::EntityType::Norp,
        ) => Some(false),
        // A pronoun carries the name of what it points at: a person coded
        // with a bare country ("Assange" as AUS) is still a person.
        _ if doc.person_names.contains(r.name.as_str()) => Some(true),
        _ if r.code.len() == 3 || r.code.starts_with("IGO") => Some(false),
        _ => None,
    }
}

/// Whether the actor's own words are a proper name, a capitalised word
/// that does not open its sentence ("met Congress", "the State
/// Department said"): an institution the text names without a country is
/// the article's own country's.
fn proper_name(doc: &Doc, r: &ActorRef) -> bool {
    let text = doc.analysis.text();
    // A pronoun ("We" at a paragraph's start) is no name.
    let Some(words) = text.get(r.span.start..r.span.end).filter(|w| *w == r.name) else {
        return false;
    };
    let opens = text[..r.span.start]
        .trim_end()
        .chars()
        .last()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | '"' | '“' | ':'));
    words
        .split(' ')
        .enumerate()
        .any(|(i, w)| (i > 0 || !opens) && w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether `name` is a title before one of the document's person names
/// ("Senator Bernie Sanders", "Admiral Harris"): a pronoun that points
/// back at such a phrase carries its name, not the person's span.
fn titles_a_person(doc: &Doc, name: &str) -> bool {
    name.char_indices()
        .filter(|&(_, c)| c == ' ')
        .any(|(i, _)| doc.person_names.contains(&name[i + 1..]))
}

/// The names of the document's person entities and the words of their
/// mentions ("Julian Assange", "Assange").
/// The surnames of people the article names with a given name that no
/// person of that surname the actor table knows by name has, by byte span
/// in text order: the table's entry for that surname is another person's.
/// The surname inside such a name ("Blair" of "Dennis Blair") always; a
/// lone surname clustered with one ("Blair said") only when the article
/// names no one of that surname as the known person ("Melania Trump …
/// Donald Trump … Trump said" may be him). The entity stage asks the same
/// (`nlp::entities::other_given_name`), and a verb the tagger took into a
/// headline's name ("Senator Endorsed Trump") is no given name.
fn namesake_surnames(a: &Analysis, verbs: &VerbLexicon) -> Vec<Span> {
    let text = a.text();
    let other_given_name = |name: &str, names: &[&str]| {
        let given = name.split(char::is_whitespace).next().unwrap_or(name);
        !verbs.is_verb(&model::lowercase(given))
            && nlp::entities::other_given_name_than(name, names)
    };
    let persons = || {
        a.entities
            .iter()
            .filter(|e| e.kind == model::EntityType::Person)
    };
    fn surname(name: &str) -> &str {
        name.rsplit(char::is_whitespace).next().unwrap_or(name)
    }
    // The full names of the person(s) a surname entry of the table names.
    let mut known: HashMap<&str, Option<Vec<&'static str>>> = HashMap::default();
    fn owners<'t>(
        known: &mut HashMap<&'t str, Option<Vec<&'static str>>>,
        last: &'t str,
    ) -> Option<Vec<&'static str>> {
        known
            .entry(last)
            .or_insert_with(|| surname_owners(last))
            .clone()
    }
    let mut names_of = |last| owners(&mut known, last);
    let mut leader_named: HashSet<&str> = HashSet::default();
    for e in persons() {
        let full = e.mentions.iter().map(|m| m.slice(text));
        for n in full.chain(std::iter::once(e.name.as_str())) {
            if !n.contains(char::is_whitespace) {
                continue;
            }
            let last = surname(n);
            if names_of(last).is_some_and(|names| !other_given_name(n, &names)) {
                leader_named.insert(last);
            }
        }
    }
    let mut out: Vec<Span> = Vec::new();
    for e in persons() {
        for m in &e.mentions {
            let name = m.slice(text);
            let last = surname(name);
            let Some(names) = names_of(last) else {
                continue;
            };
            let namesake = if name.len() > last.len() {
                other_given_name(name, &names)
            } else {
                other_given_name(&e.name, &names) && !leader_named.contains(last)
            };
            if namesake {
                out.push(Span::new(m.end - last.len(), m.end));
            }
        }
    }
    out.sort_by_key(|s| (s.start, s.end));
    out
}

/// The names of the people a lone surname in the actor table stands for:
/// a leader's ("Blair"), or a person's of `named_actors.txt` ("Sullivan"
/// with "Jake Sullivan", same code); `None` for a word that is no known
/// person's surname.
fn surname_owners(last: &str) -> Option<Vec<&'static str>> {
    if let Some(l) = gazetteer::leaders::leader(last) {
        return Some(l.names.clone());
    }
    let named = lexicon::named_actors().entries();
    let code = named.iter().find(|n| n.name == last)?.code;
    let names: Vec<&'static str> = named
        .iter()
        .filter(|n| n.code == code && n.name.contains(' ') && n.name.ends_with(last))
        .filter(|n| n.name[..n.name.len() - last.len()].ends_with(' '))
        .map(|n| n.name)
        .collect();
    (!names.is_empty()).then_some(names)
}

fn person_names(a: &Analysis) -> HashSet<&str> {
    let text = a.text();
    a.entities
        .iter()
        .filter(|e| e.kind == model::EntityType::Person)
        .flat_map(|e| {
            std::iter::once(e.name.as_str()).chain(e.mentions.iter().map(|m| m.slice(text)))
        })
        .collect()
}

/// Whether a lower-case word may be a noun that a name before it
/// modifies ("sign" in "a Donald Trump sign"): not a function word, a
/// preposition, an adverb in "-ly" nor a verb form in "-ed"/"-ing".
fn is_plain_noun(w: &Token) -> bool {
    let lower = w.lower.as_str();
    !phrases::is_stop_word(lower)
        && !phrases::PREPOSITIONS.contains(&lower)
        && !roles::CLAUSE_BREAKS.contains(&lower)
        && !lexicon::english::is_english_function_word(lower)
        && !lower.ends_with("ly")
        && !lower.ends_with("ed")
        && !lower.ends_with("ing")
        && !lexicon::actor_words().captive_nouns.contains(&lower)
}

/// Whether an actor is a person or a group of people ("two Americans",
/// "the protesters"), as a captor's target must be: not a place, an
/// organisation or a bare country.
fn is_people(doc: &Doc, r: &ActorRef) -> bool {
    match doc.entity_at(r.span).map(|e| e.kind) {
        // "took Americans hostage": a nationality's people.
        Some(model::EntityType::Person | model::EntityType::Norp) => true,
        Some(model::EntityType::Gpe | model::EntityType::Loc | model::EntityType::Org) => false,
        _ if r.code.len() == 3 => {
            let head = r.name.rsplit(' ').next().unwrap_or(&r.name);
            doc.gazetteer.country_by_demonym(head).is_some()
        }
        // Groups of people, not institutions ("held the presidency") nor
        // firms ("hold firm").
        _ => matches!(
            r.code.get(3..6),
            Some("CVL" | "OPP" | "EDU" | "REF" | "LAB" | "MED" | "REB")
        ),
    }
}

/// The last actor of `list` (in the order of its positions) before byte `at`.
fn last_before(list: &[(usize, ActorRef)], at: usize) -> Option<&ActorRef> {
    list.iter().rev().find(|(pos, _)| *pos < at).map(|(_, r)| r)
}

/// The actor of the speaker of the quote around byte `at` ("we" → the speaker).
fn speaker_actor(doc: &Doc, actors: &ActorTable, at: usize) -> Option<ActorRef> {
    let a = doc.analysis;
    let q = &a.quotes[doc.quotes.entity_containing(Span::new(at, at + 1))?];
    let speaker = q.speaker.as_ref()?;
    let span = speaker.span.unwrap_or(q.span);
    if let Some(code) = speaker.actor.clone().or_else(|| {
        speaker
            .entity
            .as_ref()
            .and_then(|id| a.entity(id))
            .and_then(|e| e.actor.clone())
    }) {
        return Some(ActorRef {
            code,
            name: speaker.name.clone(),
            span,
        });
    }
    let toks = tokenize(&speaker.name, Span::new(0, speaker.name.len()));
    let found = phrases::find(
        &toks,
        actors,
        doc.gazetteer,
        &[],
        a.document.article.published,
    );
    let r = found.into_iter().flat_map(|p| p.actors).next()?;
    Some(ActorRef {
        span,
        name: speaker.name.clone(),
        ..r
    })
}

/// A coded trigger before actors are paired.
struct Coded {
    code: String,
    modality: Modality,
    sources: Vec<ActorRef>,
    targets: Vec<ActorRef>,
    trigger: Span,
    head: usize,
    quote: Option<usize>,
    future: bool,
    mutual: bool,
}

fn code_sentence(
    actors: &ActorTable,
    verbs: &VerbLexicon,
    nouns: &mut nominal::NounCodes<'_>,
    doc: &Doc,
    s: &Sentence,
) -> Vec<Event> {
    let reported_sentence = s.tokens.iter().any(|t| CUES.contains(&t.lower.as_str()));
    let mut chains: Vec<(usize, Chain)> = Vec::new();
    // The subject phrase of each coded trigger's clause, by head.
    let mut sources: Vec<(usize, usize)> = Vec::new();
    // The heads of gerunds coded as the reason for a judgement ("lashed
    // out at Turkey for having shot down a bomber"): their doer is the
    // one judged, not their clause's subject.
    let mut reasons: Vec<usize> = Vec::new();
    let mut coded: Vec<Coded> = Vec::new();
    // Tokens already taken by an earlier pattern ("provide humanitarian aid"
    // is one event, not also "aid").
    let mut taken_until = 0;
    // The head of the last pattern taken when it names a statement ("issued
    // a statement"): a participle right after it says what the statement
    // does ("… calling the test a violation", "… condemning the strike").
    let mut statement: Option<usize> = None;
    // The verb triggers matched, for the nominal pass after.
    let mut taken: Vec<nominal::Taken> = Vec::new();
    for i in 0..s.tokens.len() {
        // The word right after a pattern is its object ("provide humanitarian aid").
        // "issued a statement condemning the test", "sent a letter urging":
        // right after a statement's medium (lexicon `[media-nouns]`) the
        // participle is no noun, and says what the statement does.
        let says = statement.is_some()
            && i == taken_until
            && s.tokens[i].lower.ends_with("ing")
            && lexicon::attribution_words()
                .media_nouns
                .contains(&s.tokens[i - 1].lower.as_str());
        if phrase_at(s, i).is_some() || i <= taken_until && taken_until > 0 && !says {
            continue;
        }
        let Some(m) = verbs
            .match_at(&s.tokens, &s.phrases, i)
            .or_else(|| negated_acceptance(s, i))
        else {
            continue;
        };
        // "In a statement condemning the test, Clinton said …": the
        // opening phrase's participle says what its statement does.
        let opening_maker = if says {
            None
        } else {
            opening_statement_maker(s, i)
        };
        let says = says || opening_maker.is_some();
        if !m.nominal && !says && (is_noun_use(s, verbs, i) || is_compound_gerund(s, verbs, i)) {
            continue;
        }
        // "accused Iran of attacking", "refrained from attacking": a gerund
        // after these prepositions is what someone is blamed for or kept
        // from, not an event the sentence reports.
        // "lashed out at Turkey for having shot down a Russian bomber",
        // "praised Japan for sending aid": what someone is criticised or
        // praised for is told as done, by the one criticised or praised.
        // "makes no apologies for accusing China": a deed owned to is done,
        // by the one who owns to it.
        let reason_doer = reason_doer(s, i, &coded).or_else(|| doers::owned_deed_doer(s, i));
        if reason_doer.is_none() && (is_blamed_gerund(s, i) || is_proposed_gerund(s, i)) {
            continue;
        }
        if i > 0 && s.tokens[i].is_capitalized() && !matches!(s.tokens[i - 1].text, "“" | "\"") {
            continue;
        }
        let mut chain = clause::analyse(&s.tokens, i);
        // "will not allow that … and allow any country …": the second verb
        // shares the first one's auxiliaries.
        // A past form after a modal's verb ("would expel … and condemned
        // London") is a verb group of its own: a modal takes a bare verb,
        // so only a perfect or a passive ("would have expelled … and
        // condemned") carries over to an "-ed" form.
        let own_group = |h: usize, prev: &Chain| {
            let modal = prev.future || prev.would || prev.hypothetical;
            let perfect = s.tokens[prev.start..h].iter().any(|t| t.lower == "have");
            modal && !prev.passive && !perfect && s.tokens[i].lower.ends_with("ed")
        };
        if chain.start == i && i > 0 && matches!(s.tokens[i - 1].lower.as_str(), "and" | "or") {
            if let Some((_, prev)) = chains
                .iter()
                .rev()
                .find(|(h, _)| *h + 12 >= i)
                .filter(|(h, prev)| !own_group(*h, prev))
            {
                chain.negated |= prev.negated;
                chain.future |= prev.future;
                chain.would |= prev.would;
                chain.hypothetical |= prev.hypothetical;
                chain.governor = chain.governor.or(prev.governor);
            }
        }
        chains.push((i, chain.clone()));
        taken_until = m.last + 1;
        statement = (cameo::root(&m.code) == "01").then_some(i);
        taken.push(nominal::Taken {
            head: i,
            last: m.last,
            code: m.code.clone(),
            coded: false,
        });
        // "ISIL had attacked Iraq and taken Mosul", "…, killing eight":
        // the second verb shares the first one's subject.
        let shares_subject = chain.controller.is_none()
            && chain.start > 0
            && (matches!(s.tokens[chain.start - 1].lower.as_str(), "and" | "or")
                || (s.tokens[chain.start - 1].text == ","
                    && chain.start == i
                    && s.tokens[i].lower.ends_with("ing")));
        // A participle clause after a comma ("He has called China
        // provocative, accusing it of …") whose main verb coded nothing
        // still has the main clause's subject.
        let participle = chain.controller.is_none()
            && chain.start == i
            && i > 0
            && s.tokens[i - 1].text == ","
            && s.tokens[i].lower.ends_with("ing");
        // "…, while reneging on the accords", "after meeting the envoy": an
        // adverbial participle clause's doer is the main clause's subject,
        // found before its subordinator, unless the clause may hang on a
        // verb nested deeper ("her account of coming under fire while
        // visiting", "allows the governor to cut …, while giving").
        let opened = (chain.controller.is_none()
            && chain.start == i
            && i > 0
            && s.tokens[i].lower.ends_with("ing"))
        .then(|| participle_opener(s, i))
        .flatten();
        // The statement's maker makes what its participle says.
        let maker = says
            .then(|| sources.iter().rev().find(|(h, _)| Some(*h) == statement))
            .flatten()
            .map(|(_, p)| *p);
        // "lashed out at Turkey for having shot down a bomber, and dared
        // the Turks …": a finite verb after "and" continues the judgement's
        // clause, not its reason; another "-ing" ("for shooting down a jet
        // and killing its pilot") continues the reason.
        let finite = !s.tokens[i].lower.ends_with("ing");
        let inherited = reason_doer.or(maker).or(opening_maker).or_else(|| {
            sources
                .iter()
                .rev()
                .filter(|(h, _)| !(finite && reasons.contains(h)))
                .find(|(h, _)| *h + 15 >= i)
                .map(|(_, p)| *p)
                .filter(|_| shares_subject)
                .or_else(|| {
                    participle
                        .then(|| roles::clause_subject(s, i - 1))
                        .flatten()
                })
                .or_else(|| {
                    opened
                        .and_then(|k| roles::clause_subject(s, k))
                        .filter(|&p| hangs_on_main_clause(s, s.phrases[p].end, i))
                })
                .or_else(|| {
                    (chain.controller.is_none() && chain.start == i)
                        .then(|| opening_participle_subject(s, i))
                        .flatten()
                })
        });
        let object_doer = inherited.is_none()
            && opened.is_some()
            && !chain.passive
            && doers::object_as_opened_doer(verbs, s, chain.start);
        let found = code_trigger(doc, s, &m, &chain, reported_sentence, inherited, &coded)
            .filter(|_| !object_doer)
            .filter(|(c, _)| {
                reason_doer.is_none() || c.iter().all(|c| acts_on_object(s, m.last, c))
            })
            // The opening statement's participle names its own target
            // ("condemning Uganda"); an act it names ("condemning the
            // test") is left unresolved: the subjects told before are the
            // statement maker's context, not the act's doer.
            .filter(|(c, _)| {
                opening_maker.is_none()
                    || c.iter().all(|c| {
                        c.targets
                            .iter()
                            .all(|t| t.span.start > c.trigger.start && s.span.contains(t.span))
                    })
            });
        if let Some((c, source)) = found {
            coded.extend(c);
            if let Some(source) = source {
                sources.push((i, source));
            }
            if reason_doer.is_some() {
                reasons.push(i);
            }
            if let Some(t) = taken.last_mut() {
                t.coded = true;
            }
        }
    }
    // Events named by nouns, where no verb pattern took their words.
    let protest_country = || {
        context::sentence_place(&s.tokens, &s.phrases, doc.gazetteer, &doc.places.us_states)
            .or_else(|| doc.places.dateline.clone())
            .or_else(|| doc.places.main.clone())
    };
    for i in 0..s.tokens.len() {
        let found = nominal::code(
            nouns,
            &doc.quotes,
            s,
            i,
            &taken,
            reported_sentence,
            &protest_country,
        );
        // `push`, not `extend`: at every token, and nearly always `None`.
        if let Some(c) = found {
            coded.push(c);
        }
        let repressed = nominal::repression_of_protest(
            nouns,
            &doc.quotes,
            s,
            i,
            &taken,
            reported_sentence,
            &protest_country,
        );
        if let Some(c) = repressed {
            coded.push(c);
        }
    }
    let derived: Vec<Coded> = coded
        .iter()
        .filter_map(|c| accusation(s, c).or_else(|| denial(s, c)))
        .collect();
    coded.extend(derived);
    coded.extend(evaluations::described(doc, actors, verbs, s));
    coded.into_iter().flat_map(|c| pair(doc, s, c)).collect()
}

/// The phrase that did what the gerund at `i` says when it gives the reason
/// for a criticism or praise just coded ("criticized Turkey for shooting
/// down", "thanked Japan for having sent"): the one criticised or praised.
/// An accusation's reason ("blamed Russia for attacking", "accused Iran of
/// attacking") is only alleged, so it gives none.
fn reason_doer(s: &Sentence, i: usize, coded: &[Coded]) -> Option<usize> {
    let lower = |k: usize| s.tokens[k].lower.as_str();
    let for_at = if i >= 1 && lower(i - 1) == "for" && lower(i).ends_with("ing") {
        i - 1
    } else if i >= 2 && lower(i - 1) == "having" && lower(i - 2) == "for" {
        i - 2
    } else {
        return None;
    };
    let judged = coded.last().filter(|c| {
        (cameo::root(&c.code) == "05" || matches!(c.code.as_str(), "110" | "111"))
            && c.head < for_at
            && c.modality.is_fact()
    })?;
    let p = s
        .phrases
        .iter()
        .position(|p| p.end == for_at && p.start > judged.head)?;
    let (from, to) = (
        s.tokens[s.phrases[p].start].span.start,
        s.tokens[for_at - 1].span.end,
    );
    judged
        .targets
        .iter()
        .any(|t| t.span.start >= from && t.span.end <= to)
        .then_some(p)
}

/// Whether every target of `c` is the object right after its trigger's last
/// token `last` ("for shooting down a Russian jet", "for sending advisers to
/// Baghdad"), not someone past another noun phrase ("for attacking the
/// decision with members of the court": the decision was attacked).
fn acts_on_object(s: &Sentence, last: usize, c: &Coded) -> bool {
    c.targets.iter().all(|t| {
        let to = s
            .tokens
            .iter()
            .position(|k| k.span.start >= t.span.start)
            .unwrap_or(s.tokens.len());
        let between = s.tokens.get(last + 1..to.saturating_sub(1)).unwrap_or(&[]);
        !between.iter().any(|k| {
            matches!(
                k.lower.as_str(),
                "the" | "a" | "an" | "this" | "that" | "these" | "those"
            )
        })
    })
}

/// The maker of the statement whose participle at `i` says what it does,
/// in a phrase that opens the sentence ("In a statement condemning the
/// test, Clinton said …", "In his letter urging Iran to …, the senator
/// …"): the statement's possessor when that names an actor ("In Obama's
/// statement condemning …"), else the subject of the clause after the
/// phrase's comma (a possessive pronoun there points forward to it).
fn opening_statement_maker(s: &Sentence, i: usize) -> Option<usize> {
    let t = &s.tokens;
    if i < 3 || !t[i].lower.ends_with("ing") || !t[i].is_word() {
        return None;
    }
    let noun = i - 1;
    if !lexicon::attribution_words()
        .media_nouns
        .contains(&t[noun].lower.as_str())
    {
        return None;
    }
    // Back over at most two modifiers ("a joint statement") to the
    // determiner or the possessor.
    let owner = s
        .phrases
        .iter()
        .position(|p| p.possessive && p.end + 2 >= noun && p.end <= noun);
    let det = match owner {
        Some(p) => s.phrases[p].start,
        None => (noun.saturating_sub(3)..noun)
            .rev()
            .find(|&k| roles::DETERMINERS.contains(&t[k].lower.as_str()))?,
    };
    let modifiers_end = owner.map_or(det + 1, |p| s.phrases[p].end);
    let plain = t[modifiers_end..noun]
        .iter()
        .all(|w| w.is_word() && !w.is_capitalized());
    if det != 1 || t[0].lower != "in" || !plain {
        return None;
    }
    if let Some(p) =
        owner.filter(|&p| s.phrases[p].pronoun.is_none() && !s.phrases[p].actors.is_empty())
    {
        return Some(p);
    }
    let comma = (i + 1..t.len()).find(|&k| t[k].text == ",")?;
    s.phrases.iter().position(|p| {
        p.start > comma
            && p.start <= comma + 3
            && p.preposition.is_none()
            && !p.possessive
            && !p.actors.is_empty()
    })
}

/// Where the main clause ends before the participle at `i` that a
/// subordinator opens (`modality_words.txt`'s `participle-openers`): the
/// comma before "while" in "…, while reneging on", or the subordinator.
fn participle_opener(s: &Sentence, i: usize) -> Option<usize> {
    let k = i - 1;
    if !lexicon::modality_words()
        .participle_openers
        .contains(&s.tokens[k].lower.as_str())
    {
        return None;
    }
    Some(if k > 0 && s.tokens[k - 1].text == "," {
        k - 1
    } else {
        k
    })
}

/// The subject of the main clause after a participle clause that opens
/// the sentence at `i` ("Accusing Russia of meddling, Clinton said …",
/// "After meeting Putin on Monday, Obama said …"): the participle's doer.
/// That is the first actor phrase within three words after a comma of the
/// participle clause, governed by no preposition nor possessor and followed
/// by a lowercase verb — not by "and", a comma or "of" ("Accusing Russia,
/// China and Iran of …" reaches no subject from "China"), nor by a verb of
/// saying set off by commas ("Freeing her husband, he promised, was …": the
/// "-ing" clause is a subject there, not an opener).
fn opening_participle_subject(s: &Sentence, i: usize) -> Option<usize> {
    let t = &s.tokens;
    let word = &t[i];
    if !word.is_word() || word.lower.len() < 5 || !word.lower.ends_with("ing") {
        return None;
    }
    let opens = i == 0
        || i == 1
            && lexicon::modality_words()
                .participle_openers
                .contains(&t[0].lower.as_str());
    if !opens {
        return None;
    }
    let quote = |k: usize| matches!(t[k].text, "\"" | "“" | "”" | "''" | "``");
    let commas = (i + 1..t.len().min(i + 30))
        .take_while(|&k| !matches!(t[k].text, ";" | ":") && !quote(k))
        .filter(|&k| t[k].text == ",");
    for comma in commas {
        let Some(p) = s
            .phrases
            .iter()
            .position(|p| p.start > comma && p.start <= comma + 3)
        else {
            continue;
        };
        let phrase = &s.phrases[p];
        if phrase.preposition.is_some() || phrase.possessive || phrase.actors.is_empty() {
            continue;
        }
        let next = t.get(phrase.end)?;
        let aside = CUES.contains(&next.lower.as_str())
            && t.get(phrase.end + 1).is_some_and(|n| n.text == ",");
        let verb = next.is_word()
            && !next.is_capitalized()
            && !matches!(next.lower.as_str(), "and" | "or" | "of" | "nor");
        if aside {
            return None;
        }
        if verb {
            return Some(p);
        }
    }
    None
}

/// Whether nothing between a main clause's subject (ending at `from`) and
/// the participle at `to` opens a clause of its own that the participle
/// could hang on: another "-ing" verb ("for receiving … while charging"),
/// an infinitive ("to cut") or a relative or complement clause ("who",
/// "that").
fn hangs_on_main_clause(s: &Sentence, from: usize, to: usize) -> bool {
    let between = &s.tokens[from..to.saturating_sub(1)];
    !between.iter().enumerate().any(|(k, t)| {
        let w = t.lower.as_str();
        let infinitive = w == "to"
            && between.get(k + 1).is_some_and(|n| {
                !n.is_capitalized()
                    && n.is_word()
                    && !phrases::is_clause_word(&n.lower)
                    && !matches!(n.lower.as_str(), "the" | "a" | "an")
            });
        infinitive
            || is_relative_word(w)
            || (w.ends_with("ing") && !phrases::PREPOSITIONS.contains(&w))
    })
}

/// Whether a lowercase word opens a relative or complement clause ("who",
/// "which", "that"): what a phrase before it is the subject of, or a
/// participle may hang on.
fn is_relative_word(lower: &str) -> bool {
    matches!(lower, "who" | "which" | "that")
}

/// Whether the verb at `i` is a gerund after a preposition ("accused
/// Iran of attacking", "for having shot down", "of being involved").
fn is_blamed_gerund(s: &Sentence, i: usize) -> bool {
    let is_preposition = |k: usize| {
        matches!(
            s.tokens[k].lower.as_str(),
            "of" | "for" | "over" | "about" | "from" | "without" | "against"
        )
    };
    if i == 0 {
        return false;
    }
    if s.tokens[i].lower.ends_with("ing") && is_preposition(i - 1) {
        return true;
    }
    // A perfect or passive gerund: the auxiliary carries the "-ing".
    i >= 2 && matches!(s.tokens[i - 1].lower.as_str(), "having" | "being") && is_preposition(i - 2)
}

/// Whether the "-ing" verb at `i` is the object of a verb of proposing,
/// favouring or weighing (`modality_words.txt`'s proposal verbs, across
/// adverbs: "has proposed temporarily banning Muslims", "support deporting";
/// or after "at": "a trip aimed at pushing for a ceasefire"): what is
/// proposed or aimed at, not an event the sentence reports.
fn is_proposed_gerund(s: &Sentence, i: usize) -> bool {
    if !s.tokens[i].lower.ends_with("ing") {
        return false;
    }
    let words = lexicon::modality_words();
    let mut k = i;
    while k > 0 && {
        let w = s.tokens[k - 1].lower.as_str();
        words.adverbs.contains(&w) || (w.len() > 4 && w.ends_with("ly"))
    } {
        k -= 1;
    }
    if k > 1 && s.tokens[k - 1].lower == "at" {
        k -= 1;
    }
    let before = match k.checked_sub(1) {
        Some(b) => &s.tokens[b].lower,
        None => return false,
    };
    before.len() > 3
        && !before.ends_with("ing")
        && crate::lemma::each_candidate(before, |l| words.proposal_verbs.contains(&l))
}

/// Whether the "-ing" word at `i` heads a noun compound after a bare
/// singular noun ("smoke from crop burning", "flag burning"): a verb's
/// subject would be an actor, a pronoun or a plural ("farmers burning
/// crops"), and an auxiliary or verb before it makes a verb group.
fn is_compound_gerund(s: &Sentence, verbs: &VerbLexicon, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|k| &s.tokens[k]) else {
        return false;
    };
    // Words that make the "-ing" after them a verb group ("were burning"):
    // `lexicon`'s `event_words.txt`, `[verb-group-words]`.
    static FUNCTION: std::sync::LazyLock<&lexicon::WordSet<'static>> =
        std::sync::LazyLock::new(|| &lexicon::event_words().verb_group_words);
    s.tokens[i].lower.ends_with("ing")
        && prev.is_word()
        && !prev.is_capitalized()
        && prev.text.chars().all(|c| c.is_ascii_lowercase())
        && !prev.lower.ends_with('s')
        && !prev.lower.ends_with("ed")
        && !prev.lower.ends_with("ly")
        && !FUNCTION.contains(&prev.lower.as_str())
        && !verbs.is_verb(&prev.lower)
        && phrase_at(s, i - 1).is_none()
}

/// Codes one trigger: modality, code adjustments, sources and targets;
/// with them the phrase that is its clause's subject, which a verb
/// coordinated after it shares.
fn code_trigger(
    doc: &Doc,
    s: &Sentence,
    m: &VerbMatch,
    chain: &Chain,
    reported_sentence: bool,
    inherited: Option<usize>,
    earlier: &[Coded],
) -> Option<(Vec<Coded>, Option<usize>)> {
    let head = m.head;
    if in_concession(&s.tokens, head) {
        return None;
    }
    let last = m.last.max(head);
    let trigger = Span::new(s.tokens[head].span.start, s.tokens[last].span.end);
    let mut code = m.code.clone();
    // "will raise no money for Trump" is denied, but no refusal: the
    // refusal codes below read only the verb group's own negation.
    let denied = denied_object(&s.tokens, head) && !code.starts_with("12");
    let mut negated = chain.negated || in_denial(&s.tokens, head) || denied;
    // A question asks whether it happens ("Will Iran attack Israel?").
    let question = s.tokens.last().is_some_and(|t| t.text == "?");
    let mut hypothetical = chain.hypothetical || chain.purpose || question;
    let mut future = chain.future;
    // Sources: the controller's object, the passive's agent, or the subject.
    let mut exclude: Vec<usize> = Vec::new();
    let passive = chain.passive || (chain.start == head && is_reduced_passive(s, head));
    // "the talks between Kenya and Uganda": the coordination after
    // "between" holds both sides, whoever the clause's subject is (and
    // when there is none). Only for the reciprocal codes: "mediated
    // between them" is not theirs.
    let between = m
        .target
        .filter(|t| {
            s.phrases[*t].preposition.as_deref() == Some("between")
                && arguments::is_reciprocal(&m.code)
        })
        .map(|t| arguments::actors_of(s, t, &[]))
        .filter(|both| both.len() >= 2);
    let source_phrase = if between.is_some() {
        m.target
    } else if let Some((ctl, to)) = chain.controller {
        let outer = clause::analyse(&s.tokens, ctl);
        negated |= outer.negated;
        hypothetical = true;
        // The controller's object, not a place or time phrase after it:
        // "urged Iran at the talks in Geneva to …".
        let between =
            |p: &crate::phrases::Phrase| p.start > ctl && p.end <= to && !p.actors.is_empty();
        s.phrases
            .iter()
            .rposition(|p| between(p) && p.preposition.is_none())
            .or_else(|| s.phrases.iter().rposition(between))
    } else if passive {
        by_agent(s, head)
    } else if inherited.is_some() {
        inherited
    } else {
        subject_left(s, chain.start)
    };
    // A passive without agent ("were released") may imply its doer; it
    // is looked for once its targets are known.
    if source_phrase.is_none() && !passive {
        return None;
    }
    exclude.extend(source_phrase);
    let target_phrase = match m.target {
        Some(t) => Some(t),
        None if passive && !chain.passive => roles::modified_noun(s, head)
            .filter(|t| Some(*t) != source_phrase)
            .or_else(|| target_right(s, last, &exclude)),
        None if chain.passive => subject_left(s, chain.start)
            .filter(|t| Some(*t) != source_phrase)
            .or_else(|| target_right(s, last, &exclude)),
        None => target_right(s, head, &exclude)
            .and_then(|t| {
                // "deploy more troops": an unnamed role the pattern itself
                // matched is the object; the target, if any, comes after it.
                let p = &s.phrases[t];
                let object = p.start <= last && p.actors.iter().all(|a| a.code.starts_with("---"));
                if object {
                    target_right(s, last, &exclude)
                } else {
                    Some(t)
                }
            })
            .or_else(|| targets::doer_of_object(s, last, &exclude)),
    };
    match chain.governor {
        Some(Governor::Refuse) => negated = true,
        Some(Governor::Want) => match intent_code(&code) {
            Some(c) if !negated => code = c,
            _ => hypothetical = true,
        },
        Some(Governor::Intent) if !negated => {
            if let Some(c) = intent_code(&code) {
                code = c;
            } else {
                future = true;
            }
        }
        Some(Governor::Threaten) if !negated => code = threat_code(&code),
        Some(Governor::Aspect) => future = true,
        _ => {}
    }
    if chain.would {
        // "said it would have criticized …": reported, yet not done.
        if reported_sentence && !counterfactual(&s.tokens, chain.start, head) {
            future = true;
        } else {
            hypothetical = true;
        }
    }
    let quote = quote_of(&doc.quotes, trigger);
    let quoted = quote.is_some() || inside_marks(&s.tokens, head);
    // "X - which … if talks resume - called for …": the inserted clause's
    // condition is not the verb's.
    // "said it would condemn China if Beijing attacked": a promised act
    // with its condition after it is as conditional as one after "if" —
    // unless the act is a threat ("would take further measures if North
    // Korea conducted another test"): a threat is made by saying it, and
    // its condition is what makes it one.
    let conditional = in_condition(
        &s.tokens,
        roles::relative_insert_before(&s.tokens, chain.start).unwrap_or(head),
    ) || ((chain.would || chain.future)
        && cameo::root(&code) != "13"
        && condition_after(&s.tokens, last));
    let base = if future {
        Modality::Future
    } else if quoted || reported_sentence {
        Modality::Reported
    } else {
        Modality::Asserted
    };
    let modality = if negated {
        Modality::Negated
    } else if conditional {
        Modality::Conditional
    } else if hypothetical {
        Modality::Hypothetical
    } else {
        base
    };
    let target_phrase = target_phrase
        .filter(|t| Some(*t) != source_phrase)
        .filter(|t| !targets::aimed_by_act(s, &code, last, *t))
        .and_then(|t| targets::past_imposer(s, &code, head, t, &exclude));
    // "clashed with Kurdish fighters", "exchanged fire with": the partner
    // in a fight fights too. (Other codes after "with" keep one direction,
    // as PETRARCH codes them: "restore ties with Gondor" is Arnor's act.)
    let with_partner = target_phrase
        .is_some_and(|t| s.phrases[t].preposition.as_deref() == Some("with"))
        && matches!(code.as_str(), "190" | "193")
        && !m.reverse;
    let mut targets = target_phrase
        .map(|t| arguments::actors_of(s, t, source_phrase.as_slice()))
        .unwrap_or_default();
    let mut sources = match source_phrase {
        Some(p) => arguments::actors_of(s, p, target_phrase.as_slice()),
        None => vec![doers::implied(doc, earlier, &code, &targets)?],
    };
    // "held the EU presidency", "rebels held Aleppo": one holds people
    // captive, not places or institutions.
    if let Some(t) = m.target.filter(|_| matches!(code.as_str(), "173" | "181")) {
        // "holding a Donald Trump sign", "will hold her first press
        // conference": a name or pronoun that modifies a noun after it is
        // not who is held.
        let after = s.phrases[t].end;
        let modifies = after > last
            && s.tokens
                .get(after)
                .is_some_and(|w| w.is_word() && !w.is_capitalized() && is_plain_noun(w));
        targets.retain(|t| is_people(doc, t));
        if targets.is_empty() || modifies {
            return None;
        }
    }
    if targets.is_empty() && target_phrase.is_none() && !m.reverse {
        if let Some(doer) = targets::doer_told_before(doc, s, (head, last), &code, &sources)
            .or_else(|| targets::blamed_before(doc, s, last, earlier, &code, &sources))
        {
            targets.push(doer);
        }
    }
    if m.reverse {
        if targets.is_empty() {
            return None;
        }
        std::mem::swap(&mut sources, &mut targets);
    }
    if let Some(both) = between {
        sources = both[..1].to_vec();
        targets = both[1..].to_vec();
    }
    let mut out = vec![Coded {
        code: code.clone(),
        modality,
        sources: sources.clone(),
        targets: targets.clone(),
        trigger,
        head,
        quote,
        future,
        mutual: m.mutual || with_partner,
    }];
    // "will not allow", "refused to release": a refusal is an event of its
    // own; so is any negated acceptance ("did not accept", "does not
    // recognise").
    let refusal = negated
        && !denied
        && !conditional
        && (future
            || chain.would
            || chain.governor == Some(Governor::Refuse)
            || is_acceptance(s, head, chain.start));
    if refusal && cameo::root(&code) == "12" {
        // The rejection a negated acceptance with no pattern was coded as.
        out[0].modality = base;
    } else if refusal {
        if let Some(r) = refusal_code(&code) {
            out.push(Coded {
                code: r.to_string(),
                modality: base,
                sources,
                targets,
                trigger,
                head,
                quote,
                future,
                mutual: false,
            });
        }
    }
    // "Iran was attacked by Iraq and retaliated": a verb coordinated after
    // a passive shares its grammatical subject, not its agent.
    let subject_phrase = if chain.passive {
        subject_left(s, chain.start)
    } else {
        source_phrase
    };
    Some((out, subject_phrase))
}

/// "did not accept North Korea as a nuclear state", "refused to
/// recognise the vote": a negated verb of acceptance that no pattern codes
/// is a rejection, 120 (`code_trigger` makes it a fact). A particle or
/// preposition after it ("did not take up", "not accept of") leaves it to
/// the patterns.
fn negated_acceptance(s: &Sentence, i: usize) -> Option<VerbMatch> {
    // Asked of every word no pattern codes: the verb first, then the
    // costlier reading of its group and object.
    if !is_acceptance_verb(&s.tokens[i].lower) {
        return None;
    }
    let next = s.tokens.get(i + 1)?;
    let w = next.lower.as_str();
    if !next.is_word()
        || phrases::PREPOSITIONS.contains(&w)
        || matches!(w, "down" | "off" | "out" | "up" | "away" | "that" | "it")
    {
        return None;
    }
    let chain = clause::analyse(&s.tokens, i);
    // "interested in not recognizing …": a gerund with no auxiliary is no
    // finite act.
    let finite = !s.tokens[i].lower.ends_with("ing")
        || s.tokens[chain.start..i]
            .iter()
            .any(|t| crate::lemma::candidates(&t.lower).iter().any(|l| l == "be"));
    // "did not accept the offer from Germany", not "does not recognize the
    // bigotry of X" (a sense whose object is no actor).
    let object = target_right(s, i, &[]).is_none_or(|t| {
        let p = &s.phrases[t];
        p.preposition.as_deref() == Some("from")
            || s.tokens[i + 1..p.start]
                .iter()
                .all(|w| roles::DETERMINERS.contains(&w.lower.as_str()))
    });
    let accepts = finite && object && is_acceptance(s, i, chain.start);
    (accepts && (chain.negated || chain.governor == Some(Governor::Refuse))).then(|| VerbMatch {
        code: "120".to_string(),
        head: i,
        last: i,
        target: None,
        nominal: false,
        reverse: false,
        mutual: false,
    })
}

/// Turns a coded trigger into events, one per source–target pair.
fn pair(doc: &Doc, s: &Sentence, c: Coded) -> Vec<Event> {
    let a = doc.analysis;
    let place = when_where::place(&s.tokens, c.head, doc.gazetteer);
    let mut c = c;
    // "Kerry met the Russian foreign minister": both met (a place named
    // as the counterpart below does not meet back).
    c.mutual |= arguments::is_reciprocal(&c.code) && !c.targets.is_empty();
    // "Obama will meet in Zurich", "warplanes struck targets in Gaza",
    // "condemned the coup in Myanmar": with no one else named, the place's
    // country is the counterpart (as PETRARCH codes it).
    let place_is_counterpart = matches!(
        cameo::root(&c.code),
        "01" | "04" | "11" | "14" | "18" | "19" | "20"
    );
    if c.targets.is_empty() && c.sources.len() < 2 && place_is_counterpart {
        // A meeting at home ("Netanyahu visited a settlement in the West
        // Bank") or a bloc's summit ("the G-20 held a summit in China") is
        // hosted there, not held with the host.
        let hosted = |country: &str| {
            cameo::root(&c.code) == "04"
                && c.sources
                    .iter()
                    .any(|x| x.code.starts_with("IGO") || x.code.starts_with(country))
        };
        let counterpart = place
            .as_ref()
            .and_then(|p| Some((p, p.country.clone()?)))
            .filter(|(_, country)| !hosted(country));
        if let Some((p, country)) = counterpart {
            c.targets.push(ActorRef {
                code: country,
                name: p.name.clone(),
                span: p.span.unwrap_or(c.trigger),
            });
        }
    }
    // "India and China agreed to pull back troops": with coordinated
    // sources, an unnamed role after the verb is the object, not the target.
    if c.sources.len() >= 2 && c.targets.iter().all(|t| t.code.starts_with("---")) {
        c.targets.clear();
    }
    // "joined the campaign against ISIS", "coordinated efforts against the
    // Islamic State": whom a cooperation is against is no partner of it.
    if AGAINST_NO_PARTNER.contains(&cameo::root(&c.code)) {
        let from = c.trigger.end;
        c.targets.retain(|t| {
            !s.tokens
                .iter()
                .any(|k| k.lower == "against" && k.span.start >= from && k.span.end <= t.span.start)
        });
    }
    let mut pairs: Vec<(ActorRef, ActorRef)> = Vec::new();
    if c.targets.is_empty() {
        if c.sources.len() >= 2 && is_symmetric(&c.code) {
            for x in &c.sources {
                for y in &c.sources {
                    if x.span != y.span {
                        pairs.push((x.clone(), y.clone()));
                    }
                }
            }
        }
    } else {
        for x in &c.sources {
            for y in &c.targets {
                if x.span != y.span || x.code != y.code {
                    pairs.push((x.clone(), y.clone()));
                    if c.mutual {
                        pairs.push((y.clone(), x.clone()));
                    }
                }
            }
        }
    }
    // Roles take the country their context gives them before the pair is
    // judged: "riot police fired tear gas at protesters" in an article on
    // Iran is IRNCOP → IRNOPP, not two unnamed groups.
    // Two roles neither of which is a state organ stay private people
    // ("an employee shot a man", "victims accused a girl"): crime and
    // quarrels between them are not political events.
    let state = |r: &ActorRef| {
        matches!(
            r.code.get(3..6),
            Some("GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY")
        )
    };
    let private = |r: &ActorRef| r.code.starts_with("---") && !state(r);
    pairs.retain(|(x, y)| !(private(x) && private(y)));
    let domestic = DOMESTIC_ROOTS.contains(&cameo::root(&c.code));
    let mut pairs: Vec<(ActorRef, ActorRef)> = pairs
        .into_iter()
        .map(|(x, y)| {
            (
                in_context(doc, &x, Some(&y), false),
                in_context(doc, &y, Some(&x), domestic),
            )
        })
        .collect();
    // Events between two unnamed groups ("insurgents killed people") say
    // nothing event data can use.
    pairs.retain(|(x, y)| !(x.code.starts_with("---") && y.code.starts_with("---")));
    // An actor does not act on itself ("Trump … Trump" through a pronoun).
    let entity = |r: &ActorRef| doc.entity_at(r.span).map(|e| e.id.as_str());
    // Nor does a country on its own name ("talks between his government
    // and the Taliban, who refused to negotiate with Kabul": Kabul is that
    // government; "the Chinese … trade with China"): one code where either
    // side is a country or a place named for it, unless the code goes both
    // ways ("European leaders met to discuss").
    let country_name = |r: &ActorRef| {
        r.code.len() == 3
            || doc
                .entity_at(r.span)
                .is_some_and(|e| matches!(e.kind, model::EntityType::Gpe | model::EntityType::Loc))
    };
    let reciprocal = arguments::is_reciprocal(&c.code);
    pairs.retain(|(x, y)| {
        let same_entity = entity(x).is_some() && entity(x) == entity(y);
        let on_itself = (country_name(x) || country_name(y)) && !reciprocal;
        !(x.code == y.code && (x.name == y.name || same_entity || on_itself))
    });
    // "Hundreds of demonstrators blocked roads": a protest (CAMEO 14) that
    // names no one it is against is against its own country's government,
    // as CAMEO codes it — when the protesters are a group of people with a
    // country.
    if pairs.is_empty() && c.targets.is_empty() && cameo::root(&c.code) == "14" {
        for x in &c.sources {
            let x = in_context(doc, x, None, false);
            let Some(country) = context::country_of(&x.code) else {
                continue;
            };
            // A country itself ("Iran protested") or its government
            // protests to others, not to itself.
            if x.code.len() < 6 || x.code.get(3..6) == Some("GOV") {
                continue;
            }
            let government = ActorRef {
                code: format!("{country}GOV"),
                name: format!("{country} government (implied)"),
                span: c.trigger,
            };
            pairs.push((x, government));
        }
    }
    // "Netanyahu visited a settlement south of Jerusalem": a visit inside
    // one's own country is no visit to anyone.
    // Nor is a trip to a place at home ("Trump flew to Maine", "Clinton is
    // heading to California"): a place of one's own country is no one met.
    let is_place = |r: &ActorRef| {
        r.code.len() == 3
            && doc
                .entity_at(r.span)
                .is_some_and(|e| matches!(e.kind, model::EntityType::Gpe | model::EntityType::Loc))
    };
    pairs.retain(|(x, y)| {
        let visit = matches!(c.code.as_str(), "042" | "043");
        let trip = matches!(c.code.as_str(), "030" | "036") && is_place(y);
        let home = context::country_of(&x.code).is_some()
            && context::country_of(&x.code) == context::country_of(&y.code);
        !((visit || trip) && home)
    });
    // "talking to reporters", "a meeting on Monday with reporters", "radio
    // host Hugh Hewitt asked Trump": a word to the press is a statement
    // (CAMEO 01), not a consultation.
    let media = |r: &ActorRef| r.code.get(3..6) == Some("MED");
    pairs.retain(|(x, y)| !(cameo::root(&c.code) == "04" && (media(x) || media(y))));
    // "Russia beat Croatia 6-3": a contest result, not an assault.
    pairs.retain(|(x, y)| !is_contest_result(s, c.head, &c.code, &x.code, &y.code));
    // "North Korea mobilized its troops": a show of force needs no target.
    let alone: Vec<ActorRef> = if pairs.is_empty() && c.targets.is_empty() {
        targets::without_target(&c.code, &c.sources)
    } else {
        Vec::new()
    };
    // Reading every time expression of the document for each event made
    // a long document's dates quadratic (issue 14).
    let times = if doc.times_in_order {
        when_where::starting_in(&a.times, s.span)
    } else {
        &a.times
    };
    let date = when_where::date(
        times,
        &s.tokens,
        s.span,
        c.trigger.start,
        a.document.article.published,
        c.future || s.tokens[..c.head].iter().any(|t| t.lower == "will"),
    );
    pairs
        .into_iter()
        .map(|(src, tgt)| (src, Some(tgt)))
        .chain(alone.into_iter().map(|src| (src, None)))
        .map(|(src, tgt)| {
            let mut code = c.code.clone();
            if let Some(t) = &tgt {
                if let Some(r) = repression_code(&code, &src.code, &t.code) {
                    code = r.to_string();
                }
                if let Some(c) = captor_code(&code, &src.code) {
                    code = c.to_string();
                }
            }
            if matches!(code.as_str(), "040" | "044") {
                let third = place
                    .as_ref()
                    .and_then(|p| p.country.as_deref())
                    .is_some_and(|pc| {
                        !src.code.starts_with(pc)
                            && !tgt.as_ref().is_some_and(|t| t.code.starts_with(pc))
                    });
                code = if third { "044" } else { "040" }.to_string();
            }
            let goldstein = cameo::goldstein(&code).unwrap_or(0.0);
            let src = if tgt.is_some() {
                src
            } else {
                in_context(doc, &src, None, false)
            };
            Event {
                source: Some(reference(doc, &src)),
                target: tgt.as_ref().map(|t| reference(doc, t)),
                goldstein,
                quad_class: cameo::quad_class(&code),
                cameo: code,
                modality: c.modality,
                date,
                place: place.clone(),
                sentence: s.span,
                trigger: c.trigger,
                quote: c.quote,
            }
        })
        .collect()
}

/// CAMEO roots of appeals, demands and criticism: news tells them from a
/// country's own politicians to its government as often as between
/// countries ("Schiff called on the administration to …", "Republicans
/// criticized the government").
const DOMESTIC_ROOTS: &[&str] = &["02", "10", "11"];

/// CAMEO roots of cooperation (intent, consultation, diplomatic and
/// material cooperation, aid): their partner is never the one an
/// "against" after the verb names.
const AGAINST_NO_PARTNER: &[&str] = &["03", "04", "05", "06", "07"];

/// The actor with the country its context gives a role word. A role that
/// has only the article's main country, when the other side is of that
/// country too, takes the runner-up ("Russian diplomats met officials"),
/// except the target of an appeal, demand or criticism (`domestic_target`):
/// that is the speaker's own government, media or voters ("Trump denounced
/// the media"); and except a named person holding an office of state, or
/// an organ of state named by a proper name ("Congress").
/// A state organ a country's own lawmakers, parties or opposition appeal
/// to or criticise with only the main country known is of their country.
fn in_context(
    doc: &Doc,
    r: &ActorRef,
    other: Option<&ActorRef>,
    domestic_target: bool,
) -> ActorRef {
    let found = doc
        .contextual
        .get(&r.span)
        .filter(|_| r.code.starts_with("---"));
    // A state force acting on people ("security forces killed
    // protesters") acts on its own country's, as context says.
    let people = matches!(r.code.get(3..6), Some("OPP" | "EDU" | "CVL" | "LAB"));
    let by_force = other.is_some_and(doers::is_state_force);
    let country = found.and_then(|c| {
        let other_country = other.and_then(|o| context::country_of(&o.code));
        let clash = other_country == Some(c.country.as_str());
        let organ = matches!(r.code.get(3..6), Some("GOV" | "LEG" | "JUD"));
        // "House Speaker Paul Ryan met Trump": a named office-holder whose
        // country the text leaves unsaid is of the country the article is
        // about; a foreign one is introduced with it ("French President
        // François Hollande").
        let named = || {
            let last = Span::new(r.span.end.saturating_sub(1), r.span.end);
            is_person(doc, r) == Some(true)
                || doc
                    .entity_at(last)
                    .is_some_and(|e| e.kind == model::EntityType::Person)
                || titles_a_person(doc, &r.name)
                || proper_name(doc, r)
        };
        // "Schiff called on the administration to …" in an article mostly
        // about Russia: a country's own lawmakers, parties and opposition
        // appeal to, or criticise, their own state's organs.
        let own_state = c.main_only
            && domestic_target
            && matches!(
                r.code.get(3..6),
                Some("GOV" | "LEG" | "JUD" | "MIL" | "COP")
            )
            && other.is_some_and(|o| matches!(o.code.get(3..6), Some("LEG" | "PTY" | "OPP")));
        if own_state {
            other_country.or(Some(c.country.as_str()))
        } else if c.main_only
            && clash
            && !(people && by_force)
            && !domestic_target
            && !(organ && named())
        {
            doc.places
                .runner_up
                .as_deref()
                .filter(|u| other_country != Some(*u))
        } else {
            Some(c.country.as_str())
        }
    });
    match country {
        Some(country) => ActorRef {
            code: context::with_country(&r.code, country),
            ..r.clone()
        },
        None => r.clone(),
    }
}

fn reference(doc: &Doc, r: &ActorRef) -> Reference {
    Reference {
        name: r.name.clone(),
        entity: doc.entity_at(r.span).map(|e| e.id.clone()),
        actor: Some(r.code.clone()),
        span: Some(r.span),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The last entry before `at` that `ok` holds for, as the readers ask.
    fn last_fit(list: &[(usize, u32)], at: usize, ok: impl Fn(u32) -> bool) -> Option<u32> {
        list.iter()
            .rev()
            .find(|(pos, v)| *pos < at && ok(*v))
            .map(|(_, v)| *v)
    }

    #[test]
    fn forgetting_keeps_every_answer_after_the_cutoff() {
        // Entries every 10 bytes, the odd values "persons"; a look back
        // from anywhere at or after the cutoff finds what it found before.
        let full: Vec<(usize, u32)> = (0..200u32).map(|v| (v as usize * 10, v)).collect();
        let cutoff = 1_500;
        let mut kept = full.clone();
        forget_before(&mut kept, cutoff, |v| v % 2 == 1 && *v < 100);
        assert!(kept.len() < 60, "{} entries kept", kept.len());
        for at in cutoff..2_100 {
            assert_eq!(last_fit(&kept, at, |_| true), last_fit(&full, at, |_| true));
            let person = |v: u32| v % 2 == 1 && v < 100;
            assert_eq!(last_fit(&kept, at, person), last_fit(&full, at, person));
            let from = kept.partition_point(|(pos, _)| *pos < at);
            let from_full = full.partition_point(|(pos, _)| *pos < at);
            assert_eq!(kept.get(from), full.get(from_full));
        }
    }
}
