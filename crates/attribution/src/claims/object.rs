//! "Dayton is backing Hillary Clinton, but he's not predicting …", "Cruz
//! endorsed the plan, prompting a walkout": a stance verb that takes a
//! noun phrase, not a clause, has that phrase as its content; PolNeAR ends
//! it before a comma that opens another clause (", but …", ", prompting
//! …"), where the reported clause of a speech verb would run on. (Trailing adjuncts, "at a press conference", are left
//! in: cutting there cost more than it gained on PolNeAR.)

use super::*;

/// Word beginnings of cues whose content is usually a clause ("said (that)
/// …", "believes …"): their content runs on as a clause does.
const CLAUSAL_STEMS: &[&str] = &[
    "say",
    "said",
    "tell",
    "told",
    "add",
    "argu",
    "claim",
    "insist",
    "note",
    "warn",
    "writ",
    "wrote",
    "explain",
    "suggest",
    "believ",
    "think",
    "thought",
    "know",
    "knew",
    "predict",
    "acknowledg",
    "admit",
    "contend",
    "assert",
    "maintain",
    "recall",
    "repl",
    "respond",
    "conclud",
    "announc",
    "report",
    "estimat",
    "show",
    "found",
    "find",
    "agree",
    "fear",
    "hope",
    "expect",
    "feel",
    "felt",
    "deni",
    "deny",
    "declar",
    "complain",
    "stress",
    "emphas",
    "point",
    "speculat",
    "wonder",
    "indicat",
    "confirm",
    "testif",
    "ask",
    "reveal",
    "disclos",
    "observ",
    "remark",
    "conced",
    "counter",
    "reckon",
    "guess",
    "assum",
    "imagin",
    "doubt",
    "worr",
    "stat",
    "decid",
    "plan",
    "want",
    "seem",
    "appear",
    "promis",
    "pledg",
    "vow",
    "threat",
    "urg",
    "call",
    "accus",
    "quot",
    "cit",
];

/// Words that open a clause, not a noun phrase, as a content's first word.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "whether", "if", "how", "why", "what", "when", "where", "who", "to",
];

/// Whether the cue at `cue` takes a noun-phrase content starting at `k`.
pub(super) fn takes_noun_phrase(cx: &Context, cue: usize, k: usize) -> bool {
    let l = cx.low(cue);
    let clausal = CLAUSAL_STEMS.iter().any(|s| l.starts_with(s));
    let after_that = k > 0 && cx.low(k - 1) == "that";
    !clausal
        && !after_that
        && !CLAUSE_OPENERS.contains(&cx.low(k))
        && cx.opens[k].is_none()
        && cx.is_word(k)
}

/// Words that, after a comma, open what follows a noun phrase rather than
/// an apposition or a list item.
const AFTER_PHRASE: &[&str] = &[
    "but",
    "and",
    "while",
    "just",
    "as",
    "although",
    "though",
    "because",
    "since",
    "even",
    "when",
    "after",
    "before",
    "like",
    "then",
    "so",
    "yet",
    "despite",
    "prompting",
    "leading",
];

/// The end of a noun-phrase content `(k, end)`: a comma outside quotation
/// marks that a conjunction, adverbial or participle follows ("Hillary
/// Clinton, but he's not predicting …", "…, leading authorities to …");
/// a comma before an apposition or a list item stays inside.
pub(super) fn noun_phrase_end(cx: &Context, k: usize, end: usize) -> usize {
    (k + 1..end)
        .find(|&i| {
            !cx.inside[i]
                && cx.is_punct(i, ',')
                && (AFTER_PHRASE.contains(&cx.low(i + 1)) || cx.low(i + 1).ends_with("ing"))
        })
        .unwrap_or(end)
}
