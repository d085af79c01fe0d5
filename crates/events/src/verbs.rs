//! The verb-pattern lexicon: which words, in which arrangement, report
//! which CAMEO event. The patterns live in `verbs.txt` (format described at
//! its top), written for this project from the CAMEO code list.

use crate::byte_set::ByteSet;
use crate::lemma;
use crate::phrases::Phrase;
use crate::tokens::Token;
use crate::verb_dictionary::{DictCode, VerbDictionary};
use foldhash::HashMap;

/// The patterns, as shipped.
const BUILTIN: &str = include_str!("verbs.txt");

/// The code of a pattern that names a sense which is no event: where it is
/// the best match, nothing is coded (the CAMEO dictionary's `---`).
const VETO: &str = "---";

/// How many tokens a `~` gap may skip.
const MAX_GAP: usize = 6;

/// The most words a pattern's target phrase may start after ("both the",
/// "the Sen."): an article, "both" and titles, never a phrase of their own.
const MAX_TARGET_SKIP: usize = 4;

/// One element of a pattern after its head.
#[derive(Debug, Clone, PartialEq)]
enum Element {
    /// Any of these words (a trailing '*' makes a prefix).
    Word(Alternatives),
    /// Up to [`MAX_GAP`] tokens.
    Gap,
    /// An actor phrase: the target.
    Target,
    /// Any of these words right before the head ("sanctions imposed on …").
    Before(Alternatives),
}

/// The words one element accepts, as written (a trailing '*' makes a
/// prefix).
#[derive(Debug, Clone, PartialEq)]
struct Alternatives {
    words: Vec<&'static str>,
    /// Whether one of the words is the lemma of an irregular form, which
    /// may start otherwise than the form ("went" → "go").
    irregular: bool,
    /// Whether one of the words is a prefix ("confer*").
    prefix: bool,
    /// The first bytes of the words that are no prefix, as a set of 256
    /// bits, and the length of the shortest of them (`usize::MAX` for
    /// none): a word's lemmas but an irregular one start with its first
    /// byte and are no longer, so most tokens are told they match none
    /// without a look at each word (see [`word_matches`]).
    firsts: ByteSet,
    shortest: usize,
}

impl Alternatives {
    fn new(written: &'static str) -> Self {
        Self::of(written.split('|').collect())
    }

    fn of(words: Vec<&'static str>) -> Self {
        let irregulars = lemma::irregulars();
        let irregular = words
            .iter()
            .any(|w| irregulars.past_of(w).is_some() || irregulars.plural_of(w).is_some());
        let prefix = words.iter().any(|w| w.ends_with('*'));
        let mut firsts = ByteSet::EMPTY;
        let mut shortest = usize::MAX;
        for w in words.iter().filter(|w| !w.ends_with('*')) {
            shortest = shortest.min(w.len());
            if let Some(&b) = w.as_bytes().first() {
                firsts.insert(b);
            }
        }
        Alternatives {
            words,
            irregular,
            prefix,
            firsts,
            shortest,
        }
    }
}

/// One pattern line.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// CAMEO code it gives.
    pub code: &'static str,
    /// Whether it may trigger on a noun after a determiner.
    pub nominal: bool,
    /// Whether the subject is the target and the other actor the source
    /// ("received weapons from X": X gives).
    pub reverse: bool,
    /// Whether the target acts on the source too ("held talks with X").
    pub mutual: bool,
    elements: Vec<Element>,
    /// What the tokens after the head must hold for the pattern to match
    /// there (see [`Needs`]).
    needs: Needs,
    /// Line in `verbs.txt`, for tie-breaking and error messages.
    line: usize,
}

/// What a pattern needs after its head, told from the sentence's tokens
/// and phrases without matching: each word element at a token whose first
/// byte it may take, and a target at a phrase that starts after the head.
/// Most patterns tried at a head fail for a word or a target the rest of
/// the sentence does not have ("talk ~ with +" where no actor follows), and
/// are passed over for the cost of a few bit tests rather than walked
/// through their gaps at every token.
#[derive(Debug, Clone, PartialEq, Default)]
struct Needs {
    /// Per word element that some token must start: the first bytes its
    /// alternatives (prefixes too) may match, as in [`Alternatives::firsts`].
    firsts: Vec<ByteSet>,
    /// Whether an element is the target.
    target: bool,
}

impl Needs {
    fn of(elements: &[Element]) -> Self {
        let mut firsts = Vec::new();
        for e in elements {
            let Element::Word(alts) = e else { continue };
            // An irregular lemma may start otherwise than its form ("went"
            // → "go"), and a bare "*" takes any word: those say nothing.
            let any_prefix = alts.words.contains(&"*");
            if alts.irregular || any_prefix {
                continue;
            }
            let mut set = alts.firsts;
            for w in &alts.words {
                if let Some(&b) = w.strip_suffix('*').and_then(|p| p.as_bytes().first()) {
                    set.insert(b);
                }
            }
            firsts.push(set);
        }
        Needs {
            firsts,
            target: elements.contains(&Element::Target),
        }
    }

    /// Whether the pattern may match after a head followed by tokens whose
    /// first bytes are `after` (an empty token sets every bit) and, if
    /// `phrase_after`, by a phrase.
    fn may_fit(&self, after: &ByteSet, phrase_after: bool) -> bool {
        (phrase_after || !self.target) && self.firsts.iter().all(|need| need.intersects(after))
    }
}

/// A pattern that matched at a head token.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbMatch {
    /// CAMEO code.
    pub code: String,
    /// The head token.
    pub head: usize,
    /// The last token of the pattern's words.
    pub last: usize,
    /// Index (into the sentence's phrases) of the target slot, if the pattern has one.
    pub target: Option<usize>,
    /// Whether the pattern accepts a noun head.
    pub nominal: bool,
    /// Whether source and target swap.
    pub reverse: bool,
    /// Whether the event goes both ways ("held talks with").
    pub mutual: bool,
}

/// A line of the pattern file that could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("verbs.txt line {line}: {reason}")]
pub struct PatternError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// All patterns, indexed by head lemma (words borrowed from `verbs.txt`,
/// which is part of the binary), and the CAMEO verb dictionary.
#[derive(Debug, Clone, Default)]
pub struct VerbLexicon {
    by_head: HashMap<&'static str, Vec<Pattern>>,
    /// The shapes of the heads in `by_head`: most words and lemma
    /// candidates asked for (every token's, several times a sentence) are
    /// told they are no head without being hashed.
    head_shapes: lexicon::lemma::Shapes,
    dictionary: VerbDictionary,
}

impl VerbLexicon {
    /// The built-in patterns (lines that fail to parse are skipped; a test
    /// keeps the file clean).
    pub fn builtin() -> Self {
        let mut lex = Self::parse(BUILTIN).0;
        lex.dictionary = VerbDictionary::builtin();
        lex
    }

    /// Parses pattern text; returns the lexicon and the lines it skipped.
    pub fn parse(text: &'static str) -> (Self, Vec<PatternError>) {
        let mut lex = VerbLexicon::default();
        let mut errors = Vec::new();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            match parse_line(line, n + 1) {
                Ok((heads, pattern)) => {
                    for h in heads {
                        lex.by_head.entry(h).or_default().push(pattern.clone());
                    }
                }
                Err(e) => errors.push(e),
            }
        }
        lex.head_shapes = lex.by_head.keys().copied().collect();
        (lex, errors)
    }

    /// The head `c` and its patterns, if `c` is a head.
    fn patterns_of(&self, c: &str) -> Option<(&'static str, &[Pattern])> {
        if !self.head_shapes.may_contain(c) {
            return None;
        }
        self.by_head
            .get_key_value(c)
            .map(|(k, ps)| (*k, ps.as_slice()))
    }

    /// The lemma of a token that the lexicon knows as a head, if any.
    pub fn head_lemma(&self, lower: &str) -> Option<&'static str> {
        self.head_of(lower).map(|(k, _)| k)
    }

    /// The head a token is a form of, and its patterns: one lookup per
    /// lemma candidate, the patterns kept from it.
    fn head_of(&self, lower: &str) -> Option<(&'static str, &[Pattern])> {
        let mut head = None;
        lemma::each_candidate(lower, |c| {
            head = self.patterns_of(c);
            head.is_some()
        });
        head
    }

    /// Whether `lower` is a verb form: a head of ours or a form the CAMEO
    /// dictionary lists.
    pub fn is_verb(&self, lower: &str) -> bool {
        self.is_head(lower) || self.dictionary.is_verb(lower)
    }

    /// The CAMEO code of the event noun `lower` ("invasion", "arrest",
    /// "talks", "killings"): the verb it names, coded as that verb alone —
    /// our pattern for it with no other words (else the code of one of its
    /// noun patterns, else, for a derived noun, of its pattern whose one
    /// element is the object: "sanctions against"), else, for a derived
    /// noun that is no verb form itself ("expulsion", not "issue" or
    /// "deal"), the CAMEO dictionary's own code for the verb when it is
    /// one of material conflict (15–20). `None` for statements (root 01), for past forms
    /// ("meant") and for what codes no event.
    pub fn noun_code(&self, lower: &str) -> Option<String> {
        let past = lower.ends_with("ed") || lemma::irregular(lower).is_some_and(|l| l != lower);
        if past && lemma::irregulars().noun(lower).is_none() {
            return None;
        }
        let derived = !self.dictionary.is_verb(lower);
        let mut code = None;
        lemma::each_verb_of_noun(lower, |verb| {
            let own = self.patterns_of(verb).and_then(|(_, ps)| {
                ps.iter()
                    .find(|p| p.elements.is_empty() && !p.reverse)
                    .or_else(|| ps.iter().find(|p| p.nominal && !p.reverse))
                    // "sanctioned X" → "sanctions against X", "suspended X"
                    // → "the suspension of X": a verb whose one element is
                    // its object names the same act as a derived noun, the
                    // object after a preposition.
                    .or_else(|| {
                        ps.iter()
                            .filter(|_| derived)
                            .find(|p| p.elements == [Element::Target] && !p.reverse)
                    })
                    .map(|p| p.code.to_string())
            });
            // Nominalisations of material conflict name acts ("expulsion",
            // "occupation"); of the verbal codes they mostly name states
            // ("decision", "determination", "agreement" → 03, 05), so only
            // the former take the dictionary's isolated code.
            // (`derived` asked before the dictionary is: a lookup at every
            // candidate verb of a noun that is a verb form itself.)
            code = own.or_else(|| {
                match derived.then(|| self.dictionary.own_code(verb)).flatten()? {
                    DictCode::Forward(c) | DictCode::Mutual(c)
                        if crate::cameo::quad_class(c) == 4 =>
                    {
                        Some(c.to_string())
                    }
                    _ => None,
                }
            });
            code.is_some()
        });
        let code = code?;
        (code != VETO && crate::cameo::root(&code) != "01").then_some(code)
    }

    /// Whether `lower` is a form of any head.
    pub fn is_head(&self, lower: &str) -> bool {
        lemma::each_candidate(lower, |c| self.patterns_of(c).is_some())
    }

    /// The best pattern with its head at token `at`. Our `verbs.txt`
    /// patterns come first: on both dev sets they beat the dictionary where
    /// both match (news root F1 0.160 vs 0.128, PETRARCH gold 0.740 vs 0.548
    /// with the dictionary first). The CAMEO dictionary codes the verbs ours
    /// do not know when one of its patterns matches. A verb's isolated code
    /// is not used: PETRARCH combines it with the verbs below it on a parse,
    /// and alone it codes "went", "gave", "took", "led" as meetings, aid and
    /// seizures (PolNeAR dev events 830 -> 1,598 with isolated codes on past
    /// forms, 1,151 without, for the same news F1 within one event).
    pub fn match_at(&self, tokens: &[Token], phrases: &[Phrase], at: usize) -> Option<VerbMatch> {
        if let Some(m) = self.own_match_at(tokens, phrases, at) {
            // A `---` pattern names a sense that is no event ("held a
            // rally", "demonstrated that"): it wins over the dictionary too.
            return (m.code != VETO).then_some(m);
        }
        let m = self.dictionary.match_at(tokens, phrases, at)?;
        let (code, reverse, mutual) = match m.code {
            DictCode::Null => return None,
            DictCode::Forward(c) => (c, false, false),
            DictCode::Mutual(c) => (c, false, true),
            DictCode::Back(c) => (c, true, false),
        };
        if m.weight == 0 {
            return None;
        }
        Some(VerbMatch {
            code: code.to_string(),
            head: m.head,
            last: m.last,
            target: m.target,
            nominal: false,
            reverse,
            mutual,
        })
    }

    fn own_match_at(&self, tokens: &[Token], phrases: &[Phrase], at: usize) -> Option<VerbMatch> {
        let (_, patterns) = self.head_of(&tokens.get(at)?.lower)?;
        // The first bytes of the tokens after the head, and whether a
        // phrase starts there: what [`Needs::may_fit`] asks.
        let mut after = ByteSet::EMPTY;
        for t in &tokens[at + 1..] {
            match t.lower.as_bytes().first() {
                Some(&b) => after.insert(b),
                None => after = ByteSet::ALL,
            }
        }
        let phrase_after = phrases.iter().any(|p| p.start > at);
        let mut best: Option<(usize, usize, VerbMatch)> = None;
        for p in patterns {
            if !p.needs.may_fit(&after, phrase_after) {
                continue;
            }
            let is_head = |w: &str| self.is_head(w);
            // A "<word" element tests the token before the head; the
            // others are matched after it (`match_elements` passes over
            // the "<word" ones).
            let fits_before = p.elements.iter().all(|e| match e {
                Element::Before(alts) => at
                    .checked_sub(1)
                    .and_then(|k| tokens.get(k))
                    .is_some_and(|t| word_matches(alts, &t.lower)),
                _ => true,
            });
            let Some((last, target)) = fits_before
                .then(|| match_elements(&p.elements, tokens, phrases, at + 1, at, &is_head))
                .flatten()
            else {
                continue;
            };
            let score = p.elements.iter().filter(|e| **e != Element::Gap).count();
            let better = match &best {
                None => true,
                Some((s, line, _)) => score > *s || (score == *s && p.line < *line),
            };
            if better {
                best = Some((
                    score,
                    p.line,
                    VerbMatch {
                        code: p.code.to_string(),
                        head: at,
                        last,
                        target,
                        nominal: p.nominal,
                        reverse: p.reverse,
                        mutual: p.mutual,
                    },
                ));
            }
        }
        best.map(|(_, _, m)| m)
    }
}

/// The lexicon's word lists a pattern may name as an element with '@'
/// ("@blame-labels"): lists the coder reads elsewhere too, or long enough
/// to be kept as data rather than written into a line.
fn named_list(name: &str) -> Option<&'static [&'static str]> {
    let words = lexicon::modality_words();
    Some(match name {
        "blame-labels" => &words.blame_labels,
        "blame-adjectives" => &words.blame_adjectives,
        "praise-labels" => &words.praise_labels,
        _ => return None,
    })
}

fn parse_line(line: &'static str, n: usize) -> Result<(Vec<&'static str>, Pattern), PatternError> {
    let err = |reason: &str| PatternError {
        line: n,
        reason: reason.to_string(),
    };
    let mut words = line.split_whitespace().peekable();
    let (mut nominal, mut reverse, mut mutual) = (false, false, false);
    while let Some(flag) = words.next_if(|w| matches!(*w, "n" | "r" | "m")) {
        match flag {
            "n" => nominal = true,
            "r" => reverse = true,
            _ => mutual = true,
        }
    }
    let code = words.next().ok_or_else(|| err("no code"))?;
    if code != VETO && !crate::cameo::is_code(code) {
        return Err(err(&format!("{code} is not a CAMEO code")));
    }
    let heads: Vec<&str> = words
        .next()
        .ok_or_else(|| err("no head"))?
        .split('|')
        .collect();
    let elements: Vec<Element> = words
        .map(|w| {
            Ok(match w {
                "~" => Element::Gap,
                "+" => Element::Target,
                _ => match (w.strip_prefix('<'), w.strip_prefix('@')) {
                    (Some(before), _) => Element::Before(Alternatives::new(before)),
                    (_, Some(name)) => Element::Word(Alternatives::of(
                        named_list(name)
                            .ok_or_else(|| err(&format!("no word list {name}")))?
                            .to_vec(),
                    )),
                    _ => Element::Word(Alternatives::new(w)),
                },
            })
        })
        .collect::<Result<_, PatternError>>()?;
    Ok((
        heads,
        Pattern {
            code,
            nominal,
            reverse,
            mutual,
            needs: Needs::of(&elements),
            elements,
            line: n,
        },
    ))
}

/// Matches `elements` from token `at`; returns the last token matched and
/// the target phrase.
fn match_elements(
    elements: &[Element],
    tokens: &[Token],
    phrases: &[Phrase],
    at: usize,
    last: usize,
    is_head: &dyn Fn(&str) -> bool,
) -> Option<(usize, Option<usize>)> {
    let Some((first, rest)) = elements.split_first() else {
        return Some((last, None));
    };
    match first {
        Element::Gap => {
            if at > tokens.len() {
                return None;
            }
            // A gap ends at a sentence end and at an infinitive of
            // another event verb ("promised to provide aid" is "provide"):
            // each wider gap crosses one more token, tested once.
            let ends_gap = |k: usize, t: &Token| {
                (t.lower == "to" && tokens.get(k + 1).is_some_and(|n| is_head(&n.lower)))
                    || matches!(t.text, "." | ";" | "?" | "!")
            };
            for skip in 0..=MAX_GAP {
                if let Some(k) = skip.checked_sub(1).map(|s| at + s) {
                    if tokens.get(k).is_none_or(|t| ends_gap(k, t)) {
                        return None;
                    }
                }
                if let Some(m) = match_elements(rest, tokens, phrases, at + skip, last, is_head) {
                    return Some(m);
                }
            }
            None
        }
        Element::Word(alts) => {
            let t = tokens.get(at)?;
            word_matches(alts, &t.lower).then_some(())?;
            match_elements(rest, tokens, phrases, at + 1, at, is_head)
        }
        Element::Before(_) => match_elements(rest, tokens, phrases, at, last, is_head),
        Element::Target => {
            // The actor phrase may start after what it leaves out: an
            // article or "both" ("lashed out at both Russia and China") and
            // courtesy titles ("spoke highly of Mr. Trump" names "Trump").
            let titles = lexicon::name_words();
            let mut k = at;
            let (i, p) = loop {
                if let Some(found) = phrases.iter().enumerate().find(|(_, p)| p.start == k) {
                    break found;
                }
                let t = tokens.get(k)?;
                let skipped = matches!(t.lower.as_str(), "the" | "a" | "an" | "both")
                    || titles.is_title(t.text);
                if k >= at + MAX_TARGET_SKIP || !skipped {
                    return None;
                }
                k += 1;
            };
            let (l, _) =
                match_elements(rest, tokens, phrases, p.end, last.max(p.end - 1), is_head)?;
            Some((l, Some(i)))
        }
    }
}

fn word_matches(alts: &Alternatives, lower: &str) -> bool {
    // A "prefix*" alternative matches by prefix; any other matches the word
    // or one of its lemmas, each lemma tried against every alternative as
    // it is made (no list of them built).
    let words = &alts.words;
    if alts.prefix
        && words
            .iter()
            .any(|a| a.strip_suffix('*').is_some_and(|p| lower.starts_with(p)))
    {
        return true;
    }
    // A lemma that is no irregular one is cut from the word (see
    // `lemmas_but_irregular_ones_are_cut_from_the_word`): most tokens
    // are told they match no alternative without making their lemmas
    // (this is asked at every token a gap crosses, for every pattern).
    // The sets above tell most tokens first; the words are read only
    // when one of the right first byte may be short enough.
    let may = alts.irregular
        || (alts.shortest <= lower.len()
            && lower
                .as_bytes()
                .first()
                .is_none_or(|&b| alts.firsts.contains(b))
            && words.iter().any(|a| {
                !a.ends_with('*')
                    && a.len() <= lower.len()
                    && a.as_bytes().first() == lower.as_bytes().first()
            }));
    may && lemma::each_candidate(lower, |c| {
        words.iter().any(|a| !a.ends_with('*') && *a == c)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_patterns_all_parse_with_known_codes() {
        let (lex, errors) = VerbLexicon::parse(BUILTIN);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(lex.is_head("criticized"));
        assert!(lex.is_head("asked"));
    }

    #[test]
    fn lemmas_but_irregular_ones_are_cut_from_the_word() {
        // `word_matches` relies on it: a lemma other than an irregular
        // one starts with the word's first byte and is no longer.
        let words = [
            "talks", "studies", "carried", "crises", "buses", "planned", "stopping", "shipment",
            "making", "agreed", "taxes", "hoped", "went", "children", "said", "ties", "es", "ing",
        ];
        for w in words {
            let irregular = lemma::irregular(w);
            for c in lemma::candidates(w) {
                let cut = c.len() <= w.len() && c.as_bytes().first() == w.as_bytes().first();
                assert!(cut || Some(c.as_str()) == irregular, "{w} → {c}");
            }
        }
        let go = Alternatives::new("go|meet");
        assert!(go.irregular && word_matches(&go, "went"));
        let talk = Alternatives::new("talk|confer*");
        assert!(!talk.irregular);
        assert!(word_matches(&talk, "talks") && word_matches(&talk, "conferred"));
        assert!(!word_matches(&talk, "walks") && !word_matches(&talk, "ta"));
    }

    #[test]
    fn needs_pass_over_only_patterns_whose_words_are_missing() {
        // Each pattern may fit after its head when each of its words is
        // written out there (any alternative, a prefix as written), and
        // may not when a word element's alternatives start no token.
        let (lex, _) = VerbLexicon::parse(BUILTIN);
        let mut some_needs = 0;
        for p in lex.by_head.values().flatten() {
            for pick in [0, usize::MAX] {
                let mut after = ByteSet::EMPTY;
                for e in &p.elements {
                    if let Element::Word(alts) = e {
                        let w = alts.words[pick.min(alts.words.len() - 1)];
                        let b = w.as_bytes().first().copied().unwrap_or(b'x');
                        after.insert(b);
                    }
                }
                assert!(p.needs.may_fit(&after, true), "line {}", p.line);
            }
            if !p.needs.firsts.is_empty() {
                some_needs += 1;
                assert!(!p.needs.may_fit(&ByteSet::EMPTY, true), "line {}", p.line);
            }
            if p.needs.target {
                assert!(!p.needs.may_fit(&ByteSet::ALL, false), "line {}", p.line);
            }
        }
        assert!(some_needs > 100, "{some_needs}");
    }

    #[test]
    fn every_cameo_root_has_patterns() {
        let (lex, _) = VerbLexicon::parse(BUILTIN);
        let mut roots: Vec<String> = lex
            .by_head
            .values()
            .flatten()
            .filter(|p| p.code != VETO)
            .map(|p| crate::cameo::root(p.code).to_string())
            .collect();
        roots.sort();
        roots.dedup();
        assert_eq!(roots.len(), 20, "{roots:?}");
    }
}
