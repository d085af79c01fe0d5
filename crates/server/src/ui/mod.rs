//! The web UI: server-rendered HTML pages, one stylesheet and one small
//! script, all embedded in the binary (no CDN, no network).

mod article;
mod escape;
mod highlight;
mod network;
mod page;
mod pages;

pub use page::CSP;

use crate::db::Db;
use crate::error::ApiError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

const STYLE: &str = include_str!("../../assets/style.css");
const SCRIPT: &str = include_str!("../../assets/app.js");

/// The UI routes.
pub fn routes() -> Router<Db> {
    Router::new()
        .route("/", get(pages::home))
        .route("/documents/{id}", get(pages::document))
        .route("/search", get(pages::search))
        .route("/quotes", get(pages::quotes))
        .route("/events", get(pages::events))
        .route("/actors", get(pages::actors))
        .route("/actors/{actor}", get(pages::timeline))
        .route("/graph", get(pages::graph))
        .route("/contradictions", get(pages::contradictions))
        .route("/assets/style.css", get(|| asset(STYLE, "text/css")))
        .route("/assets/app.js", get(|| asset(SCRIPT, "text/javascript")))
}

async fn asset(body: &'static str, kind: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    response
}

/// A UI handler's error, shown as an HTML error page.
pub struct PageError(ApiError);

impl From<ApiError> for PageError {
    fn from(err: ApiError) -> Self {
        PageError(err)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        if status == StatusCode::INTERNAL_SERVER_ERROR {
            // Logs the detail.
            let _ = ApiError::Internal(self.0.to_string()).into_response();
        }
        page::error_page(status, &self.0.public_message()).into_response()
    }
}
