//! A promise to sanction another side threatens it with sanctions (CAMEO
//! 1312: `verbs.txt`'s "vow|pledge|promise to impose … sanctions"), aimed at
//! the one named after "on"/"against" or, with none, at whom the same side
//! blamed just before (`coder/targets.rs`'s `blamed_before`). On sentences
//! written for these tests.

mod support;

use support::{facts, has};

#[test]
fn a_pledge_to_impose_sanctions_after_a_condemnation_threatens_the_condemned() {
    let f = facts("Japan condemned China's missile test and pledged to impose new sanctions.");
    assert!(has(&f, "JPN", "CHN", "1312"), "{f:?}");
    assert!(!has(&f, "JPN", "CHN", "16"), "{f:?}");
    let f = facts(
        "Britain criticized Iran's missile launch on Tuesday. The British \
         government promised to impose tougher sanctions.",
    );
    assert!(has(&f, "GBR", "IRN", "1312"), "{f:?}");
}

#[test]
fn a_pledge_names_its_target_after_on() {
    let f = facts("Canada vowed to slap fresh sanctions on Venezuela after the raid.");
    assert!(has(&f, "CAN", "VEN", "1312"), "{f:?}");
    let f = facts("On Monday Australia pledged to impose an arms embargo against Fiji.");
    assert!(has(&f, "AUS", "FJI", "1312"), "{f:?}");
}

#[test]
fn a_pledge_with_no_one_blamed_or_named_is_no_event() {
    let f = facts("Kenya pledged to impose sanctions.");
    assert!(!has(&f, "KEN", "", "13"), "{f:?}");
    assert!(!has(&f, "KEN", "", "16"), "{f:?}");
}
