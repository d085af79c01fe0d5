//! The event coder's actor tables read real text the way it is written:
//! abbreviated titles from PETRARCH's capitals ("ADM.") match as news
//! writes them ("Adm."), and a leader's surname ("Blair") does not code
//! a namesake ("Dennis Blair"); on sentences written for these tests.

mod support;

use model::{Entity, EntityType};
use support::{entity, facts, facts_with, has};

#[test]
fn abbreviated_military_titles_code_their_holder() {
    for text in [
        "Ukrainian Lt. Col. Taras Melnyk accused Russia of shelling the town.",
        "Ukrainian Adm. Oksana Hrytsenko accused Russia of shelling the town.",
        "Ukrainian Gen. Taras Melnyk accused Russia of shelling the town.",
        // "Brig." ends no sentence before the "Gen." it goes with.
        "Ukrainian Brig. Gen. Taras Melnyk accused Russia of shelling the town.",
    ] {
        let got = facts(text);
        assert!(has(&got, "UKRMIL", "RUS", "112"), "{text}: {got:?}");
    }
}

/// A person entity the entity stage left uncoded, with a mention at every
/// occurrence of each of `forms`.
fn person(text: &str, id: &str, forms: &[&str]) -> Entity {
    entity(text, id, EntityType::Person, None, forms)
}

fn country(text: &str, id: &str, name: &str, code: &str) -> Entity {
    Entity {
        actor: Some(code.into()),
        kind: EntityType::Gpe,
        ..person(text, id, &[name])
    }
}

#[test]
fn a_leaders_surname_in_the_table_does_not_code_a_namesake() {
    // The leader table's "Blair" is Tony Blair's: not another Blair's,
    // whether named in full or by the surname he was introduced with.
    for text in [
        "Retired admiral Dennis Blair criticized China on Tuesday.",
        "Dennis Blair spoke in Ohio on Monday. Blair criticized China on Tuesday.",
    ] {
        let entities = vec![
            person(text, "e1", &["Dennis Blair", "Blair"]),
            country(text, "e2", "China", "CHN"),
        ];
        let got = facts_with(text, entities);
        assert!(!has(&got, "GBR", "CHN", "111"), "{text}: {got:?}");
    }
    // Likewise a surname of the named actors' table ("Peskov", with "Dmitry
    // Peskov").
    let text = "Ivan Peskov, a farmer, criticized China on Tuesday.";
    let entities = vec![
        person(text, "e1", &["Ivan Peskov"]),
        country(text, "e2", "China", "CHN"),
    ];
    let got = facts_with(text, entities);
    assert!(!has(&got, "RUS", "CHN", "111"), "{got:?}");
    let text = "Dmitry Peskov criticized China on Tuesday.";
    let entities = vec![
        person(text, "e1", &["Dmitry Peskov"]),
        country(text, "e2", "China", "CHN"),
    ];
    let got = facts_with(text, entities);
    assert!(has(&got, "RUS", "CHN", "111"), "{got:?}");
    // The leader himself keeps his code.
    let text = "Tony Blair criticized China on Tuesday.";
    let entities = vec![
        person(text, "e1", &["Tony Blair"]),
        country(text, "e2", "China", "CHN"),
    ];
    let got = facts_with(text, entities);
    assert!(has(&got, "GBR", "CHN", "111"), "{got:?}");
    // A lone surname after the leader's full name may be him, though a
    // relative of the same surname is named too.
    let text = "Cherie Blair arrived with Tony Blair. Blair criticized China.";
    let entities = vec![
        person(text, "e1", &["Cherie Blair", "Blair"]),
        person(text, "e3", &["Tony Blair"]),
        country(text, "e2", "China", "CHN"),
    ];
    let got = facts_with(text, entities);
    assert!(has(&got, "GBR", "CHN", "111"), "{got:?}");
}
