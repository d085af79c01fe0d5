//! Rules on the shape of names, applied to the tagger's labels after
//! decoding (so `newsgraph tag` and the pipeline see the same names):
//!
//! - a title is not part of a person's name ("Dr. Ronny Jackson" →
//!   "Ronny Jackson"), and a title or generic head word alone ("Mr",
//!   "Authority", "Court") or a single letter ("E") is never a name;
//! - a name does not end in a lower-case word ("Polytechnic University in");
//! - given names and particles join the surname after them
//!   ("Eva-Marie" + "Persson", "Bill" + "de" + "Blasio"), as do untagged
//!   given names and initials before a person's name and census names
//!   after it ("George F." + "Hauser");
//! - one reading per document: a bare surname is a person's where the
//!   document names the person in full or with a title ("Trump" after
//!   "Donald Trump" or "Mr. Trump" is not a place);
//! - structure types names: a name ending in an organisation's head word
//!   ("Prosecution Authority", "Washington Post") or having one before
//!   "of" ("Ministry of Health") is an ORG, one shaped so with an event's
//!   head ("Music Awards", "Battle of X") is a MISC, a person's name ending
//!   in a street's head ("Collins Avenue") is a place, and an untagged
//!   capitalised run of such a shape is tagged; a unit's number joins its
//!   name ("65th Air Division");
//! - a capitalised "The" inside a sentence opens the name after it, and a
//!   one-word name opening a sentence is none when the document writes
//!   the word in lower case elsewhere ("Born in 1950").
//!
//! The word lists are `lexicon::name_words()`, read as each token's
//! `kinds` bits ([`lexicon::NameWords::kinds`] of its word as written,
//! which the tagger's word views hold already); given names are the
//! model's census bands.

use super::features::lower_key;
use super::lexicon::Lexicons;
use compact_str::CompactString;
use foldhash::{HashMap, HashSet};
use lexicon::NameWords;

/// [`NameWords::is_head`]'s lists: an organisation's or a place's head.
const HEAD: u8 = NameWords::ORG_HEAD | NameWords::PLACE_HEAD;
/// [`NameWords::is_org_head`]'s lists: an organisation's or a medium's head.
const ORG_HEAD: u8 = NameWords::ORG_HEAD | NameWords::MEDIA_HEAD;

/// A token's `kinds` value that says only a lookup of its word tells its
/// lists (a word whose lower-case key differs from it by more than the
/// case, [`super::features::WordView::name_kinds`]).
pub(crate) const ASK: u8 = 0x80;

// No list's bit is taken for the mark.
const _: () = assert!(
    ASK & (NameWords::TITLE
        | NameWords::ORG_HEAD
        | NameWords::MEDIA_HEAD
        | NameWords::PLACE_HEAD
        | NameWords::EVENT_HEAD
        | NameWords::PARTICLE)
        == 0
);

/// The lists ([`NameWords::kinds`]) of token `i` of `words`, whose
/// `kinds` hold them or [`ASK`].
fn kinds_at(words: &[&str], kinds: &[u8], i: usize) -> u8 {
    match kinds.get(i) {
        Some(&k) if k & ASK == 0 => k,
        _ => words.get(i).map_or(0, |w| lexicon::name_words().kinds(w)),
    }
}

/// Whether token `i` of `words` ([`kinds_at`]) is in any of the lists
/// `bits`.
fn is(words: &[&str], kinds: &[u8], i: usize, bits: u8) -> bool {
    kinds_at(words, kinds, i) & bits != 0
}

/// The label slots of the CoNLL types in a model, when it has them.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Slots {
    per: Option<u8>,
    org: Option<u8>,
    loc: Option<u8>,
    misc: Option<u8>,
}

impl Slots {
    /// The slots of `types` (the model's type names in label order).
    pub(crate) fn new(types: &[String]) -> Self {
        let at = |names: &[&str]| {
            types
                .iter()
                .position(|t| names.contains(&t.as_str()))
                .and_then(|k| u8::try_from(k).ok())
        };
        Slots {
            per: at(&["PER", "PERSON"]),
            org: at(&["ORG"]),
            loc: at(&["LOC", "GPE"]),
            misc: at(&["MISC"]),
        }
    }
}

/// One name in a sentence: tokens `[start, end)` of type slot `ty`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Name {
    start: usize,
    end: usize,
    ty: u8,
}

/// The names of a sentence's BIO label ids (B = 2k+1, I = 2k+2).
fn names_of(labels: &[u8]) -> Vec<Name> {
    let mut out = Vec::new();
    names_into(labels, &mut out);
    out
}

/// [`names_of`] into `out` (cleared first), whose memory a caller
/// reading sentence after sentence reuses.
fn names_into(labels: &[u8], out: &mut Vec<Name>) {
    out.clear();
    let mut i = 0;
    while i < labels.len() {
        let l = labels[i];
        if l == 0 {
            i += 1;
            continue;
        }
        let ty = (l - 1) / 2;
        let mut j = i + 1;
        while j < labels.len() && labels[j] == 2 * ty + 2 {
            j += 1;
        }
        out.push(Name {
            start: i,
            end: j,
            ty,
        });
        i = j;
    }
}

/// Writes `names` over `labels` (everything else outside).
fn write(labels: &mut [u8], names: &[Name]) {
    labels.iter_mut().for_each(|l| *l = 0);
    for n in names {
        if n.start >= n.end || n.end > labels.len() {
            continue;
        }
        labels[n.start] = 2 * n.ty + 1;
        for l in &mut labels[n.start + 1..n.end] {
            *l = 2 * n.ty + 2;
        }
    }
}

/// `w.to_lowercase()`, without an allocation for a short ASCII word (the
/// name rules lower-case a sentence's opening name, which most sentences
/// of a long document have).
fn lowercased(w: &str) -> CompactString {
    if w.is_ascii() {
        let mut lower = CompactString::new(w);
        lower.as_mut_str().make_ascii_lowercase();
        lower
    } else {
        CompactString::from(w.to_lowercase())
    }
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A lower-case word ("in", "of", "the"): never the last word of a name.
/// A particle joined to a capitalised name is not one ("al-Boushi").
fn lower_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
        && !w.split_once('-').is_some_and(|(_, rest)| capitalised(rest))
}

/// An initial ("F.", "J.").
fn initial(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.next() == Some('.') && c.next().is_none()
}

/// A number or an ordinal written in figures ("3", "65th", "102d").
fn ordinal(w: &str) -> bool {
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "" | "st" | "nd" | "rd" | "th" | "d")
}

/// Whether a word has a letter or digit ("&" and "-" have none).
fn has_alphanumeric(w: &str) -> bool {
    w.chars().any(char::is_alphanumeric)
}

/// A single letter, with or without a period ("E", "J.").
fn single_letter(w: &str) -> bool {
    let mut c = w.strip_suffix('.').unwrap_or(w).chars();
    c.next().is_some_and(char::is_alphabetic) && c.next().is_none()
}

/// Whether `w` reads as a given name: a census given name, or a hyphenated
/// word of capitalised parts one of which is ("Eva-Marie", "Jean-Luc").
fn given_name(w: &str, lex: &Lexicons) -> bool {
    if !capitalised(w) {
        return false;
    }
    if w.contains('-') {
        let parts: Vec<&str> = w.split('-').collect();
        return parts.len() >= 2
            && parts.iter().all(|p| capitalised(p))
            && parts
                .iter()
                .any(|p| lex.person_name(&lower_key(p)).first > 0);
    }
    lex.person_name(&lower_key(w)).first > 0
}

/// The sentence-level rules: titles out of person names, no name ending
/// in a lower-case word, given names and particles joined to the surname.
/// `kinds` are the words' lists ([`NameWords::kinds`]).
fn fix_sentence(words: &[&str], kinds: &[u8], labels: &mut [u8], slots: Slots, lex: &Lexicons) {
    let Some(per) = slots.per else { return };
    let mut names = names_of(labels);
    for n in &mut names {
        if n.ty == per {
            while n.end - n.start > 1
                && is(words, kinds, n.start, NameWords::TITLE)
                && capitalised(words[n.start + 1])
                && !is(words, kinds, n.start + 1, NameWords::PARTICLE)
            {
                n.start += 1;
            }
        }
        // "The" opens a name and never ends one ("Toulouse Street and
        // The" is a title followed by the start of another).
        while n.end - n.start > 1
            && (lower_word(words[n.end - 1])
                || !has_alphanumeric(words[n.end - 1])
                || words[n.end - 1] == "The")
        {
            n.end -= 1;
        }
        while n.end - n.start > 1
            && lower_word(words[n.start])
            && !is(words, kinds, n.start, NameWords::PARTICLE)
        {
            n.start += 1;
        }
    }
    // Given names and particles before a surname.
    let mut out: Vec<Name> = Vec::with_capacity(names.len());
    let mut k = 0;
    while k < names.len() {
        let mut n = names[k];
        k += 1;
        loop {
            // Particles after the name, then a capitalised word.
            let mut j = n.end;
            while j < words.len()
                && is(words, kinds, j, NameWords::PARTICLE)
                && lower_word(words[j])
            {
                j += 1;
            }
            let joins_after_particles = j > n.end
                && n.ty == per
                && j < words.len()
                && capitalised(words[j])
                && !is(words, kinds, j, NameWords::TITLE);
            let next = names.get(k).copied();
            if joins_after_particles {
                let end = match next {
                    Some(m) if m.start == j && m.ty == per => {
                        k += 1;
                        m.end
                    }
                    Some(m) if m.start <= j => break,
                    _ if labels.get(j) == Some(&0) => j + 1,
                    _ => break,
                };
                n.end = end;
                continue;
            }
            match next {
                Some(m)
                    if m.start == n.end
                        && m.ty == per
                        && n.end - n.start == 1
                        && m.end - m.start == 1
                        && Some(n.ty) != slots.misc
                        && given_name(words[n.start], lex)
                        && gazetteer::country_by_demonym(words[n.start]).is_none()
                        && gazetteer::city(words[n.start]).is_none()
                        && !is(words, kinds, n.start, NameWords::TITLE) =>
                {
                    n = Name {
                        start: n.start,
                        end: m.end,
                        ty: per,
                    };
                    k += 1;
                }
                _ => break,
            }
        }
        out.push(n);
    }
    // Untagged given names and initials before a person's name, and
    // census names after it, are part of it ("George F. Hauser").
    let taken = |out: &[Name], k: usize| out.iter().any(|m| m.start <= k && k < m.end);
    for i in 0..out.len() {
        if out[i].ty != per {
            continue;
        }
        while let Some(k) = out[i].start.checked_sub(1) {
            let w = words[k];
            if taken(&out, k)
                || is(words, kinds, k, NameWords::TITLE)
                || !(given_name(w, lex) || initial(w))
            {
                break;
            }
            out[i].start = k;
        }
        loop {
            let k = out[i].end;
            let Some(w) = words.get(k) else { break };
            // The census lookup last: most words fail the tests before it.
            if taken(&out, k)
                || !capitalised(w)
                || is(words, kinds, k, NameWords::TITLE | HEAD)
                || {
                    let person = lex.person_name(&lower_key(w));
                    person.first == 0 && person.last == 0
                }
            {
                break;
            }
            out[i].end = k + 1;
        }
    }
    // A capitalised "The" inside a sentence opens the name after it ("a
    // song by The Kill"; "The Hague").
    for n in &mut out {
        if n.start >= 2 && words[n.start - 1] == "The" && Some(n.ty) != slots.per {
            let before = words[n.start - 2];
            if !matches!(before, "." | ":" | "\"" | "“" | "(" | "-" | "--" | "—") {
                n.start -= 1;
            }
        }
    }
    write(labels, &out);
}

/// A maximal run of capitalised words joined by "of" or "for"
/// ("Swedish Prosecution Authority", "Ministry of Health"), `[start, end)`.
fn capitalised_runs(words: &[&str]) -> Vec<(usize, usize)> {
    // "and" and "&" are left out: they join two names as often as they
    // make one ("Dallas Morning News and Houston Post").
    let joins = |w: &str| matches!(w, "of" | "for");
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !run_word(words[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < words.len() && run_word(words[end]) {
                end += 1;
            } else if end + 1 < words.len()
                && (joins(words[end]) || plural_possessive(words[end - 1], words[end]))
                && run_word(words[end + 1])
            {
                end += 2;
            } else {
                break;
            }
        }
        out.push((start, end));
        i = end;
    }
    out
}

/// Whether `mark` after `word` is a plural possessive's apostrophe inside a
/// name ("Westminster Magistrates ' Court", "Veterans ' Affairs").
fn plural_possessive(word: &str, mark: &str) -> bool {
    matches!(mark, "'" | "’") && word.ends_with(['s', 'S']) && word.chars().count() > 2
}

/// A word that may be part of a capitalised run: capitalised, no digits
/// ("W224" in a table is no name's word).
fn run_word(w: &str) -> bool {
    capitalised(w) && !w.chars().any(|c| c.is_ascii_digit())
}

/// Whether a word of the name whose lists (`kinds`) `is_head` accepts
/// stands right before an "of" inside it ("New Jersey Department of
/// Health").
fn head_before_of(words: &[&str], kinds: &[u8], is_head: impl Fn(u8) -> bool) -> bool {
    words
        .windows(2)
        .enumerate()
        .any(|(k, w)| w[1] == "of" && k + 2 < words.len() && is_head(kinds_at(words, kinds, k)))
}

/// Whether a name of these words (their lists `kinds`) is a place's by its
/// structure: it ends in a place's head word ("Hay Street", "Seminole
/// County").
fn place_shaped(words: &[&str], kinds: &[u8]) -> bool {
    words.len() >= 2 && is(words, kinds, words.len() - 1, NameWords::PLACE_HEAD)
}

/// Whether a name of these words (their lists `kinds`) is an
/// organisation's by its structure: it ends in an organisation's head
/// word ("Prosecution Authority", "Washington Post") or has one before
/// "of" ("Ministry of Health").
fn org_shaped(words: &[&str], kinds: &[u8]) -> bool {
    (words.len() >= 2 && is(words, kinds, words.len() - 1, ORG_HEAD))
        || head_before_of(words, kinds, |k| {
            k & ORG_HEAD != 0 && k & NameWords::PLACE_HEAD == 0
        })
}

/// Whether a name of these words (their lists `kinds`) is an event's or
/// a prize's by its structure: it ends in an event's head word ("Davis
/// Cup", "Music Awards") or has one before "of" ("Second Battle of
/// Antietam").
fn event_shaped(words: &[&str], kinds: &[u8]) -> bool {
    (words.len() >= 2 && is(words, kinds, words.len() - 1, NameWords::EVENT_HEAD))
        || head_before_of(words, kinds, |k| k & NameWords::EVENT_HEAD != 0)
}

/// Where the head noun is of what the sentence says a name ending before
/// token `end` is: ", a|an|the …" or "is|was|are|were a|an|the …", then up
/// to four lower-case words ("Vidora , a video news agency" → "agency").
fn described_head(words: &[&str], end: usize) -> Option<usize> {
    let linked = matches!(
        words.get(end).copied(),
        Some("," | "is" | "was" | "are" | "were")
    );
    let det = matches!(words.get(end + 1).copied(), Some("a" | "an" | "the"));
    if !(linked && det) {
        return None;
    }
    let described = words.get(end + 2..)?;
    // Words after the head that end the description ("a village in …").
    let closes = |w: &str| {
        matches!(
            w,
            "in" | "of"
                | "that"
                | "which"
                | "who"
                | "based"
                | "and"
                | "with"
                | "for"
                | "from"
                | "on"
                | "at"
        )
    };
    let n = described
        .iter()
        .take(4)
        .take_while(|w| !closes(w) && w.chars().all(|c| c.is_lowercase() || c == '-'))
        .count();
    // A following lower-case word means the head was not reached ("a news
    // agency spokesman"), and so does a possessive ("the bank 's chief").
    let stops = described.get(n).is_none_or(|w| {
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        let possessive = w.starts_with(['\'', '’']);
        (!lower && !possessive) || closes(w)
    });
    (n > 0 && stops).then(|| end + 1 + n)
}

/// Whether the words name a country ("Soviet Union", "United Kingdom").
fn is_country(words: &[&str]) -> bool {
    gazetteer::country_by_name(&words.join(" ")).is_some()
}

/// Applies every rule to a document's labels; `caps` says which sentences
/// are written in capitals ([`super::features::all_caps_sentence`]), and
/// `kinds` holds every token's [`NameWords::kinds`] (of its word as
/// written), sentence after sentence.
pub(crate) fn fix_document(
    tags: &mut [Vec<u8>],
    sentences: &[Vec<&str>],
    caps: &[bool],
    kinds: &[u8],
    types: &[String],
    lex: &Lexicons,
) {
    let slots = Slots::new(types);
    let (Some(per), Some(org)) = (slots.per, slots.org) else {
        return;
    };
    // Each sentence's tokens' lists.
    let mut at = 0;
    let sentence_kinds: Vec<&[u8]> = sentences
        .iter()
        .map(|words| {
            let from = at;
            at += words.len();
            kinds.get(from..at).unwrap_or_default()
        })
        .collect();
    for ((labels, words), kinds) in tags.iter_mut().zip(sentences).zip(&sentence_kinds) {
        fix_sentence(words, kinds, labels, slots, lex);
    }
    // Person evidence: surnames of full names the document gives, and
    // words written after a title ("Mr. Trump", "President Trump").
    let mut surnames: HashSet<&str> = HashSet::default();
    let mut titled: HashSet<&str> = HashSet::default();
    // Words of the document's full person names, and words written right
    // after "in" or "near".
    let mut in_full_names: HashSet<&str> = HashSet::default();
    let mut placed: HashSet<&str> = HashSet::default();
    // What the document says a name is: "Vidora, a video news agency" makes
    // every "Vidora" of the document an organisation.
    let mut described: HashMap<String, u8> = HashMap::default();
    // One-word names opening a sentence, lower-cased: the last pass asks
    // whether the document writes each in lower case elsewhere.
    let mut openers: HashSet<CompactString> = HashSet::default();
    // A sentence's names, one buffer for every sentence.
    let mut names: Vec<Name> = Vec::new();
    for (((labels, words), caps), &kinds) in
        tags.iter().zip(sentences).zip(caps).zip(&sentence_kinds)
    {
        if *caps {
            continue;
        }
        names_into(labels, &mut names);
        for n in &names {
            if n.ty == per && n.end - n.start >= 2 {
                surnames.insert(words[n.end - 1]);
                in_full_names.extend(&words[n.start..n.end]);
            }
            if n.start == 0 && n.end == 1 {
                openers.insert(lowercased(words[0]));
            }
            let head = described_head(words, n.end).map(|h| kinds_at(words, kinds, h));
            let place = |k: u8| k & NameWords::PLACE_HEAD != 0;
            let ty = match head {
                Some(h) if h & ORG_HEAD != 0 && !place(h) => org,
                Some(h) if place(h) && h & ORG_HEAD == 0 => match slots.loc {
                    Some(loc) => loc,
                    None => continue,
                },
                _ => continue,
            };
            described
                .entry(words[n.start..n.end].join(" "))
                .or_insert(ty);
        }
        for i in 1..words.len() {
            // "in Harrison", "near Divar": where one lives or goes, not who.
            if matches!(words[i - 1], "in" | "near")
                && capitalised(words[i])
                && !words.get(i + 1).is_some_and(|w| matches!(*w, "'s" | "’s"))
            {
                placed.insert(words[i]);
            }
            // The title lookup last: most words are not capitalised.
            if capitalised(words[i - 1])
                && capitalised(words[i])
                && is(words, kinds, i - 1, NameWords::TITLE)
            {
                let mut j = i;
                while j + 1 < words.len()
                    && capitalised(words[j + 1])
                    && !is(words, kinds, j, NameWords::TITLE)
                {
                    j += 1;
                }
                if !is(words, kinds, j, NameWords::TITLE | HEAD) {
                    titled.insert(words[j]);
                }
            }
        }
    }
    // The openers' lower-case spellings inside a sentence: capitalised only
    // by the sentence start, they are ordinary words ("Born in 1950",
    // "Redesignated on ..."). Only a word as long as an opener can be one.
    let mut lower: HashSet<&str> = HashSet::default();
    if !openers.is_empty() {
        let lengths = openers
            .iter()
            .fold(0u64, |mask, o| mask | 1 << o.len().min(63));
        for words in sentences {
            for w in words.iter().skip(1) {
                if (lengths >> w.len().min(63)) & 1 == 1 && openers.contains(*w) && lower_word(w) {
                    lower.insert(w);
                }
            }
        }
    }
    for (((labels, words), &caps), &kinds) in tags
        .iter_mut()
        .zip(sentences)
        .zip(caps)
        .zip(&sentence_kinds)
    {
        names_into(labels, &mut names);
        for n in &mut names {
            let name = &words[n.start..n.end];
            let name_kinds = kinds.get(n.start..n.end).unwrap_or_default();
            if !described.is_empty() {
                if let Some(ty) = described.get(&name.join(" ")) {
                    n.ty = *ty;
                }
            }
            // A one-word "person" the document never names in full nor
            // with a title, but writes after "in" or "near", is a place
            // ("the extension to Harrison … trains left Harrison … in
            // Harrison").
            if let Some(loc) = slots.loc {
                let w = name[0];
                if n.end - n.start == 1
                    && n.ty == per
                    && placed.contains(w)
                    && !in_full_names.contains(w)
                    && !titled.contains(w)
                {
                    n.ty = loc;
                }
            }
            if n.end - n.start == 1 && n.ty != per {
                let w = name[0];
                if (surnames.contains(w) || titled.contains(w))
                    && !is(words, kinds, n.start, NameWords::TITLE | HEAD)
                    && gazetteer::country_by_name(w).is_none()
                    && gazetteer::city(w).is_none()
                {
                    n.ty = per;
                }
            }
            // A person's name may end in a head word that is a surname
            // ("Ann Court"), not in one that is none ("Touma Institute").
            let person_ok = n.ty != per
                || name
                    .last()
                    .is_some_and(|w| lex.person_name(&lower_key(w)).last == 0);
            // "Times" alone is a newspaper, never a person or a place.
            let media = name.len() == 1 && is(words, kinds, n.start, NameWords::MEDIA_HEAD);
            if !caps
                && n.ty != org
                && person_ok
                && (org_shaped(name, name_kinds) || media)
                && !is_country(name)
            {
                n.ty = org;
            }
            if let Some(misc) = slots.misc {
                if !caps && n.ty != per && event_shaped(name, name_kinds) {
                    n.ty = misc;
                }
            }
            // "Collins Avenue" is a street, whoever Collins was.
            if let Some(loc) = slots.loc {
                if !caps && n.ty == per && person_ok && place_shaped(name, name_kinds) {
                    n.ty = loc;
                }
            }
        }
        names.retain(|n| {
            let w = words[n.start];
            let ordinary_opener = n.start == 0
                && n.end == 1
                && !caps
                && !lower.is_empty()
                && lower.contains(lowercased(w).as_str());
            !ordinary_opener
                && words[n.start..n.end].iter().any(|w| has_alphanumeric(w))
                && (n.end - n.start > 1
                    || !(single_letter(w)
                        || (is(words, kinds, n.start, NameWords::TITLE | HEAD)
                            && !surnames.contains(w))))
        });
        // Untagged (or partly tagged) runs shaped as organisations or events.
        if !caps {
            for (mut s, e) in capitalised_runs(words) {
                let tagged = |k: usize| names.iter().any(|n| n.start <= k && k < n.end);
                // A sentence's first word is capitalised whatever it is.
                if s == 0 && !tagged(0) {
                    s += 1;
                }
                while s < e
                    && (is(words, kinds, s, NameWords::TITLE)
                        || words[s] == "The"
                        || words[s] == "of")
                {
                    s += 1;
                }
                if e - s < 2 || is_country(&words[s..e]) {
                    continue;
                }
                let inside = |n: &Name| n.start < e && s < n.end;
                let crossing = names
                    .iter()
                    .any(|n| inside(n) && (n.start < s || n.end > e || n.ty == per));
                let already = names.iter().any(|n| n.start == s && n.end == e);
                if crossing || already {
                    continue;
                }
                // The run's head is an organisation's: a head word, or an
                // organisation the tagger found at the run's end with only
                // places and nationalities before it ("German Air Force").
                let last_org = names
                    .iter()
                    .find(|n| n.ty == org && n.end == e && n.end - n.start >= 2);
                let ends_in_org = last_org.is_some_and(|o| {
                    names
                        .iter()
                        .filter(|n| inside(n) && n.start < o.start)
                        .all(|n| n.ty != org)
                        && (s..o.start).all(|k| {
                            names
                                .iter()
                                .any(|n| n.start <= k && k < n.end && n.ty != org)
                        })
                });
                let untagged = !names.iter().any(inside);
                let run_kinds = kinds.get(s..e).unwrap_or_default();
                let ty = match (slots.misc, slots.loc) {
                    (Some(misc), _) if event_shaped(&words[s..e], run_kinds) => misc,
                    _ if org_shaped(&words[s..e], run_kinds) || ends_in_org => org,
                    (_, Some(loc)) if untagged && place_shaped(&words[s..e], run_kinds) => loc,
                    _ => continue,
                };
                names.retain(|n| !inside(n));
                names.push(Name {
                    start: s,
                    end: e,
                    ty,
                });
            }
            names.sort_by_key(|n| n.start);
            // A unit's number belongs to its name ("65th Air Division").
            for k in 0..names.len() {
                let n = names[k];
                let free = n.start > 0 && (k == 0 || names[k - 1].end < n.start);
                if free
                    && n.ty == org
                    && ordinal(words[n.start - 1])
                    && org_shaped(
                        &words[n.start..n.end],
                        kinds.get(n.start..n.end).unwrap_or_default(),
                    )
                {
                    names[k].start -= 1;
                }
            }
        }
        write(labels, &names);
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::all_caps_sentence;
    use super::*;

    const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
    const PER: u8 = 0;
    const ORG: u8 = 1;
    const LOC: u8 = 2;

    fn types() -> Vec<String> {
        TYPES.iter().map(|t| (*t).to_string()).collect()
    }

    fn lex() -> Lexicons {
        let names = crate::ner::parse_person_names(
            "first\teva\t40\nfirst\tmarie\t20\nfirst\tbill\t10\nfirst\tdonald\t5\nlast\tcourt\t3000\n",
        );
        Lexicons::new(Default::default(), Default::default(), names)
    }

    /// Labels from `(start, end, type)` names over `n` tokens.
    fn labels(n: usize, names: &[(usize, usize, u8)]) -> Vec<u8> {
        let mut l = vec![0; n];
        let names: Vec<Name> = names
            .iter()
            .map(|&(start, end, ty)| Name { start, end, ty })
            .collect();
        write(&mut l, &names);
        l
    }

    /// Runs the rules on a document of sentences, each written with its
    /// tagger names, and returns the names (as text, type) per sentence.
    /// A sentence with its tagger names as `(start, end, type)`.
    type Tagged<'a> = (&'a str, &'a [(usize, usize, u8)]);

    fn run(doc: &[Tagged<'_>]) -> Vec<Vec<(String, u8)>> {
        let sentences: Vec<Vec<&str>> = doc.iter().map(|(s, _)| s.split(' ').collect()).collect();
        let mut tags: Vec<Vec<u8>> = doc
            .iter()
            .zip(&sentences)
            .map(|((_, names), words)| labels(words.len(), names))
            .collect();
        let caps: Vec<bool> = sentences.iter().map(|w| all_caps_sentence(w)).collect();
        let nw = lexicon::name_words();
        let kinds: Vec<u8> = sentences.iter().flatten().map(|w| nw.kinds(w)).collect();
        fix_document(&mut tags, &sentences, &caps, &kinds, &types(), &lex());
        tags.iter()
            .zip(&sentences)
            .map(|(l, words)| {
                names_of(l)
                    .iter()
                    .map(|n| (words[n.start..n.end].join(" "), n.ty))
                    .collect()
            })
            .collect()
    }

    fn one(text: &str, names: &[(usize, usize, u8)]) -> Vec<(String, u8)> {
        run(&[(text, names)]).remove(0)
    }

    fn n(s: &str, ty: u8) -> (String, u8) {
        (s.to_string(), ty)
    }

    #[test]
    fn a_description_names_its_head_noun_only_when_it_ends_there() {
        fn head(s: &'static str) -> Option<&'static str> {
            let w: Vec<&str> = s.split(' ').collect();
            described_head(&w, 1).map(|h| w[h])
        }
        assert_eq!(head("Vidora , a video news agency , said"), Some("agency"));
        assert_eq!(head("Holm is a village in Norway"), Some("village"));
        // The agency's spokesman does not make Vidora an agency.
        assert_ne!(
            head("Vidora , a news agency spokesman , said"),
            Some("agency")
        );
        assert_eq!(head("Vidora said a news agency ,"), None);
        assert_eq!(head("Vidora , an"), None);
        assert_eq!(head("Lind , the bank 's chief , said"), None);
    }

    #[test]
    fn names_do_not_end_in_an_article() {
        let out = one(
            "albums Toulouse Street and The Marauders",
            &[(1, 5, MISC), (5, 6, ORG)],
        );
        assert_eq!(out, [n("Toulouse Street", MISC), n("The Marauders", ORG)]);
    }

    #[test]
    fn a_lone_person_word_written_after_in_is_a_place_throughout() {
        let doc = [
            ("Trains left Brannock at dawn .", &[(2, 3, PER)][..]),
            ("The depot in Brannock burned .", &[(3, 4, PER)][..]),
        ];
        let out = run(&doc);
        assert_eq!(out[0], [n("Brannock", LOC)]);
        assert_eq!(out[1], [n("Brannock", LOC)]);
        // Not when the document names the person in full, nor a possessive.
        let doc = [
            ("Ola Brannock spoke .", &[(0, 2, PER)][..]),
            ("Faith in Brannock fell .", &[(2, 3, PER)][..]),
        ];
        assert_eq!(run(&doc)[1], [n("Brannock", PER)]);
        let out = one("Faith in Brannock 's plan fell .", &[(2, 3, PER)]);
        assert_eq!(out, [n("Brannock", PER)]);
    }

    #[test]
    fn a_description_types_every_mention_of_the_name() {
        let doc = [
            (
                "Vidora , a video news agency , filmed it .",
                &[(0, 1, LOC)][..],
            ),
            ("Vidora said so .", &[(0, 1, PER)][..]),
        ];
        let out = run(&doc);
        assert_eq!(out[0], [n("Vidora", ORG)]);
        assert_eq!(out[1], [n("Vidora", ORG)]);
    }

    #[test]
    fn titles_stay_outside_person_names() {
        assert_eq!(
            one("Dr. Mara Klint examined the patient .", &[(0, 3, PER)]),
            [n("Mara Klint", PER)]
        );
        assert_eq!(
            one("said Gen. Tomas Vell on Monday", &[(1, 4, PER)]),
            [n("Tomas Vell", PER)]
        );
    }

    #[test]
    fn a_lone_title_or_head_word_or_letter_is_no_name() {
        assert_eq!(one("Mr said he would leave", &[(0, 1, PER)]), []);
        assert_eq!(one("the Authority said no", &[(1, 2, PER)]), []);
        assert_eq!(one("The Court ruled", &[(1, 2, LOC)]), []);
        assert_eq!(one("grade E was given", &[(1, 2, ORG)]), []);
    }

    #[test]
    fn a_surname_that_is_also_a_title_word_stays_a_name() {
        let doc = run(&[
            ("Sara King wrote it", &[(0, 2, PER)]),
            ("King said so", &[(0, 1, PER)]),
        ]);
        assert_eq!(doc[1], [n("King", PER)]);
    }

    #[test]
    fn names_do_not_end_in_a_preposition() {
        assert_eq!(
            one(
                "at the Northfield Polytechnic University in Lund",
                &[(2, 6, ORG), (6, 7, LOC)]
            ),
            [n("Northfield Polytechnic University", ORG), n("Lund", LOC)]
        );
    }

    #[test]
    fn hyphenated_given_names_join_the_surname() {
        // "Deputy Director of Public Prosecution Eva-Marie Persson"
        let got = one(
            "said Chief Inspector of Harbour Safety Eva-Marie Holmqvist today",
            &[(6, 7, ORG), (7, 8, PER)],
        );
        assert!(got.contains(&n("Eva-Marie Holmqvist", PER)), "{got:?}");
    }

    #[test]
    fn particles_join_the_parts_of_a_name() {
        assert_eq!(
            one("Mayor Bill de Vasco spoke", &[(1, 2, PER), (3, 4, PER)]),
            [n("Bill de Vasco", PER)]
        );
        assert_eq!(
            one("Ahmed bin Rashid arrived", &[(0, 1, PER)]),
            [n("Ahmed bin Rashid", PER)]
        );
    }

    #[test]
    fn a_surname_is_a_person_throughout_the_document() {
        let doc = run(&[
            ("President Donald Halvorsen is ill", &[(1, 3, PER)]),
            ("Halvorsen will rest", &[(0, 1, LOC)]),
            ("doctors for Mr. Quill agree", &[(3, 4, PER)]),
            ("Quill left", &[(0, 1, LOC)]),
        ]);
        assert_eq!(doc[0], [n("Donald Halvorsen", PER)]);
        assert_eq!(doc[1], [n("Halvorsen", PER)]);
        assert_eq!(doc[3], [n("Quill", PER)]);
    }

    #[test]
    fn a_country_name_is_not_made_a_person() {
        let doc = run(&[
            ("Sam Jordan spoke", &[(0, 2, PER)]),
            ("in Jordan today", &[(1, 2, LOC)]),
        ]);
        assert_eq!(doc[1], [n("Jordan", LOC)]);
    }

    #[test]
    fn names_shaped_as_organisations_are_orgs() {
        assert_eq!(
            one("The Halden Post 's Fact Checker said", &[(1, 3, LOC)]),
            [n("Halden Post", ORG)]
        );
        assert_eq!(
            one("a ruling by the Norland Prosecution Authority on", &[]),
            [n("Norland Prosecution Authority", ORG)]
        );
        assert_eq!(
            one(
                "officials at the Ministry of Fisheries said",
                &[(5, 6, LOC)]
            ),
            [n("Ministry of Fisheries", ORG)]
        );
        // A person's name ending in a head word that is a surname stays a
        // person's; one ending in a head word that is none is not.
        assert_eq!(one("Ann Court won", &[(0, 2, PER)]), [n("Ann Court", PER)]);
        assert_eq!(
            one("at the Emil Varga Institute today", &[(2, 5, PER)]),
            [n("Emil Varga Institute", ORG)]
        );
    }

    const MISC: u8 = 3;

    #[test]
    fn events_and_prizes_are_misc_by_their_structure() {
        assert_eq!(
            one("she won the Harbour Music Awards twice", &[(3, 6, ORG)]),
            [n("Harbour Music Awards", MISC)]
        );
        assert_eq!(
            one(
                "he fought at the Second Battle of Velm Ridge",
                &[(7, 9, LOC)]
            ),
            [n("Second Battle of Velm Ridge", MISC)]
        );
    }

    #[test]
    fn streets_are_places_and_units_keep_their_numbers() {
        assert_eq!(
            one("a shop on Varga Avenue closed", &[(3, 5, PER)]),
            [n("Varga Avenue", LOC)]
        );
        assert_eq!(
            one("they moved to Tolbert Street later", &[]),
            [n("Tolbert Street", LOC)]
        );
        assert_eq!(
            one("the 65th Air Division moved", &[(2, 4, ORG)]),
            [n("65th Air Division", ORG)]
        );
    }

    #[test]
    fn an_ordinary_word_opening_a_sentence_is_no_name() {
        let doc = run(&[
            ("Redeployed in 1950 , it grew", &[(0, 1, ORG)]),
            ("it was later redeployed", &[]),
        ]);
        assert_eq!(doc[0], []);
    }

    #[test]
    fn given_names_and_initials_before_a_person_join_the_name() {
        assert_eq!(
            one("a local man , Donald F. Rask , said", &[(5, 7, PER)]),
            [n("Donald F. Rask", PER)]
        );
        assert_eq!(
            one("read The Times on Sunday", &[(2, 3, PER)]),
            [n("Times", ORG)]
        );
    }
}
