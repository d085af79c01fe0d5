//! Where a claim's content starts and ends: adjuncts and addressees after
//! the cue are skipped ("said Sunday on CNN", "told reporters that"), the
//! reported clause runs to the sentence end or the next clause with its own
//! cue, and a quotation before the speaker is the content of a cue after it.

use super::*;

/// Skips what may follow a cue before its content: "that", time words,
/// "on CNN" (a chain link), "in a statement", "Sunday", commas and colons.
pub(super) fn skip_adjuncts(
    cx: &Context,
    mut k: usize,
    e: usize,
    via: &mut Vec<(usize, usize)>,
) -> usize {
    let mut steps = 0;
    while k < e && steps < 8 {
        steps += 1;
        let l = cx.low(k);
        if cx.is_punct(k, ',') || (cx.is_punct(k, ':') && !is_sentence_last(k, e)) {
            k += 1;
        } else if l == "that" {
            // "said that was not her view": "that" is the clause's subject.
            let subject = crate::lexicon::lists()
                .clause_verbs
                .contains(&cx.low(k + 1));
            return if subject { k } else { k + 1 };
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
pub(super) fn prep_phrase(
    cx: &Context,
    k: usize,
    e: usize,
    via: &mut Vec<(usize, usize)>,
) -> Option<usize> {
    // "during Saturday night’s Democratic debate", "in a statement".
    let medium = (k..(k + 6).min(e))
        .take_while(|&j| cx.is_word(j) && cx.low(j) != "that")
        .find(|&j| {
            crate::lexicon::lists().media_nouns.contains(&cx.low(j))
                && !cx.lex.is_time_word(cx.low(j))
        });
    if let Some(noun) = medium {
        return Some(after_medium(cx, noun, e, via));
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
    let noun =
        (i..(i + 3).min(e)).find(|&j| crate::lexicon::lists().media_nouns.contains(&cx.low(j)))?;
    Some(after_medium(cx, noun, e, via))
}

/// The end of the phrase a medium noun at `noun` heads: its source chain
/// ("a statement quoted by X") or "with"/"on"/"to" and names ("an interview
/// with Fox News"), whose outlets join `via`.
fn after_medium(cx: &Context, noun: usize, e: usize, via: &mut Vec<(usize, usize)>) -> usize {
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
    end
}

/// Skips a tell-verb's addressee: "reporters", "him", "The Washington Post".
pub(super) fn skip_object(
    cx: &Context,
    k: usize,
    e: usize,
    via: &mut Vec<(usize, usize)>,
) -> usize {
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

/// Whether token `k` is the last of its sentence (`e` is the sentence end).
pub(super) fn is_sentence_last(k: usize, e: usize) -> bool {
    k + 1 >= e
}

/// The content after a cue, from `k` to the sentence end; stops before a
/// ", saying …" continuation. A sentence ending in ":" takes the quotation
/// that opens the next paragraph.
pub(super) fn right_content(cx: &Context, k: usize, e: usize) -> Option<(usize, usize)> {
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
        let rest_is_punct =
            (last + 1..e).all(|i| matches!(cx.tokens[i].kind(), TokenKind::Punct(_)));
        let cue_follows = (last + 1..(last + 6).min(e)).any(|i| cx.cue(i).is_some());
        // "chanted “What curfew?” and kept going …", "says, “Don't do it,”
        // until …": a quotation that ends its own sentence or clause inside
        // its marks is the whole utterance; the words after are the writer's.
        let complete = q.close.is_some()
            && (cx.ends_attributed(last) || (last > 0 && cx.is_punct(last - 1, '.')));
        if rest_is_punct || cue_follows || complete {
            return Some((k, last + 1));
        }
    } else if k > 0
        && cx.low(k - 1) != "that"
        && (crate::lexicon::lists()
            .not_content_start
            .contains(&cx.low(k))
            || cx.cue(k) == Some(CueClass::Participle))
        && !negated_question(cx, k)
    {
        return None;
    }
    let mut end = e;
    for i in k + 1..e {
        // A later quotation with its own cue ("…: “…,” Roffman predicted").
        if let Some(qi) = cx.opens[i] {
            let q = &cx.quotations[qi];
            let last = q.close.unwrap_or(q.end_token.saturating_sub(1));
            let attributed_form = cx.ends_attributed(last) || cx.is_punct(last + 1, ',');
            // A quotation inside the clause ("she was “going to put coal
            // miners out of business,” adding …") is part of it; only one
            // that opens a clause of its own starts another claim.
            let opens_clause = matches!(cx.tokens[i - 1].kind(), TokenKind::Punct(_));
            let own_cue = (last + 1..(last + 6).min(e))
                .any(|j| matches!(cx.cue(j), Some(c) if c != CueClass::Participle));
            if attributed_form && opens_clause && own_cue {
                end = i;
                break;
            }
            // "… were made public ― Trump boasted, “…”": a quotation with
            // its speaker and cue before it is another claim, from its
            // speaker on.
            if let Some(sub) = introduced_by(cx, k, i) {
                end = sub;
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
        if cx.cue(i) == Some(CueClass::Participle) && continues_clause(cx, i) {
            // "… after saying …": the preposition goes with the participle.
            end = if preposition_before(cx, i) { i - 1 } else { i };
            break;
        }
        if cx.is_punct(i, ',') && cx.low(i + 1) == "according" && cx.low(i + 2) == "to" {
            end = i;
            break;
        }
    }
    // Trailing punctuation and a dangling conjunction ("… campaigns and").
    while end > k
        && (matches!(cx.tokens[end - 1].kind(), TokenKind::Punct(c) if c != ')' && c != '…')
            || matches!(cx.low(end - 1), "and" | "or" | "but"))
    {
        end -= 1;
    }
    if cx.is_punct(end, ':') && end + 1 >= e {
        if let Some(q) = following_quotation(cx, e) {
            return Some(q);
        }
    }
    // One word is a whole content for stance verbs ("Rubio opposes abortion").
    (cx.word_count(k, end) >= 1).then_some((k, end))
}

/// The start of "Trump boasted, “" or "she said: “" before the quotation
/// opening at `open`: a short name or a pronoun (after `k`), a finite cue
/// and a comma or colon.
fn introduced_by(cx: &Context, k: usize, open: usize) -> Option<usize> {
    if open < k + 4 || !(cx.is_punct(open - 1, ',') || cx.is_punct(open - 1, ':')) {
        return None;
    }
    let cue = open - 2;
    if !matches!(cx.cue(cue), Some(CueClass::Speech | CueClass::Tell)) || cx.is_cap(cue) {
        return None;
    }
    let mut j = cue;
    while j > k && cx.between(j - 1) {
        j -= 1;
    }
    let mut b = j;
    if j > k && cx.lex.pronoun(cx.low(j - 1)).is_some() {
        b = j - 1;
    } else {
        while b > k && j - b < 4 && cx.is_cap(b - 1) {
            b -= 1;
        }
    }
    // The name must start a clause: after punctuation or a conjunction.
    let starts_clause = b > k
        && (matches!(cx.tokens[b - 1].kind(), TokenKind::Punct(_))
            || matches!(cx.low(b - 1), "and" | "but"));
    (b < j && starts_clause).then_some(b)
}

/// "Lawmakers have not said when they would …": after a negated cue,
/// "when" opens the question left open, not the time of the saying.
fn negated_question(cx: &Context, k: usize) -> bool {
    cx.low(k) == "when"
        && (k.saturating_sub(4)..k).any(|j| {
            let w = cx.low(j);
            matches!(w, "not" | "never") || w.ends_with("n't") || w.ends_with("n’t")
        })
}

/// Whether the participle at `i` continues a clause (", saying", "— saying",
/// "and saying") rather than modifying a noun.
pub(super) fn continues_clause(cx: &Context, i: usize) -> bool {
    // "… “a gift to polluters,” adding …": the comma sits inside the marks.
    let comma_in_marks = i > 1 && cx.is_mark(i - 1) && cx.is_punct(i - 2, ',');
    i > 0
        && (matches!(
            cx.tokens[i - 1].kind(),
            TokenKind::Punct(',' | '-' | '—' | '–')
        ) || cx.low(i - 1) == "and"
            || comma_in_marks
            || preposition_before(cx, i))
}

/// "after saying …", "by calling …", "for criticizing …": a participle
/// after a preposition is the subject's act, not a noun's modifier.
fn preposition_before(cx: &Context, i: usize) -> bool {
    i > 0
        && matches!(
            cx.low(i - 1),
            "after" | "by" | "before" | "while" | "when" | "for" | "of" | "without" | "since"
        )
}

/// Whether the reported clause ends before token `i`: "; …", ", which …",
/// ": In …", or "and" followed by another cue ("… and suggested …",
/// "and three-quarters said …").
pub(super) fn ends_reported_clause(cx: &Context, i: usize, e: usize) -> bool {
    // A word ends the clause only as a conjunction; every other test is of
    // punctuation (asked of every word of a content, most are words).
    if cx.is_word(i) {
        return conjunction_ends_clause(cx, i, e);
    }
    if cx.is_punct(i, ';') {
        return true;
    }
    if cx.is_punct(i, ',')
        && matches!(
            cx.low(i + 1),
            "though" | "although" | "whereas" | "despite" | "compared"
        )
    {
        return true;
    }
    // "…, he said." / "…, Sullivan said Sunday.": the claim's own
    // attribution after it, which a later cue handles; "…, they said he
    // didn't go far enough": a short subject and a speech verb start a
    // claim of their own.
    if cx.is_punct(i, ',') {
        let cue = (i + 1..(i + 6).min(e))
            .take_while(|&j| cx.is_word(j))
            .find(|&j| is_speech_verb(cx, j));
        if let Some(j) = cue {
            let rest = (j + 1..e).take_while(|&k| cx.is_word(k)).count();
            if j > i + 1 && (rest <= 3 || j <= i + 3) {
                return true;
            }
        }
    }
    if cx.is_punct(i, ':') && cx.is_cap(i + 1) {
        return true;
    }
    // "…, with Lewandowski taking to Twitter …": an absolute clause is the
    // writer's addition.
    if cx.is_punct(i, ',') && cx.low(i + 1) == "with" {
        let absolute = (i + 3..(i + 8).min(e))
            .take_while(|&j| cx.is_word(j))
            .any(|j| cx.low(j).ends_with("ing"));
        if absolute {
            return true;
        }
    }
    // "he did not support Mr. Trump, the presumed Putin favorite.": a short
    // apposition closing the sentence is the writer's gloss.
    if cx.is_punct(i, ',') && matches!(cx.low(i + 1), "a" | "an" | "the") {
        let rest = (i + 1..e)
            .take_while(|&k| cx.is_word(k) && !cx.inside[k])
            .count();
        let closes_sentence = i + 1 + rest >= e
            || matches!(
                cx.tokens[i + 1 + rest].kind(),
                TokenKind::Punct('.' | '?' | '!')
            );
        if rest <= 8 && closes_sentence {
            return true;
        }
    }
    // "… preludes to the referendum, a move that could trigger …": an
    // apposition summing up the clause is the writer's, not the speaker's.
    if cx.is_punct(i, ',') && matches!(cx.low(i + 1), "a" | "an" | "one" | "something" | "the") {
        let rel = (i + 2..(i + 6).min(e))
            .take_while(|&j| cx.is_word(j))
            .any(|j| matches!(cx.low(j), "that" | "which" | "who"));
        if rel {
            return true;
        }
    }
    // ", and three-quarters said …": a new subject and a speech verb.
    if cx.is_punct(i, ',') && matches!(cx.low(i + 1), "and" | "but" | "while") {
        return (i + 2..(i + 6).min(e))
            .take_while(|&j| cx.is_word(j))
            .any(|j| is_speech_verb(cx, j));
    }
    false
}

/// Whether the word at `i` is a conjunction that ends a reported clause
/// ([`ends_reported_clause`]).
fn conjunction_ends_clause(cx: &Context, i: usize, e: usize) -> bool {
    // "… and added …", "… but added …": the same speaker's next claim;
    // "… and one in four said …": another speaker's.
    if matches!(cx.low(i), "and" | "but") && !cx.is_punct(i.saturating_sub(1), ',') {
        let another = (i + 2..(i + 6).min(e))
            .take_while(|&j| cx.is_word(j))
            .any(|j| matches!(cx.low(j), "said" | "say" | "says" | "told"));
        if another {
            return true;
        }
        let mut j = i + 1;
        while j < e && cx.between(j) {
            j += 1;
        }
        return j < e && is_speech_verb(cx, j);
    }
    false
}

/// Verbs of saying that start a claim of their own after "and"; stance
/// verbs ("… and supports candidates") stay inside the clause
/// (`speech-verbs`).
pub(super) fn is_speech_verb(cx: &Context, j: usize) -> bool {
    crate::lexicon::lists().speech_verbs.contains(&cx.low(j))
}

/// The quotation opening at token `e` (the next sentence), as a range.
pub(super) fn following_quotation(cx: &Context, e: usize) -> Option<(usize, usize)> {
    let qi = cx.opens.get(e).copied().flatten()?;
    let q = &cx.quotations[qi];
    Some((q.open, q.close.map_or(q.end_token, |c| c + 1)))
}

/// The content before a speaker that starts at `lead`: ", X said" after a
/// clause or a quotation.
pub(super) fn left_content(
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
            cx.tokens[b].kind(),
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
        // "The country “has made …,” McConnell said": the words run into
        // the mark; "Later, “…,” he said" is a lead-in, not content.
        // "… ticked through the code: ''Civility was assumed,'' he said":
        // after a colon the quotation stands alone.
        if q.open > clause_start
            && !cx.is_punct(q.open - 1, ':')
            && (cx.word_count(clause_start, q.open) >= 3 || cx.is_word(q.open - 1))
        {
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
    while b > clause_start && matches!(cx.tokens[b - 1].kind(), TokenKind::Punct(_)) {
        b -= 1;
    }
    // "At day's end, however, Clinton said …": a short adverbial lead-in
    // is no content.
    let lead_in = matches!(
        cx.low(clause_start),
        "at" | "in"
            | "on"
            | "after"
            | "before"
            | "during"
            | "since"
            | "by"
            | "from"
            | "with"
            | "without"
            | "despite"
            | "for"
    ) && cx.word_count(clause_start, b) <= 6;
    (cx.word_count(clause_start, b) >= 3 && !lead_in).then_some((clause_start, b))
}
