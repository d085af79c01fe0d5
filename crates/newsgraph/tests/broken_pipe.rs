//! `newsgraph … | head` ends quietly, as `cat` and `rg` do: every command
//! that prints is run with a reader that closes after the first line, and
//! with one that is closed before anything is written (so that the write
//! fails however short the output). Neither is an error: exit status 0 and
//! nothing on stderr.

mod support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use support::newsgraph;

/// A database with a few dozen documents holding entities, quotes and
/// events, and one of the articles as a file.
struct Fixture {
    _dir: tempfile::TempDir,
    db: PathBuf,
    article: PathBuf,
}

fn article(n: usize) -> String {
    format!(
        "\"We will not accept this,\" Foreign Minister Sergei Lavrov said in Moscow on \
         Monday, after Russia accused Ukraine of shelling the town of Donetsk. The \
         government of Ukraine denied the claim and asked the United Nations to send \
         observers, officials in Kyiv said. Report number {n}."
    )
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let batch = dir.path().join("batch.jsonl");
    let lines: Vec<String> = (0..30)
        .map(|n| {
            serde_json::json!({"id": format!("doc{n}"), "text": article(n), "published": "2022-03-14"})
                .to_string()
        })
        .collect();
    std::fs::write(&batch, lines.join("\n")).unwrap();
    let article_path = dir.path().join("article.txt");
    std::fs::write(&article_path, article(0)).unwrap();
    let run = newsgraph()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&batch)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    Fixture {
        _dir: dir,
        db,
        article: article_path,
    }
}

/// Runs `args`, reads `lines` lines of its output (0: closes the pipe at
/// once), closes the pipe, and checks the command ended quietly.
fn closes_quietly(args: &[&str], lines: usize) {
    let mut child = newsgraph()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut reader = BufReader::new(stdout);
    for _ in 0..lines {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert!(!line.is_empty(), "{args:?} printed nothing");
    }
    drop(reader);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.is_empty(),
        "{args:?} after {lines} line(s): {:?}, stderr: {stderr}",
        out.status
    );
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn every_printing_command_ends_quietly_when_its_reader_goes() {
    let f = fixture();
    let db = path(&f.db);
    let article = path(&f.article);
    let commands: Vec<Vec<&str>> = vec![
        vec!["search", "--db", db, "--limit", "1000", "Lavrov"],
        vec!["search", "--db", db, "--limit", "1000", "--json", "Lavrov"],
        vec!["events", "--db", db, "--limit", "1000"],
        vec!["events", "--db", db, "--limit", "1000", "--json"],
        vec!["quotes", "--db", db, "--limit", "1000"],
        vec!["quotes", "--db", db, "--limit", "1000", "--json"],
        vec!["stats", "--db", db],
        vec!["stats", "--db", db, "--json"],
        vec!["export", "--db", db, "--format", "jsonl"],
        vec!["export", "--db", db, "--format", "gdelt"],
        vec!["show", "--db", db, "doc1"],
        vec!["analyze", article],
        vec!["extract", article, article, article],
    ];
    for args in &commands {
        closes_quietly(args, 1);
        closes_quietly(args, 0);
    }
}
