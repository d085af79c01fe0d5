//! The ingest scheduler driven as a library: bad inputs beside good ones,
//! duplicates, deadlines, panics, the pool's size and the progress it
//! reports. Most tests use a stand-in for the analysis (extraction for real,
//! then no annotations, with a marker word that makes it slow or panic) so
//! that timing is under the test's control; one runs the real pipeline.

use ingest::{
    run, DocumentError, IngestError, Options, Progress, RawDocument, Report, SourceItem, Stages,
};
use model::contract::Output;
use model::{Analysis, Document, InputKind, Step};
use pipeline::{Budget, OverBudget, Pipeline, PipelineError};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use store::Store;

/// Extracts for real and annotates nothing; a text with `SLOW` sleeps for
/// [`SLOW`] (an analysis that never checks its budget), one with `ENDLESS`
/// works until its budget is spent (as the stages do), one with `LONG`
/// works through 10M tokens at 1,000 a millisecond, reporting its progress
/// (as the stages do; 10 s in all), one with `PANIC` panics. Counts analyses running at once.
#[derive(Default)]
struct StandIn {
    running: AtomicUsize,
    most_at_once: AtomicUsize,
}

const SLOW: Duration = Duration::from_secs(3);

impl Stages for StandIn {
    fn extract(&self, raw: &RawDocument) -> Result<Document, PipelineError> {
        let input = pipeline::Input {
            id: raw.id.clone(),
            bytes: &raw.bytes,
            kind: raw.kind,
            ..pipeline::Input::default()
        };
        pipeline::extract_document(&input, &pipeline::Limits::default())
    }

    fn analyse(&self, document: Document, budget: &Budget) -> Result<Output, OverBudget> {
        let now = self.running.fetch_add(1, Ordering::SeqCst) + 1;
        self.most_at_once.fetch_max(now, Ordering::SeqCst);
        let text = document.text().to_string();
        if text.contains("SLOW") {
            std::thread::sleep(SLOW);
        }
        if text.contains("LONG") {
            let outcome = (0..10_000).try_for_each(|ms| {
                std::thread::sleep(Duration::from_millis(1));
                budget.progress(Step::Events, ms * 1_000, 10_000_000)
            });
            self.running.fetch_sub(1, Ordering::SeqCst);
            outcome?;
            return Ok(Analysis::new(document).to_contract());
        }
        if text.contains("ENDLESS") {
            while budget.check().is_ok() {
                std::thread::sleep(Duration::from_millis(1));
            }
            self.running.fetch_sub(1, Ordering::SeqCst);
            return Err(OverBudget::Spent);
        }
        self.running.fetch_sub(1, Ordering::SeqCst);
        assert!(!text.contains("PANIC"), "a stage bug on this text");
        Ok(Analysis::new(document).to_contract())
    }
}

fn text(id: &str, text: &str) -> SourceItem {
    SourceItem::Document(RawDocument {
        id: id.to_string(),
        origin: format!("test:{id}"),
        bytes: text.as_bytes().to_vec(),
        url: None,
        published: None,
        kind: Some(InputKind::Text),
        declared_charset: None,
    })
}

fn story(n: usize) -> String {
    format!("Story number {n}: the port authority said on Monday that ships would be inspected.")
}

/// A fresh database in a temporary directory.
struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        // Created (and migrated) so that read-only connections can open it.
        drop(Store::open(&path).unwrap());
        Db { _dir: dir, path }
    }

    fn stored(&self, id: &str) -> bool {
        stored(&self.path, id)
    }
}

fn stored(db: &Path, id: &str) -> bool {
    Store::open_read_only(db)
        .unwrap()
        .document(id)
        .unwrap()
        .is_some()
}

/// Runs an ingest of `items`, collecting the progress events as strings.
fn ingest<S: Stages>(
    db: &Db,
    items: Vec<SourceItem>,
    stages: Arc<S>,
    options: &Options,
) -> (Result<Report, IngestError>, Vec<String>) {
    let store = Store::open(&db.path).unwrap();
    let lookup = Store::open_read_only(&db.path).unwrap();
    let mut events = Vec::new();
    let report = run(
        items.into_iter(),
        stages,
        store,
        &lookup,
        options,
        |event| {
            events.push(match event {
                Progress::Stored(id) => format!("stored {id}"),
                Progress::Duplicate(id) => format!("duplicate {id}"),
                Progress::Failed(f) => format!("failed {}: {}", f.origin, f.error),
            });
            ControlFlow::Continue(())
        },
    );
    (report, events)
}

fn workers(n: usize) -> Options {
    Options {
        workers: n,
        ..Options::default()
    }
}

#[test]
fn a_batch_with_bad_inputs_beside_good_ones_stores_the_good_ones() {
    let db = Db::new();
    let quoted = "\"We will inspect every ship,\" said Maria Lopez, the harbour master in Lisbon.";
    let items = vec![
        text("good1", quoted),
        SourceItem::Failed {
            origin: "missing.html".into(),
            reason: "cannot be opened: No such file".into(),
        },
        text("empty", ""),
        text("good2", &story(2)),
    ];
    let pipeline = Arc::new(Pipeline::embedded().expect("the embedded models load"));
    let (report, _) = ingest(&db, items, pipeline, &workers(2));
    let report = report.unwrap();
    assert_eq!((report.added, report.duplicates), (2, 0), "{report:?}");
    assert!(db.stored("good1") && db.stored("good2"));
    let failed: Vec<&str> = report.failed.iter().map(|f| f.origin.as_str()).collect();
    assert_eq!(failed, ["missing.html", "test:empty"], "{report:?}");
    assert!(matches!(report.failed[0].error, DocumentError::Source(_)));
    assert!(matches!(report.failed[1].error, DocumentError::Extract(_)));
    // The real pipeline ran: the stored analysis has the quote.
    let output = Store::open_read_only(&db.path)
        .unwrap()
        .document("good1")
        .unwrap()
        .unwrap();
    assert_eq!(output.quotes.len(), 1, "{output:?}");
}

#[test]
fn duplicates_are_skipped_and_the_first_in_input_order_is_stored() {
    for _ in 0..3 {
        let db = Db::new();
        let mut items = vec![text("original", &story(1))];
        // Copies interleaved with other documents, so that they are extracted
        // on different workers and the original may finish last.
        for n in 2..10 {
            items.push(text(&format!("other{n}"), &story(n)));
            items.push(text(&format!("copy{n}"), &story(1)));
        }
        let stand_in = Arc::new(StandIn::default());
        let (report, _) = ingest(&db, items.clone(), Arc::clone(&stand_in), &workers(4));
        let report = report.unwrap();
        assert_eq!((report.added, report.duplicates), (9, 8), "{report:?}");
        assert!(db.stored("original") && !db.stored("copy2"));

        // Again: everything is a copy of a stored text.
        let (again, events) = ingest(&db, items, stand_in, &workers(4));
        let again = again.unwrap();
        assert_eq!((again.added, again.duplicates), (0, 17), "{again:?}");
        assert!(
            events.iter().all(|e| e.starts_with("duplicate ")),
            "{events:?}"
        );
    }
}

#[test]
fn a_document_past_its_deadline_fails_alone_and_promptly() {
    let db = Db::new();
    let mut items = vec![text("slow", &format!("SLOW {}", story(0)))];
    items.extend((1..=20).map(|n| text(&format!("good{n}"), &story(n))));
    let options = Options {
        max_analysis: Duration::from_millis(300),
        workers: 2,
    };
    let started = Instant::now();
    let (report, _) = ingest(&db, items, Arc::new(StandIn::default()), &options);
    let elapsed = started.elapsed();
    let report = report.unwrap();
    // Reported at its deadline, not when its analysis ends.
    assert!(elapsed < SLOW - Duration::from_millis(500), "{elapsed:?}");
    assert_eq!(report.added, 20, "{report:?}");
    assert_eq!(report.failed.len(), 1, "{report:?}");
    assert_eq!(report.failed[0].origin, "slow");
    assert!(matches!(report.failed[0].error, DocumentError::Overrun(_)));
    let message = report.failed[0].error.to_string();
    assert!(
        message.contains("longer than 300 ms") && message.contains("--max-analysis-ms"),
        "{message}"
    );
}

#[test]
fn a_document_whose_pace_shows_it_cannot_finish_is_refused_before_its_deadline() {
    let db = Db::new();
    let mut items = vec![text("long", &format!("LONG {}", story(0)))];
    items.extend((1..=10).map(|n| text(&format!("good{n}"), &story(n))));
    let options = Options {
        max_analysis: Duration::from_secs(2),
        workers: 2,
    };
    let started = Instant::now();
    let (report, _) = ingest(&db, items, Arc::new(StandIn::default()), &options);
    let elapsed = started.elapsed();
    let report = report.unwrap();
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    assert_eq!(report.added, 10, "{report:?}");
    assert_eq!(report.failed.len(), 1, "{report:?}");
    assert_eq!(report.failed[0].origin, "long");
    assert!(matches!(
        report.failed[0].error,
        DocumentError::Projected { estimate, .. } if estimate > Duration::from_secs(5)
    ));
    let message = report.failed[0].error.to_string();
    assert!(
        message.contains("would take about")
            && message.contains("over the 2000 ms limit")
            && message.contains("--max-analysis-ms"),
        "{message}"
    );
}

#[test]
fn overrunning_documents_hold_their_own_workers_and_the_pool_never_grows() {
    let db = Db::new();
    let mut items: Vec<SourceItem> = (0..3)
        .map(|n| text(&format!("slow{n}"), &format!("SLOW {}", story(n))))
        .collect();
    items.extend((10..20).map(|n| text(&format!("good{n}"), &story(n))));
    let options = Options {
        max_analysis: Duration::from_millis(100),
        workers: 2,
    };
    let stand_in = Arc::new(StandIn::default());
    let (report, _) = ingest(&db, items, Arc::clone(&stand_in), &options);
    let report = report.unwrap();
    assert_eq!(report.added, 10, "{report:?}");
    assert_eq!(report.failed.len(), 3, "{report:?}");
    // Three overruns, two workers: never more than two analyses at once.
    assert_eq!(stand_in.most_at_once.load(Ordering::SeqCst), 2);
}

#[test]
fn an_overrun_frees_its_worker_at_the_deadline() {
    let db = Db::new();
    // One worker: had the overruns kept it (ENDLESS never ends by itself),
    // the good documents behind them would never be analysed.
    let mut items: Vec<SourceItem> = (0..3)
        .map(|n| text(&format!("endless{n}"), &format!("ENDLESS {}", story(n))))
        .collect();
    items.extend((10..20).map(|n| text(&format!("good{n}"), &story(n))));
    let options = Options {
        max_analysis: Duration::from_millis(200),
        workers: 1,
    };
    let stand_in = Arc::new(StandIn::default());
    let started = Instant::now();
    let (report, _) = ingest(&db, items, Arc::clone(&stand_in), &options);
    let elapsed = started.elapsed();
    let report = report.unwrap();
    assert_eq!(report.added, 10, "{report:?}");
    let failed: Vec<&str> = report.failed.iter().map(|f| f.origin.as_str()).collect();
    assert_eq!(failed, ["endless0", "endless1", "endless2"], "{report:?}");
    assert!(report
        .failed
        .iter()
        .all(|f| matches!(f.error, DocumentError::Overrun(_))));
    // Three deadlines of 200 ms one after another, plus the good ones.
    assert!(elapsed < Duration::from_secs(3), "{elapsed:?}");
    assert_eq!(
        stand_in.running.load(Ordering::SeqCst),
        0,
        "a worker still runs"
    );
}

#[test]
fn a_panicking_stage_fails_only_its_document() {
    let db = Db::new();
    let items = vec![
        text("a", &story(1)),
        text("bug", &format!("PANIC {}", story(2))),
        text("b", &story(3)),
    ];
    let (report, _) = ingest(&db, items, Arc::new(StandIn::default()), &workers(2));
    let report = report.unwrap();
    assert_eq!(report.added, 2, "{report:?}");
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.failed[0].origin, "bug");
    let message = report.failed[0].error.to_string();
    assert!(
        message.contains("a newsgraph bug") && message.contains("a stage bug on this text"),
        "{message}"
    );
}

#[test]
fn progress_reports_each_document_once_and_stored_only_once_committed() {
    let db = Db::new();
    let mut items: Vec<SourceItem> = (0..40)
        .map(|n| text(&format!("doc{n}"), &story(n)))
        .collect();
    items.push(text("copy", &story(0)));
    items.push(text("empty", ""));
    let store = Store::open(&db.path).unwrap();
    let lookup = Store::open_read_only(&db.path).unwrap();
    let events = Mutex::new(Vec::new());
    let report = run(
        items.into_iter(),
        Arc::new(StandIn::default()),
        store,
        &lookup,
        &workers(2),
        |event| {
            let line = match event {
                Progress::Stored(id) => {
                    assert!(stored(&db.path, id), "{id} reported before its commit");
                    format!("stored {id}")
                }
                Progress::Duplicate(id) => format!("duplicate {id}"),
                Progress::Failed(f) => format!("failed {}", f.origin),
            };
            events.lock().unwrap().push(line);
            ControlFlow::Continue(())
        },
    )
    .unwrap();
    let mut events = events.into_inner().unwrap();
    events.sort();
    let mut expected: Vec<String> = (0..40).map(|n| format!("stored doc{n}")).collect();
    expected.push("duplicate copy".into());
    expected.push("failed test:empty".into());
    expected.sort();
    assert_eq!(events, expected);
    assert_eq!(
        (report.added, report.duplicates, report.failed.len()),
        (40, 1, 1)
    );
}

#[test]
fn the_callback_can_stop_the_ingest_and_what_is_committed_stays() {
    let db = Db::new();
    let items: Vec<SourceItem> = (0..300)
        .map(|n| text(&format!("doc{n}"), &story(n)))
        .collect();
    let store = Store::open(&db.path).unwrap();
    let lookup = Store::open_read_only(&db.path).unwrap();
    let mut first = None;
    let result = run(
        items.into_iter(),
        Arc::new(StandIn::default()),
        store,
        &lookup,
        &workers(2),
        |event| match event {
            Progress::Stored(id) => {
                first = Some(id.to_string());
                ControlFlow::Break(())
            }
            _ => ControlFlow::Continue(()),
        },
    );
    assert!(matches!(result, Err(IngestError::Stopped)), "{result:?}");
    assert!(db.stored(&first.expect("one document stored")));
}
