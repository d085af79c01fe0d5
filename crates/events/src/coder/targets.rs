//! Targets that are things rather than actors: "condemned the missile
//! launch by North Korea", "praised efforts by Secretary Kerry", "the
//! test carried out by Pyongyang". The object is an act; the actor it
//! names with "by" is whom the event is about.

use super::roles::{phrase_at, CLAUSE_BREAKS};
use super::Sentence;
use crate::phrases::ActorRef;

/// How many tokens after the verb the object's "by" phrase may start.
const REACH: usize = 8;

/// The "by" phrase that names the doer of the object noun phrase after
/// the verb ending at token `last`: at least one word of the object lies
/// between (right after the verb, "by" is a means or a passive's agent),
/// and no clause break, comma or other actor does.
pub(super) fn doer_of_object(s: &Sentence, last: usize, skip: &[usize]) -> Option<usize> {
    let idx = s.phrases.iter().position(|p| {
        p.start > last + 2
            && p.start <= last + REACH
            && p.preposition.as_deref() == Some("by")
            && !p.actors.is_empty()
            && !p.possessive
    })?;
    if skip.contains(&idx) {
        return None;
    }
    let by = (last + 1..s.phrases[idx].start)
        .rev()
        .find(|k| s.tokens[*k].lower == "by")?;
    let object = &s.tokens[last + 1..by];
    let has_noun = object
        .iter()
        .any(|t| t.is_word() && !matches!(t.lower.as_str(), "the" | "a" | "an" | "its" | "their"));
    let crossed = object.iter().any(|t| {
        CLAUSE_BREAKS.contains(&t.lower.as_str())
            || matches!(t.text, "," | "." | "—" | "–")
            || matches!(t.lower.as_str(), "and" | "or" | "to" | "who" | "which")
    });
    let other_actor = (last + 1..by).any(|k| phrase_at(s, k).is_some());
    (has_noun && !crossed && !other_actor).then_some(idx)
}

/// The sources that act alone under `code`: a show of force (CAMEO 15,
/// "mobilized its troops", "raised its alert level") is an event with no
/// target, which the coder would otherwise drop. Only named sources: an
/// unnamed group alone ("troops were mobilized") says nothing usable.
pub(super) fn without_target(code: &str, sources: &[ActorRef]) -> Vec<ActorRef> {
    if crate::cameo::root(code) != "15" {
        return Vec::new();
    }
    sources
        .iter()
        .filter(|s| !s.code.starts_with("---"))
        .cloned()
        .collect()
}

/// Determiners that make the object after a disapproval verb a known act
/// ("condemned the test", "criticized this move", "Friday’s launch"; not
/// "that", which as often starts a clause).
const DEFINITE: &[&str] = &["the", "this", "these"];

/// "President Obama condemned Friday's test", "criticized the trade": a
/// disapproval (CAMEO 11) whose object is a definite act with no actor in
/// it is about whoever did that act, told before — the last clause subject
/// before this sentence from another country than every source. `None`
/// when the object is not such an act or no such subject was told.
pub(super) fn doer_told_before(
    subjects: &[(usize, ActorRef)],
    s: &Sentence,
    last: usize,
    code: &str,
    sources: &[ActorRef],
) -> Option<ActorRef> {
    if crate::cameo::root(code) != "11" || sources.is_empty() {
        return None;
    }
    let first = s.tokens.get(last + 1)?;
    let dated = first.is_capitalized()
        && s.tokens
            .get(last + 2)
            .is_some_and(|t| matches!(t.text, "'s" | "’s"));
    if !(DEFINITE.contains(&first.lower.as_str()) || dated) {
        return None;
    }
    // The object runs to the next break; an actor inside it ("the
    // move by Israel") is handled by the phrase rules.
    let end = (last + 1..s.tokens.len())
        .find(|&k| {
            let t = &s.tokens[k];
            CLAUSE_BREAKS.contains(&t.lower.as_str())
                || matches!(t.text, "," | "." | ";" | "—" | "–" | "\"" | "“" | "”")
                || matches!(
                    t.lower.as_str(),
                    "and" | "or" | "to" | "who" | "which" | "as"
                )
        })
        .unwrap_or(s.tokens.len());
    if end - last > 6 || (last + 1..end).any(|k| phrase_at(s, k).is_some()) {
        return None;
    }
    let countries: Vec<&str> = sources
        .iter()
        .filter_map(|r| super::context::country_of(&r.code))
        .collect();
    // A source without a country rules every subject out: say so before
    // reading them all.
    if countries.len() != sources.len() {
        return None;
    }
    subjects
        .iter()
        .rev()
        .filter(|(at, _)| *at < s.span.start)
        .map(|(_, r)| r)
        .find(|r| super::context::country_of(&r.code).is_some_and(|c| !countries.contains(&c)))
        .cloned()
}
