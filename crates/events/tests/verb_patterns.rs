//! Verb patterns for common news verbs the CAMEO table misses or miscodes,
//! on sentences written for these tests.

mod support;

use support::{facts, has};

#[test]
fn breaking_with_someone_is_a_rejection_not_a_threat() {
    let f = facts("Germany broke with France on Tuesday over the farm budget.");
    assert!(has(&f, "DEU", "FRA", "12"), "{f:?}");
    assert!(!has(&f, "", "", "13"), "{f:?}");
}

#[test]
fn breaking_with_resolutions_defies_norms() {
    let f = facts("Germany broke with United Nations resolutions on Tuesday.");
    assert!(has(&f, "DEU", "IGOUNO", "128"), "{f:?}");
}

#[test]
fn breaking_with_a_custom_codes_nothing() {
    let f = facts("Germany broke with tradition on Tuesday.");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn an_allegation_accuses_the_subject_of_its_clause() {
    let f = facts("Canadian officials alleged that Iran had hidden the crash site.");
    assert!(has(&f, "CAN", "IRN", "112"), "{f:?}");
}

#[test]
fn ships_handed_to_a_state_are_aid_and_warships_military_aid() {
    let f = facts("Japan will provide the Philippines with ten patrol vessels.");
    assert!(has(&f, "JPN", "PHL", "070"), "{f:?}");
    let f = facts("Japan will give two warships to the Philippines.");
    assert!(has(&f, "JPN", "PHL", "072"), "{f:?}");
}

#[test]
fn weapons_provided_with_are_military_aid() {
    let f = facts("France will supply Ukraine with artillery and ammunition.");
    assert!(has(&f, "FRA", "UKR", "072"), "{f:?}");
}

#[test]
fn information_provided_is_no_aid() {
    let f = facts("Japan will provide the Philippines with detailed information.");
    assert!(!has(&f, "", "", "07"), "{f:?}");
}
