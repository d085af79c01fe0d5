//! Query-string and path parameters: parsed and checked before any store
//! call, so a malformed request gets a 400 with a JSON reason, never a 500.
//! Values reach SQL only as bound parameters (the store's job).

use crate::error::ApiError;
use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// Largest page of results a client may ask for.
pub const MAX_LIMIT: usize = 500;
/// Page size when the client does not say.
pub const DEFAULT_LIMIT: usize = 50;
/// Deepest offset a client may page to (deep pages cost the store a scan).
pub const MAX_OFFSET: usize = 10_000;
/// Longest free-text parameter accepted.
pub const MAX_TEXT: usize = 200;

/// Query-string extractor whose rejection is an [`ApiError`] (JSON 400).
pub struct Params<T>(pub T);

impl<T, S> FromRequestParts<S> for Params<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(v)| Params(v))
            .map_err(|e| ApiError::BadRequest(format!("bad query string: {}", e.body_text())))
    }
}

/// Path extractor whose rejection is an [`ApiError`] (JSON 400).
pub struct PathParam<T>(pub T);

impl<T, S> FromRequestParts<S> for PathParam<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(v)| PathParam(v))
            .map_err(|e| ApiError::BadRequest(format!("bad path: {}", e.body_text())))
    }
}

/// `limit` and `offset`, as every list endpoint takes them.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
pub struct PageQuery {
    /// Results per page (1 … [`MAX_LIMIT`]).
    pub limit: Option<usize>,
    /// Results to skip (0 … [`MAX_OFFSET`]).
    pub offset: Option<usize>,
}

/// A checked page request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Results per page.
    pub limit: usize,
    /// Results to skip.
    pub offset: usize,
}

impl PageQuery {
    /// Checks the bounds.
    pub fn check(self) -> Result<Page, ApiError> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if limit == 0 || limit > MAX_LIMIT {
            return Err(ApiError::BadRequest(format!(
                "limit must be between 1 and {MAX_LIMIT}"
            )));
        }
        let offset = self.offset.unwrap_or(0);
        if offset > MAX_OFFSET {
            return Err(ApiError::BadRequest(format!(
                "offset must be at most {MAX_OFFSET}"
            )));
        }
        Ok(Page { limit, offset })
    }
}

/// A free-text parameter, trimmed; `None` when absent or blank.
pub fn text(name: &str, value: Option<&str>) -> Result<Option<String>, ApiError> {
    // The length limit applies to what was sent, before trimming.
    if value.is_some_and(|v| v.chars().count() > MAX_TEXT) {
        return Err(ApiError::BadRequest(format!(
            "{name} is longer than {MAX_TEXT} characters"
        )));
    }
    Ok(value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string))
}

/// A required free-text parameter.
pub fn required_text(name: &str, value: Option<&str>) -> Result<String, ApiError> {
    text(name, value)?.ok_or_else(|| ApiError::BadRequest(format!("{name} is required")))
}

/// A `YYYY-MM-DD` date parameter; empty means absent (what an HTML form
/// sends for a blank date field).
pub fn date(name: &str, value: Option<&str>) -> Result<Option<NaiveDate>, ApiError> {
    match value.filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) if v.len() != 10 => Err(ApiError::BadRequest(format!(
            "{name} must be a date like 2022-03-13"
        ))),
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| ApiError::BadRequest(format!("{name} must be a date like 2022-03-13"))),
    }
}

/// A `from`/`to` date range (an inverted range is valid and matches nothing).
pub fn date_range(
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>), ApiError> {
    Ok((date("from", from)?, date("to", to)?))
}

/// A CAMEO code prefix: one to four digits.
pub fn cameo_prefix(value: Option<&str>) -> Result<Option<String>, ApiError> {
    match value.filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) if v.len() <= 4 && v.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(v.to_string())),
        Some(_) => Err(ApiError::BadRequest(
            "code must be a CAMEO code prefix of 1 to 4 digits, like 04 or 0231".to_string(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_bounds_are_checked() {
        assert_eq!(
            PageQuery::default().check().unwrap(),
            Page {
                limit: DEFAULT_LIMIT,
                offset: 0
            }
        );
        let zero = PageQuery {
            limit: Some(0),
            offset: None,
        };
        assert!(zero.check().is_err());
        let deep = PageQuery {
            limit: None,
            offset: Some(MAX_OFFSET + 1),
        };
        assert!(deep.check().is_err());
    }

    #[test]
    fn dates_and_codes_are_validated() {
        assert!(date("from", Some("2022-13-40")).is_err());
        assert_eq!(
            date("from", Some("2022-03-13")).unwrap(),
            NaiveDate::from_ymd_opt(2022, 3, 13)
        );
        assert!(date("from", Some(" 2022-03-13")).is_err());
        assert!(date("from", Some("2022-3-13")).is_err());
        assert_eq!(date("from", Some("")).unwrap(), None);
        assert!(cameo_prefix(Some("04a")).is_err());
        assert!(cameo_prefix(Some("04'; DROP")).is_err());
        assert_eq!(cameo_prefix(Some("0231")).unwrap().as_deref(), Some("0231"));
    }

    #[test]
    fn blank_text_is_absent_and_long_text_refused() {
        assert_eq!(text("q", Some("   ")).unwrap(), None);
        assert!(text("q", Some(&"x".repeat(MAX_TEXT + 1))).is_err());
        assert!(required_text("q", None).is_err());
    }
}
