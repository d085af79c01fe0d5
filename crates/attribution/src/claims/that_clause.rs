//! Stance nouns and adjectives with a "that" clause: "his assertion that
//! …", "made the case that …", "Clinton is confident that …", "made it
//! clear that …". The clause is the content; the speaker is the noun's
//! possessor or the sentence's subject.

use super::*;

/// The claim whose cue is the stance word at `cue`, directly followed by
/// "that" and a clause.
pub(super) fn that_clause(
    cx: &Context,
    s: usize,
    e: usize,
    cue: usize,
    clause_start: usize,
) -> Option<Claim> {
    // The "that" first: it rules out almost every word, where the two
    // lists are scanned word by word.
    if cue <= s || cx.low(cue + 1) != "that" {
        return None;
    }
    let l = cx.low(cue);
    let noun = crate::lexicon::lists().stance_nouns.contains(&l);
    if !(noun || crate::lexicon::lists().stance_adjectives.contains(&l)) {
        return None;
    }
    // "the idea that" after "so" or "such" is a result, not a stance.
    if matches!(cx.low(cue - 1), "so" | "such" | "now") {
        return None;
    }
    let content = right_content(cx, cue + 2, e)?;
    if cx.word_count(content.0, content.1) < 3 {
        return None;
    }
    let floor = clause_start.max(s);
    // A noun's speaker is its possessor ("his assertion that …"), else, as
    // an adjective's, the subject ("Clinton is confident that …", "Cruz
    // made the case that …").
    let possessed = if noun {
        possessor(cx, floor, cue)
    } else {
        None
    };
    let speaker = possessed.or_else(|| subject(cx, floor, cue).map(|p| p.range));
    Some(Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((cue, cue + 1)),
        speaker: speaker.map(|range| SpeakerPhrase {
            range,
            ..SpeakerPhrase::default()
        }),
        cue_after: false,
    })
}
