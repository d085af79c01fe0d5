//! What the event coder knows about actors besides roles, seats and
//! outlets: actors known by name (`data/named_actors.txt`: "NATO" →
//! IGONAT) and the words it reads around them (`data/actor_words.txt`:
//! pronouns, generic role nouns, "that country").

use crate::parse::{self, ParseError};
use crate::seats::NamedActors;
use crate::speaker::push_entries;
use std::sync::OnceLock;

const NAMED_FILE: &str = "named_actors.txt";
const NAMED: &str = include_str!("data/named_actors.txt");
const WORDS_FILE: &str = "actor_words.txt";
const WORDS: &str = include_str!("data/actor_words.txt");

/// The word lists of `actor_words.txt`, each lowercase, in file order.
#[derive(Debug, Clone, Default)]
pub struct ActorWords<'t> {
    /// Words that stand for an actor named elsewhere in the text ("he").
    pub pronouns: Vec<&'t str>,
    /// Role nouns so general that a more specific role before them wins
    /// ("rebel leader" is a rebel, "police spokesman" speaks for the police).
    pub generic_agents: Vec<&'t str>,
    /// Phrases that point back at the last country named ("that country").
    pub country_anaphors: Vec<&'t str>,
    /// Person nouns that, after "the" and a nationality, rename a person
    /// named before ("the Australian national").
    pub epithet_nouns: Vec<&'t str>,
    /// Nouns two countries share, after a hyphenated pair of demonyms
    /// ("Russian-Turkish talks"): the pair is two actors, not one
    /// person's descent ("Iranian-American pastor"). Lemmas.
    pub pair_nouns: Vec<&'t str>,
    /// Nouns that, bare after a verb of holding, say what its object
    /// became ("held hostage").
    pub captive_nouns: Vec<&'t str>,
    /// Verbs that, after "who" in an appositive, say a person leads the
    /// organisation named next ("Harris, who leads the US Pacific
    /// Command").
    pub leading_verbs: Vec<&'t str>,
    /// Words after a person's surname that are no surname ("Harry B.
    /// Harris Jr."), lowercase.
    pub name_suffixes: Vec<&'t str>,
}

impl<'t> ActorWords<'t> {
    /// Reads a file in the format of `data/actor_words.txt`.
    pub fn parse(text: &'t str) -> Result<Self, ParseError> {
        let mut out = ActorWords::default();
        let known = [
            "pronouns",
            "generic-agents",
            "country-anaphors",
            "epithet-nouns",
            "pair-nouns",
            "captive-nouns",
            "leading-verbs",
            "name-suffixes",
        ];
        for (name, lines) in parse::sections(WORDS_FILE, text, &known)? {
            let list = match name {
                "pronouns" => &mut out.pronouns,
                "generic-agents" => &mut out.generic_agents,
                "country-anaphors" => &mut out.country_anaphors,
                "epithet-nouns" => &mut out.epithet_nouns,
                "pair-nouns" => &mut out.pair_nouns,
                "captive-nouns" => &mut out.captive_nouns,
                "leading-verbs" => &mut out.leading_verbs,
                _ => &mut out.name_suffixes,
            };
            push_entries(list, &lines, WORDS_FILE)?;
        }
        Ok(out)
    }
}

/// The shipped named actors, read once. The file is ours and a test keeps
/// it readable, so a failure here is a build defect, not bad input.
pub fn named_actors() -> &'static NamedActors<'static> {
    static TABLE: OnceLock<NamedActors<'static>> = OnceLock::new();
    TABLE.get_or_init(|| {
        NamedActors::parse_cameo(NAMED_FILE, NAMED)
            .unwrap_or_else(|e| panic!("embedded word list: {e}"))
    })
}

/// The shipped actor words, read once (as [`named_actors`]).
pub fn actor_words() -> &'static ActorWords<'static> {
    static TABLE: OnceLock<ActorWords<'static>> = OnceLock::new();
    TABLE.get_or_init(|| {
        ActorWords::parse(WORDS).unwrap_or_else(|e| panic!("embedded word list: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_parse() {
        let n = NamedActors::parse_cameo(NAMED_FILE, NAMED).expect("named_actors.txt");
        assert_eq!(n.code_for("NATO"), Some("IGONAT"));
        assert_eq!(n.code_for("the West"), Some("WST"));
        assert_eq!(n.code_for("IAEA"), Some("IGOUNOIAEA"));
        let w = ActorWords::parse(WORDS).expect("actor_words.txt");
        assert!(w.pronouns.contains(&"they"));
        assert!(w.generic_agents.contains(&"spokesman"));
        assert_eq!(w.country_anaphors.len(), 7);
        assert!(w.epithet_nouns.contains(&"national"));
    }

    #[test]
    fn errors_name_the_line() {
        let e = NamedActors::parse_cameo(NAMED_FILE, "IGONAT  NATO\nnato  NATO\n").unwrap_err();
        assert_eq!((e.file, e.line), (NAMED_FILE, 2));
        let e = ActorWords::parse("[pronouns]\nhe\n[verbs]\n").unwrap_err();
        assert_eq!((e.file, e.line), (WORDS_FILE, 3));
        assert_eq!(ActorWords::parse("[pronouns]\nHe\n").unwrap_err().line, 2);
    }
}
