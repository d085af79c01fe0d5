//! Look-ups that keep clustering linear in the number of mentions: each
//! mention asks "which earlier cluster has this key, surname, full name or
//! acronym?" and "which mention covers this token?", and scanning every
//! cluster or mention for each made a long document's clustering quadratic
//! (20,000 distinct person names: 20 s). Every look-up answers exactly what
//! the scan it replaces answered, ties included.

use super::mentions::Mention;
use super::{acronym, is_acronym};
use model::EntityType;
use std::collections::{BTreeSet, HashMap};

/// The types of a cluster's mentions, counted in order of first
/// appearance (what the majority vote and the "first type" rules read).
#[derive(Default)]
pub(super) struct Kinds(Vec<(EntityType, usize)>);

impl Kinds {
    pub(super) fn push(&mut self, kind: EntityType) {
        match self.0.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => self.0.push((kind, 1)),
        }
    }

    pub(super) fn contains(&self, kind: EntityType) -> bool {
        self.0.iter().any(|(k, _)| *k == kind)
    }

    /// The type of the first mention.
    pub(super) fn first(&self) -> Option<EntityType> {
        self.0.first().map(|(k, _)| *k)
    }

    /// Whether a mention was typed as a named organisation, work or place
    /// (the clusters an acronym may join).
    pub(super) fn named(&self) -> bool {
        self.0
            .iter()
            .any(|(k, _)| matches!(k, EntityType::Org | EntityType::Misc | EntityType::Gpe))
    }

    /// The most frequent type; ties go to the one seen first.
    pub(super) fn majority(&self) -> EntityType {
        let mut best = self.first().unwrap_or(EntityType::Misc);
        let mut best_n = 0;
        for &(k, n) in &self.0 {
            if n > best_n {
                best = k;
                best_n = n;
            }
        }
        best
    }
}

/// What a cluster is indexed by: its name and the types of its mentions.
pub(super) struct Indexed<'c> {
    pub(super) name: &'c str,
    pub(super) kinds: &'c Kinds,
}

/// The clusters so far, by every property a new mention may match on.
/// Sets of cluster numbers, so that "the first" and "the most recent"
/// match are their ends.
#[derive(Default)]
pub(super) struct ClusterIndex {
    by_key: HashMap<String, usize>,
    /// Clusters with a PERSON mention, by each proper prefix and proper
    /// suffix of their name's words (joined by one space).
    person_part: HashMap<String, BTreeSet<usize>>,
    /// Clusters with a PERSON mention, by their name's words.
    person_whole: HashMap<String, BTreeSet<usize>>,
    /// Named clusters (see [`Kinds::named`]) by the acronym of their name.
    acronym_of: HashMap<String, BTreeSet<usize>>,
    /// Named clusters whose name is an acronym, by it without dots.
    acronym_name: HashMap<String, BTreeSet<usize>>,
    /// Clusters whose first mention is a PERSON, by their name's last word.
    surname: HashMap<String, BTreeSet<usize>>,
}

/// Which of [`ClusterIndex`]'s tables a key is in.
#[derive(Clone, Copy)]
enum Table {
    PersonPart,
    PersonWhole,
    AcronymOf,
    AcronymName,
    Surname,
}

/// The words of a name joined by one space: two names have equal word
/// sequences exactly when these are equal.
fn joined(words: &[&str]) -> String {
    words.join(" ")
}

impl ClusterIndex {
    /// The cluster holding mentions of cluster key `key`.
    pub(super) fn by_key(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// Records the key of a new cluster `i`.
    pub(super) fn add_key(&mut self, key: &str, i: usize) {
        self.by_key.insert(key.to_string(), i);
    }

    /// The most recent cluster with a PERSON mention whose name's words
    /// end or begin with all of `words` and more, or are the last words of
    /// `words` and fewer.
    pub(super) fn person(&self, words: &[&str]) -> Option<usize> {
        let part = self
            .person_part
            .get(&joined(words))
            .and_then(|s| s.last().copied());
        let whole = (0..words.len())
            .filter_map(|n| self.person_whole.get(&joined(&words[words.len() - n..])))
            .filter_map(|s| s.last().copied())
            .max();
        part.max(whole)
    }

    /// The first named cluster whose name's acronym is `letters`.
    pub(super) fn with_acronym(&self, letters: &str) -> Option<usize> {
        self.acronym_of
            .get(letters)
            .and_then(|s| s.first().copied())
    }

    /// The first named cluster whose name is the acronym `letters` (dots
    /// left out).
    pub(super) fn named_as_acronym(&self, letters: &str) -> Option<usize> {
        self.acronym_name
            .get(letters)
            .and_then(|s| s.first().copied())
    }

    /// The most recent cluster first mentioned as a PERSON whose name ends
    /// with the word `word`.
    pub(super) fn surname(&self, word: &str) -> Option<usize> {
        self.surname.get(word).and_then(|s| s.last().copied())
    }

    /// Indexes cluster `i` as it now is (after [`ClusterIndex::remove`]
    /// of what it was, if it was indexed before).
    pub(super) fn insert(&mut self, i: usize, c: &Indexed<'_>) {
        for (table, key) in Self::keys(c) {
            self.table(table).entry(key).or_default().insert(i);
        }
    }

    /// Removes cluster `i` as it now is from the index, before it changes.
    pub(super) fn remove(&mut self, i: usize, c: &Indexed<'_>) {
        for (table, key) in Self::keys(c) {
            let table = self.table(table);
            if let Some(set) = table.get_mut(&key) {
                set.remove(&i);
                if set.is_empty() {
                    table.remove(&key);
                }
            }
        }
    }

    fn table(&mut self, table: Table) -> &mut HashMap<String, BTreeSet<usize>> {
        match table {
            Table::PersonPart => &mut self.person_part,
            Table::PersonWhole => &mut self.person_whole,
            Table::AcronymOf => &mut self.acronym_of,
            Table::AcronymName => &mut self.acronym_name,
            Table::Surname => &mut self.surname,
        }
    }

    /// Every key cluster `c` is found by, in the tables that hold it.
    fn keys(c: &Indexed<'_>) -> Vec<(Table, String)> {
        let mut keys = Vec::new();
        let words: Vec<&str> = c.name.split_whitespace().collect();
        if c.kinds.contains(EntityType::Person) {
            for n in 0..words.len() {
                keys.push((Table::PersonPart, joined(&words[..n])));
                keys.push((Table::PersonPart, joined(&words[words.len() - n..])));
            }
            keys.push((Table::PersonWhole, joined(&words)));
        }
        if c.kinds.named() {
            let bare = c.name.strip_prefix("The ").unwrap_or(c.name);
            keys.push((Table::AcronymOf, acronym(bare)));
            if is_acronym(bare) {
                keys.push((Table::AcronymName, bare.replace('.', "")));
            }
        }
        if c.kinds.first() == Some(EntityType::Person) {
            if let Some(last) = words.last() {
                keys.push((Table::Surname, (*last).to_string()));
            }
        }
        keys
    }
}

/// The mentions of a document, with the look-ups the actor rules make.
pub(super) struct MentionIndex<'m> {
    all: &'m [Mention],
    /// For each token, the first mention (in order) that covers it.
    at_token: Vec<u32>,
    /// Whether the mentions are in order of their first token (they are
    /// sorted by span, so only overlapping mentions can break it).
    in_order: bool,
    /// Whether a name that is both a US state and a country ("Georgia")
    /// is read as the state in this document.
    pub(super) us_states: bool,
}

/// No mention covers the token.
const NONE: u32 = u32::MAX;

impl<'m> MentionIndex<'m> {
    /// Indexes `all` over a text of `tokens` tokens.
    pub(super) fn new(all: &'m [Mention], tokens: usize) -> Self {
        let mut at_token = vec![NONE; tokens];
        for (n, m) in all.iter().enumerate() {
            let n = u32::try_from(n).unwrap_or(NONE);
            for slot in at_token.iter_mut().take(m.end).skip(m.first) {
                if *slot == NONE {
                    *slot = n;
                }
            }
        }
        MentionIndex {
            all,
            at_token,
            in_order: all.windows(2).all(|w| w[0].first <= w[1].first),
            us_states: false,
        }
    }

    /// The first mention that covers token `k`.
    pub(super) fn covering(&self, k: usize) -> Option<&'m Mention> {
        match self.at_token.get(k) {
            Some(&n) if n != NONE => self.all.get(n as usize),
            Some(_) => None,
            // Past the tokens the table was built for: the scan it replaces.
            None => self.all.iter().find(|o| o.first <= k && k < o.end),
        }
    }

    /// The mentions, in order, among which are all those whose first token
    /// is in `from..to` (exactly those when the mentions are in order).
    pub(super) fn starting_in(&self, from: usize, to: usize) -> &'m [Mention] {
        if !self.in_order {
            return self.all;
        }
        let lo = self.all.partition_point(|o| o.first < from);
        let hi = self.all.partition_point(|o| o.first < to).max(lo);
        &self.all[lo..hi]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn majority_counts_ties_to_the_first_type_seen() {
        let mut kinds = Kinds::default();
        for k in [
            EntityType::Org,
            EntityType::Person,
            EntityType::Person,
            EntityType::Org,
        ] {
            kinds.push(k);
        }
        assert_eq!(kinds.majority(), EntityType::Org);
        kinds.push(EntityType::Person);
        assert_eq!(kinds.majority(), EntityType::Person);
        assert_eq!(kinds.first(), Some(EntityType::Org));
    }

    #[test]
    fn a_renamed_cluster_is_found_by_its_new_name_only() {
        let mut index = ClusterIndex::default();
        let mut kinds = Kinds::default();
        kinds.push(EntityType::Person);
        index.insert(
            0,
            &Indexed {
                name: "Cole",
                kinds: &kinds,
            },
        );
        assert_eq!(index.person(&["Ann", "Cole"]), Some(0));
        index.remove(
            0,
            &Indexed {
                name: "Cole",
                kinds: &kinds,
            },
        );
        index.insert(
            0,
            &Indexed {
                name: "Ann Cole",
                kinds: &kinds,
            },
        );
        assert_eq!(index.person(&["Cole"]), Some(0));
        assert_eq!(index.person(&["Ann"]), Some(0));
        assert_eq!(
            index.person(&["Ann", "Cole"]),
            None,
            "a full match goes by key"
        );
        assert_eq!(index.person(&["Mary", "Ann", "Cole"]), Some(0));
        assert_eq!(index.surname("Cole"), Some(0));
        let mut org = Kinds::default();
        org.push(EntityType::Org);
        index.insert(
            1,
            &Indexed {
                name: "The New York Times",
                kinds: &org,
            },
        );
        index.insert(
            2,
            &Indexed {
                name: "N.Y.T.",
                kinds: &org,
            },
        );
        assert_eq!(index.with_acronym("NYT"), Some(1));
        assert_eq!(index.named_as_acronym("NYT"), Some(2));
    }
}
