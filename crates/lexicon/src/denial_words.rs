//! The words that mark a denial (`data/denial_words.txt`): verbs that deny
//! on their own or with a claim for object, claim nouns, refusal objects,
//! falsity words and the words around them, read by the contradiction
//! finder in `events`.

use crate::inflect;
use crate::parse::{self, ParseError};
use foldhash::HashSet;
use std::sync::OnceLock;

const FILE: &str = "denial_words.txt";
const TEXT: &str = include_str!("data/denial_words.txt");

/// The sections of `denial_words.txt`, as lookup tables of lowercase
/// forms (inflected forms generated from the lemmas the file lists).
#[derive(Debug, Clone, Default)]
pub struct DenialWords {
    /// Every form of the verbs that deny on their own ("denied", "disputes").
    pub deny_verbs: HashSet<String>,
    /// Every form of the verbs that deny only with a claim for object.
    pub reject_verbs: HashSet<String>,
    /// Claim nouns, singular and plural ("allegation", "reports").
    pub claim_nouns: HashSet<String>,
    /// Objects that make "deny"/"reject" a refusal, singular and plural.
    pub refusal_objects: HashSet<String>,
    /// Falsity words and sequences, as token lists (`["not", "true"]`).
    pub falsity: Vec<Vec<String>>,
    /// Words that join a claim to a falsity word ("is", "as", "called").
    pub falsity_links: HashSet<String>,
    /// Words between a falsity link and the falsity word.
    pub intensifiers: HashSet<String>,
    /// "Never happened", "never heard": sequences of tokens.
    pub unknown: Vec<Vec<String>>,
    /// Modals and particles that make a deny verb a denial not made.
    pub irrealis: HashSet<String>,
    /// Personal pronouns (insults and refusals, not denials).
    pub persons: HashSet<String>,
    /// Words that point back to a claim ("it", "these", "both").
    pub anaphors: HashSet<String>,
    /// Words opening a denial clause inside the claim's sentence.
    pub clause_openers: HashSet<String>,
    /// Function words, ignored when passages are compared for content.
    pub function_words: HashSet<String>,
    /// Verbs of calling other than the forms of "call" ("termed",
    /// "branded"), as written.
    pub naming_verbs: HashSet<String>,
    /// The first words of the `falsity` and `unknown` sequences, and
    /// whether one of them is empty (see [`DenialWords::may_start_sequence`]).
    sequence_starts: (HashSet<String>, bool),
    /// The shapes of the deny and reject verbs and of the sequences' first
    /// words, as parsed (see [`DenialWords::may_trigger`]).
    trigger_shapes: crate::lemma::Shapes,
}

/// Every form of a verb lemma: base, third person, past, participles.
fn verb_forms(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string(), inflect::third_person(lemma)];
    out.extend(inflect::past(lemma));
    out.extend(inflect::past_participle(lemma));
    out.push(inflect::present_participle(lemma));
    out
}

impl DenialWords {
    /// Reads a file in the format of `data/denial_words.txt`.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        let mut out = DenialWords::default();
        let known = [
            "deny-verbs",
            "reject-verbs",
            "claim-nouns",
            "refusal-objects",
            "falsity",
            "falsity-links",
            "intensifiers",
            "unknown",
            "irrealis",
            "persons",
            "anaphors",
            "clause-openers",
            "function-words",
            "naming-verbs",
        ];
        for (name, lines) in parse::sections(FILE, text, &known)? {
            for line in lines {
                if line.text.chars().any(char::is_uppercase) {
                    return Err(line.error(FILE, "entries are written in lowercase"));
                }
                let entry = line.text;
                let single = || -> Result<String, ParseError> {
                    if entry.contains(char::is_whitespace) {
                        Err(line.error(FILE, "one word a line in this section"))
                    } else {
                        Ok(entry.to_string())
                    }
                };
                let sequence = || entry.split_whitespace().map(str::to_string).collect();
                match name {
                    "deny-verbs" => out.deny_verbs.extend(verb_forms(&single()?)),
                    "reject-verbs" => out.reject_verbs.extend(verb_forms(&single()?)),
                    "claim-nouns" => {
                        let w = single()?;
                        out.claim_nouns.insert(inflect::plural(&w));
                        out.claim_nouns.insert(w);
                    }
                    "refusal-objects" => {
                        let w = single()?;
                        out.refusal_objects.insert(inflect::plural(&w));
                        out.refusal_objects.insert(w);
                    }
                    "falsity" => out.falsity.push(sequence()),
                    "falsity-links" => {
                        out.falsity_links.insert(single()?);
                    }
                    "intensifiers" => {
                        out.intensifiers.insert(single()?);
                    }
                    "unknown" => out.unknown.push(sequence()),
                    "irrealis" => {
                        out.irrealis.insert(single()?);
                    }
                    "persons" => {
                        out.persons.insert(single()?);
                    }
                    "anaphors" => {
                        out.anaphors.insert(single()?);
                    }
                    "clause-openers" => {
                        out.clause_openers.insert(single()?);
                    }
                    "function-words" => {
                        out.function_words.insert(single()?);
                    }
                    "naming-verbs" => {
                        out.naming_verbs.insert(single()?);
                    }
                    _ => unreachable!("parse::sections admits only known sections"),
                }
            }
        }
        for seq in out.falsity.iter().chain(&out.unknown) {
            match seq.first() {
                Some(first) => {
                    out.sequence_starts.0.insert(first.clone());
                }
                None => out.sequence_starts.1 = true,
            }
        }
        let triggers = out
            .deny_verbs
            .iter()
            .chain(&out.reject_verbs)
            .chain(&out.sequence_starts.0);
        for w in triggers {
            out.trigger_shapes.insert(w);
        }
        Ok(out)
    }

    /// Whether a `falsity` or `unknown` sequence may start at a token
    /// written `word` (every token is tried against every sequence).
    pub fn may_start_sequence(&self, word: &str) -> bool {
        self.sequence_starts.1 || self.sequence_starts.0.contains(word)
    }

    /// Whether a token written `word` may be a deny or reject verb or start
    /// a sequence, as the lists were parsed: false means none, told by its
    /// shape without hashing it (the contradiction finder asks at every
    /// token, and most are none).
    pub fn may_trigger(&self, word: &str) -> bool {
        self.sequence_starts.1 || self.trigger_shapes.may_contain(word)
    }
}

/// The shipped lists, read once. The file is ours and a test keeps it
/// readable, so a failure here is a build defect, not bad input.
pub fn denial_words() -> &'static DenialWords {
    static TABLE: OnceLock<DenialWords> = OnceLock::new();
    TABLE.get_or_init(|| {
        DenialWords::parse(TEXT).unwrap_or_else(|e| panic!("embedded word list: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_file_parses_with_generated_forms() {
        let w = DenialWords::parse(TEXT).expect("denial_words.txt");
        for form in ["deny", "denies", "denied", "denying", "disputes"] {
            assert!(w.deny_verbs.contains(form), "{form}");
        }
        assert!(w.reject_verbs.contains("rejected"));
        assert!(w.claim_nouns.contains("allegations"));
        assert!(w.refusal_objects.contains("offers"));
        assert!(w
            .falsity
            .contains(&vec!["not".to_string(), "true".to_string()]));
        assert!(w
            .unknown
            .iter()
            .any(|s| s == &["never", "heard", "anything"]));
        assert!(w.irrealis.contains("must") && w.persons.contains("him"));
        // The naming verbs also link a claim to its falsity word.
        assert!(w.naming_verbs.contains("branded") && !w.naming_verbs.contains("called"));
        assert!(w.naming_verbs.iter().all(|v| w.falsity_links.contains(v)));
    }

    #[test]
    fn every_trigger_word_may_trigger() {
        let w = DenialWords::parse(TEXT).expect("denial_words.txt");
        let starts = w.falsity.iter().chain(&w.unknown).filter_map(|s| s.first());
        for word in w.deny_verbs.iter().chain(&w.reject_verbs).chain(starts) {
            assert!(w.may_trigger(word), "{word}");
        }
        assert!(!w.may_trigger("lagos"));
    }

    #[test]
    fn errors_name_the_line() {
        let e = DenialWords::parse("[deny-verbs]\ndeny\n[verbs]\n").unwrap_err();
        assert_eq!((e.file, e.line), (FILE, 3));
        let e = DenialWords::parse("[deny-verbs]\nDeny\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = DenialWords::parse("\n[claim-nouns]\nfalse claim\n").unwrap_err();
        assert_eq!(e.line, 3);
    }
}
