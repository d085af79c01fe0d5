//! A verb after "and" shares its subject with the verb it is coordinated
//! with, never taking that verb's object; on sentences written for these
//! tests.

mod support;

use support::{facts as code, has};

#[test]
fn the_object_of_the_first_of_two_ing_verbs_is_not_the_seconds_subject() {
    let got =
        code("The deal might give both parties a better chance of beating Germany and denying France a majority.");
    assert!(!has(&got, "DEU", "", ""), "{got:?}");
}

#[test]
fn a_second_ing_verb_keeps_the_subject_before_both() {
    let got = code(
        "Italy had praised Spain, stating there was a benefit to having Portugal in the bloc \
         and criticizing Greece for its budget.",
    );
    assert!(has(&got, "ITA", "GRC", "11"), "{got:?}");
    assert!(!has(&got, "ESP", "GRC", ""), "{got:?}");
    assert!(!has(&got, "PRT", "GRC", ""), "{got:?}");
}

#[test]
fn a_verb_after_a_passive_shares_its_subject_not_its_agent() {
    let got = code("Ukraine was invaded by Russia in 2022 and asked NATO for weapons.");
    assert!(has(&got, "RUS", "UKR", "19"), "{got:?}");
    assert!(has(&got, "UKR", "IGONAT", "02"), "{got:?}");
    assert!(!has(&got, "RUS", "IGONAT", ""), "{got:?}");
    let got = code("Canada was criticized by China and urged Beijing to release the detainees.");
    assert!(has(&got, "CAN", "CHN", "02"), "{got:?}");
    assert!(!has(&got, "CHN", "CHN", ""), "{got:?}");
}

#[test]
fn a_past_form_after_a_modals_verb_is_a_fact_of_its_own() {
    // "would expel" is future; "condemned" is no bare verb a modal takes.
    let got = code(
        "Russia said it would expel the British diplomats and condemned London for the sanctions.",
    );
    assert!(has(&got, "RUS", "GBR", "11"), "{got:?}");
    // After a perfect the "-ed" form is the modal's participle still.
    let got = code("Russia would have expelled the diplomats and condemned London.");
    assert!(!has(&got, "RUS", "GBR", "11"), "{got:?}");
}
