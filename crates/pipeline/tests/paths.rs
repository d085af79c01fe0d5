//! The pipeline's two entry points (with and without a budget) run the same
//! stages: `analyze` and the library callers use the first, `ingest` and the
//! CLI's `analyze` the second, and a stage added to only one of them once left
//! `contradiction` flags out of everything `ingest` stored.

use model::FlagKind;
use pipeline::{Budget, Input, Pipeline};

const DENIAL: &str = "Armenia accused Azerbaijan on Tuesday of shelling villages near the \
border, officials in Yerevan said. Azerbaijan denied the accusation on Wednesday.";

#[test]
fn analysis_with_and_without_a_budget_gives_the_same_record() {
    let pipeline = Pipeline::embedded().expect("the embedded models load");
    let input = Input {
        id: "denial".into(),
        bytes: DENIAL.as_bytes(),
        ..Input::default()
    };
    let plain = pipeline.analyze(&input).expect("a short text is analysed");
    let budgeted = pipeline
        .analyze_within(&input, &Budget::unlimited())
        .expect("an unlimited budget never runs out");
    let kinds = |a: &model::Analysis| -> Vec<FlagKind> { a.flags.iter().map(|f| f.kind).collect() };
    assert!(
        kinds(&budgeted).contains(&FlagKind::Contradiction),
        "the denial is linked to its claim on the budgeted path: {:?}",
        kinds(&budgeted)
    );
    assert_eq!(kinds(&plain), kinds(&budgeted));
    assert_eq!(plain.events.len(), budgeted.events.len());
    assert_eq!(plain.quotes.len(), budgeted.quotes.len());
    assert_eq!(plain.entities.len(), budgeted.entities.len());
}
