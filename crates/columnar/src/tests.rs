//! The tables of the demo articles against the same outputs' JSON: the
//! columnar form must say what `newsgraph analyze` says.

use super::*;
use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int32Type, Int64Type};
use pipeline::{Input, InputKind};
use serde_json::Value;

const HARBOR: &str = include_str!("../../newsgraph/demo/harbor-talks.txt");
const BORDER: &str = include_str!("../../newsgraph/demo/border-warning.txt");

fn analyse(id: &str, text: &str, published: &str) -> Output {
    let pipeline = pipeline::Pipeline::embedded().expect("the embedded models load");
    let input = Input {
        id: id.into(),
        bytes: text.as_bytes(),
        url: None,
        published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        kind: Some(InputKind::Text),
        declared_charset: None,
        verbatim: false,
    };
    pipeline
        .analyze(&input)
        .expect("the demo article analyses")
        .to_contract()
}

fn results() -> Vec<Result<Output, RecordError>> {
    vec![
        Ok(analyse("harbor-talks", HARBOR, "2025-03-10")),
        Err(RecordError {
            id: Some("broken".into()),
            origin: "records[1]".into(),
            error: "not a document".into(),
        }),
        Ok(analyse("border-warning", BORDER, "2025-04-15")),
    ]
}

fn json(results: &[Result<Output, RecordError>]) -> Vec<Value> {
    results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|o| serde_json::to_value(o).expect("an output serialises"))
        .collect()
}

fn strings(batch: &RecordBatch, name: &str) -> Vec<Option<String>> {
    let col = batch.column_by_name(name).expect(name);
    col.as_string::<i32>()
        .iter()
        .map(|s| s.map(str::to_owned))
        .collect()
}

fn ints(batch: &RecordBatch, name: &str) -> Vec<Option<i64>> {
    let col = batch.column_by_name(name).expect(name);
    col.as_primitive::<Int64Type>().iter().collect()
}

#[test]
fn documents_and_errors_account_for_every_record() {
    let results = results();
    let t = Tables::from_results(&results).expect("the tables build");
    assert_eq!(t.documents.num_rows(), 2);
    assert_eq!(t.errors.num_rows(), 1);
    assert_eq!(ints(&t.documents, "record"), [Some(0), Some(2)]);
    assert_eq!(ints(&t.errors, "record"), [Some(1)]);
    assert_eq!(strings(&t.errors, "error"), [Some("not a document".into())]);
    let j = json(&results);
    assert_eq!(
        strings(&t.documents, "text"),
        j.iter()
            .map(|o| o["document"]["text"].as_str().map(str::to_owned))
            .collect::<Vec<_>>()
    );
}

#[test]
fn entity_rows_are_the_json_mentions() {
    let results = results();
    let t = Tables::from_results(&results).expect("the tables build");
    let mut expected = Vec::new();
    for o in json(&results) {
        for e in o["entities"].as_array().expect("entities") {
            for m in e["mentions"].as_array().expect("mentions") {
                expected.push((
                    e["id"].as_str().unwrap_or_default().to_owned(),
                    m["start"].as_i64(),
                    m["end"].as_i64(),
                    m["text"].as_str().unwrap_or_default().to_owned(),
                ));
            }
        }
    }
    assert!(expected.len() > 5, "the demo articles name things");
    let got: Vec<_> = strings(&t.entities, "entity_id")
        .into_iter()
        .zip(ints(&t.entities, "start"))
        .zip(ints(&t.entities, "end"))
        .zip(strings(&t.entities, "text"))
        .map(|(((id, s), e), text)| (id.unwrap_or_default(), s, e, text.unwrap_or_default()))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn quote_rows_are_the_json_quotes() {
    let results = results();
    let t = Tables::from_results(&results).expect("the tables build");
    let j = json(&results);
    let quotes: Vec<&Value> = j
        .iter()
        .flat_map(|o| o["quotes"].as_array().expect("quotes"))
        .collect();
    assert!(!quotes.is_empty(), "the demo articles quote people");
    assert_eq!(t.quotes.num_rows(), quotes.len());
    assert_eq!(
        strings(&t.quotes, "text"),
        quotes
            .iter()
            .map(|q| q["text"].as_str().map(str::to_owned))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        strings(&t.quotes, "speaker_name"),
        quotes
            .iter()
            .map(|q| q["speaker"]["name"].as_str().map(str::to_owned))
            .collect::<Vec<_>>()
    );
}

#[test]
fn event_rows_carry_gdelt_columns_from_the_json() {
    let results = results();
    let t = Tables::from_results(&results).expect("the tables build");
    let j = json(&results);
    let events: Vec<(&Value, &Value)> = j
        .iter()
        .flat_map(|o| {
            o["events"]
                .as_array()
                .expect("events")
                .iter()
                .map(move |e| (o, e))
        })
        .collect();
    assert!(!events.is_empty(), "the demo articles report events");
    let ev = &t.events;
    assert_eq!(ev.num_rows(), events.len());
    assert_eq!(ev.schema().field(0).name(), "GLOBALEVENTID");
    assert_eq!(ev.column(0).null_count(), events.len());
    let codes = strings(ev, "EventCode");
    let roots = strings(ev, "EventRootCode");
    let actor1 = strings(ev, "Actor1Code");
    let sentence = strings(ev, "sentence");
    let ev_start = ints(ev, "evidence_start");
    let docs = strings(ev, "document_id");
    let quad = ev
        .column_by_name("QuadClass")
        .expect("QuadClass")
        .as_primitive::<Int32Type>();
    let sqldate = ev
        .column_by_name("SQLDATE")
        .expect("SQLDATE")
        .as_primitive::<Int32Type>();
    let goldstein = ev
        .column_by_name("GoldsteinScale")
        .expect("GoldsteinScale")
        .as_primitive::<Float64Type>();
    for (i, (o, e)) in events.iter().enumerate() {
        let cameo = e["cameo"].as_str().expect("cameo");
        assert_eq!(codes[i].as_deref(), Some(cameo));
        assert_eq!(roots[i].as_deref(), cameo.get(..2));
        assert_eq!(
            actor1[i].as_deref(),
            e["source"]["actor"].as_str().filter(|a| !a.is_empty())
        );
        assert_eq!(Some(i64::from(quad.value(i))), e["quad_class"].as_i64());
        assert_eq!(Some(goldstein.value(i)), e["goldstein"].as_f64());
        let text: Vec<char> = o["document"]["text"]
            .as_str()
            .expect("text")
            .chars()
            .collect();
        let (s, end) = (
            e["sentence"]["start"].as_u64().expect("start") as usize,
            e["sentence"]["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(
            sentence[i].as_deref(),
            Some(text[s..end].iter().collect::<String>().as_str())
        );
        assert_eq!(ev_start[i], e["sentence"]["start"].as_i64());
        assert_eq!(docs[i].as_deref(), o["document"]["id"].as_str());
        let day = e["date"]
            .as_str()
            .or(o["document"]["published"].as_str())
            .expect("the demo articles are dated");
        assert_eq!(sqldate.value(i).to_string(), day.replace('-', ""));
    }
}

#[test]
fn schemas_do_not_depend_on_the_data() {
    let full = Tables::from_results(&results()).expect("the tables build");
    let empty = Tables::from_results(&[]).expect("empty tables build");
    for ((name, a), (_, b)) in full.into_named().into_iter().zip(empty.into_named()) {
        assert_eq!(a.schema(), b.schema(), "table {name}");
        assert_eq!(b.num_rows(), 0);
    }
}

#[test]
fn a_batch_exports_through_the_c_data_interface() {
    let t = Tables::from_results(&results()).expect("the tables build");
    let (array, schema) = export(&t.events).expect("the batch exports");
    assert_eq!(array.len(), t.events.num_rows());
    assert_eq!(schema.format(), "+s");
    assert_eq!(array.num_children(), t.events.num_columns());
}
