//! "The blast, which state media said killed five soldiers": the one who
//! reports a relative clause (`coder/roles.rs`'s `reported_relative`) is
//! not the doer of its verb; the phrase the clause follows is. On
//! sentences written for these tests.

mod support;

use support::{facts, has};

#[test]
fn the_reporter_of_a_relative_clause_does_not_do_its_deed() {
    let f = facts("The blast, which state media said killed five Syrian soldiers, shook the town.");
    assert!(!has(&f, "---MED", "", "19"), "{f:?}");
    assert!(f.is_empty(), "{f:?}");
    let f = facts(
        "The deal, which officials claimed allows Iran to enrich uranium, was signed on Monday.",
    );
    assert!(!has(&f, "", "IRN", "08"), "{f:?}");
}

#[test]
fn the_phrase_the_relative_clause_follows_does_the_deed() {
    let f = facts("Turkey, which Russian officials say attacked Syrian troops, denied the claim.");
    assert!(has(&f, "TUR", "SYR", "19"), "{f:?}");
    assert!(!has(&f, "RUS", "SYR", "19"), "{f:?}");
    let f = facts(
        "Nigeria, which Chadian officials said had accused Chad of harbouring rebels, \
         stayed silent.",
    );
    assert!(has(&f, "NGA", "TCD", "112"), "{f:?}");
}
