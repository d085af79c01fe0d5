//! CAMEO/GDELT actor codes for speakers, read off the words that describe
//! them: a country ("U.S.", "Chinese") and a role ("officials",
//! "spokesman", "media"): "U.S. officials" → `USAGOV`, "Chinese embassy
//! spokesman" → `CHNGOV`, "Chinese media" → `CHNMED`. The role words are the
//! shared table in the `lexicon` crate.

use crate::context::Context;

/// The actor code the words of the token ranges describe, if any.
pub fn actor_of(cx: &Context, ranges: &[(usize, usize)]) -> Option<String> {
    let mut country: Option<&'static str> = None;
    let mut role: Option<&'static str> = None;
    for &(s, e) in ranges {
        let phrase = cx.slice(s, e).to_lowercase();
        // Institutions named without a country word ("Kremlin spokesman").
        let seats = ::lexicon::seats().entries();
        if let Some(seat) = seats
            .iter()
            .find(|s| phrase.contains(&s.name.to_lowercase()))
        {
            return Some(seat.code.to_string());
        }
        for i in s..e {
            let word = cx.slice(i, i + 1);
            if country.is_none() && cx.is_cap(i) {
                // "U.S" + "." is written as two tokens.
                let dotted = if cx.is_punct(i + 1, '.') && word.contains('.') {
                    format!("{word}.")
                } else {
                    word.to_string()
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
