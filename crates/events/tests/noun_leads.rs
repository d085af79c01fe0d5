//! Event nouns no suffix rule leads back to a verb ("war", "threat",
//! "offensive") take the verb `modality_words.txt` `[noun-verbs]` lists, on
//! sentences written for these tests.

mod support;

use support::{facts, has};

#[test]
fn a_listed_noun_codes_its_verb() {
    let f = facts("Russia's war against Ukraine entered a new phase on Monday.");
    assert!(has(&f, "RUS", "UKR", "190"), "{f:?}");
    let f = facts("Iran's threats against Israel alarmed the region on Monday.");
    assert!(has(&f, "IRN", "ISR", "13"), "{f:?}");
}

#[test]
fn nouns_of_blame_praise_and_detention_code_their_verbs() {
    let f = facts("Kenya's denunciation of Uganda drew an angry reply on Monday.");
    assert!(has(&f, "KEN", "UGA", "111"), "{f:?}");
    let f = facts("Japan's apology to South Korea was welcomed in Seoul on Monday.");
    assert!(has(&f, "JPN", "KOR", "055"), "{f:?}");
    let f = facts("Iran's detention of two British sailors angered London.");
    assert!(has(&f, "IRN", "GBR", "173"), "{f:?}");
    let f = facts("Russia's expulsion of British diplomats followed on Tuesday.");
    assert!(has(&f, "RUS", "GBR", "174"), "{f:?}");
    let f = facts("Sweden's recognition of Palestine angered Israel.");
    assert!(has(&f, "SWE", "PSE", "054"), "{f:?}");
}

#[test]
fn wars_named_by_two_modifiers_are_not_fought_between_them() {
    let f = facts("Veterans of the Syrian and Yemeni wars met in Beirut on Monday.");
    assert!(!has(&f, "SYR", "YEM", "190"), "{f:?}");
    assert!(!has(&f, "YEM", "SYR", "190"), "{f:?}");
}

#[test]
fn a_war_of_words_is_no_fight() {
    let f = facts("China's war of words with Japan escalated on Monday.");
    assert!(!f.iter().any(|e| e.cameo.starts_with("19")), "{f:?}");
}

#[test]
fn a_noun_met_with_from_someone_is_done_to_the_subject() {
    let f = facts("Russia pressed on amid criticism from China on Monday.");
    assert!(has(&f, "CHN", "RUS", "11"), "{f:?}");
    let f = facts("The Kenyan army advanced with help from Uganda on Monday.");
    assert!(has(&f, "UGA", "KEN", "07"), "{f:?}");
}

#[test]
fn a_relative_clause_keeps_the_noun_from_the_main_subject() {
    let f = facts("Kenya thanked the envoy, who acted amid criticism from Uganda.");
    assert!(!f.iter().any(|e| e.source.starts_with("UGA")), "{f:?}");
}

#[test]
fn a_plural_in_es_after_a_sibilant_leads_to_its_verb() {
    let f = facts("Armenia's clashes with Azerbaijan killed ten soldiers on Monday.");
    assert!(has(&f, "ARM", "AZE", "19"), "{f:?}");
}
