//! The document as the attribution rules read it: tokens with their
//! lower-cased forms, quotations, and which tokens lie inside quotations.

use crate::lexicon::{CueClass, Lexicon};
use crate::marks::{self, Quotation};
use crate::text::{self, Token, TokenKind};
use model::Span;

/// Everything the rules look at, computed once per document.
pub struct Context<'a> {
    /// The article text.
    pub text: &'a str,
    /// The word lists.
    pub lex: &'a Lexicon,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Lower-cased forms of the tokens not written in lower case.
    pub lower: text::Lowered,
    /// Top-level quotations in text order.
    pub quotations: Vec<Quotation>,
    /// For each token, whether it lies inside a quotation (marks included).
    pub inside: Vec<bool>,
    /// For each token, the quotation it opens, if any.
    pub opens: TokenMap,
    /// For each token, the quotation it closes, if any.
    pub closes: TokenMap,
    /// Sentences as token ranges.
    pub sentences: Vec<(usize, usize)>,
    /// The first token after a line break (the end of the text's first
    /// line, where a headline ends), or the token count.
    pub first_line_end: usize,
}

impl<'a> Context<'a> {
    /// Reads `text` through its document tokens (`Analysis::tokens`).
    pub fn new(text: &'a str, shared: &'a [model::Token], lex: &'a Lexicon) -> Self {
        let (mut tokens, lower) = text::from_shared(text, shared);
        let quotations = marks::quotations(&tokens);
        let inside = marks::inside_mask(&tokens, &quotations);
        // Each word is lower-cased and looked up once here: as a cue, which
        // the rules ask of most words again and again, and, outside
        // quotations, for the claim rules that read every such word.
        for (t, &quoted) in tokens.iter_mut().zip(&inside) {
            if t.kind() != TokenKind::Word {
                continue;
            }
            let l = lower.of(t, text);
            let cue = lex.cue(l);
            t.set_cue(cue);
            if !quoted && crate::claims::may_start_claim(l, cue) {
                t.mark_may_start_claim();
            }
        }
        let opens = TokenMap::new(
            tokens.len(),
            quotations.iter().enumerate().map(|(qi, q)| (q.open, qi)),
        );
        let closes = TokenMap::new(
            tokens.len(),
            quotations
                .iter()
                .enumerate()
                .filter_map(|(qi, q)| Some((q.close?, qi))),
        );
        let sentences = text::sentences(text, &tokens, &inside, |w| lex.cue(w).is_some());
        let first_line_end = tokens
            .iter()
            .position(|t| t.after_newline())
            .unwrap_or(tokens.len());
        Context {
            text,
            lex,
            tokens,
            lower,
            quotations,
            inside,
            opens,
            closes,
            sentences,
            first_line_end,
        }
    }

    /// Lower-cased token `i` ("" past the end); inlined always, as it is
    /// asked of every token many times over: called, it cost some 37
    /// instructions, a third of them the call.
    #[inline(always)]
    pub fn low(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) => self.lower.of(t, self.text),
            None => "",
        }
    }

    /// The cue class of token `i`, as `lex.cue(low(i))` tells (`None`
    /// past the end): a word's is read from the token, looked up once.
    #[inline]
    pub fn cue(&self, i: usize) -> Option<CueClass> {
        let t = self.tokens.get(i)?;
        if t.kind() == TokenKind::Word {
            t.cue()
        } else {
            // No listed cue is punctuation; asked all the same, so that
            // this answers as the lexicon does for any token.
            self.lex.cue(self.lower.of(t, self.text))
        }
    }

    /// Whether token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind() == TokenKind::Word)
    }

    /// Whether token `i` is a capitalised word.
    pub fn is_cap(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(Token::is_capitalised)
    }

    /// Whether token `i` is this punctuation character.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Whether token `i` is a quotation mark.
    pub fn is_mark(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| matches!(t.kind(), TokenKind::Mark(_)))
    }

    /// Byte span of the token range `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        if start >= end || end > self.tokens.len() {
            return Span::default();
        }
        Span::new(
            self.tokens[start].span().start,
            self.tokens[end - 1].span().end,
        )
    }

    /// Text of the token range `[start, end)`.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        self.span(start, end).slice(self.text)
    }

    /// The quotation whose marks enclose exactly the token range
    /// `[start, end)` (marks included or excluded).
    pub fn quotation_exactly(&self, start: usize, end: usize) -> Option<usize> {
        let (mut s, mut e) = (start, end);
        // Step outside surrounding marks if the range is only the content.
        if s > 0 && self.is_mark(s - 1) && !self.is_mark(s) {
            s -= 1;
        }
        if e < self.tokens.len() && self.is_mark(e) && !self.is_mark(e.saturating_sub(1)) {
            e += 1;
        }
        let qi = self.opens.get(s).copied().flatten()?;
        let q = &self.quotations[qi];
        let last = q.close.unwrap_or(q.end_token.saturating_sub(1));
        // Allow trailing punctuation after the closing mark.
        let mut tail = last + 1;
        while tail < e && matches!(self.tokens[tail].kind(), TokenKind::Punct(_)) {
            tail += 1;
        }
        (tail >= e && last < e).then_some(qi)
    }

    /// Whether word `i` may sit between a speaker and a cue (an auxiliary or
    /// adverb: "has already said"). A capitalised word is a name there
    /// ("Kelly said", "said Will Doyle"), except in the headline, where
    /// every word is capitalised ("Trump Also Says").
    pub fn between(&self, i: usize) -> bool {
        self.is_word(i)
            && self.lex.is_between(self.low(i))
            && (!self.is_cap(i) || i < self.first_line_end)
    }

    /// Whether the quotation closing at token `close` ends in the comma,
    /// question or exclamation mark of an attributed quotation ("…,” she
    /// said"), looking past nested closing marks ("…called ‘miracles,’”").
    pub fn ends_attributed(&self, close: usize) -> bool {
        let mut k = close;
        while k > 0 && self.is_mark(k - 1) && k + 3 > close {
            k -= 1;
        }
        k > 0 && matches!(self.tokens[k - 1].kind(), TokenKind::Punct(',' | '?' | '!'))
    }

    /// Number of word tokens in `[start, end)`.
    pub fn word_count(&self, start: usize, end: usize) -> usize {
        (start..end.min(self.tokens.len()))
            .filter(|&i| self.is_word(i))
            .count()
    }

    /// Whether any quotation mark lies in `[start, end)`.
    pub fn has_mark(&self, start: usize, end: usize) -> bool {
        (start..end.min(self.tokens.len())).any(|i| self.is_mark(i))
    }
}

/// A value for a few of the document's tokens (the quotation a mark opens or
/// closes), read like a `Vec<Option<usize>>` with one entry per token. Kept
/// sparse: two vectors of a word per token were a long document's largest
/// allocations in this stage, for a handful of marks.
#[derive(Debug, Clone, Default)]
pub struct TokenMap {
    len: usize,
    /// (token, value), sorted by token.
    entries: Vec<(usize, Option<usize>)>,
}

impl TokenMap {
    /// The map of `len` tokens holding `entries` (token, value); a later
    /// entry for the same token wins, as an assignment into a vector would.
    fn new(len: usize, entries: impl Iterator<Item = (usize, usize)>) -> Self {
        let mut entries: Vec<(usize, Option<usize>)> = entries.map(|(i, v)| (i, Some(v))).collect();
        // Stable, so entries for one token keep their order and the last wins.
        entries.sort_by_key(|&(i, _)| i);
        entries.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                earlier.1 = later.1;
            }
            same
        });
        TokenMap { len, entries }
    }

    /// The value of token `i` (`None` past the last token, as `Vec::get`).
    pub fn get(&self, i: usize) -> Option<&Option<usize>> {
        (i < self.len).then(|| &self[i])
    }
}

impl std::ops::Index<usize> for TokenMap {
    type Output = Option<usize>;

    fn index(&self, i: usize) -> &Option<usize> {
        assert!(
            i < self.len,
            "token {i} out of range of {} tokens",
            self.len
        );
        match self.entries.binary_search_by_key(&i, |&(t, _)| t) {
            Ok(at) => &self.entries[at].1,
            Err(_) => &None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token's kept cue class answers as the lexicon does for its
    /// lower-cased text, and every word a claim rule starts from outside
    /// quotations is marked.
    #[test]
    fn kept_cue_classes_and_claim_starts_agree_with_the_lexicon() {
        let lex = Lexicon::new();
        let text = "Officials SAID on Monday, “We told them,” adding that talks, \
                    reportedly stalled, would go on. Critics saw it as a ploy, \
                    according to Reuters; the court ruled that … “Said” — Warned.";
        let (shared, _) = nlp::tokenize::document(text).expect("a test text is short");
        let cx = Context::new(text, &shared, &lex);
        let mut starts = 0;
        for i in 0..cx.tokens.len() + 2 {
            assert_eq!(cx.cue(i), lex.cue(cx.low(i)), "{i}: {}", cx.low(i));
            let Some(t) = cx.tokens.get(i) else { continue };
            let start = t.kind() == TokenKind::Word
                && !cx.inside[i]
                && crate::claims::may_start_claim(cx.low(i), lex.cue(cx.low(i)));
            assert_eq!(t.may_start_claim(), start, "{}", cx.low(i));
            starts += usize::from(start);
        }
        // said, adding, talks, reportedly, saw, according, ruled.
        assert!(starts >= 6, "{starts}");
        assert!(!cx
            .tokens
            .iter()
            .any(|t| t.kind() != TokenKind::Word && (t.may_start_claim() || t.cue().is_some())));
    }
}
