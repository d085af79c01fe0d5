//! GDELT 2.0 event-table fields derived from a `newsgraph/1` event: the one
//! derivation that the store's TSV export and the columnar (Arrow) tables
//! share, so that both spell an actor code, a date or a name the same way.
//!
//! - [`split_code`]: a CAMEO actor code into GDELT's country and three type
//!   columns (a first part that is a role such as `GOV` or `IGO` is a type,
//!   not a country);
//! - [`GdeltDate`]: `SQLDATE`, `MonthYear`, `Year` and `FractionDate`
//!   (GDELT's formula `Year + (Month*30 + Day)/365`);
//! - [`clean_name`]: an actor or place name as written, not as tokenised;
//! - [`is_root_event`]: GDELT's `IsRootEvent`, the evidence sentence in the
//!   first paragraph.
//!
//! `QuadClass` and `EventRootCode` are the event's own `quad_class` and the
//! first two digits of its CAMEO code (the events crate's `cameo` module).

use chrono::{Datelike, NaiveDate};

/// CAMEO's 3-letter role and organisation codes: as the first part of an
/// actor code they are a type, not a country ("GOV", "IGOUNO").
const ROLE_CODES: &[&str] = &[
    "AGR", "BUS", "COP", "CRM", "CVL", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO", "IMG",
    "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP", "PTY", "RAD",
    "REB", "REF", "REL", "SEP", "SET", "SPY", "UAF", "UIS",
];

/// An actor code split into GDELT's `Actor*CountryCode` and
/// `Actor*Type1Code` … `Actor*Type3Code` columns; empty strings where the
/// code has no such part.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CodeParts {
    /// The country part ("USA"), or empty.
    pub country: String,
    /// Up to three role or organisation parts ("GOV", "MIL").
    pub types: [String; 3],
}

/// Splits a CAMEO actor code into 3-letter parts: the first is the country
/// unless it is a role code; the rest (at most three) are types.
pub fn split_code(code: &str) -> CodeParts {
    let chunks: Vec<String> = code
        .as_bytes()
        .chunks(3)
        .filter(|c| c.len() == 3)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    let mut parts = CodeParts::default();
    let mut rest = chunks.as_slice();
    if let Some((first, tail)) = rest.split_first() {
        if !ROLE_CODES.contains(&first.as_str()) {
            parts.country = first.clone();
            rest = tail;
        }
    }
    for (slot, chunk) in parts.types.iter_mut().zip(rest) {
        *slot = chunk.clone();
    }
    parts
}

/// GDELT's four date columns of one day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GdeltDate {
    /// `SQLDATE`: `YYYYMMDD` as a number.
    pub sqldate: i32,
    /// `MonthYear`: `YYYYMM`.
    pub month_year: i32,
    /// `Year`.
    pub year: i32,
    /// `FractionDate`: `Year + (Month*30 + Day)/365`, rounded to 4 places
    /// as GDELT ships it.
    pub fraction_date: f64,
}

impl GdeltDate {
    /// The columns of `day`.
    pub fn of(day: NaiveDate) -> Self {
        let (y, m, d) = (day.year(), day.month() as i32, day.day() as i32);
        let fraction = y as f64 + (m * 30 + d) as f64 / 365.0;
        GdeltDate {
            sqldate: y * 10_000 + m * 100 + d,
            month_year: y * 100 + m,
            year: y,
            fraction_date: (fraction * 10_000.0).round() / 10_000.0,
        }
    }
}

/// A name as written, not as tokenised: no space before a possessive or
/// closing punctuation, none after an opening bracket ("China ’s
/// ambassador" → "China’s ambassador").
pub fn clean_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let next = chars.peek().copied();
            let glued = matches!(next, Some(',' | '.' | ';' | ':' | ')' | ']' | '!' | '?'))
                || (matches!(next, Some('’' | '\'')) && is_possessive(chars.clone()));
            if glued || out.ends_with(['(', '[']) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Whether `rest` (from an apostrophe on) is a possessive `’s` ending a word.
fn is_possessive(mut rest: impl Iterator<Item = char>) -> bool {
    rest.next();
    matches!(rest.next(), Some('s' | 'S')) && rest.next().is_none_or(|c| !c.is_alphanumeric())
}

/// GDELT's `IsRootEvent`: whether the sentence starting at code point
/// `sentence_start` of `text` is in its first paragraph (no blank line
/// before it).
pub fn is_root_event(text: &str, sentence_start: usize) -> bool {
    let end = text
        .char_indices()
        .nth(sentence_start)
        .map_or(text.len(), |(i, _)| i);
    !text[..end].contains("\n\n")
}

/// GDELT's `EventRootCode` of a CAMEO event code: its first two digits.
pub fn root_code(cameo: &str) -> &str {
    cameo.get(..2).unwrap_or(cameo)
}

/// GDELT's `EventBaseCode` of a CAMEO event code: its first three digits.
pub fn base_code(cameo: &str) -> &str {
    cameo.get(..3).unwrap_or(cameo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_tokenisation_spaces() {
        assert_eq!(clean_name("China ’s ambassador"), "China’s ambassador");
        assert_eq!(
            clean_name("the minister 's office"),
            "the minister's office"
        );
        assert_eq!(clean_name("Smith ( Reuters )"), "Smith (Reuters)");
        assert_eq!(clean_name("Britain 'said"), "Britain 'said");
        assert_eq!(clean_name("Jake Sullivan"), "Jake Sullivan");
    }

    #[test]
    fn codes_split_into_country_and_types() {
        let p = split_code("USAGOVMIL");
        assert_eq!(p.country, "USA");
        assert_eq!(p.types, ["GOV".to_string(), "MIL".into(), String::new()]);
        let p = split_code("IGOUNO");
        assert_eq!(p.country, "");
        assert_eq!(p.types[0], "IGO");
        assert_eq!(split_code("").country, "");
    }

    #[test]
    fn fraction_date_follows_gdelt() {
        let d = GdeltDate::of(NaiveDate::from_ymd_opt(2022, 3, 14).unwrap());
        assert_eq!(d.sqldate, 20220314);
        assert_eq!(d.month_year, 202203);
        assert_eq!(d.year, 2022);
        assert_eq!(format!("{:.4}", d.fraction_date), "2022.2849");
    }

    #[test]
    fn root_event_is_in_the_first_paragraph() {
        let text = "Über alles. Second.\n\nLater paragraph.";
        assert!(is_root_event(text, 12));
        assert!(!is_root_event(text, 21));
        assert!(is_root_event(text, 0));
        assert!(!is_root_event(text, 1000));
    }
}
