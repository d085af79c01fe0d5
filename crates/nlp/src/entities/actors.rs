//! CAMEO/GDELT actor codes: a country's ISO 3166 alpha-3 code plus a role
//! (`GOV`, `MIL`, `MED`, …) when the text gives one. The role words are the
//! shared table in the `lexicon` crate.

/// The CAMEO role a word names ("spokesman" → GOV, "media" → MED), from
/// the one role table every stage reads (`lexicon::roles`).
pub(crate) fn role_of(word: &str) -> Option<&'static str> {
    lexicon::roles()
        .code_for(&word.to_lowercase())
        .map(lexicon::Role::as_str)
}

/// The CAMEO role of the longest role phrase that starts at `lower_words[0]`
/// ("defense ministry" → MIL, though "defense" alone names no role).
pub(crate) fn role_at(lower_words: &[String]) -> Option<&'static str> {
    lexicon::roles()
        .longest_at(lower_words)
        .map(|(role, _)| role.as_str())
}

/// Words that may stand between a country and the role or the person it
/// describes ("U.S. national security adviser", "embassy spokesman in
/// Washington, Li Pengyu").
pub(crate) fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "the"
            | "and"
            | "'s"
            | "’s"
            | ","
            | "in"
            | "national"
            | "security"
            | "press"
            | "foreign"
            | "affairs"
            | "deputy"
            | "vice"
            | "chief"
            | "senior"
            | "top"
            | "former"
            | "acting"
            | "special"
            | "state"
            | "by"
            | "director"
            | "office"
            | "commission"
            | "head"
    )
}

/// Actor codes of institutions named by their seat (`lexicon::seats`).
pub(crate) fn seat_actor(name: &str) -> Option<&'static str> {
    lexicon::seats().code_for(name)
}

/// Actor codes of well-known news outlets (`lexicon::outlets`; a leading
/// "The" is ignored).
pub(crate) fn outlet_actor(name: &str) -> Option<&'static str> {
    let name = name.strip_prefix("The ").unwrap_or(name);
    lexicon::outlets().code_for(name)
}

/// The actor code a capital stands for when used as an actor rather than
/// a place ("Beijing warned" → CHNGOV).
pub(crate) fn capital_actor(name: &str) -> Option<String> {
    gazetteer::country_by_capital(name).map(|c| format!("{}GOV", c.iso3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_seats() {
        assert_eq!(role_of("Spokesman"), Some("GOV"));
        assert_eq!(role_of("media"), Some("MED"));
        assert_eq!(role_of("said"), None);
        assert_eq!(role_of("envoy"), Some("GOV"));
        assert_eq!(role_of("general"), None);
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(role_at(&words("defense ministry said")), Some("MIL"));
        assert_eq!(seat_actor("Kremlin"), Some("RUSGOV"));
        assert_eq!(outlet_actor("The New York Times"), Some("USAMED"));
        assert_eq!(capital_actor("Beijing").as_deref(), Some("CHNGOV"));
    }
}
