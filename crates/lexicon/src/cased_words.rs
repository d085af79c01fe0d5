//! The names and words `nlp` matches as written, capitals and all
//! (`data/cased_words.txt`): organisations for the tagger's lexicon, organs
//! named without a country, words of natural places, and sentence openers.
//! The other lists are lowercase; in these the case is the point ("US"
//! and "us", "Sea" in a place's name).

use crate::parse::{self, ParseError};
use std::sync::OnceLock;

const FILE: &str = "cased_words.txt";
const TEXT: &str = include_str!("data/cased_words.txt");

/// The sections of `cased_words.txt`, as written, in file order.
#[derive(Debug, Clone, Default)]
pub struct CasedWords<'t> {
    /// International and well-known organisations ("United Nations", "NATO"),
    /// a class of the entity tagger's lexicon.
    pub organisations: Vec<&'t str>,
    /// Organs named without a country ("Foreign Ministry"): organisations
    /// wherever they stand.
    pub organs: Vec<&'t str>,
    /// Words naming natural or non-political places ("River", "Sea",
    /// "Europe"): a place whose name has one is not a political entity.
    pub area_words: Vec<&'t str>,
    /// Words that typically open a sentence ("The", "However"): after an
    /// abbreviation such as "U.S." they say that its period ends a sentence.
    pub sentence_openers: Vec<&'t str>,
}

impl<'t> CasedWords<'t> {
    /// Reads a file in the format of `data/cased_words.txt`.
    pub fn parse(text: &'t str) -> Result<Self, ParseError> {
        let mut out = CasedWords::default();
        let known = ["organisations", "organs", "area-words", "sentence-openers"];
        for (name, lines) in parse::sections(FILE, text, &known)? {
            let list = match name {
                "organisations" => &mut out.organisations,
                "organs" => &mut out.organs,
                "area-words" => &mut out.area_words,
                "sentence-openers" => &mut out.sentence_openers,
                _ => unreachable!("parse::sections admits only known sections"),
            };
            list.extend(lines.iter().map(|l| l.text));
        }
        Ok(out)
    }
}

/// The shipped lists, read once. The file is ours and a test keeps it
/// readable, so a failure here is a build defect, not bad input.
pub fn cased_words() -> &'static CasedWords<'static> {
    static TABLE: OnceLock<CasedWords<'static>> = OnceLock::new();
    TABLE.get_or_init(|| {
        CasedWords::parse(TEXT).unwrap_or_else(|e| panic!("embedded word list: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_file_parses_with_its_capitals() {
        let w = CasedWords::parse(TEXT).expect("cased_words.txt");
        assert!(w.organisations.contains(&"United Nations"));
        assert!(w.organisations.contains(&"U.N."));
        assert!(w.organs.contains(&"Foreign Ministry"));
        assert!(w.area_words.contains(&"Mt."));
        assert!(w.sentence_openers.contains(&"However"));
        assert!(!w.sentence_openers.contains(&"however"));
    }

    #[test]
    fn errors_name_the_line() {
        let e = CasedWords::parse("[organs]\nForeign Ministry\n[towns]\n").unwrap_err();
        assert_eq!((e.file, e.line), ("cased_words.txt", 3));
        assert!(e.reason.contains("unknown section"), "{e}");
    }
}
