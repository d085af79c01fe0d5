//! Deeds told inside another clause that the coder must still code with
//! their doer: a gerund after a word of owning to or regretting it ("makes
//! no apologies for accusing"), and a participle clause's gerund after a
//! subordinator that follows a noun phrase ("… with this crowd after
//! questioning"). On sentences written for these tests.

mod support;

use support::{facts, has};

#[test]
fn a_deed_owned_to_is_done_by_the_one_who_owns_to_it() {
    // An apology or a regret presupposes the deed: it happened, and the
    // subject of the apology did it, whatever the apology's negation.
    let f = facts("The Kenyan president makes no apologies for criticizing Uganda.");
    assert!(has(&f, "KEN", "UGA", "111"), "{f:?}");
    let f =
        facts("Rwanda's foreign minister made no apology for accusing Burundi of arming rebels.");
    assert!(has(&f, "RWA", "BDI", "112"), "{f:?}");
    let f = facts("Tanzania has no regrets about expelling Rwandan diplomats.");
    assert!(has(&f, "TZA", "RWA", "16"), "{f:?}");
    let f = facts("The Ugandan army was proud of attacking Somali rebels.");
    assert!(has(&f, "UGA", "SOM", "19"), "{f:?}");
    let f = facts("The Nigerian government said it was sorry for blaming Ghana.");
    assert!(has(&f, "NGA", "GHA", "112"), "{f:?}");
}

#[test]
fn an_alleged_deed_stays_unreported() {
    // An accusation's gerund is only alleged: no attack by either side.
    let f = facts("Kenya accused Uganda of attacking Somali troops.");
    assert!(has(&f, "KEN", "UGA", "112"), "{f:?}");
    assert!(!has(&f, "", "SOM", "19"), "{f:?}");
}

#[test]
fn a_participle_after_a_noun_phrase_and_a_subordinator_is_a_verb() {
    // "the region before attacking": the determiner opens "the region",
    // not a phrase headed by the gerund.
    let f = facts("Nigeria recalled its envoy to the region before attacking Cameroon.");
    assert!(has(&f, "NGA", "CMR", "19"), "{f:?}");
    let f = facts("Turkey drew criticism from this group after praising Russia.");
    assert!(has(&f, "TUR", "RUS", "051"), "{f:?}");
    let f = facts("Ghana won the sympathy of the crowd after condemning Togo.");
    assert!(has(&f, "GHA", "TGO", "11"), "{f:?}");
}
