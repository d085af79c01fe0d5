//! Finding the phrases around a cue: the speaker before it ("Sullivan said"),
//! after it ("said Sullivan", "according to U.S. officials"), appositions
//! ("spokesman in Washington, Li Pengyu, said") and source chains ("quoted by
//! CNN and The New York Times"). All ranges are token index ranges.

use crate::context::Context;
use crate::text::TokenKind;

/// A speaker phrase and what came with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerPhrase {
    /// The words naming the speaker.
    pub range: (usize, usize),
    /// A role given in apposition ("Chinese embassy spokesman in Washington").
    pub role: Option<(usize, usize)>,
    /// Outlets or people the claim came through, nearest first.
    pub via: Vec<(usize, usize)>,
}

/// Longest speaker phrase kept whole; longer ones are cut to their head.
const MAX_PHRASE: usize = 9;

/// Whether token `i` can be part of a speaker phrase.
fn phrase_token(cx: &Context, i: usize) -> bool {
    match cx.tokens[i].kind() {
        // A capitalised cue word is a name ("spokeswoman Hope Hicks").
        TokenKind::Word => {
            (!cx.lex.is_boundary(cx.low(i)) || name_word(cx, i))
                && (cx.cue(i).is_none() || cx.is_cap(i))
        }
        TokenKind::Punct(c) => matches!(c, '.' | '-' | '’' | '\'' | '&'),
        TokenKind::Mark(_) => false,
    }
}

/// Whether the capitalised word at `i`, a function word in lower case,
/// is a name here: it runs into another capitalised word in mid-sentence
/// ("said Will Doyle", "Al Hunt").
pub(crate) fn name_word(cx: &Context, i: usize) -> bool {
    let mid_sentence =
        i > 0 && !cx.tokens[i].after_newline() && (cx.is_word(i - 1) || cx.is_punct(i - 1, ','));
    cx.is_cap(i) && cx.is_cap(i + 1) && mid_sentence && i >= cx.first_line_end
}

/// The speaker phrase ending right before the cue at `cue` (sentence from
/// `start`), skipping auxiliaries and adverbs ("has already warned").
pub fn before(cx: &Context, start: usize, cue: usize) -> Option<SpeakerPhrase> {
    let mut j = cue;
    while j > start && cx.between(j - 1) {
        j -= 1;
    }
    // "Ham went on to say …": the speaker goes on, and is before that.
    // (", going on to say …" is a participle, read as such elsewhere.)
    if j >= start + 3
        && cx.low(j - 1) == "on"
        && matches!(cx.low(j - 2), "went" | "goes" | "go" | "going" | "gone")
        && cx.is_word(j - 3)
    {
        j -= 2;
        while j > start && cx.between(j - 1) {
            j -= 1;
        }
    }
    // A parenthesis between name and cue: "Marco Rubio (R-Fla.) said".
    if j > start && cx.is_punct(j - 1, ')') {
        if let Some(open) = (j.saturating_sub(8).max(start)..j - 1)
            .rev()
            .find(|&k| cx.is_punct(k, '('))
        {
            j = open;
        }
    }
    if j <= start {
        return None;
    }
    if cx.lex.pronoun(cx.low(j - 1)).is_some() {
        return Some(SpeakerPhrase {
            range: (j - 1, j),
            ..SpeakerPhrase::default()
        });
    }
    let mut via = Vec::new();
    // Comma segments: ", Li Pengyu, said" (apposition) or ", who …, said".
    let mut guard = 0;
    while j > start && guard < 3 {
        // Commas or dashes around the segment: ", a teacher, said" or
        // "— a teacher from Mount Pleasant — says".
        let delimiter = match cx.tokens[j - 1].kind() {
            TokenKind::Punct(c @ (',' | '—' | '–')) => c,
            _ => break,
        };
        guard += 1;
        let close = j - 1;
        let lo = close.saturating_sub(40).max(start);
        let Some(open) = (lo..close).rev().find(|&k| cx.is_punct(k, delimiter)) else {
            // "Rep. Elijah Cummings (D-Md.), chair of …, said": the phrase
            // before the first comma.
            let range = collect_back(cx, start, close)?;
            return Some(SpeakerPhrase {
                range,
                role: None,
                via,
            });
        };
        let seg = (open + 1, close);
        if seg.0 >= seg.1 {
            return None;
        }
        let described = (seg.0..seg.1).any(|k| cx.low(k) == "of" || cx.lex.is_role(cx.low(k)));
        // "of Raleigh, N.C., who …": an abbreviated state is not a name.
        let abbreviation = (seg.0..seg.1).all(|k| !cx.is_word(k) || cx.low(k).contains('.'))
            || (cx.word_count(seg.0, seg.1) == 1 && cx.is_punct(seg.1 - 1, '.'));
        if is_name(cx, seg.0, seg.1) && !described && !abbreviation {
            let role_phrase = collect_back(cx, start, open);
            return Some(SpeakerPhrase {
                range: seg,
                role: role_phrase,
                via,
            });
        }
        // Anything else between commas is an apposition or a relative
        // clause about the speaker named before it.
        if let Some(chain) = chain_in(cx, seg.0, seg.1) {
            via.extend(chain);
        }
        j = open;
    }
    let range = collect_back(cx, start, j)?;
    Some(SpeakerPhrase {
        range,
        role: None,
        via,
    })
}

/// The phrase of phrase tokens ending at `end` (exclusive), lead-ins
/// dropped and long phrases cut to their head.
fn collect_back(cx: &Context, start: usize, end: usize) -> Option<(usize, usize)> {
    let mut end = end;
    // "Marco Rubio (R-Fla.)": a parenthesis after the name.
    if end > start && cx.is_punct(end - 1, ')') {
        if let Some(open) = (end.saturating_sub(8).max(start)..end - 1)
            .rev()
            .find(|&k| cx.is_punct(k, '('))
        {
            end = open;
        }
    }
    let mut i = end;
    while i > start && phrase_token(cx, i - 1) {
        // "and" joins names only between capitalised words.
        i -= 1;
    }
    // Allow "X and Y" between capitalised words.
    // An abbreviation ends in its period: "the U.S. and Chinese governments".
    let name_ends_at =
        |k: usize| cx.is_cap(k) || (cx.is_punct(k, '.') && k > 0 && cx.is_cap(k - 1));
    while i > start + 1
        && cx.low(i - 1) == "and"
        && cx.is_cap(i)
        && name_ends_at(i - 2)
        && i - 2 >= start
    {
        let mut k = i - 1;
        while k > start && phrase_token(cx, k - 1) {
            k -= 1;
        }
        i = k;
    }
    let mut s = i;
    while s < end
        && (cx.lex.pronoun(cx.low(s)).is_none())
        && crate::lexicon::lists().lead_ins.contains(&cx.low(s))
    {
        s += 1;
    }
    while s < end && !cx.is_word(s) {
        s += 1;
    }
    // "a probe the law enforcement agency said": a determiner inside the
    // phrase, not after a preposition, starts the speaker's noun phrase.
    if let Some(d) = (s + 1..end).rev().find(|&d| {
        matches!(cx.low(d), "the" | "a" | "an" | "these" | "those")
            && !matches!(
                cx.low(d - 1),
                "of" | "for" | "to" | "at" | "in" | "from" | "with" | "by" | "on" | "and"
            )
    }) {
        s = d;
    }
    let mut e = end;
    while e > s && !cx.is_word(e - 1) && !cx.is_punct(e - 1, '.') {
        e -= 1;
    }
    if s >= e || cx.word_count(s, e) == 0 || holds_an_infinitive(cx, s, e) {
        return None;
    }
    if cx.word_count(s, e) > MAX_PHRASE {
        return head_of(cx, s, e);
    }
    Some((s, e))
}

/// Whether `s..e` holds "to" before a lower-case word that is no
/// determiner or pronoun ("meet in Busan on Thursday to resume"): a verb
/// phrase, not someone who speaks ("adviser to the president", "those close
/// to him" stay).
fn holds_an_infinitive(cx: &Context, s: usize, e: usize) -> bool {
    (s..e.saturating_sub(1)).any(|k| {
        cx.low(k) == "to"
            && cx.is_word(k + 1)
            && !cx.is_cap(k + 1)
            && !crate::lexicon::lists()
                .noun_phrase_openers
                .contains(&cx.low(k + 1))
    })
}

/// The head of an over-long phrase: its last capitalised run, else its last
/// three words.
fn head_of(cx: &Context, s: usize, e: usize) -> Option<(usize, usize)> {
    let mut k = e;
    while k > s && (cx.is_cap(k - 1) || cx.is_punct(k - 1, '.')) {
        k -= 1;
    }
    if k < e && cx.is_cap(k.max(s)) {
        return Some((k, e));
    }
    let mut k = e;
    let mut words = 0;
    while k > s && words < 3 {
        k -= 1;
        if cx.is_word(k) {
            words += 1;
        }
    }
    Some((k, e))
}

/// Whether `[s, e)` is a proper name: capitalised words, initials, "of".
pub fn is_name(cx: &Context, s: usize, e: usize) -> bool {
    if s >= e || !cx.is_cap(s) || cx.lex.is_not_name(cx.low(s)) {
        return false;
    }
    (s..e).all(|i| {
        cx.is_cap(i)
            || cx.is_punct(i, '.')
            || cx.is_punct(i, '-')
            || matches!(
                cx.low(i),
                "of" | "de" | "van" | "von" | "al" | "bin" | "la" | "le"
            )
    })
}

/// The speaker phrase starting at `start` ("said Sullivan, who …",
/// "according to U.S. officials quoted by …"), ending before `end`.
pub fn after(cx: &Context, start: usize, end: usize) -> Option<(usize, usize)> {
    let mut i = start;
    while i < end {
        let ok = match cx.tokens[i].kind() {
            TokenKind::Word => {
                let l = cx.low(i);
                ((!cx.lex.is_boundary(l) && !crate::lexicon::lists().forward_boundary.contains(&l))
                    || name_word(cx, i)
                    || (l == "and" && cx.is_cap(i + 1))
                    // "a source close to the campaign", "an adviser to Trump"
                    || (l == "to"
                        && i > start
                        && (cx.low(i - 1) == "close" || cx.lex.is_role(cx.low(i - 1)))))
                    && cx.lex.cue(l).is_none()
                    && !(l == "by" && i == start)
            }
            TokenKind::Punct('.') => {
                i + 1 < end
                    && i > start
                    && (cx.low(i - 1).contains('.')
                        || cx.low(i - 1).len() == 1
                        || cx.lex.is_title(cx.low(i - 1)))
            }
            TokenKind::Punct(c) => {
                matches!(c, '-' | '&' | '’' | '\'') && i + 1 < end && cx.is_word(i + 1)
            }
            TokenKind::Mark(_) => false,
        };
        if !ok || cx.word_count(start, i) >= MAX_PHRASE {
            break;
        }
        i += 1;
    }
    // "U.S" + "." at the end: keep the period of an abbreviation.
    if i < end && cx.is_punct(i, '.') && i > start && cx.low(i - 1).contains('.') {
        i += 1;
    }
    (cx.word_count(start, i) > 0).then_some((start, i))
}

/// A name run for a chain link: "The New York Times", "CNN", "U.S. media".
fn outlet_run(cx: &Context, start: usize, end: usize) -> Option<(usize, usize)> {
    let mut i = start;
    if i < end && cx.low(i) == "the" {
        i += 1;
    }
    let mut e = i;
    while e < end
        && (cx.is_cap(e)
            || (cx.is_punct(e, '.') && e > i && cx.low(e - 1).contains('.'))
            || (cx.is_punct(e, '-') && cx.is_cap(e + 1))
            || (matches!(cx.low(e), "of" | "&") && cx.is_cap(e + 1)))
    {
        e += 1;
    }
    // A lower-case group head after the names: "U.S. media".
    if e > i && e < end && cx.lex.is_group_head(cx.low(e)) {
        e += 1;
    }
    // What kind of outlet the name is: "the Yonhap news agency", "the
    // Kyodo news service". Part of the name, not the start of the claim.
    if e > i {
        let mut h = e;
        while h < end && h < e + 2 && crate::lexicon::lists().outlet_heads.contains(&cx.low(h)) {
            h += 1;
        }
        e = h;
    }
    (e > i && cx.is_cap(i)).then_some((start, e))
}

/// Parses "quoted [among other media] by X [and Y]" inside `[start, end)`.
pub fn chain_in(cx: &Context, start: usize, end: usize) -> Option<Vec<(usize, usize)>> {
    let q = (start..end).find(|&i| cx.low(i) == "quoted" || cx.low(i) == "cited")?;
    let by = (q + 1..end.min(q + 7)).find(|&i| cx.low(i) == "by")?;
    links(cx, by + 1, end)
}

/// Parses a list of names "X, Y and Z" from `start` until the first thing
/// that is not a name or a separator.
pub fn links(cx: &Context, start: usize, end: usize) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        let Some(run) = outlet_run(cx, i, end) else {
            break;
        };
        out.push(run);
        i = run.1;
        let next = outlet_run(cx, i + 1, end);
        let joins = cx.low(i) == "and"
            || (cx.is_punct(i, ',') && next.is_some_and(|r| cx.lex.is_outlet(cx.slice(r.0, r.1))));
        if i < end && joins && next.is_some() {
            i += 1;
        } else {
            break;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The end of a chain that starts at `start` (", quoted by …" or "quoted
/// by …"), with its links, if there is one.
pub fn chain_at(cx: &Context, start: usize, end: usize) -> Option<(usize, Vec<(usize, usize)>)> {
    let mut i = start;
    if cx.is_punct(i, ',') {
        i += 1;
    }
    if !matches!(cx.low(i), "quoted" | "cited") {
        return None;
    }
    let by = (i + 1..end.min(i + 7)).find(|&k| cx.low(k) == "by")?;
    let found = links(cx, by + 1, end)?;
    let last = found.last().map_or(by + 1, |r| r.1);
    Some((last, found))
}
