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

/// The lines of a file in sections (`[name]` headings), in file order:
/// each section's name with its content lines. Every heading must be one
/// of `known`, and no content may come before the first heading.
pub fn sections<'t>(
    file: &'static str,
    text: &'t str,
    known: &[&str],
) -> Result<Vec<(&'t str, Vec<Line<'t>>)>, ParseError> {
    let mut out: Vec<(&'t str, Vec<Line<'t>>)> = Vec::new();
    for line in lines(text) {
        if let Some(name) = section(&line) {
            if !known.contains(&name) {
                return Err(line.error(file, format!("unknown section [{name}]")));
            }
            out.push((name, Vec::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push(line);
        } else {
            return Err(line.error(file, "a line before the first [section]"));
        }
    }
    Ok(out)
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

    #[test]
    fn sections_in_order_and_unknown_ones_refused() {
        let got = sections("x.txt", "[a]\none\n[b]\ntwo\n", &["a", "b"]).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!((got[1].0, got[1].1[0].text), ("b", "two"));
        let e = sections("x.txt", "[a]\n[c]\n", &["a"]).unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(sections("x.txt", "one\n", &["a"]).unwrap_err().line, 1);
    }
}
