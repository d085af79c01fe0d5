//! Collective actors and the targets of appeals (`named_actors.txt`,
//! `phrases.rs`, `coder/targets.rs`): a bloc acts as its member countries,
//! "Allied troops" are NATO's, a region's possessive ("Europe's") is the
//! region, and what an appeal asks for keeps its own target. On sentences
//! written for these tests.

mod support;

use support::{facts, has};

#[test]
fn a_bloc_acts_as_each_of_its_members() {
    let f = facts("The Baltic states condemned Russia's military drills on Tuesday.");
    for member in ["LTU", "LVA", "EST"] {
        assert!(has(&f, member, "RUS", "11"), "{member}: {f:?}");
    }
    let f = facts("Poland and the Baltic republics accused Moscow of meddling.");
    for member in ["POL", "LTU", "LVA", "EST"] {
        assert!(has(&f, member, "RUS", "112"), "{member}: {f:?}");
    }
}

#[test]
fn a_bloc_is_targeted_as_each_of_its_members() {
    let f = facts("Germany praised the Scandinavian countries for taking in refugees.");
    for member in ["DNK", "NOR", "SWE"] {
        assert!(has(&f, "DEU", member, "05"), "{member}: {f:?}");
    }
    let f = facts("Russia criticized the Nordic nations for joining the exercise.");
    for member in ["DNK", "FIN", "ISL", "NOR", "SWE"] {
        assert!(has(&f, "RUS", member, "11"), "{member}: {f:?}");
    }
}

#[test]
fn allied_troops_are_natos() {
    let f = facts("Moscow denounced the deployment of Allied troops in Estonia.");
    assert!(has(&f, "RUS", "IGONAT", "11"), "{f:?}");
    let f = facts("Allied forces attacked Taliban positions near Kunduz.");
    assert!(has(&f, "IGONAT", "AFG", "19"), "{f:?}");
    let f = facts("Poland has clamored for a permanent deployment of Allied troops.");
    assert!(has(&f, "POL", "IGONAT", "02"), "{f:?}");
}

#[test]
fn a_regions_possessive_is_the_region() {
    let f = facts("Canada questioned Europe's reliance on Russian gas.");
    assert!(has(&f, "CAN", "EUR", "11"), "{f:?}");
    assert!(!has(&f, "CAN", "RUS", ""), "{f:?}");
    let f = facts("China praised Africa's progress on debt relief.");
    assert!(has(&f, "CHN", "AFR", "05"), "{f:?}");
    let f = facts("Trump criticized Europe's leaders.");
    assert!(has(&f, "USA", "EUR", "11"), "{f:?}");
}

#[test]
fn a_regions_possessive_in_an_apposition_is_not_the_subject() {
    let f = facts("Germany, Europe's largest economy, criticized Russia.");
    assert!(has(&f, "DEU", "RUS", "11"), "{f:?}");
    assert!(!has(&f, "EUR", "", ""), "{f:?}");
}

#[test]
fn the_target_of_an_act_asked_for_is_not_the_one_asked() {
    for text in [
        "Senator Graham urged sanctions on Iran.",
        "The Kenyan foreign minister called for retaliation against Uganda.",
        "Poland demanded new measures against Belarus.",
    ] {
        let f = facts(text);
        for target in ["IRN", "UGA", "BLR"] {
            assert!(!has(&f, "", target, "02"), "{text}: {f:?}");
            assert!(!has(&f, "", target, "10"), "{text}: {f:?}");
        }
    }
}

#[test]
fn the_one_asked_stays_the_target_of_an_appeal() {
    let f = facts("Kenya urged Uganda to impose sanctions on Somalia.");
    assert!(has(&f, "KEN", "UGA", "02"), "{f:?}");
    assert!(!has(&f, "KEN", "SOM", "02"), "{f:?}");
    let f = facts("Senator Graham urged Obama to impose sanctions on Iran.");
    assert!(has(&f, "", "USA", "02"), "{f:?}");
    let f = facts("Kenya called on Uganda to end the blockade.");
    assert!(has(&f, "KEN", "UGA", "02"), "{f:?}");
}
