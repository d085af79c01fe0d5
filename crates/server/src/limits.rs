//! Bounds on every request: URL length, body size, time and concurrency,
//! plus a panic guard so that a bug answers 500 instead of dropping the
//! connection, and the security headers every response carries.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

/// Request limits (the defaults suit a local analyst's server).
#[derive(Debug, Clone)]
pub struct Limits {
    /// Longest request target (path and query) accepted, in bytes.
    pub max_uri_bytes: usize,
    /// Largest request body accepted, in bytes (the API takes no bodies).
    pub max_body_bytes: usize,
    /// Time after which a request is answered 408 (the query keeps its
    /// blocking thread until SQLite returns, but the client is released).
    pub request_timeout: Duration,
    /// Requests handled at once; more wait their turn.
    pub max_concurrent: usize,
    /// Time after which a database query is interrupted (answered 503).
    pub query_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_uri_bytes: 16 * 1024,
            max_body_bytes: 16 * 1024,
            request_timeout: Duration::from_secs(10),
            max_concurrent: 64,
            query_timeout: crate::db::DEFAULT_QUERY_TIMEOUT,
        }
    }
}

/// Wraps `router` in the limit layers.
pub fn apply(router: Router, limits: &Limits) -> Router {
    let max_uri = limits.max_uri_bytes;
    router
        .layer(middleware::from_fn(security_headers))
        .layer(CatchPanicLayer::custom(|_| {
            crate::error::ApiError::Internal("a handler panicked".to_string()).into_response()
        }))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.request_timeout,
        ))
        .layer(tower::limit::ConcurrencyLimitLayer::new(
            limits.max_concurrent.max(1),
        ))
        .layer(RequestBodyLimitLayer::new(limits.max_body_bytes))
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            check_uri(req, next, max_uri)
        }))
}

async fn check_uri(req: Request, next: Next, max_uri: usize) -> Response {
    let len = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if len > max_uri {
        return crate::error::ApiError::UriTooLong(format!(
            "the request URL is longer than {max_uri} bytes"
        ))
        .into_response();
    }
    next.run(req).await
}

async fn security_headers(req: Request<Body>, next: Next) -> Response {
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(crate::ui::CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}
