//! "The numbers were even more dramatic, showing A outspending B, Ross
//! said": a reported clause attributed by a speech cue (or "according to")
//! after it encloses the stance claims found inside it. PolNeAR annotates
//! the enclosing claim, so its content runs from the sentence start and the
//! inner claims are dropped.

use super::*;

/// Folds the stance claims of the sentence starting at `s` (its claims are
/// `claims[first..]`) into the last one when that one's content comes
/// before its speech cue.
pub(super) fn absorb_stance_claims(cx: &Context, claims: &mut Vec<Claim>, first: usize, s: usize) {
    let Some(last) = claims.len().checked_sub(1).filter(|&l| l >= first) else {
        return;
    };
    let c = &claims[last];
    let Some((cue, _)) = c.cue else { return };
    if !c.cue_after || c.kind == QuoteKind::Direct || c.content.1 > cue || c.content.0 <= s {
        return;
    }
    let reports = |k: usize| is_speech_verb(cx, k) || cx.low(k) == "according";
    if !reports(cue) {
        return;
    }
    let start = c.content.0;
    let inner: Vec<usize> = (first..last)
        .filter(|&k| {
            let d = &claims[k];
            d.content.0 >= s
                && d.content.1 <= start + 1
                && d.kind != QuoteKind::Direct
                && d.cue.is_some_and(|(dc, _)| dc >= s && !reports(dc))
        })
        .collect();
    if inner.is_empty() {
        return;
    }
    claims[last].content.0 = s;
    claims[last].kind = kind_of(cx, claims[last].content);
    for k in inner.into_iter().rev() {
        claims.remove(k);
    }
}
