//! Title-case lines ("Putin Chides Turkey And Praises Trump", "Lawmaker
//! Urges Retaliation On Russia"): headlines and sub-heads written with
//! every word capitalised. The coder reads capitals as names — a verb
//! after a role becomes part of a name ("Lawmaker Urges Retaliation"), and
//! a capitalised verb is never a trigger — so such a line is coded from a
//! case-normalised view: its verbs and function words lower-cased, its
//! names (what the actor table, the gazetteer or a coded entity knows)
//! left as written.

use crate::actor_table::{ActorTable, EntryKind};
use crate::phrases;
use crate::tokens::Token;
use crate::verbs::VerbLexicon;
use gazetteer::Gazetteer;
use model::Span;

/// Fewer words than this make no headline worth normalising.
const MIN_WORDS: usize = 4;

/// Whether the tokens read as a title-case line: at least [`MIN_WORDS`]
/// words, every word longer than three letters capitalised (short ones
/// such as "of", "and" may stay lower-case), and at least one capitalised
/// word that prose writes in lower case (a verb or a function word).
pub(super) fn is_title_case(tokens: &[Token], verbs: &VerbLexicon) -> bool {
    let words = || {
        tokens
            .iter()
            .filter(|t| t.text.starts_with(char::is_alphabetic))
    };
    // Prose has a long word in lower case, most often among its first
    // few: asked first, with no list of the words made (this runs at
    // every sentence).
    let long_lower = words().any(|t| t.text.chars().nth(3).is_some() && !t.is_capitalized());
    !long_lower
        && words().nth(MIN_WORDS - 1).is_some()
        && words().any(|t| is_title_cased(t) && lowers(&t.lower, verbs))
}

/// Whether a token is written "Title" (a capital, then lower case).
fn is_title_cased(t: &Token) -> bool {
    let mut cs = t.text.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.all(|c| !c.is_uppercase())
}

/// Whether prose writes this word in lower case: a verb form, a
/// preposition or another function word.
fn lowers(lower: &str, verbs: &VerbLexicon) -> bool {
    verbs.is_verb(lower)
        || phrases::PREPOSITIONS.contains(&lower)
        || phrases::is_stop_word(lower)
        || lexicon::english::is_english_function_word(lower)
}

/// The sentence text `text[span]` with the title-cased verbs and function
/// words of a title-case line lower-cased, byte for byte the same length;
/// `None` when there is nothing to change. Names stay as written: words
/// the actor table knows as a named actor, places the gazetteer knows and
/// the words of `names` (the coded entity mentions).
pub(super) fn normalised(
    text: &str,
    span: Span,
    tokens: &[Token],
    verbs: &VerbLexicon,
    actors: &ActorTable,
    gazetteer: &Gazetteer,
    names: &[Span],
) -> Option<String> {
    let mut out = text.get(span.start..span.end)?.to_string();
    let mut protected = vec![false; tokens.len()];
    for i in 0..tokens.len() {
        let named = actors
            .longest_at(tokens, i, |e| matches!(e.kind, EntryKind::Actor(_)))
            .map_or(0, |m| m.len);
        let place = usize::from(gazetteer.lookup(tokens[i].text).is_some());
        for p in protected.iter_mut().skip(i).take(named.max(place)) {
            *p = true;
        }
    }
    let mut changed = false;
    for (k, (t, protected)) in tokens.iter().zip(protected).enumerate() {
        let in_name = names.iter().any(|n| n.contains(t.span));
        if protected || in_name || !is_title_cased(t) || !t.text.is_ascii() {
            continue;
        }
        let function = !verbs.is_verb(&t.lower) && lowers(&t.lower, verbs);
        // A bare verb stem is as often a noun in a headline ("Court
        // Battle", "Hit Piece"): only an inflected form, or a stem after
        // "To" or a modal, is read as the verb.
        let after_to = k
            .checked_sub(1)
            .is_some_and(|b| tokens[b].lower == "to" || is_modal(&tokens[b].lower));
        let verb = verbs.is_verb(&t.lower) && (is_inflected(&t.lower) || after_to);
        if !(function || verb) {
            continue;
        }
        let (from, to) = (t.span.start - span.start, t.span.end - span.start);
        out.replace_range(from..to, &t.text.to_ascii_lowercase());
        changed = true;
    }
    changed.then_some(out)
}

/// Whether a verb form carries an inflection ("Slams", "Endorsed",
/// "Fighting", "Gave") rather than being the bare stem.
fn is_inflected(lower: &str) -> bool {
    lower.ends_with('s')
        || lower.ends_with("ed")
        || lower.ends_with("ing")
        || lexicon::lemma::irregulars()
            .verb(lower)
            .is_some_and(|lemma| lemma != lower)
}

/// Whether a word is a modal verb ("will", "could").
fn is_modal(lower: &str) -> bool {
    let words = lexicon::modality_words();
    matches!(lower, "will" | "would") || words.hypothetical_modals.contains(&lower)
}
