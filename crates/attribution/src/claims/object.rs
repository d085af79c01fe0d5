//! "Dayton is backing Hillary Clinton, but he's not predicting …", "Cruz
//! endorsed the plan, prompting a walkout": a stance verb that takes a
//! noun phrase, not a clause, has that phrase as its content; PolNeAR ends
//! it before a comma that opens another clause (", but …", ", prompting
//! …"), where the reported clause of a speech verb would run on. (Trailing adjuncts, "at a press conference", are left
//! in: cutting there cost more than it gained on PolNeAR.)

use super::*;

/// Whether the cue at `cue` takes a noun-phrase content starting at `k`.
pub(super) fn takes_noun_phrase(cx: &Context, cue: usize, k: usize) -> bool {
    let l = cx.low(cue);
    let clausal = lexicon::attribution_words()
        .clausal_stems
        .iter()
        .any(|s| l.starts_with(s));
    let after_that = k > 0 && cx.low(k - 1) == "that";
    !clausal
        && !after_that
        && !lexicon::attribution_words()
            .clause_openers
            .contains(&cx.low(k))
        && cx.opens[k].is_none()
        && cx.is_word(k)
}

/// The end of a noun-phrase content `(k, end)`: a comma outside quotation
/// marks that a conjunction, adverbial or participle follows ("Hillary
/// Clinton, but he's not predicting …", "…, leading authorities to …");
/// a comma before an apposition or a list item stays inside.
pub(super) fn noun_phrase_end(cx: &Context, k: usize, end: usize) -> usize {
    (k + 1..end)
        .find(|&i| {
            !cx.inside[i]
                && cx.is_punct(i, ',')
                && (lexicon::attribution_words()
                    .after_phrase
                    .contains(&cx.low(i + 1))
                    || cx.low(i + 1).ends_with("ing"))
        })
        .unwrap_or(end)
}
