//! Cues in relative clauses: "Cruz, who says Trump is attacking him …",
//! "a new poll that shows …", "the report, which concluded that …". The
//! speaker is the noun the clause hangs on; a clause set off by a comma
//! ends at the next comma.

use super::*;

/// A claim whose cue at `cue` is the verb of a relative clause, or `None`.
pub(super) fn relative(cx: &Context, s: usize, e: usize, cue: usize) -> Option<Claim> {
    let mut rel = cue;
    while rel > s && cx.between(rel - 1) {
        rel -= 1;
    }
    if rel <= s || !crate::lexicon::lists().relatives.contains(&cx.low(rel - 1)) {
        return None;
    }
    rel -= 1;
    // "that" after a cue is a complementizer ("said that believes …" is
    // not English, but "said that voters want …" has its own subject).
    if rel == s
        || !matches!(
            cx.tokens[rel - 1].kind(),
            TokenKind::Word | TokenKind::Punct(',')
        )
    {
        return None;
    }
    if cx.low(rel) == "that" && (cx.cue(rel - 1).is_some() || cx.is_punct(rel - 1, ',')) {
        return None;
    }
    let set_off = cx.is_punct(rel - 1, ',');
    let head_end = if set_off { rel - 1 } else { rel };
    let range = phrases::before(cx, s, head_end)
        .map(|p| p.range)
        .filter(|r| r.1 == head_end)
        .unwrap_or((rel, rel + 1));
    let mut via = Vec::new();
    let mut k = skip_adjuncts(cx, cue + 1, e, &mut via);
    let mut cue_end = cue + 1;
    if k == cue + 1 && particle_of(cx.low(cue)) == Some(cx.low(k)) {
        k += 1;
        cue_end = k;
    } else if intention_to(cx, cue, k, &crate::lexicon::lists().intention_cues) {
        k += 1;
    }
    let (start, mut end) = right_content(cx, k, e)?;
    if set_off {
        if let Some(stop) = (start..end)
            .find(|&j| !cx.inside[j] && matches!(cx.tokens[j].kind(), TokenKind::Punct(',' | ';')))
        {
            end = stop;
        }
    }
    // "Peter King, who endorsed Rubio on Tuesday, …": a noun-phrase
    // object ends as it does in a main clause.
    if takes_noun_phrase(cx, cue, start) {
        end = noun_phrase_end(cx, start, end);
    }
    if cx.word_count(start, end) == 0 {
        return None;
    }
    let content = (start, end);
    Some(Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((cue, cue_end)),
        speaker: Some(SpeakerPhrase {
            range,
            role: None,
            via,
        }),
        cue_after: false,
    })
}

/// Whether the cue at `cue` is the verb of a relative clause set off by a
/// comma (", who has criticized …").
pub(super) fn set_off_relative(cx: &Context, s: usize, cue: usize) -> bool {
    let mut rel = cue;
    while rel > s && cx.between(rel - 1) {
        rel -= 1;
    }
    rel > s + 1 && matches!(cx.low(rel - 1), "who" | "which") && cx.is_punct(rel - 2, ',')
}
