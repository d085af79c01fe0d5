//! The cue handlers: a finite verb ("X said …", "…, said X", "X told Y
//! …"), a participle ("…, saying …") and "according to X".

use super::*;

/// Whether the word at `k`, right after the cue at `k - 1`, is a preposition
/// that belongs to the cue.
pub(super) fn takes_particle(cx: &Context, cue: usize, k: usize) -> bool {
    k == cue + 1
        && (particle_of(cx.low(cue)) == Some(cx.low(k))
            || crate::lexicon::lists()
                .cue_prepositions
                .contains(&cx.low(k)))
}

/// The particle some cues take before their content ("called for",
/// "referring to", "pointed out").
pub(super) fn particle_of(cue: &str) -> Option<&'static str> {
    Some(match cue {
        "called" | "calls" | "call" | "calling" => "for",
        "referring" | "pointing" | "pointed" | "responded" | "respond" | "responds"
        | "responding" | "objected" => "to",
        "talked" | "talks" | "talking" | "spoke" | "speaks" | "speaking" => "about",
        _ => return None,
    })
}

/// Whether `k` is the "to" of an intention the word at `cue` states, by
/// `intentions` ("has promised to …", "hoping to …"): the intention is the
/// content.
pub(super) fn intention_to(
    cx: &Context,
    cue: usize,
    k: usize,
    intentions: &::lexicon::WordSet<'_>,
) -> bool {
    cx.low(k) == "to" && intentions.contains(&cx.low(cue))
}

/// The content from `k`: from the "to" on after an intention (see
/// [`intention_to`]), else what [`right_content`] finds.
pub(super) fn intended_or_right_content(
    cx: &Context,
    cue: usize,
    k: usize,
    e: usize,
    intentions: &::lexicon::WordSet<'_>,
) -> Option<(usize, usize)> {
    if intention_to(cx, cue, k, intentions) {
        right_content(cx, k + 1, e).map(|(_, end)| (k, end))
    } else {
        right_content(cx, k, e)
    }
}

/// A finite cue: "X said (that) …", "…, X said", "…, said X", "X told Y …".
pub(super) fn finite(
    cx: &Context,
    s: usize,
    e: usize,
    cue: usize,
    class: CueClass,
    earlier: &[Claim],
) -> Option<Claim> {
    // "Mr. Trump, who has criticized the plan, said …": a set-off relative
    // clause's claim leaves the main clause open around it.
    let clause_start = earlier
        .iter()
        .rev()
        .find(|c| !c.cue.is_some_and(|(cs, _)| set_off_relative(cx, s, cs)))
        .map_or(s, |c| c.content.1.max(s));
    if let Some(c) = passive(cx, e, cue, clause_start) {
        return Some(c);
    }
    // "… tweeted a photograph and said …": the same speaker again.
    let mut b = cue;
    while b > s && cx.between(b - 1) {
        b -= 1;
    }
    let coordinated = b > s && matches!(cx.low(b - 1), "and" | "but");
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
        let before = phrases::before(cx, clause_start.min(cue), cue);
        match speaker_after_quotation(cx, s, cue) {
            Some(p) if before.as_ref().is_none_or(|b| b.range.0 > p.range.0) => Some(p),
            _ => before,
        }
    };
    let (mut speaker, after_speaker, lead) = match found {
        Some(p) if p.range.0 > cue => {
            let after = p.range.1;
            (p, after, cue)
        }
        Some(p) => {
            // "“…,” his niece, Marcia Price, shouted": the role in
            // apposition before the name leads the speaker phrase.
            let first = p.role.map_or(p.range.0, |r| r.0.min(p.range.0));
            let lead = if coordinated { cue } else { first };
            (p, cue + 1, lead)
        }
        None => {
            let prev_ok = cue == s || cx.is_punct(cue - 1, ',') || cx.is_mark(cue - 1);
            if !prev_ok {
                return None;
            }
            let r = phrases::after(cx, cue + 1, e)?;
            let names_someone = (r.0..r.1).any(|i| cx.is_cap(i) || cx.lex.is_role(cx.low(i)));
            // "“…,” said his best friend at Lehigh": after a quotation in
            // its attributed form the words after the cue are its speaker.
            let attributed = cue > 0 && cx.is_mark(cue - 1) && cx.ends_attributed(cue - 1);
            if !names_someone && !attributed {
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
    // "as Rosenthal put it, …": "it" belongs to the cue.
    let put_it = puts_it(cx, cue) && after_speaker == cue + 1;
    // "called on Trump to stop …": "on" belongs to the cue, which urges,
    // and is no adjunct of place or time ("said on Monday").
    let calls_on = after_speaker == cue + 1
        && particle_of(cx.low(cue)) == Some("for")
        && cx.low(cue + 1) == "on"
        && !cx.lex.is_time_word(cx.low(cue + 2));
    let after_speaker = if put_it || calls_on {
        cue + 2
    } else {
        after_speaker
    };
    let mut k = if calls_on {
        after_speaker
    } else {
        skip_adjuncts(cx, after_speaker, e, &mut speaker.via)
    };
    let object_start = k;
    if class == CueClass::Tell {
        k = skip_object(cx, k, e, &mut speaker.via);
        k = skip_adjuncts(cx, k, e, &mut speaker.via);
        // "told conservative radio host Hugh Hewitt on Wednesday that …"
        if let Some(that) = that_after_addressee(cx, k, e) {
            k = that + 1;
        } else if let Some(start) = quotation_after_addressee(cx, object_start, e) {
            // "told his radio audience of Monday, “…”".
            k = start;
        }
    } else if let Some(start) = quotation_after_addressee(cx, k, e) {
        // "scolded him: “…”": the addressee stands before the colon.
        k = start;
    }
    let inverted = lead == cue && !coordinated;
    // "“…,” said X, who …": the content is the quotation before the cue.
    let mut cue_end = if put_it || calls_on { cue + 2 } else { cue + 1 };
    let right = if inverted {
        None
    } else if takes_particle(cx, cue, k) {
        // "called for the deportation of …": "for" belongs to the cue.
        cue_end = k + 1;
        right_content(cx, k + 1, e)
    } else if class == CueClass::Tell
        && cx.low(k) == "to"
        && k > object_start
        && cx.is_word(object_start)
    {
        // "urged Republicans to “vote your conscience”": the addressee and
        // what they are told to do are the content, as PolNeAR marks it.
        right_content(cx, k + 1, e).map(|(_, end)| (object_start, noun_phrase_end(cx, k, end)))
    } else if intention_to(cx, cue, k, &crate::lexicon::lists().intention_cues) {
        // "has promised to push harder …": the intention is the content,
        // a verb phrase that ends as a noun phrase does.
        right_content(cx, k + 1, e).map(|(_, end)| (k, noun_phrase_end(cx, k, end)))
    } else {
        right_content(cx, k, e).map(|(rs, re)| {
            // "endorsed Clinton, but …": a noun-phrase object ends earlier.
            if takes_noun_phrase(cx, cue, rs) {
                (rs, noun_phrase_end(cx, rs, re))
            } else {
                (rs, re)
            }
        })
    };
    let left = if coordinated {
        None
    } else {
        left_content(cx, s, clause_start, lead)
    };
    let interrupted = cx.is_punct(after_speaker, ',');
    // "He has come up with a model, he said, for how …": the sentence goes
    // on after the cue with a preposition or conjunction.
    let left_is_clause = left.is_some_and(|l| cx.opens[l.0].is_none());
    let right = if right.is_none() && interrupted && left_is_clause && continues_after_cue(cx, k, e)
    {
        right_content(cx, k + 1, e).map(|(_, end)| (k, end))
    } else {
        right
    };
    let left_is_quote = left.is_some_and(|l| cx.opens[l.0].is_some());
    let right_is_quote = right.is_some_and(|r| cx.opens[r.0].is_some());
    // "While only 7 percent said they are undecided, …": the clause ends.
    let right = right.map(|(rs, re)| (rs, subordinate_clause_end(cx, s, cue, rs, re)));
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
        cue: Some((cue, cue_end)),
        speaker: Some(speaker),
        cue_after,
    })
}

/// "“…,” Scott Pruitt, the attorney general of Oklahoma, one of the states
/// suing, said …", "“…,” Harry Bond, 30, of Raleigh, N.C., who was polled,
/// said": a quotation in its attributed form, then the speaker's name and
/// appositions up to the cue. The name right after the closing mark is the
/// speaker, however many comma segments describe it (walking back from the
/// cue stops after a few).
fn speaker_after_quotation(cx: &Context, s: usize, cue: usize) -> Option<SpeakerPhrase> {
    let close = (s..cue).rev().find(|&k| cx.is_mark(k))?;
    let first = close + 1;
    if cx.closes[close].is_none()
        || !cx.ends_attributed(close)
        || first >= cue
        || cx.word_count(first, cue) > 30
        || !cx.is_word(first)
    {
        return None;
    }
    // Only appositions between: no other clause with a cue or a colon.
    let clean = (first..cue).all(|k| {
        !matches!(cx.tokens[k].kind(), TokenKind::Punct(';' | ':'))
            && !matches!(cx.cue(k), Some(CueClass::Speech | CueClass::Tell))
    });
    let range = phrases::after(cx, first, cue)?;
    (clean && cx.is_punct(range.1, ',')).then_some(SpeakerPhrase {
        range,
        ..SpeakerPhrase::default()
    })
}

/// The "that" which opens a tell cue's content after the rest of its
/// addressee and adjuncts ("told radio host Hugh Hewitt on Wednesday that
/// …", "telling customers at a Manchester, New Hampshire, breakfast spot
/// that …"): within a few words, commas of a place name allowed.
fn that_after_addressee(cx: &Context, k: usize, e: usize) -> Option<usize> {
    (k..(k + 16).min(e))
        .take_while(|&j| {
            // "asking him to probe claims … that", "asked him why …": the
            // content has begun.
            let opens_content = matches!(
                cx.low(j),
                "to" | "if" | "whether" | "why" | "how" | "what" | "when" | "where" | "who"
            );
            !opens_content && cx.is_word(j)
                || cx.is_punct(j, '.')
                || (cx.is_punct(j, ',') && j > k && cx.is_cap(j - 1))
        })
        .find(|&j| cx.low(j) == "that")
}

/// "scolded him: “…”", "lectured the reporters: “…”": a few words and a
/// colon before a quotation; the index of its opening mark.
/// "says of Clinton, “If she …”", "wrote to his 20,000 followers, “…”":
/// after a comma too, when the quotation ends the sentence and no other
/// cue stands between.
fn quotation_after_addressee(cx: &Context, k: usize, e: usize) -> Option<usize> {
    let sep = (k..(k + 10).min(e)).find(|&j| !cx.is_word(j))?;
    let qi = cx.opens.get(sep + 1).copied().flatten()?;
    if sep == k {
        return None;
    }
    if cx.is_punct(sep, ':') {
        return (sep < k + 5).then_some(sep + 1);
    }
    let q = &cx.quotations[qi];
    let ends_sentence = q
        .close
        .is_some_and(|c| (c + 1..e).all(|j| matches!(cx.tokens[j].kind(), TokenKind::Punct(_))));
    let no_cue = (k..sep).all(|j| cx.cue(j).is_none());
    // "said that for voters under 20, “the rate …”": a reported clause
    // with a quotation in it, not a quotation introduced by the cue.
    let in_clause = k > 0 && cx.low(k - 1) == "that";
    (cx.is_punct(sep, ',') && ends_sentence && no_cue && !in_clause).then_some(sep + 1)
}

/// Whether the words from `k` carry on a sentence interrupted by its cue
/// with a preposition or conjunction ("…, he said, for how …").
fn continues_after_cue(cx: &Context, k: usize, e: usize) -> bool {
    k < e
        && matches!(
            cx.low(k),
            "and"
                | "but"
                | "for"
                | "while"
                | "because"
                | "as"
                | "in"
                | "on"
                | "to"
                | "with"
                | "from"
                | "of"
                | "by"
                | "at"
        )
}

/// "Trump was attacked by Democrats": a passive cue with a "by" agent;
/// the agent is the speaker and the subject is the content.
fn passive(cx: &Context, e: usize, cue: usize, clause_start: usize) -> Option<Claim> {
    if cue == 0 || cx.low(cue + 1) != "by" {
        return None;
    }
    if !matches!(
        cx.low(cue - 1),
        "was" | "were" | "is" | "are" | "been" | "be" | "being"
    ) {
        return None;
    }
    let agent = phrases::after(cx, cue + 2, e)?;
    let subject = phrases::before(cx, clause_start.min(cue), cue)?;
    let content = subject.range;
    Some(Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((cue, cue + 2)),
        speaker: Some(SpeakerPhrase {
            range: agent,
            ..SpeakerPhrase::default()
        }),
        cue_after: false,
    })
}

/// "…, saying (that) …": the speaker is the agent named in the clause ("by
/// Chinese media"), or the speaker of the sentence's previous claim, or the
/// sentence's subject.
pub(super) fn participle(
    cx: &Context,
    s: usize,
    e: usize,
    cue: usize,
    earlier: &[Claim],
    covering: Option<usize>,
) -> Option<Claim> {
    if cue == s {
        return None;
    }
    // "…, with three in 10 saying …", "Ryan saying he was … and Trump
    // calling it …": a participle with its own subject.
    let absolute = if covering.is_none() {
        absolute_subject(cx, s, cue)
    } else {
        None
    };
    // "…, but coverage by state media kept calling …": an agent with "by"
    // in the participle's own clause makes it a claim as after a comma.
    let own_clause_agent = || {
        let clause = (s..cue)
            .rev()
            .find(|&k| cx.is_punct(k, ','))
            .map_or(s, |k| k + 1);
        if covering.is_some() {
            return None;
        }
        agent_by(cx, clause, cue).or_else(|| group_agent_by(cx, clause, cue))
    };
    let clause_agent = if absolute.is_none() && !continues_clause(cx, cue) {
        Some(own_clause_agent()?)
    } else {
        None
    };
    let agent = absolute
        .or(clause_agent)
        .or_else(|| agent_by(cx, covering.unwrap_or(s), cue));
    let speaker = match covering {
        Some(_) => agent?,
        None => agent
            .or_else(|| earlier.last().and_then(|c| c.speaker.clone()))
            .or_else(|| subject(cx, s, cue))?,
    };
    let mut via = speaker.via.clone();
    let (k, cue_end) =
        participle_content_start(cx, cue, e, takes_particle(cx, cue, cue + 1), &mut via);
    // "hoping to keep the damage …": the intention is the content.
    let content = if intention_to(cx, cue, k, &crate::lexicon::lists().intention_participles) {
        right_content(cx, k + 1, e).map(|(_, end)| (k, end))?
    } else {
        let (rs, re) = right_content(cx, k, e)?;
        if takes_noun_phrase(cx, cue, rs) {
            (rs, noun_phrase_end(cx, rs, re))
        } else {
            (rs, re)
        }
    };
    let content = (
        content.0,
        subordinate_clause_end(cx, s, cue, content.0, content.1),
    );
    Some(Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((cue, cue_end)),
        speaker: Some(SpeakerPhrase { via, ..speaker }),
        cue_after: false,
    })
}

/// Where the content of the participle at `cue` starts, and where its cue
/// ends: after the particle when `particle` says the next word belongs to
/// the cue ("referring to …", "pointing to …"), else after a telling
/// participle's addressee and any adjuncts (sources among them go to
/// `via`).
fn participle_content_start(
    cx: &Context,
    cue: usize,
    e: usize,
    particle: bool,
    via: &mut Vec<(usize, usize)>,
) -> (usize, usize) {
    if particle {
        return (cue + 2, cue + 2);
    }
    let mut k = cue + 1;
    if crate::lexicon::lists()
        .tell_participles
        .contains(&cx.low(cue))
    {
        k = skip_object(cx, k, e, via);
        // "telling customers at a Manchester, New Hampshire, breakfast spot
        // that …": the addressee runs on to "that", as after a finite tell.
        if let Some(that) = that_after_addressee(cx, k, e) {
            return (that + 1, cue + 1);
        }
    }
    (skip_adjuncts(cx, k, e, via), cue + 1)
}

/// "coverage by state media kept calling …": a lower-case group named
/// after "by" ("state media", "local officials") as a participle's agent.
fn group_agent_by(cx: &Context, from: usize, cue: usize) -> Option<SpeakerPhrase> {
    let by = (from..cue).rev().find(|&k| cx.low(k) == "by")?;
    let head = (by + 1..(by + 4).min(cue)).find(|&k| cx.lex.is_group_head(cx.low(k)))?;
    (by + 1..head)
        .all(|k| cx.is_word(k))
        .then_some(SpeakerPhrase {
            range: (by + 1, head + 1),
            ..SpeakerPhrase::default()
        })
}

/// The subject of an absolute participle: "with 30 percent of voters
/// saying …" (the words after "with"), or "– Ryan saying …, Trump calling
/// …" (a short name right after a dash or "and").
fn absolute_subject(cx: &Context, s: usize, cue: usize) -> Option<SpeakerPhrase> {
    let lo = cue.saturating_sub(10).max(s);
    let with = (lo..cue)
        .rev()
        .find(|&k| cx.low(k) == "with" && !cx.inside[k]);
    let start = match with {
        Some(w) => w + 1,
        None => {
            // "– Ryan saying …", "and Trump calling …".
            let mut k = cue;
            while k > lo && cx.is_cap(k - 1) {
                k -= 1;
            }
            let opener = k > s
                && (matches!(cx.tokens[k - 1].kind(), TokenKind::Punct('–' | '—'))
                    || cx.low(k - 1) == "and");
            if k == cue || !opener {
                return None;
            }
            k
        }
    };
    if start >= cue
        || cx.word_count(start, cue) > 8
        || (start..cue).any(|k| !cx.is_word(k) && !cx.is_punct(k, '.'))
        || (start..cue).any(|k| cx.cue(k).is_some())
    {
        return None;
    }
    Some(SpeakerPhrase {
        range: (start, cue),
        ..SpeakerPhrase::default()
    })
}

/// "according to X[, quoted by Y], …" and "…, according to X".
pub(super) fn according(
    cx: &Context,
    s: usize,
    e: usize,
    a: usize,
    earlier: &[Claim],
) -> Option<Claim> {
    let mut range = phrases::after(cx, a + 2, e)?;
    // "according to their friends and advisers, …": up to a near comma.
    if !cx.is_punct(range.1, ',') && !cx.is_punct(range.1, '.') && cx.low(range.1) != "quoted" {
        if let Some(comma) = (range.1..(range.1 + 6).min(e))
            .take_while(|&j| cx.is_word(j))
            .last()
            .map(|j| j + 1)
            .filter(|&j| cx.is_punct(j, ','))
        {
            range.1 = comma;
        }
    }
    let (mut end, via) = match phrases::chain_at(cx, range.1, e) {
        Some((last, links)) => (last, links),
        None => (range.1, Vec::new()),
    };
    let clause_start = earlier.last().map_or(s, |c| c.content.1.max(s));
    // After a dash the source leads what follows, unless it ends the
    // sentence ("… flat out wrong — according to the journal.").
    let source_ends_sentence = (end..e).all(|j| !cx.is_word(j));
    let leads = a <= clause_start + 3
        || matches!(cx.tokens[a - 1].kind(), TokenKind::Punct(':' | ';'))
        || (matches!(cx.tokens[a - 1].kind(), TokenKind::Punct('—' | '–'))
            && !source_ends_sentence);
    // "According to a just-released poll from Florida Atlantic University
    // broadcast on MSNBC, …": leading the sentence, the source runs to its
    // comma.
    if leads && via.is_empty() && !cx.is_punct(end, ',') {
        if let Some(comma) = (end..(a + 32).min(e))
            .find(|&j| cx.is_punct(j, ',') && !cx.inside[j])
            .filter(|&j| {
                (end..j).all(|k| cx.is_word(k) || cx.is_punct(k, '.') || cx.is_punct(k, '-'))
            })
        {
            range.1 = comma;
            end = comma;
        }
    }
    // A leading source is set off from what it introduces ("According to
    // the poll, …"); one that runs on into the rest of the sentence
    // without a comma was cut short (by a cue word: "according to a
    // transcript of the show", "… exit polling reported by CNN"), and the
    // rest is still the source, not its content.
    let set_off_after = cx.is_punct(end, ',')
        || !via.is_empty()
        || matches!(
            cx.tokens.get(end).map(|t| t.kind()),
            Some(TokenKind::Punct(':' | '—' | '–'))
        );
    let leads = leads && set_off_after;
    let speaker = SpeakerPhrase {
        range,
        role: None,
        via,
    };
    // "While most were …, according to an official, two were upgraded …":
    // after a subordinate clause and set off by commas before a clause of
    // its own, the source introduces what follows.
    let subordinate_before = matches!(
        cx.low(clause_start),
        "while" | "although" | "though" | "as" | "after" | "because" | "if" | "when" | "since"
    );
    let introduces = subordinate_before
        && !(clause_start..a - 1).any(|j| cx.is_punct(j, ',') && !cx.inside[j])
        && cx.is_punct(a - 1, ',')
        && cx.is_punct(end, ',')
        && !matches!(
            cx.low(end + 1),
            "who" | "which" | "whose" | "whom" | "and" | "but" | "a" | "an" | "the" | "as"
        )
        && cx.word_count(end + 1, e) >= 4
        && !(end + 1..e).any(|j| cx.cue(j) == Some(CueClass::Speech) && !cx.inside[j]);
    let content = if leads || introduces {
        if cx.is_punct(end, ',') {
            end += 1;
        }
        right_content(cx, end, e)?
    } else {
        // "…,” according to CNN": the comma sits inside the marks.
        let after_quote = cx.is_mark(a - 1) && a >= 2 && cx.is_punct(a - 2, ',');
        // "… view Trump unfavorably according to the poll": no comma
        // after a clause of its own.
        let bare = cx.is_word(a - 1) && cx.word_count(clause_start, a) >= 5;
        // "… flat out wrong — according to the journal": a dash too.
        let dashed = matches!(cx.tokens[a - 1].kind(), TokenKind::Punct('—' | '–'));
        if !(cx.is_punct(a - 1, ',') || cx.is_punct(a - 1, '(') || dashed || after_quote || bare) {
            return None;
        }
        let c = if after_quote {
            let qi = cx.closes[a - 1]?;
            let open = cx.quotations[qi].open;
            (open.max(clause_start), a)
        } else if bare {
            (clause_start, a)
        } else {
            (clause_start, a - 1)
        };
        // "“…,” he told advisers afterward, according to Uzi Arad": the
        // clause is an earlier claim's attribution, not a claim of its own.
        let holds_cue = earlier
            .iter()
            .any(|x| x.cue.is_some_and(|(cs, _)| c.0 <= cs && cs < c.1));
        let c = (cx.word_count(c.0, c.1) >= 2 && !holds_cue).then_some(c)?;
        // "At the heart of the trouble, according to Dennis Ross, was a
        // decision …": a source set off after a short opening attributes
        // the whole clause around it.
        let set_off = |j: usize| {
            cx.is_punct(j, ',')
                || matches!(
                    cx.tokens.get(j).map(|t| t.kind()),
                    Some(TokenKind::Punct('—' | '–'))
                )
        };
        let goes_on = !after_quote
            && !bare
            && set_off(end)
            && !matches!(
                cx.low(end + 1),
                "who"
                    | "which"
                    | "whose"
                    | "whom"
                    | "and"
                    | "but"
                    | "a"
                    | "an"
                    | "the"
                    | "as"
                    | "while"
                    | "although"
                    | "though"
                    | "when"
                    | "where"
            )
            && cx.word_count(end + 1, e) >= 2
            && cx.word_count(c.0, c.1) <= 7;
        match goes_on.then(|| right_content(cx, end + 1, e)).flatten() {
            Some(r) => (c.0, r.1),
            None => c,
        }
    };
    Some(Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((a, a + 2)),
        speaker: Some(speaker),
        cue_after: content.1 <= a,
    })
}

/// "Asked whether he would …, Christie said …": the question a sentence
/// opens with is a claim of its own, up to the first comma; the asker is
/// not named (PolNeAR gives such questions no source).
pub(super) fn asked_lead_in(cx: &Context, e: usize, cue: usize) -> Option<Claim> {
    let mut k = cue + 1;
    if cx.low(k) == "about" {
        k += 1;
    }
    let comma = (k..e).find(|&j| cx.is_punct(j, ',') && !cx.inside[j])?;
    if cx.word_count(k, comma) < 2 {
        return None;
    }
    let content = (k, comma);
    Some(Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((cue, cue + 1)),
        speaker: None,
        cue_after: false,
    })
}

/// "In the most recent YouGov survey, 71 percent approved …": a sentence
/// opening with a finding and a comma, and no verb of saying after it, is
/// that finding's claim; the cue is "In".
pub(super) fn source_lead_in(cx: &Context, s: usize, e: usize) -> Option<Claim> {
    if cx.low(s) != "in" {
        return None;
    }
    // Poll names run long ("In an NBC News/Wall Street Journal poll released
    // Monday, …").
    let comma = (s + 1..(s + 16).min(e)).find(|&j| cx.is_punct(j, ','))?;
    // "In other words, …" names no finding.
    let finding = (s + 1..comma).any(|j| {
        crate::lexicon::lists().finding_nouns.contains(&cx.low(j)) && !in_non_speech_pair(cx, j)
    });
    if !finding || cx.word_count(s + 1, comma) < 2 {
        return None;
    }
    let content = right_content(cx, comma + 1, e)?;
    let cue_inside =
        (content.0..content.1).any(|j| !cx.inside[j] && cx.is_word(j) && cx.cue(j).is_some());
    if cue_inside {
        return None;
    }
    Some(Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((s, s + 1)),
        speaker: Some(SpeakerPhrase {
            range: (s + 1, comma),
            ..SpeakerPhrase::default()
        }),
        cue_after: false,
    })
}

/// "super PACs supporting Kasich", "911 calls saying shots were fired",
/// "issued a statement saying …": a participle right after a noun is that
/// noun's claim, or, after a medium ("statement", "letter"), the claim of
/// the sentence's subject.
pub(super) fn noun_participle(cx: &Context, s: usize, e: usize, cue: usize) -> Option<Claim> {
    if cue == s
        || !crate::lexicon::lists()
            .noun_participles
            .contains(&cx.low(cue))
        || !cx.is_word(cue - 1)
    {
        return None;
    }
    let prev = cx.low(cue - 1);
    let nounish = cx.is_cap(cue - 1)
        || cx.lex.is_group_head(prev)
        || cx.lex.is_role(prev)
        || crate::lexicon::lists().media_nouns.contains(&prev)
        || (prev.ends_with('s') && !prev.ends_with("ss") && prev.len() > 3);
    if !nounish || cx.lex.is_between(prev) || cx.lex.cue(prev).is_some() || is_be(prev) {
        return None;
    }
    let speaker = if crate::lexicon::lists().media_nouns.contains(&prev) {
        // "The board issued a statement saying …": the subject of the verb
        // before the medium's determiner.
        let det = (cue.saturating_sub(5).max(s + 1)..cue - 1)
            .rev()
            .find(|&k| {
                matches!(
                    cx.low(k),
                    "a" | "an" | "the" | "its" | "his" | "her" | "their"
                )
            })?;
        phrases::before(cx, s, det - 1)?
    } else {
        phrases::before(cx, s, cue)?
    };
    let mut via = speaker.via.clone();
    let next = cx.low(cue + 1);
    let particle = particle_of(cx.low(cue)) == Some(next) || next == "on";
    let (k, cue_end) = participle_content_start(cx, cue, e, particle, &mut via);
    let intentions = &crate::lexicon::lists().intention_participles;
    let content = intended_or_right_content(cx, cue, k, e, intentions)?;
    Some(Claim {
        kind: kind_of(cx, content),
        content,
        cue: Some((cue, cue_end)),
        speaker: Some(SpeakerPhrase { via, ..speaker }),
        cue_after: false,
    })
}
