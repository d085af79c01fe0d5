//! A set of bytes as 256 bits, for the verb patterns' pre-checks: a pattern
//! whose words start with bytes no token of the clause starts with is passed
//! over for a few bit tests (`verbs.rs`' `Needs`, `verb_dictionary`'s
//! alternatives).

/// A set of byte values (0–255), one bit each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct ByteSet([u64; 4]);

impl ByteSet {
    /// No byte.
    pub(crate) const EMPTY: ByteSet = ByteSet([0; 4]);
    /// Every byte.
    pub(crate) const ALL: ByteSet = ByteSet([u64::MAX; 4]);

    /// Adds `b`.
    #[inline]
    pub(crate) fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    /// Whether `b` is in the set.
    #[inline]
    pub(crate) fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }

    /// Whether the two sets share a byte.
    #[inline]
    pub(crate) fn intersects(&self, other: &ByteSet) -> bool {
        self.0.iter().zip(&other.0).any(|(a, b)| a & b != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_every_byte_value_apart() {
        for b in 0..=u8::MAX {
            let mut set = ByteSet::EMPTY;
            set.insert(b);
            assert!(set.contains(b));
            assert_eq!((0..=u8::MAX).filter(|&c| set.contains(c)).count(), 1);
            assert!(set.intersects(&ByteSet::ALL));
            assert!(!set.intersects(&ByteSet::EMPTY));
        }
        let mut a = ByteSet::EMPTY;
        let mut b = ByteSet::EMPTY;
        a.insert(b'a');
        a.insert(200);
        b.insert(b'b');
        assert!(!a.intersects(&b));
        b.insert(200);
        assert!(a.intersects(&b));
    }
}
