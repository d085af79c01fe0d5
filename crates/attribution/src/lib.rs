//! Who said what, and according to whom.
//!
//! [`Attributor::annotate`] reads an [`Analysis`] and adds `quotes` (direct,
//! partial and indirect, each with speaker, cue and source chain) and
//! consistency `flags`. It regroups `nlp`'s tokens (`Analysis::tokens`) into
//! its words, marks and quote-aware sentences ([`text`]), pairs quotation marks ([`marks`]), finds cues with their
//! speaker phrases and contents ([`claims`], [`phrases`]) and resolves
//! speakers to people and groups ([`resolve`]). Entities from `nlp` are used
//! for linking when present, never required. No I/O; one pass per document.

#![warn(missing_docs)]

pub mod actors;
pub mod claims;
pub mod context;
pub mod lexicon;
pub mod marks;
pub mod phrases;
pub mod resolve;
pub mod text;

use context::Context;
use lexicon::Lexicon;
use model::{Analysis, Budget, Flag, FlagKind, OverBudget, Quote, QuoteKind, Reference, Span};

/// The attribution stage, holding its cue lexicon.
#[derive(Debug, Default)]
pub struct Attributor {
    lexicon: Lexicon,
}

impl Attributor {
    /// The stage with its built-in lexicons.
    pub fn new() -> Self {
        Attributor {
            lexicon: Lexicon::new(),
        }
    }

    /// The stage with a lexicon of the caller's (e.g. built-in lists plus
    /// candidate cue words under evaluation).
    pub fn with_lexicon(lexicon: Lexicon) -> Self {
        Attributor { lexicon }
    }

    /// Adds quotes (direct, partial, indirect) with speakers, cues and source
    /// chains, and flags, to `a`.
    pub fn annotate(&self, a: &mut Analysis) {
        // An unlimited budget never runs out.
        let _ = self.annotate_within(a, &Budget::unlimited());
    }

    /// [`Attributor::annotate`], checking `budget` between sentences and
    /// between claims.
    ///
    /// # Errors
    ///
    /// [`OverBudget`] when the budget runs out; `a` is then left as it was.
    pub fn annotate_within(&self, a: &mut Analysis, budget: &Budget) -> Result<(), OverBudget> {
        let (quotes, flags) = self.attribute(a, budget)?;
        a.quotes = quotes;
        a.flags.extend(flags);
        Ok(())
    }

    /// Computes the quotes and flags of `a` without changing it.
    fn attribute(
        &self,
        a: &Analysis,
        budget: &Budget,
    ) -> Result<(Vec<Quote>, Vec<Flag>), OverBudget> {
        // Run without `nlp` before it (tests, `examples/attribute_jsonl.rs`),
        // the stage cuts the text with `nlp`'s tokeniser itself.
        let own;
        let tokens = if a.tokens.is_empty() {
            own = nlp::tokenize::document(a.text())?.0;
            &own
        } else {
            &a.tokens
        };
        let cx = Context::new(a.text(), tokens, &self.lexicon);
        budget.check()?;
        let (claims, phrases) = claims::find(&cx, budget)?;
        let mut resolver = resolve::Resolver::new(&cx, &a.entities, &phrases);
        // The resolver has read what it needs of them: on a long page of
        // claims they would otherwise stay beside the quotes made below.
        drop(phrases);
        let mut quotes = Vec::with_capacity(claims.len());
        let mut n = 0usize;
        for chunk in in_chunks(claims) {
            for c in chunk {
                if n.is_multiple_of(64) {
                    budget.check()?;
                }
                n += 1;
                let c = &c;
                let speaker = c.speaker.as_ref().map(|p| resolver.speaker(p));
                let via = c
                    .speaker
                    .iter()
                    .flat_map(|p| p.via.iter())
                    .map(|&r| resolver.link_reference(r))
                    .collect();
                let (cue, cue_span) = match c.cue {
                    Some((s, e)) => (Some(cx.slice(s, e).to_string()), Some(cx.span(s, e))),
                    None => (None, None),
                };
                quotes.push(Quote {
                    span: content_span(&cx, c),
                    parts: content_parts(&cx, c),
                    kind: c.kind,
                    speaker,
                    cue,
                    cue_span,
                    via,
                });
            }
        }
        refine_generic_chains(&mut quotes, &self.lexicon);
        let mut flags = resolver.flags;
        flags.extend(unclosed_flags(&cx));
        Ok((quotes, flags))
    }
}

/// Claims a chunk holds ([`in_chunks`]).
const CLAIM_CHUNK: usize = 1 << 16;

/// `claims` in chunks of [`CLAIM_CHUNK`], in text order, so that each
/// chunk's room is given back as soon as its quotes are made: on a page
/// of a million claims, the claims beside the quotes were the stage's peak,
/// and shrinking one vector of them as they were used copied what was left
/// beside itself, which was higher still. The chunks are moved out of the
/// one vector, not cloned; a document with fewer claims keeps its vector.
fn in_chunks(mut claims: Vec<claims::Claim>) -> Vec<Vec<claims::Claim>> {
    let mut chunks = Vec::with_capacity(claims.len() / CLAIM_CHUNK + 1);
    while claims.len() > CLAIM_CHUNK {
        chunks.push(claims.split_off(claims.len() - CLAIM_CHUNK));
    }
    chunks.push(claims);
    chunks.reverse();
    chunks
}

/// The byte span of a claim's content: inside the marks for a direct quote
/// (without the comma before the closing mark), the words otherwise.
fn content_span(cx: &Context, c: &claims::Claim) -> Span {
    piece_span(cx, c.content, c.kind)
}

/// The content's parts when the claim's own cue or speaker stands inside
/// it ("“…men,” said Press Secretary Jo Doe. “We …”", "The plan, he said,
/// is dead"): the words before the attribution and those after it, each
/// trimmed as a content span is. A direct quotation's second part starts
/// at its opening mark, so words that trail the speaker (", speaking of
/// the plan.") stay outside too. Empty when the cue or the speaker is
/// outside the content (or absent), or a part would hold no word.
fn content_parts(cx: &Context, c: &claims::Claim) -> Vec<Span> {
    let (s, e) = c.content;
    // Both the cue and the speaker must stand inside: an unsourced claim
    // ("which is expected to lay off …") has its cue in its content by
    // design, and is one piece.
    let (Some(cue), Some(speaker)) = (c.cue, c.speaker.as_ref().map(|p| p.range)) else {
        return Vec::new();
    };
    let inside = |(a, b): (usize, usize)| a > s && b < e;
    if !inside(cue) || !inside(speaker) {
        return Vec::new();
    }
    let (gs, ge) = (cue.0.min(speaker.0), cue.1.max(speaker.1));
    let punct = |i: usize| !cx.is_word(i) && !cx.is_mark(i);
    let mut left_end = gs;
    while left_end > s && punct(left_end - 1) {
        left_end -= 1;
    }
    let mut right_start = ge;
    if c.kind == QuoteKind::Direct {
        if let Some(open) = (ge..e).find(|&i| cx.opens[i].is_some()) {
            right_start = open;
        }
    }
    while right_start < e && punct(right_start) {
        right_start += 1;
    }
    if cx.word_count(s, left_end) == 0 || cx.word_count(right_start, e) == 0 {
        return Vec::new();
    }
    vec![
        piece_span(cx, (s, left_end), c.kind),
        piece_span(cx, (right_start, e), c.kind),
    ]
}

/// The byte span of the tokens `s..e` of a claim of `kind`, trimmed as
/// [`content_span`] says.
fn piece_span(cx: &Context, (s, e): (usize, usize), kind: QuoteKind) -> Span {
    let mut span = cx.span(s, e);
    if kind == QuoteKind::Direct {
        if cx.is_mark(s) {
            span.start = cx.tokens[s].span().end;
        }
        if e > s && cx.is_mark(e - 1) && e - 1 > s {
            span.end = cx.tokens[e - 1].span().start;
        }
    }
    let text = span.slice(cx.text);
    let trimmed = text.trim_end_matches([',', ' ', '\n']).trim_start();
    if !trimmed.is_empty() {
        let lead = text.len() - text.trim_start().len();
        span = Span::new(span.start + lead, span.start + lead + trimmed.len());
    }
    span
}

/// "according to U.S. officials quoted by U.S. media": when a later claim of
/// the same speaker names the outlets ("quoted … by CNN and The New York
/// Times"), the generic link is replaced by them.
fn refine_generic_chains(quotes: &mut [Quote], lex: &Lexicon) {
    let is_generic = |r: &Reference| {
        r.name
            .rsplit(' ')
            .next()
            .is_some_and(|last| lex.is_group_head(last))
    };
    let concrete: Vec<(String, Vec<Reference>)> = quotes
        .iter()
        .filter_map(|q| {
            let sp = q.speaker.as_ref()?;
            (!q.via.is_empty() && !q.via.iter().any(is_generic))
                .then(|| (sp.name.clone(), q.via.clone()))
        })
        .collect();
    for q in quotes.iter_mut() {
        let Some(sp) = &q.speaker else { continue };
        if q.via.len() == 1 && is_generic(&q.via[0]) {
            if let Some((_, via)) = concrete.iter().find(|(name, _)| *name == sp.name) {
                q.via = via.clone();
            }
        }
    }
}

/// A flag for every quotation mark that opens and never closes.
fn unclosed_flags(cx: &Context) -> Vec<Flag> {
    cx.quotations
        .iter()
        .filter(|q| q.close.is_none())
        .map(|q| Flag {
            kind: FlagKind::UnclosedQuote,
            message: "a quotation mark opens here and does not close in its paragraph".into(),
            spans: vec![cx.tokens[q.open].span()],
        })
        .collect()
}
