//! Passives without an agent take the doer their article implies, and
//! only then; on sentences written for these tests.

mod support;

use support::{facts as code, has};

#[test]
fn a_release_without_agent_is_by_whoever_held_them() {
    let got =
        code("Two Canadians who had been held by the Taliban since 2018 were released on Tuesday.");
    assert!(has(&got, "AFGREB", "CAN", "181"), "{got:?}");
    assert!(has(&got, "AFGREB", "CAN", "084"), "{got:?}");
}

#[test]
fn a_release_told_again_in_the_passive_is_by_the_earlier_releaser() {
    let text = "The Afghan government freed three Taliban prisoners on Monday. \
                The Taliban members were released in Doha.";
    let got = code(text);
    let second = text.find("The Taliban members").unwrap();
    assert!(
        got.iter().any(|f| f.source.starts_with("AFGGOV")
            && f.target.starts_with("AFGREB")
            && f.cameo.starts_with("084")
            && f.sentence_start == second),
        "{got:?}"
    );
}

#[test]
fn people_killed_are_killed_by_the_one_state_force_their_article_names() {
    let got = code(
        "Iranian security forces fired on crowds in several cities on Friday. \
         At least 40 protesters have been killed in Tehran, rights groups said.",
    );
    assert!(has(&got, "IRN", "IRNOPP", "175"), "{got:?}");
}

#[test]
fn another_countrys_people_or_no_force_named_imply_no_doer() {
    let got = code(
        "Iraqi police raided a market on Monday. \
         Two American soldiers were killed nearby.",
    );
    assert!(!has(&got, "IRQ", "USA", ""), "{got:?}");
    let got = code("Three journalists were arrested on Monday.");
    assert!(got.is_empty(), "{got:?}");
    // Civilians killed in a blast are no state force's victims because
    // the article named the police.
    let got = code(
        "Turkish police searched the station in Ankara on Monday. \
         Three civilians were killed in Ankara in the blast.",
    );
    assert!(!has(&got, "TUR", "TUR", ""), "{got:?}");
}
