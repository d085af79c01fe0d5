//! "the two countries", "both nations" (`actor_words.txt`'s
//! `[country-anaphors]`, `coder/antecedents.rs`'s `country_pair`): a
//! country-group anaphor stands for the last two countries the text named,
//! as source or as target. On sentences written for these tests.

mod support;

use support::{facts, has};

#[test]
fn the_two_countries_as_the_target_are_both_last_named() {
    let f = facts(
        "Kenya and Uganda signed a border accord on Monday. Ethiopia praised \
         both countries.",
    );
    assert!(has(&f, "ETH", "KEN", "05"), "{f:?}");
    assert!(has(&f, "ETH", "UGA", "05"), "{f:?}");
    let f = facts(
        "India accused Pakistan of shelling border villages. Russia \
         criticized the two nations for the fighting.",
    );
    assert!(has(&f, "RUS", "IND", "11"), "{f:?}");
    assert!(has(&f, "RUS", "PAK", "11"), "{f:?}");
}

#[test]
fn the_two_countries_as_the_source_act_each() {
    let f = facts(
        "Armenia blamed Azerbaijan for the clashes. The two countries \
         condemned Turkey on Friday.",
    );
    assert!(has(&f, "ARM", "TUR", "11"), "{f:?}");
    assert!(has(&f, "AZE", "TUR", "11"), "{f:?}");
}

#[test]
fn the_two_countries_with_one_named_stay_unresolved() {
    let f = facts("Kenya held elections. Ethiopia praised both countries.");
    assert!(!has(&f, "ETH", "", ""), "{f:?}");
}

#[test]
fn a_place_named_before_is_not_one_of_the_two() {
    let f = facts(
        "Obama and Putin met in China on Monday, after talks between the two \
         countries.",
    );
    assert!(has(&f, "USA", "RUS", "04"), "{f:?}");
    assert!(!has(&f, "", "CHN", ""), "{f:?}");
    assert!(!has(&f, "CHN", "", ""), "{f:?}");
}
