//! WARC files (ISO 28500) as Common Crawl's CC-NEWS ships them: gzipped
//! one record per gzip member, or plain.
//!
//! The reader is our own rather than the `warc` crate's because a hostile
//! archive must cost bounded memory and time: every gzip member is
//! decompressed through a size limit (a gzip bomb becomes an error for that
//! record, then the reader resynchronises on the next gzip member), a
//! truncated file ends with an error naming the offset, and the records read
//! before either are kept. The `warc` crate buffers whole records without a
//! limit and stops at the first bad one.

use crate::{parse_date, RawDocument, SourceItem};
use flate2::bufread::GzDecoder;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// Options for [`read_warc`].
#[derive(Debug, Clone)]
pub struct WarcOptions {
    /// A record (decompressed) larger than this many bytes is reported as a
    /// failure and skipped.
    pub max_record_bytes: u64,
}

impl Default for WarcOptions {
    fn default() -> Self {
        WarcOptions {
            max_record_bytes: 64 * 1024 * 1024,
        }
    }
}

/// The most header bytes a WARC or HTTP header section may have.
const MAX_HEADER_BYTES: u64 = 256 * 1024;

/// One WARC record: named headers and the block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcRecord {
    /// Header fields in order, names as written.
    pub headers: Vec<(String, String)>,
    /// The record block (for a response: the HTTP message).
    pub block: Vec<u8>,
}

impl WarcRecord {
    /// The value of the first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        header_value(&self.headers, name)
    }
}

/// Why a record could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WarcError {
    /// The file ends inside a record.
    #[error("the archive is truncated inside a record")]
    Truncated,
    /// A record is larger than the limit (or its gzip member inflates past it).
    #[error("the record is larger than the {limit}-byte limit (a gzip bomb?); skipped")]
    TooLarge {
        /// The limit in force.
        limit: u64,
    },
    /// The bytes are not a WARC record.
    #[error("not a WARC record: {0}")]
    Malformed(String),
    /// Reading failed.
    #[error("read error: {0}")]
    Io(#[from] io::Error),
}

impl WarcError {
    /// Whether reading can go on after this error.
    fn is_recoverable(&self) -> bool {
        matches!(self, WarcError::TooLarge { .. })
    }
}

fn header_value<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// A `BufRead` that counts the bytes consumed, for offsets in messages.
struct Counting<R> {
    inner: R,
    consumed: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.consumed += amt as u64;
        self.inner.consume(amt);
    }
}

/// Reads one line (up to `\n`) within `budget` bytes; `None` at end of input.
fn read_line<R: BufRead>(r: &mut R, budget: &mut u64) -> Result<Option<Vec<u8>>, WarcError> {
    let mut line = Vec::new();
    let n = r.by_ref().take(*budget).read_until(b'\n', &mut line)?;
    *budget = budget.saturating_sub(n as u64);
    if n == 0 {
        return Ok(None);
    }
    if line.last() != Some(&b'\n') {
        return Err(if *budget == 0 {
            WarcError::Malformed("header section too long".into())
        } else {
            WarcError::Truncated
        });
    }
    while matches!(line.last(), Some(b'\n' | b'\r')) {
        line.pop();
    }
    Ok(Some(line))
}

/// Reads `Name: value` lines up to the blank line that ends a header section.
fn read_header_fields<R: BufRead>(
    r: &mut R,
    budget: &mut u64,
) -> Result<Vec<(String, String)>, WarcError> {
    let mut headers = Vec::new();
    loop {
        let line = read_line(r, budget)?.ok_or(WarcError::Truncated)?;
        if line.is_empty() {
            return Ok(headers);
        }
        let line = String::from_utf8_lossy(&line);
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
}

/// Reads the next record from a plain (decompressed) WARC stream; `None` at
/// the end. A record over `limit` is skipped (the stream stays in step) and
/// reported as [`WarcError::TooLarge`].
pub fn read_record<R: BufRead>(r: &mut R, limit: u64) -> Result<Option<WarcRecord>, WarcError> {
    let mut budget = MAX_HEADER_BYTES;
    // Records are separated by blank lines; skip them.
    let version = loop {
        match read_line(r, &mut budget)? {
            None => return Ok(None),
            Some(line) if line.is_empty() => continue,
            Some(line) => break line,
        }
    };
    if !version.starts_with(b"WARC/") {
        let shown = String::from_utf8_lossy(&version[..version.len().min(40)]).into_owned();
        return Err(WarcError::Malformed(format!(
            "expected a \"WARC/\" version line, found {shown:?}"
        )));
    }
    let headers = read_header_fields(r, &mut budget)?;
    let length: u64 = header_value(&headers, "Content-Length")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| WarcError::Malformed("missing or invalid Content-Length".into()))?;
    if length > limit {
        // Skip the block without holding it, so the next record can be read.
        let skipped = io::copy(&mut r.by_ref().take(length), &mut io::sink())?;
        if skipped < length {
            return Err(WarcError::Truncated);
        }
        return Err(WarcError::TooLarge { limit });
    }
    let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
    r.by_ref().take(length).read_to_end(&mut block)?;
    if (block.len() as u64) < length {
        return Err(WarcError::Truncated);
    }
    Ok(Some(WarcRecord { headers, block }))
}

/// The gzip magic: ID1, ID2 and the deflate method byte.
const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// Every record of a WARC stream, gzipped or not, with the offset (in the
/// file) each starts at. Errors are yielded in place; reading goes on after
/// recoverable ones and ends after the others.
pub struct WarcRecords<R: BufRead> {
    input: Counting<R>,
    gzipped: bool,
    limit: u64,
    /// Records already decompressed from the current gzip member.
    member: io::Cursor<Vec<u8>>,
    member_offset: u64,
    /// Set after a damaged member was reported: until a member that holds
    /// a WARC record is found, failures are the same damage (the rest of a
    /// member, or a false gzip magic inside its deflate data) and are
    /// passed over, so one damaged member is one error.
    skipping: bool,
    done: bool,
}

impl<R: BufRead> WarcRecords<R> {
    /// Reads records from `input`, sniffing gzip from the first bytes.
    pub fn new(mut input: R, limit: u64) -> io::Result<Self> {
        let gzipped = input.fill_buf()?.starts_with(&GZIP_MAGIC[..2]);
        Ok(WarcRecords {
            input: Counting {
                inner: input,
                consumed: 0,
            },
            gzipped,
            limit,
            member: io::Cursor::new(Vec::new()),
            member_offset: 0,
            skipping: false,
            done: false,
        })
    }

    fn next_plain(&mut self) -> Option<(u64, Result<WarcRecord, WarcError>)> {
        let offset = self.input.consumed;
        match read_record(&mut self.input, self.limit) {
            Ok(None) => None,
            Ok(Some(record)) => Some((offset, Ok(record))),
            Err(e) => Some((offset, Err(e))),
        }
    }

    /// Decompresses the next gzip member into `self.member`, within the limit.
    fn load_member(&mut self) -> Option<Result<(), WarcError>> {
        match self.input.fill_buf() {
            Ok([]) => return None,
            Ok(_) => {}
            Err(e) => return Some(Err(e.into())),
        }
        self.member_offset = self.input.consumed;
        let mut decoded = Vec::new();
        // One past the limit tells "at the limit" from "over it".
        let read = GzDecoder::new(&mut self.input)
            .take(self.limit + 1)
            .read_to_end(&mut decoded);
        match read {
            Ok(_) if decoded.len() as u64 > self.limit => {
                self.resynchronise();
                Some(Err(WarcError::TooLarge { limit: self.limit }))
            }
            Ok(_) => {
                self.member = io::Cursor::new(decoded);
                Some(Ok(()))
            }
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Some(Err(WarcError::Truncated)),
            Err(e) => {
                // The decoder may have stopped anywhere in the member (or
                // just after it, for a bad checksum): step to the next magic.
                self.resynchronise();
                Some(Err(WarcError::Malformed(format!("bad gzip data: {e}"))))
            }
        }
    }

    /// Skips to the next gzip header after an abandoned member: the next
    /// magic from the current position on, or from the byte after it when
    /// the failed member consumed nothing (so that it is not found again).
    fn resynchronise(&mut self) {
        let mut from = usize::from(self.input.consumed == self.member_offset);
        loop {
            let buf = match self.input.fill_buf() {
                Ok([]) | Err(_) => return,
                Ok(buf) => buf,
            };
            // Look for the magic from the second byte on, so a member that
            // starts here is not found again.
            match buf
                .windows(GZIP_MAGIC.len())
                .skip(from)
                .position(|w| w == GZIP_MAGIC)
            {
                Some(i) => {
                    self.input.consume(i + from);
                    return;
                }
                None => {
                    // Keep the last bytes: the magic may straddle buffers.
                    let keep = (GZIP_MAGIC.len() - 1).min(buf.len());
                    let n = buf.len() - keep;
                    if n == 0 {
                        // Fewer bytes than a magic are left: nothing follows.
                        let len = buf.len();
                        self.input.consume(len);
                        return;
                    }
                    self.input.consume(n);
                    from = 0;
                }
            }
        }
    }

    fn next_gzipped(&mut self) -> Option<(u64, Result<WarcRecord, WarcError>)> {
        loop {
            let remaining = &self.member.get_ref()[self.member.position() as usize..];
            if remaining.iter().all(u8::is_ascii_whitespace) {
                let loaded = match self.load_member() {
                    // Damage that runs to the end of the file was reported.
                    None | Some(Err(WarcError::Truncated)) if self.skipping => return None,
                    None => return None,
                    Some(loaded) => loaded,
                };
                match loaded {
                    Ok(()) if self.skipping => {
                        if self.member.get_ref().starts_with(b"WARC/") {
                            self.skipping = false;
                        } else {
                            self.member = io::Cursor::new(Vec::new());
                            self.resynchronise();
                        }
                        continue;
                    }
                    Err(WarcError::Malformed(_) | WarcError::TooLarge { .. }) if self.skipping => {
                        continue
                    }
                    Ok(()) => {
                        let decoded = self.member.get_ref();
                        if !decoded.is_empty() && !decoded.starts_with(b"WARC/") {
                            // A false gzip magic inside data skipped while
                            // resynchronising, or a foreign member: not a record.
                            self.member = io::Cursor::new(Vec::new());
                            let offset = self.member_offset;
                            return Some((
                                offset,
                                Err(WarcError::Malformed(
                                    "gzip member does not start with a WARC record".into(),
                                )),
                            ));
                        }
                        continue;
                    }
                    Err(e) => {
                        self.skipping =
                            matches!(e, WarcError::Malformed(_) | WarcError::TooLarge { .. });
                        return Some((self.member_offset, Err(e)));
                    }
                }
            }
            let offset = self.member_offset;
            return match read_record(&mut self.member, self.limit) {
                Ok(None) => continue,
                Ok(Some(record)) => Some((offset, Ok(record))),
                Err(e) => {
                    // The rest of a member that failed cannot be trusted, but
                    // the next member can: nothing inside one ends the file.
                    if !e.is_recoverable() {
                        self.member = io::Cursor::new(Vec::new());
                    }
                    let e = match e {
                        WarcError::Truncated => WarcError::Malformed(
                            "the record is shorter than its Content-Length".into(),
                        ),
                        e => e,
                    };
                    Some((offset, Err(e)))
                }
            };
        }
    }
}

impl<R: BufRead> Iterator for WarcRecords<R> {
    /// The record's offset in the file and the record, or why it is unreadable.
    type Item = (u64, Result<WarcRecord, WarcError>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = if self.gzipped {
            self.next_gzipped()
        } else {
            self.next_plain()
        };
        match &item {
            None => self.done = true,
            Some((_, Err(e))) => {
                // In a gzipped archive a bad member is skipped; in a plain one
                // only an oversized record can be stepped over.
                let fatal = match e {
                    WarcError::Truncated | WarcError::Io(_) => true,
                    _ => !self.gzipped && !e.is_recoverable(),
                };
                if fatal {
                    self.done = true;
                }
            }
            Some(_) => {}
        }
        item
    }
}

/// Why the page in a response record could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// The status line is too long or cut off.
    #[error("bad HTTP status line: {0}")]
    StatusLine(#[source] WarcError),
    /// The record's block is empty.
    #[error("empty HTTP message")]
    Empty,
    /// The status code is not a number.
    #[error("bad HTTP status code {0:?}")]
    StatusCode(String),
    /// The block does not start with an HTTP status line.
    #[error("not an HTTP response: {0:?}")]
    NotHttp(String),
    /// The header section is too long or cut off.
    #[error("bad HTTP headers: {0}")]
    Headers(#[source] WarcError),
    /// A response record without the URL it answers.
    #[error("the response record has no WARC-Target-URI")]
    NoTargetUri,
    /// A compressed payload inflates past the record limit.
    #[error("the payload inflates past the {limit}-byte limit (a gzip bomb?)")]
    Inflated {
        /// The limit in force.
        limit: u64,
    },
    /// A compressed payload is not valid gzip or deflate data.
    #[error("the payload's content encoding is corrupt: {0}")]
    Encoding(#[source] io::Error),
}

/// An HTTP response as stored in a WARC response record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Header fields in order.
    pub headers: Vec<(String, String)>,
    /// The payload, de-chunked.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// The value of the first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        header_value(&self.headers, name)
    }
}

/// Parses the HTTP message of a response record: status line, headers, body.
pub fn parse_http_response(block: &[u8]) -> Result<HttpResponse, PageError> {
    let mut reader = block;
    let mut budget = MAX_HEADER_BYTES;
    let status_line = read_line(&mut reader, &mut budget)
        .map_err(PageError::StatusLine)?
        .ok_or(PageError::Empty)?;
    let status_line = String::from_utf8_lossy(&status_line);
    let mut parts = status_line.split_whitespace();
    let status = match (parts.next(), parts.next()) {
        (Some(v), Some(code)) if v.starts_with("HTTP/") => code
            .parse::<u16>()
            .map_err(|_| PageError::StatusCode(code.to_string()))?,
        _ => return Err(PageError::NotHttp(status_line.into_owned())),
    };
    let headers = read_header_fields(&mut reader, &mut budget).map_err(PageError::Headers)?;
    let chunked = header_value(&headers, "Transfer-Encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    let body = if chunked {
        dechunk(reader).unwrap_or_else(|| reader.to_vec())
    } else {
        reader.to_vec()
    };
    Ok(HttpResponse {
        status,
        headers,
        body,
    })
}

/// Undoes HTTP chunked transfer coding; `None` if the body is not chunked
/// after all (crawlers often store it de-chunked but keep the header).
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let end = body.iter().position(|&b| b == b'\n')?;
        let size_field = std::str::from_utf8(&body[..end]).ok()?;
        let size_hex = size_field.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        body = &body[end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))?;
    }
}

/// The `charset` parameter of a `Content-Type` value.
pub fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_string())
            .filter(|v| !v.is_empty())
    })
}

/// Whether a `Content-Type` names something newsgraph can read as a page.
fn is_textual(content_type: Option<&str>) -> bool {
    let Some(ct) = content_type else {
        return true;
    };
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime.is_empty() || mime.starts_with("text/") || mime.contains("html") || mime.contains("xml")
}

/// Undoes a `Content-Encoding` of gzip or deflate (crawlers such as wget
/// store payloads as received), within `limit` bytes.
fn decode_content(body: Vec<u8>, encoding: Option<&str>, limit: u64) -> Result<Vec<u8>, PageError> {
    let encoding = encoding.map(|e| e.trim().to_ascii_lowercase());
    let mut decoded = Vec::new();
    let read = match encoding.as_deref() {
        Some("gzip" | "x-gzip") => flate2::read::MultiGzDecoder::new(&body[..])
            .take(limit + 1)
            .read_to_end(&mut decoded),
        Some("deflate") => flate2::read::ZlibDecoder::new(&body[..])
            .take(limit + 1)
            .read_to_end(&mut decoded),
        _ => return Ok(body),
    };
    match read {
        Ok(_) if decoded.len() as u64 > limit => Err(PageError::Inflated { limit }),
        Ok(_) => Ok(decoded),
        Err(e) => Err(PageError::Encoding(e)),
    }
}

/// The document of one response record, or `None` for records that are not
/// pages (requests, metadata, redirects, errors, images). A compressed
/// payload is inflated within `limit` bytes.
pub fn record_document(
    record: &WarcRecord,
    origin: &str,
    limit: u64,
) -> Option<Result<RawDocument, PageError>> {
    if !record
        .header("WARC-Type")
        .is_some_and(|t| t.eq_ignore_ascii_case("response"))
    {
        return None;
    }
    let uri = record
        .header("WARC-Target-URI")
        .map(|u| u.trim_matches(|c| c == '<' || c == '>').to_string());
    let response = match parse_http_response(&record.block) {
        Ok(r) => r,
        Err(e) => return Some(Err(e)),
    };
    let content_type = response.header("Content-Type");
    if !(200..300).contains(&response.status) || !is_textual(content_type) {
        return None;
    }
    let declared_charset = content_type.and_then(charset_of);
    let Some(uri) = uri else {
        return Some(Err(PageError::NoTargetUri));
    };
    let encoding = response.header("Content-Encoding").map(str::to_string);
    let body = match decode_content(response.body, encoding.as_deref(), limit) {
        Ok(body) => body,
        Err(e) => return Some(Err(e)),
    };
    Some(Ok(RawDocument {
        id: uri.clone(),
        origin: origin.to_string(),
        url: Some(uri),
        published: record.header("WARC-Date").and_then(parse_date),
        kind: None,
        declared_charset,
        bytes: body,
    }))
}

/// Every page in the WARC file at `path` (gzipped or not), lazily: response
/// records become documents; other records are passed over; unreadable
/// records are reported with their offset and reading goes on where it can.
pub fn read_warc(
    path: &Path,
    options: &WarcOptions,
) -> Box<dyn Iterator<Item = SourceItem> + Send> {
    let name = path.display().to_string();
    match File::open(path) {
        Ok(f) => read_warc_from(BufReader::with_capacity(1 << 16, f), name, options),
        Err(e) => Box::new(std::iter::once(SourceItem::Failed {
            origin: name,
            reason: format!("cannot be read: {e}"),
        })),
    }
}

/// [`read_warc`] over any byte stream (an archive already in memory, or one
/// a caller opened elsewhere); `name` stands for it in origins
/// (`name@offset`).
pub fn read_warc_from<R: BufRead + Send + 'static>(
    input: R,
    name: String,
    options: &WarcOptions,
) -> Box<dyn Iterator<Item = SourceItem> + Send> {
    let records = match WarcRecords::new(input, options.max_record_bytes) {
        Ok(r) => r,
        Err(e) => {
            return Box::new(std::iter::once(SourceItem::Failed {
                origin: name,
                reason: format!("cannot be read: {e}"),
            }))
        }
    };
    let limit = options.max_record_bytes;
    Box::new(records.filter_map(move |(offset, record)| {
        let origin = format!("{name}@{offset}");
        match record {
            Ok(record) => record_document(&record, &origin, limit).map(|doc| match doc {
                Ok(doc) => SourceItem::Document(doc),
                Err(e) => SourceItem::Failed {
                    origin,
                    reason: e.to_string(),
                },
            }),
            Err(e) => Some(SourceItem::Failed {
                origin,
                reason: e.to_string(),
            }),
        }
    }))
}

/// Whether `path` names a WARC file (`.warc`, `.warc.gz`).
pub fn is_warc(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;

    fn record(warc_type: &str, uri: &str, http: &str) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {uri}\r\n\
             WARC-Date: 2022-03-13T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n\
             Content-Length: {}\r\n\r\n",
            http.len()
        )
        .into_bytes();
        out.extend_from_slice(http.as_bytes());
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn page(body: &str) -> String {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"windows-1251\"\r\n\r\n{body}"
        )
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn items(bytes: &[u8], name: &str, limit: u64) -> Vec<SourceItem> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        read_warc(
            &path,
            &WarcOptions {
                max_record_bytes: limit,
            },
        )
        .collect()
    }

    fn summary(items: &[SourceItem]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                SourceItem::Document(d) => d.id.clone(),
                SourceItem::Failed { reason, .. } => format!("FAILED {reason}"),
            })
            .collect()
    }

    #[test]
    fn reads_response_records_with_uri_date_and_charset() {
        let mut warc = record("request", "http://a.test/1", "GET / HTTP/1.1\r\n\r\n");
        warc.extend(record("response", "http://a.test/1", &page("<p>One</p>")));
        warc.extend(record(
            "response",
            "http://a.test/2",
            "HTTP/1.1 301 Moved\r\n\r\n",
        ));
        let got = items(&warc, "x.warc", 1 << 20);
        assert_eq!(summary(&got), ["http://a.test/1"]);
        let SourceItem::Document(doc) = &got[0] else {
            unreachable!()
        };
        assert_eq!(doc.bytes, b"<p>One</p>");
        assert_eq!(doc.declared_charset.as_deref(), Some("windows-1251"));
        assert_eq!(doc.published.unwrap().to_string(), "2022-03-13");
        assert_eq!(doc.url.as_deref(), Some("http://a.test/1"));
    }

    #[test]
    fn reads_gzip_members_and_survives_a_bomb() {
        let mut warc = gz(&record("response", "http://a.test/1", &page("one")));
        let bomb_body = "\0".repeat(4 << 20);
        warc.extend(gz(&record(
            "response",
            "http://a.test/bomb",
            &page(&bomb_body),
        )));
        warc.extend(gz(&record("response", "http://a.test/2", &page("two"))));
        let got = summary(&items(&warc, "x.warc.gz", 1 << 20));
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0], "http://a.test/1");
        assert!(got[1].contains("limit"), "{got:?}");
        assert_eq!(got[2], "http://a.test/2");
    }

    #[test]
    fn a_corrupt_gzip_member_is_one_error_and_the_next_members_are_read() {
        let body = "a sentence of the article that deflate cannot shrink much ".repeat(40);
        let good = |n: u32| {
            gz(&record(
                "response",
                &format!("http://a.test/{n}"),
                &page(&body),
            ))
        };
        // Damaged deflate data in the middle of a member.
        let mut middle = good(2);
        let mid = middle.len() / 2;
        for b in &mut middle[mid..mid + 8] {
            *b ^= 0x5a;
        }
        // A member whose data inflates but whose CRC trailer is wrong.
        let mut crc = good(4);
        let at = crc.len() - 8;
        crc[at] ^= 0xff;
        let mut warc = good(1);
        for member in [middle, good(3), crc, good(5)] {
            warc.extend(member);
        }
        let got = summary(&items(&warc, "x.warc.gz", 1 << 20));
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got[0], "http://a.test/1");
        assert!(got[1].starts_with("FAILED"), "{got:?}");
        assert_eq!(got[2], "http://a.test/3");
        assert!(got[3].starts_with("FAILED"), "{got:?}");
        assert_eq!(got[4], "http://a.test/5");
    }

    #[test]
    fn an_oversized_member_is_one_error_whatever_its_deflate_data_holds() {
        // Text that deflates to many kilobytes, so that the skipped rest of
        // the member is long enough to hold false gzip magics; then the same
        // at the very end of the archive.
        let mut state = 1u32;
        let noise: String = (0..3_000_000)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                char::from(b'a' + (state >> 16) as u8 % 26)
            })
            .collect();
        let big = gz(&record("response", "http://a.test/big", &page(&noise)));
        let mut warc = gz(&record("response", "http://a.test/1", &page("one")));
        warc.extend(&big);
        warc.extend(gz(&record("response", "http://a.test/2", &page("two"))));
        warc.extend(&big);
        let got = summary(&items(&warc, "x.warc.gz", 1 << 20));
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], "http://a.test/1");
        assert!(got[1].contains("limit"), "{got:?}");
        assert_eq!(got[2], "http://a.test/2");
        assert!(got[3].contains("limit"), "{got:?}");
    }

    #[test]
    fn truncated_archives_keep_the_records_before() {
        let one = gz(&record("response", "http://a.test/1", &page("one")));
        let two = gz(&record("response", "http://a.test/2", &page("two")));
        let mut warc = one.clone();
        warc.extend_from_slice(&two[..two.len() / 2]);
        let got = summary(&items(&warc, "x.warc.gz", 1 << 20));
        assert_eq!(got[0], "http://a.test/1");
        assert!(got[1].contains("truncated"), "{got:?}");
        assert_eq!(got.len(), 2);

        let mut plain = record("response", "http://a.test/1", &page("one"));
        let second = record("response", "http://a.test/2", &page("two"));
        plain.extend_from_slice(&second[..second.len() - 10]);
        let got = summary(&items(&plain, "x.warc", 1 << 20));
        assert_eq!(got[0], "http://a.test/1");
        assert!(got[1].contains("truncated"), "{got:?}");
    }

    #[test]
    fn oversized_plain_records_are_skipped_in_step() {
        let mut warc = record("response", "http://a.test/big", &page(&"x".repeat(5000)));
        warc.extend(record("response", "http://a.test/2", &page("two")));
        let got = summary(&items(&warc, "x.warc", 1000));
        assert!(got[0].contains("limit"), "{got:?}");
        assert_eq!(got[1], "http://a.test/2");
    }

    #[test]
    fn garbage_is_a_clear_error() {
        let got = summary(&items(b"hello world\n", "x.warc", 1000));
        assert_eq!(got.len(), 1);
        assert!(got[0].contains("not a WARC record"), "{got:?}");
    }

    #[test]
    fn inflates_compressed_payloads_within_the_limit() {
        let mut http =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        http.extend(gz(b"<p>zipped</p>"));
        let mut warc = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.test/z\r\nContent-Length: {}\r\n\r\n",
            http.len()
        )
        .into_bytes();
        warc.extend(&http);
        let got = items(&warc, "z.warc", 1 << 20);
        let SourceItem::Document(doc) = &got[0] else {
            panic!("{got:?}")
        };
        assert_eq!(doc.bytes, b"<p>zipped</p>");
        let bomb = decode_content(gz(&[0; 10_000]), Some("gzip"), 100).unwrap_err();
        assert!(matches!(bomb, PageError::Inflated { limit: 100 }), "{bomb}");
        assert!(bomb.to_string().contains("limit"), "{bomb}");
        let corrupt = decode_content(b"not gzip".to_vec(), Some("gzip"), 100).unwrap_err();
        assert!(corrupt.to_string().contains("corrupt"), "{corrupt}");
    }

    #[test]
    fn dechunks_http_bodies() {
        let r = parse_http_response(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(r.body, b"abcde");
        assert_eq!(
            charset_of("text/html; Charset=GB18030"),
            Some("GB18030".into())
        );
    }
}
