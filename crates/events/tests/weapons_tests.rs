//! A weapons test aimed at no one shows force (CAMEO 150: `verbs.txt`'s
//! "conducted a nuclear test", "test-fired a missile", "fired missiles into
//! the sea"), and a relative pronoun followed by a short adverbial ("which
//! in recent months has conducted") still makes the phrase before it the
//! doer (`coder/roles.rs`'s `adverbial_after_relative`). On sentences
//! written for these tests.

mod support;

use support::{facts, has, Fact};

/// Whether `source` shows force with no target.
fn shows_force(f: &[Fact], source: &str) -> bool {
    f.iter()
        .any(|x| x.source.starts_with(source) && x.target.is_empty() && x.cameo.starts_with("15"))
}

#[test]
fn a_weapons_test_shows_force() {
    let f = facts("North Korea fired three ballistic missiles into the sea on Monday.");
    assert!(shows_force(&f, "PRK"), "{f:?}");
    let f = facts("Iran test-fired a ballistic missile on Sunday.");
    assert!(shows_force(&f, "IRN"), "{f:?}");
    let f = facts("Pakistan carried out a missile test near the border.");
    assert!(shows_force(&f, "PAK"), "{f:?}");
    let f = facts("North Korea conducted its fifth nuclear test on Friday.");
    assert!(shows_force(&f, "PRK"), "{f:?}");
}

#[test]
fn missiles_fired_at_someone_are_an_attack_not_a_test() {
    let f = facts("North Korea fired missiles at South Korean ships.");
    assert!(has(&f, "PRK", "KOR", "19"), "{f:?}");
    assert!(!shows_force(&f, "PRK"), "{f:?}");
}

#[test]
fn a_relative_pronoun_before_an_adverbial_is_the_subject() {
    let f = facts(
        "Abe and Park worried about North Korea, which in recent months has \
         conducted a fourth nuclear test.",
    );
    assert!(shows_force(&f, "PRK"), "{f:?}");
    assert!(!shows_force(&f, "JPN"), "{f:?}");
    let f = facts("Merkel spoke with Putin, who on Monday accused Ukraine of provocations.");
    assert!(has(&f, "RUS", "UKR", "112"), "{f:?}");
    assert!(!has(&f, "DEU", "UKR", "112"), "{f:?}");
}
