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

#[cfg(test)]
use super::KeyMap;

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
    /// Builds the table from (key, row) pairs over `weights` (rows of
    /// `labels` weights); a later pair wins for a key given twice. `None`
    /// when the rows do not fit a slot.
    pub(crate) fn build(
        index: impl Iterator<Item = (u64, u32)>,
        weights: &[i16],
        labels: usize,
    ) -> Option<Self> {
        if labels == 0 || labels > SLOT_LABELS {
            return None;
        }
        // A key's last row, as a map built from the pairs holds it.
        let mut pairs: Vec<(u64, u32)> = index.collect();
        pairs.sort_by_key(|&(key, _)| key);
        let mut last: Vec<(u64, u32)> = Vec::with_capacity(pairs.len());
        for (key, row) in pairs {
            match last.last_mut() {
                Some(l) if l.0 == key => l.1 = l.1.max(row),
                _ => last.push((key, row)),
            }
        }
        let rows: Vec<(u64, [i16; SLOT_LABELS])> = last
            .into_iter()
            .filter_map(|(key, row)| {
                let start = row as usize * labels;
                let ws = weights.get(start..start + labels)?;
                if ws.iter().all(|w| *w == 0) {
                    return None;
                }
                let mut inline = [0i16; SLOT_LABELS];
                inline[..labels].copy_from_slice(ws);
                Some((key, inline))
            })
            .collect();
        let capacity = (rows.len() * 2).next_power_of_two().max(16);
        let shift = 64 - capacity.trailing_zeros();
        let mut table = FeatureTable {
            slots: vec![Slot::default(); capacity],
            tags: vec![0; capacity],
            shift,
            empty_key_weights: None,
        };
        let mask = capacity - 1;
        for (key, inline) in rows {
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
        Some(table)
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
                for (s, w) in sum.iter_mut().zip(ws) {
                    *s += i32::from(*w);
                }
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_row_and_nothing_else() {
        let labels = 3;
        let mut index = KeyMap::default();
        let mut weights = Vec::new();
        // Key 0 (the free-slot marker), keys that share home slots, and
        // keys that share a tag (the same low byte, 0x42 or 0 and 1).
        let keys: Vec<u64> = (0..200u64)
            .map(|k| k << 58 | k)
            .chain((1..200u64).map(|k| k << 20 | 0x42))
            .chain((1..50u64).map(|k| k << 12))
            .chain([0])
            .collect();
        for (row, key) in keys.iter().enumerate() {
            index.insert(*key, row as u32);
            let w = row as i16 + 1;
            weights.extend([w, -w, 2 * w]);
        }
        let table =
            FeatureTable::build(index.iter().map(|(&k, &r)| (k, r)), &weights, labels).unwrap();
        assert_eq!(table.len(), index.len());
        for (key, row) in &index {
            let w = *row as i16 + 1;
            let sum = table.sum(&[*key]);
            assert_eq!(
                &sum[..4],
                &[i32::from(w), -i32::from(w), 2 * i32::from(w), 0]
            );
        }
        assert_eq!(
            table.sum(&[12345, 1 << 40, 500 << 20 | 0x42, 60 << 12]),
            [0; SLOT_LABELS]
        );
    }

    #[test]
    fn leaves_out_zero_rows_and_wide_rows() {
        let mut index = KeyMap::default();
        index.insert(5, 0);
        index.insert(6, 1);
        let table =
            FeatureTable::build(index.iter().map(|(&k, &r)| (k, r)), &[0, 0, 1, 0], 2).unwrap();
        assert_eq!(table.len(), 1);
        assert_eq!(table.sum(&[5, 6, 6])[..2], [2, 0]);
        assert!(FeatureTable::build(index.iter().map(|(&k, &r)| (k, r)), &[0; 40], 20).is_none());
    }
}
