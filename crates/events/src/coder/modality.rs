//! Clues to whether an event is a fact: conditions ("if …"), denials
//! ("denied that …"), quotation marks and reporting words.

use crate::tokens::Token;
use model::{MentionIndex, Span};

/// Reporting words: an event in a sentence with one of these is reported.
/// (`lexicon`'s `event_words.txt`, `[report-words]`.)
pub(super) static CUES: std::sync::LazyLock<&lexicon::WordSet<'static>> =
    std::sync::LazyLock::new(|| &lexicon::event_words().report_words);

/// Whether token `i` sits in an "if …" or "whether …" clause (up to the
/// next comma): `modality_words.txt`'s condition openers.
pub(super) fn in_condition(tokens: &[Token], i: usize) -> bool {
    let mut k = i;
    while k > 0 {
        k -= 1;
        let w = tokens[k].lower.as_str();
        if matches!(w, "," | ";" | ":" | "." | "“" | "”") {
            return false;
        }
        if lexicon::modality_words().condition_openers.contains(&w) {
            return true;
        }
        if w == "event" && k >= 2 && tokens[k - 1].lower == "the" && tokens[k - 2].lower == "in" {
            return true;
        }
    }
    false
}

/// Whether a condition follows the verb ending at token `last` in its
/// clause ("would be supportive if Paris agreed", "will attack unless the
/// raids stop"): for a verb of "would" or "will" the act is then only
/// promised on that condition, not done. An embedded question is no
/// condition ("will decide if", "asked if": `modality_words.txt`'s
/// `[question-verbs]` before the opener), nor is "even if" or "as if"
/// (the act is told whatever happens).
pub(super) fn condition_after(tokens: &[Token], last: usize) -> bool {
    let words = lexicon::modality_words();
    for k in last + 1..tokens.len() {
        let w = tokens[k].lower.as_str();
        // A comma ends the clause ("would honor its commitment, given his
        // comments saying he would leave if elected") unless the condition
        // follows it ("would retaliate, if attacked").
        let comma_if = w == ","
            && tokens
                .get(k + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "if" | "unless"));
        if matches!(
            w,
            ";" | ":" | "." | "—" | "–" | "“" | "”" | "\"" | "but" | ","
        ) && !comma_if
        {
            return false;
        }
        if !matches!(w, "if" | "unless") {
            continue;
        }
        let before = tokens[k - 1].lower.as_str();
        let asked = crate::lemma::candidates(before)
            .iter()
            .any(|l| words.question_verbs.contains(&l.as_str()));
        return !(asked || matches!(before, "even" | "as"));
    }
    false
}

/// Whether the verb group from `start` to the head `head` is "would have"
/// and a participle ("would have criticized"): what would have been done,
/// which was not, in reported speech as much as in the article's own.
pub(super) fn counterfactual(tokens: &[Token], start: usize, head: usize) -> bool {
    tokens[start..head].windows(2).any(|w| {
        matches!(w[0].lower.as_str(), "would" | "'d")
            && matches!(w[1].lower.as_str(), "have" | "'ve")
    })
}

/// Whether token `i` sits in a concessive clause that opens the sentence
/// ("Although Iran has criticized Israel, …", "Even as he said he opposes
/// …, …"), up to its first comma. Such a clause is background to what the
/// sentence reports, not news of its own. "While" is left out: it opens
/// news as often as background ("While he refused to release …, he …").
pub(super) fn in_concession(tokens: &[Token], i: usize) -> bool {
    let mut words = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| !matches!(t.text, "\"" | "“" | "'" | "‘" | "(" | "—" | "–"));
    let Some((first, t)) = words.next() else {
        return false;
    };
    let opens = match t.lower.as_str() {
        "although" | "though" => true,
        "even" => words
            .next()
            .is_some_and(|(_, n)| matches!(n.lower.as_str(), "as" | "though" | "if")),
        _ => false,
    };
    opens
        && i > first
        && !tokens[first..i]
            .iter()
            .any(|t| matches!(t.text, "," | ";" | ":" | "."))
}

/// Whether the verb at `head` takes an object that "no" opens ("offered
/// no apologies", "gave no support to the rebels", "made no threats"): the
/// act is denied, not done. "no fewer than", "no longer" and the like are
/// no determiner (`modality_words.txt`'s `[not-a-denial-after-no]`). A
/// rejection (root 12) whose pattern holds the "no" itself ("made no
/// concessions") is the caller's to keep.
pub(super) fn denied_object(tokens: &[Token], head: usize) -> bool {
    tokens.get(head + 1).is_some_and(|t| t.lower == "no")
        && !tokens.get(head + 2).is_some_and(|n| {
            lexicon::modality_words()
                .not_a_denial_after_no
                .contains(&n.lower.as_str())
        })
}

/// Whether the head at `i` is inside a complement of "deny" ("denied that it had …").
pub(super) fn in_denial(tokens: &[Token], i: usize) -> bool {
    tokens[..i].iter().enumerate().any(|(k, t)| {
        crate::lemma::candidates(&t.lower)
            .iter()
            .any(|l| l == "deny")
            && tokens.get(k + 1).is_some_and(|n| n.lower == "that")
    })
}

/// The index of the quote around `span`, if any (`quotes`: the
/// document's quotes, indexed by `MentionIndex::of_spans`).
pub(super) fn quote_of(quotes: &MentionIndex, span: Span) -> Option<usize> {
    quotes.entity_containing(span)
}

/// Whether token `i` is between quotation marks of its sentence.
pub(super) fn inside_marks(tokens: &[Token], i: usize) -> bool {
    let mut open = false;
    for t in &tokens[..i] {
        match t.text {
            "“" => open = true,
            "”" => open = false,
            "\"" => open = !open,
            _ => {}
        }
    }
    open
}
