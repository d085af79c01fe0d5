//! The attribution stage's own view of the text: words, quotation marks,
//! paragraphs and quote-aware sentences, with byte offsets.
//!
//! The stage cuts words itself rather than relying on `nlp` tokens, because it
//! needs quotation marks classified (opening, closing, straight) and sentences
//! that never split inside a quotation.

use model::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner periods, apostrophes and hyphens
    /// ("U.S", "Beijing’s", "far-right").
    Word,
    /// A quotation mark.
    Mark(Mark),
    /// Any other punctuation character.
    Punct(char),
}

/// A quotation mark and which way it faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// “ « „ — always opens a double quotation.
    DoubleOpen,
    /// ” » — always closes a double quotation.
    DoubleClose,
    /// " or '' — opens or closes, by context.
    DoubleStraight,
    /// ‘ or a straight ' at a word start — may open a single quotation.
    SingleOpen,
    /// ’ or a straight ' at a word end — may close a single quotation.
    SingleClose,
}

impl Mark {
    /// Whether the mark belongs to the double (top-level) family.
    pub fn is_double(self) -> bool {
        matches!(
            self,
            Mark::DoubleOpen | Mark::DoubleClose | Mark::DoubleStraight
        )
    }
}

/// One token with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// Whether a line break lies between the previous token and this one.
    pub after_newline: bool,
}

impl Token {
    /// Whether the token is a word starting with an upper-case letter.
    pub fn is_capitalised(&self, text: &str) -> bool {
        self.kind == TokenKind::Word
            && self
                .span
                .slice(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// Whether the token is this punctuation character.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }
}

/// Splits `text` into words, punctuation and quotation marks.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut newline = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            newline |= c == '\n' || c == '\r';
            i += 1;
            continue;
        }
        let start = i;
        let prev = if i == 0 { None } else { at(i - 1) };
        let kind = if c.is_alphanumeric() {
            i += 1;
            while let Some(d) = at(i) {
                // "2,400" is one number, not a clause break.
                let thousands = d == ','
                    && at(i - 1).is_some_and(|p| p.is_ascii_digit())
                    && at(i + 1).is_some_and(|n| n.is_ascii_digit());
                let joins = (matches!(d, '.' | '\'' | '’' | '-' | '‐' | '&')
                    && at(i + 1).is_some_and(char::is_alphanumeric))
                    || thousands;
                if d.is_alphanumeric() || joins {
                    i += if joins { 2 } else { 1 };
                } else {
                    break;
                }
            }
            TokenKind::Word
        } else if c == '\'' && at(i + 1) == Some('\'') {
            i += 2;
            TokenKind::Mark(Mark::DoubleStraight)
        } else if let Some(mark) = classify_mark(c, prev, at(i + 1)) {
            i += 1;
            // "the farmers’ union": a plural possessive, not a closing mark.
            let possessive = mark == Mark::SingleClose
                && matches!(prev, Some('s' | 'S'))
                && at(i) == Some(' ')
                && at(i + 1).is_some_and(char::is_lowercase);
            if possessive {
                TokenKind::Punct(c)
            } else {
                TokenKind::Mark(mark)
            }
        } else {
            i += 1;
            TokenKind::Punct(c)
        };
        out.push(Token {
            span: Span::new(byte(start), byte(i)),
            kind,
            after_newline: newline,
        });
        newline = false;
    }
    out
}

/// Classifies a quotation-mark character from its neighbours.
fn classify_mark(c: char, prev: Option<char>, next: Option<char>) -> Option<Mark> {
    let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    Some(match c {
        '“' | '«' | '„' => Mark::DoubleOpen,
        '”' | '»' => Mark::DoubleClose,
        '"' => Mark::DoubleStraight,
        '‘' => Mark::SingleOpen,
        '’' | '\'' => {
            if space_before && next.is_some_and(char::is_alphanumeric) {
                Mark::SingleOpen
            } else {
                Mark::SingleClose
            }
        }
        _ => return None,
    })
}

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "adm", "sgt", "gov", "sen",
    "rep", "rev", "hon", "pres", "st", "jr", "sr", "inc", "corp", "ltd", "co", "no", "vs", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ariz", "calif",
    "fla", "ga", "ill", "mass", "mich", "pa", "tenn", "tex", "va", "wash",
];

/// Whether the word before a period makes it an abbreviation's period.
fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    word.contains('.')
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || ABBREVIATIONS.contains(&lower.as_str())
}

/// Sentences as token index ranges `[start, end)`: split after `.`, `!`, `?`
/// followed by a capitalised word or an opening mark, and at every line
/// break, but never inside a quotation (`inside_quote[i]` tells).
pub fn sentences(
    text: &str,
    tokens: &[Token],
    inside_quote: &[bool],
    is_cue: impl Fn(&str) -> bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..tokens.len() {
        let next = tokens.get(i + 1);
        let Some(next) = next else { break };
        let boundary = if next.after_newline {
            true
        } else if inside_quote[i] && inside_quote[i + 1] {
            false
        } else {
            ends_sentence(text, tokens, i)
                && !attribution_follows(text, tokens, inside_quote, i, &is_cue)
        };
        if boundary {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push((start, tokens.len()));
    }
    out
}

/// Whether a cue follows a closing mark closely ("“…?” Trump said"), so
/// the quotation's end punctuation does not end the sentence.
fn attribution_follows(
    text: &str,
    tokens: &[Token],
    inside_quote: &[bool],
    i: usize,
    is_cue: &impl Fn(&str) -> bool,
) -> bool {
    if !matches!(tokens[i].kind, TokenKind::Mark(_)) {
        return false;
    }
    // Only a quotation that opens its sentence is attributed after its
    // close ("“Is that all?” Trump said"); a quoted phrase ending a
    // sentence is followed by a new one ("… “dear to me.” He said …").
    let mut open = i;
    // A paragraph start ends the walk: the quotation before it is another.
    while open > 0 && inside_quote[open - 1] && !tokens[open].after_newline {
        open -= 1;
    }
    let opens_sentence = open == 0
        || tokens[open].after_newline
        || matches!(
            tokens[open - 1].kind,
            TokenKind::Punct('.' | '!' | '?' | ':') | TokenKind::Mark(_)
        );
    if !opens_sentence {
        return false;
    }
    // The cue must end its clause within a few words ("Trump said Sunday
    // on CNN."); "“….” Reid said both Rubio and Cruz are …" is a new
    // sentence with content of its own.
    let Some(cue) = tokens[i + 1..]
        .iter()
        .take(5)
        .take_while(|t| t.kind == TokenKind::Word || t.is_punct('.'))
        .position(|t| is_cue(&t.span.slice(text).to_lowercase()))
    else {
        return false;
    };
    let after = i + 2 + cue;
    tokens[after.min(tokens.len())..]
        .iter()
        .take_while(|t| t.kind == TokenKind::Word)
        .count()
        <= 3
}

/// Whether a sentence ends right after token `i` (line breaks aside).
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let next = &tokens[i + 1];
    let starts_new = next.is_capitalised(text)
        || matches!(
            next.kind,
            TokenKind::Mark(Mark::DoubleOpen | Mark::DoubleStraight)
        )
        || next
            .span
            .slice(text)
            .starts_with(|c: char| c.is_ascii_digit());
    match t.kind {
        TokenKind::Punct('!' | '?' | '…') => starts_new,
        TokenKind::Punct('.') => {
            let abbreviation = i > 0
                && tokens[i - 1].kind == TokenKind::Word
                && tokens[i - 1].span.end == t.span.start
                && is_abbreviation(tokens[i - 1].span.slice(text));
            starts_new && !abbreviation
        }
        // A closing mark right after sentence punctuation: “… now.” Then
        TokenKind::Mark(Mark::DoubleClose | Mark::DoubleStraight | Mark::SingleClose) => {
            i > 0
                && matches!(tokens[i - 1].kind, TokenKind::Punct('.' | '!' | '?' | '…'))
                && next.is_capitalised(text)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn keeps_abbreviations_and_possessives_whole() {
        assert_eq!(
            words("U.S. officials’ “war,” Beijing’s"),
            vec![
                "U.S",
                ".",
                "officials",
                "’",
                "“",
                "war",
                ",",
                "”",
                "Beijing’s"
            ]
        );
    }

    #[test]
    fn classifies_straight_single_quotes_by_position() {
        let text = "'Go,' he said";
        let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
        assert_eq!(kinds[0], TokenKind::Mark(Mark::SingleOpen));
        assert_eq!(kinds[3], TokenKind::Mark(Mark::SingleClose));
    }

    #[test]
    fn splits_sentences_but_not_after_titles() {
        let text = "Mr. Li spoke. Then he left.\nNew line";
        let toks = tokenize(text);
        let inside = vec![false; toks.len()];
        let s = sentences(text, &toks, &inside, |w| w == "said");
        assert_eq!(s.len(), 3);
    }
}
