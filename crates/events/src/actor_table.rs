//! Actor and agent lexicons and their lookup over tokens.
//!
//! An *actor* entry names a specific actor ("White House" → `USAGOV`); an
//! *agent* entry is a role noun that gives a sector to whatever country it
//! goes with ("spokesman" → `GOV`, so "Chinese embassy spokesman" →
//! `CHNGOV`). The built-in lexicon comes first in the table; tables the
//! caller loads ([`crate::dictionary`]) are added after it and win ties.

use crate::table_text::split_ascii;
use crate::tokens::Token;
use chrono::NaiveDate;
use foldhash::HashMap;
use std::borrow::Cow;

/// A word or code of an entry: borrowed from the built-in tables (part of
/// the binary, so loading them copies nothing), owned when read from a
/// caller's dictionary or made by the tokeniser.
pub type Text = Cow<'static, str>;

/// An actor code valid over a date range (PETRARCH's date restrictions).
#[derive(Debug, Clone, PartialEq)]
pub struct DatedCode {
    /// The CAMEO actor code.
    pub code: Text,
    /// First day it applies, if restricted.
    pub from: Option<NaiveDate>,
    /// Last day it applies, if restricted.
    pub to: Option<NaiveDate>,
}

/// What an entry gives the phrase it matches.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryKind {
    /// A specific actor, with its code (possibly several, by date).
    Actor(Vec<DatedCode>),
    /// A role noun: a sector code ("GOV") joined to the phrase's country;
    /// `prefix` codes go before the country (`NGO~` in PETRARCH agents).
    Agent {
        /// The sector code.
        code: Text,
        /// Whether the code precedes the country code.
        prefix: bool,
    },
}

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Lowercase words.
    pub words: Vec<Text>,
    /// Whether the last word may be a prefix of the token (PETRARCH stems
    /// such as "ARGENTIN" for "Argentina"/"Argentine").
    pub stem: bool,
    /// Whether the words must match with their case (acronyms like "US",
    /// "IS", "WHO" that are common words in lowercase).
    pub case_sensitive: bool,
    /// What it gives.
    pub kind: EntryKind,
}

impl Entry {
    /// The code that applies on `date` (the undated one when no restriction fits).
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<&str> {
        let EntryKind::Actor(codes) = &self.kind else {
            return None;
        };
        if let Some(d) = date {
            // Narrower restrictions (both ends) before open-ended ones.
            let mut fitting: Vec<&DatedCode> = codes
                .iter()
                .filter(|c| c.from.is_some() || c.to.is_some())
                .filter(|c| c.from.is_none_or(|f| d >= f) && c.to.is_none_or(|t| d <= t))
                .collect();
            fitting.sort_by_key(|c| (c.from.is_none() || c.to.is_none()) as u8);
            if let Some(c) = fitting.first() {
                return Some(c.code.as_ref());
            }
        }
        codes
            .iter()
            .find(|c| c.from.is_none() && c.to.is_none())
            .or_else(|| codes.last())
            .map(|c| c.code.as_ref())
    }
}

/// A match of an entry at a token position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match<'t> {
    /// The entry.
    pub entry: &'t Entry,
    /// Number of tokens it covers.
    pub len: usize,
}

/// PETRARCH's agents, compiled by `examples/convert_phoenix.rs`.
const PHOENIX_AGENTS: &str = include_str!("../data/phoenix-agents.txt");

/// PETRARCH's IGOs and NGOs, compiled by `examples/convert_phoenix.rs`.
const PHOENIX_INTERNATIONAL: &str = include_str!("../data/phoenix-international.txt");

/// All actor and agent entries, indexed by first word.
#[derive(Debug, Clone, Default)]
pub struct ActorTable {
    entries: Vec<Entry>,
    /// A first word → the first and last entry (in `entries`) that start
    /// with it; `next` chains each to the next, in table order.
    by_first: HashMap<Text, (u32, u32)>,
    /// The shapes of the keys of `by_first`: most words and lemma
    /// candidates asked about (several at every token) start no entry, and
    /// most of them are told so without being hashed.
    first_shapes: lexicon::lemma::Shapes,
    /// Parallel to `entries`: the next entry with the same first word
    /// ([`NO_ENTRY`] for none), so that a word needs no vector of its own.
    next: Vec<u32>,
    stems: Vec<usize>,
}

/// The end of a chain of entries with the same first word.
const NO_ENTRY: u32 = u32::MAX;

impl ActorTable {
    /// The built-in lexicon.
    pub fn builtin() -> Self {
        let mut t = ActorTable::default();
        // Room for every entry at once (one per table line, about 6,300 in
        // all), rather than a vector doubled and copied as it fills.
        let lines = |table: &str| memchr::memchr_iter(b'\n', table.as_bytes()).count();
        let named = [lexicon::seats(), lexicon::named_actors()];
        let about = lines(PHOENIX_AGENTS)
            + lines(PHOENIX_INTERNATIONAL)
            + named.iter().map(|n| n.entries().len()).sum::<usize>()
            + gazetteer::leaders::leaders()
                .iter()
                .map(|l| l.names.len())
                .sum::<usize>()
            + lexicon::roles()
                .entries()
                .iter()
                .map(|r| r.forms.len())
                .sum::<usize>();
        t.entries.reserve(about);
        t.next.reserve(about);
        // PETRARCH's agent nouns (`data/phoenix-agents.txt`, converted from
        // Phoenix.agents.txt) fill the role nouns ours lack ("admiral",
        // "rioter", "presidential candidate"); added first so that our
        // names and roles win where both list the same words ("Security
        // Council" is the UN's, not a national council).
        for e in crate::dictionary::compiled_agents(PHOENIX_AGENTS) {
            t.add(e);
        }
        // Its IGOs and NGOs ("Arab Parliament", "Doctors Without Borders"),
        // likewise before our own names.
        for e in crate::dictionary::compiled_actors(PHOENIX_INTERNATIONAL) {
            t.add(e);
        }
        // Actors known by name (`lexicon`'s seats and named actors; codes
        // follow CAMEO, see `named_actors.txt`). Not all of `outlets.txt`:
        // outlets as event actors change output (an outlet as the source
        // of every "NBC released it"), so the three wire agencies the coder
        // knew stay in `named_actors.txt`.
        for actor in named.iter().flat_map(|table| table.entries()) {
            t.add(Entry {
                words: split_words(actor.name),
                stem: false,
                case_sensitive: is_acronym(actor.name),
                kind: EntryKind::Actor(vec![DatedCode {
                    code: Cow::Borrowed(actor.code),
                    from: None,
                    to: None,
                }]),
            });
        }
        // Leaders with their terms: the government in office, an elite
        // before and after; added after the undated names so they win.
        for leader in gazetteer::leaders::leaders() {
            let codes: Vec<DatedCode> = leader
                .dated_codes()
                .into_iter()
                .map(|c| DatedCode {
                    code: Cow::Owned(c.code),
                    from: c.from,
                    to: c.to,
                })
                .collect();
            for name in &leader.names {
                t.add(Entry {
                    words: split_words(name),
                    stem: false,
                    case_sensitive: is_acronym(name),
                    kind: EntryKind::Actor(codes.clone()),
                });
            }
        }
        for agent in lexicon::roles().entries() {
            for form in &agent.forms {
                t.add(Entry {
                    words: split_words(form),
                    stem: false,
                    case_sensitive: false,
                    kind: EntryKind::Agent {
                        code: Cow::Borrowed(agent.role.as_str()),
                        prefix: false,
                    },
                });
            }
        }
        t
    }

    /// Adds an entry; later entries win ties of equal length.
    pub fn add(&mut self, entry: Entry) {
        let Some(first) = entry.words.first() else {
            return;
        };
        let i = self.entries.len();
        if entry.stem && entry.words.len() == 1 {
            self.stems.push(i);
        } else {
            let at = i as u32;
            match self.by_first.get_mut(first.as_ref()) {
                Some((_, last)) => {
                    self.next[*last as usize] = at;
                    *last = at;
                }
                None => {
                    self.first_shapes.insert(first);
                    self.by_first.insert(first.clone(), (at, at));
                }
            }
        }
        self.next.push(NO_ENTRY);
        self.entries.push(entry);
    }

    /// The entries (by index) of the chain that starts at entry `first`,
    /// in table order.
    fn chain_from(&self, first: u32) -> impl Iterator<Item = usize> + '_ {
        let mut at = first;
        std::iter::from_fn(move || {
            let i = at as usize;
            at = *self.next.get(i)?;
            Some(i)
        })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The longest entry matching tokens from `at` (later entries win ties),
    /// keeping only entries `keep` accepts.
    pub fn longest_at<'t>(
        &'t self,
        tokens: &[Token],
        at: usize,
        keep: impl Fn(&Entry) -> bool,
    ) -> Option<Match<'t>> {
        let first = tokens.get(at)?;
        let mut best: Option<Match<'t>> = None;
        let mut consider = |i: usize| {
            let e = &self.entries[i];
            if !keep(e) {
                return;
            }
            if let Some(len) = matches(e, tokens, at) {
                if best.is_none_or(|b| len >= b.len) {
                    best = Some(Match { entry: e, len });
                }
            }
        };
        // Each entry is in the chain of its first word only, so a chain is
        // read once, the first time a candidate names it (a word may offer
        // one twice: "men" → "man" and the "-men" rule). Entries were
        // checked one by one against those read before, which cost
        // quadratic time in the long chains ("minister", "ministry": ~290
        // entries each, read for "ministers" and "minister").
        let mut chains: Vec<u32> = Vec::new();
        let mut visit = |key: &str| {
            if !self.first_shapes.may_contain(key) {
                return false;
            }
            let Some(&(first, _)) = self.by_first.get(key) else {
                return false;
            };
            if chains.contains(&first) {
                return false;
            }
            chains.push(first);
            self.chain_from(first).for_each(&mut consider);
            false
        };
        crate::lemma::each_candidate(&first.lower, &mut visit);
        // Plural agents ("spokesmen") are indexed under their singular.
        if let Some(stem) = first.lower.strip_suffix("men") {
            visit(&format!("{stem}man"));
        }
        if first.is_capitalized() {
            self.stems.iter().for_each(|&i| consider(i));
        }
        best
    }
}

/// How many tokens `e` covers from `at`, if it matches there.
fn matches(e: &Entry, tokens: &[Token], at: usize) -> Option<usize> {
    let n = e.words.len();
    let slice = tokens.get(at..at + n)?;
    for (k, (w, t)) in e.words.iter().zip(slice).enumerate() {
        let last = k + 1 == n;
        let ok = if e.case_sensitive {
            lower_is(t.text, w)
                && t.text.chars().any(char::is_uppercase)
                && t.text
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        } else if last && e.stem {
            t.lower.starts_with(w.as_ref()) && t.is_capitalized()
        } else if last && matches!(e.kind, EntryKind::Agent { .. }) {
            t.lower == *w || lexicon::inflect::is_plural(&t.lower, w)
        } else {
            t.lower == *w
        };
        if !ok {
            return None;
        }
    }
    Some(n)
}

/// Whether `text`, apostrophes straightened and lower-cased, is `w`;
/// an ASCII word is compared in place, with nothing allocated.
fn lower_is(text: &str, w: &str) -> bool {
    if text.is_ascii() {
        text.len() == w.len()
            && text
                .bytes()
                .zip(w.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        text.replace('’', "'").to_lowercase() == w
    }
}

/// Lowercase words of a name ("U.N. Security Council" → ["u.n.", "security", "council"]).
pub fn split_words(name: &str) -> Vec<Text> {
    // Cut here, a plain name skips the tokeniser (~1,150 names at every
    // start; a test reads every built-in name both ways).
    if model::is_plain_name(name) {
        return split_ascii(name, b' ')
            .map(|w| Cow::Owned(w.to_ascii_lowercase()))
            .collect();
    }
    let span = model::Span::new(0, name.len());
    crate::tokens::tokenize(name, span)
        .into_iter()
        .map(|t| Cow::Owned(String::from(t.lower)))
        .collect()
}

/// "US", "IS", "WHO": all-capital short names that are words in lowercase.
fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Span;

    fn toks(s: &str) -> Vec<Token<'_>> {
        crate::tokens::tokenize(s, Span::new(0, s.len()))
    }

    #[test]
    fn finds_longest_entry_and_plural_agents() {
        let t = ActorTable::builtin();
        let tokens = toks("the UN Security Council and two spokesmen");
        let m = t.longest_at(&tokens, 1, |_| true).unwrap();
        assert_eq!(m.len, 3);
        let m = t.longest_at(&tokens, 6, |_| true).unwrap();
        assert!(matches!(&m.entry.kind, EntryKind::Agent { code, .. } if code == "GOV"));
    }

    #[test]
    fn built_in_names_split_as_the_tokeniser_cuts_them() {
        // `split_words` cuts plain names itself: every built-in name gives
        // the words the coder's tokeniser gives it.
        let tokenised = |name: &str| -> Vec<String> {
            toks(name)
                .into_iter()
                .map(|t| t.lower.as_str().to_string())
                .collect()
        };
        let mut names: Vec<&str> = [lexicon::seats(), lexicon::named_actors()]
            .iter()
            .flat_map(|table| table.entries())
            .map(|a| a.name)
            .collect();
        for leader in gazetteer::leaders::leaders() {
            names.extend(leader.names.iter().copied());
        }
        for agent in lexicon::roles().entries() {
            names.extend(agent.forms.iter().map(String::as_str));
        }
        assert!(names.len() > 1_000);
        for name in names {
            let ours: Vec<String> = split_words(name).into_iter().map(String::from).collect();
            assert_eq!(ours, tokenised(name), "{name}");
        }
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        let t = ActorTable::builtin();
        assert!(t.longest_at(&toks("IS fighters"), 0, |_| true).is_some());
        assert!(t.longest_at(&toks("is fighting"), 0, |_| true).is_none());
    }
}
