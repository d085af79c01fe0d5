//! A judgement a speaker gives as a description of an actor in a quote
//! ("Kenya is a bully," the Ugandan minister said) is the speaker's
//! criticism (111) or praise (051) of that actor, as "called Kenya a bully"
//! is. On sentences written for these tests.

use chrono::NaiveDate;
use model::{Analysis, Document};
use std::sync::OnceLock;

fn nlp() -> &'static nlp::Nlp {
    static NLP: OnceLock<nlp::Nlp> = OnceLock::new();
    NLP.get_or_init(|| nlp::Nlp::embedded().expect("embedded entity model"))
}

/// The facts (source, target, code) coded in `text` once entities and
/// quotes are found: the quote's speaker is the attribution stage's.
fn facts(text: &str) -> Vec<(String, String, String)> {
    let mut a = Analysis::new(Document::default());
    a.document.article.text = text.to_string();
    a.document.article.published = NaiveDate::from_ymd_opt(2024, 5, 6);
    nlp().annotate(&mut a);
    attribution::Attributor::new().annotate(&mut a);
    events::EventCoder::new().annotate(&mut a);
    let actor =
        |r: &Option<model::Reference>| r.as_ref().and_then(|r| r.actor.clone()).unwrap_or_default();
    a.events
        .iter()
        .filter(|e| e.modality.is_fact())
        .map(|e| (actor(&e.source), actor(&e.target), e.cameo.clone()))
        .collect()
}

/// Whether a fact's source, target and code start with these.
fn has(facts: &[(String, String, String)], source: &str, target: &str, code: &str) -> bool {
    facts
        .iter()
        .any(|(s, t, c)| s.starts_with(source) && t.starts_with(target) && c.starts_with(code))
}

#[test]
fn a_blame_label_after_a_copula_in_a_quote_is_criticism_by_the_speaker() {
    let f = facts("\"Kenya is a bully,\" the Ugandan foreign minister said on Monday.");
    assert!(has(&f, "UGA", "KEN", "111"), "{f:?}");
    let f = facts(
        "\"By any measure, the Iranian government has been a disgrace to the region,\" the \
         Saudi foreign minister told reporters.",
    );
    assert!(has(&f, "SAU", "IRN", "111"), "{f:?}");
    let f = facts("The French president said: \"Russia was so reckless in Syria.\"");
    assert!(has(&f, "FRA", "RUS", "111"), "{f:?}");
}

#[test]
fn a_praise_label_after_a_copula_in_a_quote_is_praise_by_the_speaker() {
    let f =
        facts("\"The Kenyan president is truly a statesman,\" the Tanzanian prime minister said.");
    assert!(has(&f, "TZA", "KEN", "051"), "{f:?}");
}

#[test]
fn a_denial_a_forecast_or_another_noun_is_no_judgement() {
    let f = facts("\"Kenya is not a bully,\" the Ugandan foreign minister said on Monday.");
    assert!(!has(&f, "UGA", "KEN", "11"), "{f:?}");
    let f = facts("\"Kenya will be a disaster for the region,\" the Ugandan minister said.");
    assert!(!has(&f, "UGA", "KEN", "11"), "{f:?}");
    let f = facts("\"Kenya is a victim of a crime,\" the Ugandan foreign minister said.");
    assert!(!has(&f, "UGA", "KEN", "11"), "{f:?}");
    // A class of people or things described is no side judged.
    let f = facts("\"The settlements are illegal,\" the Jordanian foreign minister said.");
    assert!(!f.iter().any(|(_, _, c)| c.starts_with("11")), "{f:?}");
    // Without a quote the description is the writer's, not a side's.
    let f = facts("Kenya is a bully in the region.");
    assert!(!f.iter().any(|(_, _, c)| c.starts_with("11")), "{f:?}");
}
