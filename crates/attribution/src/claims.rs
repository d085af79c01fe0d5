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
use model::QuoteKind;

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

/// Participles whose object is an addressee ("telling reporters that …").
const TELL_PARTICIPLES: &[&str] = &["telling", "asking", "warning", "urging"];

/// Words that start no content: the clause after the cue is something else.
const NOT_CONTENT_START: &[&str] = &[
    "who", "which", "as", "before", "after", "when", "while", "because", "and", "but", "in", "on",
    "at", "during", "for", "to", "of", "by", "with", "from",
];

/// Nouns of the medium a statement was made in ("said in a statement").
const MEDIA_NOUNS: &[&str] = &[
    "statement",
    "interview",
    "speech",
    "letter",
    "tweet",
    "post",
    "release",
    "conference",
    "briefing",
    "appearance",
    "email",
    "e-mail",
    "op-ed",
    "video",
    "message",
    "report",
    "remarks",
    "address",
    "broadcast",
    "show",
    "episode",
    "call",
    "radio",
    "television",
    "rally",
    "debate",
    "memo",
    "filing",
    "hearing",
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
];

/// Finds every claim in the document, in text order, plus every speaker
/// phrase seen (including those of claims merged away), for resolution.
pub fn find(cx: &Context) -> (Vec<Claim>, Vec<SpeakerPhrase>) {
    let mut claims: Vec<Claim> = Vec::new();
    let mut seen = Vec::new();
    for &(s, e) in &cx.sentences {
        if let Some(c) = labelled_paragraph(cx, s) {
            seen.extend(c.speaker.clone());
            claims.push(c);
        }
        let first = claims.len();
        for i in s..e {
            if cx.inside[i] || !cx.is_word(i) {
                continue;
            }
            let covering = claims
                .iter()
                .rev()
                .take(4)
                .find(|c| c.content.0 <= i && i < c.content.1)
                .map(|c| c.content.0);
            let l = cx.low(i);
            let claim = if l == "according" && cx.low(i + 1) == "to" {
                if covering.is_some() {
                    None
                } else {
                    according(cx, s, e, i, &claims[first..])
                }
            } else if let Some(class) = cx.lex.cue(l).filter(|_| !inside_name(cx, i)) {
                match (class, covering) {
                    (CueClass::Participle, _) => {
                        participle(cx, s, e, i, &claims[first..], covering)
                    }
                    (_, Some(_)) => None,
                    _ => finite(cx, s, e, i, class, &claims[first..]),
                }
            } else {
                None
            };
            if let Some(c) = claim {
                if let Some(sp) = &c.speaker {
                    seen.push(sp.clone());
                }
                push_claim(&mut claims, c);
            }
        }
    }
    claims.sort_by_key(|c| c.content.0);
    continuing_quotations(cx, &mut claims);
    colon_quotations(cx, &mut claims);
    claims.sort_by_key(|c| c.content.0);
    (claims, seen)
}

/// "Trump: My plans aren’t set in stone." / "FALLIN: I think …": a
/// paragraph that opens with a short name and a colon (headlines,
/// transcripts) is that speaker's; the content runs to the paragraph end.
fn labelled_paragraph(cx: &Context, s: usize) -> Option<Claim> {
    if !(s == 0 || cx.tokens[s].after_newline) {
        return None;
    }
    let colon = (s..(s + 8).min(cx.tokens.len())).find(|&k| cx.is_punct(k, ':'))?;
    let mut start = s;
    // "EXCLUSIVE – Roger Stone:" — skip a label before a dash.
    if let Some(dash) =
        (s..colon).find(|&k| matches!(cx.tokens[k].kind, TokenKind::Punct('–' | '—' | '-')))
    {
        if dash > s
            && !cx.tokens[dash].span.is_empty()
            && cx.tokens[dash - 1].span.end < cx.tokens[dash].span.start
        {
            start = dash + 1;
        }
    }
    if start >= colon || !phrases::is_name(cx, start, colon) || cx.word_count(start, colon) > 4 {
        return None;
    }
    // Bylines, credits and one-letter interview labels are not speakers.
    let label = cx.low(start);
    if label.chars().count() < 2
        || matches!(
            label,
            "contributing"
                | "note"
                | "update"
                | "editor"
                | "related"
                | "photo"
                | "source"
                | "read"
                | "watch"
                | "see"
                | "follow"
                | "via"
                | "credit"
        )
    {
        return None;
    }
    let mut end = colon + 1;
    while end < cx.tokens.len() && !cx.tokens[end].after_newline {
        end += 1;
    }
    while end > colon + 1 && matches!(cx.tokens[end - 1].kind, TokenKind::Punct(_)) {
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

/// Adds a claim, merging it with one that has the same content (the cue
/// that follows a quotation wins: "“…,” Sullivan said on CNN").
fn push_claim(claims: &mut Vec<Claim>, c: Claim) {
    if let Some(old) = claims.iter_mut().find(|o| o.content == c.content) {
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

/// A finite cue: "X said (that) …", "…, X said", "…, said X", "X told Y …".
fn finite(
    cx: &Context,
    s: usize,
    e: usize,
    cue: usize,
    class: CueClass,
    earlier: &[Claim],
) -> Option<Claim> {
    let clause_start = earlier.last().map_or(s, |c| c.content.1.max(s));
    // "… tweeted a photograph and said …": the same speaker again.
    let mut b = cue;
    while b > s && cx.is_word(b - 1) && cx.lex.is_between(cx.low(b - 1)) {
        b -= 1;
    }
    let coordinated = b > s && cx.low(b - 1) == "and";
    let inverted_found = if class == CueClass::Tell {
        None
    } else {
        inverted_speaker(cx, s, e, cue)
    };
    let found = if let Some(p) = inverted_found {
        Some(p)
    } else if coordinated {
        earlier
            .last()
            .and_then(|c| coordinated_speaker(cx, c, cue))
            .or_else(|| subject(cx, s, cue))
            .map(|p| SpeakerPhrase {
                via: Vec::new(),
                ..p
            })
    } else {
        phrases::before(cx, clause_start.min(cue), cue)
    };
    let (mut speaker, after_speaker, lead) = match found {
        Some(p) if p.range.0 > cue => {
            let after = p.range.1;
            (p, after, cue)
        }
        Some(p) => {
            let lead = if coordinated { cue } else { p.range.0 };
            (p, cue + 1, lead)
        }
        None => {
            let prev_ok = cue == s || cx.is_punct(cue - 1, ',') || cx.is_mark(cue - 1);
            if !prev_ok {
                return None;
            }
            let r = phrases::after(cx, cue + 1, e)?;
            let names_someone = (r.0..r.1).any(|i| cx.is_cap(i) || cx.lex.is_role(cx.low(i)));
            if !names_someone {
                return None;
            }
            (
                SpeakerPhrase {
                    range: r,
                    ..SpeakerPhrase::default()
                },
                r.1,
                cue,
            )
        }
    };
    if let Some(links) = phrases::chain_in(cx, clause_start.min(lead), lead) {
        speaker.via.extend(links);
    }
    let mut k = skip_adjuncts(cx, after_speaker, e, &mut speaker.via);
    if class == CueClass::Tell {
        k = skip_object(cx, k, e, &mut speaker.via);
        k = skip_adjuncts(cx, k, e, &mut speaker.via);
        // "told conservative radio host Hugh Hewitt on Wednesday that …"
        if let Some(that) = (k..(k + 12).min(e))
            .take_while(|&j| cx.is_word(j) || cx.is_punct(j, '.'))
            .find(|&j| cx.low(j) == "that")
        {
            k = that + 1;
        }
    }
    let inverted = lead == cue && !coordinated;
    // "“…,” said X, who …": the content is the quotation before the cue.
    let right = if inverted {
        None
    } else {
        right_content(cx, k, e)
    };
    let left = if coordinated {
        None
    } else {
        left_content(cx, s, clause_start, lead)
    };
    let interrupted = cx.is_punct(after_speaker, ',');
    let left_is_quote = left.is_some_and(|l| cx.opens[l.0].is_some());
    let right_is_quote = right.is_some_and(|r| cx.opens[r.0].is_some());
    let (content, cue_after) = match (left, right) {
        (Some(l), Some(r)) if interrupted && (left_is_quote == right_is_quote) => {
            ((l.0, r.1), true)
        }
        (Some(l), Some(_)) if left_is_quote => (l, true),
        (_, Some(r)) => (r, false),
        (Some(l), None) => (l, true),
        (None, None) => return None,
    };
    Some(Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((cue, cue + 1)),
        speaker: Some(speaker),
        cue_after,
    })
}

/// Whether the capitalised cue word at `i` is part of a name ("United
/// States will …") rather than a verb (headline "Trump Says Clinton …").
fn inside_name(cx: &Context, i: usize) -> bool {
    cx.is_cap(i) && i > 0 && cx.is_cap(i - 1) && !cx.is_cap(i + 1)
}

/// "…, said David Axelrod, a former strategist.": after a comma or a
/// closing mark, a cue followed by a name that ends at a comma or the
/// sentence end names its speaker after it.
fn inverted_speaker(cx: &Context, s: usize, e: usize, cue: usize) -> Option<SpeakerPhrase> {
    if cue == s || !(cx.is_punct(cue - 1, ',') || cx.is_mark(cue - 1)) {
        return None;
    }
    let r = phrases::after(cx, cue + 1, e)?;
    let names_someone = (r.0..r.1).any(|i| {
        (cx.is_cap(i) && !cx.lex.is_not_name(cx.low(i)) && !cx.lex.is_time_word(cx.low(i)))
            || cx.lex.is_role(cx.low(i))
    });
    let ends = r.1 >= e
        || cx.is_punct(r.1, ',')
        || cx.is_punct(r.1, '.')
        || cx.is_punct(r.1, ';')
        || cx.is_punct(r.1, '(');
    (names_someone && ends).then(|| SpeakerPhrase {
        range: r,
        ..SpeakerPhrase::default()
    })
}

/// Who does a verb coordinated with an earlier claim ("… and said …"):
/// the earlier speaker, unless the earlier content was a clause of its own
/// ("according to X, China may have … and stated …"), whose subject it is.
fn coordinated_speaker(cx: &Context, earlier: &Claim, cue: usize) -> Option<SpeakerPhrase> {
    let (start, end) = earlier.content;
    let cut_here = end <= cue && cue - end <= 3;
    let clause = earlier.cue.is_some_and(|(cs, _)| {
        cx.low(cs) == "according" || cx.low(start.saturating_sub(1)) == "that"
    });
    if cut_here && clause && !earlier.cue_after {
        if let Some(p) = subject(cx, start, cue) {
            return Some(p);
        }
    }
    earlier.speaker.clone()
}

/// "…, saying (that) …": the speaker is the agent named in the clause ("by
/// Chinese media"), or the speaker of the sentence's previous claim, or the
/// sentence's subject.
fn participle(
    cx: &Context,
    s: usize,
    e: usize,
    cue: usize,
    earlier: &[Claim],
    covering: Option<usize>,
) -> Option<Claim> {
    if cue == s || !(cx.is_punct(cue - 1, ',') || cx.low(cue - 1) == "and") {
        return None;
    }
    let agent = agent_by(cx, covering.unwrap_or(s), cue);
    let speaker = match covering {
        Some(_) => agent?,
        None => agent
            .or_else(|| earlier.last().and_then(|c| c.speaker.clone()))
            .or_else(|| subject(cx, s, cue))?,
    };
    let mut via = speaker.via.clone();
    let mut k = cue + 1;
    if TELL_PARTICIPLES.contains(&cx.low(cue)) {
        k = skip_object(cx, k, e, &mut via);
    }
    k = skip_adjuncts(cx, k, e, &mut via);
    let content = right_content(cx, k, e)?;
    Some(Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((cue, cue + 1)),
        speaker: Some(SpeakerPhrase { via, ..speaker }),
        cue_after: false,
    })
}

/// "according to X[, quoted by Y], …" and "…, according to X".
fn according(cx: &Context, s: usize, e: usize, a: usize, earlier: &[Claim]) -> Option<Claim> {
    let range = phrases::after(cx, a + 2, e)?;
    let (mut end, via) = match phrases::chain_at(cx, range.1, e) {
        Some((last, links)) => (last, links),
        None => (range.1, Vec::new()),
    };
    let speaker = SpeakerPhrase {
        range,
        role: None,
        via,
    };
    let clause_start = earlier.last().map_or(s, |c| c.content.1.max(s));
    let content = if a <= clause_start + 3 {
        if cx.is_punct(end, ',') {
            end += 1;
        }
        right_content(cx, end, e)?
    } else {
        if !(cx.is_punct(a - 1, ',') || cx.is_punct(a - 1, '(')) {
            return None;
        }
        let c = (clause_start, a - 1);
        (cx.word_count(c.0, c.1) >= 2).then_some(c)?
    };
    Some(Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((a, a + 2)),
        speaker: Some(speaker),
        cue_after: content.1 <= a,
    })
}

/// "by X" shortly before a participle names its agent.
fn agent_by(cx: &Context, from: usize, cue: usize) -> Option<SpeakerPhrase> {
    let lo = cue.saturating_sub(14).max(from);
    let by = (lo..cue).rev().find(|&k| cx.low(k) == "by")?;
    let links = phrases::links(cx, by + 1, cue)?;
    let first = *links.first()?;
    Some(SpeakerPhrase {
        range: first,
        ..SpeakerPhrase::default()
    })
}

/// The subject at the start of a sentence (after a short lead-in clause).
fn subject(cx: &Context, s: usize, cue: usize) -> Option<SpeakerPhrase> {
    let mut i = s;
    if let Some(comma) = (s..cue.min(s + 7)).find(|&k| cx.is_punct(k, ',')) {
        if !cx.is_cap(s) || cx.lex.is_not_name(cx.low(s)) {
            i = comma + 1;
        }
    }
    if cx.lex.pronoun(cx.low(i)).is_some() {
        return Some(SpeakerPhrase {
            range: (i, i + 1),
            ..SpeakerPhrase::default()
        });
    }
    // "Continuing, …", "Asked about …": an opening participle is no subject.
    if cx.low(i).ends_with("ing") || cx.lex.cue(cx.low(i)).is_some() {
        return None;
    }
    let r = phrases::after(cx, i, cue)?;
    // A name subject is its capitalised run ("Romney fired back" → Romney).
    let r = if cx.is_cap(r.0) && !cx.lex.is_not_name(cx.low(r.0)) {
        let mut k = r.0;
        while k < r.1 && (cx.is_cap(k) || cx.is_punct(k, '.') || cx.is_punct(k, '-')) {
            k += 1;
        }
        (r.0, k)
    } else if cx.low(r.0) == "the" {
        let head = (r.0 + 1..r.1).find(|&k| cx.lex.is_role(cx.low(k)) || cx.is_cap(k));
        match head {
            Some(h) => (r.0, h + 1),
            None => return None,
        }
    } else {
        return None;
    };
    Some(SpeakerPhrase {
        range: r,
        ..SpeakerPhrase::default()
    })
}

/// Skips what may follow a cue before its content: "that", time words,
/// "on CNN" (a chain link), "in a statement", "Sunday", commas and colons.
fn skip_adjuncts(cx: &Context, mut k: usize, e: usize, via: &mut Vec<(usize, usize)>) -> usize {
    let mut steps = 0;
    while k < e && steps < 8 {
        steps += 1;
        let l = cx.low(k);
        if cx.is_punct(k, ',') || (cx.is_punct(k, ':') && !at_paragraph_end(k, e)) {
            k += 1;
        } else if l == "that" {
            return k + 1;
        } else if cx.lex.is_time_word(l) && cx.is_word(k) {
            k += 1;
        } else if matches!(l, "on" | "in" | "during" | "at" | "to" | "with" | "via") {
            let Some(next) = prep_phrase(cx, k + 1, e, via) else {
                return k;
            };
            k = next;
        } else {
            return k;
        }
    }
    k
}

/// After a preposition: "CNN", "Monday", "a statement (quoted by X)", "an
/// interview with Fox News". Returns the index after the phrase.
fn prep_phrase(cx: &Context, k: usize, e: usize, via: &mut Vec<(usize, usize)>) -> Option<usize> {
    // "during Saturday night’s Democratic debate", "in a statement".
    let medium = (k..(k + 6).min(e))
        .take_while(|&j| cx.is_word(j) && cx.low(j) != "that")
        .find(|&j| MEDIA_NOUNS.contains(&cx.low(j)) && !cx.lex.is_time_word(cx.low(j)));
    if let Some(noun) = medium {
        let mut end = noun + 1;
        if let Some((last, links)) = phrases::chain_at(cx, end, e) {
            via.extend(links);
            end = last;
        } else if matches!(cx.low(end), "with" | "on" | "to") {
            if let Some(links) = phrases::links(cx, end + 1, e) {
                end = links.last().map_or(end + 1, |r| r.1);
                via.extend(
                    links
                        .into_iter()
                        .filter(|r| cx.lex.is_outlet(cx.slice(r.0, r.1))),
                );
            }
        }
        return Some(end);
    }
    if let Some(links) = phrases::links(cx, k, e) {
        let names: Vec<_> = links
            .into_iter()
            .filter(|r| !cx.lex.is_time_word(cx.low(r.0)))
            .collect();
        let end = names.last().map(|r| r.1);
        let outlets: Vec<_> = names
            .iter()
            .copied()
            .filter(|r| cx.lex.is_outlet(cx.slice(r.0, r.1)))
            .collect();
        if outlets.is_empty() {
            // "said in Iowa" / "said on Monday": a place or time, no link.
            if cx.lex.is_time_word(cx.low(k)) || end.is_some() {
                return Some(end.unwrap_or(k + 1));
            }
            return None;
        }
        via.extend(outlets);
        return end;
    }
    let mut i = k;
    if matches!(
        cx.low(i),
        "a" | "an" | "the" | "his" | "her" | "their" | "its"
    ) {
        i += 1;
    }
    let noun = (i..(i + 3).min(e)).find(|&j| MEDIA_NOUNS.contains(&cx.low(j)))?;
    let mut end = noun + 1;
    if let Some((last, links)) = phrases::chain_at(cx, end, e) {
        via.extend(links);
        end = last;
    } else if matches!(cx.low(end), "with" | "on" | "to") {
        if let Some(links) = phrases::links(cx, end + 1, e) {
            end = links.last().map_or(end + 1, |r| r.1);
            via.extend(
                links
                    .into_iter()
                    .filter(|r| cx.lex.is_outlet(cx.slice(r.0, r.1))),
            );
        }
    }
    Some(end)
}

/// Skips a tell-verb's addressee: "reporters", "him", "The Washington Post".
fn skip_object(cx: &Context, k: usize, e: usize, via: &mut Vec<(usize, usize)>) -> usize {
    if k >= e || cx.low(k) == "that" || cx.is_mark(k) {
        return k;
    }
    if let Some(links) = phrases::links(cx, k, e) {
        if let Some(&first) = links.first() {
            if cx.lex.is_outlet(cx.slice(first.0, first.1)) {
                via.push(first);
            }
            return first.1;
        }
    }
    let mut i = k;
    while i < e && i < k + 4 && cx.is_word(i) && cx.lex.is_addressee(cx.low(i)) {
        i += 1;
    }
    i
}

/// Whether token `k` is the last of its sentence before a paragraph break.
fn at_paragraph_end(k: usize, e: usize) -> bool {
    k + 1 >= e
}

/// The content after a cue, from `k` to the sentence end; stops before a
/// ", saying …" continuation. A sentence ending in ":" takes the quotation
/// that opens the next paragraph.
fn right_content(cx: &Context, k: usize, e: usize) -> Option<(usize, usize)> {
    if k >= e || (k + 1 == e && cx.is_punct(k, ':')) {
        if cx.is_punct(e.saturating_sub(1), ':') || cx.is_punct(k, ':') {
            return following_quotation(cx, e);
        }
        return None;
    }
    if cx.is_punct(k, ':') && k + 1 < e {
        return right_content(cx, k + 1, e);
    }
    if let Some(qi) = cx.opens[k] {
        let q = &cx.quotations[qi];
        let last = q.close.unwrap_or(q.end_token.saturating_sub(1));
        // A quotation running to the sentence end, or followed by its own
        // attribution ("…,” Sullivan said), is the whole content.
        let rest_is_punct = (last + 1..e).all(|i| matches!(cx.tokens[i].kind, TokenKind::Punct(_)));
        let cue_follows = (last + 1..(last + 6).min(e)).any(|i| cx.lex.cue(cx.low(i)).is_some());
        if rest_is_punct || cue_follows {
            return Some((k, last + 1));
        }
    } else if k > 0
        && cx.low(k - 1) != "that"
        && (NOT_CONTENT_START.contains(&cx.low(k))
            || cx.lex.cue(cx.low(k)) == Some(CueClass::Participle))
    {
        return None;
    }
    let mut end = e;
    for i in k + 1..e {
        // A later quotation with its own cue ("…: “…,” Roffman predicted").
        if let Some(qi) = cx.opens[i] {
            let q = &cx.quotations[qi];
            let last = q.close.unwrap_or(q.end_token.saturating_sub(1));
            let attributed_form = last > 0
                && (matches!(cx.tokens[last - 1].kind, TokenKind::Punct(',' | '?' | '!'))
                    || cx.is_punct(last + 1, ','));
            if attributed_form
                && (last + 1..(last + 6).min(e)).any(|j| cx.lex.cue(cx.low(j)).is_some())
            {
                end = i;
                break;
            }
        }
        if cx.inside[i] {
            continue;
        }
        if ends_reported_clause(cx, i, e) {
            end = i;
            break;
        }
        if cx.is_punct(i, ',')
            && (cx.lex.cue(cx.low(i + 1)) == Some(CueClass::Participle)
                || (cx.low(i + 1) == "according" && cx.low(i + 2) == "to"))
        {
            end = i;
            break;
        }
    }
    while end > k && matches!(cx.tokens[end - 1].kind, TokenKind::Punct(c) if c != ')' && c != '…')
    {
        end -= 1;
    }
    if cx.is_punct(end, ':') && end + 1 >= e {
        if let Some(q) = following_quotation(cx, e) {
            return Some(q);
        }
    }
    (cx.word_count(k, end) >= 2).then_some((k, end))
}

/// Whether the reported clause ends before token `i`: "; …", ", which …",
/// ": In …", or "and" followed by another cue ("… and suggested …",
/// "and three-quarters said …").
fn ends_reported_clause(cx: &Context, i: usize, e: usize) -> bool {
    if cx.is_punct(i, ';') {
        return true;
    }
    if cx.is_punct(i, ',') && matches!(cx.low(i + 1), "which" | "who") {
        return true;
    }
    if cx.is_punct(i, ':') && cx.is_cap(i + 1) {
        return true;
    }
    let and_at = if cx.is_punct(i, ',') && matches!(cx.low(i + 1), "and" | "but" | "while") {
        i + 1
    } else if cx.low(i) == "and" && !cx.is_punct(i.saturating_sub(1), ',') {
        i
    } else {
        return false;
    };
    (and_at + 1..(and_at + 5).min(e))
        .take_while(|&j| cx.is_word(j))
        .any(|j| {
            matches!(
                cx.lex.cue(cx.low(j)),
                Some(CueClass::Speech | CueClass::Tell)
            )
        })
}

/// The quotation opening at token `e` (the next sentence), as a range.
fn following_quotation(cx: &Context, e: usize) -> Option<(usize, usize)> {
    let qi = cx.opens.get(e).copied().flatten()?;
    let q = &cx.quotations[qi];
    Some((q.open, q.close.map_or(q.end_token, |c| c + 1)))
}

/// The content before a speaker that starts at `lead`: ", X said" after a
/// clause or a quotation.
fn left_content(
    cx: &Context,
    sentence_start: usize,
    clause_start: usize,
    lead: usize,
) -> Option<(usize, usize)> {
    if lead == 0 || lead <= sentence_start {
        return None;
    }
    let mut b = lead - 1;
    let sep = cx.is_punct(b, ',') || cx.is_mark(b);
    if !sep {
        return None;
    }
    // ",” he said": step over the closing mark and the comma before it.
    if cx.is_mark(b) {
        let closing = matches!(
            cx.tokens[b].kind,
            TokenKind::Mark(Mark::DoubleClose | Mark::DoubleStraight | Mark::SingleClose)
        );
        if !closing {
            return None;
        }
        let qi = cx.closes[b]?;
        let q = &cx.quotations[qi];
        // A quotation may open paragraphs before (multi-paragraph quotes).
        if q.open < sentence_start && !cx.inside[sentence_start] {
            return None;
        }
        // "Belgium failed … and ‘should have acted,’ said X": the clause.
        if q.open > clause_start && cx.word_count(clause_start, q.open) >= 3 {
            return Some((clause_start, b + 1));
        }
        return Some((q.open, b + 1));
    }
    if b > 0 && cx.is_mark(b - 1) {
        if let Some(qi) = cx.closes[b - 1] {
            let q = &cx.quotations[qi];
            if q.open >= sentence_start {
                return Some((q.open, b));
            }
        }
    }
    if lead <= clause_start {
        return None;
    }
    while b > clause_start && matches!(cx.tokens[b - 1].kind, TokenKind::Punct(_)) {
        b -= 1;
    }
    (cx.word_count(clause_start, b) >= 3).then_some((clause_start, b))
}

/// Direct when the content is one quotation (or two around the cue),
/// partial when it holds quotation marks, indirect otherwise.
pub fn kind_of(cx: &Context, content: (usize, usize)) -> QuoteKind {
    let (s, e) = content;
    if cx.quotation_exactly(s, e).is_some() {
        return QuoteKind::Direct;
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

/// "Trump went even further: “If he goes forward …”": a quotation no claim
/// covers, right after a colon, is said by the subject of the clause before
/// the colon; the colon is the cue.
fn colon_quotations(cx: &Context, claims: &mut Vec<Claim>) {
    let mut added = Vec::new();
    for q in &cx.quotations {
        if q.open == 0 || !cx.is_punct(q.open - 1, ':') {
            continue;
        }
        let range = (q.open, q.close.map_or(q.end_token, |c| c + 1));
        if cx.word_count(range.0, range.1) < 3 {
            continue;
        }
        let upto = claims.partition_point(|c| c.content.0 < range.1);
        let covered = claims[upto.saturating_sub(8)..upto]
            .iter()
            .any(|c| c.content.0 < range.1 && range.0 < c.content.1);
        if covered {
            continue;
        }
        let colon = q.open - 1;
        let si = cx.sentences.partition_point(|&(_, e)| e <= colon);
        let Some(&(s, _)) = cx.sentences.get(si) else {
            continue;
        };
        // "Rep. Trey Gowdy (R-S.C.):" — the whole clause is the name.
        let speaker = phrases::before(cx, s, colon).or_else(|| subject(cx, s, colon));
        let Some(speaker) = speaker else { continue };
        added.push(Claim {
            kind: QuoteKind::Direct,
            content: range,
            cue: Some((colon, colon + 1)),
            speaker: Some(speaker),
            cue_after: false,
        });
    }
    claims.extend(added);
}

/// Quotations no claim covers that continue the quotation just before
/// them in the same paragraph, across its cue: "“A,” Sullivan said. “B.”" is
/// one claim whose content covers both parts (as PolNeAR annotates it).
fn continuing_quotations(cx: &Context, claims: &mut [Claim]) {
    // Claims are sorted by start; only the few starting just before a
    // quotation can cover it or precede it (keeps this linear).
    const WINDOW: usize = 8;
    for q in &cx.quotations {
        let range = (q.open, q.close.map_or(q.end_token, |c| c + 1));
        let upto = claims.partition_point(|c| c.content.0 < range.1);
        let near = upto.saturating_sub(WINDOW)..upto;
        let covered = claims[near.clone()]
            .iter()
            .any(|c| c.content.0 < range.1 && range.0 < c.content.1);
        if covered || q.open == 0 {
            continue;
        }
        let new_paragraph = cx.tokens[q.open].after_newline;
        let previous = claims[near.clone()]
            .iter()
            .enumerate()
            .map(|(i, c)| (i + near.start, c))
            .filter(|(_, c)| c.content.1 <= q.open && c.kind == QuoteKind::Direct && c.cue_after)
            .max_by_key(|(_, c)| c.content.1)
            .map(|(i, _)| i);
        let Some(pi) = previous else { continue };
        let prev = &mut claims[pi];
        let Some((cue_start, cue_end)) = prev.cue else {
            continue;
        };
        // Across a paragraph break only when the cue sentence ended the
        // paragraph and the claim was not continued already:
        // "“…,” he said.¶“…”".
        let fresh = prev.content.1 <= cue_start;
        let adjacent = prev.kind == QuoteKind::Direct
            && prev.cue_after
            && cue_end <= q.open
            && q.open - cue_end <= 60
            && (!new_paragraph || fresh)
            && !(cue_end..q.open).any(|i| cx.tokens[i].after_newline)
            && matches!(
                cx.tokens[q.open - 1].kind,
                TokenKind::Punct('.' | ',' | ':' | ';') | TokenKind::Mark(_)
            );
        if adjacent {
            prev.content.1 = range.1;
        }
    }
}
