//! Stores analysed documents (`newsgraph analyze` output, one newsgraph/1
//! JSON per file, or JSON Lines) in one batch, for profiling the writer
//! alone: `cargo run --release -p newsgraph-store --example insert_json --
//! DB FILE...` (under `valgrind --tool=callgrind
//! --toggle-collect='store::batch::*insert_batch*'` to count only storing).
//! The content hash is the FNV-1a of the text and the fingerprint its
//! length, which is enough to tell distinct test documents apart.

use model::contract::Output;
use store::{InsertMeta, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let db = args.next().ok_or("usage: insert_json DB FILE...")?;
    let mut outputs: Vec<Output> = Vec::new();
    for file in args {
        let text = std::fs::read_to_string(&file)?;
        if text.trim_start().starts_with('{')
            && text.lines().count() > 1
            && !file.ends_with(".jsonl")
        {
            outputs.push(serde_json::from_str(&text)?);
        } else {
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                outputs.push(serde_json::from_str(line)?);
            }
        }
    }
    let metas: Vec<InsertMeta> = outputs
        .iter()
        .map(|o| {
            let text = &o.document.article.text;
            let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
            });
            InsertMeta {
                content_hash: format!("{hash:016x}"),
                fingerprint: Some(hash ^ (text.len() as u64)),
            }
        })
        .collect();
    let mut store = Store::open(std::path::Path::new(&db))?;
    let batch: Vec<(&Output, &InsertMeta)> = outputs.iter().zip(&metas).collect();
    for chunk in batch.chunks(256) {
        for r in store.insert_batch(chunk)? {
            r?;
        }
    }
    eprintln!("stored {} documents", batch.len());
    Ok(())
}
