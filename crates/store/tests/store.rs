//! The store's promises: round trip, one transaction per document,
//! duplicates, stories counted once, every query's filters, harmless
//! hostile input, exports and migration.

mod fixture;

use chrono::NaiveDate;
use fixture::{analysis_of, hash_of, output, TEXT};
use model::contract::Output;
use store::{EventFilter, InsertMeta, Inserted, QuoteFilter, Store, GDELT_COLUMNS};
use tempfile::TempDir;

/// What migrations 9 and 10 added, dropped to rebuild an older database.
const UNDO_V9: &str = "DROP INDEX events_source_unit; DROP INDEX events_target_unit;
    DROP INDEX quotes_speaker_unit; ALTER TABLE events DROP COLUMN source_unit;
    ALTER TABLE events DROP COLUMN target_unit; ALTER TABLE quotes DROP COLUMN speaker_unit;
    DROP TABLE actor_names; DROP TABLE denials; DROP TABLE denial_keys; DROP TABLE contradictions;
    DROP INDEX events_claim_key;";

fn open() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("test.db")).unwrap();
    (dir, store)
}

fn meta(text: &str, fingerprint: Option<u64>) -> InsertMeta {
    InsertMeta {
        content_hash: hash_of(text),
        fingerprint,
    }
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The fixture stored once, plus a near-duplicate copy of it (same story)
/// and an unrelated article (own story).
fn store_with_story() -> (TempDir, Store) {
    let (dir, mut store) = open();
    store
        .insert_with(&output("a"), &meta(TEXT, Some(0xdead_beef_0000_0000)))
        .unwrap();
    let copy_text = format!("{TEXT} Reporting by staff.");
    let copy = analysis_of("a-copy", &copy_text).to_contract();
    let near = 0xdead_beef_0000_0000 ^ 0b1011; // Hamming distance 3
    store
        .insert_with(&copy, &meta(&copy_text, Some(near)))
        .unwrap();
    (dir, store)
}

#[test]
fn round_trip_returns_what_was_inserted() {
    let (_dir, mut store) = open();
    let out = output("seed");
    assert_eq!(store.insert(&out, &hash_of(TEXT)).unwrap(), Inserted::Added);
    assert_eq!(store.document("seed").unwrap(), Some(out));
    assert_eq!(store.document("missing").unwrap(), None);
}

#[test]
fn reopening_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("re.db");
    let out = output("seed");
    Store::open(&path).unwrap().insert(&out, "h").unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.document("seed").unwrap(), Some(out));
    assert_eq!(store.stats().unwrap().documents, 1);
    let reader = Store::open_read_only(&path).unwrap();
    assert_eq!(reader.stats().unwrap().events, 3);
}

#[test]
fn failing_insert_leaves_nothing_behind() {
    let (_dir, mut store) = open();
    let mut bad = output("bad");
    // NaN is stored as NULL, which the events table refuses: the failure
    // comes after the document, entities and quotes rows were written.
    bad.events[1].goldstein = f64::NAN;
    assert!(store.insert(&bad, "h1").is_err());
    let stats = store.stats().unwrap();
    assert_eq!(
        (
            stats.documents,
            stats.stories,
            stats.actors,
            stats.quotes,
            stats.events
        ),
        (0, 0, 0, 0, 0)
    );
    assert!(store.search("consequences", 10, 0).unwrap().is_empty());
    assert_eq!(store.find_hash("h1").unwrap(), None);
    assert_eq!(store.insert(&output("bad"), "h1").unwrap(), Inserted::Added);
}

#[test]
fn a_batch_stores_each_document_whole_and_a_failing_one_alone() {
    let (_dir, mut store) = open();
    let mut bad = output("bad");
    bad.events[1].goldstein = f64::NAN;
    let (a, b, a2) = (output("a"), output("b"), output("a2"));
    let metas = [
        meta("text a", None),
        meta("text bad", None),
        meta("text b", None),
        meta("text a", None),
    ];
    let results = store
        .insert_batch(&[
            (&a, &metas[0]),
            (&bad, &metas[1]),
            (&b, &metas[2]),
            (&a2, &metas[3]),
        ])
        .unwrap();
    assert_eq!(results[0].as_ref().unwrap(), &Inserted::Added);
    assert!(results[1].is_err());
    assert_eq!(results[2].as_ref().unwrap(), &Inserted::Added);
    assert_eq!(
        results[3].as_ref().unwrap(),
        &Inserted::Duplicate("a".into())
    );
    let stats = store.stats().unwrap();
    assert_eq!(
        (stats.documents, stats.events, stats.exact_duplicates),
        (2, 6, 1)
    );
    assert_eq!(store.document("bad").unwrap(), None);
    assert_eq!(store.find_hash(&hash_of("text bad")).unwrap(), None);
    assert_eq!(store.document("b").unwrap(), Some(b));
}

#[test]
fn a_batch_is_stored_like_one_document_at_a_time() {
    let (_one_dir, mut one) = open();
    let (_batch_dir, mut batched) = open();
    let outputs: Vec<_> = ["a", "b", "c"].iter().map(|id| output(id)).collect();
    let metas: Vec<_> = ["x", "y", "x"].iter().map(|t| meta(t, None)).collect();
    let pairs: Vec<_> = outputs.iter().zip(&metas).collect();
    let each: Vec<_> = pairs
        .iter()
        .map(|(o, m)| one.insert_with(o, m).unwrap())
        .collect();
    let together: Vec<_> = batched
        .insert_batch(&pairs)
        .unwrap()
        .into_iter()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(each, together);
    assert_eq!(one.stats().unwrap(), batched.stats().unwrap());
    assert_eq!(batched.document("b").unwrap(), Some(outputs[1].clone()));
}

#[test]
fn merging_the_search_indexes_keeps_every_answer() {
    let (_dir, mut store) = store_with_story();
    let filter = QuoteFilter {
        words: Some("consequences".into()),
        ..QuoteFilter::default()
    };
    let hits = store.search("consequences", 10, 0).unwrap();
    let quotes = store.quotes(&filter).unwrap();
    assert!(!hits.is_empty() && !quotes.is_empty());
    store.optimize_search().unwrap();
    assert_eq!(store.search("consequences", 10, 0).unwrap(), hits);
    assert_eq!(store.quotes(&filter).unwrap(), quotes);
}

#[test]
fn exact_duplicates_are_refused_and_counted_once_per_id() {
    let (_dir, mut store) = open();
    store.insert(&output("a"), "same").unwrap();
    assert_eq!(
        store.insert(&output("a"), "same").unwrap(),
        Inserted::Duplicate("a".into())
    );
    assert_eq!(
        store.stats().unwrap().duplicates,
        0,
        "re-ingest is not a copy"
    );
    for _ in 0..2 {
        assert_eq!(
            store.insert(&output("b"), "same").unwrap(),
            Inserted::Duplicate("a".into())
        );
    }
    store.record_duplicate("c", "same").unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(
        (stats.documents, stats.duplicates, stats.exact_duplicates),
        (1, 2, 2)
    );
    assert_eq!(store.story("a").unwrap().unwrap().exact_copies, ["b", "c"]);
}

#[test]
fn an_id_taken_by_another_text_gets_a_suffix() {
    let (_dir, mut store) = open();
    store.insert(&output("x"), "h1").unwrap();
    assert_eq!(
        store.insert(&output("x"), "h2").unwrap(),
        Inserted::Renamed("x#2".into())
    );
    assert!(store.document("x#2").unwrap().is_some());
    assert_eq!(store.document("x#2").unwrap().unwrap().document.id, "x#2");
}

#[test]
fn near_duplicates_form_one_story_counted_once() {
    let (_dir, mut store) = store_with_story();
    let far = analysis_of("other", &format!("Elsewhere. {TEXT}")).to_contract();
    store
        .insert_with(
            &far,
            &meta(&far.document.article.text, Some(0x0123_4567_89ab_cdef)),
        )
        .unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(
        (stats.documents, stats.stories, stats.duplicates),
        (3, 2, 1)
    );
    // the copy's quote and events are not counted again
    assert_eq!(stats.quotes, 2);
    assert_eq!(stats.events, 6);
    let story = store.story("a-copy").unwrap().unwrap();
    assert_eq!(story.first.id, "a");
    let ids: Vec<_> = story.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "a-copy"]);
    assert_eq!(store.story("other").unwrap().unwrap().documents.len(), 1);
    // events report how many documents carry them
    let events = store
        .events(&EventFilter {
            code_prefix: Some("138".into()),
            ..EventFilter::default()
        })
        .unwrap();
    assert_eq!(
        events.iter().map(|e| e.documents).collect::<Vec<_>>(),
        [2, 1]
    );
    let with_copies = store
        .events(&EventFilter {
            code_prefix: Some("138".into()),
            include_copies: true,
            ..EventFilter::default()
        })
        .unwrap();
    assert_eq!(with_copies.len(), 3);
    // mentions of a story are counted once
    let sullivan = &store.find_actors("Jake Sullivan").unwrap()[0];
    assert_eq!((sullivan.mentions, sullivan.documents), (4, 2));
}

#[test]
fn surname_entity_resolves_to_the_full_name_actor() {
    let (_dir, mut store) = open();
    store.insert(&output("a"), "h").unwrap();
    let found = store.find_actors("sullivan").unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "Jake Sullivan");
    assert_eq!(found[0].code.as_deref(), Some("USAGOV"));
    assert_eq!(found[0].mentions, 2, "Jake Sullivan + Sullivan");
    let top = store.actors(10).unwrap();
    assert_eq!(top[0].name, "Jake Sullivan");
}

#[test]
fn search_highlights_matches_and_lists_a_story_once() {
    let (_dir, store) = store_with_story();
    let hits = store.search("consequences", 10, 0).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].document.id, "a");
    assert_eq!(hits[0].story_documents, 2);
    let marked: Vec<_> = hits[0].snippet.iter().filter(|p| p.hit).collect();
    assert_eq!(marked[0].text, "consequences");
    assert!(hits[0].snippet_text("[", "]").contains("[consequences]"));
    assert_eq!(store.search("Rome consequences", 10, 0).unwrap().len(), 1);
    assert!(store.search("Rome Beijing", 10, 0).unwrap().is_empty());
    assert_eq!(store.search("conseq*", 10, 0).unwrap().len(), 1);
    assert!(store.search("consequences", 10, 1).unwrap().is_empty());
}

#[test]
fn quotes_by_speaker_and_words() {
    let (_dir, store) = store_with_story();
    let by = |speaker: Option<&str>, words: Option<&str>| {
        store
            .quotes(&QuoteFilter {
                speaker: speaker.map(str::to_string),
                words: words.map(str::to_string),
                ..QuoteFilter::default()
            })
            .unwrap()
    };
    let all = by(None, None);
    assert_eq!(all.len(), 1, "the copy's quote is listed once");
    let q = &all[0];
    assert_eq!(q.text, "There will be consequences,");
    assert_eq!(q.speaker.as_deref(), Some("Jake Sullivan"));
    assert_eq!(q.via[0].name, "CNN");
    let chars: Vec<char> = TEXT.chars().collect();
    assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
    assert_eq!(by(Some("Sullivan"), None).len(), 1);
    assert_eq!(by(Some("jake  SULLIVAN"), None).len(), 1);
    assert_eq!(by(Some("Jake"), None).len(), 1, "first word");
    assert!(by(Some("Jak"), None).is_empty(), "whole words only");
    assert!(by(Some("Lavrov"), None).is_empty());
    assert_eq!(by(Some("Sullivan"), Some("consequences")).len(), 1);
    assert!(by(None, Some("sanctions")).is_empty());
    let speaker_actor = q.speaker_actor.unwrap();
    let by_id = store
        .quotes(&QuoteFilter {
            speaker_actor: Some(speaker_actor),
            ..QuoteFilter::default()
        })
        .unwrap();
    assert_eq!(by_id.len(), 1);
}

#[test]
fn quotes_by_speaker_page_like_the_general_filter() {
    let (_dir, mut store) = open();
    for (id, hash) in [("a", "h1"), ("b", "h2"), ("c", "h3")] {
        store.insert(&output(id), hash).unwrap();
    }
    let page = |speaker_actor: Option<i64>, limit: usize, offset: usize| {
        store
            .quotes(&QuoteFilter {
                speaker: Some("Sullivan".into()),
                speaker_actor,
                limit,
                offset,
                ..QuoteFilter::default()
            })
            .unwrap()
    };
    // Speaker alone takes its own query; with an actor id too, the general one.
    let all = page(None, 0, 0);
    assert_eq!(all.len(), 3);
    let actor = all[0].speaker_actor;
    assert_eq!(page(actor, 0, 0), all);
    assert_eq!(page(None, 2, 0), all[..2]);
    assert_eq!(page(None, 2, 2), all[2..]);
    assert_eq!(page(actor, 2, 2), all[2..]);
    // A country's quotes (its speakers coded with it: Sullivan is USAGOV)
    // take their own query, paged the same way.
    let usa = store.find_actors("USA").unwrap()[0].actor_id;
    let country = |limit: usize, offset: usize| {
        store
            .quotes(&QuoteFilter {
                speaker_actor: Some(usa),
                limit,
                offset,
                ..QuoteFilter::default()
            })
            .unwrap()
    };
    assert_eq!(country(0, 0), all);
    assert_eq!(country(2, 1), all[1..3]);
}

#[test]
fn events_filter_by_actor_target_code_date_and_place() {
    let (_dir, store) = store_with_story();
    let count = |f: EventFilter| store.events(&f).unwrap().len();
    assert_eq!(count(EventFilter::default()), 3);
    assert_eq!(
        count(EventFilter {
            actor: Some("usa".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(EventFilter {
            actor: Some("USAGOV".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(EventFilter {
            target: Some("CHN".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(EventFilter {
            code_prefix: Some("02".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(EventFilter {
            code_prefix: Some("13".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(EventFilter {
            facts_only: true,
            ..Default::default()
        }),
        2
    );
    let day = |d: &str| Some(date(d));
    assert_eq!(
        count(EventFilter {
            date_from: day("2022-03-14"),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(EventFilter {
            date_to: day("2022-03-13"),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(EventFilter {
            date_from: day("2022-03-13"),
            date_to: day("2022-03-13"),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(EventFilter {
            place: Some("rome".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(EventFilter {
            place: Some("ITA".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(EventFilter {
            place: Some("Paris".into()),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        count(EventFilter {
            limit: 1,
            offset: 1,
            ..Default::default()
        }),
        1
    );

    let threat = &store
        .events(&EventFilter {
            code_prefix: Some("138".into()),
            ..Default::default()
        })
        .unwrap()[0];
    assert_eq!(threat.root_code, "13");
    assert_eq!(
        threat.day,
        day("2022-03-13"),
        "no own date: counted under published"
    );
    assert_eq!(threat.place.as_ref().unwrap().lat, Some(41.89));
    assert_eq!(
        threat.sentence,
        "\u{201c}There will be consequences,\u{201d} said Jake Sullivan."
    );
    assert_eq!(threat.quote, Some(0));
}

#[test]
fn actor_graph_and_timeline() {
    let (_dir, store) = store_with_story();
    let graph = store.actor_graph(None, None, 0).unwrap();
    // conditional events are not facts; the copy counts once
    assert_eq!(graph.edges.len(), 2);
    let name = |id: i64| {
        graph
            .nodes
            .iter()
            .find(|n| n.actor_id == id)
            .unwrap()
            .name
            .clone()
    };
    let edge = graph
        .edges
        .iter()
        .find(|e| name(e.source) == "Russia")
        .unwrap();
    assert_eq!(name(edge.target), "China");
    assert_eq!(edge.events, 1);
    assert!((edge.mean_goldstein - 3.4).abs() < 1e-9);
    assert_eq!(edge.first, Some(date("2022-03-14")));
    let march14 = store
        .actor_graph(Some(date("2022-03-14")), Some(date("2022-03-14")), 0)
        .unwrap();
    assert_eq!(march14.edges.len(), 1);
    // whole years and months come from their own totals: the same edges
    // (the events fall on 13 and 14 March 2022)
    for (from, to, edges) in [
        ("2022-01-01", "2022-12-31", 2),
        ("2022-03-01", "2022-03-31", 2),
        ("2021-11-15", "2023-02-10", 2),
        ("2022-02-15", "2022-03-13", 1),
        ("2022-03-14", "2022-12-31", 1),
    ] {
        let range = store
            .actor_graph(Some(date(from)), Some(date(to)), 0)
            .unwrap();
        assert_eq!(range.edges.len(), edges, "{from}..{to}");
        for edge in &range.edges {
            assert_eq!(edge.events, 1);
            assert_eq!(edge.first, edge.last);
            assert!(edge.first >= Some(date(from)) && edge.first <= Some(date(to)));
        }
    }
    assert!(store
        .actor_graph(Some(date("2022-03-15")), Some(date("2022-12-31")), 0)
        .unwrap()
        .edges
        .is_empty());
    assert!(store
        .actor_graph(Some(date("2023-01-01")), None, 0)
        .unwrap()
        .edges
        .is_empty());

    let china = store.find_actors("China").unwrap()[0].actor_id;
    let timeline = store.timeline(china, 0).unwrap();
    let codes: Vec<_> = timeline.iter().map(|e| e.cameo.as_str()).collect();
    assert_eq!(codes, ["138", "0233"], "in date order");
    // a limit keeps the earliest events, whichever side the actor was on
    let first = store.timeline(china, 1).unwrap();
    let codes: Vec<_> = first.iter().map(|e| e.cameo.as_str()).collect();
    assert_eq!(codes, ["138"]);
}

#[test]
fn hostile_query_input_is_harmless() {
    let (_dir, store) = store_with_story();
    let nasty = [
        "'; DROP TABLE documents; --",
        "\" OR 1=1 --",
        "consequences\" OR \"",
        "NEAR(a b) AND text:*",
        "%_\\",
        "\u{0}\u{1}\u{2}",
        "",
    ];
    for input in nasty {
        store.search(input, 10, 0).unwrap();
        store
            .quotes(&QuoteFilter {
                speaker: Some(input.into()),
                words: Some(input.into()),
                ..QuoteFilter::default()
            })
            .unwrap();
        let events = store
            .events(&EventFilter {
                actor: Some(input.into()),
                target: Some(input.into()),
                code_prefix: Some(input.into()),
                place: Some(input.into()),
                ..EventFilter::default()
            })
            .unwrap();
        assert!(events.is_empty(), "{input:?} matched events");
        store.find_actors(input).unwrap();
        assert!(store.document(input).unwrap().is_none());
    }
    assert_eq!(store.stats().unwrap().documents, 2);
}

#[test]
fn gdelt_export_has_gdelt_columns() {
    let (_dir, store) = store_with_story();
    let mut buf = Vec::new();
    let filter = EventFilter {
        facts_only: true,
        ..EventFilter::default()
    };
    assert_eq!(store.export_gdelt(&mut buf, &filter).unwrap(), 2);
    let text = String::from_utf8(buf).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2);
    let col = |row: &Vec<&str>, name: &str| {
        row[GDELT_COLUMNS.iter().position(|c| *c == name).unwrap()].to_string()
    };
    for row in &rows {
        assert_eq!(row.len(), 61);
    }
    let appeal = &rows[0];
    assert_eq!(col(appeal, "SQLDATE"), "20220314");
    assert_eq!(col(appeal, "Actor1Code"), "RUS");
    assert_eq!(col(appeal, "Actor1CountryCode"), "RUS");
    assert_eq!(col(appeal, "Actor2Name"), "China");
    assert_eq!(col(appeal, "EventCode"), "0233");
    assert_eq!(col(appeal, "EventBaseCode"), "023");
    assert_eq!(col(appeal, "EventRootCode"), "02");
    assert_eq!(col(appeal, "NumArticles"), "2");
    assert_eq!(col(appeal, "SOURCEURL"), "https://news.example/a");
    assert_eq!(col(appeal, "IsRootEvent"), "1");
    let threat = &rows[1];
    assert_eq!(col(threat, "Actor1Type1Code"), "GOV");
    assert_eq!(col(threat, "IsRootEvent"), "0");
    assert_eq!(col(threat, "ActionGeo_FullName"), "Rome");
    assert_eq!(col(threat, "ActionGeo_Lat"), "41.89");
    assert_eq!(col(threat, "ActionGeo_Type"), "4");
    assert_eq!(col(threat, "AvgTone"), "");
}

#[test]
fn jsonl_export_round_trips() {
    let (_dir, store) = store_with_story();
    let mut buf = Vec::new();
    assert_eq!(store.export_jsonl(&mut buf).unwrap(), 2);
    let lines: Vec<model::contract::Output> = String::from_utf8(buf)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0], output("a"));
    assert_eq!(lines[1].document.id, "a-copy");
}

#[test]
fn prototype_database_is_migrated_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE documents (id TEXT PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE,
             output TEXT NOT NULL);",
        )
        .unwrap();
        conn.execute(
            "INSERT INTO documents VALUES ('old', 'h', ?1)",
            [serde_json::to_string(&output("old")).unwrap()],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.document("old").unwrap(), Some(output("old")));
    assert_eq!(store.find_hash("h").unwrap().as_deref(), Some("old"));
    assert_eq!(store.stats().unwrap().quotes, 1);
}

#[test]
fn version_5_database_gains_period_totals_without_loss() {
    let (dir, store) = store_with_story();
    // Totals only: a database older than version 10 counts each side as
    // its own actor (Sullivan), not as its country's (the United States).
    let year = |store: &Store| {
        store
            .actor_graph(Some(date("2022-01-01")), Some(date("2022-12-31")), 0)
            .unwrap()
            .edges
            .into_iter()
            .map(|e| (e.events, e.mean_goldstein, e.first, e.last))
            .collect::<Vec<_>>()
    };
    let expected = year(&store);
    assert_eq!(expected.len(), 2);
    drop(store);
    // the database as migration 5 left it
    let path = dir.path().join("test.db");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(&format!(
            "{UNDO_V9} DROP TABLE pair_months; DROP TABLE pair_years; DROP INDEX events_root_listed;
             DROP TABLE actor_codes; PRAGMA user_version = 5;"
        ))
        .unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(year(&store), expected, "totals rebuilt from pair_days");
    let threats = store
        .events(&EventFilter {
            code_prefix: Some("13".into()),
            ..EventFilter::default()
        })
        .unwrap();
    assert_eq!(threats.len(), 1);
}

#[test]
fn main_queries_read_through_indexes() {
    let (_dir, store) = store_with_story();
    for (name, plan) in store.query_plans().unwrap() {
        for line in &plan {
            // a SCAN (not of the FTS index or the search subquery) reads
            // every row of a table or index
            let full_scan =
                line.starts_with("SCAN ") && !line.contains("VIRTUAL TABLE") && line != "SCAN m";
            assert!(!full_scan, "{name} scans a table: {plan:?}");
        }
    }
}

#[test]
fn quotes_by_speaker_name_as_written() {
    let (_dir, mut store) = open();
    let mut out = output("a");
    // a speaker resolved to an entity of another name
    let speaker = out.quotes[0].speaker.as_mut().unwrap();
    speaker.name = "the Foreign Ministry".into();
    speaker.entity = Some("e1".into());
    store.insert(&out, "h").unwrap();
    let found = store
        .quotes(&QuoteFilter {
            speaker: Some("The foreign ministry".into()),
            ..QuoteFilter::default()
        })
        .unwrap();
    assert_eq!(found.len(), 1);
    let by_actor = store
        .quotes(&QuoteFilter {
            speaker: Some("Russia".into()),
            ..QuoteFilter::default()
        })
        .unwrap();
    assert_eq!(by_actor.len(), 1);
}

#[test]
fn read_only_open_refuses_an_outdated_schema_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE unrelated (x INTEGER);")
        .unwrap();
    let err = Store::open_read_only(&path).err().unwrap();
    assert!(
        err.to_string().contains("open it once for writing"),
        "{err}"
    );
    Store::open(&path).unwrap();
    Store::open_read_only(&path).unwrap();
}

#[test]
fn concurrent_first_opens_migrate_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("race.db");
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || Store::open(&path).map(|_| ()).map_err(|e| e.to_string()))
        })
        .collect();
    for h in handles {
        h.join().unwrap().unwrap();
    }
    assert_eq!(Store::open(&path).unwrap().stats().unwrap().documents, 0);
}

/// The fixture with Jake Sullivan coded `code` and a text of its own (its
/// own story).
fn sullivan_coded(id: &str, code: &str) -> (model::contract::Output, InsertMeta) {
    let text = format!("{TEXT} ({id})");
    let mut a = analysis_of(id, &text);
    a.entities[2].actor = Some(code.into());
    (a.to_contract(), meta(&text, None))
}

#[test]
fn an_actors_codes_are_the_codes_its_mentions_got_in_their_own_articles() {
    let (_dir, mut store) = open();
    // One article puts him next to Syria; two others code him as his own.
    for (id, code) in [("a", "SYRGOV"), ("b", "USAGOV"), ("c", "USAGOV")] {
        let (out, m) = sullivan_coded(id, code);
        store.insert_with(&out, &m).unwrap();
    }
    let found = store.find_actors("Jake Sullivan").unwrap();
    let sullivan = found.iter().find(|a| a.kind == "PERSON").unwrap();
    assert_eq!(
        sullivan.code.as_deref(),
        Some("USAGOV"),
        "not the first seen"
    );
    let codes: Vec<(&str, u64, u64)> = sullivan
        .codes
        .iter()
        .map(|c| (c.code.as_str(), c.mentions, c.documents))
        .collect();
    assert_eq!(codes, [("USAGOV", 2, 2), ("SYRGOV", 1, 1)]);
    let listed = store.actors(0).unwrap();
    let listed = listed
        .iter()
        .find(|a| a.actor_id == sullivan.actor_id)
        .unwrap();
    assert_eq!(listed.codes, sullivan.codes);
}

#[test]
fn events_of_a_countryless_source_are_listed_but_no_facts() {
    let (_dir, mut store) = open();
    let mut a = analysis_of("a", TEXT);
    // "officials" that nothing placed in a country
    a.events[0].source.as_mut().unwrap().actor = Some("---GOV".into());
    store.insert(&a.to_contract(), "h").unwrap();
    let all = store.events(&EventFilter::default()).unwrap();
    assert_eq!(all.len(), 3, "still listed");
    let facts = store
        .events(&EventFilter {
            facts_only: true,
            ..EventFilter::default()
        })
        .unwrap();
    assert!(facts.iter().all(|e| e.cameo != "0233"), "{facts:?}");
    assert_eq!(facts.len(), 1);
    let graph = store.actor_graph(None, None, 0).unwrap();
    assert_eq!(graph.edges.len(), 1, "only Sullivan -> China: {graph:?}");
    let mut tsv = Vec::new();
    let facts_only = EventFilter {
        facts_only: true,
        ..EventFilter::default()
    };
    store.export_gdelt(&mut tsv, &facts_only).unwrap();
    assert!(!String::from_utf8(tsv).unwrap().contains("---GOV"));
}

#[test]
fn version_7_database_drops_countryless_facts_and_counts_codes() {
    let (dir, mut store) = open();
    let mut a = analysis_of("a", TEXT);
    a.events[0].source.as_mut().unwrap().actor = Some("---GOV".into());
    store.insert(&a.to_contract(), "h").unwrap();
    drop(store);
    // as version 7 stored it: a fact, in the graph, codes not counted
    let path = dir.path().join("test.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(&format!(
        "{UNDO_V9} UPDATE events SET fact = 1;
         INSERT INTO pairs SELECT source_actor, target_actor, 1, 3.4, day, day FROM events
             WHERE cameo = '0233' AND source_actor IS NOT NULL AND target_actor IS NOT NULL;
         DROP TABLE actor_codes; PRAGMA user_version = 7;"
    ))
    .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let graph = store.actor_graph(None, None, 0).unwrap();
    assert_eq!(graph.edges.len(), 1, "{graph:?}");
    let sullivan = store.find_actors("Jake Sullivan").unwrap();
    assert_eq!(sullivan[0].codes.len(), 1);
    assert_eq!(sullivan[0].codes[0].code, "USAGOV");
}

/// A document of `id` whose only entities are `entities`: (name, type,
/// code, titles), each mentioned once.
fn with_entities(id: &str, entities: &[(&str, &str, Option<&str>, &[&str])]) -> Output {
    let mut out = output(id);
    out.quotes.clear();
    out.events.clear();
    out.flags.clear();
    out.entities = entities
        .iter()
        .enumerate()
        .map(
            |(i, (name, kind, code, titles))| model::contract::OutEntity {
                id: format!("e{i}"),
                name: name.to_string(),
                kind: kind.to_string(),
                actor: code.map(str::to_string),
                value: None,
                mentions: vec![model::contract::TextSpan {
                    start: 0,
                    end: 1,
                    text: name.to_string(),
                }],
                titles: titles
                    .iter()
                    .map(|t| model::contract::TextSpan {
                        start: 0,
                        end: 1,
                        text: t.to_string(),
                    })
                    .collect(),
            },
        )
        .collect();
    out
}

#[test]
fn a_person_by_full_name_and_by_titled_surname_is_one_actor_in_either_order() {
    for order in [["full", "surname"], ["surname", "full"]] {
        let (_dir, mut store) = open();
        for id in order {
            let out = match id {
                "full" => with_entities(id, &[("Barack Obama", "PERSON", None, &[])]),
                _ => with_entities(id, &[("Obama", "PERSON", Some("USAELI"), &["President"])]),
            };
            store.insert(&out, id).unwrap();
        }
        let found = store.find_actors("Obama").unwrap();
        assert_eq!(found.len(), 1, "{order:?}: {found:?}");
        assert_eq!(found[0].name, "Barack Obama");
        assert_eq!(found[0].documents, 2);
        let page = store.actor(found[0].actor_id).unwrap().unwrap();
        let mut names: Vec<&str> = page.names.iter().map(|n| n.name.as_str()).collect();
        names.sort_unstable();
        assert_eq!(names, ["Barack Obama", "Obama"]);
    }
}

#[test]
fn a_surname_is_not_linked_to_a_person_of_another_country_or_to_two_people() {
    let (_dir, mut store) = open();
    store
        .insert(
            &with_entities("a", &[("Kenji Sato", "PERSON", Some("JPNGOV"), &[])]),
            "a",
        )
        .unwrap();
    store
        .insert(
            &with_entities("b", &[("Sato", "PERSON", Some("BRAGOV"), &["Minister"])]),
            "b",
        )
        .unwrap();
    assert_eq!(
        store.find_actors("Sato").unwrap().len(),
        2,
        "two countries: two people"
    );
    store
        .insert(
            &with_entities("c", &[("Ana Lima", "PERSON", None, &[])]),
            "c",
        )
        .unwrap();
    store
        .insert(
            &with_entities("d", &[("Rui Lima", "PERSON", None, &[])]),
            "d",
        )
        .unwrap();
    store
        .insert(
            &with_entities("e", &[("Lima", "PERSON", None, &["Mr."])]),
            "e",
        )
        .unwrap();
    assert_eq!(
        store.find_actors("Lima").unwrap().len(),
        3,
        "ambiguous surname"
    );
    for person in store
        .actors(50)
        .unwrap()
        .iter()
        .filter(|a| a.kind == "PERSON")
    {
        let countries: std::collections::BTreeSet<&str> =
            person.codes.iter().map(|c| &c.code[..3]).collect();
        assert!(countries.len() <= 1, "{person:?}");
    }
}

#[test]
fn a_country_counts_its_capital_and_demonym_but_not_a_city_named_as_a_place() {
    let (_dir, mut store) = open();
    let out = with_entities(
        "a",
        &[
            ("Canada", "GPE", Some("CAN"), &[]),
            ("Ottawa", "GPE", Some("CANGOV"), &[]),
            ("Canadian", "NORP", Some("CANGOV"), &[]),
            ("Montreal", "GPE", Some("CAN"), &[]),
        ],
    );
    store.insert(&out, "a").unwrap();
    let canada = store.find_actors("Ottawa").unwrap();
    assert_eq!(canada.len(), 1);
    assert_eq!(canada[0].name, "Canada");
    assert_eq!(canada[0].code.as_deref(), Some("CAN"));
    assert_eq!(canada[0].mentions, 3);
    let roles: Vec<&str> = canada[0].codes.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(
        roles,
        ["CANGOV", "CAN"],
        "role breakdown, most mentions first"
    );
    let montreal = store.find_actors("Montreal").unwrap();
    assert_eq!(montreal.len(), 1);
    assert_ne!(montreal[0].actor_id, canada[0].actor_id);
}

#[test]
fn analyses_stored_as_json_text_before_version_11_still_read_and_export() {
    let (dir, mut store) = open();
    let old = output("old");
    store.insert(&old, "h-old").unwrap();
    drop(store);
    // The row as version 10 wrote it: the JSON, without its text, as TEXT.
    let path = dir.path().join("test.db");
    let mut without_text = old.clone();
    without_text.document.article.text.clear();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE documents SET output = ?1 WHERE id = 'old'",
        [serde_json::to_string(&without_text).unwrap()],
    )
    .unwrap();
    conn.execute_batch("PRAGMA user_version = 10").unwrap();
    let kind: String = conn
        .query_row("SELECT typeof(output) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kind, "text");
    drop(conn);
    let mut store = Store::open(&path).unwrap();
    let new = analysis_of("new", &format!("{TEXT} Reporting by staff.")).to_contract();
    store.insert(&new, "h-new").unwrap();
    assert_eq!(store.document("old").unwrap(), Some(old.clone()));
    assert_eq!(store.document("new").unwrap(), Some(new.clone()));
    let mut lines = Vec::new();
    assert_eq!(store.export_jsonl(&mut lines).unwrap(), 2);
    let exported: Vec<Output> = String::from_utf8(lines)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(exported, vec![old, new]);
}

#[test]
fn a_newer_analysis_is_stored_packed_not_as_text() {
    let (dir, mut store) = open();
    store.insert(&output("a"), "h").unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join("test.db")).unwrap();
    let (kind, stored, json): (String, i64, i64) = conn
        .query_row(
            "SELECT typeof(output), length(output), length(text) FROM documents",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(kind, "blob");
    let plain = serde_json::to_string(&output("a")).unwrap().len() as i64 - json;
    assert!(stored < plain, "packed {stored} bytes, JSON {plain}");
}

#[test]
fn each_quote_of_a_repeated_speaker_is_stored_with_its_own_speaker_and_via() {
    let (_dir, mut store) = open();
    let mut out = output("long");
    let sullivan = out.quotes[0].clone();
    let mut unnamed = sullivan.clone();
    unnamed.speaker = unnamed.speaker.map(|mut s| {
        s.entity = None;
        s.actor = None;
        s.name = "officials".into();
        s
    });
    unnamed.via.clear();
    // A speaker repeated back to back, one coming back after another, and
    // one without an actor between them: each quote keeps its own.
    out.quotes = [&sullivan, &sullivan, &unnamed, &unnamed, &sullivan]
        .into_iter()
        .enumerate()
        .map(|(i, q)| {
            let mut q = q.clone();
            q.text = format!("{} ({i})", q.text);
            q
        })
        .collect();
    store.insert(&out, &hash_of(TEXT)).unwrap();
    let stored = store.quotes(&QuoteFilter::default()).unwrap();
    let mut stored: Vec<_> = stored.iter().collect();
    stored.sort_by_key(|q| q.index);
    let speakers: Vec<_> = stored.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            Some("Jake Sullivan"),
            Some("Jake Sullivan"),
            Some("officials"),
            Some("officials"),
            Some("Jake Sullivan")
        ]
    );
    let actor = stored[0].speaker_actor;
    assert!(actor.is_some());
    let actors: Vec<_> = stored.iter().map(|q| q.speaker_actor).collect();
    assert_eq!(actors, [actor, actor, None, None, actor]);
    let via: Vec<_> = stored.iter().map(|q| q.via.len()).collect();
    assert_eq!(via, [1, 1, 0, 0, 1]);
    assert_eq!(stored[4].via[0].name, "CNN");
}
