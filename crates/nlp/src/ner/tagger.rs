//! Greedy left-to-right decoding of a document, shared by tagging and
//! training: each token's label is chosen from its features and the labels
//! already chosen (the previous two, and what the same word got earlier in
//! the document), with B/I/O consistency enforced.

use super::features::{
    all_caps_sentence, capitalised_runs, context_features, dynamic_features, first_pass_features,
    first_pass_label_features, first_pass_labels, first_pass_word_features, history_features,
    label_features, neighbour_features, run_features, token_views, word_features,
    word_label_features, DocEvidence, FirstPass, TokenWord, WordView, WordViews, NEIGHBOURS,
};
use super::lexicon::Lexicons;
use super::model::{
    DenseInput, DocMemo, KeyMap, NerModel, PartInput, TokenParts, Weights, DENSE_SLOTS, NO_PART,
    NO_VECTOR,
};
use foldhash::HashMap;
use model::{Budget, OverBudget, Step};
use std::ops::Range;

/// Label counts per entity type (slot 0 = outside), kept per word.
pub(crate) type History = [u16; 8];

/// What decoding needs from the weights: scores for features, and a say
/// in which label is kept (tagging keeps the best; training also learns).
pub(crate) trait Decoder {
    /// Number of BIO labels.
    fn label_count(&self) -> usize;
    /// Writes the score of each label for `features` and the word vectors
    /// `dense` into `scores`.
    fn score(&self, features: &[u64], dense: &DenseInput<'_>, scores: &mut [f64]);
    /// Whether the decoder takes a token's parts apart from its other
    /// features: then the `features` that [`Decoder::score_token`] and
    /// [`Decoder::choose`] see are the others only, else all of them.
    const BY_PARTS: bool = false;
    /// Whether the decoder already holds what part `id` of
    /// [`Decoder::score_token`] adds: then that part comes without its
    /// features.
    fn knows(&self, _id: usize) -> bool {
        false
    }
    /// [`Decoder::score`] for a token whose features are its `parts`,
    /// each depending on one word alone (its own, a neighbour's, with its
    /// vector) or on the labels before it (with its word, or alone), and
    /// `features` (see [`Decoder::BY_PARTS`]), so that a decoder with
    /// fixed weights may reuse what it computed for the same part before.
    /// A decoder by parts gets its vectors from the parts, and no `dense`
    /// (here or in [`Decoder::choose`]); others get all of them in
    /// `dense` and all their features in `features`.
    fn score_token<P: TokenParts>(
        &mut self,
        _parts: &P,
        features: &[u64],
        dense: &DenseInput<'_>,
        scores: &mut [f64],
    ) {
        self.score(features, dense, scores);
    }
    /// Called for token `token` of sentence `sentence` with its features and
    /// the best allowed label; returns the label to keep.
    fn choose(
        &mut self,
        sentence: usize,
        token: usize,
        features: &[u64],
        dense: &DenseInput<'_>,
        best: u8,
    ) -> u8;
}

/// Plain prediction with one stage's trained weights.
pub(crate) struct Predict<'a> {
    /// The stage's weights.
    pub weights: &'a Weights,
    /// Number of labels.
    pub labels: usize,
    /// What the document's tokens share so far: word-vector products and
    /// the weights of each word's own features.
    pub memo: DocMemo,
}

impl Decoder for Predict<'_> {
    const BY_PARTS: bool = true;
    fn knows(&self, id: usize) -> bool {
        self.memo.knows(id)
    }
    fn label_count(&self) -> usize {
        self.labels
    }
    fn score(&self, features: &[u64], dense: &DenseInput<'_>, scores: &mut [f64]) {
        let mut ints = [0i32; 16];
        let n = scores.len().min(16);
        self.weights.score(features, dense, &mut ints[..n]);
        for (s, i) in scores.iter_mut().zip(&ints[..n]) {
            *s = f64::from(*i);
        }
    }
    fn score_token<P: TokenParts>(
        &mut self,
        parts: &P,
        features: &[u64],
        _: &DenseInput<'_>,
        scores: &mut [f64],
    ) {
        let mut ints = [0i32; 16];
        let n = scores.len().min(16);
        self.weights
            .score_memo(parts, features, &mut self.memo, &mut ints[..n]);
        for (s, i) in scores.iter_mut().zip(&ints[..n]) {
            *s = f64::from(*i);
        }
    }
    fn choose(&mut self, _: usize, _: usize, _: &[u64], _: &DenseInput<'_>, best: u8) -> u8 {
        best
    }
}

/// Whether label `l` may follow label `prev` (I-X only after B-X or I-X).
pub(crate) fn allowed(prev: u8, l: u8) -> bool {
    l == 0 || l % 2 == 1 || (prev != 0 && (prev - 1) / 2 == (l - 1) / 2)
}

/// The entity-type slot of a label in a [`History`] (0 = outside).
fn type_slot(l: u8) -> usize {
    if l == 0 {
        0
    } else {
        ((l - 1) / 2 + 1) as usize
    }
}

/// A document's per-token views and static features, computed once and
/// shared by both stages (and by every training epoch). Tokens are kept
/// document-wide, sentence after sentence, in flat arrays.
pub(crate) struct DocFeatures {
    /// Each distinct word's view, by word number.
    words: Vec<WordView>,
    /// Every token's word and lexicon hit ([`TokenWord::view`]).
    tokens: Vec<TokenWord>,
    /// Sentence s's tokens are `starts[s]..starts[s + 1]`.
    starts: Vec<usize>,
    /// Whether each sentence is written in capitals ([`all_caps_sentence`]).
    caps: Vec<bool>,
    /// Each distinct vector's components (`dims` each), by document-wide id.
    vectors: Vec<i8>,
    dims: usize,
    /// Each token's vector as a document-wide id (the same for every
    /// occurrence of a word), [`NO_VECTOR`] if it has none.
    ids: Vec<u32>,
    /// Each distinct word's vector id, by word number.
    word_vectors: Vec<u32>,
    /// Whether each distinct word is capitalised, by word number.
    word_capitalised: Vec<bool>,
    /// Each token's word parts, by number ([`DocFeatures::word_part`]).
    parts: Vec<[u32; WORD_PARTS]>,
    /// Each token's number among the document's distinct contexts: the
    /// same for tokens whose [`context_features`] are the same because
    /// their words, the words beside them, their lexicon hits and the
    /// sentence's casing are.
    context_of: Vec<u32>,
    /// Each distinct context's [`context_features`], one after another.
    contexts: Vec<u64>,
    /// `contexts[context_ends[c]..context_ends[c + 1]]` are context c's.
    context_ends: Vec<usize>,
    /// Each distinct context's number among those of more than one token
    /// ([`UNSHARED`] for the others), which a decoder sums once per
    /// stage: one token's context is summed with its other features.
    context_part: Vec<u32>,
    /// Number of contexts of more than one token.
    shared_contexts: usize,
    /// Each token's static features of the capitalised run it is in
    /// ([`run_features`]).
    features: Vec<u64>,
    /// `features[ends[t]..ends[t + 1]]` are token t's.
    ends: Vec<usize>,
    /// The static features each distinct word gives the token it is and
    /// the tokens it neighbours, by word alone ([`word_features`],
    /// [`neighbour_features`]): [`WORD_PARTS`] parts per word number, in
    /// the order of a token's `parts`, and then those of the edge of
    /// a sentence as a neighbour.
    word_features: Vec<u64>,
    /// `word_features[word_ends[p-1]..word_ends[p]]` are part p's.
    word_ends: Vec<usize>,
}

/// The parts of a token's features that each depend on one word alone:
/// its own word's, then those of its neighbours in [`NEIGHBOURS`].
pub(crate) const WORD_PARTS: usize = 1 + NEIGHBOURS.len();

/// The parts of a token's features a [`Decoder`] may take apart: its word
/// parts, then its word with the previous label ([`word_label_features`]),
/// the previous two labels ([`label_features`]), the first pass's labels
/// around it ([`first_pass_label_features`]) and its context
/// ([`context_features`]).
pub(crate) const TOKEN_PARTS: usize = WORD_PARTS + 4;

/// A token's context as far as [`context_features`] reads it: the
/// numbers of the word before it ([`EDGE`] past the sentence's edge), of
/// its word and of the word after it, and its lexicon hit and those of its
/// neighbours with the sentence's casing, 32 bits each from the top.
type ContextKey = u128;

/// The word number of the sentence's edge in a [`ContextKey`].
const EDGE: u32 = u32::MAX;

/// The part number of a context of one token only.
const UNSHARED: u32 = u32::MAX;

/// Documents (or parts of one) of at least this many tokens have their
/// tokens' contexts looked up, to share them: a long document repeats
/// itself (listings, boilerplate, hostile input), while in an article
/// few contexts repeat and the lookups cost more than they save.
const SHARED_CONTEXTS_FROM: usize = 4_096;

/// The number of first-pass label triples ([`first_pass_labels`]) with
/// `labels` labels: each place holds a label or the sentence's edge.
fn triples(labels: usize) -> usize {
    (labels + 2).pow(3)
}

/// The number of a first-pass label triple among [`triples`], if its
/// labels are known ones.
fn triple(at: [u32; 3], labels: usize) -> Option<usize> {
    let code = |l: u32| match l {
        99 => Some(labels + 1),
        98 => Some(labels),
        l => Some(l as usize).filter(|l| *l < labels),
    };
    let [a, b, c] = at;
    Some((code(a)? * (labels + 2) + code(b)?) * (labels + 2) + code(c)?)
}

impl DocFeatures {
    /// Computes the views and static features of a document's sentences.
    pub(crate) fn new(lex: &Lexicons, sentences: &[Vec<&str>]) -> Self {
        // Read by the evidence, the features and the name rules.
        let caps: Vec<bool> = sentences.iter().map(|w| all_caps_sentence(w)).collect();
        let tokens: usize = sentences.iter().map(Vec::len).sum();
        // Every token's view first: the evidence reads their word numbers
        // (a word's first occurrence only), and the features the evidence.
        let mut cache = WordViews::default();
        let mut token_words = Vec::with_capacity(tokens);
        let mut starts = Vec::with_capacity(sentences.len() + 1);
        for words in sentences {
            starts.push(token_words.len());
            cache.add_sentence(words, lex, &mut token_words);
        }
        starts.push(token_words.len());
        let evidence = DocEvidence::gather(sentences, &caps, &token_words);
        let words = cache.into_views();
        let views = token_views(&token_words, &words);
        // Vector row → document-wide id; rows are spread by a bijective
        // multiplication, since the map hashes keys by identity.
        let mut distinct: KeyMap<u32> = KeyMap::default();
        let dims = lex.vectors.dims;
        let mut vectors: Vec<i8> = Vec::new();
        // Each word number's vector id, worked out at its first occurrence.
        let mut vector_of_word: Vec<u32> = Vec::new();
        let mut word_capitalised: Vec<bool> = Vec::new();
        // About thirty features a distinct word, its own and as each
        // neighbour (grown by doubling, these vectors were copied over and
        // over: ~12 M instructions on the 122 pages).
        let mut word_features_of = Vec::with_capacity(words.len() * 32);
        let mut word_ends = Vec::with_capacity((words.len() + 1) * WORD_PARTS);
        // About a dozen context features a token, and a few of its run.
        let mut features = Vec::with_capacity(tokens * 4);
        let mut contexts: Vec<u64> = Vec::with_capacity(tokens * 14);
        let mut context_ends = Vec::with_capacity(tokens + 1);
        context_ends.push(0);
        let mut context_of = Vec::with_capacity(tokens);
        let mut context_ids: HashMap<ContextKey, u32> = HashMap::default();
        let share = tokens >= SHARED_CONTEXTS_FROM;
        if share {
            context_ids.reserve(tokens);
        }
        // Tokens per context.
        let mut context_uses: Vec<u32> = Vec::with_capacity(tokens);
        let mut ends = Vec::with_capacity(tokens + 1);
        let mut ids = Vec::with_capacity(tokens);
        ends.push(0);
        for (range, &caps) in starts.windows(2).zip(&caps) {
            let v = &views[range[0]..range[1]];
            // Runs are not looked for in headlines: there every word is
            // capitalised and the whole line would be one run.
            let runs = if caps {
                Vec::new()
            } else {
                capitalised_runs(v)
            };
            for i in 0..v.len() {
                let word = v[i].word_id as usize;
                // A word's features once, at its first occurrence.
                if word * WORD_PARTS == word_ends.len() {
                    word_features(&v[i], &evidence, &mut word_features_of);
                    word_ends.push(word_features_of.len());
                    for k in NEIGHBOURS {
                        neighbour_features(Some(&v[i]), k, &mut word_features_of);
                        word_ends.push(word_features_of.len());
                    }
                    let id = match v[i]
                        .vector
                        .and_then(|row| Some((row, lex.vectors.at(row)?)))
                    {
                        Some((row, x)) => {
                            let key = u64::from(row).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                            let next = distinct.len() as u32;
                            let id = *distinct.entry(key).or_insert(next);
                            if id == next {
                                vectors.extend(x.iter().map(|c| *c as i8));
                                vectors.resize((next as usize + 1) * dims, 0);
                            }
                            id
                        }
                        None => NO_VECTOR,
                    };
                    vector_of_word.push(id);
                    word_capitalised.push(v[i].capitalised);
                }
                ids.push(vector_of_word.get(word).copied().unwrap_or(NO_VECTOR));
                let fresh = (context_ends.len() - 1) as u32;
                let id = if share {
                    let hit = |j: Option<usize>| {
                        j.and_then(|j| v.get(j))
                            .and_then(|t| t.lexicon)
                            .map_or(0, |h| h.code() + 1)
                    };
                    let hits = [hit(i.checked_sub(1)), hit(Some(i)), hit(Some(i + 1))];
                    // Codes are a few bits each: the three and the casing fit.
                    let packed = hits
                        .iter()
                        .fold(u32::from(caps), |key, h| (key << 9) | (h & 0x1ff));
                    let word_at =
                        |j: Option<usize>| j.and_then(|j| v.get(j)).map_or(EDGE, |t| t.word_id);
                    let key = [
                        word_at(i.checked_sub(1)),
                        v[i].word_id,
                        word_at(Some(i + 1)),
                        packed,
                    ]
                    .into_iter()
                    .fold(0u128, |key, part| (key << 32) | u128::from(part));
                    if hits.iter().all(|h| *h <= 0x1ff) {
                        *context_ids.entry(key).or_insert(fresh)
                    } else {
                        fresh
                    }
                } else {
                    fresh
                };
                if id == fresh {
                    context_features(v, i, caps, &evidence, &mut contexts);
                    context_ends.push(contexts.len());
                    context_uses.push(0);
                }
                if let Some(uses) = context_uses.get_mut(id as usize) {
                    *uses += 1;
                }
                context_of.push(id);
                if let Some(Some(run)) = runs.get(i) {
                    run_features(v, i, *run, &mut features);
                }
                ends.push(features.len());
            }
        }
        // The sentence's edge as a neighbour (it is no token of its own).
        let edge = word_ends.len() / WORD_PARTS;
        word_ends.push(word_features_of.len());
        for k in NEIGHBOURS {
            neighbour_features(None, k, &mut word_features_of);
            word_ends.push(word_features_of.len());
        }
        let mut shared_contexts = 0;
        let context_part = context_uses
            .iter()
            .map(|&uses| {
                if uses < 2 {
                    return UNSHARED;
                }
                shared_contexts += 1;
                shared_contexts as u32 - 1
            })
            .collect();
        // Each token's parts, numbered once for both stages.
        let mut parts = Vec::with_capacity(tokens);
        for range in starts.windows(2) {
            let v = &views[range[0]..range[1]];
            parts.extend((0..v.len()).map(|i| {
                let word_of = |k: isize| {
                    i.checked_add_signed(k)
                        .and_then(|j| v.get(j))
                        .map_or(edge, |t| t.word_id as usize)
                };
                let mut parts = [0u32; WORD_PARTS];
                parts[0] = (word_of(0) * WORD_PARTS) as u32;
                for (n, k) in NEIGHBOURS.into_iter().enumerate() {
                    parts[n + 1] = (word_of(k) * WORD_PARTS + n + 1) as u32;
                }
                parts
            }));
        }
        DocFeatures {
            words,
            tokens: token_words,
            starts,
            caps,
            vectors,
            dims,
            ids,
            word_vectors: vector_of_word,
            word_capitalised,
            parts,
            context_of,
            contexts,
            context_ends,
            context_part,
            shared_contexts,
            features,
            ends,
            word_features: word_features_of,
            word_ends,
        }
    }

    /// The document's [`FirstPass`] of a first stage's `labels`.
    pub(crate) fn first_pass(&self, labels: Vec<Vec<u8>>) -> FirstPass {
        FirstPass::new(&self.words, &self.tokens, &self.starts, labels)
    }

    /// Every token's [`WordView::name_kinds`], sentence after sentence.
    fn name_kinds(&self) -> Vec<u8> {
        self.tokens
            .iter()
            .map(|t| t.view(&self.words).map_or(0, |v| v.name_kinds))
            .collect()
    }

    /// Number of sentences.
    fn sentences(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Sentence s's tokens, as a range of document-wide token numbers.
    fn sentence(&self, s: usize) -> std::ops::Range<usize> {
        self.starts[s]..self.starts[s + 1]
    }

    /// Number of word parts of the document (each distinct word's, and the
    /// sentence edge's), the first numbers of [`WordPart::id`].
    pub(crate) fn word_parts(&self) -> usize {
        self.word_ends.len()
    }

    /// Number of distinct words of the document.
    fn words(&self) -> usize {
        (self.word_parts() / WORD_PARTS).saturating_sub(1)
    }

    /// A memo for decoding the document with `labels` labels: room for
    /// every part [`decode_document`] numbers.
    pub(crate) fn memo(&self, labels: usize) -> DocMemo {
        let parts = self.word_parts()
            + (self.words() + labels) * labels
            + triples(labels)
            + self.shared_contexts;
        DocMemo::new(parts, self.word_parts())
    }

    /// The features of word part `id` and the vector it puts in a token's
    /// dense slots ([`DocFeatures::dense`]): its word's, in the slot of
    /// its place, and the token's own word's again in the last slot when
    /// capitalised.
    fn word_part(&self, id: usize) -> PartInput<'_> {
        let from = id.checked_sub(1).map_or(0, |p| self.word_ends[p]);
        let features = &self.word_features[from..self.word_ends[id]];
        let word = id / WORD_PARTS;
        // The sentence's edge is no word and has no vector.
        let vector = self
            .word_vectors
            .get(word)
            .filter(|v| self.dims > 0 && **v != NO_VECTOR)
            .and_then(|v| {
                let from = *v as usize * self.dims;
                self.vectors.get(from..from + self.dims)
            });
        let Some(x) = vector else {
            return PartInput {
                features,
                dense: [None, None],
            };
        };
        let dense = match id % WORD_PARTS {
            0 => {
                let again = self.word_capitalised.get(word).is_some_and(|c| *c);
                [Some((2, x)), again.then_some((DENSE_SLOTS - 1, x))]
            }
            // Slots hold the tokens two before to two after.
            k => [
                NEIGHBOURS[k - 1]
                    .checked_add(2)
                    .and_then(|slot| usize::try_from(slot).ok())
                    .map(|slot| (slot, x)),
                None,
            ],
        };
        PartInput { features, dense }
    }

    /// The features of context `c` ([`DocFeatures::context_of`]).
    fn context_features(&self, c: usize) -> &[u64] {
        &self.contexts[self.context_ends[c]..self.context_ends[c + 1]]
    }

    /// Token `t`'s static features of its capitalised run.
    fn context(&self, t: usize) -> &[u64] {
        &self.features[self.ends[t]..self.ends[t + 1]]
    }

    /// The word vectors of the two tokens before `i` of `sentence`, of
    /// `i`, of the two after, and of `i` again if capitalised.
    /// `ids` are the token's [`DocFeatures::dense_ids`].
    fn dense(
        &self,
        sentence: &std::ops::Range<usize>,
        i: usize,
        ids: &[u32; DENSE_SLOTS],
    ) -> DenseInput<'_> {
        let mut dense = ids.map(|id| {
            if self.dims == 0 || id == NO_VECTOR {
                return None;
            }
            let from = id as usize * self.dims;
            self.vectors.get(from..from + self.dims)
        });
        // The last slot is the token's own vector again, for a
        // capitalised token only.
        let capitalised = self
            .tokens
            .get(sentence.start + i)
            .and_then(|t| t.view(&self.words))
            .is_some_and(|v| v.capitalised);
        if !capitalised {
            dense[DENSE_SLOTS - 1] = None;
        }
        dense
    }

    /// The document-wide vector ids of the slots of [`DocFeatures::dense`].
    fn dense_ids(&self, sentence: &std::ops::Range<usize>, i: usize) -> [u32; DENSE_SLOTS] {
        let id = |j: Option<usize>| {
            j.map(|j| sentence.start + j)
                .filter(|t| *t < sentence.end)
                .and_then(|t| self.ids.get(t))
                .map_or(NO_VECTOR, |id| *id)
        };
        [
            id(i.checked_sub(2)),
            id(i.checked_sub(1)),
            id(Some(i)),
            id(Some(i + 1)),
            id(Some(i + 2)),
            id(Some(i)),
        ]
    }
}

/// The parts of one token's features ([`TOKEN_PARTS`]): its word parts,
/// the three that depend on the labels before it, and its context.
struct Token<'a> {
    doc: &'a DocFeatures,
    /// Each part's number in the document.
    ids: [usize; TOKEN_PARTS],
    /// The features of the label parts, where the decoder did not know
    /// them already.
    labelled: [&'a [u64]; 3],
    /// The token's context number, if it is a part ([`DocFeatures::context_part`]).
    context: Option<usize>,
}

impl TokenParts for Token<'_> {
    fn ids(&self) -> &[usize] {
        &self.ids
    }

    fn part(&self, k: usize) -> PartInput<'_> {
        let features = match k.checked_sub(WORD_PARTS) {
            None => return self.doc.word_part(self.ids[k]),
            Some(3) => self
                .context
                .map_or(&[][..], |c| self.doc.context_features(c)),
            Some(l) => self.labelled.get(l).copied().unwrap_or_default(),
        };
        PartInput {
            features,
            dense: [None, None],
        }
    }
}

/// Decodes every sentence of one document.
pub(crate) fn decode_document<D: Decoder>(
    scorer: &mut D,
    doc: &DocFeatures,
    first: Option<&FirstPass>,
) -> Vec<Vec<u8>> {
    let mut history: HashMap<&str, History> = HashMap::default();
    let mut scores = vec![0f64; scorer.label_count()];
    let mut features: Vec<u64> = Vec::with_capacity(96);
    // The features of the parts that depend on the labels before a token.
    let mut labelled: Vec<u64> = Vec::with_capacity(8);
    // Where their part numbers start: after the word parts, one per word
    // and previous label, then one per pair of previous labels.
    let n = scorer.label_count();
    let word_label_base = doc.word_parts();
    let label_base = word_label_base + doc.words() * n;
    let triple_base = label_base + n * n;
    let context_base = triple_base + triples(n);
    // Which labels may follow each label ([`allowed`]), a bit per label,
    // when they fit a word: worked out once, not for each label of each
    // token.
    let follow: Option<Vec<u64>> = (n <= 64).then(|| {
        (0..n)
            .map(|prev| {
                (0..n)
                    .filter(|&l| allowed(prev as u8, l as u8))
                    .fold(0u64, |mask, l| mask | 1 << l)
            })
            .collect()
    });
    let mut out = Vec::with_capacity(doc.sentences());
    for s in 0..doc.sentences() {
        let sentence = doc.sentence(s);
        let v = &doc.tokens[sentence.clone()];
        let mut labels: Vec<u8> = Vec::with_capacity(v.len());
        for i in 0..v.len() {
            let t = sentence.start + i;
            // Decoding reads a token's word only (its lexicon hit is in
            // its context features).
            let word = &doc.words[v[i].word()];
            features.clear();
            let context = doc.context_of[t] as usize;
            // A context of this token alone is summed with its features.
            let shared = doc.context_part[context];
            if !D::BY_PARTS {
                for id in doc.parts[t] {
                    features.extend_from_slice(doc.word_part(id as usize).features);
                }
            }
            if !D::BY_PARTS || shared == UNSHARED {
                features.extend_from_slice(doc.context_features(context));
            }
            features.extend_from_slice(doc.context(t));
            // The first pass's labels around the token, as a part of its
            // own where they are known labels.
            let mut first_labels = None;
            if let Some(first) = first {
                if D::BY_PARTS {
                    let at = first_pass_labels(first, s, i);
                    first_labels = triple(at, n).map(|k| (triple_base + k, at));
                    if first_labels.is_none() {
                        first_pass_label_features(at, &mut features);
                    }
                    first_pass_word_features(word, at[1], first, &mut features);
                } else {
                    first_pass_features(word, s, i, first, &mut features);
                }
            }
            let prev = if i > 0 { labels[i - 1] } else { 0 };
            let prev2 = if i > 1 { labels[i - 2] } else { 0 };
            let h = if word.capitalised {
                history.get(word.lower.as_str())
            } else {
                None
            };
            labelled.clear();
            let word_label = word_label_base + word.word_id as usize * n + usize::from(prev);
            let pair = label_base + usize::from(prev) * n + usize::from(prev2);
            if D::BY_PARTS {
                if !scorer.knows(word_label) {
                    word_label_features(word, prev, &mut labelled);
                }
                history_features(h, &mut features);
            } else {
                dynamic_features(word, prev, prev2, h, &mut features);
            }
            let split = labelled.len();
            if D::BY_PARTS && !scorer.knows(pair) {
                label_features(prev, prev2, &mut labelled);
            }
            let split2 = labelled.len();
            // No part at all without a first pass.
            let mut first_part = NO_PART;
            if let Some((id, at)) = first_labels {
                first_part = id;
                if !scorer.knows(id) {
                    first_pass_label_features(at, &mut labelled);
                }
            }
            let word_parts = doc.parts[t];
            let parts = Token {
                doc,
                ids: std::array::from_fn(|k| match k {
                    k if k < WORD_PARTS => word_parts[k] as usize,
                    WORD_PARTS => word_label,
                    k if k == WORD_PARTS + 1 => pair,
                    k if k == WORD_PARTS + 2 => first_part,
                    _ if shared == UNSHARED => NO_PART,
                    _ => context_base + shared as usize,
                }),
                labelled: [
                    &labelled[..split],
                    &labelled[split..split2],
                    &labelled[split2..],
                ],
                context: (shared != UNSHARED).then_some(context),
            };
            // A decoder by parts reads the vectors from the parts.
            let dense = if D::BY_PARTS {
                [None; DENSE_SLOTS]
            } else {
                doc.dense(&sentence, i, &doc.dense_ids(&sentence, i))
            };
            scorer.score_token(&parts, &features, &dense, &mut scores);
            let mut best = 0u8;
            match follow.as_ref().and_then(|f| f.get(usize::from(prev))) {
                Some(&may) => {
                    for (l, sc) in scores.iter().enumerate() {
                        if (may >> l) & 1 == 1 && *sc > scores[usize::from(best)] {
                            best = l as u8;
                        }
                    }
                }
                None => {
                    for (l, sc) in scores.iter().enumerate() {
                        let l = l as u8;
                        if allowed(prev, l) && *sc > scores[best as usize] {
                            best = l;
                        }
                    }
                }
            }
            let label = scorer.choose(s, i, &features, &dense, best);
            if word.capitalised {
                let slot = type_slot(label);
                let h = history.entry(word.lower.as_str()).or_insert([0; 8]);
                if slot < h.len() {
                    h[slot] = h[slot].saturating_add(1);
                }
            }
            labels.push(label);
        }
        out.push(labels);
    }
    out
}

/// Documents longer than this many tokens are tagged in parts.
pub const PART_TOKENS: usize = 20_000;

/// The parts [`Tagger::tag_ids_within`] tags a long document in, as ranges
/// of its `count` sentences, of which sentence `k` has `len(k)` tokens:
/// whole sentences up to [`PART_TOKENS`] tokens, or one longer sentence
/// alone. A caller that gathers each part's words only as the part is
/// tagged (`Nlp::annotate_within`) cuts the same parts.
pub fn parts(count: usize, len: impl Fn(usize) -> usize) -> impl Iterator<Item = Range<usize>> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= count {
            return None;
        }
        let mut end = start;
        let mut n = 0;
        while end < count && (end == start || n + len(end) <= PART_TOKENS) {
            n += len(end);
            end += 1;
        }
        let part = start..end;
        start = end;
        Some(part)
    })
}

/// A trained tagger: weights plus the lexicons its features read.
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    model: NerModel,
    lexicons: Lexicons,
}

impl Tagger {
    /// A tagger over a loaded model.
    pub fn new(mut model: NerModel) -> Self {
        let lexicons = Lexicons::from_words(
            std::mem::take(&mut model.classes),
            std::mem::take(&mut model.vectors),
            std::mem::take(&mut model.person_names),
        );
        Tagger { model, lexicons }
    }

    /// The model's entity types, in label order.
    pub fn types(&self) -> &[String] {
        self.model.types()
    }

    /// Tags a document given as sentences of words; returns BIO label
    /// strings ("B-PER", "O") per word.
    pub fn tag(&self, sentences: &[Vec<&str>]) -> Vec<Vec<String>> {
        self.tag_ids(sentences)
            .into_iter()
            .map(|labels| labels.into_iter().map(|l| self.label_name(l)).collect())
            .collect()
    }

    /// Tags a document; returns label ids (0 = O, 2k+1 = B-type k, 2k+2 = I-type k).
    ///
    /// Very long documents are tagged in parts of about `PART_TOKENS`
    /// tokens, so that memory stays bounded on hostile input; document-level
    /// evidence then reaches across one part only.
    pub fn tag_ids(&self, sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
        // An unlimited budget never runs out.
        self.tag_ids_within(sentences, &Budget::unlimited())
            .unwrap_or_default()
    }

    /// [`Tagger::tag_ids`], checking `budget` between parts (a part takes
    /// tens of milliseconds) and telling it how many tokens are tagged.
    ///
    /// # Errors
    ///
    /// [`OverBudget`] when the budget runs out before the last part.
    pub fn tag_ids_within(
        &self,
        sentences: &[Vec<&str>],
        budget: &Budget,
    ) -> Result<Vec<Vec<u8>>, OverBudget> {
        let total: usize = sentences.iter().map(Vec::len).sum();
        if total <= PART_TOKENS {
            return Ok(self.tag_part(sentences));
        }
        let mut out = Vec::with_capacity(sentences.len());
        let mut done = 0;
        for part in parts(sentences.len(), |k| sentences[k].len()) {
            budget.progress(Step::Tagging, done, total)?;
            done += part.clone().map(|k| sentences[k].len()).sum::<usize>();
            out.extend(self.tag_part(&sentences[part]));
        }
        Ok(out)
    }

    /// Tags one document (or one part of a very long one).
    fn tag_part(&self, sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
        let labels = self.model.label_count();
        let mut stages = self.model.stages.iter();
        let Some(stage1) = stages.next().filter(|_| !self.model.types.is_empty()) else {
            return sentences.iter().map(|s| vec![0; s.len()]).collect();
        };
        let doc = DocFeatures::new(&self.lexicons, sentences);
        let mut predict = Predict {
            weights: stage1,
            labels,
            memo: doc.memo(labels),
        };
        let mut tags = decode_document(&mut predict, &doc, None);
        // One memo for every stage: its pages are faulted in and cached once.
        let mut memo = predict.memo;
        for stage in stages {
            let first = doc.first_pass(tags);
            memo.clear();
            let mut predict = Predict {
                weights: stage,
                labels,
                memo,
            };
            tags = decode_document(&mut predict, &doc, Some(&first));
            memo = predict.memo;
        }
        for (labels, words) in tags.iter_mut().zip(sentences) {
            repair(labels, words);
        }
        make_consistent(&mut tags, sentences);
        super::names::fix_document(
            &mut tags,
            sentences,
            &doc.caps,
            &doc.name_kinds(),
            &self.model.types,
            &self.lexicons,
        );
        tags
    }

    /// The BIO name of every label id, indexed by id.
    pub fn label_names(&self) -> Vec<String> {
        (0..self.model.label_count())
            .map(|l| self.label_name(u8::try_from(l).unwrap_or(u8::MAX)))
            .collect()
    }

    /// The BIO name of a label id.
    pub fn label_name(&self, l: u8) -> String {
        label_name(&self.model.types, l)
    }
}

/// Takes punctuation that cannot be inside a name out of entities ("New
/// York Times , China" → two names) and restarts what follows with B-.
fn repair(labels: &mut [u8], words: &[&str]) {
    for i in 0..labels.len() {
        if labels[i] != 0 && crate::entities::mentions::breaks_names(words[i]) {
            labels[i] = 0;
        }
        let prev = if i > 0 { labels[i - 1] } else { 0 };
        if !allowed(prev, labels[i]) {
            labels[i] -= 1;
        }
    }
}

/// Document-level consistency: a name written the same way is one kind of
/// thing throughout a document. Every name gets the type most of its
/// occurrences got, and untagged occurrences of a capitalised name of two
/// or more words are tagged too.
fn make_consistent(tags: &mut [Vec<u8>], sentences: &[Vec<&str>]) {
    // Name (words joined by spaces) → votes per type.
    let mut votes: HashMap<String, [u16; 8]> = HashMap::default();
    let mut found: Vec<(usize, usize, usize, String)> = Vec::new();
    for (s, (labels, words)) in tags.iter().zip(sentences).enumerate() {
        let mut i = 0;
        while i < labels.len() {
            if labels[i] % 2 == 1 {
                let mut j = i + 1;
                while j < labels.len() && labels[j] == labels[i] + 1 {
                    j += 1;
                }
                let name = words[i..j].join(" ");
                let slot = ((labels[i] - 1) / 2) as usize;
                if slot < 8 {
                    let v = votes.entry(name.clone()).or_insert([0; 8]);
                    v[slot] = v[slot].saturating_add(1);
                }
                found.push((s, i, j, name));
                i = j;
            } else {
                i += 1;
            }
        }
    }
    let majority = |v: &[u16; 8]| -> Option<u8> {
        let best = (0..8).max_by_key(|&k| (v[k], std::cmp::Reverse(k)))?;
        let ties = v.iter().filter(|&&n| n == v[best]).count();
        (ties == 1).then_some(best as u8)
    };
    for (s, i, j, name) in &found {
        if let Some(k) = votes.get(name).and_then(majority) {
            tags[*s][*i] = 2 * k + 1;
            for l in &mut tags[*s][i + 1..*j] {
                *l = 2 * k + 2;
            }
        }
    }
    // Propagate multi-word names to untagged occurrences.
    let mut names: Vec<(Vec<&str>, u8)> = votes
        .iter()
        .filter_map(|(name, v)| {
            let words: Vec<&str> = name.split(' ').collect();
            let capitalised = words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            (words.len() >= 2 && capitalised)
                .then(|| majority(v).map(|k| (words, k)))
                .flatten()
        })
        .collect();
    // Where two names overlap, the one taken first wins: longer names
    // first, then in word order, so that the outcome does not depend on
    // the map's iteration order (seeded afresh in every process).
    names.sort_unstable_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    propagate(tags, sentences, &names);
}

/// Tags the untagged occurrences of `names` (of two or more words, each
/// with its type `k`): name by name, left to right, as a scan of each
/// sentence for each name in turn would, so that an occurrence
/// overlapping one tagged before it is left as it is.
fn propagate(tags: &mut [Vec<u8>], sentences: &[Vec<&str>], names: &[(Vec<&str>, u8)]) {
    if names.is_empty() {
        return;
    }
    // The names by their first two words: a sentence is read once, not
    // once per name (a page of many people has many names).
    let mut by_start: HashMap<(&str, &str), Vec<usize>> = HashMap::default();
    for (n, (name, _)) in names.iter().enumerate() {
        if let [first, second, ..] = name[..] {
            by_start.entry((first, second)).or_default().push(n);
        }
    }
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (labels, words) in tags.iter_mut().zip(sentences) {
        found.clear();
        for (i, pair) in words.windows(2).enumerate() {
            for &n in by_start.get(&(pair[0], pair[1])).into_iter().flatten() {
                if words[i..].starts_with(&names[n].0) {
                    found.push((n, i));
                }
            }
        }
        found.sort_unstable();
        for &(n, i) in &found {
            let (name, k) = &names[n];
            let end = i + name.len();
            if labels[i..end].iter().all(|l| *l == 0)
                && labels.get(end).is_none_or(|l| *l == 0 || l % 2 == 1)
            {
                labels[i] = 2 * k + 1;
                for l in &mut labels[i + 1..end] {
                    *l = 2 * k + 2;
                }
            }
        }
    }
}

/// The BIO name of label `l` over `types`.
pub(crate) fn label_name(types: &[String], l: u8) -> String {
    if l == 0 {
        return "O".to_string();
    }
    let t = types
        .get(((l - 1) / 2) as usize)
        .map_or("MISC", String::as_str);
    format!("{}-{t}", if l % 2 == 1 { "B" } else { "I" })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each name in turn, over each sentence from the left.
    fn propagate_by_scan(tags: &mut [Vec<u8>], sentences: &[Vec<&str>], names: &[(Vec<&str>, u8)]) {
        for (labels, words) in tags.iter_mut().zip(sentences) {
            for (name, k) in names {
                let n = name.len();
                let mut i = 0;
                while i + n <= words.len() {
                    if words[i..i + n] == name[..]
                        && labels[i..i + n].iter().all(|l| *l == 0)
                        && labels.get(i + n).is_none_or(|l| *l == 0 || l % 2 == 1)
                    {
                        labels[i] = 2 * k + 1;
                        for l in &mut labels[i + 1..i + n] {
                            *l = 2 * k + 2;
                        }
                        i += n;
                    } else {
                        i += 1;
                    }
                }
            }
        }
    }

    #[test]
    fn overlapping_names_are_propagated_the_same_way_every_time() {
        // "Ana Berg" (a person) and "Berg Lund" (an organisation) overlap in
        // the untagged third sentence: the first in word order wins, in every
        // run, whatever order the name map iterates in.
        let sentences: Vec<Vec<&str>> = ["Ana Berg spoke", "Berg Lund said", "Ana Berg Lund"]
            .iter()
            .map(|s| s.split(' ').collect())
            .collect();
        for _ in 0..32 {
            let mut tags = vec![vec![1, 2, 0], vec![3, 4, 0], vec![0, 0, 0]];
            make_consistent(&mut tags, &sentences);
            assert_eq!(tags[2], vec![1, 2, 0]);
        }
    }

    #[test]
    fn names_are_propagated_as_a_scan_for_each_name_does() {
        let text = [
            "Ana Berg met Ana Berg Lund and Berg Lund in Oslo",
            "Lund Ana Berg Lund Ana Berg Berg",
            "Oslo Oslo Oslo and Ana Berg",
            "Ana",
        ];
        let sentences: Vec<Vec<&str>> = text.iter().map(|s| s.split(' ').collect()).collect();
        // Overlapping names, in both orders; a name repeating its words.
        let names: Vec<(Vec<&str>, u8)> = vec![
            (vec!["Ana", "Berg"], 0),
            (vec!["Berg", "Lund"], 1),
            (vec!["Ana", "Berg", "Lund"], 2),
            (vec!["Oslo", "Oslo"], 3),
            (vec!["Berg", "Berg"], 1),
        ];
        for order in [[0, 1, 2, 3, 4], [2, 1, 0, 4, 3], [1, 4, 3, 2, 0]] {
            let names: Vec<(Vec<&str>, u8)> = order.iter().map(|&n| names[n].clone()).collect();
            let mut tags: Vec<Vec<u8>> = sentences.iter().map(|s| vec![0; s.len()]).collect();
            // An occurrence tagged already, and one followed by a name's inside.
            tags[0][10] = 5;
            tags[1][6] = 4;
            let mut scanned = tags.clone();
            propagate(&mut tags, &sentences, &names);
            propagate_by_scan(&mut scanned, &sentences, &names);
            assert_eq!(tags, scanned, "{order:?}");
        }
    }
}
