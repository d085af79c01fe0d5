//! Codes the events of one document, sentence by sentence: find triggers
//! with the verb lexicon, read the verb group for modality, find source and
//! target from the sentence's structure, then date and place.

use crate::actor_table::ActorTable;
use crate::cameo;
use crate::clause::{self, Chain, Governor};
use crate::phrases::{self, ActorRef, Phrase};
use crate::tokens::{tokenize, Token};
use crate::verbs::{VerbLexicon, VerbMatch};
use crate::when_where;
use gazetteer::Gazetteer;
use model::{Analysis, Event, Modality, Quote, Reference, Span};

/// Words that end the clause a subject or target is searched in.
const CLAUSE_BREAKS: &[&str] = &[
    ";", ":", "that", "if", "unless", "because", "although", "though", "while", "whether", "when",
    "where", "but", "whereas", "since", "so", "“", "”", "\"", "(", ")",
];

/// Reporting words: an event in a sentence with one of these is reported.
const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "according",
    "reported",
    "reports",
    "quoted",
    "quoting",
    "claimed",
    "claims",
    "alleged",
    "announced",
    "stated",
    "added",
    "cited",
    "citing",
    "confirmed",
    "insisted",
];

/// Determiners and possessives that make the next word a noun.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "such",
    "'s", "any", "no", "every", "each", "another", "further", "more", "new",
];

/// Codes whose coordinated subject means the actors act on each other
/// ("X and Y will meet").
fn is_symmetric(code: &str) -> bool {
    matches!(
        code,
        "040" | "041" | "044" | "046" | "057" | "190" | "193" | "050"
    ) || matches!(cameo::root(code), "03" | "05" | "06" | "08")
}

/// Everything the coder knows about the document while it walks it.
struct Doc<'a> {
    analysis: &'a Analysis,
    gazetteer: &'a Gazetteer,
    /// Actors that were the subject of a clause, in text order (for "it", "he").
    subjects: Vec<(usize, ActorRef)>,
    /// Countries named, in text order (for "that country").
    countries: Vec<(usize, ActorRef)>,
}

/// One sentence, tokenised and chunked.
struct Sentence<'t> {
    span: Span,
    tokens: Vec<Token<'t>>,
    phrases: Vec<Phrase>,
}

/// Codes every event of `a`.
pub fn code(
    actors: &ActorTable,
    verbs: &VerbLexicon,
    gazetteer: &Gazetteer,
    a: &Analysis,
) -> Vec<Event> {
    let text = a.text();
    let published = a.document.article.published;
    let entity_actors: Vec<(Span, String, String)> = a
        .entities
        .iter()
        .filter_map(|e| e.actor.as_ref().map(|c| (e, c)))
        .flat_map(|(e, c)| {
            e.mentions
                .iter()
                .map(move |m| (*m, c.clone(), e.id.clone()))
        })
        .collect();
    let sentences = if a.sentences.is_empty() {
        crate::tokens::sentences(text)
    } else {
        a.sentences.clone()
    };
    let mut doc = Doc {
        analysis: a,
        gazetteer,
        subjects: Vec::new(),
        countries: Vec::new(),
    };
    let mut events: Vec<Event> = Vec::new();
    for span in sentences {
        let tokens = tokenize(text, span);
        if tokens.is_empty() {
            continue;
        }
        let in_sentence: Vec<(Span, String, String)> = entity_actors
            .iter()
            .filter(|(s, _, _)| span.contains(*s))
            .cloned()
            .collect();
        let mut phrases = phrases::find(&tokens, actors, gazetteer, &in_sentence, published);
        resolve_references(&mut doc, actors, &tokens, &mut phrases);
        let s = Sentence {
            span,
            tokens,
            phrases,
        };
        for e in code_sentence(verbs, &doc, &s) {
            if !events.iter().any(|x| same_event(x, &e)) {
                events.push(e);
            }
        }
    }
    events
}

fn same_event(a: &Event, b: &Event) -> bool {
    a.sentence == b.sentence
        && a.cameo == b.cameo
        && actor_of(&a.source) == actor_of(&b.source)
        && actor_of(&a.target) == actor_of(&b.target)
}

fn actor_of(r: &Option<Reference>) -> Option<&str> {
    r.as_ref().and_then(|r| r.actor.as_deref())
}

/// Resolves pronouns and "that country" in text order, and records the
/// subjects and countries later references may point back to.
fn resolve_references(
    doc: &mut Doc,
    actors: &ActorTable,
    tokens: &[Token],
    phrases: &mut [Phrase],
) {
    for p in phrases.iter_mut() {
        let at = tokens[p.start].span.start;
        let span = Span::new(at, tokens[p.end - 1].span.end);
        if let Some(pronoun) = p.pronoun.clone() {
            let found = if matches!(pronoun.as_str(), "we" | "i" | "us") {
                speaker_actor(doc, actors, at).or_else(|| last_before(&doc.subjects, at))
            } else {
                last_before(&doc.subjects, at)
            };
            if let Some(r) = found {
                p.actors = vec![ActorRef { span, ..r }];
            }
        } else if p.anaphor {
            if let Some(r) = last_before(&doc.countries, at) {
                p.actors = vec![ActorRef { span, ..r }];
            }
        }
        let named_here = !p.is_reference();
        for r in p.actors.iter().filter(|_| named_here) {
            if r.code.len() >= 3 && !r.code.starts_with("---") && !r.code.starts_with("IGO") {
                doc.countries.push((at, r.clone()));
            }
        }
        if p.preposition.is_none() && !p.possessive && p.actors.len() == 1 {
            doc.subjects.push((at, p.actors[0].clone()));
        }
    }
}

fn last_before(list: &[(usize, ActorRef)], at: usize) -> Option<ActorRef> {
    list.iter()
        .rev()
        .find(|(pos, _)| *pos < at)
        .map(|(_, r)| r.clone())
}

/// The actor of the speaker of the quote around byte `at` ("we" → the speaker).
fn speaker_actor(doc: &Doc, actors: &ActorTable, at: usize) -> Option<ActorRef> {
    let a = doc.analysis;
    let q = a
        .quotes
        .iter()
        .find(|q| q.span.start <= at && at < q.span.end)?;
    let speaker = q.speaker.as_ref()?;
    let span = speaker.span.unwrap_or(q.span);
    if let Some(code) = speaker.actor.clone().or_else(|| {
        speaker
            .entity
            .as_ref()
            .and_then(|id| a.entity(id))
            .and_then(|e| e.actor.clone())
    }) {
        return Some(ActorRef {
            code,
            name: speaker.name.clone(),
            span,
        });
    }
    let toks = tokenize(&speaker.name, Span::new(0, speaker.name.len()));
    let found = phrases::find(
        &toks,
        actors,
        doc.gazetteer,
        &[],
        a.document.article.published,
    );
    let r = found.into_iter().flat_map(|p| p.actors).next()?;
    Some(ActorRef {
        span,
        name: speaker.name.clone(),
        ..r
    })
}

/// The phrase index covering token `i`, if any.
fn phrase_at(s: &Sentence, i: usize) -> Option<usize> {
    s.phrases.iter().position(|p| p.start <= i && i < p.end)
}

/// Whether the head at `i` is used as a noun ("the talks", "a high-level
/// meeting", "for military aid"): a determiner, possessor or preposition
/// before it, across at most two modifiers. A bare-stem head may also have
/// a role word as modifier ("military aid"); an inflected one may not
/// ("the army attacked").
fn is_noun_use(s: &Sentence, verbs: &VerbLexicon, i: usize) -> bool {
    let lower = s.tokens[i].lower.as_str();
    let bare = !(lower.ends_with('s') || lower.ends_with("ed") || lower.ends_with("ing"))
        && crate::lemma::irregular(lower).is_none();
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
            && !matches!(
                t.lower.as_str(),
                "will"
                    | "would"
                    | "to"
                    | "not"
                    | "has"
                    | "have"
                    | "had"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "be"
                    | "been"
                    | "and"
                    | "or"
                    | "also"
                    | "could"
                    | "may"
                    | "might"
                    | "can"
                    | "should"
                    | "must"
                    | "did"
                    | "does"
                    | "do"
                    | "who"
                    | "which"
                    | "that"
                    | "never"
                    | "already"
                    | "n't"
                    | "they"
                    | "it"
                    | "he"
                    | "she"
                    | "we"
            )
            && !t.lower.ends_with("ly");
        if !modifier {
            return false;
        }
    }
    false
}

/// Whether token `k` lies between a clause break and the token `to`.
fn break_between(tokens: &[Token], from: usize, to: usize) -> bool {
    tokens
        .get(from..to)
        .is_some_and(|ts| ts.iter().any(|t| CLAUSE_BREAKS.contains(&t.lower.as_str())))
}

/// Words after which "of X" still names the subject ("Hundreds of UN troops").
fn is_quantity(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit() || c == ',')
        || matches!(
            w,
            "hundreds"
                | "thousands"
                | "dozens"
                | "tens"
                | "millions"
                | "some"
                | "many"
                | "most"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "ten"
                | "several"
                | "members"
                | "group"
                | "number"
                | "scores"
                | "all"
                | "none"
                | "part"
        )
}

/// The subject phrase of a verb group starting at token `from`: the nearest
/// actor phrase to its left in the same clause that is not inside a
/// prepositional phrase; an apposition with no country defers to the phrase
/// it renames ("The US commander in Iraq, General David Petraeus, held …").
fn subject_left(s: &Sentence, from: usize) -> Option<usize> {
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
            .is_some_and(|t| matches!(t.lower.as_str(), "who" | "which" | "that"));
        if !relative && break_between(&s.tokens, between_start, from) {
            return best;
        }
        let governed = match &p.preposition {
            None => false,
            Some(prep) if prep == "of" => !p
                .start
                .checked_sub(2)
                .and_then(|k| s.tokens.get(k))
                .is_some_and(|t| is_quantity(&t.lower)),
            Some(_) => true,
        };
        if governed || p.actors.is_empty() || p.possessive {
            continue;
        }
        if best.is_none() {
            best = Some(idx);
            let countryless = p.actors.iter().all(|a| a.code.starts_with("---"));
            let after_comma = p.start > 0 && s.tokens[p.start - 1].text == ",";
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

/// The first actor phrase after token `after` in the same clause, up to
/// twelve tokens on, skipping `skip`.
fn target_right(s: &Sentence, after: usize, skip: &[usize]) -> Option<usize> {
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

/// The "by X" agent of a passive verb at `head`.
fn by_agent(s: &Sentence, head: usize) -> Option<usize> {
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

/// Whether token `i` sits in an "if …" clause (up to the next comma).
fn in_condition(tokens: &[Token], i: usize) -> bool {
    let mut k = i;
    while k > 0 {
        k -= 1;
        let w = tokens[k].lower.as_str();
        if matches!(w, "," | ";" | ":" | "." | "“" | "”") {
            return false;
        }
        if matches!(w, "if" | "unless" | "provided") {
            return true;
        }
        if w == "event" && k >= 2 && tokens[k - 1].lower == "the" && tokens[k - 2].lower == "in" {
            return true;
        }
    }
    false
}

/// Whether the head at `i` is inside a complement of "deny" ("denied that it had …").
fn in_denial(tokens: &[Token], i: usize) -> bool {
    tokens[..i].iter().enumerate().any(|(k, t)| {
        crate::lemma::candidates(&t.lower)
            .iter()
            .any(|l| l == "deny")
            && tokens.get(k + 1).is_some_and(|n| n.lower == "that")
    })
}

/// The index of the quote around `span`, if any.
fn quote_of(quotes: &[Quote], span: Span) -> Option<usize> {
    quotes.iter().position(|q| q.span.contains(span))
}

/// Whether token `i` is between quotation marks of its sentence.
fn inside_marks(tokens: &[Token], i: usize) -> bool {
    let mut open = false;
    for t in &tokens[..i] {
        match t.text {
            "“" => open = true,
            "”" => open = false,
            "\"" => open = !open,
            _ => {}
        }
    }
    open
}

/// The intent code ("express intent to …") for an action code, when CAMEO
/// has one.
fn intent_code(code: &str) -> Option<String> {
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
fn threat_code(code: &str) -> String {
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

/// The refusal code for an action a source says it will not take.
fn refusal_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "084" | "0841" | "0842" => "1243",
        "085" => "1244",
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

/// A coded trigger before actors are paired.
struct Coded {
    code: String,
    modality: Modality,
    sources: Vec<ActorRef>,
    targets: Vec<ActorRef>,
    trigger: Span,
    head: usize,
    quote: Option<usize>,
    future: bool,
    mutual: bool,
}

fn code_sentence(verbs: &VerbLexicon, doc: &Doc, s: &Sentence) -> Vec<Event> {
    let a = doc.analysis;
    let reported_sentence = s.tokens.iter().any(|t| CUES.contains(&t.lower.as_str()));
    let mut chains: Vec<(usize, Chain)> = Vec::new();
    // The source phrase of each coded trigger, by head.
    let mut sources: Vec<(usize, usize)> = Vec::new();
    let mut coded: Vec<Coded> = Vec::new();
    // Tokens already taken by an earlier pattern ("provide humanitarian aid"
    // is one event, not also "aid").
    let mut taken_until = 0;
    for i in 0..s.tokens.len() {
        // The word right after a pattern is its object ("provide humanitarian aid").
        if phrase_at(s, i).is_some() || i <= taken_until && taken_until > 0 {
            continue;
        }
        let Some(m) = verbs.match_at(&s.tokens, &s.phrases, i) else {
            continue;
        };
        if !m.nominal && is_noun_use(s, verbs, i) {
            continue;
        }
        if i > 0 && s.tokens[i].is_capitalized() && !matches!(s.tokens[i - 1].text, "“" | "\"") {
            continue;
        }
        let mut chain = clause::analyse(&s.tokens, i);
        // "will not allow that … and allow any country …": the second verb
        // shares the first one's auxiliaries.
        if chain.start == i && i > 0 && matches!(s.tokens[i - 1].lower.as_str(), "and" | "or") {
            if let Some((_, prev)) = chains.iter().rev().find(|(h, _)| *h + 12 >= i) {
                chain.negated |= prev.negated;
                chain.future |= prev.future;
                chain.would |= prev.would;
                chain.hypothetical |= prev.hypothetical;
                chain.governor = chain.governor.or(prev.governor);
            }
        }
        chains.push((i, chain.clone()));
        taken_until = m.last + 1;
        // "ISIL had attacked Iraq and taken Mosul", "…, killing eight":
        // the second verb shares the first one's subject.
        let shares_subject = chain.controller.is_none()
            && chain.start > 0
            && (matches!(s.tokens[chain.start - 1].lower.as_str(), "and" | "or")
                || (s.tokens[chain.start - 1].text == ","
                    && chain.start == i
                    && s.tokens[i].lower.ends_with("ing")));
        let inherited = sources
            .iter()
            .rev()
            .find(|(h, _)| *h + 15 >= i)
            .map(|(_, p)| *p)
            .filter(|_| shares_subject);
        if let Some((c, source)) = code_trigger(doc, s, &m, &chain, reported_sentence, inherited) {
            coded.extend(c);
            sources.push((i, source));
        }
    }
    let _ = a;
    let derived: Vec<Coded> = coded
        .iter()
        .filter_map(|c| accusation(s, c).or_else(|| denial(s, c)))
        .collect();
    coded.extend(derived);
    coded.into_iter().flat_map(|c| pair(doc, s, c)).collect()
}

/// Codes one trigger: modality, code adjustments, sources and targets.
fn code_trigger(
    doc: &Doc,
    s: &Sentence,
    m: &VerbMatch,
    chain: &Chain,
    reported_sentence: bool,
    inherited: Option<usize>,
) -> Option<(Vec<Coded>, usize)> {
    let a = doc.analysis;
    let head = m.head;
    let last = m.last.max(head);
    let trigger = Span::new(s.tokens[head].span.start, s.tokens[last].span.end);
    let mut code = m.code.clone();
    let mut negated = chain.negated || in_denial(&s.tokens, head);
    let mut hypothetical = chain.hypothetical || chain.purpose;
    let mut future = chain.future;
    // Sources: the controller's object, the passive's agent, or the subject.
    let mut exclude: Vec<usize> = Vec::new();
    let passive = chain.passive || (chain.start == head && is_reduced_passive(s, head));
    let source_phrase = if let Some((ctl, to)) = chain.controller {
        let outer = clause::analyse(&s.tokens, ctl);
        negated |= outer.negated;
        hypothetical = true;
        s.phrases
            .iter()
            .rposition(|p| p.start > ctl && p.end <= to && !p.actors.is_empty())
    } else if passive {
        by_agent(s, head)
    } else if inherited.is_some() {
        inherited
    } else {
        subject_left(s, chain.start)
    };
    let source_phrase = source_phrase?;
    exclude.push(source_phrase);
    let target_phrase = match m.target {
        Some(t) => Some(t),
        None if passive && !chain.passive => target_right(s, last, &exclude),
        None if chain.passive => subject_left(s, chain.start)
            .filter(|t| *t != source_phrase)
            .or_else(|| target_right(s, last, &exclude)),
        None => target_right(s, head, &exclude).and_then(|t| {
            // "deploy more troops": an unnamed role the pattern itself
            // matched is the object; the target, if any, comes after it.
            let p = &s.phrases[t];
            let object = p.start <= last && p.actors.iter().all(|a| a.code.starts_with("---"));
            if object {
                target_right(s, last, &exclude)
            } else {
                Some(t)
            }
        }),
    };
    match chain.governor {
        Some(Governor::Refuse) => negated = true,
        Some(Governor::Want) => match intent_code(&code) {
            Some(c) if !negated => code = c,
            _ => hypothetical = true,
        },
        Some(Governor::Intent) if !negated => {
            if let Some(c) = intent_code(&code) {
                code = c;
            } else {
                future = true;
            }
        }
        Some(Governor::Threaten) if !negated => code = threat_code(&code),
        Some(Governor::Aspect) => future = true,
        _ => {}
    }
    if chain.would {
        if reported_sentence {
            future = true;
        } else {
            hypothetical = true;
        }
    }
    let quote = quote_of(&a.quotes, trigger);
    let quoted = quote.is_some() || inside_marks(&s.tokens, head);
    let conditional = in_condition(&s.tokens, head);
    let base = if future {
        Modality::Future
    } else if quoted || reported_sentence {
        Modality::Reported
    } else {
        Modality::Asserted
    };
    let modality = if negated {
        Modality::Negated
    } else if conditional {
        Modality::Conditional
    } else if hypothetical {
        Modality::Hypothetical
    } else {
        base
    };
    let mut sources = s.phrases[source_phrase].actors.clone();
    let mut targets = target_phrase
        .filter(|t| *t != source_phrase)
        .map(|t| s.phrases[t].actors.clone())
        .unwrap_or_default();
    if m.reverse {
        if targets.is_empty() {
            return None;
        }
        std::mem::swap(&mut sources, &mut targets);
    }
    let mut out = vec![Coded {
        code: code.clone(),
        modality,
        sources: sources.clone(),
        targets: targets.clone(),
        trigger,
        head,
        quote,
        future,
        mutual: m.mutual,
    }];
    // "will not allow", "refused to release": a refusal is an event of its own.
    let refusal = negated
        && !conditional
        && (future || chain.would || chain.governor == Some(Governor::Refuse));
    if refusal {
        if let Some(r) = refusal_code(&code) {
            out.push(Coded {
                code: r.to_string(),
                modality: base,
                sources,
                targets,
                trigger,
                head,
                quote,
                future,
                mutual: false,
            });
        }
    }
    Some((out, source_phrase))
}

/// "sanctions imposed on Russia by the West", "civilians imprisoned for
/// …": a past participle right after a noun, followed by a preposition or
/// a comma rather than an object.
fn is_reduced_passive(s: &Sentence, head: usize) -> bool {
    let lower = s.tokens[head].lower.as_str();
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
    let main_verb_later = s.tokens[head + 1..].iter().any(is_be);
    lower.ends_with("ed") && after_noun && before_preposition && (object_noun || main_verb_later)
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
fn accusation(s: &Sentence, c: &Coded) -> Option<Coded> {
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
fn denial(s: &Sentence, c: &Coded) -> Option<Coded> {
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

/// Turns a coded trigger into events, one per source–target pair.
fn pair(doc: &Doc, s: &Sentence, c: Coded) -> Vec<Event> {
    let a = doc.analysis;
    let place = when_where::place(&s.tokens, c.head, doc.gazetteer);
    let mut c = c;
    // "Obama will meet in Zurich", "warplanes struck targets in Gaza",
    // "condemned the coup in Myanmar": with no one else named, the place's
    // country is the counterpart (as PETRARCH codes it).
    let place_is_counterpart = matches!(
        cameo::root(&c.code),
        "01" | "04" | "11" | "14" | "18" | "19" | "20"
    );
    if c.targets.is_empty() && c.sources.len() < 2 && place_is_counterpart {
        if let Some((p, country)) = place.as_ref().and_then(|p| Some((p, p.country.clone()?))) {
            c.targets.push(ActorRef {
                code: country,
                name: p.name.clone(),
                span: p.span.unwrap_or(c.trigger),
            });
        }
    }
    // "India and China agreed to pull back troops": with coordinated
    // sources, an unnamed role after the verb is the object, not the target.
    if c.sources.len() >= 2 && c.targets.iter().all(|t| t.code.starts_with("---")) {
        c.targets.clear();
    }
    let mut pairs: Vec<(ActorRef, ActorRef)> = Vec::new();
    if c.targets.is_empty() {
        if c.sources.len() >= 2 && is_symmetric(&c.code) {
            for x in &c.sources {
                for y in &c.sources {
                    if x.span != y.span {
                        pairs.push((x.clone(), y.clone()));
                    }
                }
            }
        }
    } else {
        for x in &c.sources {
            for y in &c.targets {
                if x.span != y.span || x.code != y.code {
                    pairs.push((x.clone(), y.clone()));
                    if c.mutual {
                        pairs.push((y.clone(), x.clone()));
                    }
                }
            }
        }
    }
    // Events between two unnamed groups ("insurgents killed people") say
    // nothing event data can use.
    pairs.retain(|(x, y)| !(x.code.starts_with("---") && y.code.starts_with("---")));
    // An actor does not act on itself ("Trump … Trump" through a pronoun).
    pairs.retain(|(x, y)| !(x.code == y.code && x.name == y.name));
    let date = when_where::date(
        &a.times,
        &s.tokens,
        s.span,
        c.trigger.start,
        a.document.article.published,
        c.future || s.tokens[..c.head].iter().any(|t| t.lower == "will"),
    );
    pairs
        .into_iter()
        .map(|(src, tgt)| {
            let mut code = c.code.clone();
            if matches!(code.as_str(), "040" | "044") {
                let third = place
                    .as_ref()
                    .and_then(|p| p.country.as_deref())
                    .is_some_and(|pc| !src.code.starts_with(pc) && !tgt.code.starts_with(pc));
                code = if third { "044" } else { "040" }.to_string();
            }
            let goldstein = cameo::goldstein(&code).unwrap_or(0.0);
            Event {
                source: Some(reference(a, &src)),
                target: Some(reference(a, &tgt)),
                goldstein,
                quad_class: cameo::quad_class(&code),
                cameo: code,
                modality: c.modality,
                date,
                place: place.clone(),
                sentence: s.span,
                trigger: c.trigger,
                quote: c.quote,
            }
        })
        .collect()
}

fn reference(a: &Analysis, r: &ActorRef) -> Reference {
    Reference {
        name: r.name.clone(),
        entity: a.entity_at(r.span).map(|e| e.id.clone()),
        actor: Some(r.code.clone()),
        span: Some(r.span),
    }
}
