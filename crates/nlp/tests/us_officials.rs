//! The country of named US officials: a title of the US Congress, a US
//! state before a title, a party–state tag or "of" a state after a
//! governor's name say the person is American, whatever country the
//! article is mostly about; a foreign nationality before the title still
//! wins. On sentences written for these tests.

mod support;

use model::{Analysis, EntityType};
use support::analyse;

/// The actor code of the person entity named `name`.
fn code_of(a: &Analysis, name: &str) -> Option<String> {
    let e = a
        .entities
        .iter()
        .find(|e| e.name == name && e.kind == EntityType::Person);
    let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
    e.unwrap_or_else(|| panic!("no person {name} in {names:?}"))
        .actor
        .clone()
}

#[test]
fn a_congress_title_makes_a_us_lawmaker_in_an_article_about_another_country() {
    let a = analyse(
        "Mexican trucks will cross the border next year. The deal angered \
         Sen. Alma Fenwick, who met Iranian officials last month. \
         Representative Dale Prout, Republican of Ohio, told Iranian diplomats \
         to leave.",
    );
    assert_eq!(code_of(&a, "Alma Fenwick").as_deref(), Some("USALEG"));
    assert_eq!(code_of(&a, "Dale Prout").as_deref(), Some("USALEG"));
}

#[test]
fn a_us_state_that_is_also_a_country_before_a_title_is_the_state() {
    let a = analyse(
        "Former Georgia Gov. Wendell Marsh endorsed the plan. \
         Georgia Rep. Ruth Calder opposed it.",
    );
    assert_eq!(code_of(&a, "Wendell Marsh").as_deref(), Some("USAGOV"));
    assert_eq!(code_of(&a, "Ruth Calder").as_deref(), Some("USALEG"));
}

#[test]
fn an_abbreviated_plural_title_names_lawmakers_not_the_country_after_them() {
    let a = analyse("The bill was backed by Sens. Carl Ostrander of Georgia and others.");
    assert_eq!(code_of(&a, "Carl Ostrander").as_deref(), Some("USALEG"));
}

#[test]
fn a_governor_is_a_us_states_with_a_party_tag_or_a_state_after_the_name() {
    let a = analyse(
        "Gov. Nora Halvorsen (R-Ga.) signed the bill in Tbilisi. \
         Gov. Ivan Petty of Ohio did not.",
    );
    assert_eq!(code_of(&a, "Nora Halvorsen").as_deref(), Some("USAGOV"));
    assert_eq!(code_of(&a, "Ivan Petty").as_deref(), Some("USAGOV"));
}

#[test]
fn a_foreign_nationality_before_the_title_still_decides() {
    let a = analyse("Nigerian Sen. Obi Nwankwo spoke in Abuja on Monday.");
    assert_eq!(code_of(&a, "Obi Nwankwo").as_deref(), Some("NGALEG"));
}

#[test]
fn a_paragraph_opening_us_state_is_not_the_country_its_name_ends_in() {
    let a = analyse(
        "Harlan Voss Calls Rival A Disgrace.\n\n\
         New Jersey Gov. Harlan Voss described his rival as a disgrace on Tuesday.",
    );
    let place = a
        .entities
        .iter()
        .find(|e| e.kind == EntityType::Gpe)
        .map(|e| (e.name.as_str(), e.actor.as_deref()));
    assert_eq!(place, Some(("New Jersey", Some("USA"))));
    assert_eq!(code_of(&a, "Harlan Voss").as_deref(), Some("USAGOV"));
}

/// The actor code of the GPE entity named `name`.
fn place_code(a: &Analysis, name: &str) -> Option<String> {
    a.entities
        .iter()
        .find(|e| e.name == name && e.kind == EntityType::Gpe)
        .and_then(|e| e.actor.clone())
}

#[test]
fn georgia_beside_other_us_states_is_the_state_and_beside_tbilisi_the_country() {
    let a = analyse(
        "The senator campaigned in Ohio and Texas last week. Georgia votes next \
         Tuesday, and Dana Whitlow, the Georgia party chairman, expects a close race.",
    );
    assert_eq!(place_code(&a, "Georgia").as_deref(), Some("USA"));
    let a = analyse(
        "Officials in Tbilisi said Georgia would hold talks. Georgia and Ohio \
         signed a trade deal on Monday.",
    );
    assert_eq!(place_code(&a, "Georgia").as_deref(), Some("GEO"));
}

#[test]
fn an_envoys_representative_title_is_no_us_lawmakers() {
    let a = analyse(
        "The talks in Geneva were chaired by UN Special Representative Mira Talvik, \
         who met Syrian officials on Monday.",
    );
    assert_ne!(code_of(&a, "Mira Talvik").as_deref(), Some("USALEG"));
    let a = analyse("The bill was praised by U.S. Representative Joan Pellam on Monday.");
    assert_eq!(code_of(&a, "Joan Pellam").as_deref(), Some("USALEG"));
}
