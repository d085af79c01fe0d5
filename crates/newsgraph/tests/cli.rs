//! End-to-end tests of the commands a user runs first: `demo`, `analyze`,
//! `extract`, `ingest`, `show`. They run the built binary against temporary
//! directories only.

mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::newsgraph;

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the newsgraph binary runs")
}

/// Runs `cmd` and checks that it succeeded, showing its error output if not.
#[track_caller]
fn run_ok(cmd: &mut Command) -> Output {
    let out = run(cmd);
    assert!(out.status.success(), "{}", stderr(&out));
    out
}

/// Runs `cmd` with `input` on its standard input.
fn run_with_stdin(cmd: &mut Command, input: &[u8]) -> Output {
    let mut child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the newsgraph binary runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("the newsgraph binary runs")
}

/// Each line of the output, as JSON.
fn json_lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Checks that every span in a newsgraph/1 object slices the document text
/// (by code points) to the text it claims.
fn assert_offsets_match(doc: &Value) {
    let text: Vec<char> = doc["document"]["text"]
        .as_str()
        .expect("document.text")
        .chars()
        .collect();
    let slice = |s: &Value| -> String {
        let start = s["start"].as_u64().expect("start") as usize;
        let end = s["end"].as_u64().expect("end") as usize;
        assert!(
            start <= end && end <= text.len(),
            "span {start}..{end} out of range"
        );
        text[start..end].iter().collect()
    };
    let mut checked = 0;
    for e in doc["entities"].as_array().expect("entities") {
        for m in e["mentions"].as_array().expect("mentions") {
            assert_eq!(slice(m), m["text"].as_str().unwrap_or_default());
            checked += 1;
        }
    }
    for q in doc["quotes"].as_array().expect("quotes") {
        assert_eq!(slice(q), q["text"].as_str().unwrap_or_default());
        checked += 1;
    }
    for e in doc["events"].as_array().expect("events") {
        slice(&e["sentence"]);
        assert_eq!(
            slice(&e["trigger"]),
            e["trigger"]["text"].as_str().unwrap_or_default()
        );
    }
    assert!(checked > 0, "nothing was found to check");
}

const ARTICLE: &str = "Lisbon summit ends without a deal\n\n\
Portugal and Spain failed to agree on water sharing at a summit in Lisbon on Friday, \
officials said.\n\n\
“We will keep talking — the river belongs to both of us,” Portuguese Prime Minister \
Rui Almeida said after the meeting.\n\n\
Please enter your comment!\nPlease enter your name here\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

#[test]
fn analyze_prints_contract_json_with_code_point_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "lisbon.txt", ARTICLE.as_bytes());
    let out = run_ok(
        newsgraph()
            .args(["analyze", "--published", "2025-06-06"])
            .arg(&file),
    );
    let doc: Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(doc["schema"], "newsgraph/1");
    assert_eq!(doc["document"]["id"], "lisbon");
    assert_eq!(doc["document"]["published"], "2025-06-06");
    let text = doc["document"]["text"].as_str().unwrap();
    assert!(text.starts_with("Lisbon summit ends"), "{text}");
    assert!(
        text.ends_with("said after the meeting."),
        "chrome kept: {text}"
    );
    assert_offsets_match(&doc);
}

#[test]
fn analyze_reads_standard_input() {
    let out = run_with_stdin(
        newsgraph().args(["analyze", "--compact", "-"]),
        ARTICLE.as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(doc["document"]["id"], "stdin");
}

#[test]
fn analyze_jsonl_keeps_order_and_reports_bad_records() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        serde_json::json!({"id": "one", "text": ARTICLE, "published": "2025-06-06"}).to_string(),
        "{not json".to_string(),
        serde_json::json!({"id": "two", "html": "<html><body><p>Spain said on Monday it would keep talking to Portugal.</p></body></html>"}).to_string(),
    ];
    let file = write(dir.path(), "batch.jsonl", lines.join("\n").as_bytes());
    let out = run_ok(newsgraph().args(["analyze", "--jsonl"]).arg(&file));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["document"]["id"], "one");
    assert!(docs[1]["error"].as_str().unwrap().contains("JSON"));
    assert!(stderr(&out).contains("batch.jsonl:2"), "{}", stderr(&out));
    assert_eq!(docs[2]["document"]["id"], "two");
    assert!(docs[2]["document"]["text"]
        .as_str()
        .unwrap()
        .contains("keep talking"));
}

#[test]
fn analyze_names_the_input_when_it_fails() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "empty.txt", b"");
    let out = run(newsgraph().arg("analyze").arg(&file));
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
}

#[test]
fn extract_prints_one_article_per_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", ARTICLE.as_bytes());
    write(
        dir.path(),
        "b.html",
        b"<html><head><title>Talks resume in Geneva | Daily Planet</title></head><body><nav>Home News</nav><article><p>Talks resumed in Geneva on Tuesday.</p></article></body></html>",
    );
    let out = run_ok(newsgraph().arg("extract").arg(dir.path()));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "a");
    assert_eq!(docs[1]["id"], "b");
    assert_eq!(docs[1]["title"], "Talks resume in Geneva");
    for key in [
        "url",
        "title",
        "byline",
        "published",
        "site",
        "language",
        "text",
    ] {
        assert!(docs[0].get(key).is_some(), "missing {key}");
    }
    assert!(!docs[1]["text"].as_str().unwrap().contains("Home News"));
}

#[test]
fn ingest_keeps_good_documents_reports_bad_ones_and_never_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    write(&input, "good.txt", ARTICLE.as_bytes());
    write(
        &input,
        "good2.html",
        b"<html><body><p>Canada will send wheat to Sudan, the prime minister said on Wednesday.</p></body></html>",
    );
    write(&input, "empty.txt", b"");
    let junk: Vec<u8> = (0..5000u32).map(|i| (i * 31 % 256) as u8).collect();
    write(&input, "junk.bin", &junk);
    write(
        &input,
        "truncated.html",
        b"<html><body><p>Officials met in Rome on Monday to discuss the cri",
    );
    write(&input, "latin1.txt", b"Le ministre fran\xe7ais a d\xe9clar\xe9 que les n\xe9gociations continueraient \xe0 Gen\xe8ve.");
    let db = dir.path().join("test.db");

    let out = run(newsgraph().args(["ingest", "--db"]).arg(&db).arg(&input));
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("4 added"), "{err}");
    assert!(err.contains("2 failed"), "{err}");
    assert!(
        err.contains("empty.txt") && err.contains("junk.bin"),
        "{err}"
    );

    let again = run(newsgraph().args(["ingest", "--db"]).arg(&db).arg(&input));
    let err = stderr(&again);
    assert!(again.status.success(), "{err}");
    assert!(
        err.contains("0 added") && err.contains("4 duplicates"),
        "{err}"
    );

    let show = run_ok(
        newsgraph()
            .args(["show", "--json", "--db"])
            .arg(&db)
            .arg("good"),
    );
    let doc: Value = serde_json::from_str(&stdout(&show)).unwrap();
    assert_eq!(doc["document"]["id"], "good");
    assert_offsets_match(&doc);
}

#[test]
fn ingest_with_one_job_stores_in_input_order_and_refuses_zero_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    // A long one first: with several workers the short ones would finish
    // (and be listed) before it.
    write(&input, "a-long.txt", ARTICLE.repeat(40).as_bytes());
    for name in ["b.txt", "c.txt", "d.txt"] {
        let text = format!("Canada will send wheat to Sudan, {name} reported on Wednesday.");
        write(&input, name, text.as_bytes());
    }
    let db = dir.path().join("test.db");
    let out = run_ok(
        newsgraph()
            .args(["ingest", "--jobs", "1", "--list", "--db"])
            .arg(&db)
            .arg(&input),
    );
    assert_eq!(stdout(&out), "a-long\nb\nc\nd\n");

    let zero = run(newsgraph()
        .args(["ingest", "--jobs", "0", "--db"])
        .arg(&db)
        .arg(&input));
    assert!(!zero.status.success());
    assert!(stderr(&zero).contains("--jobs"), "{}", stderr(&zero));
}

#[test]
fn ingest_fails_when_nothing_is_stored_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    let ingest = || {
        run(newsgraph()
            .args(["ingest", "--db"])
            .arg(dir.path().join("t.db"))
            .arg(&input))
    };
    let nothing = ingest();
    assert!(!nothing.status.success());
    let err = stderr(&nothing);
    assert!(err.contains("no document was found in the inputs"), "{err}");

    write(&input, "empty.txt", b"");
    let refused = ingest();
    assert!(!refused.status.success());
    let err = stderr(&refused);
    assert!(
        err.contains("nothing was stored: the one document failed"),
        "{err}"
    );
    assert!(err.contains("empty.txt: the input is empty"), "{err}");
}

#[test]
fn demo_analyses_the_built_in_articles_into_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let out = run_ok(newsgraph().args(["demo", "--db"]).arg(&db));
    let text = stdout(&out);
    for id in ["harbor-talks", "border-warning", "grain-aid"] {
        assert!(text.contains(id), "{text}");
    }
    assert!(db.exists());
    let show = run_ok(newsgraph().args(["show", "--db"]).arg(&db).arg("grain-aid"));
    assert!(stdout(&show).contains("grain-aid"));
}

/// `../shared/examples/seed-article.txt`, which the ignored tests need.
fn seed_article() -> PathBuf {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples/seed-article.txt");
    assert!(
        seed.is_file(),
        "{} is absent: this test needs ../shared beside the checkout",
        seed.display()
    );
    seed
}

#[test]
#[ignore = "needs ../shared/examples/seed-article.txt (run with --ignored where it is present)"]
fn seed_article_is_whole_and_chrome_free() {
    let seed = seed_article();
    let out = run_ok(
        newsgraph()
            .args(["analyze", "--published", "2022-03-13"])
            .arg(&seed),
    );
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let text = doc["document"]["text"].as_str().unwrap();
    assert!(text.starts_with("Russia has asked China for military support"));
    assert!(text.ends_with("manage competition between the two countries."));
    assert!(!text.contains("Please enter"));
    assert!(text.contains("Key meeting in Rome"));
    assert_offsets_match(&doc);
}

/// An article whose event the README's `events` example finds once it has
/// a publication date: the United States consults (04) in Rome, in March 2022.
const ROME_ARTICLE: &str = "Talks in Rome\n\n\
    The United States consulted with Italy in Rome on Sunday about the war, \
    officials said.\n";

/// The README's `events` example, against `db`.
fn readme_events(db: &Path) -> Value {
    let out = run_ok(
        newsgraph()
            .args([
                "events",
                "--actor",
                "USA",
                "--code",
                "04",
                "--from",
                "2022-03-01",
                "--place",
                "Rome",
                "--facts",
                "--json",
                "--db",
            ])
            .arg(db),
    );
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn ingest_reads_standard_input_with_a_publication_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let out = run_with_stdin(
        newsgraph()
            .args(["ingest", "--list", "--published", "2022-03-13", "--db"])
            .arg(&db)
            .arg("-"),
        ROME_ARTICLE.as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "stdin");
    let events = readme_events(&db);
    let events = events.as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["date"], "2022-03-13");

    let bad = run(newsgraph()
        .args(["ingest", "--published", "13/03/2022x", "--db"])
        .arg(&db)
        .arg("-"));
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("not a date"), "{}", stderr(&bad));
}

#[test]
fn ingest_published_dates_plain_files() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "rome.txt", ROME_ARTICLE.as_bytes());
    let undated = dir.path().join("undated.db");
    run_ok(
        newsgraph()
            .args(["ingest", "--db"])
            .arg(&undated)
            .arg(&file),
    );
    assert_eq!(readme_events(&undated), serde_json::json!([]));
    let dated = dir.path().join("dated.db");
    run_ok(
        newsgraph()
            .args(["ingest", "--published", "2022-03-13", "--db"])
            .arg(&dated)
            .arg(&file),
    );
    assert_eq!(readme_events(&dated).as_array().unwrap().len(), 1);
}

#[test]
#[ignore = "needs ../shared/examples/seed-article.txt"]
fn readme_events_example_finds_the_seed_event() {
    let seed = seed_article();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    run_ok(
        newsgraph()
            .args(["ingest", "--published", "2022-03-13", "--db"])
            .arg(&db)
            .arg(&seed),
    );
    assert!(!readme_events(&db).as_array().unwrap().is_empty());
}

#[test]
fn analyze_points_urls_to_ingest_or_curl() {
    let out = run(newsgraph().args(["analyze", "https://example.org/story"]));
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("newsgraph ingest https://example.org/story") && err.contains("curl"),
        "{err}"
    );
}

#[test]
fn jsonl_errors_and_repeated_ids_name_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        serde_json::json!({"id": "dup", "text": ARTICLE}).to_string(),
        serde_json::json!({"id": "dup", "text": ROME_ARTICLE}).to_string(),
        serde_json::json!({"id": "no-text"}).to_string(),
    ];
    let file = write(dir.path(), "batch.jsonl", lines.join("\n").as_bytes());
    let out = run_ok(newsgraph().args(["analyze", "--jsonl"]).arg(&file));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 3);
    assert!(docs[2]["error"].is_string());
    assert_eq!(docs[2]["document"]["id"], "no-text");
    assert!(stderr(&out).contains("\"dup\""), "{}", stderr(&out));

    let db = dir.path().join("t.db");
    let out = run_ok(
        newsgraph()
            .args(["ingest", "--list", "--db"])
            .arg(&db)
            .arg(&file),
    );
    let mut listed: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    listed.sort();
    assert_eq!(listed, ["dup", "dup#2"]);
    let err = stderr(&out);
    assert!(
        err.contains("\"dup\"") && err.contains("\"dup#2\""),
        "{err}"
    );
}

#[test]
fn ingest_says_why_a_url_could_not_be_fetched() {
    let dir = tempfile::tempdir().unwrap();
    // a loopback port nobody listens on
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = run(newsgraph()
        .args(["ingest", "--db"])
        .arg(dir.path().join("t.db"))
        .arg(format!("http://127.0.0.1:{port}/story")));
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("cannot connect") && err.to_lowercase().contains("refused"),
        "{err}"
    );
}

#[test]
fn ingest_takes_extra_actor_tables_like_analyze() {
    let dir = tempfile::tempdir().unwrap();
    let table = write(
        dir.path(),
        "actors.txt",
        b"GONDOR [GON]\n+MINAS_TIRITH\nMORDOR [MOR]\n",
    );
    let file = write(
        dir.path(),
        "war.txt",
        b"Minas Tirith accused Mordor of war crimes on Monday, officials said.\n",
    );
    let db = dir.path().join("t.db");
    run_ok(
        newsgraph()
            .args(["ingest", "--published", "2024-05-01", "--actors"])
            .arg(&table)
            .arg("--db")
            .arg(&db)
            .arg(&file),
    );
    let events = run_ok(
        newsgraph()
            .args(["events", "--json", "--actor", "GON", "--db"])
            .arg(&db),
    );
    let events: Value = serde_json::from_str(&stdout(&events)).unwrap();
    assert_eq!(events[0]["target"]["code"], "MOR", "{events}");
    let missing = run(newsgraph()
        .args(["ingest", "--actors", "no-such-table.txt", "--db"])
        .arg(&db)
        .arg(&file));
    assert!(!missing.status.success());
    assert!(stderr(&missing).contains("no-such-table.txt"));
}

#[test]
fn gdelt_export_dates_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "rome.txt", ROME_ARTICLE.as_bytes());
    let db = dir.path().join("t.db");
    run_ok(newsgraph().args(["ingest", "--db"]).arg(&db).arg(&file));
    let out = run_ok(
        newsgraph()
            .args(["export", "--format", "gdelt", "--db"])
            .arg(&db),
    );
    let tsv = stdout(&out);
    assert!(!tsv.is_empty(), "the undated article's event is exported");
    for line in tsv.lines() {
        let sqldate = line.split('\t').nth(1).unwrap();
        assert!(
            sqldate.len() == 8 && sqldate.bytes().all(|b| b.is_ascii_digit()),
            "{line}"
        );
    }
}

#[test]
fn gdelt_export_writes_names_as_written_not_as_tokenised() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "embassy.txt",
        "China\u{2019}s ambassador to Britain, Liu Xiaoming, on Monday accused Britain of interfering in Hong Kong.\n"
            .as_bytes(),
    );
    let db = dir.path().join("t.db");
    run_ok(
        newsgraph()
            .args(["ingest", "--published", "2019-07-08", "--db"])
            .arg(&db)
            .arg(&file),
    );
    let out = run_ok(
        newsgraph()
            .args(["export", "--format", "gdelt", "--db"])
            .arg(&db),
    );
    let tsv = stdout(&out);
    assert!(tsv.contains("China\u{2019}s ambassador"), "{tsv}");
    assert!(!tsv.contains(" \u{2019}s") && !tsv.contains(" 's"), "{tsv}");
}

#[test]
fn train_ner_retrains_on_the_lexicons_inside_a_model() {
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = String::new();
    for (name, place) in [("Anna", "Paris"), ("Boris", "Oslo"), ("Carla", "Lima")] {
        corpus.push_str(&format!("{name} B-PER\nvisited O\n{place} B-LOC\n. O\n\n"));
    }
    let train = write(dir.path(), "tiny.conll", corpus.as_bytes());
    let clusters = write(
        dir.path(),
        "clusters.tsv",
        b"paris\t1\t2\t3\noslo\t1\t2\t4\n",
    );
    let first = dir.path().join("first.bin");
    let second = dir.path().join("second.bin");
    let common = ["--epochs", "2", "--ensemble", "1", "--folds", "0"];
    run_ok(
        newsgraph()
            .args(["train", "ner", "--train"])
            .arg(&train)
            .arg("--clusters")
            .arg(&clusters)
            .args(common)
            .arg("--out")
            .arg(&first),
    );
    let out = run_ok(
        newsgraph()
            .args(["train", "ner", "--train"])
            .arg(&train)
            .arg("--lexicons-from")
            .arg(&first)
            .args(common)
            .arg("--out")
            .arg(&second),
    );
    assert!(
        stderr(&out).contains("2 word classes"),
        "the second model trains on the first one's classes: {}",
        stderr(&out)
    );
    // A file that is not a model is refused by name.
    let out = run(newsgraph()
        .args(["train", "ner", "--train"])
        .arg(&train)
        .arg("--lexicons-from")
        .arg(&train)
        .args(common)
        .arg("--out")
        .arg(&second));
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("tiny.conll is not a readable NER model"),
        "{}",
        stderr(&out)
    );
}
