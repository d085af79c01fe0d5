//! A `--jsonl` record: the newsgraph/1 contract as compact JSON with every
//! object's keys in sorted order, the bytes of
//! `serde_json::to_vec(&serde_json::to_value(output)?)` (whose objects are
//! `BTreeMap`s, so sorted).
//!
//! `analyze --jsonl` has printed its records with sorted keys since it first
//! went through a `Value`, while the contract's types serialise their fields
//! in declaration order (what `analyze`'s other formats and the store print).
//! Sorting each object's entries as serde handed them over cost about 3,000
//! instructions an object, its bytes moved on close (docs/measurements.md,
//! ²⁴ and ¹⁰²); written here field by field in key order, nothing moves. Each
//! type is destructured whole, so that a field added to the contract fails
//! to compile here rather than go unprinted; the tests hold the bytes to
//! serde's.

use model::contract::{
    OutEntity, OutEvent, OutFlag, OutPlace, OutQuote, OutReference, OutputView, TextSpan, SCHEMA,
};
use model::{Article, Document};
use serde::Serialize;

type Result<T = ()> = std::result::Result<T, serde_json::Error>;

/// `view` as compact JSON, every object's keys in sorted order, in a
/// buffer of `capacity` bytes to begin with (the length it is expected to
/// reach: growing copies what is written).
///
/// Fails only if serde_json fails to write a string or a number, which
/// into memory it does not.
pub fn to_vec(view: &OutputView<'_>, capacity: usize) -> Result<Vec<u8>> {
    let mut w = Sorted {
        out: Vec::with_capacity(capacity),
    };
    w.record(
        view.document(),
        view.entities(),
        view.quotes(),
        view.events(),
        view.flags(),
    )?;
    Ok(w.out)
}

/// The JSON written so far.
struct Sorted {
    out: Vec<u8>,
}

impl Sorted {
    /// Keys and punctuation, as they are.
    fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    /// A scalar as serde_json writes it: strings escaped by its escaper,
    /// numbers by its `itoa` and `ryu`, a non-finite float as `null` (which
    /// is also what a `Value` makes of it), a date as its string.
    fn scalar<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        value.serialize(&mut serde_json::Serializer::new(&mut self.out))
    }

    fn null(&mut self) {
        self.raw(b"null");
    }

    /// `value` written by `write`, or `null`.
    fn opt<T>(&mut self, value: Option<T>, write: impl FnOnce(&mut Self, T) -> Result) -> Result {
        match value {
            Some(v) => write(self, v),
            None => {
                self.null();
                Ok(())
            }
        }
    }

    fn opt_str(&mut self, s: &Option<String>) -> Result {
        self.opt(s.as_deref(), Self::scalar)
    }

    /// `items` as a JSON array, each written by `item`.
    fn list<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        mut item: impl FnMut(&mut Self, T) -> Result,
    ) -> Result {
        self.out.push(b'[');
        for (i, x) in items.into_iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            item(self, x)?;
        }
        self.out.push(b']');
        Ok(())
    }

    /// The record: `Output`'s fields, sorted.
    fn record(
        &mut self,
        document: &Document,
        entities: impl Iterator<Item = OutEntity>,
        quotes: impl Iterator<Item = OutQuote>,
        events: impl Iterator<Item = OutEvent>,
        flags: impl Iterator<Item = OutFlag>,
    ) -> Result {
        self.raw(b"{\"document\":");
        self.document(document)?;
        self.raw(b",\"entities\":");
        self.list(entities, |w, e| w.entity(&e))?;
        self.raw(b",\"events\":");
        self.list(events, |w, e| w.event(&e))?;
        self.raw(b",\"flags\":");
        self.list(flags, |w, f| w.flag(&f))?;
        self.raw(b",\"quotes\":");
        self.list(quotes, |w, q| w.quote(&q))?;
        self.raw(b",\"schema\":");
        self.scalar(SCHEMA)?;
        self.raw(b"}");
        Ok(())
    }

    /// A document: its id and its article's fields (flattened), sorted.
    fn document(&mut self, d: &Document) -> Result {
        let Document {
            id,
            article:
                Article {
                    url,
                    title,
                    byline,
                    published,
                    site,
                    language,
                    text,
                },
        } = d;
        self.raw(b"{\"byline\":");
        self.opt_str(byline)?;
        self.raw(b",\"id\":");
        self.scalar(id)?;
        self.raw(b",\"language\":");
        self.opt_str(language)?;
        self.raw(b",\"published\":");
        self.scalar(published)?;
        self.raw(b",\"site\":");
        self.opt_str(site)?;
        self.raw(b",\"text\":");
        self.scalar(text)?;
        self.raw(b",\"title\":");
        self.opt_str(title)?;
        self.raw(b",\"url\":");
        self.opt_str(url)?;
        self.raw(b"}");
        Ok(())
    }

    fn span(&mut self, s: &TextSpan) -> Result {
        let TextSpan { start, end, text } = s;
        self.raw(b"{\"end\":");
        self.scalar(end)?;
        self.raw(b",\"start\":");
        self.scalar(start)?;
        if !text.is_empty() {
            self.raw(b",\"text\":");
            self.scalar(text)?;
        }
        self.raw(b"}");
        Ok(())
    }

    fn entity(&mut self, e: &OutEntity) -> Result {
        let OutEntity {
            id,
            name,
            kind,
            actor,
            value,
            mentions,
            titles,
        } = e;
        self.raw(b"{\"actor\":");
        self.opt_str(actor)?;
        self.raw(b",\"id\":");
        self.scalar(id)?;
        self.raw(b",\"mentions\":");
        self.list(mentions, Self::span)?;
        self.raw(b",\"name\":");
        self.scalar(name)?;
        if !titles.is_empty() {
            self.raw(b",\"titles\":");
            self.list(titles, Self::span)?;
        }
        self.raw(b",\"type\":");
        self.scalar(kind)?;
        if let Some(value) = value {
            self.raw(b",\"value\":");
            self.scalar(value)?;
        }
        self.raw(b"}");
        Ok(())
    }

    fn reference(&mut self, r: &OutReference) -> Result {
        let OutReference {
            entity,
            name,
            actor,
            span,
        } = r;
        self.raw(b"{\"actor\":");
        self.opt_str(actor)?;
        self.raw(b",\"entity\":");
        self.opt_str(entity)?;
        self.raw(b",\"name\":");
        self.scalar(name)?;
        if let Some(span) = span {
            self.raw(b",\"span\":");
            self.span(span)?;
        }
        self.raw(b"}");
        Ok(())
    }

    fn quote(&mut self, q: &OutQuote) -> Result {
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
        self.raw(b"{\"cue\":");
        self.opt_str(cue)?;
        if let Some(span) = cue_span {
            self.raw(b",\"cue_span\":");
            self.span(span)?;
        }
        self.raw(b",\"end\":");
        self.scalar(end)?;
        self.raw(b",\"kind\":");
        self.scalar(kind)?;
        if !parts.is_empty() {
            self.raw(b",\"parts\":");
            self.list(parts, Self::span)?;
        }
        self.raw(b",\"speaker\":");
        self.opt(speaker.as_ref(), Self::reference)?;
        self.raw(b",\"start\":");
        self.scalar(start)?;
        self.raw(b",\"text\":");
        self.scalar(text)?;
        self.raw(b",\"via\":");
        self.list(via, Self::reference)?;
        self.raw(b"}");
        Ok(())
    }

    fn place(&mut self, p: &OutPlace) -> Result {
        let OutPlace {
            name,
            country,
            lat,
            lon,
            span,
        } = p;
        self.raw(b"{\"country\":");
        self.opt_str(country)?;
        self.raw(b",\"lat\":");
        self.scalar(lat)?;
        self.raw(b",\"lon\":");
        self.scalar(lon)?;
        self.raw(b",\"name\":");
        self.scalar(name)?;
        if let Some(span) = span {
            self.raw(b",\"span\":");
            self.span(span)?;
        }
        self.raw(b"}");
        Ok(())
    }

    fn event(&mut self, e: &OutEvent) -> Result {
        let OutEvent {
            source,
            target,
            cameo,
            goldstein,
            quad_class,
            modality,
            date,
            place,
            sentence,
            trigger,
            quote,
        } = e;
        self.raw(b"{\"cameo\":");
        self.scalar(cameo)?;
        self.raw(b",\"date\":");
        self.scalar(date)?;
        self.raw(b",\"goldstein\":");
        self.scalar(goldstein)?;
        self.raw(b",\"modality\":");
        self.scalar(modality)?;
        self.raw(b",\"place\":");
        self.opt(place.as_ref(), Self::place)?;
        self.raw(b",\"quad_class\":");
        self.scalar(quad_class)?;
        if let Some(quote) = quote {
            self.raw(b",\"quote\":");
            self.scalar(quote)?;
        }
        self.raw(b",\"sentence\":");
        self.span(sentence)?;
        self.raw(b",\"source\":");
        self.opt(source.as_ref(), Self::reference)?;
        self.raw(b",\"target\":");
        self.opt(target.as_ref(), Self::reference)?;
        self.raw(b",\"trigger\":");
        self.span(trigger)?;
        self.raw(b"}");
        Ok(())
    }

    fn flag(&mut self, f: &OutFlag) -> Result {
        let OutFlag {
            kind,
            message,
            spans,
        } = f;
        self.raw(b"{\"kind\":");
        self.scalar(kind)?;
        self.raw(b",\"message\":");
        self.scalar(message)?;
        self.raw(b",\"spans\":");
        self.list(spans, Self::span)?;
        self.raw(b"}");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::contract::Output;

    /// The bytes through a `Value`, which these must equal.
    fn via_value<T: Serialize>(v: &T) -> String {
        serde_json::to_string(&serde_json::to_value(v).unwrap()).unwrap()
    }

    /// `output` written by the record writer.
    fn sorted(output: &Output) -> String {
        let mut w = Sorted { out: Vec::new() };
        w.record(
            &output.document,
            output.entities.iter().cloned(),
            output.quotes.iter().cloned(),
            output.events.iter().cloned(),
            output.flags.iter().cloned(),
        )
        .unwrap();
        String::from_utf8(w.out).unwrap()
    }

    #[test]
    fn every_object_comes_out_sorted_as_through_a_value() {
        let output = model::test_support::output_with_every_field();
        assert_eq!(sorted(&output), via_value(&output));
        assert!(sorted(&output).starts_with(r#"{"document":{"byline":null,"id":"r\"1","#));
        let empty = Output {
            document: Document::default(),
            entities: vec![],
            quotes: vec![],
            events: vec![],
            flags: vec![],
            ..output
        };
        assert_eq!(sorted(&empty), via_value(&empty));
    }

    #[test]
    fn a_view_writes_its_contract_sorted() {
        let text = "“Fine,” said Ms. Ode in Lagos. “We go on.”";
        let mut a = model::Analysis::new(Document {
            id: "d".into(),
            article: Article {
                text: text.into(),
                ..Article::default()
            },
        });
        let at = |s: &str| model::Span::new(text.find(s).unwrap(), text.find(s).unwrap() + s.len());
        a.entities.push(model::Entity {
            id: "e1".into(),
            name: "Lagos".into(),
            kind: model::EntityType::Gpe,
            actor: Some("NGA".into()),
            mentions: vec![at("Lagos")],
            titles: vec![],
        });
        a.quotes.push(model::Quote {
            span: model::Span::new(at("Fine").start, at("We go on.").end),
            parts: vec![at("Fine"), at("We go on.")],
            kind: model::QuoteKind::Direct,
            speaker: Some(model::Reference {
                name: "Ms. Ode".into(),
                span: Some(at("Ms. Ode")),
                ..model::Reference::default()
            }),
            cue: Some("said".into()),
            cue_span: Some(at("said")),
            via: vec![],
        });
        let json = to_vec(&OutputView::new(&a), 0).unwrap();
        assert_eq!(
            String::from_utf8(json).unwrap(),
            via_value(&a.to_contract())
        );
    }
}
