//! Tokens and sentences with exact byte offsets.

use model::Span;

/// Splits `text` into word and punctuation tokens.
pub fn tokens(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || (c == '.' && start.is_some()) || c == '\'' && start.is_some() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Span::new(s, i));
        }
        if !c.is_whitespace() {
            out.push(Span::new(i, i + c.len_utf8()));
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.len()));
    }
    out
}

/// Groups tokens into sentences: a break after `.`, `!` or `?` followed by
/// an uppercase word, and at every blank line.
pub fn sentences(text: &str, tokens: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        let s = *start.get_or_insert(t.start);
        let word = t.slice(text);
        let next = tokens.get(i + 1);
        let gap = next.map(|n| &text[t.end..n.start]).unwrap_or("");
        let ends = word.ends_with(['.', '!', '?', '…'])
            && next.is_some_and(|n| {
                n.slice(text)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '“' || c == '"')
            });
        if ends || gap.contains("\n") || next.is_none() {
            out.push(Span::new(s, t.end));
            start = None;
        }
    }
    out
}
