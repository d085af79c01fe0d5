//! Language analysis: tokens, sentences, named entities (with mention
//! clusters and actor codes) and time expressions.
//!
//! [`Nlp::annotate`] fills `tokens`, `sentences`, `entities` and `times` of an
//! [`Analysis`]. Models are loaded by the caller and passed in; this crate
//! does no I/O.
//!
//! Where to start reading:
//! - [`tokenize`] and [`sentences`]: byte-exact tokens and sentence spans;
//!   the project's one tokeniser, whose tokens (`model::Token`, with class,
//!   quotation-mark facing, lower case and sentence) every later stage reads.
//! - [`ner`]: the trained tagger (features, two-stage greedy decoding,
//!   averaged-perceptron training, model file format); [`conll`] parses its
//!   training and evaluation data from text.
//! - [`entities`]: tagger spans → contract types, mention clusters, actor codes.
//! - [`times`]: time expressions resolved against the publication date.

pub mod conll;
pub mod entities;
pub mod ner;
pub mod sentences;
pub mod times;
pub mod tokenize;

use model::{Analysis, Budget, OverBudget, Span};

/// The trained entity model that ships inside the binary
/// (`newsgraph train ner` writes it; see `models/README.md`).
static EMBEDDED_NER: &[u8] = include_bytes!("../models/ner.bin");

/// The language-analysis stage, holding its loaded models.
#[derive(Debug, Default)]
pub struct Nlp {
    tagger: ner::Tagger,
}

impl Nlp {
    /// The stage with the models that ship inside the binary.
    ///
    /// # Errors
    ///
    /// [`ner::ModelError`] if the embedded model cannot be read (a build
    /// with a broken `models/ner.bin`): better refused than a stage that
    /// silently finds no entities.
    pub fn embedded() -> Result<Self, ner::ModelError> {
        Ok(Nlp::with_model(ner::NerModel::from_static_bytes(
            EMBEDDED_NER,
        )?))
    }

    /// The stage with a given entity model (e.g. one just trained).
    pub fn with_model(model: ner::NerModel) -> Self {
        Nlp {
            tagger: ner::Tagger::new(model),
        }
    }

    /// The entity tagger.
    pub fn tagger(&self) -> &ner::Tagger {
        &self.tagger
    }

    /// Annotates `a` with tokens, sentences, entities (with mention
    /// clusters and actor codes) and time expressions.
    pub fn annotate(&self, a: &mut Analysis) {
        // An unlimited budget never runs out.
        let _ = self.annotate_within(a, &Budget::unlimited());
    }

    /// [`Nlp::annotate`], checking `budget` between steps, between parts of
    /// the tagging and while clustering mentions.
    ///
    /// # Errors
    ///
    /// [`OverBudget`] when the budget runs out; `a` is then left as it was.
    pub fn annotate_within(&self, a: &mut Analysis, budget: &Budget) -> Result<(), OverBudget> {
        let text = a.text();
        tokenize::refuse_too_long(text)?;
        let tokens = tokenize::tokens(text);
        let sentences = sentences::sentences(text, &tokens);
        budget.check()?;
        let ranges = token_ranges(&tokens, &sentences);
        let words: Vec<Vec<&str>> = ranges
            .iter()
            .map(|&(s, e)| tokens[s..e].iter().map(|t| t.slice(text)).collect())
            .collect();
        let names = self.tagger.label_names();
        // Label names borrowed from one table: a String per token made a
        // long document's labels its largest allocation. Sized up front: a
        // flattened iterator does not know its length, and growing by
        // doubling copied a long document's labels about twice more.
        let mut labels: Vec<&str> = Vec::with_capacity(tokens.len());
        labels.extend(
            self.tagger
                .tag_ids_within(&words, budget)?
                .into_iter()
                .flatten()
                .map(|l| names.get(usize::from(l)).map_or("O", String::as_str)),
        );
        drop(words);
        let mut sentence_of = vec![0; tokens.len()];
        let mut sentence_starts = vec![false; tokens.len()];
        for &(s, e) in &ranges {
            sentence_of[s..e].iter_mut().for_each(|x| *x = s);
            if s < e {
                sentence_starts[s] = true;
            }
        }
        let found = entities::mentions::from_labels(text, &tokens, &labels);
        drop(labels);
        let found = entities::mentions::complete(text, &tokens, &sentence_starts, found);
        budget.check()?;
        let found = entities::mentions::fold_caps_lines(text, &tokens, &ranges, found);
        let cx = entities::Context {
            text,
            tokens: &tokens,
            sentence_of: &sentence_of,
            published: a.document.article.published,
        };
        let entities = entities::cluster_within(&cx, &found, budget)?;
        budget.check()?;
        let times = times::time_expressions(text, &tokens, &ranges, a.document.article.published);
        budget.check()?;
        a.tokens = tokenize::annotate(text, &tokens, &sentences)?;
        a.sentences = sentences;
        a.entities = entities;
        a.times = times;
        Ok(())
    }
}

/// The token index range `[start, end)` of each sentence.
fn token_ranges(tokens: &[Span], sentences: &[Span]) -> Vec<(usize, usize)> {
    sentences
        .iter()
        .map(|s| {
            let start = tokens.partition_point(|t| t.start < s.start);
            let end = tokens.partition_point(|t| t.end <= s.end);
            (start, end.max(start))
        })
        .collect()
}
