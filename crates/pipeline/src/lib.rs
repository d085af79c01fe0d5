//! One document through every analysis stage, in order:
//! `extract` → `nlp` → `attribution` → `events` (CAMEO events, then the
//! claims and denials of `events::contradictions`).
//!
//! A [`Pipeline`] holds the loaded models of every stage; build it once and
//! share it between threads (it is `Sync`). No I/O.

use chrono::NaiveDate;
use model::{Analysis, Document};

pub use model::{Budget, OverBudget};

pub use extract::{ExtractError, InputKind};

/// One input document as a source delivers it.
#[derive(Debug, Clone, Default)]
pub struct Input<'a> {
    /// Identifier for the batch and the store.
    pub id: String,
    /// Raw bytes, any encoding.
    pub bytes: &'a [u8],
    /// Where it came from, if known.
    pub url: Option<String>,
    /// Publication date given by the caller; overrides the page's own.
    pub published: Option<NaiveDate>,
    /// HTML or text, when the source knows; sniffed otherwise.
    pub kind: Option<InputKind>,
    /// Charset declared by the transport.
    pub declared_charset: Option<String>,
    /// Keep plain text exactly as given (no chrome stripping or trimming), so
    /// that offsets line up with an external copy of the text (evaluations).
    pub verbatim: bool,
}

/// Why a document could not be analysed.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// Extraction failed.
    #[error(transparent)]
    Extract(#[from] ExtractError),
    /// The analysis ran out of its [`Budget`] and was stopped; nothing of
    /// it is kept.
    #[error("the analysis ran out of its time budget and was stopped (nothing was kept)")]
    OverBudget(#[from] OverBudget),
}

/// Why the pipeline's models could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The entity model embedded in the binary cannot be read.
    #[error("the embedded entity model cannot be read: {0}")]
    Ner(#[from] nlp::ner::ModelError),
}

/// Limits on the work done for one document.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Inputs over this many bytes are refused.
    pub max_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: extract::DEFAULT_MAX_BYTES,
        }
    }
}

/// Extracts the article of one input without loading any model: decoding,
/// HTML or text extraction, and the caller's `url` and `published`. This is
/// all `newsgraph extract` needs, so it skips building a [`Pipeline`].
pub fn extract_document(input: &Input, limits: &Limits) -> Result<Document, PipelineError> {
    let options = extract::Options {
        url: input.url.as_deref(),
        declared_charset: input.declared_charset.as_deref(),
        kind: input.kind,
        max_bytes: limits.max_bytes,
    };
    let mut article = if input.verbatim && input.kind != Some(InputKind::Html) {
        verbatim_article(input.bytes, &options)?
    } else {
        extract::extract(input.bytes, &options)?
    };
    if input.published.is_some() {
        article.published = input.published;
    }
    if input.url.is_some() {
        article.url = input.url.clone();
    }
    Ok(Document {
        id: input.id.clone(),
        article,
    })
}

/// Decodes plain text and keeps it exactly, for [`Input::verbatim`].
fn verbatim_article(
    bytes: &[u8],
    options: &extract::Options,
) -> Result<model::Article, PipelineError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty.into());
    }
    if bytes.len() > options.max_bytes {
        return Err(ExtractError::TooLarge {
            size: bytes.len(),
            limit: options.max_bytes,
        }
        .into());
    }
    let decoded = extract::decode(bytes, options.declared_charset)?;
    Ok(model::Article {
        url: options.url.map(str::to_string),
        language: extract::detect_language(&decoded.text),
        text: decoded.text,
        ..model::Article::default()
    })
}

/// Every stage with its models loaded.
#[derive(Debug, Default)]
pub struct Pipeline {
    nlp: nlp::Nlp,
    attribution: attribution::Attributor,
    events: events::EventCoder,
    limits: Limits,
}

impl Pipeline {
    /// The pipeline with the models and lexicons embedded in the binary.
    ///
    /// # Errors
    ///
    /// [`LoadError`] if an embedded model cannot be read.
    pub fn embedded() -> Result<Self, LoadError> {
        // The event coder's tables load on a second thread while the entity
        // model loads on this one: start-up is most of a short run.
        let (nlp, events) = std::thread::scope(|s| {
            let events = s.spawn(events::EventCoder::new);
            let nlp = nlp::Nlp::embedded();
            let events = events
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (nlp, events)
        });
        Ok(Pipeline {
            nlp: nlp?,
            attribution: attribution::Attributor::new(),
            events,
            limits: Limits::default(),
        })
    }

    /// Replaces the event coder (e.g. one with extra actor tables).
    pub fn with_event_coder(mut self, coder: events::EventCoder) -> Self {
        self.events = coder;
        self
    }

    /// Replaces the limits.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Extracts and analyses one document.
    pub fn analyze(&self, input: &Input) -> Result<Analysis, PipelineError> {
        Ok(self.analyze_document(self.extract(input)?))
    }

    /// Extracts the article of one input, without analysing it (see
    /// [`extract_document`]), under this pipeline's limits.
    pub fn extract(&self, input: &Input) -> Result<Document, PipelineError> {
        extract_document(input, &self.limits)
    }

    /// Extracts and analyses one document within `budget`, which every
    /// stage checks between sentences: a document past it is refused with
    /// [`PipelineError::OverBudget`], never analysed in part.
    pub fn analyze_within(
        &self,
        input: &Input,
        budget: &Budget,
    ) -> Result<Analysis, PipelineError> {
        let document = self.extract(input)?;
        Ok(self.analyze_document_within(document, budget)?)
    }

    /// Analyses a document whose article text is already extracted.
    pub fn analyze_document(&self, document: Document) -> Analysis {
        let unlimited = Budget::unlimited();
        match self.analyze_document_within(document, &unlimited) {
            Ok(a) => a,
            // An unlimited budget never runs out.
            Err(OverBudget) => unreachable!("an unlimited budget ran out"),
        }
    }

    /// [`Pipeline::analyze_document`] within `budget`.
    ///
    /// # Errors
    ///
    /// [`OverBudget`] when the budget runs out in any stage.
    pub fn analyze_document_within(
        &self,
        document: Document,
        budget: &Budget,
    ) -> Result<Analysis, OverBudget> {
        let mut a = Analysis::new(document);
        self.nlp.annotate_within(&mut a, budget)?;
        self.attribution.annotate_within(&mut a, budget)?;
        self.events.annotate_within(&mut a, budget)?;
        // Bounded by its own cap on denials per document, so it needs no budget.
        events::contradictions::annotate(&mut a);
        Ok(a)
    }
}
