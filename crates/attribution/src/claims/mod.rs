//! Finds claims: a cue, the speaker phrase it points at, and the content
//! (a quotation, a reported clause, or both).
//!
//! Cues are searched sentence by sentence, outside quotations. Each token
//! belongs to at most one claim's content (as in PolNeAR), except that a
//! participle with its own agent ("coverage by Chinese media … calling the
//! invasion a ‘special military operation’") makes a claim inside another.

use crate::context::Context;
use crate::lexicon::CueClass;
use crate::phrases::{self, SpeakerPhrase};
use crate::text::{Mark, TokenKind};
use model::{Budget, OverBudget, QuoteKind, Step};

mod content;
mod continuation;
mod cues;
mod enclosing;
mod evidential;
mod nested;
mod nouns;
mod object;
mod relative;
mod speakers;
mod subordinate;
mod that_clause;

use content::*;
use continuation::*;
use cues::*;
use enclosing::*;
use evidential::*;
use nested::*;
use nouns::*;
use object::*;
use relative::*;
use speakers::*;
use subordinate::*;
use that_clause::*;

/// A claim found in the text, as token ranges.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The content's token range (marks included for quotations).
    pub content: (usize, usize),
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The cue's token range.
    pub cue: Option<(usize, usize)>,
    /// Who made it.
    pub speaker: Option<SpeakerPhrase>,
    /// Whether the cue follows the content ("“…,” he said").
    pub cue_after: bool,
}

/// Finds every claim in the document, in text order, plus every speaker
/// phrase seen (including those of claims merged away), for resolution.
///
/// # Errors
///
/// [`OverBudget`] when `budget` runs out (it is checked between sentences,
/// and told how many tokens are read).
pub fn find(cx: &Context, budget: &Budget) -> Result<(Vec<Claim>, Vec<SpeakerPhrase>), OverBudget> {
    // Room for a claim a sentence: growing by doubling to a long page's
    // million claims had the old and the new vector alive at once, the
    // attribution stage's peak. Room not written to takes no memory.
    let mut claims: Vec<Claim> = Vec::with_capacity(cx.sentences.len());
    let mut seen = Vec::with_capacity(cx.sentences.len());
    let mut earlier = Earlier::default();
    for &(s, e) in &cx.sentences {
        budget.progress(Step::Quotes, s, cx.tokens.len())?;
        if let Some(c) = labelled_paragraph(cx, s).or_else(|| source_lead_in(cx, s, e)) {
            seen.extend(c.speaker.clone());
            claims.push(c);
        }
        let first = claims.len();
        earlier.freeze(&claims, first.saturating_sub(COVERING_LOOKBACK));
        for i in s..e {
            // A hostile page can be one "sentence".
            if (i - s) % 4096 == 4095 {
                budget.check()?;
            }
            // A word no rule starts from makes no claim: the rules below
            // would each look at it and give up.
            if !cx.tokens[i].may_start_claim() {
                continue;
            }
            let covering_at = claims
                .iter()
                .enumerate()
                .rev()
                .take(COVERING_LOOKBACK)
                .find(|(_, c)| c.content.0 <= i && i < c.content.1)
                .map(|(k, _)| k);
            let covering = covering_at.map(|k| claims[k].content.0);
            let l = cx.low(i);
            let opens_sentence = i == s || (i == s + 1 && cx.low(s) == "when");
            let claim = if l == "asked" && opens_sentence && covering.is_none() {
                asked_lead_in(cx, e, i)
            } else if l == "according" && cx.low(i + 1) == "to" {
                if covering.is_some() {
                    None
                } else {
                    according(cx, s, e, i, &claims[first..])
                }
            } else if let Some(class) = cx.cue(i).filter(|_| {
                !inside_name(cx, i)
                    && !names_a_thing(cx, i)
                    && !noun_use(cx, i)
                    && !in_non_speech_pair(cx, i)
                    && !purpose_infinitive(cx, i)
                    && !act_on_object(cx, i)
                    && !possessed_noun(cx, i)
                    && !speech_without_topic(cx, i)
            }) {
                match (class, covering) {
                    // "few are calling for …": a progressive is a finite cue.
                    (CueClass::Participle, None) if progressive(cx, s, i) => {
                        finite(cx, s, e, i, CueClass::Speech, &claims[first..])
                    }
                    (CueClass::Participle, Some(_)) => {
                        participle(cx, s, e, i, &claims[first..], covering)
                            .or_else(|| split_outer(cx, &mut claims, covering_at, e, i, class))
                    }
                    (CueClass::Participle, None) => {
                        participle(cx, s, e, i, &claims[first..], covering)
                            .or_else(|| noun_participle(cx, s, e, i))
                    }
                    (_, Some(_)) => split_outer(cx, &mut claims, covering_at, e, i, class),
                    // "Mr. Trump, who has criticized the plan, said …": a
                    // set-off relative clause ends at its comma.
                    _ if set_off_relative(cx, s, i) => relative(cx, s, e, i)
                        .or_else(|| finite(cx, s, e, i, class, &claims[first..])),
                    _ => finite(cx, s, e, i, class, &claims[first..])
                        .or_else(|| relative(cx, s, e, i)),
                }
            } else if covering.is_none()
                && (unlisted_verb_of_saying(cx, i) || sees_as(cx, i) || puts_it(cx, i))
            {
                finite(cx, s, e, i, CueClass::Speech, &claims[first..])
            } else if covering.is_none() {
                let clause_start = claims[first..].last().map_or(s, |c| c.content.1);
                evidential(cx, s, e, i, clause_start)
                    .or_else(|| cue_noun_claim(cx, s, e, i))
                    .or_else(|| that_clause(cx, s, e, i, clause_start))
            } else {
                None
            };
            if let Some(c) = claim {
                if let Some(sp) = &c.speaker {
                    seen.push(sp.clone());
                }
                push_claim(&mut claims, &earlier, c);
            }
        }
        absorb_stance_claims(cx, &mut claims, first, s);
    }
    claims.sort_by_key(|c| c.content.0);
    continuing_quotations(cx, &mut claims);
    colon_quotations(cx, &mut claims);
    claims.sort_by_key(|c| c.content.0);
    signed_quotations(cx, &mut claims);
    tagged_quotations(cx, &mut claims);
    claims.sort_by_key(|c| c.content.0);
    for c in &mut claims {
        if c.kind == QuoteKind::Direct && !interrupted_by_own_attribution(cx, c) {
            c.kind = QuoteKind::Partial;
        }
    }
    // Both stay alive beside the quotes made from them: no room to spare.
    claims.shrink_to_fit();
    seen.shrink_to_fit();
    Ok((claims, seen))
}

/// Whether any rule of [`find`]'s word loop may start a claim from the
/// lower-cased word `l` (outside quotations), of cue class `cue`: the
/// first test each rule makes of its own word, or a looser one. A word
/// failing all of them starts no claim, so the loop skips it without
/// asking each rule; [`crate::context::Context::new`] asks this once a
/// word, and most words are ruled out by their shape ([`ClaimStarts`]).
pub(crate) fn may_start_claim(l: &str, cue: Option<CueClass>) -> bool {
    if cue.is_some() || (l.len() > 4 && l.ends_with("ed")) {
        // A cue; or `unlisted_verb_of_saying`'s past tense.
        return true;
    }
    let starts = ClaimStarts::get();
    if !starts.shapes.may_contain(l) {
        return false;
    }
    let words = crate::lexicon::lists();
    FIXED_STARTS.contains(&l)
        || SEEING_VERBS.contains(&l)
        || words.appearance.contains(&l)
        // `cue_noun_claim`, `that_clause`.
        || words.noun_cue_preposition(l).is_some()
        || words.stance_nouns.contains(&l)
        || words.stance_adjectives.contains(&l)
}

/// The words [`may_start_claim`] names itself: `asked_lead_in`'s,
/// `according`'s, `puts_it`'s and `is_evidential`'s.
const FIXED_STARTS: [&str; 8] = [
    "asked",
    "according",
    "put",
    "puts",
    "reportedly",
    "allegedly",
    "seemingly",
    "expected",
];

/// The shapes of every word [`may_start_claim`] looks up in a list, built
/// once: the lists are scanned word by word, and almost every word of a
/// page is in none of them.
struct ClaimStarts {
    shapes: ::lexicon::lemma::Shapes,
}

impl ClaimStarts {
    fn get() -> &'static ClaimStarts {
        static STARTS: std::sync::OnceLock<ClaimStarts> = std::sync::OnceLock::new();
        STARTS.get_or_init(|| {
            let words = crate::lexicon::lists();
            let aw = ::lexicon::attribution_words();
            let nouns = aw
                .noun_cues
                .iter()
                .filter_map(|c| c.split_once(' '))
                .map(|(noun, _)| noun);
            ClaimStarts {
                shapes: FIXED_STARTS
                    .iter()
                    .chain(&SEEING_VERBS)
                    .chain(words.appearance.words())
                    .chain(words.stance_nouns.words())
                    .chain(words.stance_adjectives.words())
                    .copied()
                    .chain(nouns)
                    .collect(),
            }
        })
    }
}

/// Whether the words of a direct claim's content that stand outside its
/// quotation marks, if any, are its own attribution ("“A,” he said, “B”"):
/// "PolitiFact claimed “Trump exaggerates” the level of … “misleading use
/// of statistics”" quotes two phrases of a reported clause, a partial quote.
fn interrupted_by_own_attribution(cx: &Context, c: &Claim) -> bool {
    let (s, e) = c.content;
    let outside = (s..e).any(|i| !cx.inside[i] && cx.is_word(i));
    !outside || c.cue.is_some_and(|(cs, ce)| s < cs && ce < e)
}

/// "Trump: My plans aren’t set in stone." / "FALLIN: I think …": a
/// paragraph that opens with a short name and a colon (headlines,
/// transcripts) is that speaker's; the content runs to the paragraph end.
pub(super) fn labelled_paragraph(cx: &Context, s: usize) -> Option<Claim> {
    if !(s == 0 || cx.tokens[s].after_newline()) {
        return None;
    }
    let colon = (s..(s + 8).min(cx.tokens.len())).find(|&k| cx.is_punct(k, ':'))?;
    let mut start = s;
    // "\"PENCE: Well, look, …": a transcript quoted paragraph by paragraph,
    // each opening a mark that never closes.
    if matches!(
        cx.tokens[s].kind(),
        TokenKind::Mark(Mark::DoubleOpen | Mark::DoubleStraight)
    ) {
        let closes = (s + 1..cx.tokens.len())
            .take_while(|&k| !cx.tokens[k].after_newline())
            .any(|k| cx.is_mark(k));
        if closes {
            return None;
        }
        start = s + 1;
    }
    // "EXCLUSIVE – Roger Stone:" — skip a label before a dash.
    if let Some(dash) =
        (s..colon).find(|&k| matches!(cx.tokens[k].kind(), TokenKind::Punct('–' | '—' | '-')))
    {
        if dash > s
            && !cx.tokens[dash].span().is_empty()
            && cx.tokens[dash - 1].span().end < cx.tokens[dash].span().start
        {
            start = dash + 1;
        }
    }
    if start >= colon || !phrases::is_name(cx, start, colon) || cx.word_count(start, colon) > 4 {
        return None;
    }
    // Bylines, credits, notes and one-letter interview labels are not
    // speakers.
    let words = crate::lexicon::lists();
    // "Stealth Over Health:", "FIX IS IN:": a headline phrase with a
    // function word of a clause in it is no one's name.
    let phrase = (start..colon).any(|k| cx.low(k) != "and" && cx.lex.is_boundary(cx.low(k)));
    let newsroom_label = phrase
        || words.label_imperatives.contains(&cx.low(start))
        || (start..colon).any(|k| {
            let w = cx.low(k);
            let w = w
                .strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w);
            words.not_speaker_labels.contains(&w)
        });
    if cx.low(start).chars().count() < 2 || newsroom_label {
        return None;
    }
    let mut end = colon + 1;
    while end < cx.tokens.len() && !cx.tokens[end].after_newline() {
        end += 1;
    }
    while end > colon + 1 && matches!(cx.tokens[end - 1].kind(), TokenKind::Punct(_)) {
        end -= 1;
    }
    if cx.word_count(colon + 1, end) < 2 {
        return None;
    }
    let content = (colon + 1, end);
    Some(Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((colon, colon + 1)),
        speaker: Some(SpeakerPhrase {
            range: (start, colon),
            ..SpeakerPhrase::default()
        }),
        cue_after: false,
    })
}

/// A claim nested in the content of `claims[at]`, which then ends before it.
fn split_outer(
    cx: &Context,
    claims: &mut [Claim],
    at: Option<usize>,
    e: usize,
    cue: usize,
    class: CueClass,
) -> Option<Claim> {
    let outer = claims.get_mut(at?)?;
    let (inner, end) = nested(cx, outer, e, cue, class)?;
    outer.content.1 = end;
    outer.kind = kind_of(cx, outer.content);
    Some(inner)
}

/// "Ozimek calculated that …", "the court ruled that …": a past-tense verb
/// the lexicon lacks, followed by "that", reports its subject's claim.
fn unlisted_verb_of_saying(cx: &Context, i: usize) -> bool {
    let l = cx.low(i);
    cx.low(i + 1) == "that"
        && !cx.is_cap(i)
        && l.len() > 4
        && l.ends_with("ed")
        && !crate::lexicon::lists().not_saying.contains(&l)
        && !(i > 0 && is_be(cx.low(i - 1)))
}

/// "as Rosenthal put it, “…”", "as The New Yorker put it in an essay, …":
/// "put it" after a subject words what follows.
pub(super) fn puts_it(cx: &Context, i: usize) -> bool {
    matches!(cx.low(i), "put" | "puts") && cx.low(i + 1) == "it" && i > 0 && cx.is_word(i - 1)
}

/// "is seeking", "is once again questioning": a form of "be" before the
/// participle, with only adverbs between.
fn progressive(cx: &Context, s: usize, i: usize) -> bool {
    // "isn’t saying if …": a negated form counts.
    let be = |w: &str| {
        is_be(w)
            || w.strip_suffix("n’t")
                .or_else(|| w.strip_suffix("n't"))
                .is_some_and(is_be)
    };
    let mut b = i;
    while b > s && cx.between(b - 1) && !be(cx.low(b - 1)) {
        b -= 1;
    }
    b > s && be(cx.low(b - 1))
}

/// Forms of "be" that make a participle progressive ("is seeking").
fn is_be(w: &str) -> bool {
    matches!(w, "is" | "are" | "was" | "were" | "been" | "be")
}

/// How many of the latest claims a cue may fall inside (and so split); the
/// claims before them are final while later sentences are read.
const COVERING_LOOKBACK: usize = 4;

/// The claims of earlier sentences that no later sentence can change, by
/// content, so that merging a new claim does not scan the whole document
/// (a page of many short claims made that quadratic). Their contents stay
/// put: a split changes only one of the [`COVERING_LOOKBACK`] latest claims,
/// [`absorb_stance_claims`] only the current sentence's, and a merge keeps
/// the content it merges on.
#[derive(Default)]
pub(super) struct Earlier {
    /// The first index with each content, among `claims[..frozen]`, hashed
    /// with foldhash: a long page indexes a content per sentence, and with
    /// std's SipHash the pairs' hashing was 34M of the stage's 2.0G
    /// instructions on a page of 100k short paragraphs.
    by_content: foldhash::HashMap<(usize, usize), usize>,
    frozen: usize,
}

impl Earlier {
    /// Indexes `claims[..upto]` (`upto` never moves back).
    fn freeze(&mut self, claims: &[Claim], upto: usize) {
        for (k, c) in claims.iter().enumerate().take(upto).skip(self.frozen) {
            self.by_content.entry(c.content).or_insert(k);
        }
        self.frozen = self.frozen.max(upto);
    }

    /// The first claim with `content`: an indexed one, else the first of
    /// the rest.
    fn find(&self, claims: &[Claim], content: (usize, usize)) -> Option<usize> {
        self.by_content.get(&content).copied().or_else(|| {
            let tail = claims.get(self.frozen..)?;
            let k = tail.iter().position(|o| o.content == content)?;
            Some(self.frozen + k)
        })
    }
}

/// Adds a claim, merging it with one that has the same content (the cue
/// that follows a quotation wins: "“…,” Sullivan said on CNN").
pub(super) fn push_claim(claims: &mut Vec<Claim>, earlier: &Earlier, c: Claim) {
    if let Some(old) = earlier.find(claims, c.content).map(|k| &mut claims[k]) {
        let mut via = old
            .speaker
            .as_ref()
            .map(|s| s.via.clone())
            .unwrap_or_default();
        if c.cue_after && !old.cue_after {
            let older = std::mem::replace(old, c);
            via = older.speaker.map(|s| s.via).unwrap_or_default();
        }
        if let Some(sp) = old.speaker.as_mut() {
            for v in via {
                if !sp.via.contains(&v) {
                    sp.via.push(v);
                }
            }
        }
        return;
    }
    claims.push(c);
}

/// Whether the capitalised cue word at `i` is part of a name ("United
/// States will …") rather than a verb (headline "Trump Says Clinton …").
pub(super) fn inside_name(cx: &Context, i: usize) -> bool {
    // "…, Former White House Doctor Says.": a headline's closing cue.
    let headline_end = matches!(cx.low(i), "says" | "said" | "say")
        && (i + 1 >= cx.tokens.len()
            || cx.is_punct(i + 1, '.')
            || cx.tokens[i + 1].after_newline());
    // "Retired General Reveals ‘Demoralizing’ Experience …": in a headline
    // (the text's first line) every word is capitalised, verbs too.
    let headline = || i < cx.first_line_end;
    cx.is_cap(i) && i > 0 && cx.is_cap(i - 1) && !cx.is_cap(i + 1) && !headline_end && !headline()
}

/// "a super PAC called Our Principles", "a move called the boneless", "which
/// is called …": "called" naming a thing after an indefinite noun phrase or
/// a form of "be" (without a "by" agent) is no speech.
fn names_a_thing(cx: &Context, i: usize) -> bool {
    if cx.low(i) != "called" || matches!(cx.low(i + 1), "for" | "on" | "upon" | "out") {
        return false;
    }
    if i > 0 && is_be(cx.low(i - 1)) {
        return !(i + 1..(i + 12).min(cx.tokens.len())).any(|k| cx.low(k) == "by");
    }
    let mut k = i;
    while k > 0 && i - k < 5 && cx.is_word(k - 1) && !cx.is_cap(k - 1) {
        k -= 1;
        if matches!(cx.low(k), "a" | "an") {
            return true;
        }
    }
    false
}

/// "the calls are not getting through", "a think tank": a cue word right
/// after an article or demonstrative is a noun, not a verb of saying.
fn noun_use(cx: &Context, i: usize) -> bool {
    if i == 0 || !cx.is_word(i - 1) {
        return false;
    }
    // Possessives stay: "his plans for …", "North Korea's claims about …"
    // name their owner's claim.
    matches!(
        cx.low(i - 1),
        "the" | "a" | "an" | "these" | "those" | "this"
    )
}

/// "a liberal think tank", "a radio talk show", "failed to show up", "in
/// other words": a cue or finding word that forms a noun, a phrasal verb
/// or an idiom of no speech with the word before or after it
/// (`non-speech-pairs`).
pub(super) fn in_non_speech_pair(cx: &Context, i: usize) -> bool {
    let pair = |a: usize, b: usize| {
        cx.is_word(a) && cx.is_word(b) && cx.lex.is_non_speech_pair(cx.low(a), cx.low(b))
    };
    (i > 0 && pair(i - 1, i)) || pair(i, i + 1)
}

/// "The embassy maintains its own monitor": a cue that reports speech only
/// before a "that" clause or after its content (`clause-only-cues`) names
/// an act when a noun phrase follows it.
fn act_on_object(cx: &Context, i: usize) -> bool {
    if !crate::lexicon::lists()
        .clause_only_cues
        .contains(&cx.low(i))
    {
        return false;
    }
    let after_content = i > 0 && (cx.is_punct(i - 1, ',') || cx.is_mark(i - 1));
    let clause_follows = cx.low(i + 1) == "that" || !cx.is_word(i + 1);
    !after_content && !clause_follows
}

/// "kept Spain's hopes alive", "their hopes faded", "some calls were …": a
/// cue's -s form after a possessive or a quantifier is a plural noun, and names a claim only when its complement
/// follows ("Korea's claims about …", "his hope that …"); otherwise the
/// sentence is about something else and the possessor said nothing.
fn possessed_noun(cx: &Context, i: usize) -> bool {
    // Only the -s form, which after a possessive is a plural noun: "Oz's
    // show", "the alliance's recommended 2 percent" report what PolNeAR
    // counts as their owner's stance.
    if i == 0 || !cx.low(i).ends_with('s') {
        return false;
    }
    let before = cx.low(i - 1);
    // The stage keeps a clitic on its word ("spain’s"); "he's said" is
    // "has", not a possessive.
    let owner = before
        .strip_suffix("’s")
        .or_else(|| before.strip_suffix("'s"))
        .filter(|w| !w.is_empty());
    // "the candidates’ plans": a plural possessive's apostrophe is its own
    // token.
    let plural_owner = matches!(cx.tokens[i - 1].kind(), TokenKind::Punct('’' | '\''))
        && i >= 2
        && cx.low(i - 2).ends_with('s');
    let words = crate::lexicon::lists();
    let possessed = owner.is_some_and(|w| {
        cx.lex.pronoun(w).is_none()
            && !matches!(w, "that" | "who" | "there" | "what" | "it" | "let")
    }) || plural_owner
        || words.possessives.contains(&before)
        // "some calls into the hotline", "too many calls": counted, a noun.
        || words.quantifiers.contains(&before);
    possessed
        && !matches!(
            cx.low(i + 1),
            "that" | "about" | "of" | "for" | "to" | "on" | "over" | "in" | "against"
        )
}

/// "spoke to reporters Thursday", "spoke for 77 minutes", "talked with
/// voters": a verb of speaking reports a claim only through its topic
/// ("spoke about …", "talked of …", "spoke out against …"); without one
/// it names the act.
fn speech_without_topic(cx: &Context, i: usize) -> bool {
    let l = cx.low(i);
    let speaking = ["speak", "spoke", "talk"].iter().any(|s| l.starts_with(s));
    if !speaking {
        return false;
    }
    // "on" is a topic ("spoke on trade"), not a time ("spoke on Thursday")
    // nor the terms of the talk ("spoke on condition of anonymity", "on
    // the record", "on behalf of"); "about" is none before a number
    // ("spoke for about 30 minutes").
    let terms = |k: usize| {
        let next = if cx.low(k) == "the" { k + 1 } else { k };
        crate::lexicon::lists()
            .speaking_terms
            .contains(&cx.low(next))
    };
    let number = |k: usize| cx.low(k).starts_with(|c: char| c.is_ascii_digit());
    // The terms end the search ("of anonymity" is no topic either), and so
    // does a duration or a party ("spoke for about five minutes").
    // Each word lower-cased once: the search ran over every verb of
    // speaking's next words, reading each up to four times.
    for k in i + 1..(i + 8).min(cx.tokens.len()) {
        if !cx.is_word(k) {
            return true;
        }
        let w = cx.low(k);
        if (w == "on" && terms(k + 1)) || w == "for" {
            return true;
        }
        let topic = match w {
            "of" | "out" | "against" | "up" | "through" => true,
            "about" => !number(k + 1),
            "on" => !cx.lex.is_time_word(cx.low(k + 1)),
            _ => false,
        };
        if topic {
            return false;
        }
    }
    true
}

/// "met in Rome to discuss trade", "met Monday to discuss", "in order to
/// argue": a cue verb in an infinitive of purpose says why something was
/// done, not what anyone said; walking back for its subject would find the
/// place ("Rome"), and it would cut the claim it stands in ("…, the White
/// House said"). Infinitives after verbs and their objects ("refused to
/// discuss", "urged Congress to reject") stay cues, as PolNeAR has them.
fn purpose_infinitive(cx: &Context, i: usize) -> bool {
    if i < 2 || cx.low(i - 1) != "to" || !cx.is_word(i - 2) {
        return false;
    }
    let before = cx.low(i - 2);
    if crate::lexicon::lists().gathering_verbs.contains(&before)
        || (before == "order" && i >= 3 && cx.low(i - 3) == "in")
    {
        return true;
    }
    // A place or day after "in", "at" or "on" ("in Rome", "on Monday").
    let mut k = i - 2;
    while k > 0 && cx.is_cap(k) {
        k -= 1;
    }
    k < i - 2 && matches!(cx.low(k), "in" | "at" | "on")
}

/// Direct when the content is one quotation (or two around the cue),
/// partial when it holds quotation marks or is a quotation embedded in a
/// reported "that" clause ("said that “…”"), indirect otherwise.
pub fn kind_of(cx: &Context, content: (usize, usize)) -> QuoteKind {
    let (s, e) = content;
    if cx.quotation_exactly(s, e).is_some() {
        // "said that “…”", "called the plan “a disgrace”", "says “it's
        // interesting that …”": a quotation run into the writer's sentence,
        // no comma or colon before it, is a quoted phrase of reported
        // speech unless it opens a sentence of its own.
        let run_in = s > 0
            && cx.is_word(s - 1)
            && (s + 1..e)
                .find(|&k| cx.is_word(k))
                .is_some_and(|k| !cx.is_cap(k));
        let embedded = s > 0 && cx.low(s - 1) == "that" || run_in;
        return if embedded {
            QuoteKind::Partial
        } else {
            QuoteKind::Direct
        };
    }
    let starts = cx.opens[s].is_some();
    let ends_in_mark = e > s && cx.is_mark(e - 1);
    if starts && ends_in_mark {
        let first = cx.opens[s].map(|qi| &cx.quotations[qi]);
        if let Some(q) = first {
            let last = q.close.unwrap_or(q.end_token);
            let between = (last + 1..e).filter(|&i| !cx.inside[i]).count();
            if between <= 8 {
                return QuoteKind::Direct;
            }
        }
    }
    if cx.has_mark(s, e) {
        QuoteKind::Partial
    } else {
        QuoteKind::Indirect
    }
}

/// "voters see Clinton as more experienced", "many viewed the deal as a
/// betrayal", "cast himself as an outsider": a verb of seeing or
/// portraying with an "as" complement is a stance.
fn sees_as(cx: &Context, i: usize) -> bool {
    if cx.is_cap(i) || i == 0 || !SEEING_VERBS.contains(&cx.low(i)) {
        return false;
    }
    // "the view as …", "their view as …": a noun.
    if matches!(
        cx.low(i - 1),
        "the" | "a" | "an" | "this" | "that" | "his" | "her" | "their" | "its"
    ) {
        return false;
    }
    (i + 2..(i + 8).min(cx.tokens.len()))
        .take_while(|&j| cx.is_word(j) || cx.is_punct(j, '.'))
        .any(|j| cx.low(j) == "as")
}

/// The verbs of seeing or portraying [`sees_as`] reads (lower-cased).
const SEEING_VERBS: [&str; 22] = [
    "see",
    "sees",
    "saw",
    "view",
    "views",
    "viewed",
    "regard",
    "regards",
    "regarded",
    "labeled",
    "labelled",
    "branded",
    "brands",
    "characterized",
    "characterizes",
    "cast",
    "casts",
    "painted",
    "paints",
    "depicted",
    "touted",
    "touts",
];
