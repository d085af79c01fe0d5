//! The layouts of the entity model's lookup tables: the open-addressing
//! slots of its word tables ([`super::words`]) and of each stage's feature
//! weights (`model::table`), laid out from the model file's bytes, and the
//! blob that holds them laid out ahead of time.
//!
//! Laying the embedded model's tables out took most of a process's
//! start-up (some 74 M instructions, before the first document) though
//! every start laid out the same bytes the same way. The crate's build
//! script includes this file (`#[path]`, std alone, no `super`) and runs
//! it over `models/ner.bin` once, writing [`prebuild`]'s blob; the binary
//! embeds the blob beside the model and reads its tables where they lie
//! ([`Prebuilt`]). A model read from elsewhere (a file, a test's model) is
//! laid out by the same functions at load, so both give the same slots,
//! the same probes and the same results.
//!
//! Every number is stored little-endian, whatever the machine that built
//! or reads it.

/// Why a table could not be laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LayoutError {
    /// The bytes end before the table does.
    Truncated,
    /// A word is not UTF-8.
    BadString,
}

/// A free word slot.
pub(crate) const FREE: u32 = u32::MAX;

/// The `u32` at index `i` of little-endian `bytes`.
#[inline]
pub(crate) fn u32_at(bytes: &[u8], i: usize) -> Option<u32> {
    let at = i.checked_mul(4)?;
    let b = bytes.get(at..)?.first_chunk::<4>()?;
    Some(u32::from_le_bytes(*b))
}

/// `numbers` as little-endian bytes.
pub(crate) fn le_bytes(numbers: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(numbers.len() * 4);
    for n in numbers {
        out.extend_from_slice(&n.to_le_bytes());
    }
    out
}

/// One step of [`hash`]: the hash so far `h` and eight more bytes `k`.
fn mix(h: u64, k: u64) -> u64 {
    (h.rotate_left(5) ^ k).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// The slot a word whose [`hash`] is `word_hash` is first looked for in
/// (and, when free, stored at), of slots `mask + 1`, a power of two.
#[inline]
pub(crate) fn home_slot(word_hash: u64, mask: usize) -> usize {
    word_hash.rotate_left(32) as usize & mask
}

/// A hash of a word's bytes, eight at a time (the last few zero-padded).
pub(crate) fn hash(word: &[u8]) -> u64 {
    let mut h = word.len() as u64;
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        let mut k = [0u8; 8];
        k.copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(k));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // Byte by byte: a copy of a variable length is a call to memcpy,
        // and a load takes half a million of them.
        let k = rest
            .iter()
            .rev()
            .fold(0u64, |k, &b| (k << 8) | u64::from(b));
        h = mix(h, k);
    }
    h
}

/// The first eight bytes of `word` (zero-padded) as a big-endian number:
/// two words whose heads differ sort as their heads do, so the order of
/// neighbouring entries is checked without a byte-by-byte comparison.
pub(crate) fn head(word: &[u8]) -> u64 {
    match word.first_chunk() {
        Some(first) => u64::from_be_bytes(*first),
        None => {
            let k = word.iter().fold(0u64, |k, &b| (k << 8) | u64::from(b));
            k.checked_shl(8 * (8 - word.len() as u32)).unwrap_or(0)
        }
    }
}

/// What a load needs of a word of at most eight bytes, from the eight
/// bytes `window` that start with it (the rest belong to what follows):
/// its [`head`], its [`hash`] and whether it is ASCII. One load and a few
/// masks, where byte-by-byte loops over the words took most of a load's
/// instructions; `None` for a longer word.
pub(crate) fn short_word(window: [u8; 8], len: usize) -> Option<(u64, u64, bool)> {
    let low = match len {
        0 => return Some((0, 0, true)),
        1..=7 => (1u64 << (8 * len)) - 1,
        8 => u64::MAX,
        _ => return None,
    };
    let k = u64::from_le_bytes(window) & low;
    let head = u64::from_be_bytes(window) & low.swap_bytes();
    Some((head, mix(len as u64, k), k & 0x8080_8080_8080_8080 == 0))
}

/// A word table of `(u8 length, word bytes, payload)` entries, laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WordLayout {
    /// The table's bytes.
    pub(crate) read: usize,
    /// Where each entry starts.
    pub(crate) starts: Vec<u32>,
    /// Open addressing over entry numbers ([`FREE`] marks a free slot), a
    /// power of two at most half full; `None` when the words are not
    /// sorted and distinct (the table is then hashed into memory).
    pub(crate) slots: Option<Vec<u32>>,
}

/// Lays out `count` entries of `payload` bytes from the start of `bytes`,
/// checking that each is there and that its word is UTF-8.
pub(crate) fn lay_out_words(
    bytes: &[u8],
    count: usize,
    payload: usize,
) -> Result<WordLayout, LayoutError> {
    let mut starts = Vec::with_capacity(count.min(1 << 22));
    // Every entry takes a byte and its payload at least: a count the
    // bytes cannot hold is refused before its slots are made.
    if count > bytes.len() / (1 + payload) {
        return Err(LayoutError::Truncated);
    }
    // The slots are filled in the same pass (and dropped if the words
    // turn out unsorted): each entry is read once.
    let size = (count * 2).next_power_of_two().max(16);
    // Filled sixteen at a time (size is a multiple): a fill one `u32`
    // at a time took 6 M instructions for the word classes alone.
    let mut slots = vec![[FREE; 16]; size / 16].into_flattened();
    let mask = slots.len() - 1;
    let mut at = 0usize;
    let mut sorted = true;
    let mut previous: &[u8] = &[];
    let mut previous_head = 0;
    for n in 0..count {
        let len = usize::from(*bytes.get(at).ok_or(LayoutError::Truncated)?);
        let word = bytes
            .get(at + 1..at + 1 + len)
            .ok_or(LayoutError::Truncated)?;
        if bytes.len() < at + 1 + len + payload {
            return Err(LayoutError::Truncated);
        }
        let window = bytes.get(at + 1..).and_then(|b| b.first_chunk());
        let (word_head, word_hash, ascii) = window
            .and_then(|w| short_word(*w, len))
            .unwrap_or_else(|| (head(word), hash(word), word.is_ascii()));
        // ASCII (most words) is UTF-8; the full check is for the rest.
        if !ascii {
            std::str::from_utf8(word).map_err(|_| LayoutError::BadString)?;
        }
        if n > 0 && (word_head < previous_head || (word_head == previous_head && word <= previous))
        {
            sorted = false;
        }
        previous = word;
        previous_head = word_head;
        starts.push(u32::try_from(at).map_err(|_| LayoutError::Truncated)?);
        at += 1 + len + payload;
        if sorted {
            let mut slot = home_slot(word_hash, mask);
            while slots[slot] != FREE {
                slot = (slot + 1) & mask;
            }
            slots[slot] = n as u32;
        }
    }
    Ok(WordLayout {
        read: at,
        starts,
        slots: sorted.then_some(slots),
    })
}

/// Most labels a feature slot holds inline (5 entity types in BIO). Models
/// with more labels are scored through the general map instead.
pub(crate) const SLOT_LABELS: usize = 12;

/// Bytes per feature slot: its key (`u64`) and [`SLOT_LABELS`] weights
/// (`i16`, zero beyond the label count), half a cache line.
pub(crate) const SLOT_BYTES: usize = 32;

/// The key of a free feature slot.
pub(crate) const EMPTY: u64 = 0;

/// Spreads a key over the feature table. Feature keys are already hashes,
/// but a multiplication keeps the table sound for any key set.
#[inline]
pub(crate) fn feature_home(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

/// A byte of `key` other than the bits [`feature_home`] reads, never 0 (a
/// free slot's tag).
#[inline]
pub(crate) fn tag(key: u64) -> u8 {
    (key as u8).max(1)
}

/// A stage's feature weights laid out: linear probing over a power-of-two
/// table at most half full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FeatureLayout {
    /// [`SLOT_BYTES`] per slot; key [`EMPTY`] marks a free one.
    pub(crate) slots: Vec<u8>,
    /// Per slot, its key's [`tag`] (0 for a free slot).
    pub(crate) tags: Vec<u8>,
    /// `64 - log2(slot count)`: the hash's top bits pick the home slot.
    pub(crate) shift: u32,
    /// The weights of key [`EMPTY`] itself, should a feature hash to it.
    pub(crate) empty_key_weights: Option<[i16; SLOT_LABELS]>,
}

/// Lays out feature `keys` (`u64` each) and their rows of `labels`
/// `weights` (`i16` each); a later row wins for a key given twice, and rows
/// that are missing or all zero are left out. `None` when the rows do not
/// fit a slot.
///
/// Keys in ascending order, as the model writer leaves them, are laid
/// out straight from the rows (checked in one pass); others are first
/// sorted with each key's last row, which gives the same table.
pub(crate) fn lay_out_features(
    keys: &[u8],
    weights: &[u8],
    labels: usize,
) -> Option<FeatureLayout> {
    if labels == 0 || labels > SLOT_LABELS {
        return None;
    }
    let keys = || {
        keys.chunks_exact(8)
            .map(|b| b.first_chunk().map_or(0, |b| u64::from_le_bytes(*b)))
    };
    let ascending = keys().zip(keys().skip(1)).all(|(a, b)| a < b);
    if ascending {
        return Some(fill(keys().zip(0..), weights, labels));
    }
    // A key's last row, as a map built from the pairs holds it.
    let mut pairs: Vec<(u64, usize)> = keys().zip(0..).collect();
    pairs.sort_by_key(|&(key, _)| key);
    let mut last: Vec<(u64, usize)> = Vec::with_capacity(pairs.len());
    for (key, row) in pairs {
        match last.last_mut() {
            Some(l) if l.0 == key => l.1 = l.1.max(row),
            _ => last.push((key, row)),
        }
    }
    Some(fill(last.into_iter(), weights, labels))
}

/// The table of `rows`, (key, row) pairs of distinct keys in ascending
/// order.
fn fill(
    rows: impl Iterator<Item = (u64, usize)> + Clone,
    weights: &[u8],
    labels: usize,
) -> FeatureLayout {
    // A row's bytes, if it has any weight (a weight is zero exactly when
    // its bytes are).
    let held = |row: usize| {
        let from = row.checked_mul(labels)?.checked_mul(2)?;
        let bytes = weights.get(from..from.checked_add(labels * 2)?)?;
        bytes.iter().any(|b| *b != 0).then_some(bytes)
    };
    // Counted first, so that the table is sized as before rows were read
    // in place (and probes the same).
    let count = rows.clone().filter(|&(_, row)| held(row).is_some()).count();
    let capacity = (count * 2).next_power_of_two().max(16);
    let shift = 64 - capacity.trailing_zeros();
    let mut table = FeatureLayout {
        slots: vec![0; capacity * SLOT_BYTES],
        tags: vec![0; capacity],
        shift,
        empty_key_weights: None,
    };
    let mask = capacity - 1;
    for (key, row) in rows {
        let Some(ws) = held(row) else {
            continue;
        };
        if key == EMPTY {
            let mut inline = [0i16; SLOT_LABELS];
            for (slot, w) in inline.iter_mut().zip(ws.chunks_exact(2)) {
                *slot = i16::from_le_bytes([w[0], w[1]]);
            }
            table.empty_key_weights = Some(inline);
            continue;
        }
        let mut at = feature_home(key, shift);
        // A slot is taken exactly when its tag is not 0.
        while table.tags[at] != 0 {
            at = (at + 1) & mask;
        }
        let slot = &mut table.slots[at * SLOT_BYTES..(at + 1) * SLOT_BYTES];
        slot[..8].copy_from_slice(&key.to_le_bytes());
        slot[8..8 + ws.len()].copy_from_slice(ws);
        table.tags[at] = tag(key);
    }
    table
}

/// The blob's first bytes.
const BLOB_MAGIC: &[u8; 8] = b"NGLAY001";

/// The model format the walk of [`prebuild`] reads.
#[cfg_attr(not(test), allow(dead_code))] // build.rs calls it
const MODEL_MAGIC: &[u8; 8] = b"NGNER003";

/// A record of a stage's feature table.
const FEATURES: u64 = 1;

/// A record of a stage whose rows do not fit a slot (no feature table).
const NO_FEATURES: u64 = 2;

/// A record of a word table.
const WORDS: u64 = 3;

/// Each array in the blob starts at a multiple of this (a cache line, and
/// the blob itself is embedded so aligned): a feature slot then lies in
/// one line, as in a table built in memory.
pub(crate) const BLOB_ALIGN: usize = 64;

/// Writes a blob: a header, records of `u64` fields, and the arrays they
/// point at.
#[cfg_attr(not(test), allow(dead_code))] // build.rs calls it
struct BlobWriter {
    /// The records: the magic, the model's length, then each record.
    head: Vec<u64>,
    /// The arrays, each aligned.
    arrays: Vec<u8>,
}

#[cfg_attr(not(test), allow(dead_code))] // build.rs calls it
impl BlobWriter {
    /// Adds `bytes` to the arrays; pushes its place and length to `head`.
    fn array(&mut self, bytes: &[u8]) {
        let pad = self.arrays.len().next_multiple_of(BLOB_ALIGN) - self.arrays.len();
        self.arrays.extend(std::iter::repeat_n(0, pad));
        self.head.push(self.arrays.len() as u64);
        self.head.push(bytes.len() as u64);
        self.arrays.extend_from_slice(bytes);
    }

    /// The blob: magic, the header's length in `u64`s, the header, then
    /// the arrays at the next multiple of [`BLOB_ALIGN`] (their places
    /// are counted from there).
    fn finish(self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(BLOB_MAGIC);
        out.extend_from_slice(&(self.head.len() as u64).to_le_bytes());
        for n in &self.head {
            out.extend_from_slice(&n.to_le_bytes());
        }
        out.resize(out.len().next_multiple_of(BLOB_ALIGN), 0);
        out.extend_from_slice(&self.arrays);
        out
    }
}

/// A cursor over the model file, for [`prebuild`]'s walk.
#[cfg_attr(not(test), allow(dead_code))] // build.rs calls it
struct Walk<'a> {
    bytes: &'a [u8],
    at: usize,
}

#[cfg_attr(not(test), allow(dead_code))] // build.rs calls it
impl<'a> Walk<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    fn u32(&mut self) -> Option<usize> {
        let b = self.take(4)?.first_chunk()?;
        Some(u32::from_le_bytes(*b) as usize)
    }

    /// Lays out the word table of `count` entries of `payload` bytes here.
    fn words(&mut self, count: usize, payload: usize, out: &mut BlobWriter) -> Option<()> {
        let table = lay_out_words(self.bytes.get(self.at..)?, count, payload).ok()?;
        // Unsorted words are hashed into memory at load, as without a blob.
        if let Some(slots) = &table.slots {
            out.head.extend([
                WORDS,
                self.at as u64,
                count as u64,
                payload as u64,
                table.read as u64,
            ]);
            out.array(&le_bytes(&table.starts));
            out.array(&le_bytes(slots));
        }
        self.at += table.read;
        Some(())
    }
}

/// Lays out every table of `model` (a model file, as `NerModel::to_bytes`
/// writes it) into a blob that [`Prebuilt`] reads; `None` for bytes that
/// do not read as a model (which then load, or fail, as without a blob).
/// The walk follows `NerModel::read`, stage by stage and table by table.
#[cfg_attr(not(test), allow(dead_code))] // build.rs calls it
pub(crate) fn prebuild(model: &[u8]) -> Option<Vec<u8>> {
    let mut out = BlobWriter {
        head: vec![model.len() as u64],
        arrays: Vec::new(),
    };
    let mut r = Walk {
        bytes: model,
        at: 0,
    };
    if r.take(8)? != MODEL_MAGIC {
        return None;
    }
    let types = r.u32()?;
    for _ in 0..types.min(8) {
        let len = usize::from(*r.take(1)?.first()?);
        r.take(len)?;
    }
    let labels = 1 + 2 * types.min(8);
    let stages = r.u32()?;
    for _ in 0..stages.min(4) {
        let features = r.u32()?;
        let at = r.at;
        let keys = r.take(features.checked_mul(8)?)?;
        let weights = r.take(features.checked_mul(labels * 2)?)?;
        let dense = r.u32()?;
        r.take(dense.checked_mul(2)?)?;
        match lay_out_features(keys, weights, labels) {
            Some(table) => {
                out.head.extend([FEATURES, at as u64, labels as u64]);
                out.head.push(u64::from(table.shift));
                match table.empty_key_weights {
                    Some(w) => {
                        out.head.push(1);
                        out.head.extend(w.map(|w| u64::from(w as u16)));
                    }
                    None => out.head.extend([0; 1 + SLOT_LABELS]),
                }
                out.array(&table.tags);
                out.array(&table.slots);
            }
            None => out.head.extend([NO_FEATURES, at as u64, labels as u64]),
        }
    }
    let classes = r.u32()?;
    r.words(classes, 6, &mut out)?;
    let dims = r.u32()?;
    let vectors = r.u32()?;
    r.words(vectors, dims, &mut out)?;
    if r.at < model.len() {
        let names = r.u32()?;
        r.words(names, 2, &mut out)?;
    }
    Some(out.finish())
}

/// A stage's feature table as a blob holds it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PrebuiltFeatures {
    /// Per slot, its key's [`tag`].
    pub(crate) tags: &'static [u8],
    /// [`SLOT_BYTES`] per slot, as [`FeatureLayout::slots`].
    pub(crate) slots: &'static [u8],
    /// As [`FeatureLayout::shift`].
    pub(crate) shift: u32,
    /// As [`FeatureLayout::empty_key_weights`].
    pub(crate) empty_key_weights: Option<[i16; SLOT_LABELS]>,
}

/// A word table as a blob holds it: [`WordLayout`]'s numbers as
/// little-endian bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PrebuiltWords {
    /// The table's bytes in the model.
    pub(crate) read: usize,
    /// Where each entry starts.
    pub(crate) starts: &'static [u8],
    /// The slots, never `None` here (unsorted tables are not prebuilt).
    pub(crate) slots: &'static [u8],
}

/// The tables a blob holds for one model, found by where they lie in it.
/// Anything the blob lacks or does not hold as asked (another model, a
/// damaged blob) is `None`, and is laid out at load instead.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Prebuilt {
    /// The header's numbers, as little-endian bytes.
    head: &'static [u8],
    /// The arrays.
    arrays: &'static [u8],
}

impl Prebuilt {
    /// The blob `blob` (as [`prebuild`] wrote it) for the model of `model_len`
    /// bytes; `None` when it is not such a blob.
    pub(crate) fn new(blob: &'static [u8], model_len: usize) -> Option<Self> {
        if blob.get(..8)? != BLOB_MAGIC {
            return None;
        }
        let words = usize::try_from(u64_at(blob, 1)?).ok()?;
        let head_end = words.checked_add(2)?.checked_mul(8)?;
        let head = blob.get(16..head_end)?;
        let arrays = blob.get(head_end.next_multiple_of(BLOB_ALIGN)..)?;
        let prebuilt = Prebuilt { head, arrays };
        (prebuilt.number(0)? == model_len as u64).then_some(prebuilt)
    }

    /// The header's `i`-th number.
    fn number(&self, i: usize) -> Option<u64> {
        u64_at(self.head, i)
    }

    /// The array whose place and length are the header's `i`-th and next.
    fn array(&self, i: usize) -> Option<&'static [u8]> {
        let from = usize::try_from(self.number(i)?).ok()?;
        let len = usize::try_from(self.number(i + 1)?).ok()?;
        self.arrays.get(from..from.checked_add(len)?)
    }

    /// Each record's kind, its place in the model and where it starts in
    /// the header.
    fn records(&self) -> impl Iterator<Item = (u64, u64, usize)> + '_ {
        let mut i = 1;
        std::iter::from_fn(move || {
            let kind = self.number(i)?;
            let at = self.number(i + 1)?;
            let start = i;
            i += match kind {
                FEATURES => 3 + 1 + 1 + SLOT_LABELS + 4,
                NO_FEATURES => 3,
                WORDS => 5 + 4,
                _ => return None,
            };
            Some((kind, at, start))
        })
    }

    /// The feature table of the stage whose keys start at `at` in the
    /// model, laid out for `labels` labels: `Some(None)` for a stage the
    /// blob holds without one (its rows do not fit a slot).
    pub(crate) fn features(&self, at: usize, labels: usize) -> Option<Option<PrebuiltFeatures>> {
        let (kind, _, i) = self.records().find(|&(kind, place, _)| {
            (kind == FEATURES || kind == NO_FEATURES) && place == at as u64
        })?;
        if self.number(i + 2)? != labels as u64 {
            return None;
        }
        if kind == NO_FEATURES {
            return Some(None);
        }
        let shift = u32::try_from(self.number(i + 3)?).ok()?;
        let mut empty = [0i16; SLOT_LABELS];
        for (k, w) in empty.iter_mut().enumerate() {
            *w = self.number(i + 5 + k)? as u16 as i16;
        }
        let empty_key_weights = (self.number(i + 4)? == 1).then_some(empty);
        let tags = self.array(i + 5 + SLOT_LABELS)?;
        let slots = self.array(i + 7 + SLOT_LABELS)?;
        let capacity = tags.len();
        let sound = capacity.is_power_of_two()
            && slots.len() == capacity * SLOT_BYTES
            && u64::from(shift) == 64 - u64::from(capacity.trailing_zeros());
        sound.then_some(Some(PrebuiltFeatures {
            tags,
            slots,
            shift,
            empty_key_weights,
        }))
    }

    /// The word table of `count` entries of `payload` bytes that starts at
    /// `at` in the model.
    pub(crate) fn words(&self, at: usize, count: usize, payload: usize) -> Option<PrebuiltWords> {
        let (_, _, i) = self
            .records()
            .find(|&(kind, place, _)| kind == WORDS && place == at as u64)?;
        if self.number(i + 2)? != count as u64 || self.number(i + 3)? != payload as u64 {
            return None;
        }
        let read = usize::try_from(self.number(i + 4)?).ok()?;
        let starts = self.array(i + 5)?;
        let slots = self.array(i + 7)?;
        let sound = starts.len() == count * 4
            && (slots.len() / 4).is_power_of_two()
            && slots.len() % 4 == 0;
        sound.then_some(PrebuiltWords {
            read,
            starts,
            slots,
        })
    }
}

/// The `u64` at index `i` of little-endian `bytes`.
fn u64_at(bytes: &[u8], i: usize) -> Option<u64> {
    let b = bytes.get(i.checked_mul(8)?..)?.first_chunk::<8>()?;
    Some(u64::from_le_bytes(*b))
}
