//! Title-case headlines are read in a case-normalised view: their verbs
//! are verbs and their names stay names; on headlines written for these
//! tests.

mod support;

use support::{facts, has, Fact};

/// The facts of the first line of `text`.
fn headline_events(text: &str) -> Vec<Fact> {
    let first = text.find('\n').unwrap_or(text.len());
    facts(text)
        .into_iter()
        .filter(|f| f.sentence_start < first)
        .collect()
}

#[test]
fn a_title_case_headline_codes_its_verbs() {
    let got = headline_events(
        "Russia Expels British Diplomats Over Spy Row\n\nMOSCOW — The ministry said.",
    );
    assert!(has(&got, "RUS", "GBR", "16"), "{got:?}");
    let got = headline_events("China Accuses Japan Of Meddling In Taiwan\n\nThe ministry said.");
    assert!(has(&got, "CHN", "JPN", "11"), "{got:?}");
    // (Not "Urges Sanctions On Iran": the sanctions' target is not the one
    // asked, `coder/targets.rs` `aimed_by_act`.)
    let got = headline_events("Kenya Urges Uganda To End Blockade\n\nThe ministry said.");
    assert!(has(&got, "KEN", "UGA", "02"), "{got:?}");
}

#[test]
fn the_same_headline_in_sentence_case_codes_the_same() {
    let title =
        headline_events("Russia Expels British Diplomats Over Spy Row\n\nThe ministry said.");
    let plain =
        headline_events("Russia expels British diplomats over spy row\n\nThe ministry said.");
    assert_eq!(title, plain);
}

#[test]
fn a_bare_stem_in_a_headline_stays_a_noun() {
    // "Battle" and "Visit" are nouns here, not a fight or a visit.
    for text in [
        "Democrats Lose Court Battle Over Voting Rules In Ohio\n\nThe court ruled.",
        "Minister Visit To Flood Zone Draws Criticism\n\nThe visit was short.",
    ] {
        let got = headline_events(text);
        assert!(
            !got.iter()
                .any(|f| f.cameo.starts_with("19") || f.cameo.starts_with("04")),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn prose_is_not_read_as_a_headline() {
    // Lower-case words longer than three letters: no normalising, so the
    // name "Will" is not read as the modal (which would make it future).
    let got = headline_events("Rep. Will Hurd criticized Russia on Monday.\n");
    assert!(has(&got, "USALEG", "RUS", "11"), "{got:?}");
}
