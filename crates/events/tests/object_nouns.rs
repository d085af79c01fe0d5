//! A derived noun names the act of a verb that takes its target as a
//! direct object ("sanctioned Iran" → "sanctions against Iran"), on
//! sentences written for these tests.

mod support;

use support::{facts, has};

#[test]
fn a_derived_noun_of_an_object_verb_is_coded() {
    let f = facts("Canadian lawmakers voted on Tuesday to step up sanctions against Iran.");
    assert!(has(&f, "CAN", "IRN", "163"), "{f:?}");
}

#[test]
fn a_noun_that_is_the_verb_itself_is_not_coded_that_way() {
    // "back X" is an endorsement, "back" as a word after a verb is none.
    let f = facts("Canadian reporters tweeted back at the French president on Monday.");
    assert!(!f.iter().any(|e| e.cameo.starts_with("05")), "{f:?}");
}
