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
    let record = match flat_record(line) {
        Some(record) => record,
        None => Fields::from(serde_json::from_str::<JsonlRecord>(line)?),
    };
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
/// so the two ways accept the same records alike.
fn flat_record(line: &str) -> Option<Fields> {
    let b = line.as_bytes();
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
            let (value, after) = string_at(line, at)?;
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
/// or a control character (which JSON forbids inside strings).
fn is_special(c: u8) -> bool {
    c == b'"' || c == b'\\' || c < 0x20
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
        | x.wrapping_sub(ONES * 0x20) & !x)
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

/// The text of the JSON string at `at` in `line`, as bytes, and the
/// position after its closing quote, decoded in one pass: each run of plain
/// bytes is found eight bytes at a time and copied whole. The text is UTF-8
/// as the line is (a run starts after an ASCII byte and ends before one, an
/// escape writes a whole character), so it is never tested again: as a
/// `&str` each run's ends were tested for character boundaries, at every
/// escape, an escape every twenty bytes of a page. `None` for a control
/// character, an unknown escape, a lone surrogate or no end.
fn string_at(line: &str, at: usize) -> Option<(Vec<u8>, usize)> {
    let b = line.as_bytes();
    if b.get(at) != Some(&b'"') {
        return None;
    }
    let mut i = at + 1;
    // The string is at most the rest of the line.
    let mut out = Vec::with_capacity(b.len() - i);
    loop {
        let start = i;
        i = plain_end(b, i);
        // A run starts after an ASCII byte and ends before one (or at the
        // line's end): it is whole characters of `line`, copied as bytes
        // with no test of where characters start.
        out.extend_from_slice(b.get(start..i)?);
        match *b.get(i)? {
            b'"' => break,
            b'\\' => {}
            _ => return None,
        }
        let escape = *b.get(i + 1)?;
        i += 2;
        let c = match escape {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
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
                char::from_u32(code)?
            }
            _ => return None,
        };
        if c.is_ascii() {
            out.push(c as u8);
        } else {
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
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
