//! Turns speaker phrases into references: full names for surnames ("Sullivan"
//! → "Jake Sullivan"), people for pronouns and role nominals ("he", "the
//! spokesman"), groups for "these officials", entity ids where `nlp` found
//! the name; and raises the consistency flags.

use crate::actors;
use crate::context::Context;
use crate::phrases::SpeakerPhrase;
use foldhash::HashMap;
use model::{Entity, EntityType, Flag, FlagKind, MentionIndex, Reference, Span};

/// A person the document names in full.
#[derive(Debug, Clone)]
struct Person {
    /// The full name as written ("Li Pengyu").
    name: String,
    /// Its words, lower-cased.
    words: Vec<String>,
    /// Role nouns said of them ("spokesman").
    roles: Vec<String>,
    /// Where it is first named.
    span: Span,
    /// Actor code from the words describing them ("USAGOV").
    actor: Option<String>,
    /// `Some(true)` when known to be a woman, `Some(false)` a man.
    female: Option<bool>,
    /// Whether it was only seen as a capitalised run in the text (not as a
    /// speaker or an entity): matched by surname only.
    from_text: bool,
}

/// A group speaker ("U.S. officials"), its words read from the document
/// (a page of a million group claims made two copies each).
#[derive(Debug, Clone)]
struct Group<'c> {
    /// The name as written, without a leading article.
    name: &'c str,
    /// Its head noun, lower-cased ("officials").
    head: &'c str,
    /// Actor code from its words ("USAGOV").
    actor: Option<String>,
    /// Where it is named.
    span: Span,
}

/// What a speaker phrase turned out to be.
enum Shape<'c> {
    /// A personal pronoun; `true` when plural.
    Pronoun(bool),
    /// "these officials", "the spokesman": a determiner and a head noun.
    Nominal { head: &'c str, plural: bool },
    /// A proper name (the token range of the name within the phrase).
    Name(usize, usize),
    /// Anything else, kept as written.
    Other,
}

/// Resolves speaker phrases against the people and groups the document
/// names; holds what it has learnt so far.
pub struct Resolver<'c, 'a> {
    cx: &'c Context<'a>,
    entities: &'c [Entity],
    /// Which entity a name's span belongs to.
    mentions: MentionIndex,
    persons: Vec<Person>,
    /// Index into `persons` by name.
    person_index: HashMap<String, usize>,
    /// Index into `persons` by a surname (or, for speakers, a first word:
    /// "Li" of "Li Pengyu"), lower-cased; the first person registered wins.
    by_word: HashMap<String, usize>,
    /// Byte offsets where each person (index) is mentioned, in text order.
    person_mentions: Vec<(usize, usize)>,
    groups: Vec<Group<'c>>,
    /// Flags raised.
    pub flags: Vec<Flag>,
}

/// "Secretary of State Mike Pompeo", "ambassador to Britain Liu Xiaoming":
/// when the capitalised run `k..e` follows a title and "of", "to" or "for"
/// (the title's complement), the run begins with the complement (a
/// department, a country) and the name is its end: from a known first name
/// on, else its last two words. Runs of two words and runs after anything
/// else are left as they are.
fn after_title_complement(cx: &Context, k: usize, e: usize) -> usize {
    let mut p = k;
    if p >= 1 && cx.low(p - 1) == "the" {
        p -= 1;
    }
    let titled =
        p >= 2 && matches!(cx.low(p - 1), "of" | "to" | "for") && cx.lex.is_title(cx.low(p - 2));
    let words: Vec<usize> = (k..e).filter(|&i| cx.is_word(i)).collect();
    if !titled || words.len() < 3 {
        return k;
    }
    words[1..]
        .iter()
        .find(|&&i| cx.lex.is_female(cx.low(i)).is_some())
        .copied()
        .unwrap_or(words[words.len() - 2])
}

impl<'c, 'a> Resolver<'c, 'a> {
    /// A resolver that knows every full name among `phrases` and the
    /// person entities of `entities`.
    pub fn new(cx: &'c Context<'a>, entities: &'c [Entity], phrases: &[SpeakerPhrase]) -> Self {
        let mut r = Resolver {
            cx,
            entities,
            mentions: MentionIndex::new(entities),
            persons: Vec::new(),
            person_index: HashMap::default(),
            by_word: HashMap::default(),
            person_mentions: Vec::new(),
            // At most a group a speaker phrase: a long page's million
            // groups, grown by doubling, were copied into fresh pages
            // again and again.
            groups: Vec::with_capacity(phrases.len()),
            flags: Vec::new(),
        };
        for e in entities.iter().filter(|e| e.kind == EntityType::Person) {
            if e.name.split_whitespace().count() >= 2 {
                let Some(&first) = e.mentions.first() else {
                    continue;
                };
                let idx = r.add_person(&e.name, first, Vec::new());
                for m in &e.mentions {
                    r.person_mentions.push((m.start, idx));
                }
            }
        }
        for (name, span, titled, female) in named_people(cx) {
            let idx = r.add_person(&name, span, Vec::new());
            if female.is_some() {
                r.persons[idx].female = female;
            }
            r.persons[idx].from_text = true;
            if titled {
                r.person_mentions.push((span.start, idx));
            }
        }
        for p in phrases {
            if let Shape::Name(s, e) = r.shape(p.range) {
                if cx.word_count(s, e) >= 2 && !cx.lex.is_outlet(cx.slice(s, e)) {
                    let roles = role_words(cx, p);
                    let name = clean_name(cx, s, e);
                    let idx = r.add_person(&name, cx.span(s, e), roles);
                    let described: Vec<(usize, usize)> =
                        [Some(p.range), p.role].into_iter().flatten().collect();
                    if r.persons[idx].actor.is_none() {
                        r.persons[idx].actor = actors::actor_of(cx, &described);
                    }
                    r.person_mentions.push((cx.span(s, e).start, idx));
                }
            }
        }
        r.person_mentions.sort_unstable();
        for (i, p) in r.persons.iter().enumerate() {
            if p.words.len() < 2 {
                continue;
            }
            if let Some(last) = p.words.last() {
                r.by_word.entry(last.clone()).or_insert(i);
            }
            if !p.from_text {
                if let Some(first) = p.words.first() {
                    r.by_word.entry(first.clone()).or_insert(i);
                }
            }
        }
        r
    }

    /// Registers a person (or adds roles to one already known); its index.
    fn add_person(&mut self, name: &str, span: Span, roles: Vec<String>) -> usize {
        if let Some(&i) = self.person_index.get(name) {
            for role in roles {
                if !self.persons[i].roles.contains(&role) {
                    self.persons[i].roles.push(role);
                }
            }
            return i;
        }
        self.persons.push(Person {
            name: name.to_string(),
            words: name.split_whitespace().map(str::to_lowercase).collect(),
            roles,
            span,
            actor: None,
            female: name
                .split_whitespace()
                .next()
                .and_then(|w| self.cx.lex.is_female(&w.to_lowercase())),
            from_text: false,
        });
        self.person_index
            .insert(name.to_string(), self.persons.len() - 1);
        self.persons.len() - 1
    }

    /// What kind of phrase `range` is.
    fn shape(&self, range: (usize, usize)) -> Shape<'c> {
        let cx = self.cx;
        let (s, e) = range;
        if e == s + 1 {
            if let Some(plural) = cx.lex.pronoun(cx.low(s)) {
                return Shape::Pronoun(plural);
            }
        }
        let last = e - 1;
        if !cx.is_cap(last) && !cx.is_punct(last, '.') {
            let head = cx.low(last);
            let det = matches!(cx.low(s), "the" | "these" | "those" | "this" | "that");
            if det && e - s <= 3 {
                return Shape::Nominal {
                    plural: cx.lex.is_group_head(head),
                    head,
                };
            }
            return Shape::Other;
        }
        // The capitalised run ending the phrase, titles dropped.
        let mut k = e;
        while k > s && (cx.is_cap(k - 1) || cx.is_punct(k - 1, '.') || cx.is_punct(k - 1, '-')) {
            k -= 1;
        }
        while k < e && (cx.lex.is_title(cx.low(k)) || !cx.is_word(k) || cx.low(k) == "the") {
            k += 1;
        }
        // "Raúl M. Grijalva of Arizona": the person, not the place.
        if k >= 2 && cx.low(k - 1) == "of" {
            let mut j = k - 1;
            while j > s && (cx.is_cap(j - 1) || cx.is_punct(j - 1, '.')) {
                j -= 1;
            }
            while j < k - 1 && (cx.lex.is_title(cx.low(j)) || !cx.is_word(j)) {
                j += 1;
            }
            let institution = (j..k - 1).any(|t| cx.lex.is_role(cx.low(t)));
            if cx.word_count(j, k - 1) >= 2 && !institution {
                return Shape::Name(j, k - 1);
            }
        }
        // "White House Press Secretary Stephanie Grisham": the description
        // ends with its last title; the name follows it.
        if let Some(t) = (k..e).rev().find(|&i| cx.lex.is_title(cx.low(i))) {
            if let Some(first) = (t + 1..e).find(|&i| cx.is_word(i)) {
                k = first;
            }
        }
        k = after_title_complement(cx, k, e);
        // "A court document filed Thursday": a day is not a name.
        if k >= e || (k..e).all(|i| !cx.is_word(i) || cx.lex.is_not_name(cx.low(i))) {
            return Shape::Other;
        }
        Shape::Name(k, e)
    }

    /// The reference for a speaker phrase.
    pub fn speaker(&mut self, p: &SpeakerPhrase) -> Reference {
        let cx = self.cx;
        let span = cx.span(p.range.0, p.range.1);
        let written = strip_article(cx.slice(p.range.0, p.range.1));
        let mut reference = Reference {
            name: written.to_string(),
            span: Some(span),
            ..Reference::default()
        };
        let mut person: Option<usize> = None;
        let mut name_span = span;
        // The actor code of the phrase's own words, once read for a group
        // speaker: the same words describe it when it has no apposition.
        let mut own_actor: Option<Option<String>> = None;
        match self.shape(p.range) {
            Shape::Pronoun(plural) => {
                let lower = cx.low(p.range.0);
                if plural {
                    if let Some(g) = self.last_group(span.start, None) {
                        reference.name = g.name.to_string();
                        reference.actor.clone_from(&g.actor);
                    }
                } else if lower != "i" && lower != "you" && lower != "it" {
                    let female = match lower {
                        "she" => Some(true),
                        "he" => Some(false),
                        _ => None,
                    };
                    self.flag_ambiguity(span, female);
                    if let Some(i) = self.last_person_of(span.start, female) {
                        reference.name = self.persons[i].name.clone();
                        person = Some(i);
                    }
                }
            }
            Shape::Nominal { head, plural } => {
                if plural {
                    if let Some(g) = self.last_group(span.start, Some(head)) {
                        reference.name = g.name.to_string();
                        reference.actor.clone_from(&g.actor);
                    }
                } else if let Some(i) = self.person_with_role(head, span.start) {
                    reference.name = self.persons[i].name.clone();
                    person = Some(i);
                }
            }
            Shape::Name(s, e) => {
                let name = clean_name(cx, s, e);
                name_span = cx.span(s, e);
                reference.name = self.full_name(&name, name_span);
                person = self.person_index.get(&reference.name).copied();
            }
            Shape::Other => {
                let last = cx.low(p.range.1 - 1);
                if cx.lex.is_group_head(last) {
                    let actor = actors::actor_of(cx, &[p.range]);
                    if p.role.is_none() {
                        own_actor = Some(actor.clone());
                    }
                    self.groups.push(Group {
                        name: written,
                        head: last,
                        actor,
                        span,
                    });
                }
            }
        }
        self.link(&mut reference, name_span);
        if reference.actor.is_none() {
            reference.actor = person
                .and_then(|i| self.persons[i].actor.clone())
                .or_else(|| {
                    own_actor.unwrap_or_else(|| match p.role {
                        Some(role) => actors::actor_of(cx, &[p.range, role]),
                        None => actors::actor_of(cx, &[p.range]),
                    })
                });
        }
        reference
    }

    /// A chain link's reference ("CNN", "The New York Times").
    pub fn link_reference(&self, range: (usize, usize)) -> Reference {
        let span = self.cx.span(range.0, range.1);
        let mut r = Reference {
            name: self.cx.slice(range.0, range.1).to_string(),
            span: Some(span),
            ..Reference::default()
        };
        self.link(&mut r, span);
        r
    }

    /// Sets entity id and actor from the entity one of whose mentions is
    /// the name written at `span` (or contains it).
    fn link(&self, r: &mut Reference, span: Span) {
        let hit = self.mentions.entity_containing(span);
        if let Some(e) = hit.map(|i| &self.entities[i]) {
            r.entity = Some(e.id.clone());
            r.actor.clone_from(&e.actor);
            if e.kind == EntityType::Person
                && e.name.len() > r.name.len()
                && e.name.ends_with(&r.name)
            {
                r.name.clone_from(&e.name);
            }
        }
    }

    /// The full name for `name` written at `span`: a known person whose name
    /// ends or starts with it, or a near spelling of a recent one (flagged).
    fn full_name(&mut self, name: &str, span: Span) -> String {
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        if words.len() >= 2 {
            return name.to_string();
        }
        let Some(word) = words.first() else {
            return name.to_string();
        };
        if let Some(&i) = self.by_word.get(word) {
            return self.persons[i].name.clone();
        }
        // Near spellings: "Liu" for "Li Pengyu", only for a recent person.
        let recent = self.last_person(span.start);
        if let Some(i) = recent {
            let p = &self.persons[i];
            let near = p.words.iter().any(|w| near_spelling(w, word));
            if near && span.start.saturating_sub(p.span.end) < 1500 {
                let message = format!(
                    "\u{201c}{name}\u{201d} appears to be {} named differently",
                    p.name
                );
                let full = p.name.clone();
                self.flags.push(Flag {
                    kind: FlagKind::NameVariant,
                    message,
                    spans: vec![p.span, span],
                });
                return full;
            }
        }
        name.to_string()
    }

    /// The person last mentioned before byte `at`.
    fn last_person(&self, at: usize) -> Option<usize> {
        self.persons_before(at).next()
    }

    /// The person last mentioned before `at` whose gender is not known to
    /// differ from `female`.
    fn last_person_of(&self, at: usize, female: Option<bool>) -> Option<usize> {
        self.persons_before(at)
            .find(|&p| match (female, self.persons[p].female) {
                (Some(want), Some(is)) => want == is,
                _ => true,
            })
    }

    /// The most recent person said to hold `role` before `at`.
    fn person_with_role(&self, role: &str, at: usize) -> Option<usize> {
        self.persons_before(at)
            .find(|&p| self.persons[p].roles.iter().any(|r| r == role))
    }

    /// The persons mentioned before `at`, the latest first, at most the last
    /// 60 mentions back: a bounded look-back keeps long documents linear.
    fn persons_before(&self, at: usize) -> impl Iterator<Item = usize> + '_ {
        let i = self.person_mentions.partition_point(|&(pos, _)| pos < at);
        self.person_mentions[..i]
            .iter()
            .rev()
            .take(60)
            .map(|&(_, p)| p)
    }

    /// The last group speaker before `at` (with head noun `head`, if given).
    fn last_group(&self, at: usize, head: Option<&str>) -> Option<&Group<'c>> {
        self.groups
            .iter()
            .rev()
            .take(30)
            .filter(|g| g.span.end <= at)
            .find(|g| head.is_none_or(|h| g.head == h))
    }

    /// Flags a pronoun speaker when two different people it could refer to
    /// (by gender, when known) were named in the 200 bytes before it.
    fn flag_ambiguity(&mut self, pronoun: Span, female: Option<bool>) {
        let lo = pronoun.start.saturating_sub(200);
        let mut distinct: Vec<usize> = Vec::new();
        let from = self.person_mentions.partition_point(|&(pos, _)| pos < lo);
        let to = self
            .person_mentions
            .partition_point(|&(pos, _)| pos < pronoun.start);
        for &(pos, p) in &self.person_mentions[from..to] {
            let compatible = match (female, self.persons[p].female) {
                (Some(want), Some(is)) => want == is,
                _ => true,
            };
            let known = distinct
                .iter()
                .any(|&q| q == p || same_person(&self.persons[q].name, &self.persons[p].name));
            if compatible && pos >= lo && pos < pronoun.start && !known {
                distinct.push(p);
            }
        }
        if distinct.len() >= 2 {
            let names: Vec<&str> = distinct
                .iter()
                .map(|&p| self.persons[p].name.as_str())
                .collect();
            let mut spans: Vec<Span> = distinct.iter().map(|&p| self.persons[p].span).collect();
            spans.push(pronoun);
            self.flags.push(Flag {
                kind: FlagKind::AmbiguousSpeaker,
                message: format!("the speaker could be any of: {}", names.join(", ")),
                spans,
            });
        }
    }
}

/// Whether two names are one person written with and without a title or
/// first name ("Prime Minister Claire Dubois", "Claire Dubois", "Dubois"):
/// one ends with the other at a word boundary.
fn same_person(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    !short.is_empty()
        && long
            .strip_suffix(short)
            .is_some_and(|head| head.is_empty() || head.ends_with(' '))
}

/// Full names written in the text: runs of two or three capitalised words
/// ("Ana Ortiz"), with whether a title or role word precedes them
/// ("Mayor Ana Ortiz", "spokesman Li Pengyu"), which makes them people
/// pronouns may refer to, and the gender a title tells ("Mrs.").
fn named_people(cx: &Context) -> Vec<(String, Span, bool, Option<bool>)> {
    let mut out = Vec::new();
    let n = cx.tokens.len();
    let mut i = 0;
    while i < n {
        if !cx.is_cap(i) || cx.lex.is_not_name(cx.low(i)) || cx.lex.is_title(cx.low(i)) {
            i += 1;
            continue;
        }
        let mut e = i;
        // Middle initials stay inside the name: "Vladimir V. Putin".
        let initial_dot = |k: usize| {
            cx.is_punct(k, '.') && k > i && cx.low(k - 1).chars().count() == 1 && cx.is_cap(k + 1)
        };
        while e < n
            && ((cx.is_cap(e) && !cx.lex.is_not_name(cx.low(e))) || initial_dot(e))
            && cx.word_count(i, e) < 4
        {
            e += 1;
        }
        let len = cx.word_count(i, e);
        let name = cx.slice(i, e);
        if (2..=3).contains(&len) && !cx.lex.is_outlet(name) {
            let before = i.checked_sub(1).map_or("", |b| cx.low(b));
            let titled = cx.lex.is_title(before) || cx.lex.is_role(before);
            let female = cx.lex.is_female(before).filter(|_| !cx.lex.is_role(before));
            out.push((clean_name(cx, i, e), cx.span(i, e), titled, female));
        }
        i = e.max(i + 1);
    }
    out
}

/// Role nouns in the phrase or its apposition ("spokesman").
fn role_words(cx: &Context, p: &SpeakerPhrase) -> Vec<String> {
    let mut out = Vec::new();
    let ranges = [Some(p.range), p.role];
    for (s, e) in ranges.into_iter().flatten() {
        for i in s..e {
            let l = cx.low(i);
            if cx.lex.is_role(l) && !out.iter().any(|r: &String| r == l) {
                out.push(l.to_string());
            }
        }
    }
    out
}

/// The name in `[s, e)` without a possessive ending.
fn clean_name(cx: &Context, s: usize, e: usize) -> String {
    let raw = cx.slice(s, e);
    raw.trim_end_matches("’s")
        .trim_end_matches("'s")
        .trim_end_matches(['’', '\''])
        .to_string()
}

/// The phrase without a leading lower-case article.
fn strip_article(s: &str) -> &str {
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = s.strip_prefix(article) {
            return rest;
        }
    }
    s
}

/// Whether two name words are one edit apart ("li" / "liu"), both at least
/// two letters and sharing their first letter.
fn near_spelling(a: &str, b: &str) -> bool {
    if a == b || a.chars().count() < 2 || b.chars().count() < 2 {
        return false;
    }
    if a.chars().next() != b.chars().next() {
        return false;
    }
    edit_distance(a, b) == 1
}

/// Levenshtein distance between two short words.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_spelling_is_one_edit_same_initial() {
        assert!(near_spelling("li", "liu"));
        assert!(!near_spelling("li", "li"));
        assert!(!near_spelling("kerry", "berry"));
    }
}
