//! Runs only the attribution stage over JSON Lines `{"id"|"doc_id", "text"}`
//! from standard input and prints `newsgraph/1`-shaped lines, for quick
//! iteration on the rules (`scripts/eval/quotes.sh` measures the real binary).
//! Only this stage runs (no `nlp`), so rule changes can be measured without
//! rebuilding the rest of the workspace.

use model::{Analysis, Article, Document};
use std::io::{BufRead, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let attributor = attribution::Attributor::new();
    let split = std::env::args().nth(1);
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        if let Some(want) = &split {
            if v["split"].as_str() != Some(want.as_str()) {
                continue;
            }
        }
        let id = v["id"]
            .as_str()
            .or(v["doc_id"].as_str())
            .unwrap_or_default();
        let text = v["text"].as_str().unwrap_or_default();
        let mut a = Analysis::new(Document {
            id: id.to_string(),
            article: Article {
                text: text.to_string(),
                ..Article::default()
            },
        });
        attributor.annotate(&mut a);
        serde_json::to_writer(&mut out, &a.to_contract())?;
        writeln!(out)?;
    }
    Ok(())
}
