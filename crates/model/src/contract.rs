//! The `newsgraph/1` JSON contract: what `newsgraph analyze` prints, what the
//! store keeps and the HTTP API serves.
//!
//! Every offset here is a Unicode code-point offset into `document.text`
//! (`text[start:end]` in Python is the span). Fields beyond the contract's
//! stable minimum are additions, never changes.

use crate::{Analysis, CharOffsets, Document, Span};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::io::{self, Write};

/// The schema identifier written in every output object.
pub const SCHEMA: &str = "newsgraph/1";

/// A code-point range with the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The covered text (equal to `document.text[start:end]`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// One analysed document in the `newsgraph/1` contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Output {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The clean article.
    pub document: Document,
    /// Named entities and dates with their mentions.
    pub entities: Vec<OutEntity>,
    /// Quotes and reported speech.
    pub quotes: Vec<OutQuote>,
    /// CAMEO-coded events.
    pub events: Vec<OutEvent>,
    /// Consistency flags.
    pub flags: Vec<OutFlag>,
}

/// An entity in the contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutEntity {
    /// "e1", "e2", … (time expressions are "t1", "t2", …).
    pub id: String,
    /// Fullest name in the document.
    pub name: String,
    /// "PERSON", "ORG", "GPE", "LOC", "NORP", "DATE" or "MISC".
    #[serde(rename = "type")]
    pub kind: String,
    /// CAMEO/GDELT actor code.
    pub actor: Option<String>,
    /// For `DATE`: the ISO date it resolves to, or null when unresolvable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<NaiveDate>,
    /// Every mention.
    pub mentions: Vec<TextSpan>,
    /// Titles and honorifics written right before mentions, outside the
    /// name ("Dr.", "President"), in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<TextSpan>,
}

/// A speaker, source or actor reference in the contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutReference {
    /// Entity id, when it resolves to one.
    pub entity: Option<String>,
    /// Display name.
    pub name: String,
    /// CAMEO/GDELT actor code.
    #[serde(default)]
    pub actor: Option<String>,
    /// The words naming it here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<TextSpan>,
}

/// A quote in the contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutQuote {
    /// First code point of the content.
    pub start: usize,
    /// One past the last code point of the content (of its last part).
    pub end: usize,
    /// The content; the parts joined by " … " when the attribution
    /// interrupts it.
    pub text: String,
    /// The content spans when the cue and speaker interrupt the quote
    /// (`“A,” said X. “B.”`: A and B, the attribution outside); absent when
    /// `start`..`end` is the content in one piece.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<TextSpan>,
    /// "direct", "partial" or "indirect".
    pub kind: String,
    /// Who said it.
    pub speaker: Option<OutReference>,
    /// Cue words.
    pub cue: Option<String>,
    /// Where the cue is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue_span: Option<TextSpan>,
    /// Source chain, nearest first.
    pub via: Vec<OutReference>,
}

/// A place in the contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutPlace {
    /// Place name.
    pub name: String,
    /// ISO 3166 alpha-3 country code.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Where the text names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<TextSpan>,
}

/// An event in the contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutEvent {
    /// Who acts.
    pub source: Option<OutReference>,
    /// Who is acted upon.
    pub target: Option<OutReference>,
    /// CAMEO code, leading zero kept.
    pub cameo: String,
    /// Goldstein value.
    pub goldstein: f64,
    /// GDELT quad class (1–4).
    pub quad_class: u8,
    /// "asserted", "reported", "future", "negated", "conditional" or "hypothetical".
    pub modality: String,
    /// ISO date, when known.
    pub date: Option<NaiveDate>,
    /// Where, when known.
    pub place: Option<OutPlace>,
    /// The evidence sentence.
    pub sentence: TextSpan,
    /// The trigger words.
    pub trigger: TextSpan,
    /// Index into `quotes` when reported in a quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<usize>,
}

/// A flag in the contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutFlag {
    /// "name_variant", "ambiguous_speaker", "unclosed_quote", "truncated" or
    /// "contradiction" (spans: the claim, then the denial that answers it).
    pub kind: String,
    /// Human-readable explanation.
    pub message: String,
    /// Evidence.
    pub spans: Vec<TextSpan>,
}

struct Converter<'a> {
    text: &'a str,
    offsets: CharOffsets,
}

impl Converter<'_> {
    fn span(&self, s: Span) -> TextSpan {
        TextSpan {
            start: self.offsets.to_char(s.start),
            end: self.offsets.to_char(s.end),
            text: s.slice(self.text).to_string(),
        }
    }

    fn bare(&self, s: Span) -> TextSpan {
        TextSpan {
            text: String::new(),
            ..self.span(s)
        }
    }
}

impl Converter<'_> {
    /// The output of `e`. Its mentions (a million on a long page) are read
    /// in place; its few strings are copied, even by the owned conversion
    /// (a document has far fewer entities than quotes and events).
    fn entity(&self, e: &crate::Entity) -> OutEntity {
        OutEntity {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind.as_str().to_string(),
            actor: e.actor.clone(),
            value: None,
            mentions: e.mentions.iter().map(|&m| self.span(m)).collect(),
            titles: e.titles.iter().map(|&m| self.span(m)).collect(),
        }
    }

    /// The `i`-th (from 0) time expression, an entity "t{i + 1}".
    fn time(&self, i: usize, t: &crate::TimeExpression) -> OutEntity {
        OutEntity {
            id: format!("t{}", i + 1),
            name: t.span.slice(self.text).to_string(),
            kind: "DATE".to_string(),
            actor: None,
            value: t.value,
            mentions: vec![self.span(t.span)],
            titles: Vec::new(),
        }
    }

    /// The output of `q`, its strings copied.
    fn quote(&self, q: &crate::Quote) -> OutQuote {
        self.quote_owned(q.clone())
    }

    /// The output of `e`, its strings copied.
    fn event(&self, e: &crate::Event) -> OutEvent {
        self.event_owned(e.clone())
    }

    /// The output of `r`, a reference no longer needed: its strings are
    /// moved, not copied.
    fn reference_owned(&self, r: crate::Reference) -> OutReference {
        let crate::Reference {
            name,
            entity,
            actor,
            span,
        } = r;
        OutReference {
            entity,
            name,
            actor,
            span: span.map(|s| self.span(s)),
        }
    }

    /// The output of `q`, its strings moved.
    fn quote_owned(&self, q: crate::Quote) -> OutQuote {
        let crate::Quote {
            span,
            parts,
            kind,
            speaker,
            cue,
            cue_span,
            via,
        } = q;
        let s = self.span(span);
        let parts: Vec<TextSpan> = parts.iter().map(|&p| self.span(p)).collect();
        let text = if parts.is_empty() {
            s.text
        } else {
            let texts: Vec<&str> = parts.iter().map(|p| p.text.as_str()).collect();
            texts.join(" … ")
        };
        OutQuote {
            start: s.start,
            end: s.end,
            text,
            parts,
            kind: kind.as_str().to_string(),
            speaker: speaker.map(|r| self.reference_owned(r)),
            cue,
            cue_span: cue_span.map(|s| self.span(s)),
            via: via.into_iter().map(|r| self.reference_owned(r)).collect(),
        }
    }

    /// The output of `e`, its strings moved.
    fn event_owned(&self, e: crate::Event) -> OutEvent {
        let crate::Event {
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
        OutEvent {
            source: source.map(|r| self.reference_owned(r)),
            target: target.map(|r| self.reference_owned(r)),
            cameo,
            goldstein,
            quad_class,
            modality: modality.as_str().to_string(),
            date,
            place: place.map(|p| OutPlace {
                name: p.name,
                country: p.country,
                lat: p.lat,
                lon: p.lon,
                span: p.span.map(|s| self.span(s)),
            }),
            sentence: self.bare(sentence),
            trigger: self.span(trigger),
            quote,
        }
    }

    fn flag(&self, f: &crate::Flag) -> OutFlag {
        OutFlag {
            kind: serde_json::to_value(f.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            message: f.message.clone(),
            spans: f.spans.iter().map(|&s| self.span(s)).collect(),
        }
    }
}

impl Output {
    /// Converts an analysis to the contract, turning byte offsets into
    /// code-point offsets.
    pub fn from_analysis(a: &Analysis) -> Output {
        Output {
            document: a.document.clone(),
            ..Output::converted(a)
        }
    }

    /// [`Output::from_analysis`] of an analysis no longer needed: its
    /// document, text and all, is moved into the output rather than
    /// copied (a long page's text is tens of megabytes, each page of the
    /// copy faulted in fresh). Its quotes' and events' strings are moved too, and
    /// each kind of annotation is freed as soon as it is converted, before
    /// the next is made: on the 53 MB page of a million quotes, the whole
    /// analysis beside the whole contract was `ingest`'s peak, and the
    /// contract's strings faulted in fresh pages where the analysis's freed
    /// ones can be taken again.
    pub fn from_analysis_owned(a: Analysis) -> Output {
        // Destructured whole, so that a field added to `Analysis` is
        // thought about here.
        let Analysis {
            document,
            tokens,
            sentences,
            entities,
            times,
            quotes,
            events,
            flags,
        } = a;
        // The contract reads neither.
        drop(tokens);
        drop(sentences);
        let c = Converter::of_text(&document.article.text);
        let times: Vec<OutEntity> = times
            .iter()
            .enumerate()
            .map(|(i, t)| c.time(i, t))
            .collect();
        let mut out_entities = Vec::with_capacity(entities.len() + times.len());
        out_entities.extend(entities.iter().map(|e| c.entity(e)));
        drop(entities);
        out_entities.extend(times);
        let quotes: Vec<OutQuote> = quotes.into_iter().map(|q| c.quote_owned(q)).collect();
        let events: Vec<OutEvent> = events.into_iter().map(|e| c.event_owned(e)).collect();
        let flags: Vec<OutFlag> = flags.iter().map(|f| c.flag(f)).collect();
        drop(c);
        Output {
            schema: SCHEMA.to_string(),
            document,
            entities: out_entities,
            quotes,
            events,
            flags,
        }
    }

    /// Everything of `a` but its document (left empty), converted.
    fn converted(a: &Analysis) -> Output {
        let c = Converter::new(a);
        Output {
            schema: SCHEMA.to_string(),
            document: Document::default(),
            entities: c.entities(a).collect(),
            quotes: a.quotes.iter().map(|q| c.quote(q)).collect(),
            events: a.events.iter().map(|e| c.event(e)).collect(),
            flags: a.flags.iter().map(|f| c.flag(f)).collect(),
        }
    }
}

impl<'a> Converter<'a> {
    fn new(a: &'a Analysis) -> Self {
        Converter::of_text(a.text())
    }

    /// The converter of spans into `text`.
    fn of_text(text: &'a str) -> Self {
        Converter {
            text,
            offsets: CharOffsets::new(text),
        }
    }

    /// The entities, then the time expressions as `DATE` entities.
    fn entities<'s>(&'s self, a: &'s Analysis) -> impl Iterator<Item = OutEntity> + 's {
        let entities = a.entities.iter().map(|e| self.entity(e));
        entities.chain(a.times.iter().enumerate().map(|(i, t)| self.time(i, t)))
    }
}

/// An analysis serialised as its [`Output`], byte for byte as
/// `Output::from_analysis` would be, but converting one entity, quote,
/// event or flag at a time as it is written: a long document's contract,
/// its strings copied out of the text, is never all in memory at once
/// (the 53 MB page of issue 14 prints 386 MB of JSON).
pub struct OutputView<'a> {
    analysis: &'a Analysis,
    converter: Converter<'a>,
}

impl<'a> OutputView<'a> {
    /// The contract view of `a`.
    pub fn new(a: &'a Analysis) -> Self {
        OutputView {
            analysis: a,
            converter: Converter::new(a),
        }
    }

    /// [`Output::document`]: the analysis's own document.
    pub fn document(&self) -> &Document {
        &self.analysis.document
    }

    /// [`Output::entities`], each converted as it is taken.
    pub fn entities(&self) -> impl Iterator<Item = OutEntity> + '_ {
        self.converter.entities(self.analysis)
    }

    /// [`Output::quotes`], each converted as it is taken.
    pub fn quotes(&self) -> impl Iterator<Item = OutQuote> + '_ {
        let c = &self.converter;
        self.analysis.quotes.iter().map(|q| c.quote(q))
    }

    /// [`Output::events`], each converted as it is taken.
    pub fn events(&self) -> impl Iterator<Item = OutEvent> + '_ {
        let c = &self.converter;
        self.analysis.events.iter().map(|e| c.event(e))
    }

    /// [`Output::flags`], each converted as it is taken.
    pub fn flags(&self) -> impl Iterator<Item = OutFlag> + '_ {
        let c = &self.converter;
        self.analysis.flags.iter().map(|f| c.flag(f))
    }
}

/// A sequence serialised from an iterator made on demand.
struct Lazy<F>(F);

impl<F, I> Serialize for Lazy<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

impl Serialize for OutputView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        // The fields and their order are `Output`'s.
        let mut out = serializer.serialize_struct("Output", 6)?;
        out.serialize_field("schema", SCHEMA)?;
        out.serialize_field("document", self.document())?;
        out.serialize_field("entities", &Lazy(|| self.entities()))?;
        out.serialize_field("quotes", &Lazy(|| self.quotes()))?;
        out.serialize_field("events", &Lazy(|| self.events()))?;
        out.serialize_field("flags", &Lazy(|| self.flags()))?;
        out.end()
    }
}

/// Bytes gathered before they go to the sink: its `write` costs a call
/// (a frame's, a copy too), so the JSON is written a run at a time.
const RUN: usize = 64 * 1024;

/// Compact JSON of the contract: byte for byte what `serde_json::to_writer`
/// writes of an [`Output`] (fields in declaration order, skipped fields left
/// out, strings escaped alike), into `sink` a run at a time, never held
/// whole. A long page's million quotes and mentions are written here
/// directly, which costs a fifth of serde's field-by-field calls; anything
/// rarer (the document, events, flags) goes through serde itself. Each type
/// written here is destructured whole, so that a field added to the
/// contract fails to compile here rather than go unwritten.
pub struct CompactJson<W> {
    buf: Vec<u8>,
    sink: W,
}

impl<W: Write> CompactJson<W> {
    /// A writer into `sink`.
    pub fn new(sink: W) -> Self {
        CompactJson {
            buf: Vec::with_capacity(RUN + 4096),
            sink,
        }
    }

    /// Writes the [`Output`] of these fields.
    pub fn output(
        &mut self,
        schema: &str,
        document: &Document,
        entities: impl IntoIterator<Item = impl Borrow<OutEntity>>,
        quotes: impl IntoIterator<Item = impl Borrow<OutQuote>>,
        events: impl IntoIterator<Item = impl Borrow<OutEvent>>,
        flags: impl IntoIterator<Item = impl Borrow<OutFlag>>,
    ) -> io::Result<()> {
        self.raw(b"{\"schema\":");
        self.str(schema)?;
        self.raw(b",\"document\":");
        self.serde(document)?;
        self.raw(b",\"entities\":");
        self.list(entities, |w, e| w.entity(e.borrow()))?;
        self.raw(b",\"quotes\":");
        self.list(quotes, |w, q| w.quote(q.borrow()))?;
        self.raw(b",\"events\":");
        self.list(events, |w, e| w.serde(e.borrow()))?;
        self.raw(b",\"flags\":");
        self.list(flags, |w, f| w.serde(f.borrow()))?;
        self.raw(b"}");
        Ok(())
    }

    /// Hands what is still gathered to the sink, and returns it.
    pub fn finish(mut self) -> io::Result<W> {
        self.run()?;
        Ok(self.sink)
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Hands the bytes gathered so far to the sink.
    fn run(&mut self) -> io::Result<()> {
        self.sink.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    fn serde<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        serde_json::to_writer(&mut self.buf, value)?;
        Ok(())
    }

    /// `items` as a JSON array, each written by `item`.
    fn list<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        item: impl Fn(&mut Self, T) -> io::Result<()>,
    ) -> io::Result<()> {
        self.buf.push(b'[');
        for (i, x) in items.into_iter().enumerate() {
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
    fn str(&mut self, s: &str) -> io::Result<()> {
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
            self.serde(s)
        }
    }

    fn opt_str(&mut self, s: Option<&str>) -> io::Result<()> {
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

    fn span(&mut self, span: &TextSpan) -> io::Result<()> {
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

    fn reference(&mut self, r: &OutReference) -> io::Result<()> {
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

    fn quote(&mut self, q: &OutQuote) -> io::Result<()> {
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
            self.list(parts, Self::span)?;
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
        self.list(via, Self::reference)?;
        self.raw(b"}");
        Ok(())
    }

    fn entity(&mut self, e: &OutEntity) -> io::Result<()> {
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
        self.list(mentions, Self::span)?;
        if !titles.is_empty() {
            self.raw(b",\"titles\":");
            self.list(titles, Self::span)?;
        }
        self.raw(b"}");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Entity, EntityType, Quote, QuoteKind, Reference};

    #[test]
    fn a_quote_in_parts_keeps_its_attribution_outside() {
        let text = "“Fine,” said Ms. Ode, the mayor. “We go on.”";
        let mut a = Analysis::new(Document {
            id: "d".into(),
            article: Article {
                text: text.into(),
                ..Article::default()
            },
        });
        let at = |s: &str| Span::new(text.find(s).unwrap(), text.find(s).unwrap() + s.len());
        a.quotes.push(Quote {
            span: Span::new(at("Fine").start, at("We go on.").end),
            parts: vec![at("Fine"), at("We go on.")],
            kind: QuoteKind::Direct,
            speaker: None,
            cue: Some("said".into()),
            cue_span: None,
            via: vec![],
        });
        let out = a.to_contract();
        let q = &out.quotes[0];
        assert_eq!(q.text, "Fine … We go on.");
        let chars: Vec<char> = text.chars().collect();
        let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        let parts: Vec<String> = q.parts.iter().map(|p| slice(p.start, p.end)).collect();
        assert_eq!(parts, ["Fine", "We go on."]);
        assert_eq!((q.start, q.end), (q.parts[0].start, q.parts[1].end));
        let json = serde_json::to_value(&out).unwrap();
        assert_eq!(json["quotes"][0]["parts"][1]["text"], "We go on.");
    }

    #[test]
    fn offsets_are_code_points_and_slices_match() {
        let text = "“Hello,” said Jake Sullivan. 中文 Sullivan.";
        let mut a = Analysis::new(Document {
            id: "d".into(),
            article: Article {
                text: text.into(),
                ..Article::default()
            },
        });
        let name_at = text.find("Jake").unwrap();
        let last = text.rfind("Sullivan").unwrap();
        a.entities.push(Entity {
            id: "e1".into(),
            name: "Jake Sullivan".into(),
            kind: EntityType::Person,
            actor: Some("USAGOV".into()),
            mentions: vec![Span::new(name_at, name_at + 13), Span::new(last, last + 8)],
            titles: Vec::new(),
        });
        let q_start = "“".len();
        a.quotes.push(Quote {
            span: Span::new(q_start, q_start + 6),
            parts: vec![],
            kind: QuoteKind::Direct,
            speaker: Some(Reference {
                name: "Jake Sullivan".into(),
                entity: Some("e1".into()),
                ..Reference::default()
            }),
            cue: Some("said".into()),
            cue_span: None,
            via: vec![],
        });
        a.times.push(crate::TimeExpression {
            span: Span::new(last, last + 8),
            value: None,
        });
        a.flags.push(crate::Flag {
            kind: crate::FlagKind::NameVariant,
            message: "a variant".into(),
            spans: vec![Span::new(last, last + 8)],
        });
        a.events.push(crate::Event {
            source: Some(Reference {
                name: "Jake Sullivan".into(),
                entity: Some("e1".into()),
                actor: Some("USAGOV".into()),
                span: Some(Span::new(name_at, name_at + 13)),
            }),
            target: None,
            cameo: "010".into(),
            goldstein: 0.0,
            quad_class: 1,
            modality: crate::Modality::Asserted,
            date: None,
            place: Some(crate::Place {
                name: "Sullivan".into(),
                country: Some("USA".into()),
                lat: Some(1.5),
                lon: None,
                span: Some(Span::new(last, last + 8)),
            }),
            sentence: Span::new(0, text.len()),
            trigger: Span::new(text.find("said").unwrap(), text.find("said").unwrap() + 4),
            quote: Some(0),
        });
        a.quotes[0].via.push(Reference {
            name: "Sullivan".into(),
            span: Some(Span::new(last, last + 8)),
            ..Reference::default()
        });
        a.quotes.push(Quote {
            parts: vec![Span::new(0, 3), Span::new(last, last + 8)],
            cue_span: Some(Span::new(last, last + 8)),
            ..a.quotes[0].clone()
        });
        let view = OutputView::new(&a);
        let out = a.to_contract();
        // Converted from an analysis no longer needed, its strings moved:
        // the same contract.
        assert_eq!(Output::from_analysis_owned(a.clone()), out);
        // Written one element at a time, the same bytes as the whole.
        let whole = serde_json::to_string(&out).unwrap();
        assert_eq!(serde_json::to_string(&view).unwrap(), whole);
        let mut compact = CompactJson::new(Vec::new());
        let (entities, quotes) = (view.entities(), view.quotes());
        let (events, flags) = (view.events(), view.flags());
        compact
            .output(SCHEMA, view.document(), entities, quotes, events, flags)
            .unwrap();
        assert_eq!(String::from_utf8(compact.finish().unwrap()).unwrap(), whole);
        let pretty = serde_json::to_string_pretty(&out).unwrap();
        assert_eq!(serde_json::to_string_pretty(&view).unwrap(), pretty);
        assert!(whole.contains(r#""id":"t1""#) && whole.contains(r#""message":"a variant""#));
        let chars: Vec<char> = text.chars().collect();
        let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        for m in &out.entities[0].mentions {
            assert_eq!(slice(m.start, m.end), m.text);
        }
        assert_eq!(out.entities[0].mentions[1].text, "Sullivan");
        assert_eq!(slice(out.quotes[0].start, out.quotes[0].end), "Hello,");
        let json = serde_json::to_value(&out).unwrap();
        assert_eq!(json["schema"], "newsgraph/1");
        assert_eq!(json["entities"][0]["type"], "PERSON");
        assert_eq!(json["quotes"][0]["speaker"]["entity"], "e1");
    }
}
