//! Who does what to whom: the sentence structure around a trigger — is
//! the head a verb or a noun, the subject to its left (skipping
//! prepositional phrases and appositions), the target to its right, the
//! "by" agent of a passive.

use super::modality::CUES;
use super::Sentence;
use crate::phrases;
use crate::tokens::Token;
use crate::verbs::VerbLexicon;

/// Words that end the clause a subject or target is searched in.
/// (`lexicon`'s `event_words.txt`, `[clause-breaks]`.)
pub(super) static CLAUSE_BREAKS: std::sync::LazyLock<&lexicon::WordSet<'static>> =
    std::sync::LazyLock::new(|| &lexicon::event_words().clause_breaks);

/// Determiners and possessives that make the next word a noun.
/// (`lexicon`'s `event_words.txt`, `[determiners]`.)
pub(super) static DETERMINERS: std::sync::LazyLock<&lexicon::WordSet<'static>> =
    std::sync::LazyLock::new(|| &lexicon::event_words().determiners);

/// The phrase index covering token `i`, if any.
pub(super) fn phrase_at(s: &Sentence, i: usize) -> Option<usize> {
    s.phrases.iter().position(|p| p.start <= i && i < p.end)
}

/// Whether the head at `i` is used as a noun ("the talks", "a high-level
/// meeting", "for military aid"): a determiner, possessor or preposition
/// before it, across at most two modifiers. A bare-stem head may also have
/// a role word as modifier ("military aid"); an inflected one may not
/// ("the army attacked").
pub(super) fn is_noun_use(s: &Sentence, verbs: &VerbLexicon, i: usize) -> bool {
    let lower = s.tokens[i].lower.as_str();
    let bare = !(lower.ends_with('s') || lower.ends_with("ed") || lower.ends_with("ing"))
        && crate::lemma::irregular(lower).is_none();
    // "makes no apologies for accusing China" (a deed owned to), "in a hole
    // with the crowd after questioning Israel" (a participle clause's
    // subordinator): the "-ing" form is a verb, not the head of a phrase
    // that a determiner further back opens.
    let opener = i > 0
        && lexicon::modality_words()
            .participle_openers
            .contains(&s.tokens[i - 1].lower.as_str());
    if lower.ends_with("ing") && (opener || super::doers::owned_deed_doer(s, i).is_some()) {
        return false;
    }
    for back in 1..=3 {
        let Some(k) = i.checked_sub(back) else {
            return false;
        };
        let t = &s.tokens[k];
        if DETERMINERS.contains(&t.lower.as_str()) {
            return true;
        }
        // A possessor phrase right before: "Russia's invasion".
        if s.phrases.iter().any(|p| p.possessive && p.end == k + 1) {
            return true;
        }
        // "for military aid" (but "after attacking" is a verb).
        if bare && phrases::PREPOSITIONS.contains(&t.lower.as_str()) && t.lower != "to" {
            return true;
        }

        // "an Islamic State target": a name between an article and a bare stem.
        if bare
            && phrase_at(s, k).is_some_and(|p| {
                let p = &s.phrases[p];
                p.actors.len() == 1
                    && (p.start > 0 && DETERMINERS.contains(&s.tokens[p.start - 1].lower.as_str())
                        || s.tokens[p.start].lower == "the")
            })
        {
            return true;
        }
        let lowercase_phrase = phrase_at(s, k).is_some_and(|p| {
            let p = &s.phrases[p];
            bare && s.tokens[p.start..p.end].iter().all(|t| !t.is_capitalized())
        });
        let modifier = t.is_word()
            && !verbs.is_head(&t.lower)
            && (phrase_at(s, k).is_none() || lowercase_phrase)
            && !crate::phrases::is_clause_word(&t.lower)
            && !matches!(
                t.lower.as_str(),
                "to" | "also" | "never" | "already" | "n't"
            )
            && !t.lower.ends_with("ly");
        if !modifier {
            return false;
        }
    }
    false
}

/// Whether a clause break lies between tokens `from` and `to`.
fn break_between(tokens: &[Token], from: usize, to: usize) -> bool {
    (from..to.min(tokens.len())).any(|k| is_clause_break(tokens, k))
}

/// Whether token `k` ends a clause: a [`CLAUSE_BREAKS`] word, but not
/// "since" before a date ("held by the Taliban since 2016 were
/// released"), which is a preposition.
pub(super) fn is_clause_break(tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    if !CLAUSE_BREAKS.contains(&t.lower.as_str()) {
        return false;
    }
    let dated = tokens.get(k + 1).is_some_and(|n| {
        n.text.starts_with(|c: char| c.is_ascii_digit())
            || lexicon::calendar().month(&n.lower).is_some()
    });
    !(t.lower == "since" && dated)
}

/// Words after which "of X" still names the subject ("Hundreds of UN troops").
fn is_quantity(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit() || c == ',')
        || lexicon::event_words().quantity_words.contains(w)
}

/// The subject phrase of a verb group starting at token `from`: the nearest
/// actor phrase to its left in the same clause that is not inside a
/// prepositional phrase; an apposition with no country defers to the phrase
/// it renames ("The US commander in Iraq, General David Petraeus, held …").
pub(super) fn subject_left(s: &Sentence, from: usize) -> Option<usize> {
    let found = {
        let from = relative_insert_before(&s.tokens, from).unwrap_or(from);
        coordinated_subject(s, from).or_else(|| nearest_subject(s, from))
    };
    match parallel_participle(s, from) {
        // The phrase after the first of two coordinated "-ing" verbs is
        // that verb's object: the subject is the first verb's.
        Some(first) if found.is_some_and(|p| s.phrases[p].start > first) => subject_left(s, first),
        _ => found,
    }
}

/// Where a relative clause set off by commas or dashes opens, when it
/// closes right before the verb group at `from`: "The Palestinian
/// Authority - which considers the US biased and has rejected … if talks
/// are revived - called for …". The clause's own breaks ("if", "that")
/// and actors are not the verb's; its subject is the phrase the clause
/// follows. An insertion that is no relative clause ("Arab states - Egypt
/// and Jordan - criticised") may be the subject itself and is kept.
pub(super) fn relative_insert_before(tokens: &[Token], from: usize) -> Option<usize> {
    let close = from.checked_sub(1)?;
    let mark = |t: &Token| match t.text {
        "," => Some(false),
        "-" | "—" | "–" => Some(true),
        _ => None,
    };
    let dash = mark(&tokens[close])?;
    (close.saturating_sub(40)..close)
        .rev()
        .take_while(|&k| !matches!(tokens[k].text, "." | ";" | ":"))
        .find(|&k| mark(&tokens[k]) == Some(dash))
        .filter(|&k| {
            k > 0
                && tokens
                    .get(k + 1)
                    .is_some_and(|t| matches!(t.lower.as_str(), "who" | "which" | "whose"))
        })
}

/// The "-ing" verb an "-ing" verb at `from` after "and" or "or" is
/// coordinated with ("a chance of beating Trump and denying him", "ads
/// tethering Cruz to Trump and criticizing them"): the two share one
/// subject, found before the first; a phrase after the first is its
/// object, not that subject. `None` when no such verb stands in the same
/// clause within twelve tokens.
fn parallel_participle(s: &Sentence, from: usize) -> Option<usize> {
    let and = from.checked_sub(1)?;
    let is_participle = |k: usize| {
        let t = &s.tokens[k];
        t.lower.len() > 5
            && t.lower.ends_with("ing")
            && t.is_word()
            && !t.is_capitalized()
            && !phrases::PREPOSITIONS.contains(&t.lower.as_str())
            && phrase_at(s, k).is_none()
            && !(k > 0 && DETERMINERS.contains(&s.tokens[k - 1].lower.as_str()))
    };
    if !matches!(s.tokens[and].lower.as_str(), "and" | "or") || !is_participle(from) {
        return None;
    }
    (and.saturating_sub(12)..and)
        .rev()
        .take_while(|&k| !is_clause_break(&s.tokens, k) && !matches!(s.tokens[k].text, "," | ";"))
        .find(|&k| is_participle(k))
}

/// A verb phrase coordinated after "and" has no subject of its own: it is
/// the first clause's ("Vietnam is one of the critics of China's claims and
/// has accused Beijing …" — Vietnam accuses). That is the first actor
/// phrase of the clause the "and" closes that is not governed by a
/// preposition nor a possessor.
fn coordinated_subject(s: &Sentence, from: usize) -> Option<usize> {
    let and = from.checked_sub(1)?;
    if s.tokens[and].lower != "and" {
        return None;
    }
    clause_subject(s, and).or_else(|| {
        // "Putin forecast that the economy would rebound and praised
        // Kerry": a reported clause with no actor of its own is not what
        // "and" continues; the clause that reports it is.
        let that = (0..and)
            .rev()
            .find(|&k| is_clause_break(&s.tokens, k))
            .filter(|&k| s.tokens[k].lower == "that")?;
        let reported = s.phrases.iter().any(|p| p.start > that && p.end <= and);
        (!reported).then(|| clause_subject(s, that)).flatten()
    })
}

/// The subject of the clause that ends at token `end`: its first actor
/// phrase not governed by a preposition nor a possessor.
pub(super) fn clause_subject(s: &Sentence, end: usize) -> Option<usize> {
    let clause_start = (0..end)
        .rev()
        .find(|&k| is_clause_break(&s.tokens, k))
        .map_or(0, |k| k + 1);
    let first = s
        .phrases
        .iter()
        .position(|p| p.start >= clause_start && p.end <= end)?;
    let p = &s.phrases[first];
    let eligible = p.preposition.is_none() && !p.actors.is_empty() && !p.possessive;
    eligible.then_some(first)
}

/// Whether the phrase starting at token `start` stands after the verb of
/// its clause ("Russia attacked Ukraine", "Turkey, which borders Syria"):
/// an object, not a subject. Read back to the clause's opening (a clause
/// break, a comma, "and", "or", a relative word or a verb of saying, after
/// which a reported clause opens with its own subject); a verb form not
/// used as a noun, or a modal or auxiliary, on the way makes it an object.
/// Words of other phrases are skipped.
pub(super) fn follows_its_verb(
    verbs: &VerbLexicon,
    tokens: &[Token],
    phrases: &[phrases::Phrase],
    start: usize,
) -> bool {
    let in_phrase = |k: usize| phrases.iter().any(|p| p.start <= k && k < p.end);
    for k in (0..start).rev() {
        let t = &tokens[k];
        let w = t.lower.as_str();
        if is_clause_break(tokens, k)
            || matches!(t.text, "," | ";" | "—" | "–" | "-")
            || matches!(w, "and" | "or" | "who" | "which" | "whom")
            || CUES.contains(&w)
        {
            return false;
        }
        if in_phrase(k) || !t.is_word() || t.is_capitalized() {
            continue;
        }
        let auxiliary = matches!(
            w,
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "should"
                | "did"
                | "does"
        );
        let noun_use = k > 0
            && (DETERMINERS.contains(&tokens[k - 1].lower.as_str())
                || phrases::PREPOSITIONS.contains(&tokens[k - 1].lower.as_str()));
        if auxiliary || (verbs.is_verb(w) && !noun_use && !phrases::PREPOSITIONS.contains(&w)) {
            return true;
        }
    }
    false
}

/// The nearest actor phrase to the left of `from` that can be its subject.
fn nearest_subject(s: &Sentence, from: usize) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (idx, p) in s.phrases.iter().enumerate().rev() {
        if p.end > from {
            continue;
        }
        let between_start = p.end;
        // A relative pronoun right after the phrase points back at it.
        let relative = s.tokens[between_start..from]
            .iter()
            .find(|t| t.text != ",")
            .is_some_and(|t| super::is_relative_word(&t.lower));
        if !relative && break_between(&s.tokens, between_start, from) {
            return best;
        }
        // "extradition to the United States, which accuses him": a
        // relative pronoun right before the verb group is its subject,
        // and points back at the phrase it follows, whatever governs that.
        let right_before = s.tokens[between_start..from]
            .iter()
            .filter(|t| t.text != ",")
            .count()
            == 1
            || relative && adverbial_after_relative(s, between_start, from);
        if relative && right_before && best.is_none() && !p.actors.is_empty() && !p.possessive {
            return Some(idx);
        }
        let governed = match &p.preposition {
            None => false,
            // "after the Security Council condemned …": a conjunction
            // that opens a clause whose subject the phrase is.
            Some(conj) if is_conjunction_subject(s, conj, p.end, from) => false,
            // "…, with Moscow threatening to retaliate": the absolute
            // clause's "with" governs its subject, not an object.
            Some(with) if with == "with" && is_absolute_subject(s, p, from) => false,
            // "Several candidates, including Senator Cruz, criticized …":
            // the ones included act, when the group named is no actor.
            Some(inc) if inc == "including" && is_included_subject(s, p, from) => false,
            Some(prep) if prep == "of" => !p
                .start
                .checked_sub(2)
                .and_then(|k| s.tokens.get(k))
                .is_some_and(|t| is_quantity(&t.lower)),
            Some(_) => true,
        };
        if best.is_none() {
            if let Some(antecedent) = reported_relative(s, idx, from) {
                return antecedent;
            }
        }
        if governed || p.actors.is_empty() || p.possessive || in_relative_clause(s, p, from) {
            continue;
        }
        if best.is_none() {
            best = Some(idx);
            let countryless = p.actors.iter().all(|a| a.code.starts_with("---"));
            // ", the president," as well as ", President X,".
            let article =
                p.start > 1 && matches!(s.tokens[p.start - 1].lower.as_str(), "the" | "a" | "an");
            let before = p.start.saturating_sub(1 + usize::from(article));
            let after_comma = p.start > 0 && s.tokens[before].text == ",";
            if !(countryless && after_comma) {
                return best;
            }
            continue;
        }
        // Apposition: the earlier phrase just before the comma.
        if s.tokens.get(p.end).is_some_and(|t| t.text == ",") {
            return Some(idx);
        }
        return best;
    }
    best
}

/// "North Korea, which in recent months has conducted a test", "Putin,
/// who on Monday accused Kiev": a relative pronoun right after the phrase
/// ending at `end`, then only a short adverbial of time or place opened by
/// a preposition before the verb group at `from`. The pronoun is still the
/// verb's subject.
fn adverbial_after_relative(s: &Sentence, end: usize, from: usize) -> bool {
    let t = &s.tokens;
    let Some(relative) = (end..from).find(|&k| t[k].text != ",") else {
        return false;
    };
    let adverbial = &t[relative + 1..from];
    !adverbial.is_empty()
        && adverbial.len() <= 5
        && phrases::PREPOSITIONS.contains(&adverbial[0].lower.as_str())
        && adverbial.iter().all(|w| w.is_word() || w.text == ",")
        && !s
            .phrases
            .iter()
            .any(|p| p.start > relative && p.end <= from)
}

/// "The blast, which state media said killed five soldiers", "the man who
/// police say shot the officer": phrase `idx`, between a relative pronoun
/// and a verb of saying or belief right before the verb group at `from`,
/// only reports the relative clause, whose subject is the pronoun — the
/// phrase the clause follows. `Some` of that phrase, or `Some(None)` when
/// it is no actor or follows a preposition (the deed's doer is not named);
/// `None` when `idx` reports no such clause.
fn reported_relative(s: &Sentence, idx: usize, from: usize) -> Option<Option<usize>> {
    let p = &s.phrases[idx];
    let t = &s.tokens;
    let reports = p.end + 1 == from
        && t.get(p.end).is_some_and(|w| {
            let w = w.lower.as_str();
            lexicon::attribution_words().speech_verbs.contains(&w)
                || matches!(
                    w,
                    "believe"
                        | "believes"
                        | "believed"
                        | "think"
                        | "thinks"
                        | "thought"
                        | "allege"
                        | "alleges"
                        | "alleged"
                )
        });
    if !reports {
        return None;
    }
    // Back over the phrase's determiners ("which the army said") to the pronoun.
    let mut k = p.start.checked_sub(1)?;
    while k > 0 && DETERMINERS.contains(&t[k].lower.as_str()) {
        k -= 1;
    }
    if !matches!(t[k].lower.as_str(), "which" | "who" | "that") {
        return None;
    }
    let before = if k > 0 && t[k - 1].text == "," {
        k - 1
    } else {
        k
    };
    let antecedent = s
        .phrases
        .iter()
        .position(|a| a.end == before && !a.actors.is_empty() && !a.possessive)
        // "the drawdown of troops in Iraq, which they say left …": a phrase
        // after a preposition may be no antecedent of the clause.
        .filter(|&a| s.phrases[a].preposition.is_none());
    Some(antecedent)
}

/// Whether a phrase after `word` ending at token `end` is the subject of
/// a clause whose verb group starts at `from`: `word` is a conjunction as
/// well as a preposition ("after", "before", "until", "since", "as") and
/// only a few auxiliaries or adverbs stand between, and the verb group
/// is in the past (a present tense after "before" is a plan: "a day
/// before Sarkozy heads to Beijing").
fn is_conjunction_subject(s: &Sentence, word: &str, end: usize, from: usize) -> bool {
    let past = s.tokens.get(from).is_some_and(|t| {
        let w = t.lower.as_str();
        w.ends_with("ed")
            || matches!(w, "had" | "was" | "were")
            || (!w.ends_with('s') && crate::lemma::irregular(w).is_some_and(|l| l != w))
    });
    matches!(word, "after" | "before" | "until" | "since" | "as")
        && past
        && from >= end
        && from - end <= 3
        && s.tokens[end..from].iter().all(|t| {
            t.is_word()
                && !t.lower.ends_with("ing")
                && !phrases::PREPOSITIONS.contains(&t.lower.as_str())
                && !matches!(t.lower.as_str(), "and" | "or" | "of")
        })
}

/// Whether phrase `p`, after "with", is the subject of an absolute clause
/// whose "-ing" verb group starts right after it at `from` ("…, with
/// Moscow threatening to retaliate", "With China pressing Hanoi, …"): the
/// "with" opens the clause (the sentence's first word, or after a comma
/// or a dash). "met with Putin seeking a deal" is no such clause: the
/// "with" there follows its verb.
fn is_absolute_subject(s: &Sentence, p: &crate::phrases::Phrase, from: usize) -> bool {
    let Some(with) = (p.start.saturating_sub(3)..p.start)
        .rev()
        .find(|&k| s.tokens[k].lower == "with")
    else {
        return false;
    };
    let opens = with == 0 || matches!(s.tokens[with - 1].text, "," | ";" | "—" | "–" | "-");
    let between = s.tokens[with + 1..p.start]
        .iter()
        .all(|t| DETERMINERS.contains(&t.lower.as_str()));
    opens
        && between
        && from == p.end
        && s.tokens.get(from).is_some_and(|t| {
            t.is_word() && !t.is_capitalized() && t.lower.len() > 4 && t.lower.ends_with("ing")
        })
}

/// Whether phrase `p`, after ", including", is the subject of the verb
/// group at `from`: the insertion closes right before it ("Several
/// leading candidates, including Senator Ted Cruz, criticized …"), and
/// the group it names members of is no actor with a country (then that
/// group is the subject: "European governments, including France, …").
fn is_included_subject(s: &Sentence, p: &crate::phrases::Phrase, from: usize) -> bool {
    let t = &s.tokens;
    let closes = t.get(p.end).is_some_and(|c| c.text == ",") && p.end + 1 == from;
    let Some(including) = (p.start.saturating_sub(2)..p.start)
        .rev()
        .find(|&k| t[k].lower == "including")
    else {
        return false;
    };
    let opens = including > 0 && t[including - 1].text == ",";
    let group_is_actor = s
        .phrases
        .iter()
        .any(|g| g.end + 1 == including && g.actors.iter().any(|a| !a.code.starts_with("---")));
    closes && opens && !group_is_actor
}

/// Whether phrase `p` sits in a relative clause (", which borders Iran,")
/// that closes before token `from`.
fn in_relative_clause(s: &Sentence, p: &crate::phrases::Phrase, from: usize) -> bool {
    let opens = (0..p.start).rev().find_map(|k| {
        let t = &s.tokens[k];
        if t.text == "," {
            return Some(false);
        }
        let relative = matches!(t.lower.as_str(), "who" | "which" | "whose");
        (relative && k > 0 && s.tokens[k - 1].text == ",").then_some(true)
    });
    opens == Some(true) && s.tokens[p.end..from].iter().any(|t| t.text == ",")
}

/// The first actor phrase after token `after` in the same clause, up to
/// twelve tokens on, skipping `skip`.
pub(super) fn target_right(s: &Sentence, after: usize, skip: &[usize]) -> Option<usize> {
    let mut countryless: Option<usize> = None;
    for (idx, p) in s.phrases.iter().enumerate() {
        if p.start <= after || skip.contains(&idx) {
            continue;
        }
        if p.start > after + 12 {
            return countryless;
        }
        let crossed = &s.tokens[after + 1..p.start];
        // "to" that is not the phrase's own preposition starts an
        // infinitive clause ("meet … to discuss Russia's invasion").
        let det = usize::from(
            p.start > 0 && matches!(s.tokens[p.start - 1].lower.as_str(), "the" | "a" | "an"),
        );
        let own_to = crossed.len().checked_sub(1 + det);
        if crossed
            .iter()
            .enumerate()
            .any(|(k, t)| t.lower == "to" && Some(k) != own_to)
        {
            return countryless;
        }
        if crossed.iter().any(|t| {
            CLAUSE_BREAKS.contains(&t.lower.as_str())
                || CUES.contains(&t.lower.as_str())
                || matches!(t.text, "," | "." | "—" | "–")
                || matches!(
                    t.lower.as_str(),
                    "who"
                        | "which"
                        | "after"
                        | "before"
                        | "as"
                        | "until"
                        | "amid"
                        | "following"
                        | "and"
                )
        }) {
            return countryless;
        }
        // "questioned Europe's reliance on the United States": a
        // prepositional phrase past an owner that is no actor is the
        // complement of the owned noun, whose act is the owner's, not aimed
        // at it ("the North's leader" itself is the object).
        if p.preposition.is_some() && (after + 1..p.start).any(|k| owned_by_non_actor(s, k)) {
            return countryless;
        }
        let locative = matches!(
            p.preposition.as_deref(),
            Some("by" | "in" | "near" | "outside" | "inside" | "during" | "since" | "across")
        );
        if locative || p.actors.is_empty() {
            continue;
        }
        // A bare role word ("further military support to Lebanon") yields
        // to a named actor further on.
        if p.actors.iter().all(|a| a.code.starts_with("---")) {
            countryless = countryless.or(Some(idx));
            continue;
        }
        return Some(idx);
    }
    countryless
}

/// Whether token `k` is a possessive "'s" whose owner is no actor phrase
/// ("Europe's", "the company's"; not "Russia's", "the president's").
fn owned_by_non_actor(s: &Sentence, k: usize) -> bool {
    matches!(s.tokens[k].text, "'s" | "’s")
        && !s
            .phrases
            .iter()
            .any(|q| q.start < k && q.end >= k && !q.actors.is_empty())
}

/// The "by X" agent of a passive verb at `head`.
pub(super) fn by_agent(s: &Sentence, head: usize) -> Option<usize> {
    s.phrases.iter().position(|p| {
        p.start > head
            && p.start <= head + 10
            && p.preposition.as_deref() == Some("by")
            && !p.actors.is_empty()
            && !s.tokens[head + 1..p.start].iter().any(|t| {
                matches!(t.text, "," | ";" | ".")
                    || matches!(t.lower.as_str(), "was" | "were" | "is" | "are" | "been")
            })
    })
}

/// "sanctions imposed on Russia by the West", "civilians imprisoned for
/// …": a past participle right after a noun, followed by a preposition or
/// a comma rather than an object.
pub(super) fn is_reduced_passive(s: &Sentence, head: usize) -> bool {
    let lower = s.tokens[head].lower.as_str();
    let participle = lower.ends_with("ed") || lexicon::lemma::irregulars().is_participle(lower);
    let after_noun = head > 0
        && s.tokens[head - 1].is_word()
        && !matches!(
            s.tokens[head - 1].lower.as_str(),
            "has"
                | "have"
                | "had"
                | "and"
                | "or"
                | "who"
                | "which"
                | "that"
                | "it"
                | "he"
                | "she"
                | "they"
                | "we"
                | "also"
                | "then"
        )
        && !s.tokens[head - 1].lower.ends_with("ly");
    let before_preposition = s.tokens.get(head + 1).is_some_and(|t| {
        t.text == "," || (phrases::PREPOSITIONS.contains(&t.lower.as_str()) && t.lower != "to")
    });
    // The noun is an object ("to the sanctions imposed on …", "there were
    // soldiers killed in …") or the main verb comes later ("civilians
    // imprisoned for … were released"); otherwise it is the subject and
    // the verb is active ("Saudi Arabia called on Israel").
    let is_be = |t: &Token| {
        matches!(
            t.lower.as_str(),
            "was" | "were" | "is" | "are" | "be" | "been"
        )
    };
    let object_noun = s.tokens[head.saturating_sub(5)..head].iter().any(|t| {
        is_be(t) || (phrases::PREPOSITIONS.contains(&t.lower.as_str()) && t.lower != "by")
    });
    let main_verb_later = finite_be_in_clause(s, head + 1, is_be);
    // "other Americans held by Iran", "a pastor held prisoner in Iran":
    // a participle with its agent or a captive's complement right after
    // is passive wherever the noun stands.
    let agent_after = s.tokens.get(head + 1).is_some_and(|t| t.lower == "by")
        && s.phrases
            .iter()
            .any(|p| p.start == head + 2 || p.start == head + 3);
    let captive = s.tokens.get(head + 1).is_some_and(|t| {
        lexicon::actor_words()
            .captive_nouns
            .contains(&t.lower.as_str())
    });
    // An irregular form ("met", "held") is as often the past tense: only
    // the agent or the captive's complement makes it a participle.
    after_noun
        && ((participle && (agent_after || captive))
            || (lower.ends_with("ed") && before_preposition && (object_noun || main_verb_later)))
}

/// Whether a form of "be" follows token `from` in the clause the verb
/// before it opens ("civilians imprisoned for years were released"): the
/// search ends at a comma, a clause break, a relative word or an
/// infinitive's "to", as a "be" past them is another clause's verb ("called
/// on Israel to halt the strikes, saying the violence must be stopped").
fn finite_be_in_clause(s: &Sentence, from: usize, is_be: impl Fn(&Token) -> bool) -> bool {
    let tokens = s.tokens.get(from..).unwrap_or(&[]);
    for (k, t) in tokens.iter().enumerate() {
        let infinitive = t.lower == "to"
            && tokens.get(k + 1).is_some_and(|n| {
                n.is_word()
                    && !n.is_capitalized()
                    && !DETERMINERS.contains(&n.lower.as_str())
                    && !phrases::is_clause_word(&n.lower)
            });
        let ends = matches!(t.text, "," | "." | "-" | "—" | "–")
            || is_clause_break(tokens, k)
            || matches!(t.lower.as_str(), "who" | "which" | "whose")
            || infinitive;
        if ends {
            return false;
        }
        if is_be(t) {
            return true;
        }
    }
    false
}

/// The actor phrase a reduced passive participle at `head` follows
/// ("other Americans held by Iran"): the noun it modifies, which the
/// event is done to.
pub(super) fn modified_noun(s: &Sentence, head: usize) -> Option<usize> {
    s.phrases
        .iter()
        .position(|p| p.end == head && !p.possessive && !p.actors.is_empty())
}
