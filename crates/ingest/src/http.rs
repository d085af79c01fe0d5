//! Fetching pages and feeds over HTTP(S), within limits: a timeout per
//! request, a cap on redirects, a cap on the body size, and a bound on how
//! many requests run at once.

use crate::warc::charset_of;
use std::io::Read;
use std::time::Duration;

/// Why a fetch failed, in words a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    /// The client could not be built (TLS set-up).
    #[error("cannot start the HTTP client: {0}")]
    Client(#[source] reqwest::Error),
    /// The request (body included) took longer than the timeout.
    #[error("the request timed out (raise it with --http-timeout)")]
    Timeout,
    /// More redirects than [`HttpOptions::max_redirects`].
    #[error("too many redirects")]
    Redirects,
    /// No connection could be made.
    #[error("cannot connect: {}", cause(.0))]
    Connect(#[source] reqwest::Error),
    /// Any other failure of the request.
    #[error("request failed: {}", cause(.0))]
    Request(#[source] reqwest::Error),
    /// The server answered with a status other than 2xx.
    #[error("the server answered HTTP {0}")]
    Status(reqwest::StatusCode),
    /// The declared `Content-Length` is over the limit.
    #[error(
        "the body is {length} bytes, over the {limit}-byte limit (raise it with --max-http-bytes)"
    )]
    DeclaredTooLarge {
        /// The declared length.
        length: u64,
        /// The limit in force.
        limit: u64,
    },
    /// The body grew past the limit while being read.
    #[error("the body is over the {limit}-byte limit (raise it with --max-http-bytes)")]
    TooLarge {
        /// The limit in force.
        limit: u64,
    },
    /// The body could not be read to its end.
    #[error("the body could not be read: {0}")]
    Body(#[source] std::io::Error),
    /// The thread running the fetch panicked.
    #[error("the fetch thread failed")]
    Panicked,
}

/// What a reqwest error says with its causes (DNS, refused, TLS …):
/// its own message is only "error sending request for url (…)".
fn cause(e: &reqwest::Error) -> String {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let text = s.to_string();
        // hyper and the OS sometimes repeat the inner message in the outer
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = s.source();
    }
    message
}

impl From<reqwest::Error> for HttpError {
    /// Says what went wrong with a request in a user's words.
    fn from(e: reqwest::Error) -> Self {
        if e.is_timeout() {
            HttpError::Timeout
        } else if e.is_redirect() {
            HttpError::Redirects
        } else if e.is_connect() {
            HttpError::Connect(e)
        } else {
            HttpError::Request(e)
        }
    }
}

/// Limits for HTTP fetches.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    /// Whole-request timeout (connect, headers and body).
    pub timeout: Duration,
    /// Bodies larger than this many bytes are refused.
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// Requests in flight at once.
    pub max_connections: usize,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            timeout: Duration::from_secs(30),
            max_bytes: 16 * 1024 * 1024,
            max_redirects: 5,
            max_connections: 8,
        }
    }
}

/// A fetched body with what the transport said about it.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL after redirects.
    pub final_url: String,
    /// The body bytes.
    pub bytes: Vec<u8>,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// Its `charset` parameter.
    pub charset: Option<String>,
}

/// An HTTP client with the limits applied. Cheap to clone; usable from many
/// threads.
#[derive(Debug, Clone)]
pub struct HttpClient {
    client: reqwest::blocking::Client,
    options: HttpOptions,
}

impl HttpClient {
    /// Builds a client with `options`.
    pub fn new(options: HttpOptions) -> Result<Self, HttpError> {
        let client = reqwest::blocking::Client::builder()
            .timeout(options.timeout)
            .connect_timeout(options.timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::limited(options.max_redirects))
            .user_agent(concat!("newsgraph/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(HttpError::Client)?;
        Ok(HttpClient { client, options })
    }

    /// The limits in force.
    pub fn options(&self) -> &HttpOptions {
        &self.options
    }

    /// Fetches `url`; any failure (network, status, size) is an error in words.
    pub fn fetch(&self, url: &str) -> Result<Fetched, HttpError> {
        let response = self.client.get(url).send()?;
        let status = response.status();
        if !status.is_success() {
            return Err(HttpError::Status(status));
        }
        let limit = self.options.max_bytes;
        if let Some(length) = response.content_length().filter(|&l| l > limit) {
            return Err(HttpError::DeclaredTooLarge { length, limit });
        }
        let final_url = response.url().to_string();
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let mut bytes = Vec::new();
        // One byte past the limit tells "at the limit" from "over it" when
        // the server sent no length.
        response
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(HttpError::Body)?;
        if bytes.len() as u64 > limit {
            return Err(HttpError::TooLarge { limit });
        }
        let charset = content_type.as_deref().and_then(charset_of);
        Ok(Fetched {
            final_url,
            bytes,
            content_type,
            charset,
        })
    }

    /// Fetches every URL, at most `max_connections` at a time; results in
    /// the order of `urls`.
    pub fn fetch_all(&self, urls: &[String]) -> Vec<Result<Fetched, HttpError>> {
        let width = self.options.max_connections.max(1);
        let mut results = Vec::with_capacity(urls.len());
        for chunk in urls.chunks(width) {
            std::thread::scope(|scope| {
                let handles: Vec<_> = chunk
                    .iter()
                    .map(|url| scope.spawn(move || self.fetch(url)))
                    .collect();
                for handle in handles {
                    results.push(handle.join().unwrap_or_else(|_| Err(HttpError::Panicked)));
                }
            });
        }
        results
    }
}

/// Whether `s` is an HTTP(S) URL rather than a path.
pub fn is_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}
