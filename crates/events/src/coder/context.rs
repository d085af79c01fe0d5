//! Actors in context: a role word with no country of its own ("police",
//! "the ministry", "protesters", "its foreign ministry") takes its country
//! from, in order, the phrase's possessive pronoun ("its" → the last
//! subject), the sentence (a place it happens in: "in Tehran"), an earlier
//! mention of the same role with a country ("Hong Kong police" … "police"),
//! the dateline ("KABUL, Afghanistan —"), after "his"/"her" the last person
//! subject ("her administration") and the article's main country.
//! It stays `---` only when none of these exists.

use crate::phrases::Phrase;
use crate::tokens::Token;
use gazetteer::{Gazetteer, Place};
use model::{Analysis, Span};

/// What the whole document says about where it happens.
#[derive(Debug, Default, Clone)]
pub(super) struct DocCountries {
    /// The dateline's country ("MOSCOW —" → RUS).
    pub dateline: Option<String>,
    /// The country the article's actors belong to most often.
    pub main: Option<String>,
    /// The next most frequent one.
    pub runner_up: Option<String>,
    /// Names the entity stage read as a US state although they also name
    /// a country ("Georgia" in an article naming Ohio and Texas).
    pub us_states: Vec<String>,
}

impl DocCountries {
    /// Reads the dateline and counts the entities' countries.
    pub fn of(a: &Analysis, sentences: &[Span], gazetteer: &Gazetteer) -> Self {
        let mut main = main_countries(a, sentences).into_iter();
        DocCountries {
            dateline: dateline_country(a.text(), gazetteer),
            main: main.next(),
            runner_up: main.next(),
            us_states: us_state_names(a, gazetteer),
        }
    }
}

/// The names of GPE entities coded `USA` that the gazetteer reads first as
/// another country: the document's US states of a country's name.
fn us_state_names(a: &Analysis, gazetteer: &Gazetteer) -> Vec<String> {
    a.entities
        .iter()
        .filter(|e| e.kind == model::EntityType::Gpe && e.actor.as_deref() == Some("USA"))
        .filter(|e| {
            gazetteer
                .country_by_name(&e.name)
                .is_some_and(|c| c.iso3 != "USA")
        })
        .map(|e| e.name.clone())
        .collect()
}

/// Whether `code` starts with a country (not `---`, an IGO, NGO or
/// transnational group).
pub(super) fn country_of(code: &str) -> Option<&str> {
    let c = code.get(..3)?;
    // By bytes: a non-ASCII character's bytes are no ASCII capitals either,
    // and this runs at every actor a sentence names, several times.
    let country = c.bytes().all(|b| b.is_ascii_uppercase())
        && !matches!(c, "IGO" | "NGO" | "IMG" | "WST" | "MNC");
    country.then_some(c)
}

/// Whether every actor of the phrase is a role with no country.
pub(super) fn is_countryless(p: &Phrase) -> bool {
    !p.actors.is_empty() && !p.is_reference() && p.actors.iter().all(|a| a.code.starts_with("---"))
}

/// Words that make a role phrase name many countries or none in
/// particular ("world leaders", "foreign governments", "other nations").
/// (`lexicon`'s `event_words.txt`, `[no-one-country]`.)
static NO_ONE_COUNTRY: std::sync::LazyLock<&lexicon::WordSet<'static>> =
    std::sync::LazyLock::new(|| &lexicon::event_words().no_one_country);

/// Whether the countryless phrase `p` is a group of several countries'
/// organs rather than one country's ("world leaders", "foreign
/// governments", "governments"): those keep `---`.
pub(super) fn names_no_one_country(tokens: &[Token], p: &Phrase) -> bool {
    // Up to two words before it ("several top government officials").
    let before = tokens[p.start.saturating_sub(2)..p.start]
        .iter()
        .filter(|t| t.lower != "the");
    let plural = tokens[p.end - 1].lower.ends_with('s');
    let words = tokens[p.start..p.end].iter().chain(before);
    let mut generic = false;
    for t in words {
        if t.lower == "foreign" {
            // "its foreign ministry" is one country's; "foreign ministers" many.
            generic |= plural;
        } else if NO_ONE_COUNTRY.contains(&t.lower.as_str()) {
            generic = true;
        }
    }
    generic
        || lexicon::event_words()
            .country_group_nouns
            .contains(tokens[p.end - 1].lower.as_str())
}

/// Whether phrase `k` is a bare role noun coordinated right after a group
/// of many countries' organs ("world leaders and diplomats", "foreign
/// ministers and officials"): the group's words govern both nouns, so the
/// second names no one country either.
pub(super) fn coordinated_with_no_one_country(
    tokens: &[Token],
    phrases: &[Phrase],
    k: usize,
) -> bool {
    let Some(p) = phrases.get(k) else {
        return false;
    };
    let Some(and) = p.start.checked_sub(1) else {
        return false;
    };
    let first = k.checked_sub(1).and_then(|j| phrases.get(j));
    matches!(tokens[and].lower.as_str(), "and" | "or")
        && tokens[p.start].is_word()
        && !tokens[p.start].is_capitalized()
        && first
            .is_some_and(|f| f.end == and && is_countryless(f) && names_no_one_country(tokens, f))
}

/// The dateline's country: "KABUL, Afghanistan (AP) —", "MOSCOW —",
/// "WASHINGTON (Reuters) -" at the very start of the text.
pub(super) fn dateline_country(text: &str, gazetteer: &Gazetteer) -> Option<String> {
    let head: String = text.trim_start().chars().take(80).collect();
    let end = head.find(['—', '–', '(']).or_else(|| head.find(" - "))?;
    let line = head[..end].trim().trim_end_matches(',');
    if line.is_empty() || line.contains('\n') {
        return None;
    }
    let mut parts = line.split(',').map(str::trim);
    let city = parts.next()?;
    // The city is written in capitals, as datelines are.
    let capitals = city.chars().any(char::is_alphabetic)
        && city
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'');
    if !capitals {
        return None;
    }
    for part in parts.rev() {
        if let Some(c) = gazetteer.country_by_name(part) {
            return Some(c.iso3.to_string());
        }
    }
    let titled = city
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|f| {
                    f.to_uppercase()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ");
    gazetteer.lookup_all(&titled).iter().find_map(|p| match p {
        Place::City(c) => Some(c.country.to_string()),
        Place::Country(c) => Some(c.iso3.to_string()),
        Place::Region(r) => Some(r.country.to_string()),
        _ => None,
    })
}

/// The countries whose actors the `nlp` entities mention in at least two
/// sentences, most sentences first (ties: the one mentioned first): a
/// single sentence has no main country beyond what it names.
pub(super) fn main_countries(a: &Analysis, sentences: &[Span]) -> Vec<String> {
    let sentence_of = |at: usize| sentences.partition_point(|s| s.end <= at);
    // (country, sentences it is mentioned in, first mention)
    let mut counts: Vec<(String, Vec<usize>, usize)> = Vec::new();
    for e in &a.entities {
        let Some(code) = e.actor.as_deref().and_then(country_of) else {
            continue;
        };
        let i = match counts.iter().position(|(c, _, _)| c == code) {
            Some(i) => i,
            None => {
                counts.push((code.to_string(), Vec::new(), usize::MAX));
                counts.len() - 1
            }
        };
        for m in &e.mentions {
            let entry = &mut counts[i];
            entry.1.push(sentence_of(m.start));
            entry.2 = entry.2.min(m.start);
        }
    }
    for c in &mut counts {
        c.1.sort_unstable();
        c.1.dedup();
    }
    // A document that names one country only, in however many sentences,
    // happens there ("Iranian security forces … across Iran", then only
    // "protesters" and "police").
    if counts.len() == 1 && sentences.len() >= 2 {
        return vec![counts.remove(0).0];
    }
    counts.retain(|c| c.1.len() >= 2);
    counts.sort_by(|x, y| y.1.len().cmp(&x.1.len()).then(x.2.cmp(&y.2)));
    counts.into_iter().map(|(c, _, _)| c).collect()
}

/// The country of a place the sentence's events happen in ("in Tehran",
/// "at Hong Kong Polytechnic University"): a phrase after "in", "at" or
/// "inside" that the gazetteer knows as a country, city or region.
pub(super) fn sentence_place(
    tokens: &[Token],
    phrases: &[Phrase],
    gazetteer: &Gazetteer,
    us_states: &[String],
) -> Option<String> {
    phrases.iter().find_map(|p| {
        if !matches!(p.preposition.as_deref(), Some("in" | "at" | "inside")) {
            return None;
        }
        let name = tokens[p.start..p.end]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ");
        if us_states.contains(&name) {
            return Some("USA".to_string());
        }
        gazetteer
            .lookup_all(&name)
            .iter()
            .find_map(|place| match place {
                Place::Country(c) => Some(c.iso3.to_string()),
                Place::City(c) => Some(c.country.to_string()),
                Place::Region(r) => Some(r.country.to_string()),
                _ => None,
            })
    })
}

/// Whether a possessive pronoun that points back at an actor stands right
/// before the phrase ("its foreign ministry", "their police").
pub(super) fn possessive_pronoun_before(tokens: &[Token], p: &Phrase) -> bool {
    p.start > 0 && matches!(tokens[p.start - 1].lower.as_str(), "its" | "their")
}

/// Whether a person's possessive pronoun stands right before the phrase
/// ("her administration", "his government").
pub(super) fn personal_possessive_before(tokens: &[Token], p: &Phrase) -> bool {
    p.start > 0 && matches!(tokens[p.start - 1].lower.as_str(), "his" | "her")
}

/// The phrase's head word, singular ("police", "official" for "officials").
pub(super) fn head_word(tokens: &[Token], p: &Phrase) -> String {
    let last = tokens[p.end - 1].lower.as_str();
    match last.strip_suffix('s') {
        Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem.to_string(),
        _ => last.to_string(),
    }
}

/// `code` ("---COP") with its country part replaced by `country`.
pub(super) fn with_country(code: &str, country: &str) -> String {
    format!("{country}{}", code.get(3..).unwrap_or(""))
}

/// The one country of the state's forces the sentence names with their
/// country ("Hong Kong police … pinning 800 students inside"): police and
/// troops named beside an unnamed group of people are most likely acting
/// on their own country's people. `None` when the sentence names no such
/// force, or forces of two countries. A leader is not one ("civilians …
/// released by Putin" says nothing of the civilians' country).
pub(super) fn sentence_force_country(phrases: &[Phrase]) -> Option<String> {
    let mut found: Option<&str> = None;
    for r in phrases
        .iter()
        .filter(|p| !p.is_reference())
        .flat_map(|p| &p.actors)
    {
        let state = matches!(r.code.get(3..6), Some("MIL" | "COP" | "SPY"));
        let Some(country) = country_of(&r.code).filter(|_| state) else {
            continue;
        };
        match found {
            Some(f) if f != country => return None,
            _ => found = Some(country),
        }
    }
    found.map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_give_a_country() {
        let g = Gazetteer::new();
        let got = |t: &str| dateline_country(t, &g);
        assert_eq!(
            got("KABUL, Afghanistan (AP) — Police fired").as_deref(),
            Some("AFG")
        );
        assert_eq!(got("MOSCOW — The ministry said").as_deref(), Some("RUS"));
        assert_eq!(got("HONG KONG (Reuters) - Police").as_deref(), Some("HKG"));
        assert_eq!(got("Police fired on protesters — again"), None);
        assert_eq!(got("The talks (in Geneva) ended"), None);
    }

    #[test]
    fn countries_start_codes() {
        assert_eq!(country_of("HKGCOP"), Some("HKG"));
        assert_eq!(country_of("---COP"), None);
        assert_eq!(country_of("IGOUNO"), None);
        assert_eq!(with_country("---GOV", "AZE"), "AZEGOV");
    }
}
