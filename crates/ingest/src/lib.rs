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
pub use jsonl::{parse_jsonl_line, read_line, JsonlError, JsonlRecord, LINE_BUFFER};
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
pub fn content_hash(text: &str) -> String {
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

    #[test]
    fn parses_dates_and_timestamps() {
        let d = NaiveDate::from_ymd_opt(2022, 3, 13);
        assert_eq!(parse_date("2022-03-13"), d);
        assert_eq!(parse_date("2022-03-13T10:00:00Z"), d);
        assert_eq!(parse_date("March"), None);
    }
}
