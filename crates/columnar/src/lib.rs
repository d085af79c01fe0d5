//! `newsgraph/1` outputs as Arrow record batches: the columnar form of what
//! `newsgraph analyze --jsonl` prints, for pyarrow, pandas, DuckDB and Spark.
//!
//! [`Tables::from_results`] turns the outputs of a batch of records (in
//! input order, a failed record as a [`RecordError`]) into five batches:
//!
//! - `documents`: one row per analysed record (`record`, the index in the
//!   input; `document_id`; the article's metadata and text);
//! - `entities`: one row per entity **mention** (`entity_id` groups the
//!   mentions of one entity);
//! - `quotes`: one row per quote (`quote`, its index in the document, which
//!   events' `quote` column points at);
//! - `events`: one row per event, with GDELT 2.0's column names where GDELT
//!   has the column (`GLOBALEVENTID`, `SQLDATE` … `SOURCEURL`, derived by
//!   [`model::gdelt`] exactly as the store's TSV export derives them), then
//!   ours: `document_id`, `modality`, `evidence_start`/`evidence_end` (the
//!   evidence sentence's span), `sentence` (its text), `trigger_start`/
//!   `trigger_end`, `quote`;
//! - `errors`: one row per record that could not be analysed (`record`,
//!   `document_id` when known, `origin`, `error`), so that
//!   `documents + errors = records in`.
//!
//! A column's type and nullability never depend on the data, so the batches
//! of many calls concatenate (and are written to one Parquet dataset).
//! Every offset is a Unicode code point into the document's `text`, as in
//! the JSON. Columns GDELT fills from its whole corpus and a single batch
//! cannot know are null (`GLOBALEVENTID`, which the store assigns) or left
//! out (`NumMentions`, `NumArticles`, `DATEADDED`).
//!
//! [`export`] hands a batch to another Arrow implementation through the C
//! data interface (no copy); this crate does no I/O.

use arrow_array::builder::{
    Date32Builder, Float64Builder, Int32Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::types::Date32Type;
use arrow_array::{Array, ArrayRef, Int64Array, StructArray};
use chrono::NaiveDate;
use model::contract::{OutEvent, OutReference, Output};
use model::gdelt::{base_code, clean_name, is_root_event, root_code, split_code, GdeltDate};
use std::sync::Arc;

pub use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema};
pub use arrow_array::RecordBatch;
pub use arrow_schema::ArrowError;

/// A record of the batch that could not be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The record's id, when it could be read.
    pub id: Option<String>,
    /// Where the record came from (`records[3]`).
    pub origin: String,
    /// Why it failed, as the JSON error object says.
    pub error: String,
}

/// The five batches of one call, each with a fixed schema.
#[derive(Debug, Clone)]
pub struct Tables {
    /// One row per analysed record.
    pub documents: RecordBatch,
    /// One row per entity mention.
    pub entities: RecordBatch,
    /// One row per quote.
    pub quotes: RecordBatch,
    /// One row per event, GDELT 2.0 column names first.
    pub events: RecordBatch,
    /// One row per record that failed.
    pub errors: RecordBatch,
}

impl Tables {
    /// The table names, in the order [`Tables::into_named`] yields them.
    pub const NAMES: [&'static str; 5] = ["documents", "entities", "quotes", "events", "errors"];

    /// The batches of `results`, one per input record in input order.
    pub fn from_results(results: &[Result<Output, RecordError>]) -> Result<Self, ArrowError> {
        Ok(Tables {
            documents: documents(results)?,
            entities: entities(results)?,
            quotes: quotes(results)?,
            events: events(results)?,
            errors: errors(results)?,
        })
    }

    /// The batches with their names ([`Tables::NAMES`]).
    pub fn into_named(self) -> [(&'static str, RecordBatch); 5] {
        let [d, en, q, ev, er] = Self::NAMES;
        [
            (d, self.documents),
            (en, self.entities),
            (q, self.quotes),
            (ev, self.events),
            (er, self.errors),
        ]
    }
}

/// Exports `batch` through the Arrow C data interface, as a struct array
/// whose fields are the batch's columns (what pyarrow's
/// `RecordBatch._import_from_c` and the PyCapsule interface's
/// `__arrow_c_array__` expect). The buffers are shared, not copied; the
/// consumer releases them.
pub fn export(batch: &RecordBatch) -> Result<(FFI_ArrowArray, FFI_ArrowSchema), ArrowError> {
    let data = StructArray::from(batch.clone()).into_data();
    arrow_array::ffi::to_ffi(&data)
}

/// The analysed outputs of `results`, with their record indexes.
fn outputs(results: &[Result<Output, RecordError>]) -> impl Iterator<Item = (usize, &Output)> {
    results
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.as_ref().ok().map(|o| (i, o)))
}

/// A code-point offset as an Arrow integer (lossless: offsets are far below
/// 2^63).
fn offset(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// `text[start:end]` in code points, as Python slices (the contract leaves
/// an evidence sentence's text out of the JSON; the table carries it).
fn char_slice(text: &str, start: usize, end: usize) -> &str {
    let byte = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    let (s, e) = (byte(start), byte(end.max(start)));
    &text[s..e]
}

fn day(d: Option<NaiveDate>) -> Option<i32> {
    d.map(Date32Type::from_naive_date)
}

/// Builds a batch from named columns with their nullability.
fn batch(columns: Vec<(&'static str, ArrayRef, bool)>) -> Result<RecordBatch, ArrowError> {
    RecordBatch::try_from_iter_with_nullable(columns)
}

fn finish_str(mut b: StringBuilder) -> ArrayRef {
    Arc::new(b.finish())
}

fn documents(results: &[Result<Output, RecordError>]) -> Result<RecordBatch, ArrowError> {
    let mut record = Int64Builder::new();
    let (mut id, mut url, mut title, mut byline) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let mut published = Date32Builder::new();
    let (mut site, mut language, mut text) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    for (i, out) in outputs(results) {
        let a = &out.document.article;
        record.append_value(offset(i));
        id.append_value(&out.document.id);
        url.append_option(a.url.as_deref());
        title.append_option(a.title.as_deref());
        byline.append_option(a.byline.as_deref());
        published.append_option(day(a.published));
        site.append_option(a.site.as_deref());
        language.append_option(a.language.as_deref());
        text.append_value(&a.text);
    }
    batch(vec![
        ("record", Arc::new(record.finish()), false),
        ("document_id", finish_str(id), false),
        ("url", finish_str(url), true),
        ("title", finish_str(title), true),
        ("byline", finish_str(byline), true),
        ("published", Arc::new(published.finish()), true),
        ("site", finish_str(site), true),
        ("language", finish_str(language), true),
        ("text", finish_str(text), false),
    ])
}

fn entities(results: &[Result<Output, RecordError>]) -> Result<RecordBatch, ArrowError> {
    let (mut doc, mut entity, mut name, mut kind, mut actor) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let mut value = Date32Builder::new();
    let (mut start, mut end, mut text) = (
        Int64Builder::new(),
        Int64Builder::new(),
        StringBuilder::new(),
    );
    for (_, out) in outputs(results) {
        for e in &out.entities {
            for m in &e.mentions {
                doc.append_value(&out.document.id);
                entity.append_value(&e.id);
                name.append_value(&e.name);
                kind.append_value(&e.kind);
                actor.append_option(e.actor.as_deref());
                value.append_option(day(e.value));
                start.append_value(offset(m.start));
                end.append_value(offset(m.end));
                text.append_value(&m.text);
            }
        }
    }
    batch(vec![
        ("document_id", finish_str(doc), false),
        ("entity_id", finish_str(entity), false),
        ("name", finish_str(name), false),
        ("kind", finish_str(kind), false),
        ("actor", finish_str(actor), true),
        ("value", Arc::new(value.finish()), true),
        ("start", Arc::new(start.finish()), false),
        ("end", Arc::new(end.finish()), false),
        ("text", finish_str(text), false),
    ])
}

/// The columns of an optional reference (speaker, actor): entity id, name,
/// CAMEO actor code, span.
#[derive(Default)]
struct RefColumns {
    entity: StringBuilder,
    name: StringBuilder,
    actor: StringBuilder,
    start: Int64Builder,
    end: Int64Builder,
}

impl RefColumns {
    fn append(&mut self, r: Option<&OutReference>) {
        self.entity
            .append_option(r.and_then(|r| r.entity.as_deref()));
        self.name.append_option(r.map(|r| r.name.as_str()));
        self.actor.append_option(r.and_then(|r| r.actor.as_deref()));
        let span = r.and_then(|r| r.span.as_ref());
        self.start.append_option(span.map(|s| offset(s.start)));
        self.end.append_option(span.map(|s| offset(s.end)));
    }
}

fn quotes(results: &[Result<Output, RecordError>]) -> Result<RecordBatch, ArrowError> {
    let mut doc = StringBuilder::new();
    let (mut index, mut start, mut end) = (
        Int64Builder::new(),
        Int64Builder::new(),
        Int64Builder::new(),
    );
    let (mut text, mut kind, mut cue) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let (mut cue_start, mut cue_end) = (Int64Builder::new(), Int64Builder::new());
    let mut speaker = RefColumns::default();
    let mut via = ListBuilder::new(StringBuilder::new());
    for (_, out) in outputs(results) {
        for (i, q) in out.quotes.iter().enumerate() {
            doc.append_value(&out.document.id);
            index.append_value(offset(i));
            start.append_value(offset(q.start));
            end.append_value(offset(q.end));
            text.append_value(&q.text);
            kind.append_value(&q.kind);
            speaker.append(q.speaker.as_ref());
            cue.append_option(q.cue.as_deref());
            cue_start.append_option(q.cue_span.as_ref().map(|s| offset(s.start)));
            cue_end.append_option(q.cue_span.as_ref().map(|s| offset(s.end)));
            for v in &q.via {
                via.values().append_value(&v.name);
            }
            via.append(true);
        }
    }
    batch(vec![
        ("document_id", finish_str(doc), false),
        ("quote", Arc::new(index.finish()), false),
        ("start", Arc::new(start.finish()), false),
        ("end", Arc::new(end.finish()), false),
        ("text", finish_str(text), false),
        ("kind", finish_str(kind), false),
        ("speaker_entity", finish_str(speaker.entity), true),
        ("speaker_name", finish_str(speaker.name), true),
        ("speaker_actor", finish_str(speaker.actor), true),
        ("speaker_start", Arc::new(speaker.start.finish()), true),
        ("speaker_end", Arc::new(speaker.end.finish()), true),
        ("cue", finish_str(cue), true),
        ("cue_start", Arc::new(cue_start.finish()), true),
        ("cue_end", Arc::new(cue_end.finish()), true),
        ("via", Arc::new(via.finish()), false),
    ])
}

/// GDELT's actor columns of one side: `Actor?Code`, `Actor?Name`,
/// `Actor?CountryCode`, `Actor?Type1Code` … `Actor?Type3Code`.
#[derive(Default)]
struct ActorColumns {
    code: StringBuilder,
    name: StringBuilder,
    country: StringBuilder,
    types: [StringBuilder; 3],
}

impl ActorColumns {
    fn append(&mut self, r: Option<&OutReference>) {
        let code = r.and_then(|r| r.actor.as_deref()).filter(|c| !c.is_empty());
        let parts = split_code(code.unwrap_or_default());
        self.code.append_option(code);
        self.name.append_option(r.map(|r| clean_name(&r.name)));
        let nonempty = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
        self.country.append_option(nonempty(&parts.country));
        for (b, t) in self.types.iter_mut().zip(&parts.types) {
            b.append_option(nonempty(t));
        }
    }

    fn columns(self, n: u8, out: &mut Vec<(&'static str, ArrayRef, bool)>) {
        let names: [&'static str; 6] = if n == 1 {
            [
                "Actor1Code",
                "Actor1Name",
                "Actor1CountryCode",
                "Actor1Type1Code",
                "Actor1Type2Code",
                "Actor1Type3Code",
            ]
        } else {
            [
                "Actor2Code",
                "Actor2Name",
                "Actor2CountryCode",
                "Actor2Type1Code",
                "Actor2Type2Code",
                "Actor2Type3Code",
            ]
        };
        let [t1, t2, t3] = self.types;
        for (name, b) in names
            .into_iter()
            .zip([self.code, self.name, self.country, t1, t2, t3])
        {
            out.push((name, finish_str(b), true));
        }
    }
}

/// GDELT's `ActionGeo_Type`: 4 for a place with coordinates, 1 for a country
/// alone (as the store's export).
fn geo_type(e: &OutEvent) -> Option<i32> {
    let place = e.place.as_ref()?;
    match (place.lat, &place.country) {
        (Some(_), _) => Some(4),
        (None, Some(_)) => Some(1),
        _ => None,
    }
}

fn events(results: &[Result<Output, RecordError>]) -> Result<RecordBatch, ArrowError> {
    let rows: Vec<(&Output, &OutEvent)> = outputs(results)
        .flat_map(|(_, o)| o.events.iter().map(move |e| (o, e)))
        .collect();
    let n = rows.len();
    let (mut sqldate, mut month_year, mut year) = (
        Int32Builder::new(),
        Int32Builder::new(),
        Int32Builder::new(),
    );
    let mut fraction = Float64Builder::new();
    let (mut actor1, mut actor2) = (ActorColumns::default(), ActorColumns::default());
    let mut root_event = Int32Builder::new();
    let (mut code, mut base, mut root) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let mut quad = Int32Builder::new();
    let mut goldstein = Float64Builder::new();
    let mut geo = Int32Builder::new();
    let (mut geo_name, mut geo_country) = (StringBuilder::new(), StringBuilder::new());
    let (mut lat, mut lon) = (Float64Builder::new(), Float64Builder::new());
    let mut source_url = StringBuilder::new();
    let (mut doc, mut modality, mut sentence) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let (mut ev_start, mut ev_end, mut tr_start, mut tr_end, mut quote) = (
        Int64Builder::new(),
        Int64Builder::new(),
        Int64Builder::new(),
        Int64Builder::new(),
        Int64Builder::new(),
    );
    for (out, e) in rows {
        // GDELT dates every row: the event's own day, else the article's.
        let date = e.date.or(out.document.article.published).map(GdeltDate::of);
        sqldate.append_option(date.map(|d| d.sqldate));
        month_year.append_option(date.map(|d| d.month_year));
        year.append_option(date.map(|d| d.year));
        fraction.append_option(date.map(|d| d.fraction_date));
        actor1.append(e.source.as_ref());
        actor2.append(e.target.as_ref());
        root_event.append_value(i32::from(is_root_event(
            &out.document.article.text,
            e.sentence.start,
        )));
        code.append_value(&e.cameo);
        base.append_value(base_code(&e.cameo));
        root.append_value(root_code(&e.cameo));
        quad.append_value(i32::from(e.quad_class));
        goldstein.append_value(e.goldstein);
        geo.append_option(geo_type(e));
        geo_name.append_option(e.place.as_ref().map(|p| clean_name(&p.name)));
        geo_country.append_option(e.place.as_ref().and_then(|p| p.country.as_deref()));
        lat.append_option(e.place.as_ref().and_then(|p| p.lat));
        lon.append_option(e.place.as_ref().and_then(|p| p.lon));
        let id = &out.document.id;
        match &out.document.article.url {
            Some(url) => source_url.append_value(url),
            None => source_url.append_value(format!("newsgraph:{id}")),
        }
        doc.append_value(id);
        modality.append_value(&e.modality);
        ev_start.append_value(offset(e.sentence.start));
        ev_end.append_value(offset(e.sentence.end));
        if e.sentence.text.is_empty() {
            sentence.append_value(char_slice(
                &out.document.article.text,
                e.sentence.start,
                e.sentence.end,
            ));
        } else {
            sentence.append_value(&e.sentence.text);
        }
        tr_start.append_value(offset(e.trigger.start));
        tr_end.append_value(offset(e.trigger.end));
        quote.append_option(e.quote.map(offset));
    }
    let mut cols: Vec<(&'static str, ArrayRef, bool)> = vec![
        (
            "GLOBALEVENTID",
            Arc::new(Int64Array::new_null(n)) as ArrayRef,
            true,
        ),
        ("SQLDATE", Arc::new(sqldate.finish()), true),
        ("MonthYear", Arc::new(month_year.finish()), true),
        ("Year", Arc::new(year.finish()), true),
        ("FractionDate", Arc::new(fraction.finish()), true),
    ];
    actor1.columns(1, &mut cols);
    actor2.columns(2, &mut cols);
    cols.extend([
        (
            "IsRootEvent",
            Arc::new(root_event.finish()) as ArrayRef,
            false,
        ),
        ("EventCode", finish_str(code), false),
        ("EventBaseCode", finish_str(base), false),
        ("EventRootCode", finish_str(root), false),
        ("QuadClass", Arc::new(quad.finish()), false),
        ("GoldsteinScale", Arc::new(goldstein.finish()), false),
        ("ActionGeo_Type", Arc::new(geo.finish()), true),
        ("ActionGeo_FullName", finish_str(geo_name), true),
        ("ActionGeo_CountryCode", finish_str(geo_country), true),
        ("ActionGeo_Lat", Arc::new(lat.finish()), true),
        ("ActionGeo_Long", Arc::new(lon.finish()), true),
        ("SOURCEURL", finish_str(source_url), false),
        ("document_id", finish_str(doc), false),
        ("modality", finish_str(modality), false),
        ("evidence_start", Arc::new(ev_start.finish()), false),
        ("evidence_end", Arc::new(ev_end.finish()), false),
        ("sentence", finish_str(sentence), false),
        ("trigger_start", Arc::new(tr_start.finish()), false),
        ("trigger_end", Arc::new(tr_end.finish()), false),
        ("quote", Arc::new(quote.finish()), true),
    ]);
    batch(cols)
}

fn errors(results: &[Result<Output, RecordError>]) -> Result<RecordBatch, ArrowError> {
    let mut record = Int64Builder::new();
    let (mut id, mut origin, mut error) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    for (i, r) in results.iter().enumerate() {
        if let Err(e) = r {
            record.append_value(offset(i));
            id.append_option(e.id.as_deref());
            origin.append_value(&e.origin);
            error.append_value(&e.error);
        }
    }
    batch(vec![
        ("record", Arc::new(record.finish()), false),
        ("document_id", finish_str(id), true),
        ("origin", finish_str(origin), false),
        ("error", finish_str(error), false),
    ])
}

#[cfg(test)]
mod tests;
