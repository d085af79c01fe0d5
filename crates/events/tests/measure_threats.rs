//! A side that says it will take measures, steps or action, or will
//! retaliate, threatens whom it blamed just before or names after "against"
//! (CAMEO 130: `verbs.txt`'s "take <will|would ~ measure*", "vow to
//! retaliate"; "warned that X would pay a price"), and a threat's condition
//! ("if the launches continued") is part of the threat, not a condition
//! on it. On sentences written for these tests.

mod support;

use support::{facts, has};

#[test]
fn a_promise_of_measures_after_a_blame_threatens_the_blamed() {
    let f = facts(
        "Russia condemned the missile launch by Ukraine. Moscow said it would \
         take further measures if the launches continued.",
    );
    assert!(has(&f, "RUS", "UKR", "13"), "{f:?}");
    let f = facts(
        "Japan denounced China's seizure of the fishing boat. Tokyo will take \
         countermeasures, the foreign minister said.",
    );
    assert!(has(&f, "JPN", "CHN", "13"), "{f:?}");
    let f = facts(
        "Brazil criticized Argentina for closing the border. The Brazilian \
         government vowed to take retaliatory steps.",
    );
    assert!(has(&f, "BRA", "ARG", "13"), "{f:?}");
}

#[test]
fn a_promise_of_measures_names_its_target_after_against() {
    let f = facts("Egypt said it would take tough measures against Sudan.");
    assert!(has(&f, "EGY", "SDN", "13"), "{f:?}");
    let f = facts("On Friday Ghana pledged to take action against Togo.");
    assert!(has(&f, "GHA", "TGO", "13"), "{f:?}");
}

#[test]
fn measures_taken_or_aimed_at_no_one_are_no_threat() {
    // Done, not promised.
    let f =
        facts("India criticized Pakistan on Monday. India took measures to protect its farmers.");
    assert!(!has(&f, "IND", "PAK", "13"), "{f:?}");
    // No one blamed or named.
    let f = facts("Kenya will take steps to cut costs.");
    assert!(!has(&f, "KEN", "", "13"), "{f:?}");
}

#[test]
fn a_promised_retaliation_or_price_threatens() {
    let f = facts("Israel condemned the rocket fire from Gaza. Israel vowed to retaliate.");
    assert!(has(&f, "ISR", "PSE", "13"), "{f:?}");
    let f = facts("Obama said the United States would retaliate against Russia for the hacking.");
    assert!(has(&f, "USA", "RUS", "13"), "{f:?}");
    let f = facts(
        "Seoul condemned the launch by North Korea and warned that Pyongyang \
         would pay a heavy price.",
    );
    assert!(has(&f, "KOR", "PRK", "13"), "{f:?}");
}

#[test]
fn a_retaliation_done_is_no_threat() {
    let f = facts("Israel condemned the rocket fire from Gaza. Israel retaliated on Tuesday.");
    assert!(!has(&f, "ISR", "PSE", "13"), "{f:?}");
}
