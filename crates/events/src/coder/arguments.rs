//! Compound arguments the chunker leaves in pieces: it joins names
//! ("Iran, Russia and Syria"), but role phrases ("President Obama and
//! President Putin", "the Kenyan president and the Ugandan foreign
//! minister") come out as separate phrases. Each member of a coordination
//! is a source or target of its own.

use super::Sentence;
use crate::phrases::ActorRef;

/// The phrases coordinated with phrase `idx`, itself included, in text
/// order: neighbours joined by "and", "or" or a list comma, with the same
/// preposition (none for a subject). A list of commas counts only when an
/// "and" or "or" closes it, so an apposition ("Obama, the president,")
/// stays one actor.
pub(super) fn coordinated(s: &Sentence, idx: usize) -> Vec<usize> {
    let Some(p) = s.phrases.get(idx) else {
        return Vec::new();
    };
    if p.possessive {
        return vec![idx];
    }
    // Members to the left, nearest first, with whether their joiner was
    // a conjunction.
    let mut left: Vec<(usize, bool)> = Vec::new();
    let mut k = idx;
    while let Some(prev) = k.checked_sub(1) {
        let (a, b) = (&s.phrases[prev], &s.phrases[k]);
        let Some(conjunction) = joiner(s, a.end, b.start) else {
            break;
        };
        // The rightmost member keeps its preposition ("with Kenya and
        // Uganda"); the others have the first one's.
        let same_preposition = if k == idx {
            b.preposition.is_none() || a.preposition == b.preposition
        } else {
            b.preposition.is_none()
        };
        if !same_preposition || a.possessive || a.actors.is_empty() {
            break;
        }
        left.push((prev, conjunction));
        k = prev;
    }
    let mut right: Vec<(usize, bool)> = Vec::new();
    let mut k = idx;
    while k + 1 < s.phrases.len() {
        let (a, b) = (&s.phrases[k], &s.phrases[k + 1]);
        let Some(conjunction) = joiner(s, a.end, b.start) else {
            break;
        };
        if b.preposition.is_some() || b.possessive || b.actors.is_empty() {
            break;
        }
        right.push((k + 1, conjunction));
        k += 1;
    }
    // A comma list must end in a conjunction: cut the comma-only members
    // past the last conjunction on each side.
    let keep = |side: &[(usize, bool)]| -> Vec<usize> {
        let last = side.iter().rposition(|(_, c)| *c).map_or(0, |n| n + 1);
        side[..last].iter().map(|(i, _)| *i).collect()
    };
    let mut members = keep(&left);
    members.reverse();
    members.push(idx);
    members.extend(keep(&right));
    members
}

/// What joins two phrases when only a conjunction or list comma (and an
/// article) lies between tokens `from` and `to`: `Some(true)` for "and",
/// "or", ", and"; `Some(false)` for a bare comma; `None` otherwise.
fn joiner(s: &Sentence, from: usize, to: usize) -> Option<bool> {
    let between = s.tokens.get(from..to)?;
    let words: Vec<&str> = between
        .iter()
        .map(|t| t.lower.as_str())
        .filter(|w| !matches!(*w, "the" | "a" | "an"))
        .collect();
    match words.as_slice() {
        ["and"] | ["or"] | [",", "and"] | [",", "or"] => Some(true),
        [","] => Some(false),
        _ => None,
    }
}

/// The actors of phrase `idx` and of the phrases coordinated with it,
/// leaving out the phrases in `skip` (the other side of the event).
pub(super) fn actors_of(s: &Sentence, idx: usize, skip: &[usize]) -> Vec<ActorRef> {
    coordinated(s, idx)
        .into_iter()
        .filter(|i| *i == idx || !skip.contains(i))
        .flat_map(|i| s.phrases[i].actors.iter().cloned())
        .collect()
}

/// Codes whose event goes both ways even with a target named ("Kerry met
/// the Russian foreign minister": both met; "signed a deal with"): the
/// annotation guide's reciprocal verbs.
pub(super) fn is_reciprocal(code: &str) -> bool {
    matches!(code, "040" | "041" | "044" | "046" | "057")
}
