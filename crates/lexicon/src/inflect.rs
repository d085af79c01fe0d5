//! Regular English inflection, for word lists written as lemmas: the
//! generated forms replace spelled-out ones. Irregular forms come from the
//! tables in [`crate::lemma`].

use crate::lemma::irregulars;

/// The plural of a lowercase noun ("authority" → "authorities",
/// "spokesman" → "spokesmen", "child" → "children").
pub fn plural(noun: &str) -> String {
    if let Some(p) = irregulars().plural_of(noun) {
        return p.to_string();
    }
    if let Some(stem) = noun.strip_suffix("man") {
        return format!("{stem}men");
    }
    if let Some(stem) = noun.strip_suffix('y') {
        if ends_in_consonant(stem) {
            return format!("{stem}ies");
        }
    }
    if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|s| noun.ends_with(s))
    {
        return format!("{noun}es");
    }
    format!("{noun}s")
}

/// Whether the last letter of `stem` is a consonant (so "-y" becomes "-ies").
pub(crate) fn ends_in_consonant(stem: &str) -> bool {
    stem.chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphabetic() && !"aeiou".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_plurals() {
        for (one, many) in [
            ("authority", "authorities"),
            ("embassy", "embassies"),
            ("spokesman", "spokesmen"),
            ("spokeswoman", "spokeswomen"),
            ("child", "children"),
            ("people", "people"),
            ("business", "businesses"),
            ("attorney", "attorneys"),
            ("official", "officials"),
        ] {
            assert_eq!(plural(one), many);
        }
    }
}
