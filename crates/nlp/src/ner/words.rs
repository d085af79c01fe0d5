//! Word → value tables of the entity model (word classes, vector rows,
//! person-name bands), either built in memory (training, hand-made models)
//! or read in place from the model's bytes.
//!
//! Hashing the model's 400,000 word classes into a map of owned strings
//! (SipHash, an allocation each) took most of a process's start-up, before
//! the first document; read in place, a load only records where each entry
//! starts, in a table of entry numbers hashed by word; the embedded
//! model's tables are laid out when the crate is built, and a load reads
//! them in place too ([`super::layout`]).

use super::layout::{self, hash, home_slot, u32_at, LayoutError, PrebuiltWords, FREE};
use super::model::ModelError;
use super::PersonName;
use std::borrow::Cow;
use std::collections::HashMap;

/// A value stored after each word in a model's table.
pub trait Payload: Copy {
    /// The value of entry `index`, whose payload bytes are `bytes`.
    fn from_entry(bytes: &[u8], index: usize) -> Self;
}

impl Payload for [u16; 3] {
    fn from_entry(b: &[u8], _: usize) -> Self {
        [
            u16::from_le_bytes([b[0], b[1]]),
            u16::from_le_bytes([b[2], b[3]]),
            u16::from_le_bytes([b[4], b[5]]),
        ]
    }
}

impl Payload for PersonName {
    fn from_entry(b: &[u8], _: usize) -> Self {
        PersonName {
            first: b[0],
            last: b[1],
        }
    }
}

/// A vector's row is its entry's position (the vectors follow the words).
impl Payload for u32 {
    fn from_entry(_: &[u8], index: usize) -> Self {
        u32::try_from(index).unwrap_or(u32::MAX)
    }
}

/// Word → value, in memory or in place.
#[derive(Debug, Clone)]
pub enum Words<V> {
    /// Built in memory.
    Map(HashMap<String, V>),
    /// Read in place from a model's bytes.
    Sorted(SortedWords),
}

impl<V> Default for Words<V> {
    fn default() -> Self {
        Words::Map(HashMap::new())
    }
}

impl<V> From<HashMap<String, V>> for Words<V> {
    fn from(map: HashMap<String, V>) -> Self {
        Words::Map(map)
    }
}

impl<V: Payload> Words<V> {
    /// The value of `word`.
    pub fn get(&self, word: &str) -> Option<V> {
        match self {
            Words::Map(m) => m.get(word).copied(),
            Words::Sorted(s) => s.find(word.as_bytes()).map(|i| s.value(i)),
        }
    }

    /// The value of each of `words`, in order, appended to `out`: what
    /// [`Words::get`] gives each, with the cache misses of a table read in
    /// place overlapping ([`SortedWords::find_each`]).
    pub(crate) fn get_each(&self, words: &[&str], out: &mut Vec<Option<V>>) {
        match self {
            Words::Map(m) => out.extend(words.iter().map(|w| m.get(*w).copied())),
            Words::Sorted(s) => s.find_each(words, |entry| out.push(entry.map(|i| s.value(i)))),
        }
    }

    /// Whether `word` has a value.
    pub fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        match self {
            Words::Map(m) => m.len(),
            Words::Sorted(s) => s.len(),
        }
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sets the value of `word` (a table read in place is copied into
    /// memory first).
    pub fn insert(&mut self, word: String, value: V) {
        if let Words::Sorted(_) = self {
            *self = Words::Map(self.iter().map(|(w, v)| (w.into_owned(), v)).collect());
        }
        if let Words::Map(m) = self {
            m.insert(word, value);
        }
    }

    /// Every word with its value, in no particular order.
    pub fn iter(&self) -> Box<dyn Iterator<Item = (Cow<'_, str>, V)> + '_> {
        match self {
            Words::Map(m) => Box::new(m.iter().map(|(w, v)| (Cow::Borrowed(w.as_str()), *v))),
            Words::Sorted(s) => Box::new((0..s.len()).map(|i| {
                // Checked to be UTF-8 when read.
                (String::from_utf8_lossy(s.word(i)), s.value(i))
            })),
        }
    }
}

impl<V: Payload + PartialEq> PartialEq for Words<V> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(w, v)| other.get(&w) == Some(v))
    }
}

/// A table of `(u8 length, word bytes, payload)` entries sorted by word,
/// held as the model's bytes.
#[derive(Debug, Clone, Default)]
pub struct SortedWords {
    /// The entries, as in the file.
    bytes: Cow<'static, [u8]>,
    /// Payload bytes per entry.
    payload: usize,
    /// Where each entry starts in `bytes` (little-endian `u32`s).
    starts: Cow<'static, [u8]>,
    /// Open addressing over entry numbers (little-endian `u32`s, [`FREE`]
    /// marks a free slot), a power of two at most half full: a lookup
    /// costs a hash and a cache miss or two, where a binary search over the
    /// sorted entries took a dozen dependent misses and a sixth of the
    /// tagging time. Laid out by [`layout::lay_out_words`], at load or, for
    /// the embedded model, when the crate is built.
    slots: Cow<'static, [u8]>,
}

impl SortedWords {
    /// Reads `count` entries of `payload` bytes from the start of `bytes`;
    /// returns the table (in place when the words are sorted and distinct,
    /// as the model writer leaves them; in memory otherwise, later entries
    /// winning as they did when every table was a map) and the bytes read.
    pub(crate) fn read<'a, V: Payload>(
        bytes: &'a [u8],
        count: usize,
        payload: usize,
        what: &'static str,
        keep: impl FnOnce(&'a [u8]) -> Cow<'static, [u8]>,
    ) -> Result<(Words<V>, usize), ModelError> {
        let table = layout::lay_out_words(bytes, count, payload).map_err(|e| match e {
            LayoutError::Truncated => ModelError::Truncated(what),
            LayoutError::BadString => ModelError::BadString,
        })?;
        let at = table.read;
        let mut sorted = SortedWords {
            bytes: keep(&bytes[..at]),
            payload,
            starts: Cow::Owned(layout::le_bytes(&table.starts)),
            slots: Cow::Borrowed(&[]),
        };
        let Some(slots) = table.slots else {
            let map = (0..count)
                .map(|i| {
                    let w = String::from_utf8_lossy(sorted.word(i)).into_owned();
                    (w, sorted.value::<V>(i))
                })
                .collect();
            return Ok((Words::Map(map), at));
        };
        sorted.slots = Cow::Owned(layout::le_bytes(&slots));
        Ok((Words::Sorted(sorted), at))
    }

    /// The table laid out when the crate was built ([`layout::Prebuilt`]),
    /// over the entries `bytes` of the embedded model: nothing is read,
    /// checked or copied (the build script checked the same bytes).
    pub(crate) fn prebuilt(
        bytes: Cow<'static, [u8]>,
        table: PrebuiltWords,
        payload: usize,
    ) -> Self {
        SortedWords {
            bytes,
            payload,
            starts: Cow::Borrowed(table.starts),
            slots: Cow::Borrowed(table.slots),
        }
    }

    /// The table's entries, starts and slots, and whether the slots are
    /// borrowed (for comparing layouts in tests).
    #[cfg(test)]
    pub(crate) fn layout(&self) -> (&[u8], &[u8], &[u8], bool) {
        let borrowed = matches!(self.slots, Cow::Borrowed(_));
        (&self.bytes, &self.starts, &self.slots, borrowed)
    }

    /// Number of entries.
    fn len(&self) -> usize {
        self.starts.len() / 4
    }

    /// Where entry `i` starts in `bytes` (past the end for no entry).
    #[inline]
    fn start(&self, i: usize) -> usize {
        u32_at(&self.starts, i).map_or(usize::MAX, |s| s as usize)
    }

    /// The word of entry `i`.
    fn word(&self, i: usize) -> &[u8] {
        let at = self.start(i);
        let Some(len) = self.bytes.get(at) else {
            return &[];
        };
        self.bytes
            .get(at + 1..at + 1 + usize::from(*len))
            .unwrap_or(&[])
    }

    /// The value of entry `i`.
    fn value<V: Payload>(&self, i: usize) -> V {
        let at = self.start(i);
        let from = at + 1 + usize::from(self.bytes[at]);
        V::from_entry(&self.bytes[from..from + self.payload], i)
    }

    /// The payload bytes of entry `i` (a word vector's components).
    pub(crate) fn payload(&self, i: usize) -> Option<&[u8]> {
        let at = u32_at(&self.starts, i)? as usize;
        let from = at + 1 + usize::from(*self.bytes.get(at)?);
        self.bytes.get(from..from + self.payload)
    }

    /// The mask of the slots' numbers (one less than their count, a power
    /// of two); `None` for a table without slots.
    fn mask(&self) -> Option<usize> {
        (self.slots.len() / 4).checked_sub(1)
    }

    /// The entry of `word`.
    fn find(&self, word: &[u8]) -> Option<usize> {
        let mask = self.mask()?;
        self.find_from(word, home_slot(hash(word), mask), mask)
    }

    /// The entry of each of `words`, in order, given to `found` (what
    /// [`SortedWords::find`] gives each).
    ///
    /// A lookup is three dependent cache misses (the slot, the entry's
    /// start, the entry's bytes), nearly always to memory: one word after
    /// another, each waits for the last. Here each step is taken for a
    /// batch of words before the next step reads what it loaded, in loops
    /// whose loads do not depend on each other, so the batch's misses are
    /// in flight together; a word whose home slot holds another word
    /// probes on as `find` does.
    fn find_each(&self, words: &[&str], mut found: impl FnMut(Option<usize>)) {
        const BATCH: usize = 16;
        let Some(mask) = self.mask() else {
            words.iter().for_each(|_| found(None));
            return;
        };
        for batch in words.chunks(BATCH) {
            let mut home = [0usize; BATCH];
            let mut entry = [FREE; BATCH];
            for ((at, e), w) in home.iter_mut().zip(&mut entry).zip(batch) {
                *at = home_slot(hash(w.as_bytes()), mask);
                *e = u32_at(&self.slots, *at).unwrap_or(FREE);
            }
            let mut start = [0usize; BATCH];
            for (s, e) in start.iter_mut().zip(&entry) {
                *s = u32_at(&self.starts, *e as usize).map_or(0, |s| s as usize);
            }
            // The entry's length byte: the line that holds its word.
            let mut len = [0u8; BATCH];
            for (l, s) in len.iter_mut().zip(&start) {
                *l = self.bytes.get(*s).copied().unwrap_or(0);
            }
            for (((w, at), e), l) in batch.iter().zip(home).zip(entry).zip(len) {
                let w = w.as_bytes();
                found(if e == FREE {
                    None
                } else if usize::from(l) == w.len() && self.word(e as usize) == w {
                    Some(e as usize)
                } else {
                    self.find_from(w, (at + 1) & mask, mask)
                });
            }
        }
    }

    /// The entry of `word`, probing from slot `at` on.
    fn find_from(&self, word: &[u8], mut at: usize, mask: usize) -> Option<usize> {
        loop {
            let entry = u32_at(&self.slots, at)?;
            if entry == FREE {
                return None;
            }
            if self.word(entry as usize) == word {
                return Some(entry as usize);
            }
            at = (at + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::layout::{head, short_word};

    fn table(words: &[(&str, [u16; 3])]) -> Vec<u8> {
        let mut out = Vec::new();
        for (w, c) in words {
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
            for x in c {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }

    #[test]
    fn finds_every_word_in_place_and_nothing_else() {
        let words = [
            ("", [9, 9, 9]),
            ("a", [1, 0, 0]),
            ("a\u{1}", [2, 0, 0]),
            ("ab", [3, 0, 0]),
            ("abc", [4, 0, 0]),
            ("b", [5, 0, 0]),
            ("internal", [10, 0, 0]),
            ("international", [11, 0, 0]),
            ("internationally", [12, 0, 0]),
            ("internet", [13, 0, 0]),
            ("zürich", [6, 7, 8]),
        ];
        let mut bytes = table(&words);
        bytes.extend_from_slice(b"trailing");
        let (t, read) =
            SortedWords::read::<[u16; 3]>(&bytes, words.len(), 6, "t", |b| Cow::Owned(b.to_vec()))
                .unwrap();
        assert_eq!(read, bytes.len() - b"trailing".len());
        assert!(matches!(t, Words::Sorted(_)));
        for (w, c) in words {
            assert_eq!(t.get(w), Some(c), "{w:?}");
        }
        let absent = [
            "aa",
            "abd",
            "c",
            "zurich",
            "A",
            "b\0",
            "internationa",
            "interna",
            "internals",
        ];
        for w in absent {
            assert_eq!(t.get(w), None, "{w:?}");
        }
        assert_eq!(t.len(), words.len());
        // Looked up together, more than a batch at once, in any order.
        let mixed: Vec<&str> = words
            .iter()
            .map(|(w, _)| *w)
            .chain(absent)
            .rev()
            .chain(words.iter().map(|(w, _)| *w))
            .collect();
        let mut together = Vec::new();
        t.get_each(&mixed, &mut together);
        let one_by_one: Vec<_> = mixed.iter().map(|w| t.get(w)).collect();
        assert_eq!(together, one_by_one);
        assert_eq!(together.iter().flatten().count(), 2 * words.len());
    }

    #[test]
    fn heads_order_words_as_their_bytes_do() {
        let words: [&[u8]; 11] = [
            b"",
            b"\0",
            b"a",
            b"a\0",
            b"a\x01",
            b"ab",
            b"abcdefgh",
            b"abcdefgh\0",
            b"abcdefgi",
            b"b",
            b"\xff\xff\xff\xff\xff\xff\xff\xff\xff",
        ];
        for a in words {
            for b in words {
                if head(a) != head(b) {
                    assert_eq!(head(a) < head(b), a < b, "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn a_short_word_read_from_its_window_is_read_as_in_full() {
        let words: [&[u8]; 7] = [
            b"",
            b"a",
            b"ab\xff",
            b"zurich",
            "zürich".as_bytes(),
            b"abcdefgh",
            b"\x80",
        ];
        for word in words {
            for after in [[0u8; 8], [0xff; 8], *b"+-*/tail"] {
                let mut window = [0u8; 8];
                let bytes: Vec<u8> = word.iter().chain(&after).copied().collect();
                window.copy_from_slice(&bytes[..8]);
                let read = short_word(window, word.len());
                assert_eq!(
                    read,
                    Some((head(word), hash(word), word.is_ascii())),
                    "{word:?}"
                );
            }
        }
        assert_eq!(short_word(*b"abcdefgh", 9), None);
    }

    #[test]
    fn unsorted_or_repeated_words_become_a_map_where_the_later_wins() {
        let words = [("b", [1, 0, 0]), ("a", [2, 0, 0]), ("b", [3, 0, 0])];
        let bytes = table(&words);
        let (t, _) =
            SortedWords::read::<[u16; 3]>(&bytes, 3, 6, "t", |b| Cow::Owned(b.to_vec())).unwrap();
        assert!(matches!(t, Words::Map(_)));
        assert_eq!(t.get("b"), Some([3, 0, 0]));
        assert_eq!(t.get("a"), Some([2, 0, 0]));
        // Words alike in their first eight bytes are compared in full.
        for words in [
            [
                ("internationally", [1, 0, 0]),
                ("internationally", [2, 0, 0]),
            ],
            [("internationally", [1, 0, 0]), ("international", [2, 0, 0])],
        ] {
            let bytes = table(&words);
            let (t, _) =
                SortedWords::read::<[u16; 3]>(&bytes, 2, 6, "t", |b| Cow::Owned(b.to_vec()))
                    .unwrap();
            assert!(matches!(t, Words::Map(_)));
            assert_eq!(t.get(words[1].0), Some([2, 0, 0]));
        }
    }

    #[test]
    fn a_short_table_is_refused() {
        let bytes = table(&[("a", [1, 2, 3])]);
        let short = &bytes[..bytes.len() - 1];
        let r = SortedWords::read::<[u16; 3]>(short, 1, 6, "t", |b| Cow::Owned(b.to_vec()));
        assert!(matches!(r, Err(ModelError::Truncated("t"))));
    }

    #[test]
    fn an_insert_into_a_table_in_place_keeps_its_words() {
        let bytes = table(&[("a", [1, 2, 3])]);
        let (mut t, _) =
            SortedWords::read::<[u16; 3]>(&bytes, 1, 6, "t", |b| Cow::Owned(b.to_vec())).unwrap();
        t.insert("b".into(), [4, 5, 6]);
        assert_eq!(t.get("a"), Some([1, 2, 3]));
        assert_eq!(t.get("b"), Some([4, 5, 6]));
    }
}
