//! Targets carried from the blame told just before, and objects that are
//! owned by no actor (`coder/targets.rs`, `coder/roles.rs`); on sentences
//! written for these tests.

mod support;

use support::{facts, has};

#[test]
fn a_threat_with_no_target_aims_at_whom_its_side_condemned() {
    let f = facts(
        "Canada condemned Venezuela's seizure of the oil tankers on Tuesday. \
         The Canadian government threatened sanctions.",
    );
    assert!(has(&f, "CAN", "VEN", "13"), "{f:?}");
}

#[test]
fn sanctions_in_the_same_sentence_aim_at_the_one_condemned() {
    let f = facts("Canada condemned the raid by Venezuela and imposed sanctions.");
    assert!(has(&f, "CAN", "VEN", "16"), "{f:?}");
}

#[test]
fn another_sides_blame_gives_no_target() {
    let f = facts(
        "Canada condemned Venezuela's seizure of the oil tankers on Tuesday. \
         Brazil threatened sanctions.",
    );
    assert!(!has(&f, "BRA", "VEN", "13"), "{f:?}");
}

#[test]
fn a_threat_about_a_thing_of_its_own_takes_no_earlier_target() {
    let f = facts(
        "Canada condemned Venezuela's seizure of the oil tankers on Tuesday. \
         The Canadian government vowed to curb the smuggling of fuel.",
    );
    assert!(!has(&f, "CAN", "VEN", "16"), "{f:?}");
}

#[test]
fn the_complement_of_a_noun_owned_by_no_actor_is_not_the_target() {
    let f = facts("Senators in Ottawa questioned the province's dependence on Venezuela for oil.");
    assert!(!has(&f, "CAN", "VEN", "11"), "{f:?}");
}

#[test]
fn an_owned_noun_that_is_an_actor_stays_the_target() {
    let f = facts("Canada accused the North's leader of lying.");
    assert!(has(&f, "CAN", "", "11"), "{f:?}");
}
