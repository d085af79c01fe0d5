//! The web UI over a real socket: every page renders, article text is
//! always escaped, and pages carry a strict Content-Security-Policy.

mod common;

use reqwest::StatusCode;

async fn page(server: &common::TestServer, path: &str) -> (StatusCode, String) {
    let response = reqwest::get(server.url(path)).await.unwrap();
    let status = response.status();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let csp = response
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert!(kind.starts_with("text/html"), "{path}: content-type {kind}");
    assert!(csp.contains("script-src 'self'"), "{path}: CSP {csp:?}");
    (status, response.text().await.unwrap())
}

#[tokio::test]
async fn every_page_renders() {
    let server = common::start().await;
    for path in [
        "/",
        "/documents/fisheries",
        "/search?q=talks",
        "/search",
        "/quotes",
        "/quotes?speaker=Magnusson",
        "/events",
        "/events?code=0",
        "/actors",
        "/graph",
        "/graph?from=2025-01-01&to=2025-12-31",
    ] {
        let (status, html) = page(&server, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(html.starts_with("<!doctype html>"), "{path}");
        assert!(html.contains("</html>"), "{path}");
    }
}

#[tokio::test]
async fn article_highlights_quotes_with_speakers_on_code_points() {
    let server = common::start().await;
    let (_, html) = page(&server, "/documents/fisheries").await;
    assert!(html.contains("class=\"hl "), "no highlights");
    assert!(
        html.contains("hl quote") || html.contains(" quote "),
        "no quote highlight"
    );
    // The emoji (one code point, two UTF-16 units) does not shift later
    // highlights: the quote's highlighted text ends exactly at the quote.
    assert!(html.contains("Solberg"), "speaker not shown");
    assert!(html.contains("🐟"));
}

#[tokio::test]
async fn hostile_article_text_is_escaped_everywhere() {
    let server = common::start().await;
    for path in [
        "/documents/hostile",
        "/search?q=press+release",
        "/quotes?q=run",
        "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/quotes?speaker=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    ] {
        let (status, html) = page(&server, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(
            html.matches("<script").count(),
            1,
            "{path}: only the page's own script tag may appear"
        );
        assert!(!html.contains("<img"), "{path}: raw img tag");
        assert!(!html.contains("<b>here"), "{path}: raw b tag");
    }
    let (_, html) = page(&server, "/documents/hostile").await;
    assert!(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=&quot;"));
}

#[tokio::test]
async fn home_page_links_the_latest_articles() {
    let server = common::start().await;
    let (_, html) = page(&server, "/").await;
    // Newest first: the hostile fixture (June) before the fisheries one (March).
    let hostile = html.find("/documents/hostile").expect("hostile listed");
    let fisheries = html.find("/documents/fisheries").expect("fisheries listed");
    assert!(hostile < fisheries);
}

#[tokio::test]
async fn unknown_things_get_html_error_pages() {
    let server = common::start().await;
    let (status, html) = page(&server, "/documents/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("no document"));
    let (status, _) = page(&server, "/graph?from=garbage").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = page(&server, "/actors/nobody-at-all").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// A denial linked to its claim is kept by the store with both spans and
/// shown on the article page (claim and denial text) and by the API.
#[tokio::test]
async fn contradiction_flags_are_stored_and_shown() {
    let server = common::start().await;
    let text = "Officials in Washington said Russia had asked China for drones and other military equipment. A spokesman for the Chinese embassy, Wen Bo, said he had never heard anything like that.";
    let mut store = store::Store::open(&server.db).unwrap();
    common::store_text(&mut store, "denial", "2025-03-14", text);
    drop(store);
    let (status, html) = page(&server, "/documents/denial").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<b>contradiction</b>"), "{html}");
    assert!(
        html.contains("claim: <q>Russia had asked China for drones"),
        "{html}"
    );
    assert!(
        html.contains("never heard anything like that</q>"),
        "{html}"
    );
    let json: serde_json::Value = reqwest::get(server.url("/api/documents/denial"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let flags = json["flags"].as_array().expect("flags in the API document");
    let flag = flags
        .iter()
        .find(|f| f["kind"] == "contradiction")
        .expect("a contradiction flag");
    let spans = flag["spans"].as_array().unwrap();
    assert_eq!(spans.len(), 2);
    let start = spans[1]["start"].as_u64().unwrap() as usize;
    let end = spans[1]["end"].as_u64().unwrap() as usize;
    let denial: String = text.chars().skip(start).take(end - start).collect();
    assert!(
        denial.contains("never heard anything like that"),
        "{denial}"
    );
}
