//! A disapproval of an act named before ("condemned the attack",
//! "criticized the move") is about whoever did that act: the subject of the
//! sentence or two before (`coder/targets.rs`); on sentences written for
//! these tests.

mod support;

use support::{facts, has};

#[test]
fn condemning_the_attack_targets_its_doer() {
    let f = facts(
        "Russian troops attacked Ukrainian positions near the border on Sunday. \
         Poland condemned the attack.",
    );
    assert!(has(&f, "POL", "RUS", "11"), "{f:?}");
}

#[test]
fn criticising_the_move_targets_its_doer() {
    let f = facts(
        "Japan sent two warships to the disputed islands on Monday. \
         China criticized the move.",
    );
    assert!(has(&f, "CHN", "JPN", "11"), "{f:?}");
}

#[test]
fn a_sentence_of_detail_between_still_finds_the_doer() {
    let f = facts(
        "Japan sent two warships to the disputed islands on Monday. \
         The ships carried marines and helicopters. \
         China criticized the decision.",
    );
    assert!(has(&f, "CHN", "JPN", "11"), "{f:?}");
}

#[test]
fn no_act_told_before_gives_no_target() {
    let f = facts("China criticized the decision on Monday.");
    assert!(!f.iter().any(|e| e.cameo.starts_with("11")), "{f:?}");
}

#[test]
fn the_reacting_side_is_not_its_own_target() {
    let f = facts(
        "Japan sent two warships to the disputed islands on Monday. \
         Japan's opposition leader criticized the decision.",
    );
    assert!(!has(&f, "JPN", "", "11"), "{f:?}");
}

#[test]
fn an_act_told_long_before_is_out_of_reach() {
    let f = facts(
        "Japan sent two warships to the disputed islands on Monday. \
         The ships carried marines and helicopters. \
         Fishermen watched from the harbour. \
         Rain slowed the work in the port. \
         China criticized the move.",
    );
    assert!(!has(&f, "CHN", "JPN", "11"), "{f:?}");
}

#[test]
fn a_thing_that_is_no_act_names_no_doer() {
    let f = facts(
        "Russian troops attacked Ukrainian positions near the border on Sunday. \
         Poland condemned the report.",
    );
    assert!(!has(&f, "POL", "RUS", "11"), "{f:?}");
}

#[test]
fn the_object_of_the_act_told_before_is_not_its_doer() {
    // The board endorsed France; France did not decide anything.
    let f = facts(
        "Most of the party's executive board voted to endorse France on Monday. \
         Germany condemned the decision.",
    );
    assert!(!has(&f, "DEU", "FRA", "11"), "{f:?}");
    let f =
        facts("Three-quarters of the members backed Spain in the vote. Italy criticized the move.");
    assert!(!has(&f, "ITA", "ESP", "11"), "{f:?}");
}

#[test]
fn condemning_the_offensive_targets_its_doer() {
    let f = facts(
        "Bolivia launched a military offensive near the border on Monday. \
         Peru condemned the offensive.",
    );
    assert!(has(&f, "PER", "BOL", "11"), "{f:?}");
}
