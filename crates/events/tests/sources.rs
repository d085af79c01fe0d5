//! Who acts when the subject is far from its verb: clauses inserted
//! between them, on sentences written for these tests.

mod support;

use support::{facts, has};

#[test]
fn a_relative_clause_between_subject_and_verb_is_skipped() {
    // Set off by dashes, with a condition of its own inside.
    let f = facts(
        "The Kenyan government - which has rejected the plan if the talks resume - \
         criticised Tanzania on Monday.",
    );
    assert!(has(&f, "KEN", "TZA", "11"), "{f:?}");
    // Set off by commas.
    let f = facts(
        "The Kenyan government, which has rejected the plan if the talks resume, \
         criticised Tanzania on Monday.",
    );
    assert!(has(&f, "KEN", "TZA", "11"), "{f:?}");
}

#[test]
fn a_dashed_apposition_is_the_subject_itself() {
    let f = facts("Two of its neighbours - Kenya and Uganda - criticised Tanzania on Monday.");
    assert!(
        has(&f, "KEN", "TZA", "11") && has(&f, "UGA", "TZA", "11"),
        "{f:?}"
    );
}
