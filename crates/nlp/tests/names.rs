//! Entity names on news text written for the project in the shapes of
//! issue 17: one reading per name in a document, titles outside names,
//! no fragments, organisations recognised by their structure.

mod support;

use model::{Analysis, Entity, EntityType};
use support::analyse;

fn describe(a: &Analysis) -> String {
    a.entities
        .iter()
        .map(|e| format!("{} {:?} x{}", e.name, e.kind, e.mentions.len()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn named<'a>(a: &'a Analysis, name: &str) -> Option<&'a Entity> {
    a.entities.iter().find(|e| e.name == name)
}

/// Every mention of `word` written alone belongs to an entity of `kind`.
fn every_mention_is(a: &Analysis, word: &str, kind: EntityType) {
    let text = a.text();
    let mut seen = 0;
    for e in &a.entities {
        for m in &e.mentions {
            if m.slice(text) == word {
                seen += 1;
                assert_eq!(e.kind, kind, "{word} in {}:\n{}", e.name, describe(a));
            }
        }
    }
    assert!(seen > 0, "no mention of {word}:\n{}", describe(a));
}

#[test]
fn a_surname_is_read_once_per_document_as_the_person() {
    let a = analyse(
        "President Donald Halvorsen underwent his annual physical on Friday. \
         Halvorsen, 72, is in very good health, his physician said. \
         Mr. Halvorsen weighs 243 pounds, according to the memo. \
         Doctors said Halvorsen would be fit for duty.",
    );
    every_mention_is(&a, "Halvorsen", EntityType::Person);
}

#[test]
fn titles_are_outside_the_name_and_kept_as_titles() {
    let a = analyse(
        "The exam was led by Dr. Tomas Brevik at the hospital. \
         Brevik said the results were excellent.",
    );
    let e = named(&a, "Tomas Brevik").unwrap_or_else(|| panic!("{}", describe(&a)));
    assert_eq!(e.kind, EntityType::Person);
    let titles: Vec<&str> = e.titles.iter().map(|t| t.slice(a.text())).collect();
    assert_eq!(titles, ["Dr."]);
    assert!(named(&a, "Dr. Tomas Brevik").is_none(), "{}", describe(&a));
}

#[test]
fn a_hyphenated_given_name_is_part_of_the_person() {
    let a = analyse(
        "The case was dropped, said Deputy Director of Public Prosecution \
         Anna-Lena Fjeldstad on Tuesday. Fjeldstad gave no reason.",
    );
    let e = named(&a, "Anna-Lena Fjeldstad").unwrap_or_else(|| panic!("{}", describe(&a)));
    assert_eq!(e.kind, EntityType::Person);
    let titles: Vec<&str> = e.titles.iter().map(|t| t.slice(a.text())).collect();
    assert_eq!(titles, ["Deputy Director of Public Prosecution"]);
}

#[test]
fn lone_titles_and_head_words_are_no_entities() {
    let a = analyse(
        "The Norrland Prosecution Authority appealed. The Authority said \
         the Court had erred. Mr said nothing. Grade E was enough.",
    );
    for fragment in ["Authority", "Court", "Mr", "E"] {
        assert!(
            !a.entities
                .iter()
                .any(|e| e.mentions.iter().any(|m| m.slice(a.text()) == fragment)),
            "{fragment} is an entity:\n{}",
            describe(&a)
        );
    }
    let e = a
        .entities
        .iter()
        .find(|e| e.name.ends_with("Norrland Prosecution Authority"))
        .unwrap_or_else(|| panic!("{}", describe(&a)));
    assert_eq!(e.kind, EntityType::Org);
}

#[test]
fn a_newspaper_named_after_a_city_is_an_organisation() {
    let a = analyse(
        "The claim was rated false by The Halvik Post's Fact Checker, \
         which reviewed the speech on Monday.",
    );
    let e = a
        .entities
        .iter()
        .find(|e| e.name.contains("Halvik Post"))
        .unwrap_or_else(|| panic!("{}", describe(&a)));
    assert_eq!(e.kind, EntityType::Org, "{}", describe(&a));
}

#[test]
fn names_do_not_end_in_a_preposition() {
    let a = analyse("She studied at the Eastbury Polytechnic University in Lund for four years.");
    assert!(
        a.entities.iter().all(|e| !e.name.ends_with(" in")),
        "{}",
        describe(&a)
    );
}

#[test]
fn capital_sub_heads_keep_only_words_the_page_names() {
    let a = analyse(
        "Markets rallied on Monday as investors cheered the deal.\n\n\
         ESTONIA SLIDES\n\n\
         Shares in Estonia fell after the vote.",
    );
    assert!(
        a.entities.iter().all(|e| e
            .mentions
            .iter()
            .all(|m| !m.slice(a.text()).contains("SLIDES"))),
        "{}",
        describe(&a)
    );
}

#[test]
fn an_agency_described_as_one_is_an_organisation_in_every_mention() {
    let a = analyse(
        "Footage from Vidora, a video news agency, showed police entering the \
         embassy. Vidora said its crew was unharmed.",
    );
    every_mention_is(&a, "Vidora", EntityType::Org);
}

#[test]
fn a_court_named_with_a_plural_possessive_is_one_organisation() {
    let a = analyse(
        "He appeared at Westminster Magistrates' Court on Thursday. A judge at \
         Westminster Magistrates' Court adjourned the hearing.",
    );
    let e =
        named(&a, "Westminster Magistrates' Court").unwrap_or_else(|| panic!("{}", describe(&a)));
    assert_eq!(e.kind, EntityType::Org);
    assert_eq!(e.mentions.len(), 2, "{}", describe(&a));
    assert!(
        named(&a, "Westminster Magistrates").is_none(),
        "{}",
        describe(&a)
    );
}

#[test]
fn foreign_names_after_a_role_are_people_with_their_titles() {
    let a = analyse(
        "Leakstream editor-in-chief Sigurdur Hallvardsson told reporters in London \
         that the publisher would fight the extradition. Former Bolivian President \
         Tupac Quispe said on Sunday he would return to La Paz. Quispe resigned in \
         November, and Hallvardsson said the case was political.",
    );
    every_mention_is(&a, "Hallvardsson", EntityType::Person);
    every_mention_is(&a, "Quispe", EntityType::Person);
    let e = named(&a, "Tupac Quispe").unwrap_or_else(|| panic!("{}", describe(&a)));
    let titles: Vec<&str> = e.titles.iter().map(|t| t.slice(a.text())).collect();
    assert_eq!(titles, ["President"]);
}

#[test]
fn particles_and_compound_ranks_stay_with_the_right_part() {
    let a = analyse(
        "Lieutenant Colonel Abdulrahman bin Khalid al-Harbi met Gen. Marta de la \
         Vega and Ludwig van Helden in Riyadh.",
    );
    for (name, title) in [
        (
            "Abdulrahman bin Khalid al-Harbi",
            Some("Lieutenant Colonel"),
        ),
        ("Marta de la Vega", Some("Gen.")),
        ("Ludwig van Helden", None),
    ] {
        let e = named(&a, name).unwrap_or_else(|| panic!("{name}:\n{}", describe(&a)));
        assert_eq!(e.kind, EntityType::Person, "{name}");
        let titles: Vec<&str> = e.titles.iter().map(|t| t.slice(a.text())).collect();
        assert_eq!(titles, title.into_iter().collect::<Vec<_>>(), "{name}");
    }
}
