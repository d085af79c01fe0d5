//! The coder's view of a sentence's tokens, with the forms it matches on.
//!
//! The tokens are `nlp`'s (`Analysis::tokens`, or `nlp::tokenize` for a
//! short name); this module only regroups them the way the verb and actor
//! patterns are written: possessive "’s" stays a token of its own
//! ("Beijing", "’s") but the other clitics rejoin their word ("won't",
//! "they're"), a run of punctuation ("--") is one token per character, and
//! the lower-case form has curly apostrophes made straight.

use model::{Span, TokenKind};
use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    /// Byte span in the document text.
    pub span: Span,
    /// The text as written.
    pub text: &'a str,
    /// Lowercase form, with curly apostrophes made straight.
    pub lower: Lower<'a>,
}

/// A token's lowercase form: the text itself where that is lowercase
/// already (most words), so that making, copying and dropping a sentence's
/// tokens allocates only for the others.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Lower<'a>(Cow<'a, str>);

impl<'a> Lower<'a> {
    /// The form as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn push_str(&mut self, s: &str) {
        self.0.to_mut().push_str(s);
    }
}

impl Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Lower<'_> {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Cow<'_, str>> for Lower<'_> {
    fn eq(&self, other: &Cow<'_, str>) -> bool {
        self.as_str() == other.as_ref()
    }
}

impl PartialEq<Lower<'_>> for &str {
    fn eq(&self, other: &Lower<'_>) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Lower<'_>> for str {
    fn eq(&self, other: &Lower<'_>) -> bool {
        self == other.as_str()
    }
}

impl From<Lower<'_>> for String {
    fn from(l: Lower<'_>) -> String {
        l.0.into_owned()
    }
}

impl From<&'static str> for Lower<'_> {
    fn from(s: &'static str) -> Self {
        Lower(Cow::Borrowed(s))
    }
}

impl From<String> for Lower<'_> {
    fn from(s: String) -> Self {
        Lower(Cow::Owned(s))
    }
}

impl Token<'_> {
    /// Whether the token starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether this is the hyphen read as "and" between two countries
    /// ("German-Dutch"): one name (an entity the `nlp` stage found over the
    /// whole word) ends before it.
    pub fn is_pair_joint(&self) -> bool {
        self.text == "-" && self.lower == "and"
    }

    /// Whether the token is a word (starts with a letter or digit, or is
    /// the "and" of a country pair).
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric) || self.is_pair_joint()
    }
}

/// The coder's tokens for the document tokens `shared` (one sentence's,
/// from `Analysis::tokens`) of `text`.
pub fn from_shared<'a>(text: &'a str, shared: &[model::Token]) -> Vec<Token<'a>> {
    let mut out: Vec<Token<'a>> = Vec::with_capacity(shared.len());
    for t in shared {
        regroup(text, t.span(), t.kind, &mut out);
    }
    out
}

/// Tokens of `text[span]` (a name or phrase), with spans into `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    let Some(s) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    // A phrase over 4 GiB (never: it is part of a document) has no tokens.
    if nlp::tokenize::refuse_too_long(s).is_err() {
        return Vec::new();
    }
    // A name or phrase is read as one sentence: a token's class, all that
    // is read here, does not depend on where sentences end, so they are not
    // looked for (the actor table tokenises ~1,200 names at every start).
    let spans = nlp::tokenize::tokens(s);
    let Ok(shared) = nlp::tokenize::annotate(s, &spans, &[Span::new(0, s.len())]) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(shared.len());
    for t in shared {
        let at = Span::new(span.start + t.span().start, span.start + t.span().end);
        regroup(text, at, t.kind, &mut out);
    }
    out
}

/// Clitics that rejoin their word ("won't" is matched whole); the
/// possessive "'s" is not among them.
/// (`lexicon`'s `event_words.txt`, `[rejoined-clitics]`.)
static REJOINED_CLITICS: std::sync::LazyLock<&lexicon::WordSet<'static>> =
    std::sync::LazyLock::new(|| &lexicon::event_words().rejoined_clitics);

/// Appends the coder's token(s) for one `nlp` token.
fn regroup<'a>(text: &'a str, span: Span, kind: TokenKind, out: &mut Vec<Token<'a>>) {
    let word = span.slice(text);
    let straight = Lower(model::form(word));
    match kind {
        TokenKind::Word => {
            if let Some(prev) = out.last_mut() {
                if prev.span.end == span.start
                    && prev.is_word()
                    && REJOINED_CLITICS.contains(&straight.as_str())
                {
                    prev.span.end = span.end;
                    prev.text = prev.span.slice(text);
                    prev.lower.push_str(&straight);
                    return;
                }
            }
            // "'90s": the apostrophe is a token of its own.
            if let Some(parts) = country_pair(word) {
                // "German-Dutch cooperation", "US-China talks": two
                // countries named together, read as "German and Dutch".
                let mut at = span.start;
                for (k, part) in parts.iter().enumerate() {
                    if k > 0 {
                        out.push(Token {
                            span: Span::new(at, at + 1),
                            text: &text[at..at + 1],
                            lower: Lower::from("and"),
                        });
                        at += 1;
                    }
                    push(out, text, Span::new(at, at + part.len()), None);
                    at += part.len();
                }
                return;
            }
            match word.chars().next() {
                Some(c) if !c.is_alphanumeric() && !straight.starts_with("'s") => {
                    let cut = span.start + c.len_utf8();
                    push(out, text, Span::new(span.start, cut), None);
                    push(out, text, Span::new(cut, span.end), None);
                }
                _ => push(out, text, span, Some(straight)),
            }
        }
        TokenKind::Punct if word.chars().nth(1).is_some() => {
            for (at, c) in word.char_indices() {
                let start = span.start + at;
                push(out, text, Span::new(start, start + c.len_utf8()), None);
            }
        }
        _ => push(out, text, span, Some(straight)),
    }
}

/// The parts of a hyphenated word whose every part names a country by its
/// name or demonym ("German-Dutch", "US-China"), else `None`.
fn country_pair(word: &str) -> Option<Vec<&str>> {
    // The first part starts where the word does, and must be capitalised:
    // most words are not, and their hyphens are not looked for.
    if !word.chars().next().is_some_and(char::is_uppercase) || !word.bytes().any(|b| b == b'-') {
        return None;
    }
    let parts: Vec<&str> = word.split('-').collect();
    let country = |p: &str| {
        p.chars().next().is_some_and(char::is_uppercase)
            && (gazetteer::country_by_name(p).is_some()
                || gazetteer::country_by_demonym(p).is_some())
    };
    (parts.len() >= 2 && parts.iter().all(|p| country(p))).then_some(parts)
}

fn push<'a>(out: &mut Vec<Token<'a>>, text: &'a str, span: Span, lower: Option<Lower<'a>>) {
    let t = span.slice(text);
    out.push(Token {
        span,
        text: t,
        lower: lower.unwrap_or_else(|| Lower(Cow::Owned(t.to_lowercase().replace('’', "'")))),
    });
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
        assert_eq!(
            words("they're -- in the '90s"),
            ["they're", "-", "-", "in", "the", "'", "90s"]
        );
    }

    #[test]
    fn country_pairs_are_coordinated() {
        let s = "German-Dutch cooperation and al-Assad's Franco-era files";
        let t = tokenize(s, Span::new(0, s.len()));
        let lower: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            lower,
            [
                "german",
                "and",
                "dutch",
                "cooperation",
                "and",
                "al-assad",
                "'s",
                "franco-era",
                "files"
            ]
        );
        assert_eq!(t[1].text, "-");
    }

    /// Each token's form is its lower case with straight apostrophes.
    #[test]
    fn every_form_is_the_lower_case_with_straight_apostrophes() {
        let s = "Officials said talks, U.S.-led and al-Qaeda’s, go on in Ünal’s café ΣΑΣ 2024-25 x-ray.";
        for t in tokenize(s, Span::new(0, s.len())) {
            let want = model::lowercase(t.text).replace('’', "'");
            assert_eq!(t.lower.as_str(), want, "{}", t.text);
        }
    }

    #[test]
    fn lower_forms_have_straight_apostrophes() {
        let s = "Beijing’s WON’T";
        let t = tokenize(s, Span::new(0, s.len()));
        let lower: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(lower, ["beijing", "'s", "won't"]);
    }
}
