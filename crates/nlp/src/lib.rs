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

use model::{Analysis, Budget, OverBudget, Span, Step};

/// The trained entity model that ships inside the binary
/// (`newsgraph train ner` writes it; see `models/README.md`).
static EMBEDDED_NER: &[u8] = include_bytes!("../models/ner.bin");

/// The embedded model's lookup tables, laid out by the build script
/// (`build.rs` runs `ner::layout` over `models/ner.bin`), so that a
/// process reads them in place rather than laying them out at every start.
static EMBEDDED_NER_LAYOUT: &Aligned<[u8]> =
    &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/ner-layout.bin")));

/// Bytes that start on a cache line (`include_bytes!` gives no alignment):
/// each of the layout's feature slots then lies in one line.
#[repr(C, align(64))]
struct Aligned<B: ?Sized>(B);

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
        Ok(Nlp::with_model(ner::NerModel::from_static_bytes_laid_out(
            EMBEDDED_NER,
            &EMBEDDED_NER_LAYOUT.0,
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
        let labels = self.label_ids(text, &tokens, &ranges, budget)?;
        let names = self.tagger.label_names();
        let mut sentence_of = vec![0; tokens.len()];
        let mut sentence_starts = vec![false; tokens.len()];
        for &(s, e) in &ranges {
            sentence_of[s..e].iter_mut().for_each(|x| *x = s);
            if s < e {
                sentence_starts[s] = true;
            }
        }
        let found = entities::mentions::from_label_ids(text, &tokens, &labels, &names);
        drop(labels);
        // The words' text, once for the rules that read it (16 bytes a
        // token: each built its own).
        let words: Vec<&str> = tokens.iter().map(|t| t.slice(text)).collect();
        let found = entities::mentions::complete(text, &tokens, &words, &sentence_starts, found);
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
        let times = times::time_expressions(&tokens, &words, &ranges, a.document.article.published);
        drop(words);
        budget.check()?;
        a.tokens = tokenize::annotate(text, &tokens, &sentences)?;
        a.sentences = sentences;
        a.entities = entities;
        a.times = times;
        Ok(())
    }
}

impl Nlp {
    /// The tagger's label id of each token, the sentences' labels one
    /// after another (as [`ner::Tagger::tag_ids_within`] gives them,
    /// flattened), tagged in the parts that method cuts a long document
    /// into, each part's words gathered only as it is tagged. The whole
    /// document's words (a vector a sentence, 16 bytes a token) and its
    /// labels as names (16 bytes a token) were the stage's largest
    /// passing allocations on a long page: hundreds of megabytes of fresh
    /// memory, each page of it faulted in and zeroed by the kernel.
    fn label_ids(
        &self,
        text: &str,
        tokens: &[Span],
        ranges: &[(usize, usize)],
        budget: &Budget,
    ) -> Result<Vec<u8>, OverBudget> {
        let len = |k: usize| ranges[k].1 - ranges[k].0;
        let total: usize = (0..ranges.len()).map(len).sum();
        let mut ids = Vec::with_capacity(tokens.len());
        let mut words: Vec<Vec<&str>> = Vec::new();
        let mut done = 0;
        for part in ner::parts(ranges.len(), len) {
            // `tag_ids_within` tags a document of one part without
            // telling the budget.
            if total > ner::PART_TOKENS {
                budget.progress(Step::Tagging, done, total)?;
            }
            done += part.clone().map(len).sum::<usize>();
            words.clear();
            words.extend(
                ranges[part]
                    .iter()
                    .map(|&(s, e)| tokens[s..e].iter().map(|t| t.slice(text)).collect()),
            );
            // One part, which `tag_ids` tags whole, as `tag_ids_within`
            // tags each of its parts.
            ids.extend(self.tagger.tag_ids(&words).into_iter().flatten());
        }
        Ok(ids)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A document longer than a tagging part gets, token for token, the
    /// labels the tagger gives it from all its words at once.
    #[test]
    fn long_document_is_labelled_as_the_tagger_labels_it() {
        let nlp = Nlp::embedded().expect("the embedded model loads");
        let sentence = "Angela Merkel met Emmanuel Macron in Paris, the French capital, \
                        on Monday, officials in Berlin said. ";
        let text = sentence.repeat(ner::PART_TOKENS / 6);
        let tokens = tokenize::tokens(&text);
        let sentences = sentences::sentences(&text, &tokens);
        let ranges = token_ranges(&tokens, &sentences);
        assert!(
            tokens.len() > 2 * ner::PART_TOKENS,
            "tagged in several parts"
        );
        let words: Vec<Vec<&str>> = ranges
            .iter()
            .map(|&(s, e)| tokens[s..e].iter().map(|t| t.slice(&text)).collect())
            .collect();
        let whole: Vec<u8> = nlp.tagger().tag_ids(&words).into_iter().flatten().collect();
        let ids = nlp
            .label_ids(&text, &tokens, &ranges, &Budget::unlimited())
            .expect("no limit");
        assert_eq!(ids, whole);
        assert!(ids.iter().any(|&l| l != 0), "names are found");
    }
}
