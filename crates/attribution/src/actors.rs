//! CAMEO/GDELT actor codes for speakers, read off the words that describe
//! them: a country ("U.S.", "Chinese") and a role ("officials",
//! "spokesman", "media"): "U.S. officials" → `USAGOV`, "Chinese embassy
//! spokesman" → `CHNGOV`, "Chinese media" → `CHNMED`. The role words are the
//! shared table in the `lexicon` crate.

use crate::context::Context;
use std::borrow::Cow;
use std::sync::OnceLock;

/// The actor code the words of the token ranges describe, if any.
pub fn actor_of(cx: &Context, ranges: &[(usize, usize)]) -> Option<String> {
    let mut country: Option<&'static str> = None;
    let mut role: Option<&'static str> = None;
    for &(s, e) in ranges {
        // Institutions named without a country word ("Kremlin spokesman").
        if let Some(code) = seat_in(cx.slice(s, e)) {
            return Some(code.to_string());
        }
        for i in s..e {
            let word = cx.slice(i, i + 1);
            if country.is_none() && cx.is_cap(i) {
                // "U.S" + "." is written as two tokens; the word with its
                // period is read from the text when they touch, so that
                // only a spaced period costs a copy.
                let dotted: Cow<str> = if cx.is_punct(i + 1, '.') && word.contains('.') {
                    if cx.tokens[i].span().end == cx.tokens[i + 1].span().start {
                        Cow::Borrowed(cx.slice(i, i + 2))
                    } else {
                        Cow::Owned(format!("{word}."))
                    }
                } else {
                    Cow::Borrowed(word)
                };
                let found = gazetteer::country_by_name(&dotted)
                    .or_else(|| gazetteer::country_by_demonym(&dotted));
                country = found.map(|c| c.iso3);
            }
            if role.is_none() {
                role = ::lexicon::roles()
                    .code_for(cx.low(i))
                    .map(::lexicon::Role::as_str);
            }
        }
    }
    country.map(|c| format!("{c}{}", role.unwrap_or("")))
}

/// The seats' names lower-cased once, with the ASCII names by the byte
/// they start with: a speaker phrase is checked against every seat, and on
/// a page of a million claims lower-casing the same ten names for each was
/// a tenth of the stage; then trying every name at each position where
/// some name starts was most of what was left.
struct Seats {
    /// (lower-cased name, code), in `lexicon::seats` order.
    names: Vec<(String, &'static str)>,
    /// For each byte, the indices (ascending) of the ASCII names that
    /// start with it.
    starts: Vec<Vec<usize>>,
    /// For each byte, whether an ASCII name starts with it in either case:
    /// the phrase's bytes are read one by one, and most start none.
    may_start: [bool; 256],
    /// The first empty name (which every phrase holds), if any.
    empty: Option<usize>,
}

impl Seats {
    fn get() -> &'static Seats {
        static SEATS: OnceLock<Seats> = OnceLock::new();
        SEATS.get_or_init(|| {
            let names: Vec<(String, &'static str)> = ::lexicon::seats()
                .entries()
                .iter()
                .map(|s| (s.name.to_lowercase(), s.code))
                .collect();
            let mut starts = vec![Vec::new(); 256];
            for (k, (name, _)) in names.iter().enumerate() {
                if let Some(&b) = name.as_bytes().first().filter(|_| name.is_ascii()) {
                    starts[usize::from(b)].push(k);
                }
            }
            let mut may_start = [false; 256];
            for b in 0..=u8::MAX {
                may_start[usize::from(b)] = !starts[usize::from(b.to_ascii_lowercase())].is_empty();
            }
            let empty = names.iter().position(|(name, _)| name.is_empty());
            Seats {
                names,
                starts,
                may_start,
                empty,
            }
        })
    }
}

/// The code of the first seat (in `lexicon::seats` order) whose name the
/// phrase holds, compared in lower case.
fn seat_in(phrase: &str) -> Option<&'static str> {
    let seats = Seats::get();
    if !phrase.is_ascii() {
        let phrase = phrase.to_lowercase();
        return seats
            .names
            .iter()
            .find(|(name, _)| phrase.contains(name.as_str()))
            .map(|&(_, code)| code);
    }
    // An ASCII phrase lower-cases byte by byte and cannot hold a name whose
    // lower case is not ASCII: the earliest seat found at any position is
    // the answer the search in seat order gives, without a copy.
    let bytes = phrase.as_bytes();
    let mut best = seats.empty;
    for (at, &b) in bytes.iter().enumerate() {
        if !seats.may_start[usize::from(b)] {
            continue;
        }
        let starting = &seats.starts[usize::from(b.to_ascii_lowercase())];
        let rest = &bytes[at..];
        let limit = best.unwrap_or(seats.names.len());
        best = starting
            .iter()
            .copied()
            .take_while(|&k| k < limit)
            .find(|&k| {
                let name = seats.names[k].0.as_bytes();
                rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name)
            })
            .or(best);
    }
    best.map(|k| seats.names[k].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition `seat_in` keeps: the first seat, in table order,
    /// whose lower-cased name the lower-cased phrase contains.
    fn by_definition(phrase: &str) -> Option<&'static str> {
        let phrase = phrase.to_lowercase();
        ::lexicon::seats()
            .entries()
            .iter()
            .find(|s| phrase.contains(&s.name.to_lowercase()))
            .map(|s| s.code)
    }

    #[test]
    fn finds_seats_in_any_case() {
        assert_eq!(seat_in("Kremlin spokesman"), Some("RUSGOV"));
        assert_eq!(seat_in("a KREMLIN aide"), Some("RUSGOV"));
        assert_eq!(seat_in("the white house press office"), Some("USAGOV"));
        assert_eq!(seat_in("an Élysée adviser"), Some("FRAGOV"));
        assert_eq!(seat_in("ÉLYSÉE"), Some("FRAGOV"));
        assert_eq!(seat_in("Lagos officials"), None);
        assert_eq!(seat_in(""), None);
    }

    #[test]
    fn an_earlier_seat_of_the_table_wins_wherever_it_stands() {
        // The table lists the White House before the Pentagon.
        assert_eq!(
            seat_in("Pentagon and White House officials"),
            Some("USAGOV")
        );
    }

    #[test]
    fn agrees_with_its_definition() {
        for phrase in [
            "Kremlin spokesman",
            "kremlinology experts",
            "State Departmen",
            "Downing Street and the Elysee Palace",
            "aides at the Élysée",
            "Capitol Hill",
            "capitol  hill",
            "Zhongnanhai insiders",
            "Chinese embassy spokesman",
            "\u{212a}remlin officials",
            "p",
            "",
        ] {
            assert_eq!(seat_in(phrase), by_definition(phrase), "{phrase}");
        }
    }
}
