//! Readable terminal output of analyses.

use model::contract::Output;

/// Prints what one analysis found: title, entities, quotes, events, flags.
pub fn print_summary(out: &Output) {
    let doc = &out.document;
    println!(
        "{}  {}",
        doc.id,
        doc.article.title.as_deref().unwrap_or("(untitled)")
    );
    if let Some(p) = doc.article.published {
        println!("published {p}");
    }
    if !out.entities.is_empty() {
        println!("\nentities");
        for e in &out.entities {
            println!(
                "  {:<7} {:<32} {:<8} {} mention(s)",
                e.kind,
                e.name,
                e.actor.as_deref().unwrap_or(""),
                e.mentions.len()
            );
        }
    }
    if !out.quotes.is_empty() {
        println!("\nquotes");
        for q in &out.quotes {
            let speaker = q.speaker.as_ref().map(|s| s.name.as_str()).unwrap_or("?");
            let via: Vec<&str> = q.via.iter().map(|v| v.name.as_str()).collect();
            let via = if via.is_empty() {
                String::new()
            } else {
                format!(" (via {})", via.join(", "))
            };
            println!(
                "  {speaker} [{} {}]{via}: {}",
                q.kind,
                q.cue.as_deref().unwrap_or(""),
                ellipsize(&q.text, 100)
            );
        }
    }
    if !out.events.is_empty() {
        println!("\nevents");
        for e in &out.events {
            let name = |r: &Option<model::contract::OutReference>| {
                r.as_ref()
                    .map(|r| r.actor.clone().unwrap_or_else(|| r.name.clone()))
                    .unwrap_or_else(|| "-".into())
            };
            println!(
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
            );
        }
    }
    for f in &out.flags {
        println!("\nflag {}: {}", f.kind, f.message);
    }
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
