//! `newsgraph ingest` on every kind of source: pages and feeds over HTTP
//! (from a server the test starts on 127.0.0.1), WARC archives, and re-runs
//! that add (and fetch) only what is missing.

mod hostile_support;
mod support;

use hostile_support::{
    http_page, run_bounded, warc_record, Batch, Run, TestServer, REDIRECT, STALL,
};
use std::sync::Arc;
use std::time::Duration;
use support::newsgraph;

const DEADLINE: Duration = Duration::from_secs(120);

fn page(words: &str) -> Vec<u8> {
    format!(
        "<!doctype html><html><head><title>{words}</title></head><body><article>\
         <p>{words}: the port authority said on Monday that ships would be inspected.</p>\
         <p>\"Nothing will leave the harbour unchecked,\" the harbour master told reporters.</p>\
         </article></body></html>"
    )
    .into_bytes()
}

fn news_server() -> TestServer {
    TestServer::start(Arc::new(|path: &str| {
        let html = |b: Vec<u8>| Some(("text/html; charset=utf-8".to_string(), b));
        match path {
            "/feed" => {
                let items: String = ["/a", "/b", "/missing", "/a"]
                    .iter()
                    .map(|p| {
                        format!(
                            "<item><title>t</title><link>{p}</link>\
                             <pubDate>Sun, 13 Mar 2022 10:00:00 GMT</pubDate></item>"
                        )
                    })
                    .collect();
                let feed = format!(
                    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>W</title>{items}</channel></rss>"
                );
                Some(("application/rss+xml".to_string(), feed.into_bytes()))
            }
            "/a" => html(page("Alpha story")),
            "/b" => html(page("Bravo story")),
            "/page" => html(page("Charlie story")),
            "/big" => html(vec![b'x'; 5000]),
            "/loop1" => Some((REDIRECT.to_string(), b"/loop2".to_vec())),
            "/loop2" => Some((REDIRECT.to_string(), b"/loop1".to_vec())),
            "/stall" => Some((STALL.to_string(), b"5".to_vec())),
            _ => None,
        }
    }))
}

fn ingest(db: &std::path::Path, inputs: &[String], extra: &[&str]) -> Run {
    let run = run_bounded(
        newsgraph()
            .args(["ingest", "--db"])
            .arg(db)
            .args(inputs)
            .args(extra),
        DEADLINE,
    );
    assert!(run.status.success(), "{}", run.stderr);
    run
}

#[test]
fn pages_and_feeds_over_http_then_a_rerun_fetches_only_what_is_missing() {
    let server = news_server();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let inputs = [server.url("/feed"), server.url("/page")];
    let run = ingest(&db, &inputs, &[]);
    assert!(run.stderr.contains("3 added"), "{}", run.stderr);
    assert!(
        run.stderr.contains("/missing") && run.stderr.contains("404"),
        "{}",
        run.stderr
    );
    let a = hostile_support::show(&db, &server.url("/a")).expect("feed item a stored");
    assert_eq!(a["document"]["published"], "2022-03-13", "{a}");
    assert!(a["document"]["text"]
        .as_str()
        .unwrap()
        .contains("Alpha story"));
    assert!(hostile_support::show(&db, &server.url("/page")).is_some());
    // feed + a + b + missing + page; the repeated item is fetched once.
    assert_eq!(server.served(), 5);

    let again = ingest(&db, &inputs, &[]);
    assert!(again.stderr.contains("0 added"), "{}", again.stderr);
    // Only the feed itself and the page that failed are asked for again.
    assert_eq!(server.served(), 5 + 2);
}

#[test]
fn http_limits_give_clear_errors_and_the_batch_goes_on() {
    let server = news_server();
    let batch = Batch::new();
    let run = run_bounded(
        newsgraph()
            .args(["ingest", "--db"])
            .arg(batch.db())
            .arg(batch.input())
            .args([
                server.url("/big"),
                server.url("/loop1"),
                server.url("/stall"),
            ])
            .args(["--max-http-bytes", "1000", "--http-timeout", "1"]),
        DEADLINE,
    );
    assert!(run.status.success(), "{}", run.stderr);
    batch.assert_good_stored(&run);
    let line = |path: &str| {
        let url = server.url(path);
        run.stderr
            .lines()
            .find(|l| l.contains("failed:") && l.contains(&url))
            .unwrap_or_else(|| panic!("{path} not reported:\n{}", run.stderr))
            .to_string()
    };
    assert!(line("/big").contains("limit"));
    assert!(line("/loop1").contains("redirect"));
    assert!(line("/stall").contains("timed out"));
    assert!(run.elapsed < Duration::from_secs(60));
}

#[test]
fn warc_archives_are_read_and_not_read_twice() {
    let batch = Batch::new();
    let mut warc = Vec::new();
    warc.extend(warc_record(
        "request",
        "http://news.test/a",
        b"GET /a HTTP/1.1\r\n\r\n",
    ));
    warc.extend(warc_record(
        "response",
        "http://news.test/a",
        &http_page(&page("Alpha story"), "utf-8"),
    ));
    warc.extend(warc_record(
        "response",
        "http://news.test/b",
        &http_page(&page("Bravo story"), "utf-8"),
    ));
    warc.extend(warc_record(
        "response",
        "http://news.test/moved",
        b"HTTP/1.1 301 Moved Permanently\r\nLocation: /b\r\n\r\n",
    ));
    batch.add("cc-news.warc", &warc);
    let run = batch.ingest(&[], DEADLINE);
    assert!(
        run.stderr.contains("3 added") && run.stderr.contains("0 failed"),
        "{}",
        run.stderr
    );
    let a = batch.show("http://news.test/a").expect("a stored");
    assert_eq!(a["document"]["url"], "http://news.test/a");
    assert_eq!(a["document"]["published"], "2022-03-13");
    let again = batch.ingest(&[], DEADLINE);
    assert!(
        again.stderr.contains("0 added") && again.stderr.contains("3 duplicates"),
        "{}",
        again.stderr
    );
}

#[test]
fn syndicated_copies_are_grouped_into_one_story() {
    let story = "Russia has asked China for military equipment since its invasion of Ukraine \
        began, U.S. officials said on Sunday, as Washington warned Beijing that any such aid \
        would carry consequences. National security adviser Jake Sullivan was due to meet \
        senior Chinese official Yang Jiechi in Rome on Monday to discuss the war and its \
        effect on regional and global security, the officials said.";
    let batch = Batch::new();
    batch.add("wire.txt", story.as_bytes());
    batch.add(
        "copy.txt",
        format!("By our staff. {story} Reporting by the Washington bureau.").as_bytes(),
    );
    let run = batch.ingest(&[], DEADLINE);
    assert!(run.stderr.contains("3 added"), "{}", run.stderr);
    let out = run_bounded(
        newsgraph()
            .args(["stats", "--json", "--db"])
            .arg(batch.db()),
        DEADLINE,
    );
    let stats: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(stats["documents"], 3, "{stats}");
    assert_eq!(
        stats["stories"], 2,
        "the copy was not grouped with the wire story: {stats}"
    );
}
