//! The attribution stage's view of the document's tokens: words, quotation
//! marks, paragraphs and quote-aware sentences, with byte offsets.
//!
//! The tokens are `nlp`'s (`Analysis::tokens`, quotation marks already faced);
//! this module regroups them the way the attribution rules read text: a word
//! keeps its clitic and inner marks ("Beijing’s", "don't"), an abbreviation's
//! period is a token of its own ("U.S", "."), every punctuation character is
//! one token, and sentences never split inside a quotation.

use crate::lexicon::CueClass;
use model::is_alphanumeric;
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

pub use model::Mark;

/// One token with its byte span: 16 bytes, as four 32-bit fields (its
/// kind and two flags packed in one: a long document's largest vector,
/// 24 bytes a token with an enum and two `bool`s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it starts (see [`Token::span`]): 32-bit, as `model::Token`'s
    /// offsets, which it is cut from.
    start: u32,
    /// One past its last byte.
    end: u32,
    /// Its [`TokenKind`] and flags, as [`pack`] lays them out.
    packed: u32,
    /// Where its lower-cased form is ([`Lowered::of`]): [`AS_WRITTEN`], or
    /// its index among the forms that differ from the text, where a `Cow`
    /// per token took 24 bytes more.
    lower: u32,
}

/// The bits of [`Token::packed`] above a punctuation character's (every
/// `char` is below 2^21).
const CHAR_BITS: u32 = 21;
/// The kind's tag: a word, a mark or punctuation.
const TAG_SHIFT: u32 = CHAR_BITS;
/// A mark's [`Mark`] (its index in [`MARKS`]).
const MARK_SHIFT: u32 = TAG_SHIFT + 2;
/// [`Token::may_start_claim`]: a word's bit (a word keeps no character in
/// the bits below [`TAG_SHIFT`]), set by [`Token::mark_may_start_claim`].
const MAY_START_CLAIM: u32 = 1;
/// The kind's tag bits.
const TAG_MASK: u32 = 3 << TAG_SHIFT;
/// A word's [`Token::cue`] (two bits above [`MAY_START_CLAIM`]).
const CUE_SHIFT: u32 = 1;
/// [`Token::is_capitalised`], read once when the token is made: the rules
/// ask it of a word many times over, and each asking decoded its first
/// character from the text.
const CAPITALISED: u32 = 1 << 29;
/// [`Token::after_newline`].
const AFTER_NEWLINE: u32 = 1 << 30;
/// [`Token::abbreviation`].
const ABBREVIATION: u32 = 1 << 31;
/// Every [`Mark`], in the order [`pack`] numbers them.
const MARKS: [Mark; 5] = [
    Mark::DoubleOpen,
    Mark::DoubleClose,
    Mark::DoubleStraight,
    Mark::SingleOpen,
    Mark::SingleClose,
];

/// `kind` and the line-break flag as [`Token::packed`] keeps them.
fn pack(kind: TokenKind, after_newline: bool) -> u32 {
    let kind = match kind {
        TokenKind::Word => 0,
        // `MARKS` lists them in their declared order.
        TokenKind::Mark(m) => (1 << TAG_SHIFT) | ((m as u32) << MARK_SHIFT),
        TokenKind::Punct(c) => (2 << TAG_SHIFT) | u32::from(c),
    };
    if after_newline {
        kind | AFTER_NEWLINE
    } else {
        kind
    }
}

/// `offset` as a token keeps it. Every offset of the view is one of a
/// `model::Token`'s, which `model::Token::new` checked to fit, so none is
/// ever clamped.
fn offset(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// A token written in lower case already: its text is its lower-cased form.
const AS_WRITTEN: u32 = u32::MAX;

/// The lower-cased forms of the tokens not written in lower case, one after
/// another ("officials" for "Officials").
#[derive(Debug, Default)]
pub struct Lowered {
    forms: String,
    /// Where each form ends in `forms`.
    ends: Vec<usize>,
}

impl Lowered {
    /// Keeps the lower-cased form of `word` if it differs from `word`, and
    /// returns where it is, for the token to keep.
    fn add(&mut self, word: &str) -> u32 {
        // Past four billion forms (never, under `ingest`'s and `analyze`'s
        // size limits) a word keeps its case.
        match u32::try_from(self.ends.len()) {
            Ok(k) if k != AS_WRITTEN && self.push_changed(word) => {
                self.ends.push(self.forms.len());
                k
            }
            _ => AS_WRITTEN,
        }
    }

    /// [`Lowered::add`] for an ASCII word with an upper-case letter, whose
    /// lower case always differs: copied and lower-cased in place, where
    /// `model::push_lowercase` scanned it twice more first.
    fn add_ascii_cased(&mut self, word: &str) -> u32 {
        match u32::try_from(self.ends.len()) {
            Ok(k) if k != AS_WRITTEN => {
                let at = self.forms.len();
                self.forms.push_str(word);
                self.forms[at..].make_ascii_lowercase();
                self.ends.push(self.forms.len());
                k
            }
            _ => AS_WRITTEN,
        }
    }

    /// Appends `word` lower-cased (`str::to_lowercase`) to `forms` when
    /// that differs from `word`, and tells whether it did. A word with a
    /// letter or mark beyond ASCII ("Beijing’s", "“") is lower-cased in
    /// place, character by character, and taken back when nothing changed:
    /// `model::push_lowercase` kept a copy of each, made by a `String` of
    /// its own.
    fn push_changed(&mut self, word: &str) -> bool {
        if word.is_ascii() || word.contains('Σ') {
            // A final sigma lower-cases by its place in the word, which
            // only `str::to_lowercase` knows.
            return model::push_lowercase(word, &mut self.forms);
        }
        let at = self.forms.len();
        for c in word.chars() {
            if c.is_ascii() {
                self.forms.push(c.to_ascii_lowercase());
            } else {
                self.forms.extend(c.to_lowercase());
            }
        }
        if self.forms[at..] == *word {
            self.forms.truncate(at);
            return false;
        }
        true
    }

    /// The lower-cased text of `t`, a token of `text` (inlined always:
    /// see `Context::low`).
    #[inline(always)]
    pub fn of<'a>(&'a self, t: &Token, text: &'a str) -> &'a str {
        if t.lower == AS_WRITTEN {
            return t.span().slice(text);
        }
        let k = t.lower as usize;
        let start = k.checked_sub(1).map_or(0, |p| self.ends[p]);
        &self.forms[start..self.ends[k]]
    }
}

impl Token {
    /// What it is.
    pub fn kind(&self) -> TokenKind {
        match (self.packed >> TAG_SHIFT) & 3 {
            0 => TokenKind::Word,
            1 => TokenKind::Mark(MARKS[((self.packed >> MARK_SHIFT) & 7) as usize % MARKS.len()]),
            _ => TokenKind::Punct(
                char::from_u32(self.packed & ((1 << CHAR_BITS) - 1)).unwrap_or('\u{fffd}'),
            ),
        }
    }

    /// Whether a line break lies between the previous token and this one.
    pub fn after_newline(&self) -> bool {
        self.packed & AFTER_NEWLINE != 0
    }

    /// Whether this is a period the tokeniser kept with its word ("U.S.",
    /// "Gen.") where `nlp`'s sentence splitter did not end a sentence: an
    /// abbreviation's period, which does not end a sentence here either.
    pub fn abbreviation(&self) -> bool {
        self.packed & ABBREVIATION != 0
    }

    /// Where it is.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Whether the token is a word starting with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.packed & CAPITALISED != 0
    }

    /// Whether the token is this punctuation character.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind() == TokenKind::Punct(c)
    }

    /// Whether this is a word outside quotations that one of the claim
    /// rules may start from (a cue, "according", a noun of a cue, …; see
    /// `claims::may_start_claim`), as [`crate::context::Context::new`]
    /// marked it once: the rules were asked of every word, each
    /// lower-casing and looking it up again, where most words start none.
    #[inline]
    pub fn may_start_claim(&self) -> bool {
        self.packed & (TAG_MASK | MAY_START_CLAIM) == MAY_START_CLAIM
    }

    /// The cue class of a word as [`crate::context::Context::new`] looked
    /// it up ([`Token::set_cue`]); `None` for any other token, whose bits
    /// hold its character.
    #[inline]
    pub fn cue(&self) -> Option<CueClass> {
        if self.packed & TAG_MASK != 0 {
            return None;
        }
        match (self.packed >> CUE_SHIFT) & 3 {
            1 => Some(CueClass::Speech),
            2 => Some(CueClass::Tell),
            3 => Some(CueClass::Participle),
            _ => None,
        }
    }

    /// Keeps a word's cue class (no effect on a mark or punctuation).
    pub(crate) fn set_cue(&mut self, class: Option<CueClass>) {
        if self.packed & TAG_MASK != 0 {
            return;
        }
        let bits = match class {
            None => 0,
            Some(CueClass::Speech) => 1,
            Some(CueClass::Tell) => 2,
            Some(CueClass::Participle) => 3,
        };
        self.packed = (self.packed & !(3 << CUE_SHIFT)) | (bits << CUE_SHIFT);
    }

    /// Marks a word as one a claim rule may start from (no effect on a
    /// mark or punctuation, whose bits hold their character).
    pub(crate) fn mark_may_start_claim(&mut self) {
        if self.packed & TAG_MASK == 0 {
            self.packed |= MAY_START_CLAIM;
        }
    }
}

/// The stage's tokens for the document tokens `shared` (`Analysis::tokens`)
/// of `text`, with the lower-cased forms that differ from the text.
pub fn from_shared(text: &str, shared: &[model::Token]) -> (Vec<Token>, Lowered) {
    let mut view = View {
        text,
        tokens: Vec::with_capacity(shared.len()),
        lower: Lowered::default(),
    };
    let mut i = 0;
    while i < shared.len() {
        let t = &shared[i];
        match t.kind {
            model::TokenKind::Quote(mark) => {
                let word = t.span().slice(text);
                let mut span = t.span();
                // "''" is one double mark.
                if mark == Mark::DoubleStraight && word == "'" {
                    if let Some(n) = shared.get(i + 1).filter(|n| n.span().start == span.end) {
                        span.end = n.span().end;
                        i += 1;
                    }
                }
                view.push(span, TokenKind::Mark(mark), t.after_newline);
            }
            model::TokenKind::Punct => {
                // One token per character ("--" is two dashes).
                for (at, c) in t.span().slice(text).char_indices() {
                    let start = t.span().start + at;
                    let span = Span::new(start, start + c.len_utf8());
                    let kind = TokenKind::Punct(c);
                    view.push(span, kind, t.after_newline && at == 0);
                }
            }
            model::TokenKind::Word => {
                i = view.word(shared, i);
                continue;
            }
        }
        i += 1;
    }
    (view.tokens, view.lower)
}

/// The tokens being made, with their lower-cased forms.
struct View<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    lower: Lowered,
}

impl<'a> View<'a> {
    /// Pushes the word at `span`: its first byte and a byte scan for
    /// upper case or beyond ASCII, where [`View::push`] decoded the first
    /// character and [`Lowered::add`] scanned the word twice over; most
    /// words of a page are ASCII written in lower case.
    fn push_word(&mut self, span: Span, after_newline: bool) {
        let written = span.slice(self.text);
        let bytes = written.as_bytes();
        let capitalised = match bytes.first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => written.chars().next().is_some_and(char::is_uppercase),
        };
        // A word of ASCII lower case, digits and punctuation is its own
        // lower case: `Lowered::add` would keep nothing for it either.
        let (ascii, cased) = ascii_and_cased(self.text.as_bytes(), span.start, bytes);
        let lower = match (ascii, cased) {
            (true, false) => AS_WRITTEN,
            (true, true) => self.lower.add_ascii_cased(written),
            (false, _) => self.lower.add(written),
        };
        let packed = pack(TokenKind::Word, after_newline);
        self.tokens.push(Token {
            start: offset(span.start),
            end: offset(span.end),
            packed: if capitalised {
                packed | CAPITALISED
            } else {
                packed
            },
            lower,
        });
    }

    /// Pushes a mark or punctuation character (a word goes through
    /// [`View::push_word`]).
    fn push(&mut self, span: Span, kind: TokenKind, after_newline: bool) {
        let written = span.slice(self.text);
        let packed = pack(kind, after_newline);
        // A punctuation character or a mark is its own lower case unless it
        // has one ("“", "—" are asked of every quotation and dash).
        let lower = match kind {
            TokenKind::Punct(_) | TokenKind::Mark(_)
                if written.is_ascii()
                    || written.chars().all(|c| {
                        let mut l = c.to_lowercase();
                        l.next() == Some(c) && l.next().is_none()
                    }) =>
            {
                AS_WRITTEN
            }
            _ => self.lower.add(written),
        };
        self.tokens.push(Token {
            start: offset(span.start),
            end: offset(span.end),
            packed,
            lower,
        });
    }

    /// Pushes the word starting at shared token `i` and returns the index of
    /// the first shared token after it. A word runs on over the clitics and
    /// inner marks the tokeniser cut off ("Beijing’s", "1990's", "U.S"); its
    /// final abbreviation period is a token of its own.
    fn word(&mut self, shared: &[model::Token], i: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let t = &shared[i];
        let mut start = t.span().start;
        // Most words start with an ASCII letter or digit, read as a byte;
        // any other start is decoded as a character.
        let first_mark = match bytes.get(start) {
            Some(b) if b.is_ascii_alphanumeric() => None,
            _ => text[start..t.span().end]
                .chars()
                .next()
                .filter(|&c| !is_alphanumeric(c)),
        };
        // "'90s": the apostrophe is a mark of its own.
        if let Some(c) = first_mark {
            let at = start + c.len_utf8();
            let prev = text[..start].chars().next_back();
            let next = text[at..].chars().next();
            let kind = Mark::classify(c, prev, next).map_or(TokenKind::Punct(c), TokenKind::Mark);
            self.push(Span::new(start, at), kind, t.after_newline);
            start = at;
        }
        let mut end = t.span().end;
        let mut j = i + 1;
        while let Some(n) = shared.get(j).filter(|n| n.span().start == end) {
            let joins = bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) || {
                let mut chars = text[n.span().start..].chars();
                // After an abbreviation's period only a letter or digit
                // goes on ("U.S.-led" is "U.S", ".", "-", "led").
                let after_period = ends_in_period(bytes, end);
                chars.next().is_some_and(|c| {
                    is_alphanumeric(c)
                        || (!after_period
                            && matches!(c, '.' | '\'' | '’' | '-' | '‐' | '&')
                            && chars.next().is_some_and(is_alphanumeric))
                })
            };
            if !joins {
                break;
            }
            end = n.span().end;
            j += 1;
        }
        let word_end = if end > start + 1 && ends_in_period(bytes, end) {
            end - 1
        } else {
            end
        };
        let newline = t.after_newline && start == t.span().start;
        self.push_word(Span::new(start, word_end), newline);
        if word_end < end {
            self.push(Span::new(word_end, end), TokenKind::Punct('.'), false);
            // The sentence splitter decided whether the period also ends a
            // sentence ("… in the U.S. The talks …").
            let ends_sentence = shared
                .get(j)
                .is_none_or(|n| n.sentence != shared[j - 1].sentence);
            if let Some(last) = self.tokens.last_mut() {
                if !ends_sentence {
                    last.packed |= ABBREVIATION;
                }
            }
        }
        j
    }
}

/// Whether the bytes of `word`, written at `start` in `text`, are all
/// ASCII, and if so whether one is an upper-case letter (the second answer
/// means nothing for a word beyond ASCII). A word of up to eight bytes with
/// eight bytes of text from its start, most words of a page, is read as
/// one number (a dozen instructions, where the byte loop took eleven a
/// byte).
fn ascii_and_cased(text: &[u8], start: usize, word: &[u8]) -> (bool, bool) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let len = word.len();
    if let Some(eight) = text
        .get(start..start.saturating_add(8))
        .filter(|_| len <= 8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
    {
        // The word's bytes, the rest of the eight zeroed (ASCII, no letter).
        let keep = if len == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * len)) - 1
        };
        let x = u64::from_le_bytes(eight) & keep;
        // Below 0x80, a byte plus 0x3F reaches 0x80 from 'A' on, and plus
        // 0x25 from one past 'Z' on; no sum carries into the next byte.
        let upper = x.wrapping_add(0x3F * ONES) & !x.wrapping_add(0x25 * ONES) & HIGH;
        return (x & HIGH == 0, upper != 0);
    }
    let (mut cased, mut ascii) = (false, true);
    for b in word {
        cased |= b.is_ascii_uppercase();
        ascii &= b.is_ascii();
    }
    (ascii, cased)
}

/// Whether the text's bytes `..end` end in a period (`ends_with('.')`,
/// read as the byte it is: no other character holds it).
fn ends_in_period(bytes: &[u8], end: usize) -> bool {
    end.checked_sub(1)
        .and_then(|last| bytes.get(last))
        .is_some_and(|&b| b == b'.')
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
        let boundary = if next.after_newline() {
            true
        } else if (inside_quote[i] && inside_quote[i + 1]) || tokens[i].kind() == TokenKind::Word {
            // A word ends no sentence (`ends_sentence` says so after a
            // call, asked of every token).
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
    if !matches!(tokens[i].kind(), TokenKind::Mark(_)) {
        return false;
    }
    // Only a quotation that opens its sentence is attributed after its
    // close ("“Is that all?” Trump said"); a quoted phrase ending a
    // sentence is followed by a new one ("… “dear to me.” He said …").
    let mut open = i;
    // A paragraph start ends the walk: the quotation before it is another.
    while open > 0 && inside_quote[open - 1] && !tokens[open].after_newline() {
        open -= 1;
    }
    let opens_sentence = open == 0
        || tokens[open].after_newline()
        || matches!(
            tokens[open - 1].kind(),
            TokenKind::Punct('.' | '!' | '?' | ':') | TokenKind::Mark(_)
        );
    if !opens_sentence {
        return false;
    }
    // The cue must end its clause within a few words ("Trump said Sunday
    // on CNN."); "“….” Reid said both Rubio and Cruz are …" is a new
    // sentence with content of its own.
    // The speaker may carry a party tag or an apposition ("“…!” Marcia
    // Price (D-Va.) shouted", "“…?” his aide, Jo Doe, asked").
    let Some(cue) = tokens[i + 1..]
        .iter()
        .take(12)
        .take_while(|t| {
            t.kind() == TokenKind::Word
                || matches!(t.kind(), TokenKind::Punct('.' | ',' | '(' | ')' | '-'))
        })
        .position(|t| is_cue(&model::lowercase(t.span().slice(text))))
        .filter(|&k| {
            k < 5
                || tokens[i + 1..i + 1 + k]
                    .iter()
                    .any(|t| !t.is_punct('.') && t.kind() != TokenKind::Word)
        })
    else {
        return false;
    };
    let after = (i + 2 + cue).min(tokens.len());
    let words = tokens[after..]
        .iter()
        .take_while(|t| t.kind() == TokenKind::Word)
        .count();
    // "“Who do they think they are?” Trump said of Apple in February, when
    // …": a preposition after the cue opens an adjunct, not a content.
    let adjunct = tokens.get(after).is_some_and(|t| {
        matches!(
            model::lowercase(t.span().slice(text)).as_ref(),
            "of" | "in" | "on" | "at" | "during" | "after" | "before" | "while" | "when" | "as"
        )
    });
    words <= 3 || adjunct
}

/// Whether a sentence ends right after token `i` (line breaks aside).
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let next = &tokens[i + 1];
    // Asked only after sentence punctuation: most tokens are words.
    let starts_new = || {
        next.is_capitalised()
            || matches!(
                next.kind(),
                TokenKind::Mark(Mark::DoubleOpen | Mark::DoubleStraight)
            )
            || next
                .span()
                .slice(text)
                .starts_with(|c: char| c.is_ascii_digit())
    };
    match t.kind() {
        TokenKind::Punct('!' | '?' | '…') => starts_new(),
        TokenKind::Punct('.') => !t.abbreviation() && starts_new(),
        // A closing mark right after sentence punctuation: “… now.” Then
        TokenKind::Mark(Mark::DoubleClose | Mark::DoubleStraight | Mark::SingleClose) => {
            i > 0
                && matches!(
                    tokens[i - 1].kind(),
                    TokenKind::Punct('.' | '!' | '?' | '…')
                )
                && next.is_capitalised()
        }
        _ => false,
    }
}

/// The stage's tokens of `text` cut by `nlp`'s tokeniser (for tests).
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let (shared, _) = nlp::tokenize::document(text).expect("a test text is short");
    from_shared(text, &shared).0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word read as one number answers as the byte loop does, for
    /// every piece of a text of mixed case, digits, marks and letters
    /// beyond ASCII, near its end too (where eight bytes are not there).
    #[test]
    fn ascii_and_cased_answers_as_the_byte_loop() {
        let text = "Lagos officials SAID @[Z`a{ 9-to-5 Beijing’s «Élysée» abcdefgHIJ xyz AZaz";
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            for end in start..=bytes.len().min(start + 12) {
                let word = &bytes[start..end];
                let ascii = word.is_ascii();
                let (a, cased) = ascii_and_cased(bytes, start, word);
                assert_eq!(a, ascii, "{start}..{end}");
                if ascii {
                    let upper = word.iter().any(u8::is_ascii_uppercase);
                    assert_eq!(cased, upper, "{start}..{end}");
                }
            }
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| t.span().slice(text))
            .collect()
    }

    #[test]
    fn a_token_keeps_its_kind_and_flags_in_16_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 16);
        let mut kinds = vec![TokenKind::Word];
        kinds.extend(MARKS.map(TokenKind::Mark));
        kinds.extend(['.', '—', '…', char::MAX].map(TokenKind::Punct));
        for kind in kinds {
            for newline in [false, true] {
                let t = Token {
                    start: 0,
                    end: 1,
                    packed: pack(kind, newline),
                    lower: AS_WRITTEN,
                };
                assert_eq!((t.kind(), t.after_newline()), (kind, newline));
                assert!(!t.abbreviation());
                let t = Token {
                    packed: t.packed | ABBREVIATION,
                    ..t
                };
                assert_eq!((t.kind(), t.after_newline()), (kind, newline));
                assert!(t.abbreviation());
            }
        }
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
    fn regroups_clitics_abbreviations_and_runs() {
        assert_eq!(
            words("U.S.-led 1990's don't -- ''27 '90s Gen.Smith"),
            [
                "U.S",
                ".",
                "-",
                "led",
                "1990's",
                "don't",
                "-",
                "-",
                "''",
                "27",
                "'",
                "90s",
                "Gen.Smith"
            ]
        );
        let text = "He met U.S. officials. He flew to the U.S. The talks failed.";
        let toks = tokenize(text);
        let periods: Vec<bool> = toks
            .iter()
            .filter(|t| t.is_punct('.'))
            .map(|t| t.abbreviation())
            .collect();
        assert_eq!(periods, [true, false, false, false]);
    }

    #[test]
    fn every_token_reads_as_its_text_lower_cased() {
        let text = "Beijing’s “OFFICIALS” — İstanbul, ΟΔΟΣ Σ naïve É.U. ''Ⓐ'' don't";
        let (shared, _) = nlp::tokenize::document(text).expect("a test text is short");
        let (tokens, lower) = from_shared(text, &shared);
        for t in &tokens {
            let written = t.span().slice(text);
            assert_eq!(lower.of(t, text), written.to_lowercase(), "{written}");
        }
        // Only the forms that differ are kept: "“", "—", "naïve" are read
        // from the text.
        for t in &tokens {
            let written = t.span().slice(text);
            let kept = t.lower != AS_WRITTEN;
            assert_eq!(kept, written != written.to_lowercase(), "{written}");
        }
        assert!(tokens
            .iter()
            .any(|t| t.span().slice(text) == "naïve" && t.lower == AS_WRITTEN));
    }

    #[test]
    fn a_word_is_capitalised_by_its_first_letter() {
        let text = "Élysée officials, 'Mr. Li' and 3M said: “Go”";
        let caps: Vec<&str> = tokenize(text)
            .iter()
            .filter(|t| t.is_capitalised())
            .map(|t| t.span().slice(text))
            .collect();
        assert_eq!(caps, ["Élysée", "Mr", "Li", "Go"]);
    }

    #[test]
    fn classifies_straight_single_quotes_by_position() {
        let text = "'Go,' he said";
        let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind()).collect();
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
