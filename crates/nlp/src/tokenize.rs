//! Words and punctuation with exact byte offsets, the way news text needs
//! them cut: "U.S." and "Gen." keep their periods, "3.5" and "1,000" stay
//! whole, "Beijing’s" splits into "Beijing" + "’s" (as CoNLL-2003 does, so
//! the tagger sees the forms it was trained on), and every quotation mark,
//! bracket and ellipsis is a token of its own.
//!
//! This is the project's one tokeniser: [`document`] cuts a text into the
//! [`model::Token`]s every later stage reads (class, quotation-mark facing,
//! sentence, line start), and the stages that tokenise a
//! short name (an actor dictionary entry, a speaker) call [`tokens`] too.

use compact_str::CompactString;
use foldhash::HashSet;
use model::{is_alphanumeric, Mark, OverBudget, Span, Token, TokenKind};
use std::sync::OnceLock;

/// The abbreviations that keep their trailing period, compared without it
/// (single letters, "J.", and letters joined by periods, "U.S.", are
/// recognised by shape). The project's one list, in two parts: those written
/// before what they abbreviate ("Gen. Milley", "Jan. 5", "No. 3"), whose
/// period never ends a sentence, then the others ("Inc.", "Calif."), whose
/// period may.
const ABBREVIATIONS: [&[&str]; 2] = [
    &[
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Brig", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm",
        "Ens", "Sgt", "Cpl", "Pvt", "Gov", "Govs", "Sen", "Sens", "Rep", "Reps", "Rev", "Hon",
        "Pres", "Amb", "St", "No", "Nos", "Mt", "Ft", "vs", "Jan", "Feb", "Mar", "Apr", "Jun",
        "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "cf", "Fig", "Op", "Vol",
    ],
    &[
        "Supt", "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Bros", "Plc", "etc", "approx", "est",
        "dept", "Dept", "Univ", "Ave", "Blvd", "Rd", "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs",
        "Fri", "Sat", "Sun", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga",
        "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb",
        "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "al", "fig",
        "vol", "pp", "Ed", "ed",
    ],
];

/// Each byte's classes for the tokeniser's two byte loops, the chunk scan
/// of [`tokens`] and the letters and digits of [`word_end`], which read
/// every byte of a text: one table load a byte, where the comparisons of a
/// `match` took some 12 instructions.
const BYTE_CLASS: [u8; 256] = byte_classes();

/// A byte that ends the chunk scan's plain run: ASCII whitespace, "@", or
/// a byte beyond ASCII (then read as a character).
const CHUNK_STOP: u8 = 1;

/// An ASCII letter or digit.
const ASCII_ALNUM: u8 = 2;

/// [`BYTE_CLASS`], worked out at compile time.
const fn byte_classes() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < table.len() {
        let b = i as u8;
        if matches!(b, b' ' | b'\t'..=b'\r' | b'@') || !b.is_ascii() {
            table[i] |= CHUNK_STOP;
        }
        if b.is_ascii_alphanumeric() {
            table[i] |= ASCII_ALNUM;
        }
        i += 1;
    }
    table
}

/// Clitics split off the end of a word ("’s", "n't"), apostrophe first.
const CLITICS: &[&str] = &["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

/// Splits `text` into word and punctuation tokens.
pub fn tokens(text: &str) -> Vec<Span> {
    // News text has about one token in 5 to 6 bytes; a quarter is room
    // enough for terse text too, since growing a long document's vector
    // doubles it (and holds both copies while it moves).
    let mut out = Vec::with_capacity(text.len() / 4);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = char_at(text, i);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        // Chunk = maximal run of non-whitespace; then cut it into tokens.
        let mut end = i;
        // Whether the chunk has an "@" (an e-mail address or a handle may),
        // noted on the way rather than searched for again.
        let mut at_sign = false;
        loop {
            // The bytes up to the next whitespace, "@" or byte beyond ASCII,
            // told apart by class without making a `char`: this loop reads
            // every byte of the text.
            let rest = bytes.get(end..).unwrap_or_default();
            end += rest
                .iter()
                .position(|&b| BYTE_CLASS[usize::from(b)] & CHUNK_STOP != 0)
                .unwrap_or(rest.len());
            match bytes.get(end) {
                None | Some(b' ' | b'\t'..=b'\r') => break,
                Some(b'@') => {
                    at_sign = true;
                    end += 1;
                }
                Some(_) => {
                    let d = char_at(text, end);
                    if d.is_whitespace() {
                        break;
                    }
                    end += d.len_utf8();
                }
            }
        }
        split_chunk(text, i, end, at_sign, &mut out);
        i = end;
    }
    debug_assert!(out.iter().all(|s| s.end <= bytes.len()));
    out
}

/// The tokens and sentences of `text`, as `Nlp::annotate` stores them in
/// the `Analysis`; for a stage run on its own, without `nlp` before it.
///
/// # Errors
///
/// [`OverBudget::TooLong`] for a text over [`model::MAX_TEXT_BYTES`].
pub fn document(text: &str) -> Result<(Vec<Token>, Vec<Span>), OverBudget> {
    refuse_too_long(text)?;
    let spans = tokens(text);
    let sentences = crate::sentences::sentences(text, &spans);
    Ok((annotate(text, &spans, &sentences)?, sentences))
}

/// Refuses, before any work, a text longer than token offsets address.
///
/// # Errors
///
/// [`OverBudget::TooLong`] for a text over [`model::MAX_TEXT_BYTES`].
pub fn refuse_too_long(text: &str) -> Result<(), OverBudget> {
    if text.len() > model::MAX_TEXT_BYTES {
        return Err(OverBudget::TooLong { bytes: text.len() });
    }
    Ok(())
}

/// The token spans of `text` (from [`tokens`]) with what later stages read:
/// class (a quotation mark faced by its neighbours), the index of the
/// sentence in `sentences` and whether a line break precedes.
///
/// # Errors
///
/// [`OverBudget::TooLong`] for a span past [`model::MAX_TEXT_BYTES`].
pub fn annotate(text: &str, spans: &[Span], sentences: &[Span]) -> Result<Vec<Token>, OverBudget> {
    let mut out = Vec::with_capacity(spans.len());
    let mut sentence = 0usize;
    let mut prev_end = 0usize;
    // The second "'" of a "''" pair, already classified with the first.
    let mut pair_second = false;
    for (i, span) in spans.iter().enumerate() {
        while sentence + 1 < sentences.len() && sentences[sentence].end <= span.start {
            sentence += 1;
        }
        let word = span.slice(text);
        // Most words open with an ASCII letter or digit, told by one byte.
        let kind = if word
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphanumeric)
            || word.chars().any(is_alphanumeric)
        {
            TokenKind::Word
        } else if pair_second {
            pair_second = false;
            TokenKind::Quote(Mark::DoubleStraight)
        } else if word == "'"
            && spans
                .get(i + 1)
                .is_some_and(|n| n.start == span.end && n.slice(text) == "'")
        {
            pair_second = true;
            TokenKind::Quote(Mark::DoubleStraight)
        } else {
            quote_kind(text, *span)
        };
        let gap = text.get(prev_end..span.start).unwrap_or("");
        out.push(Token::new(
            *span,
            kind,
            sentence,
            gap.bytes().any(|b| b == b'\n' || b == b'\r'),
        )?);
        prev_end = span.end;
    }
    Ok(out)
}

/// `word.to_lowercase()` as a [`CompactString`], built inline (most tokens
/// are ASCII and short), for the tagger's and time finder's tables keyed by
/// `CompactString`; elsewhere [`model::lowercase`] borrows a word already in
/// lower case.
pub(crate) fn lowercase(word: &str) -> CompactString {
    // Most words are written in lower case already: one pass tells so.
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return CompactString::new(word);
    }
    if word.is_ascii() {
        let mut lower = CompactString::new(word);
        lower.as_mut_str().make_ascii_lowercase();
        lower
    } else {
        CompactString::from_str_to_lowercase(word)
    }
}

/// The class of a token with no letter or digit: a quotation mark faced by
/// the characters around it, or punctuation. A closing apostrophe after an
/// "s" and before a lower-case word is a plural possessive ("the farmers’
/// union"), not a mark.
fn quote_kind(text: &str, span: Span) -> TokenKind {
    let mut chars = span.slice(text).chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return TokenKind::Punct;
    };
    let prev = text[..span.start].chars().next_back();
    let mut after = text[span.end..].chars();
    let next = after.next();
    match Mark::classify(c, prev, next) {
        Some(Mark::SingleClose)
            if matches!(prev, Some('s' | 'S'))
                && next == Some(' ')
                && after.next().is_some_and(char::is_lowercase) =>
        {
            TokenKind::Punct
        }
        Some(mark) => TokenKind::Quote(mark),
        None => TokenKind::Punct,
    }
}

/// The character starting at byte `i` (which must be a char boundary).
/// An ASCII byte is its own character, read without decoding: the
/// tokeniser asks this several times of every byte of the text.
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => char::from(b),
        _ => text[i..].chars().next().unwrap_or(' '),
    }
}

/// Whether a chunk is a URL, e-mail address or handle, kept whole
/// (`at_sign`: whether it has an "@").
fn is_url_like(chunk: &str, at_sign: bool) -> bool {
    chunk.starts_with("http://")
        || chunk.starts_with("https://")
        || chunk.starts_with("www.")
        // A byte loop, not `str::contains`: a chunk is a word or two, and
        // the SIMD search's set-up cost more than the chunk holds.
        || (at_sign
            && chunk.bytes().any(|b| b == b'.')
            && chunk.chars().next().is_some_and(char::is_alphanumeric))
}

/// Cuts the whitespace-free chunk `text[start..end]` into tokens
/// (`at_sign`: whether the chunk has an "@").
fn split_chunk(text: &str, start: usize, end: usize, at_sign: bool, out: &mut Vec<Span>) {
    let chunk = &text[start..end];
    if is_url_like(chunk, at_sign) {
        // Trailing sentence punctuation is not part of a URL.
        let trimmed = chunk.trim_end_matches(['.', ',', ';', ':', ')', '"', '”', '’', '\'']);
        let cut = start + trimmed.len();
        out.push(Span::new(start, cut));
        if cut < end {
            split_chunk_plain(text, cut, end, out);
        }
        return;
    }
    split_chunk_plain(text, start, end, out);
}

/// Tokenises a chunk that is not a URL.
fn split_chunk_plain(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let mut i = start;
    while i < end {
        let c = char_at(text, i);
        if is_alphanumeric(c) {
            let (w_end, apostrophe) = word_end(text, i, end);
            push_word(text, i, w_end, apostrophe, out);
            i = w_end;
        } else {
            // Punctuation: runs of the same character ("--", "...", "!!")
            // are one token; "..." and "…" are ellipses.
            let mut j = i + c.len_utf8();
            while j < end && char_at(text, j) == c && !is_quote(c) {
                j += c.len_utf8();
            }
            // A leading apostrophe of a clitic after a previous word was
            // handled in push_word; here it is a quote or a year ('90s).
            // ("''27" is a double mark before a number.)
            if (c == '\'' || c == '’')
                && !text[..i].ends_with('\'')
                && j < end
                && char_at(text, j).is_ascii_digit()
                && text[j..end]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .count()
                    == 2
            {
                let (w_end, _) = word_end(text, j, end);
                out.push(Span::new(i, w_end));
                i = w_end;
                continue;
            }
            out.push(Span::new(i, j));
            i = j;
        }
    }
}

/// Whether `c` is a quotation mark (never merged into a run).
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‹' | '›'
    )
}

/// The end of the word starting at `i`: letters and digits, joined by
/// inner hyphens, apostrophes, periods (abbreviations, decimals) and
/// commas or colons between digits; and whether an apostrophe joins it
/// (only then can a clitic end it).
fn word_end(text: &str, i: usize, end: usize) -> (usize, bool) {
    let mut apostrophe = false;
    let mut j = i;
    let mut prev: char = ' ';
    // Whether the word so far is single letters joined by periods ("U.S"),
    // tracked as we go so that long chunks stay linear.
    let mut single_letter_parts = true;
    let mut part_len = 0usize;
    let bytes = text.as_bytes();
    while j < end {
        // A run of ASCII letters and digits, the most of a word, is read
        // byte by byte, by class ([`BYTE_CLASS`]): a digit or a second
        // letter ends the single-letter shape.
        let run = j;
        let rest = bytes.get(j..end).unwrap_or_default();
        j += rest
            .iter()
            .position(|&b| BYTE_CLASS[usize::from(b)] & ASCII_ALNUM == 0)
            .unwrap_or(rest.len());
        if j > run {
            part_len += j - run;
            // A digit matters only in a part of one character: a longer
            // part ends the shape anyway.
            if part_len > 1 || bytes[run].is_ascii_digit() {
                single_letter_parts = false;
            }
            prev = char::from(bytes[j - 1]);
            continue;
        }
        let c = char_at(text, j);
        if is_alphanumeric(c) || c == '\u{AD}' {
            part_len += 1;
            if part_len > 1 || !c.is_alphabetic() {
                single_letter_parts = false;
            }
            prev = c;
            j += c.len_utf8();
            continue;
        }
        let next = if j + c.len_utf8() < end {
            char_at(text, j + c.len_utf8())
        } else {
            ' '
        };
        let joins = match c {
            '-' | '‐' | '‑' | '&' => prev.is_alphanumeric() && next.is_alphanumeric(),
            '\'' | '’' => prev.is_alphabetic() && next.is_alphabetic(),
            ',' | ':' => prev.is_ascii_digit() && next.is_ascii_digit(),
            '.' => {
                (prev.is_ascii_digit() && next.is_ascii_digit())
                    || (prev.is_alphabetic() && next.is_alphabetic() && single_letter_parts)
            }
            '/' => prev.is_ascii_digit() && next.is_ascii_digit(),
            _ => false,
        };
        if !joins {
            break;
        }
        if c != '.' {
            single_letter_parts = false;
        }
        apostrophe |= matches!(c, '\'' | '’');
        part_len = 0;
        prev = c;
        j += c.len_utf8();
    }
    // A final period belongs to abbreviations ("Gen.", "U.S.", "J.").
    if j < end && char_at(text, j) == '.' {
        let word = &text[i..j];
        let next_is_period = j + 1 < end && char_at(text, j + 1) == '.';
        if !next_is_period && is_abbreviation(word) {
            j += 1;
        }
    }
    (j, apostrophe)
}

/// Whether `word` (without its final period) keeps the period.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    let single = first.is_some() && chars.next().is_none();
    (single && first.is_some_and(char::is_alphabetic))
        || (word.contains('.') && single_letters_str(word))
        || abbreviations().contains(word)
}

/// Both abbreviation lists as one set: [`is_abbreviation`] runs at every
/// word before a period, and scanning the lists' 130 entries there cost
/// more than the rest of finding the word.
fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        ABBREVIATIONS
            .iter()
            .flat_map(|l| l.iter().copied())
            .collect()
    })
}

/// Whether `word` (without its final period) is an abbreviation written
/// before what it abbreviates ("Gen.", "Jan.", "No."), whose period never
/// ends a sentence.
pub(crate) fn is_prefix_abbreviation(word: &str) -> bool {
    ABBREVIATIONS[0].contains(&word)
}

/// Whether `word` is letters separated by periods ("U.S", "a.m").
fn single_letters_str(word: &str) -> bool {
    word.split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

/// Pushes the word `text[start..end]`, splitting off a final clitic
/// (`apostrophe`: whether one joins the word, as [`word_end`] tells).
fn push_word(text: &str, start: usize, end: usize, apostrophe: bool, out: &mut Vec<Span>) {
    let word = &text[start..end];
    // Every clitic has an apostrophe, straight or curly: most words have
    // none, as finding their end told.
    if !apostrophe {
        out.push(Span::new(start, end));
        return;
    }
    for clitic in CLITICS {
        if let Some(cut) = clitic_cut(word, clitic) {
            if cut > 0 {
                out.push(Span::new(start, start + cut));
                out.push(Span::new(start + cut, end));
                return;
            }
        }
    }
    out.push(Span::new(start, end));
}

/// Where `clitic` starts at the end of `word`, comparing the apostrophe
/// loosely (straight or curly) and letters case-insensitively.
fn clitic_cut(word: &str, clitic: &str) -> Option<usize> {
    let norm_len = clitic.len();
    debug_assert!(clitic.is_ascii());
    // The curly apostrophe is 3 bytes instead of 1.
    for extra in [0usize, 2] {
        let len = norm_len + extra;
        if word.len() <= len || !word.is_char_boundary(word.len() - len) {
            continue;
        }
        // Compared character by character, without building the
        // normalised tail (this runs for every clitic of every word).
        let mut tail = word[word.len() - len..]
            .chars()
            .map(|c| if c == '’' { '\'' } else { c });
        let mut want = clitic.chars();
        let same = loop {
            match (tail.next(), want.next()) {
                (None, None) => break true,
                (Some(a), Some(b)) if a.eq_ignore_ascii_case(&b) => {}
                _ => break false,
            }
        };
        if same {
            return Some(word.len() - len);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            words("U.S. Gen. J. Smith met Mr. Li on Jan. 5."),
            ["U.S.", "Gen.", "J.", "Smith", "met", "Mr.", "Li", "on", "Jan.", "5", "."]
        );
        assert_eq!(
            words("Brig. Gen. Ann Lee spoke."),
            ["Brig.", "Gen.", "Ann", "Lee", "spoke", "."]
        );
    }

    #[test]
    fn keeps_numbers_whole() {
        assert_eq!(
            words("It cost $3.5 billion, or 1,000 at 10:30."),
            ["It", "cost", "$", "3.5", "billion", ",", "or", "1,000", "at", "10:30", "."]
        );
    }

    #[test]
    fn splits_clitics_and_quotes() {
        assert_eq!(
            words("“Beijing’s response,” he said. Don't."),
            ["“", "Beijing", "’s", "response", ",", "”", "he", "said", ".", "Do", "n't", "."]
        );
    }

    #[test]
    fn splits_ellipses_and_periods() {
        assert_eq!(
            words("out of control…. China calls"),
            ["out", "of", "control", "…", ".", "China", "calls"]
        );
        assert_eq!(words("wait... what"), ["wait", "...", "what"]);
    }

    #[test]
    fn keeps_hyphenated_words_and_urls() {
        assert_eq!(
            words("high-level talks, see https://example.org/a."),
            [
                "high-level",
                "talks",
                ",",
                "see",
                "https://example.org/a",
                "."
            ]
        );
    }

    #[test]
    fn document_tokens_carry_class_sentence_and_line() {
        let text = "“Go,” the farmers’ union said. 'No' ''\nU.S. Gen. Li";
        let (toks, sentences) = document(text).expect("a short text");
        let get = |w: &str| toks.iter().find(|t| t.span().slice(text) == w).unwrap();
        assert_eq!(get("“").kind, TokenKind::Quote(Mark::DoubleOpen));
        assert_eq!(get("”").kind, TokenKind::Quote(Mark::DoubleClose));
        assert_eq!(
            get("’").kind,
            TokenKind::Punct,
            "a plural possessive is no mark"
        );
        assert_eq!(toks[10].kind, TokenKind::Quote(Mark::SingleOpen));
        assert_eq!(toks[12].kind, TokenKind::Quote(Mark::SingleClose));
        assert_eq!(toks[13].kind, TokenKind::Quote(Mark::DoubleStraight));
        assert_eq!(toks[14].kind, TokenKind::Quote(Mark::DoubleStraight));
        assert!(get("U.S.").after_newline && !get("Gen.").after_newline);
        assert_eq!(get("Go").sentence, 0);
        assert_eq!(get("Li").sentence as usize, sentences.len() - 1);
        assert!(sentences.len() >= 2);
    }

    #[test]
    fn long_chunks_stay_whole_and_fast() {
        let text = "a.".repeat(200_000);
        let spans = tokens(&text);
        assert_eq!(spans.first().map(|s| s.start), Some(0));
        assert_eq!(spans.last().map(|s| s.end), Some(text.len()));
    }

    #[test]
    fn offsets_are_exact_with_multibyte_text() {
        let text = "Zürich’s  café — “ok”";
        for span in tokens(text) {
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert!(!span.slice(text).trim().is_empty());
        }
    }
}
