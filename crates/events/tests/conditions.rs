//! What the grammar says was not done is no fact: an act promised with a
//! condition after it ("would condemn China if Beijing attacked") and one
//! that "would have" been done. A threat made on a condition is still made.
//! On sentences written for these tests.

mod support;

use support::{facts, has};

#[test]
fn a_promised_act_is_a_fact_of_its_own() {
    let f = facts("Japan said it would condemn China.");
    assert!(has(&f, "JPN", "CHN", "111"), "{f:?}");
}

#[test]
fn a_promised_act_with_a_condition_after_it_is_no_fact() {
    let f = facts("Japan said it would condemn China if Beijing attacked the islands.");
    assert!(!has(&f, "JPN", "CHN", "11"), "{f:?}");
}

#[test]
fn would_be_supportive_if_is_no_fact() {
    let f = facts("Japan said it would be supportive of China if Beijing cut tariffs.");
    assert!(!has(&f, "JPN", "CHN", "05"), "{f:?}");
}

#[test]
fn will_unless_is_no_fact() {
    let f = facts("Egypt will criticize Israel unless the raids stop.");
    assert!(!has(&f, "EGY", "ISR", "11"), "{f:?}");
}

#[test]
fn even_if_leaves_the_promise_a_fact() {
    let f = facts("Japan said it would sanction China even if Beijing apologized.");
    assert!(has(&f, "JPN", "CHN", "16"), "{f:?}");
}

#[test]
fn a_condition_in_a_later_clause_is_not_the_promises() {
    let f = facts(
        "Japan said it would condemn China, given reports that Beijing would leave the talks if pressed.",
    );
    assert!(has(&f, "JPN", "CHN", "111"), "{f:?}");
}

#[test]
fn a_threat_on_a_condition_is_still_a_threat() {
    let f = facts("Egypt threatened to sanction Israel if the raids continued.");
    assert!(has(&f, "EGY", "ISR", "13"), "{f:?}");
}

#[test]
fn would_have_done_is_no_fact_even_when_reported() {
    let f = facts("France said it would have criticized Germany.");
    assert!(!has(&f, "FRA", "DEU", "11"), "{f:?}");
}
