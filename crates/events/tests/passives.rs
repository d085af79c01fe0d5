//! Passives without an agent take the doer their article implies, and
//! only then; on sentences written for these tests.

use events::EventCoder;
use model::{Analysis, Document};

/// (source, target, cameo, sentence start) of every fact.
fn code(text: &str) -> Vec<(String, String, String, usize)> {
    let mut a = Analysis::new(Document::default());
    a.document.article.text = text.to_string();
    EventCoder::new().annotate(&mut a);
    a.events
        .iter()
        .filter(|e| e.modality.is_fact())
        .map(|e| {
            let actor = |r: &Option<model::Reference>| {
                r.as_ref().and_then(|r| r.actor.clone()).unwrap_or_default()
            };
            (
                actor(&e.source),
                actor(&e.target),
                e.cameo.clone(),
                e.sentence.start,
            )
        })
        .collect()
}

fn has(events: &[(String, String, String, usize)], source: &str, target: &str, code: &str) -> bool {
    events
        .iter()
        .any(|(s, t, c, _)| s.starts_with(source) && t.starts_with(target) && c.starts_with(code))
}

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
        got.iter().any(|(s, t, c, at)| s.starts_with("AFGGOV")
            && t.starts_with("AFGREB")
            && c.starts_with("084")
            && *at == second),
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
