//! Verb patterns for common news verbs the CAMEO table misses or miscodes,
//! on sentences written for these tests.

mod support;

use support::{facts, has};

#[test]
fn breaking_with_someone_is_a_rejection_not_a_threat() {
    let f = facts("Germany broke with France on Tuesday over the farm budget.");
    assert!(has(&f, "DEU", "FRA", "12"), "{f:?}");
    assert!(!has(&f, "", "", "13"), "{f:?}");
}

#[test]
fn breaking_with_resolutions_defies_norms() {
    let f = facts("Germany broke with United Nations resolutions on Tuesday.");
    assert!(has(&f, "DEU", "IGOUNO", "128"), "{f:?}");
}

#[test]
fn breaking_with_a_custom_codes_nothing() {
    let f = facts("Germany broke with tradition on Tuesday.");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn an_allegation_accuses_the_subject_of_its_clause() {
    let f = facts("Canadian officials alleged that Iran had hidden the crash site.");
    assert!(has(&f, "CAN", "IRN", "112"), "{f:?}");
}

#[test]
fn ships_handed_to_a_state_are_aid_and_warships_military_aid() {
    let f = facts("Japan will provide the Philippines with ten patrol vessels.");
    assert!(has(&f, "JPN", "PHL", "070"), "{f:?}");
    let f = facts("Japan will give two warships to the Philippines.");
    assert!(has(&f, "JPN", "PHL", "072"), "{f:?}");
}

#[test]
fn weapons_provided_with_are_military_aid() {
    let f = facts("France will supply Ukraine with artillery and ammunition.");
    assert!(has(&f, "FRA", "UKR", "072"), "{f:?}");
}

#[test]
fn information_provided_is_no_aid() {
    let f = facts("Japan will provide the Philippines with detailed information.");
    assert!(!has(&f, "", "", "07"), "{f:?}");
}

#[test]
fn joining_someone_in_an_action_is_cooperation_with_them() {
    let f = facts("Japan joined South Korea on Friday in sending engineers to the region.");
    assert!(has(&f, "JPN", "KOR", "060"), "{f:?}");
}

#[test]
fn joining_someone_in_a_condemnation_is_diplomatic_cooperation() {
    let f = facts("Poland joined Spain in condemning the shelling.");
    assert!(has(&f, "POL", "ESP", "050"), "{f:?}");
    assert!(!has(&f, "", "", "06"), "{f:?}");
}

#[test]
fn joining_an_alliance_in_a_year_codes_nothing() {
    let f = facts("Croatia joined NATO in 2009.");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn pressing_for_a_truce_in_a_country_appeals_to_it() {
    let f = facts("Egypt pressed for a truce in Libya on Sunday.");
    assert!(has(&f, "EGY", "LBY", "0256"), "{f:?}");
}

#[test]
fn a_trip_aimed_at_an_appeal_is_no_appeal_yet() {
    let f =
        facts("The Egyptian foreign minister began a trip aimed at calling for a truce in Libya.");
    assert!(!has(&f, "", "", "02"), "{f:?}");
}

#[test]
fn reneging_on_a_pledge_to_someone_reduces_relations() {
    let f = facts("Iran reneged on its pledge to Iraq.");
    assert!(has(&f, "IRN", "IRQ", "160"), "{f:?}");
}

#[test]
fn joining_forces_with_someone_is_cooperation_both_ways() {
    let f = facts("Turkey joined forces with Russia against the rebels.");
    assert!(has(&f, "TUR", "RUS", "060"), "{f:?}");
    assert!(has(&f, "RUS", "TUR", "060"), "{f:?}");
    assert!(!has(&f, "", "", "04"), "{f:?}");
}

#[test]
fn a_call_on_a_weekday_is_a_phone_call_not_an_appeal() {
    let f = facts("Spain called Portugal on Friday about the fires.");
    assert!(has(&f, "ESP", "PRT", "041"), "{f:?}");
    assert!(!has(&f, "", "", "02"), "{f:?}");
}

#[test]
fn a_call_that_ends_the_sentence_or_congratulates_is_a_phone_call() {
    let f = facts("The Spanish prime minister called Portugal.");
    assert!(has(&f, "ESP", "PRT", "041"), "{f:?}");
    let f = facts("Spain called Portugal to congratulate its new government.");
    assert!(has(&f, "ESP", "PRT", "041"), "{f:?}");
}

#[test]
fn summoning_an_ambassador_is_a_meeting_and_to_protest_a_complaint() {
    let f = facts("Sweden summoned Iran's ambassador on Tuesday.");
    assert!(has(&f, "SWE", "IRN", "040"), "{f:?}");
    let f = facts("Sweden summoned Iran's ambassador to protest the executions.");
    assert!(has(&f, "SWE", "IRN", "114"), "{f:?}");
}

#[test]
fn daring_someone_to_act_is_a_threat() {
    let f = facts("Peru dared Chile to take the case to court.");
    assert!(has(&f, "PER", "CHL", "130"), "{f:?}");
}

#[test]
fn seeking_sanctions_against_someone_threatens_them_with_sanctions() {
    let f = facts("Canada will seek new sanctions against Venezuela.");
    assert!(has(&f, "CAN", "VEN", "1312"), "{f:?}");
}

#[test]
fn brokering_a_deal_with_someone_is_negotiating_with_them() {
    let f = facts("Norway brokered a deal with Colombia on Friday.");
    assert!(has(&f, "NOR", "COL", "046"), "{f:?}");
}

#[test]
fn an_appeal_for_an_end_to_fighting_in_a_country_is_made_to_it() {
    let f = facts("Italy urged an end to the violence in Libya.");
    assert!(has(&f, "ITA", "LBY", "0256"), "{f:?}");
    let f = facts("Italy called for restraint in Libya.");
    assert!(has(&f, "ITA", "LBY", "0256"), "{f:?}");
}

#[test]
fn calling_the_police_is_no_contact_between_actors() {
    let f = facts("The shop owner in Ohio ended up calling the police.");
    assert!(!has(&f, "", "", "04"), "{f:?}");
}
