//! "While only 7 percent said they are undecided, 27 percent … said …",
//! "After the court refused to reconsider the decision, Schuette asked …":
//! a cue inside a subordinate clause that opens its sentence has a content
//! ending where that clause does, at its comma; the main clause is another
//! matter (often another claim).

use super::*;

/// The end of a content `(k, end)` whose cue at `cue` sits in a
/// subordinate clause opening the sentence at `s`: the first comma after
/// `k` outside quotation marks; `end` when the cue is in the main clause.
pub(super) fn subordinate_clause_end(
    cx: &Context,
    s: usize,
    cue: usize,
    k: usize,
    end: usize,
) -> usize {
    let opener = if matches!(cx.low(s), "but" | "and" | "yet" | "so") {
        s + 1
    } else {
        s
    };
    if opener >= cue
        || !crate::lexicon::lists()
            .subordinators
            .contains(&cx.low(opener))
    {
        return end;
    }
    if (opener..cue).any(|i| cx.is_punct(i, ',') || cx.inside[i]) {
        return end;
    }
    (k + 1..end)
        .find(|&i| !cx.inside[i] && cx.is_punct(i, ','))
        .unwrap_or(end)
}
