//! English function words (`data/english_words.txt`), which tell a short
//! English text from its trigram look-alikes (Dutch, Danish, Estonian,
//! Afrikaans) when a detector has too few letters to go on.

use crate::parse::{self, ParseError};
use foldhash::HashSet;
use std::sync::OnceLock;

const FILE: &str = "english_words.txt";
const TEXT: &str = include_str!("data/english_words.txt");

/// Reads a file in the format of `data/english_words.txt`: one lowercase
/// word a line.
pub fn parse(text: &str) -> Result<HashSet<&str>, ParseError> {
    let mut out = HashSet::default();
    for line in parse::lines(text) {
        if line.text.chars().any(|c| !c.is_lowercase()) {
            return Err(line.error(FILE, "one lowercase word a line"));
        }
        out.insert(line.text);
    }
    Ok(out)
}

/// Whether a lowercase word is one of the English function words.
pub fn is_english_function_word(lower: &str) -> bool {
    static TABLE: OnceLock<HashSet<&'static str>> = OnceLock::new();
    TABLE
        .get_or_init(|| parse(TEXT).unwrap_or_else(|e| panic!("embedded word list: {e}")))
        .contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_file_parses_and_errors_name_the_line() {
        assert!(parse(TEXT).unwrap().contains("the"));
        assert!(is_english_function_word("would"));
        assert!(!is_english_function_word("het"));
        assert_eq!(parse("the\nTwo words\n").unwrap_err().line, 2);
    }
}
