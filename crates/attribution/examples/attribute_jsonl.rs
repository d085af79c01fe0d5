//! Runs only the attribution stage over JSON Lines `{"id"|"doc_id", "text"}`
//! from standard input and prints `newsgraph/1`-shaped lines, for quick
//! iteration on the rules (`scripts/eval/quotes.sh` measures the real binary).
//! Only this stage runs (no `nlp`), so rule changes can be measured without
//! rebuilding the rest of the workspace.
//!
//! Usage: `attribute_jsonl [SPLIT] [EXTRA_CUES]` — only documents whose
//! `split` is SPLIT; EXTRA_CUES is a file of `word class` lines (class
//! `speech`, `tell` or `participle`) added to the cue lexicon, or `remove`
//! to drop a listed word, for measuring candidate cue words before they are
//! listed (or unlisted).

use attribution::lexicon::{CueClass, Lexicon};
use model::{Analysis, Article, Document};
use std::io::{BufRead, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let split = args.next().filter(|s| !s.is_empty());
    let mut lexicon = Lexicon::new();
    if let Some(path) = args.next() {
        let list = std::fs::read_to_string(path)?;
        let removed = list.lines().filter_map(|line| {
            let mut parts = line.split_whitespace();
            let word = parts.next()?;
            (parts.next() == Some("remove")).then_some(word)
        });
        lexicon = lexicon.without_cues(removed);
        let extra = list
            .lines()
            .filter(|line| !line.ends_with(" remove"))
            .filter_map(|line| {
                let mut parts = line.split_whitespace();
                let word = parts.next()?.to_lowercase();
                let class = match parts.next().unwrap_or("speech") {
                    "tell" => CueClass::Tell,
                    "participle" => CueClass::Participle,
                    _ => CueClass::Speech,
                };
                Some((word, class))
            })
            .collect::<Vec<_>>();
        lexicon = lexicon.with_extra_cues(extra);
    }
    let attributor = attribution::Attributor::with_lexicon(lexicon);
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
