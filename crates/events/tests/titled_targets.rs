//! A target named with a courtesy title ("Mr.", "Mrs.", "Dr."), as most
//! papers write a person after the first mention, is found by the verb
//! patterns whose target follows a preposition, on sentences written for
//! these tests.

mod support;

use support::{facts, has};

#[test]
fn a_titled_target_after_a_preposition_is_coded() {
    let f = facts("The Russian president spoke warmly of Mr. Obama after the summit.");
    assert!(has(&f, "RUS", "USA", "051"), "{f:?}");
    let f = facts("The Kenyan foreign minister came to the defense of Mr. Putin on Tuesday.");
    assert!(has(&f, "KEN", "RUS", "052"), "{f:?}");
}

#[test]
fn both_before_a_coordinated_target_is_skipped() {
    let f = facts("The Iranian president lashed out at both Russia and Turkey on Sunday.");
    assert!(has(&f, "IRN", "RUS", "111"), "{f:?}");
    assert!(has(&f, "IRN", "TUR", "111"), "{f:?}");
}

#[test]
fn a_noun_phrase_before_an_actor_is_no_target() {
    // Only an article, "both" and titles are skipped: "the deal with Iran"
    // is a deal, not Iran.
    let f = facts("The Russian president spoke warmly of the deal with Iran.");
    assert!(!has(&f, "RUS", "IRN", "051"), "{f:?}");
}

#[test]
fn the_untitled_target_still_codes_the_same_way() {
    let f = facts("The Russian president spoke warmly of Barack Obama after the summit.");
    assert!(has(&f, "RUS", "USA", "051"), "{f:?}");
    let f = facts("Russian officials took shots at President Obama over the deal.");
    assert!(has(&f, "RUS", "USA", "111"), "{f:?}");
}
