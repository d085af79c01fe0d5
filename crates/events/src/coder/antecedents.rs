//! What a pronoun points back to. Every actor phrase is remembered with
//! whether it was its sentence's subject. A pronoun prefers the last
//! subject ("He joined …", "China built islands. Japan accused it"); an
//! object pronoun ("accuses him") is never its own clause's subject (no
//! one accuses himself); "he", "she" skip countries and organisations
//! and "it" skips people.

use super::context::country_of;
use crate::phrases::{ActorRef, Phrase};
use crate::tokens::Token;
use std::cell::RefCell;

/// One remembered actor mention.
struct Mention {
    /// Byte offset where the mention starts.
    at: usize,
    /// Its actors: several for a coordination ("Japan and Korea"), which
    /// only "they" and "them" point back to.
    actors: Vec<ActorRef>,
    /// Whether it was the subject of its sentence.
    subject: bool,
}

/// The actor mentions of a document so far, in text order.
#[derive(Default)]
pub(super) struct Antecedents {
    mentions: Vec<Mention>,
    /// For the last resort of [`Antecedents::resolve`], per kind of
    /// pronoun: how many mentions were read, and the last of them that
    /// fits it. Each mention is read once for each kind, however many
    /// pronouns ask (a long page of "it" that fits nothing asked every
    /// mention each time).
    last_fit: RefCell<[(usize, Option<usize>); 4]>,
    /// How long `mentions` may grow before [`Antecedents::forget`] next
    /// drops those no pronoun can reach: twice what it kept last time.
    forget_at: usize,
}

/// A pronoun of each kind of [`kind_of`], for what fits it.
const KIND_PRONOUNS: [&str; 4] = ["they", "he", "it", ""];

/// The shortest list of mentions [`Antecedents::forget`] reads.
const FORGET_AT: usize = 64;

/// Whether mention `m` fits pronoun `pronoun` (which depends only on its
/// [`kind_of`]).
fn fits(pronoun: &str, m: &Mention, person: &dyn Fn(&ActorRef) -> Option<bool>) -> bool {
    match (pronoun, m.actors.as_slice()) {
        ("they" | "them" | "we" | "us", _) => true,
        // A person the coder has no actor for.
        ("he" | "she" | "him" | "her", []) => true,
        (_, []) => false,
        // Not a group ("the Swedish judicial officials").
        // `person` answers the same at every call: asked once.
        ("he" | "she" | "him" | "her", [one]) => match person(one) {
            Some(is) => is,
            None => !is_plural_role(&one.name),
        },
        ("it", [one]) => person(one) != Some(true),
        (_, [_]) => true,
        _ => false,
    }
}

/// The kinds of pronoun that fit the same mentions, as `resolve` reads them.
fn kind_of(pronoun: &str) -> usize {
    match pronoun {
        "they" | "them" | "we" | "us" => 0,
        "he" | "she" | "him" | "her" => 1,
        "it" => 2,
        _ => 3,
    }
}

/// How far back (in bytes) a pronoun looks for its antecedent: about
/// three sentences of news prose.
const REACH: usize = 600;

impl Antecedents {
    /// Remembers `actor`, mentioned at byte `at`.
    pub(super) fn record(&mut self, at: usize, actors: Vec<ActorRef>, subject: bool) {
        self.mentions.push(Mention {
            at,
            actors,
            subject,
        });
    }

    /// Drops the mentions no pronoun at byte `since` or after can be
    /// answered with (`person` as for [`Antecedents::resolve`]), once the
    /// list is long: a long page keeps a short one. A look back within
    /// [`REACH`] stops at the last mention (in list order) more than
    /// `REACH` before `since`, so none before that one is read by it. Of
    /// those, the last resort can return only one that fits its pronoun
    /// and is the last to fit before the pronoun: the last of each kind
    /// before `since`, or one at or after `since` (only if mentions came
    /// out of text order). Those stay; no answer changes.
    pub(super) fn forget(&mut self, since: usize, person: &dyn Fn(&ActorRef) -> Option<bool>) {
        if !self.long() {
            return;
        }
        let Some(old) = self.mentions.iter().rposition(|m| m.at + REACH < since) else {
            return;
        };
        let mut keep: Vec<bool> = self.mentions[..old].iter().map(|m| m.at >= since).collect();
        for pronoun in KIND_PRONOUNS {
            let last = self.mentions[..old]
                .iter()
                .rposition(|m| m.at < since && fits(pronoun, m, person));
            if let Some(k) = last {
                keep[k] = true;
            }
        }
        let mut k = 0;
        self.mentions.retain(|_| {
            let kept = k >= old || keep[k];
            k += 1;
            kept
        });
        // Its indices point into the list as it was: read it again.
        *self.last_fit.get_mut() = Default::default();
        self.forget_at = 2 * self.mentions.len();
    }

    /// Whether the list has grown enough for [`Antecedents::forget`] to
    /// read it (a caller can skip lending it what it needs).
    pub(super) fn long(&self) -> bool {
        self.mentions.len() >= self.forget_at.max(FORGET_AT)
    }

    /// The actor the pronoun `pronoun` at byte `at` points back to.
    /// `object` says the pronoun is a verb's or preposition's object;
    /// `clause_subject` is the subject already named in its sentence;
    /// `person` tells whether an actor names a person (`None`: not known),
    /// asked only of the candidates (it looks up named entities, and must
    /// answer the same for an actor at every call);
    /// `since` is where the pronoun's sentence starts.
    pub(super) fn resolve(
        &self,
        pronoun: &str,
        at: usize,
        since: usize,
        object: bool,
        clause_subject: Option<&ActorRef>,
        person: &dyn Fn(&ActorRef) -> Option<bool>,
    ) -> Option<Vec<ActorRef>> {
        let fits = |m: &Mention| fits(pronoun, m, person);
        let same = |a: &ActorRef, b: &ActorRef| a.code == b.code && a.name == b.name;
        let before = || {
            self.mentions
                .iter()
                .rev()
                .filter(move |m| m.at < at)
                .take_while(move |m| m.at + REACH >= at)
                .filter(|m| fits(m))
        };
        // Nor is it its subject's own country ("Putin accused Turkey of
        // stabbing Russia in the back. He threatened it": Turkey, not
        // Russia): the same country, where either side is the bare country.
        let own_side = |s: &ActorRef, a: &ActorRef| {
            (s.code.len() <= 3 || a.code.len() <= 3)
                && country_of(&s.code).is_some_and(|c| country_of(&a.code) == Some(c))
        };
        let other = |m: &&Mention| {
            !object
                || clause_subject.is_none_or(|s| {
                    // (A person with no actor is no one's side.)
                    let own = !m.actors.is_empty() && m.actors.iter().all(|a| own_side(s, a));
                    !m.actors.iter().any(|a| same(s, a)) && !own
                })
        };
        // An object pronoun after another object of its own sentence is
        // that object ("pinning 800 students inside and threatened to use
        // live ammunition on them"; "Putin praised Trump and invited him").
        if object {
            if let Some(m) = before()
                .filter(other)
                .take_while(|m| m.at >= since)
                .find(|m| {
                    // "coming here to Iraq, and some of them": a single
                    // place is no plural's antecedent.
                    let place = matches!(m.actors.as_slice(), [one] if one.code.len() == 3);
                    let plural_on_place = place && matches!(pronoun, "them" | "they");
                    !m.subject && !plural_on_place
                })
            {
                return Some(m.actors.clone());
            }
        }
        // A subject is the likelier antecedent ("China built islands. Japan
        // accused it"); an object pronoun settles for any other actor
        // ("Obama met Putin. Obama criticized him").
        if let Some(m) = before().filter(other).find(|m| m.subject) {
            return Some(m.actors.clone());
        }
        if let Some(m) = before().find(other).filter(|_| object) {
            return Some(m.actors.clone());
        }
        // Nothing that fits well: the last mention, as before.
        let mut last_fit = self.last_fit.borrow_mut();
        let (read, last) = &mut last_fit[kind_of(pronoun)];
        for (k, m) in self.mentions.iter().enumerate().skip(*read) {
            if fits(m) {
                *last = Some(k);
            }
        }
        *read = self.mentions.len();
        let upto = match *last {
            Some(k) if self.mentions[k].at < at => return Some(self.mentions[k].actors.clone()),
            Some(k) => k,
            None => return None,
        };
        // Mentions are remembered in text order, so this is only reached
        // if one came out of it.
        self.mentions[..upto]
            .iter()
            .rev()
            .find(|m| m.at < at && fits(m))
            .map(|m| m.actors.clone())
    }
}

/// Whether a pronoun is a verb's or preposition's object: the object
/// forms, and "it"/"her" after a word that is not a clause opener
/// ("criticized it", "with her"; not "it said", ", it").
pub(super) fn is_object_pronoun(pronoun: &str, before: Option<&str>) -> bool {
    match pronoun {
        "him" | "them" | "us" | "me" => true,
        "it" | "her" => before.is_some_and(|w| {
            w.chars().next().is_some_and(char::is_alphabetic)
                && !lexicon::event_words().subject_openers.contains(w)
        }),
        _ => false,
    }
}

/// The subject of the relative clause phrase `k` sits in ("the United
/// States, which accuses him"): the actor of the phrase right before a
/// "which" or "who" that opens the clause within a few words before the
/// phrase, with no clause break between.
pub(super) fn relative_subject(tokens: &[Token], phrases: &[Phrase], k: usize) -> Option<ActorRef> {
    let p = phrases.get(k)?;
    let from = p.start.saturating_sub(6);
    let rel = (from..p.start)
        .rev()
        .find(|&i| matches!(tokens[i].lower.as_str(), "which" | "who"))?;
    let crossed = tokens[rel + 1..p.start].iter().any(|t| {
        matches!(
            t.text,
            "," | ";" | ":" | "(" | ")" | "—" | "–" | "\"" | "“" | "”"
        )
    });
    if crossed {
        return None;
    }
    let before = rel
        .checked_sub(1)
        .filter(|&i| tokens[i].text == ",")
        .unwrap_or(rel);
    let antecedent = phrases[..k].iter().rev().find(|q| q.end == before)?;
    (!antecedent.possessive)
        .then(|| antecedent.actors.first().cloned())
        .flatten()
}

/// Whether an actor's name ends in a lower-case plural noun ("the
/// Swedish judicial officials", "protesters"): a group, which "he" and
/// "him" do not point at.
fn is_plural_role(name: &str) -> bool {
    // The last word, found by a byte search (`rsplit`'s pattern walk cost
    // more than the rest: `Antecedents::forget` asks it of most mentions).
    let w = name.rsplit_once(' ').map_or(name, |(_, w)| w);
    w.starts_with(|c: char| c.is_lowercase()) && w.ends_with('s') && !w.ends_with("ss")
}

/// "Obama met Putin in China. … talks between the two countries", "both
/// nations": a country-group anaphor stands for the last two countries
/// named before byte `at` (`countries`, in text order), each as the bare
/// country, the earlier first — other than `except`, the country of the
/// clause's own subject when the anaphor is its object ("Ethiopia praised
/// both countries" names two others), and other than a place named in
/// `text` ("met in China on Monday, after talks between the two countries").
/// `None` unless two were named.
pub(super) fn country_pair(
    countries: &[(usize, ActorRef)],
    at: usize,
    except: Option<&str>,
    text: &str,
) -> Option<Vec<ActorRef>> {
    let mut pair: Vec<ActorRef> = Vec::with_capacity(2);
    let parties = countries
        .iter()
        .rev()
        .filter(|(pos, _)| *pos < at && !named_as_place(text, *pos));
    for (_, r) in parties {
        let Some(country) = country_of(&r.code).filter(|c| Some(*c) != except) else {
            continue;
        };
        if pair.iter().any(|p| p.code == country) {
            continue;
        }
        pair.push(ActorRef {
            code: country.to_string(),
            ..r.clone()
        });
        if pair.len() == 2 {
            pair.reverse();
            return Some(pair);
        }
    }
    None
}

/// Whether the name at byte `pos` of `text` follows a preposition of place
/// ("in China", "from the United States"): a place, not a party. Partners
/// ("with", "to", "against", "on", "for", "between") are parties, as for
/// "it" (`coder/mod.rs`'s `resolve_references`).
fn named_as_place(text: &str, pos: usize) -> bool {
    let mut words = text
        .get(..pos)
        .unwrap_or_default()
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let mut word = words.next().unwrap_or_default().to_lowercase();
    if word == "the" {
        word = words.next().unwrap_or_default().to_lowercase();
    }
    crate::phrases::PREPOSITIONS.contains(&word.as_str())
        && !is_partner_preposition(&word)
        && word != "between"
}

/// Whether a phrase after `prep` names a party to the act rather than a
/// place ("with Putin", "against Iran"; not "in Syria", "from Moscow"): what
/// "it" or "him" may point back to, and no place for "the two countries".
pub(super) fn is_partner_preposition(prep: &str) -> bool {
    matches!(prep, "with" | "to" | "against" | "on" | "for")
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::Span;

    #[test]
    fn a_plural_role_is_a_name_whose_last_word_is_a_lower_case_plural() {
        for name in [
            "the Swedish judicial officials",
            "protesters",
            "Lagos officials",
            "a  guards",
        ] {
            assert!(is_plural_role(name), "{name}");
        }
        for name in [
            "",
            "boss",
            "the boss",
            "Officials",
            "officials ",
            "Lagos",
            "police chief",
        ] {
            assert!(!is_plural_role(name), "{name}");
        }
    }

    fn actor(code: &str, at: usize) -> ActorRef {
        ActorRef {
            code: code.to_string(),
            name: code.to_string(),
            span: Span::new(at, at + 3),
        }
    }

    #[test]
    fn the_last_resort_is_the_last_mention_that_fits_as_a_scan_finds_it() {
        // Mentions a reach apart, so that only the last resort answers: a
        // person, a country, a coordination, an uncoded person, in turn.
        let mut antecedents = Antecedents::default();
        let mut remembered: Vec<(usize, Vec<ActorRef>)> = Vec::new();
        for n in 0..40 {
            let at = n * 1000;
            let actors = match n % 4 {
                0 => vec![actor("USAGOV", at)],
                1 => vec![actor("FRA", at)],
                2 => vec![actor("DEU", at), actor("ITA", at)],
                _ => Vec::new(),
            };
            antecedents.record(at, actors.clone(), n % 3 == 0);
            remembered.push((at, actors));
        }
        let person = |r: &ActorRef| Some(r.code.len() == 6);
        let fits = |pronoun: &str, actors: &[ActorRef]| match (pronoun, actors) {
            ("they", _) => true,
            ("he", []) => true,
            ("he", [one]) => one.code.len() == 6,
            ("it", [one]) => one.code.len() == 3,
            (_, [_]) => pronoun == "i",
            _ => false,
        };
        // Asked in text order and then out of it, as a hostile page can.
        let asks = (0..45)
            .map(|n| n * 1000 + 700)
            .chain([2700, 700, 0, 39_999]);
        for at in asks {
            for pronoun in ["they", "he", "it", "i"] {
                let scanned = remembered
                    .iter()
                    .rev()
                    .find(|(m, actors)| *m < at && fits(pronoun, actors))
                    .map(|(_, actors)| actors.clone());
                let got = antecedents.resolve(pronoun, at, at, false, None, &person);
                assert_eq!(got, scanned, "{pronoun} at {at}");
            }
        }
    }

    #[test]
    fn an_object_pronoun_is_not_its_subjects_own_country() {
        // "The Kremlin blamed Poland for harming Russia. Its spokesman
        // warned it": Poland, not Russia.
        let mut antecedents = Antecedents::default();
        antecedents.record(0, vec![actor("RUSGOV", 0)], true);
        antecedents.record(20, vec![actor("POL", 20)], false);
        antecedents.record(40, vec![actor("RUS", 40)], false);
        let person = |_: &ActorRef| Some(false);
        let subject = actor("RUSGOV", 60);
        let got = antecedents.resolve("it", 80, 60, true, Some(&subject), &person);
        assert_eq!(got, Some(vec![actor("POL", 20)]));
        // Another organ of the same state is not its own side.
        let mut antecedents = Antecedents::default();
        antecedents.record(0, vec![actor("USALEG", 0)], false);
        let subject = actor("USAGOV", 60);
        let got = antecedents.resolve("it", 80, 60, true, Some(&subject), &person);
        assert_eq!(got, Some(vec![actor("USALEG", 0)]));
    }

    #[test]
    fn forgetting_changes_no_answer_after_the_point_forgotten_before() {
        // Mentions 100 bytes apart, of every kind, some subjects: a long
        // list asked in text order, once kept whole and once forgotten
        // before each pronoun's own sentence.
        let mut whole = Antecedents::default();
        let mut short = Antecedents::default();
        let person = |r: &ActorRef| Some(r.code.len() == 6);
        for n in 0..600 {
            let at = n * 100;
            let actors = match n % 5 {
                0 => vec![actor("USAGOV", at)],
                1 => vec![actor("FRA", at)],
                2 => vec![actor("DEU", at), actor("ITA", at)],
                3 if n < 100 => vec![actor("RUSGOV", at)],
                _ => Vec::new(),
            };
            whole.record(at, actors.clone(), n % 3 == 0);
            short.record(at, actors, n % 3 == 0);
            let (since, at) = (at + 10, at + 50);
            short.forget(since, &person);
            for pronoun in ["they", "he", "him", "it", "i"] {
                for object in [false, true] {
                    let a = whole.resolve(pronoun, at, since, object, None, &person);
                    let b = short.resolve(pronoun, at, since, object, None, &person);
                    assert_eq!(a, b, "{pronoun} at {at}");
                }
            }
        }
        assert!(short.mentions.len() < 200, "{} kept", short.mentions.len());
    }
}
