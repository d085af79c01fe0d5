//! Claims and their denials within one document: a statement that denies,
//! rejects or disputes a claim ("denied", "rejected the report", "called
//! the claims false", "never heard anything like that") is linked to the
//! claim it answers, and the pair becomes a `contradiction` flag whose
//! spans are the claim and the denial.
//!
//! Runs after `attribution` and the event coder: it reads `nlp`'s tokens and
//! sentences, the quotes (who speaks a denial, who made a claim, through
//! whom), the entities and the events (whether the denier is a party to
//! the claim). The words are `lexicon::denial_words` (`denial_words.txt`).
//!
//! What is a denial is decided by its shape, not by a list of sentences:
//! - a deny verb ("denied", "disputes"), not negated ("did not dispute"),
//!   not a refusal ("denied entry"), not an attributive participle ("the
//!   disputed region");
//! - a reject verb with a claim for object ("rejected the allegations") —
//!   "rejected the offer" is a refusal of a request and does not count;
//! - a falsity word predicated of something ("is untrue", "called it
//!   meritless", "dismissed as false");
//! - "never happened", "never heard anything like that".
//!
//! Where the claim is, by the denial's shape, nearest first:
//! - in the denial's own sentence, before the clause that denies it ("…, a
//!   claim that X disputes", "…, which X denies", "…, although X disputes
//!   this", "A photo … was denied by X") or as its object ("denied
//!   accusations of brutality");
//! - before it, when the denial points back ("these accusations", "both
//!   allegations", "That never happened", "It's nonsense"): the nearest
//!   earlier sentence that names the same kind of claim, or that is a claim
//!   in which the denier is a party (an entity, name or country code of the
//!   denier appears in it; a reported event with the denier as source or
//!   target ranks first);
//! - nearby, when the denial restates the claim ("denied that the exchange
//!   would …"): a sentence sharing its content words in which the denier
//!   is a party.
//!
//! A denial whose claim is not found is left out (the article must state
//! the claim).

use lexicon::DenialWords;
use model::{Analysis, Flag, FlagKind, Modality, Quote, Span, Token, TokenKind};
use std::cell::OnceCell;
use std::collections::HashSet;

/// How far back (in sentences) a denial that points back looks for its claim.
const BACK: usize = 4;
/// How far back a claim noun ("both allegations") looks for the claims it names.
const NOUN_BACK: usize = 8;
/// How far around a restating denial looks for the claim it restates.
const AROUND: usize = 3;
/// How far back (in sentences) a claim that names the denier is looked for.
const NAMED_BACK: usize = 400;
/// At most this many denials are read in one document, so that a hostile
/// text of nothing but denials costs linear time.
const MAX_DENIALS: usize = 500;

/// Adds a `contradiction` flag for every denial linked to the claim it answers.
pub fn annotate(a: &mut Analysis) {
    let flags = find(a);
    a.flags.extend(flags);
}

/// The `contradiction` flags of a document (see the module documentation).
pub fn find(a: &Analysis) -> Vec<Flag> {
    // Most sentences hold no word a denial starts with (a long page may
    // hold none at all): a document without one has no denial, and its
    // forms, sentence lists and indexes were all made for nothing.
    if !may_deny(a) {
        return Vec::new();
    }
    let doc = Doc::new(a);
    let mut out: Vec<Flag> = Vec::new();
    let mut seen: HashSet<(Span, Span)> = HashSet::new();
    for denial in doc.denials() {
        for link in doc.claims_of(&denial) {
            if seen.insert((link.claim, denial.span)) {
                out.push(doc.flag(&denial, &link));
            }
        }
    }
    out
}

/// Whether some token of `a` may start a denial: its form ([`Norm`]) is a
/// deny or reject verb or the first word of a `falsity` or `unknown`
/// sequence, without which `Doc::trigger` finds nothing at any token. The
/// scan stops at the first such word (most articles have a "no" or "not"
/// early) and keeps no form.
fn may_deny(a: &Analysis) -> bool {
    let words = lexicon::denial_words();
    let text = a.text();
    let mut form = String::new();
    a.tokens.iter().any(|t| {
        let word = t.span().slice(text);
        // An ASCII word's form is its ASCII lower case, of the same length
        // and, letter for letter, the same low five bits: the same shape
        // (`lemma::Shapes`), told without lower-casing it. Most words are
        // ruled out here, as they are in `trigger`.
        if word.is_ascii() && !words.may_trigger(word) {
            return false;
        }
        form.clear();
        let w = if model::push_form(word, &mut form) {
            form.as_str()
        } else {
            word
        };
        words.may_trigger(w)
            && (words.deny_verbs.contains(w)
                || words.reject_verbs.contains(w)
                || words.may_start_sequence(w))
    })
}

/// One document's tokens, grouped by sentence.
struct Doc<'a> {
    a: &'a Analysis,
    words: &'static DenialWords,
    /// Lower-case forms with straight apostrophes, one per token.
    norm: Norm,
    /// Token range of each sentence.
    sentences: Vec<(usize, usize)>,
    /// Per sentence: the entities mentioned, the events triggered and the
    /// quotes overlapping it (indices), so that a sentence is read in time
    /// proportional to what it holds.
    sent_entities: BySentence,
    sent_events: BySentence,
    sent_quotes: BySentence,
    /// The entity mentions and the events' actor references by where they
    /// stand, for the parties `add_span` reads off a span; made at its
    /// first call (most documents deny nothing).
    parties: OnceCell<PartySpans>,
}

/// Spans sorted by start, each with what it belongs to, so that the spans
/// overlapping a span are found by a binary search: `add_span` read every
/// entity and every event of the document for each denier and claim, which
/// made a long live blog's 500 denials quadratic (issue 14).
struct SpanIndex {
    /// (span, its owner's number), by start (ties in the order given).
    spans: Vec<(Span, usize)>,
    /// `reach[i]`: the furthest end among `spans[..=i]`, never decreasing,
    /// so that a span ending before a point is passed over even when a
    /// longer one starts before it.
    reach: Vec<usize>,
}

impl SpanIndex {
    fn new(mut spans: Vec<(Span, usize)>) -> Self {
        spans.sort_by_key(|(s, _)| s.start);
        let mut furthest = 0;
        let reach = spans
            .iter()
            .map(|(s, _)| {
                furthest = furthest.max(s.end);
                furthest
            })
            .collect();
        SpanIndex { spans, reach }
    }

    /// The owners of the spans that overlap `span` (`Span::overlaps`), in
    /// the order of the spans' starts; an owner of several is given again.
    fn overlapping(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        // A span overlaps when it starts before `span` ends and ends after
        // `span` starts: every such one lies in `lo..hi`.
        let lo = self.reach.partition_point(|&r| r <= span.start);
        let hi = self.spans.partition_point(|(s, _)| s.start < span.end);
        self.spans[lo..hi.max(lo)]
            .iter()
            .filter(move |(s, _)| s.overlaps(span))
            .map(|&(_, k)| k)
    }
}

/// Where a document's parties are named, for `add_span`.
struct PartySpans {
    /// Entity mentions; the owner is the entity's index.
    mentions: SpanIndex,
    /// Events' sources and targets with a span; the owner is twice the
    /// event's index, plus one for a target.
    references: SpanIndex,
}

impl PartySpans {
    fn new(a: &Analysis) -> Self {
        let mentions = a
            .entities
            .iter()
            .enumerate()
            .flat_map(|(k, e)| e.mentions.iter().map(move |&m| (m, k)))
            .collect();
        let references = a
            .events
            .iter()
            .enumerate()
            .flat_map(|(k, ev)| {
                [(&ev.source, 2 * k), (&ev.target, 2 * k + 1)]
                    .into_iter()
                    .filter_map(|(r, n)| Some((r.as_ref()?.span?, n)))
            })
            .collect();
        PartySpans {
            mentions: SpanIndex::new(mentions),
            references: SpanIndex::new(references),
        }
    }
}

/// A token written as its normal form already: its text is its form.
const AS_WRITTEN: u32 = u32::MAX;

/// The tokens' lower-case forms with straight apostrophes, kept only where
/// they differ from the text: a `Cow` per token took 24 bytes, the largest
/// vector of a long document's last stage (issue 14).
struct Norm {
    /// Per token: [`AS_WRITTEN`] or its index among `ends`.
    at: Vec<u32>,
    /// The forms that differ from the text, one after another.
    forms: String,
    /// Where each form ends in `forms`.
    ends: Vec<usize>,
}

impl Norm {
    fn new(text: &str, tokens: &[Token]) -> Self {
        let mut norm = Norm {
            at: Vec::with_capacity(tokens.len()),
            forms: String::new(),
            ends: Vec::new(),
        };
        for t in tokens {
            let word = t.span().slice(text);
            let k = u32::try_from(norm.ends.len()).unwrap_or(AS_WRITTEN);
            // Past four billion forms (never, under the size limits) a word
            // is read as written.
            let kept = k != AS_WRITTEN && model::push_form(word, &mut norm.forms);
            if kept {
                norm.ends.push(norm.forms.len());
                norm.at.push(k);
            } else {
                norm.at.push(AS_WRITTEN);
            }
        }
        norm
    }

    fn len(&self) -> usize {
        self.at.len()
    }

    /// The form of token `i` (`t` is that token of `text`).
    fn of<'a>(&'a self, i: usize, t: &Token, text: &'a str) -> &'a str {
        match self.at.get(i) {
            None => "",
            Some(&AS_WRITTEN) => t.span().slice(text),
            Some(&k) => {
                let k = k as usize;
                let start = k.checked_sub(1).map_or(0, |p| self.ends[p]);
                &self.forms[start..self.ends[k]]
            }
        }
    }
}

/// Indices listed per sentence, all in one vector (a vector per sentence
/// took 24 bytes a sentence and an allocation per one that lists any).
struct BySentence {
    /// Where each sentence's list ends in `items`.
    ends: Vec<usize>,
    items: Vec<usize>,
}

impl BySentence {
    /// From (sentence, index) pairs; a sentence keeps its indices in the
    /// order given, once each.
    fn new(n: usize, mut pairs: Vec<(usize, usize)>) -> Self {
        pairs.sort_by_key(|&(s, _)| s);
        pairs.dedup();
        let mut ends = Vec::with_capacity(n);
        let mut items = Vec::with_capacity(pairs.len());
        let mut next = pairs.iter().peekable();
        for s in 0..n {
            while let Some(&(_, k)) = next.next_if(|&&(t, _)| t == s) {
                items.push(k);
            }
            ends.push(items.len());
        }
        BySentence { ends, items }
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The indices listed for sentence `s` (none past the last).
    fn of(&self, s: usize) -> &[usize] {
        let Some(&end) = self.ends.get(s) else {
            return &[];
        };
        let start = s.checked_sub(1).map_or(0, |p| self.ends[p]);
        &self.items[start..end]
    }
}

/// What the denial says of the claim it answers.
#[derive(Debug, Clone, PartialEq)]
enum Object {
    /// The claim stands in the denial's sentence, before the denial clause.
    Before,
    /// The claim is the denial's object ("denied accusations of brutality").
    Explicit(Span),
    /// The denial points back ("it", "these accusations", nothing at all):
    /// the claim noun it names, if any, how many claims ("both" is two),
    /// and whether the clause before it in its sentence may be the claim
    /// (not when the noun is the denial's own subject or antecedent, "the
    /// claims are false", "the allegations, which X denies").
    Back(Option<String>, usize, bool),
    /// The denial restates the claim ("denied that …"): its content words.
    Restates(Span),
}

/// A denial found in the text.
#[derive(Debug, Clone)]
struct Denial {
    /// The words that deny, from the denier (or the clause start) to the
    /// clause end.
    span: Span,
    /// Sentence index.
    sentence: usize,
    /// Token index of the first token of the denial clause.
    clause_start: usize,
    /// Who denies.
    denier: Party,
    /// Where its claim is.
    object: Object,
    /// Whether the shape is a falsity word or "never happened" (weaker
    /// evidence than a deny verb: the claim must name the denier).
    weak: bool,
}

/// Who makes a denial or is named in a claim: entity ids, country codes
/// and name words.
#[derive(Debug, Clone, Default)]
struct Party {
    name: String,
    entities: HashSet<String>,
    countries: HashSet<String>,
    names: HashSet<String>,
}

impl Party {
    fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.countries.is_empty() && self.names.is_empty()
    }
}

/// Where a denial stands in its sentence (token indices): the sentence's
/// range, the clause start, the trigger and its length, whether the shape is
/// weak and whether the clause opens with a relative or concessive word.
#[derive(Debug, Clone, Copy)]
struct Site {
    start: usize,
    end: usize,
    cs: usize,
    i: usize,
    len: usize,
    weak: bool,
    opener: bool,
}

/// A claim found for a denial, with why.
struct Link {
    claim: Span,
    quote: Option<usize>,
    reason: &'static str,
}

fn country_of(code: &str) -> Option<String> {
    let c = code.get(..3)?;
    (c.chars().all(|ch| ch.is_ascii_uppercase()) && c != "---").then(|| c.to_string())
}

fn is_clause_punct(t: &str) -> bool {
    matches!(t, "," | ";" | ":" | "--" | "—" | "–" | "(" | ")")
}

impl<'a> Doc<'a> {
    fn new(a: &'a Analysis) -> Self {
        let norm = Norm::new(a.text(), &a.tokens);
        let mut sentences = vec![(0usize, 0usize); a.sentences.len()];
        for (i, t) in a.tokens.iter().enumerate() {
            let s = t.sentence as usize;
            if let Some(r) = sentences.get_mut(s) {
                if r.1 == 0 {
                    *r = (i, i + 1);
                } else {
                    r.1 = i + 1;
                }
            }
        }
        let n = a.sentences.len();
        // Sized to what they will hold (a quote over several sentences
        // adds more): a long page's million pairs, grown by doubling, were
        // copied into fresh pages again and again.
        let mentions = a.entities.iter().map(|e| e.mentions.len()).sum();
        let (mut sent_entities, mut sent_events, mut sent_quotes) = (
            Vec::with_capacity(mentions),
            Vec::with_capacity(a.events.len()),
            Vec::with_capacity(a.quotes.len()),
        );
        let index = |at: usize| {
            let i = a.sentences.partition_point(|s| s.end <= at);
            (i < n && a.sentences[i].start <= at).then_some(i)
        };
        for (k, e) in a.entities.iter().enumerate() {
            for m in &e.mentions {
                if let Some(s) = index(m.start) {
                    sent_entities.push((s, k));
                }
            }
        }
        for (k, e) in a.events.iter().enumerate() {
            if let Some(s) = index(e.trigger.start) {
                sent_events.push((s, k));
            }
        }
        for (k, q) in a.quotes.iter().enumerate() {
            let first = a.sentences.partition_point(|s| s.end <= q.span.start);
            for (s, sent) in a.sentences.iter().enumerate().skip(first) {
                if sent.start >= q.span.end {
                    break;
                }
                sent_quotes.push((s, k));
            }
        }
        Doc {
            a,
            words: lexicon::denial_words(),
            norm,
            sentences,
            sent_entities: BySentence::new(n, sent_entities),
            sent_events: BySentence::new(n, sent_events),
            sent_quotes: BySentence::new(n, sent_quotes),
            parties: OnceCell::new(),
        }
    }

    fn tok(&self, i: usize) -> &Token {
        &self.a.tokens[i]
    }

    fn w(&self, i: usize) -> &str {
        match self.a.tokens.get(i) {
            Some(t) => self.norm.of(i, t, self.a.text()),
            None => "",
        }
    }

    fn is_quote_mark(&self, i: usize) -> bool {
        matches!(
            self.a.tokens.get(i).map(|t| t.kind),
            Some(TokenKind::Quote(_))
        ) || self.w(i) == "''"
            || self.w(i) == "'"
    }

    fn negated_before(&self, i: usize, start: usize) -> bool {
        let neg = &lexicon::modality_words().negations;
        (i.saturating_sub(3).max(start)..i).any(|j| {
            let w = self.w(j);
            neg.contains(&w) || w == "n't" || w == "never" || w == "cannot"
        })
    }

    fn matches_seq(&self, i: usize, end: usize, seq: &[String]) -> bool {
        i + seq.len() <= end && seq.iter().enumerate().all(|(k, w)| self.w(i + k) == w)
    }

    /// Every denial, in text order, at most one per clause.
    fn denials(&self) -> Vec<Denial> {
        let mut out = Vec::new();
        for (s, &(start, end)) in self.sentences.iter().enumerate() {
            let mut last: Option<usize> = None;
            let mut i = start;
            while i < end {
                if let Some((len, weak)) = self.trigger(i, start, end) {
                    let same_clause = last.is_some_and(|l| {
                        i - l <= 10 && !(l..i).any(|j| matches!(self.w(j), ";" | "--" | "—"))
                    });
                    if !same_clause {
                        if let Some(d) = self.denial_at(s, start, end, i, len, weak) {
                            out.push(d);
                            if out.len() == MAX_DENIALS {
                                return out;
                            }
                        }
                        last = Some(i);
                    }
                    i += len;
                } else {
                    i += 1;
                }
            }
        }
        out
    }

    /// A denial shape starting at token `i`: its length in tokens and
    /// whether it is a weak shape (falsity word, "never happened").
    fn trigger(&self, i: usize, start: usize, end: usize) -> Option<(usize, bool)> {
        let w = self.w(i);
        let words = self.words;
        // Most tokens are no deny or reject verb and start no sequence:
        // their shape says so before any set is hashed into.
        if !words.may_trigger(w) {
            return None;
        }
        // Each set asked once: this runs at every token of the document.
        let deny = words.deny_verbs.contains(w);
        let reject = !deny && words.reject_verbs.contains(w);
        if (deny || reject)
            && (self.negated_before(i, start)
                || self.attributive(i, start)
                || self.noun_use(i, start, end)
                || self.irrealis(i, start)
                || self.refused_subject(i, start))
        {
            return None;
        }
        if deny {
            if self.refusal_object(i, end) {
                return None;
            }
            return Some((1, false));
        }
        if reject {
            return self.claim_object(i, end).map(|_| (1, false));
        }
        if !words.may_start_sequence(w) {
            return None;
        }
        for seq in &words.unknown {
            if self.matches_seq(i, end, seq) {
                let last = seq.last().map(String::as_str).unwrap_or("");
                let happening = ["happen", "occur", "place"]
                    .iter()
                    .any(|h| last.starts_with(h));
                let after = i + seq.len();
                if happening && after < end && self.tok(after).is_word() {
                    return None;
                }
                return Some((seq.len(), true));
            }
        }
        for seq in &words.falsity {
            if self.matches_seq(i, end, seq) && self.predicated(i, start, end, seq.len()) {
                return Some((seq.len(), true));
            }
        }
        None
    }

    /// "a heated dispute over …", "in dispute": the noun, not the verb.
    fn noun_use(&self, i: usize, start: usize, end: usize) -> bool {
        let prev = if i > start { self.w(i - 1) } else { "" };
        let next = if i + 1 < end { self.w(i + 1) } else { "" };
        let adjective = prev.ends_with("al") || prev.ends_with("ic");
        matches!(next, "over" | "between" | "among" | "with")
            && !self.words.reject_verbs.contains(self.w(i))
            || adjective && !self.w(i).ends_with("ed")
            || lexicon::event_words().dispute_noun_openers.contains(prev)
                && !self.w(i).ends_with("ed")
    }

    /// "an effort to deny", "must rebut", "from denying": not a denial
    /// made, except "continued to deny".
    fn irrealis(&self, i: usize, start: usize) -> bool {
        (i.saturating_sub(2).max(start)..i).any(|j| self.words.irrealis.contains(self.w(j)))
            && !(i > start + 1 && self.w(i - 2).starts_with("contin"))
    }

    /// "those requests were denied", "any application will be denied": a
    /// passive refusal.
    fn refused_subject(&self, i: usize, start: usize) -> bool {
        let mut j = i;
        while j > start
            && matches!(
                self.w(j - 1),
                "was"
                    | "were"
                    | "been"
                    | "is"
                    | "are"
                    | "be"
                    | "being"
                    | "will"
                    | "would"
                    | "could"
                    | "may"
                    | "might"
                    | "has"
                    | "have"
                    | "had"
            )
        {
            j -= 1;
        }
        j < i && j > start && self.words.refusal_objects.contains(self.w(j - 1))
    }

    /// "the disputed region": a participle before its noun.
    fn attributive(&self, i: usize, start: usize) -> bool {
        let prev = if i > start {
            self.w(i - 1)
        } else {
            return false;
        };
        self.w(i).ends_with("ed")
            && (lexicon::event_words().attributive_openers.contains(prev) || prev.ends_with("ing"))
    }

    /// The first noun-like word after a verb at `i`, skipping determiners,
    /// pronoun objects and adverbs, within the clause.
    fn object_head(&self, i: usize, end: usize) -> Option<usize> {
        let fw = &self.words.function_words;
        let mut j = i + 1;
        let mut steps = 0;
        while j < end && steps < 5 {
            let w = self.w(j);
            if is_clause_punct(w) || w == "." {
                return None;
            }
            let skip = fw.contains(w)
                || w.ends_with("ly")
                || matches!(w, "him" | "her" | "them" | "us" | "any" | "all" | "'s")
                || self.is_quote_mark(j)
                || self.tok(j).kind == TokenKind::Punct;
            if !skip {
                return Some(j);
            }
            j += 1;
            steps += 1;
        }
        None
    }

    /// Whether a deny verb's object is something asked for ("denied entry",
    /// "denied class-action status") or it has two objects ("denied him a
    /// victory", "denied Carter a photograph").
    fn refusal_object(&self, i: usize, end: usize) -> bool {
        let next = if i + 1 < end { self.w(i + 1) } else { "" };
        if self.words.persons.contains(next) {
            return true;
        }
        let named = i + 1 < end
            && self.tok(i + 1).is_word()
            && self
                .tok(i + 1)
                .span()
                .slice(self.a.text())
                .starts_with(char::is_uppercase);
        if named && (i + 2..(i + 4).min(end)).any(|j| matches!(self.w(j), "a" | "an" | "the")) {
            return true;
        }
        let Some(head) = self.object_head(i, end) else {
            return false;
        };
        (head..(head + 3).min(end))
            .take_while(|&j| {
                self.tok(j).is_word() && !self.words.function_words.contains(self.w(j))
            })
            .any(|j| {
                let w = self.w(j);
                self.words.refusal_objects.contains(w)
                    || w.rsplit('-')
                        .next()
                        .is_some_and(|last| self.words.refusal_objects.contains(last))
            })
    }

    /// The claim noun a reject verb takes for object ("rejected the
    /// report", "disagree with those claims"), if it takes one before any
    /// refusal object or clause boundary.
    fn claim_object(&self, i: usize, end: usize) -> Option<usize> {
        let mut j = i + 1;
        while j < end && j <= i + 6 {
            let w = self.w(j);
            if is_clause_punct(w) || w == "." {
                return None;
            }
            if self.words.refusal_objects.contains(w) {
                return None;
            }
            if self.words.claim_nouns.contains(w) {
                return Some(j);
            }
            j += 1;
        }
        None
    }

    /// Whether a falsity word at `i` (of `len` tokens) is said of something:
    /// a form of "be" or "as" before it with only intensifiers and marks
    /// between, or a verb of calling with its object between; and no noun
    /// right after it ("a false flag").
    fn predicated(&self, i: usize, start: usize, end: usize, len: usize) -> bool {
        let next = i + len;
        if next < end && len == 1 {
            let w = self.w(next);
            let t = self.tok(next);
            if t.is_word()
                && !self.words.function_words.contains(w)
                && !matches!(w, "of" | "and" | "or" | "to" | "in" | "on" | "by")
            {
                return false;
            }
        }
        if i > start && matches!(self.w(i - 1), "not" | "n't" | "never") && self.w(i) != "not" {
            return false;
        }
        // "It is absurd that …", "absurd to …": an opinion, not a denial.
        if next < end && matches!(self.w(next), "that" | "to") {
            return false;
        }
        let links = &self.words.falsity_links;
        let mut j = i;
        let mut between = 0;
        while j > start && between <= 5 {
            j -= 1;
            let w = self.w(j);
            if matches!(w, "." | ";" | "?" | "!") {
                return false;
            }
            if links.contains(w) {
                let calling = w.starts_with("call") || self.words.naming_verbs.contains(w);
                if w == "as" {
                    // "dismissed … as false", "denied … as laughable".
                    return (j.saturating_sub(8).max(start)..j).any(|k| {
                        let v = self.w(k);
                        self.words.reject_verbs.contains(v) || self.words.deny_verbs.contains(v)
                    });
                }
                if !calling && self.insult_or_relative(j, start) {
                    return false;
                }
                return calling
                    || (j + 1..i).all(|k| {
                        self.words.intensifiers.contains(self.w(k)) || self.is_quote_mark(k)
                    });
            }
            between += 1;
        }
        false
    }

    /// Whether the subject of "be" at `j` is a person ("She's a fake": an
    /// insult) or a relative pronoun after a noun that names no claim
    /// ("stereotypes that are untrue").
    fn insult_or_relative(&self, j: usize, start: usize) -> bool {
        let mut j = j;
        while j > start && self.words.falsity_links.contains(self.w(j - 1)) {
            j -= 1;
        }
        if j <= start {
            return false;
        }
        let subject = self.w(j - 1);
        if self.words.persons.contains(subject) {
            return true;
        }
        if matches!(subject, "that" | "which") && j >= start + 2 {
            let noun = self.w(j - 2);
            return self.tok(j - 2).is_word()
                && !self.words.claim_nouns.contains(noun)
                && noun != "idea"
                && !self.words.function_words.contains(noun)
                && !self.words.deny_verbs.contains(noun)
                && !lexicon::cues().is_form(noun);
        }
        false
    }

    /// The quote whose content covers byte `at`.
    fn quote_covering(&self, at: usize) -> Option<usize> {
        let s = self.a.sentences.partition_point(|s| s.end <= at);
        self.sent_quotes.of(s).iter().copied().find(|&k| {
            let q = &self.a.quotes[k];
            q.span.start <= at && at < q.span.end
        })
    }

    /// The quote whose cue is the word at `at` ("X denied that …").
    fn quote_cued_at(&self, span: Span) -> Option<usize> {
        // A quote's content starts in the cue's sentence or the next.
        let s = self.a.sentences.partition_point(|s| s.end <= span.start);
        (s..(s + 2).min(self.sent_quotes.len()))
            .flat_map(|s| self.sent_quotes.of(s).iter().copied())
            .find(|&k| self.a.quotes[k].cue_span.is_some_and(|c| c.overlaps(span)))
    }

    fn denial_at(
        &self,
        s: usize,
        start: usize,
        end: usize,
        i: usize,
        len: usize,
        weak: bool,
    ) -> Option<Denial> {
        let trigger = Span::new(self.tok(i).span().start, self.tok(i + len - 1).span().end);
        // A quote cued by a claim noun ("a claim that X disputes") is the
        // relative clause of that noun, not the denier's speech.
        let quote = self
            .quote_cued_at(trigger)
            .or_else(|| self.quote_covering(trigger.start))
            .filter(|&q| {
                let cue = self.a.quotes[q].cue.as_deref().unwrap_or("").to_lowercase();
                !self.words.claim_nouns.contains(cue.as_str())
            });
        // The clause: back to the nearest boundary or opener, forward to
        // the next boundary past the trigger.
        let inside = quote.and_then(|q| {
            let q = &self.a.quotes[q];
            (q.span.start <= trigger.start).then_some(q.span)
        });
        let mut cs = i;
        let mut opener = false;
        while cs > start {
            let w = self.w(cs - 1);
            let t = self.tok(cs - 1);
            if inside.is_some_and(|q| t.span().start < q.start) {
                break;
            }
            if is_clause_punct(w)
                || (self.is_quote_mark(cs - 1)
                    && t.span().end <= trigger.start
                    && cs - 1 > start
                    && self.w(cs - 2) == ",")
            {
                break;
            }
            let after_comma = cs >= 2 && matches!(self.w(cs - 2), "," | "--" | "—");
            if self.words.clause_openers.contains(w)
                && !(w == "that" && self.that_is_not_relative(cs - 1))
                && (!matches!(w, "and" | "as") || after_comma)
            {
                opener = true;
                cs -= 1;
                break;
            }
            cs -= 1;
        }
        let mut ce = i + len;
        while ce < end {
            let w = self.w(ce);
            if matches!(self.tok(ce).kind, TokenKind::Quote(m) if m.is_double())
                && self.in_marks(start, i)
            {
                ce += 1;
                break;
            }
            if w == "and" && ce > i + len && ce + 1 < end && self.is_verb_like(ce + 1) {
                break;
            }
            if matches!(w, ";" | "." | "--" | "—") || (w == "," && ce > i + len + 1) {
                // A comma before a closing mark stays inside the quote.
                if w == "," && ce + 1 < end && self.is_quote_mark(ce + 1) {
                    ce += 2;
                }
                break;
            }
            ce += 1;
        }
        let ce = ce.min(end);
        let mut first = self.tok(cs).span().start;
        if let Some(q) = quote.map(|q| &self.a.quotes[q]) {
            // The denier's frame ("Park called …", "X said he had …")
            // belongs to the denial when it stands just before it.
            let sent = self.a.sentences[s];
            for f in [q.cue_span, q.speaker.as_ref().and_then(|r| r.span)]
                .into_iter()
                .flatten()
            {
                if sent.contains(f) && f.end <= first && first - f.end <= 40 {
                    first = first.min(f.start);
                }
            }
        }
        let span = Span::new(first, self.tok(ce - 1).span().end);
        let cued = quote.is_some_and(|q| {
            self.a.quotes[q]
                .cue_span
                .is_some_and(|c| c.overlaps(trigger))
        });
        let denier = self.denier(quote, cued, cs, i, opener, weak);
        if denier.is_empty() && weak {
            // A falsity word the article itself states is no one's denial.
            return None;
        }
        let object = self.object(&Site {
            start,
            end,
            cs,
            i,
            len,
            weak,
            opener,
        });
        Some(Denial {
            span,
            sentence: s,
            clause_start: cs,
            denier,
            object,
            weak,
        })
    }

    /// Whether "that" at `i` opens a content clause or is a demonstrative
    /// ("said that is a distortion") rather than a relative after a noun
    /// ("a claim that X disputes").
    fn that_is_not_relative(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let prev = self.w(i - 1);
        if self.words.claim_nouns.contains(prev) {
            return false;
        }
        !self.tok(i - 1).is_word()
            || self.words.function_words.contains(prev)
            || self.words.deny_verbs.contains(prev)
            || lexicon::cues().is_form(prev)
    }

    /// Who denies. A deny verb's own subject ("He denied it" inside
    /// someone else's quote is not the speaker's denial), the agent of a
    /// passive ("was denied by X"), or the speaker of the quote that a
    /// falsity word or a first-person subject stands in ("It's nonsense,"
    /// X said). A falsity word outside speech needs a verb of calling or
    /// rejecting with its subject ("X called the claims false").
    fn denier(
        &self,
        quote: Option<usize>,
        cued: bool,
        cs: usize,
        i: usize,
        opener: bool,
        weak: bool,
    ) -> Party {
        let speaker = quote
            .and_then(|q| self.a.quotes[q].speaker.as_ref())
            .map(|sp| {
                let mut p = Party {
                    name: sp.name.clone(),
                    ..Party::default()
                };
                if let Some(e) = &sp.entity {
                    self.add_entity(&mut p, e);
                }
                if let Some(c) = sp.actor.as_deref().and_then(country_of) {
                    p.countries.insert(c);
                }
                self.add_names(&mut p, &sp.name);
                if let Some(span) = sp.span {
                    self.add_span(&mut p, span);
                }
                p
            })
            .filter(|p| !p.is_empty());
        if cued {
            if let Some(p) = speaker {
                return p;
            }
        }
        // Passive "was denied by X": the agent after "by".
        if i + 1 < self.norm.len() && self.w(i + 1) == "by" {
            let mut j = i + 2;
            let s = self.tok(i).sentence;
            while j < self.norm.len() && self.tok(j).sentence == s && self.tok(j).is_word() {
                j += 1;
            }
            if j > i + 2 {
                let span = Span::new(self.tok(i + 2).span().start, self.tok(j - 1).span().end);
                return self.party_of(span);
            }
        }
        let from = if opener { cs + 1 } else { cs };
        // The verb whose subject denies: the trigger itself, or for a
        // falsity word the verb of calling or rejecting before it.
        let verb = if weak {
            (from..i).find(|&j| {
                let w = self.w(j);
                self.words.deny_verbs.contains(w)
                    || self.words.reject_verbs.contains(w)
                    || w.starts_with("call")
                    || self.words.naming_verbs.contains(w)
            })
        } else {
            Some(i)
        };
        let subject_end = match verb {
            Some(v) => v,
            None => return speaker.unwrap_or_default(),
        };
        // Trailing auxiliaries and adverbs are not the subject.
        let mut e = subject_end;
        while e > from {
            let w = self.w(e - 1);
            if self.words.function_words.contains(w)
                && !matches!(w, "i" | "we" | "he" | "she" | "they" | "it")
                || w.ends_with("ly")
                || !self.tok(e - 1).is_word()
            {
                e -= 1;
            } else {
                break;
            }
        }
        let first_person = (from..e).all(|j| matches!(self.w(j), "i" | "we"));
        if from >= e || first_person {
            return speaker.unwrap_or_default();
        }
        let span = Span::new(self.tok(from).span().start, self.tok(e - 1).span().end);
        self.party_of(span)
    }

    fn party_of(&self, span: Span) -> Party {
        let text = span.slice(self.a.text());
        let mut p = Party {
            name: text.trim().to_string(),
            ..Party::default()
        };
        self.add_span(&mut p, span);
        p
    }

    fn add_entity(&self, p: &mut Party, id: &str) {
        p.entities.insert(id.to_string());
        if let Some(e) = self.a.entity(id) {
            if let Some(c) = e.actor.as_deref().and_then(country_of) {
                p.countries.insert(c);
            }
            self.add_names(p, &e.name);
        }
    }

    /// Entities mentioned in `span`, and the capitalised words of it.
    fn add_span(&self, p: &mut Party, span: Span) {
        let parties = self.parties.get_or_init(|| PartySpans::new(self.a));
        // Each entity once, as a walk over the entities added them (the
        // party's sets make the order immaterial).
        let mut entities: Vec<usize> = parties.mentions.overlapping(span).collect();
        entities.sort_unstable();
        entities.dedup();
        for k in entities {
            self.add_entity(p, &self.a.entities[k].id);
        }
        for n in parties.references.overlapping(span) {
            let ev = &self.a.events[n / 2];
            let r = if n % 2 == 0 { &ev.source } else { &ev.target };
            if let Some(c) = r
                .as_ref()
                .and_then(|r| r.actor.as_deref())
                .and_then(country_of)
            {
                p.countries.insert(c);
            }
        }
        self.add_names(p, span.slice(self.a.text()));
    }

    fn add_names(&self, p: &mut Party, name: &str) {
        let titles = &lexicon::speaker_words().titles;
        for w in name.split(|c: char| !c.is_alphanumeric()) {
            let lower = w.to_lowercase();
            if w.len() >= 3
                && w.chars().next().is_some_and(char::is_uppercase)
                && !self.words.function_words.contains(&lower)
                && !titles.contains(&lower.as_str())
            {
                p.names.insert(w.to_string());
            }
        }
    }

    /// Where the claim of a denial is, by its shape.
    fn object(&self, site: &Site) -> Object {
        let Site {
            start,
            end,
            cs,
            i,
            len,
            weak,
            opener,
        } = *site;
        // Passive "X was denied by Y", and relative or concessive clauses
        // ("…, which Y denies", "…, a claim that Y disputes"): the claim
        // comes first.
        let passive = i > start
            && matches!(self.w(i - 1), "was" | "were" | "been" | "is" | "are")
            && self.w(i + 1) == "by";
        let relative = opener && matches!(self.w(cs), "which" | "that" | "something" | "as");
        if relative && self.w(cs) == "which" {
            // "the allegations, which X denies": a bare claim noun points
            // back further.
            let mut k = cs;
            while k > start && is_clause_punct(self.w(k - 1)) {
                k -= 1;
            }
            if k >= start + 2
                && self.words.claim_nouns.contains(self.w(k - 1))
                && matches!(self.w(k - 2), "the" | "these" | "those" | "both")
            {
                let count = if self.w(k - 2) == "both" { 2 } else { 1 };
                return Object::Back(Some(self.w(k - 1).to_string()), count, false);
            }
        }
        if passive && i >= cs + 3 {
            // "A photo of the meeting was denied by X": the subject.
            let subject = Span::new(self.tok(cs).span().start, self.tok(i - 2).span().end);
            return Object::Explicit(subject);
        }
        if passive || relative {
            return Object::Before;
        }
        if weak {
            // The subject of the falsity word or "never happened": a word
            // pointing back, or a claim noun.
            let noun = (cs..i).find(|&j| self.words.claim_nouns.contains(self.w(j)));
            let count = if (cs..i).any(|j| self.w(j) == "both") {
                2
            } else {
                1
            };
            return Object::Back(noun.map(|j| self.w(j).to_string()), count, noun.is_none());
        }
        // A verb: read what follows it.
        let next = i + len;
        let w = if next < end { self.w(next) } else { "" };
        if next >= end || is_clause_punct(w) || w == "." || matches!(w, "to" | "as" | "and") {
            return Object::Back(None, 1, true);
        }
        if w == "that" && next + 1 < end && !self.words.claim_nouns.contains(self.w(next + 1)) {
            let content = Span::new(
                self.tok(next + 1).span().start,
                self.tok(end - 1).span().end,
            );
            return Object::Restates(content);
        }
        if w.ends_with("ing") || matches!(w, "any" | "having" | "being") {
            let content = Span::new(self.tok(next).span().start, self.tok(end - 1).span().end);
            return Object::Restates(content);
        }
        // A noun phrase: pointing back, or the claim itself.
        let mut j = next;
        let mut anaphor = false;
        let mut count = 1;
        let mut noun = None;
        while j < end && j < next + 6 {
            let w = self.w(j);
            if is_clause_punct(w) || w == "." {
                break;
            }
            if j == next && self.words.anaphors.contains(w) {
                anaphor = true;
                if w == "both" {
                    count = 2;
                }
            }
            if self.words.claim_nouns.contains(w) {
                noun = Some(w.to_string());
                // "accusations of brutality", "claims that …": the claim is here.
                let after = self.w(j + 1);
                if matches!(after, "of" | "that" | "about" | "against") {
                    let mut e = j + 1;
                    while e < end
                        && !matches!(self.w(e), ";" | "." | "--" | "—" | ",")
                        && !self.is_quote_mark(e)
                    {
                        if self.w(e) == "and" && e + 1 < end && self.is_verb_like(e + 1) {
                            break;
                        }
                        e += 1;
                    }
                    let from = self.tok(next).span().start;
                    return Object::Explicit(Span::new(from, self.tok(e - 1).span().end));
                }
                break;
            }
            j += 1;
        }
        if anaphor || noun.is_some() {
            return Object::Back(noun, count, true);
        }
        let content = Span::new(self.tok(next).span().start, self.tok(end - 1).span().end);
        Object::Restates(content)
    }

    /// Whether token `i` stands inside double quotation marks opened in
    /// its sentence (an odd number of double marks since `start`).
    fn in_marks(&self, start: usize, i: usize) -> bool {
        let mut open = false;
        for j in start..i {
            match self.tok(j).kind {
                TokenKind::Quote(m) if m.is_double() => open = !open,
                _ if self.w(j) == "''" => open = !open,
                _ => {}
            }
        }
        open
    }

    fn is_verb_like(&self, j: usize) -> bool {
        let w = self.w(j);
        lexicon::cues().is_form(w) || w.ends_with("ed")
    }

    /// The claims a denial answers (none when the article states none).
    fn claims_of(&self, d: &Denial) -> Vec<Link> {
        let (start, _end) = self.sentences[d.sentence];
        // The text before the denial clause in its sentence (or in its
        // quote), when it is more than a frame.
        let before = self.before_in_sentence(d, start);
        match &d.object {
            Object::Before => before
                .map(|claim| {
                    vec![Link {
                        claim,
                        quote: None,
                        reason: "the claim is stated in the denial's sentence",
                    }]
                })
                .unwrap_or_default(),
            Object::Explicit(span) => vec![Link {
                claim: *span,
                quote: None,
                reason: "the claim is the object of the denial",
            }],
            Object::Back(noun, count, in_sentence) => {
                if let Some(claim) = before.filter(|_| *in_sentence) {
                    return vec![Link {
                        claim,
                        quote: None,
                        reason: "the denial answers the clause before it",
                    }];
                }
                if let Some(noun) = noun {
                    let found = self.by_noun(d, noun, *count);
                    if !found.is_empty() {
                        return found;
                    }
                }
                self.by_party(d).into_iter().collect()
            }
            Object::Restates(content) => self.by_content(d, *content).into_iter().collect(),
        }
    }

    /// The text of the denial's sentence before its clause, from the
    /// sentence start or the start of the quote the denial is in, if it
    /// holds at least four words and is not the denial's own frame.
    fn before_in_sentence(&self, d: &Denial, start: usize) -> Option<Span> {
        let cs = d.clause_start;
        let clause_at = self.tok(cs).span().start;
        let mut from = start;
        if let Some(q) = self.quote_covering(clause_at) {
            let qs = self.a.quotes[q].span.start;
            if qs < clause_at {
                while from < cs && self.tok(from).span().start < qs {
                    from += 1;
                }
            }
        }
        // Skip leading frame words that belong to the denier ("X said").
        let mut to = cs;
        while to > from && (is_clause_punct(self.w(to - 1)) || self.is_quote_mark(to - 1)) {
            to -= 1;
        }
        let words = (from..to).filter(|&j| self.tok(j).is_word()).count();
        if words < 4 {
            return None;
        }
        // The denier's own frame before the denial ("X said he had …",
        // "X slammed the lawsuit …, calling it …"): only what the denier's
        // verb phrase holds between the speaker and the cue can be the claim.
        let frame = self.a.quotes.iter().find_map(|q| {
            let cue = q.cue_span?;
            (q.span.start >= clause_at
                && cue.start >= self.tok(from).span().start
                && cue.end <= clause_at)
                .then_some((cue, q.speaker.as_ref().and_then(|r| r.span)))
        });
        if let (Some((cue, speaker)), false) = (frame, d.clause_start_is_opener(self)) {
            let after = speaker.filter(|s| s.end <= cue.start)?.end;
            let mut a = from;
            while a < to && self.tok(a).span().start < after {
                a += 1;
            }
            let mut b = a;
            while b < to && self.tok(b).span().end <= cue.start {
                b += 1;
            }
            while b > a && (is_clause_punct(self.w(b - 1)) || self.is_quote_mark(b - 1)) {
                b -= 1;
            }
            let words = (a..b).filter(|&j| self.tok(j).is_word()).count();
            return (words >= 4)
                .then(|| Span::new(self.tok(a).span().start, self.tok(b - 1).span().end));
        }
        Some(Span::new(
            self.tok(from).span().start,
            self.tok(to - 1).span().end,
        ))
    }

    /// The earlier sentences that speak of a claim of the same kind
    /// ("both allegations" → two that speak of an allegation): those that
    /// also name the denier first (anywhere before), then the nearest
    /// others (for a deny verb only; a falsity word needs the denier named).
    /// Accusations, allegations and claims are one kind, and their
    /// verbs ("accused", "alleges") speak of them too.
    fn by_noun(&self, d: &Denial, noun: &str, count: usize) -> Vec<Link> {
        let stem: String = noun.chars().take(5).collect();
        let mut chosen = self.sentences_speaking_of(d, &[stem.as_str()], count, &[]);
        let family = ["accus", "alleg", "claim"];
        if chosen.len() < count && family.contains(&stem.as_str()) {
            let more = self.sentences_speaking_of(d, &family, count - chosen.len(), &chosen);
            chosen.extend(more);
        }
        chosen
            .into_iter()
            .map(|s| Link {
                claim: self.claim_span(s, &d.denier),
                quote: self.quote_in(s, &d.denier),
                reason: "the denial names the claim it answers",
            })
            .collect()
    }

    /// Up to `count` sentences before the denial with a word of one of
    /// `stems`, not in `taken`: one naming the denier (nearest first,
    /// anywhere before), then the nearest other, in turn.
    fn sentences_speaking_of(
        &self,
        d: &Denial,
        stems: &[&str],
        count: usize,
        taken: &[usize],
    ) -> Vec<usize> {
        let speaks_of = |s: usize| {
            let (a, b) = self.sentences[s];
            !taken.contains(&s)
                && !self.own_speech(s, d)
                && (a..b).any(|j| stems.iter().any(|st| self.w(j).starts_with(st)))
        };
        let mut named = Vec::new();
        if !d.denier.is_empty() {
            for s in (d.sentence.saturating_sub(NAMED_BACK)..d.sentence).rev() {
                if speaks_of(s) && self.names_party(s, &d.denier) {
                    named.push(s);
                    if named.len() == count {
                        break;
                    }
                }
            }
        }
        let mut near = Vec::new();
        if !d.weak {
            for s in (d.sentence.saturating_sub(NOUN_BACK)..d.sentence).rev() {
                if speaks_of(s) && !named.contains(&s) {
                    near.push(s);
                }
            }
        }
        let mut chosen = Vec::new();
        let (mut a, mut b) = (named.into_iter(), near.into_iter());
        while chosen.len() < count {
            match a.next().or_else(|| b.next()) {
                Some(s) => chosen.push(s),
                None => break,
            }
            if chosen.len() < count {
                if let Some(s) = b.next() {
                    chosen.push(s);
                }
            }
        }
        chosen
    }

    /// Whether sentence `s` holds the denier's own speech (what one says
    /// oneself is not a claim one denies).
    fn own_speech(&self, s: usize, d: &Denial) -> bool {
        self.sent_quotes
            .of(s)
            .iter()
            .any(|&k| self.spoken_by(&self.a.quotes[k], &d.denier))
    }

    /// The nearest earlier claim in which the denier is a party: a sentence
    /// naming the denier, ranked first when it reports an event with the
    /// denier as source or target, then when it holds someone else's quote.
    fn by_party(&self, d: &Denial) -> Option<Link> {
        if d.denier.is_empty() {
            return None;
        }
        let mut best: Option<(i32, usize)> = None;
        for s in (d.sentence.saturating_sub(BACK)..d.sentence).rev() {
            if !self.names_party(s, &d.denier) || self.own_speech(s, d) {
                continue;
            }
            let mut score = 1;
            if self.event_with(s, &d.denier) {
                score += 2;
            }
            if self.quote_in(s, &d.denier).is_some() {
                score += 1;
            }
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, s));
            }
        }
        let (_, s) = best?;
        Some(Link {
            claim: self.claim_span(s, &d.denier),
            quote: self.quote_in(s, &d.denier),
            reason: "the denier is a party to the claim",
        })
    }

    /// A nearby sentence that shares content words with a denial that
    /// restates its claim, and names the denier.
    fn by_content(&self, d: &Denial, content: Span) -> Option<Link> {
        let names: HashSet<String> = d
            .denier
            .names
            .iter()
            .map(|n| n.to_lowercase().chars().take(5).collect())
            .collect();
        let mine: HashSet<String> = self
            .content_words(content)
            .difference(&names)
            .cloned()
            .collect();
        if mine.is_empty() {
            return None;
        }
        let lo = d.sentence.saturating_sub(AROUND);
        let hi = (d.sentence + AROUND + 1).min(self.sentences.len());
        let mut best: Option<(usize, usize, usize)> = None;
        for s in lo..hi {
            if s == d.sentence {
                continue;
            }
            let theirs = self.content_words(self.a.sentences[s]);
            let shared = mine.intersection(&theirs).count();
            let dist = s.abs_diff(d.sentence);
            // One shared word is enough only in the sentence just before.
            let enough = shared >= 2 || (shared == 1 && s + 1 == d.sentence);
            if !enough || !self.names_party(s, &d.denier) || self.own_speech(s, d) {
                continue;
            }
            if best.is_none_or(|(b, bd, _)| shared > b || (shared == b && dist < bd)) {
                best = Some((shared, dist, s));
            }
        }
        let (_, _, s) = best?;
        Some(Link {
            claim: self.claim_span(s, &d.denier),
            quote: self.quote_in(s, &d.denier),
            reason: "the denial restates the claim, whose party it is",
        })
    }

    /// Content words (not function words, four letters or more) of a
    /// span, by their first five letters so that inflections meet.
    fn content_words(&self, span: Span) -> HashSet<String> {
        let skip = |w: &str| {
            self.words.function_words.contains(w)
                || self.words.deny_verbs.contains(w)
                || self.words.reject_verbs.contains(w)
        };
        let toks = &self.a.tokens;
        let from = toks.partition_point(|t| t.span().start < span.start);
        let to = toks.partition_point(|t| t.span().start < span.end);
        toks[from..to]
            .iter()
            .enumerate()
            .map(|(i, t)| (t, self.w(from + i)))
            .filter(|(t, w)| {
                span.contains(t.span())
                    && t.is_word()
                    && w.chars().count() >= 4
                    && !w.ends_with("ly")
                    && !skip(w)
            })
            .map(|(_, w)| w.chars().take(5).collect())
            .collect()
    }

    /// Whether sentence `s` names the party: one of its entities, a country
    /// code of an entity or event actor, or one of its name words.
    fn names_party(&self, s: usize, p: &Party) -> bool {
        for e in self
            .sent_entities
            .of(s)
            .iter()
            .map(|&k| &self.a.entities[k])
        {
            if p.entities.contains(&e.id) {
                return true;
            }
            if e.actor
                .as_deref()
                .and_then(country_of)
                .is_some_and(|c| p.countries.contains(&c))
            {
                return true;
            }
        }
        if self.event_with(s, p) {
            return true;
        }
        let (a, b) = self.sentences[s];
        (a..b).any(|j| {
            let t = self.tok(j);
            t.is_word() && p.names.contains(t.span().slice(self.a.text()))
        })
    }

    /// Whether sentence `s` reports a fact event whose source or target is
    /// the party.
    fn event_with(&self, s: usize, p: &Party) -> bool {
        self.sent_events
            .of(s)
            .iter()
            .map(|&k| &self.a.events[k])
            .any(|e| {
                matches!(e.modality, Modality::Reported | Modality::Asserted)
                    && [&e.source, &e.target].into_iter().flatten().any(|r| {
                        r.entity.as_ref().is_some_and(|id| p.entities.contains(id))
                            || r.actor
                                .as_deref()
                                .and_then(country_of)
                                .is_some_and(|c| p.countries.contains(&c))
                    })
            })
    }

    /// Someone else's quote in sentence `s` (the claim as a statement).
    fn quote_in(&self, s: usize, denier: &Party) -> Option<usize> {
        let sent = self.a.sentences[s];
        self.sent_quotes
            .of(s)
            .iter()
            .map(|&k| (k, &self.a.quotes[k]))
            .filter(|(_, q)| sent.contains(q.span) || q.span.contains(sent))
            .filter(|(_, q)| !self.spoken_by(q, denier))
            .max_by_key(|(_, q)| q.span.len())
            .map(|(i, _)| i)
    }

    fn spoken_by(&self, q: &Quote, p: &Party) -> bool {
        q.speaker.as_ref().is_some_and(|sp| {
            sp.entity.as_ref().is_some_and(|e| p.entities.contains(e))
                || (!p.name.is_empty() && sp.name == p.name)
        })
    }

    /// The claim's span in sentence `s`: someone else's quote there, or the
    /// sentence.
    fn claim_span(&self, s: usize, denier: &Party) -> Span {
        let sent = self.a.sentences[s];
        match self.quote_in(s, denier) {
            Some(q) if sent.contains(self.a.quotes[q].span) => self.a.quotes[q].span,
            _ => sent,
        }
    }

    fn flag(&self, d: &Denial, link: &Link) -> Flag {
        let text = self.a.text();
        let denier = if d.denier.name.is_empty() {
            "someone".to_string()
        } else {
            d.denier.name.clone()
        };
        let mut by = String::new();
        if let Some(q) = link.quote.map(|q| &self.a.quotes[q]) {
            if let Some(sp) = &q.speaker {
                by = format!(" made by {}", sp.name);
            }
            if !q.via.is_empty() {
                let via: Vec<&str> = q.via.iter().map(|r| r.name.as_str()).collect();
                by.push_str(&format!(" (via {})", via.join(", ")));
            }
        }
        let whole = link.claim.slice(text);
        let mut claim: String = whole.chars().take(80).collect();
        if claim.len() < whole.len() {
            claim.push('…');
        }
        Flag {
            kind: FlagKind::Contradiction,
            message: format!(
                "{denier} denies the claim{by} that \"{claim}\": {}",
                link.reason
            ),
            spans: vec![link.claim, d.span],
        }
    }
}

impl Denial {
    fn clause_start_is_opener(&self, doc: &Doc) -> bool {
        doc.words.clause_openers.contains(doc.w(self.clause_start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokenized(text: &str) -> Analysis {
        let mut a = Analysis::new(model::Document::default());
        a.document.article.text = text.to_string();
        let (tokens, sentences) = nlp::tokenize::document(text).expect("a short text");
        a.tokens = tokens;
        a.sentences = sentences;
        a
    }

    /// The scan before the search finds every word a denial may start
    /// with, however it is written, so that skipping the search where it
    /// finds none changes no answer; and a sentence of none is skipped.
    #[test]
    fn a_document_may_deny_wherever_a_denial_may_start() {
        let words = lexicon::denial_words();
        let starts = words
            .falsity
            .iter()
            .chain(&words.unknown)
            .filter_map(|seq| seq.first());
        for w in words
            .deny_verbs
            .iter()
            .chain(&words.reject_verbs)
            .chain(starts)
        {
            let mut title = w[..1].to_uppercase();
            title.push_str(&w[1..]);
            for form in [w.clone(), title, w.to_uppercase()] {
                let a = tokenized(&format!("Officials {form} it."));
                assert!(may_deny(&a), "{form}");
            }
        }
        let plain = tokenized("Lagos officials said talks would go on. They met.");
        assert!(!may_deny(&plain));
        assert!(Doc::new(&plain).denials().is_empty());
        assert!(find(&plain).is_empty());
    }

    /// The index finds what a walk over every span finds, in the order of
    /// the spans' starts, whatever their lengths and overlaps.
    #[test]
    fn span_index_finds_every_overlapping_span() {
        // A fixed pseudo-random sequence (no dependency for one test).
        let mut state = 7u64;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((state >> 33) % n) as usize
        };
        let spans: Vec<(Span, usize)> = (0..300)
            .map(|k| {
                let start = next(1000);
                let len = if k % 17 == 0 { next(400) } else { next(6) };
                (Span::new(start, start + len), k)
            })
            .collect();
        let index = SpanIndex::new(spans.clone());
        for _ in 0..500 {
            let start = next(1100);
            let query = Span::new(start, start + next(30));
            let mut walked: Vec<(usize, usize)> = spans
                .iter()
                .filter(|(s, _)| s.overlaps(query))
                .map(|&(s, k)| (s.start, k))
                .collect();
            walked.sort_by_key(|&(start, _)| start);
            let found: Vec<usize> = index.overlapping(query).collect();
            let mut found_sorted = found.clone();
            found_sorted.sort_unstable();
            let mut walked_owners: Vec<usize> = walked.iter().map(|&(_, k)| k).collect();
            walked_owners.sort_unstable();
            assert_eq!(found_sorted, walked_owners, "{query:?}");
        }
    }
}
