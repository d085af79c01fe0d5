//! Judgements a speaker gives as a description of an actor inside a quote:
//! "Donald Trump is a fraud," Perez said; "North Korea is a dangerous
//! regime"; "he is a hero". The speaker denounces (111) or praises (051)
//! the actor described, as "called Trump a fraud" is coded: the
//! description is the speaker's, so no verb of the quote codes it.
//!
//! Only a plain present or past copula counts ("is", "was", "has been"):
//! "will be a disaster" is a forecast and "is not a racist" a denial. The
//! description is a word of `modality_words.txt`'s `[blame-labels]` or
//! `[praise-labels]` after an article and at most two other words ("a
//! disgusting fraud", "such a liar"), or a `[blame-adjectives]` word, each
//! after at most two degree words ("so reckless", "is truly a statesman").

use super::modality::{in_condition, quote_of};
use super::roles::{follows_its_verb, DETERMINERS};
use super::{arguments, speaker_actor, Coded, Doc, Sentence};
use crate::actor_table::ActorTable;
use crate::phrases::Phrase;
use crate::verbs::VerbLexicon;
use model::{Modality, Span};

/// Words of degree or stance that may stand between the copula and the
/// description ("is such a liar", "is so reckless", "was truly a hero").
const DEGREE: &[&str] = &[
    "such",
    "so",
    "very",
    "truly",
    "really",
    "clearly",
    "simply",
    "just",
    "essentially",
    "absolutely",
    "totally",
    "utterly",
    "completely",
];

/// Words that make the description no judgement of the subject: a
/// negation ("is not a racist", "never a threat") or a preposition that
/// makes the listed word another's ("is a victim of a crime", "is under
/// threat").
const BREAKS: &[&str] = &[
    "not", "n't", "never", "no", "of", "to", "for", "under", "from", "in", "by", "with",
];

/// The judgements described in quotes of sentence `s`: one per actor
/// phrase that is the subject of a copula followed by a listed
/// description, inside a quote whose speaker has an actor.
pub(super) fn described(
    doc: &Doc,
    actors: &ActorTable,
    verbs: &VerbLexicon,
    s: &Sentence,
) -> Vec<Coded> {
    let t = &s.tokens;
    let mut out = Vec::new();
    for (idx, p) in s.phrases.iter().enumerate() {
        if p.actors.is_empty()
            || p.preposition.is_some()
            || p.possessive
            || p.pronoun
                .as_deref()
                .is_some_and(|w| matches!(w, "i" | "we" | "us" | "it"))
            || (p.pronoun.is_none() && !names_someone(s, p))
        {
            continue;
        }
        let Some((code, copula, last)) = description_after(s, p.end) else {
            continue;
        };
        // The copula's subject opens its clause: a phrase after a verb of
        // its own clause is that verb's object.
        if follows_its_verb(verbs, t, &s.phrases, p.start) {
            continue;
        }
        let trigger = Span::new(t[copula].span.start, t[last].span.end);
        let subject = Span::new(t[p.start].span.start, t[p.end - 1].span.end);
        let Some(q) = quote_of(&doc.quotes, subject)
            .filter(|&q| doc.analysis.quotes[q].span.contains(trigger))
        else {
            continue;
        };
        let Some(speaker) = speaker_actor(doc, actors, doc.analysis.quotes[q].span.start) else {
            continue;
        };
        let modality = if in_condition(t, copula) {
            Modality::Conditional
        } else {
            Modality::Reported
        };
        out.push(Coded {
            code: code.to_string(),
            modality,
            sources: vec![speaker],
            targets: arguments::actors_of(s, idx, &[]),
            trigger,
            head: copula,
            quote: Some(q),
            future: false,
            mutual: false,
        });
    }
    out
}

/// The code of a listed description after the copula right after token
/// `from` ("is a disgusting fraud" → 111), with the copula's token and the
/// description's last token.
fn description_after(s: &Sentence, from: usize) -> Option<(&'static str, usize, usize)> {
    let t = &s.tokens;
    let word = |k: usize| t.get(k).map(|w| w.lower.as_str());
    let mut k = from;
    // "has been", "have been", "had been".
    if matches!(word(k)?, "has" | "have" | "had") && word(k + 1)? == "been" {
        k += 1;
    } else if !matches!(word(k)?, "is" | "are" | "was" | "were") {
        return None;
    }
    let copula = k;
    k += 1;
    while word(k).is_some_and(|w| DEGREE.contains(&w)) && k < copula + 3 {
        k += 1;
    }
    let words = lexicon::modality_words();
    let w = word(k)?;
    if matches!(w, "a" | "an" | "the") {
        for (j, next) in t.iter().enumerate().take(k + 4).skip(k + 1) {
            let w = next.lower.as_str();
            if !next.is_word() || BREAKS.contains(&w) {
                return None;
            }
            if listed(&words.blame_labels, w) {
                return Some(("111", copula, j));
            }
            if listed(&words.praise_labels, w) {
                return Some(("051", copula, j));
            }
        }
        return None;
    }
    listed(&words.blame_adjectives, w).then_some(("111", copula, k))
}

/// Whether `w` is one of `list`'s words, its plural, or starts with one
/// of its "prefix*" words.
fn listed(list: &[&str], w: &str) -> bool {
    list.iter().any(|l| match l.strip_suffix('*') {
        Some(prefix) => w.starts_with(prefix),
        None => *l == w || w.strip_suffix('s') == Some(l),
    })
}

/// Whether phrase `p` names its actor (a name or a nationality: "Donald
/// Trump", "the Iranian government") rather than a class of people or
/// things ("the settlements were illegal", "rebels are terrorists"): a
/// description of a class is no judgement of one side.
fn names_someone(s: &Sentence, p: &Phrase) -> bool {
    s.tokens[p.start..p.end]
        .iter()
        .any(|t| t.is_capitalized() && !DETERMINERS.contains(&t.lower.as_str()))
}
