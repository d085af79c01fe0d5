//! Pairs quotation marks into quotations.
//!
//! Double marks (“ ” " '' « » „) make top-level quotations; single marks
//! inside them are nested quotes and stay part of the content. Single marks
//! make a top-level quotation only where no double quotation is open
//! (British style: ‘…,’ he said). A quotation left open at the end of a
//! paragraph continues when the next paragraph opens with a mark (the
//! multi-paragraph convention); otherwise it ends with its paragraph, so an
//! unbalanced mark never swallows the rest of the document.

use crate::text::{Mark, Token, TokenKind};
use model::Span;

/// One quotation: its marks and content, as token indices and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when it never closes.
    pub close: Option<usize>,
    /// Token index one past the last content token.
    pub end_token: usize,
    /// The content between the marks (continuation marks included).
    pub content: Span,
}

/// State of the quotation currently open.
struct Open {
    token: usize,
    double: bool,
    /// Opened with a straight mark (" or ''), not a curly or angled one.
    straight: bool,
}

/// Finds every top-level quotation in `tokens`, in text order.
pub fn quotations(tokens: &[Token]) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    // Last content token of the quotation currently open.
    let mut last_inside: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        if t.after_newline() {
            if let Some(o) = open.take() {
                // The next paragraph's opening mark must be of the same
                // style: a straight mark left open before a curly one
                // marks an excerpt, not the quotation's first paragraph.
                let continues = matches!(t.kind(), TokenKind::Mark(m) if m.is_double() == o.double
                    && m != Mark::DoubleClose
                    && m != Mark::SingleClose
                    && (m == Mark::DoubleStraight) == o.straight);
                if continues {
                    open = Some(o);
                    last_inside = Some(i);
                    continue;
                }
                out.push(unclosed(tokens, &o, last_inside.unwrap_or(o.token)));
            }
        }
        let TokenKind::Mark(mark) = t.kind() else {
            if open.is_some() {
                last_inside = Some(i);
            }
            continue;
        };
        match &open {
            None => {
                // "”Fear. I am …" — a closing mark typed at a paragraph's
                // start, touching the word after it, opens.
                let misturned = mark == Mark::DoubleClose
                    && (i == 0 || t.after_newline())
                    && tokens.get(i + 1).is_some_and(|n| {
                        n.kind() == TokenKind::Word && n.span().start == t.span().end
                    });
                if misturned
                    || matches!(
                        mark,
                        Mark::DoubleOpen | Mark::DoubleStraight | Mark::SingleOpen
                    )
                {
                    open = Some(Open {
                        token: i,
                        double: mark.is_double(),
                        straight: mark == Mark::DoubleStraight,
                    });
                    last_inside = None;
                }
            }
            Some(o) => {
                let closes = if o.double {
                    matches!(mark, Mark::DoubleClose | Mark::DoubleStraight)
                } else {
                    mark == Mark::SingleClose
                };
                if closes {
                    let start = tokens[o.token].span().end;
                    out.push(Quotation {
                        open: o.token,
                        close: Some(i),
                        end_token: i,
                        content: Span::new(start, t.span().start.max(start)),
                    });
                    open = None;
                } else if o.double && mark == Mark::DoubleOpen {
                    // A second opening mark: the first never closed.
                    let o = Open {
                        token: o.token,
                        double: true,
                        straight: o.straight,
                    };
                    out.push(unclosed(tokens, &o, last_inside.unwrap_or(o.token)));
                    open = Some(Open {
                        token: i,
                        double: true,
                        straight: false,
                    });
                    last_inside = None;
                } else {
                    last_inside = Some(i);
                }
            }
        }
    }
    if let Some(o) = open {
        out.push(unclosed(tokens, &o, last_inside.unwrap_or(o.token)));
    }
    out.retain(|q| !q.content.is_empty());
    out
}

/// A quotation that never closes, cut at its last content token.
fn unclosed(tokens: &[Token], o: &Open, last: usize) -> Quotation {
    let start = tokens[o.token].span().end;
    let end = tokens[last].span().end.max(start);
    Quotation {
        open: o.token,
        close: None,
        end_token: last + 1,
        content: Span::new(start, end),
    }
}

/// For each token, whether it lies inside a quotation (marks included).
pub fn inside_mask(tokens: &[Token], quotes: &[Quotation]) -> Vec<bool> {
    let mut mask = vec![false; tokens.len()];
    for q in quotes {
        let last = q.close.unwrap_or(q.end_token.saturating_sub(1));
        for m in mask.iter_mut().take(last + 1).skip(q.open) {
            *m = true;
        }
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn contents(text: &str) -> Vec<String> {
        quotations(&tokenize(text))
            .iter()
            .map(|q| q.content.slice(text).to_string())
            .collect()
    }

    #[test]
    fn pairs_curly_straight_and_guillemet_marks() {
        assert_eq!(
            contents("“One,” he said. \"Two.\" «Trois»"),
            vec!["One,", "Two.", "Trois"]
        );
    }

    #[test]
    fn keeps_nested_single_quotes_inside() {
        assert_eq!(
            contents("“He called it ‘a lie’ today,” she said."),
            vec!["He called it ‘a lie’ today,"]
        );
    }

    #[test]
    fn continues_across_paragraphs_that_open_with_a_mark() {
        let text = "“First part.\n\n“Second part,” he said.";
        assert_eq!(contents(text), vec!["First part.\n\n“Second part,"]);
    }

    #[test]
    fn a_straight_mark_left_open_does_not_continue_into_a_curly_one() {
        let text = "\"Ana was angry.\n\n\u{201c}It never crossed my mind,\u{201d} she said.";
        assert_eq!(
            contents(text),
            vec!["Ana was angry.", "It never crossed my mind,"]
        );
        let text = "\"First part.\n\n\"Second part,\" he said.";
        assert_eq!(contents(text), vec!["First part.\n\n\"Second part,"]);
    }

    #[test]
    fn unclosed_mark_stops_at_paragraph_end() {
        let text = "“Never closed here.\n\nLater “fine” text.";
        assert_eq!(contents(text), vec!["Never closed here.", "fine"]);
    }

    #[test]
    fn closing_mark_at_paragraph_start_opens() {
        let text = "Intro.\n”Fear. I am afraid.” ― Ana Ruiz";
        assert_eq!(contents(text), vec!["Fear. I am afraid."]);
    }

    #[test]
    fn british_single_quotes_split_around_cue() {
        assert_eq!(
            contents("'We will act,' Sullivan said. 'Soon.'"),
            vec!["We will act,", "Soon."]
        );
    }
}
