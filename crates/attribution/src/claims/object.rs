//! "Dayton is backing Hillary Clinton, but he's not predicting …", "Cruz
//! endorsed the plan, prompting a walkout": a stance verb that takes a
//! noun phrase, not a clause, has that phrase as its content; PolNeAR ends
//! it before a comma that opens another clause (", but …", ", prompting
//! …"), where the reported clause of a speech verb would run on, and
//! before an adjunct of the act ("attacked Machado in early-morning
//! tweets") or a relative gloss on its last noun (", which …"), which a
//! reported clause keeps.

use super::*;

/// Whether the cue at `cue` takes a noun-phrase content starting at `k`.
pub(super) fn takes_noun_phrase(cx: &Context, cue: usize, k: usize) -> bool {
    let l = cx.low(cue);
    let clausal = crate::lexicon::lists()
        .clausal_stems
        .words()
        .iter()
        .any(|s| l.starts_with(s));
    let after_that = k > 0 && cx.low(k - 1) == "that";
    !clausal
        && !after_that
        && !crate::lexicon::lists().clause_openers.contains(&cx.low(k))
        && cx.opens[k].is_none()
        && cx.is_word(k)
}

/// The end of a noun-phrase content `(k, end)`: a comma outside quotation
/// marks that a conjunction, adverbial or participle follows ("Hillary
/// Clinton, but he's not predicting …", "…, leading authorities to …");
/// a comma before an apposition or a list item stays inside. A noun phrase
/// proper (not an intention's "to …", whose verb phrase keeps its
/// adjuncts) also ends before a relative gloss on its last noun ("the
/// proposals, which include …") and before an adjunct of the act: "after",
/// "during" …, or "in"/"on"/"at" with a time or a medium ("attacked Machado
/// in early-morning tweets", "endorsed Clinton on Thursday").
pub(super) fn noun_phrase_end(cx: &Context, k: usize, end: usize) -> usize {
    let words = crate::lexicon::lists();
    let phrase = cx.low(k) != "to";
    (k + 1..end)
        .find(|&i| {
            if cx.inside[i] {
                return false;
            }
            if cx.is_punct(i, ',') {
                let next = cx.low(i + 1);
                return words.after_phrase.contains(&next)
                    || next.ends_with("ing")
                    || (phrase && words.phrase_relatives.contains(&next));
            }
            phrase && cx.is_word(i) && (opens_adjunct(cx, i, end) || opens_predicate(cx, i))
        })
        .unwrap_or(end)
}

/// Whether "and"/"but" at `i` joins a second predicate of the speaker
/// ("opposed the bill and has vowed to fight it", "backs Clinton but is not
/// working for her"): an auxiliary or verb of the predicate-openers list, a
/// past-tense verb of speaking, or a past-tense verb with its own object
/// ("… and extended the benefits") follows. A noun phrase coordinated inside the content
/// ("lesbian and gay rights") goes on.
fn opens_predicate(cx: &Context, i: usize) -> bool {
    if !matches!(cx.low(i), "and" | "but") || cx.inside.get(i + 1) != Some(&false) {
        return false;
    }
    let next = cx.low(i + 1);
    crate::lexicon::lists().predicate_openers.contains(&next)
        || (next.ends_with("ed")
            && (cx.lex.cue(next).is_some()
                || crate::lexicon::lists()
                    .noun_phrase_openers
                    .contains(&cx.low(i + 2))))
}

/// Whether the word at `i` opens an adjunct of the act: a subordinator or
/// time preposition ("after", "during"), "in"/"on"/"at" before a time
/// word, a month or a medium ("on Thursday", "in December", "in a
/// statement", "at his rally"), or a bare time phrase ("last week").
fn opens_adjunct(cx: &Context, i: usize, end: usize) -> bool {
    let words = crate::lexicon::lists();
    let l = cx.low(i);
    if words.adjunct_openers.contains(&l) {
        return true;
    }
    let next = cx.low(i + 1);
    // "endorsed Trump last week", "backed Lund in December": a bare time
    // phrase or a month closes the content only where nothing but
    // punctuation follows it ("a report this month charging …" and "an
    // announcement last year that …" go on).
    let closes = |j: usize| {
        let j = (j..end)
            .find(|&j| !cx.low(j).bytes().all(|b| b.is_ascii_digit()))
            .unwrap_or(end);
        j >= end || (!cx.is_word(j) && !cx.is_mark(j)) || matches!(cx.low(j), "and" | "but")
    };
    let month = cx.is_cap(i + 1) && lexicon::calendar().month(next).is_some();
    if matches!(l, "last" | "this" | "next")
        && (cx.lex.is_time_word(next) || month)
        && closes(i + 2)
    {
        return true;
    }
    if !matches!(l, "in" | "on" | "at") {
        return false;
    }
    (month && closes(i + 2))
        || cx.lex.is_time_word(next)
        || (matches!(next, "a" | "an" | "the" | "his" | "her" | "their" | "its")
            && (i + 2..(i + 5).min(end)).any(|j| words.media_nouns.contains(&cx.low(j))))
}
