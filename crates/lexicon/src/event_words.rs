//! The closed-class words and short lists the event coder reads
//! (`data/event_words.txt`): stop words and prepositions of its phrase
//! chunker, the words and marks that end a clause or a verb pattern's
//! window, determiners, reporting words, the verbs of contest results, and
//! the like, each a section of the file (the contradiction finder's few
//! grammatical lists among them).

use crate::parse::{self, ParseError};
use crate::speaker::push_entries;
use crate::word_set::WordSet;
use foldhash::HashMap;
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
    /// Verbs whose object is the subject of the infinitive after them
    /// ("urged Iran to stop"): lemmas.
    pub controller_verbs: WordSet<'t>,
    /// Words after which "it" or "her" opens a clause as its subject
    /// ("and it said"), not an object.
    pub subject_openers: WordSet<'t>,
    /// Words after which "of X" still names the subject ("hundreds of
    /// troops").
    pub quantity_words: WordSet<'t>,
    /// Finite auxiliaries and reporting verbs, where an event noun's
    /// attachments end.
    pub finite_words: WordSet<'t>,
    /// Words right after "the Australian" that make the demonym a person.
    pub verbs_after_demonym: WordSet<'t>,
    /// Words before "dispute" that make it a noun ("a heated dispute").
    pub dispute_noun_openers: WordSet<'t>,
    /// Words before an "-ed" participle that make it an adjective ("the
    /// disputed region").
    pub attributive_openers: WordSet<'t>,
    /// Words of owning to or regretting a deed ("apologized", "no
    /// apologies", "proud"): a gerund after them and a preposition is a
    /// deed their subject did.
    pub regret_words: WordSet<'t>,
}

impl<'t> EventWords<'t> {
    /// Reads a file in the format of `data/event_words.txt`.
    pub fn parse(text: &'t str) -> Result<Self, ParseError> {
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
            "controller-verbs",
            "subject-openers",
            "quantity-words",
            "finite-words",
            "verbs-after-demonym",
            "dispute-noun-openers",
            "attributive-openers",
            "regret-words",
        ];
        let mut lists: HashMap<&str, Vec<&'t str>> = HashMap::default();
        for (name, lines) in parse::sections(FILE, text, &known)? {
            push_entries(lists.entry(name).or_default(), &lines, FILE)?;
        }
        let mut take = |name: &str| WordSet::new(lists.remove(name).unwrap_or_default());
        Ok(EventWords {
            stop_words: take("stop-words"),
            prepositions: take("prepositions"),
            target_prepositions: take("target-prepositions"),
            locative_prepositions: take("locative-prepositions"),
            determiners: take("determiners"),
            definite_determiners: take("definite-determiners"),
            clause_breaks: take("clause-breaks"),
            pattern_stops: take("pattern-stops"),
            report_words: take("report-words"),
            verb_group_words: take("verb-group-words"),
            result_verbs: take("result-verbs"),
            no_one_country: take("no-one-country"),
            country_group_nouns: take("country-group-nouns"),
            rejoined_clitics: take("rejoined-clitics"),
            controller_verbs: take("controller-verbs"),
            subject_openers: take("subject-openers"),
            quantity_words: take("quantity-words"),
            finite_words: take("finite-words"),
            verbs_after_demonym: take("verbs-after-demonym"),
            dispute_noun_openers: take("dispute-noun-openers"),
            attributive_openers: take("attributive-openers"),
            regret_words: take("regret-words"),
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
    fn controller_verbs_are_lemmas() {
        let w = words();
        check(&w.controller_verbs, &["urge", "ask", "pressure", "lobby"]);
        assert!(!w.controller_verbs.contains("urged"));
    }

    #[test]
    fn words_around_pronouns_quantities_and_demonyms() {
        let w = words();
        check(&w.subject_openers, &["and", "because", "said", "whether"]);
        check(&w.quantity_words, &["hundreds", "some", "members", "part"]);
        check(&w.finite_words, &["is", "had", "would", "says"]);
        check(&w.verbs_after_demonym, &["said", "who", "would"]);
    }

    #[test]
    fn contradiction_finder_noun_and_adjective_openers() {
        let w = words();
        check(&w.dispute_noun_openers, &["a", "heated", "under"]);
        check(&w.attributive_openers, &["the", "their", "over", "into"]);
        check(
            &w.regret_words,
            &["apologies", "apologized", "regrets", "proud"],
        );
    }

    #[test]
    fn every_section_is_read() {
        // A section the struct does not take would be dropped unread.
        let sections = TEXT.lines().filter(|l| l.starts_with('[')).count();
        assert_eq!(sections, 22);
        let w = words();
        let all = [
            &w.stop_words,
            &w.prepositions,
            &w.target_prepositions,
            &w.locative_prepositions,
            &w.determiners,
            &w.definite_determiners,
            &w.clause_breaks,
            &w.pattern_stops,
            &w.report_words,
            &w.verb_group_words,
            &w.result_verbs,
            &w.no_one_country,
            &w.country_group_nouns,
            &w.rejoined_clitics,
            &w.controller_verbs,
            &w.subject_openers,
            &w.quantity_words,
            &w.finite_words,
            &w.verbs_after_demonym,
            &w.dispute_noun_openers,
            &w.attributive_openers,
            &w.regret_words,
        ];
        assert!(all.iter().all(|l| !l.words().is_empty()));
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
