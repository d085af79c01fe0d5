//! A cue inside another claim's content starts a claim of its own ("Packer
//! said the focus is taking a toll, pointing to Cruz's victories"; "… and
//! they rejected any implication that …"). PolNeAR gives each token to at
//! most one attribution, so the outer content ends where the inner claim's
//! speaker (or its participle) begins.

use super::*;

/// A claim whose cue at `cue` lies inside the content of `outer`, and the
/// outer content's new end. `None` when the cue reads as part of the outer
/// clause (no speaker of its own inside it, or nothing left of the outer).
pub(super) fn nested(
    cx: &Context,
    outer: &Claim,
    e: usize,
    cue: usize,
    class: CueClass,
) -> Option<(Claim, usize)> {
    // "Trump wants the votes and Peña Nieto wants to be a hero": a named
    // subject after "and" makes even a private state a claim of its own.
    let named_after_and = cue >= 2 && cx.is_cap(cue - 1) && {
        let mut b = cue;
        while b > 0 && cx.is_cap(b - 1) {
            b -= 1;
        }
        b > 0 && matches!(cx.low(b - 1), "and" | "but" | "while")
    };
    if outer.kind == QuoteKind::Direct
        || (crate::lexicon::lists()
            .private_states
            .contains(&cx.low(cue))
            && !named_after_and)
    {
        return None;
    }
    let (os, oe) = outer.content;
    let (inner, cut) = match class {
        CueClass::Participle => {
            // "…, pointing to …" continues the outer speaker's action.
            if !matches!(cx.tokens[cue - 1].kind(), TokenKind::Punct(',' | '—' | '–')) {
                return None;
            }
            let c = participle(cx, os, e, cue, std::slice::from_ref(outer), None)?;
            (c, cue - 1)
        }
        _ if coordinated_with_outer(cx, os, cue).is_some() => {
            // "… said A, but cautioned against B": the outer speaker's next
            // claim, cut at the conjunction.
            let conj = coordinated_with_outer(cx, os, cue)?;
            let c = continued_claim(cx, outer, e, cue, class)?;
            (c, conj)
        }
        // The inner claim needs a speaker of its own inside the outer
        // content, before the cue: a cue that opens the content, or stands
        // right after its first token ("said talks would go on"), has none:
        // its claim is not read only to be dropped.
        _ if cue < os + 2 => return None,
        _ => {
            let c = finite(cx, os, e, cue, class, &[])?;
            let sp = c.speaker.as_ref()?;
            let own_speaker = sp.range.0 > os && sp.range.1 <= cue;
            if !own_speaker
                || c.content.0 <= cue
                || !opens_clause(cx, sp.range.0)
                || after_opening_adverbial(cx, os, sp.range.0)
            {
                return None;
            }
            let cut = sp.range.0;
            (c, cut)
        }
    };
    if inner.content.1 > e || inner.content.0 < cue {
        return None;
    }
    let mut end = cut.min(oe);
    while end > os
        && (matches!(cx.tokens[end - 1].kind(), TokenKind::Punct(c) if c != ')')
            || crate::lexicon::lists().dangling.contains(&cx.low(end - 1)))
    {
        end -= 1;
    }
    (cx.word_count(os, end) >= 1).then_some((inner, end))
}

/// Whether a speaker phrase starting at `k` opens a clause of its own ("…,
/// and they rejected …", "… while doctors warned …") rather than sitting in
/// the outer content's reported clause ("said he expected …") or a relative
/// clause ("a Muslim who pledged …").
fn opens_clause(cx: &Context, k: usize) -> bool {
    if k == 0 || matches!(cx.low(k), "who" | "which" | "that" | "whom" | "whose") {
        return false;
    }
    // "that she and her supporters never doubted …": a subject pronoun
    // before "and" makes one coordinated subject, not a new clause.
    if k >= 2
        && cx.low(k - 1) == "and"
        && matches!(cx.low(k - 2), "she" | "he" | "i" | "we" | "they")
    {
        return false;
    }
    matches!(
        cx.tokens[k - 1].kind(),
        TokenKind::Punct(',' | ';' | '—' | '–')
    ) || (crate::lexicon::lists().dangling.contains(&cx.low(k - 1)) && cx.low(k - 1) != "as")
}

/// The conjunction ("and", "but") that coordinates the verb at `cue` with
/// the outer claim's verb, if the words between are only auxiliaries and
/// adverbs ("and has also not answered …").
fn coordinated_with_outer(cx: &Context, os: usize, cue: usize) -> Option<usize> {
    let mut b = cue;
    while b > os && cx.between(b - 1) {
        b -= 1;
    }
    (b > os + 1 && matches!(cx.low(b - 1), "and" | "but")).then_some(b - 1)
}

/// The claim of a cue that continues the outer speaker's sentence: its
/// content after the cue (addressee, adjuncts, particle or "to" skipped),
/// its speaker the outer one.
fn continued_claim(
    cx: &Context,
    outer: &Claim,
    e: usize,
    cue: usize,
    class: CueClass,
) -> Option<Claim> {
    let mut speaker = outer.speaker.clone()?;
    let mut k = skip_adjuncts(cx, cue + 1, e, &mut speaker.via);
    if class == CueClass::Tell {
        k = skip_object(cx, k, e, &mut speaker.via);
        k = skip_adjuncts(cx, k, e, &mut speaker.via);
    }
    let mut cue_end = cue + 1;
    let content = if takes_particle(cx, cue, k) {
        cue_end = k + 1;
        right_content(cx, k + 1, e)?
    } else {
        let intentions = &crate::lexicon::lists().intention_cues;
        intended_or_right_content(cx, cue, k, e, intentions)?
    };
    Some(Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((cue, cue_end)),
        speaker: Some(speaker),
        cue_after: false,
    })
}

/// "disclosed that after the rape, Bill Clinton called her …": the comma
/// before `k` closes an adverbial opening the outer content, so what
/// follows is still the outer clause.
fn after_opening_adverbial(cx: &Context, os: usize, k: usize) -> bool {
    let start = if cx.low(os) == "that" { os + 1 } else { os };
    k >= 2
        && cx.is_punct(k - 1, ',')
        && crate::lexicon::lists()
            .adverbial_openers
            .contains(&cx.low(start))
        && !(start..k - 1).any(|j| cx.is_punct(j, ','))
}
