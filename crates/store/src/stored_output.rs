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
use model::contract::{CompactJson, Output};
use model::{Article, Document};
use rusqlite::types::ValueRef;
use std::io::Read;

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
    let mut out = CompactJson::new(lz4_flex::frame::FrameEncoder::new(Vec::new()));
    out.output(schema, &document, entities, quotes, events, flags)?;
    out.finish()?
        .finish()
        .map_err(|e| StoreError::Io(std::io::Error::other(e)))
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

    #[test]
    fn the_stored_json_is_serde_jsons_byte_for_byte() {
        for output in [sample(), model::test_support::output_with_every_field()] {
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
        let mut output = model::test_support::output_with_every_field();
        // The example's non-finite Goldstein score is written as `null`, as
        // serde writes it, and does not read back as a number; the coder's
        // scores are always finite.
        for event in &mut output.events {
            event.goldstein = 0.0;
        }
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
