//! The README's own examples, run: every fenced `newsgraph …` line that
//! needs only the demo database and the seed article (no files of the
//! reader's own, no network, no server) must succeed and find something.

mod support;

use std::path::{Path, PathBuf};

/// The commands a README line may run here: the read commands over the
/// demo, and `analyze`/`ingest` of the seed article.
const READ_COMMANDS: &[&str] = &["stats", "show", "search", "quotes", "events", "export"];

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md"))
        .expect("README.md")
}

/// Splits a shell line into words: double quotes group, `#` starts a comment.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let (mut quoted, mut in_word) = (false, false);
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                in_word = true;
            }
            '#' if !quoted && !in_word => break,
            c if c.is_whitespace() && !quoted => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// The `newsgraph` lines of the README's ```sh blocks, as argument lists
/// (without `newsgraph`), that this test can run; `seed` says whether a
/// line needs the seed article (ingested, or named on the line).
fn runnable_lines() -> Vec<(Vec<String>, bool)> {
    let text = readme();
    let mut in_block = false;
    let mut lines = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            in_block = line.trim() == "```sh";
            continue;
        }
        if !in_block || !line.starts_with("newsgraph ") || line.trim_end().ends_with('\\') {
            continue;
        }
        let words = shell_words(line);
        let args: Vec<String> = words[1..].to_vec();
        let Some(command) = args.first() else {
            continue;
        };
        let names_seed = args.iter().any(|a| a.ends_with("seed-article.txt"));
        if names_seed && (command == "analyze" || command == "ingest") {
            lines.push((args, true));
        } else if READ_COMMANDS.contains(&command.as_str()) {
            // quotes and events of the README are the seed article's
            let seed = command == "quotes" || command == "events";
            lines.push((args, seed));
        }
    }
    lines
}

fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples/seed-article.txt")
}

/// Runs `args` as the README writes them, in `dir` with the database `db`,
/// the seed article's path made absolute.
fn run_line(dir: &Path, db: &Path, args: &[String]) -> String {
    let seed = seed_path();
    let args: Vec<String> = args
        .iter()
        .map(|a| {
            if a.ends_with("seed-article.txt") {
                seed.display().to_string()
            } else {
                a.clone()
            }
        })
        .collect();
    let out = support::newsgraph()
        .args(&args)
        .current_dir(dir)
        .env("NEWSGRAPH_DB", db)
        .output()
        .expect("the newsgraph binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "README line `newsgraph {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !stdout.contains("(nothing found)"),
        "README line `newsgraph {}` found nothing",
        args.join(" ")
    );
    stdout
}

fn demo(dir: &Path, db: &Path) {
    run_line(dir, db, &["demo".to_string()]);
}

#[test]
fn readme_lines_over_the_demo_run() {
    let lines: Vec<Vec<String>> = runnable_lines()
        .into_iter()
        .filter(|(_, seed)| !seed)
        .map(|(args, _)| args)
        .collect();
    assert!(
        lines.iter().any(|a| a[0] == "show") && lines.iter().any(|a| a[0] == "search"),
        "the README's examples were not found: {lines:?}"
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("readme.db");
    demo(dir.path(), &db);
    for args in &lines {
        run_line(dir.path(), &db, args);
    }
}

#[test]
#[ignore = "needs ../shared/examples/seed-article.txt"]
fn readme_lines_over_the_demo_and_the_seed_run() {
    assert!(
        seed_path().is_file(),
        "{} is missing",
        seed_path().display()
    );
    let lines = runnable_lines();
    assert!(lines.iter().any(|(a, _)| a[0] == "events"), "{lines:?}");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("readme.db");
    demo(dir.path(), &db);
    // the lines that store the seed first, then the ones that read it
    let (store, read): (Vec<_>, Vec<_>) = lines
        .into_iter()
        .partition(|(a, _)| a[0] == "ingest" || a[0] == "analyze");
    for (args, _) in store.iter().chain(&read) {
        run_line(dir.path(), &db, args);
    }
}
