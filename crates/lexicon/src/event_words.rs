//! The closed-class words and short lists the event coder reads
//! (`data/event_words.txt`): stop words and prepositions of its phrase
//! chunker, the words and marks that end a clause or a verb pattern's
//! window, determiners, reporting words, the verbs of contest results, and
//! the like, each a section of the file.

use crate::parse::{self, ParseError};
use crate::speaker::push_entries;
use crate::word_set::WordSet;
use std::sync::OnceLock;

const FILE: &str = "event_words.txt";
const TEXT: &str = include_str!("data/event_words.txt");

/// The sections of `event_words.txt`, each lowercase. Every entry is a
/// surface form, matched against a token's lowercase text; each list is a
/// [`WordSet`], since the coder asks most of them of token after token,
/// where a scan of a list cost more than a hash.
#[derive(Debug, Clone, Default)]
pub struct EventWords<'t> {
    /// Function words that never sit inside an actor phrase as a modifier
    /// ("the", "has", "said").
    pub stop_words: WordSet<'t>,
    /// Prepositions that make a phrase a modifier rather than a clause's
    /// subject.
    pub prepositions: WordSet<'t>,
    /// Prepositions that attach an event noun's target ("attack on").
    pub target_prepositions: WordSet<'t>,
    /// Prepositions that introduce where something happens.
    pub locative_prepositions: WordSet<'t>,
    /// Determiners and possessives that make the next word a noun.
    pub determiners: WordSet<'t>,
    /// Determiners that make a disapproval verb's object a known act
    /// ("condemned the test").
    pub definite_determiners: WordSet<'t>,
    /// Words and marks that end the clause a subject or target is searched in.
    pub clause_breaks: WordSet<'t>,
    /// Words and marks that end a verb pattern's window after the verb.
    pub pattern_stops: WordSet<'t>,
    /// Reporting words: an event in a sentence with one of these is reported.
    pub report_words: WordSet<'t>,
    /// Words that, right before an "-ing" word, make it a verb group, not
    /// a noun compound ("were burning", not "flag burning").
    pub verb_group_words: WordSet<'t>,
    /// Verbs, every inflection, that report who won a contest as often as
    /// who hit whom ("beat", "defeated").
    pub result_verbs: WordSet<'t>,
    /// Words that make a role phrase name many countries or none in
    /// particular ("world leaders", "other nations").
    pub no_one_country: WordSet<'t>,
    /// Plural heads that make a role phrase a group of several countries'
    /// organs ("governments", "nations").
    pub country_group_nouns: WordSet<'t>,
    /// Clitics that rejoin their word ("n't", "'re"), straight apostrophes.
    pub rejoined_clitics: WordSet<'t>,
}

impl<'t> EventWords<'t> {
    /// Reads a file in the format of `data/event_words.txt`.
    pub fn parse(text: &'t str) -> Result<Self, ParseError> {
        let mut lists: [Vec<&'t str>; 14] = Default::default();
        let known = [
            "stop-words",
            "prepositions",
            "target-prepositions",
            "locative-prepositions",
            "determiners",
            "definite-determiners",
            "clause-breaks",
            "pattern-stops",
            "report-words",
            "verb-group-words",
            "result-verbs",
            "no-one-country",
            "country-group-nouns",
            "rejoined-clitics",
        ];
        for (name, lines) in parse::sections(FILE, text, &known)? {
            let Some(k) = known.iter().position(|&n| n == name) else {
                unreachable!("parse::sections admits only known sections")
            };
            let list = &mut lists[k];
            push_entries(list, &lines, FILE)?;
        }
        let [stop_words, prepositions, target_prepositions, locative_prepositions, determiners, definite_determiners, clause_breaks, pattern_stops, report_words, verb_group_words, result_verbs, no_one_country, country_group_nouns, rejoined_clitics] =
            lists.map(WordSet::new);
        Ok(EventWords {
            stop_words,
            prepositions,
            target_prepositions,
            locative_prepositions,
            determiners,
            definite_determiners,
            clause_breaks,
            pattern_stops,
            report_words,
            verb_group_words,
            result_verbs,
            no_one_country,
            country_group_nouns,
            rejoined_clitics,
        })
    }
}

/// The shipped lists, read once. The file is ours and a test keeps it
/// readable, so a failure here is a build defect, not bad input.
pub fn event_words() -> &'static EventWords<'static> {
    static TABLE: OnceLock<EventWords<'static>> = OnceLock::new();
    TABLE.get_or_init(|| {
        EventWords::parse(TEXT).unwrap_or_else(|e| panic!("embedded word list: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use foldhash::HashSet;

    /// `list` is read, has no entry twice, and holds every one of `members`.
    fn check(list: &WordSet, members: &[&str]) {
        let list = list.words();
        assert!(!list.is_empty());
        let distinct: HashSet<&str> = list.iter().copied().collect();
        assert_eq!(distinct.len(), list.len(), "an entry listed twice");
        for m in members {
            assert!(list.contains(m), "{m} missing");
        }
    }

    fn words() -> EventWords<'static> {
        EventWords::parse(TEXT).expect("event_words.txt")
    }

    #[test]
    fn stop_words_keep_function_words_out_of_actor_phrases() {
        let w = words();
        check(&w.stop_words, &["the", "has", "said", "their"]);
        assert!(w.stop_words.contains("said"));
        assert!(!w.stop_words.contains("embassy"));
        assert!(!w.stop_words.contains("The"), "lowercase words only");
    }

    #[test]
    fn prepositions_and_target_prepositions() {
        let w = words();
        check(&w.prepositions, &["in", "between", "amid", "towards"]);
        check(&w.target_prepositions, &["on", "with", "of", "to"]);
        check(&w.locative_prepositions, &["in", "at", "near", "outside"]);
        assert!(!w.target_prepositions.contains(&"in"));
    }

    #[test]
    fn determiners_and_definite_ones() {
        let w = words();
        check(&w.determiners, &["the", "its", "'s", "every"]);
        check(&w.definite_determiners, &["the", "this", "these"]);
        // "that" as often starts a clause as it points at an act.
        assert!(!w.definite_determiners.contains(&"that"));
    }

    #[test]
    fn clause_breaks_and_pattern_stops_hold_marks_too() {
        let w = words();
        check(&w.clause_breaks, &["that", "whereas", "“", "\"", "("]);
        check(&w.pattern_stops, &[",", "—", "because", "when"]);
    }

    #[test]
    fn report_words_are_surface_forms() {
        check(&words().report_words, &["said", "according", "citing"]);
        assert!(!words().report_words.contains(&"cite"));
    }

    #[test]
    fn verb_group_words() {
        check(&words().verb_group_words, &["were", "kept", "the", "never"]);
    }

    #[test]
    fn result_verbs_list_every_inflection() {
        check(
            &words().result_verbs,
            &["beat", "beaten", "defeating", "overcame"],
        );
    }

    #[test]
    fn no_one_country() {
        check(&words().no_one_country, &["world", "foreign", "other"]);
        check(&words().country_group_nouns, &["governments", "nations"]);
    }

    #[test]
    fn rejoined_clitics_leave_the_possessive() {
        let w = words();
        check(&w.rejoined_clitics, &["n't", "'re", "'ll"]);
        assert!(!w.rejoined_clitics.contains(&"'s"));
    }

    #[test]
    fn errors_name_the_line() {
        let e = EventWords::parse("[prepositions]\nin\n[nouns]\n").unwrap_err();
        assert_eq!((e.file, e.line), (FILE, 3));
        assert_eq!(
            EventWords::parse("[prepositions]\nIn\n").unwrap_err().line,
            2
        );
    }

    #[test]
    fn shipped_table_is_the_file() {
        assert_eq!(
            event_words().prepositions.words(),
            words().prepositions.words()
        );
    }
}
