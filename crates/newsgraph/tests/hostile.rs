//! Hostile input: every case is ingested in a batch beside a good article,
//! through the built binary, with a deadline and a memory watch. Each test
//! asserts the outcome its name promises: the input is read and stored with
//! its text, or refused with the error that names the limit it broke. The good
//! article must be stored either way. Inputs are generated here.

mod hostile_support;
mod support;

use hostile_support::{http_page, warc_record, Batch, Run, TestServer};
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

/// Deadline for one ingest (debug build, 2 shared cores).
const DEADLINE: Duration = Duration::from_secs(120);

/// Peak memory allowed for one ingest.
const MAX_RSS_KIB: u64 = 1536 * 1024;

/// The per-document analysis deadline the tests pass, unless they test
/// that deadline: the same as the test's own [`DEADLINE`], so that what a
/// test checks is reading, not how fast a debug build analyses on a busy
/// machine (the default 20 s refused 10 MB inputs under load, where a
/// release build takes a second or two).
const MAX_ANALYSIS_MS: &str = "120000";

/// Ingests a batch of the good article plus `name` = `bytes`, checks the
/// bounds and the good article, and returns the run.
fn ingest_hostile(name: &str, bytes: &[u8], extra: &[&str]) -> (Batch, Run) {
    let batch = Batch::new();
    batch.add(name, bytes);
    let mut args = extra.to_vec();
    if !args.contains(&"--max-analysis-ms") {
        args.extend(["--max-analysis-ms", MAX_ANALYSIS_MS]);
    }
    let run = batch.ingest(&args, DEADLINE);
    assert!(run.status.success(), "{}", run.stderr);
    assert!(
        run.peak_rss_kib < MAX_RSS_KIB,
        "peak RSS {} KiB; stderr:\n{}",
        run.peak_rss_kib,
        run.stderr
    );
    batch.assert_good_stored(&run);
    eprintln!(
        "bounds: {name}: {:?}, peak RSS {} MiB",
        run.elapsed,
        run.peak_rss_kib / 1024
    );
    (batch, run)
}

/// The failure line the summary printed for `name` (a file name, a file
/// stem, or a document id), if it failed.
fn failure<'a>(run: &'a Run, name: &str) -> Option<&'a str> {
    let as_path = format!("/{name}");
    let as_stem = format!("/{name}.");
    let as_id = format!("failed: {name}:");
    run.stderr.lines().find(|l| {
        l.trim_start().starts_with("failed:")
            && (l.contains(&as_stem)
                || l.contains(&format!("{as_path}:"))
                || l.contains(&format!("{as_path}@"))
                || l.contains(&as_id))
    })
}

/// The document `id` was stored, with `word` in its text; returns the text.
fn assert_stored_with(batch: &Batch, run: &Run, id: &str, word: &str) -> String {
    let doc = batch
        .show(id)
        .unwrap_or_else(|| panic!("{id} not stored; stderr:\n{}", run.stderr));
    let text = doc["document"]["text"].as_str().unwrap();
    assert!(text.contains(word), "{id}: {word:?} not in {text:?}");
    eprintln!(
        "outcome: {id}: stored ({} chars) in {:?}",
        text.chars().count(),
        run.elapsed
    );
    text.to_string()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut child = Command::new("gzip")
        .arg("-c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("gzip is installed");
    let mut stdin = child.stdin.take().unwrap();
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out.stdout
}

const RUSSIAN: &str = "Министр иностранных дел заявил во вторник, что переговоры с соседними \
странами продолжатся на следующей неделе. По его словам, правительство готово обсуждать \
торговое соглашение и вопросы безопасности.";
const CHINESE: &str = "外交部发言人星期二表示，与邻国的谈判将于下周继续进行。\
他说，政府准备讨论贸易协定和安全问题，并希望尽快达成一致。";

fn html(charset_meta: Option<&str>, body: &str) -> String {
    let meta = charset_meta
        .map(|c| format!("<meta charset=\"{c}\">"))
        .unwrap_or_default();
    format!("<!doctype html><html><head>{meta}<title>Talks</title></head><body><article><p>{body}</p><p>{body}</p></article></body></html>")
}

#[test]
fn zero_bytes() {
    let (_, run) = ingest_hostile("empty.html", b"", &[]);
    assert!(
        failure(&run, "empty.html").is_some_and(|l| l.contains("empty")),
        "{}",
        run.stderr
    );
}

#[test]
fn html_of_200_megabytes_is_refused_by_the_size_limit() {
    let mut page = Vec::with_capacity(200 << 20);
    page.extend_from_slice(b"<html><body>");
    let para =
        b"<p>The council met again on Tuesday and the talks went on late into the night.</p>\n";
    while page.len() < 200 << 20 {
        page.extend_from_slice(para);
    }
    let (_, run) = ingest_hostile("huge.html", &page, &[]);
    let line = failure(&run, "huge.html").expect("huge.html reported");
    assert!(line.contains("limit"), "{line}");
}

#[test]
fn html_of_several_megabytes_within_the_limit_is_read() {
    // Built as real pages weigh: megabytes of inline state, style and
    // navigation around an article of a few hundred paragraphs. (Megabytes
    // of prose would test the analysis deadline instead, which has its own
    // test: a debug build analyses 2 MB of prose in about a minute.)
    let mut page = String::from("<html><head><style>");
    while page.len() < 1 << 20 {
        page.push_str(".story-card__headline--large { font: 700 2rem/1.2 serif; }\n");
    }
    page.push_str("</style><script>window.__STATE__ = [");
    while page.len() < 3 << 20 {
        page.push_str("{\"id\": 12345, \"kind\": \"teaser\", \"title\": \"Other news\"},");
    }
    page.push_str("null];</script></head><body><nav>");
    for i in 0..2000 {
        page.push_str(&format!("<a href=\"/section/{i}\">Section {i}</a> "));
    }
    page.push_str("</nav><article>");
    let paragraphs = 300;
    for i in 0..paragraphs {
        page.push_str(&format!(
            "<p>Paragraph {i}: the council met again and the talks went on.</p>\n"
        ));
    }
    page.push_str("</article></body></html>");
    assert!(page.len() > 3 << 20);
    let (batch, run) = ingest_hostile("big.html", page.as_bytes(), &[]);
    let text = assert_stored_with(&batch, &run, "big", "Paragraph 0:");
    let last = format!("Paragraph {}: the council met again", paragraphs - 1);
    assert!(text.contains(&last), "the end of the article was lost");
    assert!(!text.contains("__STATE__"), "the script was read as text");
}

#[test]
fn a_million_nested_divs_are_read() {
    let mut page = "<div>".repeat(1_000_000);
    page.push_str("Deeply nested words about the council.");
    page.push_str(&"</div>".repeat(1_000_000));
    let (batch, run) = ingest_hostile("nested.html", page.as_bytes(), &[]);
    assert_stored_with(
        &batch,
        &run,
        "nested",
        "Deeply nested words about the council.",
    );
}

#[test]
fn ten_megabytes_on_one_line_without_spaces_are_read() {
    let line: Vec<u8> = (0..10 << 20).map(|i| b"abcdefghij"[i % 10]).collect();
    let (batch, run) = ingest_hostile("line.txt", &line, &[]);
    let text = assert_stored_with(&batch, &run, "line", "abcdefghij");
    assert_eq!(text.len(), line.len(), "the line was not kept whole");
}

#[test]
fn invalid_utf8_is_decoded() {
    let mut bytes = b"The minister said the talks would continue ".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]);
    bytes.extend_from_slice(b" next week in Geneva, officials said.");
    let (batch, run) = ingest_hostile("invalid.txt", &bytes, &[]);
    let text = assert_stored_with(&batch, &run, "invalid", "Geneva");
    assert!(text.starts_with("The minister said"), "{text:?}");
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian {
            &[0xfe, 0xff]
        } else {
            &[0xff, 0xfe]
        });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_with_bom_is_decoded() {
    let batch = Batch::new();
    batch.add(
        "le.txt",
        &utf16(
            hostile_support::GOOD_ARTICLE
                .replace("Ottawa", "Quebec")
                .as_str(),
            false,
            true,
        ),
    );
    batch.add(
        "be.html",
        &utf16(
            &html(None, "The talks in Quebec were constructive."),
            true,
            true,
        ),
    );
    let run = batch.ingest(&["--max-analysis-ms", MAX_ANALYSIS_MS], DEADLINE);
    batch.assert_good_stored(&run);
    assert_stored_with(&batch, &run, "le", "Quebec");
    assert_stored_with(&batch, &run, "be", "Quebec");
}

#[test]
fn utf16_without_bom_is_decoded() {
    // Different texts, so that neither is a duplicate of the other.
    let text = hostile_support::GOOD_ARTICLE.replace("Ottawa", "Quebec");
    let other = text.replace("Tuesday", "Friday");
    let batch = Batch::new();
    batch.add("le.txt", &utf16(&text, false, false));
    batch.add("be.txt", &utf16(&other, true, false));
    let run = batch.ingest(&["--max-analysis-ms", MAX_ANALYSIS_MS], DEADLINE);
    batch.assert_good_stored(&run);
    // extract detects BOM-less UTF-16 from its NUL pattern.
    assert_stored_with(&batch, &run, "le", "Quebec");
    assert_stored_with(&batch, &run, "be", "Friday");
}

/// `text` in `charset`, by iconv (the test crate has no encoder of its own).
fn encode(text: &str, charset: &str) -> Vec<u8> {
    let mut child = Command::new("iconv")
        .args(["-f", "UTF-8", "-t", charset])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("iconv is installed");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "iconv to {charset} failed");
    out.stdout
}

#[test]
fn windows_1251_and_gb18030_with_a_declared_charset() {
    let batch = Batch::new();
    batch.add(
        "ru.html",
        &encode(&html(Some("windows-1251"), RUSSIAN), "WINDOWS-1251"),
    );
    batch.add(
        "zh.html",
        &encode(&html(Some("gb18030"), CHINESE), "GB18030"),
    );
    let run = batch.ingest(&["--max-analysis-ms", MAX_ANALYSIS_MS], DEADLINE);
    batch.assert_good_stored(&run);
    assert_stored_with(&batch, &run, "ru", "переговоры");
    assert_stored_with(&batch, &run, "zh", "外交部发言人");
}

#[test]
fn windows_1251_and_gb18030_without_a_declared_charset() {
    let batch = Batch::new();
    batch.add("ru.html", &encode(&html(None, RUSSIAN), "WINDOWS-1251"));
    batch.add("zh.txt", &encode(CHINESE, "GB18030"));
    let run = batch.ingest(&["--max-analysis-ms", MAX_ANALYSIS_MS], DEADLINE);
    batch.assert_good_stored(&run);
    assert_stored_with(&batch, &run, "ru", "переговоры");
    assert_stored_with(&batch, &run, "zh", "外交部发言人");
}

#[test]
fn a_charset_declaration_that_lies_is_survived() {
    // Declared UTF-8, written in windows-1251: not valid UTF-8.
    let batch = Batch::new();
    batch.add(
        "lie.html",
        &encode(&html(Some("utf-8"), RUSSIAN), "WINDOWS-1251"),
    );
    // Declared windows-1251, written in UTF-8.
    // (A different text, so it is not a duplicate of the first.)
    let other = RUSSIAN.replace("вторник", "среду");
    batch.add("lie2.html", html(Some("windows-1251"), &other).as_bytes());
    let run = batch.ingest(&["--max-analysis-ms", MAX_ANALYSIS_MS], DEADLINE);
    batch.assert_good_stored(&run);
    assert_stored_with(&batch, &run, "lie", "переговоры");
    assert_stored_with(&batch, &run, "lie2", "среду");
}

#[test]
fn stray_nul_bytes_are_read_kept_in_plain_text_and_dropped_from_html() {
    let plain = "The minister said\0 the talks would continue in Geneva.";
    let batch = Batch::new();
    batch.add("nul-text.txt", plain.as_bytes());
    batch.add(
        "nul-page.html",
        html(None, "The minister said\0 the talks would resume in Bern.").as_bytes(),
    );
    let run = batch.ingest(&["--max-analysis-ms", MAX_ANALYSIS_MS], DEADLINE);
    batch.assert_good_stored(&run);
    // Plain text is kept byte for byte, so offsets into it stay true.
    let text = assert_stored_with(&batch, &run, "nul-text", "Geneva");
    assert_eq!(text, plain);
    // In HTML a control character is not text.
    let page = assert_stored_with(
        &batch,
        &run,
        "nul-page",
        "said the talks would resume in Bern",
    );
    assert!(!page.contains('\0'), "{page:?}");
}

#[test]
fn a_run_of_nul_bytes_is_refused_as_binary() {
    // More than one byte in ten is NUL: that is binary data (`extract::decode`).
    let mut bytes = b"The minister said\0 the talks would continue in Geneva.".to_vec();
    bytes.extend_from_slice(&[0u8; 64]);
    bytes.extend_from_slice(b"<p>More\0text about Geneva.</p>");
    let (_, run) = ingest_hostile("nul.txt", &bytes, &[]);
    let line = failure(&run, "nul.txt").expect("nul.txt reported");
    assert!(line.contains("binary data"), "{line}");
}

#[test]
fn quotes_that_never_close_are_read() {
    let mut text = String::from("The minister said: \"We will not accept this. ");
    for i in 0..3000 {
        text.push_str(&format!(
            "Officials said \u{201c}talks {i} would continue and \u{ab}nothing was agreed, 'he added. "
        ));
    }
    let (batch, run) = ingest_hostile("quotes.txt", text.as_bytes(), &[]);
    assert_stored_with(&batch, &run, "quotes", "talks 2999 would continue");
}

#[test]
fn a_gzip_bomb_in_a_warc_record() {
    let page = http_page(
        html(None, "The first page about the harbour talks.").as_bytes(),
        "utf-8",
    );
    let mut warc = gzip(&warc_record("response", "http://news.test/one", &page));
    let mut bomb_body = b"<html><body><p>".to_vec();
    bomb_body.resize(512 << 20, b' ');
    let bomb = warc_record(
        "response",
        "http://news.test/bomb",
        &http_page(&bomb_body, "utf-8"),
    );
    drop(bomb_body);
    warc.extend(gzip(&bomb));
    drop(bomb);
    let page2 = http_page(
        html(None, "The second page about the bridge repairs.").as_bytes(),
        "utf-8",
    );
    warc.extend(gzip(&warc_record(
        "response",
        "http://news.test/two",
        &page2,
    )));
    assert!(
        warc.len() < 4 << 20,
        "the bomb compresses: {} bytes",
        warc.len()
    );
    let (batch, run) = ingest_hostile("cc-news.warc.gz", &warc, &[]);
    assert_stored_with(&batch, &run, "http://news.test/one", "harbour");
    assert_stored_with(&batch, &run, "http://news.test/two", "bridge");
    let line = failure(&run, "cc-news.warc.gz").expect("the bomb reported");
    assert!(line.contains("limit"), "{line}");
}

#[test]
fn a_truncated_warc() {
    let page = http_page(
        html(None, "The first page about the harbour talks.").as_bytes(),
        "utf-8",
    );
    let page2 = http_page(
        html(None, "The second page about the bridge repairs.").as_bytes(),
        "utf-8",
    );
    let mut warc = gzip(&warc_record("response", "http://news.test/one", &page));
    let second = gzip(&warc_record("response", "http://news.test/two", &page2));
    warc.extend_from_slice(&second[..second.len() / 2]);
    let (batch, run) = ingest_hostile("cut.warc.gz", &warc, &[]);
    assert_stored_with(&batch, &run, "http://news.test/one", "harbour");
    let line = failure(&run, "cut.warc.gz").expect("the truncation reported");
    assert!(line.contains("truncated"), "{line}");

    let mut plain = warc_record("response", "http://news.test/one", &page);
    let second = warc_record("response", "http://news.test/two", &page2);
    plain.extend_from_slice(&second[..second.len() - 40]);
    let (batch, run) = ingest_hostile("cut.warc", &plain, &[]);
    assert_stored_with(&batch, &run, "http://news.test/one", "harbour");
    assert!(
        failure(&run, "cut.warc").is_some_and(|l| l.contains("truncated")),
        "{}",
        run.stderr
    );
}

#[test]
fn a_feed_with_100000_items() {
    let server = TestServer::start(Arc::new(|path: &str| {
        let n = path.strip_prefix("/story/")?;
        let body = format!(
            "<html><body><article><p>Story {n}: the port authority said on Monday that ships would be inspected.</p></article></body></html>"
        );
        Some(("text/html; charset=utf-8".to_string(), body.into_bytes()))
    }));
    let mut feed =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>");
    for i in 0..100_000 {
        feed.push_str(&format!(
            "<item><title>Story {i}</title><link>{}</link></item>",
            server.url(&format!("/story/{i}"))
        ));
    }
    feed.push_str("</channel></rss>");
    let (batch, run) = ingest_hostile("wire.rss", feed.as_bytes(), &["--max-feed-items", "40"]);
    let line = failure(&run, "wire.rss").expect("the cut reported");
    assert!(
        line.contains("100000 items") && line.contains("40"),
        "{line}"
    );
    assert_eq!(server.served(), 40);
    assert_stored_with(&batch, &run, &server.url("/story/0"), "port authority");
    assert_stored_with(&batch, &run, &server.url("/story/39"), "Story 39");
    assert!(batch.show(&server.url("/story/40")).is_none());
}

#[test]
fn analysis_over_the_time_limit_is_given_up_and_reported() {
    // 4 MB of prose takes well over 3 s to analyse in a test build; the good
    // article a few milliseconds, with room for a loaded machine.
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 4 << 20 {
        text.push_str(&format!(
            "In session {i}, the ministers of Canada and Mexico met in Ottawa, \
             and \"the talks went well,\" a spokesman for the ministry told Reuters. "
        ));
        i += 1;
    }
    let (_, run) = ingest_hostile("long.txt", text.as_bytes(), &["--max-analysis-ms", "3000"]);
    let line = failure(&run, "long").expect("the slow document reported");
    assert!(line.contains("--max-analysis-ms"), "{line}");
}

#[test]
fn a_json_lines_batch_with_broken_lines() {
    let mut batch = Vec::new();
    batch.extend_from_slice(b"{\"id\":\"j1\",\"text\":\"The harbour master said ships would be inspected on Monday.\"}\n");
    batch.extend_from_slice(b"{\"id\":\"j2\",\"text\":\"caf\xe9 not utf-8\"}\n");
    batch.extend_from_slice(b"{\"id\":\"j3\",\"text\":\"never closed\n");
    batch.extend_from_slice(b"\0\0\0\0\n");
    let mut long = b"{\"id\":\"j4\",\"text\":\"".to_vec();
    long.extend(std::iter::repeat_n(b'x', 5 << 20));
    long.extend_from_slice(b"\"}\n");
    batch.extend(long);
    batch.extend_from_slice(
        b"{\"id\":\"j5\",\"html\":\"<p>The bridge reopened after repairs, the council said.</p>\"}",
    );
    let (b, run) = ingest_hostile("batch.jsonl", &batch, &[]);
    assert_stored_with(&b, &run, "j1", "harbour");
    assert_stored_with(&b, &run, "j5", "bridge");
    for line in [2, 3, 4] {
        assert!(
            failure(&run, &format!("batch.jsonl:{line}")).is_some(),
            "line {line} not reported:\n{}",
            run.stderr
        );
    }
    // A 5 MB line is within the size limit: read whole.
    let long = assert_stored_with(&b, &run, "j4", "xxxxxxxx");
    assert_eq!(long.len(), 5 << 20);
}

#[test]
fn a_word_that_once_panicked_the_event_coder() {
    // Found by fuzzing `analyze`: "\u{820}\u{820}ing" made the event coder's
    // lemmatiser slice inside a character. It is read like any text.
    let text = "Officials said the ministers were \u{820}\u{820}ing to Rome on Monday, \
                according to Reuters. Russia said on Monday that China \u{820}\u{820}ed the talks.";
    let (batch, run) = ingest_hostile("lemma.txt", text.as_bytes(), &[]);
    assert_stored_with(&batch, &run, "lemma", "\u{820}\u{820}ed the talks");
}
