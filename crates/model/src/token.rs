//! The document's tokens as `nlp` cuts them, with what later stages read.
//!
//! There is one tokeniser (`nlp::tokenize`). Its tokens are stored in
//! [`Analysis::tokens`](crate::Analysis::tokens) with their class,
//! sentence and line position, so that `attribution` and `events` group
//! them into the views they need instead of cutting the text again.

use crate::{OverBudget, Span};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The longest text, in bytes, whose tokens a [`Token`] can point into:
/// token offsets are 32-bit, which halves a long document's largest vector
/// (a token is 16 bytes, not 24). `ingest` and `analyze` refuse documents
/// over 64 MiB by default (`--max-bytes`); a text past this one is refused
/// with [`OverBudget::TooLong`] where its tokens are made
/// ([`Token::new`]), never cut or wrapped.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// One token of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TokenFields", into = "TokenFields")]
pub struct Token {
    /// First byte in the article text (see [`Token::span`]).
    start: u32,
    /// One past the last byte.
    end: u32,
    /// Index of the sentence it belongs to in `Analysis::sentences`.
    pub sentence: u32,
    /// What the token is.
    pub kind: TokenKind,
    /// Whether a line break lies between the previous token and this one.
    pub after_newline: bool,
}

/// A [`Token`] as serde writes it: the byte span as a [`Span`], as before
/// the offsets were made 32-bit.
#[derive(Serialize, Deserialize)]
struct TokenFields {
    span: Span,
    kind: TokenKind,
    sentence: u32,
    after_newline: bool,
}

impl From<Token> for TokenFields {
    fn from(t: Token) -> Self {
        TokenFields {
            span: t.span(),
            kind: t.kind,
            sentence: t.sentence,
            after_newline: t.after_newline,
        }
    }
}

impl TryFrom<TokenFields> for Token {
    type Error = OverBudget;

    fn try_from(t: TokenFields) -> Result<Self, OverBudget> {
        let mut token = Token::new(t.span, t.kind, 0, t.after_newline)?;
        token.sentence = t.sentence;
        Ok(token)
    }
}

/// The class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenKind {
    /// Starts with a letter or digit: a word, number, abbreviation with its
    /// period ("U.S.", "Gen."), clitic ("’s", "n't"), URL.
    Word,
    /// A quotation mark, with the way it faces.
    Quote(Mark),
    /// Any other punctuation (a run of one character, "--" or "...", is one
    /// token); also an apostrophe that marks a plural possessive
    /// ("the farmers’ union") rather than a quotation.
    Punct,
}

/// A quotation mark and which way it faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

impl Mark {
    /// The mark a quotation character is, from the characters around it
    /// (`None` for a character that is not a quotation mark). A straight or
    /// curly apostrophe after a space and before a letter opens ('Go,'), any
    /// other closes.
    pub fn classify(c: char, prev: Option<char>, next: Option<char>) -> Option<Mark> {
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
}

impl Token {
    /// The token at byte span `span` of sentence `sentence`: the one place
    /// where a document's byte offsets become 32-bit.
    ///
    /// # Errors
    ///
    /// [`OverBudget::TooLong`] when `span` ends past [`MAX_TEXT_BYTES`]
    /// (the sentence index is then past it too).
    pub fn new(
        span: Span,
        kind: TokenKind,
        sentence: usize,
        after_newline: bool,
    ) -> Result<Token, OverBudget> {
        let too_long = || OverBudget::TooLong { bytes: span.end };
        // A sentence holds a byte at least, so its index fits where the
        // offsets do.
        let (Ok(start), Ok(end), Ok(sentence)) = (
            u32::try_from(span.start),
            u32::try_from(span.end),
            u32::try_from(sentence),
        ) else {
            return Err(too_long());
        };
        Ok(Token {
            start,
            end,
            sentence,
            kind,
            after_newline,
        })
    }

    /// The byte span in the article text.
    pub fn span(&self) -> Span {
        // u32 → usize never loses anything on the 32- and 64-bit targets
        // the crate builds for.
        Span::new(self.start as usize, self.end as usize)
    }

    /// Whether the token is a word (starts with a letter or digit).
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// `word` lower-cased (`str::to_lowercase`), as the word lists compare it;
/// borrowed when it has no upper-case letter to change (punctuation, most
/// words). Each stage lower-cases the tokens of its own view: a form stored
/// in every `Token` was half of a long document's token memory (24 of 48
/// bytes a token).
pub fn lowercase(word: &str) -> Cow<'_, str> {
    let mut lower = String::new();
    if push_lowercase(word, &mut lower) {
        Cow::Owned(lower)
    } else {
        Cow::Borrowed(word)
    }
}

/// `word`'s form as the word lists and dictionaries compare it: lower case
/// ([`lowercase`]) with straight apostrophes ("Beijing’s" → "beijing's");
/// borrowed when that is `word` itself (most words).
pub fn form(word: &str) -> Cow<'_, str> {
    let mut out = String::new();
    if push_form(word, &mut out) {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(word)
    }
}

/// Appends `word`'s [`form`] to `out` when it differs from `word`, and
/// tells whether it did. A word in lower-case ASCII, most of a text, is
/// its own form, told in one pass over its bytes before any other test.
pub fn push_form(word: &str, out: &mut String) -> bool {
    if is_lower_ascii(word) {
        return false;
    }
    if !word.is_ascii() && word.contains('’') {
        out.push_str(&lowercase(word).replace('’', "'"));
        return true;
    }
    push_lowercase(word, out)
}

/// Whether `word` is ASCII without an upper-case letter: its own lower case.
#[inline]
fn is_lower_ascii(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// `char::is_alphanumeric`, answered at once for the General Punctuation
/// block (’ “ ” — …), which holds no letter or digit: the apostrophe of
/// most possessives ("Beijing’s") and every curly quote were looked up in
/// the Unicode tables, some 500 instructions each, by the tokeniser and
/// again by the stages that regroup its tokens.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    !matches!(c, '\u{2000}'..='\u{206F}') && c.is_alphanumeric()
}

/// Whether `name` is ASCII letters between single spaces, which the
/// tokenisers cut at the spaces and nowhere else: such a name (most table
/// and gazetteer names) can be split or keyed without tokenising it, which
/// costs some 2,500 instructions a name at every start. Each caller's test
/// reads its built-in names both ways.
pub fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with(' ')
        && !name.ends_with(' ')
        && !name.contains("  ")
        && name.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ')
}

/// Appends `word` lower-cased to `out` when that differs from `word` (see
/// [`lowercase`]), and tells whether it did: a word already in lower case,
/// ASCII or not ("café", "“"), leaves `out` as it was.
pub fn push_lowercase(word: &str, out: &mut String) -> bool {
    if is_lower_ascii(word) {
        return false;
    }
    let at = out.len();
    if word.is_ascii() {
        // Most words: a byte loop, where `to_lowercase` goes by characters.
        out.push_str(word);
        out[at..].make_ascii_lowercase();
        return true;
    }
    if word.contains('Σ') {
        // A final sigma lower-cases by its place in the word, which only
        // `str::to_lowercase` knows; a capital sigma always changes.
        out.push_str(&word.to_lowercase());
        return true;
    }
    // Otherwise `str::to_lowercase` maps character by character: written
    // into `out` in place and taken back when nothing changed, with no
    // `String` of its own.
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    if out[at..] == *word {
        out.truncate(at);
        return false;
    }
    true
}

#[cfg(test)]
mod tests {

    /// A word's form is its lower case with straight apostrophes,
    /// borrowed exactly when that is the word as written.
    #[test]
    fn a_form_is_the_lower_case_with_straight_apostrophes() {
        for word in [
            "said",
            "Said",
            "Beijing’s",
            "beijing’s",
            "café",
            "CAFÉ",
            "ΣΑΣ",
            "“",
            "2024-25",
            "won’t",
            "O'Neill",
        ] {
            let want = word.to_lowercase().replace('’', "'");
            let got = form(word);
            assert_eq!(got, want, "{word}");
            assert_eq!(matches!(got, Cow::Borrowed(_)), want == word, "{word}");
            let mut out = String::from("x");
            assert_eq!(push_form(word, &mut out), want != word, "{word}");
            assert_eq!(
                out,
                if want == word {
                    "x".to_string()
                } else {
                    format!("x{want}")
                }
            );
        }
    }
    use super::*;

    #[test]
    fn a_token_keeps_its_span_and_refuses_one_past_four_gib() {
        let t = Token::new(Span::new(3, 9), TokenKind::Word, 2, true).expect("fits");
        assert_eq!(t.span(), Span::new(3, 9));
        assert_eq!(std::mem::size_of::<Token>(), 16);
        let last = Span::new(MAX_TEXT_BYTES - 1, MAX_TEXT_BYTES);
        assert_eq!(
            Token::new(last, TokenKind::Word, 0, false).map(|t| t.span()),
            Ok(last)
        );
        let past = Span::new(MAX_TEXT_BYTES - 1, MAX_TEXT_BYTES + 1);
        assert_eq!(
            Token::new(past, TokenKind::Word, 0, false),
            Err(OverBudget::TooLong {
                bytes: MAX_TEXT_BYTES + 1
            })
        );
    }

    #[test]
    fn a_token_serialises_with_its_span_as_before() {
        let t = Token::new(Span::new(3, 9), TokenKind::Punct, 1, false).expect("fits");
        let json = serde_json::to_string(&t).expect("serialises");
        assert_eq!(
            json,
            r#"{"span":{"start":3,"end":9},"kind":"Punct","sentence":1,"after_newline":false}"#
        );
        assert_eq!(serde_json::from_str::<Token>(&json).ok(), Some(t));
    }

    /// The General Punctuation block holds no letter or digit, as
    /// `is_alphanumeric` takes for granted.
    #[test]
    fn general_punctuation_is_not_alphanumeric() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric());
        }
        for c in ['a', 'Z', '7', 'É', '’', '“', '-', '\u{2070}', '\u{2071}'] {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn push_lowercase_adds_only_a_changed_form() {
        for word in [
            "officials",
            "Officials",
            "café",
            "Café",
            "“",
            "Beijing’s",
            "ΣΟΦΙΑ",
            "ὈΔΥΣΣΕΎΣ",
            "\u{212A}",
            "İstanbul",
            "ǅ",
            "",
            "1,000",
        ] {
            let mut out = String::from("x");
            let changed = push_lowercase(word, &mut out);
            let want = word.to_lowercase();
            assert_eq!(changed, want != word, "{word:?}");
            assert_eq!(
                out,
                if changed {
                    format!("x{want}")
                } else {
                    "x".to_string()
                }
            );
            assert_eq!(lowercase(word), want);
        }
    }
}
