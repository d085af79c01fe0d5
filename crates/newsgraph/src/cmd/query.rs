//! Commands that read the store: `show`, `stats`, `search`, `quotes`,
//! `events`, `contradictions`. Each prints an aligned table by default and JSON with `--json`;
//! the queries themselves are the store's query API (the HTTP server calls
//! the same functions).

use super::{parse_date_arg, DbArgs};
use crate::output::ellipsize;
use anyhow::{bail, Result};
use chrono::NaiveDate;
use std::process::ExitCode;
use store::{ContradictionFilter, EventFilter, EventRecord, QuoteFilter};

/// Arguments of `newsgraph show`.
#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// The document id (as `ingest --list` printed it, e.g. the file stem),
    /// or the beginning of one that no other id shares.
    pub id: String,
    /// Print the stored newsgraph/1 JSON instead of a readable summary.
    #[arg(long)]
    pub json: bool,
}

/// Runs `newsgraph show`.
pub fn show(args: ShowArgs) -> Result<ExitCode> {
    let store = args.db.open_existing()?;
    let id = resolve_id(&store, &args.id)?;
    let Some(out) = store.document(&id)? else {
        bail!("no document with id {id:?} in the database (try `newsgraph search`)");
    };
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&out)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    crate::output::print_summary(&out)?;
    if let Some(story) = store.story(&args.id)? {
        let others: Vec<&str> = story
            .documents
            .iter()
            .map(|d| d.id.as_str())
            .chain(story.exact_copies.iter().map(String::as_str))
            .filter(|other| *other != id)
            .collect();
        if !others.is_empty() {
            outln!("\nsame story: {}", others.join(", "))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The stored id `id` names: itself, else the one id it begins (as `git`
/// takes an abbreviated commit); several candidates are an error that lists
/// them.
fn resolve_id(store: &store::Store, id: &str) -> Result<String> {
    if id.is_empty() || store.document(id)?.is_some() {
        return Ok(id.to_string());
    }
    const SHOWN: usize = 10;
    let candidates = store.ids_with_prefix(id, SHOWN + 1)?;
    match candidates.as_slice() {
        [] => Ok(id.to_string()),
        [only] => Ok(only.clone()),
        many => {
            let more = if many.len() > SHOWN { "\n  …" } else { "" };
            let listed: Vec<&str> = many.iter().take(SHOWN).map(String::as_str).collect();
            bail!(
                "the id {id:?} is ambiguous; it begins:\n  {}{more}",
                listed.join("\n  ")
            )
        }
    }
}

/// Arguments of `newsgraph stats`.
#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Runs `newsgraph stats`.
pub fn stats(args: StatsArgs) -> Result<ExitCode> {
    let store = args.db.open_existing()?;
    let s = store.stats()?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&s)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows = [
        ("documents", s.documents, "stored articles"),
        (
            "stories",
            s.stories,
            "distinct articles: near-duplicate copies (syndicated wire stories) count once",
        ),
        (
            "duplicates",
            s.duplicates,
            "near-duplicate copies stored in a story + exact copies skipped under another id",
        ),
        (
            "entities",
            s.entities,
            "people, organisations and places, per document (dates excluded)",
        ),
        (
            "actors",
            s.actors,
            "distinct names across documents (one per name and kind)",
        ),
        ("quotes", s.quotes, "each story once"),
        ("events", s.events, "each story once"),
    ];
    print_table(
        &["", "count", ""],
        rows.iter()
            .map(|(name, n, note)| vec![name.to_string(), n.to_string(), note.to_string()])
            .collect(),
        &[Align::Left, Align::Right, Align::Left],
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Paging options shared by the listing commands.
#[derive(clap::Args, Debug, Clone)]
pub struct PageArgs {
    /// Show at most this many results.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Skip this many results (for the next page).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `newsgraph search`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Every word must occur (in the title or the text); a trailing * \
    makes a word a prefix (sanction*). Words quoted together (\"White House\", or one \
    argument holding several words) must occur as that phrase. Punctuation is ignored. \
    Near-duplicate copies of a story are listed once."
)]
pub struct SearchArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// The words to look for.
    #[arg(required = true, value_name = "WORDS")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub page: PageArgs,
}

/// Runs `newsgraph search`.
pub fn search(args: SearchArgs) -> Result<ExitCode> {
    let store = args.db.open_existing()?;
    let hits = store.search(
        &search_query(&args.query),
        args.page.limit,
        args.page.offset,
    )?;
    if args.page.json {
        outln!("{}", serde_json::to_string_pretty(&hits)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows = hits
        .iter()
        .map(|h| {
            vec![
                h.document.id.clone(),
                day(h.document.published),
                ellipsize(h.document.title.as_deref().unwrap_or(""), 40),
                copies(h.story_documents),
                one_line(&h.snippet_text("[", "]")),
            ]
        })
        .collect();
    print_table(
        &["id", "published", "title", "copies", "snippet"],
        rows,
        &[Align::Left; 5],
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The search words as one query: an argument holding several words
/// (`search "White House"`, the shell having eaten the quotes) is a phrase.
fn search_query(args: &[String]) -> String {
    let words: Vec<String> = args
        .iter()
        .map(|a| {
            if a.split_whitespace().nth(1).is_some() && !a.contains('"') {
                format!("\"{a}\"")
            } else {
                a.clone()
            }
        })
        .collect();
    words.join(" ")
}

/// Arguments of `newsgraph quotes`.
#[derive(clap::Args, Debug)]
#[command(after_help = "With no option, lists every quote (each story once).")]
pub struct QuotesArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Who said it: full name, surname or first name ("Sullivan" finds Jake
    /// Sullivan, "Park" finds Park Min-jun), or the name as the article writes it.
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Words that must all occur in the quote.
    #[arg(long, value_name = "TEXT")]
    pub words: Option<String>,
    #[command(flatten)]
    pub page: PageArgs,
}

/// Runs `newsgraph quotes`.
pub fn quotes(args: QuotesArgs) -> Result<ExitCode> {
    let store = args.db.open_existing()?;
    let quotes = store.quotes(&QuoteFilter {
        speaker: args.speaker,
        words: args.words,
        limit: args.page.limit,
        offset: args.page.offset,
        ..QuoteFilter::default()
    })?;
    if args.page.json {
        outln!("{}", serde_json::to_string_pretty(&quotes)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows = quotes
        .iter()
        .map(|q| {
            let via: Vec<&str> = q.via.iter().map(|v| v.name.as_str()).collect();
            vec![
                q.document.id.clone(),
                ellipsize(q.speaker.as_deref().unwrap_or("?"), 24),
                q.kind.clone(),
                ellipsize(&via.join(" ← "), 20),
                one_line(&ellipsize(&q.text, 90)),
            ]
        })
        .collect();
    print_table(
        &["document", "speaker", "kind", "via", "quote"],
        rows,
        &[Align::Left; 5],
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `newsgraph events`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Actor codes are CAMEO/GDELT codes matched by prefix (USA matches \
    USAGOV). Dates filter on the event's date, else its article's publication date. \
    Each story's event is listed once; DOCS counts the documents that report it."
)]
pub struct EventsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Source actor code prefix (who acts), e.g. USA or RUSGOV.
    #[arg(long, value_name = "CODE")]
    pub actor: Option<String>,
    /// Target actor code prefix (who is acted upon).
    #[arg(long, value_name = "CODE")]
    pub target: Option<String>,
    /// CAMEO code prefix, e.g. 13 (threaten) or 0233.
    #[arg(long, value_name = "PREFIX", value_parser = parse_cameo_prefix)]
    pub code: Option<String>,
    /// On or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub from: Option<NaiveDate>,
    /// On or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub to: Option<NaiveDate>,
    /// Place name (e.g. Rome, any case) or, in capitals, the ISO alpha-3
    /// code of its country (ITA).
    #[arg(long, value_name = "NAME")]
    pub place: Option<String>,
    /// Only facts (asserted, reported, future): no negated, conditional or
    /// hypothetical events, none of a countryless (`---`) source.
    #[arg(long)]
    pub facts: bool,
    #[command(flatten)]
    pub page: PageArgs,
}

impl EventsArgs {
    /// The store filter these options describe.
    pub fn filter(&self) -> EventFilter {
        EventFilter {
            actor: self.actor.clone(),
            target: self.target.clone(),
            code_prefix: self.code.clone(),
            date_from: self.from,
            date_to: self.to,
            place: self.place.clone(),
            facts_only: self.facts,
            limit: self.page.limit,
            offset: self.page.offset,
            ..EventFilter::default()
        }
    }
}

/// Parses `--code`: CAMEO codes are digits (a word like "threaten" would
/// silently match nothing).
fn parse_cameo_prefix(s: &str) -> Result<String, String> {
    if !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s.to_string())
    } else {
        Err("codes are digits, e.g. 13 or 138 (CAMEO: 13 threaten, 04 consult, 19 fight)".into())
    }
}

/// Runs `newsgraph events`.
pub fn events(args: EventsArgs) -> Result<ExitCode> {
    let store = args.db.open_existing()?;
    let events = store.events(&args.filter())?;
    if args.page.json {
        outln!("{}", serde_json::to_string_pretty(&events)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows = events.iter().map(event_row).collect();
    print_table(
        &[
            "date", "source", "target", "cameo", "gold", "modality", "place", "docs", "document",
        ],
        rows,
        &[
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Left,
        ],
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `newsgraph contradictions`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "A claim (an asserted or reported event in one story) is paired with a \
    denial in another story when the denier is a party to it, the denial is about the same \
    kind of event (CAMEO root) between the same two countries, and it came at most 14 days \
    later. Dates filter on the denial's day."
)]
pub struct ContradictionsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Only claims with this country (or IGO) as one side, e.g. CHN.
    #[arg(long, value_name = "CODE")]
    pub actor: Option<String>,
    /// Denied on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub from: Option<NaiveDate>,
    /// Denied on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub to: Option<NaiveDate>,
    #[command(flatten)]
    pub page: PageArgs,
}

/// Runs `newsgraph contradictions`.
pub fn contradictions(args: ContradictionsArgs) -> Result<ExitCode> {
    let store = args.db.open_existing()?;
    let found = store.contradictions(&ContradictionFilter {
        actor: args.actor,
        date_from: args.from,
        date_to: args.to,
        limit: args.page.limit,
        offset: args.page.offset,
    })?;
    if args.page.json {
        outln!("{}", serde_json::to_string_pretty(&found)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows = found
        .iter()
        .map(|c| {
            vec![
                day(c.claim.document.published),
                c.claim.document.id.clone(),
                one_line(&ellipsize(&c.claim.text, 60)),
                day(c.denial.document.published),
                c.denial.document.id.clone(),
                ellipsize(
                    &format!(
                        "{} ({})",
                        c.denial.denier.as_deref().unwrap_or("?"),
                        c.denial.denier_code
                    ),
                    28,
                ),
                one_line(&ellipsize(&c.denial.text, 60)),
            ]
        })
        .collect();
    print_table(
        &[
            "claimed", "document", "claim", "denied", "document", "denier", "denial",
        ],
        rows,
        &[Align::Left; 7],
    )?;
    Ok(ExitCode::SUCCESS)
}

fn event_row(e: &EventRecord) -> Vec<String> {
    let side = |a: &Option<store::EventActor>| match a {
        Some(a) => ellipsize(
            &match &a.code {
                Some(code) => format!("{code} ({})", a.name),
                None => a.name.clone(),
            },
            28,
        ),
        None => "-".to_string(),
    };
    vec![
        day(e.day),
        side(&e.source),
        side(&e.target),
        e.cameo.clone(),
        format!("{:+.1}", e.goldstein),
        e.modality.clone(),
        e.place.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
        e.documents.to_string(),
        e.document.id.clone(),
    ]
}

fn day(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "-".into())
}

fn copies(story_documents: u64) -> String {
    if story_documents > 1 {
        format!("+{}", story_documents - 1)
    } else {
        String::new()
    }
}

/// Text on one table line: line breaks and tabs as spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How a table column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// Prints rows under headers, columns padded to their widest cell
/// (in characters); a message instead when there are no rows.
pub fn print_table(
    headers: &[&str],
    rows: Vec<Vec<String>>,
    align: &[Align],
) -> std::io::Result<()> {
    if rows.is_empty() {
        return outln!("(nothing found)");
    }
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let last = cells.len().saturating_sub(1);
        let padded: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let pad = widths[i].saturating_sub(cell.chars().count());
                match align.get(i) {
                    Some(Align::Right) => format!("{}{cell}", " ".repeat(pad)),
                    // no trailing spaces after the last column
                    _ if i == last => cell.clone(),
                    _ => format!("{cell}{}", " ".repeat(pad)),
                }
            })
            .collect();
        padded.join("  ").trim_end().to_string()
    };
    let header: Vec<String> = headers.iter().map(|h| h.to_uppercase()).collect();
    outln!("{}", line(&header))?;
    for row in &rows {
        outln!("{}", line(row))?;
    }
    Ok(())
}
