//! What the tagger knows about words besides its weights: word classes
//! (GloVe clusters, shipped inside the model file) and membership in the
//! gazetteer's country, city and demonym tables.

use super::words::Words;
use std::collections::HashMap;

/// Which gazetteer table a phrase comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum LexiconKind {
    /// A country name or alias ("China", "U.S.").
    Country,
    /// A city or capital ("Rome").
    City,
    /// A demonym ("Chinese").
    Demonym,
    /// A state, province or territory ("Texas", "Crimea").
    Region,
    /// A non-political place: continent, sea, river ("Europe").
    Area,
    /// An international or well-known organisation ("WTO", "NATO").
    Organisation,
}

/// A token's place in a lexicon phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LexiconHit {
    /// The table.
    pub kind: LexiconKind,
    /// Whether the token begins the phrase.
    pub begin: bool,
}

impl LexiconHit {
    /// A small number naming kind and position, for feature keys.
    pub(crate) fn code(&self) -> u32 {
        (self.kind as u32) * 2 + u32::from(self.begin)
    }
}

/// Word vectors with signed-byte components, shipped inside the model.
///
/// A component is handed out as its byte (two's complement, as the model
/// file stores it): a table read in place from the model keeps each
/// vector after its word, where no `i8` view of the bytes can be had
/// without a copy.
#[derive(Debug, Default, Clone)]
pub struct WordVectors {
    /// Components per word.
    pub(crate) dims: usize,
    /// Lower-cased word → row.
    pub(crate) index: Words<u32>,
    /// Rows of `dims` components, for an index built in memory (a table
    /// read in place holds each row after its word instead).
    pub(crate) data: Vec<u8>,
}

impl WordVectors {
    /// The vector of a lower-cased word.
    pub(crate) fn get(&self, word: &str) -> Option<&[u8]> {
        self.at(self.index.get(word)?)
    }

    /// The row of each of `words` (lower-cased), in order, looked up
    /// together ([`Words::get_each`]).
    pub(crate) fn rows_each(&self, words: &[&str]) -> Vec<Option<u32>> {
        let mut found = Vec::with_capacity(words.len());
        self.index.get_each(words, &mut found);
        found
    }

    /// The vector in row `row`.
    pub(crate) fn at(&self, row: u32) -> Option<&[u8]> {
        let at = row as usize;
        match &self.index {
            Words::Sorted(table) => table.payload(at),
            Words::Map(_) => self.data.get(at * self.dims..(at + 1) * self.dims),
        }
    }

    /// Number of words with vectors.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether there are no vectors.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
}

/// The same words with the same vectors, wherever each side keeps them.
impl PartialEq for WordVectors {
    fn eq(&self, other: &Self) -> bool {
        self.dims == other.dims
            && self.len() == other.len()
            && self
                .index
                .iter()
                .all(|(w, _)| self.get(&w) == other.get(&w))
    }
}

/// Parses word vectors written as `word<TAB>v1 v2 …` lines of signed
/// bytes (what `tools/glove_vectors.py` prints). Lines whose length
/// differs from the first line's are skipped.
pub fn parse_word_vectors(text: &str) -> WordVectors {
    let mut v = WordVectors::default();
    for line in text.lines() {
        let Some((word, rest)) = line.split_once('\t') else {
            continue;
        };
        let parts: Vec<i8> = rest
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect();
        if v.dims == 0 {
            v.dims = parts.len();
        }
        if parts.len() != v.dims || v.dims == 0 || v.index.contains_key(word) {
            continue;
        }
        v.index.insert(word.to_string(), v.index.len() as u32);
        v.data.extend(parts.iter().map(|x| *x as u8));
    }
    v
}

/// How common a word is as a given name and as a surname: a frequency band
/// each, 0 when the word is not on the list, 1 for the most common names.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PersonName {
    /// Band as a given name.
    pub first: u8,
    /// Band as a surname.
    pub last: u8,
}

/// The frequency band of a census rank.
fn band(rank: u32) -> u8 {
    match rank {
        0..=300 => 1,
        301..=1500 => 2,
        1501..=6000 => 3,
        _ => 4,
    }
}

/// Parses a person-name table as `crates/nlp/tools/census_names.py` writes
/// it from the 1990 US Census lists (`first|last<TAB>name<TAB>rank` lines)
/// into frequency bands; malformed lines are skipped. Training stores the
/// bands in the model, so the list itself is not part of the repository.
pub fn parse_person_names(text: &str) -> HashMap<String, PersonName> {
    let mut out: HashMap<String, PersonName> = HashMap::new();
    for line in text.lines() {
        let mut f = line.split('\t');
        let (Some(kind), Some(name), Some(rank)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let Ok(rank) = rank.parse::<u32>() else {
            continue;
        };
        let entry = out.entry(name.to_string()).or_default();
        match kind {
            "first" => entry.first = band(rank),
            "last" => entry.last = band(rank),
            _ => {}
        }
    }
    out
}

/// The classes of a word without any.
const UNKNOWN_CLASSES: [u16; 3] = [u16::MAX; 3];

/// Word classes and gazetteer phrases, indexed for per-sentence lookup.
#[derive(Debug, Default, Clone)]
pub struct Lexicons {
    /// Lower-cased word → (coarse, middle, fine) class.
    pub(crate) classes: Words<[u16; 3]>,
    /// Lower-cased word → vector.
    pub(crate) vectors: WordVectors,
    /// Lower-cased phrase (tokens joined by one space) → table; each
    /// shorter run of a phrase's first tokens is there too, with `None`
    /// unless it is a phrase itself, so that a sentence's lookup stops at
    /// the first run no phrase starts with.
    phrases: foldhash::HashMap<String, Option<LexiconKind>>,
    /// The longest phrase, in tokens.
    max_len: usize,
    /// Lower-cased given names and surnames → frequency band.
    person_names: Words<PersonName>,
}

impl Lexicons {
    /// Lexicons with the given word classes, vectors and person-name
    /// bands, and the gazetteer's tables.
    pub fn new(
        classes: HashMap<String, [u16; 3]>,
        vectors: WordVectors,
        person_names: HashMap<String, PersonName>,
    ) -> Self {
        Self::from_words(classes, vectors, person_names)
    }

    /// [`Lexicons::new`] over tables built in memory or read in place from
    /// a model's bytes.
    pub(crate) fn from_words(
        classes: impl Into<Words<[u16; 3]>>,
        vectors: WordVectors,
        person_names: impl Into<Words<PersonName>>,
    ) -> Self {
        let mut lex = Lexicons {
            classes: classes.into(),
            vectors,
            phrases: foldhash::HashMap::default(),
            max_len: 1,
            person_names: person_names.into(),
        };
        for c in gazetteer::COUNTRIES {
            lex.add(c.name, LexiconKind::Country);
            for a in c.aliases {
                lex.add(a, LexiconKind::Country);
            }
            lex.add(c.capital, LexiconKind::City);
        }
        for c in gazetteer::CITIES {
            lex.add(c.name, LexiconKind::City);
            for a in c.aliases {
                lex.add(a, LexiconKind::City);
            }
        }
        for r in gazetteer::REGIONS {
            lex.add(r.name, LexiconKind::Region);
            for a in r.aliases {
                lex.add(a, LexiconKind::Region);
            }
        }
        for a in gazetteer::AREAS {
            lex.add(a.name, LexiconKind::Area);
            for alias in a.aliases {
                lex.add(alias, LexiconKind::Area);
            }
        }
        for o in &lexicon::cased_words().organisations {
            lex.add(o, LexiconKind::Organisation);
        }
        for c in gazetteer::COUNTRIES {
            for d in c.demonyms {
                // "U.S." is both; the country reading wins.
                lex.insert(phrase_key(d), LexiconKind::Demonym);
            }
        }
        lex
    }

    fn add(&mut self, name: &str, kind: LexiconKind) {
        if name.is_empty() {
            return;
        }
        let key = phrase_key(name);
        self.max_len = self.max_len.max(key.split(' ').count());
        self.insert(key, kind);
    }

    /// Adds phrase `key` unless it is there already (the first table
    /// wins), and marks the runs it starts with.
    fn insert(&mut self, key: String, kind: LexiconKind) {
        for (cut, _) in key.match_indices(' ') {
            // Most runs are there already ("new", "san"): no copy made.
            if !self.phrases.contains_key(&key[..cut]) {
                self.phrases.insert(key[..cut].to_string(), None);
            }
        }
        self.phrases.entry(key).or_insert(None).get_or_insert(kind);
    }

    /// How common a lower-cased word is as a given name and as a surname.
    pub(crate) fn person_name(&self, lower: &str) -> PersonName {
        self.person_names.get(lower).unwrap_or_default()
    }

    /// [`Lexicons::person_name`] of each of `lowers`, in order, looked up
    /// together ([`Words::get_each`]).
    pub(crate) fn person_names_each(&self, lowers: &[&str]) -> Vec<PersonName> {
        let mut found = Vec::with_capacity(lowers.len());
        self.person_names.get_each(lowers, &mut found);
        found.into_iter().map(Option::unwrap_or_default).collect()
    }

    /// The word classes of each of `lowers` (lower-cased words), in
    /// order, `u16::MAX` when unknown, looked up together
    /// ([`Words::get_each`]).
    pub(crate) fn classes_each(&self, lowers: &[&str]) -> Vec<[u16; 3]> {
        let mut found = Vec::with_capacity(lowers.len());
        self.classes.get_each(lowers, &mut found);
        found
            .into_iter()
            .map(|c| c.unwrap_or(UNKNOWN_CLASSES))
            .collect()
    }

    /// The lexicon hit of each token of a sentence, longest capitalised
    /// phrase first, appended to `out`; the keys are made in `key`. A
    /// document's sentences share both: a result vector and a key string
    /// allocated per sentence cost some 250 instructions of a short
    /// sentence's 1,000.
    pub(crate) fn match_sentence(
        &self,
        words: &[&str],
        key: &mut String,
        out: &mut Vec<Option<LexiconHit>>,
    ) {
        let from = out.len();
        out.resize(from + words.len(), None);
        let out = &mut out[from..];
        let mut i = 0;
        while i < words.len() {
            let mut matched = 0;
            if words[i].chars().next().is_some_and(char::is_uppercase) {
                key.clear();
                // Room for most keys at once (growing by doubling copied
                // the key over and over).
                key.reserve(64);
                for n in 1..=self.max_len.min(words.len() - i) {
                    if n > 1 {
                        key.push(' ');
                    }
                    let w = words[i + n - 1];
                    if !model::push_form(w, key) {
                        // Its own form already: appended as it is, with no
                        // copy made first.
                        key.push_str(w);
                    }
                    let kind = match self.phrases.get(key.as_str()) {
                        // No phrase starts with these words: none is longer.
                        None => break,
                        Some(None) => continue,
                        Some(Some(kind)) => *kind,
                    };
                    matched = n;
                    out[i] = Some(LexiconHit { kind, begin: true });
                    for slot in out.iter_mut().skip(i + 1).take(n - 1) {
                        *slot = Some(LexiconHit { kind, begin: false });
                    }
                }
            }
            i += matched.max(1);
        }
    }
}

/// The lookup key of a name: its tokens, lower-cased, joined by spaces.
fn phrase_key(name: &str) -> String {
    // A plain name's key is the name in lower case, made without cutting
    // it (~1,600 names at every start; a test reads every gazetteer name
    // both ways).
    if model::is_plain_name(name) {
        return name.to_ascii_lowercase();
    }
    crate::tokenize::tokens(name)
        .iter()
        .map(|s| s.slice(name).replace('’', "'").to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses word classes written as `word<TAB>coarse<TAB>middle<TAB>fine`
/// lines (what `tools/glove_clusters.py` prints). Malformed lines are skipped.
pub fn parse_word_classes(text: &str) -> HashMap<String, [u16; 3]> {
    let mut out = HashMap::new();
    for line in text.lines() {
        let mut f = line.split('\t');
        let (Some(w), Some(a), Some(b), Some(c)) = (f.next(), f.next(), f.next(), f.next()) else {
            continue;
        };
        if let (Ok(a), Ok(b), Ok(c)) = (a.parse(), b.parse(), c.parse()) {
            out.insert(w.to_string(), [a, b, c]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(lex: &Lexicons, words: &[&str]) -> Vec<Option<(LexiconKind, bool)>> {
        let mut out = Vec::new();
        lex.match_sentence(words, &mut String::new(), &mut out);
        out.into_iter()
            .map(|h| h.map(|h| (h.kind, h.begin)))
            .collect()
    }

    #[test]
    fn gazetteer_names_key_as_the_tokeniser_cuts_them() {
        // `phrase_key` keys plain names without the tokeniser: every name
        // `from_words` adds gets the key the tokeniser's words give it.
        let tokenised = |name: &str| {
            crate::tokenize::tokens(name)
                .iter()
                .map(|s| s.slice(name).replace('’', "'").to_lowercase())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut names: Vec<&str> = Vec::new();
        for c in gazetteer::COUNTRIES {
            names.extend([c.name, c.capital]);
            names.extend(c.aliases.iter().chain(c.demonyms).copied());
        }
        for c in gazetteer::CITIES {
            names.push(c.name);
            names.extend(c.aliases);
        }
        for r in gazetteer::REGIONS {
            names.push(r.name);
            names.extend(r.aliases);
        }
        for a in gazetteer::AREAS {
            names.push(a.name);
            names.extend(a.aliases);
        }
        names.extend(lexicon::cased_words().organisations.iter().copied());
        assert!(names.len() > 1_000);
        for name in names {
            assert_eq!(phrase_key(name), tokenised(name), "{name}");
        }
    }

    #[test]
    fn the_longest_phrase_wins_past_words_that_alone_are_none() {
        let lex = Lexicons::new(HashMap::new(), WordVectors::default(), HashMap::new());
        let (area, country) = (LexiconKind::Area, LexiconKind::Country);
        // "Strait" and "Strait of" are no phrase; "Strait of Hormuz" is.
        assert_eq!(
            hits(&lex, &["Strait", "of", "Hormuz", "was", "shut"]),
            [
                Some((area, true)),
                Some((area, false)),
                Some((area, false)),
                None,
                None
            ]
        );
        // "Bosnia" is a phrase and so is the longer name it starts.
        assert_eq!(
            hits(&lex, &["Bosnia", "and", "Herzegovina"]),
            [
                Some((country, true)),
                Some((country, false)),
                Some((country, false))
            ]
        );
        assert_eq!(
            hits(&lex, &["Bosnia", "and", "Serbia"]),
            [Some((country, true)), None, Some((country, true))]
        );
    }
}
