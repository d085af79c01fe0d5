//! Crash safety: `newsgraph ingest` is killed with SIGKILL at random points,
//! again and again, and the database is checked after every kill: SQLite's
//! integrity check passes, every document the ingest reported stored
//! (`--list` prints an id only after its commit) is there, nothing is stored
//! twice, and a final run completes the set exactly.
//!
//! `NEWSGRAPH_KILLS` sets the number of kills (default 10; `scripts/kill-test.sh`
//! runs 50), `NEWSGRAPH_KILL_SEED` the seed of the kill times.

mod hostile_support;
mod support;

use hostile_support::sqlite;
use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};
use support::newsgraph;

const ARTICLES: usize = 300;
const COPIES: usize = 30;

const ACTORS: [&str; 8] = [
    "Canada", "Mexico", "Japan", "Kenya", "Brazil", "Norway", "India", "Egypt",
];
const VERBS: [&str; 4] = [
    "met officials from",
    "criticised",
    "signed a deal with",
    "warned",
];

fn article(i: usize) -> String {
    let a = ACTORS[i % ACTORS.len()];
    let b = ACTORS[(i / ACTORS.len() + i + 1) % ACTORS.len()];
    let verb = VERBS[i % VERBS.len()];
    format!(
        "Report number {i}. The government of {a} {verb} {b} on Tuesday, the foreign \
         ministry said in a statement.\n\n\"This is step {i} of a long process,\" the \
         minister told reporters in the capital. Officials from {b} said talks would \
         resume on day {} of the month.\n",
        i % 28 + 1
    )
}

/// A small xorshift generator: the kill times are random but reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Stored ids, after checking integrity and uniqueness.
fn check_database(
    db: &Path,
    expected: &BTreeSet<String>,
    reported: &BTreeSet<String>,
) -> Option<BTreeSet<String>> {
    let integrity = sqlite(db, "PRAGMA integrity_check;")?;
    assert_eq!(integrity.trim(), "ok", "integrity check failed");
    // Killed before the schema was created: an empty database.
    let has_table = sqlite(
        db,
        "SELECT count(*) FROM sqlite_master WHERE name = 'documents';",
    )?;
    if has_table.trim() == "0" {
        assert!(
            reported.is_empty(),
            "reported stored, but there is no table"
        );
        return Some(BTreeSet::new());
    }
    let ids: Vec<String> = sqlite(db, "SELECT id FROM documents;")?
        .lines()
        .map(str::to_string)
        .collect();
    let stored: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(stored.len(), ids.len(), "an id stored twice");
    let hashes = sqlite(
        db,
        "SELECT count(DISTINCT content_hash) = count(*) FROM documents;",
    )?;
    assert_eq!(hashes.trim(), "1", "a text stored twice");
    let unexpected: Vec<&String> = stored.difference(expected).collect();
    assert!(
        unexpected.is_empty(),
        "stored but not expected (a copy or a renamed duplicate): {unexpected:?}"
    );
    let lost: Vec<&String> = reported.difference(&stored).collect();
    assert!(lost.is_empty(), "reported stored but lost: {lost:?}");
    Some(stored)
}

#[test]
#[ignore = "needs the sqlite3 shell (run with --ignored where it is installed)"]
fn killed_ingests_lose_and_duplicate_nothing() {
    assert!(
        sqlite(Path::new(":memory:"), "SELECT 1;").is_some(),
        "the sqlite3 shell is not installed: this test needs it (apt-get install sqlite3)"
    );
    let kills = env_number("NEWSGRAPH_KILLS", 10);
    let mut rng = Rng(env_number("NEWSGRAPH_KILL_SEED", 0x9e37_79b9_7f4a_7c15) | 1);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    let mut expected = BTreeSet::new();
    for i in 0..ARTICLES {
        let id = format!("a{i:03}");
        std::fs::write(input.join(format!("{id}.txt")), article(i)).unwrap();
        expected.insert(id);
    }
    // Exact copies under other names, after their originals in name order:
    // they must be recognised, never stored.
    for i in 0..COPIES {
        std::fs::write(input.join(format!("z-copy{i:02}.txt")), article(i * 5)).unwrap();
    }
    // One uninterrupted run into a scratch database times a whole ingest,
    // so that the kills can be spread over all of it.
    let timing = Instant::now();
    let full = newsgraph()
        .args(["ingest", "--db"])
        .arg(dir.path().join("timing.db"))
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        full.status.success(),
        "{}",
        String::from_utf8_lossy(&full.stderr)
    );
    let whole_run_ms = (timing.elapsed().as_millis() as u64).max(50);
    let db = dir.path().join("kill.db");
    let mut reported = BTreeSet::new();
    let mut killed_midway = 0;
    let mut complete_runs = 0;
    let started = Instant::now();
    let mut round = 0u64;
    // Runs that finish before their kill time do not count as kills.
    while killed_midway < kills && round < 4 * kills {
        round += 1;
        let mut child = newsgraph()
            .args(["ingest", "--list", "--db"])
            .arg(&db)
            .arg(&input)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = out.read_to_string(&mut s);
            s
        });
        // Anywhere from opening the database to the last commit.
        let delay = Duration::from_millis(rng.next() % whole_run_ms + 1);
        std::thread::sleep(delay);
        let finished = child.try_wait().unwrap().is_some();
        if !finished {
            child.kill().unwrap();
            killed_midway += 1;
        } else {
            complete_runs += 1;
        }
        child.wait().unwrap();
        let listed = reader.join().unwrap();
        reported.extend(listed.lines().map(str::to_string));
        let stored = check_database(&db, &expected, &reported).unwrap();
        eprintln!(
            "round {round}: {} after {delay:?}; {} stored, {} reported",
            if finished { "finished" } else { "killed" },
            stored.len(),
            reported.len()
        );
        if stored == expected {
            // Start again so that later kills land mid-ingest too.
            std::fs::remove_file(&db).unwrap();
            let _ = std::fs::remove_file(dir.path().join("kill.db-wal"));
            let _ = std::fs::remove_file(dir.path().join("kill.db-shm"));
            reported.clear();
        }
    }
    let last = newsgraph()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        last.status.success(),
        "{}",
        String::from_utf8_lossy(&last.stderr)
    );
    let stored = check_database(&db, &expected, &reported).unwrap();
    assert_eq!(stored, expected, "the final run did not complete the set");
    eprintln!(
        "{killed_midway} kills mid-ingest ({complete_runs} runs finished before their kill) in {:?}: \
         integrity ok, nothing lost, nothing duplicated",
        started.elapsed()
    );
    assert_eq!(killed_midway, kills, "too few kills landed mid-ingest");
}
