//! `analyze` keeps `ingest`'s limits: `--max-analysis-ms` stops a document
//! whose analysis runs past it (the stages check a budget between
//! sentences, so it stops promptly) and `--max-bytes` refuses a large
//! input; either is reported with the document and the reason, and nothing
//! of the document is printed.

mod support;

use std::process::{Command, Output};
use std::time::{Duration, Instant};
use support::newsgraph;

/// A page of `n` short reported-speech paragraphs: a real shape of long
/// page (a live blog), whose analysis takes seconds per 10,000 paragraphs.
fn long_page(n: usize) -> String {
    let mut page = String::from("<html><head><title>Talks</title></head><body><article>\n");
    for i in 0..n {
        page.push_str(&format!(
            "<p>Officials said the talks in Geneva would go on, update {i}.</p>\n"
        ));
    }
    page.push_str("</article></body></html>\n");
    page
}

const ARTICLE: &str = "Foreign Minister Sergei Lavrov said in Moscow on Monday that \
    Russia would send a delegation to the talks. Officials in Kyiv said they \
    welcomed the offer.\n";

fn run(cmd: &mut Command) -> (Output, Duration) {
    let started = Instant::now();
    let out = cmd.output().unwrap();
    (out, started.elapsed())
}

/// Whether `message` refuses a document for time under a limit of `ms`:
/// at the limit ("took longer than 300 ms") or, when its pace showed it
/// was expected to take longer, before it ("would take about 9.5 s, over
/// the 300 ms limit").
fn refused_for_time(message: &str, ms: u64) -> bool {
    message.contains(&format!("took longer than {ms} ms"))
        || (message.contains("would take about")
            && message.contains(&format!("over the {ms} ms limit")))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_document_past_max_analysis_ms_is_refused_by_name_and_stops_promptly() {
    let dir = tempfile::tempdir().unwrap();
    let short = dir.path().join("short.txt");
    std::fs::write(&short, ARTICLE).unwrap();
    let page = dir.path().join("liveblog.html");
    std::fs::write(&page, long_page(20_000)).unwrap();

    // What starting, loading the models and extracting cost, without the
    // analysis of a long document.
    let (out, baseline) = run(newsgraph().args(["analyze", "--compact"]).arg(&short));
    assert!(out.status.success(), "{}", stderr(&out));
    let (out, elapsed) = run(newsgraph()
        .args(["analyze", "--compact", "--max-analysis-ms", "300"])
        .arg(&page));
    assert!(!out.status.success(), "the long page was analysed");
    assert!(out.stdout.is_empty(), "part of an analysis was printed");
    let message = stderr(&out);
    assert!(
        message.contains(&format!("cannot analyse {}", page.display()))
            && refused_for_time(&message, 300)
            && message.contains("--max-analysis-ms"),
        "{message}"
    );
    // The whole analysis takes far longer (45 CPU-seconds in a debug build);
    // stopped at its deadline, the run costs little more than the short one
    // plus extracting and tokenising 1.3 MB before the first check.
    assert!(
        elapsed < baseline + Duration::from_secs(10),
        "refused after {elapsed:?}; a short article takes {baseline:?}"
    );
}

#[test]
fn in_a_batch_the_overlong_record_is_an_error_line_with_its_id_and_the_rest_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("batch.jsonl");
    let records = [
        serde_json::json!({"id": "short", "text": ARTICLE}),
        // About 5 CPU-seconds of analysis in a release build (20,000
        // paragraphs took 0.5 s there and were not refused): past the
        // limit in every build, so `cargo test --release` holds too.
        serde_json::json!({"id": "liveblog", "html": long_page(200_000)}),
    ];
    let lines: Vec<String> = records.iter().map(|r| r.to_string()).collect();
    std::fs::write(&batch, lines.join("\n") + "\n").unwrap();
    let (out, _) = run(newsgraph()
        .args(["analyze", "--jsonl", "--max-analysis-ms", "2000"])
        .arg(&batch));
    assert!(out.status.success(), "{}", stderr(&out));
    let printed: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(printed.len(), 2);
    assert_eq!(printed[0]["document"]["id"], "short");
    assert!(printed[0].get("error").is_none(), "{}", printed[0]);
    assert!(!printed[0]["entities"].as_array().unwrap().is_empty());
    assert_eq!(printed[1]["document"]["id"], "liveblog");
    let error = printed[1]["error"].as_str().unwrap();
    assert!(refused_for_time(error, 2000), "{error}");
    assert!(printed[1].get("quotes").is_none(), "{}", printed[1]);
    let message = stderr(&out);
    assert!(refused_for_time(&message, 2000), "{message}");
}

#[test]
fn an_input_over_max_bytes_is_refused_with_its_size_and_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("article.txt");
    std::fs::write(&file, ARTICLE.repeat(20)).unwrap();
    let (out, _) = run(newsgraph()
        .args(["analyze", "--max-bytes", "1000"])
        .arg(&file));
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let message = stderr(&out);
    assert!(
        message.contains(&format!("cannot analyse {}", file.display()))
            && message.contains("over the 1000-byte limit")
            && message.contains("--max-bytes"),
        "{message}"
    );
}
