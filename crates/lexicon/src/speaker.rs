//! Words the attribution stage reads around speakers (`data/speaker_words.txt`)
//! and first names that tell "she" from "he" (`data/first_names.txt`).

use crate::parse::{self, ParseError};
use std::sync::OnceLock;

const WORDS_FILE: &str = "speaker_words.txt";
const NAMES_FILE: &str = "first_names.txt";
const WORDS: &str = include_str!("data/speaker_words.txt");
const NAMES: &str = include_str!("data/first_names.txt");

/// The word lists, each lowercase, in file order.
#[derive(Debug, Clone, Default)]
pub struct SpeakerWords<'t> {
    /// Words that may stand between a subject and its verb ("has already said").
    pub between: Vec<&'t str>,
    /// Object pronouns and generic addressees skipped after tell-verbs.
    pub addressees: Vec<&'t str>,
    /// Nouns naming a person by role ("the spokesman").
    pub roles: Vec<&'t str>,
    /// Plural group heads ("U.S. officials").
    pub groups: Vec<&'t str>,
    /// News outlets that are outlets only as speakers ("fox", "time"); the
    /// others are in [`crate::outlets`].
    pub outlets: Vec<&'t str>,
    /// Name endings that mark an outlet ("times", "post").
    pub outlet_suffixes: Vec<&'t str>,
    /// Capitalised words that are not names (days, months, sentence openers).
    pub not_names: Vec<&'t str>,
    /// Titles that may precede a name ("sen", "president").
    pub titles: Vec<&'t str>,
    /// Titles of women ("mrs", "queen").
    pub female_titles: Vec<&'t str>,
    /// Titles of men ("mr", "king").
    pub male_titles: Vec<&'t str>,
    /// Time words that may follow a cue ("said Sunday").
    pub time_words: Vec<&'t str>,
    /// Personal pronouns that can be speakers, with whether they are plural.
    pub pronouns: Vec<(&'t str, bool)>,
    /// Common female first names.
    pub female: Vec<&'t str>,
    /// Common male first names.
    pub male: Vec<&'t str>,
}

impl<'t> SpeakerWords<'t> {
    /// Reads the two files (formats at their tops).
    pub fn parse(words: &'t str, names: &'t str) -> Result<Self, ParseError> {
        let mut out = SpeakerWords::default();
        let known = [
            "between",
            "addressees",
            "roles",
            "groups",
            "outlets",
            "outlet-suffixes",
            "not-names",
            "titles",
            "female-titles",
            "male-titles",
            "time-words",
            "pronouns",
        ];
        for (name, lines) in parse::sections(WORDS_FILE, words, &known)? {
            if name == "pronouns" {
                for line in lines {
                    let pronoun = match line.text.split_whitespace().collect::<Vec<_>>()[..] {
                        [w, "singular"] => (w, false),
                        [w, "plural"] => (w, true),
                        _ => {
                            return Err(line.error(WORDS_FILE, "expected `pronoun singular|plural`"))
                        }
                    };
                    out.pronouns.push(pronoun);
                }
                continue;
            }
            let list = match name {
                "between" => &mut out.between,
                "addressees" => &mut out.addressees,
                "roles" => &mut out.roles,
                "groups" => &mut out.groups,
                "outlets" => &mut out.outlets,
                "outlet-suffixes" => &mut out.outlet_suffixes,
                "not-names" => &mut out.not_names,
                "titles" => &mut out.titles,
                "female-titles" => &mut out.female_titles,
                "male-titles" => &mut out.male_titles,
                _ => &mut out.time_words,
            };
            push_entries(list, &lines, WORDS_FILE)?;
        }
        for (name, lines) in parse::sections(NAMES_FILE, names, &["female", "male"])? {
            let list = if name == "female" {
                &mut out.female
            } else {
                &mut out.male
            };
            push_entries(list, &lines, NAMES_FILE)?;
        }
        // Weekday and month names have one list, `calendar.txt`.
        let calendar = crate::calendar::calendar();
        out.not_names.extend(calendar.weekdays());
        out.not_names.extend(calendar.months());
        out.time_words.extend(calendar.weekdays());
        Ok(out)
    }
}

/// Adds one lowercase entry a line.
pub(crate) fn push_entries<'t>(
    list: &mut Vec<&'t str>,
    lines: &[parse::Line<'t>],
    file: &'static str,
) -> Result<(), ParseError> {
    for line in lines {
        if line.text.chars().any(char::is_uppercase) {
            return Err(line.error(file, "entries are written in lowercase"));
        }
        list.push(line.text);
    }
    Ok(())
}

/// The shipped lists, read once. The files are ours and a test keeps them
/// readable, so a failure here is a build defect, not bad input.
pub fn speaker_words() -> &'static SpeakerWords<'static> {
    static TABLE: OnceLock<SpeakerWords<'static>> = OnceLock::new();
    TABLE.get_or_init(|| {
        SpeakerWords::parse(WORDS, NAMES).unwrap_or_else(|e| panic!("embedded word list: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_parse() {
        let w = SpeakerWords::parse(WORDS, NAMES).expect("speaker word lists");
        assert!(w.outlets.contains(&"the hill"));
        assert!(w.pronouns.contains(&("they", true)));
        assert!(w.female.contains(&"hillary"));
        assert!(w.female_titles.contains(&"mrs") && w.male_titles.contains(&"mr"));
        assert!(w.between.contains(&"cannot") && w.between.contains(&"already"));
        assert!(w.male.len() > 50);
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = SpeakerWords::parse("[pronouns]\nhe\n", "").unwrap_err();
        assert_eq!((e.file, e.line), (WORDS_FILE, 2));
        let e = SpeakerWords::parse("", "[female]\nMary\n").unwrap_err();
        assert_eq!((e.file, e.line), (NAMES_FILE, 2));
    }
}
