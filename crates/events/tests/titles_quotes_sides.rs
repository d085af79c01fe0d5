//! Who an actor phrase names, on sentences written for these tests: a
//! title and a name side by side are one person; a quotation mark after a
//! name is no genitive; an object pronoun is not its subject's own country.

mod support;

use model::EntityType;
use support::{entity, facts, facts_with, has};

#[test]
fn a_title_and_a_coded_name_are_one_actor() {
    let text = "Sen. Jane Roe tore into President Barack Obama on Tuesday night.";
    let roe = entity(
        text,
        "e1",
        EntityType::Person,
        Some("USAELI"),
        &["Jane Roe"],
    );
    let f = facts_with(text, vec![roe]);
    assert!(has(&f, "USALEG", "USA", "11"), "{f:?}");
    // Not a second source for the same person.
    assert!(!f.iter().any(|x| x.source == "USAELI"), "{f:?}");
}

#[test]
fn a_spaced_quote_mark_after_a_name_is_no_genitive() {
    // The ASCII double quote some papers write as two apostrophes: "it"
    // is China, not the officials of the sentence before.
    let f = facts(
        "An American admiral met Japanese officials on Monday. He called China ''reckless,'' and warned it against building islands.",
    );
    assert!(has(&f, "USA", "CHN", "13"), "{f:?}");
    assert!(!has(&f, "USA", "JPN", "13"), "{f:?}");
}

#[test]
fn an_object_pronoun_is_not_the_subjects_own_country() {
    let f = facts(
        "The Russian president accused Turkey of stabbing Russia in the back. He also threatened it with sanctions.",
    );
    assert!(has(&f, "RUS", "TUR", "13"), "{f:?}");
    assert!(!has(&f, "RUS", "RUS", "13"), "{f:?}");
}
