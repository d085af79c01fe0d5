//! Verb and noun lemmas: irregular forms from two data files
//! (`data/irregular_verbs.txt`, `data/irregular_nouns.txt`), looked up in
//! hash maps, and suffix rules for the rest.
//!
//! Suffix stripping is ambiguous ("used" → "us"/"use"), so [`candidates`]
//! lists every plausible lemma and the caller keeps the first one its own
//! word list knows.

use crate::parse::{self, ParseError};
use foldhash::{HashMap, HashSet};
use std::sync::OnceLock;

const VERBS_FILE: &str = "irregular_verbs.txt";
const NOUNS_FILE: &str = "irregular_nouns.txt";
const VERBS: &str = include_str!("data/irregular_verbs.txt");
const NOUNS: &str = include_str!("data/irregular_nouns.txt");

/// The irregular forms, indexed by form.
#[derive(Debug, Default)]
pub struct Irregulars {
    /// Verb form → lemma.
    verbs: HashMap<String, String>,
    /// Past participles among the verb forms.
    participles: HashSet<String>,
    /// Noun plural → singular.
    nouns: HashMap<String, String>,
    /// Noun singular → plural.
    plurals: HashMap<String, String>,
    /// Verb lemma → its past-tense forms, then its past participles.
    paradigms: HashMap<String, (Vec<String>, Vec<String>)>,
    /// Any irregular form → its lemma, a verb's before a noun's: what
    /// [`irregular`] asks of most tokens, in one lookup rather than two.
    forms: HashMap<String, String>,
    /// The shapes of the words in `forms`: most words asked about are no
    /// irregular form, and their shape rules them out without hashing them.
    shapes: Shapes,
}

/// A set of word shapes (a word's length up to 15 and the low five bits of
/// its first and last bytes): a test that rules most words out of a word
/// table in a few instructions, before the table is hashed into. A word
/// whose shape is in the set may still be absent from the table.
#[derive(Debug, Clone)]
pub struct Shapes(Box<[u64; SHAPE_WORDS]>);

/// 16 lengths × 32 first bytes × 32 last bytes, a bit each, in words: an
/// array of its own length, so that no shape's index is checked.
const SHAPE_WORDS: usize = 16 * 32 * 32 / 64;

impl Default for Shapes {
    fn default() -> Self {
        Shapes(Box::new([0; SHAPE_WORDS]))
    }
}

impl Shapes {
    // `of` and `may_contain` are inlined into other crates (the event
    // coder asks them at most tokens, several times each): a call cost as
    // much as the test itself.
    #[inline]
    fn of(word: &str) -> usize {
        let b = word.as_bytes();
        let ends = |c: Option<&u8>| usize::from(c.copied().unwrap_or(0) & 31);
        (b.len().min(15) << 10) | (ends(b.first()) << 5) | ends(b.last())
    }

    /// Adds `word`'s shape.
    pub fn insert(&mut self, word: &str) {
        let at = Self::of(word);
        self.0[at / 64] |= 1 << (at % 64);
    }

    /// Whether a word of `word`'s shape was added: false means `word` is
    /// none of the words added.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        let at = Self::of(word);
        self.0[at / 64] & (1 << (at % 64)) != 0
    }
}

impl<'w> FromIterator<&'w str> for Shapes {
    /// The shapes of the words.
    fn from_iter<I: IntoIterator<Item = &'w str>>(words: I) -> Self {
        let mut shapes = Shapes::default();
        for w in words {
            shapes.insert(w);
        }
        shapes
    }
}

impl Irregulars {
    /// Reads the two tables (verbs: `lemma | past | participle | other`;
    /// nouns: `singular | plural`).
    pub fn parse(verbs: &str, nouns: &str) -> Result<Self, ParseError> {
        let mut out = Irregulars::default();
        for line in parse::lines(verbs) {
            let cols: Vec<&str> = line.text.split('|').map(str::trim).collect();
            if cols.len() != 4 || cols[0].contains(' ') || cols[0].is_empty() {
                return Err(line.error(
                    VERBS_FILE,
                    "expected `lemma | past | participle | other forms`",
                ));
            }
            let lemma = cols[0];
            let forms_of = |col: usize| cols[col].split_whitespace().map(String::from).collect();
            out.paradigms
                .insert(lemma.to_string(), (forms_of(1), forms_of(2)));
            for (col, forms) in cols.iter().enumerate().skip(1) {
                for form in forms.split_whitespace() {
                    insert(&mut out.verbs, form, lemma)
                        .map_err(|reason| line.error(VERBS_FILE, reason))?;
                    if col == 2 {
                        out.participles.insert(form.to_string());
                    }
                }
            }
        }
        for line in parse::lines(nouns) {
            let cols: Vec<&str> = line.text.split('|').map(str::trim).collect();
            if cols.len() != 2 || cols.iter().any(|c| c.is_empty() || c.contains(' ')) {
                return Err(line.error(NOUNS_FILE, "expected `singular | plural`"));
            }
            insert(&mut out.nouns, cols[1], cols[0])
                .and_then(|()| insert(&mut out.plurals, cols[0], cols[1]))
                .map_err(|reason| line.error(NOUNS_FILE, reason))?;
        }
        out.forms = out.nouns.clone();
        out.forms
            .extend(out.verbs.iter().map(|(f, l)| (f.clone(), l.clone())));
        for form in out.forms.keys() {
            out.shapes.insert(form);
        }
        Ok(out)
    }

    /// The lemma of an irregular verb form, else of an irregular noun
    /// plural. Inlined, with [`irregular`], into the event coder, which
    /// asks it of most tokens several times: the call's own entry and exit
    /// were a third of a word that the shape rules out.
    #[inline]
    pub fn form(&self, lower: &str) -> Option<&str> {
        if !self.shapes.may_contain(lower) {
            return None;
        }
        self.forms.get(lower).map(String::as_str)
    }

    /// The lemma of an irregular verb form ("went" → "go").
    pub fn verb(&self, lower: &str) -> Option<&str> {
        self.verbs.get(lower).map(String::as_str)
    }

    /// The singular of an irregular noun plural ("children" → "child").
    pub fn noun(&self, lower: &str) -> Option<&str> {
        self.nouns.get(lower).map(String::as_str)
    }

    /// The past-tense forms of an irregular verb ("go" → ["went"]).
    pub fn past_of(&self, lemma: &str) -> Option<&[String]> {
        self.paradigms.get(lemma).map(|(past, _)| past.as_slice())
    }

    /// The past participles of an irregular verb ("go" → ["gone"]).
    pub fn participle_of(&self, lemma: &str) -> Option<&[String]> {
        self.paradigms.get(lemma).map(|(_, part)| part.as_slice())
    }

    /// The plural of a noun with an irregular one ("child" → "children").
    pub fn plural_of(&self, singular: &str) -> Option<&str> {
        self.plurals.get(singular).map(String::as_str)
    }

    /// Whether `lower` is an irregular past participle ("given", "said").
    pub fn is_participle(&self, lower: &str) -> bool {
        self.participles.contains(lower)
    }
}

/// Maps `form` to `lemma`; a form may belong to one lemma only.
fn insert(map: &mut HashMap<String, String>, form: &str, lemma: &str) -> Result<(), String> {
    match map.get(form) {
        Some(other) if other != lemma => Err(format!(
            "\"{form}\" is already a form of \"{other}\", not of \"{lemma}\""
        )),
        _ => {
            map.insert(form.to_string(), lemma.to_string());
            Ok(())
        }
    }
}

/// The shipped irregular forms, read once. The files are ours and a test
/// keeps them readable, so a failure here is a build defect, not bad input.
pub fn irregulars() -> &'static Irregulars {
    static TABLE: OnceLock<Irregulars> = OnceLock::new();
    TABLE.get_or_init(|| {
        Irregulars::parse(VERBS, NOUNS).unwrap_or_else(|e| panic!("embedded word list: {e}"))
    })
}

/// The lemma of an irregular form of a verb or a noun ("met" → "meet",
/// "children" → "child"), if `lower` is one.
#[inline]
pub fn irregular(lower: &str) -> Option<&'static str> {
    irregulars().form(lower)
}

/// The longest lemma candidate [`each_candidate`] writes on the stack.
const SHORT_WORD: usize = 32;

/// Plausible lemmas of the lowercase word `lower`, most literal first
/// (the word itself, then irregular and suffix-stripped forms).
pub fn candidates(lower: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // An irregular lemma is kept even when it is the word itself.
    let lemma = irregular(lower);
    out.push(lower.to_string());
    offer_other_candidates(lower, lemma, |c| {
        if lemma.is_some() || !out.iter().any(|o| o == c) {
            out.push(c.to_string());
        }
        false
    });
    out
}

/// Offers each of [`candidates`] to `take` in order, without building the
/// list (a form may come twice), until `take` returns true; returns
/// whether it did. The event coder asks this of most tokens.
pub fn each_candidate(lower: &str, mut take: impl FnMut(&str) -> bool) -> bool {
    take(lower) || offer_other_candidates(lower, irregular(lower), take)
}

/// The candidates after `lower` itself, given its [`irregular`] lemma,
/// which [`candidates`] has looked up already: the event coder asks for
/// the candidates of most tokens, and a second lookup was a third of
/// their cost.
fn offer_other_candidates(
    lower: &str,
    irregular: Option<&str>,
    mut take: impl FnMut(&str) -> bool,
) -> bool {
    if let Some(l) = irregular {
        return take(l);
    }
    // A stem and its ending are written into a buffer on the stack (a
    // longer word into a string): this runs for most tokens, several
    // times each, and allocated a string every time.
    let mut short = [0u8; SHORT_WORD];
    let mut long = String::new();
    let mut offer = |stem: &str, end: &str| {
        let n = stem.len() + end.len();
        if n < 2 {
            return false;
        }
        // A bare stem is a slice of `lower` already: nothing to write.
        if end.is_empty() {
            return take(stem);
        }
        if n <= SHORT_WORD {
            short[..stem.len()].copy_from_slice(stem.as_bytes());
            short[stem.len()..n].copy_from_slice(end.as_bytes());
            // A stem cut from `lower` at an ASCII suffix and an ASCII
            // ending are whole characters: this never fails.
            return std::str::from_utf8(&short[..n]).is_ok_and(&mut take);
        }
        long.clear();
        long.push_str(stem);
        long.push_str(end);
        take(&long)
    };
    if let Some(stem) = lower.strip_suffix("ies") {
        if offer(stem, "y") {
            return true;
        }
    }
    if let Some(stem) = lower.strip_suffix("ied") {
        if offer(stem, "y") {
            return true;
        }
    }
    if let Some(stem) = lower.strip_suffix("es") {
        if offer(stem, "") {
            return true;
        }
    }
    if let Some(stem) = lower.strip_suffix('s') {
        if !stem.ends_with('s') && !stem.ends_with('u') && !stem.ends_with('i') && offer(stem, "") {
            return true;
        }
    }
    for suffix in ["ed", "ing"] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            if offer(stem, "") || offer(stem, "e") {
                return true;
            }
            if let Some(undoubled) = undouble(stem) {
                if offer(&undoubled, "") {
                    return true;
                }
            }
        }
    }
    if let Some(stem) = lower.strip_suffix("ment") {
        if offer(stem, "") {
            return true;
        }
    }
    false
}

/// Plausible verb lemmas of the event noun `lower` ("invasion" → "invade",
/// "killings" → "kill", "withdrawal" → "withdraw", "criticism" →
/// "criticize", "seizure" → "seize", "war" → "fight"), most literal first:
/// the noun itself and its singular ("-es" after a sibilant too), then the
/// stems its nominalising suffix leaves, then the verb
/// `modality_words.txt` `[noun-verbs]` lists. The
/// caller keeps the first one its verb list knows, as with [`candidates`].
pub fn verbs_of_noun(lower: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    each_verb_of_noun(lower, |verb| {
        if !out.iter().any(|o| o == verb) {
            out.push(verb.to_string());
        }
        false
    });
    out
}

/// Offers each of [`verbs_of_noun`] to `take` in order, without building
/// the list (a form may come twice), until `take` returns true; returns
/// whether it did.
pub fn each_verb_of_noun(lower: &str, mut take: impl FnMut(&str) -> bool) -> bool {
    let mut offer = |s: &str| s.len() >= 3 && take(s);
    let singular: std::borrow::Cow<'_, str> = if let Some(n) = irregulars().noun(lower) {
        n.into()
    } else if let Some(s) = lower.strip_suffix("ies") {
        format!("{s}y").into()
    } else if let Some(s) = lower
        .strip_suffix('s')
        .filter(|s| !s.ends_with('s') && !s.ends_with('u') && !s.ends_with('i'))
    {
        s.into()
    } else {
        lower.into()
    };
    if offer(lower) || offer(&singular) {
        return true;
    }
    // "clashes" → "clash", "searches" → "search": "-es" after a sibilant.
    let sibilant_plural = lower
        .strip_suffix("es")
        .filter(|s| ["ch", "sh", "ss", "x", "z"].iter().any(|e| s.ends_with(e)));
    if sibilant_plural.is_some_and(&mut offer) {
        return true;
    }
    let n = &*singular;
    // Stem and the endings a verb may take back, per nominalising suffix.
    const RULES: &[(&str, &[&str])] = &[
        ("ation", &["ate", "", "e", "y"]),
        ("ition", &["e", ""]),
        ("ssion", &["ss", "t"]),
        ("sion", &["de", "d", "se"]),
        ("tion", &["t", "te", "e"]),
        ("ion", &["", "e"]),
        ("ment", &[""]),
        ("ings", &["", "e"]),
        ("ing", &["", "e"]),
        ("ance", &["", "e"]),
        ("ence", &["", "e"]),
        ("ure", &["e"]),
        ("ism", &["ize", "ise"]),
        ("ial", &["y"]),
        ("al", &["", "e"]),
    ];
    let mut buf = String::new();
    for (suffix, endings) in RULES {
        if let Some(stem) = n.strip_suffix(suffix) {
            for e in *endings {
                buf.clear();
                buf.push_str(stem);
                buf.push_str(e);
                if offer(&buf) {
                    return true;
                }
            }
            if undouble(stem).is_some_and(|undoubled| offer(&undoubled)) {
                return true;
            }
        }
    }
    // "war" → "fight", "threat" → "threaten": the listed leads. An entry
    // is "noun verb" (one space): the noun is matched as the entry's start,
    // with no split of every entry (`split_once` set up a searcher each
    // time, most of this function's cost).
    crate::modality_words()
        .noun_verbs
        .iter()
        // The first byte first: most entries start otherwise, and a
        // comparison of the whole noun is a call.
        .filter(|e| e.as_bytes().first() == n.as_bytes().first())
        .filter_map(|e| e.strip_prefix(n)?.strip_prefix(' '))
        .any(offer)
}

/// "plann" → "plan": the stem with a doubled final consonant undone.
fn undouble(stem: &str) -> Option<String> {
    let b = stem.as_bytes();
    let n = b.len();
    // Only an ASCII letter can be doubled here: a repeated byte of a
    // multi-byte character is not a consonant, and slicing there would
    // cut the character in two.
    if n >= 3
        && b[n - 1] == b[n - 2]
        && b[n - 1].is_ascii_alphabetic()
        && !b"aeiou".contains(&b[n - 1])
    {
        return Some(stem[..n - 1].to_string());
    }
    None
}

/// Whether `lower` looks like a past participle: a regular "-ed" or "-en"
/// ending ("attacked", "taken") or an irregular verb's participle ("said",
/// "held"). Noun plurals ("countries", "people", "children") and present
/// forms ("says", "has") are not.
pub fn is_past_participle(lower: &str) -> bool {
    let t = irregulars();
    t.is_participle(lower)
        || (t.noun(lower).is_none() && (lower.ends_with("ed") || lower.ends_with("en")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_parse() {
        let t = Irregulars::parse(VERBS, NOUNS).expect("irregular tables");
        assert_eq!(t.verb("went"), Some("go"));
        assert_eq!(t.noun("children"), Some("child"));
        assert_eq!(t.verb("children"), None);
        assert_eq!(t.noun("went"), None);
        // The one lookup that `irregular` makes finds both kinds of form.
        assert_eq!(t.form("went"), Some("go"));
        assert_eq!(t.form("children"), Some("child"));
        assert_eq!(t.form("walked"), None);
        assert_eq!(irregular("met"), Some("meet"));
    }

    #[test]
    fn event_nouns_lead_back_to_their_verbs() {
        for (noun, verb) in [
            ("invasion", "invade"),
            ("killings", "kill"),
            ("withdrawal", "withdraw"),
            ("criticism", "criticize"),
            ("seizure", "seize"),
            ("negotiations", "negotiate"),
            ("condemnation", "condemn"),
            ("interference", "interfere"),
            ("bombing", "bomb"),
            ("denial", "deny"),
            ("extension", "extend"),
            ("talks", "talk"),
            ("clashes", "clash"),
            ("searches", "search"),
            ("war", "fight"),
            ("threats", "threaten"),
        ] {
            assert!(verbs_of_noun(noun).contains(&verb.to_string()), "{noun}");
            // One at a time, in the list's order, stopping at the verb.
            let mut offered: Vec<String> = Vec::new();
            assert!(each_verb_of_noun(noun, |v| {
                if !offered.iter().any(|o| o == v) {
                    offered.push(v.to_string());
                }
                v == verb
            }));
            let all = verbs_of_noun(noun);
            assert_eq!(offered, all[..offered.len()], "{noun}");
        }
    }

    #[test]
    fn lists_regular_and_irregular_lemmas() {
        assert!(candidates("asked").contains(&"ask".to_string()));
        assert!(candidates("criticized").contains(&"criticize".to_string()));
        assert!(candidates("planned").contains(&"plan".to_string()));
        assert!(candidates("accompanies").contains(&"accompany".to_string()));
        assert_eq!(candidates("met")[1], "meet");
        assert_eq!(candidates("countries"), vec!["countries", "country"]);
        // One at a time, stopping at the first one taken.
        let mut offered = Vec::new();
        assert!(each_candidate("planned", |c| {
            offered.push(c.to_string());
            c == "plan"
        }));
        assert_eq!(offered, candidates("planned"));
        assert!(!each_candidate("planned", |_| false));
        assert!(candidates("sanctions").contains(&"sanction".to_string()));
        // A stem past the stack buffer's length is offered as well.
        let long = "pneumonoultramicroscopicsilicovolcanoconiosis";
        assert!(candidates(&format!("{long}es")).contains(&long.to_string()));
    }

    #[test]
    fn participles_are_verb_forms_only() {
        for word in [
            "countries",
            "people",
            "says",
            "children",
            "has",
            "is",
            "went",
        ] {
            assert!(!is_past_participle(word), "{word}");
        }
        for word in ["said", "given", "held", "attacked", "been", "struck"] {
            assert!(is_past_participle(word), "{word}");
        }
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = Irregulars::parse("# x\ngo | went | gone |\nbe | was\n", "").unwrap_err();
        assert_eq!((e.file, e.line), (VERBS_FILE, 3));
        let e = Irregulars::parse("go | went | gone |\nwend | went | |\n", "").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.reason.contains("went"), "{e}");
        let e = Irregulars::parse("", "\nchild children\n").unwrap_err();
        assert_eq!((e.file, e.line), (NOUNS_FILE, 2));
    }

    #[test]
    fn shapes_never_rule_out_a_word_added() {
        let mut shapes = Shapes::default();
        assert!(!shapes.may_contain("went"));
        for w in ["went", "a", "", "internationalisation", "\u{820}ed"] {
            shapes.insert(w);
            assert!(shapes.may_contain(w), "{w:?}");
        }
        // Every irregular form is still found behind its shape.
        let t = irregulars();
        for (form, lemma) in &t.forms {
            assert_eq!(t.form(form), Some(lemma.as_str()), "{form}");
        }
    }

    #[test]
    fn multibyte_words_never_panic() {
        // U+0820 is three bytes whose last two are equal: not a doubled consonant.
        assert_eq!(candidates("\u{820}ed")[0], "\u{820}ed");
        assert_eq!(undouble("\u{820}"), None);
    }
}
