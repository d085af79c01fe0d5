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

use super::stored::StoredArray;

/// Most labels a slot holds inline (5 entity types in BIO). Models with more
/// labels are scored through the general map instead.
pub(crate) const SLOT_LABELS: usize = 12;

/// One feature key and its label weights (zero beyond the label count).
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
struct Slot {
    key: u64,
    weights: [i16; SLOT_LABELS],
}

/// Feature key → label weights, by linear probing over a power-of-two table
/// at most half full.
#[derive(Debug, Clone, Default)]
pub(crate) struct FeatureTable {
    /// Slots; key [`EMPTY`] marks a free one.
    slots: Vec<Slot>,
    /// Per slot, its key's [`tag`] (0 for a free slot): a probe reads the
    /// slot itself only where the tag matches. A table of 60,000 features
    /// has 4 MB of slots but 128 KB of tags, which stay in cache, and most
    /// of the features a token looks up that the model lacks (word pairs,
    /// mostly) are then decided without a miss.
    tags: Vec<u8>,
    /// `64 - log2(slots.len())`: the hash's top bits pick the home slot.
    shift: u32,
    /// The weights of key [`EMPTY`] itself, should a feature hash to it.
    empty_key_weights: Option<[i16; SLOT_LABELS]>,
}

/// The key of a free slot.
const EMPTY: u64 = 0;

/// Spreads a key over the table. Feature keys are already hashes, but a
/// multiplication keeps the table sound for any key set.
fn home(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

/// A byte of `key` other than the bits [`home`] reads, never 0 (a free
/// slot's tag).
fn tag(key: u64) -> u8 {
    (key as u8).max(1)
}

impl FeatureTable {
    /// Builds the table from feature `keys` and their rows of `labels`
    /// `weights`; a later row wins for a key given twice. `None` when the
    /// rows do not fit a slot.
    ///
    /// Keys in ascending order, as the model writer leaves them, are laid
    /// out straight from the rows (checked in one pass); others are first
    /// sorted with each key's last row, which gives the same table.
    pub(crate) fn build(
        keys: &StoredArray<u64>,
        weights: &StoredArray<i16>,
        labels: usize,
    ) -> Option<Self> {
        if labels == 0 || labels > SLOT_LABELS {
            return None;
        }
        let ascending = keys.iter().zip(keys.iter().skip(1)).all(|(a, b)| a < b);
        if ascending {
            return Some(Self::fill(keys.iter().zip(0..), weights, labels));
        }
        // A key's last row, as a map built from the pairs holds it.
        let mut pairs: Vec<(u64, usize)> = keys.iter().zip(0..).collect();
        pairs.sort_by_key(|&(key, _)| key);
        let mut last: Vec<(u64, usize)> = Vec::with_capacity(pairs.len());
        for (key, row) in pairs {
            match last.last_mut() {
                Some(l) if l.0 == key => l.1 = l.1.max(row),
                _ => last.push((key, row)),
            }
        }
        Some(Self::fill(last.into_iter(), weights, labels))
    }

    /// The table of `rows`, (key, row) pairs of distinct keys in
    /// ascending order; rows that are missing or all zero are left out.
    fn fill(
        rows: impl Iterator<Item = (u64, usize)> + Clone,
        weights: &StoredArray<i16>,
        labels: usize,
    ) -> Self {
        // A row's bytes, if it has any weight (a weight is zero exactly
        // when its bytes are).
        let held = |row: usize| {
            let bytes = weights.run_bytes(row.checked_mul(labels)?, labels)?;
            bytes.iter().any(|b| *b != 0).then_some(row * labels)
        };
        // Counted first, so that the table is sized as before rows were
        // read in place (and probes the same).
        let count = rows.clone().filter(|&(_, row)| held(row).is_some()).count();
        let capacity = (count * 2).next_power_of_two().max(16);
        let shift = 64 - capacity.trailing_zeros();
        let mut table = FeatureTable {
            slots: vec![Slot::default(); capacity],
            tags: vec![0; capacity],
            shift,
            empty_key_weights: None,
        };
        let mask = capacity - 1;
        for (key, row) in rows {
            let Some(ws) = held(row).and_then(|start| weights.run(start, labels)) else {
                continue;
            };
            let mut inline = [0i16; SLOT_LABELS];
            for (slot, w) in inline.iter_mut().zip(ws) {
                *slot = w;
            }
            if key == EMPTY {
                table.empty_key_weights = Some(inline);
                continue;
            }
            let mut at = home(key, shift);
            while table.slots[at].key != EMPTY {
                at = (at + 1) & mask;
            }
            table.slots[at] = Slot {
                key,
                weights: inline,
            };
            table.tags[at] = tag(key);
        }
        table
    }

    /// Number of features held (rows whose weights are all zero are left out).
    #[cfg(test)]
    fn len(&self) -> usize {
        let free = |s: &&Slot| s.key == EMPTY;
        self.slots.iter().filter(|s| !free(s)).count()
            + usize::from(self.empty_key_weights.is_some())
    }

    /// The inline weights of `key`, if it has any.
    #[inline]
    fn get(&self, key: u64) -> Option<&[i16; SLOT_LABELS]> {
        if key == EMPTY {
            return self.empty_key_weights.as_ref();
        }
        let mask = self.slots.len().checked_sub(1)?;
        let want = tag(key);
        let mut at = home(key, self.shift);
        loop {
            let found = *self.tags.get(at)?;
            if found == want {
                let slot = self.slots.get(at)?;
                if slot.key == key {
                    return Some(&slot.weights);
                }
            } else if found == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    /// Sums the weights of `features` per label (zero beyond the label count).
    pub(crate) fn sum(&self, features: &[u64]) -> [i32; SLOT_LABELS] {
        let mut sum = [0i32; SLOT_LABELS];
        for f in features {
            if let Some(ws) = self.get(*f) {
                add_widened(&mut sum, ws);
            }
        }
        sum
    }
}

/// `sum += ws` lane by lane, widened to i32. Indexed over the fixed
/// length, so that it compiles to a few vector instructions where an
/// iterator chain over the array adds one lane at a time.
#[inline]
fn add_widened(sum: &mut [i32; SLOT_LABELS], ws: &[i16; SLOT_LABELS]) {
    for k in 0..SLOT_LABELS {
        sum[k] += i32::from(ws[k]);
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
