//! The `documents.output` column: a document's newsgraph/1 analysis
//! without its text (stored once, in `documents.text`), as JSON in an LZ4
//! frame.
//!
//! The analysis is most of what a document stores, many times its text: a
//! long page of quotes writes hundreds of megabytes of JSON, and writing
//! them took as long as analysing the page. LZ4 packs that JSON 3 to 8
//! times at a few hundred megabytes a second each way, is streamed (the
//! JSON is never held whole), and keeps `show` and `export` fast. Rows
//! written before schema version 11 hold the JSON as `TEXT`; a `BLOB` is
//! the frame. Both read.

use crate::{Result, StoreError};
use model::contract::{OutEntity, OutQuote, OutReference, Output, TextSpan};
use model::{Article, Document};
use rusqlite::types::ValueRef;
use serde::Serialize;
use std::io::{Read, Write};

/// Bytes gathered before they go to the frame: the frame's own `write`
/// costs a call and a copy each, so the JSON is written a run at a time.
const RUN: usize = 64 * 1024;

/// `output` without its text and under the id `id`, as the column stores
/// it (an LZ4 frame of its JSON).
pub(crate) fn encode(output: &Output, id: &str) -> Result<Vec<u8>> {
    // Destructured whole, so that a field added to the contract fails to
    // compile here rather than go unstored.
    let Output {
        schema,
        document,
        entities,
        quotes,
        events,
        flags,
    } = output;
    let Article {
        url,
        title,
        byline,
        published,
        site,
        language,
        text: _,
    } = &document.article;
    let document = Document {
        id: id.to_string(),
        article: Article {
            url: url.clone(),
            title: title.clone(),
            byline: byline.clone(),
            published: *published,
            site: site.clone(),
            language: language.clone(),
            text: String::new(),
        },
    };
    // The frame grows by doubling: taking 1.5 bytes a byte of text at once
    // put 136 MB on the peak of ingesting the 53 MB page (1.26–1.29 GB →
    // 1.40–1.42 GB, three runs each) for no measurable CPU
    // (docs/measurements.md, ¹⁰⁰).
    let mut out = Json {
        buf: Vec::with_capacity(RUN + 4096),
        frame: lz4_flex::frame::FrameEncoder::new(Vec::new()),
    };
    // The fields of `Output` in their order, as serde_json writes them.
    out.raw(b"{\"schema\":");
    out.str(schema)?;
    out.raw(b",\"document\":");
    out.serde(&document)?;
    out.raw(b",\"entities\":");
    out.list(entities, Json::entity)?;
    out.raw(b",\"quotes\":");
    out.list(quotes, Json::quote)?;
    out.raw(b",\"events\":");
    out.list(events, |out, e| out.serde(e))?;
    out.raw(b",\"flags\":");
    out.list(flags, |out, f| out.serde(f))?;
    out.raw(b"}");
    out.run()?;
    out.frame
        .finish()
        .map_err(|e| StoreError::Io(std::io::Error::other(e)))
}

/// The stored JSON being written: byte for byte what `serde_json::to_writer`
/// writes of the same values (compact, fields in declaration order, skipped
/// fields left out, strings escaped alike). A long page's million quotes and
/// mentions are written here directly, which costs a fifth of serde's
/// field-by-field calls; anything rarer goes through serde itself.
struct Json {
    buf: Vec<u8>,
    frame: lz4_flex::frame::FrameEncoder<Vec<u8>>,
}

impl Json {
    fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Hands the bytes gathered so far to the frame.
    fn run(&mut self) -> Result<()> {
        self.frame.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    fn serde<T: Serialize>(&mut self, value: &T) -> Result<()> {
        serde_json::to_writer(&mut self.buf, value)?;
        Ok(())
    }

    /// `items` as a JSON array, each written by `item`.
    fn list<T>(&mut self, items: &[T], item: impl Fn(&mut Self, &T) -> Result<()>) -> Result<()> {
        self.buf.push(b'[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.buf.push(b',');
            }
            item(self, x)?;
            if self.buf.len() >= RUN {
                self.run()?;
            }
        }
        self.buf.push(b']');
        Ok(())
    }

    /// A string: copied between quotes when nothing in it needs escaping
    /// (serde_json escapes only `"`, `\\` and control characters), else
    /// written by serde_json.
    fn str(&mut self, s: &str) -> Result<()> {
        // No early exit: the whole string is checked a vector at a time.
        let plain = !s.bytes().fold(false, |any, b| {
            any | (b < 0x20) | (b == b'"') | (b == b'\\')
        });
        if plain {
            self.buf.reserve(s.len() + 2);
            self.buf.push(b'"');
            self.buf.extend_from_slice(s.as_bytes());
            self.buf.push(b'"');
            Ok(())
        } else {
            self.serde(&s)
        }
    }

    fn opt_str(&mut self, s: Option<&str>) -> Result<()> {
        match s {
            Some(s) => self.str(s),
            None => {
                self.raw(b"null");
                Ok(())
            }
        }
    }

    /// An unsigned integer in decimal, as serde_json writes it (through
    /// the same `itoa`, two digits at a time: a long page writes millions).
    fn uint(&mut self, n: usize) {
        self.buf
            .extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    fn span(&mut self, span: &TextSpan) -> Result<()> {
        let TextSpan { start, end, text } = span;
        self.raw(b"{\"start\":");
        self.uint(*start);
        self.raw(b",\"end\":");
        self.uint(*end);
        if !text.is_empty() {
            self.raw(b",\"text\":");
            self.str(text)?;
        }
        self.raw(b"}");
        Ok(())
    }

    fn reference(&mut self, r: &OutReference) -> Result<()> {
        let OutReference {
            entity,
            name,
            actor,
            span,
        } = r;
        self.raw(b"{\"entity\":");
        self.opt_str(entity.as_deref())?;
        self.raw(b",\"name\":");
        self.str(name)?;
        self.raw(b",\"actor\":");
        self.opt_str(actor.as_deref())?;
        if let Some(span) = span {
            self.raw(b",\"span\":");
            self.span(span)?;
        }
        self.raw(b"}");
        Ok(())
    }

    fn quote(&mut self, q: &OutQuote) -> Result<()> {
        let OutQuote {
            start,
            end,
            text,
            parts,
            kind,
            speaker,
            cue,
            cue_span,
            via,
        } = q;
        self.raw(b"{\"start\":");
        self.uint(*start);
        self.raw(b",\"end\":");
        self.uint(*end);
        self.raw(b",\"text\":");
        self.str(text)?;
        if !parts.is_empty() {
            self.raw(b",\"parts\":");
            self.list(parts, Json::span)?;
        }
        self.raw(b",\"kind\":");
        self.str(kind)?;
        self.raw(b",\"speaker\":");
        match speaker {
            Some(s) => self.reference(s)?,
            None => self.raw(b"null"),
        }
        self.raw(b",\"cue\":");
        self.opt_str(cue.as_deref())?;
        if let Some(span) = cue_span {
            self.raw(b",\"cue_span\":");
            self.span(span)?;
        }
        self.raw(b",\"via\":");
        self.list(via, Json::reference)?;
        self.raw(b"}");
        Ok(())
    }

    fn entity(&mut self, e: &OutEntity) -> Result<()> {
        let OutEntity {
            id,
            name,
            kind,
            actor,
            value,
            mentions,
            titles,
        } = e;
        self.raw(b"{\"id\":");
        self.str(id)?;
        self.raw(b",\"name\":");
        self.str(name)?;
        self.raw(b",\"type\":");
        self.str(kind)?;
        self.raw(b",\"actor\":");
        self.opt_str(actor.as_deref())?;
        if let Some(value) = value {
            self.raw(b",\"value\":");
            self.serde(value)?;
        }
        self.raw(b",\"mentions\":");
        self.list(mentions, Json::span)?;
        if !titles.is_empty() {
            self.raw(b",\"titles\":");
            self.list(titles, Json::span)?;
        }
        self.raw(b"}");
        Ok(())
    }
}

/// The [`Output`] a column value holds (an LZ4 frame, or the JSON text of
/// an older row), with `text` put back as its article's text.
pub(crate) fn decode(value: ValueRef<'_>, text: String) -> Result<Output> {
    let mut output: Output = match value {
        ValueRef::Text(json) => serde_json::from_slice(json)?,
        ValueRef::Blob(frame) => {
            let mut json = Vec::with_capacity(frame.len().saturating_mul(4));
            lz4_flex::frame::FrameDecoder::new(frame)
                .read_to_end(&mut json)
                .map_err(|e| {
                    StoreError::Corrupt(format!("a stored analysis cannot be unpacked ({e})"))
                })?;
            serde_json::from_slice(&json)?
        }
        other => {
            return Err(StoreError::Corrupt(format!(
                "a stored analysis is a {:?}, neither text nor a frame",
                other.data_type()
            )))
        }
    };
    output.document.article.text = text;
    Ok(output)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Output {
        let text = "Officials said the talks would go on. ".repeat(50);
        let mut output: Output = serde_json::from_value(serde_json::json!({
            "schema": "newsgraph/1",
            "document": {"id": "a", "title": "Talks", "published": "2024-03-01",
                         "text": text},
            "entities": [],
            "quotes": [],
            "events": [],
            "flags": [],
        }))
        .expect("a valid newsgraph/1 document");
        output.document.article.text = text;
        output
    }

    #[test]
    fn a_frame_reads_back_as_the_output_under_its_stored_id() {
        let output = sample();
        let frame = encode(&output, "a#2").unwrap();
        let back = decode(ValueRef::Blob(&frame), output.document.article.text.clone()).unwrap();
        let mut expected = output.clone();
        expected.document.id = "a#2".into();
        assert_eq!(back, expected);
    }

    #[test]
    fn the_stored_json_is_the_outputs_own_without_its_text() {
        let output = sample();
        let mut json = Vec::new();
        lz4_flex::frame::FrameDecoder::new(&encode(&output, "a").unwrap()[..])
            .read_to_end(&mut json)
            .unwrap();
        let mut without_text = output.clone();
        without_text.document.article.text.clear();
        assert_eq!(json, serde_json::to_vec(&without_text).unwrap());
    }

    /// An output using every optional field of the contract both ways, and
    /// strings serde_json escapes.
    fn rich() -> Output {
        let text = "He said \"no\" \\ then\n\tleft\u{1}\u{7f} “quoted” 東京.".to_string();
        let mut output: Output = serde_json::from_value(serde_json::json!({
            "schema": "newsgraph/1",
            "document": {"id": "r\"1", "url": "http://x/a?b=\"c\"", "title": "T\u{8}",
                         "published": "2024-03-01", "site": "Site", "text": text},
            "entities": [
                {"id": "e1", "name": "Ana \"AJ\" Lee", "type": "PERSON", "actor": "USAGOV",
                 "mentions": [{"start": 0, "end": 2, "text": "He"},
                              {"start": 1_234_567_890_u64, "end": 9_876_543_210_u64, "text": ""}],
                 "titles": [{"start": 3, "end": 4, "text": "Dr.\r"}]},
                {"id": "t1", "name": "March", "type": "DATE", "actor": null,
                 "value": "2024-03-02", "mentions": []},
                {"id": "t2", "name": "later", "type": "DATE", "actor": null, "mentions": []}
            ],
            "quotes": [
                {"start": 0, "end": 9, "text": "no \u{1f} \\ “x”", "kind": "direct",
                 "parts": [{"start": 0, "end": 2, "text": "no"}, {"start": 5, "end": 9}],
                 "speaker": {"entity": "e1", "name": "Ana\tLee", "actor": "USAGOV",
                             "span": {"start": 0, "end": 2, "text": "He"}},
                 "cue": "said", "cue_span": {"start": 3, "end": 7, "text": "said"},
                 "via": [{"entity": null, "name": "aides", "actor": null},
                         {"entity": "e1", "name": "Lee", "actor": "USA",
                          "span": {"start": 1, "end": 2}}]},
                {"start": 10, "end": 11, "text": "", "kind": "indirect", "speaker": null,
                 "cue": null, "via": []}
            ],
            "events": [
                {"source": {"entity": "e1", "name": "Lee", "actor": "USAGOV"}, "target": null,
                 "cameo": "010", "goldstein": -2.5, "quad_class": 1, "modality": "asserted",
                 "date": "2024-03-01",
                 "place": {"name": "Tokyo", "country": "JPN", "lat": 35.68, "lon": 139.7},
                 "sentence": {"start": 0, "end": 9, "text": "He said"},
                 "trigger": {"start": 3, "end": 7, "text": "said"}, "quote": 0}
            ],
            "flags": [{"kind": "truncated", "message": "cut \"short\"",
                       "spans": [{"start": 0, "end": 1, "text": "H"}]}],
        }))
        .expect("a valid newsgraph/1 document");
        output.document.article.text = text;
        output
    }

    #[test]
    fn the_stored_json_is_serde_jsons_byte_for_byte() {
        for output in [sample(), rich()] {
            let mut json = Vec::new();
            lz4_flex::frame::FrameDecoder::new(&encode(&output, "r\"1").unwrap()[..])
                .read_to_end(&mut json)
                .unwrap();
            let mut expected = output.clone();
            expected.document.id = "r\"1".into();
            expected.document.article.text.clear();
            assert_eq!(
                String::from_utf8(json).unwrap(),
                serde_json::to_string(&expected).unwrap()
            );
        }
    }

    #[test]
    fn a_long_analysis_written_in_many_runs_reads_back_whole() {
        let mut output = rich();
        let quote = output.quotes[0].clone();
        output.quotes = vec![quote; 5_000];
        let frame = encode(&output, "r\"1").unwrap();
        let back = decode(ValueRef::Blob(&frame), output.document.article.text.clone()).unwrap();
        let mut expected = output.clone();
        expected.document.id = "r\"1".into();
        assert_eq!(back, expected);
    }

    #[test]
    fn rows_of_older_versions_hold_json_text_and_still_read() {
        let output = sample();
        let mut without_text = output.clone();
        without_text.document.article.text.clear();
        let json = serde_json::to_string(&without_text).unwrap();
        let back = decode(
            ValueRef::Text(json.as_bytes()),
            output.document.article.text.clone(),
        )
        .unwrap();
        assert_eq!(back, output);
    }

    #[test]
    fn a_damaged_frame_is_an_error_not_a_panic() {
        let frame = encode(&sample(), "a").unwrap();
        let damaged = &frame[..frame.len() / 2];
        let err = decode(ValueRef::Blob(damaged), String::new()).unwrap_err();
        assert!(err.to_string().contains("cannot be unpacked"), "{err}");
    }
}
