//! Regular English inflection, for word lists written as lemmas: the
//! generated forms replace spelled-out ones. Irregular forms come from the
//! tables in [`crate::lemma`]; verbs that double their last consonant
//! against the rule of thumb below are listed in `data/doubling.txt`.

use crate::lemma::irregulars;
use crate::parse;
use foldhash::HashSet;
use std::sync::OnceLock;

const DOUBLING: &str = include_str!("data/doubling.txt");

/// The plural of a lowercase noun ("authority" → "authorities",
/// "spokesman" → "spokesmen", "child" → "children").
pub fn plural(noun: &str) -> String {
    let (stem, ending) = plural_parts(noun);
    format!("{stem}{ending}")
}

/// Whether `word` is the [`plural`] of `noun`, told without building the
/// plural: the event coder's actor table asks this of every role noun it
/// tries at every capable token.
pub fn is_plural(word: &str, noun: &str) -> bool {
    let (stem, ending) = plural_parts(noun);
    word.strip_prefix(stem) == Some(ending)
}

/// The plural of `noun` as the part of it kept and the ending put after
/// (an irregular plural is all ending): the one statement of the rules
/// [`plural`] and [`is_plural`] share.
fn plural_parts(noun: &str) -> (&str, &str) {
    if let Some(p) = irregulars().plural_of(noun) {
        return ("", p);
    }
    if let Some(stem) = noun.strip_suffix("man") {
        return (stem, "men");
    }
    s_form_parts(noun)
}

/// The third-person singular present of a lowercase verb ("say" → "says",
/// "deny" → "denies", "stress" → "stresses").
pub fn third_person(verb: &str) -> String {
    s_form(verb)
}

/// The past-tense forms of a lowercase verb ("say" → ["said"], "plan" →
/// ["planned"], "deny" → ["denied"]).
pub fn past(verb: &str) -> Vec<String> {
    match irregulars().past_of(verb) {
        Some(forms) if !forms.is_empty() => forms.to_vec(),
        _ => vec![regular("ed", verb)],
    }
}

/// The past participles of a lowercase verb ("show" → ["showed"]; "speak" →
/// ["spoken"]).
pub fn past_participle(verb: &str) -> Vec<String> {
    match irregulars().participle_of(verb) {
        Some(forms) if !forms.is_empty() => forms.to_vec(),
        _ => vec![regular("ed", verb)],
    }
}

/// The "-ing" form of a lowercase verb ("say" → "saying", "argue" →
/// "arguing", "plan" → "planning").
pub fn present_participle(verb: &str) -> String {
    if let Some(stem) = verb.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    regular("ing", verb)
}

/// "-s"/"-es"/"-ies".
fn s_form(word: &str) -> String {
    let (stem, ending) = s_form_parts(word);
    format!("{stem}{ending}")
}

/// The "-s" form of `word` as the part of it kept and the ending put after.
fn s_form_parts(word: &str) -> (&str, &'static str) {
    if let Some(stem) = word.strip_suffix('y') {
        if ends_in_consonant(stem) {
            return (stem, "ies");
        }
    }
    if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|s| word.ends_with(s))
    {
        return (word, "es");
    }
    (word, "s")
}

/// "-ed" or "-ing" (`suffix`) on a verb without an irregular form.
fn regular(suffix: &str, verb: &str) -> String {
    if let Some(stem) = verb.strip_suffix('e') {
        // "agree" → "agreed", "agreeing"; "argue" → "argued", "arguing".
        let keeps_e = ["ee", "ye", "oe"].iter().any(|e| verb.ends_with(e));
        return match (suffix, keeps_e) {
            ("ed", _) => format!("{verb}d"),
            (_, true) => format!("{verb}{suffix}"),
            _ => format!("{stem}{suffix}"),
        };
    }
    if suffix == "ed" {
        if let Some(stem) = verb.strip_suffix('y') {
            if ends_in_consonant(stem) {
                return format!("{stem}ied");
            }
        }
    }
    if doubles(verb) {
        let last = &verb[verb.len() - 1..];
        return format!("{verb}{last}{suffix}");
    }
    format!("{verb}{suffix}")
}

/// Whether the last consonant doubles before "-ed"/"-ing": a one-syllable
/// verb ending consonant–vowel–consonant ("plan", "quip"), or a verb listed
/// in `doubling.txt` (stressed last syllable: "admit", "refer").
fn doubles(verb: &str) -> bool {
    if doubling().contains(verb) {
        return true;
    }
    let b = verb.as_bytes();
    let n = b.len();
    if n < 3 || !b.is_ascii() {
        return false;
    }
    let vowel = |c: u8| b"aeiou".contains(&c);
    // "qu" is a consonant sound: "quip" is q-u-i-p.
    let body = verb.strip_prefix("qu").unwrap_or(verb).as_bytes();
    let groups = body
        .iter()
        .enumerate()
        .filter(|&(i, &c)| vowel(c) && (i == 0 || !vowel(body[i - 1])))
        .count();
    groups == 1
        && !vowel(b[n - 1])
        && !b"wxy".contains(&b[n - 1])
        && vowel(b[n - 2])
        && (!vowel(b[n - 3]) || (verb.starts_with("qu") && n == 4))
}

/// The verbs of `doubling.txt`.
fn doubling() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| parse::lines(DOUBLING).map(|l| l.text.to_string()).collect())
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
            assert!(is_plural(many, one), "{many} of {one}");
        }
        for (word, noun) in [
            ("officials", "authority"),
            ("spokesman", "spokesman"),
            ("childs", "child"),
            ("embassys", "embassy"),
            ("businesss", "business"),
            ("official", "official"),
            ("officialss", "official"),
        ] {
            assert!(!is_plural(word, noun), "{word} is no plural of {noun}");
        }
    }

    #[test]
    fn verb_forms() {
        let forms = |v: &str| (third_person(v), past(v).join(" "), present_participle(v));
        let owned = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        assert_eq!(forms("say"), owned("says", "said", "saying"));
        assert_eq!(forms("deny"), owned("denies", "denied", "denying"));
        assert_eq!(forms("argue"), owned("argues", "argued", "arguing"));
        assert_eq!(forms("agree"), owned("agrees", "agreed", "agreeing"));
        assert_eq!(forms("stress"), owned("stresses", "stressed", "stressing"));
        assert_eq!(forms("quip"), owned("quips", "quipped", "quipping"));
        assert_eq!(forms("snap"), owned("snaps", "snapped", "snapping"));
        assert_eq!(forms("admit"), owned("admits", "admitted", "admitting"));
        assert_eq!(forms("visit"), owned("visits", "visited", "visiting"));
        assert_eq!(forms("play"), owned("plays", "played", "playing"));
        assert_eq!(forms("echo"), owned("echoes", "echoed", "echoing"));
        assert_eq!(forms("lie"), owned("lies", "lied", "lying"));
        assert_eq!(past_participle("show"), vec!["showed"]);
        assert_eq!(past_participle("speak"), vec!["spoken"]);
    }
}
