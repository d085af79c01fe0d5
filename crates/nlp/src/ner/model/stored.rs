//! Numbers as the model file stores them (little-endian), decoded on use.
//!
//! The plain layout of a stage (feature keys and weight rows) is read only
//! to build the tagging layout, to write the model back and by the general
//! fallback scorer: held as the file's bytes, a model embedded in the binary
//! keeps it where it lies instead of copying 3 MB into the heap at every
//! start.

use std::borrow::Cow;
use std::marker::PhantomData;

/// A number stored in a fixed count of little-endian bytes.
pub(crate) trait Stored: Copy {
    /// Bytes per number.
    const SIZE: usize;
    /// The number of `bytes` (exactly [`Stored::SIZE`] of them; zero
    /// otherwise, which [`StoredArray`] never asks).
    fn decode(bytes: &[u8]) -> Self;
    /// Appends the number's bytes to `out`.
    fn encode(self, out: &mut Vec<u8>);
}

impl Stored for u64 {
    const SIZE: usize = 8;
    fn decode(bytes: &[u8]) -> Self {
        bytes.first_chunk().map_or(0, |b| u64::from_le_bytes(*b))
    }
    fn encode(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

impl Stored for i16 {
    const SIZE: usize = 2;
    fn decode(bytes: &[u8]) -> Self {
        bytes.first_chunk().map_or(0, |b| i16::from_le_bytes(*b))
    }
    fn encode(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
}

/// An array of numbers held as their file bytes: borrowed from a model
/// that lives as long as the program, owned otherwise.
#[derive(Debug, Clone)]
pub(crate) struct StoredArray<T> {
    /// `len() * T::SIZE` bytes (a trailing partial number is ignored).
    bytes: Cow<'static, [u8]>,
    number: PhantomData<T>,
}

impl<T> Default for StoredArray<T> {
    fn default() -> Self {
        StoredArray {
            bytes: Cow::Borrowed(&[]),
            number: PhantomData,
        }
    }
}

impl<T: Stored> StoredArray<T> {
    /// The numbers whose bytes are `bytes`.
    pub(crate) fn from_bytes(bytes: Cow<'static, [u8]>) -> Self {
        StoredArray {
            bytes,
            number: PhantomData,
        }
    }

    /// The numbers' bytes.
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Number of numbers.
    pub(crate) fn len(&self) -> usize {
        self.bytes.len() / T::SIZE
    }

    /// Every number, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = T> + Clone + '_ {
        self.bytes.chunks_exact(T::SIZE).map(T::decode)
    }

    /// The bytes of the `len` numbers from `start` on; `None` when the
    /// array ends before them.
    pub(crate) fn run_bytes(&self, start: usize, len: usize) -> Option<&[u8]> {
        let from = start.checked_mul(T::SIZE)?;
        let to = start.checked_add(len)?.checked_mul(T::SIZE)?;
        self.bytes.get(from..to)
    }

    /// The `len` numbers from `start` on; `None` when the array ends
    /// before them.
    pub(crate) fn run(
        &self,
        start: usize,
        len: usize,
    ) -> Option<impl Iterator<Item = T> + Clone + '_> {
        Some(
            self.run_bytes(start, len)?
                .chunks_exact(T::SIZE)
                .map(T::decode),
        )
    }
}

impl<T: Stored> FromIterator<T> for StoredArray<T> {
    fn from_iter<I: IntoIterator<Item = T>>(numbers: I) -> Self {
        let mut bytes = Vec::new();
        for n in numbers {
            n.encode(&mut bytes);
        }
        StoredArray::from_bytes(Cow::Owned(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_it_stores() {
        let keys: StoredArray<u64> = [1u64, u64::MAX, 1 << 40].into_iter().collect();
        assert_eq!(keys.len(), 3);
        assert_eq!(keys.iter().collect::<Vec<_>>(), [1, u64::MAX, 1 << 40]);
        let weights: StoredArray<i16> = [-3i16, 7, i16::MIN, 0].into_iter().collect();
        let row: Vec<i16> = weights.run(1, 2).unwrap().collect();
        assert_eq!(row, [7, i16::MIN]);
        assert!(weights.run(3, 2).is_none());
        assert!(weights.run(usize::MAX, 2).is_none());
        assert_eq!(weights.run_bytes(3, 1), Some(&[0u8, 0][..]));
        // A stray trailing byte is no number.
        let odd: StoredArray<i16> = StoredArray::from_bytes(Cow::Borrowed(&[1, 0, 9]));
        assert_eq!(odd.len(), 1);
        assert_eq!(odd.iter().collect::<Vec<_>>(), [1]);
    }
}
