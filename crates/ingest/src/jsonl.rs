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

/// Parses one JSON Lines record into a document; `origin` names the line in
/// error messages.
pub fn parse_jsonl_line(line: &str, origin: &str) -> Result<RawDocument, JsonlError> {
    let record: JsonlRecord = serde_json::from_str(line)?;
    let id = match &record.id {
        serde_json::Value::String(s) if !s.is_empty() => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => return Err(JsonlError::Id),
    };
    let (bytes, kind) = match (record.html, record.text) {
        (Some(html), _) => (html.into_bytes(), InputKind::Html),
        (None, Some(text)) => (text.into_bytes(), InputKind::Text),
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
