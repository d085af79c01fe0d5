//! Training the tagger: an averaged perceptron over greedy decoding.
//!
//! Each epoch decodes every training document with the current weights;
//! where the chosen label differs from the gold one, the gold label's
//! weights for the token's features go up and the chosen one's down (and
//! where the gold label wins by less than a margin, the runner-up's go
//! down: a correct but unsure choice is learnt from too). The
//! decoder keeps its own (possibly wrong) choices as history, so it learns
//! to recover from its mistakes as it must at tagging time. The averaged
//! weights (Daumé's trick: `w - u / c`) of the epoch with the best
//! development F1 are kept, pruned and quantised.

use super::features::FirstPass;
use super::lexicon::{Lexicons, PersonName, WordVectors};
use super::model::{add_dense, DenseInput, Weights, DENSE_SLOTS};
use super::model::{KeyMap, NerModel};
use super::score::F1Counts;
use super::tagger::{decode_document, label_name, Decoder, DocFeatures, Predict, Tagger};
use crate::conll::ConllDocument;
use std::collections::HashMap;

/// Settings of a training run.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the document shuffle (same seed, same model).
    pub seed: u64,
    /// Features whose averaged weights all stay below this are dropped.
    pub prune: f32,
    /// Folds for the second stage's jackknifed first-stage labels; below 2,
    /// the model has one stage only.
    pub folds: usize,
    /// Epochs of each jackknife model.
    pub fold_epochs: usize,
    /// Perceptrons averaged per stage.
    pub ensemble: usize,
    /// Correct labels whose score leads the runner-up's by less than this
    /// still update the weights (0 = plain perceptron).
    pub margin: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            seed: 7,
            // Dropping features whose averaged weights all stay below 1 (an
            // update's worth) keeps dev F1 and WikiGold unchanged with 60%
            // fewer features: a smaller model that tags faster.
            prune: 1.0,
            folds: 4,
            fold_epochs: 10,
            ensemble: 5,
            // Chosen on the development set (2 and 6 gave the same F1 there,
            // 6 slightly better on WikiGold); about +0.2 F1 over no margin.
            margin: 6.0,
        }
    }
}

/// What one epoch achieved, for progress output.
#[derive(Debug, Clone)]
pub struct EpochReport {
    /// Which stage (1 or 2) is being trained.
    pub stage: usize,
    /// Which ensemble member (1-based); 0 reports the averaged ensemble.
    pub member: usize,
    /// 1-based epoch number.
    pub epoch: usize,
    /// Share of training tokens labelled correctly during the epoch.
    pub train_accuracy: f64,
    /// Entity F1 of the averaged weights on the development set.
    pub dev_f1: f64,
    /// Features with weights so far.
    pub features: usize,
}

/// Why training could not run.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// The training data has no tags.
    #[error("the training data has no tagged sentences")]
    NoTags,
}

/// The perceptron's working state.
struct Perceptron {
    labels: usize,
    index: KeyMap<u32>,
    weights: Vec<i32>,
    /// Sum of `step × update`, for averaging.
    updates: Vec<i64>,
    /// Word-vector weights (`[slot][dimension][label]`) and their averaging sums.
    dense: Vec<f64>,
    dense_updates: Vec<f64>,
    step: i64,
    /// Gold label ids of the document being decoded.
    gold: Vec<Vec<u8>>,
    correct: usize,
    seen: usize,
    /// Correct choices whose score leads the runner-up by less than this
    /// are updated too (0 = plain perceptron).
    margin: f64,
}

impl Perceptron {
    fn new(labels: usize, dims: usize, margin: f64) -> Self {
        Perceptron {
            labels,
            index: KeyMap::default(),
            weights: Vec::new(),
            updates: Vec::new(),
            dense: vec![0.0; DENSE_SLOTS * dims * labels],
            dense_updates: vec![0.0; DENSE_SLOTS * dims * labels],
            step: 0,
            gold: Vec::new(),
            correct: 0,
            seen: 0,
            margin,
        }
    }

    fn row(&mut self, key: u64) -> usize {
        let next = self.index.len() as u32;
        let row = *self.index.entry(key).or_insert(next) as usize;
        if row == next as usize {
            self.weights.extend(std::iter::repeat_n(0, self.labels));
            self.updates.extend(std::iter::repeat_n(0, self.labels));
        }
        row
    }

    /// The averaged word-vector weights.
    fn averaged_dense(&self) -> Vec<f32> {
        let step = self.step.max(1) as f64;
        self.dense
            .iter()
            .zip(&self.dense_updates)
            .map(|(w, u)| (w - u / step) as f32)
            .collect()
    }

    /// The averaged weights as float rows.
    fn averaged(&self) -> Vec<(u64, Vec<f32>)> {
        let step = self.step.max(1) as f64;
        let n = self.labels;
        let mut rows: Vec<(u64, Vec<f32>)> = self
            .index
            .iter()
            .map(|(key, &row)| {
                let r = row as usize * n;
                let avg = (0..n)
                    .map(|l| {
                        (f64::from(self.weights[r + l]) - self.updates[r + l] as f64 / step) as f32
                    })
                    .collect();
                (*key, avg)
            })
            .collect();
        rows.sort_by_key(|(k, _)| *k);
        rows
    }
}

impl Decoder for Perceptron {
    fn label_count(&self) -> usize {
        self.labels
    }

    fn score(&self, features: &[u64], dense: &DenseInput<'_>, scores: &mut [f64]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(&row) = self.index.get(f) {
                let r = row as usize * self.labels;
                for (s, w) in scores.iter_mut().zip(&self.weights[r..r + self.labels]) {
                    *s += f64::from(*w);
                }
            }
        }
        if !self.dense.is_empty() {
            add_dense(&self.dense, dense, scores);
        }
    }

    fn choose(
        &mut self,
        sentence: usize,
        token: usize,
        features: &[u64],
        dense: &DenseInput<'_>,
        best: u8,
    ) -> u8 {
        self.step += 1;
        self.seen += 1;
        let gold = self.gold[sentence][token];
        let mut rival = best;
        if gold == best {
            self.correct += 1;
            if self.margin <= 0.0 {
                return best;
            }
            // A correct choice by a thin margin is updated too, against
            // the runner-up, so that the weights separate the labels.
            let mut scores = [0f64; 16];
            let n = self.labels.min(16);
            self.score(features, dense, &mut scores[..n]);
            let mut second: Option<usize> = None;
            for l in 0..n {
                if l != gold as usize && second.is_none_or(|r| scores[l] > scores[r]) {
                    second = Some(l);
                }
            }
            match second {
                Some(r) if scores[gold as usize] - scores[r] < self.margin => rival = r as u8,
                _ => return best,
            }
        }
        let predicted = best;
        let best = rival;
        let step = self.step;
        for &f in features {
            let r = self.row(f) * self.labels;
            self.weights[r + gold as usize] += 1;
            self.updates[r + gold as usize] += step;
            self.weights[r + best as usize] -= 1;
            self.updates[r + best as usize] -= step;
        }
        if !self.dense.is_empty() {
            let n = self.labels;
            for (slot, x) in dense.iter().enumerate() {
                let Some(x) = x else { continue };
                let base = slot * x.len() * n;
                for (d, xd) in x.iter().enumerate() {
                    let delta = f64::from(*xd) / 127.0;
                    let (g, b) = (base + d * n + gold as usize, base + d * n + best as usize);
                    if b < self.dense.len() && g < self.dense.len() {
                        self.dense[g] += delta;
                        self.dense_updates[g] += step as f64 * delta;
                        self.dense[b] -= delta;
                        self.dense_updates[b] -= step as f64 * delta;
                    }
                }
            }
        }
        predicted
    }
}

/// The entity types of tagged data, CoNLL's four first.
fn entity_types(docs: &[ConllDocument]) -> Vec<String> {
    let mut types: Vec<String> = ["PER", "ORG", "LOC", "MISC"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut extra: Vec<String> = docs
        .iter()
        .flat_map(|d| d.sentences.iter().flat_map(|s| s.tags.iter()))
        .filter_map(|t| t.get(2..).map(str::to_string))
        .filter(|t| !types.contains(t) && !t.is_empty())
        .collect();
    extra.sort();
    extra.dedup();
    types.extend(extra);
    types.truncate(7);
    types
}

/// The label id of a tag over `types` (unknown types become O).
fn label_id(types: &[String], tag: &str) -> u8 {
    let Some((prefix, ty)) = tag.split_once('-') else {
        return 0;
    };
    let Some(k) = types.iter().position(|t| t == ty) else {
        return 0;
    };
    (1 + 2 * k + usize::from(prefix == "I")) as u8
}

/// A deterministic shuffle (xorshift) of `0..n`.
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for i in (1..n).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        order.swap(i, (x % (i as u64 + 1)) as usize);
    }
    order
}

/// Entity F1 of `tagger` on tagged documents.
pub fn evaluate(tagger: &Tagger, docs: &[ConllDocument]) -> f64 {
    let mut counts = F1Counts::default();
    for doc in docs {
        let predicted = tagger.tag(&doc.words());
        for (s, p) in doc.sentences.iter().zip(&predicted) {
            if s.tags.len() == p.len() {
                let g: Vec<&str> = s.tags.iter().map(String::as_str).collect();
                let p: Vec<&str> = p.iter().map(String::as_str).collect();
                counts.add(&g, &p);
            }
        }
    }
    counts.f1()
}

/// Documents prepared for training: words, gold label ids, and (for the
/// second stage) the first stage's labels.
struct Prepared<'a> {
    words: Vec<Vec<Vec<&'a str>>>,
    features: Vec<DocFeatures>,
    gold: Vec<Vec<Vec<u8>>>,
}

impl<'a> Prepared<'a> {
    fn new(docs: &[&'a ConllDocument], types: &[String], lex: &Lexicons) -> Self {
        let words: Vec<Vec<Vec<&str>>> = docs.iter().map(|d| d.words()).collect();
        Prepared {
            features: words.iter().map(|w| DocFeatures::new(lex, w)).collect(),
            words,
            gold: docs
                .iter()
                .map(|d| {
                    d.sentences
                        .iter()
                        .map(|s| {
                            if s.tags.len() == s.words.len() {
                                s.tags.iter().map(|t| label_id(types, t)).collect()
                            } else {
                                vec![0; s.words.len()]
                            }
                        })
                        .collect()
                })
                .collect(),
        }
    }
}

/// Everything one stage's training needs.
struct StageJob<'a, 'b> {
    /// Word-vector dimensions (0 without vectors).
    dims: usize,
    labels: usize,
    types: &'a [String],
    train: &'a Prepared<'b>,
    /// Which training documents to use.
    subset: &'a [usize],
    /// First-stage labels of the training documents (second stage only).
    train_first: Option<&'a [FirstPass]>,
    dev: &'a Prepared<'b>,
    dev_first: Option<&'a [FirstPass]>,
    epochs: usize,
    seed: u64,
    prune: f32,
    margin: f64,
}

/// Label ids of every document of `docs` by one stage's weights.
fn predict_all(
    weights: &Weights,
    labels: usize,
    docs: &Prepared<'_>,
    first: Option<&[FirstPass]>,
    which: &[usize],
) -> Vec<Vec<Vec<u8>>> {
    which
        .iter()
        .map(|&d| {
            let mut p = Predict {
                weights,
                labels,
                memo: docs.features[d].memo(labels),
            };
            decode_document(&mut p, &docs.features[d], first.map(|f| &f[d]))
        })
        .collect()
}

/// Entity F1 of predicted label ids against gold ones.
fn f1_of(types: &[String], gold: &[Vec<Vec<u8>>], predicted: &[Vec<Vec<u8>>]) -> f64 {
    let mut counts = F1Counts::default();
    for (gd, pd) in gold.iter().zip(predicted) {
        for (g, p) in gd.iter().zip(pd) {
            let g: Vec<String> = g.iter().map(|l| label_name(types, *l)).collect();
            let p: Vec<String> = p.iter().map(|l| label_name(types, *l)).collect();
            let g: Vec<&str> = g.iter().map(String::as_str).collect();
            let p: Vec<&str> = p.iter().map(String::as_str).collect();
            counts.add(&g, &p);
        }
    }
    counts.f1()
}

/// The float weights one perceptron ends with: sparse rows and dense block.
type FloatWeights = (Vec<(u64, Vec<f32>)>, Vec<f32>);

/// Trains one perceptron with shuffle seed `seed`; returns its averaged
/// float weights of the best epoch on the development set (of the last
/// epoch without one).
fn train_member(
    job: &StageJob<'_, '_>,
    seed: u64,
    stage: usize,
    member: usize,
    report: &mut dyn FnMut(&EpochReport),
) -> FloatWeights {
    let mut p = Perceptron::new(job.labels, job.dims, job.margin);
    let dev_all: Vec<usize> = (0..job.dev.words.len()).collect();
    let mut best: Option<(f64, FloatWeights)> = None;
    for epoch in 1..=job.epochs.max(1) {
        p.correct = 0;
        p.seen = 0;
        let order = shuffled(job.subset.len(), seed.wrapping_add(epoch as u64));
        for k in order {
            let d = job.subset[k];
            p.gold = job.train.gold[d].clone();
            let first = job.train_first.map(|f| &f[d]);
            decode_document(&mut p, &job.train.features[d], first);
        }
        let floats = (p.averaged(), p.averaged_dense());
        let dev_f1 = if dev_all.is_empty() {
            0.0
        } else {
            let weights = Weights::from_float(floats.0.clone(), &floats.1, job.labels, 0.0);
            let predicted = predict_all(&weights, job.labels, job.dev, job.dev_first, &dev_all);
            f1_of(job.types, &job.dev.gold, &predicted)
        };
        report(&EpochReport {
            stage,
            member,
            epoch,
            train_accuracy: p.correct as f64 / p.seen.max(1) as f64,
            dev_f1,
            features: p.index.len(),
        });
        if dev_all.is_empty() || best.as_ref().is_none_or(|(f, _)| dev_f1 > *f) {
            best = Some((dev_f1, floats));
        }
    }
    best.map(|(_, w)| w).unwrap_or_default()
}

/// Trains one stage as the average of `ensemble` perceptrons that saw the
/// documents in different orders (averaging steadies the result: single
/// runs differ by about half a point of F1); returns quantised weights.
fn train_stage(
    job: &StageJob<'_, '_>,
    stage: usize,
    ensemble: usize,
    report: &mut dyn FnMut(&EpochReport),
) -> Weights {
    let members = ensemble.max(1);
    let mut rows: KeyMap<Vec<f32>> = KeyMap::default();
    let mut dense: Vec<f32> = Vec::new();
    for m in 0..members {
        let seed = job.seed.wrapping_add(1000 * m as u64);
        let (member_rows, member_dense) = train_member(job, seed, stage, m + 1, report);
        for (key, r) in member_rows {
            let slot = rows.entry(key).or_insert_with(|| vec![0.0; r.len()]);
            for (a, b) in slot.iter_mut().zip(&r) {
                *a += b / members as f32;
            }
        }
        if dense.is_empty() {
            dense = vec![0.0; member_dense.len()];
        }
        for (a, b) in dense.iter_mut().zip(&member_dense) {
            *a += b / members as f32;
        }
    }
    let mut rows: Vec<(u64, Vec<f32>)> = rows.into_iter().collect();
    rows.sort_by_key(|(k, _)| *k);
    let weights = Weights::from_float(rows, &dense, job.labels, job.prune);
    if members > 1 && !job.dev.words.is_empty() {
        let dev_all: Vec<usize> = (0..job.dev.words.len()).collect();
        let predicted = predict_all(&weights, job.labels, job.dev, job.dev_first, &dev_all);
        report(&EpochReport {
            stage,
            member: 0,
            epoch: 0,
            train_accuracy: 0.0,
            dev_f1: f1_of(job.types, &job.dev.gold, &predicted),
            features: weights.index().len(),
        });
    }
    weights
}

/// Trains a model on `train`, choosing epochs by F1 on `dev`, with the
/// word `classes` to ship inside it. `report` hears about every epoch.
///
/// Two stages: the first tags from local evidence; the second also reads
/// the first stage's labels over the whole document. So that the second
/// stage learns from first-stage labels as fallible as they will be on new
/// text, its training labels come from first-stage models that did not
/// see the document (`options.folds`-fold jackknifing).
pub fn train(
    train: &[ConllDocument],
    dev: &[ConllDocument],
    classes: HashMap<String, [u16; 3]>,
    vectors: WordVectors,
    person_names: HashMap<String, PersonName>,
    options: &TrainOptions,
    report: &mut dyn FnMut(&EpochReport),
) -> Result<NerModel, TrainError> {
    let tagged: Vec<&ConllDocument> = train
        .iter()
        .filter(|d| d.sentences.iter().any(|s| !s.tags.is_empty()))
        .collect();
    if tagged.is_empty() {
        return Err(TrainError::NoTags);
    }
    let types = entity_types(train);
    let labels = 1 + 2 * types.len();
    let lex = Lexicons::new(classes.clone(), vectors.clone(), person_names.clone());
    let train_p = Prepared::new(&tagged, &types, &lex);
    let dev_docs: Vec<&ConllDocument> = dev.iter().collect();
    let dev_p = Prepared::new(&dev_docs, &types, &lex);
    let all: Vec<usize> = (0..tagged.len()).collect();
    let mut job = StageJob {
        dims: lex.vectors.dims,
        labels,
        types: &types,
        train: &train_p,
        subset: &all,
        train_first: None,
        dev: &dev_p,
        dev_first: None,
        epochs: options.epochs,
        seed: options.seed,
        prune: options.prune,
        margin: options.margin,
    };
    let stage1 = train_stage(&job, 1, options.ensemble, report);
    if options.folds < 2 {
        return Ok(NerModel {
            types,
            stages: vec![stage1],
            classes: classes.into(),
            vectors,
            person_names: person_names.into(),
        });
    }
    // Jackknifed first-stage labels for the training documents.
    let mut first_labels: Vec<Vec<Vec<u8>>> = vec![Vec::new(); tagged.len()];
    for fold in 0..options.folds {
        let (held, kept): (Vec<usize>, Vec<usize>) =
            all.iter().partition(|d| *d % options.folds == fold);
        let fold_job = StageJob {
            subset: &kept,
            dev: &Prepared {
                words: Vec::new(),
                features: Vec::new(),
                gold: Vec::new(),
            },
            epochs: options.fold_epochs,
            ..job
        };
        let weights = train_stage(&fold_job, 0, 1, &mut |_| {});
        let predicted = predict_all(&weights, labels, &train_p, None, &held);
        for (d, p) in held.iter().zip(predicted) {
            first_labels[*d] = p;
        }
    }
    let train_first: Vec<FirstPass> = first_labels
        .into_iter()
        .enumerate()
        .map(|(d, l)| train_p.features[d].first_pass(l))
        .collect();
    let dev_all: Vec<usize> = (0..dev_p.words.len()).collect();
    let dev_first: Vec<FirstPass> = predict_all(&stage1, labels, &dev_p, None, &dev_all)
        .into_iter()
        .enumerate()
        .map(|(d, l)| dev_p.features[d].first_pass(l))
        .collect();
    job.train_first = Some(&train_first);
    job.dev_first = Some(&dev_first);
    let stage2 = train_stage(&job, 2, options.ensemble, report);
    Ok(NerModel {
        types,
        stages: vec![stage1, stage2],
        classes: classes.into(),
        vectors,
        person_names: person_names.into(),
    })
}

/// What a model ships besides its weights, to train another one on:
/// word classes, word vectors and person-name bands.
pub type ModelLexicons = (
    HashMap<String, [u16; 3]>,
    WordVectors,
    HashMap<String, PersonName>,
);

/// The word classes, vectors and person-name bands inside a trained model,
/// so that a retrain with new features needs no rebuild of them (the
/// GloVe clustering takes minutes; the model keeps exactly what it used).
pub fn lexicons_of(model: NerModel) -> ModelLexicons {
    (
        owned_words(&model.classes),
        model.vectors,
        owned_words(&model.person_names),
    )
}

/// A model's in-place word table as an owned map (training inserts into it).
fn owned_words<V: super::words::Payload>(words: &super::words::Words<V>) -> HashMap<String, V> {
    words.iter().map(|(w, v)| (w.into_owned(), v)).collect()
}

/// The BIO names of a model's labels, in id order.
pub fn label_names(model: &NerModel) -> Vec<String> {
    (0..model.label_count() as u8)
        .map(|l| label_name(&model.types, l))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conll::parse;

    #[test]
    fn learns_a_tiny_corpus() {
        let mut text = String::new();
        for (name, place) in [("Anna", "Paris"), ("Boris", "Oslo"), ("Carla", "Lima")] {
            text.push_str(&format!("{name} B-PER\nvisited O\n{place} B-LOC\n. O\n\n"));
        }
        let docs = parse(&text);
        let options = TrainOptions {
            epochs: 5,
            ..TrainOptions::default()
        };
        let model = train(
            &docs,
            &docs,
            HashMap::new(),
            WordVectors::default(),
            HashMap::new(),
            &options,
            &mut |_| {},
        )
        .unwrap();
        let tagger = Tagger::new(model);
        let tags = tagger.tag(&[vec!["Anna", "visited", "Oslo", "."]]);
        assert_eq!(tags[0], ["B-PER", "O", "B-LOC", "O"]);
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut s = shuffled(10, 3);
        s.sort();
        assert_eq!(s, (0..10).collect::<Vec<_>>());
    }
}
