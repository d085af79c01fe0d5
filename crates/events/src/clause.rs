//! The verb group in front of a trigger: auxiliaries, negation, modals and
//! the verb that governs an infinitive ("will try to persuade", "would not
//! give", "refused to release", "asked China to help") — what decides an
//! event's modality, and where its subject is to be found.

use crate::lemma;
use crate::tokens::Token;

/// How the verb that governs a "to"-infinitive bears on the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Governor {
    /// "promise/pledge/offer/agree to": an expressed intent.
    Intent,
    /// "try/plan/continue/prepare/be scheduled to": planned or ongoing.
    Aspect,
    /// "want/hope/need to": wished for, not done.
    Want,
    /// "refuse/fail/decline to": will not or did not happen.
    Refuse,
    /// "threaten to".
    Threaten,
}

/// What the words before a trigger say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Chain {
    /// The leftmost token of the verb group (where the subject search starts).
    pub start: usize,
    /// "not", "never", "n't".
    pub negated: bool,
    /// "will", "shall", "going to".
    pub future: bool,
    /// "would".
    pub would: bool,
    /// "could", "might", "may", "can", "should", "must".
    pub hypothetical: bool,
    /// A form of "be" before a past participle.
    pub passive: bool,
    /// The verb governing the infinitive, if any.
    pub governor: Option<Governor>,
    /// An object-control verb ("ask X to", "allow X to"): its token and
    /// the "to" token; the event's subject is the object between them.
    pub controller: Option<(usize, usize)>,
    /// An infinitive of purpose ("met … to discuss").
    pub purpose: bool,
}

/// Verbs (and adjectives) that take a "to"-infinitive with the same subject.
fn governor(lemma: &str) -> Option<Governor> {
    Some(match lemma {
        "promise" | "pledge" | "vow" | "offer" | "agree" | "commit" | "volunteer" | "resolve"
        | "ready" | "willing" => Governor::Intent,
        "try" | "attempt" | "seek" | "aim" | "continue" | "prepare" | "prepared" | "schedule"
        | "scheduled" | "expect" | "expected" | "set" | "due" | "going" | "about" | "begin"
        | "start" | "move" | "poised" | "decide" | "plan" | "intend" | "likely" | "able"
        | "work" | "have" | "use" | "order" | "ordered" | "be" => Governor::Aspect,
        "want" | "hope" | "wish" | "need" | "like" | "seem" | "appear" => Governor::Want,
        "refuse" | "fail" | "decline" | "reluctant" | "unwilling" | "unable" => Governor::Refuse,
        "threaten" => Governor::Threaten,
        _ => return None,
    })
}

/// Verbs whose object is the subject of the infinitive after it.
fn is_controller(lemma: &str) -> bool {
    lexicon::event_words().controller_verbs.contains(lemma)
}

fn lemmas(lower: &str) -> Vec<String> {
    lemma::candidates(lower)
}

fn lemma_is(lower: &str, f: impl Fn(&str) -> bool) -> bool {
    lemmas(lower).iter().any(|l| f(l))
}

/// Reads the verb group that ends right before `head`.
pub fn analyse(tokens: &[Token], head: usize) -> Chain {
    let mut c = Chain {
        start: head,
        ..Chain::default()
    };
    let head_lower = tokens.get(head).map(|t| t.lower.as_str()).unwrap_or("");
    let participle = lemma::is_past_participle(head_lower);
    let mut j = head;
    while j > 0 {
        let k = j - 1;
        let w = tokens[k].lower.as_str();
        // "not only supported … but also": no negation.
        let not_only = w == "not" && tokens.get(k + 1).is_some_and(|n| n.lower == "only");
        if not_only {
        } else if lexicon::modality_words().negations.contains(&w)
            || w.ends_with("n't")
            || w == "cannot"
        {
            c.negated = true;
            if w == "won't" {
                c.future = true;
            } else if matches!(
                w,
                "can't" | "cannot" | "couldn't" | "shouldn't" | "mightn't"
            ) {
                c.hypothetical = true;
            } else if w == "wouldn't" {
                c.would = true;
            }
        } else if lexicon::modality_words().adverbs.contains(&w)
            // "Italy criticized", "Kelly said": a capitalised "-ly" word is
            // a name, the verb's subject, not an adverb of its group.
            || (w.ends_with("ly") && w.len() > 4 && !tokens[k].is_capitalized())
        {
        } else if matches!(w, "will" | "shall" | "'ll") {
            c.future = true;
        } else if w == "would" || w == "'d" {
            c.would = true;
        } else if lexicon::modality_words().hypothetical_modals.contains(&w) {
            c.hypothetical = true;
        } else if lemma_is(w, |l| l == "be" || l == "get") {
            if participle && j == c.start {
                c.passive = true;
            }
        } else if lemma_is(w, |l| l == "have" || l == "do") {
        } else if w == "," && !(k + 1 == head && head_lower.ends_with("ing")) {
            // "did not, officials said, agree", "does not, and never will,
            // accept": the verb group goes on across an inserted clause.
            match inserted_clause(tokens, k) {
                Some((open, Inserted::Report)) => {
                    // What the group's words before it say still counts;
                    // the subject is sought before it either way ("Iran,
                    // the minister said, did not accept").
                    j = open;
                    c.start = open;
                    continue;
                }
                Some((open, Inserted::Auxiliaries)) => {
                    for t in &tokens[open + 1..k] {
                        let w = t.lower.as_str();
                        if lexicon::modality_words().negations.contains(&w) || w.ends_with("n't") {
                            c.negated = true;
                        } else if matches!(w, "will" | "shall" | "'ll") {
                            c.future = true;
                        }
                    }
                    j = open;
                    c.start = open;
                    continue;
                }
                None => break,
            }
        } else if w == "to" {
            // Find what governs the infinitive.
            let mut g = k;
            while g > 0
                && lexicon::modality_words()
                    .adverbs
                    .contains(&tokens[g - 1].lower.as_str())
            {
                if lexicon::modality_words()
                    .negations
                    .contains(&tokens[g - 1].lower.as_str())
                {
                    c.negated = true;
                }
                g -= 1;
            }
            let gov = g
                .checked_sub(1)
                .and_then(|gi| lemmas(&tokens[gi].lower).iter().find_map(|l| governor(l)));
            match gov {
                Some(kind) if c.governor.is_none() => {
                    c.governor = Some(kind);
                    j = g - 1;
                    c.start = j;
                    continue;
                }
                Some(_) => {
                    j = g - 1;
                    c.start = j;
                    continue;
                }
                None => {
                    c.start = k;
                    match find_controller(tokens, k) {
                        Some(ctl) => c.controller = Some((ctl, k)),
                        None => c.purpose = true,
                    }
                    return c;
                }
            }
        } else {
            break;
        }
        j = k;
        c.start = k;
    }
    c
}

/// What a clause set off by commas inside a verb group is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inserted {
    /// A reporting clause: ", officials said,", ", he told reporters,".
    Report,
    /// A coordinated auxiliary group or adverbs: ", and never will,", ",
    /// or will not,", ", however,".
    Auxiliaries,
}

/// The clause that ends with the comma at `close` and opens with an
/// earlier comma, at most six words long, when it is a reporting clause or
/// a coordinated auxiliary group, with the opening comma's index. Only a
/// word of a verb group (an auxiliary, modal, negation or adverb) or the
/// subject may come before the opening comma; the caller reads on from there.
fn inserted_clause(tokens: &[Token], close: usize) -> Option<(usize, Inserted)> {
    let open = (close.saturating_sub(7)..close)
        .rev()
        .find(|&k| tokens[k].text == ",")?;
    let inner = &tokens[open + 1..close];
    if inner.is_empty() || inner.iter().any(|t| !t.is_word()) {
        return None;
    }
    let words = lexicon::modality_words();
    let auxiliary = |w: &str| {
        words.negations.contains(&w)
            || words.adverbs.contains(&w)
            || words.hypothetical_modals.contains(&w)
            || w.ends_with("n't")
            || matches!(w, "will" | "shall" | "would" | "'ll")
            || lemma_is(w, |l| matches!(l, "be" | "have" | "do"))
    };
    let (first, rest) = inner.split_first()?;
    let coordinated = matches!(first.lower.as_str(), "and" | "or" | "but")
        && !rest.is_empty()
        && rest.iter().all(|t| auxiliary(&t.lower));
    // ", however,", ", officially,".
    let adverbial = inner.iter().all(|t| {
        let w = t.lower.as_str();
        words.adverbs.contains(&w) || (w.len() > 4 && w.ends_with("ly") && !t.is_capitalized())
    });
    if coordinated || adverbial {
        return Some((open, Inserted::Auxiliaries));
    }
    let cues = lexicon::cues();
    let reports = inner.iter().any(|t| {
        cues.is_form_of(&t.lower, lexicon::CueClass::Speech)
            || cues.is_form_of(&t.lower, lexicon::CueClass::Tell)
    });
    reports.then_some((open, Inserted::Report))
}

/// An object-control verb up to ten tokens before the "to" at `to`.
fn find_controller(tokens: &[Token], to: usize) -> Option<usize> {
    let from = to.saturating_sub(10);
    (from..to)
        .rev()
        .find(|&i| {
            let w = tokens[i].lower.as_str();
            if matches!(w, "." | ";" | ":") {
                return false;
            }
            lemma_is(w, is_controller)
        })
        .filter(|&i| {
            !tokens[i + 1..to]
                .iter()
                .any(|t| matches!(t.text, "." | ";" | ":"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Span;

    fn chain(s: &str, head: &str) -> Chain {
        let toks = crate::tokens::tokenize(s, Span::new(0, s.len()));
        let h = toks.iter().position(|t| t.lower == head).unwrap();
        analyse(&toks, h)
    }

    #[test]
    fn reads_negation_future_and_governors() {
        let c = chain("We will not allow that", "allow");
        assert!(c.negated && c.future);
        let c = chain("The United States will try to persuade China", "persuade");
        assert_eq!(c.governor, Some(Governor::Aspect));
        assert!(c.future);
        assert_eq!(c.start, 3);
        let c = chain("Congress is asking Obama to help Iran", "help");
        assert_eq!(c.controller, Some((2, 4)));
        let c = chain("The building was demolished by protesters", "demolished");
        assert!(c.passive);
        let c = chain("It could change the balance", "change");
        assert!(c.hypothetical);
    }

    #[test]
    fn reads_across_inserted_clauses() {
        let c = chain("Iran did not, officials said, agree to it", "agree");
        assert!(c.negated);
        assert_eq!(c.start, 1);
        let c = chain("Chile does not, and never will, accept it", "accept");
        assert!(c.negated && c.future);
        // The subject is sought before a reporting clause.
        let c = chain("Iran, the minister said, rejected it", "rejected");
        assert_eq!(c.start, 1);
        // A participle after a comma keeps its own clause.
        let c = chain("Iran, the minister said, adding details", "adding");
        assert_eq!(c.start, 6);
        let c = chain("He not only met Putin", "met");
        assert!(!c.negated);
    }
}
