//! Targets that are things rather than actors: "condemned the missile
//! launch by North Korea", "praised efforts by Secretary Kerry", "the
//! test carried out by Pyongyang". The object is an act; the actor it
//! names with "by" is whom the event is about.

use super::roles::{phrase_at, CLAUSE_BREAKS};
use super::{Coded, Doc, Sentence};
use crate::phrases::ActorRef;
use crate::phrases::PREPOSITIONS;

/// How many tokens after the verb the object's "by" phrase may start.
const REACH: usize = 8;

/// The "by" phrase that names the doer of the object noun phrase after
/// the verb ending at token `last`: at least one word of the object lies
/// between (right after the verb, "by" is a means or a passive's agent),
/// and no clause break, comma or other actor does.
pub(super) fn doer_of_object(s: &Sentence, last: usize, skip: &[usize]) -> Option<usize> {
    let idx = s.phrases.iter().position(|p| {
        p.start > last + 2
            && p.start <= last + REACH
            && p.preposition.as_deref() == Some("by")
            && !p.actors.is_empty()
            && !p.possessive
    })?;
    if skip.contains(&idx) {
        return None;
    }
    let by = (last + 1..s.phrases[idx].start)
        .rev()
        .find(|k| s.tokens[*k].lower == "by")?;
    let object = &s.tokens[last + 1..by];
    let has_noun = object
        .iter()
        .any(|t| t.is_word() && !matches!(t.lower.as_str(), "the" | "a" | "an" | "its" | "their"));
    let crossed = object.iter().any(|t| {
        CLAUSE_BREAKS.contains(&t.lower.as_str())
            || matches!(t.text, "," | "." | "—" | "–")
            || matches!(t.lower.as_str(), "and" | "or" | "to" | "who" | "which")
    });
    let other_actor = (last + 1..by).any(|k| phrase_at(s, k).is_some());
    (has_noun && !crossed && !other_actor).then_some(idx)
}

/// The sources that act alone under `code`: a show of force (CAMEO 15,
/// "mobilized its troops", "raised its alert level") is an event with no
/// target, which the coder would otherwise drop. Only named sources: an
/// unnamed group alone ("troops were mobilized") says nothing usable.
pub(super) fn without_target(code: &str, sources: &[ActorRef]) -> Vec<ActorRef> {
    if crate::cameo::root(code) != "15" {
        return Vec::new();
    }
    sources
        .iter()
        .filter(|s| !s.code.starts_with("---"))
        .cloned()
        .collect()
}

/// Determiners that make the object after a disapproval verb a known act
/// ("condemned the test", "criticized this move", "Friday’s launch"; not
/// "that", which as often starts a clause).
/// (`lexicon`'s `event_words.txt`, `[definite-determiners]`.)
static DEFINITE: std::sync::LazyLock<&lexicon::WordSet<'static>> =
    std::sync::LazyLock::new(|| &lexicon::event_words().definite_determiners);

/// How many sentences before the reaction's own its doer is looked for in.
/// News tells the reaction right after the act, or one sentence of detail
/// later ("Israel struck Gaza on Friday. The strikes killed 12. Egypt
/// condemned the attack."); further back, "the move" is as often another
/// act, told again or not at all, and the subject found a wrong doer.
pub(super) const SENTENCES_BACK: usize = 2;

/// "Russia annexed Crimea. Germany condemned the move", "criticized the
/// decision", "condemned this": a disapproval (CAMEO 11) whose object is a
/// definite act with no actor in it (an act noun, `modality_words.txt`'s
/// `[act-nouns]`, or a bare "this") is about whoever did that act, told just
/// before: the subject (first clause subject with a country) of the latest
/// of the two sentences before that has one. `None` when the object is no
/// such act, neither sentence has a subject, the events coded in that
/// sentence are all someone else's, or that subject is the reacting side
/// itself ("Israel annexed …. Israel defended the move": its own act, or a
/// further one back) — unless that side disapproved of someone there, who
/// is then the one blamed ("Japan condemned North Korea's test. Japan
/// called the test a violation"). Praise (05) and rejection (12) of an act are left
/// alone: on PolNeAR's political news the doer found so was wrong more
/// often than right (docs/measurements.md, footnote ⁶³).
///
/// Sentence subjects, not the sources of the events coded there: the act
/// a reaction names is often one no pattern codes ("North Korea conducted
/// a test"), and the last event coded is then some other act.
///
/// The object is the words after the pattern's (`last`), or, where the
/// pattern's words go on after a definite object of the verb at `head`
/// ("called the move a provocation", "described the vote as illegal"), the
/// words before its name of blame.
pub(super) fn doer_told_before(
    doc: &Doc,
    s: &Sentence,
    (head, last): (usize, usize),
    code: &str,
    sources: &[ActorRef],
) -> Option<ActorRef> {
    if crate::cameo::root(code) != "11" || sources.is_empty() {
        return None;
    }
    let named = (head < last
        && s.tokens
            .get(head + 1)
            .is_some_and(|t| DEFINITE.contains(&t.lower.as_str())))
    .then(|| {
        (head + 2..=last).find(|&k| {
            matches!(
                s.tokens[k].lower.as_str(),
                "a" | "an" | "as" | "\"" | "“" | "'" | "‘"
            )
        })
    })
    .flatten();
    let start = if named.is_some() { head + 1 } else { last + 1 };
    let first = s.tokens.get(start)?;
    let dated = first.is_capitalized()
        && s.tokens
            .get(start + 1)
            .is_some_and(|t| matches!(t.text, "'s" | "’s"));
    if !(DEFINITE.contains(&first.lower.as_str()) || dated) {
        return None;
    }
    // The object runs to the next break; an actor inside it ("the
    // move by Israel") is handled by the phrase rules.
    let end = named.unwrap_or_else(|| {
        (start..s.tokens.len())
            .find(|&k| {
                let t = &s.tokens[k];
                CLAUSE_BREAKS.contains(&t.lower.as_str())
                    || matches!(t.text, "," | "." | ";" | "—" | "–" | "\"" | "“" | "”")
                    || matches!(
                        t.lower.as_str(),
                        "and" | "or" | "to" | "who" | "which" | "as"
                    )
            })
            .unwrap_or(s.tokens.len())
    });
    if end - start > 5 || (start..end).any(|k| phrase_at(s, k).is_some()) {
        return None;
    }
    // Its head an act noun, with only modifiers before it ("the
    // unilateral move", not "the leader of the strike"); or "this" alone.
    let object = &s.tokens[start..end];
    let act_nouns = &lexicon::modality_words().act_nouns;
    let head = object
        .iter()
        .take_while(|t| !PREPOSITIONS.contains(&t.lower.as_str()))
        .any(|t| act_nouns.contains(&t.lower.as_str()));
    if !(head || (object.len() == 1 && first.lower == "this")) {
        return None;
    }
    // The sentences before this one, latest first, as [start, end).
    let here = doc.sentence_starts.partition_point(|&at| at < s.span.start);
    let before = (here.saturating_sub(SENTENCES_BACK)..here).rev().map(|k| {
        let end = doc
            .sentence_starts
            .get(k + 1)
            .copied()
            .unwrap_or(s.span.start);
        (doc.sentence_starts[k], end.min(s.span.start))
    });
    for (from, to) in before {
        // The sentence's first subject: a bare object ("Ukraine" in
        // "Russia attacked Ukraine") is not who did the act.
        let k = doc.subjects.partition_point(|(at, _)| *at < from);
        let Some(subject) = doc.subjects[k..]
            .iter()
            .take_while(|(at, _)| *at < to)
            .find(|(_, r)| !r.object)
            .map(|(_, r)| &r.actor)
        else {
            continue;
        };
        // Where the sentence's coded events all have another source, its
        // first actor with a country is more likely an object than the
        // doer ("the board voted to endorse Clinton" coded as the board's).
        let acts_there = doc
            .acts
            .iter()
            .rev()
            .take_while(|a| a.source.span.start >= from)
            .filter(|a| a.source.span.start < to);
        let mut acts_there = acts_there.peekable();
        let others_act =
            acts_there.peek().is_some() && !acts_there.any(|a| a.source.code == subject.code);
        let own = sources.iter().any(|r| same_side(r, subject));
        if own {
            // "The Council condemned North Korea's test. … It called the
            // test a violation": the side's own disapproval just before
            // names whom the act is blamed on.
            return doc
                .acts
                .iter()
                .rev()
                .take_while(|a| a.source.span.start >= from)
                .filter(|a| a.source.span.start < to && crate::cameo::root(&a.code) == "11")
                .filter(|a| same_side(&a.source, subject))
                .flat_map(|a| &a.targets)
                .find(|t| !sources.iter().any(|r| same_side(r, t)))
                .cloned();
        }
        return (!others_act).then(|| subject.clone());
    }
    None
}

/// The codes whose target, when the sentence names none, is whom their
/// source has just blamed: a further disapproval (11: "voiced outrage"), a
/// threat (13: "vowed consequences", "warned of a response") or a sanction
/// (16: "imposed new sanctions") right after a condemnation is aimed at the
/// one condemned.
fn takes_blamed_target(code: &str) -> bool {
    matches!(crate::cameo::root(code), "11" | "13" | "16")
}

/// The codes that blame their target: disapproval (11), rejection (12),
/// threat (13), reduced relations (16).
fn blames(code: &str) -> bool {
    matches!(crate::cameo::root(code), "11" | "12" | "13" | "16")
}

/// "Canada condemned the raid by Venezuela and imposed sanctions",
/// "Canada condemned Venezuela's seizure of the tankers. The Canadian
/// government threatened sanctions": a further disapproval, a threat or a
/// sanction (`takes_blamed_target`) whose sentence names no target is aimed at whom the same side blamed just
/// before — in an event coded earlier in this sentence (`earlier`,
/// latest first), else in one of the `SENTENCES_BACK` sentences before.
/// Only a target of another side, and only the same side's blame: another
/// actor's condemnation says nothing of whom this one threatens. `None`
/// when no such blame was told, the sources have no country, or the
/// words after the pattern's last token `last` are an object of its own.
pub(super) fn blamed_before(
    doc: &Doc,
    s: &Sentence,
    last: usize,
    earlier: &[Coded],
    code: &str,
    sources: &[ActorRef],
) -> Option<ActorRef> {
    // A side with no country ("she" unresolved, "protesters") has no
    // blame of its own to carry.
    if !takes_blamed_target(code) || sources.iter().all(|r| r.code.starts_with("---")) {
        return None;
    }
    // Only with no object of its own: "raised questions about his
    // judgment", "vowed to curb the influence of money" are about a thing
    // named there, not the one blamed before; "questioned whether …",
    // "imposed sanctions." are not.
    let mut k = last + 1;
    if s.tokens
        .get(k)
        .is_some_and(|t| matches!(t.lower.as_str(), "about" | "over" | "of" | "on" | "at"))
    {
        k += 1;
    }
    let open = s.tokens.get(k).is_none_or(|t| {
        !t.is_word()
            || matches!(
                t.lower.as_str(),
                "whether" | "that" | "if" | "when" | "after" | "because" | "as" | "and" | "but"
            )
    });
    if !open {
        return None;
    }
    let ours = |r: &ActorRef| sources.iter().any(|x| same_side(x, r));
    let in_sentence = earlier
        .iter()
        .rev()
        .filter(|c| blames(&c.code) && c.sources.iter().any(&ours))
        .flat_map(|c| &c.targets)
        .find(|t| !ours(t));
    if let Some(t) = in_sentence {
        return Some(t.clone());
    }
    if let Some(t) = blame_noun_before(doc, s, last, sources, &ours) {
        return Some(t);
    }
    // The sentences before this one: `doc.acts` are in text order.
    let here = doc.sentence_starts.partition_point(|&at| at < s.span.start);
    let from = doc
        .sentence_starts
        .get(here.saturating_sub(SENTENCES_BACK))
        .copied()
        .unwrap_or(s.span.start);
    doc.acts
        .iter()
        .rev()
        .take_while(|a| a.source.span.start >= from)
        .filter(|a| a.source.span.start < s.span.start && blames(&a.code) && ours(&a.source))
        .flat_map(|a| &a.targets)
        .find(|t| !ours(t))
        .cloned()
}

/// "made a strong condemnation of North Korea's test and pledged to impose
/// further sanctions": the target of a blame its own clause names with a
/// noun before the trigger ending at `last` — nouns are coded after the
/// verbs, so `blamed_before`'s `earlier` does not hold it yet. The noun
/// (its code a blame by `VerbLexicon::noun_code`) follows an article, so
/// no possessor or "by" names another doer ("Russia's condemnation of"),
/// one of `sources` is named before it, and an actor phrase after "of",
/// "against" or "on" right after it is its target (a possessor there is
/// the act's doer: "of North Korea's test").
fn blame_noun_before(
    doc: &Doc,
    s: &Sentence,
    last: usize,
    sources: &[ActorRef],
    ours: &dyn Fn(&ActorRef) -> bool,
) -> Option<ActorRef> {
    let first_source = sources.iter().map(|r| r.span.start).min()?;
    s.phrases
        .iter()
        .filter(|p| p.end <= last && p.start >= 3 && !p.actors.is_empty())
        .filter(|p| matches!(p.preposition.as_deref(), Some("of" | "against" | "on")))
        .filter(|p| {
            // The preposition, before an article or not ("of the regime").
            let Some(prep) = (p.start - 2..p.start)
                .rev()
                .find(|&k| p.preposition.as_deref() == Some(s.tokens[k].lower.as_str()))
            else {
                return false;
            };
            let Some(n) = prep.checked_sub(1) else {
                return false;
            };
            let noun = &s.tokens[n];
            noun.span.start > first_source
                && phrase_at(s, n).is_none()
                && s.tokens[n.saturating_sub(4)..n]
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "a" | "an" | "the"))
                && doc
                    .verbs
                    .noun_code(&noun.lower)
                    .is_some_and(|code| blames(&code))
        })
        .flat_map(|p| p.actors.iter())
        .find(|t| !ours(t))
        .cloned()
}

/// Whether two actors are one side: the same code, or the same country
/// where either is the bare country ("the US" and "the White House").
/// Two organs of one state ("the White House", "House Democrats") are not.
fn same_side(a: &ActorRef, b: &ActorRef) -> bool {
    use super::context::country_of;
    a.code == b.code
        || (country_of(&a.code).is_some()
            && country_of(&a.code) == country_of(&b.code)
            && (a.code.len() <= 3 || b.code.len() <= 3))
}

/// "urges retaliation on Russia", "called for sanctions against Iran",
/// "demanded action over Syria": an appeal or a demand (CAMEO 02, 10) is
/// aimed at whom it asks, and a phrase after an act noun it asks for
/// (`modality_words.txt`'s `[act-nouns]`) is that act's target, not the
/// one asked ("called on Obama to impose sanctions on Russia" names the
/// one asked first). Whether phrase `target`, after the pattern's last
/// token `last`, is such a complement. "of" is not among the prepositions:
/// "clamored for the deployment of Allied troops" asks for the troops.
pub(super) fn aimed_by_act(s: &Sentence, code: &str, last: usize, target: usize) -> bool {
    if !matches!(crate::cameo::root(code), "02" | "10") {
        return false;
    }
    let Some(p) = s.phrases.get(target) else {
        return false;
    };
    let complement = matches!(
        p.preposition.as_deref(),
        Some("on" | "against" | "over" | "into" | "toward" | "towards")
    );
    let act_nouns = &lexicon::modality_words().act_nouns;
    complement
        && p.start > last
        && s.tokens[last + 1..p.start]
            .iter()
            .any(|t| act_nouns.contains(&t.lower.as_str()))
}

/// The codes whose object sanctions are their own side's or a third
/// party's measure, not aimed at whoever imposes them: seeking, threatening,
/// imposing, easing sanctions and appeals or demands for them (02, 03, 08,
/// 10, 13, 16). A disapproval or rejection of "U.S. sanctions" (11, 12) is
/// aimed at their imposer, and keeps it.
fn names_own_measure(code: &str) -> bool {
    matches!(
        crate::cameo::root(code),
        "02" | "03" | "08" | "10" | "13" | "16"
    )
}

/// Whether `word` (lowercase) names a sanction as a noun.
fn is_sanction_noun(word: &str) -> bool {
    word.starts_with("sanction") || matches!(word, "embargo" | "embargoes" | "tariff" | "tariffs")
}

/// "will seek new U.N. sanctions", "threatened EU sanctions", "imposed
/// American sanctions on Iran": an actor naming who imposes the sanctions,
/// right before the sanction noun, is not whom an act of seeking,
/// threatening, imposing or easing them (`names_own_measure`) is aimed at.
/// The target of an event of `code` (trigger at token `head`) found in
/// phrase `target`: that phrase, or where it is such a modifier, the one
/// sanctioned named after the noun ("on Iran"), else none — the one blamed
/// just before may then be it (`blamed_before`). Not a possessor ("Iran's
/// sanctions") nor a phrase after a preposition: "threatened Iran with
/// sanctions" names Iran first.
pub(super) fn past_imposer(
    s: &Sentence,
    code: &str,
    head: usize,
    target: usize,
    skip: &[usize],
) -> Option<usize> {
    let p = s.phrases.get(target)?;
    let imposer = names_own_measure(code)
        && p.start > head
        && !p.possessive
        && p.preposition.is_none()
        && s.tokens
            .get(p.end)
            .is_some_and(|t| is_sanction_noun(&t.lower));
    if imposer {
        super::roles::target_right(s, p.end, skip)
    } else {
        Some(target)
    }
}
