//! Claims of appearance and expectation with no named source: "The speaker
//! appeared closer to an endorsement", "Trump is expected to deliver a
//! speech". PolNeAR annotates these as attributions without a speaker whose
//! content is the whole clause, cue included; "It appears that …" takes
//! only the clause after "that". Hearsay adverbs ("reportedly") work alike.

use super::*;

/// Whether the word at `i` is an evidential cue: a verb of appearance (one
/// not followed by a place: "appeared on Fox News" is not an impression)
/// or "expected to" after a form of "be".
fn is_evidential(cx: &Context, i: usize) -> bool {
    let l = cx.low(i);
    if crate::lexicon::lists().appearance.contains(&l) {
        let next = cx.low(i + 1);
        let appeared_somewhere = l.starts_with("appear")
            && matches!(next, "on" | "in" | "at" | "before" | "with" | "as" | "for");
        return !appeared_somewhere && (cx.is_word(i + 1) || cx.is_punct(i + 1, ','));
    }
    // "The club is reportedly spending $1.5 million": hearsay the writer
    // passes on without naming its source.
    // "Trump reportedly said …" is the cue's claim, with its speaker.
    if matches!(l, "reportedly" | "allegedly" | "seemingly") {
        let mut j = i + 1;
        while cx.between(j) {
            j += 1;
        }
        return cx.cue(j).is_none();
    }
    l == "expected"
        && i > 0
        && crate::lexicon::lists().be.contains(&cx.low(i - 1))
        && cx.low(i + 1) == "to"
}

/// The evidential claim whose cue is at `cue` in sentence `s..e`, if any.
/// `clause_start` is where the sentence's text not yet claimed begins.
pub(super) fn evidential(
    cx: &Context,
    s: usize,
    e: usize,
    cue: usize,
    clause_start: usize,
) -> Option<Claim> {
    if !is_evidential(cx, cue) {
        return None;
    }
    // "It appears, though, that …": the impression is the that-clause.
    if cue > s && cx.low(cue - 1) == "it" {
        let that = (cue + 1..(cue + 5).min(e)).find(|&j| cx.low(j) == "that")?;
        let content = right_content(cx, that + 1, e)?;
        return Some(unsourced(cx, content, cue));
    }
    // The subject: back from the cue to the clause's start, a comma, a
    // colon or a dash outside quotations.
    let floor = clause_start.max(s);
    let mut start = cue;
    while start > floor && !is_clause_boundary(cx, start - 1) {
        start -= 1;
    }
    if matches!(cx.low(start), "and" | "but" | "so" | "yet") {
        start += 1;
    }
    if start >= cue {
        return None;
    }
    let relative = crate::lexicon::lists().relatives.contains(&cx.low(start));
    let mut end = e;
    for i in cue + 1..e {
        if cx.inside[i] {
            continue;
        }
        if (relative && cx.is_punct(i, ',')) || ends_reported_clause(cx, i, e) {
            end = i;
            break;
        }
    }
    while end > cue && matches!(cx.tokens[end - 1].kind(), TokenKind::Punct(c) if c != ')') {
        end -= 1;
    }
    if end <= cue + 1 || cx.word_count(start, end) < 3 {
        return None;
    }
    Some(unsourced(cx, (start, end), cue))
}

/// Whether token `i` is punctuation outside quotations that opens a new
/// clause after it (a comma, colon, semicolon, dash or parenthesis).
fn is_clause_boundary(cx: &Context, i: usize) -> bool {
    !cx.inside[i]
        && matches!(
            cx.tokens[i].kind(),
            TokenKind::Punct(',' | ':' | ';' | '—' | '–' | '(')
        )
}

/// A claim with no speaker and the cue at `cue`.
fn unsourced(cx: &Context, content: (usize, usize), cue: usize) -> Claim {
    Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((cue, cue + 1)),
        speaker: None,
        cue_after: false,
    }
}
