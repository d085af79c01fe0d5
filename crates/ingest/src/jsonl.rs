use crate::{parse_date, RawDocument};
use model::InputKind;
use serde::Deserialize;
use std::io::BufRead;

/// One line of a JSON Lines batch: `{"id", "html"|"text", "url"?, "published"?}`.
#[derive(Debug, Clone, Deserialize)]
pub struct JsonlRecord {
    /// Document identifier.
    pub id: serde_json::Value,
    /// The page's HTML.
    pub html: Option<String>,
    /// The plain text.
    pub text: Option<String>,
    /// Where it came from.
    pub url: Option<String>,
    /// Publication date (`YYYY-MM-DD` or a timestamp).
    pub published: Option<String>,
}

/// Why a JSON Lines record could not be read.
#[derive(Debug, thiserror::Error)]
pub enum JsonlError {
    /// The line is not a JSON object of the record's shape.
    #[error("not a valid JSON Lines record: {0}")]
    Json(#[from] serde_json::Error),
    /// `id` is missing, empty, or neither a string nor a number.
    #[error("the record's \"id\" is missing or not a string")]
    Id,
    /// Neither `html` nor `text` is given.
    #[error("the record has neither \"html\" nor \"text\"")]
    NoContent,
    /// `published` is not a date.
    #[error("\"published\" is {0:?}, expected a date like 2022-03-13")]
    Published(String),
}

/// How many bytes a JSON Lines reader buffers: a page's record is about
/// 170 kB on average, so most lines are found whole in one buffer and
/// copied once into a vector of their own size.
pub const LINE_BUFFER: usize = 1 << 20;

/// The next line of `reader` with its `\n` (none at the end of the input),
/// or `None` at the end. As `BufRead::read_until(b'\n')`, but it searches
/// with SIMD (`memchr`) and copies each buffered stretch once, where the
/// standard one searched a word at a time and grew each line from empty:
/// reading the 122 extraction pages (20 MB) took 56 M instructions.
pub fn read_line(reader: &mut (impl BufRead + ?Sized)) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((!line.is_empty()).then_some(line));
        }
        let (take, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        line.extend_from_slice(&available[..take]);
        reader.consume(take);
        if done {
            return Ok(Some(line));
        }
    }
}

/// Parses one JSON Lines record into a document; `origin` names the line in
/// error messages.
pub fn parse_jsonl_line(line: &str, origin: &str) -> Result<RawDocument, JsonlError> {
    match flat_record(line.as_bytes()) {
        Some(record) => document(record, origin),
        None => serde_record(line, origin),
    }
}

/// Parses one JSON Lines record read as bytes, as [`parse_jsonl_line`]
/// parses its text; `None` when the line is not UTF-8. The fast reader
/// tests only the non-ASCII bytes of the record's strings, where a test of
/// the whole line first read every byte of a page once more.
pub fn parse_jsonl_bytes(line: &[u8], origin: &str) -> Option<Result<RawDocument, JsonlError>> {
    match flat_record(line) {
        Some(record) => Some(document(record, origin)),
        None => Some(serde_record(std::str::from_utf8(line).ok()?, origin)),
    }
}

/// The record `line` as serde reads it, with serde's errors.
fn serde_record(line: &str, origin: &str) -> Result<RawDocument, JsonlError> {
    document(
        Fields::from(serde_json::from_str::<JsonlRecord>(line)?),
        origin,
    )
}

/// The document of a record's fields.
fn document(record: Fields, origin: &str) -> Result<RawDocument, JsonlError> {
    let id = match record.id {
        serde_json::Value::String(s) if !s.is_empty() => s,
        serde_json::Value::Number(n) => n.to_string(),
        _ => return Err(JsonlError::Id),
    };
    let (bytes, kind) = match (record.html, record.text) {
        (Some(html), _) => (html, InputKind::Html),
        (None, Some(text)) => (text, InputKind::Text),
        (None, None) => return Err(JsonlError::NoContent),
    };
    let published = match record.published {
        None => None,
        Some(p) if p.is_empty() => None,
        Some(p) => Some(parse_date(&p).ok_or(JsonlError::Published(p))?),
    };
    Ok(RawDocument {
        id,
        origin: origin.to_string(),
        bytes,
        url: record.url,
        published,
        kind: Some(kind),
        declared_charset: None,
    })
}

/// A record's fields as a document takes them: the page or the text as
/// the bytes the fast reader writes, with no `String` made of them between.
struct Fields {
    /// As [`JsonlRecord::id`].
    id: serde_json::Value,
    /// The page's HTML.
    html: Option<Vec<u8>>,
    /// The plain text.
    text: Option<Vec<u8>>,
    /// As [`JsonlRecord::url`].
    url: Option<String>,
    /// As [`JsonlRecord::published`].
    published: Option<String>,
}

impl From<JsonlRecord> for Fields {
    fn from(r: JsonlRecord) -> Self {
        Fields {
            id: r.id,
            html: r.html.map(String::into_bytes),
            text: r.text.map(String::into_bytes),
            url: r.url,
            published: r.published,
        }
    }
}

/// A record whose values are all strings, read without serde: a page's
/// HTML is megabytes with an escape every twenty bytes or so, which serde
/// copies twice (scratch, then string). `None` for anything else (another
/// value type, a duplicate or escaped key, a control character, a lone
/// surrogate, malformed JSON), which serde then reads with its own errors,
/// so the two ways accept the same records alike. Only a line that is UTF-8
/// gives a record: a key must be ASCII and a string's other bytes UTF-8.
fn flat_record(b: &[u8]) -> Option<Fields> {
    let mut at = skip_space(b, 0);
    if b.get(at) != Some(&b'{') {
        return None;
    }
    at = skip_space(b, at + 1);
    let mut fields: [Option<Vec<u8>>; 5] = Default::default();
    if b.get(at) == Some(&b'}') {
        at += 1;
    } else {
        loop {
            let (key, after) = plain_key(b, at)?;
            at = skip_space(b, after);
            if b.get(at) != Some(&b':') {
                return None;
            }
            at = skip_space(b, at + 1);
            let (value, after) = string_at(b, at)?;
            let slot = [&b"id"[..], b"html", b"text", b"url", b"published"]
                .iter()
                .position(|k| *k == key);
            if let Some(slot) = slot {
                if fields[slot].is_some() {
                    return None;
                }
                fields[slot] = Some(value);
            }
            at = skip_space(b, after);
            match b.get(at) {
                Some(b',') => at = skip_space(b, at + 1),
                Some(b'}') => {
                    at += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    if skip_space(b, at) != b.len() {
        return None;
    }
    let [id, html, text, url, published] = fields;
    // The short fields become strings; they are UTF-8 as the line is, so
    // none fails.
    let string = |f: Option<Vec<u8>>| f.map(String::from_utf8).transpose().ok();
    Some(Fields {
        id: serde_json::Value::String(string(id)??),
        html,
        text,
        url: string(url)?,
        published: string(published)?,
    })
}

/// The first byte at or after `at` that is not JSON whitespace.
fn skip_space(b: &[u8], mut at: usize) -> usize {
    while matches!(b.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// The key at `at`, a JSON string without escapes, and the position after
/// its closing quote.
fn plain_key(b: &[u8], at: usize) -> Option<(&[u8], usize)> {
    if b.get(at) != Some(&b'"') {
        return None;
    }
    let len = b.get(at + 1..)?.iter().position(|&c| is_special(c))?;
    let end = at + 1 + len;
    (b[end] == b'"').then(|| (&b[at + 1..end], end + 1))
}

/// Bytes that end a run of plain string content: a quote, a backslash,
/// a control character (which JSON forbids inside strings), or a byte
/// outside ASCII (whose character is tested for UTF-8 on its own).
fn is_special(c: u8) -> bool {
    c == b'"' || c == b'\\' || c < 0x20 || !c.is_ascii()
}

/// Per byte of `x` (little-endian), the high bit set where the byte is
/// special ([`is_special`]); exact up to the first such byte, which is all
/// its count of trailing zeros reads.
fn special_bits(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let quote = x ^ (ONES * u64::from(b'"'));
    let backslash = x ^ (ONES * u64::from(b'\\'));
    (quote.wrapping_sub(ONES) & !quote
        | backslash.wrapping_sub(ONES) & !backslash
        | x.wrapping_sub(ONES * 0x20) & !x
        | x)
        & HIGH
}

/// The end of the run of plain string bytes from `i`: the first special
/// byte ([`is_special`]) at or after it, or the end of `b`. It reads eight
/// bytes at a time and copies none: the caller copies the whole run at once.
fn plain_end(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let found = special_bits(u64::from_le_bytes(word));
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(|&c| !is_special(c)) {
        i += 1;
    }
    i
}

/// What each one-byte escape (`\"`, `\n`, ...) stands for, 0 for the
/// others (`\u` and invalid ones): no escape stands for a NUL byte, and a
/// table lookup costs less than a `match` per escape (a page has one every
/// twenty bytes or so).
const SIMPLE_ESCAPES: [u8; 256] = {
    let mut table = [0u8; 256];
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table[b'/' as usize] = b'/';
    table[b'b' as usize] = 0x08;
    table[b'f' as usize] = 0x0c;
    table[b'n' as usize] = b'\n';
    table[b'r' as usize] = b'\r';
    table[b't' as usize] = b'\t';
    table
};

/// The text of the JSON string at `at` in `b`, as bytes, and the position
/// after its closing quote, decoded in one pass: each run of plain ASCII
/// bytes is found eight bytes at a time and copied whole, each run of other
/// bytes tested for UTF-8 and copied. The text is UTF-8 so, with no test of
/// the whole line before or of the whole text after. `None` for bytes that
/// are not UTF-8, a control character, an unknown escape, a lone surrogate
/// or no end.
fn string_at(b: &[u8], at: usize) -> Option<(Vec<u8>, usize)> {
    if b.get(at) != Some(&b'"') {
        return None;
    }
    let mut i = at + 1;
    // The string is at most the rest of the line.
    let mut out = Vec::with_capacity(b.len() - i);
    loop {
        let start = i;
        i = plain_end(b, i);
        out.extend_from_slice(b.get(start..i)?);
        match *b.get(i)? {
            b'"' => break,
            b'\\' => {}
            c if !c.is_ascii() => {
                // Characters outside ASCII, whole up to the next ASCII byte.
                let end = b[i..]
                    .iter()
                    .position(u8::is_ascii)
                    .map_or(b.len(), |n| i + n);
                let chars = std::str::from_utf8(&b[i..end]).ok()?;
                out.extend_from_slice(chars.as_bytes());
                i = end;
                continue;
            }
            _ => return None,
        }
        let escape = *b.get(i + 1)?;
        i += 2;
        match SIMPLE_ESCAPES[usize::from(escape)] {
            0 if escape == b'u' => {
                let unit = hex4(b.get(i..i + 4)?)?;
                i += 4;
                let code = match unit {
                    0xD800..=0xDBFF => {
                        if b.get(i..i + 2) != Some(b"\\u") {
                            return None;
                        }
                        let low = hex4(b.get(i + 2..i + 6)?)?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return None;
                        }
                        i += 6;
                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return None,
                    _ => unit,
                };
                let c = char::from_u32(code)?;
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            }
            0 => return None,
            byte => out.push(byte),
        }
    }
    if out.len() < out.capacity() / 2 {
        out.shrink_to_fit();
    }
    Some((out, i + 1))
}

/// The value of four hexadecimal digits.
fn hex4(digits: &[u8]) -> Option<u32> {
    digits
        .iter()
        .try_fold(0u32, |n, &d| Some(n * 16 + char::from(d).to_digit(16)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_whole_across_buffer_fills_and_the_last_needs_no_newline() {
        let input = "{\"id\": \"a\"}\r\n\nlonger than the buffer\nlast";
        let mut reader = std::io::BufReader::with_capacity(4, input.as_bytes());
        let mut lines = Vec::new();
        while let Some(line) = read_line(&mut reader).unwrap() {
            lines.push(String::from_utf8(line).unwrap());
        }
        assert_eq!(
            lines,
            [
                "{\"id\": \"a\"}\r\n",
                "\n",
                "longer than the buffer\n",
                "last"
            ]
        );
        assert!(read_line(&mut &b""[..]).unwrap().is_none());
    }

    #[test]
    fn reads_text_and_html_records() {
        let d =
            parse_jsonl_line(r#"{"id":"a","text":"Hi","published":"2022-03-13"}"#, "x:1").unwrap();
        assert_eq!(d.kind, Some(InputKind::Text));
        assert_eq!(d.published.unwrap().to_string(), "2022-03-13");
        let d = parse_jsonl_line(r#"{"id":7,"html":"<p>Hi</p>"}"#, "x:2").unwrap();
        assert_eq!(d.id, "7");
        assert_eq!(d.kind, Some(InputKind::Html));
    }

    #[test]
    fn reads_escapes_and_unknown_keys_as_serde_does() {
        let lines = [
            r#"{"id":"a","html":"<p class=\"x\">caf\u00e9 \ud83d\ude00\n\t\\ \/ \b\f\r</p>","lang":"en"}"#,
            r#" { "id" : "b" , "text" : "" , "url" : "https://e.com/?q=\"1\"" } "#,
            r#"{"id":"c","text":"t","extra":{"nested":[1,2]}}"#,
            r#"{"id":"d","text":"t","published":null}"#,
            r#"{"\u0069d":"e","text":"t"}"#,
            r#"{"id":"f","text":"ends in a long run of plain text, more than eight bytes"}"#,
            r#"{"id":"g","html":"<p>Ünïcödé “quoted” — 日本\n😀 ok</p>","url":"https://e.com/ü"}"#,
        ];
        for line in lines {
            let fast = parse_jsonl_line(line, "x:1").unwrap();
            let record: JsonlRecord = serde_json::from_str(line).unwrap();
            let text = record.html.or(record.text).unwrap();
            assert_eq!(fast.bytes, text.into_bytes(), "{line}");
            assert_eq!(fast.url, record.url, "{line}");
            assert_eq!(serde_json::Value::String(fast.id), record.id, "{line}");
        }
        assert_eq!(
            parse_jsonl_line(r#"{"id":"a","html":"caf\u00e9"}"#, "x:1")
                .unwrap()
                .bytes,
            "café".as_bytes()
        );
    }

    #[test]
    fn every_run_length_and_escape_place_reads_as_serde_reads_it() {
        // Runs of plain bytes end inside an 8-byte word, on its last byte,
        // just after it, and in the line's last few bytes; keys as well.
        for special in ["\\\"", "\\n", "\\\\", "\\u00e9", "é", "日本"] {
            for before in 0..40 {
                for after in [0, 1, 7, 8, 9, 16, 17] {
                    let key = "k".repeat(before % 20);
                    let text = format!("{}{special}{}", "a".repeat(before), "b".repeat(after));
                    let line = format!(r#"{{"id":"x","{key}":"","text":"{text}"}}"#);
                    let fast = flat_record(line.as_bytes()).expect(&line);
                    let record: JsonlRecord = serde_json::from_str(&line).unwrap();
                    assert_eq!(fast.text, record.text.map(String::into_bytes), "{line}");
                }
            }
        }
        // A control character or an unknown escape anywhere is left to serde.
        for before in 0..40 {
            for bad in ["\t", "\\x", "\u{7f}\u{1}"] {
                let line = format!(r#"{{"id":"x","text":"{}{bad}ok"}}"#, "a".repeat(before));
                assert!(flat_record(line.as_bytes()).is_none(), "{line:?}");
            }
        }
    }

    #[test]
    fn bytes_read_as_the_text_and_a_line_not_utf8_is_told() {
        let line = r#"{"id":"é","html":"<p>Ünïcödé “quoted” \u00e9 — 日本 😀</p>"}"#;
        let from_bytes = parse_jsonl_bytes(line.as_bytes(), "x:1").unwrap().unwrap();
        assert_eq!(
            from_bytes.bytes,
            "<p>Ünïcödé “quoted” é — 日本 😀</p>".as_bytes()
        );
        assert_eq!(from_bytes.id, "é");
        for bad in [
            &b"{\"id\":\"a\",\"text\":\"caf\xe9\"}"[..],
            b"{\"id\":\"a\",\"text\":\"\xf0\x9f\x98\"}",
            b"{\"i\xffd\":\"a\",\"text\":\"t\"}",
            b"{\"id\":\"a\",\"text\":\"t\"}\xa0",
        ] {
            assert!(parse_jsonl_bytes(bad, "x:1").is_none(), "{bad:?}");
        }
        let e = parse_jsonl_bytes(br#"{"id":"a"}"#, "x:1")
            .unwrap()
            .unwrap_err();
        assert!(matches!(e, JsonlError::NoContent), "{e}");
    }

    #[test]
    fn rejects_what_serde_rejects() {
        for line in [
            r#"{"id":"a","text":"lone \ud800 surrogate"}"#,
            r#"{"id":"a","text":"bad \x escape"}"#,
            "{\"id\":\"a\",\"text\":\"raw\ttab\"}",
            r#"{"id":"a","text":"t","text":"twice"}"#,
            r#"{"id":"a","text":"t"} trailing"#,
            r#"{"id":"a","text":"unterminated}"#,
            r#"{"id":"a","text":"t",}"#,
        ] {
            assert!(parse_jsonl_line(line, "x:1").is_err(), "{line}");
            assert!(serde_json::from_str::<JsonlRecord>(line).is_err(), "{line}");
        }
    }

    #[test]
    fn explains_bad_records() {
        let e = parse_jsonl_line(r#"{"id":"a"}"#, "x:1").unwrap_err();
        assert!(matches!(e, JsonlError::NoContent), "{e}");
        assert!(e.to_string().contains("neither"), "{e}");
        let e = parse_jsonl_line("{not json", "x:1").unwrap_err();
        assert!(e.to_string().contains("JSON"), "{e}");
        let e = parse_jsonl_line(r#"{"id":"a","text":"t","published":"May"}"#, "x:1").unwrap_err();
        assert_eq!(
            e.to_string(),
            "\"published\" is \"May\", expected a date like 2022-03-13"
        );
    }
}
