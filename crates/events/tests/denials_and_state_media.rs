//! An act whose object "no" opens is denied ("offered no apologies"), and
//! "state media" whose state the text leaves unsaid are not the article's
//! main country's. On sentences written for these tests.

mod support;

use model::EntityType;
use support::{entity, facts, facts_with, has};

#[test]
fn an_object_opened_by_no_is_no_act() {
    let f = facts("Turkey offered no apologies to Russia for the downing of the jet.");
    assert!(!has(&f, "TUR", "RUS", "03"), "{f:?}");
    let f = facts("Russia gave no support to the rebels in Syria.");
    assert!(!has(&f, "RUS", "", "07"), "{f:?}");
    let f = facts("Kenya offered no help to Somalia after the floods.");
    assert!(!has(&f, "KEN", "SOM", "03"), "{f:?}");
    // A promise of none is denied too, and no refusal of a request.
    let f = facts("Germany will give no aid to the rebels in Syria.");
    assert!(!has(&f, "DEU", "", "07"), "{f:?}");
    assert!(!has(&f, "DEU", "", "12"), "{f:?}");
    // Without the "no" each is told as done.
    let f = facts("Russia gave support to the rebels in Syria.");
    assert!(has(&f, "RUS", "", "07"), "{f:?}");
    let f = facts("Kenya offered help to Somalia after the floods.");
    assert!(has(&f, "KEN", "SOM", "03"), "{f:?}");
}

#[test]
fn a_rejection_that_names_its_no_and_no_fewer_than_stay_told() {
    // PETRARCH's patterns code "made no concessions" as a refusal itself.
    let f = facts("Iran made no concessions to the United States.");
    assert!(has(&f, "IRN", "USA", "12"), "{f:?}");
    // "no fewer than" counts the victims; it denies nothing.
    let f = facts("Syrian troops killed no fewer than 20 rebels in Aleppo.");
    assert!(has(&f, "SYR", "", "19"), "{f:?}");
    let f = facts("Syrian troops attacked no fewer than 20 villages in Turkey.");
    assert!(has(&f, "SYR", "TUR", "19"), "{f:?}");
}

/// A story mostly about the United States that also names North Korea in
/// two sentences: the main country is the USA, the runner-up North Korea.
fn two_country_story(last: &str) -> Vec<support::Fact> {
    let text = format!(
        "The United States condemned North Korea on Friday. Washington said \
         the United States would seek sanctions. North Korea fired a missile \
         on Monday. {last}"
    );
    let usa = entity(
        &text,
        "e1",
        EntityType::Gpe,
        Some("USA"),
        &["United States", "Washington"],
    );
    let prk = entity(&text, "e2", EntityType::Gpe, Some("PRK"), &["North Korea"]);
    facts_with(&text, vec![usa, prk])
}

#[test]
fn state_media_of_no_named_state_are_not_the_main_countrys() {
    let f = two_country_story("State media praised the army for the launch.");
    assert!(!has(&f, "USAMED", "", ""), "{f:?}");
    let f = two_country_story("On Tuesday, state television criticized Japan.");
    assert!(!has(&f, "USAMED", "", ""), "{f:?}");
    let f = two_country_story("The state-run news agency accused South Korea of spying.");
    assert!(!has(&f, "USAMED", "", ""), "{f:?}");
    // Named, they are that state's.
    let f = two_country_story("North Korean state media accused South Korea of spying.");
    assert!(has(&f, "PRKMED", "KOR", "11"), "{f:?}");
}
