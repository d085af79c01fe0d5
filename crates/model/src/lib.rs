//! The types newsgraph's stages exchange.
//!
//! A document flows through the pipeline as one [`Analysis`]: `extract` fills
//! [`Analysis::document`], then each analysis stage annotates it in turn
//! (`nlp` adds tokens, sentences, entities and time expressions; `attribution`
//! adds quotes and flags; `events` adds events), in the manner of spaCy's `Doc`.
//!
//! # Offsets
//!
//! Inside the pipeline every [`Span`] is a half-open range of **byte** offsets
//! into `document.text`, because that is what Rust slices with. The outside
//! world (the `newsgraph/1` JSON contract, the store, the HTTP API) sees
//! **Unicode code-point** offsets, so that `text[start:end]` in Python is the
//! span. [`contract::Output::from_analysis`] is the one place that converts.
//!
//! This crate does no I/O.

mod budget;
pub mod contract;
pub mod gdelt;
mod mention_index;
mod offsets;
#[cfg(feature = "test-support")]
pub mod test_support;
mod token;

pub use budget::{Budget, OverBudget, Projection, Step};
pub use mention_index::MentionIndex;
pub use offsets::CharOffsets;
pub use token::{
    form, is_alphanumeric, is_plain_name, lowercase, push_form, push_lowercase, Mark, Token,
    TokenKind, MAX_TEXT_BYTES,
};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of byte offsets into `Document::text`.
///
/// Both ends always fall on UTF-8 character boundaries; stages that create
/// spans are responsible for that (use [`Span::slice`] to check).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no text.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text the span covers, or `""` if it does not fit `text` or does
    /// not fall on character boundaries. Inlined: every later stage calls
    /// it per token (about 2.9 M calls on the 122 extraction pages).
    #[inline]
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// What kind of document a source's bytes hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    /// An HTML page.
    Html,
    /// Plain text.
    Text,
}

/// The clean article that `extract` makes of a page or a text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Canonical URL (from the page, or given by the caller).
    pub url: Option<String>,
    /// Headline, without a " | Site" suffix.
    pub title: Option<String>,
    /// Author line as the page gives it ("Jane Doe and John Roe").
    pub byline: Option<String>,
    /// Publication date (never the "updated" or crawl date).
    pub published: Option<NaiveDate>,
    /// Name of the site or outlet.
    pub site: Option<String>,
    /// ISO 639-1 language code, when it could be told.
    pub language: Option<String>,
    /// The article text: paragraphs separated by blank lines, whitespace
    /// normalised. Every offset in the output points into this string.
    pub text: String,
}

/// An article with the identifier it is known by in a batch or the store.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Caller-chosen identifier (a file stem, a JSON Lines `id`, a URL hash).
    pub id: String,
    /// The article itself.
    #[serde(flatten)]
    pub article: Article,
}

impl Document {
    /// The article text every span points into.
    pub fn text(&self) -> &str {
        &self.article.text
    }
}

/// The kinds of named things the entity stage recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation: company, agency, outlet, party, team.
    Org,
    /// A geopolitical entity: country, city, state.
    Gpe,
    /// A non-political location: river, mountain, region.
    Loc,
    /// A nationality, religious or political group ("Chinese", "Democrats").
    Norp,
    /// A date or time expression.
    Date,
    /// Any other name (events, laws, works).
    Misc,
}

impl EntityType {
    /// The contract's spelling ("PERSON", "ORG", …).
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Norp => "NORP",
            EntityType::Date => "DATE",
            EntityType::Misc => "MISC",
        }
    }

    /// Parses the contract's spelling; `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "PERSON" => EntityType::Person,
            "ORG" => EntityType::Org,
            "GPE" => EntityType::Gpe,
            "LOC" => EntityType::Loc,
            "NORP" => EntityType::Norp,
            "DATE" => EntityType::Date,
            "MISC" => EntityType::Misc,
            _ => return None,
        })
    }
}

/// One real-world thing as the document names it, with every mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Identifier unique within the document ("e1", "e2", …).
    pub id: String,
    /// The fullest name the document uses ("Jake Sullivan", not "Sullivan").
    pub name: String,
    /// What kind of thing it is.
    pub kind: EntityType,
    /// CAMEO/GDELT actor code ("USAGOV", "CHN"), when one applies.
    pub actor: Option<String>,
    /// Every place the document refers to it, in text order.
    pub mentions: Vec<Span>,
    /// The titles and honorifics written right before its mentions, which
    /// are not part of the name ("Dr." of "Dr. Ronny Jackson", "President"),
    /// in text order; each ends where a mention begins (up to spaces).
    #[serde(default)]
    pub titles: Vec<Span>,
}

/// A time expression ("Monday", "March 14", "last week") and its resolved date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpression {
    /// Where it is written.
    pub span: Span,
    /// The calendar date it denotes, resolved against `published`; `None`
    /// when it cannot be resolved (never guessed).
    pub value: Option<NaiveDate>,
}

/// Someone or something the text points at: a speaker, a source in a chain,
/// an event's actor.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reference {
    /// The name as the output should show it ("Jake Sullivan", "U.S. officials").
    pub name: String,
    /// The document entity it resolves to, if any (`Entity::id`).
    pub entity: Option<String>,
    /// CAMEO/GDELT actor code, if any.
    pub actor: Option<String>,
    /// The words in the text that name it here (may differ from `name`:
    /// "he", "the spokesman", "Sullivan").
    pub span: Option<Span>,
}

/// How a quote reports speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The speaker's words inside quotation marks.
    Direct,
    /// A quoted phrase inside reported speech.
    Partial,
    /// Reported speech: "X said that …", "according to X, …".
    Indirect,
}

impl QuoteKind {
    /// The contract's spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// A claim and who made it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The content of the claim (inside the marks for direct quotes); when
    /// the attribution interrupts it, from the first part's start to the
    /// last part's end.
    pub span: Span,
    /// The content's parts when the cue and speaker interrupt it
    /// ("“A,” said X. “B.”" has the parts A and B), in text order; empty
    /// when `span` is the content in one piece.
    pub parts: Vec<Span>,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Who said it; `None` only when the text truly gives no one.
    pub speaker: Option<Reference>,
    /// The cue word(s): "said", "added", "according to".
    pub cue: Option<String>,
    /// Where the cue is written.
    pub cue_span: Option<Span>,
    /// Outlets or people through whom the claim reached the article, nearest first.
    pub via: Vec<Reference>,
}

/// Whether an event is reported as having happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated by the article as fact.
    Asserted,
    /// Reported by a source the article cites.
    Reported,
    /// Planned, intended or expected.
    Future,
    /// Explicitly did not or will not happen.
    Negated,
    /// Depends on a condition ("if such assistance is given").
    Conditional,
    /// Possible, speculative, or asked about.
    Hypothetical,
}

impl Modality {
    /// The contract's spelling.
    pub fn as_str(&self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Future => "future",
            Modality::Negated => "negated",
            Modality::Conditional => "conditional",
            Modality::Hypothetical => "hypothetical",
        }
    }

    /// Whether event data counts it as a fact (asserted, reported, future).
    pub fn is_fact(&self) -> bool {
        matches!(
            self,
            Modality::Asserted | Modality::Reported | Modality::Future
        )
    }
}

/// Where an event took place.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Place {
    /// The place name as the gazetteer knows it.
    pub name: String,
    /// ISO 3166 alpha-3 code of its country.
    pub country: Option<String>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// Where the text names it.
    pub span: Option<Span>,
}

/// A political event coded in CAMEO: who did what to whom, where and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The actor who acts.
    pub source: Option<Reference>,
    /// The actor acted upon.
    pub target: Option<Reference>,
    /// CAMEO event code, leading zero kept ("0232").
    pub cameo: String,
    /// Goldstein scale value of the code (-10 conflict … +10 cooperation).
    pub goldstein: f64,
    /// GDELT quad class: 1 verbal cooperation, 2 material cooperation,
    /// 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Whether and how it is reported to happen.
    pub modality: Modality,
    /// When it happened (or will), if the text says.
    pub date: Option<NaiveDate>,
    /// Where it happened, if the text says.
    pub place: Option<Place>,
    /// The sentence that is the evidence.
    pub sentence: Span,
    /// The words that triggered the code ("asked … for military support").
    pub trigger: Span,
    /// Index into `Analysis::quotes` when the event was reported in a quote.
    pub quote: Option<usize>,
}

/// Kinds of consistency findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// One speaker named two different ways ("Li Pengyu" … "Liu said").
    NameVariant,
    /// A quote whose speaker cannot be told apart between candidates.
    AmbiguousSpeaker,
    /// A quotation mark that opens and never closes.
    UnclosedQuote,
    /// Analysis stopped early (time or size limit); later text is unannotated.
    Truncated,
    /// A denial linked to the claim it answers; the spans are the claim,
    /// then the denial.
    Contradiction,
}

/// Something a reader of the article should double-check, with the spans
/// that show why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// What kind of finding.
    pub kind: FlagKind,
    /// A sentence a person can read.
    pub message: String,
    /// The evidence.
    pub spans: Vec<Span>,
}

/// A document and everything the stages found in it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The article the spans point into.
    pub document: Document,
    /// Tokens in text order, with their class, sentence and line position
    /// (set by `nlp`; the later stages read these rather than cutting the
    /// text again).
    pub tokens: Vec<Token>,
    /// Sentences in text order (set by `nlp`).
    pub sentences: Vec<Span>,
    /// Named entities with their mention clusters (set by `nlp`).
    pub entities: Vec<Entity>,
    /// Time expressions (set by `nlp`).
    pub times: Vec<TimeExpression>,
    /// Quotes and reported speech (set by `attribution`).
    pub quotes: Vec<Quote>,
    /// CAMEO events (set by `events`).
    pub events: Vec<Event>,
    /// Consistency flags (set by any stage).
    pub flags: Vec<Flag>,
}

impl Analysis {
    /// A fresh analysis of `document`, with no annotations yet.
    pub fn new(document: Document) -> Self {
        Analysis {
            document,
            ..Analysis::default()
        }
    }

    /// The article text.
    pub fn text(&self) -> &str {
        &self.document.article.text
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        // `nlp` numbers the entities in order ("e1" is the first): look
        // there before reading them all, which a long document asked for
        // every quote's speaker.
        let numbered = id
            .strip_prefix('e')
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| self.entities.get(n.checked_sub(1)?));
        numbered
            .filter(|e| e.id == id)
            .or_else(|| self.entities.iter().find(|e| e.id == id))
    }

    /// The sentence containing byte offset `at`.
    pub fn sentence_at(&self, at: usize) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences
            .get(i)
            .copied()
            .filter(|s| s.start <= at && at < s.end)
    }

    /// Converts to the `newsgraph/1` output (code-point offsets).
    pub fn to_contract(&self) -> contract::Output {
        contract::Output::from_analysis(self)
    }

    /// Converts to the `newsgraph/1` output, moving the document into it
    /// ([`contract::Output::from_analysis_owned`]).
    pub fn into_contract(self) -> contract::Output {
        contract::Output::from_analysis_owned(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_slice_is_empty_off_char_boundary() {
        let text = "é";
        assert_eq!(Span::new(0, 1).slice(text), "");
        assert_eq!(Span::new(0, 2).slice(text), "é");
    }

    #[test]
    fn sentence_at_finds_containing_sentence() {
        let mut a = Analysis::new(Document::default());
        a.sentences = vec![Span::new(0, 5), Span::new(6, 10)];
        assert_eq!(a.sentence_at(7), Some(Span::new(6, 10)));
        assert_eq!(a.sentence_at(5), None);
    }

    #[test]
    fn entities_are_found_by_id_wherever_they_stand() {
        let entity = |id: &str| Entity {
            id: id.to_string(),
            name: id.to_string(),
            kind: EntityType::Org,
            actor: None,
            mentions: Vec::new(),
            titles: Vec::new(),
        };
        let mut a = Analysis::new(Document::default());
        // Numbered in order, then out of it, then not numbered.
        a.entities = ["e1", "e2", "e4", "e3", "x", "e0", "e"]
            .map(entity)
            .to_vec();
        for id in ["e1", "e2", "e3", "e4", "x", "e0", "e", "e5", "e01", ""] {
            let scanned = a.entities.iter().find(|e| e.id == id);
            assert_eq!(a.entity(id).map(|e| &e.id), scanned.map(|e| &e.id), "{id}");
        }
    }
}
