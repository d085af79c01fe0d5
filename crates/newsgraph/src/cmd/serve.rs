//! `newsgraph serve`: the HTTP API and web UI over the database.

use super::DbArgs;
use anyhow::{Context, Result};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

/// Arguments of `newsgraph serve`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Serves the web UI at / and the JSON API under /api/ (described at\n\
    /openapi.json). The database is opened read-only, so `newsgraph ingest` can\n\
    keep writing to it meanwhile. Binds to loopback unless --addr says otherwise."
)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "IP:PORT")]
    pub addr: SocketAddr,
    /// Answer 408 to requests that take longer than this many seconds.
    #[arg(long, default_value_t = 10, value_name = "SECONDS")]
    pub request_timeout: u64,
    /// Interrupt a database query after this many milliseconds (answered 503).
    #[arg(long, default_value_t = 5000, value_name = "MS")]
    pub query_timeout_ms: u64,
    /// Requests handled at once (more wait their turn).
    #[arg(long, default_value_t = 64, value_name = "N")]
    pub max_concurrent: usize,
    /// Refuse request URLs longer than this many bytes.
    #[arg(long, default_value_t = 16 * 1024, value_name = "BYTES")]
    pub max_url: usize,
    /// Refuse request bodies larger than this many bytes.
    #[arg(long, default_value_t = 16 * 1024, value_name = "BYTES")]
    pub max_body: usize,
}

/// Runs `newsgraph serve` until Ctrl-C or SIGTERM.
pub fn run(args: Args) -> Result<ExitCode> {
    let path = args.db.path()?;
    if !path.exists() {
        anyhow::bail!(
            "no database at {} (create one with `newsgraph demo --db {0}` or `newsgraph ingest`)",
            path.display()
        );
    }
    if !args.addr.ip().is_loopback() {
        eprintln!(
            "warning: listening on {} makes the database readable from the network \
             (there is no authentication); use 127.0.0.1 to keep it local",
            args.addr
        );
    }
    let config = server::Config {
        db: path,
        addr: args.addr,
        limits: server::Limits {
            max_uri_bytes: args.max_url,
            max_body_bytes: args.max_body,
            request_timeout: Duration::from_secs(args.request_timeout.max(1)),
            max_concurrent: args.max_concurrent.max(1),
            query_timeout: Duration::from_millis(args.query_timeout_ms.max(1)),
        },
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(server::serve(config, shutdown_signal()))?;
    Ok(ExitCode::SUCCESS)
}

/// Resolves on Ctrl-C or SIGTERM, so the server drains in-flight requests.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    eprintln!("newsgraph serve: shutting down");
}
