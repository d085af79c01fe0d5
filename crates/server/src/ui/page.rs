//! The page shell every UI page shares: head, navigation, footer, and the
//! response headers that keep pages inert (a strict Content-Security-Policy
//! on top of escaping).

use super::escape::escape;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// Which navigation tab a page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Home page.
    Home,
    /// Search results and articles.
    Search,
    /// Quotes by speaker.
    Quotes,
    /// Actor list and timelines.
    Actors,
    /// The actor network.
    Network,
    /// Claims and their denials across stories.
    Contradictions,
}

/// A rendered HTML page with its status code.
pub struct Html {
    status: StatusCode,
    body: String,
}

/// Wraps `content` (already escaped HTML) in the page shell. `title` is text.
pub fn page(section: Section, title: &str, content: &str) -> Html {
    page_with_status(StatusCode::OK, section, title, content)
}

/// Like [`page`] with a status other than 200.
pub fn page_with_status(status: StatusCode, section: Section, title: &str, content: &str) -> Html {
    let nav = [
        (Section::Search, "/search", "Search"),
        (Section::Quotes, "/quotes", "Quotes"),
        (Section::Actors, "/actors", "Actors"),
        (Section::Network, "/graph", "Network"),
        (Section::Contradictions, "/contradictions", "Denials"),
    ];
    let mut links = String::new();
    for (s, href, label) in nav {
        let current = if s == section {
            " class=\"current\""
        } else {
            ""
        };
        links.push_str(&format!("<a href=\"{href}\"{current}>{label}</a>"));
    }
    let body = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · newsgraph</title>\
         <link rel=\"stylesheet\" href=\"/assets/style.css\"></head><body>\
         <header class=\"top\"><a class=\"brand\" href=\"/\">news<span>graph</span></a>\
         <nav>{links}</nav>\
         <form action=\"/search\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" placeholder=\"Search articles…\" aria-label=\"Search articles\"></form>\
         </header><main>{content}</main>\
         <div id=\"popover\" hidden></div>\
         <script src=\"/assets/app.js\"></script></body></html>",
        title = escape(title),
    );
    Html { status, body }
}

/// The error page for a failed UI request.
pub fn error_page(status: StatusCode, message: &str) -> Html {
    let content = format!(
        "<h1>{}</h1><div class=\"error-box\">{}</div>",
        status.canonical_reason().unwrap_or("Error"),
        escape(message)
    );
    page_with_status(status, Section::Home, "Error", &content)
}

/// Security headers for every response: no inline script or style, no
/// framing, no sniffing, no referrer leaking the queries.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; \
    frame-ancestors 'none'";

impl IntoResponse for Html {
    fn into_response(self) -> Response {
        let mut response = (self.status, self.body).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        response
    }
}
