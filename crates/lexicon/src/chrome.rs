//! The words of page chrome (`data/chrome.txt`): stock lines, reader
//! prompts, picture credits and rights lines, which `extract` drops from
//! article text once the page's structure has not.

use crate::parse::{self, ParseError};
use foldhash::HashSet;
use std::sync::OnceLock;

const FILE: &str = "chrome.txt";
const TEXT: &str = include_str!("data/chrome.txt");

/// The chrome words, lowercase, one list a section of `chrome.txt`.
#[derive(Debug, Clone, Default)]
pub struct Chrome<'t> {
    /// Whole lines that are chrome wherever they stand ("advertisement").
    pub lines: HashSet<&'t str>,
    /// Whole lines that are chrome at the edges of a plain text.
    pub edge_lines: HashSet<&'t str>,
    /// Starts of short lines asking the reader to act ("sign up for").
    pub prompts: Vec<&'t str>,
    /// Words ending a short line as a picture credit ("(ap photo").
    pub credits: Vec<&'t str>,
    /// Starts of short lines stating rights ("©", "all rights reserved").
    pub copyright: Vec<&'t str>,
    /// Words anywhere in a short line that make it a rights line.
    pub rights: Vec<&'t str>,
}

impl<'t> Chrome<'t> {
    /// Reads a file in the format of `data/chrome.txt`.
    pub fn parse(text: &'t str) -> Result<Self, ParseError> {
        let mut out = Chrome::default();
        let known = [
            "lines",
            "edge_lines",
            "prompts",
            "credits",
            "copyright",
            "rights",
        ];
        for (name, lines) in parse::sections(FILE, text, &known)? {
            for line in lines {
                if line.text.chars().any(char::is_uppercase) {
                    return Err(line.error(FILE, "chrome words are written in lowercase"));
                }
                let t = line.text;
                match name {
                    "lines" => {
                        out.lines.insert(t);
                    }
                    "edge_lines" => {
                        out.edge_lines.insert(t);
                    }
                    "prompts" => out.prompts.push(t),
                    "credits" => out.credits.push(t),
                    "copyright" => out.copyright.push(t),
                    _ => out.rights.push(t),
                }
            }
        }
        Ok(out)
    }
}

/// The shipped chrome words, read once. The file is ours and a test keeps
/// it readable, so a failure here is a build defect, not bad input.
pub fn chrome() -> &'static Chrome<'static> {
    static TABLE: OnceLock<Chrome<'static>> = OnceLock::new();
    TABLE.get_or_init(|| Chrome::parse(TEXT).unwrap_or_else(|e| panic!("embedded word list: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_file_parses() {
        let c = Chrome::parse(TEXT).unwrap();
        assert!(c.lines.contains("advertisement"));
        assert!(c.edge_lines.contains("leave a reply"));
        assert!(c.prompts.contains(&"sign up for"));
        assert!(c.credits.contains(&"getty images"));
        assert!(c.copyright.contains(&"©"));
        assert!(c.rights.contains(&"all rights reserved"));
    }

    #[test]
    fn capitals_and_unknown_sections_are_refused_with_their_line() {
        let e = Chrome::parse("[lines]\nok\nNot ok\n").unwrap_err();
        assert_eq!((e.file, e.line), ("chrome.txt", 3));
        let e = Chrome::parse("[lines]\n[captions]\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
