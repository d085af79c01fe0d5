//! Feature extraction for the entity tagger.
//!
//! Features are hashed to `u64` keys: a template number and the strings it
//! combines. Training and tagging share this code, so the model sees the
//! same keys in both. Per token, the *static* features (word, shape,
//! affixes, neighbours, word classes, lexicon hits, document evidence) are
//! computed once per sentence; the *dynamic* ones (previous labels, the
//! labels this word got earlier in the document) at decoding time.

use super::lexicon::{LexiconHit, Lexicons, PersonName};
use compact_str::CompactString;
use foldhash::{HashMap, HashSet};
use std::borrow::Cow;

/// FNV-1a style incremental hasher for feature keys (deterministic, fast).
#[derive(Clone, Copy)]
pub(crate) struct Key(u64);

impl Key {
    /// Starts a key for template `template`.
    pub(crate) const fn new(template: u8) -> Self {
        Key(0xcbf2_9ce4_8422_2325 ^ (template as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// Mixes in a string part (with a separator, so "ab"+"c" ≠ "a"+"bc").
    pub(crate) const fn str(self, s: &str) -> Self {
        // Four bytes a step, then two, then one: the byte loop, unrolled by
        // the compiler only past eight bytes, took about seven instructions
        // a byte of a word's few; each step is now three (the same
        // multiplications in the same order, so the same keys).
        let mut b = s.as_bytes();
        let mut h = self.0;
        while let [a, c, d, e, rest @ ..] = b {
            h = Key::byte(Key::byte(Key::byte(Key::byte(h, *a), *c), *d), *e);
            b = rest;
        }
        if let [a, c, rest @ ..] = b {
            h = Key::byte(Key::byte(h, *a), *c);
            b = rest;
        }
        if let [a] = b {
            h = Key::byte(h, *a);
        }
        Key(Key::byte(h, 0xff))
    }

    /// State `h` with byte `b` mixed in (FNV-1a's step).
    #[inline(always)]
    const fn byte(h: u64, b: u8) -> u64 {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01B3)
    }

    /// Mixes in a small number.
    pub(crate) const fn num(self, n: u32) -> Self {
        let [a, b, c, d] = n.to_le_bytes();
        Key(Key::byte(
            Key::byte(Key::byte(Key::byte(self.0, a), b), c),
            d,
        ))
    }

    /// The finished key (finalised so that near keys spread out).
    pub(crate) fn done(self) -> u64 {
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x
    }
}

/// What a token looks like: its word's [`WordView`], shared by every
/// occurrence of the word in a document, and its own lexicon hit. Its
/// word's fields read through it (`t.lower`, `t.capitalised`).
#[derive(Clone, Copy)]
pub(crate) struct TokenView<'w> {
    /// The token's word.
    view: &'w WordView,
    /// Lexicon hit (country, city, demonym …) with its B/I position.
    pub lexicon: Option<LexiconHit>,
}

impl std::ops::Deref for TokenView<'_> {
    type Target = WordView;

    fn deref(&self) -> &WordView {
        self.view
    }
}

/// What a token's view takes from its word alone, worked out once per
/// distinct word of a document ([`WordViews::add_sentence`]).
///
/// The three strings are inline up to 24 bytes (every shape, most words),
/// so a view costs no allocation for most words.
pub(crate) struct WordView {
    /// The word as written, with curly apostrophes straightened.
    pub word: CompactString,
    /// Lower-cased word ([`lower_key`]).
    pub lower: CompactString,
    /// Word shape with runs collapsed ("Xx", "X.X.", "d-d").
    pub shape: CompactString,
    /// Word classes (coarse, middle, fine), `u16::MAX` when unknown.
    pub classes: [u16; 3],
    /// Whether the word starts with an uppercase letter.
    pub capitalised: bool,
    /// How common the word is as a given name and as a surname.
    pub person: PersonName,
    /// The name-word lists the word is in (title, organisation, media,
    /// place or event head, particle: [`lexicon::NameWords::kinds`]).
    pub kinds: u8,
    /// [`lexicon::NameWords::kinds`] of the word as written, which the
    /// name rules read ([`super::names::fix_document`]): `kinds`, or
    /// [`super::names::ASK`] where the word's lower-case key differs from
    /// it by more than the case (then only the rules that ask about the
    /// word look it up).
    pub name_kinds: u8,
    /// The word's row in the model's word vectors.
    pub vector: Option<u32>,
    /// The word's number in its document (in order of first occurrence;
    /// the same for each occurrence of a word as written).
    pub word_id: u32,
    /// The context keys' states after this word ([`ContextStarts`]).
    context: ContextStarts,
}

/// The states of the [`context_features`] keys that begin with one
/// word's string or class, worked out once per distinct word: a token's
/// keys then hash only the rest (its own word, or the word after it),
/// where each hashed the word before it or its own again per token.
#[derive(Clone, Copy)]
struct ContextStarts {
    /// Key 12 (the word before, the word) after the word before.
    before_lower: Key,
    /// Key 34 (the word before, the word's shape) after the word before.
    before_lower_shape: Key,
    /// Key 14 (three shapes) after the shape of the word before.
    before_shape: Key,
    /// Key 29 (two classes) after the class of the word before.
    before_class: Key,
    /// Key 13 (the word, the word after) after the word.
    lower_after: Key,
    /// Key 33 (the word's shape, the word after) after the shape.
    shape_after: Key,
    /// Key 30 (two classes) after the word's class.
    class_after: Key,
}

impl ContextStarts {
    /// The states after a word of lower-case form `lower`, shape `shape`
    /// and middle class `class`.
    const fn of(lower: &str, shape: &str, class: u16) -> Self {
        ContextStarts {
            before_lower: Key::new(12).str(lower),
            before_lower_shape: Key::new(34).str(lower),
            before_shape: Key::new(14).str(shape),
            before_class: Key::new(29).num(class as u32),
            lower_after: Key::new(13).str(lower),
            shape_after: Key::new(33).str(shape),
            class_after: Key::new(30).num(class as u32),
        }
    }

    /// The states after the start of a sentence, as the word before its
    /// first token (its `after` states are never read).
    const EDGE: ContextStarts = ContextStarts::of("<s>", "<s>", u16::MAX - 1);

    /// A word's before its classes are known ([`look_up`] sets them).
    const UNSET: ContextStarts = ContextStarts::of("", "", u16::MAX);
}

/// A token as its word's number in a document and its lexicon hit: with
/// the document's [`WordView`]s, its [`TokenView`].
#[derive(Clone, Copy)]
pub(crate) struct TokenWord {
    /// The word's number ([`WordView::word_id`]).
    word: u32,
    /// The token's lexicon hit.
    lexicon: Option<LexiconHit>,
}

impl TokenWord {
    /// The token's word number ([`WordView::word_id`]).
    pub(crate) fn word(self) -> usize {
        self.word as usize
    }

    /// The token's view, its word's taken from `words` (the views by word
    /// number); `None` if `words` lacks it.
    pub(crate) fn view(self, words: &[WordView]) -> Option<TokenView<'_>> {
        Some(TokenView {
            view: words.get(self.word as usize)?,
            lexicon: self.lexicon,
        })
    }
}

/// The views of `tokens`, their words' taken from `words` ([`TokenWord::view`]).
pub(crate) fn token_views<'w>(tokens: &[TokenWord], words: &'w [WordView]) -> Vec<TokenView<'w>> {
    // Reserved: a `filter_map` alone would grow the vector again and again.
    let mut views = Vec::with_capacity(tokens.len());
    views.extend(tokens.iter().filter_map(|t| t.view(words)));
    views
}

/// The [`WordView`] of each word seen so far in a document.
#[derive(Default)]
pub(crate) struct WordViews<'w> {
    /// Word as written → its number, the index of its view.
    ids: HashMap<&'w str, u32>,
    /// The views, in order of first occurrence.
    views: Vec<WordView>,
    /// The lexicon hits of the sentence being added, and the buffer of
    /// their keys ([`Lexicons::match_sentence`]), kept for the next.
    hits: Vec<Option<LexiconHit>>,
    key: String,
}

/// Whether a word is ASCII without digits: then its lower-case key
/// ([`lower_key`]) is its plain lower-case form, with no apostrophe to
/// straighten and no digit to normalise.
fn plain_ascii(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii() && !b.is_ascii_digit())
}

impl WordView {
    /// The view of word `w`, numbered `id`, but for what the model's
    /// tables say of it ([`look_up`] adds that).
    fn new(w: &str, id: u32) -> Self {
        let word = if !w.is_ascii() && w.contains('’') {
            CompactString::from(w.replace('’', "'"))
        } else {
            CompactString::from(w)
        };
        let lower = lower_key_compact(&word);
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let nw = lexicon::name_words();
        let kinds = nw.kinds(&lower);
        // An ASCII word without digits is in the lists its lower-case form
        // is in; the lower-case form of any other may differ by more than
        // the case (a curly apostrophe straightened, digits made 0).
        let name_kinds = if plain_ascii(w) {
            kinds
        } else {
            super::names::ASK
        };
        WordView {
            shape: shape(&word),
            classes: [u16::MAX; 3],
            person: PersonName::default(),
            capitalised,
            kinds,
            name_kinds,
            vector: None,
            word,
            lower,
            word_id: id,
            context: ContextStarts::UNSET,
        }
    }
}

/// Adds to new word views what the model's tables say of each word: its
/// classes, its vector's row and, for a capitalised word, its person-name
/// bands. Each table is read for all the words together: a lookup in
/// tables of 400,000 words is a few cache misses, which then overlap.
fn look_up(fresh: &mut [WordView], lex: &Lexicons) {
    if fresh.is_empty() {
        return;
    }
    let lowers: Vec<&str> = fresh.iter().map(|v| v.lower.as_str()).collect();
    let classes = lex.classes_each(&lowers);
    let rows = lex.vectors.rows_each(&lowers);
    // Only capitalised words are read as names: the rest skip the lookup.
    let capitalised: Vec<&str> = fresh
        .iter()
        .filter(|v| v.capitalised)
        .map(|v| v.lower.as_str())
        .collect();
    let mut names = lex.person_names_each(&capitalised).into_iter();
    for ((view, classes), row) in fresh.iter_mut().zip(classes).zip(rows) {
        view.classes = classes;
        view.vector = row;
        view.context = ContextStarts::of(&view.lower, &view.shape, classes[1]);
        if view.capitalised {
            view.person = names.next().unwrap_or_default();
        }
    }
}

/// Document-wide evidence about each lower-cased word, gathered before
/// tagging: how it is written elsewhere in the document. Its keys are
/// `tokenize::lowercase` forms, borrowed from the word views where that is
/// their lower-case key, and its spellings borrowed from the sentences.
#[derive(Default)]
pub(crate) struct DocEvidence<'a> {
    /// Lower-cased word → the capitalised, non-all-caps spelling seen
    /// mid-sentence elsewhere ("BRUSSELS" in a headline → "Brussels").
    pub truecase: HashMap<Cow<'a, str>, &'a str>,
    /// Lower-cased words seen written in lower case in a normal sentence.
    pub seen_lower: HashSet<Cow<'a, str>>,
}

impl<'a> DocEvidence<'a> {
    /// Gathers the evidence from every sentence of a document, each
    /// written in capitals or not as `caps` says ([`all_caps_sentence`]),
    /// its `tokens` sentence after sentence ([`WordViews::add_sentence`])
    /// and their words' `views` by number.
    /// Only a word's first occurrence of each kind is lower-cased and
    /// looked up: a later one finds its lower-case form there already, for
    /// the same word number is the same word as written.
    pub(crate) fn gather(
        sentences: &[Vec<&'a str>],
        caps: &[bool],
        tokens: &[TokenWord],
        views: &'a [WordView],
    ) -> Self {
        const LOWER: u8 = 1;
        const TRUECASE: u8 = 2;
        // At most a key a distinct word in each: reserved, as grown they
        // hashed their keys again at each doubling.
        let mut ev = DocEvidence {
            truecase: HashMap::with_capacity_and_hasher(views.len(), Default::default()),
            seen_lower: HashSet::with_capacity_and_hasher(views.len(), Default::default()),
        };
        // Per word number, the kinds of evidence it has given already.
        let mut given: Vec<u8> = vec![0; views.len()];
        let mut at = 0;
        for (words, caps) in sentences.iter().zip(caps) {
            let from = at;
            at += words.len();
            if *caps {
                continue;
            }
            let tokens = tokens.get(from..at).unwrap_or_default();
            for (i, &w) in words.iter().enumerate() {
                let Some(id) = tokens.get(i).map(|t| t.word as usize) else {
                    continue;
                };
                // Whether this word as written gave `kind` already, noting
                // that it now has.
                let mut again = |kind: u8| {
                    let Some(given) = given.get_mut(id) else {
                        return false;
                    };
                    let had = *given & kind != 0;
                    *given |= kind;
                    had
                };
                // The word's `tokenize::lowercase` form: its view's lower
                // form where that is the same string (no allocation), made
                // otherwise (a digit or ’ makes the view's differ).
                let lower = || match views.get(id) {
                    Some(v) if plain_ascii(w) => Cow::Borrowed(v.lower.as_str()),
                    _ => Cow::Owned(String::from(crate::tokenize::lowercase(w))),
                };
                let first = w.chars().next();
                if first.is_some_and(char::is_lowercase) {
                    if again(LOWER) {
                        continue;
                    }
                    // A form there already stays (one hash, not two).
                    ev.seen_lower.insert(lower());
                } else if i > 0
                    && first.is_some_and(char::is_uppercase)
                    && w.chars().any(char::is_lowercase)
                {
                    if again(TRUECASE) {
                        continue;
                    }
                    // The first spelling of a form stays.
                    ev.truecase.entry(lower()).or_insert(w);
                }
            }
        }
        ev
    }
}

/// Whether a sentence is written in capitals (a headline or a dateline).
pub(crate) fn all_caps_sentence(words: &[&str]) -> bool {
    let mut letters = 0;
    let mut upper_words = 0;
    for w in words {
        if w.chars().any(char::is_alphabetic) {
            letters += 1;
            if !w.chars().any(char::is_lowercase) {
                upper_words += 1;
            }
        }
    }
    letters >= 2 && upper_words * 10 >= letters * 8
}

/// The word shape: X for uppercase, x lowercase, d digit, other chars as
/// themselves, runs of the same class collapsed, at most 6 symbols.
pub(crate) fn shape(word: &str) -> CompactString {
    let mut out = CompactString::default();
    let mut last = '\0';
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s != last {
            out.push(s);
            last = s;
            if out.len() >= 6 {
                break;
            }
        }
    }
    out
}

/// Normalises digits so that all numbers of one form share features.
fn digits_normalised(lower: &str) -> String {
    lower
        .chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

/// The key a word is known by in document-level tables: lower-cased,
/// apostrophes straightened, digits normalised.
pub(crate) fn lower_key(word: &str) -> String {
    digits_normalised(&word.replace('’', "'").to_lowercase())
}

/// [`lower_key`] inline: one pass for an ASCII word (most of them, which
/// have no curly apostrophe to straighten).
fn lower_key_compact(word: &str) -> CompactString {
    // Most words are short: mapped byte by byte on the stack and made a
    // string once (collecting characters one at a time cost some 400
    // instructions a word, and the first pass asks this of every
    // capitalised token).
    const SHORT: usize = 24;
    if word.is_ascii() && word.len() <= SHORT {
        let mut bytes = [0u8; SHORT];
        for (b, c) in bytes.iter_mut().zip(word.bytes()) {
            *b = if c.is_ascii_digit() {
                b'0'
            } else {
                c.to_ascii_lowercase()
            };
        }
        let mapped = bytes.get(..word.len()).unwrap_or_default();
        // ASCII mapped to ASCII: never the empty fallback.
        return CompactString::from_utf8(mapped).unwrap_or_default();
    }
    if word.is_ascii() {
        word.chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    '0'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    } else {
        CompactString::from(lower_key(word))
    }
}

/// The labels a first tagging pass gave a document, and per word the
/// entity types it received anywhere in the document (the second pass
/// reads them: "Leeds" tagged ORG in three sentences is ORG in the fourth).
pub(crate) struct FirstPass {
    /// Label ids per sentence and token.
    pub labels: Vec<Vec<u8>>,
    /// Lower-cased capitalised word → label counts per type slot.
    pub by_word: HashMap<String, [u16; 8]>,
}

impl FirstPass {
    /// Collects the per-word counts of a document's first-pass labels:
    /// sentence s's are those of `tokens[starts[s]..starts[s + 1]]`, whose
    /// words' views are `words` ([`TokenWord::view`]).
    pub(crate) fn new(
        words: &[WordView],
        tokens: &[TokenWord],
        starts: &[usize],
        labels: Vec<Vec<u8>>,
    ) -> Self {
        let mut by_word: HashMap<String, [u16; 8]> = HashMap::default();
        for (range, ls) in starts.windows(2).zip(&labels) {
            let sentence = tokens.get(range[0]..range[1]).unwrap_or_default();
            for (t, l) in sentence.iter().zip(ls) {
                // A word's key is its view's lower-case form ([`lower_key`]),
                // made a `String` only at its first occurrence.
                let Some(v) = t.view(words).filter(|v| v.capitalised) else {
                    continue;
                };
                let slot = if *l == 0 {
                    0
                } else {
                    ((l - 1) / 2 + 1) as usize
                };
                let h = match by_word.get_mut(v.lower.as_str()) {
                    Some(h) => h,
                    None => by_word.entry(v.lower.to_string()).or_insert([0; 8]),
                };
                if slot < h.len() {
                    h[slot] = h[slot].saturating_add(1);
                }
            }
        }
        FirstPass { labels, by_word }
    }
}

/// Appends the second-pass features of token `i` of sentence `s`, whose
/// word is `t`: the first pass's labels around it and the types its word
/// got in the document. They are, in this order,
/// [`first_pass_label_features`] of [`first_pass_labels`] and
/// [`first_pass_word_features`].
pub(crate) fn first_pass_features(
    t: &WordView,
    s: usize,
    i: usize,
    first: &FirstPass,
    out: &mut Vec<u64>,
) {
    let at = first_pass_labels(first, s, i);
    first_pass_label_features(at, out);
    first_pass_word_features(t, at[1], first, out);
}

/// The first pass's labels of the token before token `i` of sentence `s`
/// (99 at the sentence's start), of the token and of the one after it (98
/// at the sentence's end).
pub(crate) fn first_pass_labels(first: &FirstPass, s: usize, i: usize) -> [u32; 3] {
    let labels = first.labels.get(s).map(Vec::as_slice).unwrap_or(&[]);
    let at =
        |j: Option<usize>| -> u32 { j.map_or(99, |j| labels.get(j).map_or(98, |l| u32::from(*l))) };
    [at(i.checked_sub(1)), at(Some(i)), at(Some(i + 1))]
}

/// Appends the second-pass features of the first pass's labels `at`
/// ([`first_pass_labels`]) alone.
pub(crate) fn first_pass_label_features(at: [u32; 3], out: &mut Vec<u64>) {
    let [before, own, after] = at;
    out.push(Key::new(50).num(own).done());
    out.push(Key::new(51).num(before).num(own).done());
    out.push(Key::new(52).num(own).num(after).done());
}

/// Appends the second-pass features of the types token `t`'s word got in
/// the document's first pass, with its own first-pass label `own`.
pub(crate) fn first_pass_word_features(
    t: &WordView,
    own: u32,
    first: &FirstPass,
    out: &mut Vec<u64>,
) {
    if t.capitalised {
        if let Some(h) = first.by_word.get(t.lower.as_str()) {
            let mut best = 0;
            for k in 1..h.len() {
                if h[k] > h[best] {
                    best = k;
                }
            }
            out.push(Key::new(53).num(best as u32).done());
            out.push(Key::new(55).num(best as u32).num(own).done());
            for (k, n) in h.iter().enumerate().skip(1) {
                if *n > 0 {
                    out.push(Key::new(54).num(k as u32).done());
                }
            }
        }
    }
}

impl<'w> WordViews<'w> {
    /// Views for a document (or part) of `tokens` tokens: room for the
    /// distinct words of most, reserved at once. Grown as words came, the
    /// map hashed every word again at each doubling (~10 M instructions
    /// on the 122 pages); a long document, of few distinct words for its
    /// length, reserves no more than [`WordViews::RESERVED_MAX`].
    pub(crate) fn with_capacity(tokens: usize) -> Self {
        let words = (tokens / 2).min(Self::RESERVED_MAX);
        WordViews {
            ids: HashMap::with_capacity_and_hasher(words, Default::default()),
            views: Vec::with_capacity(words),
            ..WordViews::default()
        }
    }

    /// The most distinct words [`WordViews::with_capacity`] reserves.
    const RESERVED_MAX: usize = 1 << 14;

    /// Appends a sentence's tokens to `out`, numbering each new word and
    /// working out its [`WordView`] once: most words of a document occur
    /// more than once, and a token's view is its word's (by number) with
    /// the token's own lexicon hit.
    pub(crate) fn add_sentence(
        &mut self,
        words: &[&'w str],
        lex: &Lexicons,
        out: &mut Vec<TokenWord>,
    ) {
        let WordViews {
            ids,
            views,
            hits,
            key,
        } = self;
        hits.clear();
        lex.match_sentence(words, key, hits);
        let known = views.len();
        out.extend(words.iter().zip(hits.iter()).map(|(w, &lexicon)| {
            let next = views.len() as u32;
            let word = *ids.entry(*w).or_insert_with(|| {
                views.push(WordView::new(w, next));
                next
            });
            TokenWord { word, lexicon }
        }));
        look_up(&mut views[known..], lex);
    }

    /// The views by word number, for [`TokenWord::view`].
    pub(crate) fn into_views(self) -> Vec<WordView> {
        self.views
    }
}

/// A sentence's word views and its tokens ([`token_views`] of them are
/// its tokens' views).
#[cfg(test)]
pub(crate) fn sentence_words(words: &[&str], lex: &Lexicons) -> (Vec<WordView>, Vec<TokenWord>) {
    let mut cache = WordViews::with_capacity(words.len());
    let mut tokens = Vec::new();
    cache.add_sentence(words, lex, &mut tokens);
    (cache.into_views(), tokens)
}

/// Appends the static feature keys that depend on token `t`'s word alone
/// (and on the document's evidence about it), the same at each of the
/// word's occurrences in a document: a tagger sums their weights once per
/// distinct word.
pub(crate) fn word_features(t: &TokenView, doc: &DocEvidence, out: &mut Vec<u64>) {
    out.push(Key::new(0).done());
    out.push(Key::new(1).str(&t.word).done());
    out.push(Key::new(2).str(&t.lower).done());
    out.push(Key::new(3).str(&t.shape).done());
    // Prefixes and suffixes of 1–4 characters, sliced without allocating:
    // where the first five characters start, and the last four.
    let lower = t.lower.as_str();
    let chars = lower.chars().count();
    let mut first = [0usize; 5];
    for (slot, (b, _)) in first.iter_mut().zip(lower.char_indices()) {
        *slot = b;
    }
    let mut last = [0usize; 4];
    for (slot, (b, _)) in last.iter_mut().zip(lower.char_indices().rev()) {
        *slot = b;
    }
    for n in 1..=4.min(chars) {
        let prefix = if n < chars { &lower[..first[n]] } else { lower };
        let suffix = &lower[last[n - 1]..];
        out.push(Key::new(4).num(n as u32).str(prefix).done());
        out.push(Key::new(5).num(n as u32).str(suffix).done());
    }
    // Word classes.
    for (level, c) in t.classes.iter().enumerate() {
        out.push(Key::new(15).num(level as u32).num(u32::from(*c)).done());
    }
    out.push(
        Key::new(18)
            .num(u32::from(t.classes[1]))
            .str(&t.shape)
            .done(),
    );
    out.push(
        Key::new(31)
            .num(u32::from(t.classes[2]))
            .num(u32::from(t.capitalised))
            .done(),
    );
    // Parts of hyphenated words ("Bosnian-Serb", "Tokyo-based").
    if t.lower.contains('-') {
        for part in t.lower.split('-').filter(|p| !p.is_empty()) {
            out.push(Key::new(32).str(part).done());
        }
    }
    // The word's own person-name bands and name-word lists (its
    // neighbours' are context: [`context_features`]).
    if t.capitalised && (t.person.first > 0 || t.person.last > 0) {
        out.push(
            Key::new(80)
                .num(0)
                .num(u32::from(t.person.first))
                .num(u32::from(t.person.last))
                .done(),
        );
    }
    if t.kinds != 0 {
        out.push(
            Key::new(90)
                .num(0)
                .num(u32::from(t.kinds))
                .num(u32::from(t.capitalised))
                .done(),
        );
    }
    // Document evidence: whether the word is written in lower case or
    // capitalised elsewhere.
    if t.capitalised {
        let lower_elsewhere = doc.seen_lower.contains(t.lower.as_str());
        let cap_elsewhere = doc.truecase.contains_key(t.lower.as_str());
        out.push(
            Key::new(26)
                .num(u32::from(lower_elsewhere))
                .num(u32::from(cap_elsewhere))
                .done(),
        );
    }
}

/// The places, relative to a token, of the neighbours whose words give
/// it features of their own ([`neighbour_features`]).
pub(crate) const NEIGHBOURS: [isize; 4] = [-1, 1, -2, 2];

/// Appends the static feature keys that neighbour `t`, `k` places from a
/// token ([`NEIGHBOURS`]), gives it by its word alone; `None` past the
/// sentence's edge. The same for each occurrence of the word in that
/// place, so a tagger sums their weights once per distinct word and place.
pub(crate) fn neighbour_features(t: Option<&TokenView>, k: isize, out: &mut Vec<u64>) {
    let edge = if k < 0 { "<s>" } else { "</s>" };
    let lower = t.map_or(edge, |t| &t.lower);
    let classes = t.map_or([u16::MAX - 1; 3], |t| t.classes);
    match k {
        -1 | 1 => {
            let (word, shape) = if k < 0 { (6, 10) } else { (7, 11) };
            out.push(Key::new(word).str(lower).done());
            out.push(Key::new(shape).str(t.map_or(edge, |t| &t.shape)).done());
            // Word classes.
            out.push(Key::new(16).num(k as u32).num(u32::from(classes[1])).done());
            out.push(Key::new(17).num(k as u32).num(u32::from(classes[2])).done());
            // Person-name lists ("Carla Lima").
            if let Some(n) = t.filter(|t| t.capitalised).map(|t| t.person) {
                if n.first > 0 || n.last > 0 {
                    out.push(
                        Key::new(80)
                            .num(k as u32)
                            .num(u32::from(n.first))
                            .num(u32::from(n.last))
                            .done(),
                    );
                }
            }
            // Name-word lists: a title before a word ("Gen. Kassem") or a
            // head word after it ("Prosecution Authority") tells a name's
            // type where the training data never saw the name itself.
            if let Some(t) = t.filter(|t| t.kinds != 0) {
                out.push(
                    Key::new(90)
                        .num(k as u32)
                        .num(u32::from(t.kinds))
                        .num(u32::from(t.capitalised))
                        .done(),
                );
            }
        }
        _ => {
            // Wider context: the word and its class two places away.
            let (word, class) = if k < 0 { (8, 27) } else { (9, 28) };
            out.push(Key::new(word).str(lower).done());
            out.push(Key::new(class).num(u32::from(classes[1])).done());
        }
    }
}

/// Appends the static feature keys of token `i` that depend on its
/// context (pairs of it and a neighbour, the sentence, its position); with
/// [`word_features`] of it and [`neighbour_features`] of the words around
/// it, a token's static features.
pub(crate) fn context_features(
    v: &[TokenView],
    i: usize,
    caps_sentence: bool,
    doc: &DocEvidence,
    out: &mut Vec<u64>,
) {
    let t = &v[i];
    let at = |k: isize| -> Option<&TokenView> {
        let j = i as isize + k;
        if j < 0 {
            None
        } else {
            v.get(j as usize)
        }
    };
    let after = at(1);
    let lower_after = after.map_or("</s>", |t| &t.lower);
    // The keys' states after the word before (or the sentence's start) and
    // after this word, each worked out once per word.
    let before = at(-1).map_or(&ContextStarts::EDGE, |t| &t.context);
    let own = &t.context;

    out.push(before.before_lower.str(&t.lower).done());
    out.push(own.lower_after.str(lower_after).done());
    out.push(
        before
            .before_shape
            .str(&t.shape)
            .str(after.map_or("</s>", |t| &t.shape))
            .done(),
    );
    // Class bigrams.
    out.push(before.before_class.num(u32::from(t.classes[1])).done());
    let class_after = after.map_or(u16::MAX - 1, |t| t.classes[1]);
    out.push(own.class_after.num(u32::from(class_after)).done());
    out.push(own.shape_after.str(lower_after).done());
    out.push(before.before_lower_shape.str(&t.shape).done());
    // Lexicon membership of the token and its neighbours.
    for k in [-1isize, 0, 1] {
        if let Some(hit) = at(k).and_then(|t| t.lexicon) {
            out.push(Key::new(19).num(k as u32).num(hit.code()).done());
        }
    }
    // Sentence position and casing context.
    if i == 0 {
        out.push(Key::new(20).str(&t.shape).done());
    }
    if caps_sentence {
        out.push(Key::new(21).str(&t.lower).done());
        out.push(Key::new(22).done());
    }
    // Document evidence: how the word is written elsewhere.
    if i == 0 || caps_sentence {
        if let Some(tc) = doc.truecase.get(t.lower.as_str()) {
            out.push(Key::new(23).str(tc).done());
            out.push(Key::new(24).str(&shape(tc)).done());
        } else {
            out.push(Key::new(25).done());
        }
    }
}

/// Words that may join capitalised words into one name ("Bank of
/// England", "Douglas & Lomason", "Test and County Cricket Board").
fn joins_names(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "and" | "&" | "de" | "'s" | "for" | "the" | "-"
    )
}

/// The maximal runs of capitalised words in a sentence (joined by
/// connecting words such as "of" and "&"), as `[start, end)` per token:
/// `None` for tokens outside any run.
pub(crate) fn capitalised_runs(v: &[TokenView]) -> Vec<Option<(usize, usize)>> {
    let mut out = vec![None; v.len()];
    let mut i = 0;
    while i < v.len() {
        if !v[i].capitalised {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < v.len() && v[end].capitalised {
                end += 1;
            } else if end + 1 < v.len() && joins_names(&v[end].lower) && v[end + 1].capitalised {
                end += 2;
            } else {
                break;
            }
        }
        for slot in &mut out[start..end] {
            *slot = Some((start, end));
        }
        i = end;
    }
    out
}

/// Appends features of the capitalised run a token belongs to: where in
/// the run it stands, and the run's first and last words (a name's head,
/// "Exchange" or "Open", often tells its type from afar).
pub(crate) fn run_features(v: &[TokenView], i: usize, run: (usize, usize), out: &mut Vec<u64>) {
    let (start, end) = run;
    let len = (end - start).min(5) as u32;
    let position = if end - start == 1 {
        0
    } else if i == start {
        1
    } else if i + 1 == end {
        3
    } else {
        2
    };
    out.push(Key::new(70).num(position).num(len).done());
    let last = &v[end - 1];
    out.push(Key::new(71).num(position).str(&last.lower).done());
    out.push(
        Key::new(73)
            .num(position)
            .num(u32::from(last.classes[1]))
            .done(),
    );
    if i != start {
        out.push(Key::new(72).str(&v[start].lower).done());
    }
    let before = start.checked_sub(1).map_or("<s>", |j| v[j].lower.as_str());
    let after = v.get(end).map_or("</s>", |t| t.lower.as_str());
    out.push(Key::new(74).num(position).str(before).done());
    out.push(Key::new(75).num(position).str(after).done());
    // The run's head word by kind: the last word's list ("… Authority",
    // "… Street", "… Cup"), the list of the word before an "of" inside it
    // ("Ministry of …", "Battle of …"), and a title right before the run.
    out.push(Key::new(91).num(position).num(u32::from(last.kinds)).done());
    if let Some(of) = (start + 1..end).find(|&j| v[j].lower == "of") {
        let head = &v[of - 1];
        out.push(Key::new(92).num(position).num(u32::from(head.kinds)).done());
    }
    let before_kinds = start.checked_sub(1).map_or(0, |j| v[j].kinds);
    if before_kinds != 0 {
        out.push(
            Key::new(93)
                .num(position)
                .num(u32::from(before_kinds))
                .done(),
        );
    }
}

/// Appends the dynamic feature keys of a token: the previous two labels
/// and the entity types the same word received earlier in the document.
/// They are, in this order, [`label_features`], [`word_label_features`]
/// and [`history_features`]: a tagger with fixed weights sums the first
/// two once per (labels) and per (word, label).
pub(crate) fn dynamic_features(
    t: &WordView,
    prev: u8,
    prev2: u8,
    history: Option<&[u16; 8]>,
    out: &mut Vec<u64>,
) {
    label_features(prev, prev2, out);
    word_label_features(t, prev, out);
    history_features(history, out);
}

/// Appends the dynamic feature keys of the previous two labels alone.
pub(crate) fn label_features(prev: u8, prev2: u8, out: &mut Vec<u64>) {
    out.push(Key::new(40).num(u32::from(prev)).done());
    out.push(
        Key::new(41)
            .num(u32::from(prev))
            .num(u32::from(prev2))
            .done(),
    );
}

/// Appends the dynamic feature keys of token `t`'s word with the previous
/// label: the same at each of the word's occurrences after that label.
pub(crate) fn word_label_features(t: &WordView, prev: u8, out: &mut Vec<u64>) {
    out.push(Key::new(42).num(u32::from(prev)).str(&t.lower).done());
    out.push(Key::new(43).num(u32::from(prev)).str(&t.shape).done());
    out.push(
        Key::new(46)
            .num(u32::from(prev))
            .num(u32::from(t.classes[1]))
            .done(),
    );
}

/// Appends the dynamic feature keys of the entity types the token's word
/// received earlier in the document (none without a `history`).
pub(crate) fn history_features(history: Option<&[u16; 8]>, out: &mut Vec<u64>) {
    if let Some(h) = history {
        // The most frequent earlier type (index 0 = outside any entity).
        let mut best = 0;
        for k in 1..h.len() {
            if h[k] > h[best] {
                best = k;
            }
        }
        out.push(Key::new(44).num(best as u32).done());
        for (k, n) in h.iter().enumerate().skip(1) {
            if *n > 0 {
                out.push(Key::new(45).num(k as u32).done());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs_of(sentence: &str) -> Vec<Option<(usize, usize)>> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let (views, tokens) = sentence_words(&words, &Lexicons::default());
        capitalised_runs(&token_views(&tokens, &views))
    }

    #[test]
    fn a_word_view_holds_the_name_lists_of_the_word_as_written() {
        let nw = lexicon::name_words();
        let words = [
            "Dr.",
            "President",
            "Court",
            "van",
            "Times",
            "Cup",
            "said",
            "Sen’s",
            "G7",
            "Straße",
            "AUTHORITY",
        ];
        let (views, tokens) = sentence_words(&words, &Lexicons::default());
        let v = token_views(&tokens, &views);
        for (w, t) in words.iter().zip(&v) {
            if t.name_kinds != super::super::names::ASK {
                assert_eq!(t.name_kinds, nw.kinds(w), "{w:?}");
            }
        }
        // Only words whose lower-case key is more than their case are asked.
        let asked: Vec<&str> = words
            .iter()
            .zip(&v)
            .filter(|(_, t)| t.name_kinds == super::super::names::ASK)
            .map(|(w, _)| *w)
            .collect();
        assert_eq!(asked, ["Sen’s", "G7", "Straße"]);
        assert!(nw.kinds("Dr.") & lexicon::NameWords::TITLE != 0);
    }

    /// FNV-1a byte by byte, as the model's keys were made when it was
    /// trained.
    fn fnv_str(mut h: u64, s: &str) -> u64 {
        for b in s.bytes().chain([0xff]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
        }
        h
    }

    #[test]
    fn evidence_is_keyed_by_each_words_lower_case_form() {
        let sentences = vec![vec![
            "Talks", "in", "Brussels", "and", "brussels", "on", "Covid19", "ended",
        ]];
        let lex = Lexicons::default();
        let mut cache = WordViews::with_capacity(8);
        let mut tokens = Vec::new();
        for words in &sentences {
            cache.add_sentence(words, &lex, &mut tokens);
        }
        let views = cache.into_views();
        let ev = DocEvidence::gather(&sentences, &[false], &tokens, &views);
        // Borrowed from the word views: the same keys as lower-cased.
        assert!(ev.seen_lower.contains("brussels") && ev.seen_lower.contains("in"));
        assert_eq!(ev.truecase.get("brussels"), Some(&"Brussels"));
        // A word with a digit is keyed by its lower-case form, which its
        // view's key ("covid00") is not.
        assert_eq!(ev.truecase.get("covid19"), Some(&"Covid19"));
        assert!(!ev.truecase.contains_key("covid00"));
        // A sentence's first word gives no spelling: it is capitalised there.
        assert!(!ev.truecase.contains_key("talks"));
    }

    #[test]
    fn a_key_mixes_in_a_string_of_any_length_byte_by_byte() {
        let text = "Lagos officials said talks would go on, zürich’s Straße";
        for from in 0..8 {
            for to in (from..=text.len()).filter(|to| text.is_char_boundary(*to)) {
                // `from` is within the leading ASCII, `to` on a boundary.
                let s = &text[from..to];
                let key = Key::new(12).str(s).str(s);
                let plain = fnv_str(fnv_str(Key::new(12).0, s), s);
                assert_eq!(key.0, plain, "{s:?}");
            }
        }
    }

    #[test]
    fn context_keys_are_those_of_the_words_hashed_in_full() {
        let words = [
            "BRUSSELS", "Carla", "Lima", "of", "G7", "said", "Sen’s", ".",
        ];
        let classes = [
            ("carla", [1, 2, 3]),
            ("lima", [4, 5, 6]),
            ("said", [7, 8, 9]),
        ]
        .into_iter()
        .map(|(w, c)| (w.to_string(), c))
        .collect();
        let lex = Lexicons::new(classes, Default::default(), Default::default());
        let (views, tokens) = sentence_words(&words, &lex);
        let v = token_views(&tokens, &views);
        let doc = DocEvidence::default();
        let lower =
            |j: Option<usize>, edge| j.and_then(|j| v.get(j)).map_or(edge, |t| t.lower.as_str());
        let shape =
            |j: Option<usize>, edge| j.and_then(|j| v.get(j)).map_or(edge, |t| t.shape.as_str());
        let class = |j: Option<usize>| {
            j.and_then(|j| v.get(j))
                .map_or(u16::MAX - 1, |t| t.classes[1])
        };
        let key = |template: u8, parts: &[&str]| {
            let h = parts
                .iter()
                .fold(Key::new(template).0, |h, p| fnv_str(h, p));
            Key(h).done()
        };
        for caps in [false, true] {
            for i in 0..v.len() {
                let (before, after) = (i.checked_sub(1), Some(i + 1));
                let (b, a) = ((before, "<s>"), (after, "</s>"));
                let t = &v[i];
                let expected = [
                    key(12, &[lower(b.0, b.1), &t.lower]),
                    key(13, &[&t.lower, lower(a.0, a.1)]),
                    key(14, &[shape(b.0, b.1), &t.shape, shape(a.0, a.1)]),
                    Key::new(29)
                        .num(u32::from(class(before)))
                        .num(u32::from(t.classes[1]))
                        .done(),
                    Key::new(30)
                        .num(u32::from(t.classes[1]))
                        .num(u32::from(class(after)))
                        .done(),
                    key(33, &[&t.shape, lower(a.0, a.1)]),
                    key(34, &[lower(b.0, b.1), &t.shape]),
                ];
                let mut out = Vec::new();
                context_features(&v, i, caps, &doc, &mut out);
                assert_eq!(out[..expected.len()], expected, "{i} {caps}");
            }
        }
        assert_ne!(v[1].classes[1], u16::MAX, "the classes are read");
    }

    #[test]
    fn connecting_words_join_a_name_into_one_run() {
        let runs = runs_of("shares of Douglas & Lomason and the Bank of England rose");
        assert_eq!(runs[0], None);
        assert_eq!(runs[2], Some((2, 5)));
        assert_eq!(runs[4], Some((2, 5)));
        // "and the" between names does not join them: "and" must be followed
        // by a capitalised word.
        assert_eq!(runs[5], None);
        assert_eq!(runs[7], Some((7, 10)));
        assert_eq!(runs[10], None);
    }

    #[test]
    fn a_connecting_word_at_the_edge_stays_outside() {
        let runs = runs_of("Talks of peace");
        assert_eq!(runs, vec![Some((0, 1)), None, None]);
    }

    #[test]
    fn capitalised_words_carry_their_census_name_bands() {
        let words = ["John", "Smith", "said", "john"];
        let names =
            crate::ner::parse_person_names("first\tjohn\t3\nlast\tsmith\t5\nfirst\tsmith\t4000\n");
        let lex = Lexicons::new(Default::default(), Default::default(), names);
        let (views, tokens) = sentence_words(&words, &lex);
        let v = token_views(&tokens, &views);
        assert_eq!(
            v[1].person.first, 3,
            "a rare given name is in the rarest band but one"
        );
        assert!(v[0].person.first > 0);
        assert!(v[1].person.last > 0);
        assert_eq!(v[2].person, PersonName::default());
        // Lower-case words are not read as names.
        assert_eq!(v[3].person, PersonName::default());
    }
}
