//! The sparse weights laid out for tagging: one open-addressing table whose
//! slots hold a feature key *and* its label weights side by side.
//!
//! Tagging looks up some sixty features per token and stage, most of them
//! scattered over megabytes of weights. A general hash map finds a key's row
//! number in one place and the row in another (two or three cache misses);
//! here a slot is 32 bytes, half a cache line, so a hit costs one miss. A
//! byte of each slot's key, in an array of its own that stays in cache,
//! is read first: a feature the model lacks (a quarter of the lookups, and
//! the coldest) is decided there without touching the slots.

use super::super::layout::{
    self, feature_home, tag, FeatureLayout, PrebuiltFeatures, EMPTY, SLOT_BYTES,
};
use super::stored::StoredArray;
use std::borrow::Cow;

pub(crate) use super::super::layout::SLOT_LABELS;

/// Feature key → label weights, by linear probing over a power-of-two table
/// at most half full ([`layout::lay_out_features`] lays it out).
#[derive(Debug, Clone, Default)]
pub(crate) struct FeatureTable {
    /// [`SLOT_BYTES`] per slot: a little-endian `u64` key and
    /// [`SLOT_LABELS`] `i16` weights (zero beyond the label count); key
    /// [`EMPTY`] marks a free one. Built at load, or borrowed from the
    /// layout made when the crate was built. From byte `offset` on.
    slots: Cow<'static, [u8]>,
    /// Where the first slot starts in `slots`: a multiple of 64 in memory,
    /// so that each slot lies in one cache line (the blob is so aligned; a
    /// table built at load is copied to such a place in its vector).
    offset: usize,
    /// Per slot, its key's [`tag`] (0 for a free slot): a probe reads the
    /// slot itself only where the tag matches. A table of 60,000 features
    /// has 4 MB of slots but 128 KB of tags, which stay in cache, and most
    /// of the features a token looks up that the model lacks (word pairs,
    /// mostly) are then decided without a miss.
    tags: Cow<'static, [u8]>,
    /// `64 - log2(tags.len())`: the hash's top bits pick the home slot.
    shift: u32,
    /// The slot of key [`EMPTY`] itself, should a feature hash to it.
    empty_key_slot: Option<[u8; SLOT_BYTES]>,
}

/// A cache line's bytes.
const LINE: usize = 64;

/// The slot of key [`EMPTY`] with `weights`.
fn empty_key_slot(weights: [i16; SLOT_LABELS]) -> [u8; SLOT_BYTES] {
    let mut slot = [0u8; SLOT_BYTES];
    for (b, w) in slot[8..].chunks_exact_mut(2).zip(weights) {
        b.copy_from_slice(&w.to_le_bytes());
    }
    slot
}

impl FeatureTable {
    /// Builds the table from feature `keys` and their rows of `labels`
    /// `weights`; a later row wins for a key given twice. `None` when the
    /// rows do not fit a slot.
    pub(crate) fn build(
        keys: &StoredArray<u64>,
        weights: &StoredArray<i16>,
        labels: usize,
    ) -> Option<Self> {
        let FeatureLayout {
            slots,
            tags,
            shift,
            empty_key_weights,
        } = layout::lay_out_features(keys.bytes(), weights.bytes(), labels)?;
        // A vector of bytes may start anywhere: the slots are copied to
        // the first line boundary in one with a line to spare.
        let mut lines = vec![0u8; slots.len() + LINE];
        let offset = lines.as_ptr().align_offset(LINE).min(LINE);
        lines[offset..offset + slots.len()].copy_from_slice(&slots);
        Some(FeatureTable {
            slots: Cow::Owned(lines),
            offset,
            tags: Cow::Owned(tags),
            shift,
            empty_key_slot: empty_key_weights.map(empty_key_slot),
        })
    }

    /// The table laid out when the crate was built, read where it lies.
    pub(crate) fn prebuilt(table: PrebuiltFeatures) -> Self {
        FeatureTable {
            slots: Cow::Borrowed(table.slots),
            offset: 0,
            tags: Cow::Borrowed(table.tags),
            shift: table.shift,
            empty_key_slot: table.empty_key_weights.map(empty_key_slot),
        }
    }

    /// The table's slots and tags (for comparing layouts in tests).
    #[cfg(test)]
    pub(crate) fn layout(&self) -> (&[u8], &[u8], u32, Option<[u8; SLOT_BYTES]>) {
        let slots = &self.slots[self.offset..self.offset + self.tags.len() * SLOT_BYTES];
        (slots, &self.tags, self.shift, self.empty_key_slot)
    }

    /// Number of features held (rows whose weights are all zero are left out).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.tags.iter().filter(|t| **t != 0).count() + usize::from(self.empty_key_slot.is_some())
    }

    /// Sums the weights of `features` per label (zero beyond the label count).
    pub(crate) fn sum(&self, features: &[u64]) -> [i32; SLOT_LABELS] {
        let mut sum = [0i32; SLOT_LABELS];
        // Taken out of their `Cow`s once, not per feature.
        let slots = Slots {
            tags: &self.tags,
            slots: self.slots.get(self.offset..).unwrap_or(&[]),
            shift: self.shift,
        };
        for f in features {
            let slot = match *f {
                EMPTY => self.empty_key_slot.as_ref(),
                key => slots.get(key),
            };
            if let Some(slot) = slot {
                add_widened(&mut sum, slot);
            }
        }
        sum
    }
}

/// A table's tags and slots (see [`FeatureTable`]).
struct Slots<'a> {
    tags: &'a [u8],
    slots: &'a [u8],
    shift: u32,
}

impl Slots<'_> {
    /// The slot of `key` (not [`EMPTY`]), if it has weights.
    #[inline]
    fn get(&self, key: u64) -> Option<&[u8; SLOT_BYTES]> {
        let mask = self.tags.len().checked_sub(1)?;
        let want = tag(key);
        let mut at = feature_home(key, self.shift);
        loop {
            let found = *self.tags.get(at)?;
            if found == want {
                let slot = self.slots.get(at * SLOT_BYTES..)?;
                let slot = slot.first_chunk::<SLOT_BYTES>()?;
                if slot.first_chunk::<8>().map(|k| u64::from_le_bytes(*k)) == Some(key) {
                    return Some(slot);
                }
            } else if found == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
    }
}

/// `sum += ` the weights of `slot`, lane by lane, widened to i32. Indexed
/// over the fixed length, so that it compiles to a few vector instructions
/// where an iterator chain over the array adds one lane at a time.
#[inline]
fn add_widened(sum: &mut [i32; SLOT_LABELS], slot: &[u8; SLOT_BYTES]) {
    for k in 0..SLOT_LABELS {
        sum[k] += i32::from(i16::from_le_bytes([slot[8 + 2 * k], slot[9 + 2 * k]]));
    }
}

/// `sum += part` lane by lane (see [`add_widened`]).
#[inline]
pub(crate) fn add_lanes(sum: &mut [i32; SLOT_LABELS], part: &[i32; SLOT_LABELS]) {
    for k in 0..SLOT_LABELS {
        sum[k] += part[k];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys and their rows of three weights: row r weighs (r+1, -(r+1), 2(r+1)).
    fn rows(keys: &[u64]) -> (StoredArray<u64>, StoredArray<i16>) {
        let weights = (0..keys.len() as i16).flat_map(|r| [r + 1, -(r + 1), 2 * (r + 1)]);
        (keys.iter().copied().collect(), weights.collect())
    }

    fn expect(table: &FeatureTable, key: u64, row: i32) {
        let w = row + 1;
        assert_eq!(&table.sum(&[key])[..4], &[w, -w, 2 * w, 0], "{key}");
    }

    #[test]
    fn finds_every_row_and_nothing_else() {
        // Key 0 (the free-slot marker), keys that share home slots, and
        // keys that share a tag (the same low byte, 0x42 or 0 and 1), in
        // ascending order (as the model writer leaves them) and shuffled.
        let mut ascending: Vec<u64> = [0]
            .into_iter()
            .chain((0..200u64).map(|k| (k << 58) | (k + 1)))
            .chain((1..200u64).map(|k| (k << 20) | 0x42))
            .chain((1..50u64).map(|k| k << 12))
            .collect();
        ascending.sort_unstable();
        ascending.dedup();
        let mut shuffled = ascending.clone();
        shuffled.reverse();
        shuffled.swap(3, 150);
        for keys in [ascending, shuffled] {
            let (k, w) = rows(&keys);
            let table = FeatureTable::build(&k, &w, 3).unwrap();
            assert_eq!(table.len(), keys.len());
            for (row, key) in keys.iter().enumerate() {
                expect(&table, *key, row as i32);
            }
            assert_eq!(
                table.sum(&[12345, 1 << 40, (500 << 20) | 0x42, 60 << 12]),
                [0; SLOT_LABELS]
            );
        }
    }

    #[test]
    fn a_later_row_wins_for_a_key_given_twice() {
        let (k, w) = rows(&[9, 4, 9, 7, 4]);
        let table = FeatureTable::build(&k, &w, 3).unwrap();
        assert_eq!(table.len(), 3);
        expect(&table, 9, 2);
        expect(&table, 4, 4);
        expect(&table, 7, 3);
        // A later row of zeros takes the key out.
        let k: StoredArray<u64> = [5u64, 6, 5].into_iter().collect();
        let w: StoredArray<i16> = [1i16, 1, 2, 2, 0, 0].into_iter().collect();
        let table = FeatureTable::build(&k, &w, 2).unwrap();
        assert_eq!(table.len(), 1);
        assert_eq!(table.sum(&[5, 6])[..2], [2, 2]);
    }

    #[test]
    fn leaves_out_zero_rows_missing_rows_and_wide_rows() {
        let k: StoredArray<u64> = [5u64, 6, 8].into_iter().collect();
        let w: StoredArray<i16> = [0i16, 0, 1, 0].into_iter().collect();
        let table = FeatureTable::build(&k, &w, 2).unwrap();
        assert_eq!(table.len(), 1);
        assert_eq!(table.sum(&[5, 6, 6, 8])[..2], [2, 0]);
        let wide: StoredArray<i16> = [1i16; 60].into_iter().collect();
        assert!(FeatureTable::build(&k, &wide, 20).is_none());
    }
}
