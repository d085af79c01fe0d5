//! Cue nouns with a possessive source: "Pence’s call for a special
//! prosecutor", "his attacks on Mr. Clinton", "her decision to open the
//! borders". The possessor is the speaker; the content is the noun's
//! object, up to the clause's verb or punctuation.

use super::*;

/// The word that introduces the content of cue noun `word` (`noun-cues`),
/// if it is one.
fn noun_cue_preposition(word: &str) -> Option<&'static str> {
    crate::lexicon::lists().noun_cue_preposition(word)
}

/// Where a cue noun's content that starts at `start` ends: at the first
/// punctuation or clause verb outside quotation marks, or at `e`.
fn clause_end(cx: &Context, start: usize, e: usize) -> usize {
    let clause_verbs = &crate::lexicon::lists().clause_verbs;
    (start..e)
        .find(|&k| {
            !cx.inside[k]
                && (matches!(
                    cx.tokens[k].kind(),
                    TokenKind::Punct(',' | ';' | ':' | '—' | '–' | '.' | '(' | '?' | '!')
                ) || clause_verbs.contains(&cx.low(k)))
        })
        .unwrap_or(e)
}

/// The claim of the cue noun at `cue` (`noun-cues`): possessed
/// ([`noun_cue`]), else after a light verb ([`light_verb_cue`]). The noun
/// is looked up once for both: every word that is no cue verb is asked.
pub(super) fn cue_noun_claim(cx: &Context, s: usize, e: usize, cue: usize) -> Option<Claim> {
    let prep = noun_cue_preposition(cx.low(cue))?;
    noun_cue(cx, s, e, cue, prep).or_else(|| light_verb_cue(cx, s, e, cue, prep))
}

/// The noun-cue claim at `cue`, whose noun takes `prep`, if the noun has a
/// possessive before it and its preposition after it.
fn noun_cue(cx: &Context, s: usize, e: usize, cue: usize, prep: &str) -> Option<Claim> {
    if cue <= s || cx.low(cue + 1) != prep {
        return None;
    }
    let speaker = possessor(cx, s, cue)?;
    let start = if prep == "to" { cue + 1 } else { cue + 2 };
    let end = clause_end(cx, start, e);
    if cx.word_count(start, end) < 1 || (prep == "to" && end <= start + 1) {
        return None;
    }
    let content = (start, end);
    Some(Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((cue, cue + 1)),
        speaker: Some(SpeakerPhrase {
            range: speaker,
            ..SpeakerPhrase::default()
        }),
        cue_after: false,
    })
}

/// "Trump is raising questions about his microphone", "rivals raised
/// doubts about the plan": a stance noun after a light verb
/// (`stance-noun-verbs`, a word or two of description between) is the claim of
/// the verb's subject; verb, noun and preposition are the cue.
fn light_verb_cue(cx: &Context, s: usize, e: usize, cue: usize, prep: &str) -> Option<Claim> {
    if prep == "to" || cx.low(cue + 1) != prep {
        return None;
    }
    let words = crate::lexicon::lists();
    let verb = (cue.saturating_sub(3).max(s)..cue)
        .rev()
        .find(|&k| words.stance_noun_verbs.contains(&cx.low(k)))?;
    let described = (verb + 1..cue).all(|k| cx.is_word(k) && !cx.is_cap(k));
    if !described {
        return None;
    }
    let speaker = phrases::before(cx, s, verb)?;
    let start = cue + 2;
    let end = clause_end(cx, start, e);
    if cx.word_count(start, end) < 1 {
        return None;
    }
    let content = (start, end);
    Some(Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((verb, cue + 2)),
        speaker: Some(speaker),
        cue_after: false,
    })
}

/// The possessor before the noun at `cue`: "his", or a capitalised name
/// ending in "’s" ("Mr. Trump’s", "the DNC’s").
pub(super) fn possessor(cx: &Context, s: usize, cue: usize) -> Option<(usize, usize)> {
    let p = cue - 1;
    let w = cx.low(p);
    if crate::lexicon::lists().possessives.contains(&w) {
        return Some((p, cue));
    }
    if !(w.ends_with("’s") || w.ends_with("'s")) || !cx.is_cap(p) {
        return None;
    }
    let mut b = p;
    while b > s && (cx.is_cap(b - 1) || cx.is_punct(b - 1, '.')) && !cx.inside[b - 1] {
        b -= 1;
    }
    if b > s && cx.low(b - 1) == "the" {
        b -= 1;
    }
    Some((b, cue))
}
