use crate::{parse_date, RawDocument};
use model::InputKind;
use serde::Deserialize;

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

/// Parses one JSON Lines record into a document; `origin` names the line in
/// error messages.
pub fn parse_jsonl_line(line: &str, origin: &str) -> Result<RawDocument, String> {
    let record: JsonlRecord =
        serde_json::from_str(line).map_err(|e| format!("not a valid JSON Lines record: {e}"))?;
    let id = match &record.id {
        serde_json::Value::String(s) if !s.is_empty() => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => return Err("the record's \"id\" is missing or not a string".to_string()),
    };
    let (bytes, kind) = match (record.html, record.text) {
        (Some(html), _) => (html.into_bytes(), InputKind::Html),
        (None, Some(text)) => (text.into_bytes(), InputKind::Text),
        (None, None) => return Err("the record has neither \"html\" nor \"text\"".to_string()),
    };
    let published =
        match record.published.as_deref() {
            None | Some("") => None,
            Some(p) => Some(parse_date(p).ok_or_else(|| {
                format!("\"published\" is {p:?}, expected a date like 2022-03-13")
            })?),
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn explains_bad_records() {
        let e = parse_jsonl_line(r#"{"id":"a"}"#, "x:1").unwrap_err();
        assert!(e.contains("neither"), "{e}");
        let e = parse_jsonl_line("{not json", "x:1").unwrap_err();
        assert!(e.contains("JSON"), "{e}");
    }
}
