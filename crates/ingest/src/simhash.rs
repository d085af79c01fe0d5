//! SimHash fingerprints for near-duplicate detection: syndicated copies of
//! one wire story differ by a headline, a byline or a footer, so their
//! fingerprints differ in only a few bits while unrelated texts differ in
//! about half of them.

/// Words per shingle: three keeps word order without letting one edited
/// word change many shingles.
const SHINGLE_WORDS: usize = 3;

/// The bit distance at or under which two fingerprints are near-duplicates.
pub const NEAR_DUPLICATE_BITS: u32 = 3;

/// The 64-bit SimHash of `text` over shingles of lower-cased words.
/// Deterministic across runs and platforms; 0 for a text with no words.
///
/// Reads the words once, keeping only the last [`SHINGLE_WORDS`] of them
/// (a 50 MB page has 8 million words: a lower-cased `String` for each took
/// most of the time and memory of fingerprinting it), and finds them a byte
/// at a time, decoding characters only outside ASCII. An ASCII word, most
/// of any text, is hashed where it lies, lower-cased byte by byte as it is
/// read: copying each word into a buffer to lower-case it cost as much as
/// hashing it three times.
pub fn simhash(text: &str) -> u64 {
    // The last words: an ASCII one as written, another lower-cased into
    // its slot of `lowered` (`to_lowercase` of the whole word: a final
    // sigma depends on what precedes it).
    let mut last: [Option<&str>; SHINGLE_WORDS] = [None; SHINGLE_WORDS];
    let mut lowered: [String; SHINGLE_WORDS] = Default::default();
    let mut slot = 0;
    let mut words = 0usize;
    let mut weights = BitVotes::default();
    for (word, ascii) in Words::new(text) {
        if ascii {
            last[slot] = Some(word);
        } else {
            last[slot] = None;
            lowered[slot].clear();
            lowered[slot].push_str(&word.to_lowercase());
        }
        slot = (slot + 1) % SHINGLE_WORDS;
        words += 1;
        if words >= SHINGLE_WORDS {
            // The oldest word is in the slot written next.
            add_shingle(&mut weights, &last, &lowered, slot, SHINGLE_WORDS);
        }
    }
    match words {
        0 => return 0,
        // Fewer words than a shingle: one shingle of them all.
        n if n < SHINGLE_WORDS => add_shingle(&mut weights, &last, &lowered, 0, n),
        _ => {}
    }
    weights.majority()
}

/// Adds the hash of the shingle of `count` words starting at slot `first`
/// of `last` (a `None` read from `lowered`) to the votes of each bit.
fn add_shingle(
    weights: &mut BitVotes,
    last: &[Option<&str>; SHINGLE_WORDS],
    lowered: &[String; SHINGLE_WORDS],
    first: usize,
    count: usize,
) {
    let mut h = Fnv::new();
    for k in 0..count {
        let at = (first + k) % SHINGLE_WORDS;
        match last[at] {
            Some(word) => h.write_ascii_word(word.as_bytes()),
            None => h.write(lowered[at].as_bytes()),
        }
        h.write(b" ");
    }
    weights.add(mix(h.0));
}

/// [`BYTE_CLASS`] of an ASCII byte that is no letter or digit.
const SPACE: u8 = 0;
/// [`BYTE_CLASS`] of an ASCII letter or digit.
const ASCII_WORD: u8 = 1;
/// [`BYTE_CLASS`] of a byte of a character outside ASCII.
const OTHER: u8 = 2;

/// The class of each byte value, looked up once per byte where testing
/// the ranges of letters and digits took several comparisons.
const BYTE_CLASS: [u8; 256] = {
    let mut class = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        class[b] = if (b as u8).is_ascii_alphanumeric() {
            ASCII_WORD
        } else {
            SPACE
        };
        b += 1;
    }
    class
};

/// The words of a text: its longest runs of alphanumeric characters
/// ([`char::is_alphanumeric`]), each with whether it is all ASCII.
struct Words<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Words<'t> {
    fn new(text: &'t str) -> Self {
        Words { text, at: 0 }
    }

    /// The character at byte `i` (not ASCII), if it is alphanumeric, and
    /// its length in bytes.
    fn alphanumeric_at(&self, i: usize) -> (bool, usize) {
        self.text[i..]
            .chars()
            .next()
            .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
    }
}

impl<'t> Iterator for Words<'t> {
    type Item = (&'t str, bool);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        let mut i = self.at;
        // Past what is not a word.
        loop {
            while i < bytes.len() && BYTE_CLASS[usize::from(bytes[i])] == SPACE {
                i += 1;
            }
            if i == bytes.len() {
                self.at = i;
                return None;
            }
            if bytes[i].is_ascii() {
                break;
            }
            match self.alphanumeric_at(i) {
                (true, _) => break,
                (false, n) => i += n,
            }
        }
        let start = i;
        let mut ascii = true;
        loop {
            while i < bytes.len() && BYTE_CLASS[usize::from(bytes[i])] == ASCII_WORD {
                i += 1;
            }
            if i == bytes.len() || bytes[i].is_ascii() {
                break;
            }
            match self.alphanumeric_at(i) {
                (true, n) => {
                    ascii = false;
                    i += n;
                }
                (false, _) => break,
            }
        }
        self.at = i;
        Some((&self.text[start..i], ascii))
    }
}

/// Counts, for each of the 64 bit positions, how many shingle hashes set
/// it. Hashes are added into bit planes (binary counters kept across
/// 64-bit words, a few word operations a hash) and the planes are emptied
/// into per-bit totals every 255 hashes: adding +1 or -1 to 64 separate
/// weights for every shingle was half the cost of fingerprinting.
struct BitVotes {
    /// Plane `k` holds bit `k` of each position's count since the last flush.
    planes: [u64; 8],
    /// Hashes added since the last flush (at most 255, what 8 planes hold).
    pending: u32,
    /// Per-position totals of flushed counts.
    ones: [u64; 64],
    /// Hashes added in all.
    total: u64,
}

impl Default for BitVotes {
    fn default() -> Self {
        BitVotes {
            planes: [0; 8],
            pending: 0,
            ones: [0; 64],
            total: 0,
        }
    }
}

impl BitVotes {
    fn add(&mut self, bits: u64) {
        let mut carry = bits;
        for plane in &mut self.planes {
            if carry == 0 {
                break;
            }
            let next = *plane & carry;
            *plane ^= carry;
            carry = next;
        }
        self.pending += 1;
        self.total += 1;
        if self.pending == 255 {
            self.flush();
        }
    }

    fn flush(&mut self) {
        for (i, ones) in self.ones.iter_mut().enumerate() {
            *ones += self
                .planes
                .iter()
                .enumerate()
                .map(|(k, plane)| (plane >> i & 1) << k)
                .sum::<u64>();
        }
        self.planes = [0; 8];
        self.pending = 0;
    }

    /// The fingerprint: each bit set where more hashes set it than not
    /// (a weight of +1 per hash setting it and -1 per hash clearing it,
    /// summed, above zero).
    fn majority(mut self) -> u64 {
        self.flush();
        let total = self.total;
        self.ones
            .iter()
            .enumerate()
            .filter(|(_, &ones)| 2 * ones > total)
            .fold(0u64, |acc, (i, _)| acc | 1 << i)
    }
}

/// Number of bits in which two fingerprints differ.
pub fn hamming(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// FNV-1a, 64-bit: a fixed, dependency-free hash (std's is randomly keyed).
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// [`Fnv::write`] of `word` lower-cased, `word` being ASCII letters and
    /// digits only: setting bit 5 lower-cases a capital and leaves a small
    /// letter or a digit (0x30–0x39) as it is.
    fn write_ascii_word(&mut self, word: &[u8]) {
        debug_assert!(word.iter().all(u8::is_ascii_alphanumeric));
        for &b in word {
            self.0 ^= u64::from(b | 0x20);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// SplitMix64's finaliser: spreads FNV's weak high bits over all 64.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Russia has asked China for military equipment and economic help \
        since its invasion of Ukraine began, U.S. officials said on Sunday, as Washington \
        warned Beijing that any such aid would carry consequences. National security adviser \
        Jake Sullivan was due to meet senior Chinese official Yang Jiechi in Rome on Monday \
        to discuss the war and its effect on regional and global security. The officials \
        spoke on condition of anonymity because the talks had not been made public.";

    #[test]
    fn syndicated_copies_are_near_duplicates() {
        let copy = format!("By Reuters staff. {STORY} Reporting by the Washington bureau.");
        let d = hamming(simhash(STORY), simhash(&copy));
        assert!(d <= NEAR_DUPLICATE_BITS, "distance {d}");
    }

    #[test]
    fn layout_and_case_do_not_matter() {
        let relaid = STORY.replace(' ', "\n  ").to_uppercase();
        assert_eq!(simhash(STORY), simhash(&relaid));
    }

    #[test]
    fn different_stories_are_far_apart() {
        let other = "Floods closed the harbour road for a third day on Tuesday while \
            engineers inspected the old bridge and the council promised new pumps before \
            the autumn storms, residents said at a meeting in the town hall.";
        assert!(hamming(simhash(STORY), simhash(other)) > 10);
        assert_eq!(simhash(""), 0);
    }

    /// The fingerprint as first written (a lower-cased `String` per word,
    /// then every window): stored fingerprints must not change.
    fn simhash_of_every_word(text: &str) -> u64 {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() {
            return 0;
        }
        // A weight of +1 or -1 per shingle on each bit, summed.
        let mut weights = [0i64; 64];
        for shingle in words.windows(SHINGLE_WORDS.min(words.len())) {
            let mut h = Fnv::new();
            for word in shingle {
                h.write(word.as_bytes());
                h.write(b" ");
            }
            let bits = mix(h.0);
            for (i, weight) in weights.iter_mut().enumerate() {
                *weight += if bits >> i & 1 == 1 { 1 } else { -1 };
            }
        }
        weights
            .iter()
            .enumerate()
            .filter(|(_, &w)| w > 0)
            .fold(0u64, |acc, (i, _)| acc | 1 << i)
    }

    #[test]
    fn the_fingerprint_is_the_one_stored_before() {
        for text in [
            STORY,
            "",
            "one",
            "Two words",
            "three words here",
            "ΟΔΟΣ ΣΟΦΟΣ, Straße İstanbul; ÉTÉ à Genève — 2024 ½ x",
            "  ,, .. ",
            "naïve café, déjà-vu: ΣΑΣ ΟΔΟΣ.x ñ2b 3½ end",
            "ÀB Cd\u{a0}ef\u{300}g h\u{10400}i ΣΣ\tΣ",
        ] {
            assert_eq!(simhash(text), simhash_of_every_word(text), "{text:?}");
        }
        // Past the 255 hashes the bit planes hold between flushes, and a
        // tie (as many hashes set a bit as clear it) leaves the bit clear.
        let long = STORY.repeat(50);
        assert_eq!(simhash(&long), simhash_of_every_word(&long));
        for n in [254, 255, 256, 257, 511, 1000] {
            let text = (0..n + 2).map(|i| format!("w{i} ")).collect::<String>();
            assert_eq!(simhash(&text), simhash_of_every_word(&text), "{n}");
        }
    }
}
