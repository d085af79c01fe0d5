//! The words the attribution stage reads around cues, speakers and claims
//! (`data/attribution_words.txt`): phrase boundaries, stance nouns, clause
//! openers and the like, each a section of the file.

use crate::parse::{self, ParseError};
use crate::speaker::push_entries;
use foldhash::HashMap;
use std::sync::OnceLock;

const FILE: &str = "attribution_words.txt";
const TEXT: &str = include_str!("data/attribution_words.txt");

/// The sections of `attribution_words.txt`, each lowercase, in file order.
#[derive(Debug, Clone, Default)]
pub struct AttributionWords<'t> {
    /// Words that end a speaker phrase when walking back from a cue.
    pub boundary: Vec<&'t str>,
    /// Further words that end a speaker phrase when walking forward from a cue
    /// ("said Sullivan on CNN", "according to officials in Washington").
    pub forward_boundary: Vec<&'t str>,
    /// Lead-in words dropped from the front of a phrase ("On Tuesday Sanders").
    pub lead_ins: Vec<&'t str>,
    /// Lower-case words that name a kind of outlet after its proper name.
    pub outlet_heads: Vec<&'t str>,
    /// Words that start no content: the clause after the cue is something else.
    pub not_content_start: Vec<&'t str>,
    /// Nouns of the medium a statement was made in ("said in a statement").
    pub media_nouns: Vec<&'t str>,
    /// Cues whose content may be an infinitive ("promised to push …").
    pub intention_cues: Vec<&'t str>,
    /// Prepositions that, right after a cue verb, introduce its object as the
    /// content ("railed against the tax code", "warned of a recession"); the
    /// preposition belongs to the cue, as PolNeAR marks it.
    pub cue_prepositions: Vec<&'t str>,
    /// Participles whose object is an addressee ("telling reporters that …").
    pub tell_participles: Vec<&'t str>,
    /// Participles whose content may be an infinitive ("hoping to …").
    pub intention_participles: Vec<&'t str>,
    /// Nouns of findings that speak for themselves ("In the latest poll, …").
    pub finding_nouns: Vec<&'t str>,
    /// Participles that modify a noun as its statement or stance: "a petition
    /// calling on him to …", "super PACs supporting Kasich".
    pub noun_participles: Vec<&'t str>,
    /// Verbs of appearance that report an impression, not a speech act.
    pub appearance: Vec<&'t str>,
    /// Forms of "be" before "expected to" ("is expected to", "were expected to").
    pub be: Vec<&'t str>,
    /// Relative pronouns that open a clause of their own ("…, which is expected
    /// to draw …"); the clause ends at the next comma.
    pub relatives: Vec<&'t str>,
    /// Past-tense verbs that take a "that" clause but describe no one's claim.
    pub not_saying: Vec<&'t str>,
    /// Verbs of meeting and travelling: an infinitive right after them says
    /// what for ("met to discuss", "flew to Beijing to argue" is caught by
    /// the place rule below).
    pub gathering_verbs: Vec<&'t str>,
    /// Words left dangling at the end of an outer content once an inner claim
    /// is cut away ("… the Rust Belt, and").
    pub dangling: Vec<&'t str>,
    /// Verbs of wanting, thinking and knowing: inside a reported clause they
    /// describe what the outer speaker reports ("they want safe homes"), and
    /// PolNeAR rarely makes them claims of their own there.
    pub private_states: Vec<&'t str>,
    /// Words that open an adverbial phrase or clause before a main clause.
    pub adverbial_openers: Vec<&'t str>,
    /// Words that make a paragraph's "Label:" a newsroom label ("Editor's
    /// Note", "CORRECTION", "Breaking"), not a speaker.
    pub not_speaker_labels: Vec<&'t str>,
    /// Imperatives that open a newsroom label ("Watch:", "Read more:").
    pub label_imperatives: Vec<&'t str>,
    /// Quantifiers before a plural noun ("some", "many", "several").
    pub quantifiers: Vec<&'t str>,
    /// Two-word nouns and phrasal verbs with a cue word in them that report
    /// no speech ("think tank", "talk show", "show up").
    pub non_speech_pairs: Vec<&'t str>,
    /// Nouns after "spoke on" naming the terms of the talk ("condition",
    /// "background", "record", "behalf").
    pub speaking_terms: Vec<&'t str>,
    /// Light verbs whose stance-noun object names their subject's claim
    /// ("raised questions about …").
    pub stance_noun_verbs: Vec<&'t str>,
    /// Possessive determiners that name the speaker by pronoun.
    pub possessives: Vec<&'t str>,
    /// Determiners and object pronouns that open a noun phrase ("the", "his",
    /// "them"): a verb's object, a preposition's complement.
    pub noun_phrase_openers: Vec<&'t str>,
    /// Words that end a noun phrase's object: the clause's own verb follows.
    pub clause_verbs: Vec<&'t str>,
    /// Word beginnings of cues whose content is usually a clause ("said (that)
    /// …", "believes …"): their content runs on as a clause does.
    pub clausal_stems: Vec<&'t str>,
    /// Words that open a clause, not a noun phrase, as a content's first word.
    pub clause_openers: Vec<&'t str>,
    /// Words that, after a comma, open what follows a noun phrase rather than
    /// an apposition or a list item.
    pub after_phrase: Vec<&'t str>,
    /// Relative words that, after a comma, open the writer's gloss on a
    /// noun phrase's last noun ("…, which include …").
    pub phrase_relatives: Vec<&'t str>,
    /// Words that open an adjunct of the act after a noun-phrase content
    /// ("… after the debate", "… during a rally").
    pub adjunct_openers: Vec<&'t str>,
    /// Words that, after "and"/"but", open a second predicate of the
    /// speaker, which ends a noun-phrase content ("… and has said …").
    pub predicate_openers: Vec<&'t str>,
    /// Subordinators that open a clause before the main one.
    pub subordinators: Vec<&'t str>,
    /// Nouns whose "that" clause is someone's claim.
    pub stance_nouns: Vec<&'t str>,
    /// Adjectives of certainty and stance whose "that" clause is the subject's
    /// claim ("is confident that …", "made it clear that …").
    pub stance_adjectives: Vec<&'t str>,
    /// Cue verbs that report speech only before a "that" clause or after
    /// their content ("maintains that …", "…, he maintained"); before a
    /// noun phrase they name an act ("maintains an office").
    pub clause_only_cues: Vec<&'t str>,
    /// Cue nouns with the word that introduces their content, "noun
    /// preposition" ("call for", "decision to").
    pub noun_cues: Vec<&'t str>,
    /// Verbs of saying that start a claim of their own after "and" ("… and
    /// said …"); stance verbs stay inside the clause.
    pub speech_verbs: Vec<&'t str>,
    /// `noun_cues` as noun → preposition (the first entry of a noun wins):
    /// attribution asks of every token.
    noun_cue_index: HashMap<&'t str, &'t str>,
}

impl<'t> AttributionWords<'t> {
    /// Reads a file in the format of `data/attribution_words.txt`.
    pub fn parse(text: &'t str) -> Result<Self, ParseError> {
        let mut out = AttributionWords::default();
        let known = [
            "boundary",
            "forward-boundary",
            "lead-ins",
            "outlet-heads",
            "not-content-start",
            "media-nouns",
            "intention-cues",
            "cue-prepositions",
            "tell-participles",
            "intention-participles",
            "finding-nouns",
            "noun-participles",
            "appearance",
            "be",
            "relatives",
            "not-saying",
            "gathering-verbs",
            "dangling",
            "private-states",
            "adverbial-openers",
            "not-speaker-labels",
            "label-imperatives",
            "quantifiers",
            "non-speech-pairs",
            "speaking-terms",
            "stance-noun-verbs",
            "possessives",
            "noun-phrase-openers",
            "clause-verbs",
            "clausal-stems",
            "clause-openers",
            "after-phrase",
            "phrase-relatives",
            "adjunct-openers",
            "predicate-openers",
            "subordinators",
            "stance-nouns",
            "stance-adjectives",
            "clause-only-cues",
            "noun-cues",
            "speech-verbs",
        ];
        for (name, lines) in parse::sections(FILE, text, &known)? {
            let list = match name {
                "boundary" => &mut out.boundary,
                "forward-boundary" => &mut out.forward_boundary,
                "lead-ins" => &mut out.lead_ins,
                "outlet-heads" => &mut out.outlet_heads,
                "not-content-start" => &mut out.not_content_start,
                "media-nouns" => &mut out.media_nouns,
                "intention-cues" => &mut out.intention_cues,
                "cue-prepositions" => &mut out.cue_prepositions,
                "tell-participles" => &mut out.tell_participles,
                "intention-participles" => &mut out.intention_participles,
                "finding-nouns" => &mut out.finding_nouns,
                "noun-participles" => &mut out.noun_participles,
                "appearance" => &mut out.appearance,
                "be" => &mut out.be,
                "relatives" => &mut out.relatives,
                "not-saying" => &mut out.not_saying,
                "gathering-verbs" => &mut out.gathering_verbs,
                "dangling" => &mut out.dangling,
                "private-states" => &mut out.private_states,
                "adverbial-openers" => &mut out.adverbial_openers,
                "not-speaker-labels" => &mut out.not_speaker_labels,
                "label-imperatives" => &mut out.label_imperatives,
                "quantifiers" => &mut out.quantifiers,
                "non-speech-pairs" => &mut out.non_speech_pairs,
                "speaking-terms" => &mut out.speaking_terms,
                "stance-noun-verbs" => &mut out.stance_noun_verbs,
                "possessives" => &mut out.possessives,
                "noun-phrase-openers" => &mut out.noun_phrase_openers,
                "clause-verbs" => &mut out.clause_verbs,
                "clausal-stems" => &mut out.clausal_stems,
                "clause-openers" => &mut out.clause_openers,
                "after-phrase" => &mut out.after_phrase,
                "phrase-relatives" => &mut out.phrase_relatives,
                "adjunct-openers" => &mut out.adjunct_openers,
                "predicate-openers" => &mut out.predicate_openers,
                "subordinators" => &mut out.subordinators,
                "stance-nouns" => &mut out.stance_nouns,
                "stance-adjectives" => &mut out.stance_adjectives,
                "clause-only-cues" => &mut out.clause_only_cues,
                "noun-cues" => &mut out.noun_cues,
                "speech-verbs" => &mut out.speech_verbs,
                _ => unreachable!("parse::sections admits only known sections"),
            };
            push_entries(list, &lines, FILE)?;
        }
        for entry in &out.noun_cues {
            if let Some((noun, prep)) = entry.split_once(' ') {
                out.noun_cue_index.entry(noun).or_insert(prep);
            }
        }
        Ok(out)
    }

    /// The word that introduces the content of cue noun `noun` ("for"
    /// after "call"), if `noun_cues` has it.
    pub fn noun_cue_preposition(&self, noun: &str) -> Option<&'t str> {
        self.noun_cue_index.get(noun).copied()
    }
}

/// The shipped lists, read once. The file is ours and a test keeps it
/// readable, so a failure here is a build defect, not bad input.
pub fn attribution_words() -> &'static AttributionWords<'static> {
    static TABLE: OnceLock<AttributionWords<'static>> = OnceLock::new();
    TABLE.get_or_init(|| {
        AttributionWords::parse(TEXT).unwrap_or_else(|e| panic!("embedded word list: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_file_parses() {
        let w = AttributionWords::parse(TEXT).expect("attribution_words.txt");
        assert!(w.stance_nouns.contains(&"claim"));
        assert!(w.relatives.contains(&"who"));
        assert!(w.noun_phrase_openers.contains(&"their"));
        assert!(w.noun_cues.contains(&"call for"));
        // attribution splits each entry into noun and preposition.
        assert!(w.noun_cues.iter().all(|e| e.split(' ').count() == 2));
        assert_eq!(w.noun_cue_preposition("call"), Some("for"));
        assert_eq!(w.noun_cue_preposition("decision"), Some("to"));
        assert_eq!(w.noun_cue_preposition("for"), None);
        assert!(w.speech_verbs.contains(&"said"));
        assert!(!w.boundary.is_empty());
    }

    #[test]
    fn errors_name_the_line() {
        let e = AttributionWords::parse("[relatives]\nwho\n[nouns]\n").unwrap_err();
        assert_eq!((e.file, e.line), (FILE, 3));
        assert_eq!(
            AttributionWords::parse("[relatives]\nWho\n")
                .unwrap_err()
                .line,
            2
        );
    }
}
