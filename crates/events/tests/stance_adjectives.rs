//! A stance said with an adjective after a copula ("has been critical of",
//! "was supportive of") is criticism (111) or praise (051) of the actor
//! after "of", by the clause's subject; on sentences written for these
//! tests.

mod support;

use support::{facts, has};

#[test]
fn critical_of_is_criticism() {
    let f = facts("Japan has been sharply critical of China over the disputed islands.");
    assert!(has(&f, "JPN", "CHN", "111"), "{f:?}");
}

#[test]
fn critical_of_a_possessor_criticises_the_possessor() {
    let f = facts("The Indian government was critical of Pakistan's response to the attack.");
    assert!(has(&f, "IND", "PAK", "111"), "{f:?}");
}

#[test]
fn supportive_of_is_endorsement() {
    let f = facts("Kenya has been supportive of Uganda throughout the talks.");
    assert!(has(&f, "KEN", "UGA", "051"), "{f:?}");
}

#[test]
fn a_negated_stance_is_no_fact() {
    let f = facts("Kenya was not critical of Uganda.");
    assert!(!has(&f, "KEN", "UGA", "11"), "{f:?}");
}

#[test]
fn critical_with_no_one_after_it_codes_nothing() {
    let f = facts("Egypt said the talks with Israel were at a critical stage.");
    assert!(!f.iter().any(|e| e.cameo.starts_with("11")), "{f:?}");
}
