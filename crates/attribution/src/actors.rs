//! CAMEO/GDELT actor codes for speakers, read off the words that describe
//! them: a country ("U.S.", "Chinese") and a role ("officials",
//! "spokesman", "media"): "U.S. officials" → `USAGOV`, "Chinese embassy
//! spokesman" → `CHNGOV`, "Chinese media" → `CHNMED`.

use crate::context::Context;

/// Role words and the CAMEO role code they imply.
const ROLE_CODES: &[(&str, &str)] = &[
    ("officials", "GOV"),
    ("official", "GOV"),
    ("spokesman", "GOV"),
    ("spokeswoman", "GOV"),
    ("spokesperson", "GOV"),
    ("government", "GOV"),
    ("ministry", "GOV"),
    ("embassy", "GOV"),
    ("administration", "GOV"),
    ("minister", "GOV"),
    ("diplomat", "GOV"),
    ("diplomats", "GOV"),
    ("ambassador", "GOV"),
    ("secretary", "GOV"),
    ("president", "GOV"),
    ("adviser", "GOV"),
    ("advisor", "GOV"),
    ("leader", "GOV"),
    ("leaders", "GOV"),
    ("authorities", "GOV"),
    ("media", "MED"),
    ("newspaper", "MED"),
    ("television", "MED"),
    ("broadcaster", "MED"),
    ("journalists", "MED"),
    ("military", "MIL"),
    ("army", "MIL"),
    ("troops", "MIL"),
    ("forces", "MIL"),
    ("navy", "MIL"),
    ("general", "MIL"),
    ("police", "COP"),
    ("lawmakers", "LEG"),
    ("senator", "LEG"),
    ("parliament", "LEG"),
    ("congress", "LEG"),
];

/// Institutions named without a country word.
const INSTITUTIONS: &[(&str, &str)] = &[
    ("white house", "USAGOV"),
    ("state department", "USAGOV"),
    ("pentagon", "USAMIL"),
    ("kremlin", "RUSGOV"),
    ("downing street", "GBRGOV"),
    ("élysée", "FRAGOV"),
];

/// The actor code the words of the token ranges describe, if any.
pub fn actor_of(cx: &Context, ranges: &[(usize, usize)]) -> Option<String> {
    let mut country: Option<&'static str> = None;
    let mut role: Option<&'static str> = None;
    for &(s, e) in ranges {
        let phrase = cx.slice(s, e).to_lowercase();
        if let Some((_, code)) = INSTITUTIONS.iter().find(|(n, _)| phrase.contains(n)) {
            return Some((*code).to_string());
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
                role = ROLE_CODES
                    .iter()
                    .find(|(w, _)| *w == cx.low(i))
                    .map(|(_, code)| *code);
            }
        }
    }
    country.map(|c| format!("{c}{}", role.unwrap_or("")))
}
