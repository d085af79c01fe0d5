//! One document through every analysis stage, in order:
//! `extract` → `nlp` → `attribution` → `events` (CAMEO events, then the
//! claims and denials of `events::contradictions`).
//!
//! A [`Pipeline`] holds the loaded models of every stage; build it once and
//! share it between threads (it is `Sync`). No I/O.

use chrono::NaiveDate;
use model::{Analysis, Document};

use model::Step;
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
    #[error("{0} (nothing was kept)")]
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
        text: decoded.text.into_owned(),
        ..model::Article::default()
    })
}

/// Texts at least this long are sampled before they are analysed
/// ([`Pipeline::analyze_document_within`]); shorter ones finish within
/// seconds.
const SAMPLE_FROM_BYTES: usize = 1 << 20;

/// The sample: this many stretches, evenly spread over the text ...
const SAMPLE_STRETCHES: usize = 4;

/// ... of at most this many bytes each (and a hundred-and-twenty-eighth of
/// the text), so that sampling costs a few per cent of a long analysis.
const SAMPLE_STRETCH_BYTES: usize = 32 << 10;

/// The `nlp` stage's time as a multiple of its entity tagging (the rest
/// is tokens, sentences and entities), to turn a sample's whole analysis
/// over its `nlp` stage into the tagging's rest-of-analysis factor
/// ([`Budget::calibrate`]). Measured on long documents of seven kinds
/// (`scripts/eval/projection.sh`, docs/measurements.md ¹⁹): 1.12 to 1.45,
/// median 1.32; the low end is taken, so that the factor errs low (the
/// tagging's projection then read 0.83 to 1.07 of the actual time, against
/// 0.64 to 1.41 with the typical factor alone), and a page that would
/// finish is not refused on its word.
const NLP_PER_TAGGING: f64 = 1.2;

/// [`SAMPLE_STRETCHES`] stretches of whole lines from across `text`, joined
/// by blank lines (a line longer than a stretch is cut, at a character).
fn sample_of(text: &str) -> String {
    let len = (text.len() / 128).min(SAMPLE_STRETCH_BYTES);
    // The next line break at or after `from` within `len` bytes, else the
    // character boundary at `from`.
    let line_end = |from: usize| {
        let bytes = &text.as_bytes()[from..(from + len).min(text.len())];
        match bytes.iter().position(|&b| b == b'\n') {
            Some(i) => from + i,
            None => (0..=from)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0),
        }
    };
    let mut out = String::with_capacity(SAMPLE_STRETCHES * (len + 2));
    for k in 0..SAMPLE_STRETCHES {
        let start = match k {
            0 => 0,
            _ => {
                let at = line_end(text.len() / SAMPLE_STRETCHES * k);
                // Past the line break, or at a character.
                if text.as_bytes().get(at) == Some(&b'\n') {
                    at + 1
                } else {
                    at
                }
            }
        };
        let end = line_end((start + len).min(text.len())).max(start);
        if start < end {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&text[start..end]);
        }
    }
    out
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

    /// Adds the actors and agents of a PETRARCH-style dictionary (the text
    /// of an `.actors.txt` or `.agents.txt` file) to this pipeline's event
    /// coder; they win over the built-in lexicon where both match the same
    /// words. The coder is extended in place, not built again: building one
    /// is a fifth of a short run's start-up.
    ///
    /// # Errors
    ///
    /// [`events::DictionaryError`] naming the line that cannot be parsed.
    pub fn with_actor_table(mut self, text: &str) -> Result<Self, events::DictionaryError> {
        self.events = self.events.with_actor_table(text)?;
        Ok(self)
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
            Err(e) => unreachable!("an unlimited budget ran out: {e}"),
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
        self.sample(&document, budget)?;
        self.stages(document, budget)
    }

    /// Refuses, after a fraction of a second, a long document whose
    /// analysis is estimated not to finish within `budget`: analyses a sample
    /// of its text (a few stretches of whole lines from across it, a
    /// thirty-second of it at most) and projects the whole from it
    /// ([`Budget::sampled`]). Analysis time is about linear in a
    /// document's length, so the sample's pace is the document's. The
    /// sample's share of `nlp` also calibrates the projection from the
    /// document's tagging pace ([`NLP_PER_TAGGING`]). Short documents,
    /// and any without a limit, are not sampled.
    fn sample(&self, document: &Document, budget: &Budget) -> Result<(), OverBudget> {
        let text = document.text();
        if !budget.is_limited() || text.len() < SAMPLE_FROM_BYTES {
            return Ok(());
        }
        let part = sample_of(text);
        let sample = Document {
            id: document.id.clone(),
            article: model::Article {
                text: part,
                url: document.article.url.clone(),
                title: document.article.title.clone(),
                byline: document.article.byline.clone(),
                published: document.article.published,
                site: document.article.site.clone(),
                language: document.article.language.clone(),
            },
        };
        let mut fastest: Option<std::time::Duration> = None;
        // The first sample in a process meets the models cold; one that
        // projects the document over its limit is taken again before the
        // document is refused, and the faster of the two counts.
        for attempt in 0..2 {
            let started = budget.elapsed();
            let mut a = Analysis::new(sample.clone());
            self.nlp.annotate_within(&mut a, budget)?;
            let tagged = budget.elapsed();
            self.after_nlp(a, budget)?;
            let took = budget.elapsed().saturating_sub(started);
            if fastest.is_none_or(|f| took < f) {
                // The document's own cost of the whole analysis as a
                // multiple of its entity tagging: what the tagger's pace on
                // the document is projected with.
                let nlp = tagged.saturating_sub(started).as_secs_f64();
                budget.calibrate(Step::Tagging, took.as_secs_f64() / nlp * NLP_PER_TAGGING);
            }
            let took = fastest.map_or(took, |f| f.min(took));
            fastest = Some(took);
            match budget.sampled(sample.text().len(), text.len(), took) {
                Err(OverBudget::Projected { .. }) if attempt == 0 => continue,
                other => return other,
            }
        }
        Ok(())
    }

    /// Every stage on `document`, within `budget`.
    fn stages(&self, document: Document, budget: &Budget) -> Result<Analysis, OverBudget> {
        let mut a = Analysis::new(document);
        self.nlp.annotate_within(&mut a, budget)?;
        self.after_nlp(a, budget)
    }

    /// The stages after `nlp`, within `budget`.
    fn after_nlp(&self, mut a: Analysis, budget: &Budget) -> Result<Analysis, OverBudget> {
        self.attribution.annotate_within(&mut a, budget)?;
        self.events.annotate_within(&mut a, budget)?;
        // Bounded by its own cap on denials per document, so it needs no budget.
        events::contradictions::annotate(&mut a);
        Ok(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_whole_lines_from_across_the_text() {
        let text: String = (0..200_000)
            .map(|i| format!("Line {i} — the talks in Genève would go on.\n"))
            .collect();
        let sample = sample_of(&text);
        assert!(sample.len() <= SAMPLE_STRETCHES * (SAMPLE_STRETCH_BYTES + 100));
        assert!(sample.len() >= SAMPLE_STRETCHES * (SAMPLE_STRETCH_BYTES - 100));
        // Whole lines, each as the text has it.
        for line in sample.lines().filter(|l| !l.is_empty()) {
            let n: usize = line
                .split(' ')
                .nth(1)
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            assert_eq!(line, format!("Line {n} — the talks in Genève would go on."));
        }
        // Each stretch starts about a quarter further on (lines of more
        // digits are longer).
        let firsts: Vec<i64> = sample
            .split("\n\n")
            .map(|stretch| {
                let line = stretch.lines().next().unwrap_or_default();
                line.split(' ')
                    .nth(1)
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(-1)
            })
            .collect();
        assert_eq!(firsts.len(), SAMPLE_STRETCHES);
        for (k, first) in firsts.into_iter().enumerate() {
            assert!((first - 50_000 * k as i64).abs() < 2_000, "{k}: {first}");
        }
        assert!(!sample.contains("Line 199999 "));
    }

    /// A clock that moves a millisecond each time it is read: the
    /// analysis's time is then the number of budget checks it makes, which
    /// grows with the text as its real time does, but is the same on every
    /// run and machine.
    fn ticking() -> impl Fn() -> std::time::Duration + Send + Sync + 'static {
        let ticks = std::sync::atomic::AtomicU64::new(0);
        move || {
            std::time::Duration::from_millis(
                ticks.fetch_add(1, std::sync::atomic::Ordering::SeqCst),
            )
        }
    }

    #[test]
    fn a_long_document_is_refused_after_its_sample_only_when_estimated_past_its_limit() {
        let pipeline = Pipeline::embedded().expect("the embedded models load");
        let text: String = (0..18_000)
            .map(|i| format!("Officials in Lund said on day {i} that the talks would go on.\n"))
            .collect();
        assert!(text.len() > SAMPLE_FROM_BYTES);
        let document = Document {
            id: "long".into(),
            article: model::Article {
                text,
                ..model::Article::default()
            },
        };
        let scale = document.text().len() as f64 / sample_of(document.text()).len() as f64;
        // What the sample costs on this clock, and so what the whole would.
        let budget = Budget::limited(std::time::Duration::from_secs(1 << 20), ticking());
        assert_eq!(pipeline.sample(&document, &budget), Ok(()));
        let projected = budget.elapsed().as_secs_f64() * scale;
        assert!(projected > 10.0, "{projected}");

        // Estimated within its limit: not refused; just past it: refused.
        for limit in [projected * 2.0, projected * 1.3] {
            let budget = Budget::limited(std::time::Duration::from_secs_f64(limit), ticking());
            assert_eq!(pipeline.sample(&document, &budget), Ok(()), "limit {limit}");
        }
        let budget = Budget::limited(
            std::time::Duration::from_secs_f64(projected * 0.9),
            ticking(),
        );
        assert!(matches!(
            pipeline.sample(&document, &budget),
            Err(OverBudget::Projected { .. })
        ));
        // Far over it: refused once sampled (twice), long before the limit.
        let limit = std::time::Duration::from_secs_f64(projected / 4.0);
        let budget = Budget::limited(limit, ticking());
        match pipeline.analyze_document_within(document, &budget) {
            Err(OverBudget::Projected { estimate }) => {
                let ratio = estimate.as_secs_f64() / projected;
                assert!((0.9..1.3).contains(&ratio), "{estimate:?} for {projected}");
            }
            other => panic!("{:?}", other.map(|a| a.quotes.len())),
        }
        let at = budget.elapsed();
        // Two samples of a thirty-second each: a quarter of this limit.
        assert!(at < limit / 2, "refused at {at:?} of {limit:?}");
    }

    #[test]
    fn a_sampled_document_s_tagging_is_projected_with_its_own_factor() {
        let pipeline = Pipeline::embedded().expect("the embedded models load");
        let text: String = (0..18_000)
            .map(|i| format!("Officials in Lund said on day {i} that the talks would go on.\n"))
            .collect();
        let document = Document {
            id: "long".into(),
            article: model::Article {
                text,
                ..model::Article::default()
            },
        };
        // A clock that moves 10 ms a read, so that the tagger's few
        // progress reports (a part of 20,000 tokens each) make a sample.
        let ticks = std::sync::atomic::AtomicU64::new(0);
        let clock = move || {
            std::time::Duration::from_millis(
                10 * ticks.fetch_add(1, std::sync::atomic::Ordering::SeqCst),
            )
        };
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = std::sync::Arc::clone(&seen);
        let budget = Budget::observed(std::time::Duration::from_secs(1), clock, move |p| {
            sink.lock().expect("not poisoned").push(*p)
        });
        assert!(pipeline.analyze_document_within(document, &budget).is_ok());
        let seen = seen.lock().expect("not poisoned");
        assert_eq!(seen.iter().filter(|p| p.step.is_none()).count(), 1);
        let tagging: Vec<f64> = seen
            .iter()
            .filter(|p| p.step == Some(Step::Tagging))
            .filter_map(|p| p.factor)
            .collect();
        assert!(!tagging.is_empty(), "{seen:?}");
        // The document's own factor (its sample's analysis over its `nlp`,
        // × NLP_PER_TAGGING), not the typical 2.5.
        for factor in tagging {
            assert!(factor >= NLP_PER_TAGGING && factor != 2.5, "{factor}");
        }
    }

    #[test]
    fn a_text_without_line_breaks_is_cut_at_characters() {
        let text = "é".repeat(1 << 20);
        let sample = sample_of(&text);
        assert!(sample.split("\n\n").count() == SAMPLE_STRETCHES);
        assert!(sample.len() <= SAMPLE_STRETCHES * (text.len() / 128 + 2));
        assert!(sample.chars().all(|c| c == 'é' || c == '\n'));
    }
}
