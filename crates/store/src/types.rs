//! What the query API returns: plain serde structs, shared by the CLI
//! (`newsgraph search`, `quotes`, `events`, `stats`, …) and the HTTP server.
//!
//! Offsets are code points into the document's text, as in the contract.
//! Dates are ISO `YYYY-MM-DD`.

use chrono::NaiveDate;
use model::contract::OutReference;
use serde::{Deserialize, Serialize};

/// How to describe a document without its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRef {
    /// The caller's document id (`newsgraph show ID`).
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Site or outlet.
    pub site: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
}

/// One piece of a highlighted snippet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnippetPart {
    /// Plain text (never HTML; escape it before rendering).
    pub text: String,
    /// Whether this piece matched the query.
    pub hit: bool,
}

/// A full-text search result: one per story (near-duplicate copies are
/// listed by [`crate::Store::story`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The matching document.
    pub document: DocumentRef,
    /// How many documents its story holds (1 when it has no copies).
    pub story_documents: u64,
    /// A short passage around the matches, with the matched words marked.
    pub snippet: Vec<SnippetPart>,
    /// BM25 relevance (lower is better, as SQLite reports it).
    pub rank: f64,
}

impl SearchHit {
    /// The snippet as one string, matches wrapped in `open` … `close`.
    pub fn snippet_text(&self, open: &str, close: &str) -> String {
        let mut s = String::new();
        for part in &self.snippet {
            if part.hit {
                s.push_str(open);
                s.push_str(&part.text);
                s.push_str(close);
            } else {
                s.push_str(&part.text);
            }
        }
        s
    }
}

/// A stored quote with its document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// Store row id of the quote.
    pub quote_id: i64,
    /// The document it is in.
    pub document: DocumentRef,
    /// Index in the document's `quotes` array.
    pub index: usize,
    /// First code point of the content.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The content.
    pub text: String,
    /// "direct", "partial" or "indirect".
    pub kind: String,
    /// Speaker name as the document gives it.
    pub speaker: Option<String>,
    /// Cross-document actor id of the speaker.
    pub speaker_actor: Option<i64>,
    /// CAMEO/GDELT code of the speaker.
    pub speaker_code: Option<String>,
    /// Cue words ("said").
    pub cue: Option<String>,
    /// Source chain, nearest first.
    pub via: Vec<OutReference>,
}

/// Filters for [`crate::Store::quotes`]; all optional, combined with AND.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteFilter {
    /// Speaker name: matches the actor's full name, last word or first
    /// word ("Sullivan" finds "Jake Sullivan", "Park" finds "Park Min-jun"),
    /// case and punctuation ignored, or the speaker's name as the article
    /// writes it (case ignored).
    pub speaker: Option<String>,
    /// Speaker by cross-document actor id: the speaker's own actor, or,
    /// for a country, a speaker coded with it.
    pub speaker_actor: Option<i64>,
    /// Words that must all occur in the quote (full-text).
    pub words: Option<String>,
    /// At most this many results (0 means the default, 50).
    pub limit: usize,
    /// Skip this many results.
    pub offset: usize,
}

/// One side of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    /// Name as written.
    pub name: String,
    /// CAMEO/GDELT actor code.
    pub code: Option<String>,
    /// Cross-document actor id.
    pub actor: Option<i64>,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPlace {
    /// Place name.
    pub name: String,
    /// ISO 3166 alpha-3 country code.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
}

/// A stored event with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// Store row id of the event.
    pub event_id: i64,
    /// The document it was coded from.
    pub document: DocumentRef,
    /// Index in the document's `events` array.
    pub index: usize,
    /// Who acts.
    pub source: Option<EventActor>,
    /// Who is acted upon.
    pub target: Option<EventActor>,
    /// CAMEO code.
    pub cameo: String,
    /// CAMEO root code (first two digits).
    pub root_code: String,
    /// Goldstein value.
    pub goldstein: f64,
    /// GDELT quad class (1–4).
    pub quad_class: u8,
    /// Modality ("asserted", "reported", "future", "negated", …).
    pub modality: String,
    /// The event's own date, when the text gives one.
    pub date: Option<NaiveDate>,
    /// The date it is counted under: its own date, else the publication date.
    pub day: Option<NaiveDate>,
    /// Where.
    pub place: Option<EventPlace>,
    /// Evidence sentence, first code point.
    pub sentence_start: usize,
    /// Evidence sentence, one past the last code point.
    pub sentence_end: usize,
    /// The evidence sentence's text.
    pub sentence: String,
    /// Index into the document's quotes when reported in one.
    pub quote: Option<usize>,
    /// How many documents report it (1 + its near-duplicate copies).
    pub documents: u64,
}

/// Filters for [`crate::Store::events`]; all optional, combined with AND.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventFilter {
    /// Source actor code prefix ("USA" matches "USAGOV"), case-insensitive.
    pub actor: Option<String>,
    /// Target actor code prefix.
    pub target: Option<String>,
    /// Source by cross-document actor id.
    pub actor_id: Option<i64>,
    /// Target by cross-document actor id.
    pub target_id: Option<i64>,
    /// CAMEO code prefix ("13" = threaten, "0232").
    pub code_prefix: Option<String>,
    /// Counted day on or after.
    pub date_from: Option<NaiveDate>,
    /// Counted day on or before.
    pub date_to: Option<NaiveDate>,
    /// Place name (case-insensitive, exact), or, written as three capital
    /// letters, the ISO alpha-3 code of the place's country ("ITA").
    pub place: Option<String>,
    /// Only events event data counts as facts (asserted, reported, future,
    /// and a source with a country: not `---`).
    pub facts_only: bool,
    /// Also list copies from near-duplicate documents (default: each story once).
    pub include_copies: bool,
    /// At most this many results (0 means the default, 50).
    pub limit: usize,
    /// Skip this many results.
    pub offset: usize,
}

/// A cross-document actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorSummary {
    /// Actor id.
    pub actor_id: i64,
    /// Display name (the first full name seen).
    pub name: String,
    /// Entity type ("PERSON", "ORG", "GPE", …).
    #[serde(rename = "type")]
    pub kind: String,
    /// The CAMEO/GDELT code most of its mentions got, when known.
    pub code: Option<String>,
    /// Mentions across stories (each story once).
    pub mentions: u64,
    /// Stories that mention it.
    pub documents: u64,
    /// Every code its mentions got, each in its own article, most mentions
    /// first (each story once): for a country, its role breakdown.
    #[serde(default)]
    pub codes: Vec<ActorCode>,
    /// The spellings its mentions were written with, most mentions first
    /// (filled for one actor, [`crate::Store::actor`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<ActorName>,
}

/// One spelling an actor was seen under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorName {
    /// As written ("Ottawa", "Japanese officials", "President Obama"'s "Obama").
    pub name: String,
    /// Mentions written so (each story once).
    pub mentions: u64,
}

/// One code an actor's mentions got, and how often.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorCode {
    /// CAMEO/GDELT code ("USAGOV").
    pub code: String,
    /// Mentions coded so (each story once).
    pub mentions: u64,
    /// Stories whose mentions are coded so.
    pub documents: u64,
}

/// One directed edge of the actor graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorEdge {
    /// Source actor id.
    pub source: i64,
    /// Target actor id.
    pub target: i64,
    /// Fact events from source to target, each story once.
    pub events: u64,
    /// Mean Goldstein value of those events.
    pub mean_goldstein: f64,
    /// Earliest counted day.
    pub first: Option<NaiveDate>,
    /// Latest counted day.
    pub last: Option<NaiveDate>,
}

/// The actor graph: who acted on whom, how often, how cooperatively.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActorGraph {
    /// Every actor an edge touches.
    pub nodes: Vec<ActorSummary>,
    /// Edges, most events first.
    pub edges: Vec<ActorEdge>,
}

/// What the database holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Documents stored.
    pub documents: u64,
    /// Stories (near-duplicate groups).
    pub stories: u64,
    /// Duplicates: stored near-duplicate copies (documents beyond the first
    /// of each story) plus exact copies refused under another id.
    pub duplicates: u64,
    /// Of which exact copies refused.
    pub exact_duplicates: u64,
    /// Document-level entities (time expressions excluded).
    pub entities: u64,
    /// Cross-document actors.
    pub actors: u64,
    /// Quotes, each story once.
    pub quotes: u64,
    /// Events, each story once.
    pub events: u64,
}

/// A near-duplicate group and its copies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// The first document stored.
    pub first: DocumentRef,
    /// Every document of the story, first included, in insertion order.
    pub documents: Vec<DocumentRef>,
    /// Ids of exact copies that were refused.
    pub exact_copies: Vec<String>,
}

/// Filters for [`crate::Store::contradictions`]; all optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContradictionFilter {
    /// A country (or IGO) code: only claims with it as one side (its first
    /// three letters, "CHN" for "CHNGOV").
    pub actor: Option<String>,
    /// Denied on or after.
    pub date_from: Option<NaiveDate>,
    /// Denied on or before.
    pub date_to: Option<NaiveDate>,
    /// At most this many results (0 means the default, 50).
    pub limit: usize,
    /// Skip this many results.
    pub offset: usize,
}

/// A claim as one story reports it: the event, and the quote that carries
/// it when there is one (who made the claim, via whom).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// The document reporting the claim.
    pub document: DocumentRef,
    /// First code point of the claim (its quote, else its sentence).
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The claim's words.
    pub text: String,
    /// Who made the claim, as the document names them.
    pub speaker: Option<String>,
    /// Their CAMEO/GDELT code.
    pub speaker_code: Option<String>,
    /// Through whom the claim reached the document, nearest first.
    pub via: Vec<OutReference>,
    /// The claimed event's CAMEO code.
    pub cameo: String,
    /// Who is said to act.
    pub source: Option<EventActor>,
    /// On whom.
    pub target: Option<EventActor>,
    /// The day the claim is counted under.
    pub day: Option<NaiveDate>,
}

/// A denial as another story reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DenialRecord {
    /// The document reporting the denial.
    pub document: DocumentRef,
    /// First code point of the denial.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The denial's words.
    pub text: String,
    /// Who denies, as the document names them.
    pub denier: Option<String>,
    /// Their CAMEO/GDELT code (a party to the claim).
    pub denier_code: String,
    /// The denying document's publication date.
    pub day: Option<NaiveDate>,
}

/// A claim in one story and its denial in another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContradictionRecord {
    /// What was claimed, by whom, where.
    pub claim: ClaimRecord,
    /// Who denied it, where.
    pub denial: DenialRecord,
    /// Days from the claim to the denial (negative: the denial was
    /// published first).
    pub days_apart: i64,
    /// Why the two are linked.
    pub reason: String,
}
