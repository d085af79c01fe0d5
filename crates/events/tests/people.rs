//! People the entity stage left without an actor code take one from their
//! article (a title before a mention, an epithet naming their nationality),
//! and what "held" means; on sentences written for these tests.

mod support;

use model::{Entity, EntityType, Span};
use support::{entity, facts_with as code_with, has};

#[test]
fn an_epithet_gives_an_uncoded_person_his_nationality() {
    let text = "Oslo prosecutors dropped the tax case against Karl Brandt on Monday. \
                The case had stalled while the Danish national lived in Spain. \
                Norway accuses Brandt of fraud.";
    let entities = vec![
        entity(
            text,
            "e1",
            EntityType::Person,
            None,
            &["Karl Brandt", "Brandt"],
        ),
        entity(text, "e2", EntityType::Norp, Some("DNK"), &["Danish"]),
        entity(text, "e3", EntityType::Gpe, Some("NOR"), &["Norway"]),
    ];
    let got = code_with(text, entities);
    assert!(has(&got, "NOR", "DNK", "112"), "{got:?}");
}

#[test]
fn without_a_country_from_the_article_a_person_stays_uncoded() {
    let text = "Norway accuses Karl Brandt of fraud.";
    let entities = vec![
        entity(text, "e1", EntityType::Person, None, &["Karl Brandt"]),
        entity(text, "e3", EntityType::Gpe, Some("NOR"), &["Norway"]),
    ];
    let got = code_with(text, entities);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_title_before_the_first_mention_codes_the_later_surname() {
    let text = "Rep. Ann Lowell spoke in Ohio on Monday. \
                Later that day Lowell accused China of hacking the election.";
    let entities = vec![
        entity(
            text,
            "e1",
            EntityType::Person,
            None,
            &["Ann Lowell", "Lowell"],
        ),
        entity(text, "e2", EntityType::Gpe, Some("CHN"), &["China"]),
    ];
    let got = code_with(text, entities);
    assert!(has(&got, "USALEG", "CHN", "112"), "{got:?}");
}

#[test]
fn a_pronoun_in_a_relative_clause_is_not_its_subject_the_country() {
    // "him" is the Dane, not Persson mentioned between, and not Norway.
    let text = "Karl Brandt lost an appeal in Oslo. \
                The Danish national has lived in Spain since 2010. \
                Anna Persson said she would appeal. \
                Brandt is fighting extradition to Norway, which accuses him of fraud.";
    let entities = vec![
        entity(
            text,
            "e1",
            EntityType::Person,
            None,
            &["Karl Brandt", "Brandt"],
        ),
        entity(text, "e2", EntityType::Person, None, &["Anna Persson"]),
        entity(text, "e3", EntityType::Norp, Some("DNK"), &["Danish"]),
        entity(text, "e4", EntityType::Gpe, Some("NOR"), &["Norway"]),
    ];
    let got = code_with(text, entities);
    assert!(has(&got, "NOR", "DNK", "112"), "{got:?}");
}

#[test]
fn people_held_by_a_state_are_detained_and_by_an_armed_group_hostages() {
    let text = "Canada wants the release of two Canadians held by Iran.";
    let got = code_with(text, Vec::new());
    assert!(has(&got, "IRN", "CAN", "173"), "{got:?}");
    let text = "Two Canadians who had been held by the Taliban since 2018 arrived home.";
    let got = code_with(text, Vec::new());
    assert!(has(&got, "AFGREB", "CAN", "181"), "{got:?}");
    let text = "Iran still holds Canadian citizens.";
    let got = code_with(text, Vec::new());
    assert!(has(&got, "IRN", "CAN", "173"), "{got:?}");
}

#[test]
fn holding_an_office_a_place_or_talks_is_no_detention() {
    for text in [
        "Germany holds the EU presidency until June.",
        "Syrian rebels held Aleppo for four years.",
        "Russia held talks with Turkey on Monday.",
        "A man holding a Vladimir Putin poster stood outside the embassy.",
        "Mr. Lund said Norway would hold firm to its pledge.",
    ] {
        let got = code_with(text, Vec::new());
        assert!(
            !got.iter()
                .any(|f| f.cameo.starts_with("17") || f.cameo.starts_with("18")),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn holding_someone_responsible_is_blame() {
    let got = code_with(
        "Ukraine holds Russia partly responsible for the blast.",
        Vec::new(),
    );
    assert!(has(&got, "UKR", "RUS", "112"), "{got:?}");
}

#[test]
fn him_points_at_a_person_not_at_a_group() {
    // "him" is the Dane, not the Swedish officials named between.
    let text = "Karl Brandt lost an appeal in Oslo, the Danish national said. \
                The Swedish officials dropped their inquiry after Norway stripped him of his residence permit.";
    let entities = vec![
        entity(text, "e1", EntityType::Person, None, &["Karl Brandt"]),
        entity(text, "e3", EntityType::Norp, Some("DNK"), &["Danish"]),
        entity(text, "e4", EntityType::Gpe, Some("NOR"), &["Norway"]),
    ];
    let got = code_with(text, entities);
    assert!(has(&got, "NOR", "DNK", "172"), "{got:?}");
}

#[test]
fn a_named_office_holder_is_of_the_country_the_article_is_about() {
    let text = "Canada's government presented its budget on Tuesday. \
                Canadian ministers said Canada would spend more on roads. \
                Senate Speaker Marta Lopez endorsed Justin Trudeau on Wednesday. \
                Lawmakers endorsed Justin Trudeau too.";
    let entities = vec![
        entity(text, "e1", EntityType::Gpe, Some("CAN"), &["Canada"]),
        entity(text, "e2", EntityType::Norp, Some("CAN"), &["Canadian"]),
        entity(text, "e3", EntityType::Person, None, &["Marta Lopez"]),
        entity(
            text,
            "e4",
            EntityType::Person,
            Some("CANGOV"),
            &["Justin Trudeau"],
        ),
    ];
    let facts = code_with(text, entities);
    // Named, she is Canada's; unnamed lawmakers acting on Canada's leader
    // in an article about Canada may be anyone's, so they stay countryless.
    assert!(has(&facts, "CANLEG", "CANGOV", "051"), "{facts:?}");
    assert!(has(&facts, "---LEG", "CANGOV", "051"), "{facts:?}");
}

/// A person entity with one mention at each of `spans` (the n-th
/// occurrence of a form in `text`, counting from 0).
fn person_at(
    text: &str,
    id: &str,
    name: &str,
    actor: Option<&str>,
    spans: &[(&str, usize)],
) -> Entity {
    let mentions = spans
        .iter()
        .map(|(form, nth)| {
            let (start, _) = text
                .match_indices(form)
                .nth(*nth)
                .expect("the form occurs that often");
            Span::new(start, start + form.len())
        })
        .collect();
    Entity {
        id: id.into(),
        name: name.into(),
        kind: EntityType::Person,
        actor: actor.map(Into::into),
        mentions,
        titles: Vec::new(),
    }
}

#[test]
fn a_lone_surname_kept_apart_takes_the_code_of_the_one_full_name() {
    let text = "Gov. Ann Lowell won the primary in Ohio on Monday. \
                Later that day Lowell accused China of hacking the election.";
    let entities = vec![
        person_at(
            text,
            "e1",
            "Ann Lowell",
            Some("USAGOV"),
            &[("Ann Lowell", 0)],
        ),
        person_at(text, "e2", "Lowell", None, &[("Lowell", 1)]),
        entity(text, "e3", EntityType::Gpe, Some("CHN"), &["China"]),
    ];
    let got = code_with(text, entities);
    assert!(has(&got, "USAGOV", "CHN", "112"), "{got:?}");
}

#[test]
fn a_full_name_kept_apart_takes_the_code_of_its_namesake_entity() {
    // The headline's "Lowell" began a cluster of its own that the later
    // full name joined; the titled full name is another entity.
    let text = "Lowell wins in Ohio.\n\n\
                Gov. Ann Lowell won the primary on Monday. \
                Later that day Ann Lowell accused China of hacking the election.";
    let entities = vec![
        person_at(
            text,
            "e1",
            "Ann Lowell",
            None,
            &[("Lowell", 0), ("Ann Lowell", 1)],
        ),
        person_at(
            text,
            "e2",
            "Ann Lowell",
            Some("USAGOV"),
            &[("Ann Lowell", 0)],
        ),
        entity(text, "e3", EntityType::Gpe, Some("CHN"), &["China"]),
    ];
    let got = code_with(text, entities);
    assert!(has(&got, "USAGOV", "CHN", "112"), "{got:?}");
}

#[test]
fn a_surname_two_people_share_stays_uncoded() {
    let text = "Gov. Ann Lowell won the primary in Ohio on Monday, and her brother \
                Tom Lowell lost his race. Later that day Lowell accused China of \
                hacking the election.";
    let entities = vec![
        person_at(
            text,
            "e1",
            "Ann Lowell",
            Some("USAGOV"),
            &[("Ann Lowell", 0)],
        ),
        person_at(text, "e2", "Tom Lowell", None, &[("Tom Lowell", 0)]),
        person_at(text, "e3", "Lowell", None, &[("Lowell", 2)]),
        entity(text, "e4", EntityType::Gpe, Some("CHN"), &["China"]),
    ];
    let got = code_with(text, entities);
    assert!(!has(&got, "", "CHN", "112"), "{got:?}");
}

#[test]
fn a_surname_before_a_suffix_is_the_full_names_surname() {
    let text = "Adm. Ann B. Lowell Jr. spoke in Ohio on Monday. \
                Later that day Admiral Lowell accused China of hacking the election.";
    let entities = vec![
        person_at(
            text,
            "e1",
            "Ann B. Lowell Jr.",
            Some("USAMIL"),
            &[("Ann B. Lowell Jr.", 0)],
        ),
        person_at(text, "e2", "Lowell", None, &[("Lowell", 1)]),
        entity(text, "e3", EntityType::Gpe, Some("CHN"), &["China"]),
    ];
    let got = code_with(text, entities);
    assert!(has(&got, "USAMIL", "CHN", "112"), "{got:?}");
}
