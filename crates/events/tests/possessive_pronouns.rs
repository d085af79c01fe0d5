//! An event noun whose possessor is "its" or "their" ("their battle
//! against", "its investigation of") is done by the actor the pronoun points
//! back to, the last one named before it in the sentence; on sentences
//! written for these tests.

mod support;

use support::{facts, has};

#[test]
fn their_names_the_last_actor_before_it() {
    let f = facts(
        "Britain sent advisers to help Kenyan troops in their battle against Somali militants.",
    );
    assert!(has(&f, "KEN", "SOM", "19"), "{f:?}");
}

#[test]
fn its_names_the_state_before_it() {
    let f = facts("The new radar gives France an edge in its fight against the Islamic State.");
    assert!(
        f.iter()
            .any(|e| e.source.starts_with("FRA") && e.cameo.starts_with("19")),
        "{f:?}"
    );
}

#[test]
fn a_personal_possessive_is_left_alone() {
    // "his" may point past the nearest actor (here to the speaker), so it
    // names no source.
    let f = facts("Kenya said the senator would keep up his attacks on Uganda.");
    assert!(!f.iter().any(|e| e.source.starts_with("KEN")), "{f:?}");
}
