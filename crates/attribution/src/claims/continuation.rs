//! Quotations that belong to a claim without a cue of their own: the
//! second half of a split quote ("“A,” Sullivan said. “B.”") and a
//! quotation after a colon ("Trump went further: “…”").

use super::*;

/// Whether a claim among `claims` (sorted by start) overlaps `range`; only
/// the few starting just before its end can, which keeps callers linear.
fn covered(claims: &[Claim], range: (usize, usize)) -> bool {
    let upto = claims.partition_point(|c| c.content.0 < range.1);
    claims[upto.saturating_sub(8)..upto]
        .iter()
        .any(|c| c.content.0 < range.1 && range.0 < c.content.1)
}

/// "Trump went even further: “If he goes forward …”": a quotation no claim
/// covers, right after a colon, is said by the subject of the clause before
/// the colon; the colon is the cue.
pub(super) fn colon_quotations(cx: &Context, claims: &mut Vec<Claim>) {
    let mut added = Vec::new();
    for q in &cx.quotations {
        if q.open == 0 || !cx.is_punct(q.open - 1, ':') {
            continue;
        }
        let range = (q.open, q.close.map_or(q.end_token, |c| c + 1));
        if cx.word_count(range.0, range.1) < 3 {
            continue;
        }
        if covered(claims, range) {
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

/// Quotations no claim covers that continue the claim just before them in
/// the same paragraph, across its cue: "“A,” Sullivan said. “B.”" is one
/// claim whose content covers both parts (as PolNeAR annotates it); so is
/// "The country “has made …,” he said. “…”" and a reported clause whose cue
/// follows it ("…, police said. “…”").
pub(super) fn continuing_quotations(cx: &Context, claims: &mut [Claim]) {
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
        let new_paragraph = cx.tokens[q.open].after_newline();
        let previous = claims[near.clone()]
            .iter()
            .enumerate()
            .map(|(i, c)| (i + near.start, c))
            .filter(|(_, c)| c.content.1 <= q.open && c.cue_after)
            .max_by_key(|(_, c)| c.content.1)
            .map(|(i, _)| i);
        let Some(pi) = previous else { continue };
        let prev = &mut claims[pi];
        let Some((cue_start, cue_end)) = prev.cue else {
            continue;
        };
        // Across a paragraph break only when the cue sentence ended the
        // paragraph and the claim was not continued already:
        // "“…,” he said.¶“…”". "“…,” she said, and “…”" continues too.
        let fresh = prev.content.1 <= cue_start;
        let adjacent = prev.cue_after
            && cue_end <= q.open
            && q.open - cue_end <= 60
            && (!new_paragraph || fresh)
            && !(cue_end..q.open).any(|i| cx.tokens[i].after_newline())
            && (matches!(
                cx.tokens[q.open - 1].kind(),
                TokenKind::Punct('.' | ',' | ':' | ';') | TokenKind::Mark(_)
            ) || (matches!(cx.low(q.open - 1), "and" | "but") && cx.is_punct(q.open - 2, ',')));
        // "“A,” Warren said. “B” to drive up …": a quotation the sentence
        // goes on after is part of another clause, not the quote's rest.
        let si = cx.sentences.partition_point(|&(_, e)| e <= q.open);
        let sentence_end = cx.sentences.get(si).map_or(cx.tokens.len(), |&(_, e)| e);
        let embedded = (range.1..sentence_end).any(|i| cx.is_word(i));
        if adjacent && !embedded {
            prev.content.1 = range.1;
            // "After …, police said, he went to headquarters. “…”": an
            // indirect claim continued by a quotation is a mixed one.
            if prev.kind == QuoteKind::Indirect {
                prev.kind = QuoteKind::Partial;
            }
        }
    }
}

/// "“…” ― Pamela Padilla": a quotation signed with a dash and a name that
/// ends its line (epigraphs, reader comments, listicles) is that person's;
/// the dash is the cue.
pub(super) fn signed_quotations(cx: &Context, claims: &mut Vec<Claim>) {
    let mut added = Vec::new();
    for q in &cx.quotations {
        let Some(close) = q.close else { continue };
        let mut k = close + 1;
        while matches!(
            cx.tokens.get(k).map(|t| t.kind()),
            Some(TokenKind::Punct('.' | ','))
        ) {
            k += 1;
        }
        let dash = matches!(
            cx.tokens.get(k).map(|t| t.kind()),
            Some(TokenKind::Punct('―' | '—' | '–' | '-'))
        );
        // The signature may stand on a line of its own ("…”¶- Sanders.").
        let own_line = cx.tokens.get(k).is_some_and(|t| t.after_newline())
            && (close + 1..k).all(|j| !cx.is_word(j));
        if !dash || (cx.tokens[k].after_newline() && !own_line) {
            continue;
        }
        let start = k + 1;
        let mut end = start;
        while end < cx.tokens.len()
            && end < start + 8
            && !cx.tokens[end].after_newline()
            && (cx.is_word(end) || cx.is_punct(end, '.'))
        {
            end += 1;
        }
        let line_ends = end >= cx.tokens.len() || cx.tokens[end].after_newline();
        let mut name_end = end;
        while name_end > start && cx.is_punct(name_end - 1, '.') {
            name_end -= 1;
        }
        if !line_ends
            || !phrases::is_name(cx, start, name_end)
            || cx.word_count(start, name_end) > 5
        {
            continue;
        }
        let range = (q.open, close + 1);
        if covered(claims, range) || cx.word_count(range.0, range.1) < 2 {
            continue;
        }
        added.push(Claim {
            kind: QuoteKind::Direct,
            content: range,
            cue: Some((k, k + 1)),
            speaker: Some(SpeakerPhrase {
                range: (start, name_end),
                ..SpeakerPhrase::default()
            }),
            cue_after: true,
        });
    }
    claims.extend(added);
}

/// "“Go back to Univision,” Trump barked.": a quotation in attributed form
/// followed by a name or pronoun and a past-tense verb the lexicon does not
/// know, ending the sentence, is that speaker's; the verb is the cue.
pub(super) fn tagged_quotations(cx: &Context, claims: &mut Vec<Claim>) {
    let mut added = Vec::new();
    for q in &cx.quotations {
        let Some(close) = q.close else { continue };
        let attributed = cx.ends_attributed(close);
        if !attributed || cx.word_count(q.open, close) < 2 {
            continue;
        }
        let start = close + 1;
        let mut k = start;
        if cx.lex.pronoun(cx.low(k)).is_some() {
            k += 1;
        } else {
            while k < start + 4 && cx.is_cap(k) && !cx.lex.is_not_name(cx.low(k)) {
                k += 1;
            }
        }
        let verb = k;
        if verb == start
            || !cx.is_word(verb)
            || cx.is_cap(verb)
            || !cx.low(verb).ends_with("ed")
            || cx.low(verb).len() < 5
        {
            continue;
        }
        let mut end = verb + 1;
        if matches!(cx.low(end), "back" | "out" | "up" | "in") {
            end += 1;
        }
        if !matches!(
            cx.tokens.get(end).map(|t| t.kind()),
            Some(TokenKind::Punct('.' | ',' | ';')) | None
        ) {
            continue;
        }
        let range = (q.open, close + 1);
        if covered(claims, range) {
            continue;
        }
        added.push(Claim {
            kind: QuoteKind::Direct,
            content: range,
            cue: Some((verb, end)),
            speaker: Some(SpeakerPhrase {
                range: (start, verb),
                ..SpeakerPhrase::default()
            }),
            cue_after: true,
        });
    }
    claims.extend(added);
}
