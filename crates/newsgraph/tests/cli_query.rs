//! The commands that read the store, run as a user runs them: the built
//! binary against a temporary `--db` filled by `newsgraph demo`.

mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

/// `newsgraph ARGS --db DB`, whatever its exit status.
fn newsgraph_status(db: &Path, args: &[&str]) -> Output {
    support::newsgraph()
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .expect("the newsgraph binary runs")
}

/// `newsgraph ARGS --db DB`, which must succeed.
fn newsgraph(db: &Path, args: &[&str]) -> Output {
    let out = newsgraph_status(db, args);
    assert!(
        out.status.success(),
        "newsgraph {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json(db: &Path, args: &[&str]) -> Value {
    let mut with_json = args.to_vec();
    with_json.push("--json");
    serde_json::from_str(&stdout(&newsgraph(db, &with_json))).expect("valid JSON")
}

/// A temporary database holding the demo articles.
fn demo_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    newsgraph(&db, &["demo"]);
    (dir, db)
}

#[test]
fn stats_counts_the_demo() {
    let (_dir, db) = demo_db();
    let stats = json(&db, &["stats"]);
    assert_eq!(stats["documents"], 3);
    assert_eq!(stats["stories"], 3);
    assert_eq!(stats["duplicates"], 0);
    assert!(stats["entities"].as_u64().unwrap() > 0);
    let table = stdout(&newsgraph(&db, &["stats"]));
    assert!(table
        .lines()
        .any(|l| l.starts_with("documents") && l.contains(" 3")));
    // running the demo again stores nothing twice
    newsgraph(&db, &["demo"]);
    assert_eq!(json(&db, &["stats"])["documents"], 3);
}

#[test]
fn search_finds_words_with_highlights() {
    let (_dir, db) = demo_db();
    let hits = json(&db, &["search", "fisheries"]);
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty());
    assert_eq!(hits[0]["document"]["id"], "harbor-talks");
    let highlighted: Vec<&str> = hits[0]["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["hit"] == true)
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(highlighted
        .iter()
        .all(|w| w.to_lowercase().starts_with("fisheries")));
    let table = stdout(&newsgraph(&db, &["search", "fisheries"]));
    assert!(table.starts_with("ID"));
    assert!(table.to_lowercase().contains("[fisheries"));
    let none = stdout(&newsgraph(&db, &["search", "'; DROP TABLE documents; --"]));
    assert!(none.contains("nothing found"));
    assert_eq!(json(&db, &["stats"])["documents"], 3);
}

#[test]
fn quotes_lists_and_filters_by_speaker() {
    let (_dir, db) = demo_db();
    let all = json(&db, &["quotes"]);
    let all = all.as_array().unwrap();
    assert!(!all.is_empty(), "the demo articles have quotes");
    let speaker = all
        .iter()
        .find_map(|q| q["speaker"].as_str())
        .expect("a quote with a speaker")
        .to_string();
    let by_speaker = json(&db, &["quotes", "--speaker", &speaker]);
    let by_speaker = by_speaker.as_array().unwrap();
    assert!(!by_speaker.is_empty());
    assert!(by_speaker
        .iter()
        .any(|q| q["speaker"].as_str() == Some(speaker.as_str())));
    assert!(by_speaker.len() < all.len(), "the speaker filter filters");
    let nobody = json(&db, &["quotes", "--speaker", "Nobody Atall"]);
    assert!(nobody.as_array().unwrap().is_empty());
    let word = all[0]["text"]
        .as_str()
        .unwrap()
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| w.len() > 4)
        .unwrap()
        .to_string();
    let by_words = json(&db, &["quotes", "--words", &word]);
    assert!(!by_words.as_array().unwrap().is_empty());
    let table = stdout(&newsgraph(&db, &["quotes"]));
    assert!(table.starts_with("DOCUMENT"));
}

#[test]
fn events_filter_by_code_actor_and_date() {
    let (_dir, db) = demo_db();
    let all = json(&db, &["events", "--limit", "1000"]);
    let all = all.as_array().unwrap();
    assert!(
        !all.is_empty(),
        "the demo articles give no events to filter"
    );
    let first = &all[0];
    let code: String = first["cameo"].as_str().unwrap().chars().take(2).collect();
    let by_code = json(&db, &["events", "--code", &code, "--limit", "1000"]);
    let by_code = by_code.as_array().unwrap();
    assert!(!by_code.is_empty());
    assert!(by_code
        .iter()
        .all(|e| e["cameo"].as_str().unwrap().starts_with(&code)));
    if let Some(actor) = first["source"]["code"].as_str() {
        let by_actor = json(&db, &["events", "--actor", actor, "--limit", "1000"]);
        assert!(by_actor
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["source"]["code"].as_str().unwrap().starts_with(actor)));
    }
    let none = json(&db, &["events", "--from", "2100-01-01"]);
    assert!(none.as_array().unwrap().is_empty());
    let bad_date = support::newsgraph()
        .args(["events", "--from", "yesterday", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!bad_date.status.success());
    let table = stdout(&newsgraph(&db, &["events"]));
    assert!(table.starts_with("DATE"));
}

#[test]
fn show_prints_a_stored_document() {
    let (_dir, db) = demo_db();
    let doc = json(&db, &["show", "harbor-talks"]);
    assert_eq!(doc["schema"], "newsgraph/1");
    assert!(!doc["document"]["text"].as_str().unwrap().is_empty());
    let missing = support::newsgraph()
        .args(["show", "no-such-doc", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-doc"));
}

#[test]
fn export_writes_gdelt_tsv_and_jsonl() {
    let (dir, db) = demo_db();
    let tsv = dir.path().join("events.tsv");
    newsgraph(
        &db,
        &[
            "export",
            "--format",
            "gdelt",
            "--out",
            tsv.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&tsv).unwrap();
    for line in text.lines() {
        assert_eq!(line.split('\t').count(), 61, "{line}");
    }
    let jsonl = stdout(&newsgraph(&db, &["export", "--format", "jsonl"]));
    let ids: Vec<String> = jsonl
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["document"]["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids.len(), 3);
    assert!(ids.contains(&"grain-aid".to_string()));
}

#[test]
fn syndicated_copies_form_one_story_counted_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("copies.db");
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    let article = "Fishing talks resume in Busan\n\n\
        Japanese and South Korean officials met in Busan on Thursday to resume talks on \
        fishing quotas in the waters between the two countries, the Japanese foreign \
        ministry said. The delegations agreed to meet again next month in Seoul and to \
        set up a joint working group on patrols of the disputed fishing grounds, where \
        coast guard vessels of both countries have clashed twice this year. \
        \"This is the first step towards an agreement that protects both our fleets,\" \
        said Park Min-jun, the South Korean delegate.\n";
    std::fs::write(input.join("wire.txt"), article).unwrap();
    // the same wire story as a second outlet runs it: a credit line added
    std::fs::write(
        input.join("outlet.txt"),
        format!("{article}\nReporting by the Harbor Wire.\n"),
    )
    .unwrap();
    // an exact copy under a third name
    std::fs::write(input.join("mirror.txt"), article).unwrap();
    newsgraph(&db, &["ingest", input.to_str().unwrap()]);
    let stats = json(&db, &["stats"]);
    assert_eq!(stats["documents"], 2, "{stats}");
    assert_eq!(stats["stories"], 1, "{stats}");
    assert_eq!(
        stats["duplicates"], 2,
        "one near copy and one exact copy: {stats}"
    );
    let hits = json(&db, &["search", "Busan"]);
    assert_eq!(hits.as_array().unwrap().len(), 1, "a story is listed once");
    assert_eq!(hits[0]["story_documents"], 2);
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn read_commands_never_create_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nodir").join("x.sqlite");
    let commands: [&[&str]; 7] = [
        &["stats"],
        &["search", "talks"],
        &["events"],
        &["quotes"],
        &["show", "harbor-talks"],
        &["export", "--format", "jsonl"],
        &["serve", "--addr", "127.0.0.1:0"],
    ];
    for args in commands {
        let out = newsgraph_status(&db, args);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = stderr(&out);
        assert!(
            err.contains(&format!("no database at {}", db.display()))
                && err.contains("newsgraph ingest"),
            "{args:?}: {err}"
        );
        assert!(
            !dir.path().join("nodir").exists(),
            "{args:?} made the folder"
        );
    }
}

#[test]
fn serve_says_once_that_a_file_is_not_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_db = dir.path().join("notadb.txt");
    std::fs::write(
        &not_a_db,
        "just some text, long enough to be no SQLite header at all\n",
    )
    .unwrap();
    let out = newsgraph_status(&not_a_db, &["serve", "--addr", "127.0.0.1:0"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("notadb.txt"), "{err}");
    assert_eq!(err.matches("not a database").count(), 1, "{err}");
}

#[test]
fn serve_binds_to_a_host_name() {
    let (_dir, db) = demo_db();
    // a free loopback port (released again for the server to take)
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = support::newsgraph()
        .args(["serve", "--addr", &format!("localhost:{port}"), "--db"])
        .arg(&db)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let connected = loop {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break true;
        }
        if std::time::Instant::now() > deadline || child.try_wait().unwrap().is_some() {
            break false;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        connected,
        "serve --addr localhost:{port} did not listen on 127.0.0.1"
    );
    let bad = newsgraph_status(&db, &["serve", "--addr", "localhost"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("HOST:PORT"), "{}", stderr(&bad));
}

#[test]
fn events_code_must_be_digits() {
    let (_dir, db) = demo_db();
    let out = newsgraph_status(&db, &["events", "--code", "threaten"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("codes are digits, e.g. 13 or 138"),
        "{}",
        stderr(&out)
    );
    newsgraph(&db, &["events", "--code", "04"]);
}

#[test]
fn export_format_ignores_case() {
    let (_dir, db) = demo_db();
    let upper = stdout(&newsgraph(&db, &["export", "--format", "GDELT"]));
    let lower = stdout(&newsgraph(&db, &["export", "--format", "gdelt"]));
    assert_eq!(upper, lower);
    newsgraph(&db, &["export", "--format", "JSONL"]);
}

#[test]
fn show_takes_a_unique_id_prefix_and_lists_ambiguous_ones() {
    let (dir, db) = demo_db();
    let doc = json(&db, &["show", "harbor-t"]);
    assert_eq!(doc["document"]["id"], "harbor-talks");
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("harbor-notes.txt"),
        "Port officials in Busan said on Friday that the harbor would reopen next week.\n",
    )
    .unwrap();
    newsgraph(&db, &["ingest", input.to_str().unwrap()]);
    let out = newsgraph_status(&db, &["show", "harbor-"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("ambiguous") && err.contains("harbor-notes") && err.contains("harbor-talks"),
        "{err}"
    );
    let none = newsgraph_status(&db, &["show", "zz-no-such"]);
    assert!(!none.status.success());
    assert!(stderr(&none).contains("zz-no-such"));
}

#[test]
fn stats_says_what_it_counts() {
    let (_dir, db) = demo_db();
    let table = stdout(&newsgraph(&db, &["stats"]));
    for (row, words) in [
        ("stories", "near-duplicate"),
        ("duplicates", "exact copies"),
        ("actors", "across documents"),
    ] {
        let line = table
            .lines()
            .find(|l| l.starts_with(row))
            .unwrap_or_else(|| panic!("no {row} row: {table}"));
        assert!(line.contains(words), "{line}");
    }
}

#[test]
fn search_with_quoted_words_finds_the_phrase() {
    let (_dir, db) = demo_db();
    let phrase = json(&db, &["search", "fishing quotas"]);
    assert_eq!(phrase[0]["document"]["id"], "harbor-talks");
    // both words occur in the article, but not as this phrase
    let words = json(&db, &["search", "quotas", "fishing"]);
    assert!(!words.as_array().unwrap().is_empty());
    let reversed = json(&db, &["search", "quotas fishing"]);
    assert_eq!(reversed, serde_json::json!([]));
    let quoted = json(&db, &["search", "\"quotas fishing\""]);
    assert_eq!(quoted, serde_json::json!([]));
}
