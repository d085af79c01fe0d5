//! Helpers shared by the hostile-input, source and crash tests: running the
//! built binary with a deadline while watching its memory, reading back what
//! it stored, and a tiny HTTP server on 127.0.0.1.
#![allow(dead_code)]

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::support::newsgraph;

/// A plain news article every batch includes, to check the batch goes on.
pub const GOOD_ARTICLE: &str = "Officials from Canada and Mexico met in Ottawa on Tuesday \
to discuss a new trade agreement, the foreign ministry said.\n\n\
\"We expect to sign the agreement before the summer,\" Foreign Minister Anne Dupont told \
reporters after the meeting. Mexico's delegation said the talks had been constructive.\n";

/// A word of [`GOOD_ARTICLE`] to find in the stored text.
pub const GOOD_WORD: &str = "constructive";

/// What a bounded run did.
#[derive(Debug)]
pub struct Run {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
    /// Peak resident set size in KiB, sampled from /proc (0 if unavailable).
    pub peak_rss_kib: u64,
}

/// Runs `cmd` to completion; panics (after killing it) if it takes longer
/// than `limit`. Samples the peak RSS while it runs.
pub fn run_bounded(cmd: &mut Command, limit: Duration) -> Run {
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the newsgraph binary starts");
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out_pipe.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err_pipe.read_to_end(&mut s);
        s
    });
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    let status = loop {
        if let Ok(status) = std::fs::read_to_string(&status_path) {
            peak = peak.max(vm_hwm_kib(&status));
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            let err = String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned();
            panic!("newsgraph did not finish within {limit:?}; stderr:\n{err}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        status,
        stdout: String::from_utf8_lossy(&out_reader.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned(),
        elapsed: start.elapsed(),
        peak_rss_kib: peak,
    }
}

fn vm_hwm_kib(status: &str) -> u64 {
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// A temporary input directory and database.
pub struct Batch {
    pub dir: tempfile::TempDir,
}

impl Batch {
    /// A batch holding [`GOOD_ARTICLE`] as `good.txt`.
    pub fn new() -> Batch {
        let batch = Batch {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::create_dir(batch.input()).unwrap();
        batch.add("good.txt", GOOD_ARTICLE.as_bytes());
        batch
    }

    pub fn input(&self) -> PathBuf {
        self.dir.path().join("input")
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("test.db")
    }

    /// Writes one input file.
    pub fn add(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.input().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// `newsgraph ingest --db DB INPUT_DIR extra...` within `limit`.
    pub fn ingest(&self, extra: &[&str], limit: Duration) -> Run {
        let run = run_bounded(
            newsgraph()
                .args(["ingest", "--db"])
                .arg(self.db())
                .arg(self.input())
                .args(extra),
            limit,
        );
        assert!(
            run.status.code().is_some(),
            "newsgraph crashed ({:?}); stderr:\n{}",
            run.status,
            run.stderr
        );
        run
    }

    /// The stored newsgraph/1 object of `id`, if stored.
    pub fn show(&self, id: &str) -> Option<Value> {
        show(&self.db(), id)
    }

    /// Asserts the good article of the batch was stored whole.
    pub fn assert_good_stored(&self, run: &Run) {
        let doc = self
            .show("good")
            .unwrap_or_else(|| panic!("the good article was not stored; stderr:\n{}", run.stderr));
        assert!(
            doc["document"]["text"]
                .as_str()
                .unwrap()
                .contains(GOOD_WORD),
            "{doc}"
        );
    }
}

/// The stored newsgraph/1 object of `id` in `db`, if stored.
pub fn show(db: &Path, id: &str) -> Option<Value> {
    let out = newsgraph()
        .args(["show", "--json", "--db"])
        .arg(db)
        .arg(id)
        .output()
        .unwrap();
    if !out.status.success() {
        return None;
    }
    serde_json::from_slice(&out.stdout).ok()
}

/// Runs one SQL statement with the sqlite3 shell; `None` if it is absent.
pub fn sqlite(db: &Path, sql: &str) -> Option<String> {
    let out = Command::new("sqlite3").arg(db).arg(sql).output().ok()?;
    assert!(
        out.status.success(),
        "sqlite3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// What the test server answers for a path: content type and body, or 404.
pub type Route = dyn Fn(&str) -> Option<(String, Vec<u8>)> + Send + Sync;

/// Content type the test server treats as "redirect to the body (a path)".
pub const REDIRECT: &str = "x-test/redirect";

/// Content type the test server treats as "wait this many seconds (the body), then answer".
pub const STALL: &str = "x-test/stall";

/// An HTTP/1.1 server on 127.0.0.1 (one thread per connection, one request
/// per connection), counting the requests it served.
pub struct TestServer {
    pub port: u16,
    pub requests: Arc<AtomicUsize>,
}

impl TestServer {
    pub fn start(route: Arc<Route>) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&requests);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let route = Arc::clone(&route);
                let counter = Arc::clone(&counter);
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(stream.try_clone().unwrap());
                    let mut line = String::new();
                    if reader.read_line(&mut line).is_err() {
                        return;
                    }
                    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                    loop {
                        let mut header = String::new();
                        match reader.read_line(&mut header) {
                            Ok(0) | Err(_) => break,
                            Ok(_) if header.trim().is_empty() => break,
                            Ok(_) => {}
                        }
                    }
                    counter.fetch_add(1, Ordering::SeqCst);
                    let response = match route(&path) {
                        Some((ct, body)) if ct == REDIRECT => format!(
                            "HTTP/1.1 302 Found\r\nLocation: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                            String::from_utf8_lossy(&body)
                        )
                        .into_bytes(),
                        Some((ct, body)) if ct == STALL => {
                            let secs: u64 = String::from_utf8_lossy(&body).parse().unwrap_or(5);
                            std::thread::sleep(Duration::from_secs(secs));
                            b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok".to_vec()
                        }
                        Some((ct, body)) => {
                            let mut r = format!(
                                "HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                                body.len()
                            )
                            .into_bytes();
                            r.extend(body);
                            r
                        }
                        None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .to_vec(),
                    };
                    let _ = stream.write_all(&response);
                });
            }
        });
        TestServer { port, requests }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn served(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

/// A WARC record as CC-NEWS writes one (CRLF line ends, blank-line trailer).
pub fn warc_record(warc_type: &str, uri: &str, http: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2022-03-13T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{}>\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        http.len()
    )
    .into_bytes();
    out.extend_from_slice(http);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP response carrying `body` as HTML in `charset`.
pub fn http_page(body: &[u8], charset: &str) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset={charset}\r\n\r\n")
        .into_bytes();
    out.extend_from_slice(body);
    out
}
