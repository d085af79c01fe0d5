//! Who sanctions are aimed at (`coder/targets.rs`, `verbs.txt`): the actor
//! named right before a sanction noun imposes the sanctions and is not the
//! target of seeking, threatening or imposing them; a sanction sought with
//! no one named is aimed at whom the seeker blamed just before. On
//! sentences written for these tests.

mod support;

use support::{facts, has};

#[test]
fn the_body_that_imposes_sanctions_is_not_their_target() {
    for (text, source, target, imposer) in [
        (
            "North Korea fired a missile on Monday. Japan condemned the launch. \
             Tokyo will seek new U.N. sanctions.",
            "JPN",
            "PRK",
            "IGOUNO",
        ),
        (
            "Iran seized a British tanker in the Gulf. The French government \
             condemned the seizure and will seek tougher EU sanctions.",
            "FRA",
            "IRN",
            "IGOEUR",
        ),
        (
            "Syrian jets bombed Aleppo. Britain denounced the strikes. London \
             will pursue further U.N. sanctions.",
            "GBR",
            "SYR",
            "IGOUNO",
        ),
    ] {
        let f = facts(text);
        assert!(has(&f, source, target, "13"), "{text}: {f:?}");
        assert!(!has(&f, source, imposer, ""), "{text}: {f:?}");
    }
}

#[test]
fn the_one_sanctioned_is_named_after_the_sanction_noun() {
    let f = facts("Canada threatened American sanctions on Venezuela.");
    assert!(has(&f, "CAN", "VEN", "13"), "{f:?}");
    assert!(!has(&f, "CAN", "USA", ""), "{f:?}");
    let f = facts("Kenya threatened Uganda with U.N. sanctions.");
    assert!(has(&f, "KEN", "UGA", "13"), "{f:?}");
}

#[test]
fn sanctions_sought_with_no_one_blamed_code_nothing() {
    let f = facts("The German government will seek new U.N. sanctions.");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_disapproval_of_sanctions_is_aimed_at_their_imposer() {
    let f = facts("Russia condemned U.S. sanctions on Monday.");
    assert!(has(&f, "RUS", "USA", "11"), "{f:?}");
}
