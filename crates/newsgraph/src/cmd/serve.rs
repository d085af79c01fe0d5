//! `newsgraph serve`: the HTTP API and web UI over the database.

use super::DbArgs;
use anyhow::{Context, Result};
use std::net::{SocketAddr, ToSocketAddrs};
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
    /// Address to listen on: IP:PORT or HOST:PORT (localhost:8080); port 0
    /// picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT", value_parser = parse_addr)]
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
    let path = args.db.existing_path()?;
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
    // The server's errors already name their cause; `{:#}` would repeat it.
    runtime
        .block_on(server::serve(config, shutdown_signal()))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// Parses `--addr`: an IP address, or a host name resolved now (IPv4
/// preferred, as `localhost` usually means 127.0.0.1 to a browser).
fn parse_addr(s: &str) -> Result<SocketAddr, String> {
    if let Ok(addr) = s.parse() {
        return Ok(addr);
    }
    if s.rsplit_once(':')
        .is_none_or(|(_, port)| port.parse::<u16>().is_err())
    {
        return Err(format!(
            "{s:?} is not HOST:PORT, e.g. 127.0.0.1:8080 or localhost:8080"
        ));
    }
    let addrs: Vec<SocketAddr> = s
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve {s:?}: {e}"))?
        .collect();
    addrs
        .iter()
        .find(|a| a.is_ipv4())
        .or(addrs.first())
        .copied()
        .ok_or_else(|| format!("{s:?} resolves to no address"))
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
