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
