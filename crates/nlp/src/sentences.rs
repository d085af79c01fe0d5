//! Sentence boundaries over tokens.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis (plus any closing quotes
//! or brackets) when the next token can start a sentence; at every
//! paragraph break; after a headline line; and after a dateline
//! ("WASHINGTON (Reuters) -"). Abbreviations and initials ("Gen.", "J.")
//! do not end sentences; "U.S." does only before a typical sentence opener.

use crate::tokenize::{is_abbreviation, is_prefix_abbreviation};
use model::Span;

/// Groups `tokens` of `text` into sentences (spans from the first token's
/// start to the last token's end).
pub fn sentences(text: &str, tokens: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut line_start_token = 0usize;
    for (i, t) in tokens.iter().enumerate() {
        let s = *start.get_or_insert(t.start);
        let next = tokens.get(i + 1);
        // Line breaks between this token and the next, counted on the
        // bytes of the gap (a space or nothing, mostly): a `str` pattern
        // search set up for every token cost more than the gap holds.
        let newlines = next.map_or(0, |n| {
            text.as_bytes()[t.end..n.start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
        });
        let ends = next.is_none()
            || newlines >= 2
            || (newlines == 1 && line_ends_sentence(text, tokens, line_start_token, i))
            || ends_at_punctuation(text, tokens, i)
            || ends_dateline(text, tokens, line_start_token, i, s);
        if newlines > 0 {
            line_start_token = i + 1;
        }
        if ends {
            out.push(Span::new(s, t.end));
            start = None;
        }
    }
    out
}

/// Whether the sentence ends after token `i` because of its punctuation.
fn ends_at_punctuation(text: &str, tokens: &[Span], i: usize) -> bool {
    let word = tokens[i].slice(text);
    // A word that starts with a letter or digit and has no final period
    // (most tokens) is no terminal mark, no closer and no abbreviation:
    // told by two bytes, before its neighbour is read.
    let bytes = word.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_alphanumeric) && bytes.last() != Some(&b'.') {
        return false;
    }
    let Some(next) = tokens.get(i + 1) else {
        return true;
    };
    let next_word = next.slice(text);
    // Closing quotes and brackets stay with the sentence they close.
    if is_closer(next_word) {
        return false;
    }
    let terminal = if is_terminal(word) {
        true
    } else if is_closer(word) {
        // '… crisis.”' — look back over closers to the terminal mark.
        let mut k = i;
        while k > 0 && is_closer(tokens[k].slice(text)) {
            k -= 1;
        }
        is_terminal(tokens[k].slice(text))
    } else if word.len() > 1 && word.ends_with('.') && is_abbreviation(&word[..word.len() - 1]) {
        // "U.S." / "Inc." ending a sentence: only before a clear opener.
        return !is_prefix_abbreviation(&word[..word.len() - 1])
            && word.chars().filter(|c| c.is_alphabetic()).count() > 1
            && lexicon::cased_words().sentence_openers.contains(&next_word)
            && text[tokens[i].end..next.start].starts_with(char::is_whitespace);
    } else {
        false
    };
    terminal && can_start_sentence(next_word)
}

/// Terminal punctuation: ".", "!", "?", "…", "...", "?!".
fn is_terminal(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '…' | '。'))
}

/// Closing quotes and brackets.
fn is_closer(word: &str) -> bool {
    matches!(word, "”" | "’" | "\"" | "'" | ")" | "]" | "»" | "''")
}

/// Whether a token can be the first of a sentence.
fn can_start_sentence(word: &str) -> bool {
    word.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '“' | '"' | '‘' | '\'' | '(' | '[' | '«' | '—' | '-' | '•'
            )
    })
}

/// A single line break ends a sentence after a headline-like line: one
/// with no terminal punctuation and few tokens, or after terminal
/// punctuation.
fn line_ends_sentence(text: &str, tokens: &[Span], line_start: usize, i: usize) -> bool {
    let last = tokens[i].slice(text);
    if is_terminal(last) || is_closer(last) {
        return true;
    }
    let line_tokens = i + 1 - line_start;
    line_tokens <= 12 || !last.chars().all(char::is_alphanumeric)
}

/// A dateline at a paragraph start: capitalised place words, optionally a
/// date or "(Reuters)", then a dash ("WASHINGTON (Reuters) -", "ROME, March 13 —").
fn ends_dateline(text: &str, tokens: &[Span], line_start: usize, i: usize, s: usize) -> bool {
    let word = tokens[i].slice(text);
    if !matches!(word, "-" | "--" | "—" | "–") || i == line_start || i - line_start > 10 {
        return false;
    }
    // Only at the start of the current sentence and line.
    if tokens[line_start].start != s {
        return false;
    }
    let first = tokens[line_start].slice(text);
    first.len() > 1 && first.chars().all(|c| c.is_uppercase() || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokens;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, &tokens(text))
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Gen. Mark Milley met U.S. officials on Jan. 5. They left."),
            [
                "Gen. Mark Milley met U.S. officials on Jan. 5.",
                "They left."
            ]
        );
    }

    #[test]
    fn us_ends_a_sentence_before_an_opener() {
        assert_eq!(
            split("He flew to the U.S. The talks failed."),
            ["He flew to the U.S.", "The talks failed."]
        );
    }

    #[test]
    fn ellipsis_and_quotes() {
        assert_eq!(
            split("“It is out of control…. China calls for restraint.” Liu said."),
            [
                "“It is out of control….",
                "China calls for restraint.”",
                "Liu said."
            ]
        );
    }

    #[test]
    fn paragraphs_headlines_and_datelines() {
        assert_eq!(
            split("Key meeting in Rome\nOfficials met.\n\nWASHINGTON (Reuters) - The U.S. said no"),
            [
                "Key meeting in Rome",
                "Officials met.",
                "WASHINGTON (Reuters) -",
                "The U.S. said no"
            ]
        );
    }

    #[test]
    fn decimals_and_initials_stay_inside() {
        assert_eq!(
            split("Growth was 3.5 percent, said J. R. Smith. Next."),
            ["Growth was 3.5 percent, said J. R. Smith.", "Next."]
        );
    }
}
