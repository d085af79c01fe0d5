//! Development helper: extracts every `.html` file of a directory and prints
//! `{"id", "text", "title", "published", …}` lines, with the time spent in
//! `extract` (files read beforehand) on standard error.
//!
//!     cargo run --release -p newsgraph-extract --example extract_dir -- DIR

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: extract_dir DIR")?;
    let mut pages = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    paths.sort();
    for p in paths {
        let id = p
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        pages.push((id, std::fs::read(&p)?));
    }
    let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    // EXTRACT_REPEAT=N extracts everything N times (for profiling).
    let repeat: usize = std::env::var("EXTRACT_REPEAT")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    for _ in 1..repeat {
        for (_, b) in &pages {
            let _ = extract::extract(b, &extract::Options::default());
        }
    }
    let start = Instant::now();
    let articles: Vec<_> = pages
        .iter()
        .map(|(_, b)| extract::extract(b, &extract::Options::default()))
        .collect();
    let secs = start.elapsed().as_secs_f64();
    for ((id, _), a) in pages.iter().zip(articles) {
        let a = a.unwrap_or_default();
        println!(
            "{}",
            serde_json::json!({"id": id, "text": a.text, "title": a.title, "published": a.published,
                "byline": a.byline, "site": a.site, "url": a.url, "language": a.language})
        );
    }
    eprintln!(
        "{} docs in {secs:.3}s: {:.1} docs/s, {:.1} MB/s",
        pages.len(),
        pages.len() as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    Ok(())
}
