//! The event coder's actor tables read real text the way it is written:
//! abbreviated titles from PETRARCH's capitals ("ADM.") match as news
//! writes them ("Adm."); on sentences written for these tests.

mod support;

use support::{facts, has};

#[test]
fn abbreviated_military_titles_code_their_holder() {
    for text in [
        "Ukrainian Lt. Col. Taras Melnyk accused Russia of shelling the town.",
        "Ukrainian Adm. Oksana Hrytsenko accused Russia of shelling the town.",
        "Ukrainian Gen. Taras Melnyk accused Russia of shelling the town.",
    ] {
        let got = facts(text);
        assert!(has(&got, "UKRMIL", "RUS", "112"), "{text}: {got:?}");
    }
}
