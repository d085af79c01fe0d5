//! A disapproval with no object of its own is aimed at the subject of the
//! "that" clause after it ("expressed anger that Pakistan had not …",
//! "complained that China was dumping …": `coder/targets.rs`'s
//! `that_clause_subject`). On sentences written for these tests.

mod support;

use support::{facts, has};

#[test]
fn a_complaint_is_aimed_at_the_subject_of_its_that_clause() {
    let f = facts("Obama complained that China was dumping cheap steel on world markets.");
    assert!(has(&f, "USA", "CHN", "11"), "{f:?}");
    let f = facts(
        "The Indian foreign minister expressed anger that Pakistan had not arrested the suspects.",
    );
    assert!(has(&f, "IND", "PAK", "11"), "{f:?}");
    let f = facts(
        "The Kenyan president expressed frustration in a speech on Tuesday that \
         Somalia had ignored the deal.",
    );
    assert!(has(&f, "KEN", "SOM", "11"), "{f:?}");
}

#[test]
fn a_that_clause_with_no_actor_or_after_a_comma_gives_no_target() {
    let f = facts("Trump complained that the weather was bad.");
    assert!(!has(&f, "USA", "", "11"), "{f:?}");
    let f = facts(
        "The Kenyan president expressed frustration, and said that Somalia had ignored the deal.",
    );
    assert!(!has(&f, "KEN", "SOM", "11"), "{f:?}");
}
