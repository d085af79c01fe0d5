//! Who acts in clauses with no subject of their own: a verb coordinated
//! after a judgement's reason, a participle clause opening the sentence,
//! and a role noun coordinated after a group of many countries. On
//! sentences written for these tests.

mod support;

use support::{facts, has};

#[test]
fn a_verb_after_a_reason_continues_the_judgement_not_the_reason() {
    // The reason's doer is the one judged; the dare, the threat and the
    // accusation after ", and" are the judge's.
    let f = facts(
        "Putin lashed out at Turkey for having shot down a Russian bomber, and dared the \
         Turks to try it again.",
    );
    assert!(has(&f, "RUS", "TUR", "13"), "{f:?}");
    assert!(!has(&f, "TUR", "TUR", ""), "{f:?}");
    let f = facts(
        "The Kenyan president criticized Uganda for attacking Somali troops and accused \
         Kampala of lying about it.",
    );
    assert!(has(&f, "KEN", "UGA", "112"), "{f:?}");
    let f = facts(
        "On Monday France condemned Syria for bombing Aleppo, and then threatened Damascus \
         with new sanctions.",
    );
    assert!(has(&f, "FRA", "SYR", "13"), "{f:?}");
}

#[test]
fn a_second_gerund_after_a_reason_is_still_the_reason() {
    // "and attacking" continues "for shelling": Uganda's acts, not Kenya's.
    let f =
        facts("Kenya criticized Uganda for shelling Somali towns and attacking Tanzanian troops.");
    assert!(has(&f, "KEN", "UGA", "11"), "{f:?}");
    assert!(!has(&f, "KEN", "TZA", "19"), "{f:?}");
}

#[test]
fn a_participle_opening_the_sentence_is_done_by_the_main_subject() {
    let f = facts(
        "Accusing Russia of meddling in the election, the American secretary of state said \
         the vote was unfair.",
    );
    assert!(has(&f, "USA", "RUS", "112"), "{f:?}");
    let f =
        facts("After criticizing Uganda on Monday, the Kenyan president said the talks went well.");
    assert!(has(&f, "KEN", "UGA", "111"), "{f:?}");
    let f = facts("Praising Uganda for its help, the Kenyan president promised more aid.");
    assert!(has(&f, "KEN", "UGA", "051"), "{f:?}");
    // A list inside the clause: the subject is the phrase before the main
    // verb, not a listed country.
    let f = facts(
        "Praising Uganda, Tanzania and Rwanda for their help, the Kenyan president said \
         the talks went well.",
    );
    assert!(has(&f, "KEN", "UGA", "051"), "{f:?}");
    assert!(!has(&f, "TZA", "", ""), "{f:?}");
}

#[test]
fn an_opening_gerund_that_is_a_subject_has_no_doer() {
    // The "-ing" clause is the sentence's subject, with a speaker set off by
    // commas: what the speaker says would be a mistake is no act of his.
    let f = facts("Attacking Iran, the Israeli minister said, would be a mistake.");
    assert!(!has(&f, "ISR", "IRN", ""), "{f:?}");
}

#[test]
fn a_role_coordinated_after_many_countries_is_no_one_countrys() {
    // The dateline's country is no country of "diplomats" here: "world",
    // "foreign" and "regional" govern both nouns.
    for text in [
        "WASHINGTON — World leaders and diplomats condemned North Korea on Friday.",
        "WASHINGTON — Foreign ministers and officials condemned North Korea on Friday.",
        "WASHINGTON — Regional leaders and diplomats criticized Uganda on Friday.",
    ] {
        let f = facts(text);
        assert!(has(&f, "---", "", "11"), "{text}: {f:?}");
        assert!(!has(&f, "USA", "", "11"), "{text}: {f:?}");
    }
    // One country's officials are still the dateline's.
    let f = facts("WASHINGTON — Officials and diplomats condemned North Korea on Friday.");
    assert!(has(&f, "USA", "PRK", "11"), "{f:?}");
}
