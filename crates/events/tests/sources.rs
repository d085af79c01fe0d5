//! Who acts when the subject is far from its verb: clauses inserted
//! between them, on sentences written for these tests.

mod support;

use support::{facts, facts_with, has, place};

#[test]
fn a_relative_clause_between_subject_and_verb_is_skipped() {
    // Set off by dashes, with a condition of its own inside.
    let f = facts(
        "The Kenyan government - which has rejected the plan if the talks resume - \
         criticised Tanzania on Monday.",
    );
    assert!(has(&f, "KEN", "TZA", "11"), "{f:?}");
    // Set off by commas.
    let f = facts(
        "The Kenyan government, which has rejected the plan if the talks resume, \
         criticised Tanzania on Monday.",
    );
    assert!(has(&f, "KEN", "TZA", "11"), "{f:?}");
}

#[test]
fn a_dashed_apposition_is_the_subject_itself() {
    let f = facts("Two of its neighbours - Kenya and Uganda - criticised Tanzania on Monday.");
    assert!(
        has(&f, "KEN", "TZA", "11") && has(&f, "UGA", "TZA", "11"),
        "{f:?}"
    );
}

#[test]
fn the_doer_after_a_controller_is_its_object_not_a_place() {
    use events::EventCoder;
    use model::{Analysis, Document};
    // A request is no fact: the requested act is read with its modality.
    let mut a = Analysis::new(Document::default());
    a.document.article.text =
        "The Kenyan president urged Uganda at the summit in Tanzania to help Somalia.".to_string();
    EventCoder::new().annotate(&mut a);
    let doers: Vec<_> = a
        .events
        .iter()
        .filter(|e| e.cameo.starts_with("07"))
        .filter_map(|e| e.source.as_ref().and_then(|r| r.actor.clone()))
        .collect();
    assert_eq!(doers, ["UGA"], "{:?}", a.events);
}

#[test]
fn a_government_does_not_act_on_its_own_capital() {
    // "who" after a coordination also reaches the government; the refusal
    // is the rebels' alone, and Nairobi is the government itself.
    let text = "The talks are between the Kenyan government and the rebels, who have long \
                refused to negotiate with Nairobi.";
    let f = facts_with(text, vec![place(text, "e1", "Nairobi", "KENGOV")]);
    assert!(has(&f, "---REB", "KENGOV", "12"), "{f:?}");
    assert!(!has(&f, "KENGOV", "KENGOV", "12"), "{f:?}");
    // A meeting goes both ways and stays, whoever sits on either side.
    let f = facts("Kenyan ministers met Kenyan officials in Nairobi on Monday.");
    assert!(has(&f, "KENGOV", "KENGOV", "04"), "{f:?}");
}

#[test]
fn a_participle_after_while_or_after_is_done_by_the_main_subject() {
    // The main verb codes nothing here; the subordinator's clause still
    // has the main clause's subject.
    let f = facts(
        "The Kenyan president on Friday dismissed the plan as divisive while praising Uganda.",
    );
    assert!(has(&f, "KENGOV", "UGA", "051"), "{f:?}");
    let f = facts("The Kenyan president, after praising Uganda, left the summit early.");
    assert!(has(&f, "KENGOV", "UGA", "051"), "{f:?}");
}

#[test]
fn a_participle_may_hang_on_a_nested_verb_instead() {
    // The praise is the rebels' (the subject of "meeting"), not the
    // president's; nor is the one the governor is allowed to make his.
    let f =
        facts("The Kenyan president recalled the rebels meeting the envoy while praising Uganda.");
    assert!(!f.iter().any(|e| e.source.starts_with("KENGOV")), "{f:?}");
    let f =
        facts("The Kenyan president allowed the governor to sign the law, while praising Uganda.");
    assert!(!has(&f, "KENGOV", "UGA", "051"), "{f:?}");
}

#[test]
fn an_absolute_with_clause_has_its_own_subject() {
    // "with X doing": X does it, not the main clause's subject; a "with"
    // after its verb ("met with Uganda seeking") opens no such clause.
    let f =
        facts("Tanzania signed a pact with Uganda, with Kenya agreeing to send aid to Somalia.");
    assert!(has(&f, "KEN", "SOM", "03"), "{f:?}");
    assert!(!has(&f, "TZA", "SOM", "03"), "{f:?}");
    let f = facts("With Kenya criticising Uganda, Tanzania stayed silent on Monday.");
    assert!(has(&f, "KEN", "UGA", "11"), "{f:?}");
    let f = facts("Tanzania stayed silent, with Kenya criticising Uganda on Monday.");
    assert!(has(&f, "KEN", "UGA", "11"), "{f:?}");
    assert!(!has(&f, "TZA", "UGA", "11"), "{f:?}");
}

#[test]
fn members_included_in_a_group_that_is_no_actor_act() {
    let f = facts("Several senior figures, including the Kenyan president, criticised Uganda.");
    assert!(has(&f, "KENGOV", "UGA", "11"), "{f:?}");
    // A group with a country acts itself.
    let f = facts("Kenyan officials, including the Ugandan envoy, criticised Tanzania.");
    assert!(has(&f, "KENGOV", "TZA", "11"), "{f:?}");
    assert!(!has(&f, "UGAGOV", "TZA", "11"), "{f:?}");
}

#[test]
fn a_statement_opening_the_sentence_is_its_subjects() {
    // "In a statement condemning …, X said": X condemns; a possessive
    // pronoun there points forward to X.
    let f = facts("In a statement condemning Uganda, the Kenyan president said talks would go on.");
    assert!(has(&f, "KENGOV", "UGA", "11"), "{f:?}");
    let f = facts("In his letter praising Uganda, the Kenyan president thanked the envoy.");
    assert!(has(&f, "KENGOV", "UGA", "05"), "{f:?}");
    // An act it names is not looked up in the sentences before.
    let f = facts(
        "Uganda shelled the border town on Sunday. In a statement condemning the attack, \
         the Kenyan president said talks would go on.",
    );
    assert!(!has(&f, "KENGOV", "UGA", "11"), "{f:?}");
}
