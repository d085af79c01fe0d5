//! Events named by a noun: "Russia's invasion of Ukraine", "the arrest of
//! the editor by police", "a visit to Beijing by the prime minister",
//! "U.S. partnership against ISIS", "the talks between Kenya and Uganda",
//! and the nouns a light verb carries ("launched an attack on", "made a
//! strong condemnation of").
//!
//! The noun's code is its verb's ([`VerbLexicon::noun_code`]: our pattern
//! for the verb alone, else, for a derived noun of material conflict, the
//! CAMEO dictionary's own code). Its source is an explicit agent — a
//! possessor, a "by" phrase, a named modifier ("Palestinian criticism"), the
//! coordination after "between", the subject of the light verb that carries
//! it, the subjects of a clause around a meeting with no agent ("Obama and
//! Putin … during meeting in China"), the last actor before an "its" or
//! "their" that stands for the possessor — and its target the actor phrase a
//! preposition attaches right after it ("of", "on", "against", "with", "to",
//! …) or the subject of a receiving verb ("faced criticism", "drew
//! condemnation from") or of the clause that meets with it ("acted amid
//! criticism from China", "with help from Uganda": "from" names the
//! source). A noun with no agent codes nothing ("the invasion"
//! alone is a topic, not news of who did what), except a protest: its
//! protesters are the people of the place it happens in.
//!
//! A nominal event is news only when the lead states it so: one marked as
//! background (a year or "former", "previous" in its phrase, "last year's",
//! after "since") codes nothing; "planned", "upcoming" make it future,
//! "possible", "proposed" hypothetical; one asked for, offered, demanded,
//! rejected or threatened by the verb that governs it ("called for talks",
//! "rejected the proposed swap") is that verb's event, not a fact of its own.

use super::modality::{in_condition, inside_marks, quote_of};
use super::roles::{clause_subject, phrase_at, subject_left, CLAUSE_BREAKS, DETERMINERS};
use super::{arguments, Coded, Sentence};
use crate::clause::{self, Governor};
use crate::phrases::ActorRef;
use crate::verbs::VerbLexicon;
use crate::{cameo, lemma};
use model::{MentionIndex, Modality, Span};

/// Prepositions that attach an event noun's target ("attack on", "talks
/// with", "condemnation of", "visit to").
/// (`lexicon`'s `event_words.txt`, `[target-prepositions]`.)
static TARGET_PREPOSITIONS: std::sync::LazyLock<&lexicon::WordSet<'static>> =
    std::sync::LazyLock::new(|| &lexicon::event_words().target_prepositions);

/// Roots of a governing verb that make its object noun not (yet) a fact:
/// appeals, intents, demands, rejections, threats ("called for talks").
const UNREAL_GOVERNOR_ROOTS: &[&str] = &["02", "03", "10", "12", "13"];

/// How far (in tokens) an event noun's phrase reaches for its arguments.
const REACH: usize = 10;

/// A trigger the verb pass matched: its head, last token and code.
pub(super) struct Taken {
    pub head: usize,
    pub last: usize,
    pub code: String,
    /// Whether it coded an event (one that found no source leaves its
    /// noun to this pass: "Protests in Tehran continued").
    pub coded: bool,
}

/// The noun codes of one document's words ([`VerbLexicon::noun_code`]),
/// each worked out once: a page writes most of its words many times, and
/// each asking hashes every verb the word's suffixes may lead back to.
#[derive(Debug)]
pub(super) struct NounCodes<'v> {
    verbs: &'v VerbLexicon,
    codes: foldhash::HashMap<String, Option<String>>,
}

impl<'v> NounCodes<'v> {
    /// None worked out yet.
    pub(super) fn new(verbs: &'v VerbLexicon) -> Self {
        NounCodes {
            verbs,
            codes: foldhash::HashMap::default(),
        }
    }

    /// [`VerbLexicon::noun_code`] of `lower`.
    fn of(&mut self, lower: &str) -> Option<String> {
        if let Some(code) = self.codes.get(lower) {
            return code.clone();
        }
        let code = self.verbs.noun_code(lower);
        self.codes.insert(lower.to_string(), code.clone());
        code
    }
}

/// The event the noun at token `i` names, if it is one with an agent,
/// stated as news. `taken` holds the verb pass's triggers.
pub(super) fn code(
    nouns: &mut NounCodes<'_>,
    quotes: &MentionIndex,
    s: &Sentence,
    i: usize,
    taken: &[Taken],
    reported_sentence: bool,
    protest_country: &dyn Fn() -> Option<String>,
) -> Option<Coded> {
    let tokens = &s.tokens;
    let t = tokens.get(i)?;
    if !t.is_word() || (i > 0 && t.is_capitalized()) || phrase_at(s, i).is_some() {
        return None;
    }
    if taken.iter().any(|k| k.coded && k.head <= i && i <= k.last) {
        return None;
    }
    let verbs = nouns.verbs;
    let code = nouns.of(&t.lower)?;
    let words = lexicon::modality_words();
    // The noun phrase to the left: modifiers, then a determiner, a
    // possessor or an actor modifier.
    let mut modifiers: Vec<usize> = Vec::new();
    let mut determiner: Option<usize> = None;
    let mut possessor: Option<usize> = None;
    let mut modifier_actor: Option<usize> = None;
    let mut k = i;
    while k > 0 && i - k < 4 {
        let b = k - 1;
        let w = tokens[b].lower.as_str();
        if let Some(p) = phrase_at(s, b) {
            let named = s.tokens[s.phrases[p].start..s.phrases[p].end]
                .iter()
                .any(|t| t.is_capitalized());
            if s.phrases[p].possessive {
                possessor = Some(p);
            } else if named {
                modifier_actor = Some(p);
            } else {
                // "military aid": a role word as adjective names no one.
                break;
            }
            k = s.phrases[p].start;
            // "stiff international and Palestinian criticism": the
            // modifiers before a named one are the phrase's too.
            if modifier_actor.is_some() {
                let mut j = k;
                while j > 0 && k - j < 4 {
                    let w = tokens[j - 1].lower.as_str();
                    let plain = tokens[j - 1].is_word()
                        && !tokens[j - 1].is_capitalized()
                        && !verbs.is_verb(w)
                        && !phrases_stop(w)
                        && !words.adverbs.contains(&w);
                    if !(plain || w == "and") || phrase_at(s, j - 1).is_some() {
                        break;
                    }
                    j -= 1;
                }
                if tokens.get(j).is_some_and(|t| t.lower != "and") {
                    k = j;
                }
            }
            if k > 0 && DETERMINERS.contains(&tokens[k - 1].lower.as_str()) {
                determiner = Some(k - 1);
                k -= 1;
            }
            break;
        }
        if DETERMINERS.contains(&w) {
            determiner = Some(b);
            k = b;
            // "Russia's invasion": the possessor phrase before the "'s".
            let owner = (w == "'s")
                .then(|| b.checked_sub(1).and_then(|o| phrase_at(s, o)))
                .flatten();
            if let Some(p) = owner {
                possessor = Some(p);
                k = s.phrases[p].start;
            }
            break;
        }
        // "the planned visit": a participle the modality lists know is
        // a modifier, not the verb of the clause.
        let listed = words.planned_modifiers.contains(&w)
            || words.unreal_modifiers.contains(&w)
            || words.background_modifiers.contains(&w);
        let modifier = tokens[b].is_word()
            && !tokens[b].is_capitalized()
            && !words.adverbs.contains(&w)
            && (listed || !verbs.is_verb(w))
            && !phrases_stop(w);
        let numeric = w.chars().next().is_some_and(|c| c.is_ascii_digit());
        if !(modifier || numeric) {
            break;
        }
        modifiers.push(b);
        k = b;
    }
    let np_start = k;
    // An inflected verb form after a bare name is a verb ("Russia attacks
    // Ukraine"), not a noun with a modifier.
    let verb_form =
        verbs.is_verb(&t.lower) && lemma::irregular(&t.lower).is_none_or(|l| l == t.lower);
    // "during meeting", "after talks": a bare noun after a preposition.
    // "to demonstrate" is an infinitive.
    let after_preposition = np_start.checked_sub(1).is_some_and(|b| {
        let w = tokens[b].lower.as_str();
        (crate::phrases::PREPOSITIONS.contains(&w) && w != "to") || w == "during"
    });
    // "this case demonstrates that …", "demonstrating that …": a verb with
    // its object after it.
    let object_after = tokens.get(i + 1).is_some_and(|n| {
        DETERMINERS.contains(&n.lower.as_str())
            || matches!(
                n.lower.as_str(),
                "that" | "how" | "whether" | "him" | "them" | "it"
            )
    });
    if verb_form && (t.lower.ends_with('s') || t.lower.ends_with("ing")) && object_after {
        return None;
    }
    if determiner.is_none() && possessor.is_none() {
        let inflected = t.lower.ends_with('s') || t.lower.ends_with("ed");
        // "largely peaceful protests" (not "strongly protests").
        let adjective_before = modifiers
            .first()
            .is_some_and(|&m| !tokens[m].lower.ends_with("ly"));
        let bare_plural_with_adjective = adjective_before && (!verb_form || inflected);
        let named_modifier = modifier_actor.is_some() && !(verb_form && inflected);
        if !(bare_plural_with_adjective || named_modifier || after_preposition) {
            return None;
        }
    }
    // Background labels: a year or "former" in the phrase, "last year's",
    // "since the invasion".
    let is_year = |w: &str| {
        w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.chars().all(|c| c.is_ascii_digit())
    };
    let background_word = modifiers.iter().any(|&m| {
        let w = tokens[m].lower.as_str();
        is_year(w) || words.background_modifiers.contains(&w)
    });
    let time_possessor = determiner.is_some_and(|d| {
        tokens[d].lower == "'s"
            && d.checked_sub(1).is_some_and(|b| {
                let w = tokens[b].lower.as_str();
                is_year(w) || matches!(w, "year" | "decade" | "century" | "month")
            })
    });
    let year_after = (i + 1..(i + 4).min(tokens.len())).any(|k| is_year(&tokens[k].lower))
        && tokens.get(i + 1).is_some_and(|n| n.lower == "in");
    let before = np_start.checked_sub(1).map(|b| tokens[b].lower.as_str());
    let anchored = before.is_some_and(|w| {
        matches!(w, "since" | "until" | "for") || words.background_modifiers.contains(&w)
    });
    if background_word || time_possessor || year_after || anchored {
        return None;
    }
    // "a war of words with Japan": force qualified by what it is made of
    // (no one it is done to) is a figure of speech.
    let figurative = matches!(cameo::root(&code), "18" | "19" | "20")
        && tokens.get(i + 1).is_some_and(|n| n.lower == "of")
        && tokens
            .get(i + 2)
            .is_some_and(|n| n.is_word() && !n.is_capitalized())
        && !DETERMINERS.contains(&tokens[i + 2].lower.as_str())
        // "the killings of black men": an actor after a modifier.
        && (i + 2..(i + 4).min(tokens.len())).all(|k| phrase_at(s, k).is_none());
    if figurative {
        return None;
    }
    // The verb governing the phrase, if one stands right before it.
    let governor = np_start
        .checked_sub(1)
        .filter(|&g| tokens[g].is_word() && !DETERMINERS.contains(&tokens[g].lower.as_str()))
        .filter(|&g| verbs.is_verb(&tokens[g].lower) || is_light(&tokens[g].lower));
    if let Some(g) = governor {
        let unreal = taken.iter().any(|k| {
            k.head <= g && g <= k.last && UNREAL_GOVERNOR_ROOTS.contains(&cameo::root(&k.code))
        });
        if unreal {
            return None;
        }
    }
    let light = governor.filter(|&g| is_light(&tokens[g].lower));
    // "faced stiff Palestinian criticism", "drew condemnation from
    // Russia": the governing verb's subject is who it was done to.
    let receiver = governor.filter(|&g| {
        let receiving = &words.receiving_verbs;
        lemma::candidates(&tokens[g].lower)
            .iter()
            .any(|c| receiving.contains(&c.as_str()))
    });
    // "defended the deal amid criticism from Republicans", "advanced with
    // support from Russia": a noun after these prepositions is what the
    // clause's subject met with, from whom "from" names.
    let met_with = np_start.checked_sub(1).is_some_and(|b| {
        matches!(
            tokens[b].lower.as_str(),
            "amid" | "despite" | "with" | "under" | "after" | "following"
        )
    });
    // The phrases attached after the noun.
    let mut by: Option<usize> = None;
    let mut between: Option<usize> = None;
    let mut target: Option<usize> = None;
    // Only a prepositional phrase right after the noun attaches to it
    // ("an Islamic State target southwest of Baghdad": not the target's).
    let attached = tokens.get(i + 1).is_some_and(|n| {
        crate::phrases::PREPOSITIONS.contains(&n.lower.as_str())
            || matches!(n.lower.as_str(), "between" | "against")
    });
    for (idx, p) in s.phrases.iter().enumerate() {
        if !attached || p.start <= i || p.start > i + REACH {
            continue;
        }
        let crossed = tokens[i + 1..p.start].iter().any(|t| {
            CLAUSE_BREAKS.contains(&t.lower.as_str())
                || matches!(t.text, "," | "." | "?" | "!")
                || is_finite(&t.lower)
                // "aid to rebels vetted by the United States": the "by"
                // is the participle's.
                || (t.lower.ends_with("ed") && lemma::is_past_participle(&t.lower))
        });
        if crossed {
            break;
        }
        match preposition_of(s, idx) {
            Some("by") if by.is_none() => by = Some(idx),
            Some("from") if by.is_none() && (receiver.is_some() || met_with) => by = Some(idx),
            Some("between") if between.is_none() => between = Some(idx),
            Some(prep) if target.is_none() && TARGET_PREPOSITIONS.contains(&prep) => {
                target = Some(idx)
            }
            _ => {}
        }
    }
    // Who did it, and to whom.
    let sources: Vec<ActorRef>;
    let mut targets: Vec<ActorRef> = Vec::new();
    let mut chain = None;
    if let Some(b) = between {
        let both = arguments::actors_of(s, b, &[]);
        if both.len() < 2 {
            return None;
        }
        sources = both;
    } else {
        // "the arrest of X by police", "their invitation by the police":
        // with an agent, the possessor is who it was done to.
        let agent = by;
        let source_phrase = agent.or(possessor).or(modifier_actor);
        let target_phrase = match (agent, possessor) {
            (Some(_), Some(p)) if target.is_none() => Some(p),
            _ => target,
        };
        let target_phrase = target_phrase
            .or_else(|| receiver.and_then(|g| subject_left(s, clause::analyse(tokens, g).start)))
            .or_else(|| {
                (met_with && by.is_some() && possessor.is_none())
                    .then(|| clause_subject(s, np_start))
                    .flatten()
                    // "Stumpf, who was under questioning from the
                    // committee": a relative clause's subject is its
                    // pronoun, not the phrase before it.
                    .filter(|&p| {
                        !tokens[s.phrases[p].end..np_start]
                            .iter()
                            .any(|t| super::is_relative_word(&t.lower))
                    })
            });
        // "Obama and Putin fail to find common ground during meeting in
        // China": a meeting with no agent of its own, in a clause, is its
        // subject's.
        let meeting = arguments::is_reciprocal(&code)
            && np_start.checked_sub(1).is_some_and(|b| {
                matches!(tokens[b].lower.as_str(), "during" | "at" | "after" | "in")
            });
        let source_phrase = match source_phrase {
            Some(p) => Some(p),
            None if meeting => clause_subject(s, np_start),
            None => light
                .and_then(|g| {
                    let c = clause::analyse(tokens, g);
                    let found = subject_left(s, c.start);
                    chain = Some(c);
                    found
                })
                .or_else(|| determiner.and_then(|d| pronoun_owner(s, d))),
        };
        match source_phrase {
            Some(source_phrase) => {
                let skip: Vec<usize> = target_phrase.into_iter().collect();
                sources = arguments::actors_of(s, source_phrase, &skip);
                if let Some(tp) = target_phrase.filter(|tp| *tp != source_phrase) {
                    targets = arguments::actors_of(s, tp, &[source_phrase]);
                }
            }
            // "The protests began in June", "protests in 100 cities across
            // Iran": a protest names its protesters by being one; they are
            // the people of the place it happens in (the sentence's, the
            // dateline's, the article's), and it is against whom "against"
            // names, else (as `pair` codes it) their own government.
            // "a demonstration of good faith", "in protest of testing": a
            // protest noun with "of" after it and no agent is what someone
            // showed or objected to, not a protest that took place.
            None if cameo::root(&code) == "14"
                && light.is_none()
                && tokens.get(i + 1).is_none_or(|n| n.lower != "of") =>
            {
                let country = protest_country()?;
                sources = vec![ActorRef {
                    code: format!("{country}OPP"),
                    name: format!("{country} protesters (implied)"),
                    span: t.span,
                }];
                if let Some(tp) = target_phrase {
                    targets = arguments::actors_of(s, tp, &[]);
                }
            }
            None => return None,
        }
    }
    if sources.is_empty() {
        return None;
    }
    // Two sides named together before the noun ("German-Dutch
    // cooperation") or after "between" act on each other; but acts of
    // force in the plural after two named modifiers ("the Syrian and Yemeni
    // wars", "the Afghan and Iraq wars") are each side's own.
    let separate_wars = modifier_actor.is_some()
        && t.lower.ends_with('s')
        && matches!(cameo::root(&code), "18" | "19" | "20");
    let together = between.is_some()
        || (possessor.is_none() && by.is_none() && sources.len() >= 2 && !separate_wars);
    let alone_ok = matches!(cameo::root(&code), "14" | "15") || together;
    if targets.is_empty() && !alone_ok {
        return None;
    }
    // Modality: the phrase's own words, the governing verb group, the
    // clause and the quote around it.
    let negated = determiner.is_some_and(|d| tokens[d].lower == "no");
    let hypothetical = modifiers
        .iter()
        .any(|&m| words.unreal_modifiers.contains(&tokens[m].lower.as_str()))
        || tokens.last().is_some_and(|t| t.text == "?");
    // "the planned visit", "a meeting with exporters next month".
    let later = tokens[i + 1..(i + 7).min(tokens.len())]
        .iter()
        .take_while(|t| !matches!(t.text, "," | ";" | "." | ":"))
        .any(|t| matches!(t.lower.as_str(), "next" | "tomorrow"));
    let future = later
        || modifiers
            .iter()
            .any(|&m| words.planned_modifiers.contains(&tokens[m].lower.as_str()));
    let chain = chain.or_else(|| governor.map(|g| clause::analyse(tokens, g)));
    let trigger = t.span;
    let quote = quote_of(quotes, trigger);
    let marks = Marks {
        negated,
        hypothetical,
        future,
        reported: quote.is_some() || reported_sentence,
    };
    let (modality, future) = modality_of(tokens, i, chain.as_ref(), marks);
    Some(Coded {
        code,
        modality,
        sources,
        targets,
        trigger: Span::new(trigger.start, trigger.end),
        head: i,
        quote,
        future,
        mutual: false,
    })
}

/// What the words around an event already say of its modality.
struct Marks {
    negated: bool,
    hypothetical: bool,
    future: bool,
    /// In a quote or a reported sentence.
    reported: bool,
}

/// The modality of the event at token `i` given its own `marks` and the
/// verb group `chain` that governs it; and whether it is future.
fn modality_of(
    tokens: &[crate::tokens::Token],
    i: usize,
    chain: Option<&clause::Chain>,
    marks: Marks,
) -> (Modality, bool) {
    let Marks {
        mut negated,
        mut hypothetical,
        mut future,
        reported,
    } = marks;
    if let Some(c) = chain {
        negated |= c.negated || c.governor == Some(Governor::Refuse);
        hypothetical |= c.hypothetical || c.would || c.governor == Some(Governor::Want);
        future |= c.future || matches!(c.governor, Some(Governor::Intent | Governor::Aspect));
    }
    let modality = if negated {
        Modality::Negated
    } else if in_condition(tokens, i) {
        Modality::Conditional
    } else if hypothetical {
        Modality::Hypothetical
    } else if future {
        Modality::Future
    } else if reported || inside_marks(tokens, i) {
        Modality::Reported
    } else {
        Modality::Asserted
    };
    (modality, future)
}

/// "used lethal force to crush largely peaceful protests", "quelled the
/// protests": a repression (17) whose pattern names a protest as its
/// object is done to the protesters, the people of the place the protest
/// happens in. The event the protest noun at `i` suffers, if any; the
/// protest itself is still coded by [`code`].
pub(super) fn repression_of_protest(
    nouns: &mut NounCodes<'_>,
    quotes: &MentionIndex,
    s: &Sentence,
    i: usize,
    taken: &[Taken],
    reported_sentence: bool,
    protest_country: &dyn Fn() -> Option<String>,
) -> Option<Coded> {
    let tokens = &s.tokens;
    let t = tokens.get(i)?;
    let k = taken
        .iter()
        .find(|k| !k.coded && k.head < i && i <= k.last && cameo::root(&k.code) == "17")?;
    if cameo::root(&nouns.of(&t.lower)?) != "14" {
        return None;
    }
    let chain = clause::analyse(tokens, k.head);
    let subject = subject_left(s, chain.start)?;
    let sources = arguments::actors_of(s, subject, &[]);
    let country = protest_country()?;
    if sources.is_empty() {
        return None;
    }
    let targets = vec![ActorRef {
        code: format!("{country}OPP"),
        name: format!("{country} protesters (implied)"),
        span: t.span,
    }];
    let trigger = tokens[k.head].span;
    let quote = quote_of(quotes, trigger);
    let marks = Marks {
        negated: false,
        hypothetical: false,
        future: false,
        reported: quote.is_some() || reported_sentence,
    };
    let (modality, future) = modality_of(tokens, k.head, Some(&chain), marks);
    Some(Coded {
        code: k.code.clone(),
        modality,
        sources,
        targets,
        trigger: Span::new(trigger.start, trigger.end),
        head: k.head,
        quote,
        future,
        mutual: false,
    })
}

/// The actor phrase a possessive pronoun at token `d` points back to,
/// the last one before it in its sentence ("assist African troops in their
/// battle against", "Kenya said its inquiry into"): a group's or a
/// state's pronoun, so "his" and "her" (a person's, whose antecedent is
/// seldom the nearest actor) are left alone.
fn pronoun_owner(s: &Sentence, d: usize) -> Option<usize> {
    if !matches!(s.tokens.get(d)?.lower.as_str(), "its" | "their") {
        return None;
    }
    s.phrases
        .iter()
        .rposition(|p| p.end <= d && !p.actors.is_empty())
}

/// The preposition governing phrase `idx`, across the numbers and
/// modifiers before it ("release of two American sailors").
fn preposition_of<'a>(s: &'a Sentence, idx: usize) -> Option<&'a str> {
    let p = &s.phrases[idx];
    if let Some(prep) = p.preposition.as_deref() {
        return Some(prep);
    }
    let mut k = p.start;
    while k > 0 && p.start - k < 3 {
        k -= 1;
        let t = &s.tokens[k];
        let w = t.lower.as_str();
        if crate::phrases::PREPOSITIONS.contains(&w) || w == "between" || w == "against" {
            // "decision to leave the European Union": an infinitive's
            // object, not the noun's.
            let infinitive = w == "to"
                && s.tokens[k + 1..p.start]
                    .iter()
                    .any(|t| !DETERMINERS.contains(&t.lower.as_str()));
            return (!infinitive).then_some(w);
        }
        let numeric = w.chars().next().is_some_and(|c| c.is_ascii_digit());
        let modifier = t.is_word() && !t.is_capitalized() && !phrases_stop(w);
        if !(numeric || modifier || DETERMINERS.contains(&w)) {
            return None;
        }
    }
    None
}

/// Whether `lower` is a form of a light verb ("held", "launched").
fn is_light(lower: &str) -> bool {
    let light = &lexicon::modality_words().light_verbs;
    lemma::candidates(lower)
        .iter()
        .any(|c| light.contains(&c.as_str()))
}

/// Words that end a noun phrase's modifiers to the left (function words).
fn phrases_stop(w: &str) -> bool {
    crate::phrases::PREPOSITIONS.contains(&w)
        || crate::phrases::is_clause_word(w)
        || matches!(w, "but" | "i" | "you" | "than" | "as")
}

/// Whether `lower` is a finite auxiliary or a reporting verb: where the
/// noun phrase's own attachments end ("the invasion of Ukraine was …").
fn is_finite(lower: &str) -> bool {
    lexicon::event_words().finite_words.contains(lower)
}
