//! Shared set-up for the server tests: a temporary database filled by the
//! real pipeline from fixture articles written for these tests, and the
//! router listening on 127.0.0.1 on a free port.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use pipeline::{Input, InputKind, Pipeline};
use std::net::SocketAddr;
use std::path::Path;
use store::Store;

/// Fixture articles: (id, published, text).
pub const FIXTURES: &[(&str, &str, &str)] = &[
    (
        "fisheries",
        "2025-03-10",
        include_str!("../fixtures/fisheries.txt"),
    ),
    (
        "hostile",
        "2025-06-03",
        include_str!("../fixtures/hostile.txt"),
    ),
];

/// A running server over a temporary database.
pub struct TestServer {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The database file the server reads.
    pub db: std::path::PathBuf,
    /// Keeps the database alive.
    _dir: tempfile::TempDir,
}

impl TestServer {
    /// The full URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// The pipeline, loaded once per test binary (loading the models is the
/// slow part of setting up a test database).
fn pipeline() -> &'static Pipeline {
    static PIPELINE: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::embedded().expect("the embedded models load"))
}

/// Analyses one text and stores it under `id` (a writer, as ingest is).
pub fn store_text(store: &mut Store, id: &str, published: &str, text: &str) {
    let input = Input {
        id: id.to_string(),
        bytes: text.as_bytes(),
        kind: Some(InputKind::Text),
        published: chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        ..Input::default()
    };
    let out = pipeline().analyze(&input).unwrap().to_contract();
    store.insert(&out, &format!("hash-{id}")).unwrap();
}

/// Analyses the fixtures into a database at `path`.
pub fn fill(path: &Path) {
    let mut store = Store::open(path).unwrap();
    for (id, published, text) in FIXTURES {
        store_text(&mut store, id, published, text);
    }
}

/// Starts the router with `limits` over a fresh fixture database.
pub async fn start_with(limits: server::Limits) -> TestServer {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.db");
    fill(&path);
    let db = server::Db::open(&path, &limits).unwrap();
    let app = server::router(db, &limits);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    TestServer {
        base: format!("http://{addr}"),
        db: path,
        _dir: dir,
    }
}

/// Starts the router with the default limits.
pub async fn start() -> TestServer {
    start_with(server::Limits::default()).await
}
