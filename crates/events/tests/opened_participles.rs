//! Participle clauses opened by a subordinator ("after meeting Putin",
//! "before backing the plan"): a meeting told with the "-ing" form and an
//! object is a meeting by the main clause's subject, and an object of the
//! clause before is never the participle's doer. On sentences written for
//! these tests.

mod support;

use support::{facts, has};

#[test]
fn meeting_someone_is_a_meeting_by_the_main_subject() {
    // "meeting" is an event noun too ("the meeting with …"); with an
    // object right after it, it is the verb, done by the main subject.
    let f = facts(
        "The Kenyan president said after meeting Ugandan officials that the talks had been \
         useful.",
    );
    assert!(has(&f, "KEN", "UGA", "04"), "{f:?}");
    let f = facts("After meeting Putin in Beijing, the French president praised the talks.");
    assert!(has(&f, "FRA", "RUS", "04"), "{f:?}");
    let f = facts("Before meeting the Iranian foreign minister, Kerry spoke to reporters.");
    assert!(has(&f, "USA", "IRN", "04"), "{f:?}");
    let f =
        facts("Japan's foreign minister was meeting South Korean diplomats in Seoul on Monday.");
    assert!(has(&f, "JPN", "KOR", "04"), "{f:?}");
}

#[test]
fn a_meeting_noun_is_still_no_verb() {
    // After an article the word names the meeting, which has no doer here.
    let f = facts("The meeting Putin called for Monday was cancelled.");
    assert!(!f.iter().any(|e| e.cameo.starts_with("04")), "{f:?}");
}

#[test]
fn an_object_before_the_subordinator_is_not_the_participles_doer() {
    // The refugees are sent, Japan is praised, the immigrants deported:
    // none of them backs, visits or praises anyone.
    let f = facts(
        "The senators told voters that the army would send Syrian refugees to their towns \
         before backing the president's plan.",
    );
    assert!(!has(&f, "SYR", "", "05"), "{f:?}");
    let f = facts("Obama wanted to praise Japan before visiting China.");
    assert!(!has(&f, "JPN", "CHN", ""), "{f:?}");
    let f =
        facts("Sanders promised that he would deport illegal immigrants before praising Mexico.");
    assert!(!has(&f, "---", "MEX", "05"), "{f:?}");
}
