//! Word tokens of one sentence, with the forms the coder matches on.
//!
//! The coder tokenises sentences itself so that its patterns see the same
//! tokens whatever tokenizer the `nlp` stage uses: possessive "'s" is split
//! off ("Beijing’s" → "Beijing", "'s"), abbreviations keep their dots ("U.S.").

use model::Span;

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    /// Byte span in the document text.
    pub span: Span,
    /// The text as written.
    pub text: &'a str,
    /// Lowercase form, with curly apostrophes made straight.
    pub lower: String,
}

impl Token<'_> {
    /// Whether the token starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether the token is a word (starts with a letter or digit).
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokens of `text[span]`, with spans into `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    let Some(s) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            // Possessive "'s" after a word is its own token.
            if is_apostrophe(c)
                && chars
                    .get(i + 1)
                    .is_some_and(|(_, n)| *n == 's' || *n == 'S')
                && !chars.get(i + 2).is_some_and(|(_, n)| n.is_alphanumeric())
                && i > 0
                && chars[i - 1].1.is_alphanumeric()
            {
                push(
                    &mut out,
                    text,
                    span.start + at,
                    span.start + chars[i + 1].0 + 1,
                );
                i += 2;
                continue;
            }
            push(
                &mut out,
                text,
                span.start + at,
                span.start + at + c.len_utf8(),
            );
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < chars.len() {
            let ch = chars[j].1;
            let next_alnum = chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric());
            if ch.is_alphanumeric() {
                j += 1;
            } else if (ch == '-' || ch == '.' || ch == ',') && next_alnum && j > start {
                // "al-Assad", "U.S", "1,000"; a comma only between digits.
                if ch == ','
                    && !(chars[j - 1].1.is_ascii_digit() && chars[j + 1].1.is_ascii_digit())
                {
                    break;
                }
                j += 1;
            } else if is_apostrophe(ch)
                && next_alnum
                && !chars
                    .get(j + 1)
                    .is_some_and(|(_, n)| *n == 's' || *n == 'S')
            {
                // "n't", "O'Brien", but not the possessive "'s".
                j += 1;
            } else if ch == '.' && is_abbreviation(&chars[start..j]) {
                j += 1;
                break;
            } else {
                break;
            }
        }
        let end_byte = chars.get(j).map(|(b, _)| *b).unwrap_or(s.len());
        push(
            &mut out,
            text,
            span.start + chars[start].0,
            span.start + end_byte,
        );
        i = j;
    }
    out
}

/// "U.S", "U.N", "Gen", "Mr": words that take a final dot.
fn is_abbreviation(word: &[(usize, char)]) -> bool {
    let w: String = word.iter().map(|(_, c)| *c).collect();
    let dotted = w.contains('.') && w.split('.').all(|p| p.chars().count() == 1);
    // A middle initial: "Vladimir V. Putin", "John F. Kerry".
    let initial = w.chars().count() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
    dotted
        || initial
        || matches!(
            w.as_str(),
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Gen"
                | "Lt"
                | "Col"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Sgt"
                | "Capt"
                | "Maj"
                | "Adm"
                | "Prof"
                | "St"
                | "Jr"
        )
}

fn push<'a>(out: &mut Vec<Token<'a>>, text: &'a str, start: usize, end: usize) {
    let t = text.get(start..end).unwrap_or("");
    out.push(Token {
        span: Span::new(start, end),
        text: t,
        lower: t.to_lowercase().replace('’', "'"),
    });
}

/// Sentences of `text` when no sentence splitter ran before the coder: a
/// break after ".", "!" or "?" (and any closing quote) before a capital or
/// an opening quote, unless the word is an abbreviation ("U.S.", "Gen."),
/// and at every line break.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for line in line_spans(text) {
        let tokens = tokenize(text, line);
        let mut start: Option<usize> = None;
        for (i, t) in tokens.iter().enumerate() {
            let s = *start.get_or_insert(t.span.start);
            let ends_here = matches!(t.text, "." | "!" | "?" | "…")
                || (matches!(t.text, "”" | "\"" | "’")
                    && i > 0
                    && matches!(tokens[i - 1].text, "." | "!" | "?" | "…"));
            let next_starts = tokens
                .get(i + 1)
                .is_none_or(|n| n.is_capitalized() || matches!(n.text, "“" | "\"" | "‘"));
            let closing_quote_follows = tokens
                .get(i + 1)
                .is_some_and(|n| matches!(n.text, "”" | "\"" | "’"));
            if (ends_here && next_starts && !closing_quote_follows) || i + 1 == tokens.len() {
                out.push(Span::new(s, t.span.end));
                start = None;
            }
        }
    }
    out
}

/// Non-blank lines of `text`.
fn line_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if !trimmed.trim().is_empty() {
            out.push(Span::new(at, at + trimmed.len()));
        }
        at += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, Span::new(0, s.len()))
            .iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn splits_possessives_and_keeps_abbreviations() {
        assert_eq!(
            words("Beijing’s response to the U.S. plan."),
            ["Beijing", "’s", "response", "to", "the", "U.S.", "plan", "."]
        );
        assert_eq!(words("won't al-Assad's"), ["won't", "al-Assad", "'s"]);
        assert_eq!(words("“situation”"), ["“", "situation", "”"]);
    }

    #[test]
    fn splits_sentences_but_not_after_abbreviations() {
        let text = "The U.S. said no. “We act,” he said.\nNew line here";
        let got: Vec<&str> = sentences(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(
            got,
            ["The U.S. said no.", "“We act,” he said.", "New line here"]
        );
    }
}
