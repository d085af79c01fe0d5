//! The document's tokens as `nlp` cuts them, with what later stages read.
//!
//! There is one tokeniser (`nlp::tokenize`). Its tokens are stored in
//! [`Analysis::tokens`](crate::Analysis::tokens) with their class,
//! sentence and line position, so that `attribution` and `events` group
//! them into the views they need instead of cutting the text again.

use crate::Span;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// One token of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Byte span in the article text.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
    /// Index of the sentence it belongs to in `Analysis::sentences`.
    pub sentence: u32,
    /// Whether a line break lies between the previous token and this one.
    pub after_newline: bool,
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

/// Appends `word` lower-cased to `out` when that differs from `word` (see
/// [`lowercase`]), and tells whether it did.
pub fn push_lowercase(word: &str, out: &mut String) -> bool {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return false;
    }
    if word.is_ascii() {
        // Most words: a byte loop, where `to_lowercase` goes by characters.
        let at = out.len();
        out.push_str(word);
        out[at..].make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
    true
}
