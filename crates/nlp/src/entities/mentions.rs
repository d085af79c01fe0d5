//! Mentions: the tagger's BIO spans turned into typed spans of the
//! contract (PERSON, ORG, GPE, LOC, NORP, MISC), plus the few names a
//! news reader needs that the tagger's training data labels differently
//! ("White House" is an ORG as an actor; "Chinese" is NORP).

use foldhash::HashSet;
use model::{EntityType, Span};
use std::collections::BTreeMap;

/// One named mention in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte span in the text.
    pub span: Span,
    /// Index of its first token.
    pub first: usize,
    /// One past the index of its last token.
    pub end: usize,
    /// Contract type.
    pub kind: EntityType,
}

/// The contract type of a tagger type, given the mention's text.
pub(crate) fn refine(tagger_type: &str, name: &str) -> EntityType {
    match tagger_type {
        "PER" | "PERSON" => EntityType::Person,
        "ORG" => EntityType::Org,
        "LOC" | "GPE" => {
            if gazetteer::country_by_name(name).is_some()
                || gazetteer::city(name).is_some()
                || gazetteer::region(name).is_some()
            {
                EntityType::Gpe
            } else if gazetteer::is_area_name(name)
                || name
                    .split_whitespace()
                    .any(|w| lexicon::cased_words().area_words.contains(&w))
            {
                EntityType::Loc
            } else {
                EntityType::Gpe
            }
        }
        _ => {
            if gazetteer::country_by_demonym(name).is_some() || looks_like_demonym(name) {
                EntityType::Norp
            } else {
                EntityType::Misc
            }
        }
    }
}

/// A single capitalised word with a nationality ending ("Ukrainian",
/// "Taiwanese", "Democrats").
fn looks_like_demonym(name: &str) -> bool {
    !name.contains(' ')
        && name.chars().next().is_some_and(char::is_uppercase)
        && ["ian", "ians", "ese", "ish", "i", "is", "an", "ans", "ic"]
            .iter()
            .any(|e| name.ends_with(e))
        && name.len() > 4
}

/// Whether a token is punctuation that cannot sit inside a name
/// ("New York Times , China" is two names).
pub(crate) fn breaks_names(word: &str) -> bool {
    !word.is_empty()
        && word.chars().all(|c| {
            matches!(
                c,
                ',' | ';'
                    | ':'
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | '"'
                    | '“'
                    | '”'
                    | '‘'
                    | '«'
                    | '»'
                    | '—'
                    | '–'
                    | '?'
                    | '!'
            )
        })
}

/// Mentions from per-token BIO labels (`labels[i]` = "B-PER", "O", …).
pub fn from_labels<L: AsRef<str>>(text: &str, tokens: &[Span], labels: &[L]) -> Vec<Mention> {
    from_labels_by(text, tokens, 0, |i| labels.get(i).map(AsRef::as_ref))
}

/// [`from_labels`] from the tagger's label ids (`ids[i]` names
/// `names[ids[i]]`, "O" past the table): a byte a token where the names
/// took 16.
pub fn from_label_ids(text: &str, tokens: &[Span], ids: &[u8], names: &[String]) -> Vec<Mention> {
    // A mention starts at a labelled token, so there are at most as many
    // mentions as such tokens: a long page's million mentions, grown by
    // doubling, were copied a megabyte at a time into fresh pages.
    let named: Vec<bool> = names.iter().map(|n| n.contains('-')).collect();
    let labelled = ids
        .iter()
        .filter(|&&l| named.get(usize::from(l)).copied().unwrap_or(false))
        .count();
    from_labels_by(text, tokens, labelled, |i| {
        ids.get(i)
            .map(|&l| names.get(usize::from(l)).map_or("O", String::as_str))
    })
}

/// [`from_labels`] with token `i`'s label read by `label(i)`, in a vector
/// with room for `capacity` mentions to begin with.
fn from_labels_by<'l>(
    text: &str,
    tokens: &[Span],
    capacity: usize,
    label: impl Fn(usize) -> Option<&'l str>,
) -> Vec<Mention> {
    let mut out = Vec::with_capacity(capacity);
    let mut i = 0;
    while i < tokens.len() {
        let Some((_, ty)) = label(i).and_then(|l| l.split_once('-')) else {
            i += 1;
            continue;
        };
        if breaks_names(tokens[i].slice(text)) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len()
            && !breaks_names(tokens[j].slice(text))
            && label(j)
                .and_then(|l| l.strip_prefix("I-"))
                .is_some_and(|t| t == ty)
        {
            j += 1;
        }
        let span = Span::new(tokens[i].start, tokens[j - 1].end);
        let kind = refine(ty, span.slice(text));
        out.push(Mention {
            span,
            first: i,
            end: j,
            kind,
        });
        i = j;
    }
    out
}

/// Adjusts and completes the tagger's mentions with news conventions:
/// institution seats are ORGs; "The" capitalised mid-sentence belongs to
/// an ORG's name ("The New York Times"); demonyms and country names the
/// tagger missed are added. `words` are the text of `tokens`; `mentions`
/// are as [`from_labels`] gives them: no two overlap.
pub fn complete(
    text: &str,
    tokens: &[Span],
    words: &[&str],
    sentence_starts: &[bool],
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut placed = Placed::new(mentions);
    // Seats and organs: find each occurrence by tokens and force ORG.
    let seats: Vec<Vec<&str>> = lexicon::seats()
        .entries()
        .iter()
        .map(|s| s.name)
        .chain(lexicon::cased_words().organs.iter().copied())
        .map(|seat| seat.split(' ').collect())
        .collect();
    // The tokens whose first byte starts some seat's first word, found in
    // one pass: each seat is then compared there only, not at every token.
    let mut first_bytes = [false; 256];
    for seat in &seats {
        if let Some(b) = seat.first().and_then(|w| w.bytes().next()) {
            first_bytes[usize::from(b)] = true;
        }
    }
    let starts: Vec<usize> = (0..words.len())
        .filter(|&i| {
            words[i]
                .bytes()
                .next()
                .is_some_and(|b| first_bytes[usize::from(b)])
        })
        .collect();
    for seat_words in &seats {
        let n = seat_words.len();
        for &i in &starts {
            if i + n > words.len() || words[i..i + n] != seat_words[..] {
                continue;
            }
            // Drop overlapping mentions, unless one covers the seat and more
            // ("White House press office" stays as tagged).
            let span = Span::new(tokens[i].start, tokens[i + n - 1].end);
            if placed
                .overlapping(span)
                .any(|m| m.span.contains(span) && m.span != span && m.kind == EntityType::Org)
            {
                continue;
            }
            placed.remove_overlapping(span);
            placed.insert(Mention {
                span,
                first: i,
                end: i + n,
                kind: EntityType::Org,
            });
        }
    }
    // News outlets the tagger left out ("quoted by CNN").
    let openers = Openers::get();
    for (i, w) in words.iter().enumerate() {
        if w.len() >= 2 && openers.outlet(w) && super::actors::outlet_actor(w).is_some() {
            placed.add_word(tokens, i, EntityType::Org);
        }
    }
    // A leading "The" the tagger included belongs only to ORG and MISC
    // names ("The New York Times"), not to places or people; a country's
    // name is a GPE whatever the tagger said ("The United States will").
    let mut mentions = placed.into_vec();
    for m in mentions.iter_mut() {
        let name = m.span.slice(text);
        if gazetteer::country_by_name(name.strip_prefix("The ").unwrap_or(name)).is_some() {
            m.kind = EntityType::Gpe;
        }
        if !matches!(m.kind, EntityType::Org | EntityType::Misc)
            && m.end - m.first > 1
            && matches!(words[m.first], "The" | "the")
        {
            m.first += 1;
            m.span.start = tokens[m.first].start;
        }
    }
    // Demonyms and country names the tagger left out.
    let mut placed = Placed::new(mentions);
    for (i, w) in words.iter().enumerate() {
        if !openers.country(w) {
            continue;
        }
        let kind = if gazetteer::country_by_demonym(w).is_some() && *w != "U.S." {
            EntityType::Norp
        } else if gazetteer::country_by_name(w).is_some()
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.len() > 2
        {
            // A country's name that ends a longer place's name the tagger
            // left out is that place ("New Jersey Gov." opening a
            // paragraph is not Jersey).
            if i > 0 && is_longer_place(words[i - 1], w) {
                placed.add_words(tokens, i - 1, i + 1, EntityType::Gpe);
                continue;
            }
            EntityType::Gpe
        } else {
            continue;
        };
        placed.add_word(tokens, i, kind);
    }
    // "The" as part of an organisation's name.
    let mut mentions = placed.into_vec();
    for m in mentions.iter_mut() {
        if m.kind == EntityType::Org
            && m.first > 0
            && words[m.first - 1] == "The"
            && !sentence_starts.get(m.first - 1).copied().unwrap_or(true)
        {
            m.first -= 1;
            m.span.start = tokens[m.first].start;
        }
    }
    mentions.sort_by_key(|m| m.span);
    mentions
}

/// The first bytes of the names [`complete`] looks up at every word: a
/// word opening with no such byte ("said", ".") is no country, demonym or
/// outlet, and is not hashed three times over.
struct Openers {
    /// First bytes of countries' names, aliases and demonyms (the forms
    /// `gazetteer::country_by_name` and `country_by_demonym` know).
    country: [bool; 256],
    /// First bytes of the outlets' names (`lexicon::outlets`).
    outlet: [bool; 256],
}

impl Openers {
    /// The tables, made once.
    fn get() -> &'static Openers {
        static TABLES: std::sync::OnceLock<Openers> = std::sync::OnceLock::new();
        TABLES.get_or_init(|| {
            let mut o = Openers {
                country: [false; 256],
                outlet: [false; 256],
            };
            let first = |name: &str| name.bytes().next().map(usize::from);
            for c in gazetteer::COUNTRIES {
                let forms = std::iter::once(&c.name).chain(c.aliases).chain(c.demonyms);
                for b in forms.filter_map(|f| first(f)) {
                    o.country[b] = true;
                }
            }
            for b in lexicon::outlets()
                .entries()
                .iter()
                .filter_map(|e| first(e.name))
            {
                o.outlet[b] = true;
            }
            o
        })
    }

    /// Whether `word` may be a country's name or demonym.
    fn country(&self, word: &str) -> bool {
        word.bytes()
            .next()
            .is_some_and(|b| self.country[usize::from(b)])
    }

    /// Whether `word` may be an outlet's name.
    fn outlet(&self, word: &str) -> bool {
        word.bytes()
            .next()
            .is_some_and(|b| self.outlet[usize::from(b)])
    }
}

/// Whether the capitalised word `before` and the country name `country`
/// together name another place: a US state, a region or a city ("New" +
/// "Jersey", "New" + "Mexico").
fn is_longer_place(before: &str, country: &str) -> bool {
    if !before.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let name = format!("{before} {country}");
    gazetteer::region(&name).is_some() || gazetteer::city(&name).is_some()
}

/// Mentions no two of which overlap, by where they start: the ones a span
/// overlaps are found by a search, not a scan of them all (a page naming
/// a country in every paragraph asked every mention about every name).
struct Placed(BTreeMap<usize, Mention>);

impl Placed {
    fn new(mentions: Vec<Mention>) -> Self {
        let placed = Placed(mentions.into_iter().map(|m| (m.span.start, m)).collect());
        debug_assert!(placed
            .0
            .values()
            .zip(placed.0.values().skip(1))
            .all(|(a, b)| a.span.end <= b.span.start));
        placed
    }

    /// The mentions that share a byte with `span`, last first. Apart and in
    /// order, they are those starting before its end and ending after its
    /// start: a run that ends with the last one starting before its end.
    fn overlapping(&self, span: Span) -> impl Iterator<Item = &Mention> {
        self.0
            .range(..span.end)
            .rev()
            .map(|(_, m)| m)
            .take_while(move |m| m.span.end > span.start)
    }

    fn remove_overlapping(&mut self, span: Span) {
        let starts: Vec<usize> = self.overlapping(span).map(|m| m.span.start).collect();
        for start in starts {
            self.0.remove(&start);
        }
    }

    /// Adds `m`, which overlaps none of them.
    fn insert(&mut self, m: Mention) {
        self.0.insert(m.span.start, m);
    }

    /// Adds token `i` as a one-word mention unless a mention overlaps it
    /// already (the tagger's own, or an earlier rule's).
    fn add_word(&mut self, tokens: &[Span], i: usize, kind: EntityType) {
        self.add_words(tokens, i, i + 1, kind);
    }

    /// Adds tokens `[first, end)` as a mention unless a mention overlaps
    /// them already.
    fn add_words(&mut self, tokens: &[Span], first: usize, end: usize, kind: EntityType) {
        let span = Span::new(tokens[first].start, tokens[end - 1].end);
        if self.overlapping(span).next().is_none() {
            self.insert(Mention {
                span,
                first,
                end,
                kind,
            });
        }
    }

    /// The mentions in text order.
    fn into_vec(self) -> Vec<Mention> {
        self.0.into_values().collect()
    }
}

/// Whether the words of a sentence are written in capitals (a sub-head:
/// "ARGENTINA CRUISES").
fn caps_line(words: &[&str]) -> bool {
    crate::ner::all_caps_sentence(words)
}

/// Names in lines written in capitals ("US FALLS", "ARGENTINA CRUISES")
/// keep only the words the document also writes capitalised inside a
/// sentence in ordinary case: capitals hide whether "FALLS" is a name, and
/// the rest of the page tells ("Argentina" is, "cruises" is not). A name
/// none of whose words is so written is dropped.
pub fn fold_caps_lines(
    text: &str,
    tokens: &[Span],
    ranges: &[(usize, usize)],
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let word = |i: usize| tokens[i].slice(text);
    // Most documents have no line in capitals, and then nothing changes:
    // the words written as names are gathered (each lower-cased into a
    // set) only for a document that has one.
    let mut words: Vec<&str> = Vec::new();
    let caps: Vec<bool> = ranges
        .iter()
        .map(|&(s, e)| {
            words.clear();
            words.extend((s..e).map(word));
            caps_line(&words)
        })
        .collect();
    if !caps.contains(&true) {
        return mentions;
    }
    let mut caps_sentence = vec![false; tokens.len()];
    let mut named: HashSet<String> = HashSet::default();
    for (&(s, e), &is_caps) in ranges.iter().zip(&caps) {
        if is_caps {
            caps_sentence[s..e].iter_mut().for_each(|c| *c = true);
            continue;
        }
        for i in s + 1..e {
            let w = word(i);
            if w.chars().next().is_some_and(char::is_uppercase) {
                named.insert(w.to_lowercase());
            }
        }
    }
    mentions
        .into_iter()
        .filter_map(|mut m| {
            if !caps_sentence.get(m.first).copied().unwrap_or(false) {
                return Some(m);
            }
            // The longest run of words written as names elsewhere.
            let (mut best, mut run) = ((0, 0), (m.first, m.first));
            for i in m.first..m.end {
                if named.contains(&word(i).to_lowercase()) {
                    run.1 = i + 1;
                    if run.1 - run.0 > best.1 - best.0 {
                        best = run;
                    }
                } else {
                    run = (i + 1, i + 1);
                }
            }
            if best.1 == best.0 {
                return None;
            }
            m.first = best.0;
            m.end = best.1;
            m.span = Span::new(tokens[best.0].start, tokens[best.1 - 1].end);
            Some(m)
        })
        .collect()
}

/// The title written right before a person's mention, outside the name:
/// "Dr." of "Dr. Ronny Jackson", "President" of "U.S. President Donald
/// Trump", "Deputy Director of Public Prosecution" before a name. The
/// title starts at the first title word of the stretch of capitalised
/// words (and "of", "for", "and") right before the name.
pub fn title_before(
    text: &str,
    tokens: &[Span],
    sentence_start: usize,
    first: usize,
) -> Option<Span> {
    let nw = lexicon::name_words();
    let word = |i: usize| tokens.get(i).map_or("", |t| t.slice(text));
    let before = first.checked_sub(1).filter(|&k| k >= sentence_start)?;
    if matches!(word(before), "of" | "for" | "and" | "&") {
        return None;
    }
    let mut start = None;
    let mut k = first;
    while k > sentence_start {
        k -= 1;
        let w = word(k);
        if nw.is_title(w) {
            start = Some(k);
        } else if !(w.chars().next().is_some_and(char::is_uppercase)
            || matches!(w, "of" | "for" | "and" | "&"))
        {
            break;
        }
    }
    let start = start?;
    Some(Span::new(tokens[start].start, tokens[before].end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placed_mentions_overlapping_a_span_are_those_a_scan_finds() {
        // Apart, in no order, some touching: 0..3, 3..5, 7..8, 10..14, 20..21.
        let spans = [(10, 14), (0, 3), (7, 8), (20, 21), (3, 5)];
        let mentions: Vec<Mention> = spans
            .iter()
            .map(|&(s, e)| Mention {
                span: Span::new(s, e),
                first: s,
                end: e,
                kind: EntityType::Gpe,
            })
            .collect();
        let placed = Placed::new(mentions.clone());
        for start in 0..23 {
            for end in start..23 {
                let span = Span::new(start, end);
                let mut found: Vec<Span> = placed.overlapping(span).map(|m| m.span).collect();
                found.sort();
                let mut scanned: Vec<Span> = mentions
                    .iter()
                    .filter(|m| m.span.overlaps(span))
                    .map(|m| m.span)
                    .collect();
                scanned.sort();
                assert_eq!(found, scanned, "{span:?}");
            }
        }
    }

    #[test]
    fn refines_conll_types() {
        assert_eq!(refine("LOC", "China"), EntityType::Gpe);
        assert_eq!(refine("LOC", "Rome"), EntityType::Gpe);
        assert_eq!(refine("LOC", "Yangtze River"), EntityType::Loc);
        assert_eq!(refine("MISC", "Chinese"), EntityType::Norp);
        assert_eq!(refine("MISC", "World Cup"), EntityType::Misc);
        assert_eq!(refine("PER", "Jake Sullivan"), EntityType::Person);
    }

    fn title_of(text: &str, name: &str) -> Option<String> {
        let tokens = crate::tokenize::tokens(text);
        let at = text.find(name).unwrap();
        let first = tokens.iter().position(|t| t.start == at).unwrap();
        title_before(text, &tokens, 0, first).map(|s| s.slice(text).to_string())
    }

    #[test]
    fn titles_before_a_name_are_read_outside_it() {
        assert_eq!(
            title_of("Dr. Mara Klint examined him.", "Mara").as_deref(),
            Some("Dr.")
        );
        assert_eq!(
            title_of("Then U.S. President Ola Brand spoke.", "Ola").as_deref(),
            Some("President")
        );
        assert_eq!(
            title_of("said Gen. Tomas Vell.", "Tomas").as_deref(),
            Some("Gen.")
        );
        assert_eq!(
            title_of(
                "said Deputy Director of Harbour Safety Eva-Marie Holm.",
                "Eva-Marie"
            )
            .as_deref(),
            Some("Deputy Director of Harbour Safety")
        );
        assert_eq!(title_of("Paris Hilton arrived.", "Hilton"), None);
        assert_eq!(
            title_of("a call from President of Lund Ana Berg", "Lund"),
            None
        );
        assert_eq!(title_of("Mara Klint arrived.", "Mara"), None);
    }

    #[test]
    fn names_in_capital_lines_keep_only_words_the_page_writes_as_names() {
        let text = "ARGENTINA CRUISES\nThe team from Argentina won easily. Fans cheered.";
        let tokens = crate::tokenize::tokens(text);
        let ranges = [
            (0, 2),
            (2, tokens.len() - 3),
            (tokens.len() - 3, tokens.len()),
        ];
        let m = Mention {
            span: Span::new(tokens[0].start, tokens[1].end),
            first: 0,
            end: 2,
            kind: EntityType::Gpe,
        };
        let got = fold_caps_lines(text, &tokens, &ranges, vec![m]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].span.slice(text), "ARGENTINA");
        let text = "MARKETS FALL\nShares fell on Monday.";
        let tokens = crate::tokenize::tokens(text);
        let ranges = [(0, 2), (2, tokens.len())];
        let m = Mention {
            span: Span::new(tokens[0].start, tokens[1].end),
            first: 0,
            end: 2,
            kind: EntityType::Gpe,
        };
        assert!(fold_caps_lines(text, &tokens, &ranges, vec![m]).is_empty());
    }

    #[test]
    fn a_page_without_capital_lines_keeps_every_name() {
        // "Markets" is written as a name nowhere else: in a capitals line
        // it would be dropped, in ordinary case it stays.
        let text = "Markets Fall in Lund\nShares fell on Monday in Lund.";
        let tokens = crate::tokenize::tokens(text);
        let ranges = [(0, 4), (4, tokens.len())];
        let mention = |first: usize, end: usize| Mention {
            span: Span::new(tokens[first].start, tokens[end - 1].end),
            first,
            end,
            kind: EntityType::Gpe,
        };
        let found = vec![mention(0, 1), mention(3, 4), mention(9, 10)];
        let got = fold_caps_lines(text, &tokens, &ranges, found.clone());
        assert_eq!(got, found);
        assert_eq!(got[0].span.slice(text), "Markets");
        assert_eq!(got[2].span.slice(text), "Lund");
    }
}
