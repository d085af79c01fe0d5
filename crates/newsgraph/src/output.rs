//! Readable terminal output of analyses, and what a closed pipe means.

use model::contract::Output;
use std::io::ErrorKind;

/// `println!` that returns the write's `io::Result` instead of panicking,
/// so that a reader closing the pipe early (`newsgraph … | head`) ends the
/// command quietly (see [`is_broken_pipe`]).
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

/// Whether `err` comes from writing to a pipe whose reader has gone: not
/// an error for a command-line tool (`rg` and `cat` exit quietly too).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let kind = if let Some(e) = cause.downcast_ref::<std::io::Error>() {
            Some(e.kind())
        } else if let Some(e) = cause.downcast_ref::<serde_json::Error>() {
            e.io_error_kind()
        } else {
            match cause.downcast_ref::<store::StoreError>() {
                Some(store::StoreError::Io(e)) => Some(e.kind()),
                Some(store::StoreError::Json(e)) => e.io_error_kind(),
                _ => None,
            }
        };
        kind == Some(ErrorKind::BrokenPipe)
    })
}

/// Prints what one analysis found: title, entities, quotes, events, flags.
pub fn print_summary(out: &Output) -> std::io::Result<()> {
    let doc = &out.document;
    outln!(
        "{}  {}",
        doc.id,
        doc.article.title.as_deref().unwrap_or("(untitled)")
    )?;
    if let Some(p) = doc.article.published {
        outln!("published {p}")?;
    }
    if !out.entities.is_empty() {
        outln!("\nentities")?;
        for e in &out.entities {
            outln!(
                "  {:<7} {:<32} {:<8} {} mention(s)",
                e.kind,
                e.name,
                e.actor.as_deref().unwrap_or(""),
                e.mentions.len()
            )?;
        }
    }
    if !out.quotes.is_empty() {
        outln!("\nquotes")?;
        for q in &out.quotes {
            let speaker = q.speaker.as_ref().map(|s| s.name.as_str()).unwrap_or("?");
            let via: Vec<&str> = q.via.iter().map(|v| v.name.as_str()).collect();
            let via = if via.is_empty() {
                String::new()
            } else {
                format!(" (via {})", via.join(", "))
            };
            outln!(
                "  {speaker} [{} {}]{via}: {}",
                q.kind,
                q.cue.as_deref().unwrap_or(""),
                ellipsize(&q.text, 100)
            )?;
        }
    }
    if !out.events.is_empty() {
        outln!("\nevents")?;
        for e in &out.events {
            let name = |r: &Option<model::contract::OutReference>| {
                r.as_ref()
                    .map(|r| r.actor.clone().unwrap_or_else(|| r.name.clone()))
                    .unwrap_or_else(|| "-".into())
            };
            outln!(
                "  {} → {}  {} ({:+.1}) {}{}{}",
                name(&e.source),
                name(&e.target),
                e.cameo,
                e.goldstein,
                e.modality,
                e.date.map(|d| format!(" {d}")).unwrap_or_default(),
                e.place
                    .as_ref()
                    .map(|p| format!(" in {}", p.name))
                    .unwrap_or_default()
            )?;
        }
    }
    for f in &out.flags {
        outln!("\nflag {}: {}", f.kind, f.message)?;
    }
    Ok(())
}

/// `s` cut to at most `max` characters, with an ellipsis when cut.
pub fn ellipsize(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}
