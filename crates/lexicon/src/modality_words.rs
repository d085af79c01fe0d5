//! The words that set a clause's modality (`data/modality_words.txt`):
//! adverbs before a verb, negations, hypothetical modals (read by `events`)
//! and future markers (read by `nlp`'s time expressions); with them the
//! words `events` reads around event nouns (light verbs, modifiers) and
//! the closed-class clause words that end a noun's modifiers; and the
//! words by which `events` tells contests, sports results and market moves
//! from political events.

use crate::parse::{self, ParseError};
use crate::speaker::push_entries;
use std::sync::OnceLock;

const FILE: &str = "modality_words.txt";
const TEXT: &str = include_str!("data/modality_words.txt");

/// The sections of `modality_words.txt`, each lowercase, in file order.
#[derive(Debug, Clone, Default)]
pub struct ModalityWords<'t> {
    /// Adverbs that may stand between an auxiliary or subject and the verb
    /// ("has already met", "did not meet").
    pub adverbs: Vec<&'t str>,
    /// Words that negate the verb they stand before.
    pub negations: Vec<&'t str>,
    /// Modals that make an event hypothetical ("could attack").
    pub hypothetical_modals: Vec<&'t str>,
    /// Words that open a clause whose events are not facts, up to its next
    /// comma: conditions ("if", "unless") and embedded questions ("whether").
    pub condition_openers: Vec<&'t str>,
    /// Verbs whose "-ing" object is only proposed, favoured or weighed
    /// ("proposed banning", "support deporting"): no event (lemmas).
    pub proposal_verbs: Vec<&'t str>,
    /// Words that put a sentence in the future (nlp resolves its weekdays forward).
    pub future_markers: Vec<&'t str>,
    /// Verbs whose object noun names the event ("held talks", "launched
    /// an attack", "made a condemnation"): the noun is coded, the verb's
    /// subject is its source.
    pub light_verbs: Vec<&'t str>,
    /// Modifiers that make an event noun a background label, not news
    /// ("the former occupation", "the previous talks").
    pub background_modifiers: Vec<&'t str>,
    /// Modifiers that make an event noun scheduled ("the planned visit").
    pub planned_modifiers: Vec<&'t str>,
    /// Modifiers that make an event noun only possible ("a possible
    /// attack", "the proposed talks").
    pub unreal_modifiers: Vec<&'t str>,
    /// Verbs whose subject undergoes the event their object noun names
    /// ("faced criticism", "drew condemnation from").
    pub receiving_verbs: Vec<&'t str>,
    /// Event nouns with the verb whose act each names, where no suffix
    /// rule leads back to it ("war fight", "threat threaten"): one
    /// "noun verb" entry each, read by [`crate::lemma::verbs_of_noun`].
    pub noun_verbs: Vec<&'t str>,
    /// Auxiliaries, modals, subject pronouns, "and"/"or"/"not" and the
    /// relative words: where the coder's walks back over a noun's
    /// modifiers end.
    pub clause_words: Vec<&'t str>,
    /// Verbs of winning that read as force ("beat", "crush") but, in a
    /// contest, name a win (lemmas).
    pub contest_verbs: Vec<&'t str>,
    /// Words that make a sentence's "beat" a contest's: elections, polls,
    /// ratings ("beat Sanders in the primary", "by 18 points").
    pub contest_words: Vec<&'t str>,
    /// Verbs of force that, between political rivals of one country, are
    /// words: "Trump attacked Clinton", "hit Sanders on guns" (lemmas).
    pub rivalry_attack_verbs: Vec<&'t str>,
    /// URL path segments and host words of sports sections and sites
    /// ("/sports/", "espn"): `events` drops the force of a sports page's results.
    pub sports_sections: Vec<&'t str>,
    /// Words that only sports reports use (not "goal", "match", "league",
    /// "penalty", which political news uses too).
    pub sports_words: Vec<&'t str>,
    /// Words of market and company-results reports ("shares", "earnings"):
    /// with a verb of force, a market move ("stocks plunged"), no event.
    pub market_words: Vec<&'t str>,
    /// Verbs of accepting and recognising whose negation is a rejection
    /// ("did not accept", "refused to recognise"): lemmas.
    pub acceptance_verbs: Vec<&'t str>,
    /// Subordinators that open an adverbial participle clause whose doer
    /// is the main clause's subject ("…, while reneging on", "after
    /// meeting").
    pub participle_openers: Vec<&'t str>,
    /// Nouns naming one side's act ("move", "decision", "strike"): a
    /// disapproval of "the move" is about whoever made it, told before.
    pub act_nouns: Vec<&'t str>,
    /// Verbs after which "if" asks rather than sets a condition ("will
    /// decide if", "asked if"): lemmas.
    pub question_verbs: Vec<&'t str>,
    /// Names and adjectives of blame after a verb of naming and an article
    /// ("called the senator a liar"): the speaker denounces the one named.
    /// A trailing '*' makes a prefix.
    pub blame_labels: Vec<&'t str>,
    /// Adjectives of blame after a verb of naming with no article ("called
    /// Beijing provocative").
    pub blame_adjectives: Vec<&'t str>,
    /// Names of praise after a verb of naming and an article ("called the
    /// general a hero"): the speaker praises the one named.
    pub praise_labels: Vec<&'t str>,
    /// Words after which "no" is no determiner of a verb's object ("killed
    /// no fewer than", "no longer"): the act is not denied.
    pub not_a_denial_after_no: Vec<&'t str>,
}

impl<'t> ModalityWords<'t> {
    /// Reads a file in the format of `data/modality_words.txt`.
    pub fn parse(text: &'t str) -> Result<Self, ParseError> {
        let mut out = ModalityWords::default();
        let known = [
            "adverbs",
            "negations",
            "hypothetical-modals",
            "condition-openers",
            "proposal-verbs",
            "future-markers",
            "light-verbs",
            "background-modifiers",
            "planned-modifiers",
            "unreal-modifiers",
            "receiving-verbs",
            "noun-verbs",
            "clause-words",
            "contest-verbs",
            "contest-words",
            "rivalry-attack-verbs",
            "sports-sections",
            "sports-words",
            "market-words",
            "acceptance-verbs",
            "participle-openers",
            "act-nouns",
            "question-verbs",
            "blame-labels",
            "blame-adjectives",
            "praise-labels",
            "not-a-denial-after-no",
        ];
        for (name, lines) in parse::sections(FILE, text, &known)? {
            let list = match name {
                "adverbs" => &mut out.adverbs,
                "negations" => &mut out.negations,
                "hypothetical-modals" => &mut out.hypothetical_modals,
                "condition-openers" => &mut out.condition_openers,
                "proposal-verbs" => &mut out.proposal_verbs,
                "future-markers" => &mut out.future_markers,
                "light-verbs" => &mut out.light_verbs,
                "background-modifiers" => &mut out.background_modifiers,
                "planned-modifiers" => &mut out.planned_modifiers,
                "unreal-modifiers" => &mut out.unreal_modifiers,
                "receiving-verbs" => &mut out.receiving_verbs,
                "noun-verbs" => &mut out.noun_verbs,
                "clause-words" => &mut out.clause_words,
                "contest-verbs" => &mut out.contest_verbs,
                "contest-words" => &mut out.contest_words,
                "rivalry-attack-verbs" => &mut out.rivalry_attack_verbs,
                "sports-sections" => &mut out.sports_sections,
                "sports-words" => &mut out.sports_words,
                "market-words" => &mut out.market_words,
                "acceptance-verbs" => &mut out.acceptance_verbs,
                "participle-openers" => &mut out.participle_openers,
                "act-nouns" => &mut out.act_nouns,
                "question-verbs" => &mut out.question_verbs,
                "blame-labels" => &mut out.blame_labels,
                "blame-adjectives" => &mut out.blame_adjectives,
                "praise-labels" => &mut out.praise_labels,
                "not-a-denial-after-no" => &mut out.not_a_denial_after_no,
                _ => unreachable!("parse::sections admits only known sections"),
            };
            push_entries(list, &lines, FILE)?;
        }
        Ok(out)
    }
}

/// The shipped lists, read once. The file is ours and a test keeps it
/// readable, so a failure here is a build defect, not bad input.
pub fn modality_words() -> &'static ModalityWords<'static> {
    static TABLE: OnceLock<ModalityWords<'static>> = OnceLock::new();
    TABLE.get_or_init(|| {
        ModalityWords::parse(TEXT).unwrap_or_else(|e| panic!("embedded word list: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_file_parses() {
        let w = ModalityWords::parse(TEXT).expect("modality_words.txt");
        assert!(w.negations.contains(&"n't"));
        assert!(w.hypothetical_modals.contains(&"might"));
        assert!(w.future_markers.contains(&"will"));
        assert!(w.condition_openers.contains(&"whether"));
        assert!(w.proposal_verbs.contains(&"propose"));
        assert!(w.acceptance_verbs.contains(&"recognise"));
        assert!(w.participle_openers.contains(&"while"));
        assert!(w.act_nouns.contains(&"decision"));
        assert!(w.question_verbs.contains(&"decide"));
        assert!(w.blame_labels.contains(&"sham"));
        assert!(w.blame_adjectives.contains(&"provocative"));
        assert!(w.praise_labels.contains(&"hero"));
        assert!(w.not_a_denial_after_no.contains(&"fewer"));
        assert!(w.adverbs.contains(&"already"));
        assert!(w.light_verbs.contains(&"launch"));
        assert!(w.background_modifiers.contains(&"former"));
        assert!(w.planned_modifiers.contains(&"planned"));
        assert!(w.unreal_modifiers.contains(&"possible"));
        assert!(w.receiving_verbs.contains(&"face"));
        assert!(w.noun_verbs.contains(&"war fight"));
        // Each entry is a noun and its verb.
        assert!(w.noun_verbs.iter().all(|e| e.split(' ').count() == 2));
        assert!(w.clause_words.contains(&"which"));
        assert!(w.sports_sections.contains(&"espn"));
        assert!(w.sports_words.contains(&"touchdown"));
        assert!(w.market_words.contains(&"s&p"));
    }

    #[test]
    fn errors_name_the_line() {
        let e = ModalityWords::parse("[negations]\nnot\n[verbs]\n").unwrap_err();
        assert_eq!((e.file, e.line), (FILE, 3));
        assert_eq!(
            ModalityWords::parse("[negations]\nNot\n").unwrap_err().line,
            2
        );
    }
}
