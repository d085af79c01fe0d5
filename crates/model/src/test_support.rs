//! Contract outputs for other crates' tests, behind the `test-support` feature
//! (enabled only by dev-dependencies), so that the writers of the contract
//! (`contract::CompactJson`, the CLI's key-order writer) are held to serde's
//! bytes on one shared example.

use crate::contract::Output;

/// An output using every optional field of the contract both ways, and
/// strings and numbers serde_json writes its own way (escapes, a
/// non-finite float).
pub fn output_with_every_field() -> Output {
    let mut output: Output = serde_json::from_value(serde_json::json!({
        "schema": "newsgraph/1",
        "document": {"id": "r\"1", "url": "http://x/a?b=\"c\"", "title": "T\u{8}",
                     "published": "2024-03-01", "site": "Site",
                     "text": "He said \"no\" \\ then\n\tleft\u{1}\u{7f} “quoted” 東京."},
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
             "place": {"name": "Tokyo", "country": "JPN", "lat": 35.68, "lon": 139.7,
                       "span": {"start": 0, "end": 2, "text": "He"}},
             "sentence": {"start": 0, "end": 9},
             "trigger": {"start": 3, "end": 7, "text": "said"}, "quote": 0},
            {"source": null, "target": {"entity": null, "name": "aides", "actor": "USA"},
             "cameo": "0231", "goldstein": 3.4, "quad_class": 2, "modality": "negated",
             "date": null, "place": {"name": "sea", "country": null, "lat": null,
                                     "lon": 1e300},
             "sentence": {"start": 0, "end": 9}, "trigger": {"start": 3, "end": 7}},
            {"source": null, "target": null, "cameo": "190", "goldstein": 0.0,
             "quad_class": 4, "modality": "future", "date": null, "place": null,
             "sentence": {"start": 0, "end": 9}, "trigger": {"start": 3, "end": 7}}
        ],
        "flags": [{"kind": "truncated", "message": "cut \"short\"",
                   "spans": [{"start": 0, "end": 1, "text": "H"}]},
                  {"kind": "name_variant", "message": "", "spans": []}],
    }))
    .expect("a valid newsgraph/1 document");
    output.events[2].goldstein = f64::NAN;
    output
}
