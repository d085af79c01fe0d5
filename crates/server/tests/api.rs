//! The JSON API over a real socket: the documented paths are the served
//! ones and each answers, bad parameters get a 4xx JSON error (never a 5xx),
//! and parameters are data, not SQL.

mod common;

use reqwest::StatusCode;
use serde_json::Value;
use std::collections::BTreeSet;

async fn get(server: &common::TestServer, path: &str) -> (StatusCode, Value) {
    let response = reqwest::get(server.url(path)).await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    let json = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{path}: body is not JSON ({e}): {text}"));
    (status, json)
}

/// A request path for a documented path template, with its examples filled in.
fn example_path(template: &str, operation: &Value) -> String {
    let mut path = template.to_string();
    let mut query = Vec::new();
    for p in operation["parameters"].as_array().unwrap() {
        let name = p["name"].as_str().unwrap();
        let Some(example) = p.get("example") else {
            continue;
        };
        let value = match example {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        match p["in"].as_str().unwrap() {
            "path" => path = path.replace(&format!("{{{name}}}"), &value),
            _ => query.push(format!("{name}={value}")),
        }
    }
    if query.is_empty() {
        path
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

#[tokio::test]
async fn every_documented_path_answers_with_its_documented_status() {
    let server = common::start().await;
    let (status, spec) = get(&server, "/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    let paths = spec["paths"].as_object().unwrap();
    // openapi.json documents exactly the API routes the router serves.
    let documented: BTreeSet<&str> = paths.keys().map(String::as_str).collect();
    let served: BTreeSet<&str> = server::api_paths().into_iter().collect();
    assert_eq!(
        documented, served,
        "openapi.json's paths (left) and the router's API routes (right) differ"
    );
    for (template, item) in paths {
        let operation = &item["get"];
        let path = example_path(template, operation);
        let (status, body) = get(&server, &path).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
        // Every required property of the documented response is present.
        let schema_ref = operation["responses"]["200"]["content"]["application/json"]["schema"]
            ["$ref"]
            .as_str()
            .unwrap();
        let name = schema_ref.rsplit('/').next().unwrap();
        let schema = &spec["components"]["schemas"][name];
        for required in schema["required"].as_array().into_iter().flatten() {
            let key = required.as_str().unwrap();
            assert!(body.get(key).is_some(), "{path}: no {key:?} in {body}");
        }
    }
}

#[tokio::test]
async fn documents_come_back_in_the_contract_with_code_point_offsets() {
    let server = common::start().await;
    let (status, doc) = get(&server, "/api/documents/fisheries").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["schema"], "newsgraph/1");
    let text: Vec<char> = doc["document"]["text"].as_str().unwrap().chars().collect();
    let quotes = doc["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty(), "{doc}");
    for q in quotes {
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..e].iter().collect::<String>(),
            q["text"].as_str().unwrap()
        );
    }
}

#[tokio::test]
async fn numeric_parameters_are_read_from_the_query_string() {
    let server = common::start().await;
    for path in [
        "/api/search?q=talks&limit=1&offset=0",
        "/api/quotes?limit=2&offset=1",
        "/api/events?limit=3&offset=0&from=2025-01-01&to=2025-12-31",
        "/api/events?from=2025-12-31&to=2025-01-01",
        "/api/graph?limit=5",
        "/api/actors?limit=1",
        "/api/timeline/Solberg?limit=1",
    ] {
        let (status, body) = get(&server, path).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
    }
    let (_, actors) = get(&server, "/api/actors?limit=1").await;
    assert_eq!(actors["actors"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn queries_find_what_the_fixtures_say() {
    let server = common::start().await;
    let (_, search) = get(&server, "/api/search?q=mackerel").await;
    let results = search["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{search}");
    assert_eq!(results[0]["document"]["id"], "fisheries");
    let (_, stats) = get(&server, "/api/stats").await;
    assert_eq!(stats["documents"], 2);
    let (_, actors) = get(&server, "/api/actors").await;
    assert!(!actors["actors"].as_array().unwrap().is_empty(), "{actors}");
    let (_, graph) = get(&server, "/api/graph").await;
    assert!(graph["nodes"].is_array() && graph["edges"].is_array());
}

#[tokio::test]
async fn malformed_parameters_are_client_errors_with_a_json_reason() {
    let server = common::start().await;
    for path in [
        "/api/search",
        "/api/search?q=",
        "/api/search?q=x&limit=abc",
        "/api/search?q=x&limit=0",
        "/api/search?q=x&limit=100000",
        "/api/search?q=x&offset=-1",
        "/api/quotes?limit=1e9",
        "/api/events?from=2025-13-01",
        "/api/events?from=yesterday",
        "/api/events?code=04x",
        "/api/events?from=%202025-03-01",
        "/api/graph?limit=0",
        "/api/graph?to=31/12/2025",
        "/api/timeline/JPN?limit=-5",
        "/api/actors?limit=%00",
    ] {
        let (status, body) = get(&server, path).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}: {body}");
        assert!(
            body["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{path}: {body}"
        );
    }
    let long = format!("/api/search?q={}", "a".repeat(17_000));
    let (status, _) = get(&server, &long).await;
    assert_eq!(status, StatusCode::URI_TOO_LONG);
    let too_long_word = format!("/api/search?q={}", "a".repeat(201));
    let (status, _) = get(&server, &too_long_word).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    for path in [
        "/api/documents/no-such-doc",
        "/api/timeline/no-such-actor",
        "/api/nothing-here",
    ] {
        let (status, body) = get(&server, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {body}");
    }
}

#[tokio::test]
async fn parameters_never_act_as_sql() {
    let server = common::start().await;
    for path in [
        "/api/search?q=%27%3B%20DROP%20TABLE%20documents%3B%20--",
        "/api/search?q=%22%20OR%20text%3A*%20NEAR(",
        "/api/quotes?speaker=x%27%20OR%20%271%27%3D%271",
        "/api/events?actor=%25&place=%27)%20OR%201%3D1%20--",
        "/api/actors?q=%27%20OR%201%3D1%20--",
        "/api/documents/%27%20OR%20%271%27%3D%271",
    ] {
        let response = reqwest::get(server.url(path)).await.unwrap();
        assert!(
            response.status().is_success() || response.status() == StatusCode::NOT_FOUND,
            "{path}: {}",
            response.status()
        );
    }
    let (_, quotes) = get(&server, "/api/quotes?speaker=x%27%20OR%20%271%27%3D%271").await;
    assert_eq!(quotes["quotes"].as_array().unwrap().len(), 0);
    let (_, stats) = get(&server, "/api/stats").await;
    assert_eq!(stats["documents"], 2);
}

#[tokio::test]
async fn raw_malformed_requests_never_get_a_server_error() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = common::start().await;
    let addr = server.base.trim_start_matches("http://").to_string();
    for request in [
        "GET /api/documents/%FF%FE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "POST /api/search?q=x HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\nConnection: close\r\n\r\nabc",
        "BREW /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GARBAGE\r\n\r\n",
    ] {
        let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut reply = Vec::new();
        let _ = stream.read_to_end(&mut reply).await;
        let reply = String::from_utf8_lossy(&reply);
        let status: u16 = reply
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(400);
        assert!((400..500).contains(&status), "{request:?} → {reply}");
    }
    // Invalid UTF-8 in a query value is decoded lossily: an answer, not an error.
    let (status, _) = get(&server, "/api/search?q=%E0%80").await;
    assert!(status.is_success(), "{status}");
    // Still serving.
    let (status, _) = get(&server, "/api/stats").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn readers_see_what_a_concurrent_writer_commits() {
    let server = common::start().await;
    // Warm the read-only connection pool first.
    let (_, before) = get(&server, "/api/stats").await;
    assert_eq!(before["documents"], 2);
    let path = server.db.clone();
    // A writer holding its own connection, as `newsgraph ingest` would.
    let writer = tokio::task::spawn_blocking(move || {
        let mut store = store::Store::open(&path).unwrap();
        common::store_text(
            &mut store,
            "late-news",
            "2025-07-01",
            "Late news\n\nCanada and Mexico agreed on Friday to expand rail links, officials said.\n",
        );
        store
    });
    // Readers keep being served while the writer works.
    for _ in 0..5 {
        let (status, _) = get(&server, "/api/search?q=mackerel").await;
        assert_eq!(status, StatusCode::OK);
    }
    let _store = writer.await.unwrap();
    let (_, after) = get(&server, "/api/stats").await;
    assert_eq!(after["documents"], 3);
    let (status, doc) = get(&server, "/api/documents/late-news").await;
    assert_eq!(status, StatusCode::OK, "{doc}");
}

#[tokio::test]
async fn many_concurrent_requests_all_succeed() {
    let server = std::sync::Arc::new(common::start().await);
    let mut tasks = Vec::new();
    for i in 0..64 {
        let server = std::sync::Arc::clone(&server);
        tasks.push(tokio::spawn(async move {
            let path = [
                "/api/stats",
                "/api/search?q=talks",
                "/api/graph",
                "/documents/fisheries",
            ][i % 4];
            reqwest::get(server.url(path)).await.unwrap().status()
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), StatusCode::OK);
    }
}

#[tokio::test]
async fn a_query_past_its_time_limit_is_interrupted_and_answered_503() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    common::fill(&path);
    let limits = server::Limits {
        query_timeout: std::time::Duration::from_millis(50),
        ..server::Limits::default()
    };
    let db = server::Db::open(&path, &limits).unwrap();
    let (seen_tx, seen_rx) = std::sync::mpsc::channel();
    // A request that would query for 30 s: it must be stopped by SQLite's
    // interrupt long before that.
    let result = db
        .run(move |store| {
            let start = std::time::Instant::now();
            while start.elapsed() < std::time::Duration::from_secs(30) {
                if let Err(e) = store.search("mackerel", 10, 0) {
                    let _ = seen_tx.send(e.to_string());
                    return Ok(());
                }
            }
            let _ = seen_tx.send("never interrupted".to_string());
            Ok(())
        })
        .await;
    let err = result.unwrap_err();
    assert_eq!(err.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(err.public_message().contains("took longer"));
    let seen = seen_rx.recv().unwrap();
    assert!(seen.contains("interrupt"), "{seen}");
    // The connection went back to the pool in working order.
    let stats = db.run(|store| Ok(store.stats()?)).await.unwrap();
    assert_eq!(stats.documents, 2);
}
