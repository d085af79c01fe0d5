//! Every input of a batch as one lazy stream of [`SourceItem`]s: paths
//! (files, directories, JSON Lines, WARC, feed files) and HTTP(S) URLs
//! (pages and feeds, whose item links are fetched in turn).

use crate::feed::{looks_like_feed, parse_feed};
use crate::files::{is_jsonl, jsonl_documents, read_file, read_stdin, walk_files};
use crate::http::{is_url, Fetched, HttpClient, HttpError, HttpOptions};
use crate::warc::{is_warc, read_warc, WarcOptions};
use crate::{RawDocument, SourceItem};
use chrono::NaiveDate;
use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or directory.
    Path(PathBuf),
    /// An HTTP(S) URL: a page or a feed.
    Url(String),
    /// Standard input (`-`): one document named `stdin`.
    Stdin,
}

impl Input {
    /// Standard input for `-`, a URL if `arg` starts with `http://` or
    /// `https://`, else a path.
    pub fn parse(arg: &Path) -> Input {
        match arg.to_str() {
            Some("-") => Input::Stdin,
            Some(s) if is_url(s) => Input::Url(s.to_string()),
            _ => Input::Path(arg.to_path_buf()),
        }
    }
}

/// Limits and switches for [`Sources`].
#[derive(Debug, Clone)]
pub struct SourceOptions {
    /// Files (and WARC records) larger than this are reported as failures,
    /// not read.
    pub max_bytes: u64,
    /// HTTP limits; `None` reads no network (feed files are then read as
    /// plain files and URLs fail).
    pub http: Option<HttpOptions>,
    /// The most item links followed per feed.
    pub max_feed_items: usize,
    /// The publication date of documents that carry none of their own
    /// (plain files, standard input; JSON Lines records and feed items keep
    /// theirs). Like `analyze --published`, it wins over a date in a page.
    pub published: Option<NaiveDate>,
}

/// The options of the offline walk ([`walk`]).
pub type WalkOptions = SourceOptions;

impl Default for SourceOptions {
    fn default() -> Self {
        SourceOptions {
            max_bytes: 64 * 1024 * 1024,
            http: None,
            max_feed_items: 10_000,
            published: None,
        }
    }
}

/// Why no URL can be fetched.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The options carry no HTTP limits ([`SourceOptions::http`] is `None`).
    #[error("fetching URLs is not enabled here")]
    Disabled,
    /// The HTTP client could not be built.
    #[error(transparent)]
    Http(#[from] HttpError),
}

/// A URL waiting to be fetched.
#[derive(Debug)]
struct PendingUrl {
    url: String,
    published: Option<NaiveDate>,
    /// Feed items are never themselves read as feeds (no feed of feeds).
    from_feed: bool,
}

/// The lazy stream of every input's documents. See [`Sources::new`].
pub struct Sources {
    inputs: VecDeque<Input>,
    options: SourceOptions,
    files: Option<Box<dyn Iterator<Item = Result<PathBuf, SourceItem>> + Send>>,
    records: Option<Box<dyn Iterator<Item = SourceItem> + Send>>,
    urls: VecDeque<PendingUrl>,
    ready: VecDeque<SourceItem>,
    /// Built at the first URL; its error is kept for every later URL.
    client: Option<Result<HttpClient, Arc<ClientError>>>,
    fetched: HashSet<String>,
    known_url: Box<dyn FnMut(&str) -> bool + Send>,
}

impl Sources {
    /// Streams `inputs` in order. `known_url` is asked before a URL is
    /// fetched or a WARC record extracted; `true` skips it (the caller
    /// already stored it), which makes a re-run cheap.
    pub fn new(
        inputs: Vec<Input>,
        options: SourceOptions,
        known_url: Box<dyn FnMut(&str) -> bool + Send>,
    ) -> Self {
        Sources {
            inputs: inputs.into(),
            options,
            files: None,
            records: None,
            urls: VecDeque::new(),
            ready: VecDeque::new(),
            client: None,
            fetched: HashSet::new(),
            known_url,
        }
    }

    fn client(&mut self) -> Result<HttpClient, Arc<ClientError>> {
        let http = self.options.http.clone();
        self.client
            .get_or_insert_with(|| match http {
                Some(options) => HttpClient::new(options).map_err(|e| Arc::new(e.into())),
                None => Err(Arc::new(ClientError::Disabled)),
            })
            .clone()
    }

    /// Opens one file of a walk: a batch file becomes the current record
    /// stream; a feed queues its links; anything else is one document.
    fn open_file(&mut self, path: PathBuf) {
        let max_bytes = self.options.max_bytes;
        if is_warc(&path) {
            let options = WarcOptions {
                max_record_bytes: max_bytes,
            };
            self.records = Some(read_warc(&path, &options));
        } else if is_jsonl(&path) {
            self.records = Some(jsonl_documents(path));
        } else {
            let item = read_file(&path, max_bytes);
            match item {
                SourceItem::Document(doc) if self.is_feed_file(&path, &doc.bytes) => {
                    self.queue_feed(&doc.origin, &doc.bytes);
                }
                item => self.ready.push_back(item),
            }
        }
    }

    fn is_feed_file(&self, path: &Path, bytes: &[u8]) -> bool {
        if self.options.http.is_none() {
            return false;
        }
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("rss" | "atom") => true,
            Some("xml") => looks_like_feed(bytes),
            _ => false,
        }
    }

    /// Queues the item links of a feed, within the per-feed limit. `origin`
    /// is the feed's path or URL (relative links resolve against a URL).
    fn queue_feed(&mut self, origin: &str, bytes: &[u8]) {
        let base = is_url(origin).then_some(origin);
        let items = match parse_feed(bytes, base) {
            Ok(items) => items,
            Err(e) => {
                self.ready.push_back(SourceItem::Failed {
                    origin: origin.to_string(),
                    reason: e.to_string(),
                });
                return;
            }
        };
        let limit = self.options.max_feed_items;
        if items.len() > limit {
            self.ready.push_back(SourceItem::Failed {
                origin: origin.to_string(),
                reason: format!(
                    "the feed links {} items; only the first {limit} are followed (raise it with --max-feed-items)",
                    items.len()
                ),
            });
        }
        self.urls
            .extend(items.into_iter().take(limit).map(|item| PendingUrl {
                url: item.link,
                published: item.published,
                from_feed: true,
            }));
    }

    /// Fetches the next few queued URLs in parallel.
    fn fetch_some(&mut self) {
        let client = match self.client() {
            Ok(c) => c,
            Err(e) => {
                let failed = self.urls.drain(..).map(|p| SourceItem::Failed {
                    origin: p.url,
                    reason: e.to_string(),
                });
                self.ready.extend(failed);
                return;
            }
        };
        let width = client.options().max_connections.max(1);
        let mut batch = Vec::with_capacity(width);
        while batch.len() < width {
            let Some(pending) = self.urls.pop_front() else {
                break;
            };
            if self.fetched.contains(&pending.url) || (self.known_url)(&pending.url) {
                continue;
            }
            self.fetched.insert(pending.url.clone());
            batch.push(pending);
        }
        let urls: Vec<String> = batch.iter().map(|p| p.url.clone()).collect();
        for (pending, result) in batch.into_iter().zip(client.fetch_all(&urls)) {
            match result {
                Err(e) => self.ready.push_back(SourceItem::Failed {
                    origin: pending.url,
                    reason: e.to_string(),
                }),
                Ok(fetched) if !pending.from_feed && is_feed_response(&fetched) => {
                    self.queue_feed(&pending.url, &fetched.bytes);
                }
                Ok(fetched) => self.ready.push_back(SourceItem::Document(RawDocument {
                    id: pending.url.clone(),
                    origin: pending.url,
                    url: Some(fetched.final_url),
                    published: pending.published,
                    kind: None,
                    declared_charset: fetched.charset,
                    bytes: fetched.bytes,
                })),
            }
        }
    }
}

fn is_feed_response(fetched: &Fetched) -> bool {
    let ct = fetched
        .content_type
        .as_deref()
        .unwrap_or("")
        .to_ascii_lowercase();
    ct.contains("rss") || ct.contains("atom") || looks_like_feed(&fetched.bytes)
}

impl Iterator for Sources {
    type Item = SourceItem;

    fn next(&mut self) -> Option<SourceItem> {
        let item = self.next_item()?;
        Some(match item {
            SourceItem::Document(mut doc) if doc.published.is_none() => {
                doc.published = self.options.published;
                SourceItem::Document(doc)
            }
            item => item,
        })
    }
}

impl Sources {
    /// The next item, before the default publication date is applied.
    fn next_item(&mut self) -> Option<SourceItem> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if !self.urls.is_empty() {
                self.fetch_some();
                continue;
            }
            if let Some(records) = self.records.as_mut() {
                match records.next() {
                    // WARC pages are named by their URL: skip stored ones
                    // before extraction.
                    Some(SourceItem::Document(doc))
                        if doc.url.as_deref() == Some(doc.id.as_str())
                            && (self.known_url)(&doc.id) =>
                    {
                        continue
                    }
                    Some(item) => return Some(item),
                    None => {
                        self.records = None;
                        continue;
                    }
                }
            }
            if let Some(files) = self.files.as_mut() {
                match files.next() {
                    Some(Ok(path)) => self.open_file(path),
                    Some(Err(failed)) => return Some(failed),
                    None => self.files = None,
                }
                continue;
            }
            match self.inputs.pop_front()? {
                Input::Path(path) => self.files = Some(Box::new(walk_files(path))),
                Input::Url(url) => self.urls.push_back(PendingUrl {
                    url,
                    published: None,
                    from_feed: false,
                }),
                Input::Stdin => self.ready.push_back(read_stdin(self.options.max_bytes)),
            }
        }
    }
}

/// Every document under `paths` without touching the network: files as one
/// document each (id = file stem), directories recursively in name order
/// (hidden entries skipped), `.jsonl` files one document per line, WARC
/// files one per response record. Lazy: files are read as the iterator
/// advances.
pub fn walk(paths: &[PathBuf], options: &WalkOptions) -> Sources {
    let options = SourceOptions {
        http: None,
        ..options.clone()
    };
    let inputs = paths.iter().cloned().map(Input::Path).collect();
    Sources::new(inputs, options, Box::new(|_| false))
}

/// The number of documents in `inputs` when every input is a plain file
/// (one document each), counted without reading them; `None` when a URL, a
/// batch file (JSON Lines, WARC) or a feed makes the total unknowable
/// without reading. For progress bars.
pub fn count_plain_files(inputs: &[Input]) -> Option<u64> {
    let mut total = 0u64;
    for input in inputs {
        let Input::Path(root) = input else {
            return None;
        };
        for path in walk_files(root.clone()).flatten() {
            let name = path.to_string_lossy().to_ascii_lowercase();
            let batch = [
                ".jsonl", ".ndjson", ".warc", ".warc.gz", ".rss", ".atom", ".xml",
            ];
            if batch.iter().any(|ext| name.ends_with(ext)) {
                return None;
            }
            total += 1;
        }
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warc_response(uri: &str, body: &str) -> String {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        )
    }

    #[test]
    fn known_urls_are_skipped_before_extraction() {
        let dir = tempfile::tempdir().unwrap();
        let warc = dir.path().join("a.warc");
        let records =
            warc_response("http://a.test/1", "one") + &warc_response("http://a.test/2", "two");
        std::fs::write(&warc, records).unwrap();
        let known = Box::new(|id: &str| id == "http://a.test/1");
        let items: Vec<SourceItem> =
            Sources::new(vec![Input::Path(warc)], SourceOptions::default(), known).collect();
        assert_eq!(items.len(), 1);
        assert!(matches!(&items[0], SourceItem::Document(d) if d.id == "http://a.test/2"));
    }

    #[test]
    fn urls_fail_clearly_without_http() {
        let items: Vec<SourceItem> = Sources::new(
            vec![Input::parse(Path::new("http://127.0.0.1:9/x"))],
            SourceOptions::default(),
            Box::new(|_| false),
        )
        .collect();
        assert!(
            matches!(&items[0], SourceItem::Failed { reason, .. } if reason.contains("not enabled"))
        );
    }

    #[test]
    fn counts_plain_files_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "a").unwrap();
        std::fs::write(dir.path().join("b.html"), "b").unwrap();
        let root = vec![Input::Path(dir.path().to_path_buf())];
        assert_eq!(count_plain_files(&root), Some(2));
        std::fs::write(dir.path().join("c.jsonl"), "").unwrap();
        assert_eq!(count_plain_files(&root), None);
        assert_eq!(
            count_plain_files(&[Input::Url("http://a.test/".into())]),
            None
        );
    }
}
