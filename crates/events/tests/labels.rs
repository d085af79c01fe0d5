//! Calling someone, or their act, a name of blame or praise ("called the
//! senator a liar", "called the move a provocation", "called the general a
//! hero") is denouncing (111) or praising (051) them; the names are the
//! lexicon's `[blame-labels]` and `[praise-labels]`. On sentences written
//! for these tests.

mod support;

use support::{facts, has};

#[test]
fn a_name_of_blame_denounces_the_one_named() {
    let f = facts("Turkey called Russia a threat to the region.");
    assert!(has(&f, "TUR", "RUS", "111"), "{f:?}");
}

#[test]
fn a_name_of_blame_may_come_from_the_lexicon_list_alone() {
    let f = facts("Russia has branded the Ukrainian government a fascist junta.");
    assert!(has(&f, "RUS", "UKR", "111"), "{f:?}");
}

#[test]
fn a_name_of_praise_praises_the_one_named() {
    let f = facts("Kenya called Uganda a champion of regional peace.");
    assert!(has(&f, "KEN", "UGA", "051"), "{f:?}");
}

#[test]
fn described_as_a_name_of_praise_is_praise() {
    let f = facts("India described Pakistan's decision as a breakthrough.");
    assert!(has(&f, "IND", "PAK", "051"), "{f:?}");
}

#[test]
fn calling_an_act_told_before_a_name_of_blame_denounces_its_doer() {
    let f = facts(
        "Russian troops entered the Crimean peninsula on Tuesday. \
         Germany called the move a provocation.",
    );
    assert!(has(&f, "DEU", "RUS", "111"), "{f:?}");
}

#[test]
fn describing_an_act_told_before_as_illegal_denounces_its_doer() {
    let f = facts(
        "Russian troops entered the Crimean peninsula on Tuesday. \
         Germany described the annexation as illegal.",
    );
    assert!(has(&f, "DEU", "RUS", "111"), "{f:?}");
}

#[test]
fn a_statement_calling_an_act_a_violation_is_its_makers() {
    let f = facts(
        "North Korea tested a nuclear bomb on Friday. \
         The Security Council issued a statement calling the test a clear violation.",
    );
    assert!(has(&f, "IGO", "PRK", "111"), "{f:?}");
}

#[test]
fn a_statement_condemning_someone_is_its_makers() {
    let f = facts("Japan issued a statement condemning North Korea.");
    assert!(has(&f, "JPN", "PRK", "111"), "{f:?}");
}

#[test]
fn calling_on_and_calling_for_are_no_names() {
    let f = facts("Ghana called on Togo to end the violence.");
    assert!(!has(&f, "GHA", "TGO", "11"), "{f:?}");
    assert!(!has(&f, "GHA", "TGO", "05"), "{f:?}");
    let f = facts("Ghana called for an end to the violations by Togo.");
    assert!(!has(&f, "GHA", "TGO", "11"), "{f:?}");
}

#[test]
fn a_side_that_condemned_the_act_before_blames_the_same_doer() {
    let f = facts(
        "Japan condemned North Korea's latest nuclear test on Friday. \
         Japan later called the test a clear violation.",
    );
    let later = f
        .iter()
        .filter(|e| e.sentence_start > 0 && e.cameo.starts_with("11"))
        .count();
    assert_eq!(later, 1, "{f:?}");
    assert!(
        f.iter()
            .any(|e| e.sentence_start > 0 && e.source.starts_with("JPN") && e.target == "PRK"),
        "{f:?}"
    );
}
