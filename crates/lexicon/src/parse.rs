//! The one reader of the word-list files: `#` starts a comment, blank lines
//! are skipped, and every error names the file and the 1-based line.

/// A line of a word-list file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} line {line}: {reason}")]
pub struct ParseError {
    /// The file's name (`roles.txt`).
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// One non-empty line with its comment removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'t> {
    /// 1-based line number.
    pub number: usize,
    /// The text, trimmed, without the comment.
    pub text: &'t str,
}

impl Line<'_> {
    /// An error about this line of `file`.
    pub fn error(&self, file: &'static str, reason: impl Into<String>) -> ParseError {
        ParseError {
            file,
            line: self.number,
            reason: reason.into(),
        }
    }
}

/// The content lines of `text`, numbered.
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines().enumerate().filter_map(|(n, raw)| {
        let text = raw.split('#').next().unwrap_or("").trim();
        (!text.is_empty()).then_some(Line {
            number: n + 1,
            text,
        })
    })
}

/// A section heading line (`[speech]`), if `line` is one.
pub fn section<'t>(line: &Line<'t>) -> Option<&'t str> {
    line.text
        .strip_prefix('[')?
        .strip_suffix(']')
        .map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_lines_and_drops_comments() {
        let got: Vec<_> = lines("# head\n\nsay  # cue\n  tell\n").collect();
        assert_eq!(
            got,
            vec![
                Line {
                    number: 3,
                    text: "say"
                },
                Line {
                    number: 4,
                    text: "tell"
                }
            ]
        );
        assert_eq!(
            section(&Line {
                number: 1,
                text: "[speech]"
            }),
            Some("speech")
        );
        assert_eq!(
            got[0].error("x.txt", "bad").to_string(),
            "x.txt line 3: bad"
        );
    }
}
