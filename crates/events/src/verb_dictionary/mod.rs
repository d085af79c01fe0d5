//! The CAMEO verb dictionary (PETRARCH-2's `CAMEO.2.0.txt`, converted into
//! `data/cameo-verbs.txt` by [`convert`]) and its matcher on our clause
//! structure.
//!
//! PETRARCH matches a pattern on a constituency parse: subject nouns before
//! the verb, object nouns and prepositional phrases after it. We have no
//! parse, so a pattern matches in the verb's clause window: subject words
//! among the few tokens before the verb (not across a clause break), object
//! words and prepositional phrases in order after it, up to the next clause
//! break (comma, semicolon, quotation mark, "that", …) or twelve tokens. The
//! most specific matching pattern wins (most elements; ties to the earlier
//! line); with none, the verb's own code applies. A pattern coded `---`
//! says the verb reports no event there ("beat … in the election").

pub mod convert;

use crate::byte_set::ByteSet;
use crate::phrases::Phrase;
use crate::table_text::{find_ascii, lines, split_ascii, split_once_ascii};
use crate::tokens::Token;
use foldhash::HashMap;
use std::collections::hash_map::Entry;
use std::sync::{Arc, OnceLock};

/// The compiled table, as shipped.
const TABLE: &str = include_str!("../../data/cameo-verbs.txt");

/// How many tokens after the verb a pattern may look.
const WINDOW: usize = 12;

/// How many tokens before the verb subject words may be.
const SUBJECT_WINDOW: usize = 6;

/// A line of the compiled table that could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("cameo-verbs.txt line {line}: {reason}")]
pub struct TableError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// What a verb or pattern codes (a code borrowed from the table's text).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DictCode {
    /// `---`: no event.
    Null,
    /// Source acts on target.
    Forward(&'static str),
    /// `[A:A]`: both ways.
    Mutual(&'static str),
    /// `[:B]`: the target acts on the subject ("appeared before the court").
    Back(&'static str),
}

impl DictCode {
    fn parse(s: &'static str) -> Option<DictCode> {
        let (a, b) = s.split_once(':').unwrap_or((s, ""));
        let a = (a != "---" && !a.is_empty()).then_some(a);
        let b = (b != "---" && !b.is_empty()).then_some(b);
        let valid = |c: Option<&str>| c.is_none_or(crate::cameo::is_code);
        if !valid(a) || !valid(b) {
            return None;
        }
        Some(match (a, b) {
            (None, None) => DictCode::Null,
            (Some(a), Some(b)) if a == b => DictCode::Mutual(a),
            (Some(a), _) => DictCode::Forward(a),
            (None, Some(b)) => DictCode::Back(b),
        })
    }
}

/// Alternatives for one word position; each a run of consecutive words.
type Slot = Arc<Alternatives>;

/// A slot's alternatives, indexed by the first byte of their first word:
/// a token of two bytes or more can only match an alternative whose first
/// word starts with its own first byte (see [`word_is`]), so a token reads
/// only those, in their order.
#[derive(Debug)]
struct Alternatives {
    alts: Vec<Vec<&'static str>>,
    /// (first byte of the first word, alternative), sorted.
    by_byte: Vec<(u8, u32)>,
    /// (first two bytes of the first word, alternative), sorted: a token
    /// of two bytes or more matches by [`word_is`] only a word of its own
    /// first two bytes, but for "xy" and "xies", read by the first byte.
    /// (A set's words share first bytes often: "s" starts a tenth of them.)
    /// The two bytes are one number ([`pair_key`]), in the same order.
    by_pair: Vec<(u16, u32)>,
    /// The first bytes in `by_byte`, as a set of 256 bits: most tokens
    /// start with none of them, and are told so without a search.
    firsts: ByteSet,
    /// The first two bytes of the first words, as a [`Pairs`] set.
    pairs: Pairs,
    /// Some first word is shorter than two bytes (or missing), which the
    /// first byte does not decide.
    short: bool,
}

impl Alternatives {
    fn new(alts: Vec<Vec<&'static str>>) -> Self {
        let mut by_byte = Vec::with_capacity(alts.len());
        let mut by_pair = Vec::with_capacity(alts.len());
        let mut pairs = Pairs::EMPTY;
        let mut short = false;
        for (i, alt) in alts.iter().enumerate() {
            match alt.first().map(|w| w.as_bytes()) {
                Some(&[a, b, ..]) => {
                    by_byte.push((a, i as u32));
                    by_pair.push((pair_key(a, b), i as u32));
                    add_pair(&mut pairs, a, b);
                }
                _ => short = true,
            }
        }
        by_byte.sort_unstable();
        by_pair.sort_unstable();
        let mut firsts = ByteSet::EMPTY;
        for &(b, _) in &by_byte {
            firsts.insert(b);
        }
        Alternatives {
            alts,
            by_byte,
            by_pair,
            firsts,
            pairs,
            short,
        }
    }

    /// The alternatives that may start at a token written `lower`, in
    /// their order: those whose first word starts with its first two
    /// bytes (its first byte, for "xy" and "xies"); `None` when the first
    /// byte does not decide (all may).
    fn at(&self, lower: &str) -> Option<Candidates<'_>> {
        match lower.as_bytes() {
            [b, _, ..] if !self.short => {
                if !self.firsts.contains(*b) {
                    return Some(Candidates::Pairs(&[]));
                }
                match lower.as_bytes() {
                    // A plural in "-ies" of a two-byte word in "-y", or
                    // such a word: the second bytes differ ("ky", "kies").
                    [_, b'y'] | [_, b'i', b'e', b's'] => {
                        let from = self.by_byte.partition_point(|(x, _)| x < b);
                        let to = self.by_byte.partition_point(|(x, _)| x <= b);
                        self.by_byte.get(from..to).map(Candidates::Bytes)
                    }
                    &[a, c, ..] => {
                        let pair = pair_key(a, c);
                        let from = self.by_pair.partition_point(|(x, _)| *x < pair);
                        let to = from + self.by_pair[from..].partition_point(|(x, _)| *x <= pair);
                        self.by_pair.get(from..to).map(Candidates::Pairs)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Whether an alternative may start at one of the tokens whose
    /// [`window_pairs`] are `window`: false only when none can, so that a
    /// pattern whose words are nowhere near the verb is passed over without
    /// a scan of its window.
    fn may_start_in(&self, window: &Pairs) -> bool {
        self.short || self.pairs.intersects(window)
    }
}

/// The alternatives [`Alternatives::at`] leaves, each list in index order.
enum Candidates<'a> {
    Bytes(&'a [(u8, u32)]),
    Pairs(&'a [(u16, u32)]),
}

/// Two bytes as one number, ordered as the pair is (first byte first).
fn pair_key(a: u8, b: u8) -> u16 {
    (u16::from(a) << 8) | u16::from(b)
}

/// A set of the first two bytes of words, hashed into 256 bits (two pairs
/// may share a bit: a set tells only that a pair is absent).
type Pairs = ByteSet;

/// Adds the pair (`a`, `b`) to `pairs`.
fn add_pair(pairs: &mut Pairs, a: u8, b: u8) {
    let h = a.wrapping_mul(31) ^ b;
    pairs.insert(h);
}

/// The first two bytes a word (of two bytes or more, see
/// [`Alternatives::at`]) may have to match one of `tokens` by [`word_is`]:
/// a token's own, but for the spellings whose plural or singular starts
/// otherwise ("a" → "as", "aes"; "y" → "ies"; "ky" ↔ "kies") theirs too. An
/// empty token could match any word: all bits.
fn window_pairs(tokens: &[Token]) -> Pairs {
    let mut pairs = Pairs::EMPTY;
    for t in tokens {
        match *t.lower.as_bytes() {
            [] => return Pairs::ALL,
            [b] => {
                add_pair(&mut pairs, b, b's');
                add_pair(&mut pairs, b, b'e');
                if b == b'y' {
                    add_pair(&mut pairs, b'i', b'e');
                }
            }
            [x, b'y'] | [x, b'i', b'e', b's'] => {
                add_pair(&mut pairs, x, b'y');
                add_pair(&mut pairs, x, b'i');
            }
            [a, b, ..] => add_pair(&mut pairs, a, b),
        }
    }
    pairs
}

/// Whether every slot of a phrase may match within a window whose tokens
/// have `window` as their [`window_pairs`] (each slot must match at a
/// token of that window, see [`phrase_from`]).
fn may_match(slots: &[Slot], window: &Pairs) -> bool {
    slots.iter().all(|s| s.may_start_in(window))
}

#[derive(Debug, Clone)]
enum Element {
    /// Modifier slots then the head slot, close together.
    Phrase(Box<[Slot]>),
    /// A preposition and the phrase it governs (possibly none).
    Prep(&'static str, Box<[Slot]>),
    /// An actor phrase: the target.
    Target,
}

#[derive(Debug, Clone)]
struct Pattern {
    code: DictCode,
    subject: Box<[Box<[Slot]>]>,
    object: Box<[Element]>,
    /// What the pattern's words need of the clause's two windows, in one
    /// flat list read before anything else: most patterns of a verb's
    /// block name words that are nowhere near it, and were turned down one
    /// element and slot at a time, each slot behind its own pointer.
    needs: Needs,
    weight: usize,
    line: usize,
}

/// The first two bytes (as [`Pairs`]) each word of a pattern needs in its
/// window: one set for each slot that [`Alternatives::may_start_in`] would
/// test (not a short one, which passes any window) and for each
/// preposition of two bytes or more, whose token must be in the object
/// window and has its first two bytes there. The subject's come first.
/// A pattern whose needs a window's pairs miss cannot match: every set is
/// one its matcher also requires.
#[derive(Debug, Clone, Default)]
struct Needs {
    pairs: Box<[Pairs]>,
    /// How many of `pairs` are the subject window's.
    subject: usize,
}

impl Needs {
    fn of(subject: &[Box<[Slot]>], object: &[Element]) -> Needs {
        let slot_pairs = |slots: &[Slot]| {
            slots
                .iter()
                .filter(|s| !s.short)
                .map(|s| s.pairs)
                .collect::<Vec<Pairs>>()
        };
        let mut pairs: Vec<Pairs> = subject.iter().flat_map(|p| slot_pairs(p)).collect();
        let subject = pairs.len();
        for e in object {
            match e {
                Element::Phrase(slots) => pairs.extend(slot_pairs(slots)),
                Element::Prep(prep, slots) => {
                    if let &[a, b, ..] = prep.as_bytes() {
                        let mut own = Pairs::EMPTY;
                        add_pair(&mut own, a, b);
                        pairs.push(own);
                    }
                    pairs.extend(slot_pairs(slots));
                }
                Element::Target => {}
            }
        }
        Needs {
            pairs: pairs.into_boxed_slice(),
            subject,
        }
    }

    /// Whether the windows whose pairs are `subject` and `object` have
    /// every pair set this pattern needs (false: it cannot match there).
    fn met_by(&self, subject: &Pairs, object: &Pairs) -> bool {
        let (before, after) = self.pairs.split_at(self.subject.min(self.pairs.len()));
        before.iter().all(|n| n.intersects(subject)) && after.iter().all(|n| n.intersects(object))
    }
}

/// One listing of a verb form: its block, code and particles.
#[derive(Debug, Clone)]
struct Form {
    block: u32,
    code: DictCode,
    front: Box<[&'static str]>,
    back: Box<[&'static str]>,
    /// The next listing of the same form in [`VerbDictionary::listings`]
    /// ([`NO_FORM`] for none): a chain in table order, so that the forms
    /// need no vector each.
    next: u32,
}

/// The end of a chain of [`Form`]s.
const NO_FORM: u32 = u32::MAX;

/// The verb dictionary: inflected forms and the patterns of their blocks,
/// borrowing their words from the table's text.
#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    /// A form → its first and last listing in `listings`.
    forms: HashMap<&'static str, (u32, u32)>,
    listings: Vec<Form>,
    /// Each block's patterns, read from `pattern_lines` when first needed.
    patterns: Vec<OnceLock<Box<[Pattern]>>>,
    /// Each block's first and last line in `pattern_lines` ([`NO_PATTERN`]
    /// for none); the lines between are its own where the table keeps a
    /// block's lines together, as the converter writes them.
    pattern_runs: Vec<(u32, u32)>,
    pattern_lines: Vec<PatternLine>,
    /// The named sets of words that patterns name with '&'.
    sets: HashMap<&'static str, Slot>,
    names: Vec<&'static str>,
}

/// A `pat` line of the table, kept to be read when its block is first
/// matched.
#[derive(Debug, Clone)]
struct PatternLine {
    /// 1-based line.
    line: usize,
    block: u32,
    code: &'static str,
    elements: &'static str,
}

/// The run of a block with no pattern line.
const NO_PATTERN: u32 = u32::MAX;

/// A dictionary match at a verb.
#[derive(Debug, Clone, PartialEq)]
pub struct DictMatch {
    /// What it codes.
    pub code: DictCode,
    /// The verb token.
    pub head: usize,
    /// The last token the pattern matched (the verb's particle at least).
    pub last: usize,
    /// The target phrase a `+` matched.
    pub target: Option<usize>,
    /// How many pattern elements matched (0: the verb's own code).
    pub weight: usize,
    /// The block (PETRARCH's verb synonym set) the verb belongs to.
    pub block: &'static str,
}

impl VerbDictionary {
    /// The shipped table.
    pub fn builtin() -> Self {
        // A test keeps the shipped table clean, patterns and all: here
        // they are read when first needed (see `patterns_of`).
        Self::index(TABLE).unwrap_or_default()
    }

    /// Reads a compiled table, borrowing its words (the shipped table is
    /// part of the binary, so loading it copies no word). An error in a
    /// pattern is reported after those of the table's other lines.
    pub fn parse(text: &'static str) -> Result<Self, TableError> {
        let d = Self::index(text)?;
        for (block, patterns) in d.patterns.iter().enumerate() {
            // Only this loop sets the cells, once each.
            let _ = patterns.set(d.read_patterns(block as u32)?);
        }
        Ok(d)
    }

    /// Reads a table's sets and verb forms, and finds each block's
    /// pattern lines without reading them: a run reads only the patterns
    /// of the verbs its texts use (~4,700 lines, most of the table's cost
    /// to read, for the ~300 blocks of a big batch; an article uses tens).
    fn index(text: &'static str) -> Result<Self, TableError> {
        // A code is checked against the CAMEO list once (~340 distinct).
        let mut codes: HashMap<&str, DictCode> = HashMap::default();
        let mut blocks: HashMap<&str, u32> = HashMap::default();
        let mut last_block: Option<(&str, u32)> = None;
        let mut last_code: Option<(&str, DictCode)> = None;
        let mut d = VerbDictionary::default();
        // Room for every form and listing at once (7,277 verb lines), rather
        // than tables doubled and rehashed as they fill.
        let verbs = memchr::memmem::find_iter(text.as_bytes(), b"\nverb\t").count();
        d.forms.reserve(verbs);
        d.listings.reserve(verbs);
        for (n, raw) in lines(text).enumerate() {
            let line = n + 1;
            let err = |reason: String| TableError { line, reason };
            // (Only a line starting with a space can be blank: no `trim` else.)
            let blank =
                || raw.chars().next().is_none_or(char::is_whitespace) && raw.trim().is_empty();
            if raw.starts_with('#') || blank() {
                continue;
            }
            let mut cols = split_ascii(raw, b'\t');
            let cols = [
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next(),
            ];
            // A block's lines are together: its name is looked up once.
            let mut block_index = |name: &'static str, d: &mut VerbDictionary| -> u32 {
                if let Some((_, i)) = last_block.filter(|(last, _)| *last == name) {
                    return i;
                }
                let i = *blocks.entry(name).or_insert_with(|| {
                    d.patterns.push(OnceLock::new());
                    d.pattern_runs.push((NO_PATTERN, NO_PATTERN));
                    d.names.push(name);
                    (d.names.len() - 1) as u32
                });
                last_block = Some((name, i));
                i
            };
            match cols {
                [Some("set"), Some(name), Some(alts), None, None] => {
                    let alts = split_ascii(alts, b' ')
                        .map(|a| split_ascii(a, b'_').collect())
                        .collect();
                    d.sets.insert(name, Arc::new(Alternatives::new(alts)));
                }
                [Some("verb"), Some(block), Some(code), Some(form), None] => {
                    // A block's verb forms mostly share a code (7,277 lines, 245 changes).
                    let code = match last_code.filter(|(last, _)| *last == code) {
                        Some((_, c)) => c,
                        None => {
                            let c = match codes.get(code) {
                                Some(c) => *c,
                                None => {
                                    let c = DictCode::parse(code)
                                        .ok_or_else(|| err(format!("bad code {code}")))?;
                                    codes.insert(code, c);
                                    c
                                }
                            };
                            last_code = Some((code, c));
                            c
                        }
                    };
                    let block = block_index(block, &mut d);
                    let (front, verb, back) = match find_ascii(b'+', form) {
                        Some(i) => {
                            let front: Box<[&str]> = split_ascii(&form[..i], b'_')
                                .filter(|w| !w.is_empty())
                                .collect();
                            let mut rest = split_ascii(&form[i + 1..], b'_');
                            let verb = rest.next().unwrap_or("");
                            (front, verb, rest.filter(|w| !w.is_empty()).collect())
                        }
                        None => (Box::default(), form, Box::default()),
                    };
                    if verb.is_empty() {
                        return Err(err(format!("no verb in {form}")));
                    }
                    let listing = Form {
                        block,
                        code,
                        front,
                        back,
                        next: NO_FORM,
                    };
                    let at = d.listings.len() as u32;
                    match d.forms.entry(verb) {
                        Entry::Vacant(v) => {
                            v.insert((at, at));
                            d.listings.push(listing);
                        }
                        Entry::Occupied(mut o) => {
                            let (first, last) = *o.get();
                            // The first listing of a form wins, as in PETRARCH.
                            let listed = Listings {
                                listings: &d.listings,
                                at: first,
                            }
                            .any(|f| f.front == listing.front && f.back == listing.back);
                            if !listed {
                                o.insert((first, at));
                                d.listings[last as usize].next = at;
                                d.listings.push(listing);
                            }
                        }
                    }
                }
                [Some("pat"), Some(block), Some(code), Some(elements), None] => {
                    let block = block_index(block, &mut d);
                    let at = d.pattern_lines.len() as u32;
                    let run = &mut d.pattern_runs[block as usize];
                    if run.0 == NO_PATTERN {
                        run.0 = at;
                    }
                    run.1 = at;
                    d.pattern_lines.push(PatternLine {
                        line,
                        block,
                        code,
                        elements,
                    });
                }
                _ => return Err(err(format!("cannot read {raw:?}"))),
            }
        }
        Ok(d)
    }

    /// The patterns of block `block`, read from its lines the first time
    /// they are asked for (none if they cannot be read: a test reads every
    /// pattern of the shipped table).
    fn patterns_of(&self, block: u32) -> &[Pattern] {
        self.patterns.get(block as usize).map_or(&[], |p| {
            p.get_or_init(|| self.read_patterns(block).unwrap_or_default())
        })
    }

    /// Reads the pattern lines of block `block`, the heaviest first and
    /// those of one weight in table order: the order in which `match_at`
    /// prefers them, so that the first that matches is the one it takes.
    fn read_patterns(&self, block: u32) -> Result<Box<[Pattern]>, TableError> {
        let Some(&(first, last)) = self.pattern_runs.get(block as usize) else {
            return Ok(Box::default());
        };
        if first == NO_PATTERN {
            return Ok(Box::default());
        }
        // One slot per literal word, shared by every pattern of the block
        // that names it.
        let mut literals: HashMap<&str, Slot> = HashMap::default();
        let mut last_code: Option<(&str, DictCode)> = None;
        let run = self
            .pattern_lines
            .get(first as usize..=last as usize)
            .unwrap_or_default();
        let mut patterns = Vec::with_capacity(run.len());
        for &PatternLine {
            line,
            block: of,
            code,
            elements,
        } in run
        {
            if of != block {
                continue;
            }
            let err = |reason: String| TableError { line, reason };
            // A block's patterns mostly share a code.
            let code = match last_code.filter(|(last, _)| *last == code) {
                Some((_, c)) => c,
                None => {
                    let c = DictCode::parse(code).ok_or_else(|| err(format!("bad code {code}")))?;
                    last_code = Some((code, c));
                    c
                }
            };
            let mut slot = |w: &'static str| -> Result<Slot, TableError> {
                match w.strip_prefix('&') {
                    Some(name) => self
                        .sets
                        .get(name)
                        .cloned()
                        .ok_or_else(|| err(format!("undefined set &{name}"))),
                    None => Ok(literals
                        .entry(w)
                        .or_insert_with(|| Arc::new(Alternatives::new(vec![vec![w]])))
                        .clone()),
                }
            };
            let mut phrase = |p: &'static str| -> Result<Box<[Slot]>, TableError> {
                let mut slots = Vec::with_capacity(1 + p.bytes().filter(|&b| b == b'_').count());
                for w in split_ascii(p, b'_').filter(|w| !w.is_empty()) {
                    slots.push(slot(w)?);
                }
                Ok(slots.into_boxed_slice())
            };
            // Sized exactly (a subject element starts with '<', the
            // only place it is written), so boxing them copies nothing.
            let (mut spaces, mut subjects) = (0, 0);
            for b in elements.bytes() {
                spaces += usize::from(b == b' ');
                subjects += usize::from(b == b'<');
            }
            let mut subject = Vec::with_capacity(subjects);
            let mut object = Vec::with_capacity((1 + spaces).saturating_sub(subjects));
            let mut weight = 0;
            for e in split_ascii(elements, b' ') {
                if let Some(s) = e.strip_prefix('<') {
                    let p = phrase(s)?;
                    weight += p.len();
                    subject.push(p);
                } else if e == "+" {
                    weight += 1;
                    object.push(Element::Target);
                } else if let Some((prep, rest)) = split_once_ascii(e, b'/') {
                    let p = phrase(rest)?;
                    weight += 1 + p.len();
                    object.push(Element::Prep(prep, p));
                } else {
                    let p = phrase(e)?;
                    weight += p.len();
                    object.push(Element::Phrase(p));
                }
            }
            patterns.push(Pattern {
                code,
                needs: Needs::of(&subject, &object),
                subject: subject.into_boxed_slice(),
                object: object.into_boxed_slice(),
                weight,
                line,
            });
        }
        patterns.sort_by_key(|p| (std::cmp::Reverse(p.weight), p.line));
        Ok(patterns.into_boxed_slice())
    }

    /// The listings of the verb form `lower`, in table order.
    fn forms_of(&self, lower: &str) -> Option<Listings<'_>> {
        self.forms.get(lower).map(|&(first, _)| Listings {
            listings: &self.listings,
            at: first,
        })
    }
}

/// The chain of one form's listings.
struct Listings<'d> {
    listings: &'d [Form],
    at: u32,
}

impl<'d> Iterator for Listings<'d> {
    type Item = &'d Form;

    fn next(&mut self) -> Option<&'d Form> {
        let f = self.listings.get(self.at as usize)?;
        self.at = f.next;
        Some(f)
    }
}

/// Words that end a pattern's window after the verb.
/// (`lexicon`'s `event_words.txt`, `[pattern-stops]`.)
static STOPS: std::sync::LazyLock<&lexicon::WordSet<'static>> =
    std::sync::LazyLock::new(|| &lexicon::event_words().pattern_stops);

/// Whether token text `lower` is pattern word `w` (or its regular plural or singular).
fn word_is(lower: &str, w: &str) -> bool {
    if lower == w {
        return true;
    }
    // A plural is one or two bytes longer than its singular ("s", "es",
    // "y" → "ies") and, past one byte, starts with the same byte: most
    // pairs are told apart here, before any suffix is cut (the matcher
    // asks this of every alternative of a set at every token).
    let (a, b) = (lower.as_bytes(), w.as_bytes());
    if !matches!(a.len().abs_diff(b.len()), 1 | 2) || (a.len() >= 2 && b.len() >= 2 && a[0] != b[0])
    {
        return false;
    }
    let plural_of = |p: &str, s: &str| {
        p.strip_prefix(s)
            .is_some_and(|rest| rest == "s" || rest == "es")
            || s.strip_suffix('y')
                .is_some_and(|stem| p.strip_prefix(stem) == Some("ies"))
    };
    plural_of(lower, w) || plural_of(w, lower)
}

/// The end (exclusive) of the alternative of `slot` that matches at `k`, if any.
fn slot_at(slot: &Slot, tokens: &[Token], k: usize, end: usize) -> Option<usize> {
    let matches = |alt: &Vec<&str>| {
        let stop = k + alt.len();
        (stop <= end
            && alt
                .iter()
                .zip(&tokens[k..stop])
                .all(|(w, t)| word_is(&t.lower, w)))
        .then_some(stop)
    };
    match slot.at(&tokens.get(k)?.lower) {
        Some(Candidates::Bytes(some)) => some
            .iter()
            .find_map(|&(_, i)| slot.alts.get(i as usize).and_then(matches)),
        Some(Candidates::Pairs(some)) => some
            .iter()
            .find_map(|&(_, i)| slot.alts.get(i as usize).and_then(matches)),
        None => slot.alts.iter().find_map(matches),
    }
}

/// The first place at or after `from` where the phrase matches (modifiers
/// then head, each within three tokens of the one before); its start and end.
fn phrase_from(
    slots: &[Slot],
    tokens: &[Token],
    from: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let (first, rest) = slots.split_first()?;
    (from..end).find_map(|k| {
        let mut stop = slot_at(first, tokens, k, end)?;
        for s in rest {
            stop = (stop..(stop + 3).min(end)).find_map(|j| slot_at(s, tokens, j, end))?;
        }
        Some((k, stop))
    })
}

impl VerbDictionary {
    /// Whether the dictionary lists `lower` as a verb form.
    pub fn is_verb(&self, lower: &str) -> bool {
        self.forms.contains_key(lower)
    }

    /// The code the dictionary gives the verb `lower` standing alone (its
    /// single-word form's code, no pattern), if it lists one.
    pub fn own_code(&self, lower: &str) -> Option<&DictCode> {
        self.forms_of(lower)?
            .find(|f| f.front.is_empty() && f.back.is_empty())
            .map(|f| &f.code)
    }

    /// The dictionary's reading of the verb at token `at`: the most specific
    /// pattern of its block that matches the clause, else the verb's own code.
    pub fn match_at(&self, tokens: &[Token], phrases: &[Phrase], at: usize) -> Option<DictMatch> {
        let forms = self.forms_of(tokens.get(at)?.lower.as_str())?;
        // Multiword verbs first (their particles must be there), then the
        // single word: the listing with the most particles that are there,
        // the earliest of those, found in one pass (no list sorted at every
        // verb form).
        let particles = |f: &Form| f.front.len() + f.back.len();
        let there = |f: &Form| {
            let back_ok = f
                .back
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.get(at + 1 + k).is_some_and(|t| t.lower == *w));
            let front_ok = f.front.iter().rev().enumerate().all(|(k, w)| {
                at.checked_sub(1 + k)
                    .and_then(|j| tokens.get(j))
                    .is_some_and(|t| t.lower == *w)
            });
            back_ok && front_ok
        };
        let mut found: Option<&Form> = None;
        for f in forms {
            if found.is_none_or(|b| particles(f) > particles(b)) && there(f) {
                found = Some(f);
            }
        }
        let form = found?;
        // A statement verb ("said", "told", "announced": own code in root
        // 01) reaches into the clause it reports, whose own verb is coded
        // on its own; its patterns would code that clause's objects
        // ("said the US will seek new sanctions" is not the speaker's 163).
        let statement = |c: &DictCode| matches!(c, DictCode::Forward(c) | DictCode::Mutual(c) if c.starts_with("01"));
        // "according to" is a preposition.
        let according =
            tokens[at].lower == "according" && tokens.get(at + 1).is_some_and(|t| t.lower == "to");
        if statement(&form.code) || according {
            return None;
        }
        let verb_end = at + 1 + form.back.len();
        // The window also ends at an infinitive of another verb ("continued
        // to provide aid": the aid belongs to "provide").
        let infinitive = |k: usize| {
            tokens[k].lower == "to"
                && tokens
                    .get(k + 1)
                    .is_some_and(|t| self.forms.contains_key(t.lower.as_str()))
        };
        let window_end = (verb_end..tokens.len().min(verb_end + WINDOW))
            .find(|&k| STOPS.contains(&tokens[k].lower.as_str()) || infinitive(k))
            .unwrap_or(tokens.len().min(verb_end + WINDOW));
        let subject_start = {
            let from = at.saturating_sub(form.front.len());
            let mut k = from;
            while k > 0
                && from - k < SUBJECT_WINDOW
                && !STOPS.contains(&tokens[k - 1].lower.as_str())
            {
                k -= 1;
            }
            k
        };
        let subject_end = at.saturating_sub(form.front.len());
        let subject_pairs = window_pairs(&tokens[subject_start..subject_end]);
        let object_pairs = window_pairs(&tokens[verb_end..window_end]);
        let mut best: Option<DictMatch> = None;
        for p in self.patterns_of(form.block) {
            // A pattern whose words are missing from the windows cannot match.
            if !p.needs.met_by(&subject_pairs, &object_pairs) {
                continue;
            }
            let subject_ok = p.subject.iter().all(|s| {
                may_match(s, &subject_pairs)
                    && phrase_from(s, tokens, subject_start, subject_end).is_some()
            });
            if !subject_ok {
                continue;
            }
            let mut pos = verb_end;
            let mut last = verb_end - 1;
            let mut target = None;
            let mut ok = true;
            for e in &p.object {
                let found = match e {
                    Element::Phrase(slots) => may_match(slots, &object_pairs)
                        .then(|| phrase_from(slots, tokens, pos, window_end))
                        .flatten()
                        .map(|(_, e)| e),
                    Element::Prep(_, slots) if !may_match(slots, &object_pairs) => None,
                    Element::Prep(prep, slots) => (pos..window_end)
                        .filter(|&k| tokens[k].lower == *prep)
                        .find_map(|k| {
                            if slots.is_empty() {
                                return Some(k + 1);
                            }
                            let end = window_end.min(k + 6);
                            phrase_from(slots, tokens, k + 1, end).map(|(_, e)| e)
                        }),
                    Element::Target => phrases
                        .iter()
                        .enumerate()
                        .find(|(_, ph)| {
                            ph.start >= pos && ph.start < window_end && !ph.actors.is_empty()
                        })
                        .map(|(i, ph)| {
                            target = Some(i);
                            ph.end
                        }),
                };
                match found {
                    Some(e) => {
                        pos = e;
                        last = last.max(e - 1);
                    }
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok {
                continue;
            }
            // The patterns come in the order they are preferred in (the
            // most elements, then the earliest line): the first that
            // matches is the best, and the others are not tried.
            best = Some(DictMatch {
                code: p.code,
                head: at,
                last,
                target,
                weight: p.weight,
                block: self.names[form.block as usize],
            });
            break;
        }
        match best {
            Some(m) => Some(m),
            None if form.code != DictCode::Null => Some(DictMatch {
                code: form.code,
                head: at,
                last: verb_end - 1,
                target: None,
                weight: 0,
                block: self.names[form.block as usize],
            }),
            None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::Lower;
    use model::Span;

    #[test]
    fn pattern_words_match_their_regular_plurals_both_ways() {
        for (lower, w) in [
            ("talks", "talk"),
            ("talk", "talks"),
            ("taxes", "tax"),
            ("sanctions", "sanction"),
            ("parties", "party"),
            ("party", "parties"),
            ("ies", "y"),
        ] {
            assert!(word_is(lower, w), "{lower} {w}");
        }
        for (lower, w) in [
            ("talked", "talk"),
            ("stalk", "talk"),
            ("aid", "aide"),
            ("x", "y"),
        ] {
            assert!(!word_is(lower, w), "{lower} {w}");
        }
    }

    #[test]
    fn the_window_filter_passes_every_word_a_token_matches() {
        // The window filter only skips work: a pattern word that
        // `word_is` matches at a token always passes it.
        for (lower, w) in [
            ("talks", "talk"),
            ("party", "parties"),
            ("a", "as"),
            ("a", "aes"),
            ("y", "ies"),
            ("o", "oes"),
            ("ky", "kies"),
            ("kies", "ky"),
            ("kies", "kie"),
        ] {
            assert!(word_is(lower, w), "{lower} {w}");
            let token = Token {
                span: Span::new(0, lower.len()),
                text: lower,
                lower: lower.into(),
            };
            let slot = Alternatives::new(vec![vec![w]]);
            assert!(slot.may_start_in(&window_pairs(&[token])), "{lower} {w}");
        }
        let far = Token {
            span: Span::new(0, 4),
            text: "army",
            lower: "army".into(),
        };
        let slot = Alternatives::new(vec![vec!["houses"]]);
        assert!(!slot.may_start_in(&window_pairs(&[far])));
    }

    #[test]
    fn the_slot_index_finds_what_a_scan_of_every_alternative_finds() {
        // `Alternatives::at` only skips work: at every token, the first
        // alternative that matches is the one a scan of all would find.
        let d = VerbDictionary::builtin();
        let mut slots: Vec<&Slot> = Vec::new();
        let blocks = 0..d.names.len() as u32;
        for p in blocks.flat_map(|b| d.patterns_of(b)) {
            for s in p.subject.iter().flatten() {
                slots.push(s);
            }
            for e in p.object.iter() {
                if let Element::Phrase(ss) | Element::Prep(_, ss) = e {
                    slots.extend(ss.iter());
                }
            }
        }
        // Each set once (literal words are slots of one alternative).
        slots.sort_by_key(|s| Arc::as_ptr(s));
        slots.dedup_by_key(|s| Arc::as_ptr(s));
        let mut words: Vec<String> = vec!["ky".into(), "kies".into(), "y".into(), "ies".into()];
        for s in &slots {
            for w in s.alts.iter().flatten() {
                words.push(w.to_string());
                words.push(format!("{w}s"));
                words.push(format!("{w}es"));
                if let Some(stem) = w.strip_suffix('y') {
                    words.push(format!("{stem}ies"));
                }
                for cut in 1..=3 {
                    if let Some(shorter) = w.get(..w.len().saturating_sub(cut)) {
                        words.push(shorter.to_string());
                    }
                }
            }
        }
        words.sort();
        words.dedup();
        let tokens: Vec<Token> = words
            .iter()
            .map(|w| Token {
                span: Span::new(0, w.len()),
                text: w,
                lower: Lower::from(w.clone()),
            })
            .collect();
        for s in slots.iter().filter(|s| s.alts.len() > 1) {
            for k in 0..tokens.len() {
                let scan = s.alts.iter().find_map(|alt| {
                    let stop = k + alt.len();
                    (stop <= tokens.len()
                        && alt
                            .iter()
                            .zip(&tokens[k..stop])
                            .all(|(w, t)| word_is(&t.lower, w)))
                    .then_some(stop)
                });
                assert_eq!(slot_at(s, &tokens, k, tokens.len()), scan, "{}", words[k]);
            }
        }
    }

    #[test]
    fn shipped_table_parses() {
        let d = VerbDictionary::parse(TABLE).unwrap();
        assert!(d.is_verb("attacked"));
        assert!(d.is_verb("blew"));
    }

    #[test]
    fn patterns_read_when_first_needed_are_those_a_full_parse_reads() {
        let lazy = VerbDictionary::builtin();
        assert!(lazy.patterns.iter().all(|p| p.get().is_none()));
        let full = VerbDictionary::parse(TABLE).unwrap();
        assert!(full.patterns.iter().all(|p| p.get().is_some()));
        assert_eq!(lazy.names, full.names);
        for block in 0..full.names.len() as u32 {
            let (l, f) = (lazy.patterns_of(block), full.patterns_of(block));
            assert_eq!(
                format!("{l:?}"),
                format!("{f:?}"),
                "{}",
                full.names[block as usize]
            );
        }
        assert_eq!(
            full.patterns
                .iter()
                .flat_map(|p| p.get())
                .map(|p| p.len())
                .sum::<usize>(),
            TABLE.lines().filter(|l| l.starts_with("pat\t")).count()
        );
    }

    #[test]
    fn a_pattern_needs_only_pairs_its_own_words_give() {
        let d = VerbDictionary::parse(TABLE).unwrap();
        let token = |w: &'static str| Token {
            span: Span::new(0, w.len()),
            text: w,
            lower: w.into(),
        };
        // The words of each slot's first alternative, as tokens.
        let words = |slots: &[Slot]| -> Vec<Token<'static>> {
            slots
                .iter()
                .flat_map(|s| s.alts.first().into_iter().flatten().map(|w| token(w)))
                .collect()
        };
        let mut checked = 0;
        for block in 0..d.names.len() as u32 {
            for p in d.patterns_of(block) {
                let subject: Vec<Token> = p.subject.iter().flat_map(|s| words(s)).collect();
                let mut object = Vec::new();
                for e in &p.object {
                    match e {
                        Element::Phrase(slots) => object.extend(words(slots)),
                        Element::Prep(prep, slots) => {
                            object.push(token(prep));
                            object.extend(words(slots));
                        }
                        Element::Target => {}
                    }
                }
                let (before, after) = (window_pairs(&subject), window_pairs(&object));
                assert!(p.needs.met_by(&before, &after), "line {}", p.line);
                // Words it names missing, it is turned down.
                if p.needs.pairs.len() > p.needs.subject {
                    assert!(!p.needs.met_by(&before, &Pairs::EMPTY), "line {}", p.line);
                }
                if p.needs.subject > 0 {
                    assert!(!p.needs.met_by(&Pairs::EMPTY, &after), "line {}", p.line);
                }
                checked += 1;
            }
        }
        assert_eq!(
            checked,
            TABLE.lines().filter(|l| l.starts_with("pat\t")).count()
        );
    }

    #[test]
    fn a_block_s_patterns_come_in_the_order_they_are_preferred_in() {
        // `match_at` takes the first that matches: the most elements, then
        // the earliest line.
        let d = VerbDictionary::parse(TABLE).unwrap();
        for block in 0..d.names.len() as u32 {
            let ps = d.patterns_of(block);
            assert!(
                ps.windows(2).all(|w| w[0].weight > w[1].weight
                    || (w[0].weight == w[1].weight && w[0].line < w[1].line)),
                "{}",
                d.names[block as usize]
            );
        }
    }

    fn matched(s: &str, verb: &str) -> Option<DictMatch> {
        let d = VerbDictionary::builtin();
        let toks = crate::tokens::tokenize(s, Span::new(0, s.len()));
        let at = toks.iter().position(|t| t.lower == verb)?;
        d.match_at(&toks, &[], at)
    }

    #[test]
    fn the_most_specific_pattern_wins() {
        let m = matched(
            "The rebels destroyed several houses in the village",
            "destroyed",
        )
        .unwrap();
        assert_eq!(m.code, DictCode::Forward("1712"));
        let m = matched("The army destroyed the bridge", "destroyed").unwrap();
        assert_eq!(m.code, DictCode::Forward("190"));
        let m = matched("She beat him in the election", "beat").unwrap();
        assert_eq!(m.code, DictCode::Null);
    }
}
