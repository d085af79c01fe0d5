//! A word list asked "is this word in it?" of token after token. Most
//! entries are short closed-class words: those are kept as integers by
//! length, so a lookup is a few integer compares with no hashing and no
//! string compare; longer entries go in a hash set.

use foldhash::HashSet;

/// Entries this long or shorter are kept as [`short_key`]s.
const SHORT: usize = 8;

/// The entries of one list, for membership by exact string.
#[derive(Debug, Clone, Default)]
pub struct WordSet<'t> {
    words: Vec<&'t str>,
    /// The [`short_key`]s of the entries of 1..=8 bytes, indexed by length.
    short: [Vec<u64>; SHORT + 1],
    /// The longer entries.
    long: HashSet<&'t str>,
}

impl<'t> WordSet<'t> {
    /// The set of `words` (a word listed twice is one member).
    pub fn new(words: Vec<&'t str>) -> Self {
        let mut short: [Vec<u64>; SHORT + 1] = Default::default();
        let mut long = HashSet::default();
        for w in &words {
            match short.get_mut(w.len()) {
                Some(keys) => keys.push(short_key(w.as_bytes())),
                None => {
                    long.insert(*w);
                }
            }
        }
        WordSet { words, short, long }
    }

    /// Whether `word` is an entry, exactly as written (callers pass a
    /// token's lowercase text). Takes `&&str`, as a slice's `contains`
    /// does, and `&str`.
    #[inline]
    pub fn contains<Q: AsRef<str> + ?Sized>(&self, word: &Q) -> bool {
        let w = word.as_ref();
        match self.short.get(w.len()) {
            Some(keys) => keys.contains(&short_key(w.as_bytes())),
            None => !self.long.is_empty() && self.long.contains(w),
        }
    }

    /// The entries in file order.
    pub fn words(&self) -> &[&'t str] {
        &self.words
    }
}

/// The bytes of a word of at most 8 bytes as one integer, which tells apart
/// any two words of the same length: 4..=8 bytes as the first four and the
/// last four (which overlap, and together cover every byte), 1..=3 bytes as
/// the first, middle and last.
#[inline]
fn short_key(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
        u64::from(lo) | (u64::from(hi) << 32)
    } else if n > 0 {
        u64::from(b[0]) | (u64::from(b[n / 2]) << 8) | (u64::from(b[n - 1]) << 16)
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_by_exact_string() {
        let s = WordSet::new(vec!["in", "amid", "“", "a", "according", "whereas"]);
        for w in ["in", "amid", "“", "a", "according", "whereas"] {
            assert!(s.contains(w), "{w}");
        }
        assert!(s.contains(&"in"), "as a slice's contains is called");
        for w in [
            "In",
            "on",
            "ni",
            "amidst",
            "",
            "an",
            "aa",
            "accordingly",
            "whereat",
        ] {
            assert!(!s.contains(w), "{w}");
        }
        assert_eq!(s.words(), ["in", "amid", "“", "a", "according", "whereas"]);
    }

    #[test]
    fn short_words_of_one_length_never_share_a_key() {
        // Every word of 1..=8 bytes over a small alphabet, pairwise.
        let alphabet = [b'a', b'b', b'\''];
        for n in 1..=SHORT {
            let mut keys = HashSet::default();
            let count = alphabet.len().pow(n.min(6) as u32);
            for i in 0..count {
                let mut word = vec![b'a'; n];
                let mut k = i;
                for byte in word.iter_mut().rev().take(6) {
                    *byte = alphabet[k % alphabet.len()];
                    k /= alphabet.len();
                }
                assert!(keys.insert(short_key(&word)), "{n} bytes");
            }
        }
    }
}
