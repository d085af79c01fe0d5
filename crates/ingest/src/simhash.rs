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
/// at a time, decoding characters only outside ASCII.
pub fn simhash(text: &str) -> u64 {
    let mut last: [String; SHINGLE_WORDS] = Default::default();
    let mut words = 0usize;
    let mut weights = BitVotes::default();
    for (word, ascii) in Words::new(text) {
        let slot = &mut last[words % SHINGLE_WORDS];
        slot.clear();
        if ascii {
            slot.push_str(word);
            slot.make_ascii_lowercase();
        } else {
            // `to_lowercase` of the whole word: a final sigma depends on
            // what precedes it.
            slot.push_str(&word.to_lowercase());
        }
        words += 1;
        if words >= SHINGLE_WORDS {
            let first = words - SHINGLE_WORDS;
            add_shingle(
                &mut weights,
                (first..words).map(|w| &last[w % SHINGLE_WORDS]),
            );
        }
    }
    match words {
        0 => return 0,
        // Fewer words than a shingle: one shingle of them all.
        n if n < SHINGLE_WORDS => add_shingle(&mut weights, last[..n].iter()),
        _ => {}
    }
    weights.majority()
}

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
            while i < bytes.len() && bytes[i].is_ascii() && !bytes[i].is_ascii_alphanumeric() {
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
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
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

/// Adds one shingle's hash to the votes of each bit.
fn add_shingle<'w>(weights: &mut BitVotes, shingle: impl Iterator<Item = &'w String>) {
    let mut h = Fnv::new();
    for word in shingle {
        h.write(word.as_bytes());
        h.write(b" ");
    }
    weights.add(mix(h.0));
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
