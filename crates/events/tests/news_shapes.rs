//! Shapes of news English the coder reads, on sentences written for these
//! tests: senses of event words that are no event, and events said in ways
//! the verb patterns alone miss.

mod support;

use support::{facts, has};

#[test]
fn showing_something_is_not_a_demonstration() {
    let f = facts("The Russian minister demonstrated his resolve in talks with Turkey on Monday.");
    assert!(!has(&f, "", "", "14"), "{f:?}");
    let f = facts("Iranian officials have demonstrated that the sanctions failed.");
    assert!(!has(&f, "", "", "14"), "{f:?}");
    let f = facts("The vote was a demonstration of French resolve.");
    assert!(!has(&f, "", "", "14"), "{f:?}");
    // The protest sense still codes.
    let f = facts("Thousands of Kenyan students demonstrated outside the parliament in Nairobi.");
    assert!(has(&f, "KEN", "KEN", "14"), "{f:?}");
}

#[test]
fn a_campaign_rally_is_not_a_protest() {
    let f = facts("The Brazilian president held a rally in Sao Paulo on Sunday.");
    assert!(!has(&f, "", "", "14"), "{f:?}");
    let f = facts("Kenya's opposition leader will address a large rally in Mombasa.");
    assert!(!has(&f, "", "", "14"), "{f:?}");
}
