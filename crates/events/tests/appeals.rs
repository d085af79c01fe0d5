//! Appeals ("called on X to …") keep their speaker as the source whatever
//! the clauses after them hold; on sentences written for these tests.

mod support;

use support::{facts as code, has};

#[test]
fn a_be_in_a_later_clause_does_not_make_an_appeal_passive() {
    let got = code(
        "Saudi Arabia called on Israel to halt the strikes, saying the violence must be stopped.",
    );
    assert!(has(&got, "SAU", "ISR", "02"), "{got:?}");
    let got = code(
        "The French foreign minister called on Iran to release the sailors, \
         who he said were being held illegally.",
    );
    assert!(has(&got, "FRA", "IRN", "02"), "{got:?}");
}

#[test]
fn a_participle_before_the_main_verb_is_still_passive() {
    // "imposed on Russia … were lifted": the "be" is this clause's own
    // verb, so "imposed" modifies "sanctions" and nobody imposed them here.
    let got = code("Sanctions imposed on Russia over the annexation were lifted on Monday.");
    assert!(
        !got.iter()
            .any(|f| f.cameo.starts_with("16") && f.source.starts_with("RUS")),
        "{got:?}"
    );
}
