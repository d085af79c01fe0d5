//! Bytes of a web page or a plain text → the clean [`Article`].
//!
//! Three steps, each usable on its own:
//! 1. [`decode`]: bytes in any encoding → UTF-8 text (BOM, declared charset,
//!    detection; a lying declaration is survived).
//! 2. [`sniff`]: is it HTML or plain text?
//! 3. [`extract_html`] or [`extract_text`]: the main text with paragraph
//!    breaks, and metadata; page chrome removed.
//!
//! [`extract`] runs all three. No I/O, no NLP.

mod boilerplate;
mod content;
mod dates;
mod decode;
mod dom;
mod html;
mod meta;
mod text;

pub use dates::{date_in_url, parse_date};
pub use decode::{decode, Decoded};
pub use html::extract_html;
pub use text::{extract_text, strip_chrome};

use model::Article;
pub use model::InputKind;

/// Why a document could not be extracted.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The input has no bytes.
    #[error("the input is empty (0 bytes)")]
    Empty,
    /// The input is larger than the configured limit.
    #[error("the input is {size} bytes, over the {limit}-byte limit (raise it with --max-bytes)")]
    TooLarge {
        /// Size of the input.
        size: usize,
        /// The limit in force.
        limit: usize,
    },
    /// The bytes do not look like text in any encoding.
    #[error("the input looks like binary data, not text or HTML ({reason})")]
    Binary {
        /// What gave it away.
        reason: String,
    },
    /// Extraction found no article text.
    #[error("no article text found in the input")]
    NoText,
}

/// Options for [`extract`].
#[derive(Debug, Clone)]
pub struct Options<'a> {
    /// The URL the page was fetched from, if known.
    pub url: Option<&'a str>,
    /// Charset declared by the transport (HTTP `Content-Type`), if any.
    pub declared_charset: Option<&'a str>,
    /// Treat the input as this kind instead of sniffing.
    pub kind: Option<InputKind>,
    /// Inputs larger than this many bytes are refused.
    pub max_bytes: usize,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            url: None,
            declared_charset: None,
            kind: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Default size limit for one input document: 64 MiB.
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

/// Whether `text` is HTML (markup near the start) or plain text.
pub fn sniff(text: &str) -> InputKind {
    let head = first_chars(text.trim_start_matches('\u{feff}').trim_start(), 1024);
    let markers = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<title",
        "<div",
        "<p>",
        "<article",
        "<!--",
    ];
    // The markers are lower-case ASCII: compared in place, in any case.
    let starts_with = |m: &str| {
        head.as_bytes()
            .get(..m.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(m.as_bytes()))
    };
    if markers.iter().any(|m| starts_with(m)) || (head.starts_with('<') && head.contains("</")) {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

/// The first `n` characters of `text` (all of it when shorter), borrowed:
/// a copy made character by character cost more than what reads it.
fn first_chars(text: &str, n: usize) -> &str {
    let ascii_end = text.len().min(n);
    // In ASCII a character is a byte, and most pages start in ASCII.
    if text.as_bytes()[..ascii_end].is_ascii() {
        return &text[..ascii_end];
    }
    let mut chars = 0;
    for (at, &b) in text.as_bytes().iter().enumerate() {
        // A byte that does not continue a UTF-8 character starts one.
        if b & 0xC0 != 0x80 {
            if chars == n {
                return &text[..at];
            }
            chars += 1;
        }
    }
    text
}

/// Decodes, sniffs and extracts one document.
pub fn extract(bytes: &[u8], options: &Options) -> Result<Article, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    if bytes.len() > options.max_bytes {
        return Err(ExtractError::TooLarge {
            size: bytes.len(),
            limit: options.max_bytes,
        });
    }
    let decoded = decode(bytes, options.declared_charset)?;
    let kind = options.kind.unwrap_or_else(|| sniff(&decoded.text));
    let mut article = match kind {
        InputKind::Html => extract_html(&decoded.text, options.url),
        InputKind::Text => extract_text(&decoded.text),
    };
    if article.url.is_none() {
        article.url = options.url.map(str::to_string);
    }
    if article.text.trim().is_empty() {
        return Err(ExtractError::NoText);
    }
    Ok(article)
}

/// ISO 639-1 code of the language `text` is written in, when it can be told
/// with confidence.
pub fn detect_language(text: &str) -> Option<String> {
    // 600 characters tell a language apart about as well as the whole text,
    // and detection cost grows with the sample.
    let sample = first_chars(text, 600);
    // English function words settle most news before any trigram is
    // counted: whatlang scores every Latin-script language it knows (about
    // 0.9 M instructions a sample), and its verdict on such a sample could
    // only have been overruled to English or, unsure, to no language.
    if mostly_english_words(sample) {
        return Some("en".to_string());
    }
    let info = whatlang::detect(sample)?;
    // Below this confidence a guess is noise ("Hello world" comes out
    // Dutch at 0.01): better no language than a wrong one.
    if !info.is_reliable() && (sample.len() > 200 || info.confidence() < 0.05) {
        return None;
    }
    Some(iso639_1(info.lang()).to_string())
}

/// Whether a Latin-script sample reads as English by its function words
/// (`lexicon::english`): a fifth of its words, and at least two. A short
/// headline or sentence has too few letters for trigrams ("Russia asked
/// China for help." scores as Danish), but "the", "for", "said" and "has"
/// are English words that the look-alike languages do not write.
fn mostly_english_words(sample: &str) -> bool {
    let mut words = 0usize;
    let mut english = 0usize;
    for w in sample.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’') {
        if w.is_empty() {
            continue;
        }
        if !w
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '\'' || c == '’')
        {
            // Letters outside ASCII ("ü", "ø", "õ") say another language.
            return false;
        }
        words += 1;
        if lexicon::english::is_english_function_word(&w.to_ascii_lowercase()) {
            english += 1;
        }
    }
    english >= 2 && english * 5 >= words
}

fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Eng => "en",
        Fra => "fr",
        Deu => "de",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Rus => "ru",
        Ukr => "uk",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Ara => "ar",
        Nld => "nl",
        Pol => "pl",
        Tur => "tr",
        Swe => "sv",
        Heb => "he",
        Hin => "hi",
        Pes => "fa",
        Ind => "id",
        Vie => "vi",
        Tha => "th",
        Ell => "el",
        Ces => "cs",
        Ron => "ro",
        Hun => "hu",
        Dan => "da",
        Fin => "fi",
        Nob => "nb",
        Bul => "bg",
        Srp => "sr",
        Hrv => "hr",
        Ben => "bn",
        Urd => "ur",
        Tam => "ta",
        Cat => "ca",
        Slk => "sk",
        Slv => "sl",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Bel => "be",
        Aze => "az",
        Kat => "ka",
        Tgl => "tl",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_html_and_text() {
        assert_eq!(sniff("<!DOCTYPE html><html>"), InputKind::Html);
        assert_eq!(sniff("  <p>Hello</p>"), InputKind::Html);
        assert_eq!(sniff("Russia has asked China"), InputKind::Text);
    }

    #[test]
    fn samples_are_counted_in_characters() {
        assert_eq!(first_chars("Talks", 3), "Tal");
        assert_eq!(first_chars("Talks", 10), "Talks");
        assert_eq!(first_chars("Ünsere Gespräche", 8), "Ünsere G");
        assert_eq!(first_chars("«Ça va»", 7), "«Ça va»");
        assert_eq!(first_chars("", 5), "");
    }

    #[test]
    fn empty_input_is_an_error() {
        assert!(matches!(
            extract(b"", &Options::default()),
            Err(ExtractError::Empty)
        ));
    }
}

#[cfg(test)]
mod language_tests {
    use super::*;

    #[test]
    fn short_english_is_english() {
        for text in [
            "Russia asked China for help.",
            "The mayor opened the new bridge.",
            "Talks end in Rome",
            "Pompeo met the ambassador in Oslo on Monday.",
            "Storm hits the coast",
            "He said it was over.",
        ] {
            assert_eq!(detect_language(text).as_deref(), Some("en"), "{text}");
        }
        // Two words are too few to tell; no language beats a wrong one.
        assert_ne!(detect_language("Hello world").as_deref(), Some("nl"));
        assert_eq!(
            detect_language("Het kabinet heeft de begroting voor volgend jaar gepresenteerd.")
                .as_deref(),
            Some("nl")
        );
        assert_eq!(
            detect_language("Le gouvernement a présenté son budget pour l'année prochaine.")
                .as_deref(),
            Some("fr")
        );
    }
}
