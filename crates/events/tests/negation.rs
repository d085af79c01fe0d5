//! Negated events on sentences written for these tests: a negation read
//! across a clause set off by commas, and a negated acceptance or
//! recognition coded as the rejection it reports (CAMEO 12x), never as the
//! positive event.

mod support;

use support::{facts, has};

#[test]
fn a_negated_acceptance_is_a_rejection() {
    let f = facts("Russia did not accept the Ukrainian delegation.");
    assert!(has(&f, "RUS", "UKR", "12"), "{f:?}");
    let f = facts("Turkey refused to recognise the government of Cyprus.");
    assert!(has(&f, "TUR", "CYP", "12"), "{f:?}");
    assert!(!has(&f, "", "", "054"), "{f:?}");
    let f = facts("Serbia does not recognize Kosovo.");
    assert!(has(&f, "SRB", "", "12"), "{f:?}");
    assert!(!has(&f, "", "", "05"), "{f:?}");
}

#[test]
fn an_acceptance_that_is_not_negated_is_no_rejection() {
    let f = facts("Russia accepted the Ukrainian delegation.");
    assert!(!has(&f, "", "", "12"), "{f:?}");
    // "not only … but also" negates nothing.
    let f = facts("Spain not only recognized Kosovo but also opened an embassy.");
    assert!(!has(&f, "", "", "12"), "{f:?}");
}

#[test]
fn a_negated_acceptance_in_a_relative_clause_describes() {
    let f = facts("Voters want a Senate candidate who has not accepted money from China.");
    assert!(!has(&f, "", "", "12"), "{f:?}");
}

#[test]
fn a_negation_holds_across_an_inserted_reporting_clause() {
    let f = facts("Iran did not, officials said, accept the offer from Germany.");
    assert!(has(&f, "IRN", "DEU", "12"), "{f:?}");
    // The subject stands before the inserted clause, not in it.
    let f = facts("Iran, the Russian foreign minister said, did not accept the plan from France.");
    assert!(has(&f, "IRN", "FRA", "12"), "{f:?}");
    assert!(!has(&f, "RUS", "", ""), "{f:?}");
}

#[test]
fn a_negation_holds_across_coordinated_auxiliaries_and_adverbs() {
    let f = facts("The United States does not, and never will, accept Iran as a nuclear power.");
    assert!(has(&f, "USA", "IRN", "12"), "{f:?}");
    let f = facts("Egypt did not, however, meet Israeli officials in Cairo.");
    assert!(!has(&f, "", "", "04"), "{f:?}");
}

#[test]
fn other_negated_events_are_no_facts() {
    let f = facts("Egypt did not meet Israeli officials on Monday.");
    assert!(!has(&f, "", "", "04"), "{f:?}");
    let f = facts("China has not threatened Japan.");
    assert!(!has(&f, "", "", "13"), "{f:?}");
    // Nor do they become rejections: not meeting is not refusing.
    assert!(!has(&f, "", "", "12"), "{f:?}");
}
