//! The one error type handlers return, rendered as a JSON body with the
//! matching status code. Clients get a reason they can act on; internal
//! details (SQL, paths) stay in the server's log.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// Why a request could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A parameter is missing, malformed or out of range (400).
    #[error("{0}")]
    BadRequest(String),
    /// The requested thing does not exist (404).
    #[error("{0}")]
    NotFound(String),
    /// The store failed (500); the detail is logged, not sent.
    #[error("internal error: {0}")]
    Internal(String),
    /// The request URL is longer than the limit (414).
    #[error("{0}")]
    UriTooLong(String),
    /// Too much work queued; the client should retry later (503).
    #[error("{0}")]
    Unavailable(String),
}

impl ApiError {
    /// The HTTP status this error is sent with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::UriTooLong(_) => StatusCode::URI_TOO_LONG,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The message a client may see.
    pub fn public_message(&self) -> String {
        match self {
            ApiError::Internal(_) => "internal error (see the server log)".to_string(),
            other => other.to_string(),
        }
    }
}

impl From<store::StoreError> for ApiError {
    fn from(err: store::StoreError) -> Self {
        ApiError::Internal(err.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(detail) = &self {
            eprintln!("newsgraph serve: {detail}");
        }
        let status = self.status();
        let body = serde_json::json!({
            "error": {"status": status.as_u16(), "message": self.public_message()}
        });
        (status, Json(body)).into_response()
    }
}

/// Result alias for handlers.
pub type ApiResult<T> = Result<T, ApiError>;
