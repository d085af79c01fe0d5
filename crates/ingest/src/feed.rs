//! RSS and Atom feeds (via `feed-rs`): the links of their items, which the
//! ingest then fetches as pages.

use chrono::NaiveDate;

/// One feed item worth fetching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    /// The item's link (its page).
    pub link: String,
    /// The item's publication (or update) date.
    pub published: Option<NaiveDate>,
}

/// Why a feed could not be read.
#[derive(Debug, thiserror::Error)]
#[error("not a valid RSS or Atom feed: {0}")]
pub struct FeedError(#[source] feed_rs::parser::ParseFeedError);

/// The items of a feed that link to a page, in feed order, each link once.
/// Relative links are resolved against `base` (the feed's URL), else dropped.
pub fn parse_feed(bytes: &[u8], base: Option<&str>) -> Result<Vec<FeedItem>, FeedError> {
    let base = base.and_then(|b| reqwest::Url::parse(b).ok());
    let feed = feed_rs::parser::parse(bytes).map_err(FeedError)?;
    let mut seen = std::collections::HashSet::new();
    Ok(feed
        .entries
        .into_iter()
        .filter_map(|entry| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.trim())
                .and_then(|href| absolute(href, base.as_ref()))?;
            let published = entry.published.or(entry.updated).map(|d| d.date_naive());
            Some(FeedItem { link, published })
        })
        .filter(|item| seen.insert(item.link.clone()))
        .collect())
}

/// `href` as an absolute HTTP(S) URL, resolved against `base` if relative.
fn absolute(href: &str, base: Option<&reqwest::Url>) -> Option<String> {
    if crate::http::is_url(href) {
        return Some(href.to_string());
    }
    let joined = base?.join(href).ok()?;
    matches!(joined.scheme(), "http" | "https").then(|| joined.to_string())
}

/// Whether `bytes` look like an RSS, RDF or Atom document (by its root
/// element near the start), whatever the transport called it.
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let root = head
        .match_indices('<')
        .map(|(i, _)| &head[i + 1..])
        .find(|rest| !rest.starts_with('?') && !rest.starts_with('!'));
    root.is_some_and(|r| r.starts_with("rss") || r.starts_with("feed") || r.starts_with("rdf:rdf"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>http://127.0.0.1:1/one</link><pubDate>Sun, 13 Mar 2022 10:00:00 GMT</pubDate></item>
<item><title>No link</title></item>
<item><title>One again</title><link>http://127.0.0.1:1/one</link></item>
<item><title>Two</title><link>https://example.org/two</link></item>
</channel></rss>"#;

    #[test]
    fn reads_rss_item_links_once_each_with_dates() {
        let items = parse_feed(RSS.as_bytes(), None).unwrap();
        let links: Vec<&str> = items.iter().map(|i| i.link.as_str()).collect();
        assert_eq!(links, ["http://127.0.0.1:1/one", "https://example.org/two"]);
        assert_eq!(items[0].published.unwrap().to_string(), "2022-03-13");
    }

    #[test]
    fn reads_atom_links() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2022-03-14T00:00:00Z</updated>
<entry><title>E</title><id>urn:e</id><updated>2022-03-14T00:00:00Z</updated>
<link rel="alternate" href="https://example.org/e"/></entry></feed>"#;
        let items = parse_feed(atom.as_bytes(), None).unwrap();
        assert_eq!(items[0].link, "https://example.org/e");
        assert_eq!(items[0].published.unwrap().to_string(), "2022-03-14");
    }

    #[test]
    fn resolves_relative_links_against_the_feed_url() {
        let rss = r#"<rss version="2.0"><channel><title>W</title>
<item><link>/news/1</link></item><item><link>javascript:alert(1)</link></item></channel></rss>"#;
        let items = parse_feed(rss.as_bytes(), Some("http://127.0.0.1:8/feed.xml")).unwrap();
        let links: Vec<&str> = items.iter().map(|i| i.link.as_str()).collect();
        assert_eq!(links, ["http://127.0.0.1:8/news/1"]);
        assert!(parse_feed(rss.as_bytes(), None).unwrap().is_empty());
    }

    #[test]
    fn sniffs_feeds_not_pages() {
        assert!(looks_like_feed(RSS.as_bytes()));
        assert!(looks_like_feed(
            b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        ));
        assert!(!looks_like_feed(
            b"<!doctype html><html><body>rss</body></html>"
        ));
        assert!(parse_feed(b"<html>", None).is_err());
    }
}
