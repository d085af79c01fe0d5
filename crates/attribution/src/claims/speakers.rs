//! Speakers that are not simply the phrase before the cue: after it
//! ("said David Axelrod"), shared with a coordinated verb, the agent of a
//! participle ("by Chinese media"), or the subject of the sentence.

use super::*;

/// "…, said David Axelrod, a former strategist.": after a comma or a
/// closing mark, a cue followed by a name that ends at a comma or the
/// sentence end names its speaker after it.
pub(super) fn inverted_speaker(
    cx: &Context,
    s: usize,
    e: usize,
    cue: usize,
) -> Option<SpeakerPhrase> {
    if cue == s || !(cx.is_punct(cue - 1, ',') || cx.is_mark(cue - 1)) {
        return None;
    }
    let r = phrases::after(cx, cue + 1, e)?;
    // "…, said of Mrs. Clinton's plan": the cue's topic, not its speaker.
    if crate::lexicon::lists()
        .cue_prepositions
        .contains(&cx.low(r.0))
    {
        return None;
    }
    // "“…,” said the 46-year-old.": right after a quotation, a determiner
    // phrase is a speaker even without a name or role word in it.
    let after_quotation = cx.is_mark(cue - 1)
        && matches!(
            cx.low(r.0),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one" | "another"
        );
    let names_someone = after_quotation
        || (r.0..r.1).any(|i| {
            (cx.is_cap(i) && !cx.lex.is_not_name(cx.low(i)) && !cx.lex.is_time_word(cx.low(i)))
                || cx.lex.is_role(cx.low(i))
        });
    let ends = r.1 >= e
        || cx.is_punct(r.1, ',')
        || cx.is_punct(r.1, '.')
        || cx.is_punct(r.1, ';')
        || cx.is_punct(r.1, '(');
    (names_someone && ends).then(|| SpeakerPhrase {
        range: r,
        ..SpeakerPhrase::default()
    })
}

/// Who does a verb coordinated with an earlier claim ("… and said …"):
/// the earlier speaker, unless the earlier content was a clause of its own
/// ("according to X, China may have … and stated …"), whose subject it is.
pub(super) fn coordinated_speaker(
    cx: &Context,
    earlier: &Claim,
    cue: usize,
) -> Option<SpeakerPhrase> {
    let (start, end) = earlier.content;
    let cut_here = end <= cue && cue - end <= 3;
    let clause = earlier.cue.is_some_and(|(cs, _)| {
        cx.low(cs) == "according" || cx.low(start.saturating_sub(1)) == "that"
    });
    if cut_here && clause && !earlier.cue_after {
        if let Some(p) = subject(cx, start, cue) {
            return Some(p);
        }
    }
    earlier.speaker.clone()
}

/// "by X" shortly before a participle names its agent.
pub(super) fn agent_by(cx: &Context, from: usize, cue: usize) -> Option<SpeakerPhrase> {
    let lo = cue.saturating_sub(14).max(from);
    let by = (lo..cue).rev().find(|&k| cx.low(k) == "by")?;
    let links = phrases::links(cx, by + 1, cue)?;
    let first = *links.first()?;
    Some(SpeakerPhrase {
        range: first,
        ..SpeakerPhrase::default()
    })
}

/// The subject at the start of a sentence (after a short lead-in clause).
pub(super) fn subject(cx: &Context, s: usize, cue: usize) -> Option<SpeakerPhrase> {
    // "But the court overruled and said …": a leading conjunction is no
    // part of the subject.
    let s = if matches!(cx.low(s), "but" | "and" | "so" | "yet") && s + 1 < cue {
        s + 1
    } else {
        s
    };
    let mut i = s;
    // A lead-in clause ("Walking to the next address, Ebeling … said")
    // may be longer when it opens with a participle or preposition.
    let lead_in_opener = cx.low(s).ends_with("ing")
        || matches!(
            cx.low(s),
            "in" | "on" | "at" | "after" | "before" | "during" | "despite" | "since" | "while"
        );
    let reach = if lead_in_opener { 15 } else { 7 };
    if let Some(comma) = (s..cue.min(s + reach)).find(|&k| cx.is_punct(k, ',')) {
        if !cx.is_cap(s) || cx.lex.is_not_name(cx.low(s)) || lead_in_opener {
            i = comma + 1;
        }
    }
    if cx.lex.pronoun(cx.low(i)).is_some() {
        return Some(SpeakerPhrase {
            range: (i, i + 1),
            ..SpeakerPhrase::default()
        });
    }
    // "Continuing, …", "Asked about …": an opening participle is no subject.
    if cx.low(i).ends_with("ing") || cx.cue(i).is_some() {
        return None;
    }
    let r = phrases::after(cx, i, cue)?;
    // A name subject is its capitalised run ("Romney fired back" → Romney).
    // "Mrs. Clinton has embraced …": a title opens the name.
    let titled = cx.is_cap(r.0) && cx.lex.is_title(cx.low(r.0));
    let r = if cx.is_cap(r.0) && (titled || !cx.lex.is_not_name(cx.low(r.0))) {
        let mut k = r.0;
        while k < r.1 && (cx.is_cap(k) || cx.is_punct(k, '.') || cx.is_punct(k, '-')) {
            k += 1;
        }
        (r.0, k)
    } else if cx.low(r.0) == "the" {
        let head = (r.0 + 1..r.1).find(|&k| cx.lex.is_role(cx.low(k)) || cx.is_cap(k));
        match head {
            // "the U.S. Court of Appeals": the head's whole capitalised run.
            Some(h) if cx.is_cap(h) => (r.0, capitalised_run_end(cx, h, r.1)),
            Some(h) => (r.0, h + 1),
            None => return None,
        }
    } else {
        return None;
    };
    Some(SpeakerPhrase {
        range: r,
        ..SpeakerPhrase::default()
    })
}

/// The end of the capitalised name starting at `h` (before `limit`):
/// capitalised words, inner dots and hyphens, and "of" between capitalised
/// words ("U.S. Court of Appeals").
fn capitalised_run_end(cx: &Context, h: usize, limit: usize) -> usize {
    let mut k = h;
    while k < limit {
        let name_part = cx.is_cap(k) || cx.is_punct(k, '.') || cx.is_punct(k, '-');
        let joins = cx.low(k) == "of" && k + 1 < limit && cx.is_cap(k + 1);
        if !(name_part || joins) {
            break;
        }
        k += 1;
    }
    // A trailing dot ends the sentence, not the name.
    if k > h + 1 && cx.is_punct(k - 1, '.') && !cx.is_cap(k.saturating_sub(2)) {
        k -= 1;
    }
    k.max(h + 1)
}
