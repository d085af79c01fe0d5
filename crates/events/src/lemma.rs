//! Verb and noun lemmas by suffix rules and an irregular-forms table.
//!
//! Suffix stripping is ambiguous ("used" → "us"/"use"), so
//! [`candidates`] lists every plausible lemma and the caller keeps the first
//! one its lexicon knows.

/// Irregular English verb forms (past tense and past participle) and their lemma.
const IRREGULAR: &[(&str, &str)] = &[
    ("am", "be"),
    ("is", "be"),
    ("are", "be"),
    ("was", "be"),
    ("were", "be"),
    ("been", "be"),
    ("being", "be"),
    ("'s", "be"),
    ("has", "have"),
    ("had", "have"),
    ("having", "have"),
    ("does", "do"),
    ("did", "do"),
    ("done", "do"),
    ("said", "say"),
    ("says", "say"),
    ("went", "go"),
    ("gone", "go"),
    ("goes", "go"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("held", "hold"),
    ("met", "meet"),
    ("made", "make"),
    ("sent", "send"),
    ("told", "tell"),
    ("brought", "bring"),
    ("fought", "fight"),
    ("struck", "strike"),
    ("stricken", "strike"),
    ("shot", "shoot"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("led", "lead"),
    ("left", "leave"),
    ("sought", "seek"),
    ("won", "win"),
    ("began", "begin"),
    ("begun", "begin"),
    ("broke", "break"),
    ("broken", "break"),
    ("bought", "buy"),
    ("came", "come"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("felt", "feel"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("got", "get"),
    ("gotten", "get"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("laid", "lay"),
    ("lost", "lose"),
    ("meant", "mean"),
    ("paid", "pay"),
    ("ran", "run"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("saw", "see"),
    ("seen", "see"),
    ("sold", "sell"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("spent", "spend"),
    ("stood", "stand"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("taught", "teach"),
    ("thought", "think"),
    ("understood", "understand"),
    ("wrote", "write"),
    ("written", "write"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("overthrew", "overthrow"),
    ("overthrown", "overthrow"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("built", "build"),
    ("fled", "flee"),
    ("slew", "slay"),
    ("slain", "slay"),
    ("beaten", "beat"),
    ("bound", "bind"),
    ("caught", "catch"),
    ("dealt", "deal"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("fed", "feed"),
    ("found", "find"),
    ("hung", "hang"),
    ("heard", "hear"),
    ("lent", "lend"),
    ("overran", "overrun"),
    ("shook", "shake"),
    ("shaken", "shake"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("swept", "sweep"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("undertook", "undertake"),
    ("undertaken", "undertake"),
    ("upheld", "uphold"),
    ("withheld", "withhold"),
    ("foresaw", "foresee"),
    ("foreseen", "foresee"),
    ("rebuilt", "rebuild"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("stuck", "stick"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("shut", "shut"),
    ("hit", "hit"),
    ("let", "let"),
    ("put", "put"),
    ("set", "set"),
    ("cut", "cut"),
    ("hurt", "hurt"),
    ("quit", "quit"),
    ("spread", "spread"),
    ("beat", "beat"),
    ("cast", "cast"),
    ("bid", "bid"),
    ("wounded", "wound"),
    ("rode", "ride"),
    ("woke", "wake"),
    ("wore", "wear"),
    ("children", "child"),
    ("men", "man"),
    ("women", "woman"),
    ("people", "people"),
    ("countries", "country"),
    ("allies", "ally"),
    ("militaries", "military"),
];

/// The lemma of an irregular form, if `lower` is one.
pub fn irregular(lower: &str) -> Option<&'static str> {
    IRREGULAR.iter().find(|(w, _)| *w == lower).map(|(_, l)| *l)
}

/// Plausible lemmas of the lowercase word `lower`, most literal first
/// (the word itself, then irregular and suffix-stripped forms).
pub fn candidates(lower: &str) -> Vec<String> {
    let mut out = vec![lower.to_string()];
    if let Some(l) = irregular(lower) {
        out.push(l.to_string());
        return out;
    }
    let mut push = |s: String| {
        if s.len() >= 2 && !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some(stem) = lower.strip_suffix("ies") {
        push(format!("{stem}y"));
    }
    if let Some(stem) = lower.strip_suffix("ied") {
        push(format!("{stem}y"));
    }
    if let Some(stem) = lower.strip_suffix("es") {
        push(stem.to_string());
    }
    if let Some(stem) = lower.strip_suffix('s') {
        if !stem.ends_with('s') && !stem.ends_with('u') && !stem.ends_with('i') {
            push(stem.to_string());
        }
    }
    for suffix in ["ed", "ing"] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            push(stem.to_string());
            push(format!("{stem}e"));
            if let Some(undoubled) = undouble(stem) {
                push(undoubled);
            }
        }
    }
    if let Some(stem) = lower.strip_suffix("ment") {
        push(stem.to_string());
    }
    out
}

/// "plann" → "plan": the stem with a doubled final consonant undone.
fn undouble(stem: &str) -> Option<String> {
    let b = stem.as_bytes();
    let n = b.len();
    // Only an ASCII letter can be doubled here: a repeated byte of a
    // multi-byte character is not a consonant, and slicing there would
    // cut the character in two.
    if n >= 3
        && b[n - 1] == b[n - 2]
        && b[n - 1].is_ascii_alphabetic()
        && !b"aeiou".contains(&b[n - 1])
    {
        return Some(stem[..n - 1].to_string());
    }
    None
}

/// Whether `lower` looks like a past participle ("attacked", "given").
pub fn is_past_participle(lower: &str) -> bool {
    lower.ends_with("ed")
        || lower.ends_with("en")
        || (irregular(lower).is_some() && !matches!(lower, "is" | "are" | "was" | "were" | "am"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_regular_and_irregular_lemmas() {
        assert!(candidates("asked").contains(&"ask".to_string()));
        assert!(candidates("criticized").contains(&"criticize".to_string()));
        assert!(candidates("planned").contains(&"plan".to_string()));
        assert!(candidates("accompanies").contains(&"accompany".to_string()));
        assert_eq!(candidates("met")[1], "meet");
        assert!(candidates("sanctions").contains(&"sanction".to_string()));
    }

    #[test]
    fn multibyte_words_never_panic() {
        // U+0820 is three bytes whose last two are equal: not a doubled consonant.
        let word = "\u{820}ed";
        assert!(candidates(word)
            .iter()
            .all(|c| !c.is_empty() || c.is_empty()));
        assert_eq!(undouble("\u{820}"), None);
    }
}
