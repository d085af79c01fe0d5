//! The doer a passive without agent implies ("were released", "106
//! protesters have been killed"): news names it elsewhere, and the
//! annotation codes it. Only two shapes are read, each from what the
//! article already told:
//!
//! - a release (084) of people the article says someone held or freed
//!   before ("hostages who had been held by the Taliban … were released"):
//!   that captor or earlier releaser;
//! - coercion or violence (17–20) on a country's protesting people
//!   (protesters, students, strikers) when the article names one state
//!   force and it is that country's ("Iranian security forces" … "106 protesters have been
//!   killed"): that force.
//!
//! Anything else stays without a source, and no event.
//!
//! A gerund after a word of owning to or regretting a deed ("makes no
//! apologies for accusing China", "apologized for insulting Uganda") is a
//! deed told as done, by the one who owns to it: [`owned_deed_doer`].

use super::context::{self, country_of};
use super::roles::{self, phrase_at, subject_left};
use super::{Coded, Doc, Sentence};
use crate::cameo;
use crate::clause;
use crate::phrases::ActorRef;
use crate::verbs::VerbLexicon;

/// How many of the document's latest events a release looks back through
/// for its captor (a bound on the work per passive in a long document).
const ACTS_BACK: usize = 200;

/// An event the coder made earlier in the document, as a later passive
/// needs it: its code, source and targets.
pub(super) struct Act {
    pub code: String,
    pub source: ActorRef,
    pub targets: Vec<ActorRef>,
}

/// Whether a code holds or frees people: detention (173), abduction (181)
/// and release (084x).
fn holds_or_frees(code: &str) -> bool {
    matches!(code, "173" | "181") || code.starts_with("084")
}

/// The implied source of a passive coded `code` whose targets (the
/// passive's subject) are `targets`; `earlier` are the triggers coded
/// before it in its own sentence.
pub(super) fn implied(
    doc: &Doc,
    earlier: &[Coded],
    code: &str,
    targets: &[ActorRef],
) -> Option<ActorRef> {
    if targets.is_empty() {
        return None;
    }
    if code.starts_with("084") {
        return captor(doc, earlier, targets);
    }
    if matches!(cameo::root(code), "17" | "18" | "19" | "20") {
        return state_force(doc, targets);
    }
    None
}

/// Who held or freed `targets` before: the same phrase in this sentence,
/// or the same actor code earlier in the article.
fn captor(doc: &Doc, earlier: &[Coded], targets: &[ActorRef]) -> Option<ActorRef> {
    let same = |x: &ActorRef, y: &ActorRef| {
        x.span == y.span || (!x.code.starts_with("---") && key(&x.code) == key(&y.code))
    };
    let matches = |ts: &[ActorRef]| ts.iter().any(|t| targets.iter().any(|u| same(t, u)));
    earlier
        .iter()
        .rev()
        .filter(|c| holds_or_frees(&c.code) && matches(&c.targets))
        .find_map(|c| c.sources.first().cloned())
        .or_else(|| {
            doc.acts
                .iter()
                .rev()
                .take(ACTS_BACK)
                .find(|a| holds_or_frees(&a.code) && matches(&a.targets))
                .map(|a| a.source.clone())
        })
}

/// A code's country and role ("AFGREB" of "AFGREBTAL"), what two mentions
/// of one group share.
fn key(code: &str) -> &str {
    code.get(..6).unwrap_or(code)
}

/// The one state force (army, police, intelligence) the article named so
/// far, when every target is a group of people of its country (their own
/// or the one their context gives them).
fn state_force(doc: &Doc, targets: &[ActorRef]) -> Option<ActorRef> {
    let force = doc.forces.last()?;
    let country = country_of(&force.code)?;
    if doc
        .forces
        .iter()
        .any(|f| country_of(&f.code) != Some(country))
    {
        return None;
    }
    // Protesters, students, strikers: people a state's force acts on when
    // it puts down their protest. Unnamed deaths of civilians ("three
    // people were killed") are as often a bomber's or an army's.
    let people = |t: &ActorRef| matches!(t.code.get(3..6), Some("OPP" | "EDU" | "LAB"));
    let of_country = |t: &ActorRef| {
        country_of(&t.code) == Some(country)
            || (t.code.starts_with("---")
                && doc
                    .contextual
                    .get(&t.span)
                    .is_some_and(|c| c.country == country))
    };
    targets
        .iter()
        .all(|t| people(t) && of_country(t))
        .then(|| force.clone())
}

/// Whether `r` is a state force with a country, which [`state_force`]
/// may name as a doer later.
pub(super) fn is_state_force(r: &ActorRef) -> bool {
    matches!(r.code.get(3..6), Some("MIL" | "COP" | "SPY"))
        && context::country_of(&r.code).is_some()
}

/// Whether `r` is a force the article names as a body, not one person
/// ("Iranian security forces", not "the bomber Tamerlan Tsarnaev" or
/// "General Harris"): only a body is the doer of a passive it is not
/// named in.
pub(super) fn is_force_body(doc: &Doc, r: &ActorRef) -> bool {
    let person = |e: &model::Entity| {
        e.kind == model::EntityType::Person && e.mentions.iter().any(|m| r.span.overlaps(*m))
    };
    is_state_force(r) && !doc.analysis.entities.iter().any(person)
}

/// The subject phrase that did the deed the gerund at `i` names when it
/// follows a word of owning to or regretting it and "for", "about",
/// "over" or "of" ("Kenya makes no apologies for attacking Uganda", "has
/// no regrets about criticizing", "apologized for having insulted", "is
/// proud of backing"): an apology or a regret presupposes the deed, so it
/// is told as done, by the one who apologizes. An accusation's or a
/// proposal's gerund ("accused Iran of attacking") stays unreported.
pub(super) fn owned_deed_doer(s: &Sentence, i: usize) -> Option<usize> {
    let lower = |k: usize| s.tokens[k].lower.as_str();
    // "for accusing", or the perfect "for having accused".
    let prep = if lower(i).ends_with("ing") {
        i.checked_sub(1)?
    } else if i >= 2 && lower(i - 1) == "having" {
        i - 2
    } else {
        return None;
    };
    let word = prep.checked_sub(1)?;
    if !matches!(lower(prep), "for" | "about" | "over" | "of")
        || !lexicon::event_words().regret_words.contains(lower(word))
    {
        return None;
    }
    // The verb that owns the word: the word itself ("apologized"), or the
    // one before its determiners ("makes no apologies", "is proud").
    let mut verb = word;
    let modifier = |w: &str| {
        lexicon::event_words().determiners.contains(w)
            || lexicon::modality_words().adverbs.contains(&w)
            || (w.len() > 4 && w.ends_with("ly"))
    };
    while verb > 0 && modifier(lower(verb - 1)) {
        verb -= 1;
    }
    if verb < word {
        verb = verb.checked_sub(1)?;
    } else if !lower(word).starts_with("apolog") && !lower(word).starts_with("regret") {
        // "proud", "sorry": the verb is the copula before them.
        verb = verb.checked_sub(1)?;
    }
    let t = &s.tokens[verb];
    if !t.is_word() || t.is_capitalized() || phrase_at(s, verb).is_some() {
        return None;
    }
    subject_left(s, clause::analyse(&s.tokens, verb).start)
}

/// Whether the participle whose verb group starts at `from`, opened by a
/// subordinator and given no doer by its main clause, would take an object
/// as its doer: the nearest subject to its left stands after a verb of its
/// own clause ("telling voters that they'd send terrorists to their
/// backyard before backing the plan": the terrorists are sent, they back
/// nothing). An object is no participle's doer; the participle then codes
/// nothing rather than a wrong pair.
pub(super) fn object_as_opened_doer(verbs: &VerbLexicon, s: &Sentence, from: usize) -> bool {
    subject_left(s, from)
        .is_some_and(|p| roles::follows_its_verb(verbs, &s.tokens, &s.phrases, s.phrases[p].start))
}
