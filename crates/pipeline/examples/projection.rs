//! How well does the budget project a long document's analysis? Analyses
//! each text of a JSON Lines file (`{"id", "kind", "text"}`) to its end under
//! an observing budget ([`model::Budget::observed`]), which records every
//! projection the budget would have made without refusing, and prints one
//! JSON line per document:
//!
//! - `actual`: the analysis's time (sample included, as in a real run);
//! - per projection source (`sample`, `tagging`, `quotes`, `events`): how
//!   many projections, the first, median and largest estimate as a
//!   multiple of `actual`, and the rest-of-analysis factor that would have
//!   made each projection exact (`factor_median`, `factor_p10`, `factor_p90`)
//!   beside the one it was made with (`factor_used`: the sample's own for
//!   the tagging of a sampled text);
//! - per limit (`LIMITS`, seconds) and margin: whether the document would
//!   have been refused early, and whether it would have finished;
//! - per source, limit and rest-of-analysis factor (`FACTORS`): the largest
//!   estimate the source would have made with that factor before the limit
//!   (`largest`), so that other factors can be weighed without a new run.
//!
//! With `CLOCK=cpu` the budget's clock is the thread's CPU time, not the
//! wall clock: what the projection would see on an idle machine, without
//! the other processes of a loaded one changing its pace part-way.
//!
//! Used by `scripts/eval/projection.sh`:
//!   cargo run --release -p newsgraph-pipeline --example projection -- FILE
use std::io::{BufRead, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use model::{Budget, Document, Projection, Step};
use serde_json::{json, Value};

/// The limits (seconds) and margins the refusals are worked out for.
const LIMITS: [f64; 5] = [2.0, 5.0, 10.0, 20.0, 40.0];
const MARGINS: [f64; 3] = [1.0, 1.25, 1.5];

/// The rest-of-analysis factors `largest` is worked out for.
const FACTORS: [f64; 24] = [
    0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0, 3.5, 4.0, 5.0, 6.0,
    7.0, 8.0, 10.0, 12.0, 16.0, 20.0,
];

/// The least sample a step is projected from (as `model::budget`'s
/// `MIN_SAMPLE`); a limit `L` samples for at least `L / 100` too.
const MIN_SAMPLE: Duration = Duration::from_millis(50);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: projection FILE")?;
    let pipeline = pipeline::Pipeline::embedded()?;
    // A short document first, so that the models are warm, as in a batch.
    pipeline.analyze_document(document(
        "warm",
        "Officials in Lund said the talks would go on.",
    ));
    let out = std::io::stdout();
    let mut out = out.lock();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let record: Value = serde_json::from_str(&line?)?;
        let id = record["id"].as_str().unwrap_or_default().to_string();
        let kind = record["kind"].as_str().unwrap_or_default().to_string();
        let text = record["text"].as_str().unwrap_or_default();
        let bytes = text.len();
        let seen: Arc<Mutex<Vec<Projection>>> = Arc::default();
        let sink = Arc::clone(&seen);
        let cpu = std::env::var("CLOCK").is_ok_and(|c| c == "cpu");
        let started = Instant::now();
        let cpu_started = thread_cpu();
        let clock = move || {
            if cpu {
                thread_cpu().saturating_sub(cpu_started)
            } else {
                started.elapsed()
            }
        };
        // A 1 s limit, so that steps are projected after the least sample
        // (50 ms); longer limits are worked out by leaving out projections
        // from shorter samples.
        let budget = Budget::observed(Duration::from_secs(1), clock, move |p| {
            sink.lock().unwrap_or_else(|e| e.into_inner()).push(*p)
        });
        let analysis = pipeline.analyze_document_within(document(&id, text), &budget);
        let actual = clock().as_secs_f64();
        drop(analysis);
        let mut seen = std::mem::take(&mut *seen.lock().unwrap_or_else(|e| e.into_inner()));
        // The steps' projections while the sample of the text ran project
        // the sample, not the document (never past a limit: it is short).
        if let Some(sample) = seen.iter().find(|p| p.step.is_none()).map(|p| p.at) {
            seen.retain(|p| p.step.is_none() || p.at > sample);
        }
        let eligible = |p: &Projection, limit: f64| {
            p.at.as_secs_f64() < limit
                && (p.step.is_none() || p.sampled >= MIN_SAMPLE.max(secs(limit / 100.0)))
        };
        let mut sources = serde_json::Map::new();
        for (name, step) in [
            ("sample", None),
            ("tagging", Some(Step::Tagging)),
            ("quotes", Some(Step::Quotes)),
            ("events", Some(Step::Events)),
        ] {
            let of: Vec<&Projection> = seen.iter().filter(|p| p.step == step).collect();
            if of.is_empty() {
                continue;
            }
            // As a multiple of the actual time (none for a step that is
            // not projected).
            let mut ratios: Vec<f64> = of
                .iter()
                .filter_map(|p| p.estimate())
                .map(|e| e.as_secs_f64() / actual)
                .collect();
            let first = ratios.first().copied();
            ratios.sort_by(f64::total_cmp);
            // The factor that would have made the projection exact.
            let mut exact: Vec<f64> = of
                .iter()
                .map(|p| {
                    1.0 + (actual - p.at.as_secs_f64() - p.rest.as_secs_f64())
                        / p.whole.as_secs_f64().max(1e-9)
                })
                .collect();
            exact.sort_by(f64::total_cmp);
            let largest: Vec<Vec<Option<f64>>> = LIMITS
                .iter()
                .map(|&limit| {
                    FACTORS
                        .iter()
                        .map(|&f| {
                            of.iter()
                                .filter(|p| eligible(p, limit))
                                .map(|p| p.estimate_with(f).as_secs_f64())
                                .reduce(f64::max)
                        })
                        .collect()
                })
                .collect();
            sources.insert(
                name.into(),
                json!({
                    "n": of.len(),
                    "at": of[0].at.as_secs_f64(),
                    "first": first,
                    "median": quantile(&ratios, 0.5),
                    "max": quantile(&ratios, 1.0),
                    "factor_p10": quantile(&exact, 0.1),
                    "factor_median": quantile(&exact, 0.5),
                    "factor_p90": quantile(&exact, 0.9),
                    // The factor it was projected with (the document's own
                    // when its sample measured one).
                    "factor_used": of[0].factor,
                    "largest": largest,
                }),
            );
        }
        let mut limits = Vec::new();
        for limit in LIMITS {
            for margin in MARGINS {
                let refused_at = seen
                    .iter()
                    .filter(|p| eligible(p, limit))
                    .find(|p| {
                        p.estimate()
                            .is_some_and(|e| e.as_secs_f64() > limit * margin)
                    })
                    .map(|p| p.at.as_secs_f64());
                limits.push(json!({
                    "limit": limit,
                    "margin": margin,
                    "finishes": actual < limit,
                    "refused_at": refused_at,
                }));
            }
        }
        writeln!(
            out,
            "{}",
            json!({"id": id, "kind": kind, "bytes": bytes, "actual": actual,
                   "sources": sources, "limits": limits,
                   "grid": {"limits": LIMITS, "factors": FACTORS}})
        )?;
        out.flush()?;
    }
    Ok(())
}

/// The CPU time of this thread.
fn thread_cpu() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// The `q` quantile of sorted `values` (nearest rank), if any.
fn quantile(values: &[f64], q: f64) -> Option<f64> {
    let last = values.len().checked_sub(1)?;
    values.get((last as f64 * q).round() as usize).copied()
}

fn secs(s: f64) -> Duration {
    Duration::from_secs_f64(s)
}

fn document(id: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        article: model::Article {
            text: text.into(),
            ..model::Article::default()
        },
    }
}
