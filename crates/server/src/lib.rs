//! newsgraph's HTTP server: a JSON API (documented in `openapi.json`, served
//! at `/openapi.json`) and a server-rendered web UI over the store.
//!
//! The server holds no business logic: handlers check their parameters and
//! call one store query each, on a read-only connection. Every response is
//! bounded (URL length, body size, time, concurrency) and every page escapes
//! what it shows: article text is never HTML.
//!
//! Start reading at [`router`]; `api` holds the JSON handlers, `ui` the pages.

mod api;
mod db;
mod error;
mod limits;
mod params;
mod ui;

pub use db::Db;
pub use error::ApiError;
pub use limits::Limits;

use axum::routing::get;
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;

/// The OpenAPI 3 description of the JSON API, as served at `/openapi.json`.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// What `newsgraph serve` needs to run.
#[derive(Debug, Clone)]
pub struct Config {
    /// The database file (opened read-only).
    pub db: PathBuf,
    /// Where to listen; loopback unless the user says otherwise.
    pub addr: SocketAddr,
    /// Request limits.
    pub limits: Limits,
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The database could not be opened.
    #[error("cannot open the database {path}: {source}")]
    Db {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        source: store::StoreError,
    },
    /// The address could not be bound or the server failed.
    #[error("cannot serve on {addr}: {source}")]
    Io {
        /// The address.
        addr: SocketAddr,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Every route of the API and the UI, with the limits applied.
pub fn router(db: Db, limits: &Limits) -> Router {
    let routes = Router::new()
        .route("/openapi.json", get(api::openapi))
        .route("/api/documents/{id}", get(api::document))
        .route("/api/search", get(api::search))
        .route("/api/quotes", get(api::quotes))
        .route("/api/events", get(api::events))
        .route("/api/graph", get(api::graph))
        .route("/api/timeline/{actor}", get(api::timeline))
        .route("/api/actors", get(api::actors))
        .route("/api/stats", get(api::stats))
        .route("/api/stories/{id}", get(api::story))
        .merge(ui::routes())
        .fallback(api::not_found)
        .with_state(db);
    limits::apply(routes, limits)
}

/// Binds `config.addr` and serves until `shutdown` resolves.
pub async fn serve(
    config: Config,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let db = Db::open(&config.db, &config.limits).map_err(|source| ServerError::Db {
        path: config.db.clone(),
        source,
    })?;
    let app = router(db, &config.limits);
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|source| ServerError::Io {
            addr: config.addr,
            source,
        })?;
    let addr = listener.local_addr().unwrap_or(config.addr);
    eprintln!("newsgraph serve: listening on http://{addr}/");
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|source| ServerError::Io { addr, source })
}
