//! The trained tagger's weights and their file format.
//!
//! Format (little-endian): magic `NGNER003`; entity types (u32 count, then
//! u8-length-prefixed names); u32 stage count, and per stage: u32 feature
//! count, that many u64 feature keys, that many rows of `labels` i16
//! weights; then u32 word-class count and that many (u8 length, word
//! bytes, 3 × u16 classes); then u32 vector dimensions, u32 vector count
//! and that many (u8 length, word bytes, dimensions × i8); then,
//! optionally, u32 person-name count and that many (u8 length, word bytes,
//! u8 given-name band, u8 surname band).

mod dense;
mod stored;
mod table;

use super::layout::Prebuilt;
use super::lexicon::{PersonName, WordVectors};
use super::words::{Payload, SortedWords, Words};
use dense::DenseBlock;
pub(crate) use dense::NO_VECTOR;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;
use stored::StoredArray;
use table::{add_lanes, FeatureTable, SLOT_LABELS};

const MAGIC: &[u8; 8] = b"NGNER003";

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes do not start with the model magic.
    #[error("not a newsgraph NER model (bad magic)")]
    BadMagic,
    /// The file ends before the data it announces.
    #[error("truncated NER model: {0}")]
    Truncated(&'static str),
    /// A string in the file is not UTF-8.
    #[error("NER model holds a name that is not UTF-8")]
    BadString,
}

/// Hashes `u64` feature keys by using them as they are (they are already
/// well-mixed hashes).
#[derive(Default, Clone, Copy)]
pub(crate) struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map from feature keys, hashed by identity.
pub(crate) type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// Word-vector feature slots: the tokens two before to two after, and the
/// token again when capitalised (GloVe is lower-cased: "May" the month and
/// "may" the verb share a vector, and only casing tells names apart).
pub(crate) const DENSE_SLOTS: usize = 6;

/// The word vectors of a token's dense slots (`None` for unknown words).
pub(crate) type DenseInput<'a> = [Option<&'a [i8]>; DENSE_SLOTS];

/// What one part of a token's features adds to its scores: its sparse
/// features and the word vectors it puts in the token's dense slots. A
/// part depends on one word alone (its own, or a neighbour's in one
/// place) or on the labels before the token, and is the same at every
/// token it stands for.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PartInput<'a> {
    /// Its sparse features.
    pub features: &'a [u64],
    /// The (dense slot, vector) pairs it fills: a neighbour's word fills
    /// one slot, the token's own word one or two.
    pub dense: [Option<(usize, &'a [i8])>; 2],
}

/// The number of a part a token does not have (it adds nothing).
pub(crate) const NO_PART: usize = usize::MAX;

/// The parts of one token's features, each numbered in its document, so
/// that a part's sums are worked out at its first token only.
pub(crate) trait TokenParts {
    /// Each part's number in the document ([`NO_PART`] for one the token
    /// does not have).
    fn ids(&self) -> &[usize];
    /// The features and vectors of the `k`-th part of [`TokenParts::ids`]
    /// (asked for only when its sums are not known yet).
    fn part(&self, k: usize) -> PartInput<'_>;
}

/// What one part adds to a token's scores, summed: its features' weights
/// and its vectors' products (divided and rounded only with the rest of
/// the token's, as the plain layout does).
#[derive(Debug, Clone, Copy, Default)]
struct PartSums {
    sparse: [i32; SLOT_LABELS],
    dense: [i32; SLOT_LABELS],
}

/// What the tokens of one document share within one stage: the sums of
/// each part ([`TokenParts`]), worked out at its first use.
///
/// Only the parts a document uses get sums: most of the parts it numbers
/// (a word with each previous label, say) never come up, and a table of
/// sums for every one of them cost more to zero than to fill.
#[derive(Debug, Default)]
pub(crate) struct DocMemo {
    /// Per part, one past its place in `sums` once known, 0 before.
    at: Vec<u32>,
    /// The known parts' sums, in the order they became known.
    sums: Vec<PartSums>,
    /// The parts numbered below this may carry vectors, whose products
    /// the memo keeps with their sums (any other part is remembered
    /// only without vectors).
    with_vectors: usize,
}

impl DocMemo {
    /// A memo for a document of `parts` parts, of which the first
    /// `with_vectors` may carry vectors.
    pub(crate) fn new(parts: usize, with_vectors: usize) -> Self {
        // Room for about as many as a document uses: its word parts and
        // as many again of the others (growing copied the sums over and
        // over).
        let room = parts.min(2 * with_vectors + 1024);
        DocMemo {
            at: vec![0; parts],
            sums: Vec::with_capacity(room),
            with_vectors: with_vectors.min(parts),
        }
    }

    /// Forgets what the memo holds, keeping its memory: the next stage of
    /// the same document reuses it rather than touching fresh pages.
    pub(crate) fn clear(&mut self) {
        self.at.fill(0);
        self.sums.clear();
    }

    /// Whether the memo holds the sums of part `id`.
    pub(crate) fn knows(&self, id: usize) -> bool {
        self.at.get(id).is_some_and(|k| *k != 0)
    }

    /// The sums of part `id`, if known (the products zero for a part
    /// past `with_vectors`).
    fn get(&self, id: usize) -> Option<&PartSums> {
        let k = *self.at.get(id)?;
        self.sums.get(k.checked_sub(1)? as usize)
    }

    /// Remembers the sums of part `id` (not yet known), unless it is a
    /// part past `with_vectors` that carries vectors; whether it did.
    fn remember(&mut self, id: usize, sums: &PartSums) -> bool {
        let vectors = sums.dense != [0; SLOT_LABELS];
        if id >= self.with_vectors && vectors {
            return false;
        }
        let Some(slot) = self.at.get_mut(id) else {
            return false;
        };
        let Ok(k) = u32::try_from(self.sums.len() + 1) else {
            return false;
        };
        *slot = k;
        self.sums.push(*sums);
        true
    }
}

/// Writes each label's score: its sparse sum and its vector products
/// divided and rounded. Kept out of line, so that the caller keeps its
/// sums in vector registers (inlined, the division's lanes are taken apart
/// and so are the sums, which then add one lane at a time).
#[inline(never)]
fn finish(sparse: &[i32; SLOT_LABELS], dense: &[i32; SLOT_LABELS], scores: &mut [i32]) {
    let mut out = [0i32; SLOT_LABELS];
    for k in 0..SLOT_LABELS {
        out[k] = sparse[k] + dense::round_div_127_i32(dense[k]);
    }
    // Copied as a block once every lane is worked out, so that the lanes
    // are rounded together (stored one by one, each lane's rounding was
    // kept apart with its store).
    let n = scores.len().min(SLOT_LABELS);
    if let (Some(to), Some(from)) = (scores.get_mut(..n), out.get(..n)) {
        to.copy_from_slice(from);
    }
}

/// One stage's weights: a row of per-label scores for each known feature,
/// and a `[slot][dimension][label]` block for word-vector components.
#[derive(Debug, Clone, Default)]
pub(crate) struct Weights {
    /// Feature keys, row by row, as the file holds them.
    keys: StoredArray<u64>,
    /// Feature key → row index, built on first use: tagging reads the
    /// tagging layout, so a process that only tags never pays for it.
    index: OnceLock<KeyMap<u32>>,
    /// Rows of `label_count` quantised weights, as the file holds them.
    weights: StoredArray<i16>,
    /// Quantised word-vector weights (empty without vectors): a few
    /// thousand, decoded at load for the plain scorer.
    pub(crate) dense: Vec<i16>,
    /// The same weights laid out for fast scoring, built once at load.
    tagging: TaggingLayout,
}

/// A stage's weights re-laid for tagging (see [`table`] and [`dense`]);
/// scoring through it gives exactly the scores of the plain layout.
#[derive(Debug, Clone, Default)]
struct TaggingLayout {
    /// The label count the layout was built for; scoring another count
    /// falls back to the plain layout.
    labels: usize,
    /// Feature key and label weights side by side.
    sparse: Option<FeatureTable>,
    /// Word-vector weights for integer multiply-adds.
    dense: Option<DenseBlock>,
}

/// Adds `Σ x·w / 127` for each label: vector components are signed bytes
/// standing for values in [-1, 1].
pub(crate) fn add_dense<W: Copy + Into<f64>>(
    dense: &[W],
    input: &DenseInput<'_>,
    scores: &mut [f64],
) {
    let n = scores.len();
    for (slot, x) in input.iter().enumerate() {
        let Some(x) = x else { continue };
        let dims = x.len();
        let base = slot * dims * n;
        for (d, xd) in x.iter().enumerate() {
            if *xd == 0 {
                continue;
            }
            let xf = f64::from(*xd) / 127.0;
            if let Some(row) = dense.get(base + d * n..base + (d + 1) * n) {
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += xf * (*w).into();
                }
            }
        }
    }
}

impl Weights {
    /// Builds a stage from its plain layout, adding the tagging layout.
    fn new(
        keys: StoredArray<u64>,
        weights: StoredArray<i16>,
        dense: Vec<i16>,
        labels: usize,
    ) -> Self {
        let sparse = FeatureTable::build(&keys, &weights, labels);
        Self::with_table(keys, weights, dense, labels, sparse)
    }

    /// [`Weights::new`] with the feature table `sparse` of its tagging
    /// layout given (laid out when the crate was built).
    fn with_table(
        keys: StoredArray<u64>,
        weights: StoredArray<i16>,
        dense: Vec<i16>,
        labels: usize,
        sparse: Option<FeatureTable>,
    ) -> Self {
        let tagging = TaggingLayout {
            labels,
            sparse,
            dense: DenseBlock::build(&dense, labels),
        };
        Weights {
            keys,
            index: OnceLock::new(),
            weights,
            dense,
            tagging,
        }
    }

    /// Feature key → row (a later row wins for a key written twice, as
    /// when the file was read into a map).
    pub(crate) fn index(&self) -> &KeyMap<u32> {
        self.index.get_or_init(|| {
            let mut index = KeyMap::default();
            index.reserve(self.keys.len());
            for (row, key) in self.keys.iter().enumerate() {
                index.insert(key, row as u32);
            }
            index
        })
    }

    /// [`Weights::score`] for a token whose features are its `parts` and
    /// `features`, reusing the parts' sums in `memo` (the same scores: the
    /// sparse weights and the vector products are exact integers, summed
    /// in any order, and the products are divided and rounded together).
    pub(crate) fn score_memo<P: TokenParts>(
        &self,
        parts: &P,
        features: &[u64],
        memo: &mut DocMemo,
        scores: &mut [i32],
    ) {
        let n = scores.len();
        let laid_out = n == self.tagging.labels;
        let table = self.tagging.sparse.as_ref().filter(|_| laid_out);
        let block = self.tagging.dense.as_ref().filter(|_| laid_out);
        // Vectors are scored through the block, or not at all when the
        // model has none.
        let (Some(table), true) = (table, block.is_some() || self.dense.is_empty()) else {
            return self.score_plain(parts, features, scores);
        };
        // The parts not known yet are worked out first, and then every
        // part's sums are added in a loop without calls, into sums that
        // start from constants and whose address is never taken: so they
        // stay in registers (a sum live across a call, written by one or
        // handed to one by reference lives in memory, and every part's
        // lanes were loaded, added and stored again).
        let ids = parts.ids();
        let mut missing = [0i32; SLOT_LABELS];
        let mut missing_dense = [0i32; SLOT_LABELS];
        for (k, &id) in ids.iter().enumerate() {
            if id == NO_PART || memo.knows(id) {
                continue;
            }
            let Some(sums) = self.part_sums(table, block, &parts.part(k)) else {
                return self.score_plain(parts, features, scores);
            };
            if !memo.remember(id, &sums) {
                add_lanes(&mut missing, &sums.sparse);
                add_lanes(&mut missing_dense, &sums.dense);
            }
        }
        let own = table.sum(features);
        let mut sparse = [0i32; SLOT_LABELS];
        let mut dense = [0i32; SLOT_LABELS];
        for &id in ids {
            if let Some(sums) = memo.get(id) {
                add_lanes(&mut sparse, &sums.sparse);
                add_lanes(&mut dense, &sums.dense);
            }
        }
        add_lanes(&mut sparse, &own);
        add_lanes(&mut sparse, &missing);
        add_lanes(&mut dense, &missing_dense);
        // Copies are handed over, not the sums themselves (see above).
        finish(&{ sparse }, &{ dense }, scores);
    }

    /// The sums of one part; `None` when a vector's length is not the
    /// block's (the token is then scored the plain way).
    fn part_sums(
        &self,
        table: &FeatureTable,
        block: Option<&DenseBlock>,
        part: &PartInput<'_>,
    ) -> Option<PartSums> {
        let mut sums = PartSums {
            sparse: table.sum(part.features),
            dense: [0; SLOT_LABELS],
        };
        if self.dense.is_empty() {
            return Some(sums);
        }
        for (slot, x) in part.dense.iter().flatten() {
            // Lanes past the label count are zero (at most SLOT_LABELS
            // labels, as the table holds).
            let products = block?.slot_products(*slot, x)?;
            for (d, p) in sums.dense.iter_mut().zip(products) {
                *d += p;
            }
        }
        Some(sums)
    }

    /// [`Weights::score`] of all the parts' features and vectors and
    /// `features` together.
    fn score_plain<P: TokenParts>(&self, parts: &P, features: &[u64], scores: &mut [i32]) {
        let mut all: Vec<u64> = Vec::new();
        let mut dense: DenseInput<'_> = [None; DENSE_SLOTS];
        for k in 0..parts.ids().len() {
            let part = parts.part(k);
            all.extend_from_slice(part.features);
            for (slot, x) in part.dense.iter().flatten() {
                if let Some(d) = dense.get_mut(*slot) {
                    *d = Some(x);
                }
            }
        }
        all.extend_from_slice(features);
        self.score(&all, &dense, scores);
    }

    /// Writes each label's score for `features` and the word vectors
    /// `dense` into `scores`.
    pub(crate) fn score(&self, features: &[u64], dense: &DenseInput<'_>, scores: &mut [i32]) {
        let n = scores.len();
        let laid_out = n == self.tagging.labels;
        match self.tagging.sparse.as_ref().filter(|_| laid_out) {
            Some(table) => {
                let sums = table.sum(features);
                scores.copy_from_slice(&sums[..n]);
            }
            None => self.sparse_score(features, scores),
        }
        if self.dense.is_empty() {
            return;
        }
        let products = self
            .tagging
            .dense
            .as_ref()
            .filter(|_| laid_out)
            .and_then(|block| block.products(dense));
        self.add_products(products, dense, scores);
    }

    /// Adds the word-vector scores: the laid-out block's `products` when
    /// it gave them, else those of `dense` by the plain layout; rounded
    /// the same way either way.
    fn add_products(
        &self,
        products: Option<[i64; dense::LANES]>,
        dense: &DenseInput<'_>,
        scores: &mut [i32],
    ) {
        match products {
            Some(products) => {
                for (s, p) in scores.iter_mut().zip(products) {
                    *s += dense::round_div_127(p);
                }
            }
            None => self.add_dense_rounded(dense, scores),
        }
    }

    /// Adds the word-vector scores of `dense` by the plain layout, rounded.
    fn add_dense_rounded(&self, dense: &DenseInput<'_>, scores: &mut [i32]) {
        let mut extra = [0f64; 16];
        let n = scores.len().min(16);
        add_dense(&self.dense, dense, &mut extra[..n]);
        for (s, e) in scores.iter_mut().zip(&extra[..n]) {
            *s += e.round() as i32;
        }
    }

    /// Writes each label's score for the sparse `features` into `scores`.
    pub(crate) fn sparse_score(&self, features: &[u64], scores: &mut [i32]) {
        let n = scores.len();
        scores.iter_mut().for_each(|s| *s = 0);
        for f in features {
            if let Some(&row) = self.index().get(f) {
                if let Some(ws) = self.weights.run(row as usize * n, n) {
                    for (s, w) in scores.iter_mut().zip(ws) {
                        *s += i32::from(w);
                    }
                }
            }
        }
    }

    /// Quantises float rows and word-vector weights to i16 (one scale for
    /// both), dropping rows whose weights all stay below `prune` in magnitude.
    pub(crate) fn from_float(
        rows: Vec<(u64, Vec<f32>)>,
        dense: &[f32],
        labels: usize,
        prune: f32,
    ) -> Self {
        let max = rows
            .iter()
            .flat_map(|(_, r)| r.iter())
            .chain(dense)
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { 32_000.0 / max } else { 1.0 };
        let mut kept: Vec<(u64, Vec<f32>)> = rows
            .into_iter()
            .filter(|(_, r)| r.iter().any(|w| w.abs() >= prune))
            .collect();
        kept.sort_by_key(|(k, _)| *k);
        let keys = kept.iter().map(|(key, _)| *key).collect();
        let weights = kept
            .iter()
            .flat_map(|(_, r)| r.iter().map(|w| (w * scale).round() as i16))
            .collect();
        let dense = dense.iter().map(|w| (w * scale).round() as i16).collect();
        Weights::new(keys, weights, dense, labels)
    }

    fn write(&self, labels: usize, out: &mut Vec<u8>) {
        let mut keys: Vec<(u64, u32)> = self.index().iter().map(|(k, v)| (*k, *v)).collect();
        keys.sort_by_key(|(_, row)| *row);
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for (k, _) in &keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for (_, row) in &keys {
            let start = *row as usize * labels;
            if let Some(row) = self.weights.run(start, labels) {
                for w in row {
                    out.extend_from_slice(&w.to_le_bytes());
                }
            }
        }
        out.extend_from_slice(&(self.dense.len() as u32).to_le_bytes());
        for w in &self.dense {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }

    /// Reads a stage; `keep` holds on to its keys' and weights' bytes.
    fn read<'a>(
        r: &mut Reader<'a>,
        labels: usize,
        keep: &impl Fn(&'a [u8]) -> Cow<'static, [u8]>,
    ) -> Result<Self, ModelError> {
        let features = r.u32("feature count")? as usize;
        let prebuilt = r.prebuilt.and_then(|p| p.features(r.at, labels));
        let keys =
            StoredArray::from_bytes(keep(r.take(features.saturating_mul(8), "feature keys")?));
        let weights = StoredArray::from_bytes(keep(
            r.take(features.saturating_mul(labels * 2), "weights")?,
        ));
        let dense_len = r.u32("dense weight count")? as usize;
        let dense = r
            .take(dense_len.saturating_mul(2), "dense weights")?
            .chunks_exact(2)
            .map(|w| i16::from_le_bytes([w[0], w[1]]))
            .collect();
        Ok(match prebuilt {
            Some(table) => {
                let sparse = table.map(FeatureTable::prebuilt);
                Weights::with_table(keys, weights, dense, labels, sparse)
            }
            None => Weights::new(keys, weights, dense, labels),
        })
    }
}

/// Trained weights of the tagger's stages (the second stage reads the
/// first one's labels for the whole document), plus the word classes.
#[derive(Debug, Clone, Default)]
pub struct NerModel {
    /// Entity types, in label order ("PER", "ORG", "LOC", "MISC").
    pub(crate) types: Vec<String>,
    /// One or two stages of weights.
    pub(crate) stages: Vec<Weights>,
    /// Word classes shipped with the model.
    pub(crate) classes: Words<[u16; 3]>,
    /// Word vectors shipped with the model.
    pub(crate) vectors: WordVectors,
    /// Person-name frequency bands shipped with the model.
    pub(crate) person_names: Words<PersonName>,
}

impl NerModel {
    /// Number of BIO labels: O, then B-/I- per type.
    pub fn label_count(&self) -> usize {
        1 + 2 * self.types.len()
    }

    /// The entity types the model tags.
    pub fn types(&self) -> &[String] {
        &self.types
    }

    /// Number of features with weights, over all stages.
    pub fn feature_count(&self) -> usize {
        self.stages.iter().map(|s| s.index().len()).sum()
    }

    /// Builds a model from float weights per stage (see [`Weights::from_float`]).
    #[cfg(test)]
    pub(crate) fn from_float(
        types: Vec<String>,
        stages: Vec<Vec<(u64, Vec<f32>)>>,
        classes: HashMap<String, [u16; 3]>,
        prune: f32,
    ) -> Self {
        let labels = 1 + 2 * types.len();
        NerModel {
            stages: stages
                .into_iter()
                .map(|rows| Weights::from_float(rows, &[], labels, prune))
                .collect(),
            types,
            classes: classes.into(),
            vectors: WordVectors::default(),
            person_names: Words::default(),
        }
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.types.len() as u32).to_le_bytes());
        for t in &self.types {
            out.push(t.len() as u8);
            out.extend_from_slice(t.as_bytes());
        }
        out.extend_from_slice(&(self.stages.len() as u32).to_le_bytes());
        for s in &self.stages {
            s.write(self.label_count(), &mut out);
        }
        let mut words: Vec<(Cow<'_, str>, [u16; 3])> = self.classes.iter().collect();
        words.sort();
        let words: Vec<_> = words.into_iter().filter(|(w, _)| w.len() < 256).collect();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (w, c) in words {
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
            for x in c {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        let mut vectors: Vec<(Cow<'_, str>, u32)> = self
            .vectors
            .index
            .iter()
            .filter(|(w, _)| w.len() < 256)
            .collect();
        vectors.sort();
        out.extend_from_slice(&(self.vectors.dims as u32).to_le_bytes());
        out.extend_from_slice(&(vectors.len() as u32).to_le_bytes());
        for (w, _) in vectors {
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
            if let Some(v) = self.vectors.get(&w) {
                out.extend_from_slice(v);
            }
        }
        let mut names: Vec<(Cow<'_, str>, PersonName)> = self
            .person_names
            .iter()
            .filter(|(w, _)| w.len() < 256)
            .collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        out.extend_from_slice(&(names.len() as u32).to_le_bytes());
        for (w, n) in names {
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
            out.push(n.first);
            out.push(n.last);
        }
        out
    }

    /// Reads a model written by [`NerModel::to_bytes`] (copying what it
    /// keeps of `bytes`).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        Self::read(bytes, |b| Cow::Owned(b.to_vec()), None)
    }

    /// [`NerModel::from_bytes`] for bytes that live as long as the program
    /// (the model embedded in the binary): the stages' plain layout and the
    /// word tables are read where they lie, with nothing copied.
    pub fn from_static_bytes(bytes: &'static [u8]) -> Result<Self, ModelError> {
        Self::read(bytes, Cow::Borrowed, None)
    }

    /// [`NerModel::from_static_bytes`] with its lookup tables laid out
    /// ahead of time in `layout` (as `layout::prebuild` writes it, which
    /// the build script does for the embedded model): they are read where
    /// they lie, not laid out at load. A table the blob does not hold for
    /// these bytes is laid out at load as without it.
    pub(crate) fn from_static_bytes_laid_out(
        bytes: &'static [u8],
        layout: &'static [u8],
    ) -> Result<Self, ModelError> {
        Self::read(bytes, Cow::Borrowed, Prebuilt::new(layout, bytes.len()))
    }

    /// Reads a model; `keep` holds on to the bytes of a stage's plain
    /// layout or of a word table; the tables `prebuilt` holds are taken
    /// from it.
    fn read<'a>(
        bytes: &'a [u8],
        keep: impl Fn(&'a [u8]) -> Cow<'static, [u8]>,
        prebuilt: Option<Prebuilt>,
    ) -> Result<Self, ModelError> {
        let mut r = Reader {
            bytes,
            at: 0,
            prebuilt,
        };
        if r.take(8, "magic")? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let type_count = r.u32("type count")? as usize;
        let mut types = Vec::with_capacity(type_count.min(8));
        for _ in 0..type_count.min(8) {
            types.push(r.string("type name")?);
        }
        let labels = 1 + 2 * types.len();
        let stage_count = r.u32("stage count")? as usize;
        let mut stages = Vec::with_capacity(stage_count.min(4));
        for _ in 0..stage_count.min(4) {
            stages.push(Weights::read(&mut r, labels, &keep)?);
        }
        let word_count = r.u32("word-class count")? as usize;
        let classes = r.words(word_count, 6, "word classes", &keep)?;
        let dims = r.u32("vector dimensions")? as usize;
        let count = r.u32("vector count")? as usize;
        let table_start = r.at;
        let index = r.words(count, dims, "vector", &keep)?;
        // A table in place holds each vector after its word; one that had
        // to be hashed into memory gets its rows copied out, in entry
        // order (an entry's row is its position).
        let mut data = Vec::new();
        if let Words::Map(_) = index {
            let mut at = table_start;
            for _ in 0..count {
                let len = usize::from(bytes[at]);
                data.extend_from_slice(&bytes[at + 1 + len..at + 1 + len + dims]);
                at += 1 + len + dims;
            }
        }
        let vectors = WordVectors { dims, index, data };
        // Models written before the person names were added end here.
        let mut person_names = Words::default();
        if r.at < r.bytes.len() {
            let count = r.u32("person-name count")? as usize;
            person_names = r.words(count, 2, "person name", &keep)?;
        }
        Ok(NerModel {
            types,
            stages,
            classes,
            vectors,
            person_names,
        })
    }
}

/// A cursor over model bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// The tables laid out ahead of time for these bytes, if any.
    prebuilt: Option<Prebuilt>,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError::Truncated(what))?;
        let s = self
            .bytes
            .get(self.at..end)
            .ok_or(ModelError::Truncated(what))?;
        self.at = end;
        Ok(s)
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, ModelError> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A table of `count` (word, `payload` bytes) entries.
    fn words<V: Payload>(
        &mut self,
        count: usize,
        payload: usize,
        what: &'static str,
        keep: &impl Fn(&'a [u8]) -> Cow<'static, [u8]>,
    ) -> Result<Words<V>, ModelError> {
        let rest = &self.bytes[self.at..];
        let laid_out = self.prebuilt.and_then(|p| p.words(self.at, count, payload));
        if let Some((entries, table)) = laid_out.and_then(|t| Some((rest.get(..t.read)?, t))) {
            self.at += table.read;
            return Ok(Words::Sorted(SortedWords::prebuilt(
                keep(entries),
                table,
                payload,
            )));
        }
        let (words, read) = SortedWords::read(rest, count, payload, what, keep)?;
        self.at += read;
        Ok(words)
    }

    fn string(&mut self, what: &'static str) -> Result<String, ModelError> {
        let len = self.take(1, what)?[0] as usize;
        let b = self.take(len, what)?;
        String::from_utf8(b.to_vec()).map_err(|_| ModelError::BadString)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_bytes() {
        let mut classes = HashMap::new();
        classes.insert("rome".to_string(), [1, 2, 3]);
        let mut model = NerModel::from_float(
            vec!["PER".into(), "LOC".into()],
            vec![vec![
                (7, vec![0.5, -1.0, 0.0, 0.25, 0.0]),
                (9, vec![0.0; 5]),
            ]],
            classes,
            0.01,
        );
        let jane = PersonName { first: 1, last: 4 };
        model.person_names.insert("jane".to_string(), jane);
        model.vectors = super::super::parse_word_vectors("rome\t1 -2 3\nparis\t-128 0 127\n");
        let bytes = model.to_bytes();
        let back = NerModel::from_bytes(&bytes).unwrap();
        assert_eq!(back.person_names.get("jane"), Some(jane));
        // The vectors are read in place, each after its word.
        assert!(matches!(back.vectors.index, Words::Sorted(_)));
        assert_eq!(back.vectors, model.vectors);
        assert_eq!(back.vectors.get("paris"), Some(&[128u8, 0, 127][..]));
        let row = back.vectors.index.get("rome").unwrap();
        assert_eq!(back.vectors.at(row), Some(&[1u8, 254, 3][..]));
        // A model written before person names were stored still loads.
        let older = NerModel::from_bytes(&bytes[..bytes.len() - 4 - 1 - 4 - 2]).unwrap();
        assert!(older.person_names.is_empty());
        assert_eq!(back.types, model.types);
        assert_eq!(back.feature_count(), 1);
        assert_eq!(back.classes.get("rome"), Some([1, 2, 3]));
        let mut scores = [0i32; 5];
        back.stages[0].score(&[7, 9, 11], &[None; DENSE_SLOTS], &mut scores);
        assert!(scores[1] < 0 && scores[0] > scores[3] && scores[3] > 0);
    }

    /// The scores of the plain layout, as the file defines them.
    fn plain_score(w: &Weights, features: &[u64], dense: &DenseInput<'_>, scores: &mut [i32]) {
        w.sparse_score(features, scores);
        let mut extra = vec![0f64; scores.len()];
        add_dense(&w.dense, dense, &mut extra);
        for (s, e) in scores.iter_mut().zip(&extra) {
            *s += e.round() as i32;
        }
    }

    #[test]
    fn tagging_layout_scores_exactly_like_the_file() {
        let model = NerModel::from_bytes(crate::EMBEDDED_NER).unwrap();
        let labels = model.label_count();
        let dims = model.vectors.dims;
        // A small deterministic generator (xorshift), so failures reproduce.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for stage in &model.stages {
            assert!(stage.tagging.sparse.is_some() && stage.tagging.dense.is_some());
            let known: Vec<u64> = {
                let mut keys: Vec<u64> = stage.index().keys().copied().collect();
                keys.sort_unstable();
                keys
            };
            for _ in 0..2_000 {
                let features: Vec<u64> = (0..60)
                    .map(|_| match next() % 3 {
                        0 => next(),
                        _ => known[(next() % known.len() as u64) as usize],
                    })
                    .collect();
                let vectors: Vec<Vec<i8>> = (0..DENSE_SLOTS)
                    .map(|_| (0..dims).map(|_| next() as i8).collect())
                    .collect();
                let mut dense: DenseInput<'_> = [None; DENSE_SLOTS];
                for (slot, v) in dense.iter_mut().zip(&vectors) {
                    if next() % 4 != 0 {
                        *slot = Some(v);
                    }
                }
                let mut fast = vec![0i32; labels];
                let mut plain = vec![0i32; labels];
                stage.score(&features, &dense, &mut fast);
                plain_score(stage, &features, &dense, &mut plain);
                assert_eq!(fast, plain);
                // The per-document part sums give the same scores,
                // computed and then read back from the memo: the first
                // twenty features and the six vectors taken for three parts.
                let slot = |k: usize| dense[k].map(|x| (k, x));
                let parts = TestParts {
                    ids: vec![1, 0, 2],
                    inputs: vec![
                        PartInput {
                            features: &features[..15],
                            dense: [slot(0), slot(5)],
                        },
                        PartInput {
                            features: &features[15..20],
                            dense: [slot(1), slot(2)],
                        },
                        PartInput {
                            features: &[],
                            dense: [slot(3), slot(4)],
                        },
                    ],
                };
                // Room for the products of parts 0 and 1 only.
                let mut memo = DocMemo::new(3, 2);
                for _ in 0..2 {
                    let mut memoised = vec![0i32; labels];
                    stage.score_memo(&parts, &features[20..], &mut memo, &mut memoised);
                    assert_eq!(memoised, plain);
                    // Part 2 is remembered only without vectors.
                    let vectors = dense[3].is_some() || dense[4].is_some();
                    assert!(memo.knows(0) && memo.knows(1));
                    assert_eq!(memo.knows(2), !vectors);
                }
            }
        }
    }

    /// A token's parts given outright.
    struct TestParts<'a> {
        ids: Vec<usize>,
        inputs: Vec<PartInput<'a>>,
    }

    impl TokenParts for TestParts<'_> {
        fn ids(&self) -> &[usize] {
            &self.ids
        }
        fn part(&self, k: usize) -> PartInput<'_> {
            self.inputs[k]
        }
    }

    #[test]
    fn unsorted_vectors_are_copied_out_by_row() {
        let mut model = NerModel::from_float(vec!["PER".into()], vec![vec![]], HashMap::new(), 0.0);
        model.vectors = super::super::parse_word_vectors("oslo\t1 2 3\nrome\t-1 -2 -3\n");
        let mut bytes = model.to_bytes();
        // The two entries (length byte, word, three components) swapped.
        let at = bytes.windows(5).position(|w| w == b"\x04oslo").unwrap();
        let (oslo, rome) = (bytes[at..at + 8].to_vec(), bytes[at + 8..at + 16].to_vec());
        bytes[at..at + 8].copy_from_slice(&rome);
        bytes[at + 8..at + 16].copy_from_slice(&oslo);
        let back = NerModel::from_bytes(&bytes).unwrap();
        assert!(matches!(back.vectors.index, Words::Map(_)));
        assert_eq!(back.vectors, model.vectors);
        assert_eq!(back.vectors.get("rome"), Some(&[255u8, 254, 253][..]));
    }

    #[test]
    fn the_embedded_model_read_in_place_writes_back_byte_for_byte() {
        let model = NerModel::from_static_bytes(crate::EMBEDDED_NER).unwrap();
        assert!(model.vectors.len() > 1000 && model.feature_count() > 1000);
        assert!(model.to_bytes() == crate::EMBEDDED_NER);
    }

    #[test]
    fn the_embedded_layout_is_the_one_laid_out_at_load() {
        // The blob the build script wrote is the one this crate's code
        // writes for the embedded model now.
        let blob = &crate::EMBEDDED_NER_LAYOUT.0;
        assert!(super::super::layout::prebuild(crate::EMBEDDED_NER).as_deref() == Some(blob));
        let laid_out = NerModel::from_static_bytes_laid_out(crate::EMBEDDED_NER, blob).unwrap();
        let at_load = NerModel::from_static_bytes(crate::EMBEDDED_NER).unwrap();
        assert_eq!(laid_out.stages.len(), at_load.stages.len());
        for (a, b) in laid_out.stages.iter().zip(&at_load.stages) {
            let (a, b) = (a.tagging.sparse.as_ref(), b.tagging.sparse.as_ref());
            assert!(a.unwrap().layout() == b.unwrap().layout());
        }
        fn same<V: Payload>(a: &Words<V>, b: &Words<V>) {
            let (Words::Sorted(a), Words::Sorted(b)) = (a, b) else {
                panic!("the embedded model's words are sorted");
            };
            let (a, b) = (a.layout(), b.layout());
            // Borrowed from the blob, not laid out at load.
            assert!(a.3 && !b.3);
            assert!(a.0 == b.0 && a.1 == b.1 && a.2 == b.2);
        }
        same(&laid_out.classes, &at_load.classes);
        same(&laid_out.vectors.index, &at_load.vectors.index);
        same(&laid_out.person_names, &at_load.person_names);
        // And the model reads the same.
        assert!(laid_out.to_bytes() == crate::EMBEDDED_NER);
        // A blob for other bytes is not used: the tables are laid out at load.
        let other = NerModel::from_static_bytes_laid_out(&crate::EMBEDDED_NER[..8], blob);
        assert!(other.is_err());
        assert!(Prebuilt::new(blob, crate::EMBEDDED_NER.len() - 1).is_none());
    }

    #[test]
    fn a_small_model_laid_out_ahead_reads_as_laid_out_at_load() {
        let mut classes = HashMap::new();
        classes.insert("rome".to_string(), [1, 2, 3]);
        classes.insert("oslo".to_string(), [4, 5, 6]);
        let rows = vec![(0, vec![1.0; 5]), (7, vec![0.5, -1.0, 0.0, 0.25, 0.0])];
        let types = vec!["PER".to_string(), "LOC".to_string()];
        let mut model = NerModel::from_float(types, vec![rows.clone(), rows], classes, 0.01);
        model.vectors = super::super::parse_word_vectors("rome\t1 -2 3\nparis\t-128 0 127\n");
        model
            .person_names
            .insert("jane".to_string(), PersonName { first: 1, last: 4 });
        // Six types: thirteen labels, more than a slot holds.
        let wide = NerModel::from_float(
            (0..6).map(|t| t.to_string()).collect(),
            vec![vec![(7, vec![1.0; 13])]],
            HashMap::new(),
            0.0,
        );
        for model in [model, wide] {
            let bytes: &'static [u8] = Vec::leak(model.to_bytes());
            let blob: &'static [u8] = Vec::leak(super::super::layout::prebuild(bytes).unwrap());
            let ahead = NerModel::from_static_bytes_laid_out(bytes, blob).unwrap();
            let at_load = NerModel::from_bytes(bytes).unwrap();
            for (a, b) in ahead.stages.iter().zip(&at_load.stages) {
                let (a, b) = (a.tagging.sparse.as_ref(), b.tagging.sparse.as_ref());
                assert_eq!(a.map(|t| t.layout()), b.map(|t| t.layout()));
                let mut scores = [[0i32; 13]; 2];
                for (w, s) in [a, b].iter().zip(&mut scores) {
                    if let Some(t) = w {
                        s[..SLOT_LABELS].copy_from_slice(&t.sum(&[0, 7, 9]));
                    }
                }
                assert_eq!(scores[0], scores[1]);
            }
            assert!(ahead.to_bytes() == bytes);
            assert_eq!(ahead.classes, at_load.classes);
            assert_eq!(ahead.vectors, at_load.vectors);
            assert_eq!(ahead.person_names, at_load.person_names);
        }
    }

    #[test]
    fn rejects_garbage() {
        assert!(NerModel::from_bytes(b"hello").is_err());
        assert!(NerModel::from_bytes(b"NGNER003\x05").is_err());
    }
}
