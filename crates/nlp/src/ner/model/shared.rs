//! The sums of parts kept across the documents a process tags: a
//! vocabulary cache. Within a document [`super::DocMemo`] works out each
//! part's sums once; across documents the same frequent words ("the",
//! "said", "government") come back in every one, and by Zipf's law a
//! few thousand of them make up most of an article's tokens, so their
//! parts' sums are kept here, each found by the part's features and
//! vectors themselves: a part's sums are a function of nothing else (and
//! the stage's weights), so a part found here is exactly the one summed
//! before, whatever document it came from.

use super::{KeyMap, PartInput, PartSums};
use std::collections::hash_map::Entry;
use std::sync::Mutex;

/// Parts a cache keeps at most: past that it keeps what it has and
/// adds nothing (the frequent words come early in any stream of
/// documents). At about 380 bytes a part (its features, its vector,
/// two stages' sums and the map's slot), some 25 MB a cache when full.
const MAX_PARTS: usize = 1 << 16;

/// Feature keys a cache keeps at most (about 8 a part on news text; a
/// part of thousands of features, a hyphenated run, is not kept).
const MAX_FEATURES: usize = MAX_PARTS * 16;

/// Vector components a cache keeps at most (50 a word in the shipped
/// model).
const MAX_COMPONENTS: usize = MAX_PARTS * 64;

/// The stages whose sums a cache keeps (the shipped model has two; the
/// parts of any further stage are summed as without a cache).
pub(crate) const CACHED_STAGES: usize = 2;

/// One kept part: where its features and vectors are, and its sums.
#[derive(Debug, Clone, Copy)]
struct Kept {
    /// Its features are `features[from..to]`.
    features: (u32, u32),
    /// Its vectors' (slot, start in `components`, length).
    dense: [Option<(usize, u32, u32)>; 2],
    /// Per stage, its sums, once known (`known`'s bits).
    sums: [PartSums; CACHED_STAGES],
    /// The stages whose sums are known, a bit each.
    known: u8,
}

/// The sums of the parts tagged so far by one thread at a time (see the
/// module's documentation), per stage.
#[derive(Debug, Default)]
pub(crate) struct PartCache {
    /// A part's hash ([`PartCache::hash`]) → its entry. Parts of the same
    /// hash but different features are not kept (the first one is).
    map: KeyMap<u32>,
    /// The kept parts.
    entries: Vec<Kept>,
    /// The kept parts' features, one after another.
    features: Vec<u64>,
    /// The kept parts' vector components, one after another.
    components: Vec<i8>,
    /// A bit per hash (its top [`SEEN_BITS`] bits) of the parts seen in
    /// the first stage of a document: a part is kept only when seen
    /// again, in a later document (or where another part's hash shares
    /// its bit). So a word met once costs the cache no memory, and no
    /// lookup in the map; kept parts are those that come back.
    seen: Vec<u64>,
}

/// The bits of [`PartCache::seen`]: 2^19 (64 KB), about five times the
/// distinct parts of a hundred articles.
const SEEN_BITS: u32 = 19;

impl PartCache {
    /// The hash of a part's features and its vectors' slots: the map's
    /// key. The vectors themselves are left out (a word's features name
    /// it), and told apart only when a part is found.
    fn hash(part: &PartInput<'_>) -> u64 {
        // The features are well-mixed hashes already, so one multiply
        // each folds them in order (foldhash's hasher, fed them one by
        // one, ran ~25 instructions a feature; a part has ~6). Collisions
        // only cost a part its place in the cache.
        const MIX: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut h = part.features.len() as u64;
        for f in part.features {
            h = (h.rotate_left(23) ^ f).wrapping_mul(MIX);
        }
        for (slot, _) in part.dense.iter().flatten() {
            h = (h.rotate_left(23) ^ *slot as u64).wrapping_mul(MIX);
        }
        // The map reads the top bits and the bottom ones.
        h ^ (h >> 32)
    }

    /// The entry of `part`, if kept.
    fn find(&self, hash: u64, part: &PartInput<'_>) -> Option<usize> {
        let e = *self.map.get(&hash)? as usize;
        let entry = self.entries.get(e)?;
        let (from, to) = entry.features;
        if self.features.get(from as usize..to as usize)? != part.features {
            return None;
        }
        for (kept, given) in entry.dense.iter().zip(&part.dense) {
            match (kept, given) {
                (None, None) => {}
                (Some((slot, at, len)), Some((given_slot, x))) => {
                    let kept = self
                        .components
                        .get(*at as usize..(*at as usize + *len as usize))?;
                    if slot != given_slot || kept != *x {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        Some(e)
    }

    /// Keeps `part` (of hash `hash`, not kept yet) if there is room and
    /// no other part of its hash; its entry.
    fn keep(&mut self, hash: u64, part: &PartInput<'_>) -> Option<usize> {
        let components: usize = part.dense.iter().flatten().map(|(_, x)| x.len()).sum();
        if self.entries.len() >= MAX_PARTS
            || self.features.len() + part.features.len() > MAX_FEATURES
            || self.components.len() + components > MAX_COMPONENTS
        {
            return None;
        }
        let e = self.entries.len();
        match self.map.entry(hash) {
            Entry::Occupied(_) => return None,
            Entry::Vacant(slot) => slot.insert(e as u32),
        };
        // The caps keep every offset far below `u32::MAX`.
        let from = self.features.len() as u32;
        self.features.extend_from_slice(part.features);
        let mut dense = [None; 2];
        for (kept, (slot, x)) in dense.iter_mut().zip(part.dense.iter().flatten()) {
            *kept = Some((*slot, self.components.len() as u32, x.len() as u32));
            self.components.extend_from_slice(x);
        }
        self.entries.push(Kept {
            features: (from, self.features.len() as u32),
            dense,
            sums: [PartSums::default(); CACHED_STAGES],
            known: 0,
        });
        Some(e)
    }

    /// The sums of `part` in stage `stage`: kept ones, or those `work_out`
    /// gives (then kept where there is room). `None` when `work_out` gives
    /// none.
    pub(super) fn sums(
        &mut self,
        stage: usize,
        part: &PartInput<'_>,
        work_out: impl FnOnce() -> Option<PartSums>,
    ) -> Option<PartSums> {
        if stage >= CACHED_STAGES {
            return work_out();
        }
        let hash = Self::hash(part);
        if self.seen.is_empty() {
            self.seen = vec![0; 1 << (SEEN_BITS - 6)];
        }
        let bit = (hash >> (64 - SEEN_BITS)) as usize;
        let Some(word) = self.seen.get_mut(bit / 64) else {
            return work_out();
        };
        let mask = 1u64 << (bit % 64);
        if *word & mask == 0 {
            // Never seen (a later stage sees only parts the first saw).
            if stage == 0 {
                *word |= mask;
            }
            return work_out();
        }
        let found = self.find(hash, part);
        if let Some(entry) = found.and_then(|e| self.entries.get(e)) {
            if entry.known & (1 << stage) != 0 {
                return Some(entry.sums[stage]);
            }
        }
        let sums = work_out()?;
        // Kept as the first stage meets it again, so that the first
        // stage's sums are known for every part kept.
        let e = found.or_else(|| (stage == 0).then(|| self.keep(hash, part)).flatten());
        if let Some(entry) = e.and_then(|e| self.entries.get_mut(e)) {
            entry.sums[stage] = sums;
            entry.known |= 1 << stage;
        }
        Some(sums)
    }

    /// Number of parts kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

/// The [`PartCache`]s of a tagger that no document is using: a document
/// takes one as it starts and gives it back when done, so that threads
/// tagging at once each have their own and no lock is held while tagging.
/// There are as many as documents were ever tagged at once.
#[derive(Debug, Default)]
pub(crate) struct PartCaches(Mutex<Vec<PartCache>>);

impl Clone for PartCaches {
    /// A copy of a tagger starts with no caches: they are only ever a
    /// matter of speed.
    fn clone(&self) -> Self {
        PartCaches::default()
    }
}

impl PartCaches {
    /// A cache no one is using (a new one if none is free).
    pub(crate) fn take(&self) -> PartCache {
        self.0
            .lock()
            .ok()
            .and_then(|mut free| free.pop())
            .unwrap_or_default()
    }

    /// Gives `cache` back for another document.
    pub(crate) fn give(&self, cache: PartCache) {
        // A lock poisoned by a panicking thread loses the cache, nothing else.
        if let Ok(mut free) = self.0.lock() {
            free.push(cache);
        }
    }
}
