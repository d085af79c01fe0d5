//! Codes derived from others: intent ("promised to provide aid" → 0333),
//! threats, refusals ("will not allow" → 124), accusations in reported
//! violence and denials as events of their own, and which codes are mutual.

use super::modality::inside_marks;
use super::roles::subject_left;
use super::{Coded, Sentence};
use crate::byte_set::ByteSet;
use crate::{cameo, clause};
use model::Modality;

/// Codes whose coordinated subject means the actors act on each other
/// ("X and Y will meet").
pub(super) fn is_symmetric(code: &str) -> bool {
    matches!(
        code,
        "040" | "041" | "044" | "046" | "057" | "190" | "193" | "050"
    ) || matches!(cameo::root(code), "03" | "05" | "06" | "08")
}

/// The intent code ("express intent to …") for an action code, when CAMEO
/// has one.
pub(super) fn intent_code(code: &str) -> Option<String> {
    let mapped = match code {
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        "084" | "0841" | "0842" => "0353",
        "085" => "0354",
        "081" => "0351",
        "087" | "0871" | "0874" => "0356",
        "086" | "0863" => "0355",
        _ => match cameo::root(code) {
            "04" => "036",
            "05" => "032",
            "06" => "031",
            "07" => "033",
            "08" => "035",
            "03" => code,
            _ => return None,
        },
    };
    Some(mapped.to_string())
}

/// The threat code for "threaten to <code>".
pub(super) fn threat_code(code: &str) -> String {
    match code {
        "163" => "1312",
        "161" => "1313",
        "162" | "1621" | "1622" | "1623" => "1311",
        "164" => "134",
        _ => match cameo::root(code) {
            "16" => "131",
            "17" => "137",
            "18" | "19" | "20" => "138",
            _ => "130",
        },
    }
    .to_string()
}

/// Whether the verb at `head`, whose verb group starts at `start`, is one
/// of accepting or recognising (`modality_words.txt`), whose negation is a
/// rejection. Not in a relative clause: "a candidate who had not accepted
/// money" describes the candidate.
pub(super) fn is_acceptance(s: &Sentence, head: usize, start: usize) -> bool {
    let relative = start
        .checked_sub(1)
        .is_some_and(|k| super::is_relative_word(&s.tokens[k].lower));
    !relative && is_acceptance_verb(&s.tokens[head].lower)
}

/// Whether `word` (lowercase) is, by one of its lemmas, a verb of accepting
/// or recognising (`modality_words.txt`'s `[acceptance-verbs]`).
pub(super) fn is_acceptance_verb(word: &str) -> bool {
    let listed = &lexicon::modality_words().acceptance_verbs;
    // Asked of every word no pattern codes, and most start with a byte no
    // listed verb starts with. Every lemma candidate but the irregular
    // lemma starts with the word's own first byte (the word, or a stem of
    // it with "y" or "e" put back, two bytes or more): such a word is one
    // of them only by its irregular lemma.
    match word.as_bytes().first() {
        Some(&b) if !ACCEPTANCE_FIRSTS.contains(b) => {
            crate::lemma::irregular(word).is_some_and(|l| listed.contains(&l))
        }
        _ => crate::lemma::each_candidate(word, |l| listed.contains(&l)),
    }
}

/// The first bytes of the acceptance verbs, for [`is_acceptance_verb`].
static ACCEPTANCE_FIRSTS: std::sync::LazyLock<ByteSet> = std::sync::LazyLock::new(|| {
    let mut firsts = ByteSet::EMPTY;
    for verb in &lexicon::modality_words().acceptance_verbs {
        // An empty entry (none is) would match only the empty word, which
        // takes the full reading above.
        if let Some(&b) = verb.as_bytes().first() {
            firsts.insert(b);
        }
    }
    firsts
});

/// The refusal code for an action a source says it will not take.
pub(super) fn refusal_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "084" | "0841" | "0842" => "1243",
        "085" => "1244",
        "057" => "127",
        "081" => "1241",
        "086" | "0863" | "0862" => "1245",
        "087" | "0871" | "0874" => "1246",
        "072" => "1222",
        "071" => "1221",
        "073" => "1223",
        _ => match cameo::root(code) {
            "08" => "124",
            "07" => "122",
            "04" => "125",
            "06" => "121",
            "03" | "05" | "02" => "120",
            _ => return None,
        },
    })
}

/// Verbs that, reporting someone's violent act, accuse them of it.
fn is_claim_verb(lower: &str) -> bool {
    crate::lemma::candidates(lower).iter().any(|l| {
        matches!(
            l.as_str(),
            "say" | "claim" | "allege" | "insist" | "assert" | "contend"
        )
    })
}

/// "The US said that Iraq had attacked …": a speaker who reports another
/// actor's violence (roots 17–20) accuses it (CAMEO 112).
pub(super) fn accusation(s: &Sentence, c: &Coded) -> Option<Coded> {
    let root: u8 = cameo::root(&c.code).parse().ok()?;
    if !(17..=20).contains(&root) || !c.modality.is_fact() {
        return None;
    }
    let first_source = c.sources.first()?;
    let source_start = s
        .tokens
        .iter()
        .position(|t| t.span.start >= first_source.span.start)?;
    let cue = (0..source_start.min(c.head))
        .rev()
        .take_while(|&k| !matches!(s.tokens[k].text, ";" | "." | ","))
        .find(|&k| is_claim_verb(&s.tokens[k].lower))?;
    // The doer is what is said to have acted ("said that Iraq had attacked"),
    // not someone inside a longer subject ("said families of people killed
    // by police sue", "said that the only thing the voters would support").
    let reported_doer = (cue + 1..source_start)
        .all(|k| matches!(s.tokens[k].lower.as_str(), "that" | "the" | "a" | "an"));
    if !reported_doer {
        return None;
    }
    let chain = clause::analyse(&s.tokens, cue);
    let speaker = subject_left(s, chain.start)?;
    let speakers = s.phrases[speaker].actors.clone();
    if speakers.is_empty()
        || speakers
            .iter()
            .any(|a| c.sources.iter().any(|b| b.code == a.code))
    {
        return None;
    }
    Some(Coded {
        code: "112".to_string(),
        modality: Modality::Asserted,
        sources: speakers,
        targets: c.sources.clone(),
        trigger: s.tokens[cue].span,
        head: cue,
        quote: c.quote,
        future: false,
        mutual: false,
    })
}

/// "Pakistan denied that it had supported the Taliban": the denial is an
/// event of its own (CAMEO 016), by the denier, about the denied event's
/// target (or its source, when the denier is someone else).
pub(super) fn denial(s: &Sentence, c: &Coded) -> Option<Coded> {
    if c.modality != Modality::Negated {
        return None;
    }
    let deny = (0..c.head).rev().find(|&k| {
        crate::lemma::candidates(&s.tokens[k].lower)
            .iter()
            .any(|l| l == "deny")
            && s.tokens.get(k + 1).is_some_and(|n| n.lower == "that")
    })?;
    let chain = clause::analyse(&s.tokens, deny);
    let denier = s.phrases[subject_left(s, chain.start)?].actors.clone();
    let first = denier.first()?;
    let about = if !c.targets.is_empty() {
        c.targets.clone()
    } else {
        c.sources
            .iter()
            .filter(|a| a.code != first.code)
            .cloned()
            .collect()
    };
    if about.is_empty() {
        return None;
    }
    Some(Coded {
        code: "016".to_string(),
        modality: if inside_marks(&s.tokens, deny) {
            Modality::Reported
        } else {
            Modality::Asserted
        },
        sources: denier,
        targets: about,
        trigger: s.tokens[deny].span,
        head: deny,
        quote: c.quote,
        future: false,
        mutual: false,
    })
}

/// Verbs that report who won a contest as often as who hit whom ("Russia
/// beat Croatia 6-3", "Spain defeated Brazil in the final").
/// (`lexicon`'s `event_words.txt`, `[result-verbs]`.)
static CONTEST_VERBS: std::sync::LazyLock<&lexicon::WordSet<'static>> =
    std::sync::LazyLock::new(|| &lexicon::event_words().result_verbs);

/// Whether a violent code (roots 18–20) on a contest verb is a result, not
/// an attack: a score in the sentence ("6-3", "2-1"), or a bare state on
/// both sides — states fight through their forces ("Russian troops
/// defeated …"), while a bare country name that beats another is a team.
pub(super) fn is_contest_result(
    s: &Sentence,
    head: usize,
    code: &str,
    source: &str,
    target: &str,
) -> bool {
    if !matches!(cameo::root(code), "18" | "19" | "20")
        || !CONTEST_VERBS.contains(&s.tokens[head].lower.as_str())
    {
        return false;
    }
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    let score = s.tokens.iter().enumerate().any(|(k, t)| {
        let joined = t
            .text
            .split_once(['-', '–'])
            .is_some_and(|(a, b)| digits(a) && digits(b));
        let split = digits(t.text)
            && s.tokens
                .get(k + 1)
                .is_some_and(|h| matches!(h.text, "-" | "–"))
            && s.tokens.get(k + 2).is_some_and(|n| digits(n.text));
        joined || split
    });
    let bare_state = |c: &str| {
        c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()) && !c.starts_with("IGO")
    };
    score || (bare_state(source) && bare_state(target))
}

/// The code of force used by a state's police or armed forces on its own
/// people (protesters, civilians, students, the opposition): CAMEO 175,
/// violent repression ("firing on peaceful protesters", "beating
/// demonstrators"), not an assault (18) or a military attack (19) between
/// parties to a conflict. Other codes are kept.
pub(super) fn repression_code(code: &str, source: &str, target: &str) -> Option<&'static str> {
    let violent = matches!(cameo::root(code), "18") || matches!(code, "190" | "1951");
    // An army's fire on villages is war, not repression.
    let force = |c: &str| matches!(c.get(3..6), Some("COP" | "SPY"));
    let protest = |c: &str| matches!(c.get(3..6), Some("OPP" | "EDU" | "LAB"));
    let people = |c: &str, by: &str| protest(c) || (c.get(3..6) == Some("CVL") && force(by));
    let by_force = |c: &str| force(c) || c.get(3..6) == Some("MIL");
    let (Some(a), Some(b)) = (
        super::context::country_of(source),
        super::context::country_of(target),
    ) else {
        return None;
    };
    (violent && a == b && by_force(source) && people(target, source)).then_some("175")
}

/// A detention (173) by an armed group that is no state's force ("held by
/// the Taliban", "gunmen holding two engineers") is hostage-taking (181).
pub(super) fn captor_code(code: &str, source: &str) -> Option<&'static str> {
    let armed_group = source.get(3..6) == Some("REB") || source.starts_with("IMG");
    (code == "173" && armed_group).then_some("181")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `is_acceptance_verb` as every lemma candidate reads it, with no
    /// first-byte test.
    fn by_every_candidate(word: &str) -> bool {
        let listed = &lexicon::modality_words().acceptance_verbs;
        crate::lemma::candidates(word)
            .iter()
            .any(|c| listed.contains(&c.as_str()))
    }

    #[test]
    fn the_first_byte_test_changes_no_answer() {
        let listed = &lexicon::modality_words().acceptance_verbs;
        let mut words: Vec<String> = Vec::new();
        for verb in listed {
            for end in ["", "s", "d", "ed", "es", "ing", "ment", "ied", "ies"] {
                words.push(format!("{verb}{end}"));
            }
        }
        // Every word of the verb patterns, irregular forms among them
        // ("went", "met", "sought"), and a few more that no rule strips.
        let pattern_words = include_str!("../verbs.txt")
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase);
        words.extend(pattern_words);
        words
            .extend(["", "a", "r", "y", "e", "es", "ies", "children", "'s", "é"].map(String::from));
        let mut accepted = 0;
        for w in &words {
            assert_eq!(is_acceptance_verb(w), by_every_candidate(w), "{w:?}");
            accepted += usize::from(is_acceptance_verb(w));
        }
        for w in ["accepted", "recognises", "ratified", "approving", "accedes"] {
            assert!(is_acceptance_verb(w), "{w}");
        }
        assert!(!is_acceptance_verb("talks") && !is_acceptance_verb("went"));
        assert!(accepted >= 30, "{accepted} accepted");
    }
}
