//! Where documents come from: files, directories (recursively), JSON Lines
//! batches, WARC archives, RSS/Atom feeds and HTTP(S) URLs, read lazily so
//! a million-document directory or a CC-NEWS archive streams.
//!
//! [`Sources`] yields [`SourceItem`]s: a [`RawDocument`] (bytes, not yet
//! decoded) or a [`SourceItem::Failed`] naming the input and the reason, so
//! one bad input never stops a batch. [`content_hash`] gives the key the
//! store deduplicates on exactly, [`simhash`] the fingerprint it groups
//! near-duplicates by.
//!
//! [`run`] is the ingest itself (what `newsgraph ingest` calls, through
//! [`run_inputs`]): the items of a stream extracted and analysed by a
//! [`pipeline::Pipeline`] on a fixed pool of workers and written to a
//! [`store::Store`] by one writer, each failure confined to its document.
//!
//! The sources do I/O (files, network) and nothing else: decoding and
//! extraction happen in the pure stages the scheduler runs.

pub mod feed;
mod files;
pub mod http;
mod jsonl;
mod schedule;
mod simhash;
mod sources;
pub mod warc;

pub use feed::FeedError;
pub use http::{HttpClient, HttpError, HttpOptions};
pub use jsonl::{
    parse_jsonl_bytes, parse_jsonl_line, read_line, JsonlError, JsonlRecord, LINE_BUFFER,
};
pub use schedule::{
    run, run_inputs, DocumentError, Failure, IngestError, Options, Progress, Report, Stages,
    WRITE_BATCH,
};
pub use simhash::{hamming, simhash, NEAR_DUPLICATE_BITS};
pub use sources::{
    count_plain_files, walk, ClientError, Input, SourceOptions, Sources, WalkOptions,
};
pub use warc::PageError;

use chrono::NaiveDate;
use model::InputKind;
use sha2::{Digest, Sha256};

/// One document as a source delivers it.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDocument {
    /// Identifier: the file stem, or the JSON Lines `id`.
    pub id: String,
    /// Where it came from, for messages: a path, or `path:line`.
    pub origin: String,
    /// The bytes, in whatever encoding the source used.
    pub bytes: Vec<u8>,
    /// URL, when the source gives one.
    pub url: Option<String>,
    /// Publication date, when the source gives one.
    pub published: Option<NaiveDate>,
    /// HTML or text, when the source says which.
    pub kind: Option<InputKind>,
    /// The charset the transport declared (HTTP `Content-Type`), if any.
    pub declared_charset: Option<String>,
}

/// What a source yields for each input.
#[derive(Debug, Clone, PartialEq)]
pub enum SourceItem {
    /// A document to analyse.
    Document(RawDocument),
    /// An input that could not be read.
    Failed {
        /// The input: a path, or `path:line`.
        origin: String,
        /// Why, in words a user can act on.
        reason: String,
    },
}

/// The deduplication key of an article text: SHA-256 (hex) of the text with
/// whitespace collapsed, so re-extracted copies with different line breaks match.
///
/// The hash is of the text's words (split at Unicode whitespace) joined by
/// single spaces. A text mostly laid out that way already is hashed in
/// place, a stretch at a time, breaking only at other whitespace: hashing
/// each word and space on its own cost 70 instructions a byte.
pub fn content_hash(text: &str) -> String {
    let mut hasher = Sha256::new();
    let bytes = text.as_bytes();
    // The stretch not yet hashed: it starts at a word (or at the end), and
    // its whitespace so far is single spaces between words.
    let mut from = 0;
    let mut hashed_any = false;
    let mut i = 0;
    while i < bytes.len() {
        // Past printable ASCII, the bulk of a text, a byte at a time.
        while i < bytes.len() && (b'!'..=b'~').contains(&bytes[i]) {
            i += 1;
        }
        let run = whitespace_at(text, i);
        if run == 0 {
            // The end, an ASCII control character or a character outside
            // ASCII that is not whitespace.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let start = i;
        i += run;
        loop {
            let more = whitespace_at(text, i);
            if more == 0 {
                break;
            }
            i += more;
        }
        // One space between two words is already what the hash reads.
        if start > from && i == start + 1 && bytes[start] == b' ' && i < bytes.len() {
            continue;
        }
        if start > from {
            if hashed_any {
                hasher.update(b" ");
            }
            hasher.update(&bytes[from..start]);
            hashed_any = true;
        }
        from = i;
    }
    if bytes.len() > from {
        if hashed_any {
            hasher.update(b" ");
        }
        hasher.update(&bytes[from..]);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The length in bytes of the whitespace character (as [`char::is_whitespace`]
/// and so [`str::split_whitespace`] read it) at byte `i` of `text`, or 0 if
/// there is none (or `i` is the end).
fn whitespace_at(text: &str, i: usize) -> usize {
    match text.as_bytes().get(i) {
        None => 0,
        Some(b'\t'..=b'\r' | b' ') => 1,
        Some(&b) if b < 0x80 => 0,
        Some(_) => text[i..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
    }
}

/// Parses a date as sources write it: `2022-03-13`, or an RFC 3339
/// timestamp whose date part is taken.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_whitespace_layout() {
        assert_eq!(content_hash("a  b\n\nc"), content_hash("a b c"));
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
    }

    /// The key as first written (each word hashed, a space between two):
    /// stored keys must not change.
    fn content_hash_of_every_word(text: &str) -> String {
        let mut hasher = Sha256::new();
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                hasher.update(b" ");
            }
            hasher.update(word.as_bytes());
        }
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    #[test]
    fn the_hash_is_the_one_stored_before() {
        let texts = [
            "",
            " ",
            "one",
            " one",
            "one ",
            "  one  two  ",
            "Lagos officials said talks would go on. Lagos officials said talks would go on.",
            "a\tb\nc\rd\x0be\x0cf g",
            "a\u{a0}b\u{85}c\u{1680}d\u{2000}e\u{200a}f\u{2028}g\u{2029}h\u{202f}i\u{205f}j\u{3000}k",
            "ΟΔΟΣ ΣΟΦΟΣ,  Straße\n\nİstanbul; ÉTÉ à Genève — 2024 ½ x\u{200b}y",
            "\u{3000}lead and trail\u{a0}",
            "one two\n",
            "one  ",
        ];
        for text in texts {
            assert_eq!(
                content_hash(text),
                content_hash_of_every_word(text),
                "{text:?}"
            );
        }
        let long = texts.concat().repeat(40);
        assert_eq!(content_hash(&long), content_hash_of_every_word(&long));
    }

    #[test]
    fn parses_dates_and_timestamps() {
        let d = NaiveDate::from_ymd_opt(2022, 3, 13);
        assert_eq!(parse_date("2022-03-13"), d);
        assert_eq!(parse_date("2022-03-13T10:00:00Z"), d);
        assert_eq!(parse_date("March"), None);
    }
}
