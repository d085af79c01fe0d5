//! Events named by nouns and carried by light verbs, and reciprocal fights,
//! on sentences written for these tests.

use events::EventCoder;
use model::{Analysis, Document, Modality};

/// (source, target, cameo, modality) of every event of `text`.
fn coded(text: &str) -> Vec<(String, String, String, Modality)> {
    let mut a = Analysis::new(Document::default());
    a.document.article.text = text.to_string();
    EventCoder::new().annotate(&mut a);
    a.events
        .iter()
        .map(|e| {
            let actor = |r: &Option<model::Reference>| {
                r.as_ref().and_then(|r| r.actor.clone()).unwrap_or_default()
            };
            (
                actor(&e.source),
                actor(&e.target),
                e.cameo.clone(),
                e.modality,
            )
        })
        .collect()
}

/// Whether an event from `source` to `target` (country prefixes) with a
/// code under `root` has modality `modality`.
fn has(text: &str, source: &str, target: &str, root: &str, modality: Modality) -> bool {
    coded(text).iter().any(|(s, t, c, m)| {
        s.starts_with(source) && t.starts_with(target) && c.starts_with(root) && *m == modality
    })
}

/// Whether any event under `root` was coded at all.
fn any_root(text: &str, root: &str) -> bool {
    coded(text).iter().any(|(_, _, c, _)| c.starts_with(root))
}

#[test]
fn a_possessor_is_the_agent_of_the_noun_and_the_of_phrase_its_target() {
    let s = "Russia's invasion of Ukraine began on Thursday.";
    assert!(
        has(s, "RUS", "UKR", "19", Modality::Asserted),
        "{:?}",
        coded(s)
    );
}

#[test]
fn a_by_phrase_is_the_agent_and_the_of_phrase_who_it_was_done_to() {
    let s = "The arrest of the opposition leader by Turkish police drew crowds.";
    assert!(
        has(s, "TURCOP", "TUR", "17", Modality::Asserted),
        "{:?}",
        coded(s)
    );
    let s = "A visit to Beijing by the Japanese prime minister took place on Monday.";
    assert!(
        has(s, "JPN", "CHN", "04", Modality::Asserted),
        "{:?}",
        coded(s)
    );
}

#[test]
fn a_light_verb_gives_its_subject_to_the_event_its_object_names() {
    let s = "China made a strong condemnation of Japan on Monday.";
    assert!(
        has(s, "CHN", "JPN", "11", Modality::Asserted),
        "{:?}",
        coded(s)
    );
    let s = "Iran announced the release of two American sailors.";
    assert!(
        has(s, "IRN", "USA", "08", Modality::Reported),
        "{:?}",
        coded(s)
    );
}

#[test]
fn background_labels_are_not_news() {
    for s in [
        "The 2003 invasion of Iraq by the United States still divides Europe.",
        "Last year's invasion of Georgia by Russia still divides Europe.",
        "The former occupation of Lebanon by Syria still divides its politics.",
        "Since the arrest of the editor by Turkish police, the paper has been silent.",
    ] {
        assert!(
            !any_root(s, "19") && !any_root(s, "17"),
            "{s}: {:?}",
            coded(s)
        );
    }
}

#[test]
fn an_event_noun_asked_for_or_only_possible_is_no_fact_of_its_own() {
    // The call is the event; the talks have not happened.
    let s = "Japan called for talks between China and South Korea.";
    assert!(
        !has(s, "CHN", "KOR", "04", Modality::Asserted),
        "{:?}",
        coded(s)
    );
    let s = "A possible attack on Iran by Israel worries the markets.";
    assert!(
        !has(s, "ISR", "IRN", "19", Modality::Asserted),
        "{:?}",
        coded(s)
    );
    let s = "The planned visit to Moscow by the Chinese president was confirmed.";
    assert!(
        has(s, "CHN", "RUS", "04", Modality::Future),
        "{:?}",
        coded(s)
    );
}

#[test]
fn a_meeting_without_an_agent_is_its_clause_subjects_with_each_other() {
    let s = "Obama and Putin failed to find common ground during meeting in China.";
    assert!(
        has(s, "USA", "RUS", "04", Modality::Asserted),
        "{:?}",
        coded(s)
    );
    assert!(
        has(s, "RUS", "USA", "04", Modality::Asserted),
        "{:?}",
        coded(s)
    );
}

#[test]
fn a_clash_with_someone_goes_both_ways() {
    let s = "Turkish troops clashed with Syrian troops near the border.";
    assert!(
        has(s, "TURMIL", "SYRMIL", "19", Modality::Asserted),
        "{:?}",
        coded(s)
    );
    assert!(
        has(s, "SYRMIL", "TURMIL", "19", Modality::Asserted),
        "{:?}",
        coded(s)
    );
}

#[test]
fn nouns_that_name_things_or_roles_as_adjectives_name_no_agent() {
    // "target" is the thing struck; "military" describes the aid.
    let s = "The jets hit an Islamic State target southwest of Baghdad.";
    assert!(
        !coded(s)
            .iter()
            .any(|(src, t, _, _)| src.starts_with("IMG") && t.starts_with("IRQ")),
        "{:?}",
        coded(s)
    );
    let s = "Officials weighed expanding military aid to rebels vetted by the United States.";
    assert!(!any_root(s, "07"), "{:?}", coded(s));
}

#[test]
fn a_protest_noun_names_its_protesters_by_the_place_it_happens_in() {
    let s = "Largely peaceful protests in Tehran continued on Monday.";
    assert!(
        has(s, "IRNOPP", "IRN", "14", Modality::Asserted),
        "{:?}",
        coded(s)
    );
    let s = "The protests in Chile against the government began in October.";
    assert!(
        has(s, "CHLOPP", "CHL", "14", Modality::Asserted),
        "{:?}",
        coded(s)
    );
    // A verb with its object is no protest noun, and "to demonstrate" is
    // an infinitive.
    let s = "In Tehran, this case demonstrates that the courts are weak.";
    assert!(!any_root(s, "14"), "{:?}", coded(s));
    let s = "The sanctions in Tehran are meant to demonstrate to Iran that there are costs.";
    assert!(!any_root(s, "14"), "{:?}", coded(s));
}

#[test]
fn a_meeting_named_for_next_month_is_future() {
    let s = "Russia and Saudi Arabia set out their plans during a meeting due next month.";
    assert!(
        has(s, "RUS", "SAU", "04", Modality::Future),
        "{:?}",
        coded(s)
    );
    assert!(
        !has(s, "RUS", "SAU", "04", Modality::Asserted),
        "{:?}",
        coded(s)
    );
}

#[test]
fn the_subject_of_a_receiving_verb_is_who_the_noun_was_done_to() {
    let s = "Israel faced stiff international and Egyptian criticism on Tuesday.";
    assert!(
        has(s, "EGY", "ISR", "11", Modality::Asserted),
        "{:?}",
        coded(s)
    );
    let s = "The Turkish government drew sharp condemnation from Germany.";
    assert!(
        has(s, "DEU", "TURGOV", "11", Modality::Asserted),
        "{:?}",
        coded(s)
    );
}
