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

use axum::routing::{get, MethodRouter};
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

/// The JSON API's routes, each path with its handler: the one table both
/// [`router`] and [`api_paths`] read, so the test that holds `openapi.json`
/// to the router compares it with what is served, not with a copied list.
fn api_routes() -> [(&'static str, MethodRouter<Db>); 10] {
    [
        ("/api/documents/{id}", get(api::document)),
        ("/api/search", get(api::search)),
        ("/api/quotes", get(api::quotes)),
        ("/api/events", get(api::events)),
        ("/api/graph", get(api::graph)),
        ("/api/timeline/{actor}", get(api::timeline)),
        ("/api/actors", get(api::actors)),
        ("/api/stats", get(api::stats)),
        ("/api/stories/{id}", get(api::story)),
        ("/api/contradictions", get(api::contradictions)),
    ]
}

/// The path templates of the JSON API the router serves (besides
/// `/openapi.json` itself), written as OpenAPI writes them (`{id}`).
pub fn api_paths() -> Vec<&'static str> {
    api_routes().into_iter().map(|(path, _)| path).collect()
}

/// Every route of the API and the UI, with the limits applied.
pub fn router(db: Db, limits: &Limits) -> Router {
    let api = api_routes()
        .into_iter()
        .fold(Router::new(), |r, (path, handler)| r.route(path, handler));
    let routes = api
        .route("/openapi.json", get(api::openapi))
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
